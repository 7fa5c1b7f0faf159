package importers

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// The xlsx reader reads the workbook, relationships and styles with
// encoding/xml (they are small) and the worksheets and shared strings with
// xmlScanner (they are large). excelize is used by the tests as the reference
// reader; its row iterator takes about 13 s for a 150,000-row roster, which
// is too slow for an import the user waits on.

// errTooBig reports that a part of the archive exceeds its limit.
var errTooBig = errors.New("part exceeds size limit")

// xlsxFile is an opened xlsx archive.
type xlsxFile struct {
	name   string
	lim    limits
	parts  map[string]*zip.File
	folded map[string]*zip.File // lower-cased names, for writers that get the case wrong
}

func (x *xlsxFile) part(name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	if f := x.parts[name]; f != nil {
		return f
	}
	return x.folded[strings.ToLower(name)]
}

// read decompresses a part, refusing more than limit bytes.
func (x *xlsxFile) read(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, errTooBig
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// Read into a buffer of the size the header gives (one byte more, to
	// see EOF without growing); a header that lies only costs growth.
	lr := io.LimitReader(rc, limit+1)
	b := make([]byte, 0, int(f.UncompressedSize64)+1)
	for {
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	if int64(len(b)) > limit {
		return nil, errTooBig
	}
	return b, nil
}

// decodeXML reads a small part into v.
func (x *xlsxFile) decodeXML(name string, v any) error {
	f := x.part(name)
	if f == nil {
		return errNoPart
	}
	b, err := x.read(f, x.lim.sheetXML)
	if err != nil {
		return err
	}
	return xml.Unmarshal(b, v)
}

var errNoPart = errors.New("missing part")

type xRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		State string     `xml:"state,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

type xStyles struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	CellXfs []struct {
		NumFmtID int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// relTargets maps relationship ids to part names, resolved against the
// folder of the part that owns the relationships.
func (x *xlsxFile) relTargets(owner string) map[string]xRelTarget {
	dir, file := path.Split(owner)
	var rels xRels
	if err := x.decodeXML(dir+"_rels/"+file+".rels", &rels); err != nil {
		return nil
	}
	out := make(map[string]xRelTarget, len(rels.Rels))
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out[r.ID] = xRelTarget{part: t, typ: r.Type}
	}
	return out
}

type xRelTarget struct{ part, typ string }

// readXLSX reads every worksheet of an xlsx/xlsm archive.
func readXLSX(name string, zr *zip.Reader, lim limits) (*Table, error) {
	x := &xlsxFile{name: name, lim: lim, parts: map[string]*zip.File{}, folded: map[string]*zip.File{}}
	var sheetBytes uint64
	for _, f := range zr.File {
		x.parts[f.Name] = f
		x.folded[strings.ToLower(f.Name)] = f
		if strings.HasPrefix(strings.ToLower(f.Name), "xl/worksheets/") {
			sheetBytes += f.UncompressedSize64
		}
	}
	if sheetBytes > uint64(lim.sheetXML) {
		return nil, tooBigError(name, lim)
	}
	corrupt := func(err error) error {
		if errors.Is(err, errTooBig) {
			return tooBigError(name, lim)
		}
		return corruptError(name, err)
	}

	wbPart := "xl/workbook.xml"
	for _, r := range x.relTargets("") {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			wbPart = r.part
		}
	}
	var wb xWorkbook
	if err := x.decodeXML(wbPart, &wb); err != nil {
		return nil, corrupt(err)
	}
	date1904 := wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	rels := x.relTargets(wbPart)

	var sst []string
	var styles []numFormat
	for _, r := range rels {
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			f := x.part(r.part)
			if f == nil {
				continue
			}
			b, err := x.read(f, lim.sheetXML)
			if err != nil {
				return nil, corrupt(err)
			}
			var ok bool
			if sst, ok = scanSharedStrings(b, lim.cells); !ok {
				return nil, tooManyCellsError(name, "", lim)
			}
		case strings.HasSuffix(r.typ, "/styles"):
			styles = x.readStyles(r.part)
		}
	}

	t := &Table{Name: name, Format: FormatXLSX}
	cells := 0
	for _, ws := range wb.Sheets {
		var rid string
		for _, a := range ws.Attrs {
			if a.Name.Local == "id" {
				rid = a.Value
			}
		}
		target, ok := rels[rid]
		if !ok || !strings.HasSuffix(target.typ, "/worksheet") {
			continue // chart sheets, dialog sheets, macro sheets
		}
		f := x.part(target.part)
		if f == nil {
			return nil, corruptError(name, errors.New("missing worksheet "+target.part))
		}
		b, err := x.read(f, lim.sheetXML)
		if err != nil {
			return nil, corrupt(err)
		}
		sh := &Sheet{Name: ws.Name, Hidden: ws.State == "hidden" || ws.State == "veryHidden"}
		sc := sheetScan{sst: sst, styles: styles, date1904: date1904, lim: lim, cells: cells}
		if e := sc.scan(b, sh); e != nil {
			return nil, e.At(name, ws.Name, 0, 0, "")
		}
		cells = sc.cells
		if !sh.fillMerged(lim.cells - cells) {
			return nil, tooManyCellsError(name, ws.Name, lim)
		}
		t.Sheets = append(t.Sheets, sh)
	}
	if len(t.Sheets) == 0 {
		return nil, fileError(name, "工作簿里没有工作表", "请确认文件内容，或在 Excel/WPS 中打开后另存为新的 .xlsx 文件再导入", nil)
	}
	return t, nil
}

// readStyles returns the number format of every cell style (cellXfs index).
// A missing or broken styles part leaves every cell in the General format.
func (x *xlsxFile) readStyles(part string) []numFormat {
	f := x.part(part)
	if f == nil {
		return nil
	}
	b, err := x.read(f, x.lim.sheetXML)
	if err != nil {
		return nil
	}
	st := scanStyles(b)
	custom := make(map[int]string, len(st.NumFmts))
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	out := make([]numFormat, len(st.CellXfs))
	for i, xf := range st.CellXfs {
		if code, ok := custom[xf.NumFmtID]; ok {
			out[i] = parseFormatCode(code)
		} else {
			out[i] = builtinFormat(xf.NumFmtID)
		}
	}
	return out
}

// scanStyles reads the number formats and the cell formats' number format
// ids of a styles part with xmlScanner, which is many times faster than
// encoding/xml on the 10 KB a typical workbook's styles take.
func scanStyles(b []byte) xStyles {
	var st xStyles
	s := xmlScanner{b: b}
	inNumFmts, inCellXfs := false, false
	for {
		_, _, t, ok := s.next()
		if !ok {
			return st
		}
		switch string(t.name) {
		case "numFmts":
			inNumFmts = !t.end && !t.selfClose
		case "cellXfs":
			inCellXfs = !t.end && !t.selfClose
		case "numFmt":
			if inNumFmts && !t.end {
				code, _ := attr(t.attrs, "formatCode")
				st.NumFmts = append(st.NumFmts, struct {
					ID   int    `xml:"numFmtId,attr"`
					Code string `xml:"formatCode,attr"`
				}{attrInt(t.attrs, "numFmtId"), decodeText(code)})
			}
		case "xf":
			if inCellXfs && !t.end {
				id := attrInt(t.attrs, "numFmtId")
				if id < 0 {
					id = 0
				}
				st.CellXfs = append(st.CellXfs, struct {
					NumFmtID int `xml:"numFmtId,attr"`
				}{id})
			}
		}
	}
}

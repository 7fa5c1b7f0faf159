package importers

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"github.com/shakinm/xlsReader/xls"
)

// Legacy .xls files are read in two passes over the BIFF8 "Workbook" stream
// (taken out of the compound file with mscfb, see cfb.go):
// github.com/shakinm/xlsReader decodes the cells and the shared strings, and
// biffScan walks the records itself for what that library skips — the BIFF
// version, a password (FILEPASS), the 1904 date system, number formats,
// hidden sheets and rows, merged cells and the cached results of formulas.
// xlsReader is known to panic on some files; it runs behind recover and a
// panic becomes a message asking the user to save the file as .xlsx.

// BIFF record types used here.
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recDateMode    = 0x0022
	recFilePass    = 0x002F
	recBoundSheet  = 0x0085
	recMergedCells = 0x00E5
	recString      = 0x0207
	recRow         = 0x0208
	recBOF         = 0x0809
	recFormat      = 0x041E
	recXF          = 0x00E0
)

// biffBook is what biffScan learns about a workbook.
type biffBook struct {
	biff8     bool
	encrypted bool
	date1904  bool
	xfFormats []int          // number-format id of each XF record
	formats   map[int]string // custom number formats by id
	sheets    []biffSheet    // in BOUNDSHEET order, as xlsReader numbers them
}

type biffSheet struct {
	name       string
	hidden     bool
	worksheet  bool
	hiddenRows []int // 0-based
	merged     []Range
	formulas   []biffFormula
}

// biffFormula is the cached result of a formula cell.
type biffFormula struct {
	row, col, xf int // 0-based row and column
	text         string
	num          float64
	isNum        bool
}

// biffRecords calls fn for every record from offset on, until EOF or fn
// returns false. It never reads past the stream.
func biffRecords(stream []byte, offset int, fn func(typ int, data []byte) bool) {
	p := offset
	for p >= 0 && p+4 <= len(stream) {
		typ := int(binary.LittleEndian.Uint16(stream[p:]))
		n := int(binary.LittleEndian.Uint16(stream[p+2:]))
		if p+4+n > len(stream) {
			return
		}
		if !fn(typ, stream[p+4:p+4+n]) || typ == recEOF {
			return
		}
		p += 4 + n
	}
}

// biffScan reads the workbook globals and every sheet's records.
func biffScan(stream []byte) *biffBook {
	bk := &biffBook{formats: map[int]string{}}
	var offsets []int
	first := true
	biffRecords(stream, 0, func(typ int, d []byte) bool {
		switch typ {
		case recBOF:
			if first && len(d) >= 2 {
				bk.biff8 = binary.LittleEndian.Uint16(d) == 0x0600
			}
			first = false
		case recFilePass:
			bk.encrypted = true
		case recDateMode:
			bk.date1904 = len(d) >= 2 && d[0] == 1
		case recXF:
			if len(d) >= 4 {
				bk.xfFormats = append(bk.xfFormats, int(binary.LittleEndian.Uint16(d[2:])))
			}
		case recFormat:
			if len(d) >= 5 {
				s, _ := biffString(d[2:], 2)
				bk.formats[int(binary.LittleEndian.Uint16(d))] = s
			}
		case recBoundSheet:
			if len(d) >= 8 {
				name, _ := biffString(d[6:], 1)
				offsets = append(offsets, int(binary.LittleEndian.Uint32(d)))
				bk.sheets = append(bk.sheets, biffSheet{name: name, hidden: d[4]&3 != 0, worksheet: d[5] == 0})
			}
		}
		return true
	})
	for i := range bk.sheets {
		bk.sheets[i].scan(stream, offsets[i])
	}
	return bk
}

// scan reads one sheet's substream.
func (sh *biffSheet) scan(stream []byte, offset int) {
	pendingString := -1 // index into formulas of a string result awaiting its STRING record
	biffRecords(stream, offset, func(typ int, d []byte) bool {
		switch typ {
		case recRow:
			if len(d) >= 14 && binary.LittleEndian.Uint16(d[12:])&0x20 != 0 {
				sh.hiddenRows = append(sh.hiddenRows, int(binary.LittleEndian.Uint16(d)))
			}
		case recMergedCells:
			if len(d) < 2 {
				break
			}
			n := int(binary.LittleEndian.Uint16(d))
			for i := 0; i < n && 2+8*i+8 <= len(d); i++ {
				r := d[2+8*i:]
				sh.merged = append(sh.merged, Range{
					FromRow: int(binary.LittleEndian.Uint16(r)) + 1, ToRow: int(binary.LittleEndian.Uint16(r[2:])) + 1,
					FromCol: int(binary.LittleEndian.Uint16(r[4:])) + 1, ToCol: int(binary.LittleEndian.Uint16(r[6:])) + 1,
				})
			}
		case recFormula:
			if len(d) < 14 {
				break
			}
			f := biffFormula{row: int(binary.LittleEndian.Uint16(d)), col: int(binary.LittleEndian.Uint16(d[2:])), xf: int(binary.LittleEndian.Uint16(d[4:]))}
			res := d[6:14]
			if res[6] == 0xFF && res[7] == 0xFF {
				switch res[0] {
				case 0: // string: the next STRING record holds it
					sh.formulas = append(sh.formulas, f)
					pendingString = len(sh.formulas) - 1
					return true
				case 1:
					f.text = map[bool]string{true: "TRUE", false: "FALSE"}[res[2] != 0]
				case 2:
					f.text = "#ERROR"
				default:
					return true // empty string result
				}
			} else {
				f.num, f.isNum = math.Float64frombits(binary.LittleEndian.Uint64(res)), true
			}
			sh.formulas = append(sh.formulas, f)
		case recString:
			if pendingString >= 0 {
				sh.formulas[pendingString].text, _ = biffString(d, 2)
				pendingString = -1
			}
		}
		return true
	})
}

// biffString decodes an XLUnicodeString whose character count takes
// countBytes bytes (1 or 2), followed by the option byte. It returns the
// text and the bytes consumed.
func biffString(d []byte, countBytes int) (string, int) {
	if len(d) < countBytes+1 {
		return "", len(d)
	}
	n := int(d[0])
	if countBytes == 2 {
		n = int(binary.LittleEndian.Uint16(d))
	}
	wide := d[countBytes]&1 != 0
	body := d[countBytes+1:]
	if wide {
		n = min(n, len(body)/2)
		u := make([]uint16, n)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(body[2*i:])
		}
		return string(utf16.Decode(u)), countBytes + 1 + 2*n
	}
	n = min(n, len(body))
	r := make([]rune, n)
	for i, c := range body[:n] {
		r[i] = rune(c) // compressed UTF-16: the high byte is zero
	}
	return string(r), countBytes + 1 + n
}

// oleStreams lists the stream names of an OLE2 compound file and returns its
// workbook stream ("Workbook", or "Book" in Excel 5/95 files), if any.
func oleStreams(data []byte, limit int64) (names map[string]bool, workbook []byte, err error) {
	defer func() {
		if p := recover(); p != nil { // mscfb on a hostile file
			names, workbook, err = nil, nil, fmt.Errorf("mscfb panic: %v", p)
		}
	}()
	if err := checkCFBHeader(data); err != nil {
		return nil, nil, err
	}
	limit = min(limit, int64(len(data))) // a stream cannot be larger than its file
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	names = map[string]bool{}
	for {
		f, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		names[f.Name] = true
		if (f.Name == "Workbook" || f.Name == "Book") && workbook == nil && len(f.Path) == 0 {
			if f.Size > limit {
				return names, nil, errTooBig
			}
			workbook, err = io.ReadAll(io.LimitReader(f, limit+1))
			if err != nil {
				return nil, nil, err
			}
		}
	}
	return names, workbook, nil
}

// readXLS reads a BIFF8 workbook.
func readXLS(name string, stream []byte, lim limits) (t *Table, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, xlsUnreadable(name, fmt.Errorf("xls reader panic: %v", p))
		}
	}()
	bk := biffScan(stream)
	switch {
	case bk.encrypted:
		return nil, passwordError(name)
	case !bk.biff8:
		return nil, fileError(name, "这是 Excel 95 或更早版本的文件，无法读取",
			"请用 Excel 或 WPS 打开它，点 文件→另存为→Excel 工作簿(*.xlsx)，再导入新文件", nil)
	}
	wb, err := xls.OpenReader(bytes.NewReader(buildCFB(stream)))
	if err != nil {
		return nil, xlsUnreadable(name, err)
	}
	if wb.GetNumberSheets() != len(bk.sheets) {
		return nil, xlsUnreadable(name, fmt.Errorf("xlsReader found %d sheets, BOUNDSHEET %d", wb.GetNumberSheets(), len(bk.sheets)))
	}
	t = &Table{Name: name, Format: FormatXLS}
	cells := 0
	for i, meta := range bk.sheets {
		if !meta.worksheet {
			continue
		}
		ws, err := wb.GetSheet(i)
		if err != nil {
			return nil, xlsUnreadable(name, err)
		}
		sh := &Sheet{Name: meta.name, Hidden: meta.hidden, Merged: meta.merged}
		put := func(r, c int, cell Cell) *Error {
			if r+1 > lim.rows {
				return tooManyRowsError(lim).At(name, meta.name, 0, 0, "")
			}
			if cells++; cells > lim.cells {
				return tooManyCellsError(name, meta.name, lim)
			}
			if r+1 > len(sh.Rows) {
				sh.Rows = growRows(sh.Rows, r+1)
			}
			row := &sh.Rows[r]
			if c+1 > len(row.Cells) {
				row.Cells = append(row.Cells, make([]Cell, c+1-len(row.Cells))...)
			}
			row.Cells[c] = cell
			return nil
		}
		for r, row := range ws.GetRows() {
			for c, cd := range row.GetCols() {
				var cell Cell
				switch cd.GetType() {
				case "*record.Number", "*record.Rk":
					cell = bk.number(cd.GetFloat64(), cd.GetXFIndex())
				case "*record.Blank", "*record.FakeBlank":
					continue
				default:
					if cell.Text = cd.GetString(); cell.Text == "" {
						continue
					}
				}
				if e := put(r, c, cell); e != nil {
					return nil, e
				}
			}
		}
		for _, f := range meta.formulas {
			cell := Cell{Text: f.text}
			if f.isNum {
				cell = bk.number(f.num, f.xf)
			}
			if cell.Text == "" {
				continue
			}
			if e := put(f.row, f.col, cell); e != nil {
				return nil, e
			}
		}
		for _, r := range meta.hiddenRows {
			if r < len(sh.Rows) {
				sh.Rows[r].Hidden = true
			}
		}
		if !sh.fillMerged(lim.cells - cells) {
			return nil, tooManyCellsError(name, meta.name, lim)
		}
		t.Sheets = append(t.Sheets, sh)
	}
	if len(t.Sheets) == 0 {
		return nil, fileError(name, "工作簿里没有工作表", "请确认文件内容，或在 Excel/WPS 中打开后另存为 .xlsx 文件再导入", nil)
	}
	return t, nil
}

// number renders a numeric cell with its XF's number format.
func (bk *biffBook) number(v float64, xf int) Cell {
	if !isFinite(v) {
		return Cell{Text: "#NUM!"}
	}
	var nf numFormat
	if xf >= 0 && xf < len(bk.xfFormats) {
		id := bk.xfFormats[xf]
		if code, ok := bk.formats[id]; ok {
			nf = parseFormatCode(code)
		} else {
			nf = builtinFormat(id)
		}
	}
	if nf.kind == numDate && bk.date1904 {
		v += date1904Offset
	}
	raw := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) >= 1e15 {
		raw = strconv.FormatFloat(v, 'E', -1, 64)
	}
	return Cell{Text: formatNumber(v, raw, nf), Raw: raw, Number: true}
}

func xlsUnreadable(name string, cause error) *Error {
	return fileError(name, "无法读取这个旧版 Excel（.xls）文件",
		"请用 Excel 或 WPS 打开它，点 文件→另存为→Excel 工作簿(*.xlsx)，再导入新保存的 .xlsx 文件", cause)
}

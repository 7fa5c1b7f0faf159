package importers

import (
	"bytes"
	"strconv"
)

// sheetScan holds what scanning one worksheet part needs.
type sheetScan struct {
	sst      []string
	styles   []numFormat
	date1904 bool
	lim      limits
	cells    int // cells stored so far in the whole workbook
}

// scan reads the rows, cells and merged ranges of a worksheet part into sh.
func (sc *sheetScan) scan(b []byte, sh *Sheet) *Error {
	s := xmlScanner{b: b}
	rowNum, colNum := 0, 0
	var (
		inSheetData, inCell, inV, inIS, inT bool
		rph, cellStyle                      int
		formula                             bool
		typ                                 string
		vbuf, isbuf                         []byte
	)
	for {
		text, cdata, t, ok := s.next()
		if !ok {
			return nil
		}
		if len(text) > 0 {
			if inV {
				vbuf = appendText(vbuf, text, cdata)
			} else if inIS && inT && rph == 0 {
				isbuf = appendText(isbuf, text, cdata)
			}
		}
		switch string(t.name) {
		case "sheetData":
			inSheetData = !t.end && !t.selfClose
		case "row":
			if t.end || !inSheetData {
				continue
			}
			if r := attrInt(t.attrs, "r"); r > 0 {
				rowNum = r
			} else {
				rowNum++
			}
			colNum = 0
			if rowNum > sc.lim.rows {
				return tooManyRowsError(sc.lim)
			}
			if rowNum > len(sh.Rows) {
				sh.Rows = growRows(sh.Rows, rowNum)
			}
			if attrBool(t.attrs, "hidden") {
				sh.Rows[rowNum-1].Hidden = true
			}
		case "c":
			if !inSheetData || rowNum == 0 {
				continue
			}
			if t.end {
				if inCell {
					if e := sc.store(sh, rowNum, colNum, typ, cellStyle, vbuf, isbuf, formula); e != nil {
						return e
					}
				}
				inCell = false
				continue
			}
			// One pass over the attributes: this runs for every cell.
			ref, typAttr, style := []byte(nil), []byte(nil), -1
			eachAttr(t.attrs, func(key, val []byte) {
				switch string(key) {
				case "r":
					ref = val
				case "s":
					style = atoiBytes(val)
				case "t":
					typAttr = val
				}
			})
			if c, _ := cellRef(ref); c > 0 {
				colNum = c
			} else {
				colNum++
			}
			if colNum > maxColumns {
				return &Error{Message: "工作表的列数超出 Excel 的上限", Hint: "文件可能已损坏，请在 Excel/WPS 中打开后另存为新的 .xlsx 文件再导入"}
			}
			cellStyle, typ = style, string(typAttr)
			vbuf, isbuf = vbuf[:0], isbuf[:0]
			formula = false
			inCell = !t.selfClose
		case "v":
			inV = inCell && !t.end && !t.selfClose
		case "f":
			if inCell && !t.end {
				formula = true
			}
		case "is":
			inIS = inCell && !t.end && !t.selfClose
		case "t":
			inT = inIS && !t.end && !t.selfClose
		case "rPh":
			if t.end {
				rph--
			} else if !t.selfClose {
				rph++
			}
		case "mergeCell":
			if ref, ok := attr(t.attrs, "ref"); ok {
				if r, ok := rangeRef(ref); ok {
					sh.Merged = append(sh.Merged, r)
				}
			}
		}
	}
}

// maxColumns is Excel's column limit (XFD).
const maxColumns = 16384

// growRows extends rows to n entries, growing capacity geometrically.
func growRows(rows []Row, n int) []Row {
	if n <= cap(rows) {
		return rows[:n]
	}
	bigger := make([]Row, n, max(n, 2*cap(rows)))
	copy(bigger, rows)
	return bigger
}

// store converts one <c> element into a Cell.
func (sc *sheetScan) store(sh *Sheet, rowNum, colNum int, typ string, style int, v, is []byte, formula bool) *Error {
	c := Cell{Formula: formula}
	switch typ {
	case "s":
		i := atoiBytes(bytes.TrimSpace(v))
		if i < 0 || i >= len(sc.sst) {
			if len(v) == 0 && !formula {
				return nil
			}
			if len(v) == 0 {
				break
			}
			return &Error{Row: rowNum, Col: colNum, Message: "单元格引用了不存在的共享文本", Hint: "文件可能已损坏，请在 Excel/WPS 中打开后另存为新的 .xlsx 文件再导入"}
		}
		c.Text = sc.sst[i]
	case "inlineStr":
		c.Text = decodeText(is)
		if c.Text == "" && len(v) > 0 {
			c.Text = decodeText(v)
		}
	case "str", "e", "d":
		c.Text = decodeText(v)
	case "b":
		if string(bytes.TrimSpace(v)) == "1" {
			c.Text = "TRUE"
		} else if len(v) > 0 {
			c.Text = "FALSE"
		}
	default: // "n" or absent: a number
		raw := string(bytes.TrimSpace(v))
		if raw == "" {
			break
		}
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil || !isFinite(f) {
			c.Text = raw
			break
		}
		var nf numFormat
		if style >= 0 && style < len(sc.styles) {
			nf = sc.styles[style]
		}
		if nf.kind == numDate && sc.date1904 {
			f += date1904Offset
			raw = strconv.FormatFloat(f, 'f', -1, 64)
		}
		c.Text, c.Raw, c.Number = formatNumber(f, raw, nf), raw, true
	}
	if c.Text == "" && !c.Number && !formula {
		return nil
	}
	sc.cells++
	if sc.cells > sc.lim.cells {
		return tooManyCellsError("", "", sc.lim)
	}
	row := &sh.Rows[rowNum-1]
	if colNum > len(row.Cells) {
		if colNum > cap(row.Cells) {
			grown := make([]Cell, colNum, max(colNum, 8, 2*cap(row.Cells)))
			copy(grown, row.Cells)
			row.Cells = grown
		} else {
			row.Cells = row.Cells[:colNum]
		}
	}
	row.Cells[colNum-1] = c
	return nil
}

// Package roster imports a party roster (党员花名册) from a spreadsheet: it
// finds the roster's sheet and header row, maps the Chinese headers and their
// synonyms to fields, reads and checks every member row (Read), then works
// out against the stored organization tree and members what the import would
// do — new members, updates, transfers, new units — as a model.RosterPlan
// the user previews before the store applies it in one transaction (Plan).
//
// Nothing is written here. Every problem is an importers.Error with the file,
// sheet, row and column, in Chinese; problems that block the import are
// Errors, the rest Warnings.
package roster

import (
	"slices"
	"strconv"
	"strings"

	"xingji/importers"
)

// Field is a roster column the importer understands.
type Field int

// The roster fields. FieldSeq and FieldConfirmed are recognised so that they
// are not reported as unknown, and then ignored.
const (
	FieldNone      Field = iota // an unrecognised column, ignored
	FieldSeq                    // 序号
	FieldName                   // 姓名
	FieldGender                 // 性别
	FieldBirth                  // 出生日期
	FieldJoined                 // 入党时间
	FieldConfirmed              // 转正时间 (ignored)
	FieldStatus                 // 党员状态: 正式 / 预备
	FieldCategory               // 人员类别: 在职 / 流动 / 离退休
	FieldUnit                   // 所在支部
	FieldUnitCode               // 组织编码
	FieldPosition               // 职务
	FieldPhone                  // 联系电话
	FieldIDNumber               // 身份证号
)

var fieldNames = [...]string{
	FieldNone: "（未识别）", FieldSeq: "序号", FieldName: "姓名", FieldGender: "性别",
	FieldBirth: "出生日期", FieldJoined: "入党时间", FieldConfirmed: "转正时间",
	FieldStatus: "党员状态", FieldCategory: "人员类别", FieldUnit: "所在支部",
	FieldUnitCode: "组织编码", FieldPosition: "职务", FieldPhone: "联系电话", FieldIDNumber: "身份证号",
}

// String returns the field's usual Chinese header.
func (f Field) String() string {
	if f < 0 || int(f) >= len(fieldNames) {
		return fieldNames[FieldNone]
	}
	return fieldNames[f]
}

// Ignored reports whether the field is recognised but not imported.
func (f Field) Ignored() bool { return f == FieldNone || f == FieldSeq || f == FieldConfirmed }

// synonym is a header text (in importers.HeaderKey form) and its field. A
// higher rank wins when two columns claim the same field: "所在支部" beats
// "单位", which is often the member's employer rather than the party unit.
type synonym struct {
	field Field
	rank  int
}

var synonyms = map[string]synonym{}

func init() {
	add := func(f Field, rank int, words ...string) {
		for _, w := range words {
			synonyms[importers.HeaderKey(w)] = synonym{f, rank}
		}
	}
	add(FieldSeq, 1, "序号", "编号", "序")
	add(FieldName, 2, "姓名", "名字", "党员姓名")
	add(FieldGender, 2, "性别")
	add(FieldBirth, 2, "出生日期", "出生年月", "出生时间", "出生年月日", "生日")
	add(FieldJoined, 2, "入党时间", "入党日期", "入党年月", "入党年月日")
	add(FieldConfirmed, 2, "转正时间", "转正日期", "转正年月")
	add(FieldStatus, 2, "党员状态", "党员类别", "是否预备党员", "党员身份")
	add(FieldCategory, 2, "人员类别", "党员类型", "党员分类")
	add(FieldUnit, 2, "所在支部", "所在党支部", "所在党组织", "所属支部", "所属党支部", "所属党组织",
		"党组织", "党组织名称", "支部名称", "党支部", "党支部名称", "支部")
	add(FieldUnit, 1, "单位")
	add(FieldUnitCode, 2, "组织编码", "党组织编码", "支部编码", "组织代码")
	add(FieldPosition, 2, "职务", "党内职务")
	add(FieldPhone, 2, "联系电话", "手机", "电话", "手机号码", "手机号", "联系方式")
	add(FieldIDNumber, 2, "身份证号", "公民身份号码", "身份证号码", "身份证")
}

// fieldHints lists, for the message about a missing column, a few other
// headers the importer accepts.
var fieldHints = map[Field]string{
	FieldName: "也可写作 名字、党员姓名",
	FieldUnit: "也可写作 党支部、所在党组织、支部名称；或提供“组织编码”列",
}

// Column is one column of the header row and the field it maps to.
type Column struct {
	Col    int    // 1-based
	Header string // as written in the file
	Field  Field  // FieldNone when not recognised
	Note   string // why it is ignored, e.g. a duplicate column; "" otherwise
}

// header is the result of looking for the header row in one sheet.
type header struct {
	row         int
	columns     []Column
	cols        map[Field]int // the column used for each field
	yesNoStatus bool          // the status column is "是否预备党员": 是 / 否
}

func (h header) has(f Field) bool { _, ok := h.cols[f]; return ok }

// complete reports whether the required fields are present: 姓名, and 所在支部
// or 组织编码.
func (h header) complete() bool {
	return h.has(FieldName) && (h.has(FieldUnit) || h.has(FieldUnitCode))
}

// found lists the recognised headers, for messages.
func (h header) found() []string {
	var out []string
	for _, c := range h.columns {
		if c.Field != FieldNone && c.Note == "" {
			out = append(out, c.Header)
		}
	}
	return out
}

// headerRows is how many rows from the top are searched for the header row.
const headerRows = 10

// findHeader looks for the header row among the first rows of sh. It returns
// the first complete header row, or the row with the most recognised headers.
func findHeader(sh *importers.Sheet) header {
	var best header
	for r := 1; r <= min(headerRows, len(sh.Rows)); r++ {
		h := parseHeader(sh, r)
		if h.complete() {
			return withSubHeader(sh, h)
		}
		if len(h.cols) > len(best.cols) {
			best = h
		}
	}
	return best
}

// withSubHeader handles a header of two rows, as government forms have: a
// group row ("基本信息" over several columns, "姓名" merged down over both
// rows) above a row of sub-headers ("出生日期", "入党时间"). When the row
// below a complete header row names two or more fields itself, the two rows
// are combined, the lower row's header winning, and data starts below it.
func withSubHeader(sh *importers.Sheet, h header) header {
	next := parseHeader(sh, h.row+1)
	if len(next.cols) < 2 {
		return h
	}
	upper, lower := sh.Row(h.row), sh.Row(h.row+1)
	combined := importers.Row{Cells: make([]importers.Cell, max(len(upper.Cells), len(lower.Cells)))}
	for c := range combined.Cells {
		combined.Cells[c] = upper.Cell(c + 1)
		if l := lower.Cell(c + 1); importers.Clean(l.Text) != "" && (next.fieldAt(c+1) != FieldNone || importers.Clean(combined.Cells[c].Text) == "") {
			combined.Cells[c] = l
		}
	}
	return parseHeaderRow(combined, h.row+1)
}

// fieldAt returns the field mapped to column c.
func (h header) fieldAt(c int) Field {
	for _, col := range h.columns {
		if col.Col == c {
			return col.Field
		}
	}
	return FieldNone
}

// parseHeader maps the cells of row r to fields.
func parseHeader(sh *importers.Sheet, r int) header {
	return parseHeaderRow(sh.Row(r), r)
}

func parseHeaderRow(row importers.Row, r int) header {
	h := header{row: r, cols: map[Field]int{}}
	rank := map[Field]int{}
	for c := 1; c <= len(row.Cells); c++ {
		cell := row.Cell(c)
		text := importers.Clean(cell.Text)
		if text == "" {
			continue
		}
		col := Column{Col: c, Header: text}
		syn, ok := synonyms[importers.HeaderKey(text)]
		if ok {
			col.Field = syn.field
			if prev, dup := h.cols[syn.field]; dup {
				switch {
				case cell.Merged && row.Cell(prev).Text == cell.Text:
					col.Note = "合并单元格，与" + importers.ColumnName(prev) + "列相同"
				case syn.rank > rank[syn.field]:
					h.markDuplicate(prev, c)
					h.cols[syn.field], rank[syn.field] = c, syn.rank
				default:
					col.Note = "与" + importers.ColumnName(prev) + "列重复，已忽略"
				}
			} else {
				h.cols[syn.field], rank[syn.field] = c, syn.rank
			}
		}
		h.columns = append(h.columns, col)
	}
	h.yesNoStatus = importers.HeaderKey(h.headerOf(FieldStatus)) == "是否预备党员"
	return h
}

// markDuplicate notes that column old lost its field to column now.
func (h *header) markDuplicate(old, now int) {
	for i := range h.columns {
		if h.columns[i].Col == old {
			h.columns[i].Note = "与" + importers.ColumnName(now) + "列重复，已忽略"
		}
	}
}

// headerOf returns the header text of a field's column, for messages.
func (h header) headerOf(f Field) string {
	c, ok := h.cols[f]
	if !ok {
		return f.String()
	}
	for _, col := range h.columns {
		if col.Col == c {
			return col.Header
		}
	}
	return f.String()
}

// missingFields lists the required fields h lacks.
func (h header) missingFields() []Field {
	var out []Field
	if !h.has(FieldName) {
		out = append(out, FieldName)
	}
	if !h.has(FieldUnit) && !h.has(FieldUnitCode) {
		out = append(out, FieldUnit)
	}
	return out
}

// pickSheet chooses the roster sheet: the first visible sheet with a complete
// header row. When there is none it returns an error that names the sheets and
// the headers found.
func pickSheet(t *importers.Table) (*importers.Sheet, header, error) {
	var best *importers.Sheet
	var bestHeader header
	var names []string
	var hiddenMatch *importers.Sheet
	for _, sh := range t.Sheets {
		h := findHeader(sh)
		if sh.Hidden {
			if h.complete() && hiddenMatch == nil {
				hiddenMatch = sh
			}
			continue
		}
		names = append(names, "“"+sh.Name+"”")
		if h.complete() {
			return sh, h, nil
		}
		if best == nil || len(h.cols) > len(bestHeader.cols) {
			best, bestHeader = sh, h
		}
	}
	e := &importers.Error{File: t.Name}
	switch {
	case hiddenMatch != nil:
		e.Sheet = hiddenMatch.Name
		e.Message = "花名册在隐藏的工作表里"
		e.Hint = "请在 Excel/WPS 中右键点工作表标签→取消隐藏，或把数据复制到可见的工作表后再导入"
	case best == nil || allEmpty(t):
		e.Message = "文件里没有数据（工作表都是空的）"
		e.Hint = "请确认选对了文件"
	case len(bestHeader.cols) == 0:
		e.Message = "找不到花名册的表头（至少要有“姓名”和“所在支部”两列）"
		e.Hint = "请确认前 " + strconv.Itoa(headerRows) + " 行中有一行表头；已检查的工作表：" + strings.Join(names, "、")
	default:
		e.Sheet, e.Row = t.SheetLabel(best), bestHeader.row
		var missing, hints []string
		for _, f := range bestHeader.missingFields() {
			missing = append(missing, "“"+f.String()+"”")
			if h := fieldHints[f]; h != "" {
				hints = append(hints, "“"+f.String()+"”"+h)
			}
		}
		e.Message = "表头中找不到" + strings.Join(missing, "和") + "列（已找到：" + strings.Join(bestHeader.found(), "、") + "）"
		e.Hint = "请在表头加上" + strings.Join(missing, "和") + "列"
		if len(hints) > 0 {
			e.Hint += "（" + strings.Join(hints, "；") + "）"
		}
	}
	return nil, header{}, e
}

func allEmpty(t *importers.Table) bool {
	return !slices.ContainsFunc(t.Sheets, func(s *importers.Sheet) bool { return !s.Empty() })
}

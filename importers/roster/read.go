package roster

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"xingji/importers"
	"xingji/model"
)

// Entry is one member row of the roster, read and checked but not yet matched
// to stored units and members. A blank cell leaves its field zero ("not
// given"): Plan then keeps a stored member's value or applies the default.
type Entry struct {
	Row      int // 1-based row in the sheet
	Name     string
	Gender   model.Gender
	Birth    model.Date
	Joined   model.Date
	Status   model.MemberStatus
	Category model.MemberCategory
	Unit     string // the unit as written (cleaned), perhaps a path "城关镇党委/第一党支部"
	UnitCode string
	Position string
	Phone    string
	IDNumber string
	// BirthFromID is true when Birth was blank and was taken from IDNumber.
	BirthFromID bool
}

// Sheet is a roster as read from a file: where it was found, how its columns
// were understood, its entries and the problems found on the way.
type Sheet struct {
	File        string   // the file name, for messages
	Name        string   // the sheet read; "" for a CSV file
	OtherSheets []string // the other sheets, not read
	HeaderRow   int
	Columns     []Column
	Entries     []Entry
	Skipped     []int // rows left out: no name and no unit (footers such as "制表人：…")
	Errors      importers.Errors
	Warnings    importers.Errors

	header header
}

// Read finds the roster in t and reads every member row. It returns an error
// only when there is no roster to read (no sheet with the required headers);
// problems in rows are collected in Sheet.Errors and Sheet.Warnings. name is
// the file name for messages; "" means t.Name.
func Read(name string, t *importers.Table) (*Sheet, error) {
	if name == "" {
		name = t.Name
	}
	t2 := *t
	t2.Name = name
	sh, h, err := pickSheet(&t2)
	if err != nil {
		return nil, err
	}
	s := &Sheet{File: name, Name: t.SheetLabel(sh), HeaderRow: h.row, Columns: h.columns, header: h}
	for _, other := range t.Sheets {
		if other != sh {
			s.OtherSheets = append(s.OtherSheets, other.Name)
		}
	}
	var hidden []int
	for r := h.row + 1; r <= len(sh.Rows); r++ {
		row := sh.Row(r)
		if row.Empty() {
			continue
		}
		e, ok := s.readRow(row, r)
		if !ok {
			continue
		}
		if row.Hidden {
			hidden = append(hidden, r)
		}
		s.Entries = append(s.Entries, e)
	}
	if len(hidden) > 0 {
		s.warn(0, 0, "", "第"+rowList(hidden)+"行是隐藏行，也已一并导入",
			"如果这些人不应导入，请在表格中删除这些行（而不是隐藏）后重新导入")
	}
	return s, nil
}

// cell returns the cell of a field in row, and whether the column exists.
func (s *Sheet) cell(row importers.Row, f Field) (importers.Cell, bool) {
	c, ok := s.header.cols[f]
	if !ok {
		return importers.Cell{}, false
	}
	return row.Cell(c), true
}

func (s *Sheet) text(row importers.Row, f Field) string {
	c, _ := s.cell(row, f)
	return importers.Clean(c.Text)
}

// fail records an error at a field's cell.
func (s *Sheet) fail(r int, f Field, msg, hint string) {
	s.Errors = append(s.Errors, s.at(r, f, msg, hint))
}

func (s *Sheet) warnAt(r int, f Field, msg, hint string) {
	s.Warnings = append(s.Warnings, s.at(r, f, msg, hint))
}

func (s *Sheet) warn(r, col int, header, msg, hint string) {
	s.Warnings = append(s.Warnings, &importers.Error{File: s.File, Sheet: s.Name, Row: r, Col: col, Header: header, Message: msg, Hint: hint})
}

func (s *Sheet) at(r int, f Field, msg, hint string) *importers.Error {
	e := &importers.Error{File: s.File, Sheet: s.Name, Row: r, Message: msg, Hint: hint}
	if f != FieldNone {
		e.Col, e.Header = s.header.cols[f], s.header.headerOf(f)
	}
	return e
}

// place puts an unplaced error from a parser at a field's cell.
func (s *Sheet) place(err error, r int, f Field) *importers.Error {
	e, ok := err.(*importers.Error)
	if !ok {
		e = &importers.Error{Message: err.Error()}
	}
	return e.At(s.File, s.Name, r, s.header.cols[f], s.header.headerOf(f))
}

// readRow reads one non-empty row. ok is false when the row is not a member
// (it is then listed in Skipped, with a warning when it holds text).
func (s *Sheet) readRow(row importers.Row, r int) (Entry, bool) {
	e := Entry{Row: r, Name: importers.CleanName(s.text(row, FieldName))}
	if why := notMember(row, e.Name); why != "" {
		s.Skipped = append(s.Skipped, r)
		s.warn(r, 0, "", "这一行"+why+"，不是党员信息，已跳过（内容：“"+s.rowText(row)+"”）", "")
		return e, false
	}
	unitCell, _ := s.cell(row, FieldUnit)
	codeCell, _ := s.cell(row, FieldUnitCode)
	e.Unit = unitName(unitCell.Text)
	e.UnitCode = strings.ToUpper(importers.Clean(codeCell.Text))
	if e.Name == "" {
		ownUnit := (e.Unit != "" && !unitCell.Merged) || (e.UnitCode != "" && !codeCell.Merged)
		if !ownUnit {
			s.Skipped = append(s.Skipped, r)
			if text := s.rowText(row); text != "" {
				s.warn(r, 0, "", "这一行没有姓名和所在支部，不是党员信息，已跳过（内容：“"+text+"”）", "")
			}
			return e, false
		}
		s.fail(r, FieldName, "姓名为空", "请填写姓名，或删除这一行")
		return e, true
	}
	if n := utf8.RuneCountInString(e.Name); n > 30 {
		s.fail(r, FieldName, "姓名过长（"+strconv.Itoa(n)+"个字）", "请检查是否把几列内容填在了一起")
	}
	if e.Unit == "" && e.UnitCode == "" {
		f := FieldUnit
		if !s.header.has(FieldUnit) {
			f = FieldUnitCode
		}
		s.fail(r, f, "所在支部为空", "请填写该党员所在的党支部")
	}
	s.readGender(row, r, &e)
	e.Birth = s.readDate(row, r, FieldBirth)
	e.Joined = s.readDate(row, r, FieldJoined)
	if !e.Birth.IsZero() && !e.Joined.IsZero() && e.Joined.Compare(e.Birth) <= 0 {
		s.fail(r, FieldJoined, "入党时间（"+e.Joined.Chinese()+"）早于出生日期（"+e.Birth.Chinese()+"）", "请核对这两列是否填反")
	}
	s.readStatus(row, r, &e)
	s.readCategory(row, r, &e)
	e.Position = s.text(row, FieldPosition)
	e.Phone = s.text(row, FieldPhone)
	s.readIDNumber(row, r, &e)
	return e, true
}

// footerWords start the rows below a roster that are not members.
var footerWords = []string{"合计", "总计", "小计", "制表", "填表", "审核", "备注", "说明", "注："}

// notMember recognises rows inside the data that are not members: a banner
// merged across the row ("一、第一党支部") and footers ("合计：6人"). It
// returns why, or "".
func notMember(row importers.Row, name string) string {
	for _, w := range footerWords {
		if strings.HasPrefix(name, w) {
			return "是合计或说明"
		}
	}
	texts := map[string]bool{}
	merged := false
	for _, c := range row.Cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			texts[t] = true
			merged = merged || c.Merged
		}
	}
	if merged && len(texts) == 1 && len(row.Cells) > 1 {
		return "是跨列合并的标题"
	}
	return ""
}

// rowText joins a row's own text (not merged in, not the 序号 column), for the
// skipped-row warning.
func (s *Sheet) rowText(row importers.Row) string {
	var parts []string
	seq := s.header.cols[FieldSeq]
	for i, c := range row.Cells {
		if t := strings.TrimSpace(c.Text); t != "" && !c.Merged && (i+1 != seq || !allDigits(t)) {
			parts = append(parts, t)
		}
	}
	text := strings.Join(parts, " ")
	if r := []rune(text); len(r) > 40 {
		text = string(r[:40]) + "…"
	}
	return text
}

func (s *Sheet) readGender(row importers.Row, r int, e *Entry) {
	switch v := s.text(row, FieldGender); v {
	case "":
	case "男", "男性":
		e.Gender = model.Male
	case "女", "女性":
		e.Gender = model.Female
	default:
		s.fail(r, FieldGender, "性别“"+v+"”无法识别", "请填写“男”或“女”")
	}
}

func (s *Sheet) readDate(row importers.Row, r int, f Field) model.Date {
	c, ok := s.cell(row, f)
	if !ok {
		return model.Date{}
	}
	d, err := importers.ParseDate(c.Text, c.Raw, c.Number)
	if err != nil {
		s.Errors = append(s.Errors, s.place(err, r, f))
		return model.Date{}
	}
	if importers.AmbiguousMonth(c.Text, c.Raw, c.Number) {
		s.warnAt(r, f, "“"+importers.Clean(c.Text)+"”按"+d.Chinese()+"导入；如果原意是"+strconv.Itoa(d.Year)+"年10月，是 Excel 把 .10 存成了 .1",
			"如是10月，请把该单元格设为文本格式后输入 "+strconv.Itoa(d.Year)+".10，或写成 "+strconv.Itoa(d.Year)+"-10")
	}
	return d
}

func (s *Sheet) readStatus(row importers.Row, r int, e *Entry) {
	v := s.text(row, FieldStatus)
	if v == "" {
		return
	}
	if s.header.yesNoStatus {
		switch strings.ToUpper(v) {
		case "是", "Y", "YES", "√", "预备", "预备党员":
			e.Status = model.StatusCandidate
		case "否", "N", "NO", "×", "正式", "正式党员":
			e.Status = model.StatusFull
		default:
			s.fail(r, FieldStatus, "“"+v+"”无法识别", "请填写“是”或“否”")
		}
		return
	}
	switch v {
	case "正式党员", "正式":
		e.Status = model.StatusFull
	case "预备党员", "预备":
		e.Status = model.StatusCandidate
	default:
		s.fail(r, FieldStatus, "党员状态“"+v+"”无法识别", "请填写“正式党员”或“预备党员”（留空按正式党员导入）")
	}
}

func (s *Sheet) readCategory(row importers.Row, r int, e *Entry) {
	v := strings.TrimSuffix(s.text(row, FieldCategory), "党员")
	switch v {
	case "":
	case "在职":
		e.Category = model.CategoryActive
	case "流动":
		e.Category = model.CategoryMobile
	case "离退休", "退休", "离休":
		e.Category = model.CategoryRetired
	default:
		s.fail(r, FieldCategory, "人员类别“"+s.text(row, FieldCategory)+"”无法识别",
			"请填写“在职”“流动”或“离退休”（留空按在职导入）")
	}
}

// readIDNumber reads the ID number as text. A number cell lost digits when it
// holds more than 15 of them; a wrong check digit is only a warning.
func (s *Sheet) readIDNumber(row importers.Row, r int, e *Entry) {
	c, ok := s.cell(row, FieldIDNumber)
	if !ok {
		return
	}
	id := strings.ToUpper(strings.ReplaceAll(importers.Clean(c.Text), " ", ""))
	if id == "" {
		return
	}
	if c.Number {
		raw := strings.TrimSpace(c.Raw)
		if len(raw) != 15 || strings.ContainsAny(raw, ".eE+-") {
			s.fail(r, FieldIDNumber, "身份证号被存成了数字（显示为 "+id+"），Excel 只保留15位有效数字，后几位已经丢失",
				"请把该列设置为“文本”格式（选中该列→右键→设置单元格格式→文本）后重新输入身份证号，或在号码前加英文单引号 '")
			return
		}
		id = raw
	}
	if (len(id) != 15 && len(id) != 18) || !validIDChars(id) {
		s.fail(r, FieldIDNumber, "身份证号格式不正确（共"+strconv.Itoa(utf8.RuneCountInString(id))+"个字符，应为18位数字，最后一位可以是X）",
			"请核对后改正，或清空该单元格")
		return
	}
	e.IDNumber = id
	if err := model.ValidateIDNumber(id); err != nil {
		s.warnAt(r, FieldIDNumber, "身份证号“"+model.MaskIDNumber(id)+"”"+model.ErrorMessage(err)+"，请核对",
			"已照原样导入")
	}
	if birth, ok := birthOfID(id); ok {
		switch {
		case e.Birth.IsZero():
			e.Birth, e.BirthFromID = birth, true
		case !sameAtPrecision(e.Birth, birth):
			s.warnAt(r, FieldBirth, "出生日期（"+e.Birth.Chinese()+"）与身份证号中的出生日期（"+birth.Chinese()+"）不一致",
				"请核对出生日期或身份证号")
		}
	}
}

func validIDChars(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < '0' || c > '9') && !(c == 'X' && i == len(id)-1 && len(id) == 18) {
			return false
		}
	}
	return true
}

// birthOfID reads the birth date of an 18-digit ID number.
func birthOfID(id string) (model.Date, bool) {
	if len(id) != 18 {
		return model.Date{}, false
	}
	y, err1 := strconv.Atoi(id[6:10])
	m, err2 := strconv.Atoi(id[10:12])
	d, err3 := strconv.Atoi(id[12:14])
	date := model.D(y, m, d)
	if err1 != nil || err2 != nil || err3 != nil || date.Validate() != nil {
		return model.Date{}, false
	}
	return date, true
}

// sameAtPrecision reports whether a (perhaps only a year or month) agrees
// with b where a is known.
func sameAtPrecision(a, b model.Date) bool {
	return a.Year == b.Year && (a.Month == 0 || a.Month == b.Month) && (a.Day == 0 || a.Day == b.Day)
}

// unitName cleans a unit as written: normalised, with white space removed
// (names of party units have none) and path separators unified to "/".
func unitName(s string) string {
	s = importers.Normalize(s)
	if strings.ContainsFunc(s, unicode.IsSpace) {
		s = strings.Join(strings.Fields(s), "")
	}
	return pathSeparators.Replace(s)
}

var pathSeparators = strings.NewReplacer("\\", "/", ">", "/", "→", "/", "—", "-", "–", "-")

// rowList writes row numbers compactly: "3、5、7–9行" style, at most 20 shown.
func rowList(rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j > i+1 {
			parts = append(parts, strconv.Itoa(rows[i])+"–"+strconv.Itoa(rows[j]))
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, strconv.Itoa(rows[k]))
			}
		}
		i = j + 1
	}
	if len(parts) > 20 {
		return strings.Join(parts[:20], "、") + "等" + strconv.Itoa(len(rows))
	}
	return strings.Join(parts, "、")
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

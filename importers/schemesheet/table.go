package schemesheet

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"

	"xingji/documents"
	"xingji/importers"
	"xingji/model"
)

// column names the roles of the columns of an office's scheme table.
type column int

const (
	colSeq column = iota
	colCategory
	colContent
	colPoints
	colRule
	colMethod
	colDept
	colKinds
	numColumns
)

// synonyms are the headers (as importers.HeaderKey reduces them) that name
// each column.
var synonyms = [numColumns][]string{
	colSeq:      {"序号", "编号"},
	colCategory: {"类别", "项目", "考核项目", "考核类别", "一级指标", "考核大项"},
	colContent:  {"考核内容", "考核指标", "内容", "指标", "考核要点", "二级指标", "考核细则"},
	colPoints:   {"分值", "分数", "标准分", "满分", "分值分"},
	colRule:     {"评分标准", "计分办法", "评分细则", "评分办法", "扣分标准", "计分标准"},
	colMethod:   {"考核方法", "考核方式", "考核办法"},
	colDept:     {"责任部门", "牵头部门", "责任单位", "考核部门"},
	colKinds:    {"适用类型", "适用范围", "适用对象"},
}

// header is a found header row: the column number (1-based, 0 absent) of
// each role.
type header struct {
	row  int
	cols [numColumns]int
	text [numColumns]string
}

// maxHeaderRow is how far down a header row is looked for.
const maxHeaderRow = 20

// findHeader looks for the header row in the first rows of a sheet: a row
// naming 分值 and 考核内容 or 类别.
func findHeader(sh *importers.Sheet) (header, bool) {
	for r := 1; r <= min(maxHeaderRow, len(sh.Rows)); r++ {
		h := header{row: r}
		for c, cell := range sh.Row(r).Cells {
			key := importers.HeaderKey(cell.Text)
			for role, words := range synonyms {
				if h.cols[role] != 0 {
					continue
				}
				for _, w := range words {
					if key == w {
						h.cols[role], h.text[role] = c+1, importers.Clean(cell.Text)
					}
				}
			}
		}
		if h.cols[colPoints] != 0 && (h.cols[colContent] != 0 || h.cols[colCategory] != 0) {
			return h, true
		}
	}
	return header{}, false
}

// readTable reads an office's own scheme table into res.
func readTable(t *importers.Table, res *Result) error {
	var sh *importers.Sheet
	var h header
	for _, s := range t.VisibleSheets() {
		if hh, ok := findHeader(s); ok {
			sh, h = s, hh
			break
		}
	}
	if sh == nil {
		return &importers.Error{File: t.Name, Message: "没有找到考核方案表格的表头（应有“分值”列和“考核内容”或“类别”列）",
			Hint: "请确认表头在前" + itoa(maxHeaderRow) + "行内，列名如：序号、类别、考核内容、分值、评分标准、考核方法、责任部门"}
	}
	res.Sheet, res.HeaderRow = t.SheetLabel(sh), h.row
	b := &builder{t: t, sh: sh, h: h, res: res, sections: map[string]*node{}}
	b.read()
	return nil
}

// builder turns the rows of a table into a scheme.
type builder struct {
	t        *importers.Table
	sh       *importers.Sheet
	h        header
	res      *Result
	roots    []*node
	sections map[string]*node // by the path of titles, "\n"-joined
	codes    map[string]bool
	kinds    []model.UnitKind
}

// at returns a positioned error or warning for a cell of the table.
func (b *builder) at(row int, col column, msg, hint string) *importers.Error {
	return &importers.Error{File: b.t.Name, Sheet: b.t.SheetLabel(b.sh), Row: row, Col: b.h.cols[col],
		Header: b.h.text[col], Message: msg, Hint: hint}
}

// text returns the cell of row r in a column as written, trimmed: prose
// keeps its full-width punctuation.
func (b *builder) text(row int, col column) string {
	if b.h.cols[col] == 0 {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(b.sh.Cell(row, b.h.cols[col]).Text, "\r\n", "\n"))
}

var totalWords = []string{"合计", "总计", "总分", "合计分"}

func (b *builder) read() {
	sc := &b.res.Scheme
	sc.Name = b.title()
	b.codes = map[string]bool{}
	computed := model.Decimal{}
	var declared *model.Decimal
	declaredRow := 0
	heading := ""
	for r := b.h.row + 1; r <= len(b.sh.Rows); r++ {
		row := b.sh.Row(r)
		if row.Empty() {
			continue
		}
		first := firstText(row)
		if isOneOf(strings.ReplaceAll(first, " ", ""), totalWords) {
			if v, ok := b.points(r, false); ok {
				declared, declaredRow = &v, r
			}
			break
		}
		if strings.HasPrefix(first, "说明") || strings.HasPrefix(first, "备注") || strings.HasPrefix(first, "注") {
			break
		}
		category := b.text(r, colCategory)
		if b.h.cols[colContent] != 0 && b.text(r, colContent) == "" {
			if category != "" {
				heading = category // a heading row: the rows below belong to it
			}
			continue
		}
		if category == "" {
			category = heading
		}
		it, ok := b.item(r)
		if !ok {
			continue
		}
		if !it.Bonus && !it.Penalty {
			computed = computed.Add(it.Points)
		}
		sec := b.section(category)
		sec.Items = append(sec.Items, it)
	}
	for _, s := range b.roots {
		sc.Sections = append(sc.Sections, *resolve(s))
	}
	sc.Total = computed
	if declared != nil && !declared.Equal(computed) {
		b.res.Warnings = append(b.res.Warnings, b.at(declaredRow, colPoints,
			"合计写的是"+declared.String()+"分，各项分值相加是"+computed.String()+"分（不含加分项、减分项）",
			"已按合计"+declared.String()+"分作为方案总分；请核对各项分值"))
		sc.Total = *declared
	}
	sum := sha256.Sum256([]byte(sc.Name))
	sc.Code = "sheet-" + hex.EncodeToString(sum[:4])
	sc.Version = "1"
	sc.Source = b.t.Name
	sc.Subject = model.SubjectUnit
	sc.Kinds = b.kinds
	sc.Sources = []model.Source{{Code: model.SourceReview, Name: "考评", Weight: model.Dec(100)}}
	sc.Notes = append(sc.Notes, model.Note{Text: "由表格“" + b.t.Name + "”导入：各项均为手工打分（0至分值），原评分标准保留在各项说明中；等次、权重等请在方案中补充。"})
}

// title is the scheme name: the first text above the header, else the file
// name without extension.
func (b *builder) title() string {
	for r := 1; r < b.h.row; r++ {
		if s := firstText(b.sh.Row(r)); s != "" {
			return s
		}
	}
	name := b.t.Name
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// item reads the item of row r; false for a row that is not an item (a
// section heading) or whose 分值 could not be read (an error is recorded).
func (b *builder) item(r int) (model.Item, bool) {
	title := b.text(r, colContent)
	if title == "" {
		title = b.text(r, colCategory)
	}
	it := model.Item{Title: title, Rule: model.Manual(), Quote: b.text(r, colRule),
		Method: b.text(r, colMethod), Department: b.text(r, colDept)}
	switch {
	case strings.HasPrefix(title, documents.BonusMark):
		it.Bonus, it.Title = true, strings.TrimPrefix(title, documents.BonusMark)
	case strings.HasPrefix(title, documents.PenaltyMark):
		it.Penalty, it.Title = true, strings.TrimPrefix(title, documents.PenaltyMark)
	}
	p, ok := b.points(r, it.Bonus || it.Penalty)
	if !ok {
		return it, false
	}
	it.Points = p
	it.Code = importers.Clean(b.text(r, colSeq))
	if it.Code == "" || b.codes[it.Code] {
		it.Code = "R" + itoa(r)
	}
	b.codes[it.Code] = true
	it.AppliesTo = b.kindsAt(r)
	return it, true
}

// points reads the 分值 of row r. Blank and "不限" are allowed (as zero)
// only when open is set (bonus and penalty items).
func (b *builder) points(r int, open bool) (model.Decimal, bool) {
	c := b.sh.Cell(r, b.h.cols[colPoints])
	s := importers.Clean(c.Text)
	if open && (s == "" || s == "不限" || s == "—" || s == "-") {
		return model.Decimal{}, true
	}
	if s == "" {
		b.res.Errors = append(b.res.Errors, b.at(r, colPoints, "分值为空", "请填写这一项的分值，例如 2 或 0.5"))
		return model.Decimal{}, false
	}
	text := importers.TrimUnit(s)
	if c.Number && c.Raw != "" {
		text = c.Raw
	}
	d, err := model.ParseDecimal(strings.TrimPrefix(text, "+"))
	if err != nil {
		b.res.Errors = append(b.res.Errors, b.at(r, colPoints, "分值“"+s+"”不是数字", "请只填写阿拉伯数字，例如 5 或 0.5"))
		return model.Decimal{}, false
	}
	if d.Sign() < 0 {
		b.res.Errors = append(b.res.Errors, b.at(r, colPoints, "分值“"+s+"”是负数", "分值是这一项最多得（或扣）的分数，请填写正数；减分项请在考核内容前加“"+documents.PenaltyMark+"”"))
		return model.Decimal{}, false
	}
	return d, true
}

// kindsAt reads the 适用类型 of row r.
func (b *builder) kindsAt(r int) []model.UnitKind {
	s := importers.Clean(b.text(r, colKinds))
	if s == "" || s == model.EveryKindText || s == "全部" || s == "所有" {
		return nil
	}
	var out []model.UnitKind
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；/ \n", r) }) {
		k, ok := model.ParseUnitKind(part)
		if !ok {
			b.res.Warnings = append(b.res.Warnings, b.at(r, colKinds, "不认识的适用类型“"+part+"”，已忽略",
				"可用的类型："+model.KindsText(model.UnitKinds)))
			continue
		}
		out = append(out, k)
		if !containsKind(b.kinds, k) {
			b.kinds = append(b.kinds, k)
		}
	}
	return out
}

// pointsSuffix matches a declared subtotal after a section title:
// "一、基础工作（15分）", "(一)制度建设(5分)".
var pointsSuffix = regexp.MustCompile(`[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[）)]\s*$`)

// node is a section being built; children are kept as pointers until the
// tree is complete.
type node struct {
	sec      model.Section
	children []*node
}

// resolve returns the section of n with its subsections filled in.
func resolve(n *node) *model.Section {
	sec := n.sec
	for _, c := range n.children {
		sec.Sections = append(sec.Sections, *resolve(c))
	}
	return &sec
}

// section returns the section for a 类别 text, creating the chain of
// sections it names (one level per line).
func (b *builder) section(category string) *model.Section {
	var lines []string
	for _, l := range strings.Split(category, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{"考核项目"}
	}
	var parent *node
	for i := range lines {
		key := strings.Join(lines[:i+1], "\n")
		n := b.sections[key]
		if n == nil {
			n = &node{sec: model.Section{Code: "S" + itoa(len(b.sections)+1), Title: lines[i]}}
			if m := pointsSuffix.FindStringSubmatchIndex(lines[i]); m != nil {
				n.sec.Title = strings.TrimSpace(lines[i][:m[0]])
				n.sec.Points, _ = model.ParseDecimal(lines[i][m[2]:m[3]])
			}
			b.sections[key] = n
			if parent == nil {
				b.roots = append(b.roots, n)
			} else {
				parent.children = append(parent.children, n)
			}
		}
		parent = n
	}
	return &parent.sec
}

func firstText(row importers.Row) string {
	for _, c := range row.Cells {
		if s := importers.Clean(c.Text); s != "" {
			return s
		}
	}
	return ""
}

func isOneOf(s string, words []string) bool {
	for _, w := range words {
		if s == w {
			return true
		}
	}
	return false
}

func containsKind(ks []model.UnitKind, k model.UnitKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

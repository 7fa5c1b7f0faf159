package importers

import (
	"strings"
	"unicode"

	"xingji/model"
)

// FreeText is what a person wrote in a text cell (说明, 原因 …), kept as
// typed but for the white space around it: Clean would fold the full-width
// "：，（）" of Chinese text to ASCII.
func FreeText(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
	})
}

// ParseField reads a cell of a form as the field fd: 是/否 (and the usual
// synonyms) for a flag, giving "1" or "0"; else a number in the field's
// range, written back as model.Decimal text (rounded to 4 places), whether
// the cell holds a number, text such as "８", "4.5分", or a formula's last
// result. blank is true for an empty cell. A cell that is not acceptable
// gives an unplaced Error (Message and Hint) that starts with describe()'s
// description of the cell ("东湾村党支部第 3 项的“得分”"); describe is
// called only then, as most cells are fine.
func ParseField(c Cell, fd model.Field, describe func() string) (text string, blank bool, err *Error) {
	// Fast path: a number cell of a number field, as the forms are filled.
	if c.Number && c.Raw != "" && len(c.Raw) <= 15 && fd.Kind != model.FieldFlag {
		// A short plain decimal gives the same Decimal parsed as text as
		// through a float64.
		if d, err := model.ParseDecimal(c.Raw); err == nil {
			inRange := (fd.Min == nil || !d.Less(*fd.Min)) && (fd.Max == nil || !fd.Max.Less(d)) && (!fd.Int || d.IsInt())
			if inRange {
				return d.String(), false, nil
			}
		}
	}
	what := describe()
	bad := func(msg, hint string) (string, bool, *Error) {
		return "", false, &Error{Message: msg, Hint: hint}
	}
	if c.Formula && c.Text == "" && !c.Number {
		return bad(what+"是公式，但文件中没有公式的计算结果",
			"请在 Excel 或 WPS 中打开这个文件，确认数值显示正确后保存，再重新导入")
	}
	s := Clean(c.Text)
	if c.Number && c.Raw != "" {
		s = c.Raw
	}
	if s == "" {
		return "", true, nil
	}
	if fd.Kind == model.FieldFlag {
		switch strings.ToUpper(s) {
		case "是", "√", "Y", "YES", "TRUE", "1", "有", "已做到", "做到":
			return "1", false, nil
		case "否", "×", "X", "N", "NO", "FALSE", "0", "无", "未做到", "没有":
			return "0", false, nil
		}
		return bad(what+"应填“是”或“否”，现在是“"+s+"”", "请从下拉列表中选择“是”或“否”")
	}
	f, perr := ParseNumber(s)
	if perr != nil {
		return bad(what+"应填数字，现在是“"+s+"”", "请只填写"+fd.RangeText()+"，例如 8 或 8.5，不要写文字")
	}
	d, ok := model.DecimalFromFloat(f)
	if !ok {
		return bad(what+"的数值“"+s+"”超出范围", "请填写"+fd.RangeText())
	}
	d = d.Round(4)
	switch {
	case fd.Min != nil && d.Less(*fd.Min), fd.Max != nil && fd.Max.Less(d):
		msg := what + "填写的 " + d.String() + " 超出范围"
		if fd.Kind == model.FieldScore && fd.Max != nil && fd.Max.Less(d) {
			msg = what + "填写的 " + d.String() + " 分超过了分值 " + fd.Max.String() + " 分"
		} else if fd.Min != nil && d.Less(*fd.Min) && fd.Min.IsZero() {
			msg = what + "填写的 " + d.String() + " 是负数"
		}
		return bad(msg, "请填写"+fd.RangeText())
	case fd.Int && !d.IsInt():
		return bad(what+"应为整数，现在是 "+d.String(), "请填写"+fd.RangeText())
	}
	return d.String(), false, nil
}

package documents

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xingji/documents/pdfdoc"
	"xingji/model"
)

// perRow is how many people the PDF of the commendation list prints on a
// line, each with the branch: 姓名 | 所在党组织, three times across A4
// landscape, read left to right as Chinese lists are.
const perRow = 3

// CommendationsPDF writes the commendation list (表彰名单, the attachment
// to the 表彰决定) as PDF, from Awards: each award with its count, the
// collectives (集体) grouped by parent unit in the committee's order, the
// individuals (个人) 按姓氏笔画为序, three to a line with their branch.
func CommendationsPDF(p *Paper) ([]byte, error) {
	tables, err := commendationTables(p, true)
	if err != nil {
		return nil, err
	}
	return writeTablesPDF(p, p.Title("表彰名单"), tables)
}

// CommendationsXLSX writes the commendation list as one worksheet the
// office can still edit: each award a heading and a table, one recipient
// a row (序号, name, parent or branch).
func CommendationsXLSX(p *Paper) ([]byte, error) {
	tables, err := commendationTables(p, false)
	if err != nil {
		return nil, err
	}
	return writeTablesXLSX(p, tables)
}

// awardHeading is an award with its count: "五星级党支部（3个）", "五星级党员（12名）".
func awardHeading(a Award) string {
	unit := "名"
	if a.Collective {
		unit = "个"
	}
	return fmt.Sprintf("%s（%d%s）", a.Honour, len(a.Recipients), unit)
}

// commendationTables is a table per award; grid puts people several to a
// line (the PDF), else one to a row (the worksheet).
func commendationTables(p *Paper, grid bool) ([]paperTable, error) {
	if err := checkResults(p); err != nil {
		return nil, err
	}
	awards := Awards(p)
	if len(awards) == 0 {
		return nil, model.Errorf(model.EInvalid, "考评周期“%s”的结果中没有获得表彰的党组织或党员（没有流动红旗，也没有人获得星级或等次）", p.Period.Name)
	}
	var tables []paperTable
	for i, a := range awards {
		t := paperTable{Heading: fmt.Sprintf("%s、%s", chineseNumber(i+1), awardHeading(a)), Sheet: "表彰名单", Size: 10.5}
		if i == 0 {
			t.Title = p.Title("表彰名单")
			t.Lines = []string{strings.TrimSpace(p.Committee + "　　" + ChineseDate(p.Date))}
		}
		if a.Collective {
			t.Columns = []pdfdoc.Column{{Title: "序号", Align: pdfdoc.Center, Width: 16}, {Title: "党组织名称", MaxWidth: 150},
				{Title: "上级党组织", MaxWidth: 80}}
			t.Numeric = []bool{true}
			t.Rows = collectiveRows(a.Recipients)
		} else {
			people := slices.Clone(a.Recipients)
			SortByStrokes(people, func(r Recipient) string { return r.Name })
			t.Heading += "　按姓氏笔画为序"
			if grid {
				for k := 0; k < perRow; k++ {
					t.Columns = append(t.Columns, pdfdoc.Column{Title: "姓名", Align: pdfdoc.Center, MaxWidth: 30},
						pdfdoc.Column{Title: "所在党组织", MaxWidth: 70})
				}
				for k := 0; k < len(people); k += perRow {
					var cells []string
					for _, r := range people[k:min(k+perRow, len(people))] {
						cells = append(cells, r.Name, r.Unit)
					}
					t.Rows = append(t.Rows, pdfdoc.Row{Cells: cells})
				}
			} else {
				t.Columns = []pdfdoc.Column{{Title: "序号", Align: pdfdoc.Center, Width: 16}, {Title: "姓名", MaxWidth: 40},
					{Title: "所在党组织", MaxWidth: 120}}
				t.Numeric = []bool{true}
				for k, r := range people {
					t.Rows = append(t.Rows, pdfdoc.Row{Cells: []string{itoa(k + 1), r.Name, r.Unit}})
				}
			}
		}
		tables = append(tables, t)
	}
	return tables, nil
}

// collectiveRows are the units of an award grouped by their parent, the
// groups and the units in the committee's order, numbered throughout.
func collectiveRows(list []Recipient) []pdfdoc.Row {
	units := slices.Clone(list)
	first := map[string]int{} // a parent's place: its first child's
	for _, r := range units {
		if o, ok := first[r.Unit]; !ok || r.Order < o {
			first[r.Unit] = r.Order
		}
	}
	slices.SortStableFunc(units, func(a, b Recipient) int {
		return cmp.Or(cmp.Compare(first[a.Unit], first[b.Unit]), cmp.Compare(a.Order, b.Order))
	})
	var rows []pdfdoc.Row
	for i, r := range units {
		if i == 0 || r.Unit != units[i-1].Unit {
			n := 0
			for _, x := range units {
				if x.Unit == r.Unit {
					n++
				}
			}
			group := r.Unit
			if group == "" {
				group = "（无上级党组织）"
			}
			rows = append(rows, pdfdoc.Row{Group: fmt.Sprintf("%s（%d个）", group, n)})
		}
		rows = append(rows, pdfdoc.Row{Cells: []string{itoa(i + 1), r.Name, r.Unit}})
	}
	return rows
}

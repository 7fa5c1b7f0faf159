package main

import (
	"context"
	"fmt"
	"strconv"

	"xingji/cmd/office"
	"xingji/model"
)

func init() {
	register("units", "列出党组织（--json 输出机器可读格式）", runUnits)
	register("members", "列出党员：[--unit 组织编码] [--search 姓名或拼音首字母] [--json]", runMembers)
}

// unitJSON is a unit in the --json output.
type unitJSON struct {
	ID         int64  `json:"id"`
	ParentID   int64  `json:"parent_id"`
	ParentCode string `json:"parent_code"`
	Code       string `json:"code"`
	Name       string `json:"name"`
	Level      string `json:"level"`
	Kind       string `json:"kind"`
	Secretary  string `json:"secretary"`
	SortOrder  int    `json:"sort_order"`
	Founded    string `json:"founded"`
	Dissolved  string `json:"dissolved"`
}

func runUnits(m *Main, ctx context.Context, args []string) error {
	fs := flags("units")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	units, codes, err := unitCodes(ctx, o)
	if err != nil {
		return err
	}
	out := make([]unitJSON, len(units))
	rows := make([][]string, len(units))
	depth := map[int64]int{}
	for i, u := range units {
		out[i] = unitJSON{u.ID, u.ParentID, codes[u.ParentID], u.Code, u.Name, u.Level.String(), string(u.Kind),
			u.Secretary, u.SortOrder, u.Founded.String(), u.Dissolved.String()}
		if u.ParentID != 0 {
			depth[u.ID] = depth[u.ParentID] + 1
		}
		name := indent(depth[u.ID]) + u.Name
		if !u.Active() {
			name += "（已撤销）"
		}
		rows[i] = []string{u.Code, name, u.Level.String(), string(u.Kind), u.Secretary}
	}
	if *asJSON {
		return m.printJSON(out)
	}
	m.table([]string{"编码", "名称", "层级", "类型", "书记"}, rows)
	fmt.Fprintf(m.Stdout, "共 %d 个党组织\n", len(units))
	return nil
}

// unitCodes returns the stored units and their codes by ID.
func unitCodes(ctx context.Context, o *office.Office) ([]model.Unit, map[int64]string, error) {
	units, err := o.Units(ctx)
	if err != nil {
		return nil, nil, err
	}
	codes := make(map[int64]string, len(units))
	for _, u := range units {
		codes[u.ID] = u.Code
	}
	return units, codes, nil
}

func indent(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += "  "
	}
	return s
}

// memberJSON is a member in the --json output; the ID number is masked.
type memberJSON struct {
	ID       int64  `json:"id"`
	UnitID   int64  `json:"unit_id"`
	UnitCode string `json:"unit_code"`
	UnitName string `json:"unit_name"`
	Name     string `json:"name"`
	Gender   string `json:"gender"`
	Birth    string `json:"birth"`
	Joined   string `json:"joined"`
	Status   string `json:"status"`
	Category string `json:"category"`
	Position string `json:"position"`
	Phone    string `json:"phone"`
	IDNumber string `json:"id_number_masked"`
}

func runMembers(m *Main, ctx context.Context, args []string) error {
	fs := flags("members")
	unitCode := fs.String("unit", "", "")
	search := fs.String("search", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	q := model.MemberQuery{WithDescendants: true, Text: *search, Limit: 5000}
	if *unitCode != "" {
		u, err := o.UnitByCode(ctx, *unitCode)
		if err != nil {
			return err
		}
		q.UnitID = u.ID
	}
	_, codes, err := unitCodes(ctx, o)
	if err != nil {
		return err
	}
	var out []memberJSON
	for {
		page, err := o.Members(ctx, q)
		if err != nil {
			return err
		}
		for _, r := range page.Rows {
			out = append(out, memberJSON{r.ID, r.UnitID, codes[r.UnitID], r.UnitName, r.Name, string(r.Gender),
				r.Birth.String(), r.Joined.String(), string(r.Status), string(r.Category), r.Position, r.Phone, r.MaskedID})
		}
		q.Offset += len(page.Rows)
		if len(page.Rows) == 0 || q.Offset >= page.Total {
			break
		}
	}
	if out == nil {
		out = []memberJSON{}
	}
	if *asJSON {
		return m.printJSON(out)
	}
	rows := make([][]string, len(out))
	for i, r := range out {
		rows[i] = []string{strconv.Itoa(i + 1), r.Name, r.Gender, r.Birth, r.Joined, r.Status, r.Category, r.Position, r.UnitName, r.IDNumber}
	}
	m.table([]string{"序号", "姓名", "性别", "出生日期", "入党时间", "状态", "类别", "职务", "所在党组织", "身份证号"}, rows)
	fmt.Fprintf(m.Stdout, "共 %d 名党员\n", len(out))
	return nil
}

package roster

import (
	"strings"
	"testing"

	"xingji/model"
)

// planRows reads rows (the first is the header) and plans them against the
// tree and the given members.
func planRows(t *testing.T, members []model.Member, opts Options, rows ...[]string) *Preview {
	t.Helper()
	p, err := Plan(readRows(t, rows...), Existing{Units: tree(), Members: members}, opts)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	return p
}

func memberOfRow(p *Preview, row int) (model.PlannedMember, bool) {
	for _, m := range p.Plan.Members {
		if m.Row == row {
			return m, true
		}
	}
	return model.PlannedMember{}, false
}

func TestPlanUnitMatching(t *testing.T) {
	p := planRows(t, nil, Options{},
		[]string{"姓名", "所在支部", "组织编码"},
		[]string{"甲", "第二党支部", ""},         // 2: unique name
		[]string{"乙", "第一党支部", ""},         // 3: two units of this name
		[]string{"丙", "城关镇党委/第一党支部", ""},   // 4: path
		[]string{"丁", "城关镇党委－第一党支部", ""},   // 5: path with a full-width dash
		[]string{"戊", "县委/第二党支部", ""},      // 6: path skipping a level
		[]string{"己", "第一党支部", "hx-01"},    // 7: code decides
		[]string{"庚", "第二党支部", "HX-01"},    // 8: code and name disagree
		[]string{"辛", "", "ZZ-99"},         // 9: unknown code, no name
		[]string{"壬", "旧支部", ""},           // 10: dissolved
		[]string{"癸", "河西镇党委 / 第一党支部", ""}, // 11: path with spaces
	)
	wants := map[int]int64{2: 4, 4: 3, 5: 3, 6: 4, 7: 6, 8: 6, 11: 6}
	for row, unit := range wants {
		m, ok := memberOfRow(p, row)
		if !ok || m.Member.UnitID != unit {
			t.Errorf("row %d: unit %d (planned %v), want %d", row, m.Member.UnitID, ok, unit)
		}
	}
	wantProblem(t, p.Errors, 3, "B", "“第一党支部”对应多个党组织", "城关镇党委/第一党支部", "河西镇党委/第一党支部", "组织编码", "完整路径")
	wantProblem(t, p.Warnings, 8, "B", "组织编码“HX-01”对应“第一党支部”", "已按组织编码导入")
	wantProblem(t, p.Errors, 9, "C", "组织编码“ZZ-99”不存在")
	wantProblem(t, p.Errors, 10, "B", "已撤销")
	if p.Ready() || len(p.Errors) != 3 || p.Counts.New != 7 {
		t.Errorf("ready %v, counts %+v, errors:\n%v", p.Ready(), p.Counts, p.Errors)
	}
}

func TestPlanUnknownUnits(t *testing.T) {
	rows := [][]string{
		{"姓名", "所在支部"},
		{"甲", "第三党支部"},
		{"乙", "城关镇党委/第四党支部"},
		{"丙", "第三党支部"},
		{"丁", "第二党支部"},
	}
	p := planRows(t, nil, Options{}, rows...)
	if p.Ready() || len(p.UnknownUnits) != 2 || p.Counts.Pending != 3 || p.Counts.New != 1 {
		t.Fatalf("unknown %+v counts %+v", p.UnknownUnits, p.Counts)
	}
	u := p.UnknownUnits[0]
	if u.Name != "第三党支部" || len(u.Rows) != 2 || u.Rows[0] != 2 || u.Rows[1] != 4 || u.ParentHint != 0 {
		t.Errorf("unknown[0] = %+v", u)
	}
	if u := p.UnknownUnits[1]; u.Name != "城关镇党委/第四党支部" || u.ParentHint != 2 {
		t.Errorf("unknown[1] = %+v", u)
	}

	// Map one, create the other under its path's parent.
	p = planRows(t, nil, Options{
		MapTo:  map[string]int64{"第三党支部": 4},
		Create: map[string]CreateDecision{"城关镇党委/第四党支部": {}},
	}, rows...)
	if !p.Ready() || p.Counts.New != 4 || p.Counts.NewUnits != 1 {
		t.Fatalf("ready %v counts %+v errors %v unknown %v", p.Ready(), p.Counts, p.Errors, p.UnknownUnits)
	}
	nu := p.Plan.NewUnits[0]
	if nu.Ref != "城关镇党委/第四党支部" || nu.Unit.Name != "第四党支部" || nu.Unit.ParentID != 2 || nu.Unit.Code != "CG-03" ||
		nu.Unit.Level != model.LevelBranch || nu.Unit.Kind != model.KindCommunity || nu.Unit.SortOrder != 3 {
		t.Errorf("new unit = %+v", nu)
	}
	if m, _ := memberOfRow(p, 3); m.UnitRef != nu.Ref || m.Member.UnitID != 0 {
		t.Errorf("row 3 planned as %+v", m)
	}
	if m, _ := memberOfRow(p, 2); m.Member.UnitID != 4 {
		t.Errorf("row 2 not mapped: %+v", m)
	}
}

func TestPlanCreateAllUnder(t *testing.T) {
	p := planRows(t, nil, Options{CreateAllUnder: 5},
		[]string{"姓名", "所在支部", "组织编码"},
		[]string{"甲", "幸福村党支部", ""},
		[]string{"乙", "新总支/第一党小组", ""},
		[]string{"丙", "新总支/第二党小组", ""},
		[]string{"丁", "机关党总支", "JG-9"},
		[]string{"戊", "城关镇党委/新党委", ""}, // a 党委 under 城关镇党委: allowed
	)
	if !p.Ready() {
		t.Fatalf("errors %v unknown %v", p.Errors, p.UnknownUnits)
	}
	got := map[string]model.PlannedUnit{}
	for _, u := range p.Plan.NewUnits {
		got[u.Ref] = u
	}
	check := func(ref, parentRef string, parentID int64, level model.UnitLevel, kind model.UnitKind, code string) {
		t.Helper()
		u, ok := got[ref]
		if !ok {
			t.Errorf("no planned unit %q among %v", ref, p.Plan.NewUnits)
			return
		}
		if u.ParentRef != parentRef || u.Unit.ParentID != parentID || u.Unit.Level != level || u.Unit.Kind != kind || u.Unit.Code != code {
			t.Errorf("%s = %+v", ref, u)
		}
	}
	check("幸福村党支部", "", 5, model.LevelBranch, model.KindRural, "HX-02")
	check("新总支", "", 5, model.LevelGeneral, model.KindRural, "HX-03")
	check("新总支/第一党小组", "新总支", 0, model.LevelGroup, model.KindRural, "HX-03-01")
	check("新总支/第二党小组", "新总支", 0, model.LevelGroup, model.KindRural, "HX-03-02")
	check("机关党总支", "", 5, model.LevelGeneral, model.KindOrgan, "JG-9")
	check("城关镇党委/新党委", "", 2, model.LevelCommittee, model.KindCommunity, "CG-03")
	if len(p.Plan.NewUnits) != 6 || p.Plan.NewUnits[1].Ref != "新总支" {
		t.Errorf("parents must come before children: %v", p.Plan.NewUnits)
	}
}

func TestPlanCreateErrors(t *testing.T) {
	p := planRows(t, nil, Options{Create: map[string]CreateDecision{
		"新党委":   {ParentID: 3}, // a 党委 under a 党支部
		"无上级支部": {},            // no parent and no path
	}},
		[]string{"姓名", "所在支部"},
		[]string{"甲", "新党委"},
		[]string{"乙", "无上级支部"},
		[]string{"丙", "新党委"},
	)
	wantProblem(t, p.Errors, 2, "B", "无法新建党组织“新党委”", "不能隶属于")
	wantProblem(t, p.Errors, 3, "B", "没有为新党组织“无上级支部”选择上级党组织")
	if len(p.Errors) != 2 || len(p.Plan.Members) != 0 {
		t.Errorf("errors %v members %v", p.Errors, p.Plan.Members)
	}
	for _, opts := range []Options{
		{MapTo: map[string]int64{"x": 99}},
		{MapTo: map[string]int64{"x": 7}},
		{Create: map[string]CreateDecision{"x": {ParentID: 99}}},
		{CreateAllUnder: 7},
	} {
		if _, err := Plan(readRows(t, []string{"姓名", "所在支部"}), Existing{Units: tree()}, opts); err == nil ||
			!strings.Contains(err.Error(), "请重新选择") {
			t.Errorf("options %+v: err = %v", opts, err)
		}
	}
}

func TestPlanDuplicatesInFile(t *testing.T) {
	id := idWith("19800512", 1)
	p := planRows(t, nil, Options{},
		[]string{"姓名", "出生日期", "所在支部", "身份证号"},
		[]string{"张三", "1980-05-12", "第二党支部", id},
		[]string{"张三丰", "1970-01-01", "第二党支部", id}, // 3: same ID as row 2
		[]string{"李四", "1975-03-01", "第二党支部", ""},
		[]string{"李四", "1975.3.1", "城关镇党委/第二党支部", ""}, // 5: same person as row 4
		[]string{"王五", "", "第二党支部", ""},
		[]string{"王五", "", "第二党支部", ""},              // 7: perhaps the same
		[]string{"李四", "1975-03-01", "CG/第一党支部", ""}, // 8: another unit: fine (path unknown though)
	)
	wantProblem(t, p.Errors, 3, "D", "身份证号“110101********", "与第2行重复")
	wantProblem(t, p.Errors, 5, "A", "与第4行重复（姓名、出生日期和所在支部都相同）")
	wantProblem(t, p.Warnings, 7, "A", "与第6行的姓名和所在支部相同", "可能是同一个人")
	if len(p.Errors) != 2 {
		t.Errorf("errors:\n%v", p.Errors)
	}
}

func TestPlanExistingMembers(t *testing.T) {
	zhang := model.Member{ID: 10, UnitID: 3, Name: "张三", Gender: model.Male, Birth: model.D(1980, 5, 12),
		Status: model.StatusFull, Category: model.CategoryActive, Phone: "13800000000", IDNumber: idWith("19800512", 1)}
	li := model.Member{ID: 11, UnitID: 4, Name: "李四", Birth: model.D(1975, 3, 1), Status: model.StatusCandidate, Category: model.CategoryActive}
	wang := model.Member{ID: 12, UnitID: 4, Name: "王五", Status: model.StatusFull, Category: model.CategoryActive}
	zhao1 := model.Member{ID: 13, UnitID: 4, Name: "赵六", Birth: model.D(1990, 1, 1), Status: model.StatusFull, Category: model.CategoryActive}
	zhao2 := zhao1
	zhao2.ID, zhao2.UnitID = 14, 3
	members := []model.Member{zhang, li, wang, zhao1, zhao2}
	p := planRows(t, members, Options{TransferDate: model.D(2024, 3, 1)},
		[]string{"姓名", "出生日期", "所在支部", "身份证号", "联系电话", "党员状态"},
		[]string{"张叁", "", "第二党支部", zhang.IDNumber, "", ""},     // 2: by ID; renamed and transferred; phone kept
		[]string{"李四", "1975.3", "第二党支部", "", "", "正式党员"},       // 3: by name + birth at month precision; status changes
		[]string{"王五", "", "第二党支部", "", "", ""},                 // 4: by name within the unit: unchanged
		[]string{"赵六", "1990-01-01", "第二党支部", "", "", ""},       // 5: two stored 赵六 born that day
		[]string{"新人", "2000-01-01", "第二党支部", "", "", ""},       // 6: new, status defaulted
		[]string{"张三", "1980-05-12", "城关镇党委/第一党支部", "", "", ""}, // 7: same stored member as row 2
	)
	if p.Plan.TransferDate != model.D(2024, 3, 1) || p.Plan.Source != "花名册.xlsx" {
		t.Errorf("plan header = %+v", p.Plan)
	}
	m, ok := memberOfRow(p, 2)
	if !ok || m.Member.ID != 10 || m.Member.Name != "张叁" || m.Member.UnitID != 4 || m.Member.Phone != "13800000000" || m.Member.Birth != zhang.Birth {
		t.Errorf("row 2 = %+v", m)
	}
	wantProblem(t, p.Warnings, 2, "A", "身份证号与已有党员“张三”相同，姓名将改为“张叁”")
	m, ok = memberOfRow(p, 3)
	if !ok || m.Member.ID != 11 || m.Member.Status != model.StatusFull || m.Member.Birth != (model.Date{Year: 1975, Month: 3}) {
		t.Errorf("row 3 = %+v", m)
	}
	if _, ok := memberOfRow(p, 4); ok {
		t.Error("row 4 is unchanged and must not be planned")
	}
	wantProblem(t, p.Errors, 5, "A", "系统中已有2名“赵六”", "身份证号")
	if m, ok := memberOfRow(p, 6); !ok || m.Member.ID != 0 || m.Member.Status != model.StatusFull || m.Member.Category != model.CategoryActive {
		t.Errorf("row 6 = %+v", m)
	}
	wantProblem(t, p.Warnings, 0, "F", "有1名新党员的党员状态为空，已按正式党员导入（第6行）")
	wantProblem(t, p.Errors, 7, "A", "与第2行对应同一名已有党员“张三”")
	want := Counts{Entries: 6, New: 1, Update: 2, Transfer: 1, Unchanged: 1, StatusDefaulted: 1, CategoryDefaulted: 1,
		BirthFromID: 1, Warnings: 2, Errors: 2}
	if p.Counts != want {
		t.Errorf("counts = %+v\nwant     %+v", p.Counts, want)
	}
}

package sqlite

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"xingji/model"
)

func TestApplyRosterPlan(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	old := addUnit(t, s, root.ID, "老支部", "OLD", model.LevelBranch)
	mover := newMember(old.ID, "张三")
	if err := s.CreateMember(ctx, &mover, model.D(2015, 3, 1)); err != nil {
		t.Fatal(err)
	}
	stay := addMember(t, s, old.ID, "李四")

	mover.Phone = "13800001234"
	stay.Position = "组织委员"
	plan := model.RosterPlan{
		Source: "城关镇名册.xlsx",
		NewUnits: []model.PlannedUnit{
			{Ref: "城关镇党委", Unit: model.Unit{ParentID: root.ID, Name: "城关镇党委", Code: "CG", Level: model.LevelCommittee, Kind: model.KindRural}},
			{Ref: "一支部", ParentRef: "城关镇党委", Unit: model.Unit{Name: "城关镇第一党支部", Code: "CG-1", Level: model.LevelBranch, Kind: model.KindRural}},
		},
		Members: []model.PlannedMember{
			{Row: 3, UnitRef: "一支部", Member: newMember(0, "王五")},
			{Row: 4, Member: newMember(old.ID, "赵六")},
			{Row: 5, UnitRef: "一支部", Member: mover},
			{Row: 6, Member: stay},
		},
		TransferDate: model.D(2026, 1, 15),
	}
	res, err := s.ApplyRosterPlan(ctx, plan)
	if err != nil {
		t.Fatal(err)
	}
	if res.UnitsCreated != 2 || res.MembersAdded != 2 || res.MembersUpdated != 2 || res.Transfers != 1 {
		t.Errorf("result = %+v", res)
	}
	if res.BackupPath == "" || !strings.Contains(res.BackupPath, "before-import") {
		t.Errorf("BackupPath = %q", res.BackupPath)
	} else if _, err := os.Stat(res.BackupPath); err != nil {
		t.Error(err)
	}

	cg, err := s.UnitByCode(ctx, "CG")
	if err != nil || cg.ParentID != root.ID {
		t.Fatalf("CG = %+v, %v", cg, err)
	}
	one, _ := s.UnitByCode(ctx, "CG-1")
	if one.ParentID != cg.ID {
		t.Errorf("CG-1 parent = %d, want %d", one.ParentID, cg.ID)
	}
	want := []string{"县委", "老支部", "城关镇党委", "城关镇第一党支部"}
	if units, _ := s.Units(ctx); !reflect.DeepEqual(unitNames(units), want) {
		t.Errorf("Units = %v", unitNames(units))
	}
	page, _ := s.Members(ctx, model.MemberQuery{UnitID: cg.ID, WithDescendants: true})
	if got := rowNames(page.Rows); !reflect.DeepEqual(got, []string{"张三", "王五"}) {
		t.Errorf("members of 城关镇 = %v", got)
	}
	if m, _ := s.Member(ctx, mover.ID); m.Phone != "13800001234" || m.UnitID != one.ID {
		t.Errorf("mover = %+v", m)
	}
	if m, _ := s.Member(ctx, stay.ID); m.Position != "组织委员" || m.UnitID != old.ID {
		t.Errorf("stay = %+v", m)
	}
	ms, _ := s.Memberships(ctx, mover.ID)
	if len(ms) != 2 || ms[0].To != model.D(2026, 1, 15) || ms[1].From != model.D(2026, 1, 15) ||
		ms[1].UnitID != one.ID || ms[1].Note != "名册导入：城关镇名册.xlsx" {
		t.Errorf("mover memberships = %+v", ms)
	}
	var source, backup string
	var units, added, updated, transfers int
	err = s.rdb.QueryRow(`SELECT source, units_created, members_added, members_updated, transfers, backup_path
		FROM import_log`).Scan(&source, &units, &added, &updated, &transfers, &backup)
	if err != nil || source != plan.Source || units != 2 || added != 2 || updated != 2 || transfers != 1 || backup != res.BackupPath {
		t.Errorf("import_log: %q %d %d %d %d %q, %v", source, units, added, updated, transfers, backup, err)
	}
}

func TestApplyRosterPlanIsAllOrNothing(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	addMember(t, s, root.ID, "老党员")
	before, _ := s.Stats(ctx)

	bad := newMember(0, "王五")
	bad.Gender = "未知"
	plan := model.RosterPlan{
		NewUnits: []model.PlannedUnit{
			{Ref: "镇", Unit: model.Unit{ParentID: root.ID, Name: "城关镇党委", Code: "CG", Level: model.LevelCommittee, Kind: model.KindRural}},
		},
		Members: []model.PlannedMember{
			{Row: 5, UnitRef: "镇", Member: newMember(0, "张三")},
			{Row: 6, UnitRef: "镇", Member: newMember(0, "李四")},
			{Row: 7, UnitRef: "镇", Member: bad},
			{Row: 8, UnitRef: "镇", Member: newMember(0, "赵六")},
		},
	}
	_, err := s.ApplyRosterPlan(ctx, plan)
	e := wantCode(t, err, model.EInvalid)
	wantMessage(t, err, "第7行", "王五", "性别")
	if e.Field != "Gender" {
		t.Errorf("Field = %q", e.Field)
	}
	if after, _ := s.Stats(ctx); after != before {
		t.Errorf("a failed plan wrote data: %+v → %+v", before, after)
	}
	if list, _ := s.Backups(); len(list) != 0 {
		t.Errorf("a failed plan took a backup: %+v", list)
	}

	// Other plan errors, each naming where.
	unit := func(ref, parentRef, name, code string, level model.UnitLevel) model.PlannedUnit {
		return model.PlannedUnit{Ref: ref, ParentRef: parentRef,
			Unit: model.Unit{ParentID: root.ID, Name: name, Code: code, Level: level, Kind: model.KindRural}}
	}
	cases := []struct {
		name string
		plan model.RosterPlan
		code model.ErrorCode
		says []string
	}{
		{"unknown unit ref", model.RosterPlan{Members: []model.PlannedMember{{Row: 9, UnitRef: "无此支部", Member: newMember(0, "张三")}}},
			model.EInvalid, []string{"第9行", "无此支部"}},
		{"position when no row", model.RosterPlan{Members: []model.PlannedMember{{Member: newMember(root.ID, "张三")}, {Member: newMember(0, "李四")}}},
			model.EInvalid, []string{"第2个党员", "李四"}},
		{"code used by a stored unit", model.RosterPlan{NewUnits: []model.PlannedUnit{unit("x", "", "新党委", "R", model.LevelCommittee)}},
			model.EConflict, []string{"新建党组织“新党委”", "县委"}},
		{"code twice in the plan", model.RosterPlan{NewUnits: []model.PlannedUnit{
			unit("x", "", "甲党委", "X", model.LevelCommittee), unit("y", "", "乙党委", "X", model.LevelCommittee)}},
			model.EConflict, []string{"乙党委", "甲党委"}},
		{"parent listed later", model.RosterPlan{NewUnits: []model.PlannedUnit{
			unit("b", "a", "支部", "B", model.LevelBranch), unit("a", "", "党委", "A", model.LevelCommittee)}},
			model.EInvalid, []string{"支部", "“a”"}},
		{"level under planned parent", model.RosterPlan{NewUnits: []model.PlannedUnit{
			unit("a", "", "一支部", "A", model.LevelBranch), unit("b", "a", "党总支", "B", model.LevelGeneral)}},
			model.EInvalid, []string{"新建党组织“党总支”", "不能隶属于"}},
		{"update of a missing member", model.RosterPlan{Members: []model.PlannedMember{{Row: 4, Member: model.Member{ID: 999, UnitID: root.ID,
			Name: "张三", Status: model.StatusFull, Category: model.CategoryActive}}}},
			model.EInvalid, []string{"第4行", "不存在"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.ApplyRosterPlan(ctx, c.plan)
			wantCode(t, err, c.code)
			wantMessage(t, err, c.says...)
			if after, _ := s.Stats(ctx); after != before {
				t.Errorf("wrote data: %+v", after)
			}
		})
	}
}

func TestApplyRosterPlanOnEmptyDatabaseTakesNoBackup(t *testing.T) {
	s := openStore(t)
	plan := model.RosterPlan{
		NewUnits: []model.PlannedUnit{{Ref: "县委", Unit: model.Unit{Name: "县委", Code: "R", Level: model.LevelCommittee, Kind: model.KindOrgan}}},
		Members:  []model.PlannedMember{{Row: 2, UnitRef: "县委", Member: newMember(0, "张三")}},
	}
	res, err := s.ApplyRosterPlan(ctx, plan)
	if err != nil || res.BackupPath != "" || res.UnitsCreated != 1 || res.MembersAdded != 1 {
		t.Errorf("result = %+v, %v", res, err)
	}
	// The second import backs up what the first wrote.
	plan2 := model.RosterPlan{Members: []model.PlannedMember{{Row: 2, Member: newMember(1, "李四")}}}
	if res, err := s.ApplyRosterPlan(ctx, plan2); err != nil || res.BackupPath == "" {
		t.Errorf("second import: %+v, %v", res, err)
	}
}

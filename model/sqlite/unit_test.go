package sqlite

import (
	"reflect"
	"testing"

	"xingji/model"
)

func TestUnitCreateReadUpdate(t *testing.T) {
	s := openStore(t)
	root := model.Unit{Name: " 城关镇党委 ", Code: " CG ", Level: model.LevelCommittee, Kind: model.KindRural,
		Secretary: "王书记", Founded: model.D(1998, 7, 1)}
	if err := s.CreateUnit(ctx, &root); err != nil {
		t.Fatal(err)
	}
	if root.ID == 0 || root.Name != "城关镇党委" || root.Code != "CG" {
		t.Errorf("after CreateUnit: %+v (want ID set, text trimmed)", root)
	}
	got, err := s.Unit(ctx, root.ID)
	if err != nil || !reflect.DeepEqual(got, root) {
		t.Errorf("Unit = %+v, %v; want %+v", got, err, root)
	}
	if got, err := s.UnitByCode(ctx, "CG"); err != nil || got.ID != root.ID {
		t.Errorf("UnitByCode = %+v, %v", got, err)
	}
	_, err = s.UnitByCode(ctx, "NONE")
	wantCode(t, err, model.ENotFound)
	_, err = s.Unit(ctx, 999)
	wantCode(t, err, model.ENotFound)

	root.Secretary, root.Founded = "李书记", model.D(1999, 1, 0)
	if err := s.UpdateUnit(ctx, root); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Unit(ctx, root.ID); got.Secretary != "李书记" || got.Founded != model.D(1999, 1, 0) {
		t.Errorf("after UpdateUnit: %+v", got)
	}
	st, _ := s.Stats(ctx)
	if st != (Stats{Units: 1, ActiveUnits: 1}) {
		t.Errorf("Stats = %+v", st)
	}
}

func TestUnitValidationErrors(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "城关镇党委", "CG", model.LevelCommittee)
	general := addUnit(t, s, root.ID, "机关党总支", "CG-JG", model.LevelGeneral)
	branch := addUnit(t, s, general.ID, "第一党支部", "CG-JG-1", model.LevelBranch)

	// Duplicate code.
	dup := model.Unit{ParentID: root.ID, Name: "另一个党总支", Code: "CG-JG", Level: model.LevelGeneral, Kind: model.KindOrgan}
	e := wantCode(t, s.CreateUnit(ctx, &dup), model.EConflict)
	wantMessage(t, e, "CG-JG", "机关党总支")
	if e.Field != "Code" || dup.ID != 0 {
		t.Errorf("Field = %q, ID = %d", e.Field, dup.ID)
	}
	other := addUnit(t, s, root.ID, "社区党总支", "CG-SQ", model.LevelGeneral)
	other.Code = "CG-JG"
	wantCode(t, s.UpdateUnit(ctx, other), model.EConflict)

	// A 党总支 under a 党支部.
	bad := model.Unit{ParentID: branch.ID, Name: "下属党总支", Code: "X1", Level: model.LevelGeneral, Kind: model.KindOrgan}
	e = wantCode(t, s.CreateUnit(ctx, &bad), model.EInvalid)
	wantMessage(t, e, "不能隶属于")
	// A missing parent; no parent for a 党支部; bad kind.
	bad = model.Unit{ParentID: 999, Name: "孤儿支部", Code: "X2", Level: model.LevelBranch, Kind: model.KindOrgan}
	wantCode(t, s.CreateUnit(ctx, &bad), model.EInvalid)
	bad = model.Unit{Name: "孤儿支部", Code: "X2", Level: model.LevelBranch, Kind: model.KindOrgan}
	wantCode(t, s.CreateUnit(ctx, &bad), model.EInvalid)
	bad = model.Unit{ParentID: root.ID, Name: "某支部", Code: "X3", Level: model.LevelBranch, Kind: "工厂"}
	if e := wantCode(t, s.CreateUnit(ctx, &bad), model.EInvalid); e.Field != "Kind" {
		t.Errorf("Field = %q, want Kind", e.Field)
	}

	// The parent cannot change through UpdateUnit.
	moved := branch
	moved.ParentID = root.ID
	if e := wantCode(t, s.UpdateUnit(ctx, moved), model.EInvalid); e.Field != "ParentID" {
		t.Errorf("Field = %q", e.Field)
	}
	// Demoting the 党总支 to a 党支部 would leave its 党支部 under an equal.
	demoted := general
	demoted.Level = model.LevelBranch
	wantCode(t, s.UpdateUnit(ctx, demoted), model.EInvalid)
	wantCode(t, s.UpdateUnit(ctx, model.Unit{ID: 999, Name: "无", Code: "Z", Level: model.LevelCommittee, Kind: model.KindOrgan}), model.ENotFound)

	if st, _ := s.Stats(ctx); st.Units != 4 {
		t.Errorf("failed calls wrote units: %+v", st)
	}
}

func TestUnitsInTreeOrder(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	b := model.Unit{ParentID: root.ID, Name: "乙镇党委", Code: "B", Level: model.LevelCommittee, Kind: model.KindRural, SortOrder: 2}
	a := model.Unit{ParentID: root.ID, Name: "甲镇党委", Code: "A", Level: model.LevelCommittee, Kind: model.KindRural, SortOrder: 1}
	for _, u := range []*model.Unit{&b, &a} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	addUnit(t, s, b.ID, "乙镇一支部", "B1", model.LevelBranch)
	addUnit(t, s, a.ID, "甲镇一支部", "A1", model.LevelBranch)
	addUnit(t, s, a.ID, "甲镇二支部", "A2", model.LevelBranch) // same SortOrder: by ID
	root2 := addUnit(t, s, 0, "另一党委", "R2", model.LevelCommittee)
	_ = root2

	want := []string{"县委", "甲镇党委", "甲镇一支部", "甲镇二支部", "乙镇党委", "乙镇一支部", "另一党委"}
	units, err := s.Units(ctx)
	if err != nil || !reflect.DeepEqual(unitNames(units), want) {
		t.Errorf("Units = %v, %v\nwant %v", unitNames(units), err, want)
	}

	// Moving 乙镇 first by its sort order reorders its subtree with it.
	b.SortOrder = 0
	if err := s.UpdateUnit(ctx, b); err != nil {
		t.Fatal(err)
	}
	want = []string{"县委", "乙镇党委", "乙镇一支部", "甲镇党委", "甲镇一支部", "甲镇二支部", "另一党委"}
	if units, _ := s.Units(ctx); !reflect.DeepEqual(unitNames(units), want) {
		t.Errorf("after sort change: %v\nwant %v", unitNames(units), want)
	}
}

func TestMoveUnit(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	town := addUnit(t, s, root.ID, "甲镇党委", "A", model.LevelCommittee)
	general := addUnit(t, s, town.ID, "甲镇机关党总支", "AG", model.LevelGeneral)
	branch := addUnit(t, s, general.ID, "甲镇机关一支部", "AG1", model.LevelBranch)
	other := addUnit(t, s, root.ID, "乙镇党委", "B", model.LevelCommittee)
	m := addMember(t, s, branch.ID, "张三")

	// Cycles.
	e := wantCode(t, s.MoveUnit(ctx, town.ID, branch.ID), model.EInvalid)
	wantMessage(t, e, "甲镇党委", "甲镇机关一支部")
	wantCode(t, s.MoveUnit(ctx, town.ID, town.ID), model.EInvalid)
	// Level rules: a 党总支 cannot sit under a 党支部, nor at the top.
	other2 := addUnit(t, s, other.ID, "乙镇一支部", "B1", model.LevelBranch)
	wantCode(t, s.MoveUnit(ctx, general.ID, other2.ID), model.EInvalid)
	wantCode(t, s.MoveUnit(ctx, general.ID, 0), model.EInvalid)
	wantCode(t, s.MoveUnit(ctx, general.ID, 999), model.EInvalid)
	wantCode(t, s.MoveUnit(ctx, 999, root.ID), model.ENotFound)

	// Moving the 党总支 to 乙镇 takes its subtree and members along.
	if err := s.MoveUnit(ctx, general.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Unit(ctx, general.ID); got.ParentID != other.ID {
		t.Errorf("ParentID = %d, want %d", got.ParentID, other.ID)
	}
	want := []string{"县委", "甲镇党委", "乙镇党委", "甲镇机关党总支", "甲镇机关一支部", "乙镇一支部"}
	if units, _ := s.Units(ctx); !reflect.DeepEqual(unitNames(units), want) {
		t.Errorf("Units = %v\nwant %v", unitNames(units), want)
	}
	page, err := s.Members(ctx, model.MemberQuery{UnitID: other.ID, WithDescendants: true})
	if err != nil || page.Total != 1 || page.Rows[0].ID != m.ID {
		t.Errorf("members below 乙镇 after move: %+v, %v", page, err)
	}
	if page, _ := s.Members(ctx, model.MemberQuery{UnitID: town.ID, WithDescendants: true}); page.Total != 0 {
		t.Errorf("members below 甲镇 after move: %d", page.Total)
	}
	// A 党委 may become a root.
	if err := s.MoveUnit(ctx, town.ID, 0); err != nil {
		t.Fatal(err)
	}
	var paths []string
	rows, _ := s.rdb.Query(`SELECT path FROM units ORDER BY tree_order`)
	for rows.Next() {
		var p string
		rows.Scan(&p)
		paths = append(paths, p)
	}
	rows.Close()
	wantPaths := []string{"/1/", "/1/5/", "/1/5/3/", "/1/5/3/4/", "/1/5/6/", "/2/"}
	if !reflect.DeepEqual(paths, wantPaths) {
		t.Errorf("paths = %v, want %v", paths, wantPaths)
	}
}

func TestDissolveUnit(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	general := addUnit(t, s, root.ID, "机关党总支", "G", model.LevelGeneral)
	branch := addUnit(t, s, general.ID, "第一党支部", "G1", model.LevelBranch)
	spare := addUnit(t, s, root.ID, "第二党支部", "B2", model.LevelBranch)
	m1 := addMember(t, s, branch.ID, "张三")
	addMember(t, s, branch.ID, "李四")

	wantCode(t, s.DissolveUnit(ctx, branch.ID, model.Date{}), model.EInvalid)
	e := wantCode(t, s.DissolveUnit(ctx, branch.ID, model.D(2025, 3, 1)), model.EConflict)
	wantMessage(t, e, "第一党支部", "2名党员", "转接")
	e = wantCode(t, s.DissolveUnit(ctx, general.ID, model.D(2025, 3, 1)), model.EConflict)
	wantMessage(t, e, "1个未撤销的下级党组织")
	// Setting Dissolved through UpdateUnit follows the same rule.
	b := branch
	b.Dissolved = model.D(2025, 3, 1)
	wantCode(t, s.UpdateUnit(ctx, b), model.EConflict)

	// Transfer the members away, then dissolve bottom-up.
	if err := s.TransferMember(ctx, m1.ID, spare.ID, model.D(2025, 2, 1), ""); err != nil {
		t.Fatal(err)
	}
	page, _ := s.Members(ctx, model.MemberQuery{UnitID: branch.ID})
	if err := s.TransferMember(ctx, page.Rows[0].ID, spare.ID, model.D(2025, 2, 1), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.DissolveUnit(ctx, branch.ID, model.D(2025, 3, 1)); err != nil {
		t.Fatal(err)
	}
	if err := s.DissolveUnit(ctx, general.ID, model.D(2025, 3, 1)); err != nil {
		t.Fatal(err)
	}
	e = wantCode(t, s.DissolveUnit(ctx, general.ID, model.D(2025, 4, 1)), model.EConflict)
	wantMessage(t, e, "已于2025年3月1日撤销")
	got, _ := s.Unit(ctx, general.ID)
	if got.Active() || got.Dissolved != model.D(2025, 3, 1) {
		t.Errorf("after dissolve: %+v", got)
	}
	// A dissolved unit takes no children and no members; it can still be edited.
	child := model.Unit{ParentID: general.ID, Name: "新支部", Code: "N", Level: model.LevelBranch, Kind: model.KindOrgan}
	wantCode(t, s.CreateUnit(ctx, &child), model.EInvalid)
	m := newMember(branch.ID, "王五")
	wantCode(t, s.CreateMember(ctx, &m, model.Date{}), model.EInvalid)
	wantCode(t, s.TransferMember(ctx, m1.ID, branch.ID, model.D(2025, 5, 1), ""), model.EInvalid)
	got.Secretary = "已撤销的书记"
	if err := s.UpdateUnit(ctx, got); err != nil {
		t.Errorf("editing a dissolved unit: %v", err)
	}
	if st, _ := s.Stats(ctx); st != (Stats{Units: 4, ActiveUnits: 2, Members: 2}) {
		t.Errorf("Stats = %+v", st)
	}
}

package sqlite

import (
	"database/sql"
	"reflect"
	"strings"
	"testing"

	"xingji/model"
)

// queryFixture builds:
//
//	县委 R
//	├─ 甲镇党委 A (sort 1)
//	│  ├─ 甲镇一支部 A1: 张三, 李四
//	│  └─ 甲镇二支部 A2: 王五
//	└─ 城东支部 C (sort 2): 张珊珊, 赵六
func queryFixture(t *testing.T) (*Store, map[string]model.Unit) {
	s := openStore(t)
	u := map[string]model.Unit{}
	u["R"] = addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	a := model.Unit{ParentID: u["R"].ID, Name: "甲镇党委", Code: "A", Level: model.LevelCommittee, Kind: model.KindRural, SortOrder: 1}
	c := model.Unit{ParentID: u["R"].ID, Name: "城东支部", Code: "C", Level: model.LevelBranch, Kind: model.KindCommunity, SortOrder: 2}
	// Created in the "wrong" order so ID order differs from tree order.
	for _, p := range []*model.Unit{&c, &a} {
		if err := s.CreateUnit(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	u["A"], u["C"] = a, c
	u["A1"] = addUnit(t, s, a.ID, "甲镇一支部", "A1", model.LevelBranch)
	u["A2"] = addUnit(t, s, a.ID, "甲镇二支部", "A2", model.LevelBranch)

	add := func(unit, name string, sort int, edit func(*model.Member)) {
		m := newMember(u[unit].ID, name)
		m.SortOrder = sort
		if edit != nil {
			edit(&m)
		}
		if err := s.CreateMember(ctx, &m, model.Date{}); err != nil {
			t.Fatal(err)
		}
	}
	add("C", "赵六", 2, func(m *model.Member) { m.Category = model.CategoryRetired })
	add("C", "张珊珊", 1, func(m *model.Member) { m.Gender = model.Female; m.Phone = "13912345678" })
	add("A2", "王五", 0, func(m *model.Member) { m.Status = model.StatusCandidate; m.IDNumber = "11010119800501000X" })
	add("A1", "李四", 2, nil)
	add("A1", "张三", 1, func(m *model.Member) { m.Phone = "13800001234" })
	return s, u
}

func TestMembersOrderPagingAndFilters(t *testing.T) {
	s, u := queryFixture(t)
	all := []string{"张三", "李四", "王五", "张珊珊", "赵六"}
	cases := []struct {
		name  string
		q     model.MemberQuery
		want  []string
		total int
	}{
		{"whole committee in tree order", model.MemberQuery{}, all, 5},
		{"first page", model.MemberQuery{Limit: 2}, all[:2], 5},
		{"second page", model.MemberQuery{Limit: 2, Offset: 2}, all[2:4], 5},
		{"last page", model.MemberQuery{Limit: 2, Offset: 4}, all[4:], 5},
		{"past the end", model.MemberQuery{Limit: 2, Offset: 10}, nil, 5},
		{"negative offset", model.MemberQuery{Limit: 1, Offset: -3}, all[:1], 5},
		{"one unit", model.MemberQuery{UnitID: u["A1"].ID}, []string{"张三", "李四"}, 2},
		{"unit without descendants", model.MemberQuery{UnitID: u["A"].ID}, nil, 0},
		{"unit with descendants", model.MemberQuery{UnitID: u["A"].ID, WithDescendants: true}, []string{"张三", "李四", "王五"}, 3},
		{"root with descendants", model.MemberQuery{UnitID: u["R"].ID, WithDescendants: true}, all, 5},
		{"leaf with descendants", model.MemberQuery{UnitID: u["C"].ID, WithDescendants: true}, []string{"张珊珊", "赵六"}, 2},
		{"status", model.MemberQuery{Status: model.StatusCandidate}, []string{"王五"}, 1},
		{"category", model.MemberQuery{Category: model.CategoryRetired}, []string{"赵六"}, 1},
		{"gender", model.MemberQuery{Gender: model.Female}, []string{"张珊珊"}, 1},
		{"gender in subtree", model.MemberQuery{UnitID: u["A"].ID, WithDescendants: true, Gender: model.Female}, nil, 0},
		{"initials prefix", model.MemberQuery{Text: "zs"}, []string{"张三", "张珊珊"}, 2},
		{"initials upper case", model.MemberQuery{Text: "ZSS"}, []string{"张珊珊"}, 1},
		{"initials not infix", model.MemberQuery{Text: "s"}, nil, 0},
		{"name substring", model.MemberQuery{Text: "珊"}, []string{"张珊珊"}, 1},
		{"name substring 张", model.MemberQuery{Text: " 张 "}, []string{"张三", "张珊珊"}, 2},
		{"phone substring", model.MemberQuery{Text: "1234"}, []string{"张三", "张珊珊"}, 2},
		{"unit code", model.MemberQuery{Text: "a2"}, []string{"王五"}, 1},
		{"search within unit", model.MemberQuery{UnitID: u["A"].ID, WithDescendants: true, Text: "zs"}, []string{"张三"}, 1},
		{"wildcards are literal", model.MemberQuery{Text: "%"}, nil, 0},
		{"underscore is literal", model.MemberQuery{Text: "_"}, nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, err := s.Members(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := rowNames(page.Rows); !reflect.DeepEqual(got, c.want) || page.Total != c.total {
				t.Errorf("got %v (total %d), want %v (total %d)", got, page.Total, c.want, c.total)
			}
		})
	}
	_, err := s.Members(ctx, model.MemberQuery{UnitID: 999})
	wantCode(t, err, model.ENotFound)
}

func TestMemberRowsAreMasked(t *testing.T) {
	s, u := queryFixture(t)
	page, err := s.Members(ctx, model.MemberQuery{Text: "王五"})
	if err != nil || len(page.Rows) != 1 {
		t.Fatal(page, err)
	}
	r := page.Rows[0]
	if r.IDNumber != "" || r.MaskedID != "110101********000X" || r.UnitName != "甲镇二支部" || r.UnitID != u["A2"].ID {
		t.Errorf("row = %+v", r)
	}
	// The edit form gets the full record.
	if m, _ := s.Member(ctx, r.ID); m.IDNumber != "11010119800501000X" {
		t.Errorf("Member.IDNumber = %q", m.IDNumber)
	}
}

func TestDefaultPageSize(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	var plan model.RosterPlan
	for i := 0; i < 250; i++ {
		plan.Members = append(plan.Members, model.PlannedMember{Member: newMember(root.ID, "党员")})
	}
	if _, err := s.ApplyRosterPlan(ctx, plan); err != nil {
		t.Fatal(err)
	}
	page, err := s.Members(ctx, model.MemberQuery{})
	if err != nil || len(page.Rows) != DefaultMemberLimit || page.Total != 250 {
		t.Errorf("rows %d total %d, %v", len(page.Rows), page.Total, err)
	}
}

// The list order must come from the indexes, not from sorting every
// matching row: that is what keeps a page of 150,000 members fast.
func TestMembersQueryNeedsNoSort(t *testing.T) {
	s, u := queryFixture(t)
	for _, q := range []model.MemberQuery{{}, {UnitID: u["A1"].ID}, {UnitID: u["A"].ID, WithDescendants: true}, {Text: "zs"}} {
		err := s.read(ctx, func(tx *sql.Tx) error {
			where, args, _, err := memberFilter(ctx, tx, q)
			if err != nil {
				return err
			}
			cond := ""
			if len(where) > 0 {
				cond = " WHERE " + strings.Join(where, " AND ")
			}
			rows, err := tx.QueryContext(ctx, `EXPLAIN QUERY PLAN SELECT m.id FROM units u CROSS JOIN members m
				ON m.unit_id = u.id`+cond+` ORDER BY u.tree_order, m.sort_order, m.id LIMIT 10`, args...)
			if err != nil {
				return err
			}
			defer rows.Close()
			var plan []string
			for rows.Next() {
				var id, parent, notused int
				var detail string
				rows.Scan(&id, &parent, &notused, &detail)
				plan = append(plan, detail)
			}
			if p := strings.Join(plan, "; "); strings.Contains(p, "TEMP B-TREE") {
				t.Errorf("query %+v sorts: %s", q, p)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

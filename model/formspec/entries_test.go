package formspec

import (
	"slices"
	"testing"

	"xingji/model"
)

func TestVetoRowKey(t *testing.T) {
	key := VetoRowKey("u:12", "V:1")
	if key != "v:u:12:V:1" {
		t.Errorf("VetoRowKey = %q", key)
	}
	for _, c := range []struct {
		key, subject, code string
		ok                 bool
	}{
		{key, "u:12", "V:1", true},
		{"v:m:3:absent6", "m:3", "absent6", true},
		{"v:u:12:", "", "", false},
		{"v:u:12", "", "", false},
		{"v:x:1:a", "", "", false},
		{"u:12", "", "", false},
		{"l:1", "", "", false},
	} {
		subject, code, ok := ParseVetoRowKey(c.key)
		if subject != c.subject || code != c.code || ok != c.ok {
			t.Errorf("ParseVetoRowKey(%q) = %q, %q, %v; want %q, %q, %v", c.key, subject, code, ok, c.subject, c.code, c.ok)
		}
	}
}

func TestOwnStarRowKey(t *testing.T) {
	key := OwnStarRowKey("u:12", 2)
	if key != "o:u:12:2" {
		t.Errorf("OwnStarRowKey = %q", key)
	}
	for _, c := range []struct {
		key, subject string
		ok           bool
	}{
		{key, "u:12", true},
		{"o:u:12", "", false},
		{"o:x:1:1", "", false},
		{"u:12", "", false},
	} {
		subject, ok := OwnStarSubject(c.key)
		if subject != c.subject || ok != c.ok {
			t.Errorf("OwnStarSubject(%q) = %q, %v; want %q, %v", c.key, subject, ok, c.subject, c.ok)
		}
	}
}

// A department's entries workbook holds its review items alone; the whole
// office's every sheet the period needs. The identity names the
// department by its label and reads back to it.
func TestEntriesRolesAndDept(t *testing.T) {
	p := &model.Period{ID: 1, Name: "评定", Scheme: model.Scheme{Code: "s", Version: "1",
		Sources: []model.Source{{Code: model.SourceReview, Name: "考评", Weight: model.D4("100")}},
		Facts:   []model.FactDef{{Name: "satisfaction", Label: "满意率", Unit: "%"}},
		Vetoes:  []model.Veto{{Code: "v", Title: "违纪"}},
		Sections: []model.Section{
			{Code: "A", Title: "甲", Items: []model.Item{{Code: "1", Title: "一", Points: model.D4("10")}}},
			{Code: "B", Title: "乙", Department: "组织部", Items: []model.Item{{Code: "2", Title: "二", Points: model.D4("10")}}},
		}}}
	all := EntriesRoles(p, nil)
	if want := []model.SheetRole{model.RoleEntryScores, model.RoleEntryFacts, model.RoleEntryVetoes}; !slices.Equal(all, want) {
		t.Errorf("roles %v, want %v", all, want)
	}
	if got := len(EntriesScoreItems(p, nil)); got != 2 {
		t.Errorf("%d items for the whole office", got)
	}
	for _, d := range []string{"", "组织部"} {
		id := EntriesIdentity(p, &d)
		if !slices.Equal(id.Sheets, []model.SheetRole{model.RoleEntryScores}) || id.Dept != model.DeptLabel(d) {
			t.Errorf("identity for %q: %+v", d, id)
		}
		back, ok := EntriesDept(p, id)
		if !ok || back == nil || *back != d {
			t.Errorf("EntriesDept(%q) = %v, %v", id.Dept, back, ok)
		}
	}
	if back, ok := EntriesDept(p, EntriesIdentity(p, nil)); !ok || back != nil {
		t.Errorf("EntriesDept of the whole office = %v, %v", back, ok)
	}
	if _, ok := EntriesDept(p, model.FormIdentity{Dept: "宣传部"}); ok {
		t.Error("a department the period lacks was accepted")
	}
}

func TestFactField(t *testing.T) {
	for _, c := range []struct {
		fd   model.FactDef
		want string
	}{
		{model.FactDef{Name: "satisfaction", Unit: "%"}, "0至100之间的数"},
		{model.FactDef{Name: "absences", Unit: "次"}, "不小于0的整数"},
		{model.FactDef{Name: "economic", Unit: "分"}, "不小于0的数"},
		{model.FactDef{Name: "outstanding", Flag: true}, "“是”或“否”"},
	} {
		if got := FactField(c.fd).RangeText(); got != c.want {
			t.Errorf("FactField(%s).RangeText() = %q, want %q", c.fd.Name, got, c.want)
		}
	}
}

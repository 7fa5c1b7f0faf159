package model

import "testing"

// TestSectionPartsSum: "一、基础工作(15分)" with "(一)领导组织、工作机构(5分)",
// "(二)…(3分)", "(三)…(4分)", "(四)…(3分)" below it (seed 000): the section's
// parts add up to 5 + 3 + 4 + 3 = 15. 加分项 and 扣分项 stand outside the
// 分值, and a subsection that declares no 分值 counts as what its own parts
// add up to.
func TestSectionPartsSum(t *testing.T) {
	it := func(code, points string) Item { return Item{Code: code, Points: D4(points)} }
	bonus := func(code, points string) Item { return Item{Code: code, Points: D4(points), Bonus: true} }
	penalty := func(code, points string) Item { return Item{Code: code, Points: D4(points), Penalty: true} }
	for _, c := range []struct {
		name string
		sec  Section
		want string
	}{
		{"no parts", Section{}, "0"},
		{"items: 2 + 1 + 2", Section{Items: []Item{it("1", "2"), it("2", "1"), it("3", "2")}}, "5"},
		{"decimals: 0.5 + 1.25", Section{Items: []Item{it("1", "0.5"), it("2", "1.25")}}, "1.75"},
		{"加分项 and 扣分项 do not count: 4 + (3) + (5)", Section{Items: []Item{it("1", "4"), bonus("2", "3"), penalty("3", "5")}}, "4"},
		{"declared subsections: 5 + 3 + 4 + 3 (seed 000, 一、基础工作)", Section{Points: Dec(15), Sections: []Section{
			{Points: Dec(5), Items: []Item{it("1", "2"), it("2", "1"), it("3", "2")}},
			{Points: Dec(3)}, {Points: Dec(4)}, {Points: Dec(3)},
		}}, "15"},
		{"declared 分值 wins over the subsection's own parts: 5, not 1", Section{Sections: []Section{
			{Points: Dec(5), Items: []Item{it("1", "1")}},
		}}, "5"},
		{"undeclared subsection counts its parts: 1 + (2 + 3)", Section{Items: []Item{it("1", "1")}, Sections: []Section{
			{Items: []Item{it("2", "2"), it("3", "3")}},
		}}, "6"},
		{"undeclared all the way down: ((2) + 1)", Section{Sections: []Section{
			{Items: []Item{it("2", "1")}, Sections: []Section{{Items: []Item{it("1", "2"), bonus("b", "9")}}}},
		}}, "3"},
		{"own declared 分值 plays no part: 7 declared, parts 2", Section{Points: Dec(7), Items: []Item{it("1", "2")}}, "2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.sec.PartsSum(); !got.Equal(D4(c.want)) {
				t.Errorf("PartsSum = %s, want %s", got, c.want)
			}
		})
	}
}

package roster_test

import (
	"fmt"
	"strings"

	"xingji/importers"
	"xingji/importers/roster"
	"xingji/model"
)

// Example shows an import from a file's bytes to a preview: one member is
// new, one unit is unknown until the user decides to create it.
func Example() {
	csv := "序号,姓名,出生年月,所在支部\n1,张三,1980.5,第一党支部\n2,李四,1975.3,第九党支部\n"
	t, err := importers.OpenTable("花名册.csv", strings.NewReader(csv), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := roster.Read("", t)
	if err != nil {
		fmt.Println(err)
		return
	}
	stored := roster.Existing{Units: []model.Unit{
		{ID: 1, Name: "城关镇党委", Code: "CG", Level: model.LevelCommittee, Kind: model.KindCommunity},
		{ID: 2, ParentID: 1, Name: "第一党支部", Code: "CG-01", Level: model.LevelBranch, Kind: model.KindCommunity},
	}}
	p, _ := roster.Plan(s, stored, roster.Options{})
	fmt.Println(p.Ready(), p.Counts.New, p.UnknownUnits[0].Name, p.UnknownUnits[0].Rows)

	p, _ = roster.Plan(s, stored, roster.Options{CreateAllUnder: 1})
	u := p.Plan.NewUnits[0].Unit
	fmt.Println(p.Ready(), p.Counts.New, u.Name, u.Code, u.Level)
	// Output:
	// false 1 第九党支部 [3]
	// true 2 第九党支部 CG-02 党支部
}

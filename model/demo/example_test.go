package demo_test

import (
	"fmt"

	"xingji/model/demo"
)

func ExampleGenerate() {
	plan := demo.Generate(demo.County, 1)
	root := plan.NewUnits[0]
	fmt.Println(root.Unit.Name, root.Ref, root.Unit.Level, root.Unit.Kind)
	town := plan.NewUnits[1]
	fmt.Println(town.Unit.Name, town.Ref, "under", town.ParentRef)
	first := plan.Members[0]
	fmt.Println(first.UnitRef, first.Member.Position, first.Member.Name == root.Unit.Secretary)
	// Output:
	// 中共青禾县委员会 QH 党委 机关
	// 城关镇党委 QH-01 under QH
	// QH 党委书记 true
}

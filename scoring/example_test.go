package scoring_test

import (
	"fmt"

	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/builtin"
)

// A village scored by its own self-assessment and the township's assessment,
// weighted 3:7 item by item (002 篇十二), then banded (篇十六).
func ExampleEngine_Score() {
	e, problems := scoring.Compile(builtin.Village())
	if e == nil {
		fmt.Println(problems)
		return
	}
	items := func(scores ...string) []scoring.ItemInput {
		codes := []string{"policy", "law", "skills", "livelihood", "economy"}
		var in []scoring.ItemInput
		for k, s := range scores {
			in = append(in, scoring.ItemInput{Item: codes[k], Score: model.D4(s).P()})
		}
		return in
	}
	res := e.Score(scoring.Input{Period: "2024年度", Subjects: []scoring.Subject{{
		ID: "dc", Name: "东村党支部", Kind: model.KindRural,
		Facts: scoring.Vals("satisfaction", "85"),
		Sources: []scoring.SourceInput{
			{Source: model.SourceSelf, Ratings: []scoring.Rating{{Items: items("18", "17", "16", "19", "15")}}},
			{Source: model.SourceReview, Ratings: []scoring.Rating{{Items: items("16", "18", "17", "18", "14")}}},
		},
	}}})
	r := res.Subjects[0]
	fmt.Println(r.Items[0].Title, r.Items[0].Score)
	fmt.Println(" ", r.Items[0].Why[0].Text)
	fmt.Println("总分", r.Grade, r.BandName)
	fmt.Println(" ", r.BandWhy[0].Text)
	fmt.Println(r.Stars[0].Name, r.Stars[0].Earned)
	// Output:
	// 服务政策宣传星：宣传落实涉农惠农政策，党务、村务公开 16.6
	//   村党组织自评 18分 × 30% + 乡党委考评 16分 × 70% = 16.6分
	// 总分 83.6 三星级
	//   等级总分属于“三星级”：80分至90分（含80分，不含90分）
	// 群众满意星 true
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"xingji/model"
	"xingji/scoring"
)

func init() {
	registerScheme("score", "按方案计分并给出每个分数的计算过程：scheme score 方案编码 --input 录入.json [--version V] [--json]", runSchemeScore)
}

// runSchemeScore scores the subjects of an input file (scoring.Input as JSON:
// subjects with their sources, ratings, facts and vetoes) and prints each
// subject's total, band and rank with the steps behind every number; --json
// prints the whole result, explanations included.
func runSchemeScore(m *Main, ctx context.Context, args []string) error {
	fs := flags("scheme score")
	input := fs.String("input", "", "")
	version := fs.String("version", "", "")
	asJSON := fs.Bool("json", false, "")
	var code string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		code, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if code == "" || *input == "" {
		return usageError{"用法：xingji-cli scheme score 方案编码 --input 录入.json（运行 xingji-cli scheme list 查看方案编码）"}
	}
	data, err := os.ReadFile(*input)
	if err != nil {
		return model.Errorf(model.ENotFound, "无法读取录入文件 %s：%v", *input, err)
	}
	var in scoring.Input
	if err := json.Unmarshal(data, &in); err != nil {
		return model.Errorf(model.EInvalid, "录入文件 %s 不是正确的 JSON：%v", *input, err)
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	s, _, err := findScheme(ctx, o, code, *version)
	if err != nil {
		return err
	}
	res, err := scoring.Score(s, in)
	if err != nil {
		return model.Errorf(model.EInvalid, "方案“%s”有必须先改正的问题，不能计分：%s", s.Name, model.ErrorMessage(err))
	}
	if *asJSON {
		return m.printJSON(res)
	}
	fmt.Fprintf(m.Stdout, "方案：%s（版本 %s）\n", s.Name, s.Version)
	for _, sub := range res.Subjects {
		band := sub.BandName
		if band == "" {
			band = "无"
		}
		fmt.Fprintf(m.Stdout, "\n%s　总分 %s 分　等级总分 %s 分　等次 %s　名次 %d\n", sub.Name, sub.Total, sub.Grade, band, sub.Rank)
		for _, it := range sub.Items {
			fmt.Fprintf(m.Stdout, "  %s %s：%s 分（分值 %s）\n", it.Item, it.Title, it.Score, it.Max)
			printSteps(m, it.Why, 2)
		}
		fmt.Fprintln(m.Stdout, "  等级总分：")
		printSteps(m, sub.GradeWhy, 2)
		fmt.Fprintln(m.Stdout, "  等次：")
		printSteps(m, sub.BandWhy, 2)
		for _, is := range sub.Issues {
			fmt.Fprintln(m.Stdout, "  需要注意："+is)
		}
	}
	for _, is := range res.Issues {
		fmt.Fprintln(m.Stdout, "需要注意："+is)
	}
	return nil
}

func printSteps(m *Main, steps []scoring.Step, depth int) {
	for _, st := range steps {
		fmt.Fprintf(m.Stdout, "%s%s\n", strings.Repeat("  ", depth), st.Text)
		printSteps(m, st.Steps, depth+1)
	}
}

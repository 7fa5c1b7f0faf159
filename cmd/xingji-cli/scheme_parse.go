package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"xingji/importers/schemetext"
	"xingji/model"
)

func init() {
	registerScheme("parse", "从考核细则文本（.txt/.docx）识别考核方案：scheme parse 文件 [--json]；总分对不上或没有识别出考核项目时退出码为1", runSchemeParse)
}

// schemeParseJSON is the --json output of `scheme parse`: one result per
// rubric in the file (a file with 第一篇、第二篇… may hold several).
type schemeParseJSON struct {
	File    string            `json:"file"`
	Rubrics []schemetext.Part `json:"rubrics"`
}

// runSchemeParse reads a committee's 考核细则 and shows what was recognised.
// It exits 1 when nothing was recognised or a rubric's totals do not match,
// so scripts notice; the output is printed either way.
func runSchemeParse(m *Main, ctx context.Context, args []string) error {
	fs := flags("scheme parse")
	asJSON := fs.Bool("json", false, "")
	// Accept the file before or after the flags.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	}
	if file == "" {
		return usageError{"请给出考核细则文件，例如：xingji-cli scheme parse 考核细则.docx [--json]"}
	}
	f, err := os.Open(file)
	if err != nil {
		return model.Errorf(model.ENotFound, "无法打开“%s”：请确认文件存在且没有被其他程序占用。", file)
	}
	defer f.Close()
	text, err := schemetext.ReadFile(filepath.Base(file), f)
	if err != nil {
		return err
	}
	parts := schemetext.ParseDocument(text)
	if *asJSON {
		if err := m.printJSON(schemeParseJSON{File: filepath.Base(file), Rubrics: parts}); err != nil {
			return err
		}
	} else {
		for _, p := range parts {
			m.printRubric(p)
		}
	}
	bad := 0
	for _, p := range parts {
		if !p.Result.OK() {
			bad++
		}
	}
	if bad > 0 {
		return model.Errorf(model.EInvalid, "%d 份考核细则中有 %d 份没有识别出考核项目或总分对不上，请按上面的提示核对原文。", len(parts), bad)
	}
	return nil
}

// printRubric writes a readable summary of one rubric.
func (m *Main) printRubric(p schemetext.Part) {
	r := p.Result
	w := m.Stdout
	title := r.Scheme.Name
	if p.Title != "" {
		title = p.Title
	}
	fmt.Fprintf(w, "【%s】（自第%d行）\n", title, p.Line)
	var rec func(secs []model.Section, depth int)
	rec = func(secs []model.Section, depth int) {
		for _, s := range secs {
			pts := ""
			if s.Points.Sign() > 0 {
				pts = "（" + s.Points.String() + "分）"
			}
			fmt.Fprintf(w, "%s%s%s\n", indent(depth), s.Title, pts)
			for _, it := range s.Items {
				extra := ""
				switch {
				case it.Bonus:
					extra = "，加分项"
				case it.Penalty:
					extra = "，减分项"
				}
				fmt.Fprintf(w, "%s%s %s（%s分，%s%s）\n", indent(depth+1), it.Code, it.Title, it.Points, ruleName(it.Rule.Kind), extra)
			}
			rec(s.Sections, depth+1)
		}
	}
	rec(r.Scheme.Sections, 0)
	for _, v := range r.Scheme.Vetoes {
		fmt.Fprintf(w, "一票否决 %s：%s\n", v.Code, v.Title)
	}
	if len(r.Unrecognised) > 0 {
		fmt.Fprintf(w, "未识别（%d处）：\n", len(r.Unrecognised))
		for _, f := range r.Unrecognised {
			fmt.Fprintf(w, "  第%d行 %s：%s\n", f.Line, f.Why, f.Text)
		}
	}
	fmt.Fprintf(w, "共 %d 项；写明总分 %s 分，各项合计 %s 分", r.Items, r.DeclaredTotal, r.ComputedTotal)
	for _, kt := range r.KindTotals {
		fmt.Fprintf(w, "；%s %s 分", kt.Kind, kt.Total)
	}
	if r.OK() {
		fmt.Fprintln(w, "——总分核对一致。")
	} else {
		fmt.Fprintln(w, "——总分未能核对一致。")
	}
	for _, pr := range r.Problems {
		fmt.Fprintln(w, "  问题："+pr)
	}
	fmt.Fprintln(w)
}

// ruleName is the Chinese name of a rule kind.
func ruleName(k model.RuleKind) string {
	switch k {
	case model.RuleDeduct:
		return "按次扣分"
	case model.RuleAllOrNothing:
		return "达到得满分、否则不得分"
	case model.RuleTable:
		return "按比率分档"
	case model.RuleLevels:
		return "按级别加分"
	case model.RuleEvents:
		return "按次计分"
	case model.RuleProportional:
		return "同比例折算"
	case model.RuleParts:
		return "分项计分"
	case model.RuleFormula:
		return "公式"
	}
	return "人工打分"
}

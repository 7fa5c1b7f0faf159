package main

import (
	"context"
	"fmt"
	"strings"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
	"xingji/scoring/period"
)

func init() {
	register("score", "计算本期结果并给出每个分数的来历：score --period 编号 [--unit 组织编码] [--members] [--json]（按已采用的表格和录入的数值，每个数值注明文件、工作表、单元格）", runScore)
}

// scoreJSON is what score --json prints.
type scoreJSON struct {
	Period  string              `json:"period"`
	Summary string              `json:"summary"`
	Units   *scoring.Result     `json:"units,omitempty"`
	Members *scoring.Result     `json:"members,omitempty"`
	Absent  []period.Absent     `json:"absent,omitempty"`
	Gaps    map[string][]string `json:"gaps,omitempty"`
	Notes   []string            `json:"notes,omitempty"`
}

func runScore(m *Main, ctx context.Context, args []string) error {
	fs := flags("score")
	periodID := fs.Int64("period", 0, "")
	unitCode := fs.String("unit", "", "")
	members := fs.Bool("members", false, "")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *periodID == 0 {
		return usageError{"用法：score --period 编号 [--unit 组织编码] [--members] [--json]（运行 xingji-cli period list 查看编号）"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	r, err := o.Results(ctx, *periodID)
	if err != nil {
		return err
	}
	// keep says whether a subject is shown: all, or the unit asked for and
	// its members.
	keep := func(string) bool { return true }
	if *unitCode != "" {
		u, err := o.UnitByCode(ctx, *unitCode)
		if err != nil {
			return err
		}
		if !r.Period.InScope(u.ID) {
			return model.Errorf(model.EInvalid, "“%s”（%s）不在“%s”的参评范围内", u.Name, u.Code, r.Period.Name)
		}
		unitKey := formspec.UnitSubject(u.ID).String()
		inUnit := map[string]bool{unitKey: true}
		for _, mb := range r.Data.Members {
			if mb.UnitID == u.ID {
				inUnit[formspec.MemberSubject(mb.ID).String()] = true
			}
		}
		keep = func(key string) bool { return inUnit[key] }
	}
	units, mems := filterResult(r.Units, keep), filterResult(r.Members, keep)
	if !*members {
		mems = nil
	}
	if *asJSON {
		out := scoreJSON{Period: r.Period.Name, Summary: r.Summary(), Units: units, Members: mems, Gaps: map[string][]string{}, Notes: r.Inputs.Notes}
		if *members {
			out.Units = nil
		}
		for _, a := range r.Inputs.Absent {
			if keep(a.Subject) {
				out.Absent = append(out.Absent, a)
			}
		}
		for k, g := range r.Inputs.Gaps {
			if keep(k) {
				out.Gaps[k] = g
			}
		}
		return m.printJSON(out)
	}
	fmt.Fprintf(m.Stdout, "考评周期：%s\n考核方案：%s（版本 %s）\n%s\n", r.Period.Name, r.Period.Scheme.Name, r.Period.Scheme.Version, r.Summary())
	if *members {
		if mems == nil {
			return model.Errorf(model.EInvalid, "“%s”不评议党员", r.Period.Name)
		}
		printRanking(m, mems, "党员", r.Remarks)
		printDerivations(m, r, mems)
	} else {
		printRanking(m, units, "党组织", r.Remarks)
		printDerivations(m, r, units)
	}
	var absent []string
	for _, a := range r.Inputs.Absent {
		if keep(a.Subject) && (a.Kind == model.SubjectMember) == *members {
			absent = append(absent, a.Name+"："+a.Why)
		}
	}
	if len(absent) > 0 {
		fmt.Fprintln(m.Stdout, "\n未计分：")
		for _, a := range absent {
			fmt.Fprintln(m.Stdout, "  "+a)
		}
	}
	for _, n := range r.Inputs.Notes {
		fmt.Fprintln(m.Stdout, "需要注意："+n)
	}
	return nil
}

// filterResult keeps the subjects of res that keep accepts (nil stays nil).
func filterResult(res *scoring.Result, keep func(string) bool) *scoring.Result {
	if res == nil {
		return nil
	}
	out := *res
	out.Subjects = nil
	for _, s := range res.Subjects {
		if keep(s.ID) {
			out.Subjects = append(out.Subjects, s)
		}
	}
	return &out
}

// printRanking prints the subjects best first as a table, with each
// one's remarks (period.Results.Remarks, or period.Remarks for a saved
// version).
func printRanking(m *Main, res *scoring.Result, what string, remarks func(*scoring.SubjectResult) []string) {
	subs := append([]scoring.SubjectResult(nil), res.Subjects...)
	for i := 1; i < len(subs); i++ {
		for j := i; j > 0 && rankLess(subs[j], subs[j-1]); j-- {
			subs[j], subs[j-1] = subs[j-1], subs[j]
		}
	}
	rows := make([][]string, 0, len(subs))
	for _, s := range subs {
		rank := "—"
		if s.Rank > 0 {
			rank = itoa(s.Rank)
		}
		band := s.BandName
		if band == "" {
			band = "无"
		}
		marks := remarks(&s)
		rows = append(rows, []string{rank, s.Name, s.Total.String(), s.Grade.String(), band, strings.Join(marks, "；")})
	}
	fmt.Fprintln(m.Stdout)
	m.table([]string{"名次", what, "总分", "等级总分", "等次", "说明"}, rows)
}

// rankLess orders ranked subjects by rank, the unranked last.
func rankLess(a, b scoring.SubjectResult) bool {
	switch {
	case a.Rank == 0:
		return false
	case b.Rank == 0:
		return true
	}
	return a.Rank < b.Rank
}

// printDerivations prints, for each subject, every number with its steps
// and the cells its inputs came from.
func printDerivations(m *Main, r *period.Results, res *scoring.Result) {
	for _, s := range res.Subjects {
		band := s.BandName
		if band == "" {
			band = "无"
		}
		fmt.Fprintf(m.Stdout, "\n%s　总分 %s 分　等级总分 %s 分　等次 %s", s.Name, s.Total, s.Grade, band)
		if s.Rank > 0 {
			fmt.Fprintf(m.Stdout, "　名次 %d", s.Rank)
		}
		fmt.Fprintln(m.Stdout)
		for _, g := range r.Inputs.Gaps[s.ID] {
			fmt.Fprintln(m.Stdout, "  缺少："+g)
		}
		for _, it := range s.Items {
			fmt.Fprintf(m.Stdout, "  %s：%s 分（分值 %s）\n", r.ItemName(s.ID, it.Item), it.Score, it.Max)
			printSteps(m, it.Why, 2)
			for _, o := range r.Trace(s.ID, it.Item) {
				printOrigin(m, r, o, 3)
			}
		}
		for _, src := range s.Sources {
			if src.Present && len(s.Items) == 0 || src.Present && src.Raters > 1 {
				fmt.Fprintf(m.Stdout, "  %s：%s 分（%d 人，权重 %s%%）\n", src.Name, src.Subtotal, src.Raters, src.Weight)
				printSteps(m, src.Why, 2)
			}
		}
		if len(s.Items) == 0 {
			for _, o := range r.Trace(s.ID, "") {
				printOrigin(m, r, o, 2)
			}
		}
		fmt.Fprintln(m.Stdout, "  等级总分：")
		printSteps(m, s.GradeWhy, 2)
		fmt.Fprintln(m.Stdout, "  等次：")
		printSteps(m, s.BandWhy, 2)
		for _, st := range s.Stars {
			printSteps(m, st.Why, 2)
		}
		printSteps(m, s.RankWhy, 2)
		for _, o := range r.Trace(s.ID, "") {
			if o.Entry != nil && o.Entry.Kind != model.EntryScore || o.Source == formspec.SourceBallot && o.Field == formspec.SatisfactionFact {
				printOrigin(m, r, o, 2)
			}
		}
		for _, is := range s.Issues {
			fmt.Fprintln(m.Stdout, "  需要注意："+is)
		}
	}
}

// printOrigin prints one input with where it came from.
func printOrigin(m *Main, r *period.Results, o period.Origin, depth int) {
	line := r.What(o) + " " + o.Value + "（" + o.Where() + "）"
	if o.Replaced {
		line += "（已被录入的数值替换，不计）"
	}
	fmt.Fprintf(m.Stdout, "%s%s\n", strings.Repeat("  ", depth), line)
}

func itoa(n int) string { return fmt.Sprint(n) }

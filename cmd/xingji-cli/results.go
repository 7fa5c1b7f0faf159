package main

import (
	"context"
	"fmt"
	"strings"

	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/period"
)

func init() {
	register("results", "保存和查看结果版本：results save --period 编号 --note 说明 | results list --period 编号 [--json] | results show --period 编号 --version 版本号 [--json]（保存后的版本不再改变）", runResults)
}

func runResults(m *Main, ctx context.Context, args []string) error {
	usage := usageError{"用法：results save --period 编号 --note 说明 | results list --period 编号 [--json] | results show --period 编号 --version 版本号 [--json]"}
	if len(args) == 0 {
		return usage
	}
	sub, args := args[0], args[1:]
	fs := flags("results " + sub)
	periodID := fs.Int64("period", 0, "")
	note := fs.String("note", "", "")
	version := fs.Int("version", 0, "")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *periodID == 0 {
		return usage
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	switch sub {
	case "save":
		v, err := o.SaveResults(ctx, *periodID, *note)
		if err != nil {
			return err
		}
		if *asJSON {
			return m.printJSON(v)
		}
		fmt.Fprintf(m.Stdout, "已保存第 %d 版结果（%s）：%s\n", v.Number, v.Note, v.Summary)
	case "list":
		vs, err := o.ResultVersions(ctx, *periodID)
		if err != nil {
			return err
		}
		if *asJSON {
			if vs == nil {
				vs = []model.ResultVersion{}
			}
			return m.printJSON(vs)
		}
		rows := make([][]string, 0, len(vs))
		for _, v := range vs {
			rows = append(rows, []string{itoa(v.Number), v.Saved.Local().Format("2006-01-02 15:04"), v.User, v.Note, v.Summary})
		}
		m.table([]string{"版本", "保存时间", "保存人", "说明", "概况"}, rows)
		if len(vs) == 0 {
			fmt.Fprintln(m.Stdout, "本期还没有保存过结果。运行 xingji-cli results save --period 编号 --note 说明 保存当前结果")
		}
	case "show":
		if *version == 0 {
			return usage
		}
		v, saved, err := o.ResultVersion(ctx, *periodID, *version)
		if err != nil {
			return err
		}
		if *asJSON {
			return m.printJSON(saved)
		}
		fmt.Fprintf(m.Stdout, "%s 第 %d 版结果，%s 由 %s 保存：%s\n%s\n", saved.Period, v.Number, v.Saved.Local().Format("2006-01-02 15:04"), v.User, v.Note, v.Summary)
		printRanking(m, saved.Units, "党组织", savedRemarks)
		if saved.Members != nil {
			printRanking(m, saved.Members, "党员", savedRemarks)
		}
		var absent []string
		for _, a := range saved.Absent {
			absent = append(absent, a.Name+"："+a.Why)
		}
		if len(absent) > 0 {
			fmt.Fprintln(m.Stdout, "\n未计分：\n  "+strings.Join(absent, "\n  "))
		}
	default:
		return usage
	}
	return nil
}

// savedRemarks are the remarks of a saved version's subject, whose scheme
// is not at hand: caps and vetoes are named by kind, not title.
func savedRemarks(sr *scoring.SubjectResult) []string { return period.Remarks(sr, nil, nil, "") }

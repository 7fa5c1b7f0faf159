package main

import (
	"context"
	"fmt"
	"strconv"

	"xingji/model"
	"xingji/model/formspec"
)

func init() {
	register("values", "本期已采用的填报数值及出处：values --period 编号 [--unit 组织编码] [--json]（每个数值都注明文件、工作表、单元格和版本）", runValues)
}

// valueJSON is one accepted value with where it came from.
type valueJSON struct {
	model.EntryValue
	File     string `json:"file"`
	SHA256   string `json:"sha256"`
	Version  int    `json:"version"`
	Received string `json:"received"`
}

func runValues(m *Main, ctx context.Context, args []string) error {
	fs := flags("values")
	period := fs.Int64("period", 0, "")
	unitCode := fs.String("unit", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *period == 0 {
		return usageError{"用法：values --period 编号 [--unit 组织编码] [--json]"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	subject := ""
	var unit model.Unit
	if *unitCode != "" {
		if unit, err = o.UnitByCode(ctx, *unitCode); err != nil {
			return err
		}
		subject = formspec.UnitSubject(unit.ID).String()
	}
	subs, err := o.AcceptedValues(ctx, *period)
	if err != nil {
		return err
	}
	members := map[string]string{}
	if all, err := o.AllMembers(ctx); err == nil {
		for _, mb := range all {
			if unit.ID == 0 || mb.UnitID == unit.ID {
				members[formspec.MemberSubject(mb.ID).String()] = mb.Name
			}
		}
	}
	out := []valueJSON{}
	var keep func(string) bool // nil: every value
	if subject != "" {
		keep = func(s string) bool { return s == subject || members[s] != "" }
	}
	for _, s := range subs {
		for v := range s.All(keep) {
			out = append(out, valueJSON{EntryValue: *v, File: s.FileName, SHA256: s.SHA256, Version: s.Version,
				Received: s.Received.Format("2006-01-02 15:04:05")})
		}
	}
	if *asJSON {
		return m.printJSON(out)
	}
	rows := make([][]string, 0, len(out))
	for _, v := range out {
		who := v.Subject
		if name, ok := members[v.Subject]; ok {
			who = name
		} else if kind, ok := formspec.SubjectKindOf(v.Subject); ok && kind == model.SubjectUnit && unit.ID != 0 {
			who = unit.Name
		}
		src := v.Source
		if name, ok := sourceNames[src]; ok {
			src = name
		}
		rows = append(rows, []string{who, src, v.Rater, v.Item, v.Field, v.Value,
			v.File + " 第" + strconv.Itoa(v.Version) + "版", v.Sheet + "!" + v.Cell})
	}
	m.table([]string{"对象", "来源", "评议人", "项目", "内容", "数值", "文件", "单元格"}, rows)
	fmt.Fprintf(m.Stdout, "\n共 %d 个数值\n", len(out))
	return nil
}

// sourceNames are the Chinese names of the sources a value comes from.
var sourceNames = map[string]string{
	model.SourceSelf: "自评", model.SourceReview: "考评", model.SourcePeer: "互评", model.SourceLeader: "领导点评",
	model.SourcePublic: "群众参评", formspec.SourceBallot: "满意度测评", formspec.SourceLedger: "承诺台账",
}

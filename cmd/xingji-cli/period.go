package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"xingji/model"
)

func init() {
	register("period", "考评周期：period list [--json] | period create --name 名称 --scheme 方案编码 [--version 版本] [--member-scheme 方案编码] [--units 编码,编码…] [--start 日期 --end 日期] | period close|open 编号", runPeriod)
	register("forms", "生成本期下发的表格：forms --period 编号 --out 文件夹或.zip", runForms)
	register("import", "导入填好的表格（文件、文件夹或 .zip，可多个）：import 路径… [--json]；有文件被退回时以非0状态退出", runImport)
	register("status", "本期收件情况：status --period 编号 [--json] [--missing 未提交名单.xlsx]", runStatus)
}

// periodJSON is one period in --json output.
type periodJSON struct {
	ID                  int64    `json:"id"`
	Name                string   `json:"name"`
	Start               string   `json:"start,omitempty"`
	End                 string   `json:"end,omitempty"`
	Status              string   `json:"status"`
	Scheme              string   `json:"scheme"`
	SchemeVersion       string   `json:"schemeVersion"`
	SchemeName          string   `json:"schemeName"`
	MemberScheme        string   `json:"memberScheme,omitempty"`
	MemberSchemeVersion string   `json:"memberSchemeVersion,omitempty"`
	Units               int      `json:"units"`
	Departments         []string `json:"departments"`
	Created             string   `json:"created"`
}

func runPeriod(m *Main, ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{"请给出子命令：period list | create | close | open"}
	}
	switch args[0] {
	case "list":
		return periodList(m, ctx, args[1:])
	case "create":
		return periodCreate(m, ctx, args[1:])
	case "close", "open":
		if len(args) != 2 {
			return usageError{"用法：period " + args[0] + " 编号"}
		}
		id, err := strconv.ParseInt(args[1], 10, 64)
		if err != nil {
			return usageError{"考评周期编号应为数字：" + args[1]}
		}
		o, err := m.open()
		if err != nil {
			return err
		}
		defer o.Close()
		st := model.PeriodClosed
		if args[0] == "open" {
			st = model.PeriodOpen
		}
		if err := o.SetPeriodStatus(ctx, id, st); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "考评周期 %d 已%s\n", id, map[model.PeriodStatus]string{model.PeriodOpen: "重新打开", model.PeriodClosed: "关闭"}[st])
		return nil
	}
	return usageError{"未知的子命令“" + args[0] + "”：可用 list、create、close、open"}
}

func periodList(m *Main, ctx context.Context, args []string) error {
	fs := flags("period list")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	ps, err := o.Periods(ctx)
	if err != nil {
		return err
	}
	out := make([]periodJSON, 0, len(ps))
	for _, p := range ps {
		j := periodJSON{ID: p.ID, Name: p.Name, Start: p.Start.String(), End: p.End.String(), Status: string(p.Status),
			Scheme: p.Scheme.Code, SchemeVersion: p.Scheme.Version, SchemeName: p.Scheme.Name, Units: len(p.Units),
			Departments: []string{}, Created: p.Created.Format(time.RFC3339)}
		if p.MemberScheme != nil {
			j.MemberScheme, j.MemberSchemeVersion = p.MemberScheme.Code, p.MemberScheme.Version
		}
		for _, d := range p.Departments() {
			j.Departments = append(j.Departments, model.DeptLabel(d))
		}
		out = append(out, j)
	}
	if *asJSON {
		return m.printJSON(out)
	}
	if len(out) == 0 {
		fmt.Fprintln(m.Stdout, "还没有考评周期。可用 period create 新建，或在空数据库上运行 demo 载入示范数据。")
		return nil
	}
	rows := make([][]string, 0, len(ps))
	for i, p := range ps {
		rows = append(rows, []string{strconv.FormatInt(p.ID, 10), p.Name, p.Status.Label(),
			p.Scheme.Name + "（" + p.Scheme.Version + "）", strconv.Itoa(len(p.Units)), strings.Join(out[i].Departments, "、")})
	}
	m.table([]string{"编号", "名称", "状态", "考核方案", "参评党组织", "考评部门"}, rows)
	return nil
}

func periodCreate(m *Main, ctx context.Context, args []string) error {
	fs := flags("period create")
	name := fs.String("name", "", "")
	scheme := fs.String("scheme", "", "")
	version := fs.String("version", "", "")
	memberScheme := fs.String("member-scheme", "", "")
	unitsArg := fs.String("units", "", "")
	start := fs.String("start", "", "")
	end := fs.String("end", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *name == "" || *scheme == "" {
		return usageError{"请给出 --name 名称 和 --scheme 方案编码，例如：period create --name 2026年度星级评定 --scheme cun-xingji"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	s, _, err := findScheme(ctx, o, *scheme, *version)
	if err != nil {
		return err
	}
	p := model.Period{Name: strings.TrimSpace(*name), Scheme: s}
	if *memberScheme != "" {
		ms, _, err := findScheme(ctx, o, *memberScheme, "")
		if err != nil {
			return err
		}
		p.MemberScheme = &ms
	}
	for _, d := range []struct {
		text string
		to   *model.Date
		what string
	}{{*start, &p.Start, "--start"}, {*end, &p.End, "--end"}} {
		if d.text == "" {
			continue
		}
		v, err := model.ParseISODate(d.text)
		if err != nil {
			return usageError{d.what + " 的日期应写成 2026-01-01：" + d.text}
		}
		*d.to = v
	}
	if *unitsArg == "" {
		if p.Units, err = o.UnitsForScheme(ctx, s); err != nil {
			return err
		}
	} else {
		for _, code := range strings.Split(*unitsArg, ",") {
			u, err := o.UnitByCode(ctx, strings.TrimSpace(code))
			if err != nil {
				return err
			}
			p.Units = append(p.Units, u.ID)
		}
	}
	if err := o.CreatePeriod(ctx, &p); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已新建考评周期 %d“%s”：方案 %s（版本 %s），%d 个党组织参评\n", p.ID, p.Name, s.Name, s.Version, len(p.Units))
	return nil
}

func runForms(m *Main, ctx context.Context, args []string) error {
	fs := flags("forms")
	period := fs.Int64("period", 0, "")
	out := fs.String("out", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *period == 0 || *out == "" {
		return usageError{"用法：forms --period 编号 --out 文件夹（或 文件名.zip）；编号可用 period list 查看"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	start := time.Now()
	n, err := o.WriteForms(ctx, *period, *out, func(done, total int) {
		if done%200 == 0 && done < total {
			fmt.Fprintf(m.Stdout, "  已生成 %d / %d …\n", done, total)
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已生成 %d 份表格（用时 %.1f 秒）：%s\n", n, time.Since(start).Seconds(), *out)
	return nil
}

// importReport is the --json output of import.
type importReport struct {
	Files     []model.FileResult `json:"files"`
	Accepted  int                `json:"accepted"`
	Rejected  int                `json:"rejected"`
	Duplicate int                `json:"duplicate"`
}

func runImport(m *Main, ctx context.Context, args []string) error {
	fs := flags("import")
	asJSON := fs.Bool("json", false, "")
	// Paths may come before or after the flags.
	var paths []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		paths, args = append(paths, args[0]), args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	paths = append(paths, fs.Args()...)
	if len(paths) == 0 {
		return usageError{"请给出要导入的文件、文件夹或 .zip 压缩包，例如：xingji-cli import 收到的表格/"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	progress := func(done, total int, r model.FileResult) {
		if *asJSON {
			return
		}
		line := fmt.Sprintf("[%d/%d] %s：%s", done, total, r.Name, r.Outcome.Label())
		if r.Outcome == model.OutcomeAccepted {
			who := r.Unit
			if r.Dept != "" {
				who = r.Dept + " 考评表"
			}
			line += fmt.Sprintf("（%s，第 %d 版，%d 个数值）", who, r.Version, r.Values)
		}
		fmt.Fprintln(m.Stdout, line)
		for _, p := range r.Problems {
			fmt.Fprintln(m.Stdout, "    "+p)
		}
	}
	res, err := o.ImportForms(ctx, paths, progress)
	rep := importReport{Files: res}
	for _, r := range res {
		switch r.Outcome {
		case model.OutcomeAccepted:
			rep.Accepted++
		case model.OutcomeRejected:
			rep.Rejected++
		case model.OutcomeDuplicate:
			rep.Duplicate++
		}
	}
	if rep.Files == nil {
		rep.Files = []model.FileResult{}
	}
	if *asJSON {
		if jerr := m.printJSON(rep); jerr != nil {
			return jerr
		}
	} else {
		fmt.Fprintf(m.Stdout, "共 %d 个文件：采用 %d，退回 %d，重复 %d\n", len(res), rep.Accepted, rep.Rejected, rep.Duplicate)
	}
	if err != nil {
		return err
	}
	if rep.Rejected > 0 {
		return model.Errorf(model.EInvalid, "有 %d 个文件被退回，原因见上；改正后重新导入即可，已采用的文件不受影响", rep.Rejected)
	}
	return nil
}

func runStatus(m *Main, ctx context.Context, args []string) error {
	fs := flags("status")
	period := fs.Int64("period", 0, "")
	asJSON := fs.Bool("json", false, "")
	missing := fs.String("missing", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *period == 0 {
		return usageError{"用法：status --period 编号 [--json] [--missing 未提交名单.xlsx]；编号可用 period list 查看"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	b, err := o.StatusBoard(ctx, *period)
	if err != nil {
		return err
	}
	if *missing != "" {
		n, err := o.WriteMissingList(ctx, *period, *missing)
		if err != nil {
			return err
		}
		if !*asJSON {
			fmt.Fprintf(m.Stdout, "未提交名单（%d 个）已保存到：%s\n", n, *missing)
		}
	}
	if *asJSON {
		if b.Rows == nil {
			b.Rows = []model.StatusRow{}
		}
		return m.printJSON(b)
	}
	rows := make([][]string, 0, len(b.Rows))
	for _, r := range b.Rows {
		who, code := r.UnitName, r.UnitCode
		if r.Form == model.FormReview {
			who, code = r.Dept+"（考评表）", ""
		}
		ver := ""
		if r.Version > 0 {
			ver = "第" + strconv.Itoa(r.Version) + "版"
		}
		why := ""
		if len(r.Problems) > 0 {
			why = r.Problems[0]
			if len(r.Problems) > 1 {
				why += fmt.Sprintf("（等 %d 处）", len(r.Problems))
			}
		}
		rows = append(rows, []string{code, who, r.Secretary, r.Phone, r.State.Label(), ver, why})
	}
	m.table([]string{"编码", "党组织/部门", "书记", "联系电话", "情况", "版本", "退回原因"}, rows)
	fmt.Fprintf(m.Stdout, "\n%s：已提交 %d，未提交 %d（其中被退回 %d）\n", b.PeriodName, b.Submitted, b.Missing+b.Rejected, b.Rejected)
	return nil
}

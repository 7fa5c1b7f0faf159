package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"xingji/model"
	"xingji/scoring/period"
)

func init() {
	register("entries", "考核办自己录入的数值（考评得分、考核事实、一票否决、个性星）：entries list --period 编号 [--json] | entries template --period 编号 [--dept 部门] --out 录入表.xlsx | entries import --period 编号 文件.xlsx [--json]", runEntries)
}

func runEntries(m *Main, ctx context.Context, args []string) error {
	usage := usageError{"用法：entries list --period 编号 [--json] | entries template --period 编号 [--dept 部门] --out 录入表.xlsx | entries import --period 编号 文件.xlsx [--json]"}
	if len(args) == 0 {
		return usage
	}
	sub, args := args[0], args[1:]
	switch sub {
	case "list":
		return runEntriesList(m, ctx, args)
	case "template":
		return runEntriesTemplate(m, ctx, args)
	case "import":
		return runEntriesImport(m, ctx, args)
	}
	return usage
}

// runEntriesList prints every entry of a period in the order made: who,
// when, what, old → new, why.
func runEntriesList(m *Main, ctx context.Context, args []string) error {
	fs := flags("entries list")
	periodID := fs.Int64("period", 0, "")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *periodID == 0 {
		return usageError{"用法：entries list --period 编号 [--json]"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	log, err := o.EntryLog(ctx, *periodID)
	if err != nil {
		return err
	}
	if *asJSON {
		if log == nil {
			log = []model.Entry{}
		}
		return m.printJSON(log)
	}
	r, err := o.Results(ctx, *periodID)
	if err != nil {
		return err
	}
	checker, err := o.EntryChecker(ctx, *periodID)
	if err != nil {
		return err
	}
	rows := make([][]string, 0, len(log))
	for i := range log {
		e := &log[i]
		what := r.What(period.Origin{Subject: e.Subject, Source: entrySource(e), Item: e.Name, Field: e.Field, Entry: e})
		if e.Kind == model.EntryScore {
			what = "考评得分：" + r.ItemName(e.Subject, e.Name) + "（" + deptLabel(e.Dept) + "）"
		}
		why := e.Reason
		if e.DocNo != "" {
			why += "（" + e.DocNo + "）"
		}
		where := "屏幕录入"
		if e.File != "" {
			where = e.File + " " + e.Sheet + "!" + e.Cell
		}
		rows = append(rows, []string{e.At.Local().Format("2006-01-02 15:04"), e.User, checker.SubjectName(e.Subject), what,
			orDash(e.Old), orDash(e.Value), why, where})
	}
	m.table([]string{"时间", "录入人", "对象", "内容", "原值", "新值", "原因", "来源"}, rows)
	fmt.Fprintf(m.Stdout, "\n共 %d 条录入记录\n", len(log))
	return nil
}

// entrySource is the source an entry stands for in an Origin.
func entrySource(e *model.Entry) string {
	if e.Kind == model.EntryScore {
		return model.SourceReview
	}
	return string(e.Kind)
}

func deptLabel(d string) string {
	if d == "" {
		return "党委"
	}
	return d
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// runEntriesTemplate writes the period's entries workbook.
func runEntriesTemplate(m *Main, ctx context.Context, args []string) error {
	fs := flags("entries template")
	periodID := fs.Int64("period", 0, "")
	dept := fs.String("dept", "", "")
	out := fs.String("out", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *periodID == 0 || *out == "" {
		return usageError{"用法：entries template --period 编号 [--dept 部门] --out 录入表.xlsx（不写 --dept 为全部考评得分、考核事实、一票否决和个性星；--dept 党委 为党委自己考评的项目）"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	var d *string
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "dept" {
			v := *dept
			if v == "党委" {
				v = ""
			}
			d = &v
		}
	})
	if err := o.WriteEntriesWorkbook(ctx, *periodID, d, *out); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已写出录入表：%s\n填好后运行 xingji-cli entries import --period %d \"%s\" 导入\n", *out, *periodID, *out)
	return nil
}

// runEntriesImport reads a filled entries workbook: all or nothing.
func runEntriesImport(m *Main, ctx context.Context, args []string) error {
	fs := flags("entries import")
	periodID := fs.Int64("period", 0, "")
	asJSON := fs.Bool("json", false, "")
	var path string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		path, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if path == "" && fs.NArg() > 0 {
		path = fs.Arg(0)
	}
	if *periodID == 0 || path == "" {
		return usageError{"用法：entries import --period 编号 录入表.xlsx [--json]"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	stored, err := o.ImportEntries(ctx, *periodID, path)
	if err != nil {
		return err
	}
	if *asJSON {
		if stored == nil {
			stored = []model.Entry{}
		}
		return m.printJSON(stored)
	}
	if len(stored) == 0 {
		fmt.Fprintln(m.Stdout, "录入表中没有改动的数值，没有保存任何内容")
		return nil
	}
	fmt.Fprintf(m.Stdout, "已保存 %d 条录入（运行 xingji-cli entries list --period %d 查看，score --period %d 查看结果）\n", len(stored), *periodID, *periodID)
	return nil
}

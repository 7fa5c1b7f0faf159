package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"xingji/cmd/office"
	"xingji/documents"
	"xingji/importers"
	"xingji/importers/schemesheet"
	"xingji/model"
	_ "xingji/scoring" // registers the formula checker used by Validate
	"xingji/scoring/builtin"
)

func init() {
	registerScheme("list", "列出内置方案和已保存的方案：scheme list [--json]", runSchemeList)
	registerScheme("show", "显示方案的项目、分值和评分标准：scheme show 编码 [--version 版本] [--json]", runSchemeShow)
	registerScheme("export", "把方案导出为 Excel 表格：scheme export 编码 [--version 版本] --out 文件.xlsx", runSchemeExport)
	registerScheme("import", "从 Excel 表格导入并保存方案：scheme import 文件.xlsx [--code 编码] [--name 名称] [--version 版本] [--json]", runSchemeImport)
}

// schemeListJSON is one entry of `scheme list --json`.
type schemeListJSON struct {
	Code    string `json:"code"`
	Version string `json:"version"`
	Name    string `json:"name"`
	Source  string `json:"source"`
	Items   int    `json:"items"`
	Total   string `json:"total"`
	Builtin bool   `json:"builtin"`
	SavedAt string `json:"saved_at,omitempty"`
}

func runSchemeList(m *Main, ctx context.Context, args []string) error {
	fs := flags("scheme list")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	stored, err := o.Schemes(ctx)
	if err != nil {
		return err
	}
	list := []schemeListJSON{}
	for _, s := range builtin.Schemes() {
		list = append(list, schemeListJSON{Code: s.Code, Version: s.Version, Name: s.Name, Source: s.Source,
			Items: countItems(s), Total: s.Total.String(), Builtin: true})
	}
	for _, s := range stored {
		list = append(list, schemeListJSON{Code: s.Code, Version: s.Version, Name: s.Name, Source: s.Source,
			Items: s.Items, Total: s.Total.String(), SavedAt: s.SavedAt.Format("2006-01-02 15:04")})
	}
	if *asJSON {
		return m.printJSON(list)
	}
	rows := make([][]string, len(list))
	for i, s := range list {
		kind := "已保存 " + s.SavedAt
		if s.Builtin {
			kind = "内置"
		}
		rows[i] = []string{s.Code, s.Version, s.Name, fmt.Sprint(s.Items), s.Total, kind}
	}
	m.table([]string{"编码", "版本", "名称", "项目数", "总分", "类型"}, rows)
	return nil
}

// codeAndFlags splits a command line whose first argument may be the
// scheme code or file, before or after the flags.
func codeAndFlags(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "", args
}

// findScheme returns the scheme with the code and version ("": the newest)
// and whether it is a built-in one (Office.FindScheme), pointing a scheme
// not found to scheme list.
func findScheme(ctx context.Context, o *office.Office, code, version string) (model.Scheme, bool, error) {
	s, isBuiltin, err := o.FindScheme(ctx, code, version)
	if model.ErrorCodeOf(err) == model.ENotFound {
		return s, false, model.Errorf(model.ENotFound, "%s。运行 xingji-cli scheme list 查看所有方案", model.ErrorMessage(err))
	}
	return s, isBuiltin, err
}

// schemeArgs parses `CODE [--version V]` plus the extra flags set up by
// setup, and opens the office.
func schemeArgs(m *Main, ctx context.Context, name string, args []string, setup func(fs *flag.FlagSet)) (*office.Office, model.Scheme, bool, error) {
	code, rest := codeAndFlags(args)
	fs := flags(name)
	version := fs.String("version", "", "")
	setup(fs)
	if err := parse(fs, rest); err != nil {
		return nil, model.Scheme{}, false, err
	}
	if code == "" && fs.NArg() == 1 {
		code = fs.Arg(0)
	}
	if code == "" || fs.NArg() > 1 {
		return nil, model.Scheme{}, false, usageError{"请给出一个方案编码，例如：xingji-cli " + name + " wlmq-cxcy。运行 xingji-cli scheme list 查看编码。"}
	}
	o, err := m.open()
	if err != nil {
		return nil, model.Scheme{}, false, err
	}
	s, isBuiltin, err := findScheme(ctx, o, code, *version)
	if err != nil {
		o.Close()
		return nil, s, false, err
	}
	return o, s, isBuiltin, nil
}

func runSchemeShow(m *Main, ctx context.Context, args []string) error {
	var asJSON *bool
	o, s, isBuiltin, err := schemeArgs(m, ctx, "scheme show", args, func(fs *flag.FlagSet) { asJSON = fs.Bool("json", false, "") })
	if err != nil {
		return err
	}
	defer o.Close()
	if *asJSON {
		return m.printJSON(s)
	}
	m.printSchemeTree(s, isBuiltin)
	return nil
}

func runSchemeExport(m *Main, ctx context.Context, args []string) error {
	var out *string
	o, s, _, err := schemeArgs(m, ctx, "scheme export", args, func(fs *flag.FlagSet) { out = fs.String("out", "", "") })
	if err != nil {
		return err
	}
	defer o.Close()
	if *out == "" {
		return usageError{"请用 --out 给出导出的文件，例如：xingji-cli scheme export " + s.Code + " --out 考核细则.xlsx"}
	}
	if err := documents.WriteSchemeSheetFile(*out, s); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已导出方案“%s”（编码 %s，版本 %s）到 %s\n", s.Name, s.Code, s.Version, *out)
	return nil
}

func countItems(s model.Scheme) int {
	n := 0
	s.Walk(func([]*model.Section, *model.Item) { n++ })
	return n
}

// errorTexts returns the Chinese lines of positioned errors.
func errorTexts(es importers.Errors) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Error())
	}
	return out
}

// schemeImportJSON is the --json report of `scheme import`.
type schemeImportJSON struct {
	File       string          `json:"file"`
	Sheet      string          `json:"sheet"`
	FromExport bool            `json:"from_export"`
	Code       string          `json:"code"`
	Version    string          `json:"version"`
	Name       string          `json:"name"`
	Items      int             `json:"items"`
	Total      string          `json:"total"`
	Saved      bool            `json:"saved"`
	Problems   []model.Problem `json:"problems"`
	Errors     []string        `json:"errors"`
	Warnings   []string        `json:"warnings"`
}

func runSchemeImport(m *Main, ctx context.Context, args []string) error {
	file, rest := codeAndFlags(args)
	fs := flags("scheme import")
	code := fs.String("code", "", "")
	name := fs.String("name", "", "")
	version := fs.String("version", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, rest); err != nil {
		return err
	}
	if file == "" && fs.NArg() == 1 {
		file = fs.Arg(0)
	}
	if file == "" || fs.NArg() > 1 {
		return usageError{"请给出一个方案表格文件，例如：xingji-cli scheme import 考核细则.xlsx"}
	}
	t, err := importers.OpenFile(file)
	if err != nil {
		return err
	}
	res, err := schemesheet.Read(t)
	if err != nil {
		return err
	}
	sc := &res.Scheme
	if *code != "" || *name != "" || *version != "" {
		sc.Code = firstNonEmpty(*code, sc.Code)
		sc.Name = firstNonEmpty(*name, sc.Name)
		sc.Version = firstNonEmpty(*version, sc.Version)
		res.Problems = sc.Problems()
	}
	rep := schemeImportJSON{File: file, Sheet: res.Sheet, FromExport: res.FromExport, Code: sc.Code,
		Version: sc.Version, Name: sc.Name, Items: countItems(*sc), Total: sc.Total.String(),
		Problems: res.Problems, Errors: errorTexts(res.Errors), Warnings: errorTexts(res.Warnings)}
	if rep.Problems == nil {
		rep.Problems = []model.Problem{}
	}
	var saveErr error
	if res.Fatal() {
		saveErr = model.Errorf(model.EInvalid, "方案表格有 %d 处无法读取、%d 个严重问题，未保存；请按上面的提示改正后重新导入",
			len(res.Errors), len(res.Problems.Fatal()))
	} else {
		o, err := m.open()
		if err != nil {
			return err
		}
		defer o.Close()
		saveErr = o.SaveScheme(ctx, *sc)
		rep.Saved = saveErr == nil
	}
	if *asJSON {
		if err := m.printJSON(rep); err != nil {
			return err
		}
		return saveErr
	}
	source := "按表格内容读取（各项为手工打分）"
	if res.FromExport {
		source = "星级考评导出的文件，已原样还原"
	}
	fmt.Fprintf(m.Stdout, "文件：%s　工作表：“%s”　%s\n", file, rep.Sheet, source)
	fmt.Fprintf(m.Stdout, "方案：%s（编码 %s，版本 %s）　%d 项　总分 %s 分\n", sc.Name, sc.Code, sc.Version, rep.Items, rep.Total)
	for _, e := range rep.Errors {
		fmt.Fprintln(m.Stdout, "错误："+e)
	}
	unexplained := sc.Unexplained(res.Problems)
	for _, p := range unexplained {
		label := "提示"
		if p.Fatal {
			label = "严重问题"
		}
		fmt.Fprintln(m.Stdout, label+"："+p.Message)
	}
	if n := len(res.Problems) - len(unexplained); n > 0 {
		fmt.Fprintf(m.Stdout, "另有 %d 个问题已在方案说明中注明（scheme show 查看）。\n", n)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(m.Stdout, "注意："+w)
	}
	if rep.Saved {
		fmt.Fprintln(m.Stdout, "已保存。")
	}
	return saveErr
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// printSchemeTree prints the sections and items with points and rule text.
func (m *Main) printSchemeTree(s model.Scheme, isBuiltin bool) {
	kind := "已保存"
	if isBuiltin {
		kind = "内置"
	}
	fmt.Fprintf(m.Stdout, "%s（编码 %s，版本 %s，%s）\n", s.Name, s.Code, s.Version, kind)
	fmt.Fprintf(m.Stdout, "总分 %s 分，%d 项", s.Total, countItems(s))
	if s.Source != "" {
		fmt.Fprintf(m.Stdout, "，依据：%s", s.Source)
	}
	fmt.Fprintln(m.Stdout)
	var rec func(secs []model.Section, depth int)
	rec = func(secs []model.Section, depth int) {
		pad := strings.Repeat("  ", depth)
		for _, sec := range secs {
			line := pad + sec.Title
			if !sec.Points.IsZero() {
				line += "（" + sec.Points.String() + "分）"
			}
			fmt.Fprintln(m.Stdout, line)
			for _, it := range sec.Items {
				mark := ""
				switch {
				case it.Bonus:
					mark = "［加分］"
				case it.Penalty:
					mark = "［减分］"
				}
				fmt.Fprintf(m.Stdout, "%s  %s. %s%s（%s分）\n", pad, it.Code, mark, it.Title, it.Points)
				fmt.Fprintf(m.Stdout, "%s     评分标准：%s\n", pad, documents.RuleText(it))
			}
			rec(sec.Sections, depth+1)
		}
	}
	rec(s.Sections, 0)
	if len(s.Bands) > 0 {
		var bs []string
		for _, b := range s.Bands {
			bs = append(bs, b.Name+" "+b.Range.Describe("分"))
		}
		fmt.Fprintln(m.Stdout, "等次："+strings.Join(bs, "；"))
	}
}

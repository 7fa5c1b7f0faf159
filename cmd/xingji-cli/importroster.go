package main

import (
	"context"
	"fmt"
	"strings"

	"xingji/importers/roster"
	"xingji/model"
)

func init() {
	register("import-roster", "导入党员花名册：import-roster 文件 [--create-units-under 组织编码] [--map 文件中的名称=组织编码]… [--dry-run] [--json]", runImportRoster)
}

// mapFlags collects repeated --map NAME=CODE flags.
type mapFlags []string

func (f *mapFlags) String() string     { return strings.Join(*f, ",") }
func (f *mapFlags) Set(s string) error { *f = append(*f, s); return nil }

// importJSON is the --json report of import-roster.
type importJSON struct {
	File         string        `json:"file"`
	Sheet        string        `json:"sheet"`
	HeaderRow    int           `json:"header_row"`
	Entries      int           `json:"entries"`
	New          int           `json:"new"`
	Update       int           `json:"update"`
	Transfer     int           `json:"transfer"`
	NewUnits     int           `json:"new_units"`
	UnknownUnits []unknownJSON `json:"unknown_units"`
	Errors       []string      `json:"errors"`
	Warnings     []string      `json:"warnings"`
	Applied      bool          `json:"applied"`
	Backup       string        `json:"backup,omitempty"`
}

type unknownJSON struct {
	Name string `json:"name"`
	Rows []int  `json:"rows"`
}

func runImportRoster(m *Main, ctx context.Context, args []string) error {
	fs := flags("import-roster")
	under := fs.String("create-units-under", "", "")
	dry := fs.Bool("dry-run", false, "")
	asJSON := fs.Bool("json", false, "")
	var maps mapFlags
	fs.Var(&maps, "map", "")
	// Allow the file before or after the flags.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if file == "" && fs.NArg() == 1 {
		file = fs.Arg(0)
	}
	if file == "" {
		return usageError{"请给出要导入的花名册文件，例如：xingji-cli import-roster 花名册.xlsx"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	opts := roster.Options{MapTo: map[string]int64{}}
	if *under != "" {
		u, err := o.UnitByCode(ctx, *under)
		if err != nil {
			return err
		}
		opts.CreateAllUnder = u.ID
	}
	for _, mp := range maps {
		name, code, ok := strings.Cut(mp, "=")
		if !ok {
			return usageError{"--map 的格式应为 文件中的名称=组织编码，例如 --map 一支部=QH-01-01"}
		}
		u, err := o.UnitByCode(ctx, strings.TrimSpace(code))
		if err != nil {
			return err
		}
		opts.MapTo[strings.TrimSpace(name)] = u.ID
	}
	p, err := o.PreviewRoster(ctx, file, opts)
	if err != nil {
		return err
	}
	rep := importJSON{File: file, Sheet: p.Sheet, HeaderRow: p.HeaderRow, Entries: p.Counts.Entries,
		New: p.Counts.New, Update: p.Counts.Update, Transfer: p.Counts.Transfer, NewUnits: p.Counts.NewUnits,
		UnknownUnits: []unknownJSON{}, Errors: []string{}, Warnings: []string{}}
	for _, u := range p.UnknownUnits {
		rep.UnknownUnits = append(rep.UnknownUnits, unknownJSON{u.Name, u.Rows})
	}
	for _, e := range p.Errors {
		rep.Errors = append(rep.Errors, e.Error())
	}
	for _, e := range p.Warnings {
		rep.Warnings = append(rep.Warnings, e.Error())
	}
	var failure error
	switch {
	case len(p.Errors) > 0:
		failure = model.Errorf(model.EInvalid, "“%s”有 %d 处问题，整个文件未导入。请按上面列出的位置改正后重新导入。", file, len(p.Errors))
	case len(p.UnknownUnits) > 0:
		names := make([]string, len(p.UnknownUnits))
		for i, u := range p.UnknownUnits {
			names[i] = u.Name
		}
		failure = model.Errorf(model.EInvalid, "文件中有 %d 个党组织在系统中找不到：%s。请用 --create-units-under 上级组织编码 新建它们，或用 --map 名称=组织编码 对应到已有组织。整个文件未导入。",
			len(names), strings.Join(names, "、"))
	case !*dry:
		res, err := o.ApplyRosterPlan(ctx, p.Plan)
		if err != nil {
			return err
		}
		rep.Applied, rep.Backup = true, res.BackupPath
	}
	if *asJSON {
		if err := m.printJSON(rep); err != nil {
			return err
		}
	} else {
		m.printImportReport(rep, *dry)
	}
	return failure
}

func (m *Main) printImportReport(r importJSON, dry bool) {
	fmt.Fprintf(m.Stdout, "文件：%s　工作表：“%s”　表头在第 %d 行　党员数据 %d 行\n", r.File, r.Sheet, r.HeaderRow, r.Entries)
	fmt.Fprintf(m.Stdout, "新增党员 %d 人，更新 %d 人（其中调动 %d 人），新建党组织 %d 个\n", r.New, r.Update, r.Transfer, r.NewUnits)
	for _, u := range r.UnknownUnits {
		fmt.Fprintf(m.Stdout, "找不到的党组织：%s（%d 行）\n", u.Name, len(u.Rows))
	}
	for _, e := range r.Errors {
		fmt.Fprintln(m.Stdout, "问题："+e)
	}
	for _, w := range r.Warnings {
		fmt.Fprintln(m.Stdout, "提示："+w)
	}
	switch {
	case r.Applied:
		fmt.Fprintln(m.Stdout, "已导入。导入前的数据已备份到："+r.Backup)
	case dry && len(r.Errors) == 0 && len(r.UnknownUnits) == 0:
		fmt.Fprintln(m.Stdout, "检查通过（--dry-run，未写入）。")
	}
}

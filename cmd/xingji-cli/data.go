package main

import (
	"context"
	"fmt"
	"time"

	"xingji/cmd/office"
	"xingji/model"
	"xingji/model/demo"
	"xingji/model/sqlite"
)

func init() {
	register("demo", "生成虚构的示范数据和一个进行中的考评周期：[--scale county|city] [--seed N] [--with-submissions 文件夹]（只能载入空数据库；县级示范另写出一批填好的示范表格，默认放在数据库旁的“示范填报表”文件夹，--with-submissions 指定其他文件夹）", runDemo)
	register("backup", "立即备份数据库", runBackup)
	register("backups", "列出备份（--json）", runBackups)
	register("restore", "恢复备份：restore 备份文件 | restore --latest（数据库损坏时也可用）", runRestore)
	register("path", "显示正在使用的数据库文件路径", runPath)
}

func runDemo(m *Main, ctx context.Context, args []string) error {
	fs := flags("demo")
	scale := fs.String("scale", "county", "")
	seed := fs.Int64("seed", office.DemoSeed, "")
	subs := fs.String("with-submissions", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *scale != string(demo.County) && *scale != string(demo.City) {
		return usageError{"--scale 只能是 county（县级，约40个党组织）或 city（地市级，约5000个党组织）"}
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	dir := *subs
	if dir == "" && *scale == string(demo.County) {
		dir = o.DemoSubmissionsDir()
	}
	start := time.Now()
	got, err := o.LoadDemoInto(ctx, demo.Scale(*scale), *seed, dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已生成示范数据：%d 个党组织，%d 名党员（用时 %.1f 秒）\n数据库：%s\n",
		got.Roster.UnitsCreated, got.Roster.MembersAdded, time.Since(start).Seconds(), o.Path())
	for i, p := range got.Periods {
		fmt.Fprintf(m.Stdout, "考评周期 %d“%s”已开始：%d 个党组织参评\n", p.ID, p.Name, len(p.Units))
		if dir != "" {
			fmt.Fprintf(m.Stdout, "已写出 %d 份填好的示范表格到：%s\n可运行 xingji-cli import \"%s\" 导入，或拖到星级考评窗口中\n", len(got.Files[i]), dir, dir)
		}
	}
	return nil
}

func runBackup(m *Main, ctx context.Context, args []string) error {
	if err := parse(flags("backup"), args); err != nil {
		return err
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	path, err := o.Backup(ctx, "manual")
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, "已备份到："+path)
	return nil
}

// backupJSON is a backup in the --json output.
type backupJSON struct {
	Path   string `json:"path"`
	Time   string `json:"time"`
	Reason string `json:"reason"`
	Size   int64  `json:"size"`
}

func runBackups(m *Main, ctx context.Context, args []string) error {
	fs := flags("backups")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	path, err := m.resolvedPath()
	if err != nil {
		return err
	}
	list, err := sqlite.ListBackups(path, sqlite.Options{})
	if err != nil {
		return err
	}
	out := make([]backupJSON, len(list))
	rows := make([][]string, len(list))
	for i, b := range list {
		out[i] = backupJSON{b.Path, b.Time.Format(time.RFC3339), b.Reason, b.Size}
		rows[i] = []string{b.Time.Format("2006-01-02 15:04:05"), b.ReasonText(), fmt.Sprint(b.Size), b.Path}
	}
	if *asJSON {
		return m.printJSON(out)
	}
	m.table([]string{"时间", "原因", "字节", "文件"}, rows)
	fmt.Fprintf(m.Stdout, "共 %d 个备份\n", len(list))
	return nil
}

func runRestore(m *Main, ctx context.Context, args []string) error {
	fs := flags("restore")
	latest := fs.Bool("latest", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	path, err := m.resolvedPath()
	if err != nil {
		return err
	}
	var from string
	switch {
	case *latest && fs.NArg() == 0:
		b, err := sqlite.LatestBackup(path, sqlite.Options{})
		if err != nil {
			return err
		}
		from = b.Path
	case !*latest && fs.NArg() == 1:
		from = fs.Arg(0)
	default:
		return usageError{"请给出要恢复的备份文件，或用 --latest 恢复最新的备份（运行 xingji-cli backups 查看备份列表）"}
	}
	o, err := office.Open(path)
	if err == nil {
		defer o.Close()
		err = o.Restore(ctx, from)
	} else if model.ErrorCodeOf(err) == model.ECorrupt {
		err = sqlite.RestoreFile(path, from, sqlite.Options{})
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已从 %s 恢复数据库 %s\n", from, path)
	return nil
}

func runPath(m *Main, ctx context.Context, args []string) error {
	if err := parse(flags("path"), args); err != nil {
		return err
	}
	path, err := m.resolvedPath()
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, path)
	return nil
}

// resolvedPath is the database path from --db, XINGJI_DB or the default.
func (m *Main) resolvedPath() (string, error) {
	if m.dbPath != "" {
		return m.dbPath, nil
	}
	if p := m.Getenv("XINGJI_DB"); p != "" {
		return p, nil
	}
	return sqlite.DefaultPath()
}

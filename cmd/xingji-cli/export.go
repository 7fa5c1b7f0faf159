package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"xingji/cmd/office"
	"xingji/documents"
	"xingji/model"
)

func init() {
	register("export", "打印文书：export 种类 --period 编号 --out 文件或文件夹 [--format pdf|xlsx|docx] [--design 样式] [--force]（种类：运行 export 查看）", runExport)
}

func runExport(m *Main, ctx context.Context, args []string) error {
	var names []string
	for _, k := range office.PaperKinds() {
		names = append(names, fmt.Sprintf("%s（%s，%s）", k.Code, k.Label, strings.Join(k.Formats, "/")))
	}
	usage := usageError{"用法：export 种类 --period 编号 --out 文件或文件夹 [--format 格式] [--design 样式] [--force]\n种类：" + strings.Join(names, "、")}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usage
	}
	kindName, args := args[0], args[1:]
	kind, ok := office.FindPaperKind(kindName)
	if !ok {
		return usageError{fmt.Sprintf("没有“%s”这种文书。%s", kindName, usage.msg)}
	}
	fs := flags("export " + kindName)
	periodID := fs.Int64("period", 0, "")
	out := fs.String("out", "", "")
	format := fs.String("format", "", "")
	design := fs.String("design", "", "")
	force := fs.Bool("force", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *periodID == 0 || *out == "" {
		return usage
	}
	o, err := m.open()
	if err != nil {
		return err
	}
	defer o.Close()
	path := *out
	if ext := strings.TrimPrefix(filepath.Ext(path), "."); *format == "" && contains(kind.Formats, ext) {
		*format = ext
	}
	if *format == "" {
		*format = kind.Formats[0]
	}
	if isDir(path) {
		p, err := o.Periods(ctx)
		if err != nil {
			return err
		}
		name := ""
		for _, q := range p {
			if q.ID == *periodID {
				name = q.Name
			}
		}
		path = filepath.Join(path, documents.FileName(name, kind.Label, *format))
	}
	err = o.ExportPaper(ctx, *periodID, kind.Code, *format, path, office.PaperOptions{Design: *design, Overwrite: *force})
	if errors.Is(err, office.ErrFileExists) {
		return model.Errorf(model.EConflict, "%s 已经存在，没有覆盖。要替换它，请加 --force", path)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已导出%s：%s\n", kind.Label, path)
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

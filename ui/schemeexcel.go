package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"xingji/documents"
	"xingji/importers"
	"xingji/importers/schemesheet"
	"xingji/model"
)

// The scheme window's Excel buttons: 导出为 Excel… writes the chosen scheme
// with documents.WriteSchemeSheetFile (printable, and read back whole by
// importers/schemesheet); 从 Excel 导入… reads such a file or an office's own
// table and saves it as a new scheme or version. The choosers call
// exportTo / importFrom, which tests call directly.

// onExport asks where to save the chosen scheme.
func (s *SchemesScreen) onExport() {
	if s.chosen < 0 {
		return
	}
	sc := s.entries[s.chosen].scheme
	name := documents.SafeFileName(fmt.Sprintf("%s（版本%s）.xlsx", sc.Name, sc.Version))
	pickSave(s.win, name, []string{".xlsx"}, s.exportTo, s.showFileError("导出失败"))
}

// exportTo writes the chosen scheme, as saved, to path and says so.
func (s *SchemesScreen) exportTo(path string) {
	if s.chosen < 0 {
		return
	}
	sc := s.entries[s.chosen].scheme
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		path += ".xlsx"
	}
	dirty := s.dirty
	s.m.background(func() error {
		return documents.WriteSchemeSheetFile(path, sc)
	}, func(err error) {
		if err != nil {
			s.report("导出失败", "方案“"+sc.Name+"”没有导出："+model.ErrorMessage(err))
			return
		}
		text := fmt.Sprintf("已将方案“%s”（版本 %s）导出到\n%s\n\n这个文件可以打印，也可以修改后用“从 Excel 导入…”读回。", sc.Name, sc.Version, path)
		if dirty {
			text += "\n\n注意：导出的是已保存的版本，界面上尚未保存的修改不在文件中。"
		}
		s.report("导出完成", text)
	})
}

// onImport asks for a scheme workbook to read.
func (s *SchemesScreen) onImport() {
	if s.store == nil {
		return
	}
	pickFile(s.win, []string{".xlsx", ".xlsm", ".xls", ".csv"}, s.importFrom, s.showFileError("导入失败"))
}

// importFrom reads the scheme in path. A file that cannot be read as
// written is refused with every place named (file, sheet, cell); otherwise
// the scheme is saved through the store — under a new version when its
// version is taken — and chosen in the list.
func (s *SchemesScreen) importFrom(path string) {
	if s.store == nil {
		return
	}
	var res *schemesheet.Result
	s.m.background(func() error {
		t, err := importers.OpenFile(path)
		if err != nil {
			return err
		}
		res, err = schemesheet.Read(t)
		return err
	}, func(err error) {
		if err != nil {
			s.report("导入失败", "没有导入："+model.ErrorMessage(err))
			return
		}
		s.saveImported(filepath.Base(path), res)
	})
}

// saveImported saves what importFrom read, or says why not.
func (s *SchemesScreen) saveImported(file string, res *schemesheet.Result) {
	sc := res.Scheme
	names := namesOf(&sc)
	var b strings.Builder
	if res.Fatal() {
		fmt.Fprintf(&b, "文件“%s”没有导入，请按下面的提示改正后重新导入。\n", file)
		for _, e := range res.Errors {
			b.WriteString("\n· " + e.Error())
		}
		for _, p := range res.Problems.Fatal() {
			b.WriteString("\n· 严重问题：" + names.text(p.Message))
		}
		s.report("导入失败", b.String())
		return
	}
	renamed := ""
	if s.hasEntry(sc.Code, sc.Version) {
		old := sc.Version
		sc.Version = s.freeVersionOf(sc.Code, sc.Version)
		renamed = fmt.Sprintf("版本“%s”已经有了，已保存为版本“%s”。", old, sc.Version)
	}
	ctx := context.Background()
	if err := s.store.SaveScheme(ctx, sc); err != nil {
		s.report("导入失败", fmt.Sprintf("文件“%s”读取成功，但保存失败：%s", file, model.ErrorMessage(err)))
		return
	}
	stored, err := s.store.Scheme(ctx, sc.Code, sc.Version)
	if err != nil {
		stored = sc
	}
	s.savedHere = append(s.savedHere, stored)
	fmt.Fprintf(&b, "已从“%s”导入方案“%s”（版本 %s），共%d项，规定总分%s分。", file, sc.Name, sc.Version, len(names.numbers), sc.Total)
	if renamed != "" {
		b.WriteString("\n" + renamed)
	}
	if res.FromExport {
		b.WriteString("\n这是星级考评导出的文件，评分规则已原样还原。")
	} else {
		b.WriteString("\n按表格内容读取：各项为手工打分，评分标准作为说明保留。")
	}
	if n := len(sc.Unexplained(res.Problems)); n > 0 {
		fmt.Fprintf(&b, "\n方案还有%d个需处理的问题，见右边“检查发现的问题”。", n)
	}
	for _, w := range res.Warnings {
		b.WriteString("\n注意：" + w.Error())
	}
	s.reload(sc.Code, sc.Version)
	s.report("导入完成", b.String())
}

// hasEntry reports whether the list holds code and version.
func (s *SchemesScreen) hasEntry(code, version string) bool {
	for _, e := range s.entries {
		if e.scheme.Code == code && e.scheme.Version == version {
			return true
		}
	}
	return false
}

// report shows a result in a dialog that scrolls; the text is kept for tests.
func (s *SchemesScreen) report(title, text string) {
	s.lastReport = text
	l := wrapLabel(text)
	d := dialog.NewCustom(title, "关闭", container.NewVScroll(l), s.win)
	d.Resize(fyne.NewSize(620, 360))
	d.Show()
}

// showFileError reports a chooser that failed.
func (s *SchemesScreen) showFileError(title string) func(error) {
	return func(err error) { s.report(title, model.ErrorMessage(err)) }
}

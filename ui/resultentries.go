package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xingji/documents"
	"xingji/model"
)

// EntriesBook is what the results screen needs to send the office's
// entries workbook (录入表) out and take it back.
type EntriesBook interface {
	// WriteEntriesWorkbook writes the period's 录入表: one department's
	// review items (dept non-nil, "" the committee's own), or everything.
	WriteEntriesWorkbook(ctx context.Context, periodID int64, dept *string, path string) error
	// ImportEntries stores what changed in a filled 录入表, all or nothing.
	ImportEntries(ctx context.Context, periodID int64, path string) ([]model.Entry, error)
	// IsEntriesFile reports whether a dropped path is a 录入表.
	IsEntriesFile(path string) bool
}

// allEntries is the choice of the whole office's workbook.
const allEntries = "全部（考评得分、考核事实、一票否决）"

// onExportEntries writes the period's 录入表: when several departments
// score the scheme, the clerk first chooses for whom.
func (s *ResultsScreen) onExportEntries() {
	if s.current < 0 {
		return
	}
	p := s.periods[s.current]
	depts := p.Departments()
	if len(depts) <= 1 {
		s.saveEntries(p, nil)
		return
	}
	choices := []string{allEntries}
	for _, d := range depts {
		choices = append(choices, model.DeptLabel(d)+"的考评得分")
	}
	who := newSelect(choices, nil)
	who.SetSelected(allEntries)
	s.entriesForm = showFormDialog(s.m.win, "导出录入表", "下一步", []*widget.FormItem{
		widget.NewFormItem("录入表给", who),
	}, func() error {
		i := who.SelectedIndex()
		if i <= 0 {
			s.saveEntries(p, nil)
			return nil
		}
		d := depts[i-1]
		s.saveEntries(p, &d)
		return nil
	})
}

// saveEntries asks where to save the workbook and writes it.
func (s *ResultsScreen) saveEntries(p model.Period, dept *string) {
	pickSave(s.m.win, documents.EntriesFileName(&p, dept), []string{".xlsx"}, func(path string) {
		s.m.background(func() error {
			return s.book.WriteEntriesWorkbook(context.Background(), p.ID, dept, path)
		}, func(err error) {
			if err != nil {
				s.m.showError("导出录入表失败", err)
				return
			}
			s.m.setStatus("已导出录入表：" + path + "。填好黄色格子后，用“导入录入表…”导入。")
		})
	}, func(err error) { s.m.showError("无法保存文件", err) })
}

// onImportEntries reads a filled 录入表 and recomputes the results.
func (s *ResultsScreen) onImportEntries() {
	if s.current < 0 {
		return
	}
	id := s.periods[s.current].ID
	pickFile(s.m.win, []string{".xlsx"}, func(path string) { s.importEntries(id, path) },
		func(err error) { s.m.showError("无法打开文件", err) })
}

// importDropped takes a 录入表 dropped on the window: the results come
// forward and the workbook is read for the period it was written for —
// the period chosen on the tab, which the import checks against the
// workbook's own.
func (s *ResultsScreen) importDropped(path string) {
	if id := s.periodID(); id != 0 {
		s.m.showResults()
		s.importEntries(id, path)
		return
	}
	s.pendingDrop = path // taken once the periods are read
	if !s.m.showResults() {
		s.reload()
	}
}

// importEntries stores what changed in the workbook at path.
func (s *ResultsScreen) importEntries(periodID int64, path string) {
	var stored []model.Entry
	s.m.background(func() error {
		var err error
		stored, err = s.book.ImportEntries(context.Background(), periodID, path)
		return err
	}, func(err error) {
		if err != nil {
			s.m.setStatus("录入表没有导入：有需要改正的地方，什么也没有保存。")
			s.showLongError("录入表没有导入", err)
			return
		}
		if len(stored) == 0 {
			s.m.setStatus("录入表中没有改动的数值，没有保存任何内容。")
		} else {
			s.m.setStatus(fmt.Sprintf("已从录入表保存 %d 条录入，结果已重新计算。", len(stored)))
		}
		s.compute()
	})
}

// showLongError shows a message that may list many problems, scrolled.
func (s *ResultsScreen) showLongError(title string, err error) {
	text := wrapLabel(model.ErrorMessage(err))
	d := dialog.NewCustom(title, "关闭", container.NewVScroll(text), s.m.win)
	d.Resize(fitWindow(s.m.win, fyne.NewSize(760, 420)))
	s.lastError = model.ErrorMessage(err)
	d.Show()
}

package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"xingji/documents"
	"xingji/model"
)

// Import imports dropped or picked paths: files, folders and .zip archives.
func (s *PeriodsScreen) Import(paths []string) {
	if len(paths) == 0 {
		return
	}
	ctx, ok := s.beginJob("正在准备导入…", "取消导入")
	if !ok {
		s.m.setStatus("正在处理上一批，请等它完成或取消后再拖入。")
		return
	}
	s.m.showPeriods()
	var res []model.FileResult
	s.m.background(func() error {
		var err error
		res, err = s.desk.ImportForms(ctx, paths, func(done, total int, last model.FileResult) {
			fyne.Do(func() {
				if total > 0 {
					s.progress.SetValue(float64(done) / float64(total))
				}
				s.progressText.SetText(fmt.Sprintf("已处理 %d / %d 个文件：“%s”%s", done, total, filepath.Base(last.Name), last.Outcome.Label()))
			})
		})
		return err
	}, func(err error) {
		cancelled := ctx.Err() != nil
		s.endJob()
		s.lastImport = res
		count := map[model.Outcome]int{}
		for _, r := range res {
			count[r.Outcome]++
		}
		msg := fmt.Sprintf("导入完成：%d 个文件，采用 %d，退回 %d，重复 %d", len(res),
			count[model.OutcomeAccepted], count[model.OutcomeRejected], count[model.OutcomeDuplicate])
		switch {
		case err != nil && cancelled:
			msg = model.ErrorMessage(err)
		case err != nil:
			msg = "导入未完成：" + model.ErrorMessage(err)
		}
		s.m.setStatus(msg)
		s.reload()
		if err != nil && !cancelled {
			s.m.showError("导入未完成", err)
		}
	})
}

// beginJob starts a long job with the progress bar and a cancel button
// labelled cancelText; ok is false when another job is under way.
func (s *PeriodsScreen) beginJob(text, cancelText string) (ctx context.Context, ok bool) {
	s.mu.Lock()
	if s.cancel != nil {
		s.mu.Unlock()
		return nil, false
	}
	ctx, s.cancel = context.WithCancel(context.Background())
	s.mu.Unlock()
	s.setEnabled()
	s.progress.SetValue(0)
	s.progressText.SetText(text)
	s.cancelButton.SetText(cancelText)
	s.progressBox.Show()
	s.body.Refresh()
	return ctx, true
}

// endJob ends the job beginJob started.
func (s *PeriodsScreen) endJob() {
	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.mu.Unlock()
	s.progressBox.Hide()
	s.body.Refresh()
	s.setEnabled()
}

func (s *PeriodsScreen) onCancel() {
	s.mu.Lock()
	c := s.cancel
	s.mu.Unlock()
	if c != nil {
		c()
		s.progressText.SetText("正在取消：处理完手头的文件后停止…")
	}
}

// formExtensions are what the file picker offers for returned forms.
var formExtensions = []string{".xlsx", ".xlsm", ".xls", ".csv", ".zip", ".XLSX", ".XLS", ".CSV", ".ZIP"}

func (s *PeriodsScreen) onPickFile() {
	pickFile(s.m.win, formExtensions, func(path string) { s.Import([]string{path}) },
		func(err error) { s.m.showError("无法打开文件", err) })
}

func (s *PeriodsScreen) onPickFolder() {
	pickFolder(s.m.win, func(path string) { s.Import([]string{path}) },
		func(err error) { s.m.showError("无法打开文件夹", err) })
}

func (s *PeriodsScreen) onWriteForms() {
	if s.current < 0 {
		return
	}
	p := s.periods[s.current]
	pickFolder(s.m.win, func(dir string) {
		s.writeForms(p, filepath.Join(dir, documents.SafeFileName(p.Name)+" 下发表格"))
	}, func(err error) { s.m.showError("无法打开文件夹", err) })
}

// writeForms writes the period's forms into dest and dest.zip off the UI
// goroutine, with the progress bar; 取消 stops it.
func (s *PeriodsScreen) writeForms(p model.Period, dest string) {
	ctx, ok := s.beginJob("正在生成表格…", "取消")
	if !ok {
		return
	}
	var n int
	s.m.background(func() error {
		var err error
		n, err = s.desk.WriteFormsTo(ctx, p.ID, dest, func(done, total int) {
			fyne.Do(func() {
				s.progress.SetValue(float64(done) / float64(total))
				s.progressText.SetText(fmt.Sprintf("正在生成表格：%d / %d", done, total))
			})
		})
		return err
	}, func(err error) {
		s.endJob()
		if err != nil {
			s.m.setStatus("生成下发表格失败，没有写出完整的表格。")
			s.m.showError("生成表格失败", err)
			return
		}
		s.m.setStatus(fmt.Sprintf("已生成 %d 份表格，保存在文件夹“%s”，另打包为同名压缩包", n, dest))
		d := dialog.NewInformation("已生成下发表格", fmt.Sprintf("已生成 %d 份表格，保存在：\n%s\n\n每个党组织一份填报表（以党组织编码和名称命名），每个考评部门一份考评表。\n同样的表格另打包为 %s.zip，便于通过邮件发送。", n, dest, filepath.Base(dest)), s.m.win)
		d.SetDismissText("知道了")
		answerKeys(s.m.win.Canvas(), d, d.Hide, d.Hide)
		d.Show()
	})
}

func (s *PeriodsScreen) onExportMissing() {
	if s.current < 0 {
		return
	}
	p := s.periods[s.current]
	pickSave(s.m.win, documents.SafeFileName(p.Name)+" 未提交名单.xlsx", []string{".xlsx"}, func(path string) {
		var n int
		s.m.background(func() error {
			var err error
			n, err = s.desk.WriteMissingList(context.Background(), p.ID, path)
			return err
		}, func(err error) {
			if err != nil {
				s.m.setStatus("导出未提交名单失败。")
				s.m.showError("导出未提交名单失败", err)
				return
			}
			if n == 0 {
				s.m.setStatus("已导出未提交名单：全部已提交，名单为空。文件：" + path)
				return
			}
			s.m.setStatus(fmt.Sprintf("已导出未提交名单：%d 个党组织或部门未提交（含被退回的），可逐个电话联系。文件：%s", n, path))
		})
	}, func(err error) { s.m.showError("无法保存文件", err) })
}

// onSaveOriginal saves the chosen row's file — the accepted version, else
// the last refused one — exactly as it was received.
func (s *PeriodsScreen) onSaveOriginal() {
	if s.chosen < 0 || s.chosen >= len(s.rows) || s.rows[s.chosen].SHA256 == "" {
		return
	}
	r := s.rows[s.chosen]
	pickSave(s.m.win, r.File, nil, func(path string) { s.saveOriginal(r, path) },
		func(err error) { s.m.showError("无法保存文件", err) })
}

// saveOriginal writes the kept bytes of row r's file to path.
func (s *PeriodsScreen) saveOriginal(r model.StatusRow, path string) {
	s.m.background(func() error {
		data, err := s.desk.FileData(context.Background(), r.SHA256)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return model.Errorf(model.EInvalid, "无法保存 %s，请确认文件夹可以写入、文件没有在 Excel/WPS 中打开", path)
		}
		return nil
	}, func(err error) {
		if err != nil {
			s.m.setStatus("另存收到的原件失败。")
			s.m.showError("另存原件失败", err)
			return
		}
		s.m.setStatus("已把收到的原件另存为：" + path)
	})
}

package ui

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/documents"
)

// PaperDesk is what the 打印与导出 dialog needs: the kinds of documents
// and the export of one of them.
type PaperDesk interface {
	PaperChoices() []documents.Kind
	ExportPaper(ctx context.Context, periodID int64, kind, format, path string, opt documents.ExportOptions) error
}

// PaperExport is the 打印与导出 dialog of a period: which document, in
// which format and design; 导出… asks where to save it, writes it off the
// UI goroutine, and offers to open it in the program the system has for it
// (its PDF viewer or spreadsheet program, where the clerk prints).
type PaperExport struct {
	m          *MainWindow
	desk       PaperDesk
	periodID   int64
	periodName string
	kinds      []documents.Kind

	kind, format, design *widget.Select
	designItem           *widget.FormItem
	exportBtn, closeBtn  *widget.Button
	note                 *widget.Label
	d                    *dialog.CustomDialog

	// Done, when set, is the last export's result dialog and path.
	done     *dialog.CustomDialog
	lastPath string
	openBtn  *widget.Button
	folder   *widget.Button
	printBtn *widget.Button // nil where the system cannot print the file directly
}

// showPaperExport opens the dialog for a period.
func (m *MainWindow) showPaperExport(desk PaperDesk, periodID int64, periodName string) *PaperExport {
	e := &PaperExport{m: m, desk: desk, periodID: periodID, periodName: periodName, kinds: desk.PaperChoices()}
	labels := make([]string, len(e.kinds))
	for i, k := range e.kinds {
		labels[i] = k.Label
	}
	e.kind = newSelect(labels, func(string) { e.onKind() })
	e.format = newSelect(nil, nil)
	e.design = newSelect(nil, nil)
	e.note = wrapLabel("")
	e.exportBtn = newIconButton("导出…", theme.DocumentSaveIcon(), e.onExport)
	e.exportBtn.Importance = widget.HighImportance
	e.closeBtn = newIconButton("关闭", theme.CancelIcon(), func() { e.d.Hide() })
	e.designItem = widget.NewFormItem("样式", e.design)
	form := widget.NewForm(widget.NewFormItem("文书", e.kind), widget.NewFormItem("格式", e.format), e.designItem)
	body := container.NewBorder(nil, container.NewVBox(e.note, container.NewHBox(layout.NewSpacer(), e.closeBtn, e.exportBtn)),
		nil, nil, form)
	e.d = dialog.NewCustomWithoutButtons("打印与导出："+periodName, body, m.win)
	if len(labels) > 0 {
		e.kind.SetSelected(labels[0])
	}
	e.d.Resize(fyne.NewSize(560, 330))
	e.d.Show()
	return e
}

// chosen is the kind chosen, or nil.
func (e *PaperExport) chosen() *documents.Kind {
	if i := e.kind.SelectedIndex(); i >= 0 && i < len(e.kinds) {
		return &e.kinds[i]
	}
	return nil
}

// onKind offers the chosen kind's formats and designs.
func (e *PaperExport) onKind() {
	k := e.chosen()
	if k == nil {
		return
	}
	formats := make([]string, len(k.Formats))
	for i, f := range k.Formats {
		formats[i] = documents.FormatLabel(f)
	}
	e.format.SetOptions(formats)
	e.format.SetSelectedIndex(0)
	e.design.SetOptions(k.Designs)
	if len(k.Designs) > 0 {
		e.design.SetSelectedIndex(0)
		e.design.Enable()
	} else {
		e.design.ClearSelected()
		e.design.PlaceHolder = "（这种文书只有一种样式）"
		e.design.Disable()
	}
	e.note.SetText("导出后可以直接打开文件，在 PDF 阅读器或 Excel/WPS 中打印。期末定稿前导出的文书每页都标有“草稿”。")
}

// onExport asks where to save the document and writes it.
func (e *PaperExport) onExport() {
	k := e.chosen()
	if k == nil {
		return
	}
	format := k.Formats[max(e.format.SelectedIndex(), 0)]
	design := ""
	if len(k.Designs) > 0 {
		design = e.design.Selected
	}
	kind := *k
	pickSave(e.m.win, documents.FileName(e.periodName, kind.Label, format), []string{"." + format}, func(path string) {
		if !strings.EqualFold(filepath.Ext(path), "."+format) {
			path += "." + format
		}
		e.export(kind, format, design, path)
	}, func(err error) { e.m.showError("无法保存文件", err) })
}

// export writes the document to path (the chooser has asked before
// replacing a file) and shows where it went.
func (e *PaperExport) export(k documents.Kind, format, design, path string) {
	e.exportBtn.Disable()
	e.m.setStatus("正在导出" + k.Label + "……")
	e.m.background(func() error {
		return e.desk.ExportPaper(context.Background(), e.periodID, k.Code, format, path,
			documents.ExportOptions{Design: design, Overwrite: true})
	}, func(err error) {
		e.exportBtn.Enable()
		if err != nil {
			e.m.setStatus("")
			e.m.showError("导出"+k.Label+"失败", err)
			return
		}
		e.lastPath = path
		e.m.setStatus("已导出" + k.Label + "：" + path)
		e.showDone(k, path)
	})
}

// showDone says where the document is and offers to open it or its folder.
func (e *PaperExport) showDone(k documents.Kind, path string) {
	msg := wrapLabel("已导出" + k.Label + "：\n" + path + "\n\n打开文件后，在 PDF 阅读器或 Excel/WPS 中打印（打印 PDF 时请选“实际大小”）。")
	e.openBtn = newIconButton("打开文件", theme.FileIcon(), func() { e.open(path) })
	e.openBtn.Importance = widget.HighImportance
	e.folder = newIconButton("打开所在文件夹", theme.FolderOpenIcon(), func() { e.open(filepath.Dir(path)) })
	closeBtn := newIconButton("关闭", theme.CancelIcon(), func() { e.done.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), closeBtn, e.folder)
	e.printBtn = nil
	if p := e.m.Printer; p != nil && p.CanPrint(path) {
		e.printBtn = newIconButton("打印", theme.DocumentPrintIcon(), func() {
			if err := p.Print(path); err != nil {
				e.m.showError("无法打印", err)
				return
			}
			e.m.setStatus("已交给打印程序：" + path)
		})
		buttons.Add(e.printBtn)
	}
	buttons.Add(e.openBtn)
	e.done = dialog.NewCustomWithoutButtons("导出完成", container.NewBorder(nil, buttons, nil, nil, msg), e.m.win)
	e.done.Resize(fyne.NewSize(520, 240))
	e.done.Show()
}

// open opens a file or folder with the program the system has for it.
func (e *PaperExport) open(path string) {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = fyne.CurrentApp().OpenURL(u)
	}
	if err != nil {
		e.m.showError("无法打开", err)
	}
}

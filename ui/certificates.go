package ui

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/documents"
	"xingji/documents/pdfdoc"
	"xingji/model"
)

// CertificateDesk is what the 荣誉证书 window needs: the office's
// certificate settings, the preview of a period's first certificate, the
// export of the batch and the 套打 calibration page.
type CertificateDesk interface {
	CertificateSettings(ctx context.Context) (documents.CertificateSettings, error)
	SetCertificateSettings(ctx context.Context, s documents.CertificateSettings) error
	CertificatePreview(ctx context.Context, periodID int64, design string) (documents.CertificatePreview, error)
	ExportCertificates(ctx context.Context, periodID int64, design, path string, overwrite bool) error
	WriteCalibrationPage(ctx context.Context, path string, overwrite bool) error
}

// Paper choices of the built-in designs.
const (
	paperA4 = "A4 横向"
	paperA3 = "A3 横向"
)

// previewScale is the preview's size in Fyne units per millimetre.
const previewScale = 2.0

// CertificatesScreen is the 荣誉证书 window of a period: the design, the
// paper, the seal and background images, the number pattern, the 套打
// blank with the printer's offsets and scale, a preview of the first
// certificate drawn from its layout (the scanned blank shown under a 套打
// preview, never printed), and 导出证书… and 打印校准页….
type CertificatesScreen struct {
	m        *MainWindow
	desk     CertificateDesk
	periodID int64
	win      fyne.Window
	set      documents.CertificateSettings

	design     *widget.Select
	paper      *widget.Select
	pattern    *textEntry
	next       *textEntry
	sealLabel  *widget.Label
	bgLabel    *widget.Label
	blankLabel *widget.Label
	blankW     *textEntry
	blankH     *textEntry
	offsetX    *textEntry
	offsetY    *textEntry
	scale      *textEntry
	summary    *widget.Label
	preview    *fyne.Container
	exportBtn  *widget.Button
	calibBtn   *widget.Button
	lastError  string
	// previewSize is the size of the paper drawn last, for tests.
	previewSize fyne.Size
}

func (m *MainWindow) showCertificates(periodID int64) *CertificatesScreen {
	return m.openCertificates(m.office, periodID)
}

// openCertificates opens the window on desk.
func (m *MainWindow) openCertificates(desk CertificateDesk, periodID int64) *CertificatesScreen {
	s := &CertificatesScreen{m: m, desk: desk, periodID: periodID}
	s.win = fyne.CurrentApp().NewWindow("荣誉证书")
	s.win.SetIcon(AppIcon)
	s.design = newSelect(documents.CertificateDesigns, func(string) { s.apply() })
	s.paper = newSelect([]string{paperA4, paperA3}, func(string) { s.apply() })
	s.pattern, s.next = newEntry(), newEntry()
	s.blankW, s.blankH, s.offsetX, s.offsetY, s.scale = newEntry(), newEntry(), newEntry(), newEntry(), newEntry()
	for _, e := range []*textEntry{s.pattern, s.next, s.blankW, s.blankH, s.offsetX, s.offsetY, s.scale} {
		e.OnSubmitted = func(string) { s.apply() }
	}
	s.sealLabel, s.bgLabel, s.blankLabel = wrapLabel("未选择"), wrapLabel("未选择"), wrapLabel("未选择")
	s.summary = wrapLabel("正在读取……")
	s.preview = container.NewWithoutLayout()
	pick := func(set func(path string)) func() {
		return func() {
			pickFile(s.win, []string{".png", ".jpg", ".jpeg"}, func(path string) { set(path); s.apply() },
				func(err error) { s.m.showError("无法选择文件", err) })
		}
	}
	sealBtn := newIconButton("选择印章图片…", theme.FolderOpenIcon(), pick(func(p string) { s.set.Seal = p }))
	noSeal := newIconButton("不用印章", theme.ContentClearIcon(), func() { s.set.Seal = ""; s.apply() })
	bgBtn := newIconButton("选择底图…", theme.FolderOpenIcon(), pick(func(p string) { s.set.Background = p }))
	blankBtn := newIconButton("选择空白证书扫描图…", theme.FolderOpenIcon(), pick(func(p string) { s.set.Blank = p }))
	previewBtn := newIconButton("保存设置并刷新预览", theme.ViewRefreshIcon(), s.apply)
	s.exportBtn = newIconButton("导出证书…", theme.DocumentSaveIcon(), s.onExport)
	s.calibBtn = newIconButton("打印校准页…", theme.DocumentPrintIcon(), s.onCalibration)
	closeBtn := newIconButton("关闭", theme.CancelIcon(), func() { closeOnce(s.win) })

	form := widget.NewForm(
		widget.NewFormItem("样式", s.design),
		widget.NewFormItem("纸张", s.paper),
		widget.NewFormItem("编号格式", s.pattern),
		widget.NewFormItem("下一个序号", s.next),
		widget.NewFormItem("印章（透明 PNG）", container.NewVBox(s.sealLabel, container.NewHBox(sealBtn, noSeal))),
		widget.NewFormItem("自定义底图", container.NewVBox(s.bgLabel, bgBtn)),
		widget.NewFormItem("套打空白纸（毫米）", container.NewGridWithColumns(4, widget.NewLabel("宽"), s.blankW, widget.NewLabel("高"), s.blankH)),
		widget.NewFormItem("套打偏移（毫米）", container.NewGridWithColumns(4, widget.NewLabel("横向"), s.offsetX, widget.NewLabel("纵向"), s.offsetY)),
		widget.NewFormItem("套打缩放（%）", s.scale),
		widget.NewFormItem("空白证书扫描图", container.NewVBox(s.blankLabel, blankBtn)),
	)
	help := wrapLabel("编号格式中 {年} 为年份，{序号:3} 为三位序号，如 QH〔{年}〕{序号:3} 印作 QH〔2026〕001；编号只在结果定稿后发放，同一人再次导出编号不变，编号永不重复。套打时只印文字，空白证书扫描图只用于预览。")
	left := container.NewVScroll(container.NewVBox(form, help))
	left.SetMinSize(fyne.NewSize(430, 0))
	previewBox := container.NewVScroll(container.NewHScroll(s.preview))
	bottom := container.NewHBox(previewBtn, s.exportBtn, s.calibBtn, layout.NewSpacer(), closeBtn)
	right := container.NewBorder(s.summary, nil, nil, nil, previewBox)
	s.win.SetContent(container.NewBorder(nil, bottom, left, nil, right))
	s.win.Resize(fyne.NewSize(1100, 640))
	s.win.Show()
	if FitToScreen != nil {
		FitToScreen(s.win)
	}
	s.load(true)
	return s
}

// load reads the settings and fills the form, then, when redraw, draws
// the preview.
func (s *CertificatesScreen) load(redraw bool) {
	var set documents.CertificateSettings
	s.m.background(func() error {
		var err error
		set, err = s.desk.CertificateSettings(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			s.fail(err)
			return
		}
		s.set = set
		s.fill()
		if redraw {
			s.refresh()
		}
	})
}

// fill shows the settings in the form.
func (s *CertificatesScreen) fill() {
	s.design.Selected = s.set.Design
	s.design.Refresh()
	s.paper.Selected = paperA4
	if s.set.A3 {
		s.paper.Selected = paperA3
	}
	s.paper.Refresh()
	s.pattern.SetText(s.set.Pattern)
	s.next.SetText(strconv.Itoa(s.set.Next))
	s.blankW.SetText(number(s.set.BlankW))
	s.blankH.SetText(number(s.set.BlankH))
	s.offsetX.SetText(number(s.set.OffsetX))
	s.offsetY.SetText(number(s.set.OffsetY))
	s.scale.SetText(number(s.set.Scale * 100))
	s.sealLabel.SetText(pathOrNone(s.set.Seal))
	s.bgLabel.SetText(pathOrNone(s.set.Background))
	s.blankLabel.SetText(pathOrNone(s.set.Blank))
}

func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func pathOrNone(path string) string {
	if path == "" {
		return "未选择"
	}
	return path
}

// read takes the form into a copy of the settings; a number that is not
// one is named.
func (s *CertificatesScreen) read() (documents.CertificateSettings, error) {
	set := s.set
	set.Design = s.design.Selected
	set.A3 = s.paper.Selected == paperA3
	set.Pattern = strings.TrimSpace(s.pattern.Text)
	num := func(e *textEntry, what string) (float64, error) {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			return 0, nil
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, fmt.Errorf("%s“%s”不是数字", what, t)
		}
		return f, nil
	}
	var err error
	var next, scale float64
	for _, x := range []struct {
		e    *textEntry
		what string
		to   *float64
	}{{s.next, "下一个序号", &next}, {s.blankW, "空白纸宽", &set.BlankW}, {s.blankH, "空白纸高", &set.BlankH},
		{s.offsetX, "横向偏移", &set.OffsetX}, {s.offsetY, "纵向偏移", &set.OffsetY}, {s.scale, "缩放", &scale}} {
		if *x.to, err = num(x.e, x.what); err != nil {
			return set, err
		}
	}
	set.Next, set.Scale = int(next), scale/100
	return set, nil
}

// apply saves the form's settings and draws the preview again.
func (s *CertificatesScreen) apply() {
	set, err := s.read()
	if err != nil {
		s.fail(err)
		return
	}
	s.m.background(func() error {
		if err := s.desk.SetCertificateSettings(context.Background(), set); err != nil {
			return err
		}
		set, err = s.desk.CertificateSettings(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			s.fail(err)
			return
		}
		s.set = set
		s.fill()
		s.refresh()
	})
}

// fail shows err in the window's summary.
func (s *CertificatesScreen) fail(err error) {
	s.lastError = model.ErrorMessage(err)
	s.summary.SetText(s.lastError)
}

// refresh draws the preview of the first certificate.
func (s *CertificatesScreen) refresh() {
	var pv documents.CertificatePreview
	s.m.background(func() error {
		var err error
		pv, err = s.desk.CertificatePreview(context.Background(), s.periodID, s.set.Design)
		return err
	}, func(err error) {
		if err != nil {
			s.fail(err)
			s.preview.Objects = nil
			s.preview.Refresh()
			return
		}
		s.lastError = ""
		note := fmt.Sprintf("本批共 %d 张证书，下面是第一张的预览（%s）。", pv.Count, pv.Design)
		if pv.Draft {
			note += "结果尚未定稿：证书印有“草稿”，不发编号。"
		}
		if pv.Design == documents.DesignOverprint {
			note += "套打只印文字；灰色底图为空白证书扫描图，只在预览中显示，不会打印。"
		}
		s.summary.SetText(note)
		s.draw(pv)
	})
}

// draw lays the preview out: the paper, its background, a design's border,
// each field's text at its box, the seal.
func (s *CertificatesScreen) draw(pv documents.CertificatePreview) {
	k := float32(previewScale)
	l := pv.Layout
	w, h := float32(l.Paper.W)*k, float32(l.Paper.H)*k
	if l.Paper.W > 300 { // A3: keep the preview the size of A4
		k = float32(previewScale * pdfdoc.A4Landscape.W / l.Paper.W)
		w, h = float32(l.Paper.W)*k, float32(l.Paper.H)*k
	}
	var objs []fyne.CanvasObject
	paper := canvas.NewRectangle(color.White)
	paper.StrokeColor, paper.StrokeWidth = color.Gray{Y: 160}, 1
	objs = append(objs, place(paper, 0, 0, w, h))
	if pv.Background != nil {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("底图", pv.Background))
		img.FillMode = canvas.ImageFillStretch
		if pv.Design == documents.DesignOverprint {
			img.Translucency = 0.5
		}
		objs = append(objs, place(img, 0, 0, w, h))
	}
	switch pv.Design {
	case documents.DesignClassic, documents.DesignSimple:
		c := color.NRGBA{190, 20, 20, 255}
		if pv.Design == documents.DesignSimple {
			c = color.NRGBA{160, 115, 20, 255}
		}
		frame := canvas.NewRectangle(color.Transparent)
		frame.StrokeColor, frame.StrokeWidth = c, 4
		objs = append(objs, place(frame, 9*k, 9*k, w-18*k, h-18*k))
		title := canvas.NewText("荣誉证书", c)
		title.TextSize = 40 * 25.4 / 72 * k
		title.TextStyle.Bold = true
		tw := fyne.MeasureText(title.Text, title.TextSize, title.TextStyle).Width
		objs = append(objs, place(title, (w-tw)/2, 26*k, tw, title.TextSize))
	}
	for _, f := range l.Fields {
		text := pv.Texts[f.Field]
		if text == "" {
			continue
		}
		text = f.Prefix + text + f.Suffix
		c := color.NRGBA{f.Color[0], f.Color[1], f.Color[2], 255}
		t := canvas.NewText(text, c)
		bw := float32(f.Box.W) * k
		size := float32(f.Box.Size*25.4/72) * k
		min := float32(f.Box.MinSize*25.4/72) * k
		for size > min && fyne.MeasureText(text, size, t.TextStyle).Width > bw {
			size -= 0.5
		}
		t.TextSize = size
		tw := fyne.MeasureText(text, size, t.TextStyle).Width
		x := float32(f.Box.X) * k
		switch f.Box.Align {
		case pdfdoc.Center:
			x += (bw - tw) / 2
		case pdfdoc.Right:
			x += bw - tw
		}
		y := float32(f.Box.Y)*k + (float32(f.Box.H)*k-size*1.3)/2
		objs = append(objs, place(t, x, y, tw, size*1.3))
	}
	if pv.Seal != nil && l.Seal.W > 0 {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("印章", pv.Seal))
		img.FillMode = canvas.ImageFillContain
		objs = append(objs, place(img, float32(l.Seal.X)*k, float32(l.Seal.Y)*k, float32(l.Seal.W)*k, float32(l.Seal.H)*k))
	}
	if pv.Draft {
		d := canvas.NewText("草稿", color.NRGBA{220, 60, 60, 120})
		d.TextSize = 14
		objs = append(objs, place(d, w-60, 6, 50, 20))
	}
	s.preview.Objects = objs
	s.preview.Resize(fyne.NewSize(w, h))
	s.preview.Refresh()
	s.previewSize = fyne.NewSize(w, h)
}

// place sizes and moves o, and returns it.
func place(o fyne.CanvasObject, x, y, w, h float32) fyne.CanvasObject {
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
	return o
}

// onExport asks where to save the batch and writes it.
func (s *CertificatesScreen) onExport() {
	set, err := s.read()
	if err != nil {
		s.fail(err)
		return
	}
	name := "荣誉证书.pdf"
	pickSave(s.win, name, []string{".pdf"}, func(path string) {
		enable(s.exportBtn, false)
		s.summary.SetText("正在导出荣誉证书……")
		s.m.background(func() error {
			if err := s.desk.SetCertificateSettings(context.Background(), set); err != nil {
				return err
			}
			// The chooser asked before replacing a file, and left an empty one.
			return s.desk.ExportCertificates(context.Background(), s.periodID, set.Design, path, true)
		}, func(err error) {
			enable(s.exportBtn, true)
			if err != nil {
				s.fail(err)
				removeEmpty(path)
				return
			}
			s.summary.SetText("已导出荣誉证书：" + filepath.Base(path) + "。打印时请选择“实际大小”（100%）。")
			s.load(false) // the next number moved on
		})
	}, func(err error) { s.m.showError("无法导出", err) })
}

// onCalibration asks where to save the 套打 calibration page and writes it.
func (s *CertificatesScreen) onCalibration() {
	pickSave(s.win, "套打校准页.pdf", []string{".pdf"}, func(path string) {
		s.m.background(func() error {
			return s.desk.WriteCalibrationPage(context.Background(), path, true)
		}, func(err error) {
			if err != nil {
				s.fail(err)
				removeEmpty(path)
				return
			}
			s.summary.SetText("已保存校准页：" + filepath.Base(path) + "。请用“实际大小”（100%）打印，按页上的说明量出偏移。")
		})
	}, func(err error) { s.m.showError("无法保存", err) })
}

// removeEmpty removes the empty file the save chooser left when writing
// failed; a file with anything in it is the office's and stays.
func removeEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		os.Remove(path)
	}
}

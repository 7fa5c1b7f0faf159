package office

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"xingji/documents"
	"xingji/model"
)

// certificatesKey is the office setting of the certificates.
const certificatesKey = "certificates"

func init() {
	registerPaper(PaperKind{Code: "certificates", Label: "荣誉证书", Order: 40, Formats: []string{"pdf"},
		Designs: documents.CertificateDesigns, Write: writeCertificates})
}

// CertificateSettings reads the office's certificate settings, with the
// defaults filled in.
func (o *Office) CertificateSettings(ctx context.Context) (documents.CertificateSettings, error) {
	var s documents.CertificateSettings
	if _, err := o.Setting(ctx, certificatesKey, &s); err != nil {
		return s, err
	}
	return s.Defaults(), nil
}

// SetCertificateSettings checks and stores the certificate settings.
func (o *Office) SetCertificateSettings(ctx context.Context, s documents.CertificateSettings) error {
	s = s.Defaults()
	if err := s.Check(); err != nil {
		return model.Errorf(model.EInvalid, "%v", err)
	}
	return o.SetSetting(ctx, certificatesKey, s)
}

// readImage reads an image file the settings name; what names the
// image for people (印章图片, 底图).
func readImage(path, what string) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, model.Errorf(model.EInvalid, "%s %s 找不到了（可能已移动或删除），请在“荣誉证书”窗口中重新选择", what, path)
	}
	if err != nil {
		return nil, model.Errorf(model.EInvalid, "无法读取%s %s：%v", what, path, err)
	}
	return data, nil
}

// certificateOptions turns the settings into what documents prints with
// for a design ("" the settings' own).
func certificateOptions(s documents.CertificateSettings, design string) (documents.CertificateOptions, string, error) {
	if design == "" {
		design = s.Design
	}
	var opt documents.CertificateOptions
	seal, err := readImage(s.Seal, "印章图片")
	if err != nil {
		return opt, design, err
	}
	opt.Seal = seal
	switch design {
	case documents.DesignOverprint:
		opt.Layout = s.OverprintLayout()
		opt.Overprint, opt.OffsetX, opt.OffsetY, opt.Scale = true, s.OffsetX, s.OffsetY, s.Scale
		return opt, design, nil
	case documents.DesignBackground:
		if s.Background == "" {
			return opt, design, model.Errorf(model.EInvalid, "“自定义底图”样式需要先在“荣誉证书”窗口中选择底图（扫描的证书图片，PNG 或 JPG）")
		}
		if opt.Background, err = readImage(s.Background, "底图"); err != nil {
			return opt, design, err
		}
	}
	l, err := documents.CertificateDesign(design, s.PaperSize())
	if err != nil {
		return opt, design, model.Errorf(model.EInvalid, "%v", err)
	}
	opt.Layout = l
	return opt, design, nil
}

// numberCertificates gives each certificate its number from the register
// of issued numbers (the same recipient and honour of the period keep
// theirs, a new one gets the next free number) and remembers the next
// sequence number. A draft period's certificates get no number: numbers
// are given once, to final results.
func (o *Office) numberCertificates(ctx context.Context, p *documents.Paper, certs []documents.Certificate, s documents.CertificateSettings) error {
	if p.Draft || len(certs) == 0 {
		return nil
	}
	year := p.Date.Year
	if _, err := documents.CertificateNumber(s.Pattern, year, 1); err != nil {
		return model.Errorf(model.EInvalid, "%v", err)
	}
	claims := make([]model.CertificateClaim, len(certs))
	for i, c := range certs {
		claims[i] = model.CertificateClaim{Subject: c.Key, Honour: c.Honour}
	}
	numbers, next, err := o.store.IssueCertificateNumbers(ctx, p.Period.ID, claims, s.Next, func(seq int) string {
		n, _ := documents.CertificateNumber(s.Pattern, year, seq)
		return n
	})
	if err != nil {
		return err
	}
	for i := range certs {
		certs[i].Number = numbers[i]
	}
	if next != s.Next {
		s.Next = next
		return o.SetSetting(ctx, certificatesKey, s)
	}
	return nil
}

// writeCertificates is the 荣誉证书 kind's writer: one PDF of every
// recipient's certificate in the chosen design.
func writeCertificates(ctx context.Context, o *Office, p *documents.Paper, _ string, popt PaperOptions) ([]byte, error) {
	s, err := o.CertificateSettings(ctx)
	if err != nil {
		return nil, err
	}
	opt, _, err := certificateOptions(s, popt.Design)
	if err != nil {
		return nil, err
	}
	certs := documents.Certificates(p)
	if len(certs) == 0 {
		return nil, model.Errorf(model.EInvalid, "%s没有获得表彰的党组织或党员，无证书可印；请先录入考评并计算结果", p.Period.Name)
	}
	// Check the whole batch before any number is given out.
	if err := documents.CheckCertificates(p, certs, opt); err != nil {
		return nil, model.Errorf(model.EInvalid, "%v", err)
	}
	if err := o.numberCertificates(ctx, p, certs, s); err != nil {
		return nil, err
	}
	data, err := documents.WriteCertificates(p, certs, opt)
	if err != nil {
		return nil, model.Errorf(model.EInvalid, "%v", err)
	}
	return data, nil
}

// ExportCertificates writes the period's certificates in a design ("" the
// settings' own) to path; see ExportPaper.
func (o *Office) ExportCertificates(ctx context.Context, periodID int64, design, path string, overwrite bool) error {
	return o.ExportPaper(ctx, periodID, "certificates", "pdf", path, PaperOptions{Design: design, Overwrite: overwrite})
}

// WriteCalibrationPage writes the 套打 calibration page for the blank's
// size and the printer's current offsets and scale to path (never over a
// file unless overwrite: ErrFileExists).
func (o *Office) WriteCalibrationPage(ctx context.Context, path string, overwrite bool) error {
	s, err := o.CertificateSettings(ctx)
	if err != nil {
		return err
	}
	if !overwrite {
		if _, err := os.Stat(path); err == nil {
			return ErrFileExists
		}
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return model.Errorf(model.EInvalid, "文件夹 %s 不存在，请先选择一个已有的文件夹", filepath.Dir(path))
	}
	data, err := documents.CalibrationPage(s.OverprintLayout().Paper, s.OffsetX, s.OffsetY, s.Scale)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

// CertificatePreview is the first certificate of the period's batch in a
// design ("" the settings' own) as the window draws it: for 套打 the
// fields moved as they will print, over the scanned blank.
func (o *Office) CertificatePreview(ctx context.Context, periodID int64, design string) (documents.CertificatePreview, error) {
	var pv documents.CertificatePreview
	s, err := o.CertificateSettings(ctx)
	if err != nil {
		return pv, err
	}
	opt, design, err := certificateOptions(s, design)
	if err != nil {
		return pv, err
	}
	if opt.Seal != nil {
		if err := documents.CheckSeal(opt.Seal); err != nil {
			return pv, model.Errorf(model.EInvalid, "%v", err)
		}
	}
	if opt.Background != nil {
		if err := documents.CheckBackground(opt.Background, opt.Layout.Paper); err != nil {
			return pv, model.Errorf(model.EInvalid, "%v", err)
		}
	}
	p, err := o.Paper(ctx, periodID)
	if err != nil {
		return pv, err
	}
	certs := documents.Certificates(p)
	if len(certs) == 0 {
		return pv, model.Errorf(model.EInvalid, "%s没有获得表彰的党组织或党员，无证书可印；请先录入考评并计算结果", p.Period.Name)
	}
	c := certs[0]
	if !p.Draft {
		if n, err := documents.CertificateNumber(s.Pattern, p.Date.Year, s.Next); err == nil {
			c.Number = n + "（示例）"
		}
	}
	pv = documents.CertificatePreview{Design: design, Layout: opt.Layout, Texts: c.Texts(p), Background: opt.Background,
		Seal: opt.Seal, Count: len(certs), Draft: p.Draft}
	if opt.Overprint {
		pv.Layout = opt.Layout.Moved(opt.OffsetX, opt.OffsetY, opt.Scale)
		if s.Blank != "" {
			if pv.Background, err = readImage(s.Blank, "证书空白纸扫描图"); err != nil {
				return pv, err
			}
			if err := documents.CheckBackground(pv.Background, opt.Layout.Paper); err != nil {
				return pv, model.Errorf(model.EInvalid, "空白证书扫描图：%v", err)
			}
		}
	}
	return pv, nil
}

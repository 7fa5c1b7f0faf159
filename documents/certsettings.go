package documents

import (
	"fmt"

	"xingji/documents/pdfdoc"
)

// CertificateSettings are the office's choices for its certificates, kept
// as the office setting "certificates": the design, the paper, the number
// pattern and the next sequence number, the seal and background images
// (their paths: a file that is gone is refused by name when printing), and
// for 套打 the blank's size, the scanned blank (shown in the preview, never
// printed), the printer's offsets and scale, and the blank's own layout.
type CertificateSettings struct {
	Design     string  `json:"design"`
	A3         bool    `json:"a3"` // A3 landscape, else A4 landscape
	Pattern    string  `json:"pattern"`
	Next       int     `json:"next"`
	Seal       string  `json:"seal"`
	Background string  `json:"background"`
	Blank      string  `json:"blank"`
	BlankW     float64 `json:"blankW"`
	BlankH     float64 `json:"blankH"`
	OffsetX    float64 `json:"offsetX"`
	OffsetY    float64 `json:"offsetY"`
	Scale      float64 `json:"scale"` // 1 = 100%
	// Layout is the office's 套打 layout; nil: DefaultOverprintLayout.
	Layout *CertificateLayout `json:"layout,omitempty"`
}

// Defaults fills what is unset: the classic design, the default number
// pattern starting at 1, a blank of A4 landscape, a scale of 100%.
func (s CertificateSettings) Defaults() CertificateSettings {
	if s.Design == "" {
		s.Design = DesignClassic
	}
	if s.Pattern == "" {
		s.Pattern = NumberPattern
	}
	if s.Next < 1 {
		s.Next = 1
	}
	if s.BlankW <= 0 || s.BlankH <= 0 {
		s.BlankW, s.BlankH = pdfdoc.A4Landscape.W, pdfdoc.A4Landscape.H
	}
	if s.Scale <= 0 {
		s.Scale = 1
	}
	return s
}

// Check refuses settings that would print wrong: a number pattern without
// a sequence number, offsets beyond 30 mm, a scale outside 80–120%, a
// blank smaller than A5 or larger than A3.
func (s CertificateSettings) Check() error {
	if _, err := CertificateNumber(s.Pattern, 2026, 1); err != nil {
		return err
	}
	if s.OffsetX < -30 || s.OffsetX > 30 || s.OffsetY < -30 || s.OffsetY > 30 {
		return fmt.Errorf("套打偏移应在 −30 到 30 毫米之间（现为横向 %g、纵向 %g）；偏移更大请检查纸张方向和纸盒", s.OffsetX, s.OffsetY)
	}
	if s.Scale < 0.8 || s.Scale > 1.2 {
		return fmt.Errorf("套打缩放应在 80%% 到 120%% 之间（现为 %g%%）", s.Scale*100)
	}
	w, h := s.BlankW, s.BlankH
	if w < h {
		w, h = h, w
	}
	if h < 140 || w > 430 {
		return fmt.Errorf("证书空白纸为 %g×%g 毫米，超出 A5 到 A3 的范围；请量准纸张的宽和高", s.BlankW, s.BlankH)
	}
	if s.Next < 1 {
		return fmt.Errorf("下一个证书序号应从 1 起")
	}
	return nil
}

// PaperSize is the paper of the built-in designs and the background.
func (s CertificateSettings) PaperSize() pdfdoc.Size {
	if s.A3 {
		return pdfdoc.A3Landscape
	}
	return pdfdoc.A4Landscape
}

// OverprintLayout is the 套打 layout on the blank's paper.
func (s CertificateSettings) OverprintLayout() CertificateLayout {
	l := DefaultOverprintLayout()
	if s.Layout != nil {
		l = *s.Layout
	}
	l.Paper = pdfdoc.Size{W: s.BlankW, H: s.BlankH}
	return l
}

// CertificatePreview is what the window draws before printing: the first
// certificate's texts placed by the layout (moved for 套打 as it will
// print), on the background or the scanned blank (shown, never printed
// for 套打), with the seal.
type CertificatePreview struct {
	Design     string
	Layout     CertificateLayout
	Texts      map[string]string
	Background []byte
	Seal       []byte
	Count      int // certificates in the batch
	Draft      bool
}

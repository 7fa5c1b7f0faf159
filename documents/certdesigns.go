package documents

import (
	"fmt"

	"xingji/documents/pdfdoc"
)

// The certificate designs (PaperKind.Designs of 荣誉证书): two built in,
// the office's pre-printed blanks (套打) and the office's own scanned
// background (自定义底图), which carries the classic layout's fields.
const (
	DesignClassic    = "经典红框"
	DesignSimple     = "简约金框"
	DesignOverprint  = "套打"
	DesignBackground = "自定义底图"
)

// CertificateDesigns lists the designs, the default first.
var CertificateDesigns = []string{DesignClassic, DesignSimple, DesignOverprint, DesignBackground}

var (
	red  = [3]uint8{190, 20, 20}
	gold = [3]uint8{160, 115, 20}
	ink  = [3]uint8{40, 30, 30}
)

// CertificateDesign is the layout of a built-in design (经典红框, 简约金框,
// or 自定义底图, which uses the classic fields without its frame) on A4 or
// A3 landscape paper; the 套打 layout is DefaultOverprintLayout or the
// office's own.
func CertificateDesign(design string, paper pdfdoc.Size) (CertificateLayout, error) {
	var l CertificateLayout
	switch design {
	case DesignClassic, "":
		l = classicLayout()
		l.frame = classicFrame
	case DesignBackground:
		l = classicLayout()
	case DesignSimple:
		l = simpleLayout()
		l.frame = simpleFrame
	default:
		return l, fmt.Errorf("没有“%s”这种证书样式，可选：经典红框、简约金框、套打、自定义底图", design)
	}
	switch paper {
	case pdfdoc.A4Landscape, pdfdoc.Size{}:
		return l, nil
	case pdfdoc.A3Landscape:
		s := pdfdoc.A3Landscape.W / pdfdoc.A4Landscape.W
		m := l.Moved(0, 0, s)
		m.Paper = pdfdoc.A3Landscape
		// A seal has one size, whatever the paper: keep it 42 mm, centred.
		c := pdfdoc.Box{X: m.Seal.X + m.Seal.W/2 - 21, Y: m.Seal.Y + m.Seal.H/2 - 21, W: 42, H: 42}
		m.Seal = c
		return m, nil
	}
	return l, fmt.Errorf("证书只能印在 A4 或 A3 横向纸上")
}

func kai(x, y, w, h, size, min float64, align pdfdoc.Align) pdfdoc.Box {
	return pdfdoc.Box{X: x, Y: y, W: w, H: h, Family: Kai, Size: size, MinSize: min, Align: align}
}

// classicLayout: the title 荣誉证书 in red at the top; the recipient large
// and centred, the member's branch under it, what it is for, the honour
// in red, 特发此证，以资鼓励。; the committee and the date at the bottom
// right with the seal pressed on them; the number at the bottom left.
func classicLayout() CertificateLayout {
	return CertificateLayout{
		Paper: pdfdoc.A4Landscape,
		Fields: []LayoutField{
			{Field: FieldRecipient, Box: kai(40, 60, 217, 20, 32, 18, pdfdoc.Center), Color: ink},
			{Field: FieldUnit, Box: kai(40, 80, 217, 10, 16, 11, pdfdoc.Center), Color: ink},
			{Field: FieldText, Box: kai(40, 93, 217, 12, 20, 14, pdfdoc.Center), Color: ink},
			{Field: FieldHonour, Box: kai(40, 106, 217, 18, 32, 20, pdfdoc.Center), Color: red},
			{Field: FieldClosing, Box: kai(40, 127, 217, 12, 20, 16, pdfdoc.Center), Color: ink},
			{Field: FieldCommittee, Box: kai(160, 150, 110, 10, 18, 12, pdfdoc.Center), Color: ink},
			{Field: FieldDate, Box: kai(160, 161, 110, 10, 18, 12, pdfdoc.Center), Color: ink},
			{Field: FieldNumber, Box: pdfdoc.Box{X: 26, Y: 176, W: 110, H: 8, Size: 10, MinSize: 8}},
		},
		Seal: pdfdoc.Box{X: 194, Y: 139, W: 42, H: 42},
	}
}

// classicFrame: a broad red border with a thin line inside it, corner
// blocks, and 荣 誉 证 书 in red.
func classicFrame(d *pdfdoc.Doc, s float64) {
	w, h := d.Size().W, d.Size().H
	d.FillRect(7*s, 7*s, w-14*s, 4*s, red[0], red[1], red[2])
	d.FillRect(7*s, h-11*s, w-14*s, 4*s, red[0], red[1], red[2])
	d.FillRect(7*s, 7*s, 4*s, h-14*s, red[0], red[1], red[2])
	d.FillRect(w-11*s, 7*s, 4*s, h-14*s, red[0], red[1], red[2])
	d.LineColor(gold[0], gold[1], gold[2])
	d.Line(14*s, 14*s, w-14*s, 14*s, 0.6*s)
	d.Line(14*s, h-14*s, w-14*s, h-14*s, 0.6*s)
	d.Line(14*s, 14*s, 14*s, h-14*s, 0.6*s)
	d.Line(w-14*s, 14*s, w-14*s, h-14*s, 0.6*s)
	for _, c := range [][2]float64{{14, 14}, {w/s - 14, 14}, {14, h/s - 14}, {w/s - 14, h/s - 14}} {
		d.FillRect((c[0]-3)*s, (c[1]-3)*s, 6*s, 6*s, gold[0], gold[1], gold[2])
	}
	d.LineColor(0, 0, 0)
	d.Color(red[0], red[1], red[2])
	d.Place(kai(40*s, 24*s, 217*s, 24*s, 44*s, 44*s, pdfdoc.Center), "荣 誉 证 书")
	d.Color(0, 0, 0)
}

// simpleLayout: a letter — the recipient at the left with a colon, the
// text indented, the honour centred in gold-red, the closing indented; the
// committee and the date at the right.
func simpleLayout() CertificateLayout {
	return CertificateLayout{
		Paper: pdfdoc.A4Landscape,
		Fields: []LayoutField{
			{Field: FieldRecipient, Box: kai(42, 60, 213, 16, 28, 18, pdfdoc.Left), Color: ink, Suffix: "："},
			{Field: FieldUnit, Box: kai(42, 76, 213, 9, 15, 11, pdfdoc.Left), Color: ink, Prefix: "　　"},
			{Field: FieldText, Box: kai(42, 88, 213, 12, 20, 14, pdfdoc.Left), Color: ink, Prefix: "　　"},
			{Field: FieldHonour, Box: kai(42, 102, 213, 20, 34, 20, pdfdoc.Center), Color: red},
			{Field: FieldClosing, Box: kai(42, 124, 213, 12, 20, 16, pdfdoc.Left), Color: ink, Prefix: "　　"},
			{Field: FieldCommittee, Box: kai(150, 148, 110, 10, 18, 12, pdfdoc.Right), Color: ink},
			{Field: FieldDate, Box: kai(150, 159, 110, 10, 18, 12, pdfdoc.Right), Color: ink},
			{Field: FieldNumber, Box: pdfdoc.Box{X: 30, Y: 178, W: 237, H: 8, Size: 10, MinSize: 8, Align: pdfdoc.Center}},
		},
		Seal: pdfdoc.Box{X: 213, Y: 137, W: 42, H: 42},
	}
}

// simpleFrame: a double gold line, a band under the title, 荣誉证书 in
// gold.
func simpleFrame(d *pdfdoc.Doc, s float64) {
	w, h := d.Size().W, d.Size().H
	d.LineColor(gold[0], gold[1], gold[2])
	d.Line(10*s, 10*s, w-10*s, 10*s, 1.4*s)
	d.Line(10*s, h-10*s, w-10*s, h-10*s, 1.4*s)
	d.Line(10*s, 10*s, 10*s, h-10*s, 1.4*s)
	d.Line(w-10*s, 10*s, w-10*s, h-10*s, 1.4*s)
	d.Line(13.5*s, 13.5*s, w-13.5*s, 13.5*s, 0.4*s)
	d.Line(13.5*s, h-13.5*s, w-13.5*s, h-13.5*s, 0.4*s)
	d.Line(13.5*s, 13.5*s, 13.5*s, h-13.5*s, 0.4*s)
	d.Line(w-13.5*s, 13.5*s, w-13.5*s, h-13.5*s, 0.4*s)
	d.Line(90*s, 48*s, w-90*s, 48*s, 0.8*s)
	d.LineColor(0, 0, 0)
	d.Color(gold[0], gold[1], gold[2])
	d.Place(kai(40*s, 22*s, 217*s, 24*s, 40*s, 40*s, pdfdoc.Center), "荣誉证书")
	d.Color(0, 0, 0)
}

// DefaultOverprintLayout is the 套打 layout of a common pre-printed blank
// (A4 landscape, the title, 特发此证 and the lines printed already): the
// recipient, the branch, the honour, the committee, the date and the
// number, in mm from the blank's top left.
func DefaultOverprintLayout() CertificateLayout {
	return CertificateLayout{
		Paper: pdfdoc.A4Landscape,
		Fields: []LayoutField{
			{Field: FieldRecipient, Box: kai(60, 70, 177, 16, 28, 18, pdfdoc.Center)},
			{Field: FieldUnit, Box: kai(60, 86, 177, 9, 15, 11, pdfdoc.Center)},
			{Field: FieldHonour, Box: kai(60, 104, 177, 18, 30, 20, pdfdoc.Center)},
			{Field: FieldCommittee, Box: kai(160, 150, 110, 10, 18, 12, pdfdoc.Center)},
			{Field: FieldDate, Box: kai(160, 161, 110, 10, 18, 12, pdfdoc.Center)},
			{Field: FieldNumber, Box: pdfdoc.Box{X: 26, Y: 176, W: 110, H: 8, Size: 10, MinSize: 8}},
		},
		Seal: pdfdoc.Box{X: 194, Y: 139, W: 42, H: 42},
	}
}

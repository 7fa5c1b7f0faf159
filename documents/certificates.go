package documents

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"strconv"
	"strings"

	"xingji/assets"
	"xingji/documents/pdfdoc"
	"xingji/model"
)

// Kai is the family name of the Kai face certificates are printed in
// (assets.FontKai, LXGW WenKai).
const Kai = "kai"

// The fields of a certificate, as a CertificateLayout places them.
const (
	FieldRecipient = "recipient" // the unit's name, or the member's name with 同志
	FieldUnit      = "unit"      // a member's branch; empty for a collective
	FieldText      = "text"      // what it is for: 在…中成绩突出，特授予 / 被评为
	FieldHonour    = "honour"    // “四星级党支部”称号
	FieldClosing   = "closing"   // 特发此证，以资鼓励。
	FieldCommittee = "committee" // the issuing committee
	FieldDate      = "date"      // 二〇二六年十二月
	FieldNumber    = "number"    // 证书编号：QH〔2026〕001
)

// LayoutField is one field placed on the page: its box in mm, its font
// (size, and the smallest size it may shrink to) and colour.
type LayoutField struct {
	Field string
	Box   pdfdoc.Box
	Color [3]uint8 // black when zero
	// Prefix and Suffix are written around the text: "　　" to indent a
	// paragraph, "：" after the name in a letter.
	Prefix, Suffix string
}

// CertificateLayout is where a design puts the fields of a certificate,
// in mm from the top left of its paper. The built-in designs are layouts
// in code (CertificateDesign); a 套打 layout is the office's own blank.
type CertificateLayout struct {
	Paper  pdfdoc.Size
	Fields []LayoutField
	// Seal is where the seal is pressed, over the issuer and the date;
	// zero width: no seal.
	Seal pdfdoc.Box
	// frame draws a built-in design's border and title under the fields,
	// at a scale (1 on A4, √2 on A3).
	frame func(d *pdfdoc.Doc, scale float64)
}

// scale is how much the layout was enlarged from its A4 design.
func (l *CertificateLayout) scale() float64 {
	if l.Paper.W > 0 && l.Paper.W != pdfdoc.A4Landscape.W {
		return l.Paper.W / pdfdoc.A4Landscape.W
	}
	return 1
}

// Field returns the layout's field f and whether it has it.
func (l CertificateLayout) Field(f string) (LayoutField, bool) {
	for _, x := range l.Fields {
		if x.Field == f {
			return x, true
		}
	}
	return LayoutField{}, false
}

// Certificate is one certificate of a batch: the award, who receives it
// and its number (given by the office's register of issued numbers).
type Certificate struct {
	Key        string // the subject key: "u:12", "m:34"
	Honour     string // 四星级党支部
	Collective bool
	RedFlag    bool   // the honour is the red flag, not a title (no 称号)
	Name       string // the unit's or the member's name
	Unit       string // a member's branch
	Number     string
}

// Certificates lists a certificate for every recipient of every award
// (Awards), in the order of the commendation list; numbers are left empty.
func Certificates(p *Paper) []Certificate {
	var out []Certificate
	red := ""
	if rf := p.Period.Scheme.RedFlag; rf != nil {
		red = rf.Name
	}
	for _, a := range Awards(p) {
		for _, r := range a.Recipients {
			c := Certificate{Key: r.Key, Honour: a.Honour, Collective: a.Collective, Name: r.Name,
				RedFlag: a.Collective && a.Honour == red}
			if !a.Collective {
				c.Unit = r.Unit
			}
			out = append(out, c)
		}
	}
	return out
}

// Texts is what a certificate's fields say:
//
//	collective: 示范村党支部 / 在2026年度村党支部星级评定中成绩突出，特授予 / “四星级党支部”称号
//	individual: 张三同志 / （示范村党支部） / 在2026年度村党支部星级评定中表现突出，被评为 / “四星级党员”
//
// then 特发此证，以资鼓励。, the committee, the date (year and month in
// Chinese numerals with 〇) and 证书编号：….
func (c Certificate) Texts(p *Paper) map[string]string {
	t := map[string]string{
		FieldClosing:   "特发此证，以资鼓励。",
		FieldCommittee: p.Committee,
		FieldDate:      ChineseDate(model.Date{Year: p.Date.Year, Month: p.Date.Month}),
	}
	if c.Number != "" {
		t[FieldNumber] = "证书编号：" + c.Number
	}
	if c.Collective {
		t[FieldRecipient] = c.Name
		t[FieldText] = "在" + p.Period.Name + "中成绩突出，特授予"
		t[FieldHonour] = "“" + c.Honour + "”称号"
		if c.RedFlag {
			t[FieldHonour] = "“" + c.Honour + "”" // a flag, not a title
		}
	} else {
		t[FieldRecipient] = c.Name + "同志"
		if c.Unit != "" {
			t[FieldUnit] = "（" + c.Unit + "）"
		}
		t[FieldText] = "在" + p.Period.Name + "中表现突出，被评为"
		t[FieldHonour] = "“" + c.Honour + "”"
	}
	return t
}

// CertificateOptions shape a batch of certificates.
type CertificateOptions struct {
	Layout CertificateLayout
	// Background is printed under the fields, over the whole page (a
	// design made from the office's own scanned background).
	Background []byte
	// Seal is the committee's seal as a PNG with a transparent background,
	// pressed over the issuer and the date; nil: none.
	Seal []byte
	// Overprint prints only the fields, moved by OffsetX/OffsetY mm and
	// scaled by Scale (1 when zero) for the printer (套打), on a page the
	// size of the blank, marked to print at 100%.
	Overprint        bool
	OffsetX, OffsetY float64
	Scale            float64
}

// NumberPattern is the default pattern of certificate numbers.
const NumberPattern = "QH〔{年}〕{序号:3}"

// CertificateNumber makes a certificate number from the office's pattern:
// {年} is the year, {序号} the sequence number, {序号:3} padded to three
// digits (QH〔{年}〕{序号:3} → QH〔2026〕001). A pattern without {序号}
// would give every certificate the same number: refused.
func CertificateNumber(pattern string, year, seq int) (string, error) {
	i := strings.Index(pattern, "{序号")
	if i < 0 {
		return "", fmt.Errorf("证书编号格式“%s”中没有 {序号}，每张证书的编号都会相同；请写成如 %s", pattern, NumberPattern)
	}
	j := strings.Index(pattern[i:], "}")
	if j < 0 {
		return "", fmt.Errorf("证书编号格式“%s”中的 {序号 没有配对的 }", pattern)
	}
	spec := pattern[i : i+j+1]
	n := strconv.Itoa(seq)
	if w := strings.TrimSuffix(strings.TrimPrefix(spec, "{序号"), "}"); w != "" {
		width, err := strconv.Atoi(strings.TrimPrefix(w, ":"))
		if err != nil || !strings.HasPrefix(w, ":") || width < 1 || width > 9 {
			return "", fmt.Errorf("证书编号格式“%s”中的 %s 写法不对：位数请写成 {序号:3}", pattern, spec)
		}
		n = fmt.Sprintf("%0*d", width, seq)
	}
	out := pattern[:i] + n + pattern[i+j+1:]
	return strings.ReplaceAll(out, "{年}", strconv.Itoa(year)), nil
}

// WriteCertificates writes a batch of certificates as one PDF, one
// certificate per page. Every name is checked before anything is written:
// a character the font lacks, or a name too long for its field even
// shrunk to the field's smallest size and wrapped, is refused with the
// name.
func WriteCertificates(p *Paper, certs []Certificate, opt CertificateOptions) ([]byte, error) {
	if len(certs) == 0 {
		return nil, fmt.Errorf("%s没有获得表彰的党组织或党员，无证书可印", p.Period.Name)
	}
	l := opt.Layout
	if opt.Overprint {
		l = l.Moved(opt.OffsetX, opt.OffsetY, opt.Scale)
	}
	if opt.Background != nil {
		if err := CheckBackground(opt.Background, l.Paper); err != nil {
			return nil, err
		}
	}
	if opt.Seal != nil {
		if err := CheckSeal(opt.Seal); err != nil {
			return nil, err
		}
	}
	d, err := pdfdoc.New(pdfdoc.Options{Size: l.Paper, Margin: 10, Title: p.Title("荣誉证书"), Draft: p.Draft,
		Fonts: map[string][]byte{Kai: assets.FontKai}, ActualSize: opt.Overprint})
	if err != nil {
		return nil, err
	}
	for i, c := range certs {
		if i > 0 {
			d.NewPage()
		}
		if opt.Background != nil {
			d.Image(opt.Background, 0, 0, l.Paper.W, l.Paper.H)
			d.DraftMark()
		}
		if l.frame != nil && !opt.Overprint {
			l.frame(d, l.scale())
		}
		if err := fields(d, p, l, i, c, true); err != nil {
			return nil, err
		}
		if opt.Seal != nil && l.Seal.W > 0 {
			d.Image(opt.Seal, l.Seal.X, l.Seal.Y, l.Seal.W, l.Seal.H)
		}
	}
	return d.Bytes()
}

// fields checks, and when place writes, the fields of the i-th
// certificate c.
func fields(d *pdfdoc.Doc, p *Paper, l CertificateLayout, i int, c Certificate, place bool) error {
	texts := c.Texts(p)
	for _, f := range l.Fields {
		s := texts[f.Field]
		if s == "" {
			continue
		}
		s = f.Prefix + s + f.Suffix
		fam := f.Box.Family
		if fam == "" {
			fam = pdfdoc.Sans
		}
		d.Font(fam, f.Box.Size)
		if !d.Has(s) {
			return fmt.Errorf("第%d张证书（%s）：“%s”中有字体里没有的字，印出来会是空白；请检查名字是否录入有误", i+1, c.Name, s)
		}
		if !place {
			if _, _, err := d.Fit(f.Box, s); err != nil {
				return fmt.Errorf("第%d张证书（%s）：%w", i+1, c.Name, err)
			}
			continue
		}
		d.Color(f.Color[0], f.Color[1], f.Color[2])
		if err := d.Place(f.Box, s); err != nil {
			return fmt.Errorf("第%d张证书（%s）：%w", i+1, c.Name, err)
		}
		d.Color(0, 0, 0)
	}
	return nil
}

// CheckCertificates is what WriteCertificates refuses, found without
// writing: every field of every certificate fits and has its glyphs, the
// seal and the background are usable. Numbers are given out only after it
// passes.
func CheckCertificates(p *Paper, certs []Certificate, opt CertificateOptions) error {
	if len(certs) == 0 {
		return fmt.Errorf("%s没有获得表彰的党组织或党员，无证书可印", p.Period.Name)
	}
	l := opt.Layout
	if opt.Overprint {
		l = l.Moved(opt.OffsetX, opt.OffsetY, opt.Scale)
	}
	if opt.Background != nil {
		if err := CheckBackground(opt.Background, l.Paper); err != nil {
			return err
		}
	}
	if opt.Seal != nil {
		if err := CheckSeal(opt.Seal); err != nil {
			return err
		}
	}
	d, err := pdfdoc.New(pdfdoc.Options{Size: l.Paper, Fonts: map[string][]byte{Kai: assets.FontKai}})
	if err != nil {
		return err
	}
	for i, c := range certs {
		if c.Number == "" {
			c.Number = "QH〔2026〕000" // room for a number
		}
		if err := fields(d, p, l, i, c, false); err != nil {
			return err
		}
	}
	return nil
}

// Moved is the layout shifted by dx, dy mm and scaled by scale (1 when
// zero) about the page's top left corner: a printer that puts everything
// 1.5 mm too far right is corrected with dx = -1.5. The paper stays the
// blank's size.
func (l CertificateLayout) Moved(dx, dy, scale float64) CertificateLayout {
	if scale <= 0 {
		scale = 1
	}
	mv := func(b pdfdoc.Box) pdfdoc.Box {
		b.X, b.Y = b.X*scale+dx, b.Y*scale+dy
		b.W, b.H = b.W*scale, b.H*scale
		b.Size, b.MinSize = b.Size*scale, b.MinSize*scale
		return b
	}
	out := l
	out.Fields = make([]LayoutField, len(l.Fields))
	for i, f := range l.Fields {
		f.Box = mv(f.Box)
		out.Fields[i] = f
	}
	if l.Seal.W > 0 {
		out.Seal = mv(l.Seal)
	}
	return out
}

// CheckSeal refuses a seal image that is not a PNG with a transparent
// background: an opaque seal would cover the issuer and the date.
func CheckSeal(data []byte) error {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("印章图片无法读取：请使用透明背景的 PNG 图片（%v）", err)
	}
	b := img.Bounds()
	if b.Dx() < 50 || b.Dy() < 50 {
		return fmt.Errorf("印章图片只有 %d×%d 像素，印出来会模糊；请使用至少 300×300 像素的透明背景 PNG", b.Dx(), b.Dy())
	}
	if _, _, _, a := img.At(b.Min.X, b.Min.Y).RGBA(); a == 0xffff {
		return fmt.Errorf("印章图片的背景不透明，会遮住落款和日期；请使用透明背景的 PNG 图片（可在制图软件中去掉白底后另存为 PNG）")
	}
	return nil
}

// CheckBackground refuses a background that is not a PNG or JPEG, that
// has the wrong proportions for the paper (more than 3% off), or that is
// too small to print sharply (under 100 dots per inch).
func CheckBackground(data []byte, paper pdfdoc.Size) error {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return fmt.Errorf("底图无法读取：请使用 PNG 或 JPG 格式的扫描图片")
	}
	want := paper.W / paper.H
	got := float64(cfg.Width) / float64(cfg.Height)
	if math.Abs(got/want-1) > 0.03 {
		return fmt.Errorf("底图为 %d×%d 像素（宽高比 %.2f），与 %g×%g 毫米的纸张（宽高比 %.2f）不符；请按纸张大小重新扫描或裁剪底图",
			cfg.Width, cfg.Height, got, paper.W, paper.H, want)
	}
	if dpi := float64(cfg.Width) / (paper.W / 25.4); dpi < 100 {
		return fmt.Errorf("底图只有 %d×%d 像素，印在 %g×%g 毫米的纸上会模糊；请以至少 150 dpi 扫描", cfg.Width, cfg.Height, paper.W, paper.H)
	}
	return nil
}

package pdfdoc

import "fmt"

// Box is a field placed on a page: its rectangle in mm, its font, the
// size it is printed at and the smallest size it may shrink to.
type Box struct {
	X, Y, W, H float64
	Family     string  // Sans when empty
	Size       float64 // points
	MinSize    float64 // points; Size when zero (the text never shrinks)
	Align      Align
}

// TooLongError is text that does not fit its box even at the smallest
// size, broken over lines.
type TooLongError struct {
	Text    string
	MinSize float64
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("“%s”太长，缩小到%g号字并换行后仍放不下，请缩短文字或加大这一栏", e.Text, e.MinSize)
}

// Fit decides how text goes into b: first on one line at the largest size
// from Size down to MinSize (half a point at a time), else broken over
// lines at MinSize; a *TooLongError when even that does not fit.
func (d *Doc) Fit(b Box, text string) (size float64, lines []string, err error) {
	fam, old := d.family, d.size
	defer func() { d.Font(fam, old) }()
	family := b.Family
	if family == "" {
		family = Sans
	}
	lo := b.MinSize
	if lo <= 0 || lo > b.Size {
		lo = b.Size
	}
	for s := b.Size; s >= lo-1e-9; s -= 0.5 {
		d.Font(family, s)
		if d.TextWidth(text) <= b.W && d.LineHeight() <= b.H+0.01 {
			return s, []string{text}, nil
		}
	}
	d.Font(family, lo)
	lines = d.Lines(text, b.W)
	if float64(len(lines))*d.LineHeight() > b.H+0.01 {
		return 0, nil, &TooLongError{Text: text, MinSize: lo}
	}
	return lo, lines, nil
}

// Place writes text into b as Fit decides, centred vertically in it.
func (d *Doc) Place(b Box, text string) error {
	size, lines, err := d.Fit(b, text)
	if err != nil {
		d.do(err)
		return err
	}
	fam, old := d.family, d.size
	family := b.Family
	if family == "" {
		family = Sans
	}
	d.Font(family, size)
	lh := d.LineHeight()
	top := b.Y + (b.H-float64(len(lines))*lh)/2
	for i, l := range lines {
		d.TextAt(b.X, top+float64(i)*lh, b.W, l, b.Align)
	}
	d.Font(fam, old)
	return nil
}

package documents

import (
	"fmt"
	"strconv"

	"xingji/documents/pdfdoc"
)

// CalibrationMarks are the centres of the crosses of the calibration
// page, in mm from the top left of the paper, before offsets and scale.
func CalibrationMarks(paper pdfdoc.Size) [][2]float64 {
	return [][2]float64{{30, 30}, {paper.W - 30, 30}, {paper.W / 2, paper.H / 2}, {30, paper.H - 30}, {paper.W - 30, paper.H - 30}}
}

// CalibrationPage is the 套打 calibration page, on paper of the blank's
// size, printed at 100% with the printer's current offsets and scale:
// millimetre rulers along the top and left edges (to check the scale), and
// crosses at known places (CalibrationMarks) labelled with where they
// belong. The clerk prints it on plain paper, lays it on a blank against
// the light or measures each cross from the paper's edges, and corrects:
// new offset = current offset + (labelled − measured); new scale =
// current scale × labelled distance ÷ measured distance.
func CalibrationPage(paper pdfdoc.Size, offsetX, offsetY, scale float64) ([]byte, error) {
	if scale <= 0 {
		scale = 1
	}
	d, err := pdfdoc.New(pdfdoc.Options{Size: paper, Margin: 10, Title: "套打校准页", ActualSize: true})
	if err != nil {
		return nil, err
	}
	px := func(x float64) float64 { return x*scale + offsetX }
	py := func(y float64) float64 { return y*scale + offsetY }
	// Rulers: the top one along y = 6 mm, the left one along x = 6 mm.
	d.Font(pdfdoc.Sans, 6)
	for mm := 10; float64(mm) <= paper.W-8; mm++ {
		l := 1.5
		switch {
		case mm%10 == 0:
			l = 4
		case mm%5 == 0:
			l = 2.5
		}
		d.Line(px(float64(mm)), py(6), px(float64(mm)), py(6+l), 0.15)
		if mm%10 == 0 {
			d.TextAt(px(float64(mm))-5, py(10.5), 10, strconv.Itoa(mm), pdfdoc.Center)
		}
	}
	for mm := 10; float64(mm) <= paper.H-8; mm++ {
		l := 1.5
		switch {
		case mm%10 == 0:
			l = 4
		case mm%5 == 0:
			l = 2.5
		}
		d.Line(px(6), py(float64(mm)), px(6+l), py(float64(mm)), 0.15)
		if mm%10 == 0 {
			d.TextAt(px(11), py(float64(mm))-1.5, 10, strconv.Itoa(mm), pdfdoc.Left)
		}
	}
	d.Line(px(10), py(6), px(paper.W-8), py(6), 0.15)
	d.Line(px(6), py(10), px(6), py(paper.H-8), 0.15)
	// Crosses with their labels.
	for _, m := range CalibrationMarks(paper) {
		x, y := px(m[0]), py(m[1])
		d.Line(x-10, y, x+10, y, 0.2)
		d.Line(x, y-10, x, y+10, 0.2)
		d.Rect(x-2, y-2, 4, 4, 0)
		d.Font(pdfdoc.Sans, 7)
		d.TextAt(x+1.5, y+1.5, 40, fmt.Sprintf("X=%g Y=%g 毫米", m[0], m[1]), pdfdoc.Left)
	}
	cx := paper.W/2 - 95
	d.Font(pdfdoc.Sans, 16)
	d.TextAt(px(cx), py(45), 190, "荣誉证书套打校准页", pdfdoc.Center)
	d.Font(pdfdoc.Sans, 9)
	lines := []string{
		fmt.Sprintf("纸张：%g×%g 毫米；当前偏移：横向 %+.1f 毫米，纵向 %+.1f 毫米；缩放 %.1f%%", paper.W, paper.H, offsetX, offsetY, scale*100),
		"1. 在打印对话框中选择“实际大小”（100%），不要选“适合页面”，用打印证书的打印机和纸盒打印本页。",
		"2. 用直尺量出各十字中心到纸张左边和上边的距离，与十字旁标注的位置比较。",
		"3. 横向偏移 = 当前横向偏移 + (标注 X − 实测 X)；纵向偏移 = 当前纵向偏移 + (标注 Y − 实测 Y)。",
		"4. 若左右两个十字的实测间距与标注间距不同：缩放 = 当前缩放 × 标注间距 ÷ 实测间距。",
		"5. 在“荣誉证书”窗口的“套打”设置中填入新数值，再打印一次本页核对，十字应落在标注位置。",
	}
	for i, l := range lines {
		d.TextAt(px(cx), py(62+float64(i)*6), 190, l, pdfdoc.Left)
	}
	return d.Bytes()
}

package documents

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"

	"xingji/model"
)

// ChartsFileName is the name offered for a period's charts saved as one
// picture: "2026年度村党支部星级评定 统计图（党组织）.png".
func ChartsFileName(p *model.Period, noun string) string {
	return SafeFileName(p.Name) + " 统计图（" + noun + "）.png"
}

// StackCharts puts rendered charts (PNG bytes) one under another on a white
// sheet as wide as the widest, and returns the sheet as PNG bytes.
func StackCharts(charts ...[]byte) ([]byte, error) {
	var imgs []image.Image
	w, h := 0, 0
	for _, c := range charts {
		img, err := png.Decode(bytes.NewReader(c))
		if err != nil {
			return nil, err
		}
		imgs = append(imgs, img)
		w, h = max(w, img.Bounds().Dx()), h+img.Bounds().Dy()
	}
	if len(imgs) == 0 {
		return nil, errors.New("没有统计图")
	}
	sheet := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(sheet, sheet.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	y := 0
	for _, img := range imgs {
		b := img.Bounds()
		x := (w - b.Dx()) / 2
		draw.Draw(sheet, image.Rect(x, y, x+b.Dx(), y+b.Dy()), img, b.Min, draw.Src)
		y += b.Dy()
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, sheet); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// SaveChartsPicture renders the three charts for paper (each 160 × 90 mm at
// 200 DPI), stacks them (StackCharts) and writes the picture to a temporary
// file beside path, renamed into place, so that a failure leaves nothing
// half-written where the office expects the picture.
func SaveChartsPicture(path string, d StarDistribution, h ScoreHistogram, t Trend) error {
	size := PrintChartSize(160, 90, 200)
	var charts [][]byte
	for _, render := range []func() ([]byte, error){
		func() ([]byte, error) { return RenderStarDistribution(d, size) },
		func() ([]byte, error) { return RenderScoreHistogram(h, size) },
		func() ([]byte, error) { return RenderTrend(t, size) },
	} {
		c, err := render()
		if err != nil {
			return err
		}
		charts = append(charts, c)
	}
	sheet, err := StackCharts(charts...)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".xingji-*.tmp")
	if err != nil {
		return model.Errorf(model.EInvalid, "无法在 %s 中写文件，请确认文件夹存在并且可以写入", filepath.Dir(path))
	}
	_, werr := tmp.Write(sheet)
	if werr == nil {
		werr = tmp.Chmod(0o644) // CreateTemp makes 0600 files; a picture is for sharing
	}
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return model.Errorf(model.EInternal, "写入 %s 失败，磁盘可能已满", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return model.Errorf(model.EInvalid, "无法保存 %s，请确认这个文件没有在其他程序中打开", path)
	}
	return nil
}

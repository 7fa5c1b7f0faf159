package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/documents"
	"xingji/model"
	"xingji/scoring/period"
)

// chartWidth × chartHeight is the size of a chart on screen in logical
// pixels, shown one to one: it fits the report tabs at 1366×768. The charts
// are rendered at chartScale times the pixels so they stay sharp on a
// scaled screen.
const (
	chartWidth, chartHeight = 500, 290
	chartScale              = 2
)

// chartSet is what one drawing of the charts is made from.
type chartSet struct {
	stars  documents.StarDistribution
	scores documents.ScoreHistogram
	trend  documents.Trend
}

// resultCharts is the 统计图 tab of the 考评结果 screen: the star
// distribution, the score histogram and the trend over the committee's
// periods of the view shown (党组织 or 党员), drawn off the UI goroutine
// when the tab is showing and the results or the view changed, and saved
// as one picture for paper.
type resultCharts struct {
	s       *ResultsScreen
	tab     *container.TabItem
	note    *widget.Label
	images  [3]*canvas.Image // stars, scores, trend
	saveBtn *widget.Button

	stale bool
	drawn int      // drawings started; a drawing applies only if it is the last
	shown chartSet // what the images show, for the saved picture
	ready bool     // shown holds the charts on screen
}

func newResultCharts(s *ResultsScreen) *resultCharts {
	c := &resultCharts{s: s, note: wrapLabel("")}
	box := container.NewVBox()
	for i := range c.images {
		img := canvas.NewImageFromImage(nil)
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		img.SetMinSize(fyne.NewSize(chartWidth, chartHeight))
		c.images[i] = img
		box.Add(img)
	}
	c.saveBtn = newIconButton("导出统计图…", theme.DocumentSaveIcon(), c.onSave)
	c.saveBtn.Disable()
	top := container.NewBorder(nil, nil, nil, c.saveBtn, c.note)
	c.tab = container.NewTabItem("统计图", container.NewBorder(top, nil, nil, nil, container.NewVScroll(box)))
	return c
}

// kind is the subjects of the view shown.
func (c *resultCharts) kind() model.SubjectKind {
	if c.s.viewSelect.Selected == viewMembers {
		return model.SubjectMember
	}
	return model.SubjectUnit
}

// changed marks the charts out of date: the results or the view changed.
// They are drawn again now if the tab is showing, else when it is chosen.
func (c *resultCharts) changed() {
	c.stale = true
	if c.s.side != nil && c.s.side.Selected() == c.tab {
		c.draw()
	}
}

// onSelected draws the charts when their tab is chosen and they are out
// of date.
func (c *resultCharts) onSelected() {
	if c.stale {
		c.draw()
	}
}

// draw gathers the charts' data and renders them off the UI goroutine.
func (c *resultCharts) draw() {
	c.stale = false
	c.drawn++
	drawing := c.drawn
	res, kind, id := c.s.res, c.kind(), c.s.periodID()
	if res == nil || id == 0 {
		c.clear("还没有考评结果。")
		return
	}
	c.note.SetText("正在绘制统计图…")
	c.saveBtn.Disable()
	var set chartSet
	var imgs [3]image.Image
	c.s.m.background(func() error {
		var err error
		set, err = c.gather(res, kind, id)
		if err != nil {
			return err
		}
		imgs, err = renderScreenCharts(set)
		return err
	}, func(err error) {
		if drawing != c.drawn {
			return // the results or the view changed meanwhile
		}
		if err != nil {
			c.clear("统计图未能绘制。")
			c.s.m.showError("绘制统计图失败", err)
			return
		}
		for i, img := range imgs {
			c.images[i].Image = img
			c.images[i].Refresh()
		}
		c.shown, c.ready = set, true
		c.note.SetText(chartNote(set))
		c.saveBtn.Enable()
	})
}

// gather builds the charts' data of res for kind; the trend asks the desk
// for the earlier periods.
func (c *resultCharts) gather(res *period.Results, kind model.SubjectKind, periodID int64) (chartSet, error) {
	set := chartSet{stars: documents.StarDistributionOf(res, kind), scores: documents.ScoreHistogramOf(res, kind)}
	var err error
	set.trend, err = c.s.desk.Trend(context.Background(), periodID, kind)
	return set, err
}

// renderScreenCharts renders the three charts for the screen and decodes
// them for canvas images.
func renderScreenCharts(set chartSet) ([3]image.Image, error) {
	var out [3]image.Image
	size := documents.ScreenChartSize(chartWidth, chartHeight, chartScale)
	for i, render := range []func() ([]byte, error){
		func() ([]byte, error) { return documents.RenderStarDistribution(set.stars, size) },
		func() ([]byte, error) { return documents.RenderScoreHistogram(set.scores, size) },
		func() ([]byte, error) { return documents.RenderTrend(set.trend, size) },
	} {
		data, err := render()
		if err != nil {
			return out, err
		}
		if out[i], err = png.Decode(bytes.NewReader(data)); err != nil {
			return out, err
		}
	}
	return out, nil
}

// chartNote says what the charts count, short enough for one line beside
// the save button.
func chartNote(set chartSet) string {
	text := fmt.Sprintf("共%d个%s", set.stars.Total(), set.stars.Noun)
	if set.stars.Noun == "党员" {
		text = fmt.Sprintf("共%d名党员", set.stars.Total())
	}
	return text + fmt.Sprintf("；趋势含同一考核方案的%d个考评周期。", len(set.trend.Points))
}

// clear empties the charts with a note.
func (c *resultCharts) clear(note string) {
	for _, img := range c.images {
		img.Image = nil
		img.Refresh()
	}
	c.ready = false
	c.note.SetText(note)
	c.saveBtn.Disable()
}

// onSave asks where to save the charts shown as one picture for paper
// and writes it.
func (c *resultCharts) onSave() {
	id := c.s.periodID()
	if !c.ready || id == 0 {
		return
	}
	set, p := c.shown, c.s.periods[c.s.current]
	pickSave(c.s.m.win, documents.ChartsFileName(&p, set.stars.Noun), []string{".png"}, func(path string) {
		c.s.m.background(func() error {
			return documents.SaveChartsPicture(path, set.stars, set.scores, set.trend)
		}, func(err error) {
			if err != nil {
				c.s.m.showError("导出统计图失败", err)
				return
			}
			c.s.m.setStatus("已导出统计图：" + path)
		})
	}, func(err error) { c.s.m.showError("无法保存文件", err) })
}

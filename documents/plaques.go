package documents

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xingji/documents/pdfdoc"
	"xingji/model"
	"xingji/scoring"
)

// PlaquesPDF writes the star plaque list (星级牌名单) the office sends to
// the plaque maker, as PDF: every unit holding a star band (not vetoed),
// grouped by band best first with a count per band, each with its full
// name as the plaque carries it; with a previous period, what changed
// (升星, 降星, 新评) and the units whose plaque is taken down (摘星).
func PlaquesPDF(p *Paper) ([]byte, error) {
	tables, err := plaqueTables(p)
	if err != nil {
		return nil, err
	}
	return writeTablesPDF(p, p.Title("星级牌名单"), tables)
}

// PlaquesXLSX writes the star plaque list as a worksheet.
func PlaquesXLSX(p *Paper) ([]byte, error) {
	tables, err := plaqueTables(p)
	if err != nil {
		return nil, err
	}
	return writeTablesXLSX(p, tables)
}

type plaque struct {
	sr    *scoring.SubjectResult
	info  subjectInfo
	stars int
	prev  *scoring.SubjectResult
}

// plaqueChange says what happened to a unit's plaque since the previous
// period: 新评 (no star then), 升星, 降星, or "—" (the same).
func plaqueChange(now int, prev *scoring.SubjectResult) string {
	before := resultStars(prev)
	switch {
	case before == 0:
		return "新评"
	case now > before:
		return fmt.Sprintf("升星（原%s）", prev.BandName)
	case now < before:
		return fmt.Sprintf("降星（原%s）", prev.BandName)
	}
	return "—"
}

func plaqueTables(p *Paper) ([]paperTable, error) {
	if err := checkResults(p); err != nil {
		return nil, err
	}
	sc := &p.Period.Scheme
	if !starBased(sc) {
		return nil, model.Errorf(model.EInvalid, "考核方案“%s”的等次不是星级（%s），没有星级牌可做", sc.Name, bandNames(sc))
	}
	s := newSubjects(p)
	var prev map[string]*scoring.SubjectResult
	if p.Previous != nil && p.Previous.Units != nil {
		prev = map[string]*scoring.SubjectResult{}
		for i := range p.Previous.Units.Subjects {
			prev[p.Previous.Units.Subjects[i].ID] = &p.Previous.Units.Subjects[i]
		}
	}
	var list []plaque
	now := map[string]bool{}
	for i := range p.Results.Units.Subjects {
		sr := &p.Results.Units.Subjects[i]
		if n := resultStars(sr); n > 0 {
			list = append(list, plaque{sr: sr, info: s.info(sr.ID, sr.Name), stars: n, prev: prev[sr.ID]})
			now[sr.ID] = true
		}
	}
	if len(list) == 0 {
		return nil, model.Errorf(model.EInvalid, "考评周期“%s”没有获得星级的党组织，没有星级牌可做", p.Period.Name)
	}
	slices.SortStableFunc(list, func(a, b plaque) int {
		return cmp.Or(cmp.Compare(b.stars, a.stars), cmp.Compare(a.info.Order, b.info.Order))
	})
	t := paperTable{Title: p.Title("星级牌名单"), Sheet: "星级牌名单", Size: 10.5,
		Columns: []pdfdoc.Column{{Title: "序号", Align: pdfdoc.Center, Width: 16}, {Title: "党组织名称（牌面全称）", MaxWidth: 130},
			{Title: "星级", MaxWidth: 40}, {Title: "上级党组织", MaxWidth: 70}},
		Numeric: []bool{true}}
	if prev != nil {
		t.Columns = append(t.Columns, pdfdoc.Column{Title: "较上期", Align: pdfdoc.Center, MaxWidth: 40})
	}
	var counts []string
	for i, pl := range list {
		if i == 0 || pl.sr.BandName != list[i-1].sr.BandName {
			n := 0
			for _, x := range list {
				if x.sr.BandName == pl.sr.BandName {
					n++
				}
			}
			t.Rows = append(t.Rows, pdfdoc.Row{Group: fmt.Sprintf("%s（%d块）", pl.sr.BandName, n)})
			counts = append(counts, fmt.Sprintf("%s%d块", pl.sr.BandName, n))
		}
		cells := []string{itoa(i + 1), pl.info.Name, starsText(pl.stars) + " " + pl.sr.BandName, pl.info.Parent}
		if prev != nil {
			cells = append(cells, plaqueChange(pl.stars, pl.prev))
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: cells})
	}
	t.Lines = []string{strings.TrimSpace(p.Committee + "　　" + ChineseDate(p.Date)),
		fmt.Sprintf("共%d块：%s", len(list), strings.Join(counts, "，"))}
	tables := []paperTable{t}
	// 摘星: units that held a star last period and hold none now.
	if prev != nil {
		down := paperTable{Heading: "摘星（收回星级牌）", Sheet: "星级牌名单", Size: 10.5,
			Columns: []pdfdoc.Column{{Title: "序号", Align: pdfdoc.Center, Width: 16}, {Title: "党组织名称", MaxWidth: 130},
				{Title: "上期星级", MaxWidth: 40}, {Title: "上级党组织", MaxWidth: 70}, {Title: "原因", MaxWidth: 70}},
			Numeric: []bool{true}}
		for _, psr := range p.Previous.Units.Subjects {
			if resultStars(&psr) == 0 || now[psr.ID] {
				continue
			}
			in := s.info(psr.ID, psr.Name)
			why := "本期未计分"
			if cur := p.Results.Unit(psr.ID); cur != nil {
				why = "本期" + bandCell(cur, false)
				if r := remarks(p, cur); r != "" {
					why = r
				}
			}
			down.Rows = append(down.Rows, pdfdoc.Row{Cells: []string{itoa(len(down.Rows) + 1), in.Name,
				starsText(resultStars(&psr)) + " " + psr.BandName, in.Parent, why}})
		}
		if len(down.Rows) > 0 {
			down.Heading = fmt.Sprintf("摘星（收回星级牌%d块）", len(down.Rows))
			tables = append(tables, down)
		}
	}
	return tables, nil
}

// bandNames lists a scheme's band names: "优秀、合格、不合格".
func bandNames(s *model.Scheme) string {
	var out []string
	for _, b := range s.Bands {
		out = append(out, b.Name)
	}
	return strings.Join(out, "、")
}

package documents

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xingji/documents/pdfdoc"
	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/period"
)

// The ranking table's designs: rows by rank, or grouped by parent unit in
// the committee's order.
const (
	RankingByRank   = "按名次"
	RankingByParent = "按上级党组织分组"
)

// RankingDesigns are the ranking table's designs, the default first.
var RankingDesigns = []string{RankingByRank, RankingByParent}

// RankingPDF writes the ranking table (排名表) as PDF: A4 landscape, the
// header repeated on every page, page numbers; the members' ranking after
// the units on pages of its own when the period appraises members.
func RankingPDF(p *Paper, design string) ([]byte, error) {
	tables, err := rankingTables(p, design)
	if err != nil {
		return nil, err
	}
	charts, err := resultCharts(p)
	if err != nil {
		return nil, err
	}
	tables = append(tables, paperTable{Title: "统计图", NewPage: true, Charts: charts,
		Lines: []string{p.Committee + "　" + p.Period.Name + "：参评党组织的星级分布和等级总分分布"}})
	return writeTablesPDF(p, p.Title("排名表"), tables)
}

// RankingXLSX writes the ranking table as a workbook: the units on one
// sheet, the members on a second (党员排名); header frozen and repeated on
// every printed page, A4 landscape one page wide.
func RankingXLSX(p *Paper, design string) ([]byte, error) {
	tables, err := rankingTables(p, design)
	if err != nil {
		return nil, err
	}
	return writeTablesXLSX(p, tables)
}

// checkResults refuses a paper with no results to print.
func checkResults(p *Paper) error {
	if p == nil || p.Period == nil || p.Results == nil || p.Results.Units == nil {
		return model.Errorf(model.EInvalid, "这个考评周期还没有考评结果，请先导入填报表并计算结果")
	}
	if len(p.Results.Units.Subjects) == 0 {
		return model.Errorf(model.EInvalid, "考评周期“%s”还没有任何党组织计分，请先导入填报表", p.Period.Name)
	}
	return nil
}

// rankedRow is one subject of a ranking: scored (sub) or left out (absent).
type rankedRow struct {
	sub    *scoring.SubjectResult
	absent *period.Absent
	info   subjectInfo
	seq    int // input order
}

// order puts ranked subjects first by rank, then the vetoed, then the
// unscored, each in input order.
func (r rankedRow) order() (int, int) {
	switch {
	case r.absent != nil:
		return 2, 0
	case r.sub.Rank == 0:
		return 1, 0
	}
	return 0, r.sub.Rank
}

func sortRanked(rows []rankedRow) {
	slices.SortStableFunc(rows, func(a, b rankedRow) int {
		ag, ar := a.order()
		bg, br := b.order()
		return cmp.Or(cmp.Compare(ag, bg), cmp.Compare(ar, br), cmp.Compare(a.seq, b.seq))
	})
}

// rankedRows are the subjects of res with the absent ones of kind, in
// ranking order.
func rankedRows(p *Paper, s *subjects, res *scoring.Result, kind model.SubjectKind) []rankedRow {
	var rows []rankedRow
	for i := range res.Subjects {
		sr := &res.Subjects[i]
		rows = append(rows, rankedRow{sub: sr, info: s.info(sr.ID, sr.Name), seq: i})
	}
	if in := p.Results.Inputs; in != nil {
		for i := range in.Absent {
			if a := &in.Absent[i]; a.Kind == kind {
				rows = append(rows, rankedRow{absent: a, info: s.info(a.Subject, a.Name), seq: len(rows)})
			}
		}
	}
	sortRanked(rows)
	return rows
}

// rankingTables builds the units' table and, when members are appraised,
// the members' table.
func rankingTables(p *Paper, design string) ([]paperTable, error) {
	if err := checkResults(p); err != nil {
		return nil, err
	}
	if design == "" {
		design = RankingByRank
	}
	if !slices.Contains(RankingDesigns, design) {
		return nil, model.Errorf(model.EInvalid, "排名表没有“%s”这种样式，可选：%s", design, strings.Join(RankingDesigns, "、"))
	}
	s := newSubjects(p)
	units := unitRanking(p, s, design == RankingByParent)
	tables := []paperTable{units}
	if p.Results.Members != nil && len(p.Results.Members.Subjects) > 0 {
		tables = append(tables, memberRanking(p, s))
	}
	return tables, nil
}

// unitRanking is the table of the units.
func unitRanking(p *Paper, s *subjects, grouped bool) paperTable {
	sc := &p.Period.Scheme
	res := p.Results.Units
	rows := rankedRows(p, s, res, model.SubjectUnit)
	// Columns chosen by the scheme.
	var sections []model.Section
	if len(sc.Sections) > 1 {
		sections = sc.Sections
	}
	hasBonus := false
	sc.Walk(func(_ []*model.Section, it *model.Item) { hasBonus = hasBonus || it.Bonus })
	totalDiffers := false
	for i := range res.Subjects {
		if !res.Subjects[i].Total.Equal(res.Subjects[i].Grade) {
			totalDiffers = true
		}
	}
	stars := starBased(sc)
	t := paperTable{Title: p.Title("排名表"), Sheet: "党组织排名", Size: 9.5}
	t.Lines = []string{strings.TrimSpace(p.Committee + "　　" + ChineseDate(p.Date)), unitCounts(rows)}
	add := func(title string, align pdfdoc.Align, maxW float64, numeric bool) {
		t.Columns = append(t.Columns, pdfdoc.Column{Title: title, Align: align, MaxWidth: maxW})
		t.Numeric = append(t.Numeric, numeric)
	}
	add("名次", pdfdoc.Center, 16, true)
	add("党组织", pdfdoc.Left, 70, false)
	if !grouped {
		add("上级党组织", pdfdoc.Left, 45, false)
	}
	add("类别", pdfdoc.Center, 18, false)
	for _, sec := range sections {
		add(sectionColumn(sec), pdfdoc.Right, 24, true)
	}
	if hasBonus {
		add("加分", pdfdoc.Right, 16, true)
	}
	add("等级总分", pdfdoc.Right, 20, true)
	if totalDiffers {
		add("总分", pdfdoc.Right, 18, true)
	}
	if stars {
		add("星级", pdfdoc.Left, 40, false)
	} else {
		add("等次", pdfdoc.Center, 24, false)
	}
	var prev map[string]*scoring.SubjectResult
	if p.Previous != nil && p.Previous.Units != nil {
		prev = map[string]*scoring.SubjectResult{}
		for i := range p.Previous.Units.Subjects {
			prev[p.Previous.Units.Subjects[i].ID] = &p.Previous.Units.Subjects[i]
		}
		add("较上期", pdfdoc.Center, 24, false)
	}
	add("说明", pdfdoc.Left, 60, false)

	line := func(r rankedRow) pdfdoc.Row {
		var c []string
		if r.absent != nil {
			c = append(c, "—", r.info.Name)
			if !grouped {
				c = append(c, r.info.Parent)
			}
			c = append(c, string(r.info.Kind))
			for range sections {
				c = append(c, "")
			}
			if hasBonus {
				c = append(c, "")
			}
			c = append(c, "")
			if totalDiffers {
				c = append(c, "")
			}
			c = append(c, "未计分")
			if prev != nil {
				c = append(c, "")
			}
			return pdfdoc.Row{Cells: append(c, "未计分："+r.absent.Why), Shade: true}
		}
		sr := r.sub
		rank := "—"
		if sr.Rank > 0 {
			rank = itoa(sr.Rank)
		}
		c = append(c, rank, r.info.Name)
		if !grouped {
			c = append(c, r.info.Parent)
		}
		c = append(c, string(r.info.Kind))
		for _, sec := range sections {
			v := ""
			for _, x := range sr.Sections {
				if x.Section == sec.Code {
					v = score(x.Score)
				}
			}
			c = append(c, v)
		}
		if hasBonus {
			c = append(c, score(sr.Bonus))
		}
		c = append(c, score(sr.Grade))
		if totalDiffers {
			c = append(c, score(sr.Total))
		}
		c = append(c, bandCell(sr, stars))
		if prev != nil {
			c = append(c, changeText(sr, prev[sr.ID], stars))
		}
		return pdfdoc.Row{Cells: append(c, remarks(p, sr)), Shade: sr.Disqualified}
	}
	if !grouped {
		for _, r := range rows {
			t.Rows = append(t.Rows, line(r))
		}
		return t
	}
	// Grouped by parent in the committee's tree order, ranked first in each.
	var parents []int64
	byParent := map[int64][]rankedRow{}
	for _, r := range rows {
		if _, ok := byParent[r.info.ParentID]; !ok {
			parents = append(parents, r.info.ParentID)
		}
		byParent[r.info.ParentID] = append(byParent[r.info.ParentID], r)
	}
	slices.SortStableFunc(parents, func(a, b int64) int { return cmp.Compare(s.order[a], s.order[b]) })
	for _, pid := range parents {
		name := "（无上级党组织）"
		if u := s.units[pid]; u != nil {
			name = u.Name
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Group: fmt.Sprintf("%s（%d个）", name, len(byParent[pid]))})
		for _, r := range byParent[pid] {
			t.Rows = append(t.Rows, line(r))
		}
	}
	return t
}

// sectionColumn is a section's column title: its title without the
// numbering ("一、基础工作" → "基础工作").
func sectionColumn(sec model.Section) string {
	title := sec.Title
	if i := strings.Index(title, "、"); i > 0 && i <= 9 {
		title = title[i+len("、"):]
	}
	if !sec.Points.IsZero() {
		title += "（" + score(sec.Points) + "分）"
	}
	return title
}

// unitCounts says how many units the table lists and how they fared.
func unitCounts(rows []rankedRow) string {
	scored, vetoed, absent := 0, 0, 0
	for _, r := range rows {
		switch {
		case r.absent != nil:
			absent++
		case r.sub.Disqualified:
			vetoed++
		default:
			scored++
		}
	}
	s := fmt.Sprintf("参评党组织%d个，其中排名%d个", len(rows), scored)
	if vetoed > 0 {
		s += fmt.Sprintf("，一票否决%d个", vetoed)
	}
	if absent > 0 {
		s += fmt.Sprintf("，未计分%d个", absent)
	}
	return s
}

// bandCell is what the 星级/等次 column shows: stars and the band's name
// for a star scheme ("★★★★ 四星级"), else the band's name.
func bandCell(sr *scoring.SubjectResult, stars bool) string {
	switch {
	case sr.Disqualified:
		return "一票否决"
	case sr.BandName == "":
		return "无"
	case stars && bandStars(sr.BandName) > 0:
		return starsText(bandStars(sr.BandName)) + " " + sr.BandName
	}
	return sr.BandName
}

// changeText compares a subject's result with the previous period's:
// "↑2" (up two places), "↓1", "—" (same place), "新" (not ranked then); for
// a star scheme the change of stars follows ("↑2，升1星").
func changeText(sr, prev *scoring.SubjectResult, stars bool) string {
	if sr.Rank == 0 {
		return ""
	}
	if prev == nil || prev.Rank == 0 {
		return "新"
	}
	s := "—"
	switch d := prev.Rank - sr.Rank; {
	case d > 0:
		s = "↑" + itoa(d)
	case d < 0:
		s = "↓" + itoa(-d)
	}
	if stars {
		switch d := resultStars(sr) - resultStars(prev); {
		case d > 0:
			s += fmt.Sprintf("，升%d星", d)
		case d < 0:
			s += fmt.Sprintf("，降%d星", -d)
		}
	}
	return s
}

// remarks are the 说明 of a subject's row: every ranking's remarks
// (period.Results.Remarks).
func remarks(p *Paper, sr *scoring.SubjectResult) string {
	return strings.Join(p.Results.Remarks(sr), "；")
}

// memberRanking is the members' table: 名次, 姓名, 所在支部, 等级总分, 星级.
func memberRanking(p *Paper, s *subjects) paperTable {
	ms := p.Period.MemberScheme
	stars := ms != nil && starBased(ms)
	rows := rankedRows(p, s, p.Results.Members, model.SubjectMember)
	band := "等次"
	if stars {
		band = "星级"
	}
	t := paperTable{Title: p.Title("党员排名表"), Sheet: "党员排名", NewPage: true, Size: 9.5,
		Columns: []pdfdoc.Column{{Title: "名次", Align: pdfdoc.Center, MaxWidth: 16}, {Title: "姓名", MaxWidth: 30},
			{Title: "所在支部", MaxWidth: 80}, {Title: "等级总分", Align: pdfdoc.Right, MaxWidth: 22},
			{Title: band, MaxWidth: 45}},
		Numeric: []bool{true, false, false, true, false}}
	ranked := 0
	for _, r := range rows {
		if r.absent != nil {
			t.Rows = append(t.Rows, pdfdoc.Row{Cells: []string{"—", r.info.Name, r.info.Parent, "", "未计分"}, Shade: true})
			continue
		}
		rank := "—"
		if r.sub.Rank > 0 {
			rank = itoa(r.sub.Rank)
			ranked++
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: []string{rank, r.info.Name, r.info.Parent, score(r.sub.Grade), bandCell(r.sub, stars)},
			Shade: r.sub.Disqualified})
	}
	t.Lines = []string{strings.TrimSpace(p.Committee + "　　" + ChineseDate(p.Date)),
		fmt.Sprintf("参评党员%d名，其中排名%d名", len(rows), ranked)}
	return t
}

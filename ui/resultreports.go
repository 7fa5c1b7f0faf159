package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
	"xingji/scoring/period"
)

// fillReports writes the reports beside the ranking: what is missing per
// unit, vetoes and caps, quotas and the red flag.
func (s *ResultsScreen) fillReports() {
	res := s.res
	if res == nil {
		s.setReport(s.missing, "")
		s.setReport(s.vetoes, "")
		s.setReport(s.quotas, "")
		s.setReport(s.inflation, "")
		s.setReport(s.raters, "")
		return
	}
	s.setReport(s.missing, missingReport(res))
	s.setReport(s.vetoes, s.vetoReport())
	s.setReport(s.quotas, quotaReport(res))
	s.setReport(s.inflation, inflationReport(res))
	s.setReport(s.raters, s.raterReport())
}

// inflationReport lists the units whose self-assessment is furthest above
// the review, largest gap first, with the item that differs most.
func inflationReport(res *period.Results) string {
	if len(res.Inflation) == 0 {
		return "本期没有可比较的自评和考评（需要同一党组织既有自评表又有考评）。"
	}
	var b strings.Builder
	b.WriteString("自评减考评，由大到小（正数表示自评高于考评）：\n\n")
	for i, g := range res.Inflation {
		if i == 50 {
			fmt.Fprintf(&b, "……另有 %d 个党组织从略\n", len(res.Inflation)-i)
			break
		}
		fmt.Fprintf(&b, "%s：自评 %s 分，考评 %s 分，相差 %s 分\n", g.Name, g.Self, g.Review, g.Gap)
		b.WriteString(stepsLines(g.Why[1:], 1))
	}
	return b.String()
}

// raterReport lists the appraisal raters whose scores sit far above or
// below the others' for the same members.
func (s *ResultsScreen) raterReport() string {
	res := s.res
	if res.Members == nil {
		return "本期不评议党员。"
	}
	if len(res.RaterBias) == 0 {
		return fmt.Sprintf("没有评分明显偏高或偏低的评议人（与其他人给同一党员的平均分相差不到满分的%d%%）。", scoring.OutlierShare)
	}
	units := map[string]string{}
	for _, u := range res.Data.Units {
		units["u:"+fmt.Sprint(u.ID)] = u.Name
	}
	var b strings.Builder
	fmt.Fprintf(&b, "评分与其他评议人给同一党员的平均分相差达到满分%d%%的评议人：\n\n", scoring.OutlierShare)
	for _, r := range res.RaterBias {
		lean := "高"
		dev := r.MeanDev
		if dev.Sign() < 0 {
			lean, dev = "低", dev.Neg()
		}
		fmt.Fprintf(&b, "%s · %s · %s：评了 %d 人，平均比其他评议人%s %s 分\n", units[r.Parent], r.SourceName, r.Rater, r.Subjects, lean, dev)
		if len(r.Why) > 1 {
			b.WriteString("    " + r.Why[1].Text + "\n")
		}
	}
	return b.String()
}

// setReport puts text on a report's label, laid out at once only when its
// tab is showing, else when the tab is chosen: laying out a city's list of
// what is missing takes longer than computing it.
func (s *ResultsScreen) setReport(l *widget.Label, text string) {
	if l.Text == text {
		return
	}
	l.Text = text
	if t := s.side.Selected(); t != nil && s.reportOn[t] == l {
		delete(s.stale, l)
		l.Refresh()
		return
	}
	s.stale[l] = true
}

// missingReport lists, unit by unit, what still blocks a complete result.
func missingReport(res *period.Results) string {
	var b strings.Builder
	n := 0
	units := make(map[int64]*model.Unit, len(res.Data.Units))
	for i := range res.Data.Units {
		units[res.Data.Units[i].ID] = &res.Data.Units[i]
	}
	for _, u := range res.Period.Units {
		unit := units[u]
		gaps := res.Inputs.Gaps[formspec.UnitSubject(u).String()]
		if unit == nil || len(gaps) == 0 {
			continue
		}
		n++
		fmt.Fprintf(&b, "%s（%s）\n", unit.Name, unit.Code)
		for _, g := range gaps {
			b.WriteString("  · " + g + "\n")
		}
	}
	members := 0
	for _, a := range res.Inputs.Absent {
		if a.Kind == model.SubjectMember {
			members++
		}
	}
	if members > 0 {
		fmt.Fprintf(&b, "\n另有 %d 名党员没有任何评议分，未计分（所在支部的党员评议表未提交或未填）。\n", members)
	}
	if len(res.Inputs.Notes) > 0 {
		b.WriteString("\n未能计入的数值：\n")
		for _, nt := range res.Inputs.Notes {
			b.WriteString("  · " + nt + "\n")
		}
	}
	if n == 0 && members == 0 {
		return "各党组织的材料都已齐全。"
	}
	return fmt.Sprintf("%d 个党组织的材料还不齐全：\n\n", n) + b.String()
}

// vetoReport lists the vetoes that occurred, with their reasons and
// document numbers, and the caps applied.
func (s *ResultsScreen) vetoReport() string {
	res := s.res
	var b strings.Builder
	names := map[string]string{}
	for _, r := range s.all {
		names[r.key] = r.name
	}
	for _, view := range []struct {
		res    *scoring.Result
		scheme *model.Scheme
	}{{res.Units, &res.Period.Scheme}, {res.Members, res.Period.MemberScheme}} {
		if view.res == nil {
			continue
		}
		for _, sub := range view.res.Subjects {
			for _, code := range sub.Vetoes {
				title := code
				for _, v := range view.scheme.Vetoes {
					if v.Code == code {
						title = v.Title
					}
				}
				fmt.Fprintf(&b, "一票否决：%s——%s", sub.Name, title)
				for _, o := range res.Trace(sub.ID, "") {
					if o.Entry != nil && o.Entry.Kind == model.EntryVeto && o.Entry.Name == code {
						fmt.Fprintf(&b, "（%s）", o.Where())
					}
				}
				b.WriteString("\n")
			}
		}
	}
	var caps []string
	for _, r := range s.all {
		if r.sub != nil && len(r.sub.Caps) > 0 {
			for _, st := range r.sub.BandWhy {
				if st.Kind == scoring.StepCap {
					caps = append(caps, r.name+"："+st.Text)
				}
			}
		}
	}
	if len(caps) > 0 {
		b.WriteString("\n限制条件：\n")
		for _, c := range caps {
			b.WriteString("  · " + c + "\n")
		}
	}
	if b.Len() == 0 {
		return "本期没有一票否决，也没有党组织受限制条件影响。"
	}
	return b.String()
}

// quotaReport says what each quota did — who moved down and why — and who
// gets the red flag.
func quotaReport(res *period.Results) string {
	var b strings.Builder
	for _, r := range []*scoring.Result{res.Units, res.Members} {
		if r == nil {
			continue
		}
		var names map[string]string
		if len(r.Quotas) > 0 || r.RedFlag != nil {
			names = make(map[string]string, len(r.Subjects))
			for _, s := range r.Subjects {
				names[s.ID] = s.Name
			}
		}
		for _, q := range r.Quotas {
			b.WriteString(stepsLines(q.Why, 0))
			if len(q.Moved) > 0 {
				var moved []string
				for _, id := range q.Moved {
					moved = append(moved, names[id])
				}
				b.WriteString("  调整：" + strings.Join(moved, "、") + "\n")
			}
		}
		if f := r.RedFlag; f != nil {
			var who []string
			for _, id := range f.Winners {
				who = append(who, names[id])
			}
			fmt.Fprintf(&b, "%s：%s\n", f.Name, strings.Join(who, "、"))
			b.WriteString(stepsLines(f.Why, 1))
		}
		for _, is := range r.Issues {
			b.WriteString("需要注意：" + is + "\n")
		}
	}
	if b.Len() == 0 {
		return "本期考核方案没有比例控制，也没有流动红旗。"
	}
	return b.String()
}

// onSaveVersion asks for a note and saves the current results as the
// period's next numbered version.
func (s *ResultsScreen) onSaveVersion() {
	if s.current < 0 {
		return
	}
	id := s.periods[s.current].ID
	note := newEntry()
	note.SetPlaceHolder("例如：提交党委会审议稿")
	s.saveForm, s.saveNote = showFormDialog(s.m.win, "保存结果版本", "保存", []*widget.FormItem{
		widget.NewFormItem("说明", note),
	}, func() error {
		v, err := s.desk.SaveResults(context.Background(), id, note.Text)
		if err != nil {
			return err
		}
		s.m.setStatus(fmt.Sprintf("已保存第 %d 版结果：%s", v.Number, v.Summary))
		return nil
	}), note
}

// onVersions lists the period's saved versions; one opens read-only.
func (s *ResultsScreen) onVersions() {
	if s.current < 0 {
		return
	}
	id := s.periods[s.current].ID
	var vs []model.ResultVersion
	s.m.background(func() error {
		var err error
		vs, err = s.desk.ResultVersions(context.Background(), id)
		return err
	}, func(err error) {
		if err != nil {
			s.m.showError("读取结果版本失败", err)
			return
		}
		s.showVersions(id, vs)
	})
}

// showVersions shows the list of saved versions.
func (s *ResultsScreen) showVersions(periodID int64, vs []model.ResultVersion) {
	chosen := len(vs) - 1 // the newest, ready to open; -1 when none
	cols := []column{{"版本", 52}, {"保存时间", 140}, {"保存人", 90}, {"说明", 200}, {"概况", 420}}
	t := newRowTable(cols, func() int { return len(vs) }, func(row, col int) string {
		v := vs[row]
		switch col {
		case 0:
			return fmt.Sprintf("第%d版", v.Number)
		case 1:
			return v.Saved.Local().Format("2006-01-02 15:04")
		case 2:
			return v.User
		case 3:
			return v.Note
		}
		return v.Summary
	}, func() int { return chosen })
	open := newButton("查看所选版本…", func() {
		if chosen >= 0 && chosen < len(vs) {
			s.openVersion(periodID, vs[chosen].Number)
		}
	})
	if chosen < 0 {
		open.Disable()
	}
	t.OnSelected = safely1(func(id widget.TableCellID) {
		if id.Row >= len(vs) {
			t.UnselectAll()
			return
		}
		chosen = id.Row
		t.Refresh()
		open.Enable()
	})
	t.onOpen = safely(func() {
		if chosen >= 0 && chosen < len(vs) {
			s.openVersion(periodID, vs[chosen].Number)
		}
	})
	t.padAfter(len(vs))
	var body fyne.CanvasObject = container.NewBorder(nil, container.NewHBox(open), nil, nil, t)
	if len(vs) == 0 {
		body = wrapLabel("本期还没有保存过结果版本。结果发出（上会、公示）前，请按“保存结果版本…”保存一份，保存后不再改变。")
	}
	d := dialog.NewCustom("已保存的结果版本", "关闭", body, s.m.win)
	d.Resize(fitWindow(s.m.win, fyne.NewSize(900, 420)))
	s.versionsTable, s.versionsOpen = t, open
	d.Show()
}

// openVersion shows a saved version as it was saved.
func (s *ResultsScreen) openVersion(periodID int64, number int) {
	var v model.ResultVersion
	var saved period.Saved
	s.m.background(func() error {
		var err error
		v, saved, err = s.desk.ResultVersion(context.Background(), periodID, number)
		return err
	}, func(err error) {
		if err != nil {
			s.m.showError("读取结果版本失败", err)
			return
		}
		s.versionText = savedText(v, saved)
		head := wrapLabel(fmt.Sprintf("%s，第%d版，%s 由 %s 保存：%s\n%s", saved.Period, v.Number,
			v.Saved.Local().Format("2006-01-02 15:04"), v.User, v.Note, v.Summary))
		var subs []scoring.SubjectResult
		for _, r := range []*scoring.Result{saved.Units, saved.Members} {
			if r != nil {
				subs = append(subs, ranked(r.Subjects)...)
			}
		}
		t := newRowTable([]column{{"名次", 52}, {"党组织 / 党员", 240}, {"等级总分", 90}, {"等次", 120}},
			func() int { return len(subs) }, func(row, col int) string { return savedCell(subs[row], col) }, func() int { return -1 })
		t.padAfter(len(subs))
		d := dialog.NewCustom(fmt.Sprintf("第%d版结果（只读）", v.Number), "关闭", container.NewBorder(head, nil, nil, nil, t), s.m.win)
		d.Resize(fitWindow(s.m.win, fyne.NewSize(760, 520)))
		d.Show()
	})
}

// savedText is a saved version's ranking as text, a line a subject.
func savedText(v model.ResultVersion, saved period.Saved) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s，第%d版，%s 由 %s 保存：%s\n%s\n", saved.Period, v.Number,
		v.Saved.Local().Format("2006-01-02 15:04"), v.User, v.Note, v.Summary)
	for _, r := range []*scoring.Result{saved.Units, saved.Members} {
		if r == nil {
			continue
		}
		for _, sub := range ranked(r.Subjects) {
			fmt.Fprintf(&b, "%s %s %s %s\n", savedCell(sub, 0), savedCell(sub, 1), savedCell(sub, 2), savedCell(sub, 3))
		}
	}
	return b.String()
}

// savedCell is one cell of a saved version's ranking: 名次, name, 等级总分,
// 等次.
func savedCell(sub scoring.SubjectResult, col int) string {
	switch col {
	case 0:
		if sub.Rank > 0 {
			return fmt.Sprint(sub.Rank)
		}
		return "—"
	case 1:
		return sub.Name
	case 2:
		return sub.Grade.String() + "分"
	}
	if sub.Disqualified {
		return "一票否决"
	}
	if sub.BandName == "" {
		return "无"
	}
	return sub.BandName
}

// ranked returns subjects by rank, the unranked last.
func ranked(subs []scoring.SubjectResult) []scoring.SubjectResult {
	out := append([]scoring.SubjectResult(nil), subs...)
	key := func(s scoring.SubjectResult) int {
		if s.Rank == 0 {
			return 1 << 30
		}
		return s.Rank
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && key(out[j]) < key(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

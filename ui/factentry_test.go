package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/model/formspec"
)

// TestFactEntryAndVeto enters 满意率 for a unit (replacing the ballot's
// result, so a reason is asked), 特别突出 for a member (004 第二篇: 五星
// needs "特别突出的优秀表现"), and a veto (002 篇十二's list), which takes
// the unit out of the rating until it is withdrawn.
func TestFactEntryAndVeto(t *testing.T) {
	m, o, p := demoWithForms(t)
	ctx := context.Background()
	saved := 0
	s := m.showFactEntry(p.ID, func() { saved++ })
	var titles []string
	for _, it := range s.tabs.Items {
		titles = append(titles, it.Text)
	}
	if got := strings.Join(titles, " "); got != "考核事实 党员事实 一票否决" {
		t.Fatalf("tabs %q", got)
	}
	g := s.units
	// 满意率, and the months an election is overdue (the demo's cap).
	if len(g.cols) != 2 || g.cols[0].name != formspec.SatisfactionFact || len(g.rows) != len(p.Units) {
		t.Fatalf("unit facts: %d columns, %d rows", len(g.cols), len(g.rows))
	}
	row := -1
	demoVetoes := 0
	entered := map[string]string{} // the demo's 满意率 from a paper survey
	for _, e := range demoEntries(o, p.ID) {
		switch {
		case e.Kind == model.EntryFact && e.Name == formspec.SatisfactionFact:
			entered[e.Subject] = e.Value
		case e.Kind == model.EntryVeto:
			demoVetoes++
		}
	}
	for r, gr := range g.rows {
		ballot := formValue(t, o, p.ID, gr.subject, formspec.SourceBallot, "", formspec.SatisfactionFact)
		if e, ok := entered[gr.subject]; ok {
			if v, _ := g.cellText(r, 0); v != e {
				t.Errorf("%s: 满意率 shows %q, the demo entered %q", gr.name, v, e)
			}
			continue
		}
		if v, _ := g.cellText(r, 0); v != ballot {
			t.Errorf("%s: 满意率 shows %q, the ballot says %q", gr.name, v, ballot)
		}
		if ballot != "" && row < 0 {
			row = r
		}
	}
	if row < 0 {
		t.Fatal("no unit with a ballot")
	}
	unit := g.rows[row]
	ballot := formValue(t, o, p.ID, unit.subject, formspec.SourceBallot, "", formspec.SatisfactionFact)
	windowShot(t, s.win, "entry-facts.png")
	typeCell(g, row, 0, "120")
	if !strings.Contains(s.message.Text, unit.name) || !strings.Contains(s.message.Text, "不能超过100") {
		t.Errorf("满意率 120: %q", s.message.Text)
	}
	typeCell(g, row, 0, "４５％") // full-width, as an input method types it
	if g.edits[cellKey{unit.subject, 0}] != "45" || len(g.bad) != 0 {
		t.Fatalf("edits %v bad %v", g.edits, g.bad)
	}

	// 党员事实: the first branch's first member is 特别突出.
	s.tabs.SelectIndex(1)
	mg := s.members
	if len(mg.rows) == 0 || mg.cols[0].name != "outstanding" || !mg.cols[0].flag {
		t.Fatalf("member facts: %d rows, columns %+v", len(mg.rows), mg.cols)
	}
	member := mg.rows[0]
	typeCell(mg, 0, 0, "是")
	if v, _ := mg.cellText(0, 0); v != "是" || mg.edits[cellKey{member.subject, 0}] != "1" {
		t.Fatalf("特别突出 shows %q, edit %v", v, mg.edits)
	}
	windowShot(t, s.win, "entry-member-facts.png")
	if len(s.branch.Options) > 1 {
		s.branch.SetSelectedIndex(1) // another branch: the edit stays
	}
	if s.counts.Text != "已修改 2 格，未保存" {
		t.Errorf("counts %q", s.counts.Text)
	}
	test.Tap(s.saveBtn)
	if s.reasonForm == nil || s.reasonForm.closed {
		t.Fatal("replacing the ballot's 满意率 asks for a reason")
	}
	s.reasonEntry.SetText("入户复核后更正")
	test.Tap(s.reasonForm.save)
	log, _ := testEntryLog(o, p.ID)
	if len(log) != 2 || saved != 1 {
		t.Fatalf("log %+v, onSaved %d", log, saved)
	}
	for _, e := range log {
		switch e.Subject {
		case unit.subject:
			if e.Kind != model.EntryFact || e.Value != "45" || e.Old != ballot || e.Reason != "入户复核后更正" {
				t.Errorf("满意率 logged %+v", e)
			}
		case member.subject:
			if e.Name != "outstanding" || e.Value != "1" || e.Old != "" || e.Reason != "" {
				t.Errorf("特别突出 logged %+v", e)
			}
		default:
			t.Errorf("unexpected entry %+v", e)
		}
	}
	if v, ok := subjectFact(t, o, p.ID, unit.subject, formspec.SatisfactionFact); !ok || v != "45" {
		t.Errorf("the results read 满意率 %q", v)
	}
	if v, ok := subjectFact(t, o, p.ID, member.subject, "outstanding"); !ok || v != "1" {
		t.Errorf("the results read 特别突出 %q", v)
	}

	// 一票否决: add one, without a reason first.
	s.tabs.SelectIndex(2)
	v := s.vetoes
	test.Tap(v.add)
	v.unit.SetSelectedIndex(row)
	v.item.SetSelectedIndex(2) // 违反安全生产
	test.Tap(v.form.save)
	if !strings.Contains(v.form.errText.Text, "没有写原因") || v.form.closed {
		t.Fatalf("a veto without a reason: %q", v.form.errText.Text)
	}
	v.reason.SetText("发生较大安全生产事故")
	v.docNo.SetText("县安委〔2026〕5号")
	windowShot(t, s.win, "entry-veto-add.png")
	test.Tap(v.form.save)
	if !v.form.closed || len(v.rows) != 1+demoVetoes {
		t.Fatalf("veto not stored: %q, rows %d", v.form.errText.Text, len(v.rows))
	}
	r, _ := o.Results(ctx, p.ID)
	if u := r.Unit(unit.subject); u == nil || !u.Disqualified {
		t.Fatalf("the vetoed unit should be disqualified: %+v", u)
	}
	if got := v.cell(0, 1) + "|" + v.cell(0, 3); got != "违反安全生产|县安委〔2026〕5号" || v.cell(0, 4) == "" {
		t.Errorf("veto row %q, user %q", got, v.cell(0, 4))
	}
	windowShot(t, s.win, "entry-vetoes.png")
	// Withdraw it, with a reason.
	if !v.withdraw.Disabled() {
		t.Error("撤销所选 needs a chosen row")
	}
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(v.withdraw)
	test.Tap(v.form.save)
	if !strings.Contains(v.form.errText.Text, "请填写撤销原因") {
		t.Fatalf("withdrawing needs a reason: %q", v.form.errText.Text)
	}
	v.reason.SetText("事故责任认定不在本村，经复查撤销")
	test.Tap(v.form.save)
	if len(v.rows) != demoVetoes {
		t.Fatalf("the veto stands: %d rows", len(v.rows))
	}
	r, _ = o.Results(ctx, p.ID)
	if u := r.Unit(unit.subject); u == nil || u.Disqualified {
		t.Errorf("after withdrawing, the unit is rated again: %+v", u)
	}
	log, _ = testEntryLog(o, p.ID)
	last := log[len(log)-1]
	if len(log) != 4 || last.Kind != model.EntryVeto || last.Value != "" || last.Old != "1" || last.Reason != "事故责任认定不在本村，经复查撤销" {
		t.Errorf("withdrawal logged %+v", last)
	}

	// 录入记录 lists all four, newest first.
	l := m.showEntryLog(p.ID)
	if len(l.log) != 4+len(demoEntries(o, p.ID)) || l.cell(0, 6) != "（撤销）" || l.cell(0, 5) != "否决" || l.cell(0, 4) != "违反安全生产" {
		t.Fatalf("log window: %d rows, first %q %q %q", len(l.log), l.cell(0, 4), l.cell(0, 5), l.cell(0, 6))
	}
	if l.cell(1, 7) != "发生较大安全生产事故；文号 县安委〔2026〕5号" || l.cell(1, 8) != "屏幕录入" || l.cell(1, 3) != unit.name {
		t.Errorf("veto row: %q %q %q", l.cell(1, 7), l.cell(1, 8), l.cell(1, 3))
	}
	for r := range l.log {
		if l.log[r].Subject == unit.subject && l.log[r].Kind == model.EntryFact {
			if l.cell(r, 4) != "群众满意度测评满意率" || l.cell(r, 5) != ballot || l.cell(r, 6) != "45" || l.cell(r, 7) != "入户复核后更正" {
				t.Errorf("满意率 row: %q %q %q %q", l.cell(r, 4), l.cell(r, 5), l.cell(r, 6), l.cell(r, 7))
			}
		}
		if l.log[r].Subject == member.subject && (l.cell(r, 6) != "是" || !strings.HasPrefix(l.cell(r, 3), "党员 ")) {
			t.Errorf("特别突出 row: %q %q", l.cell(r, 3), l.cell(r, 6))
		}
	}
	l.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if !strings.Contains(l.detail.Text, "文号：县安委〔2026〕5号") {
		t.Errorf("detail %q", l.detail.Text)
	}
	windowShot(t, l.win, "entry-log.png")
}

// TestOwnStars enters a unit's own stars (002 篇九: 十星 = 共性星 + 个性星)
// in a period whose scheme allows two, re-scores one with a reason and
// removes it.
func TestOwnStars(t *testing.T) {
	m, o, demo := demoWithForms(t)
	ctx := context.Background()
	sc := demo.Scheme
	sc.Stars.OwnSlots = 2
	sc.Stars.OwnEarn = &model.Range{From: model.D4("8").P()}
	p := model.Period{Name: "2026年度村党支部十星评定", Scheme: sc, Units: demo.Units}
	if err := o.CreatePeriod(ctx, &p); err != nil {
		t.Fatal(err)
	}
	s := m.showFactEntry(p.ID, nil)
	if last := s.tabs.Items[len(s.tabs.Items)-1].Text; last != "个性星" || s.stars == nil {
		t.Fatalf("no 个性星 tab: last tab %q", last)
	}
	st := s.stars
	add := func(unit int, name, score string) string {
		test.Tap(st.add)
		st.unit.SetSelectedIndex(unit)
		st.name.SetText(name)
		st.score.SetText(score)
		test.Tap(st.form.save)
		return st.form.errText.Text
	}
	if msg := add(0, "产业兴旺星", "很好"); !strings.Contains(msg, "得分应填数字") {
		t.Errorf("a word for a score: %q", msg)
	}
	st.form.close()
	for _, name := range []string{"产业兴旺星", "生态宜居星"} {
		if msg := add(0, name, "９"); msg != "" {
			t.Fatalf("add %s: %s", name, msg)
		}
	}
	if msg := add(0, "乡风文明星", "9"); !strings.Contains(msg, "最多可报 2 颗") {
		t.Errorf("a third star: %q", msg)
	}
	st.form.close()
	if len(st.rows) != 2 || st.cell(0, 2) != "9" || st.cell(0, 3) != "获得" {
		t.Fatalf("stars %d, first %q %q", len(st.rows), st.cell(0, 2), st.cell(0, 3))
	}
	s.tabs.Select(s.tabs.Items[len(s.tabs.Items)-1])
	windowShot(t, s.win, "entry-own-stars.png")
	st.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(st.edit)
	st.score.SetText("7")
	st.reason.SetText("复核后调整")
	test.Tap(st.form.save)
	if st.cell(0, 2) != "7" || st.cell(0, 3) != "未获得" {
		t.Errorf("re-scored: %q %q", st.cell(0, 2), st.cell(0, 3))
	}
	st.table.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(st.remove)
	st.reason.SetText("重复申报")
	test.Tap(st.form.save)
	log, _ := testEntryLog(o, p.ID)
	if len(st.rows) != 1 || len(log) != 4 || log[2].Old != "9" || log[2].Reason != "复核后调整" || log[3].Value != "" {
		t.Errorf("rows %d, log %+v", len(st.rows), log)
	}
}

package model

import (
	"strings"
	"testing"
	"time"
)

func TestFormChecksumCoversEveryField(t *testing.T) {
	id := FormIdentity{Product: FormProduct, Form: FormUnit, PeriodID: 1, PeriodName: "2026年度", UnitID: 3,
		UnitCode: "QH-01", UnitName: "东岗村党支部", Scheme: "cun-xingji", SchemeVersion: "1",
		Sheets: []SheetRole{RoleSelf, RoleLedger}}
	sum := id.ComputeChecksum()
	if len(sum) != 16 {
		t.Fatalf("checksum %q", sum)
	}
	edits := []func(*FormIdentity){
		func(i *FormIdentity) { i.PeriodID = 2 },
		func(i *FormIdentity) { i.PeriodName = "2027年度" },
		func(i *FormIdentity) { i.UnitID = 4 },
		func(i *FormIdentity) { i.UnitCode = "QH-02" },
		func(i *FormIdentity) { i.UnitName = "西岗村党支部" },
		func(i *FormIdentity) { i.SchemeVersion = "2" },
		func(i *FormIdentity) { i.Form = FormReview },
		func(i *FormIdentity) { i.Sheets = []SheetRole{RoleSelf} },
		// Moving text between fields must change it too.
		func(i *FormIdentity) { i.UnitCode, i.UnitName = "QH-01东岗村党支部", "" },
	}
	for n, edit := range edits {
		c := id
		edit(&c)
		if c.ComputeChecksum() == sum {
			t.Errorf("edit %d leaves the checksum unchanged", n)
		}
	}
}

func TestBuildStatusBoard(t *testing.T) {
	p := Period{ID: 1, Name: "2026年度", Units: []int64{10, 11, 12},
		Scheme: Scheme{Sources: []Source{{Code: SourceReview, Weight: Dec(100)}},
			Sections: []Section{{Code: "A", Items: []Item{{Code: "1", Points: Dec(10)}, {Code: "2", Points: Dec(10), Department: "宣传部"}}}}}}
	units := map[int64]Unit{10: {ID: 10, Code: "A", Name: "甲"}, 11: {ID: 11, Code: "B", Name: "乙"}, 12: {ID: 12, Code: "C", Name: "丙"}}
	at := func(m int) time.Time { return time.Date(2026, 11, 21, 9, m, 0, 0, time.UTC) }
	subs := []Submission{
		{Form: FormUnit, UnitID: 10, Status: SubmissionSuperseded, Version: 1, Received: at(1)},
		{Form: FormUnit, UnitID: 10, Status: SubmissionAccepted, Version: 2, FileName: "甲v2.xlsx", Received: at(2)},
		{Form: FormUnit, UnitID: 10, Status: SubmissionRejected, Problems: []string{"第7行 G列：超过分值"}, Received: at(3)},
		{Form: FormUnit, UnitID: 11, Status: SubmissionRejected, Problems: []string{"第8行"}, FileName: "乙.xlsx", Received: at(4)},
		{Form: FormReview, Dept: "宣传部", Status: SubmissionAccepted, Version: 1, Received: at(5)},
		{Form: FormUnit, UnitID: 99, Status: SubmissionRejected, Received: at(6)},
	}
	leaders := map[int64][]Member{11: {{UnitID: 11, Name: "钱七", Position: "支部书记", Phone: "17100000011"}}}
	b := BuildStatusBoard(p, units, leaders, subs)
	if len(b.Rows) != 5 || b.Submitted != 2 || b.Rejected != 1 || b.Missing != 2 || len(b.Unmatched) != 1 {
		t.Fatalf("board: %+v", b)
	}
	a := b.Rows[0]
	// A file refused after an accepted one leaves the unit submitted, with
	// the refusal shown.
	if a.State != StateSubmitted || a.Version != 2 || a.Superseded != 1 || a.Rejected != 1 || a.File != "甲v2.xlsx" || len(a.Problems) != 1 {
		t.Errorf("unit 甲: %+v", a)
	}
	if r := b.Rows[1]; r.State != StateRejected || r.File != "乙.xlsx" || r.Problems[0] != "第8行" || r.Secretary != "钱七" || r.Phone != "17100000011" {
		t.Errorf("unit 乙: %+v", r)
	}
	if r := b.Rows[2]; r.State != StateMissing {
		t.Errorf("unit 丙: %+v", r)
	}
	// The committee's own items first ("党委"), then the departments.
	if b.Rows[3].Dept != "党委" || b.Rows[3].State != StateMissing || b.Rows[4].Dept != "宣传部" || b.Rows[4].State != StateSubmitted {
		t.Errorf("review rows: %+v %+v", b.Rows[3], b.Rows[4])
	}
}

func TestItemFieldsFollowTheRule(t *testing.T) {
	req := D4("4")
	it := Item{Code: "3", Title: "制度", Points: Dec(2), Rule: Rule{Kind: RuleDeduct, Deduct: &DeductRule{
		Clauses: []DeductClause{{Input: "missing", Label: "每少一项制度", Per: D4("0.2")}, {Input: "visits", Label: "走访", Per: D4("0.5"), Required: &req}},
		ZeroIf:  []Flag{{Name: "fake", Label: "弄虚作假"}},
	}}}
	fs := ItemFields(&it)
	if len(fs) != 3 || fs[0].Kind != FieldValue || !fs[0].Int || fs[2].Kind != FieldFlag || !strings.Contains(fs[1].Label, "应不少于4") {
		t.Fatalf("deduct fields: %+v", fs)
	}
	m := Item{Code: "1", Points: Dec(5), Penalty: true, Rule: Manual()}
	f := ItemFields(&m)[0]
	if f.Kind != FieldScore || f.Min.Cmp(Dec(-5)) != 0 || f.Max.Cmp(Dec(0)) != 0 {
		t.Errorf("a penalty item's score runs from −分值 to 0: %+v", f)
	}
	if got := f.RangeText(); got != "-5至0之间的数" {
		t.Errorf("range text %q", got)
	}
}

func TestPeriodValidate(t *testing.T) {
	ok := Period{Name: "2026年度", Scheme: Scheme{Code: "x", Subject: SubjectUnit}, Units: []int64{1}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]Period{
		"名称不能为空": {Scheme: ok.Scheme, Units: ok.Units},
		"考核的是党员": {Name: "x", Scheme: Scheme{Code: "m", Subject: SubjectMember}, Units: ok.Units},
		"早于开始日期": {Name: "x", Scheme: ok.Scheme, Units: ok.Units, Start: D(2026, 2, 1), End: D(2026, 1, 1)},
		"没有参评":   {Name: "x", Scheme: ok.Scheme},
	} {
		if err := p.Validate(); err == nil || !strings.Contains(ErrorMessage(err), name) {
			t.Errorf("want %q, got %v", name, err)
		}
	}
}

// TestSecretaryContact: the missing list is for phoning round, so each unit
// carries its 书记's phone — the member named as secretary, else the member
// whose post is 书记 (never a 副书记, never another unit's member).
func TestSecretaryContact(t *testing.T) {
	u := Unit{ID: 7, Secretary: "王芳"}
	cases := []struct {
		name      string
		unit      Unit
		members   []Member
		want, tel string
	}{
		{"named secretary", u, []Member{
			{UnitID: 7, Name: "李强", Position: "副书记", Phone: "17000000001"},
			{UnitID: 7, Name: "王芳", Position: "支部书记", Phone: "17000000002"},
		}, "王芳", "17000000002"},
		{"same name, the one whose post is 书记", u, []Member{
			{UnitID: 7, Name: "王芳", Position: "党员", Phone: "17000000003"},
			{UnitID: 7, Name: "王芳", Position: "支部书记", Phone: "17000000004"},
		}, "王芳", "17000000004"},
		{"named secretary without a phone gives no one else's", u, []Member{
			{UnitID: 7, Name: "王芳", Position: "支部书记"},
			{UnitID: 7, Name: "李强", Position: "总支书记", Phone: "17000000005"},
		}, "王芳", ""},
		{"no name: the post", Unit{ID: 7}, []Member{
			{UnitID: 7, Name: "李强", Position: "副书记", Phone: "17000000006"},
			{UnitID: 7, Name: "赵敏", Position: "总支书记", Phone: "17000000007"},
		}, "赵敏", "17000000007"},
		{"another unit's member is ignored", u, []Member{
			{UnitID: 8, Name: "王芳", Position: "支部书记", Phone: "17000000008"},
		}, "王芳", ""},
		{"nobody", Unit{ID: 7}, nil, "", ""},
	}
	for _, c := range cases {
		name, tel := SecretaryContact(c.unit, c.members)
		if name != c.want || tel != c.tel {
			t.Errorf("%s: got %q %q, want %q %q", c.name, name, tel, c.want, c.tel)
		}
	}
}

// TestWaitingIncludesRejected: a rejected unit has sent nothing usable, so
// it is still owed a form, like one that sent nothing.
func TestWaitingIncludesRejected(t *testing.T) {
	if !StateMissing.Waiting() || !StateRejected.Waiting() || StateSubmitted.Waiting() {
		t.Error("waiting = missing or rejected")
	}
}

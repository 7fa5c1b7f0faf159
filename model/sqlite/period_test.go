package sqlite

import (
	"context"
	"encoding/json"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"xingji/model"
)

// TestValuesJSONRoundTrip checks the import's own encoder of stored values:
// each string is escaped as encoding/json escapes it (compared byte for
// byte, on quotes, backslashes, control characters, HTML characters,
// U+2028/2029, invalid UTF-8, Chinese and empty fields), and what it writes
// reads back to the same values — as do values stored as objects.
func TestValuesJSONRoundTrip(t *testing.T) {
	tricky := []string{"", "8.5", "扣分原因：记录不完整（见附件）", `"引号"\反斜杠`, "tab\there\nnewline\r", "\x00\x01\x1f",
		"<b>&amp;</b>", "line\u2028sep\u2029", "emoji 😀", "自评表!G7", "[{", "]"}
	rng := rand.New(rand.NewSource(1))
	pick := func() string { return tricky[rng.Intn(len(tricky))] }
	for round := 0; round < 300; round++ {
		vs := make([]model.EntryValue, rng.Intn(5))
		var want []byte
		want = append(want, '[')
		for i := range vs {
			vs[i] = model.EntryValue{Subject: pick(), Source: pick(), Rater: pick(), Item: pick(), Field: pick(),
				Value: pick(), Sheet: pick(), Cell: pick()}
			row, err := json.Marshal([]string{vs[i].Subject, vs[i].Source, vs[i].Rater, vs[i].Item, vs[i].Field, vs[i].Value, vs[i].Sheet, vs[i].Cell})
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				want = append(want, ',')
			}
			want = append(want, row...)
		}
		want = append(want, ']')
		got := appendValuesJSON(nil, vs)
		if string(got) != string(want) {
			t.Fatalf("round %d:\n got %s\nwant %s", round, got, want)
		}
		back, err := decodeValuesJSON(string(got))
		if err != nil || len(back) != len(vs) || (len(vs) > 0 && !reflect.DeepEqual(back, vs)) {
			t.Fatalf("round %d: read back %+v, %v", round, back, err)
		}
		objects, _ := json.Marshal(vs)
		if back, err := decodeValuesJSON(string(objects)); len(vs) > 0 && (err != nil || !reflect.DeepEqual(back, vs)) {
			t.Fatalf("round %d: objects read back %+v, %v", round, back, err)
		}
	}
	// Invalid UTF-8 is replaced, as encoding/json replaces it.
	bad := appendValuesJSON(nil, []model.EntryValue{{Value: "bad\xffutf8"}})
	if back, err := decodeValuesJSON(string(bad)); err != nil || back[0].Value != "bad\ufffdutf8" {
		t.Errorf("invalid UTF-8: %q %v", back, err)
	}
}

// TestValuesDecoderAsEncodingJSON reads stored values by hand only when
// they are exactly as appendValuesJSON writes them; for any other text —
// spacing, null, short or long rows, escapes, invalid UTF-8, damage — it
// gives what encoding/json gives, and repeated strings are shared.
func TestValuesDecoderAsEncodingJSON(t *testing.T) {
	texts := []string{
		`[]`, `[ ]`, ` []`, `[["m:1","peer","m2","","total","85.5","党员评议表","D4"]]`,
		`[["m:1","peer","m2","","total","85.5","党员评议表","D4"],["m:1","peer","m3","","total","90","党员评议表","E4"]]`,
		`[ ["m:1","peer","m2","","total","85.5","党员评议表","D4"] ]`, `[["a","b"]]`, `[["a",null,"c","d","e","f","g","h"]]`,
		`[["1","2","3","4","5","6","7","8","9"]]`, `[["\u003cb\u003e","\"q\"","x","","","","",""]]`,
		"[[\"bad\xff\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"]]", `[["a","b","c","d","e","f","g","h"]`,
		`[["a","b","c","d","e","f","g","h"],]`, `[["a","b","c","d","e","f","g","h"]]x`, `[["a","b","c","d","e","f","g",1]]`,
		`[["a","b","c","d","e","f","g","h"],["],[","b","c","d","e","f","g","h"]]`, `[`, `]`, `[[`,
	}
	for _, text := range texts {
		var rows [][8]string
		jerr := json.Unmarshal([]byte(text), &rows)
		got, err := decodeValuesJSON(text)
		if (err != nil) != (jerr != nil) {
			t.Errorf("%s: error %v, encoding/json %v", text, err, jerr)
			continue
		}
		if err != nil {
			continue
		}
		want := make([]model.EntryValue, len(rows))
		for i, r := range rows {
			want[i] = model.EntryValue{Subject: r[0], Source: r[1], Rater: r[2], Item: r[3], Field: r[4], Value: r[5], Sheet: r[6], Cell: r[7]}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", text, got, want)
		}
	}
	var d valuesDecoder
	a, _, _ := d.decode(`[["m:1","peer","m2","","total","85.5","党员评议表","D4"]]`)
	b, _, _ := d.decode(`[["m:1","peer","m3","","total","85.5","党员评议表","D4"]]`)
	if unsafe.StringData(a[0].Sheet) != unsafe.StringData(b[0].Sheet) || unsafe.StringData(a[0].Subject) != unsafe.StringData(b[0].Subject) {
		t.Error("strings repeated among files should be shared")
	}
}

// TestRatingsApart reads the appraisal totals of a file apart (a period's
// results read millions of them): read back with Submission.All, every
// file gives the values, in the order, that reading them all as values
// gives; the totals are held apart only when they are all of one sheet
// and field, with no item, in cells named the usual way, one after
// another.
func TestRatingsApart(t *testing.T) {
	const (
		self  = `["u:1","self","A","1","score","8","自评表","G7"]`
		note  = `["u:1","self","A","1","note","好","自评表","H7"]`
		r1    = `["m:1","peer","m2","","total","85.5","党员评议表","D4"]`
		r2    = `["m:1","leader","1","","total","90","党员评议表","AB4"]`
		r3    = `["m:2","peer","m1","","total","85.5","党员评议表","C5"]`
		lower = `["m:2","peer","m1","","total","85.5","党员评议表","c5"]`
		other = `["m:2","peer","m1","","total","85.5","别的表","C5"]`
		item  = `["m:2","peer","m1","x","total","85.5","党员评议表","C5"]`
		field = `["m:2","peer","m1","","score","85.5","党员评议表","C5"]`
	)
	for _, tc := range []struct {
		rows  []string
		apart int // ratings held apart
	}{
		{[]string{self, r1, r2, r3}, 3},
		{[]string{r1, r2, r3, self, note}, 3},
		{[]string{self, r1, r2, note}, 2},
		{[]string{self, note}, 0},
		{[]string{r1, self, r3}, 0},         // not one after another
		{[]string{r1, r2, lower}, 0},        // a cell not named the usual way
		{[]string{r1, r2, other}, 0},        // another sheet
		{[]string{r1, r2, item}, 0},         // an item
		{[]string{r1, r2, field, self}, 2},  // a member's score is not a rating
		{[]string{`{"subject":"m:1"}`}, 0},  // objects
		{[]string{r1, `["m:1","peer"]`}, 0}, // a short row: encoding/json's error
		{[]string{r1, `["m:\u0031","peer","m2","","total","85.5","党员评议表","D4"]`}, 0}, // an escape
	} {
		text := "[" + strings.Join(tc.rows, ",") + "]"
		if strings.HasPrefix(tc.rows[0], "{") {
			text = "[" + tc.rows[0] + "]"
		}
		want, werr := decodeValuesJSON(text)
		vs, r, err := decodeRatings(text)
		if (err != nil) != (werr != nil) {
			t.Errorf("%s: error %v, want %v", text, err, werr)
			continue
		}
		apart := 0
		if r != nil {
			apart = len(r.Rows)
		}
		if apart != tc.apart {
			t.Errorf("%s: %d ratings apart, want %d", text, apart, tc.apart)
		}
		sub := model.Submission{Values: vs, Ratings: r}
		var got []model.EntryValue
		for v := range sub.All(nil) {
			got = append(got, *v)
		}
		if sub.Len() != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("%s:\n got %+v\nwant %+v", text, got, want)
		}
		var m1 []string
		for v := range sub.All(func(s string) bool { return s == "m:1" }) {
			m1 = append(m1, v.Cell)
		}
		var want1 []string
		for _, v := range want {
			if v.Subject == "m:1" {
				want1 = append(want1, v.Cell)
			}
		}
		if !reflect.DeepEqual(m1, want1) {
			t.Errorf("%s: m:1's cells %v, want %v", text, m1, want1)
		}
	}
}

// TestSubmissionVersions stores three accepted files and a refused one for
// a unit: versions count up, each new one supersedes the last, the refused
// one keeps its reasons, and the file bytes are kept once per SHA-256.
func TestSubmissionVersions(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	root := model.Unit{Name: "县委", Code: "R", Level: model.LevelCommittee, Kind: model.KindOrgan}
	if err := s.CreateUnit(ctx, &root); err != nil {
		t.Fatal(err)
	}
	u := model.Unit{ParentID: root.ID, Name: "东岗村党支部", Code: "A", Level: model.LevelBranch, Kind: model.KindRural}
	if err := s.CreateUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	p := model.Period{Name: "2026年度", Units: []int64{u.ID}, Scheme: model.Scheme{Code: "x", Version: "1", Subject: model.SubjectUnit,
		Total: model.Dec(10), Sources: []model.Source{{Code: model.SourceSelf, Name: "自评", Weight: model.Dec(100)}},
		Sections: []model.Section{{Code: "S", Title: "全部", Points: model.Dec(10), Items: []model.Item{{Code: "1", Title: "工作", Points: model.Dec(10), Rule: model.Manual()}}}}}}
	if err := s.CreatePeriod(ctx, &p); err != nil {
		t.Fatal(err)
	}
	save := func(status model.SubmissionStatus, sha string, data []byte) model.Submission {
		sub := model.Submission{PeriodID: p.ID, Form: model.FormUnit, UnitID: u.ID, FileName: sha + ".xlsx", SHA256: sha, Status: status}
		if status == model.SubmissionAccepted {
			sub.Values = []model.EntryValue{{Subject: "u:1", Source: "self", Item: "1", Field: "score", Value: "8", Sheet: "自评表", Cell: "G7"}}
		} else {
			sub.Problems = []string{"自评表 G7：超过了分值"}
		}
		if err := s.SaveSubmission(ctx, &sub, data); err != nil {
			t.Fatal(err)
		}
		return sub
	}
	a := save(model.SubmissionAccepted, "aa", []byte("one"))
	b := save(model.SubmissionAccepted, "bb", []byte("two"))
	save(model.SubmissionRejected, "cc", []byte("bad"))
	c := save(model.SubmissionAccepted, "aa", []byte("one")) // the first file again, after a correction
	if a.Version != 1 || b.Version != 2 || c.Version != 3 {
		t.Fatalf("versions %d %d %d", a.Version, b.Version, c.Version)
	}
	subs, err := s.Submissions(ctx, p.ID)
	if err != nil || len(subs) != 4 {
		t.Fatalf("%d receipts: %v", len(subs), err)
	}
	want := []model.SubmissionStatus{model.SubmissionSuperseded, model.SubmissionSuperseded, model.SubmissionRejected, model.SubmissionAccepted}
	for i, sub := range subs {
		if sub.Status != want[i] {
			t.Errorf("receipt %d: %s, want %s", i, sub.Status, want[i])
		}
	}
	if len(subs[2].Problems) != 1 || subs[2].Values != nil {
		t.Errorf("refused receipt: %+v", subs[2])
	}
	acc, err := s.AcceptedValues(ctx, p.ID)
	if err != nil || len(acc) != 1 || acc[0].Values[0].Cell != "G7" {
		t.Fatalf("accepted values: %+v %v", acc, err)
	}
	shas, err := s.SubmissionSHAs(ctx, p.ID)
	if err != nil || len(shas) != 2 || shas["aa"].Version != 1 {
		t.Errorf("SHAs: %+v %v", shas, err)
	}
	if d, err := s.FileData(ctx, "aa"); err != nil || string(d) != "one" {
		t.Errorf("file data %q %v", d, err)
	}
	if err := s.SetPeriodStatus(ctx, p.ID, model.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Period(ctx, p.ID); got.Status != model.PeriodClosed || got.Scheme.Code != "x" || len(got.Units) != 1 {
		t.Errorf("period after closing: %+v", got)
	}
}

// TestPeriodLeaders reads who may be each unit's secretary: the member
// named as 书记 and anyone whose post ends in 书记, only for units in scope.
func TestPeriodLeaders(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	a := model.Unit{ParentID: root.ID, Name: "东岗村党支部", Code: "A", Level: model.LevelBranch, Kind: model.KindRural, Secretary: "王芳"}
	b := model.Unit{ParentID: root.ID, Name: "西岗村党支部", Code: "B", Level: model.LevelBranch, Kind: model.KindRural}
	for _, u := range []*model.Unit{&a, &b} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	add := func(unit int64, name, post, phone string) {
		m := newMember(unit, name)
		m.Position, m.Phone = post, phone
		if err := s.CreateMember(ctx, &m, model.Date{}); err != nil {
			t.Fatal(err)
		}
	}
	add(a.ID, "王芳", "党员", "17000000001")
	add(a.ID, "李强", "组织委员", "17000000002")
	add(b.ID, "赵敏", "支部书记", "17000000003")
	add(b.ID, "钱七", "党员", "17000000004")
	add(root.ID, "孙八", "党委书记", "17000000005") // not in scope
	p := model.Period{Name: "2026年度", Units: []int64{a.ID, b.ID}, Scheme: model.Scheme{Code: "x", Version: "1", Subject: model.SubjectUnit,
		Total: model.Dec(10), Sources: []model.Source{{Code: model.SourceSelf, Name: "自评", Weight: model.Dec(100)}},
		Sections: []model.Section{{Code: "S", Title: "全部", Points: model.Dec(10), Items: []model.Item{{Code: "1", Title: "工作", Points: model.Dec(10), Rule: model.Manual()}}}}}}
	if err := s.CreatePeriod(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := s.PeriodLeaders(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[a.ID]) != 1 || got[a.ID][0].Name != "王芳" || len(got[b.ID]) != 1 || got[b.ID][0].Phone != "17000000003" {
		t.Fatalf("leaders: %+v", got)
	}
	if name, tel := model.SecretaryContact(a, got[a.ID]); name != "王芳" || tel != "17000000001" {
		t.Errorf("contact of A: %s %s", name, tel)
	}
}

package sqlite

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"xingji/model"
)

// entryFixture is a store with one branch in an open period.
func entryFixture(t *testing.T) (*Store, model.Unit, model.Period) {
	t.Helper()
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	u := addUnit(t, s, root.ID, "东岗村党支部", "A", model.LevelBranch)
	return s, u, addPeriod(t, s, "2026年度", u.ID)
}

// fact is an entry of a fact for subject.
func fact(subject, name, value string) model.Entry {
	return model.Entry{EntryKey: model.EntryKey{Subject: subject, Kind: model.EntryFact, Name: name}, Value: value, User: "张三"}
}

// score is an entry of a score field for subject.
func score(subject, item, field, value string) model.Entry {
	return model.Entry{EntryKey: model.EntryKey{Subject: subject, Kind: model.EntryScore, Name: item, Field: field},
		Dept: "组织部", Value: value, User: "张三"}
}

// mustAdd adds entries or fails the test.
func mustAdd(t *testing.T, s *Store, periodID int64, es ...model.Entry) []model.Entry {
	t.Helper()
	got, err := s.AddEntries(ctx, periodID, es)
	if err != nil {
		t.Fatalf("AddEntries: %v", err)
	}
	return got
}

// olds lists "value<-old" of entries, for comparing logs at a glance.
func olds(es []model.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s/%s=%s<-%s", e.Name, e.Field, e.Value, e.Old))
	}
	return out
}

// TestAddEntriesFillsOld: each stored entry keeps the value its key held
// just before, including a value set earlier in the same batch; keys differ
// by subject, kind, name and field; the clock stamps entries without a time.
func TestAddEntriesFillsOld(t *testing.T) {
	s, u, p := entryFixture(t)
	subj := fmt.Sprintf("u:%d", u.ID)
	typed := time.Date(2026, 12, 1, 9, 0, 0, 123456789, time.Local)
	first := score(subj, "1", "score", "8")
	first.At = typed
	got := mustAdd(t, s, p.ID,
		fact(subj, "缺席次数", "3"),
		fact(subj, "缺席次数", "5"), // same batch: replaces 3
		first,
		score(subj, "1", "note", "8"),     // another field: its own key
		fact("u:999", "缺席次数", "1"),        // another subject
		score(subj, "缺席次数", "score", "3"), // another kind with the fact's name
	)
	want := []string{"缺席次数/=3<-", "缺席次数/=5<-3", "1/score=8<-", "1/note=8<-", "缺席次数/=1<-", "缺席次数/score=3<-"}
	if !reflect.DeepEqual(olds(got), want) {
		t.Fatalf("stored %q, want %q", olds(got), want)
	}
	for i, e := range got {
		if e.ID == 0 || (i > 0 && e.ID <= got[i-1].ID) || e.PeriodID != p.ID {
			t.Errorf("entry %d: id %d period %d", i, e.ID, e.PeriodID)
		}
	}
	if !got[2].At.Equal(typed) {
		t.Errorf("a given time was replaced: %v", got[2].At)
	}
	if got[0].At.IsZero() || !got[0].At.Equal(got[1].At) {
		t.Errorf("clock times %v %v: want one reading for the batch", got[0].At, got[1].At)
	}

	// A later batch reads the stored values.
	got = mustAdd(t, s, p.ID, fact(subj, "缺席次数", "6"), score(subj, "1", "score", "9"))
	if want := []string{"缺席次数/=6<-5", "1/score=9<-8"}; !reflect.DeepEqual(olds(got), want) {
		t.Errorf("second batch %q, want %q", olds(got), want)
	}

	// The log reads back exactly what was returned.
	log, err := s.EntryLog(ctx, p.ID)
	if err != nil || len(log) != 8 {
		t.Fatalf("EntryLog: %d entries, %v", len(log), err)
	}
	if !log[2].At.Equal(typed) || log[2].Dept != "组织部" || log[2].User != "张三" || log[2].Kind != model.EntryScore {
		t.Errorf("log[2] = %+v", log[2])
	}
	for i := range log {
		log[i].At = time.Time{}
	}
	got[0].At, got[1].At = time.Time{}, time.Time{}
	if !reflect.DeepEqual(log[6:], got) {
		t.Errorf("log tail %+v\nwant %+v", log[6:], got)
	}
	cur, err := s.Entries(ctx, p.ID)
	if want := []string{"1/note=8<-", "缺席次数/=1<-", "缺席次数/score=3<-", "缺席次数/=6<-5", "1/score=9<-8"}; err != nil || !reflect.DeepEqual(olds(cur), want) {
		t.Errorf("Entries %q, %v; want %q", olds(cur), err, want)
	}
}

// TestAddEntriesSkipsUnchanged: the same value again, or clearing a key that
// holds nothing, stores nothing, so the audit trail holds only changes.
func TestAddEntriesSkipsUnchanged(t *testing.T) {
	s, u, p := entryFixture(t)
	subj := fmt.Sprintf("u:%d", u.ID)
	mustAdd(t, s, p.ID, fact(subj, "满意率", "95.5"))
	veto := model.Entry{EntryKey: model.EntryKey{Subject: subj, Kind: model.EntryVeto, Name: "V1"}, Value: ""}
	got := mustAdd(t, s, p.ID, fact(subj, "满意率", "95.5"), veto, fact(subj, "满意率", "96"), fact(subj, "满意率", "96"))
	if want := []string{"满意率/=96<-95.5"}; !reflect.DeepEqual(olds(got), want) {
		t.Errorf("stored %q, want %q", olds(got), want)
	}
	if got, err := s.AddEntries(ctx, p.ID, nil); err != nil || len(got) != 0 {
		t.Errorf("empty batch: %v, %v", got, err)
	}
	if log, _ := s.EntryLog(ctx, p.ID); len(log) != 2 {
		t.Errorf("log holds %q, want 2 entries", olds(log))
	}
}

// TestClearingEntries: an empty value clears a key; Entries then omits it,
// the log keeps both the value and its clearing, and a later value starts
// again from nothing.
func TestClearingEntries(t *testing.T) {
	s, u, p := entryFixture(t)
	subj := fmt.Sprintf("u:%d", u.ID)
	veto := func(v string) model.Entry {
		return model.Entry{EntryKey: model.EntryKey{Subject: subj, Kind: model.EntryVeto, Name: "V1"},
			Value: v, Reason: "发生重大安全事故", DocNo: "县委〔2026〕3号", User: "李四"}
	}
	star := model.Entry{EntryKey: model.EntryKey{Subject: subj, Kind: model.EntryOwnStar, Name: "产业兴旺星"}, Value: "4", User: "李四"}
	mustAdd(t, s, p.ID, veto("1"), star)
	got := mustAdd(t, s, p.ID, veto(""))
	if len(got) != 1 || got[0].Old != "1" || !got[0].Cleared() {
		t.Fatalf("clearing stored %+v", got)
	}
	cur, err := s.Entries(ctx, p.ID)
	if err != nil || len(cur) != 1 || cur[0].Name != "产业兴旺星" {
		t.Fatalf("Entries after clearing: %q, %v", olds(cur), err)
	}
	mustAdd(t, s, p.ID, veto("1"))
	log, _ := s.EntryLog(ctx, p.ID)
	if want := []string{"V1/=1<-", "产业兴旺星/=4<-", "V1/=<-1", "V1/=1<-"}; !reflect.DeepEqual(olds(log), want) {
		t.Errorf("log %q, want %q", olds(log), want)
	}
	if log[0].DocNo != "县委〔2026〕3号" || log[0].Reason != "发生重大安全事故" {
		t.Errorf("veto lost its document: %+v", log[0])
	}
	if cur, _ := s.Entries(ctx, p.ID); len(cur) != 2 || cur[1].Name != "V1" {
		t.Errorf("Entries after setting again: %q", olds(cur))
	}
}

// TestAddEntriesKeepsFormValueAsOld: while no entry holds a key, the Old
// the caller gives (the form value the entry corrects) is kept; once an
// entry holds it, the stored value wins over what the caller says.
func TestAddEntriesKeepsFormValueAsOld(t *testing.T) {
	s, u, p := entryFixture(t)
	subj := fmt.Sprintf("u:%d", u.ID)
	first := score(subj, "1", "score", "9")
	first.Old, first.Reason = "7", "复核后更正"
	second := score(subj, "1", "score", "10")
	second.Old = "7" // stale: the entry above now stands
	got := mustAdd(t, s, p.ID, first, second)
	if want := []string{"1/score=9<-7", "1/score=10<-9"}; !reflect.DeepEqual(olds(got), want) {
		t.Errorf("stored %q, want %q", olds(got), want)
	}
	clear := score(subj, "1", "score", "")
	clear.Old = "7"
	later := score(subj, "1", "score", "8")
	later.Old = "7" // the form's value stands again after the clearing
	got = mustAdd(t, s, p.ID, clear, later)
	if want := []string{"1/score=<-10", "1/score=8<-7"}; !reflect.DeepEqual(olds(got), want) {
		t.Errorf("stored %q, want %q", olds(got), want)
	}
}

// TestClosedPeriodRefusesEntries: a closed period takes no entry, and the
// refused batch leaves nothing behind; reopened, it takes them again.
func TestClosedPeriodRefusesEntries(t *testing.T) {
	s, u, p := entryFixture(t)
	subj := fmt.Sprintf("u:%d", u.ID)
	if err := s.SetPeriodStatus(ctx, p.ID, model.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	_, err := s.AddEntries(ctx, p.ID, []model.Entry{fact(subj, "缺席次数", "1")})
	wantCode(t, err, model.EConflict)
	wantMessage(t, err, "考评周期“2026年度”已关闭，不能再录入")
	if log, err := s.EntryLog(ctx, p.ID); err != nil || len(log) != 0 {
		t.Errorf("closed period stored %q, %v", olds(log), err)
	}
	if err := s.SetPeriodStatus(ctx, p.ID, model.PeriodOpen); err != nil {
		t.Fatal(err)
	}
	if got := mustAdd(t, s, p.ID, fact(subj, "缺席次数", "1")); len(got) != 1 {
		t.Errorf("reopened period stored %q", olds(got))
	}
}

// TestBadEntryStoresNothing: one bad entry in a batch stores none of it,
// whether it is refused before writing (listed one by one), the period is
// missing, or the database fails on the last insert.
func TestBadEntryStoresNothing(t *testing.T) {
	s, u, p := entryFixture(t)
	other := addPeriod(t, s, "2027年度", u.ID)
	subj := fmt.Sprintf("u:%d", u.ID)
	good := []model.Entry{fact(subj, "缺席次数", "1"), score(subj, "1", "score", "8")}
	withPeriod := fact(subj, "满意率", "90")
	withPeriod.PeriodID = other.ID
	badKind := fact(subj, "满意率", "90")
	badKind.Kind = "bonus"
	noSubject := fact("", "满意率", "90")
	noName := fact(subj, "", "90")
	noField := score(subj, "1", "", "8")
	fromSheet := noName
	fromSheet.File, fromSheet.Sheet, fromSheet.Cell = "录入表.xlsx", "考核事实", "C5"
	for _, c := range []struct {
		name  string
		bad   model.Entry
		parts []string
	}{
		{"another period", withPeriod, []string{"第 3 条录入", "另一个考评周期"}},
		{"unknown kind", badKind, []string{"第 3 条录入", "“bonus”不正确"}},
		{"no subject", noSubject, []string{"没有指明是哪个党组织或党员"}},
		{"no name", noName, []string{"没有名称"}},
		{"score without field", noField, []string{"没有指明填写的栏目"}},
		{"place in the workbook", fromSheet, []string{"“录入表.xlsx”工作表“考核事实”C5 单元格"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.AddEntries(ctx, p.ID, append(append([]model.Entry{}, good...), c.bad))
			wantCode(t, err, model.EInvalid)
			wantMessage(t, err, c.parts...)
		})
	}

	_, err := s.AddEntries(ctx, 999, good)
	wantCode(t, err, model.ENotFound)
	wantMessage(t, err, "没有编号为 999 的考评周期")

	// A failure inside the transaction, after the good entries went in.
	if _, err := s.db.Exec(`CREATE TRIGGER test_boom BEFORE INSERT ON entries WHEN NEW.name = 'boom'
		BEGIN SELECT RAISE(ABORT, 'boom'); END`); err != nil {
		t.Fatal(err)
	}
	_, err = s.AddEntries(ctx, p.ID, append(append([]model.Entry{}, good...), fact(subj, "boom", "1")))
	wantCode(t, err, model.EInternal)

	for _, id := range []int64{p.ID, other.ID} {
		if log, err := s.EntryLog(ctx, id); err != nil || len(log) != 0 {
			t.Errorf("period %d holds %q after refused batches, %v", id, olds(log), err)
		}
	}
	// The good entries alone go in, and the caller's slice is untouched.
	if got := mustAdd(t, s, p.ID, good...); len(got) != 2 || good[0].PeriodID != 0 || good[0].ID != 0 || good[0].At != (time.Time{}) {
		t.Errorf("good batch stored %q; caller's entries now %+v", olds(got), good[0])
	}
}

// TestResultVersions: numbers count 1, 2, 3 per period, each period on its
// own; the list leaves out Data; one version reads Data back byte for byte;
// a closed period still takes versions; a missing version or period is
// ENotFound.
func TestResultVersions(t *testing.T) {
	s, u, p := entryFixture(t)
	q := addPeriod(t, s, "2027年度", u.ID)
	var data []byte
	for b := 0; b < 256; b++ {
		data = append(data, byte(b))
	}
	data = append(data, `{"结果":"五星级","bad":"`+"\xff\xfe"+`"}`...)
	given := time.Date(2026, 12, 20, 10, 0, 0, 5, time.Local)
	save := func(period int64, note string, data []byte, saved time.Time) model.ResultVersion {
		t.Helper()
		v := model.ResultVersion{PeriodID: period, Note: note, User: "王五", Summary: "9个党组织：五星级2个", Data: data, Saved: saved}
		if err := s.SaveResultVersion(ctx, &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	v1 := save(p.ID, "初稿", data, time.Time{})
	w1 := save(q.ID, "另一周期", []byte("{}"), time.Time{})
	v2 := save(p.ID, "公示稿", nil, given)
	if err := s.SetPeriodStatus(ctx, p.ID, model.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	v3 := save(p.ID, "定稿", []byte(`[1]`), time.Time{})
	if v1.Number != 1 || v2.Number != 2 || v3.Number != 3 || w1.Number != 1 {
		t.Errorf("numbers %d %d %d and %d, want 1 2 3 and 1", v1.Number, v2.Number, v3.Number, w1.Number)
	}
	if v1.Saved.IsZero() || !v2.Saved.Equal(given) {
		t.Errorf("saved %v, %v", v1.Saved, v2.Saved)
	}

	list, err := s.ResultVersions(ctx, p.ID)
	if err != nil || len(list) != 3 {
		t.Fatalf("ResultVersions: %+v, %v", list, err)
	}
	for i, v := range list {
		if v.Number != i+1 || v.Data != nil || v.PeriodID != p.ID || v.User != "王五" || v.Summary == "" {
			t.Errorf("list[%d] = %+v", i, v)
		}
	}
	if list[0].Note != "初稿" || !list[1].Saved.Equal(given) {
		t.Errorf("list = %+v", list)
	}

	got, err := s.ResultVersion(ctx, p.ID, 1)
	if err != nil || !bytes.Equal(got.Data, data) || got.Note != "初稿" || !got.Saved.Equal(v1.Saved) {
		t.Fatalf("ResultVersion 1: %+v, %v; data equal %v", got, err, bytes.Equal(got.Data, data))
	}
	if got, err := s.ResultVersion(ctx, p.ID, 2); err != nil || len(got.Data) != 0 {
		t.Errorf("version saved without data: %q, %v", got.Data, err)
	}
	if got, err := s.ResultVersion(ctx, q.ID, 1); err != nil || string(got.Data) != "{}" {
		t.Errorf("other period's version: %q, %v", got.Data, err)
	}

	_, err = s.ResultVersion(ctx, q.ID, 2)
	wantCode(t, err, model.ENotFound)
	wantMessage(t, err, "没有第2版结果")
	err = s.SaveResultVersion(ctx, &model.ResultVersion{PeriodID: 999, Data: []byte("{}")})
	wantCode(t, err, model.ENotFound)
	if list, _ := s.ResultVersions(ctx, 999); len(list) != 0 {
		t.Errorf("a version was saved for a missing period: %+v", list)
	}
}

// TestEntriesAndVersionsAreNeverChanged: the database itself refuses to
// update or delete a stored entry or a saved version, whoever asks.
func TestEntriesAndVersionsAreNeverChanged(t *testing.T) {
	s, u, p := entryFixture(t)
	mustAdd(t, s, p.ID, fact(fmt.Sprintf("u:%d", u.ID), "缺席次数", "3"))
	if err := s.SaveResultVersion(ctx, &model.ResultVersion{PeriodID: p.ID, Data: []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ stmt, msg string }{
		{`UPDATE entries SET value = '0'`, "录入记录不能修改"},
		{`DELETE FROM entries`, "录入记录不能删除"},
		{`UPDATE result_versions SET data = x'00'`, "结果版本不能修改"},
		{`DELETE FROM result_versions`, "结果版本不能删除"},
	} {
		_, err := s.db.Exec(c.stmt)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v, want refusal %q", c.stmt, err, c.msg)
		}
	}
	if log, _ := s.EntryLog(ctx, p.ID); len(log) != 1 || log[0].Value != "3" {
		t.Errorf("entries changed: %q", olds(log))
	}
	if v, err := s.ResultVersion(ctx, p.ID, 1); err != nil || string(v.Data) != "{}" {
		t.Errorf("version changed: %q, %v", v.Data, err)
	}
}

// TestEntriesOverFormValues: the Old a caller gives is what the key holds
// outside the entries (a department's form). It is kept for the first entry
// of the key, an entry equal to it is no change, clearing where no entry
// stands is none either, and once an entry is cleared the form's value
// stands again.
func TestEntriesOverFormValues(t *testing.T) {
	s, u, p := entryFixture(t)
	subj := fmt.Sprintf("u:%d", u.ID)
	withBase := func(e model.Entry, base string) model.Entry { e.Old = base; return e }
	got := mustAdd(t, s, p.ID,
		withBase(score(subj, "policy", "score", "18.5"), "18.5"), // the form's own value: no change
		withBase(score(subj, "law", "score", ""), "19"),          // clearing where no entry stands: none
		withBase(score(subj, "skills", "score", "16"), "15"))     // a correction of the form's 15
	if want := []string{"skills/score=16<-15"}; !reflect.DeepEqual(olds(got), want) {
		t.Fatalf("stored %q, want %q", olds(got), want)
	}
	got = mustAdd(t, s, p.ID, withBase(score(subj, "skills", "score", "17"), "16"), withBase(score(subj, "skills", "score", ""), "17"))
	if want := []string{"skills/score=17<-16", "skills/score=<-17"}; !reflect.DeepEqual(olds(got), want) {
		t.Fatalf("stored %q, want %q", olds(got), want)
	}
	// Cleared: the form's 15 stands again, and the next entry replaces it.
	got = mustAdd(t, s, p.ID, withBase(score(subj, "skills", "score", "14"), "15"))
	if want := []string{"skills/score=14<-15"}; !reflect.DeepEqual(olds(got), want) {
		t.Errorf("stored %q, want %q", olds(got), want)
	}
}

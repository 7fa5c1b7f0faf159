package scoring

import (
	"strings"
	"testing"

	"xingji/model"
)

// Helpers shared by the tests.

func dec(s string) model.Decimal { return model.D4(s) }

func dp(s string) *model.Decimal { return model.D4(s).P() }

// score is a manual item input.
func score(item, v string) ItemInput { return ItemInput{Item: item, Score: dp(v)} }

// vals is an item input with named values.
func vals(item string, pairs ...string) ItemInput {
	return ItemInput{Item: item, Values: Vals(pairs...)}
}

// flags is an item input with ticked flags.
func flags(item string, fs ...string) ItemInput { return ItemInput{Item: item, Flags: fs} }

// levels is an item input with award levels.
func levels(item string, ls ...string) ItemInput { return ItemInput{Item: item, Levels: ls} }

// one is a single rater's item-level input for a source.
func one(src string, items ...ItemInput) SourceInput {
	return SourceInput{Source: src, Ratings: []Rating{{Items: items}}}
}

// totals is whole-form totals of several raters of a source.
func totals(src string, vs ...string) SourceInput {
	in := SourceInput{Source: src}
	for _, v := range vs {
		in.Totals = append(in.Totals, dec(v))
	}
	return in
}

func mustCompile(t testing.TB, s model.Scheme) *Engine {
	t.Helper()
	e, ps := Compile(s)
	if e == nil {
		t.Fatalf("方案无法编译：%v", ps)
	}
	return e
}

func find(t testing.TB, r *Result, id string) *SubjectResult {
	t.Helper()
	for i := range r.Subjects {
		if r.Subjects[i].ID == id {
			return &r.Subjects[i]
		}
	}
	t.Fatalf("no result for %s", id)
	return nil
}

func item(t testing.TB, r *SubjectResult, code string) *ItemResult {
	t.Helper()
	for i := range r.Items {
		if r.Items[i].Item == code {
			return &r.Items[i]
		}
	}
	t.Fatalf("%s: no item %s", r.ID, code)
	return nil
}

// texts flattens an explanation into one string, steps separated by " / ".
func texts(steps []Step) string {
	var b []string
	var walk func([]Step)
	walk = func(ss []Step) {
		for _, s := range ss {
			b = append(b, s.Text)
			walk(s.Steps)
		}
	}
	walk(steps)
	return strings.Join(b, " / ")
}

// mustContain fails unless every want is in the explanation.
func mustContain(t testing.TB, what string, steps []Step, wants ...string) {
	t.Helper()
	got := texts(steps)
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: explanation lacks %q\n  got: %s", what, w, got)
		}
	}
}

func eq(t testing.TB, what string, got model.Decimal, want string) {
	t.Helper()
	if !got.Equal(dec(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// oneItemScheme is a scheme with a single item under review, for rule tests.
func oneItemScheme(it model.Item) model.Scheme {
	return model.Scheme{Code: "t", Name: "测试", Version: "1", Subject: model.SubjectUnit, Total: it.Points,
		Sources:  []model.Source{{Code: model.SourceReview, Name: "考评", Weight: dec("100")}},
		Sections: []model.Section{{Code: "S", Title: "测试部分", Items: []model.Item{it}}}}
}

// issuesContain reports whether any issue contains s.
func issuesContain(issues []string, s string) bool {
	for _, is := range issues {
		if strings.Contains(is, s) {
			return true
		}
	}
	return false
}

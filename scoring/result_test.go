package scoring

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// TestResultJSON: a result, with its explanations, round-trips through JSON;
// step kinds are written by name.
func TestResultJSON(t *testing.T) {
	e := mustCompile(t, builtin.ServiceFiveStar())
	r := e.Score(Input{Period: "2024年度", Subjects: []Subject{
		fiveStar("a", "95", Vals("absences", "3")), fiveStar("b", "70", nil), fiveStar("c", "40", nil)}})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"kind":"cap"`, `"kind":"band"`, `"gradeWhy":[`, `"bandWhy":[`, `"quotas":[`, `"period":"2024年度"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, r) {
		t.Error("round trip changed the result")
	}
}

// TestInputJSON: inputs round-trip too; Values are a JSON object in order.
func TestInputJSON(t *testing.T) {
	in := Input{Subjects: []Subject{{ID: "a", Kind: model.KindRural, Facts: Vals("satisfaction", "85", "absences", "2"),
		Sources: []SourceInput{one(model.SourceReview, vals("3", "missingSystems", "2", "leaderVisits", "3"), score("2", "1"))}}}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"facts":{"satisfaction":85,"absences":2}`) {
		t.Errorf("%s", b)
	}
	var back Input
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, in) {
		t.Errorf("round trip changed the input:\n%+v\n%+v", back, in)
	}
	var bad Values
	if err := json.Unmarshal([]byte(`[1,2]`), &bad); err == nil {
		t.Error("array accepted as values")
	}
}

// TestEveryNumberExplained: every computed number of a result carries its
// derivation.
func TestEveryNumberExplained(t *testing.T) {
	for _, s := range BuiltinSchemes() {
		e := mustCompile(t, s)
		in := fuzzInput(&bytesReader{b: []byte(strings.Repeat("\x05\x09\x11\x02\x07", 60))}, e)
		r := e.Score(in)
		for _, sub := range r.Subjects {
			if len(sub.GradeWhy) == 0 {
				t.Errorf("%s/%s: grade unexplained", s.Code, sub.ID)
			}
			if sub.Band != "" && len(sub.BandWhy) == 0 {
				t.Errorf("%s/%s: band unexplained", s.Code, sub.ID)
			}
			if sub.Rank > 0 && len(sub.RankWhy) == 0 {
				t.Errorf("%s/%s: rank unexplained", s.Code, sub.ID)
			}
			for _, src := range sub.Sources {
				if len(src.Why) == 0 {
					t.Errorf("%s/%s: source %s unexplained", s.Code, sub.ID, src.Source)
				}
			}
			for _, it := range sub.Items {
				if len(it.Why) == 0 || texts(it.Why) == "" {
					t.Errorf("%s/%s: item %s unexplained", s.Code, sub.ID, it.Item)
				}
			}
			for _, st := range sub.Stars {
				if len(st.Why) == 0 {
					t.Errorf("%s/%s: star %s unexplained", s.Code, sub.ID, st.Star)
				}
			}
		}
		for _, q := range r.Quotas {
			if len(q.Why) == 0 {
				t.Errorf("%s: quota %s unexplained", s.Code, q.Quota)
			}
		}
	}
}

// TestDeterministic: the same inputs give the same results, whatever the
// number of workers.
func TestDeterministic(t *testing.T) {
	e := mustCompile(t, prefectureUnitScheme())
	in := prefectureUnits(e.Scheme(), 300, newRand())
	a, _ := json.Marshal(e.Score(in))
	b, _ := json.Marshal(e.Score(in))
	if string(a) != string(b) {
		t.Error("two runs differ")
	}
}

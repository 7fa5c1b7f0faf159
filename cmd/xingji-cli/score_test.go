package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"xingji/model"
)

// scoreOutput is what the test reads of score --json.
type scoreOutput struct {
	Summary string `json:"summary"`
	Units   struct {
		Subjects []struct {
			ID           string        `json:"id"`
			Name         string        `json:"name"`
			Grade        model.Decimal `json:"grade"`
			Rank         int           `json:"rank"`
			Disqualified bool          `json:"disqualified"`
		} `json:"subjects"`
	} `json:"units"`
	Members struct {
		Subjects []struct {
			ID    string        `json:"id"`
			Grade model.Decimal `json:"grade"`
		} `json:"subjects"`
	} `json:"members"`
}

// cents4 reads a decimal as ten-thousandths.
func cents4(t *testing.T, s string) int64 {
	t.Helper()
	d, err := model.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d.Units()
}

// roundTo rounds ten-thousandths half away from zero to a multiple of unit.
func roundTo(v, unit int64) int64 {
	if v < 0 {
		return -roundTo(-v, unit)
	}
	return (v + unit/2) / unit * unit
}

// TestScoreByHandFromValues recomputes, from nothing but what
// `values --period 1 --json` prints, the totals of three units and three
// members of the demo, by the rules as the seeds write them, and compares
// them with `score --json`:
//
//   - 002 篇十二: "自评占30%，考评占70%" item by item (each item's final
//     score rounded to two decimals, the total their sum); a unit without a
//     自评表 is scored on the review alone (the scheme's rule for a missing
//     source: its weight goes to the others).
//   - 004 第二篇: "党员自评占20%，党员互评占30%，领导点评占20%，职工参评占30%",
//     each multi-rater source the mean of its raters.
func TestScoreByHandFromValues(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "考评 结果")
	db := filepath.Join(dir, "示范.db")
	subs := filepath.Join(dir, "收到的 表格")
	if code, out, errs := cli(t, db, "demo", "--with-submissions", subs); code != 0 {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	cli(t, db, "import", subs) // one file is refused on purpose; the rest are taken
	code, out, errs := cli(t, db, "values", "--period", "1", "--json")
	var values []valueJSON
	if code != 0 || json.Unmarshal([]byte(out), &values) != nil {
		t.Fatalf("values: %d %q", code, errs)
	}
	code, out, errs = cli(t, db, "score", "--period", "1", "--json")
	var got scoreOutput
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil {
		t.Fatalf("score --json: %d %q %q", code, out, errs)
	}
	// Units: item → self, review.
	self := map[string]map[string]int64{}
	review := map[string]map[string]int64{}
	for _, v := range values {
		if v.Field != "score" || v.Item == "" {
			continue
		}
		m := self
		if v.Source == model.SourceReview {
			m = review
		} else if v.Source != model.SourceSelf {
			continue
		}
		if m[v.Subject] == nil {
			m[v.Subject] = map[string]int64{}
		}
		m[v.Subject][v.Item] = cents4(t, v.Value)
	}
	checkedSelf, checkedReviewOnly := 0, 0
	for _, u := range got.Units.Subjects {
		r := review[u.ID]
		if len(r) == 0 {
			continue
		}
		var total int64
		s, hasSelf := self[u.ID]
		for item, rv := range r {
			if hasSelf {
				total += roundTo((3*s[item]+7*rv)/10, 100)
			} else {
				total += rv
			}
		}
		if total != u.Grade.Units() {
			t.Errorf("%s: by hand %s, score says %s", u.Name, model.DecimalFromUnits(total), u.Grade)
		}
		if hasSelf {
			checkedSelf++
		} else {
			checkedReviewOnly++
		}
	}
	if checkedSelf < 3 || checkedReviewOnly < 1 {
		t.Errorf("checked %d units with 自评 and %d without; want at least 3 and 1", checkedSelf, checkedReviewOnly)
	}
	// Members: source → rater totals.
	code, out, errs = cli(t, db, "score", "--period", "1", "--members", "--json")
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got.Members.Subjects) < 100 {
		t.Fatalf("score --members --json: %d %q %q", code, out, errs)
	}
	weights := map[string]int64{model.SourceSelf: 20, model.SourcePeer: 30, model.SourceLeader: 20, model.SourcePublic: 30}
	totals := map[string]map[string][]int64{}
	for _, v := range values {
		if !strings.HasPrefix(v.Subject, "m:") || v.Field != "total" {
			continue
		}
		if totals[v.Subject] == nil {
			totals[v.Subject] = map[string][]int64{}
		}
		totals[v.Subject][v.Source] = append(totals[v.Subject][v.Source], cents4(t, v.Value))
	}
	checked := 0
	for _, m := range got.Members.Subjects {
		srcs := totals[m.ID]
		if len(srcs) != 4 {
			continue // the renormalised cases are checked in scoring/period
		}
		var grade int64
		for src, ts := range srcs {
			var sum int64
			for _, v := range ts {
				sum += v
			}
			mean := roundTo(roundTo(sum*100/int64(len(ts)), 100)/100, 100) // four decimals, then two
			grade += mean * weights[src]
		}
		if want := roundTo(grade/100, 100); want != m.Grade.Units() {
			t.Errorf("member %s: by hand %s, score says %s", m.ID, model.DecimalFromUnits(want), m.Grade)
		}
		if checked++; checked == 5 {
			break
		}
	}
	if checked < 3 {
		t.Errorf("checked %d members, want at least 3", checked)
	}
}

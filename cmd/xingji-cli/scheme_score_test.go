package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/builtin"
)

// TestSchemeScore scores two members under 党员授旗评星 (004 第二篇:
// "自评20%、互评30%、点评20%、参评30%") from an input file and checks the
// console prints the engine's numbers with their derivations.
func TestSchemeScore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	s := builtin.MemberFlagStar()
	subject := func(id, score string) scoring.Subject {
		var items []scoring.ItemInput
		s.Walk(func(_ []*model.Section, it *model.Item) {
			items = append(items, scoring.ItemInput{Item: it.Code, Score: model.D4(score).P()})
		})
		sub := scoring.Subject{ID: id, Name: id}
		for _, src := range []string{model.SourceSelf, model.SourcePeer, model.SourceLeader, model.SourcePublic} {
			sub.Sources = append(sub.Sources, scoring.SourceInput{Source: src, Ratings: []scoring.Rating{{Items: items}}})
		}
		return sub
	}
	in := scoring.Input{Period: "2026年度", Subjects: []scoring.Subject{subject("张三", "4.5"), subject("李四", "3.5")}}
	data, _ := json.Marshal(in)
	file := filepath.Join(dir, "录入 数据.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := scoring.Score(s, in)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := cli(t, db, "scheme", "score", s.Code, "--input", file, "--json")
	var got scoring.Result
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got.Subjects) != 2 {
		t.Fatalf("score --json: %d %q", code, errs)
	}
	for i := range want.Subjects {
		w, g := want.Subjects[i], got.Subjects[i]
		if !g.Total.Equal(w.Total) || g.BandName != w.BandName || g.Rank != w.Rank || len(g.Items) == 0 || len(g.Items[0].Why) == 0 {
			t.Errorf("%s: got %s %s rank %d, want %s %s rank %d (with explanations)", w.Name, g.Total, g.BandName, g.Rank, w.Total, w.BandName, w.Rank)
		}
	}
	code, out, _ = cli(t, db, "scheme", "score", s.Code, "--input", file)
	if code != 0 || !strings.Contains(out, "张三　总分 "+want.Subjects[0].Total.String()) || !strings.Contains(out, "×") {
		t.Errorf("text output should show totals and the weighted steps:\n%s", out)
	}
	if code, _, errs := cli(t, db, "scheme", "score", s.Code, "--input", filepath.Join(dir, "无.json")); code != 1 || !strings.Contains(errs, "无法读取") {
		t.Errorf("missing input: %d %q", code, errs)
	}
	if code, _, _ := cli(t, db, "scheme", "score"); code != 2 {
		t.Errorf("no arguments should be a usage error, got %d", code)
	}
}

package sqlite

import (
	"encoding/json"
	"reflect"
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

func TestSchemeSaveListLoad(t *testing.T) {
	s := openStore(t)
	if list, err := s.Schemes(ctx); err != nil || len(list) != 0 {
		t.Fatalf("empty store: %v %v", list, err)
	}
	_, err := s.Scheme(ctx, "wlmq-cxcy", "")
	wantCode(t, err, model.ENotFound)
	wantMessage(t, err, "wlmq-cxcy")

	for _, sc := range builtin.Schemes() {
		if err := s.SaveScheme(ctx, sc); err != nil {
			t.Fatalf("save %s: %v", sc.Code, err)
		}
		got, err := s.Scheme(ctx, sc.Code, sc.Version)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(sc)
		b, _ := json.Marshal(got)
		if string(a) != string(b) || !reflect.DeepEqual(sc, got) {
			t.Errorf("%s: loaded scheme differs from the saved one", sc.Code)
		}
	}
	list, err := s.Schemes(ctx)
	if err != nil || len(list) != len(builtin.Schemes()) {
		t.Fatalf("list: %d %v", len(list), err)
	}
	w := builtin.Wlmq()
	for _, info := range list {
		if info.Code == w.Code {
			n := 0
			w.Walk(func([]*model.Section, *model.Item) { n++ })
			if info.Items != n || !info.Total.Equal(model.Dec(100)) || info.Name != w.Name || info.Version != w.Version || info.SavedAt.IsZero() {
				t.Errorf("info = %+v, want %d items", info, n)
			}
		}
	}
}

func TestSchemeVersions(t *testing.T) {
	s := openStore(t)
	v1 := builtin.Wlmq()
	if err := s.SaveScheme(ctx, v1); err != nil {
		t.Fatal(err)
	}
	// The same content again is accepted and stores nothing new.
	if err := s.SaveScheme(ctx, builtin.Wlmq()); err != nil {
		t.Fatalf("resave identical: %v", err)
	}
	changed := builtin.Wlmq()
	changed.Name += "（修订）"
	err := s.SaveScheme(ctx, changed)
	wantCode(t, err, model.EConflict)
	wantMessage(t, err, "已经保存过", "请提高版本号", "2011-2")

	changed.Version = "2011-2"
	if err := s.SaveScheme(ctx, changed); err != nil {
		t.Fatal(err)
	}
	latest, err := s.Scheme(ctx, v1.Code, "")
	if err != nil || latest.Version != "2011-2" || latest.Name != changed.Name {
		t.Fatalf("latest = %q %q %v", latest.Version, latest.Name, err)
	}
	old, err := s.Scheme(ctx, v1.Code, "2011")
	if err != nil || old.Name != v1.Name {
		t.Fatalf("old = %q %v", old.Name, err)
	}
	_, err = s.Scheme(ctx, v1.Code, "1999")
	wantCode(t, err, model.ENotFound)
	wantMessage(t, err, "1999")
	if list, _ := s.Schemes(ctx); len(list) != 2 {
		t.Fatalf("list has %d entries, want 2", len(list))
	}
}

func TestSchemeFatalProblemsRefused(t *testing.T) {
	s := openStore(t)
	bad := builtin.Wlmq()
	bad.Sections[0].Sections[0].Items[0].Points = model.Dec(-2)
	bad.Sections[0].Sections[0].Items[0].Rule = model.Rule{Kind: "magic"}
	if len(bad.Problems().Fatal()) == 0 {
		t.Skip("the model does not treat these problems as fatal")
	}
	err := s.SaveScheme(ctx, bad)
	wantCode(t, err, model.EInvalid)
	wantMessage(t, err, "严重问题", "不能保存")
	if list, _ := s.Schemes(ctx); len(list) != 0 {
		t.Fatalf("a refused scheme was stored: %v", list)
	}
	noCode := builtin.Wlmq()
	noCode.Code = " "
	wantCode(t, s.SaveScheme(ctx, noCode), model.EInvalid)
}

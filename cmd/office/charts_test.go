package office

import (
	"context"
	"testing"

	"xingji/model"
)

// The trend of the demo period takes the committee's periods of the same
// unit scheme that started before it, oldest first, and none after it; a
// period of another scheme is not among them.
func TestTrendOverPeriods(t *testing.T) {
	o, demo := demoOffice(t)
	ctx := context.Background()
	if _, err := o.ImportForms(ctx, []string{o.DemoSubmissionsDir()}, nil); err != nil {
		t.Fatal(err)
	}
	add := func(name string, year int, scheme model.Scheme) {
		p := model.Period{Name: name, Start: model.D(year, 1, 1), End: model.D(year, 12, 31), Scheme: scheme,
			MemberScheme: demo.MemberScheme, Units: demo.Units}
		if err := o.CreatePeriod(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	add("2027年度村党支部星级评定", 2027, demo.Scheme) // after: left out
	add("2025年度村党支部星级评定", 2025, demo.Scheme) // before: first
	other := demo.Scheme
	other.Code += "-other"
	add("2024年度其他方案", 2024, other) // another scheme: left out

	tr, err := o.Trend(ctx, demo.ID, model.SubjectUnit)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Points) != 2 || tr.Points[0].Name != "2025年度村党支部星级评定" || tr.Points[1].Name != demo.Name {
		t.Fatalf("trend points: %+v", tr.Points)
	}
	if tr.Points[0].Scored != 0 || tr.Points[1].Scored == 0 || tr.Points[1].Mean <= 0 || len(tr.Bands) != len(demo.Scheme.Bands) {
		t.Errorf("2025 has nothing received, 2026 the demo's forms: %+v", tr)
	}
	mt, err := o.Trend(ctx, demo.ID, model.SubjectMember)
	if err != nil || len(mt.Points) != 2 || mt.Noun != "党员" {
		t.Errorf("members' trend: %+v, %v", mt, err)
	}
	if _, err := o.Trend(ctx, 9999, model.SubjectUnit); model.ErrorCodeOf(err) != model.ENotFound {
		t.Errorf("an unknown period: %v", err)
	}
}

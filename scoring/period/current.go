package period

import (
	"xingji/model"
	"xingji/model/formspec"
)

// Current returns what stands now for every key the office can enter: the
// review fields from the departments' forms, the 满意率 from the ballots,
// then the office's entries over them. An entries workbook is pre-filled
// with it, and an entry's Old comes from it.
func (d *Data) Current() map[model.EntryKey]string { return d.current(nil) }

// CurrentOf is Current for the given keys alone: checking a few entries
// does not need the map of every review field of a city.
func (d *Data) CurrentOf(keys []model.EntryKey) map[model.EntryKey]string {
	want := make(map[model.EntryKey]bool, len(keys))
	for _, k := range keys {
		want[k] = true
	}
	return d.current(want)
}

// current is Current for the keys in want (nil: every key).
func (d *Data) current(want map[model.EntryKey]bool) map[model.EntryKey]string {
	cur := map[model.EntryKey]string{}
	put := func(k model.EntryKey, v string) {
		if want == nil || want[k] {
			cur[k] = v
		}
	}
	for si := range d.Accepted {
		vs := d.Accepted[si].Values
		for i := range vs {
			switch v := &vs[i]; {
			case v.Source == model.SourceReview && v.Item != "" && v.Field != "note":
				put(model.EntryKey{Subject: v.Subject, Kind: model.EntryScore, Name: v.Item, Field: v.Field}, v.Value)
			case v.Source == formspec.SourceBallot && v.Field == formspec.SatisfactionFact:
				put(model.EntryKey{Subject: v.Subject, Kind: model.EntryFact, Name: formspec.SatisfactionFact}, v.Value)
			}
		}
	}
	for _, e := range d.Entries {
		if !e.Cleared() { // a cleared entry lets the form's value stand again
			put(e.EntryKey, e.Value)
		}
	}
	return cur
}

// SelfScores returns each unit's self-assessment per item field, keyed as
// a review score of the same field would be (Kind model.EntryScore), to
// show beside the review.
func (d *Data) SelfScores() map[model.EntryKey]string {
	self := map[model.EntryKey]string{}
	for si := range d.Accepted {
		for _, v := range d.Accepted[si].Values {
			if v.Source == model.SourceSelf && v.Item != "" && v.Field != "note" {
				self[model.EntryKey{Subject: v.Subject, Kind: model.EntryScore, Name: v.Item, Field: v.Field}] = v.Value
			}
		}
	}
	return self
}

// Standing returns the current entry behind each key (a veto's reason and
// document number, who entered a value and when).
func (d *Data) Standing() map[model.EntryKey]model.Entry {
	out := make(map[model.EntryKey]model.Entry, len(d.Entries))
	for _, e := range d.Entries {
		if !e.Cleared() {
			out[e.EntryKey] = e
		}
	}
	return out
}

// UnitsInScope returns the period's units in scope, in the period's order.
func (d *Data) UnitsInScope() []model.Unit {
	byID := make(map[int64]*model.Unit, len(d.Units))
	for i := range d.Units {
		byID[d.Units[i].ID] = &d.Units[i]
	}
	out := make([]model.Unit, 0, len(d.Period.Units))
	for _, id := range d.Period.Units {
		if u := byID[id]; u != nil {
			out = append(out, *u)
		}
	}
	return out
}

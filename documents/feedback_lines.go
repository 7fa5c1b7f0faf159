package documents

import (
	"strings"
	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/period"
)

// The sentences of a feedback report: what each item lost and why, the
// bonus, caps, vetoes and quota moves, each in the words of the scheme and
// of the engine's explanation.

// itemName is an item as people read it ("3 制度建设"), its title when the
// scheme no longer has it.
func itemName(res *period.Results, subject string, it scoring.ItemResult) string {
	if name := res.ItemName(subject, it.Item); name != it.Item || it.Title == "" {
		return name
	}
	return it.Title
}

// sourceItem is a source's score of the k-th item before weighting ("" when
// it gave none).
func sourceItem(sr *scoring.SubjectResult, source string, k int) string {
	for _, src := range sr.Sources {
		if src.Source != source {
			continue
		}
		if v, ok := src.Items.At(k); ok {
			return v.String()
		}
		if !src.Present {
			return "未评"
		}
	}
	return ""
}

// deductionLines say, for every item not at full marks (and every penalty
// item that took points), how many points it lost and why: the item's own
// explanation, then the notes the raters wrote on it.
func deductionLines(res *period.Results, sr *scoring.SubjectResult) []string {
	var out []string
	for _, it := range sr.Items {
		var lost model.Decimal
		switch {
		case it.Bonus:
			continue
		case it.Penalty:
			lost = it.Score.Neg()
		default:
			lost = it.Max.Sub(it.Score)
		}
		if lost.Sign() <= 0 {
			continue
		}
		why := stepTexts(it.Why)
		for _, o := range res.Trace(sr.ID, it.Item) {
			if o.Field == "note" && strings.TrimSpace(o.Value) != "" && !o.Replaced {
				why = append(why, res.What(o)+"："+strings.TrimSpace(o.Value))
			}
		}
		line := itemName(res, sr.ID, it) + "：扣" + model.PointsText(lost)
		if len(why) > 0 {
			line += "。" + strings.Join(why, "；")
		}
		out = append(out, line)
	}
	return out
}

// bonusLines are the bonus items that gave points, with their explanation.
func bonusLines(res *period.Results, sr *scoring.SubjectResult) []string {
	var out []string
	for _, it := range sr.Items {
		if it.Bonus && it.Score.Sign() > 0 {
			line := itemName(res, sr.ID, it) + "：加" + model.PointsText(it.Score)
			if why := stepTexts(it.Why); len(why) > 0 {
				line += "。" + strings.Join(why, "；")
			}
			out = append(out, line)
		}
	}
	return out
}

// capLines name each cap applied (by its title in the scheme) with what
// the band rule said of it.
func capLines(res *period.Results, sr *scoring.SubjectResult) []string {
	var out []string
	for _, code := range sr.Caps {
		title := res.CapTitle(sr.ID, code)
		why := refTexts(code, scoring.StepCap, sr.GradeWhy, sr.BandWhy)
		for k, w := range why {
			why[k] = strings.TrimPrefix(w, title+"：") // the step names the cap already
		}
		line := title
		if len(why) > 0 {
			line += "：" + strings.Join(why, "；")
		}
		out = append(out, line)
	}
	return out
}

// vetoLines name each veto with the reason and document number (文号) the
// office entered.
func vetoLines(res *period.Results, sr *scoring.SubjectResult) []string {
	var out []string
	for _, code := range sr.Vetoes {
		line := "一票否决：" + res.VetoTitle(sr.ID, code)
		for _, e := range res.Data.Entries {
			if e.Subject != sr.ID || e.Kind != model.EntryVeto || e.Name != code || e.Cleared() {
				continue
			}
			if r := strings.TrimSpace(e.Reason); r != "" {
				line += "。原因：" + r
			}
			if n := strings.TrimSpace(e.DocNo); n != "" {
				line += "。文号：" + n
			}
		}
		if sr.Disqualified {
			line += "。取消本期评定资格，不参加排名"
		}
		out = append(out, line)
	}
	return out
}

// quotaLines are the steps by which a quota (比例控制) moved the unit.
func quotaLines(sr *scoring.SubjectResult) []string {
	var out []string
	var walk func([]scoring.Step)
	walk = func(steps []scoring.Step) {
		for _, st := range steps {
			if st.Kind == scoring.StepQuota && st.Text != "" {
				out = append(out, st.Text)
			}
			walk(st.Steps)
		}
	}
	walk(sr.BandWhy)
	walk(sr.RankWhy)
	return dedupe(out)
}

// stepTexts flattens an explanation into its sentences, depth first.
func stepTexts(steps []scoring.Step) []string {
	var out []string
	var walk func([]scoring.Step)
	walk = func(steps []scoring.Step) {
		for _, st := range steps {
			if t := strings.TrimSpace(st.Text); t != "" {
				out = append(out, t)
			}
			walk(st.Steps)
		}
	}
	walk(steps)
	return dedupe(out)
}

// refTexts are the sentences of the steps of kind about ref.
func refTexts(ref string, kind scoring.StepKind, whys ...[]scoring.Step) []string {
	var out []string
	var walk func([]scoring.Step)
	walk = func(steps []scoring.Step) {
		for _, st := range steps {
			if st.Kind == kind && st.Ref == ref && st.Text != "" {
				out = append(out, st.Text)
			}
			walk(st.Steps)
		}
	}
	for _, w := range whys {
		walk(w)
	}
	return dedupe(out)
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

package model

import "strings"

// bands checks the band list: codes, conditions, score lines, and that the
// unconditional bands cover 0..the highest possible grade total exactly
// once (a band with conditions may overlap those below it: a subject who
// fails its conditions falls to the next band).
func (v *validator) bands() {
	s := v.s
	seen := map[string]int{}
	for i, b := range s.Bands {
		if b.Code == "" {
			v.fatal(PDuplicate, "", "等次“%s”缺少编码", b.Name)
		} else if _, dup := seen[b.Code]; dup {
			v.fatal(PDuplicate, b.Code, "等次编码“%s”重复", b.Code)
		}
		seen[b.Code] = i
	}
	byStars := s.Stars != nil && s.Stars.BandByCount
	missing := false
	for i, b := range s.Bands {
		v.conditions(b.Code, "等次“"+b.Name+"”", b.Requires)
		if b.Within != "" {
			j, ok := seen[b.Within]
			if !ok || j <= i {
				v.fatal(PRef, b.Code, "等次“%s”须在“%s”中产生，但后者不是排在其后的等次", b.Name, b.Within)
			}
		}
		if byStars {
			if b.MinStars == nil {
				v.add(PBandBound, b.Code, "等次“%s”没有规定所需星数", b.Name)
				missing = true
			}
			continue
		}
		if b.Range.Empty() {
			v.add(PRuleValue, b.Code, "等次“%s”的分数范围为空", b.Name)
		}
		if i < len(s.Bands)-1 && b.Range.From == nil {
			v.add(PBandBound, b.Code, "等次“%s”没有规定分数线（须由考核办明确）", b.Name)
			missing = true
		}
	}
	if len(s.Bands) == 0 || missing {
		return
	}
	if byStars {
		prev := -1
		for i, b := range s.Bands {
			if i > 0 && *b.MinStars >= prev {
				v.add(PBandOverlap, b.Code, "等次“%s”所需星数%d不少于上一等次", b.Name, *b.MinStars)
			}
			prev = *b.MinStars
		}
		if last := s.Bands[len(s.Bands)-1]; *last.MinStars != 0 {
			v.add(PBandGap, last.Code, "最低等次“%s”需要%d颗星，得星更少者没有等次", last.Name, *last.MinStars)
		}
		return
	}
	top := s.Total
	if s.BonusInGrade {
		s.Walk(func(_ []*Section, it *Item) {
			if it.Bonus {
				top = top.Add(it.Points)
			}
		})
	}
	domain := Range{From: Decimal{}.P(), To: top.P(), ToIncl: true}
	var all, plain []Range
	var plainIdx []int
	for i, b := range s.Bands {
		all = append(all, b.Range)
		if len(b.Requires) == 0 && b.Within == "" {
			plain = append(plain, b.Range)
			plainIdx = append(plainIdx, i)
		}
	}
	for _, g := range CheckCoverage(domain, all).Gaps {
		v.add(PBandGap, "", "总分%s时不属于任何等次（须由考核办明确）", g.Describe("分"))
	}
	for _, o := range CheckCoverage(domain, plain).Overlaps {
		var names []string
		for _, i := range o.Ranges {
			names = append(names, "“"+s.Bands[plainIdx[i]].Name+"”")
		}
		v.add(PBandOverlap, "", "总分%s时同时属于%s（须由考核办明确）", o.Range.Describe("分"), strings.Join(names, "和"))
	}
}

func (v *validator) band(ref, what, code string) {
	if code != "" && v.s.BandIndex(code) < 0 {
		v.fatal(PRef, ref, "%s引用了未定义的等次“%s”", what, code)
	}
}

func (v *validator) caps() {
	seen := map[string]bool{}
	for _, c := range v.s.Caps {
		what := "限制条件“" + c.Title + "”"
		if c.Code == "" || seen[c.Code] {
			v.fatal(PDuplicate, c.Code, "%s的编码为空或重复", what)
		}
		seen[c.Code] = true
		if len(c.When) == 0 {
			v.add(PRuleValue, c.Code, "%s没有规定触发条件", what)
		}
		v.conditions(c.Code, what, c.When)
		v.band(c.Code, what, c.MaxBand)
		if c.Deduct.Sign() < 0 || c.Lower < 0 {
			v.add(PNegativeMax, c.Code, "%s的扣分或降档数为负数", what)
		}
		if c.Deduct.IsZero() && c.Lower == 0 && c.MaxBand == "" {
			v.add(PRuleValue, c.Code, "%s没有规定后果（扣分、降档或最高等次）", what)
		}
	}
}

// quotaShare returns a quota's share in percent, or −1 for a count quota.
func quotaShare(q Quota) Decimal {
	if q.Share != nil {
		return *q.Share
	}
	return Dec(-1)
}

// QuotaSpanBands returns the indexes of the bands a quota counts, given the
// index of its band among n bands.
func QuotaSpanBands(span QuotaSpan, band, n int) (first, last int) {
	switch span {
	case SpanAndAbove:
		return 0, band
	case SpanAndBelow:
		return band, n - 1
	}
	return band, band
}

func (v *validator) quotas() {
	s := v.s
	seen := map[string]bool{}
	valid := true
	for _, q := range s.Quotas {
		what := "比例控制“" + q.Code + "”"
		bad := func(format string, args ...any) {
			v.fatal(PQuota, q.Code, what+format, args...)
			valid = false
		}
		if q.Code == "" || seen[q.Code] {
			bad("的编码为空或重复")
		}
		seen[q.Code] = true
		if s.BandIndex(q.Band) < 0 {
			bad("引用了未定义的等次“%s”", q.Band)
		}
		if q.Mode != QuotaAtMost && q.Mode != QuotaAtLeast {
			bad("的方式“%s”不正确，应为至多或至少", q.Mode)
		}
		switch q.Span {
		case "", SpanOnly, SpanAndAbove, SpanAndBelow:
		default:
			bad("的范围“%s”不正确", q.Span)
		}
		switch q.Round {
		case "", QuotaFloor, QuotaCeil, QuotaHalfUp:
		default:
			bad("的取整方式“%s”不正确", q.Round)
		}
		switch {
		case (q.Share == nil) == (q.Count == nil):
			bad("须规定比例或人数之一")
		case q.Share != nil && (q.Share.Sign() < 0 || Dec(100).Less(*q.Share)):
			bad("的比例%s%%不在0–100%%之间", *q.Share)
		case q.Count != nil && *q.Count < 0:
			bad("的人数为负数")
		}
		if q.Mode == QuotaAtMost && q.Span == SpanAndBelow {
			bad("：“至多”只能用于本等次或“及以上”")
		}
	}
	if valid {
		v.quotaConflicts()
	}
}

// quotaConflicts finds quotas that cannot all be met whatever the scores: an
// "at least" share larger than an "at most" share over the same or wider
// bands, and "at least" shares over disjoint bands adding up to more than
// 100%. Quotas of different scope (committee vs parent) and count quotas
// are checked when scoring, where the numbers are known.
func (v *validator) quotaConflicts() {
	s := v.s
	n := len(s.Bands)
	type span struct{ first, last int }
	spanOf := func(q Quota) span {
		f, l := QuotaSpanBands(q.Span, s.BandIndex(q.Band), n)
		return span{f, l}
	}
	for _, lo := range s.Quotas {
		if lo.Mode != QuotaAtLeast {
			continue
		}
		for _, hi := range s.Quotas {
			if hi.Mode != QuotaAtMost || hi.PerParent != lo.PerParent {
				continue
			}
			a, b := spanOf(lo), spanOf(hi)
			if b.first > a.first || b.last < a.last {
				continue
			}
			if (lo.Share != nil && hi.Share != nil && hi.Share.Less(*lo.Share)) ||
				(lo.Count != nil && hi.Count != nil && *hi.Count < *lo.Count) {
				v.add(PQuotaImpossible, lo.Code, "比例控制“%s”要求至少%s，但“%s”规定至多%s，无法同时满足",
					lo.Code, quotaAmount(lo), hi.Code, quotaAmount(hi))
			}
		}
	}
	var least []Quota
	for _, q := range s.Quotas {
		if q.Mode == QuotaAtLeast && q.Share != nil && !q.PerParent {
			least = append(least, q)
		}
	}
	if len(least) > 12 {
		return
	}
	worst, worstSet := Decimal{}, 0
	for set := 1; set < 1<<len(least); set++ {
		var sum Decimal
		var used []span
		ok := true
		for i, q := range least {
			if set&(1<<i) == 0 {
				continue
			}
			sp := spanOf(q)
			for _, u := range used {
				if sp.first <= u.last && u.first <= sp.last {
					ok = false
				}
			}
			used = append(used, sp)
			sum = sum.Add(quotaShare(q))
		}
		if ok && worst.Less(sum) {
			worst, worstSet = sum, set
		}
	}
	if Dec(100).Less(worst) {
		var codes []string
		for i, q := range least {
			if worstSet&(1<<i) != 0 {
				codes = append(codes, "“"+q.Code+"”")
			}
		}
		v.add(PQuotaImpossible, "", "比例控制%s要求的最低比例合计%s%%，超过100%%，无法同时满足", strings.Join(codes, "、"), worst)
	}
}

func quotaAmount(q Quota) string {
	if q.Share != nil {
		return q.Share.String() + "%"
	}
	if q.Count != nil {
		return Dec(int64(*q.Count)).String() + "个"
	}
	return "?"
}

func (v *validator) vetoes() {
	seen := map[string]bool{}
	for _, vt := range v.s.Vetoes {
		what := "否决条件“" + vt.Title + "”"
		if vt.Code == "" || seen[vt.Code] {
			v.fatal(PDuplicate, vt.Code, "%s的编码为空或重复", what)
		}
		seen[vt.Code] = true
		if vt.Effect != VetoDisqualify && vt.Effect != VetoNoAward {
			v.fatal(PRuleShape, vt.Code, "%s的后果“%s”不正确", what, vt.Effect)
		}
		v.band(vt.Code, what, vt.MaxBand)
	}
}

func (v *validator) stars() {
	sm := v.s.Stars
	if sm == nil {
		return
	}
	seen := map[string]bool{}
	for _, st := range sm.Stars {
		what := "星“" + st.Name + "”"
		if st.Code == "" || seen[st.Code] {
			v.fatal(PDuplicate, st.Code, "%s的编码为空或重复", what)
		}
		seen[st.Code] = true
		v.conditions(st.Code, what, st.Requires)
		v.kinds(st.Code, what, st.AppliesTo)
		switch {
		case st.Ref != "" && v.codes[st.Ref] == "":
			v.fatal(PRef, st.Code, "%s引用了未定义的项目或部分“%s”", what, st.Ref)
		case st.Ref != "" && st.Earn == nil:
			v.add(PStar, st.Code, "%s没有规定达到多少分可得（须由考核办明确）", what)
		case st.Ref == "" && len(st.Requires) == 0:
			v.add(PStar, st.Code, "%s既没有对应项目也没有条件", what)
		}
	}
	if sm.OwnSlots < 0 {
		v.add(PNegativeMax, "", "个性星数量为负数")
	}
	if sm.OwnSlots > 0 && sm.OwnEarn == nil {
		v.add(PStar, "", "没有规定个性星达到多少分可得")
	}
	if sm.BandByCount && len(v.s.Bands) == 0 {
		v.add(PBandBound, "", "按得星数定等次，但没有规定等次")
	}
}

func (v *validator) redFlag() {
	rf := v.s.RedFlag
	if rf == nil {
		return
	}
	if rf.Count < 1 {
		v.add(PRuleValue, "", "“%s”的名额应至少为1", rf.Name)
	}
	v.band("", "“"+rf.Name+"”", rf.MinBand)
	v.conditions("", "“"+rf.Name+"”", rf.Requires)
}

func (v *validator) tieBreak() {
	for _, key := range v.s.TieBreak {
		kind, code, _ := strings.Cut(key, ":")
		ok := false
		switch kind {
		case "source":
			ok = v.s.SourceByCode(code) != nil
		case "item", "section":
			ok = v.codes[code] != ""
		case "fact":
			ok = v.facts[code]
		}
		if !ok {
			v.fatal(PRef, "", "并列排序依据“%s”无法识别（应为 source:、item:、section: 或 fact: 加编码）", key)
		}
	}
}

func (v *validator) notes() {
	known := map[string]bool{"": true}
	for c := range v.codes {
		known[c] = true
	}
	for _, b := range v.s.Bands {
		known[b.Code] = true
	}
	for _, c := range v.s.Caps {
		known[c.Code] = true
	}
	for _, q := range v.s.Quotas {
		known[q.Code] = true
	}
	for _, vt := range v.s.Vetoes {
		known[vt.Code] = true
	}
	for _, src := range v.s.Sources {
		known[src.Code] = true
	}
	for _, f := range v.s.Facts {
		known[f.Name] = true
	}
	if v.s.Stars != nil {
		for _, st := range v.s.Stars.Stars {
			known[st.Code] = true
		}
	}
	for _, n := range v.s.Notes {
		if !known[n.Ref] {
			v.add(PRef, n.Ref, "说明引用了不存在的“%s”", n.Ref)
		}
	}
}

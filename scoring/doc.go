// Package scoring computes assessment results from a model.Scheme and the
// scores, counts, rates and facts entered for one period. It is pure: no I/O,
// no clock, no GUI, no SQL — inputs in, results out — so the same inputs give
// the same results, digit for digit, on every platform.
//
// # Order of computation
//
// For each subject (a unit or a member):
//
//  1. Each rater's inputs for an item go through the item's rule (manual
//     score, deductions, all-or-nothing, threshold table, levels, events,
//     proportional, formula, parts) and are limited to the item's range.
//  2. Several raters of one source are aggregated per item (mean, trimmed
//     mean, median); too few raters are flagged.
//  3. The sources are weighted per item (自评:考评 = 3:7 gives "每项最后得分").
//     A source with no score for the item is left out and the other weights
//     are renormalised to 100% (or counted as 0, per the scheme). When a
//     source gives whole-form totals instead of item scores, the regular part
//     is weighted at the level of source subtotals instead.
//  4. Regular items add up to the main score; bonus and penalty items are
//     added to the total; the grade total leaves bonus out unless the scheme
//     counts it ("加分部分不计入等级考核分").
//  5. Caps that deduct points apply to the grade total; stars are earned;
//     vetoes are applied; the band is the first whose range holds the grade
//     total (or whose star count is reached) and whose conditions hold —
//     failing a condition moves the subject to the next band down; then caps
//     lower the band or limit it.
//
// Then, over all subjects: quotas (比例控制), rank and red flag.
//
// # Rounding
//
// All arithmetic is exact fixed-point (model.Decimal, four decimals). A
// product, quotient or mean that needs more than four decimals is rounded
// half away from zero (四舍五入) to four. Item final scores, source subtotals,
// section subtotals and the totals are then rounded half away from zero to
// two decimals — the numbers people see — and the totals are sums of the
// rounded item scores, so the items shown always add up to the total shown.
//
// # Quotas and ties
//
// Bands are filled from the top score down. Subjects are ordered by grade
// total, then by the scheme's TieBreak keys; subjects equal on all keys form
// a tie group, and a tie group is never split by a quota: at an "at most"
// limit the whole group moves down (so the limit is never exceeded), at an
// "at least" target the whole group moves in (so the target is never
// missed), and for the red flag a tied group at the last place gets no flag
// and the result says the committee must decide. Shares become counts by
// rounding down for "at most" and up for "at least" unless the quota says
// otherwise. "At most" quotas are applied best band first; subjects over
// the limit move one band down and compete there. "At least one per parent"
// quotas reserve the best subject of each parent before the limit is filled,
// and win over the limit when both cannot hold (the result says so). Other
// "at least" quotas promote the best-scoring subjects from just below, or —
// for "… and below" — move the lowest-scoring subjects down, never beyond
// the best band a subject's caps, vetoes and band conditions allow.
//
// # Explanations
//
// Every number in a Result carries Why: a list of Steps in Chinese, each
// with its own sub-steps, saying which inputs, rule, weights, caps, quota or
// veto produced it. Results and explanations serialise to JSON.
//
// # Analyses
//
// Three readings of a period that the scores alone do not show, each with
// its Why: Engine.NextBands (下一星级还差几分: the smallest rise of the grade
// total that earns a better band, found with the band rule itself, or the
// veto, cap, condition or quota that no rise undoes), Inflation (自评虚高:
// each source's own item scores, kept in SourceResult.Items, compared) and
// Engine.RaterOutliers (raters who score far above or below the others,
// per branch).
package scoring

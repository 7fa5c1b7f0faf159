package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// PeriodStatus says whether a period still takes submissions.
type PeriodStatus string

// Period statuses.
const (
	PeriodOpen   PeriodStatus = "open"   // 进行中: forms go out, submissions come in
	PeriodClosed PeriodStatus = "closed" // 已关闭: nothing more is accepted
)

// Label returns the status in Chinese.
func (s PeriodStatus) Label() string {
	if s == PeriodClosed {
		return "已关闭"
	}
	return "进行中"
}

// Period is one round of assessment (考评周期): a name, its dates, the units
// in scope and the scheme frozen into it when it was created, so that later
// edits to the scheme never change a period already under way. MemberScheme,
// when set, is the scheme the branches' members are appraised by in the same
// round (党员评议: 自评/互评/群众参评).
type Period struct {
	ID           int64
	Name         string // e.g. "2026年度村党支部星级评定"
	Start, End   Date
	Scheme       Scheme  // the unit scheme, frozen
	MemberScheme *Scheme // the member scheme, frozen; nil when members are not appraised
	Units        []int64 // units in scope, in tree order
	Status       PeriodStatus
	Created      time.Time
}

// Validate checks the period on its own.
func (p Period) Validate() error {
	name := strings.TrimSpace(p.Name)
	switch {
	case name == "":
		return FieldErrorf("Name", "考评周期名称不能为空")
	case utf8.RuneCountInString(name) > 60:
		return FieldErrorf("Name", "考评周期名称过长（最多60字）：%s", name)
	case p.Scheme.Code == "":
		return FieldErrorf("Scheme", "考评周期必须选定考核方案")
	case p.Scheme.Subject != SubjectUnit:
		return FieldErrorf("Scheme", "考评周期的考核方案应为考核党组织的方案，“%s”考核的是党员", p.Scheme.Name)
	case p.MemberScheme != nil && p.MemberScheme.Subject != SubjectMember:
		return FieldErrorf("MemberScheme", "党员评议方案应为考核党员的方案，“%s”考核的是党组织", p.MemberScheme.Name)
	case !p.Start.IsZero() && !p.End.IsZero() && p.End.Compare(p.Start) < 0:
		return FieldErrorf("End", "结束日期 %s 早于开始日期 %s", p.End, p.Start)
	case len(p.Units) == 0:
		return FieldErrorf("Units", "考评周期没有参评的党组织，请至少选择一个")
	}
	return nil
}

// InScope reports whether the unit takes part in the period.
func (p Period) InScope(unitID int64) bool {
	for _, id := range p.Units {
		if id == unitID {
			return true
		}
	}
	return false
}

// Departments returns the departments that enter items of the period's unit
// scheme, in order of first appearance; "" stands for the committee itself
// (items no department owns) and comes first when present. Each gets one
// review form (考评表).
func (p Period) Departments() []string {
	var out []string
	seen := map[string]bool{}
	p.Scheme.Walk(func(path []*Section, it *Item) {
		if !EntersBy(p.Scheme, it, SourceReview) {
			return
		}
		d := EffectiveDepartment(path, it)
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	})
	for i, d := range out {
		if d == "" && i > 0 {
			copy(out[1:i+1], out[:i])
			out[0] = ""
		}
	}
	return out
}

// EntersBy reports whether source enters the item: the item names it, or
// names no source and the scheme has it.
func EntersBy(s Scheme, it *Item, source string) bool {
	if len(it.EnteredBy) > 0 {
		for _, c := range it.EnteredBy {
			if c == source {
				return true
			}
		}
		return false
	}
	return s.SourceByCode(source) != nil
}

// FormKind names a kind of form a period sends out.
type FormKind string

// Form kinds. A unit form is one workbook per unit holding the unit's sheets
// (自评表, 党员评议表, 满意度测评, 承诺台账); a review form is one workbook per
// department holding its scores for every unit in scope. An entries
// workbook (录入表) is not sent out: the office fills it itself (review
// scores by department, facts, vetoes, own stars) and reads it back as
// entries (see Entry), never as a submission.
const (
	FormUnit    FormKind = "unit"    // 单位填报表
	FormReview  FormKind = "review"  // 部门考评表
	FormEntries FormKind = "entries" // 录入表
)

// Label returns the form kind in Chinese.
func (k FormKind) Label() string {
	switch k {
	case FormReview:
		return "部门考评表"
	case FormEntries:
		return "录入表"
	}
	return "单位填报表"
}

// SubmissionStatus is the state of one received file.
type SubmissionStatus string

// Submission statuses.
const (
	SubmissionAccepted   SubmissionStatus = "accepted"   // 已采用: the current version
	SubmissionSuperseded SubmissionStatus = "superseded" // 已替换: a later version came
	SubmissionRejected   SubmissionStatus = "rejected"   // 被退回: nothing of it was taken
)

// Label returns the status in Chinese.
func (s SubmissionStatus) Label() string {
	switch s {
	case SubmissionAccepted:
		return "已采用"
	case SubmissionSuperseded:
		return "已替换"
	case SubmissionRejected:
		return "被退回"
	}
	return string(s)
}

// EntryValue is one value taken from a submitted file, with the place it
// came from so that any number can be traced to its file, sheet and cell.
// Subject is the unit or member it is about ("u:12", "m:345"); Source the
// scheme source (自评 "self", 考评 "review", …) or "ballot"/"ledger" for the
// satisfaction tally and the commitment ledger; Field is "score", "note",
// an input name of the item's rule, or a ledger column. Package formspec
// builds and reads these strings; their text is stored and must not change.
type EntryValue struct {
	Subject string `json:"subject"`
	Source  string `json:"source"`
	Rater   string `json:"rater,omitempty"`
	Item    string `json:"item,omitempty"`
	Field   string `json:"field"`
	Value   string `json:"value"`
	Sheet   string `json:"sheet"`
	Cell    string `json:"cell"`
}

// Submission is one received file for a period: accepted (with the values
// taken from it), superseded by a later version, or rejected with the
// reasons. The original bytes are kept by their SHA-256.
type Submission struct {
	ID       int64
	PeriodID int64 // 0 when the file could not be tied to a period
	Form     FormKind
	UnitID   int64  // the unit of a unit form; 0 for a review form or unknown
	Dept     string // the department of a review form
	Version  int    // 1, 2, … per (period, form, owner) among accepted files
	FileName string
	SHA256   string
	Size     int64
	Received time.Time
	Status   SubmissionStatus
	Problems []string     // for a rejected file: each problem with its place
	Values   []EntryValue // for an accepted file
	// Ratings, when not nil, are the appraisal totals of an accepted file
	// read for a whole period, held apart from Values (see Ratings):
	// Submission.All yields both in the file's order.
	Ratings *Ratings
}

// Outcome is what became of one received file in an import.
type Outcome string

// Outcomes.
const (
	OutcomeAccepted  Outcome = "accepted"  // 已采用
	OutcomeRejected  Outcome = "rejected"  // 被退回
	OutcomeDuplicate Outcome = "duplicate" // 重复文件，已忽略
)

// Label returns the outcome in Chinese.
func (o Outcome) Label() string {
	switch o {
	case OutcomeAccepted:
		return "已采用"
	case OutcomeRejected:
		return "被退回"
	case OutcomeDuplicate:
		return "重复，已忽略"
	}
	return string(o)
}

// FileResult is what happened to one file.
type FileResult struct {
	Name     string  `json:"file"` // the path as the user gave it, or archive.zip/entry
	Outcome  Outcome `json:"outcome"`
	PeriodID int64   `json:"periodId,omitempty"`
	Unit     string  `json:"unit,omitempty"` // the unit's name for a unit form
	Dept     string  `json:"dept,omitempty"` // the department of a review form
	Version  int     `json:"version,omitempty"`
	Values   int     `json:"values,omitempty"`
	// Problems says why a file was rejected, each with its file, sheet and
	// cell, or what an ignored file duplicates.
	Problems  []string `json:"problems,omitempty"`
	ByHeaders bool     `json:"byHeaders,omitempty"`
}

// Final reports whether the period's results are final (定稿): documents
// printed from them are no longer marked 草稿. Until the assessment cycle
// records 定稿 itself, a period is final once it is closed.
func (p Period) Final() bool { return p.Status == PeriodClosed }

package period

import (
	"strconv"
	"strings"
	"time"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
)

// Origin is one input of a subject with where it came from: a cell of a
// received file (File, Version, Sheet, Cell) or an entry the office made
// (Entry). Replaced is set on a form's value that an entry replaced.
type Origin struct {
	Subject  string       `json:"subject"` // "u:12", "m:34"
	Source   string       `json:"source"`  // the scheme source, "ballot", or the entry's kind
	Item     string       `json:"item,omitempty"`
	Field    string       `json:"field"`
	Rater    string       `json:"rater,omitempty"`
	Value    string       `json:"value"`
	File     string       `json:"file,omitempty"`
	Version  int          `json:"version,omitempty"`
	Received time.Time    `json:"received,omitempty"`
	Sheet    string       `json:"sheet,omitempty"`
	Cell     string       `json:"cell,omitempty"`
	Entry    *model.Entry `json:"entry,omitempty"`
	Replaced bool         `json:"replaced,omitempty"`
}

// Where says where the input came from, in Chinese: "《…》第2版，工作表“自评表”G7"
// or "张三于2026-12-02 15:04录入，原为 19，原因：…".
func (o Origin) Where() string {
	if e := o.Entry; e != nil {
		s := nameOr(e.User, "（未知用户）") + "于" + e.At.Local().Format("2006-01-02 15:04") + "录入"
		if e.File != "" {
			s += "（录入表《" + e.File + "》，工作表“" + e.Sheet + "”" + e.Cell + "）"
		}
		if e.Old != "" {
			s += "，原为 " + e.Old
		}
		if e.Reason != "" {
			s += "，原因：" + e.Reason
		}
		if e.DocNo != "" {
			s += "，文号：" + e.DocNo
		}
		return s
	}
	s := "《" + o.File + "》"
	if o.Version > 1 {
		s += "第" + itoa(o.Version) + "版"
	}
	return s + "，工作表“" + o.Sheet + "”" + o.Cell
}

func nameOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// Trace returns every input of subject (a key such as "u:12") with where it
// came from: the values of the accepted files about it — marking those an
// entry replaced — then the office's entries about it. item, when not
// empty, keeps only that item's inputs. Notes (意见) are included.
func Trace(d *Data, subject, item string) []Origin {
	replaced := map[model.EntryKey]bool{}
	for i := range d.Entries {
		if e := &d.Entries[i]; e.Subject == subject && e.Kind == model.EntryScore {
			replaced[e.EntryKey] = true
		}
	}
	var out []Origin
	of := func(s string) bool { return s == subject }
	for si := range d.Accepted {
		sub := &d.Accepted[si]
		for v := range sub.All(of) {
			if item != "" && v.Item != item {
				continue
			}
			o := Origin{Subject: subject, Source: v.Source, Item: v.Item, Field: v.Field, Rater: v.Rater, Value: v.Value,
				File: sub.FileName, Version: sub.Version, Received: sub.Received, Sheet: v.Sheet, Cell: v.Cell}
			if v.Source == model.SourceReview {
				o.Replaced = replaced[model.EntryKey{Subject: subject, Kind: model.EntryScore, Name: v.Item, Field: v.Field}]
			}
			if v.Source == formspec.SourceBallot && v.Field == formspec.SatisfactionFact {
				o.Replaced = hasEntry(d, subject, model.EntryFact, formspec.SatisfactionFact)
			}
			out = append(out, o)
		}
	}
	for i := range d.Entries {
		e := &d.Entries[i]
		if e.Subject != subject || (item != "" && (e.Kind != model.EntryScore || e.Name != item)) {
			continue
		}
		o := Origin{Subject: subject, Source: string(e.Kind), Item: e.Name, Field: e.Field, Value: e.Value, Entry: e}
		if e.Kind == model.EntryScore {
			o.Source = model.SourceReview
		}
		out = append(out, o)
	}
	return out
}

func hasEntry(d *Data, subject string, kind model.EntryKind, name string) bool {
	for i := range d.Entries {
		if e := &d.Entries[i]; e.Subject == subject && e.Kind == kind && e.Name == name && !e.Cleared() {
			return true
		}
	}
	return false
}

// What names an input in Chinese: its source (by the scheme's name), the
// rater (a member by name, a numbered rater as 第N位), and the field when it
// is not the score: "乡党委考评", "党员互评（李四）", "说明", "满意率".
func (r *Results) What(o Origin) string {
	if e := o.Entry; e != nil && e.Kind != model.EntryScore {
		return e.Kind.Label() + "“" + r.entryName(e) + "”"
	}
	what := ""
	switch {
	case o.Source == formspec.SourceBallot:
		what = "满意度测评"
	case o.Source == formspec.SourceLedger:
		what = "承诺台账第" + o.Rater + "行"
	default:
		what = r.sourceName(o.Subject, o.Source)
	}
	switch {
	case o.Source == formspec.SourceLedger, o.Rater == "", o.Source == model.SourceReview && o.Entry == nil:
	case o.Rater == formspec.SelfRater:
	case o.Source == model.SourceSelf && o.Entry == nil && !strings.HasPrefix(o.Rater, "m"):
	default:
		what += "（" + r.raterName(o.Rater) + "）"
	}
	switch o.Field {
	case "", "score", formspec.FieldTotal:
	case "note":
		what += "说明"
	case formspec.SatisfactionFact:
		what += "满意率"
	default:
		what += "：" + r.fieldLabel(o.Item, o.Field)
	}
	return what
}

// sourceName is the name the subject's scheme gives a source code.
func (r *Results) sourceName(subject, code string) string {
	if src := r.scheme(subject).SourceByCode(code); src != nil {
		return src.Name
	}
	return code
}

// scheme returns the scheme a subject is assessed by: the member scheme
// for a member, else the unit scheme.
func (r *Results) scheme(subject string) *model.Scheme {
	if k, _ := formspec.SubjectKindOf(subject); k == model.SubjectMember && r.Period.MemberScheme != nil {
		return r.Period.MemberScheme
	}
	return &r.Period.Scheme
}

// raterName turns a rater key into words: a member by name ("m31" → 李四), a
// numbered rater as 第N位.
func (r *Results) raterName(rater string) string {
	if id, ok := strings.CutPrefix(rater, "m"); ok {
		for _, m := range r.Data.Members {
			if strconv.FormatInt(m.ID, 10) == id {
				return m.Name
			}
		}
	}
	if _, err := strconv.Atoi(rater); err == nil {
		return "第" + rater + "位"
	}
	return rater
}

// fieldLabel is the label of an item's field ("缺少的制度数").
func (r *Results) fieldLabel(item, field string) string {
	if it := r.Period.Scheme.Item(item); it != nil {
		for _, f := range model.ItemFields(it) {
			if f.Name == field {
				return f.Label
			}
		}
	}
	return field
}

// entryName is how an entry's name reads: a fact's label, a veto's title.
func (r *Results) entryName(e *model.Entry) string {
	s := r.scheme(e.Subject)
	switch e.Kind {
	case model.EntryFact:
		if f := s.Fact(e.Name); f != nil {
			return f.Label
		}
	case model.EntryVeto:
		return r.VetoTitle(e.Subject, e.Name)
	}
	return e.Name
}

// ItemName is how an item of the subject's scheme is named to people: its
// number and title ("3 制度建设"), or the title alone when its code is a
// key rather than a number in the rubric ("policy").
func (r *Results) ItemName(subject, code string) string {
	if it := r.scheme(subject).Item(code); it != nil {
		if n := formspec.ItemNumber(it, 0); n != "" {
			return n + " " + it.Title
		}
		return it.Title
	}
	return code
}

// CapTitle is the title of a cap of the subject's scheme ("不按期换届"), as
// results and reports name it; its code when the scheme has no such cap.
func (r *Results) CapTitle(subject, code string) string {
	for _, c := range r.scheme(subject).Caps {
		if c.Code == code {
			return c.Title
		}
	}
	return code
}

// VetoTitle is the title of a veto of the subject's scheme ("违反党风廉政建设");
// its code when the scheme has no such veto.
func (r *Results) VetoTitle(subject, code string) string {
	for _, v := range r.scheme(subject).Vetoes {
		if v.Code == code {
			return v.Title
		}
	}
	return code
}

// Remarks say in a few words what is special about a subject's result, for
// the 说明 column of every ranking — on screen, on paper and in the console:
// 一票否决 with the vetoes' titles, 限制 with the caps' titles, 比例控制调整
// when a quota moved the band, and the red flag's name.
func (r *Results) Remarks(sr *scoring.SubjectResult) []string {
	redFlag := ""
	if s := r.scheme(sr.ID); s.RedFlag != nil {
		redFlag = s.RedFlag.Name
	}
	return Remarks(sr, func(code string) string { return r.CapTitle(sr.ID, code) },
		func(code string) string { return r.VetoTitle(sr.ID, code) }, redFlag)
}

// Remarks are Results.Remarks for a result whose scheme is not at hand (a
// saved version): capTitle and vetoTitle, when not nil, name a cap or veto
// by its code; without them the remark says 受限 or 一票否决 alone.
func Remarks(sr *scoring.SubjectResult, capTitle, vetoTitle func(code string) string, redFlag string) []string {
	var out []string
	titles := func(codes []string, title func(string) string) string {
		ts := make([]string, len(codes))
		for i, c := range codes {
			ts[i] = title(c)
		}
		return strings.Join(ts, "、")
	}
	switch {
	case len(sr.Vetoes) > 0 && vetoTitle != nil:
		out = append(out, "一票否决："+titles(sr.Vetoes, vetoTitle))
	case sr.Disqualified || len(sr.Vetoes) > 0:
		out = append(out, "一票否决")
	}
	switch {
	case len(sr.Caps) > 0 && capTitle != nil:
		out = append(out, "限制："+titles(sr.Caps, capTitle))
	case len(sr.Caps) > 0:
		out = append(out, "受限")
	}
	if sr.EarnedBand != sr.Band && !sr.Disqualified {
		out = append(out, "比例控制调整")
	}
	if sr.RedFlag {
		if redFlag == "" {
			redFlag = "流动红旗"
		}
		out = append(out, redFlag)
	}
	return out
}

package period

import (
	"time"

	"xingji/model"
	"xingji/model/formspec"
)

// Origin is one input of a subject with where it came from: a cell of a
// received file (File, Version, Sheet, Cell) or an entry the office made
// (Entry). Replaced is set on a form's value that an entry replaced.
type Origin struct {
	Source   string       `json:"source"` // the scheme source, "ballot", or the entry's kind
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

// Where says where the input came from, in Chinese: "文件《…》第2版，工作表“自评表”
// G7" or "张三 2026-12-02 15:04 录入（原因）".
func (o Origin) Where() string {
	if e := o.Entry; e != nil {
		s := "由" + nameOr(e.User, "（未知用户）") + "于" + e.At.Local().Format("2006-01-02 15:04") + "录入"
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
	for si := range d.Accepted {
		sub := &d.Accepted[si]
		for vi := range sub.Values {
			v := &sub.Values[vi]
			if v.Subject != subject || (item != "" && v.Item != item) {
				continue
			}
			o := Origin{Source: v.Source, Item: v.Item, Field: v.Field, Rater: v.Rater, Value: v.Value,
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
		o := Origin{Source: string(e.Kind), Item: e.Name, Field: e.Field, Value: e.Value, Entry: e}
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

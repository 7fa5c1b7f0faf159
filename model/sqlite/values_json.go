package sqlite

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"

	"xingji/model"
	"xingji/model/formspec"
)

// The values taken from an accepted file are stored as one JSON array of
// rows, each row the eight fields of a model.EntryValue in a fixed order —
// [subject, source, rater, item, field, value, sheet, cell] — about half the
// size of objects with field names: an import stores some 1,200 values a
// file, and their bytes are most of what it writes.

// appendValuesJSON appends vs in the stored row form, each string escaped
// exactly as encoding/json escapes it, without reflection.
func appendValuesJSON(b []byte, vs []model.EntryValue) []byte {
	b = append(b, '[')
	for i := range vs {
		v := &vs[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, f := range [...]string{v.Subject, v.Source, v.Rater, v.Item, v.Field, v.Value, v.Sheet, v.Cell} {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, f)
		}
		b = append(b, ']')
	}
	return append(b, ']')
}

// decodeValuesJSON reads stored values: rows as appendValuesJSON writes
// them, or objects with field names (as encoding/json writes a
// []model.EntryValue).
func decodeValuesJSON(text string) ([]model.EntryValue, error) {
	vs, _, err := (&valuesDecoder{}).decode(text)
	return vs, err
}

// valuesDecoder reads the stored values of many submissions, so that a
// city's four million values take little more memory than their rows: the
// strings that repeat from row to row and file to file — subjects,
// sources, items, fields, sheets — are shared, and those that vary —
// raters, values, cells — are kept side by side in one string per file,
// never as slices of the stored text. With ratings set, a file's appraisal
// totals are read as model.Ratings instead (see decodeRatings). The zero
// value is ready to use; one decoder serves one worker of one query.
type valuesDecoder struct {
	strs    map[string]string
	ratings bool
	// at indexes the strings of the ratings being read; last and byCol
	// remember the subject of the last row and the source and rater of
	// each column, so that most rows look up their value alone.
	at    map[string]int32
	last  ratingKey
	byCol []ratingCol
	// scratch holds the values of a file whose ratings are read apart,
	// copied out once their number is known.
	scratch []model.EntryValue
}

// ratingKey is a string of the ratings being read and its index plus one
// (0: none).
type ratingKey struct {
	s string
	k int32
}

// ratingCol is the source and rater of a column of the ratings being
// read.
type ratingCol struct{ source, rater ratingKey }

// decode reads one submission's stored values. Rows as appendValuesJSON
// writes them are read by hand; anything else (objects, escapes, invalid
// UTF-8, rows of another length, spacing) goes through encoding/json, so
// that the result is what encoding/json would give. With d.ratings, the
// appraisal totals are returned apart when they can be (see
// decodeRatings), else r is nil.
func (d *valuesDecoder) decode(text string) (vs []model.EntryValue, r *model.Ratings, err error) {
	if strings.HasPrefix(strings.TrimLeft(text, " \t\r\n["), "{") {
		err := json.Unmarshal([]byte(text), &vs)
		return vs, nil, err
	}
	if d.ratings {
		if vs, r, ok := d.rows(text, true); ok {
			return vs, r, nil
		}
	}
	if vs, _, ok := d.rows(text, false); ok {
		return vs, nil, nil
	}
	var rows [][8]string
	if err := json.Unmarshal([]byte(text), &rows); err != nil {
		return nil, nil, err
	}
	vs = make([]model.EntryValue, len(rows))
	for i, r := range rows {
		vs[i] = model.EntryValue{Subject: r[0], Source: r[1], Rater: r[2], Item: r[3], Field: r[4], Value: r[5], Sheet: r[6], Cell: r[7]}
	}
	return vs, nil, nil
}

// decodeRatings decodes text, its appraisal totals apart: what
// formspec.IsRating calls a rating, carrying no item, all of one sheet
// and field, in cells named the usual way and read one after another.
// Values that are not ratings are returned as values; when a rating breaks
// one of those conditions every value is (r is nil).
func decodeRatings(text string) ([]model.EntryValue, *model.Ratings, error) {
	return (&valuesDecoder{ratings: true}).decode(text)
}

// rows reads text written exactly as appendValuesJSON writes it, with no
// escapes in any string; ok is false for anything else, and with ratings
// when the ratings cannot be held apart.
func (d *valuesDecoder) rows(text string, ratings bool) (vs []model.EntryValue, r *model.Ratings, ok bool) {
	if len(text) < 2 || text[0] != '[' || text[len(text)-1] != ']' {
		return nil, nil, false
	}
	i := 1
	if text[i] == ']' {
		return []model.EntryValue{}, nil, i == len(text)-1
	}
	n := strings.Count(text, "],[") + 1
	if ratings {
		vs = slices.Grow(d.scratch[:0], n)
	} else {
		vs = make([]model.EntryValue, 0, n)
	}
	var (
		f, prev [8]string // this row's fields, and the last row's as shared
		own     int       // bytes of the raters, values and cells
	)
	for {
		if text[i] != '[' {
			return nil, nil, false
		}
		i++
		for k := range f {
			if k > 0 {
				if text[i] != ',' {
					return nil, nil, false
				}
				i++
			}
			if f[k], i, ok = plainString(text, i); !ok {
				return nil, nil, false
			}
		}
		if i+1 >= len(text) || text[i] != ']' {
			return nil, nil, false
		}
		if ratings && formspec.IsRating(f[0], f[4]) {
			if r == nil {
				r = &model.Ratings{At: len(vs), Sheet: d.share(f[6]), Field: d.share(f[4])}
				r.Rows = make([]model.Rating, 0, n-len(vs))
				clear(d.at)
				clear(d.byCol)
				d.last = ratingKey{}
			}
			col, row, cellOK := model.SplitCell(f[7])
			if !cellOK || f[3] != "" || len(vs) != r.At || f[6] != r.Sheet || f[4] != r.Field {
				d.scratch = vs
				return nil, nil, false
			}
			if col >= len(d.byCol) {
				d.byCol = slices.Grow(d.byCol, col+1-len(d.byCol))[:col+1]
			}
			c := &d.byCol[col]
			src := d.cached(r, &c.source, f[1])
			if src > 0xFFFF { // far more strings than a form holds
				d.scratch = vs
				return nil, nil, false
			}
			r.Rows = append(r.Rows, model.Rating{Subject: d.cached(r, &d.last, f[0]), Source: uint16(src),
				Rater: d.cached(r, &c.rater, f[2]), Value: d.index(r, f[5]), Row: int32(row), Col: uint16(col)})
		} else {
			for _, k := range [...]int{0, 1, 3, 4, 6} { // subject, source, item, field, sheet
				if f[k] != prev[k] {
					prev[k] = d.share(f[k])
				}
				f[k] = prev[k]
			}
			own += len(f[2]) + len(f[5]) + len(f[7])
			vs = append(vs, model.EntryValue{Subject: f[0], Source: f[1], Rater: f[2], Item: f[3], Field: f[4], Value: f[5], Sheet: f[6], Cell: f[7]})
		}
		switch text[i+1] {
		case ',':
			i += 2
		case ']':
			if i+2 != len(text) {
				return nil, nil, false
			}
			keepApart(vs, own)
			if r != nil {
				keepStringsApart(r)
			}
			if ratings {
				d.scratch = nil
				if r != nil { // few values beside the ratings: copied out, the scratch kept
					d.scratch = vs
					vs = append([]model.EntryValue(nil), vs...)
					clear(d.scratch) // keeps nothing alive
				}
			}
			return vs, r, true
		default:
			return nil, nil, false
		}
	}
}

// cached returns the index of s in r.Strings, from c when c holds s.
func (d *valuesDecoder) cached(r *model.Ratings, c *ratingKey, s string) int32 {
	if c.k == 0 || c.s != s {
		k := d.index(r, s)
		*c = ratingKey{r.Strings[k], k + 1}
	}
	return c.k - 1
}

// index returns the index of s in r.Strings, adding it when new: a slice
// of the stored text until keepStringsApart copies them out.
func (d *valuesDecoder) index(r *model.Ratings, s string) int32 {
	if k, ok := d.at[s]; ok {
		return k
	}
	if d.at == nil {
		d.at = map[string]int32{}
	}
	k := int32(len(r.Strings))
	r.Strings = append(r.Strings, s)
	d.at[s] = k
	return k
}

// keepStringsApart copies the strings of r, still slices of the stored
// text, into one string of their own: most (members, raters) occur in one
// file alone, so sharing them among files would only fill a map.
func keepStringsApart(r *model.Ratings) {
	size := 0
	for _, s := range r.Strings {
		size += len(s)
	}
	var b strings.Builder
	b.Grow(size)
	for _, s := range r.Strings {
		b.WriteString(s)
	}
	all, at := b.String(), 0
	for i, s := range r.Strings {
		r.Strings[i], at = all[at:at+len(s)], at+len(s)
	}
}

// keepApart copies the raters, values and cells of vs, still slices of the
// stored text, into one string of their own.
func keepApart(vs []model.EntryValue, size int) {
	var b strings.Builder
	b.Grow(size)
	for i := range vs {
		b.WriteString(vs[i].Rater)
		b.WriteString(vs[i].Value)
		b.WriteString(vs[i].Cell)
	}
	all, at := b.String(), 0
	take := func(s *string) {
		n := len(*s)
		*s, at = all[at:at+n], at+n
	}
	for i := range vs {
		take(&vs[i].Rater)
		take(&vs[i].Value)
		take(&vs[i].Cell)
	}
}

// plainString reads the string starting at text[i] (its opening quote) and
// returns it, a slice of text, with the index after its closing quote; ok
// is false when it is not a plain string (an escape, a control character,
// invalid UTF-8).
func plainString(text string, i int) (string, int, bool) {
	if i >= len(text) || text[i] != '"' {
		return "", i, false
	}
	start, ascii := i+1, true
	for i = start; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"':
			s := text[start:i]
			if !ascii && !utf8.ValidString(s) {
				return "", i, false
			}
			return s, i + 1, true
		case c == '\\' || c < 0x20:
			return "", i, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", i, false
}

// share returns s as a string of its own (never a slice of the stored
// text), the same string for the same text.
func (d *valuesDecoder) share(s string) string {
	if s == "" {
		return ""
	}
	if t, ok := d.strs[s]; ok {
		return t
	}
	if d.strs == nil {
		d.strs = map[string]string{}
	}
	t := strings.Clone(s)
	d.strs[t] = t
	return t
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as encoding/json does with HTML escaping.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

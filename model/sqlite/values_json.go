package sqlite

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"xingji/model"
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
	if strings.HasPrefix(strings.TrimLeft(text, " \t\r\n["), "{") {
		var vs []model.EntryValue
		err := json.Unmarshal([]byte(text), &vs)
		return vs, err
	}
	var rows [][8]string
	if err := json.Unmarshal([]byte(text), &rows); err != nil {
		return nil, err
	}
	vs := make([]model.EntryValue, len(rows))
	for i, r := range rows {
		vs[i] = model.EntryValue{Subject: r[0], Source: r[1], Rater: r[2], Item: r[3], Field: r[4], Value: r[5], Sheet: r[6], Cell: r[7]}
	}
	return vs, nil
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

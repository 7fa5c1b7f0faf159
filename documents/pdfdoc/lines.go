package pdfdoc

import (
	"strings"
	"unicode"
)

// noLineStart are the characters a line must not begin with (禁则): closing
// punctuation and marks that belong to the character before them.
const noLineStart = "。，、；：？！）》」』】〕〉”’％%·…—～,.;:!?)]}"

// noLineEnd are the characters a line must not end with: opening
// punctuation that belongs to the character after it.
const noLineEnd = "（《「『【〔〈“‘([{"

// BreakLines splits text into lines no wider than width, as measured by
// measure (the width of one character), the way Chinese typesetting does:
// a line may break between any two Chinese characters, but not inside a
// Latin word or number, not before closing punctuation (。，、）》” …) and
// not after opening punctuation (（《“ …). A newline in text always breaks.
// A word wider than a whole line is broken between its characters.
//
// No character is ever lost: joined back together, the lines are the text
// less its newlines and the spaces at the breaks. That is the promise the
// tests hold it to; the PDF library most often used for Go drops one
// Chinese character at every automatic line break.
func BreakLines(text string, width float64, measure func(rune) float64) []string {
	return BreakLinesIndent(text, width, width, measure)
}

// BreakLinesIndent is BreakLines with the first line of each paragraph
// first wide and the others width (a paragraph indented two characters).
func BreakLinesIndent(text string, first, width float64, measure func(rune) float64) []string {
	var out []string
	m := func(r rune) float64 {
		if r == WordJoiner {
			return 0
		}
		return measure(r)
	}
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		for _, l := range breakParagraph(para, first, width, m) {
			out = append(out, strings.ReplaceAll(l, string(WordJoiner), ""))
		}
	}
	return out
}

// WordJoiner (U+2060) between two characters keeps them on one line; it is
// dropped from the lines. NoBreak puts one between every two characters of
// a name, so that a list of names never breaks inside one ("于翠", not
// "于" at a line's end and "翠" at the next one's start).
const WordJoiner = '\u2060'

// NoBreak joins the characters of s so that BreakLines never breaks it
// (unless it is wider than a whole line).
func NoBreak(s string) string {
	rs := []rune(s)
	if len(rs) < 2 {
		return s
	}
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteRune(WordJoiner)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// breakParagraph breaks one paragraph (no newlines) into lines; an empty
// paragraph is one empty line.
func breakParagraph(para string, first, rest float64, measure func(rune) float64) []string {
	units := glue(tokens(para))
	width := first
	var lines []string
	var line []rune
	var lineW float64
	flush := func() {
		lines = append(lines, strings.TrimRight(string(line), " "))
		line, lineW = line[:0:0], 0
		width = rest
	}
	for _, u := range units {
		w := runesWidth(u, measure)
		if isSpace(u) {
			if len(line) == 0 {
				continue // no space at the start of a line
			}
			line = append(line, u...)
			lineW += w
			continue
		}
		if lineW+w <= width || len(line) == 0 && w <= width {
			line = append(line, u...)
			lineW += w
			continue
		}
		if len(line) > 0 {
			flush()
		}
		if w <= width {
			line = append(line, u...)
			lineW = w
			continue
		}
		// A unit wider than a line: break it between its characters.
		for _, r := range u {
			rw := measure(r)
			if len(line) > 0 && lineW+rw > width {
				flush()
			}
			line = append(line, r)
			lineW += rw
		}
	}
	if len(line) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// tokens splits a paragraph into the smallest pieces a line may break
// between: each Chinese character, each Latin word or number, each run of
// spaces.
func tokens(s string) [][]rune {
	var out [][]rune
	var word []rune
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
			if word != nil {
				out, word = append(out, word), nil
			}
			if n := len(out); n > 0 && isSpace(out[n-1]) {
				out[n-1] = append(out[n-1], ' ')
			} else {
				out = append(out, []rune{' '})
			}
		case isWordRune(r):
			word = append(word, r)
		default:
			if word != nil {
				out, word = append(out, word), nil
			}
			out = append(out, []rune{r})
		}
	}
	if word != nil {
		out = append(out, word)
	}
	return out
}

// glue joins the pieces that must stay together: closing punctuation to
// the piece before it, opening punctuation to the piece after it.
func glue(ts [][]rune) [][]rune {
	var out [][]rune
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if n := len(out); n > 0 && !isSpace(t) && !isSpace(out[n-1]) && (t[0] == WordJoiner || lastRune(out[n-1]) == WordJoiner) {
			out[n-1] = append(out[n-1], t...)
			continue
		}
		if n := len(out); n > 0 && !isSpace(out[n-1]) && strings.ContainsRune(noLineStart, t[0]) {
			out[n-1] = append(out[n-1], t...)
			continue
		}
		if n := len(out); n > 0 && !isSpace(t) && strings.ContainsRune(noLineEnd, lastRune(out[n-1])) {
			out[n-1] = append(out[n-1], t...)
			continue
		}
		out = append(out, append([]rune(nil), t...))
	}
	return out
}

func lastRune(rs []rune) rune { return rs[len(rs)-1] }

func isSpace(u []rune) bool { return len(u) > 0 && u[0] == ' ' }

// isWordRune reports whether r belongs to a Latin word or a number, which
// is never broken between lines when it fits on one.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_/+=*#@&'\"<>.,%:", r)
	}
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) || r >= 0xFF10 && r <= 0xFF19
}

func runesWidth(rs []rune, measure func(rune) float64) float64 {
	var w float64
	for _, r := range rs {
		w += measure(r)
	}
	return w
}

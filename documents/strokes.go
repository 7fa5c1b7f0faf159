package documents

import (
	_ "embed"
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// strokeCounts is the stroke count of each character from U+3400 to
// U+9FFF (0: unknown), from Unihan's kTotalStrokes (scripts/gen-strokes.py).
//
//go:embed strokes.bin
var strokeCounts []byte

// strokes is the stroke count of r, or 0 when it is not known.
func strokes(r rune) int {
	if r >= 0x3400 && int(r-0x3400) < len(strokeCounts) {
		return int(strokeCounts[r-0x3400])
	}
	return 0
}

// SortByStrokes orders names 按姓氏笔画为序, as commendation lists print
// people: by the stroke count of the surname, then of the next characters.
// Characters of the same count are ordered as golang.org/x/text/collate's
// stroke collation ("zh-u-co-stroke") orders them, which keeps one surname
// together; that collation alone is not used for the counts, because it
// counts 阝 as three strokes (陈 after 周), where the mainland's standard
// counts two (陈 7, 周 8). Characters whose count is unknown come after the
// known ones. key gives each element's name; the sort is stable.
func SortByStrokes[T any](list []T, key func(T) string) {
	c := collate.New(language.MustParse("zh-u-co-stroke"))
	cmpRune := func(a, b rune) int {
		if a == b {
			return 0
		}
		sa, sb := strokes(a), strokes(b)
		if sa == 0 {
			sa = 1 << 10
		}
		if sb == 0 {
			sb = 1 << 10
		}
		if sa != sb {
			return sa - sb
		}
		if k := c.CompareString(string(a), string(b)); k != 0 {
			return k
		}
		return int(a) - int(b)
	}
	names := make([][]rune, len(list))
	for i, x := range list {
		names[i] = []rune(key(x))
	}
	at := make([]int, len(list))
	for i := range at {
		at[i] = i
	}
	sort.SliceStable(at, func(i, j int) bool {
		a, b := names[at[i]], names[at[j]]
		for k := 0; k < len(a) && k < len(b); k++ {
			if d := cmpRune(a[k], b[k]); d != 0 {
				return d < 0
			}
		}
		return len(a) < len(b)
	})
	sorted := make([]T, len(list))
	for i, k := range at {
		sorted[i] = list[k]
	}
	copy(list, sorted)
}

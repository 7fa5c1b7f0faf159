package pdfdoc

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixedWidth measures every Chinese character as 1 and every other
// character as 0.5, like a CJK font whose Latin glyphs are half width.
func fixedWidth(r rune) float64 {
	if r < 0x2E80 {
		return 0.5
	}
	return 1
}

func TestBreakLinesKeepsEveryCharacter(t *testing.T) {
	// 004 第二篇: "党员评议……五星需有特别突出的优秀表现" — a long line of
	// Chinese with punctuation, numbers and a Latin word.
	text := "党员自评占20%、互评占30%，领导点评占20%，职工参评占30%（各项取平均分）。五星级党员须有“特别突出的优秀表现”，QH-01-02支部书记堃琮玥同志评为五星。"
	for _, width := range []float64{1, 2, 3, 5, 7.5, 10, 13, 40, 200} {
		lines := BreakLines(text, width, fixedWidth)
		got := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
		if want := strings.ReplaceAll(text, " ", ""); got != want {
			t.Fatalf("width %v: characters lost or changed:\n got %s\nwant %s", width, got, want)
		}
		for i, l := range lines {
			if w := runesWidth([]rune(l), fixedWidth); w > width && utf8.RuneCountInString(l) > 1 {
				t.Errorf("width %v: line %d %q is %v wide", width, i, l, w)
			}
		}
	}
}

func TestBreakLinesKinsoku(t *testing.T) {
	lines := BreakLines("一二三四。五六", 4, fixedWidth)
	// "。" may not begin a line: it goes with 四 to the next line.
	if want := []string{"一二三", "四。五六"}; strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("closing punctuation: got %q, want %q", lines, want)
	}
	lines = BreakLines("一二三（四）", 4, fixedWidth)
	for _, l := range lines {
		if strings.HasSuffix(l, "（") {
			t.Errorf("a line ends with an opening bracket: %q", lines)
		}
		if strings.HasPrefix(l, "）") {
			t.Errorf("a line begins with a closing bracket: %q", lines)
		}
	}
	// A number is not split when it fits on a line.
	lines = BreakLines("得分为98.75分", 5, fixedWidth)
	for _, l := range lines {
		if strings.Contains(l, "98") != strings.Contains(l, "98.75") {
			t.Errorf("number broken: %q", lines)
		}
	}
}

func TestBreakLinesNewlinesAndEmpty(t *testing.T) {
	if got := BreakLines("", 10, fixedWidth); len(got) != 1 || got[0] != "" {
		t.Errorf("empty text: %q", got)
	}
	if got := BreakLines("甲\n\n乙", 10, fixedWidth); strings.Join(got, "|") != "甲||乙" {
		t.Errorf("newlines: %q", got)
	}
}

// TestBreakLinesRandom breaks random mixtures of Chinese, Latin, digits,
// spaces and punctuation at random widths and checks nothing is lost and no
// line starts with closing punctuation unless it had to.
func TestBreakLinesRandom(t *testing.T) {
	alphabet := []rune("党支部委员会星级评定考核堃琮玥abcXYZ0123456789 。，、）（《》“”%.-")
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 3000; n++ {
		rs := make([]rune, rng.Intn(60))
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		text := string(rs)
		width := 0.5 + float64(rng.Intn(30))/2
		lines := BreakLines(text, width, fixedWidth)
		got := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
		if want := strings.ReplaceAll(text, " ", ""); got != want {
			t.Fatalf("text %q width %v: got %q", text, width, lines)
		}
	}
}

func FuzzBreakLines(f *testing.F) {
	f.Add("中共某某村党支部委员会（第一党支部）", 3.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width <= 0 || width > 1e6 || strings.ContainsAny(text, "\r\n\t") {
			return
		}
		lines := BreakLines(text, width, fixedWidth)
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(text, " ", ""); got != want {
			t.Fatalf("lost characters: %q → %q", text, lines)
		}
	})
}

func TestBreakLinesKeepsNamesWhole(t *testing.T) {
	names := []string{"吴立睿", "孟振", "吕军立", "唐健", "王帆", "周帆", "李立旭", "任霞素", "王兵学", "于翠"}
	var joined []string
	for _, n := range names {
		joined = append(joined, NoBreak(n))
	}
	text := "城关镇黄家岭村党支部（10名）：" + strings.Join(joined, "、")
	for _, width := range []float64{5, 7, 9, 11, 13} {
		lines := BreakLines(text, width, fixedWidth)
		all := strings.Join(lines, "")
		if strings.ContainsRune(all, WordJoiner) {
			t.Fatalf("a word joiner is left in the lines: %q", lines)
		}
		if want := strings.ReplaceAll(text, string(WordJoiner), ""); all != want {
			t.Fatalf("width %v: got %q", width, all)
		}
		for i := 0; i+1 < len(lines); i++ {
			for _, n := range names {
				r := []rune(n)
				for k := 1; k < len(r); k++ {
					if strings.HasSuffix(lines[i], string(r[:k])) && strings.HasPrefix(lines[i+1], string(r[k:])) {
						t.Errorf("width %v: %s is broken between %q and %q", width, n, lines[i], lines[i+1])
					}
				}
			}
		}
	}
}

package sqlite

import (
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// surnameInitials gives the reading of common surnames whose everyday
// reading differs (单 is dān but the surname Shàn; 曾 céng but Zēng).
var surnameInitials = map[rune]byte{
	'单': 's', '曾': 'z', '解': 'x', '仇': 'q', '朴': 'p', '区': 'o', '查': 'z',
	'盖': 'g', '乐': 'y', '缪': 'm', '翟': 'z', '覃': 'q', '尉': 'y', '种': 'c',
	'折': 's', '繁': 'p', '员': 'y', '宓': 'f', '召': 's', '隗': 'w', '秘': 'b',
	'能': 'n', '句': 'g', '令': 'l', '长': 'c', '重': 'c', '任': 'r', '沈': 's',
}

var (
	initialMu    sync.RWMutex
	initialCache = map[rune]byte{}
	pinyinArgs   = pinyin.Args{Style: pinyin.FirstLetter}
)

// hanInitial returns the lower-case pinyin initial of a Han character, or 0.
// go-pinyin works through regular expressions, so answers are cached.
func hanInitial(r rune) byte {
	initialMu.RLock()
	c, ok := initialCache[r]
	initialMu.RUnlock()
	if ok {
		return c
	}
	if py := pinyin.SinglePinyin(r, pinyinArgs); len(py) > 0 && py[0] != "" {
		c = strings.ToLower(py[0])[0]
	}
	initialMu.Lock()
	initialCache[r] = c
	initialMu.Unlock()
	return c
}

// initials returns the pinyin initials of name in lower case, for search:
// 张三 → "zs", 单雄信 → "sxx". Letters and digits that are not Han are kept
// lower-cased (李Anna → "lanna"); spaces and punctuation such as the middle
// dot in 阿依古丽·买买提 are dropped.
func initials(name string) string {
	var b strings.Builder
	first := true
	for _, r := range strings.TrimSpace(name) {
		switch {
		case unicode.Is(unicode.Han, r):
			c, ok := surnameInitials[r]
			if !first || !ok {
				c = hanInitial(r)
			}
			if c != 0 {
				b.WriteByte(c)
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			continue
		}
		first = false
	}
	return b.String()
}

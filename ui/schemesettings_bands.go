package ui

import (
	"fmt"
	"strconv"
	"strings"

	"xingji/model"
)

// bandLines writes the bands one a line as "名称:下限-上限" (or "名称:5星"
// when the scheme bands by stars); parseBandLines reads them back.
func bandLines(sc *model.Scheme) string {
	var lines []string
	for _, b := range sc.Bands {
		if b.MinStars != nil {
			lines = append(lines, fmt.Sprintf("%s:%d星", b.Name, *b.MinStars))
			continue
		}
		l := b.Name + ":"
		if b.Range.FromExcl {
			l += "超过"
		}
		if b.Range.From != nil {
			l += b.Range.From.String()
		}
		l += "-"
		if b.Range.To != nil {
			l += b.Range.To.String()
			if b.Range.ToIncl {
				l += "含"
			}
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// parseBandLines reads band lines. A band keeps its code, conditions and
// quote when a line has its name (or, renamed, its place); new lines get new
// codes. An error names the line.
func parseBandLines(text string, old []model.Band) ([]model.Band, error) {
	var out []model.Band
	names := map[string]bool{}
	var prevFrom *model.Decimal
	num := func(s string) (*model.Decimal, bool) {
		if s == "" {
			return nil, true
		}
		d, err := model.ParseDecimal(s)
		return d.P(), err == nil
	}
	for n, line := range strings.Split(text, "\n") {
		name, rng, ok := strings.Cut(strings.ReplaceAll(strings.TrimSpace(line), "：", ":"), ":")
		if strings.TrimSpace(line) == "" {
			continue
		}
		name = strings.TrimSpace(name)
		bad := model.FieldErrorf("Bands", "等次第%d行“%s”看不懂，应写成“名称:下限-上限”，例如“四星级:90-95”", n+1, strings.TrimSpace(line))
		rng = strings.NewReplacer("－", "-", "—", "-", "～", "-", "~", "-", "至", "-", "及以上", "-", "以上", "-").Replace(cleanNumber(rng))
		if rest, cut := strings.CutSuffix(strings.TrimSuffix(rng, "及以下"), "以下"); cut || rest != rng {
			rng = "-" + rest + "含" // "60以下" is below 60 inclusive, as the model reads 以下
		}
		if !ok || name == "" || names[name] {
			return nil, bad
		}
		var r model.Range
		if rest, cut := strings.CutPrefix(rng, "超过"); cut {
			rng, r.FromExcl = rest, true
		}
		from, to, dash := strings.Cut(rng, "-")
		if rest, cut := strings.CutSuffix(to, "含"); cut {
			to, r.ToIncl = rest, true
		}
		var okF, okT bool
		r.From, okF = num(from)
		if r.To, okT = num(to); !dash {
			r.To, okT = prevFrom, true
		}
		if !okF || !okT {
			return nil, bad
		}
		prevFrom = r.From
		names[name] = true
		out = append(out, model.Band{Name: name, Range: r})
	}
	if len(out) == 0 {
		return nil, model.FieldErrorf("Bands", "至少要有一个等次")
	}
	used, codes := map[int]bool{}, map[string]bool{}
	for i := range out {
		j := -1
		for k, o := range old {
			if j < 0 && !used[k] && o.Name == out[i].Name {
				j = k
			}
		}
		if j < 0 && i < len(old) && !used[i] && !names[old[i].Name] {
			j = i
		}
		if j >= 0 {
			used[j] = true
			b := old[j]
			b.Name, b.Range = out[i].Name, out[i].Range
			out[i] = b
			codes[b.Code] = true
		}
	}
	for _, o := range old {
		codes[o.Code] = true
	}
	for i, n := range out {
		for k := 1; n.Code == ""; k++ {
			if c := "b" + strconv.Itoa(k); !codes[c] {
				out[i].Code, codes[c] = c, true
				n.Code = c
			}
		}
	}
	return out, nil
}

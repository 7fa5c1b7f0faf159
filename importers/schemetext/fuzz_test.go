package schemetext

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: no text makes the parser panic, and what it returns is
// consistent. Seeded with the seed rubrics and a few tricky lines.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", "一、", "(一)(2分)", "1、(2分)2、(3分)", "㈠、(合计100分)⑴、(60分)", "有下列情况之一实行一票否决\n1、", "90%至%得分", "第一篇\n篇一", "1.5分", "分值:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range ParseDocument(text) {
			r := p.Result
			if r.TotalsMatch && !r.ComputedTotal.Equal(r.DeclaredTotal) && len(r.KindTotals) == 0 {
				t.Fatalf("totals match but %s != %s", r.ComputedTotal, r.DeclaredTotal)
			}
		}
		ReadFile("x.txt", stringsReader(text))
	})
}

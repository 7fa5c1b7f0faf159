package scoring

import (
	"testing"

	"xingji/model"
)

// TestNextBandWords: the words the results screen and the printed feedback
// reports both use for "points to the next star".
func TestNextBandWords(t *testing.T) {
	reach := &NextBand{Reachable: true, Need: model.D4("1.75"),
		Why: []Step{{Kind: StepBand, Text: "再得1.75分（等级总分由88.25分升至90分）即可评为“四星级”"}}}
	for _, c := range []struct {
		nb              *NextBand
		short, sentence string
	}{
		{nil, "", ""},
		{reach, "差1.75分", "距下一星级：再得1.75分（等级总分由88.25分升至90分）即可评为“四星级”"},
		{&NextBand{Block: NextTop, Why: []Step{{Text: "已评为最高等次“五星级”"}}}, "已最高", "距下一星级：已评为最高等次“五星级”"},
		{&NextBand{Block: NextVeto}, "被否决", ""},
		{&NextBand{Block: NextCap}, "受限制", ""},
		{&NextBand{Block: NextQuota}, "比例控制", ""},
	} {
		if got := c.nb.Short(); got != c.short {
			t.Errorf("Short = %q, want %q", got, c.short)
		}
		if got := c.nb.Sentence(); got != c.sentence {
			t.Errorf("Sentence = %q, want %q", got, c.sentence)
		}
	}
}

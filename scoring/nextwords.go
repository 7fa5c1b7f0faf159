package scoring

// Short says in a word or two how far the subject is from the next band:
// "差1.75分" when points earn it, else why points cannot ("已最高",
// "被否决", "受限制" …). The 距下一星级 column of the results and of the
// printed reports. "" for nil.
func (nb *NextBand) Short() string {
	if nb == nil {
		return ""
	}
	if nb.Reachable {
		return "差" + nb.Need.String() + "分"
	}
	switch nb.Block {
	case NextTop:
		return "已最高"
	case NextVeto:
		return "被否决"
	case NextCap:
		return "受限制"
	case NextCondition:
		return "条件未达到"
	case NextQuota:
		return "比例控制"
	case NextStars:
		return "星数不够"
	case NextRoom:
		return "分数已不够"
	}
	return "—"
}

// Sentence says in a sentence how far the subject is from the next band,
// or why no rise of its score can earn it (a cap, a veto, a condition, a
// quota): "距下一星级：再得1.75分（等级总分由88.25分升至90分）即可评为“四星级”".
// "" for nil or when there is nothing to say.
func (nb *NextBand) Sentence() string {
	if nb == nil || len(nb.Why) == 0 {
		return ""
	}
	return "距下一星级：" + nb.Why[0].Text
}

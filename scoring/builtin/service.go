package builtin

import "xingji/model"

// starBands are the five-star bands on 100 points of 002 篇十一:
// "90—100分为五星级,80—89分为四星级,70—79分为三星级,60—69分为二星级,
// 50—59分为一星级,50分以下不定星级".
func starBands(none string) []model.Band {
	return []model.Band{
		scoreBand("5", "五星级", model.AtLeast("90")),
		scoreBand("4", "四星级", model.Between("80", "90")),
		scoreBand("3", "三星级", model.Between("70", "80")),
		scoreBand("2", "二星级", model.Between("60", "70")),
		scoreBand("1", "一星级", model.Between("50", "60")),
		scoreBand("0", none, model.Below("50")),
	}
}

// ServiceFiveStar is 五星级基层服务型党组织百分制 (002 篇十一): a 100-point
// score by the superior committee, bonus by level (市3/省5/国家8, 以最高的为准),
// penalty events, caps from facts (换届, 满意率, 缺席), and quotas (五星 ≤ 10%,
// 一星及以下 ≥ 10%).
func ServiceFiveStar() model.Scheme {
	levels := []model.Level{
		{Code: "city", Name: "市级", Points: d("3")},
		{Code: "province", Name: "省级", Points: d("5")},
		{Code: "national", Name: "国家级", Points: d("8")},
	}
	return model.Scheme{
		Code: "fuwu-wuxing", Name: "基层服务型党组织星级评定（百分制）", Version: "1",
		Source:  "002 篇十一 五星级基层服务型党组织百分制（安阳市直机关）",
		Subject: model.SubjectUnit, Kinds: []model.UnitKind{model.KindOrgan},
		Total: d("100"), Period: "年度",
		Sources:      review("上级党组织考评"),
		BonusInGrade: true,
		Facts: []model.FactDef{
			fact("satisfaction", "党组织民主评议满意率", "%"),
			fact("electionOverdueMonths", "无特殊理由、无请示不按期换届的月数", "月"),
			fact("absences", "无故不参加市直工委会议、培训或不按时完成工作任务", "次"),
			fact("noticeCommittee", "受到市直工委通报批评", "次"),
			fact("noticeCity", "受到市委通报批评", "次"),
			fact("sanctionWarning", "领导班子成员受严重警告以下处分", "人次"),
			fact("sanctionRemoval", "领导班子成员受撤销党内职务以上处分", "人次"),
			fact("memberViolation", "一般党员违法违纪", "人次"),
		},
		Sections: []model.Section{
			{Code: "MAIN", Title: "星级评定（百分制）", Points: d("100"), Items: []model.Item{
				item("score", "星级评定百分制评分", "100", model.Manual(),
					method("对照十方面内容：1.组织健全；2.制度完善、落实；3.党组织战斗堡垒作用强；4.党员模范带头作用好；5.服务形式多样、服务对象满意度高；6.党建引领作用明显，群团工作扎实有效；7.遵章守纪好；8.设施配套齐全；9.落实上级工作坚决、及时、质量高；10.服务意识强、群众基础牢"),
					quote("星级评定原则上按照百分制进行评分")),
			}},
			{Code: "PLUS", Title: "附加条件：加分", Items: []model.Item{
				item("plus1", "党组织或书记受市级及以上表彰、在市以上媒体发表署名文章报道", "8",
					model.Levels(model.CombineHighest, nil, levels...), bonusItem(),
					quote("市级3分,省级5分,国家级8分,以最高的为准")),
				item("plus2", "基层党组织建设有重大创新并被上级认可、推广", "8",
					model.Levels(model.CombineHighest, nil, levels...), bonusItem(),
					quote("市级3分,省级5分,国家级8分")),
			}},
			{Code: "MINUS", Title: "附加条件：减分", Items: []model.Item{
				item("minus1", "受到通报批评", "0", model.Events(
					model.Event{Input: "noticeCommittee", Label: "受到市直工委通报批评", Per: d("-3"), Quote: "受到市直工委通报批评的、每次扣3分"},
					model.Event{Input: "noticeCity", Label: "受到市委通报批评", Per: d("-5"), Quote: "受到市委通报批评的、每次扣5分"}),
					penaltyItem(), by(model.SourceFacts)),
				item("minus2", "党员领导干部及党员违法违纪", "0", model.Events(
					model.Event{Input: "sanctionWarning", Label: "领导班子成员受严重警告以下处分", Per: d("-3"), Quote: "领导班子成员中受严重警告以下处分的、一人次扣3分"},
					model.Event{Input: "sanctionRemoval", Label: "领导班子成员受撤销党内职务以上处分", Per: d("-5"), Quote: "撤销党内职务以上扣5分"},
					model.Event{Input: "memberViolation", Label: "一般党员违法违纪", Per: d("-2"), Quote: "一般党员违法违纪一人次扣2分"}),
					penaltyItem(), by(model.SourceFacts)),
				item("minus3", "无故不参加会议、培训或不按时完成工作任务", "0", model.Events(
					model.Event{Input: "absences", Label: "无故不参加会议、培训或不按时完成任务", Per: d("-3"), Quote: "一次扣3分"}),
					penaltyItem(), by(model.SourceFacts)),
			}},
		},
		Bands: starBands("不定星级"),
		Caps: []model.Cap{
			{Code: "satisfaction60", Title: "民主评议满意率较低", Deduct: d("5"),
				When: []model.Condition{model.Cond("satisfaction", model.OpLE, "60", "满意率在60%以下")}, Quote: "60%以下扣5分"},
			{Code: "satisfaction50", Title: "民主评议满意率过低", MaxBand: "0",
				When: []model.Condition{model.Cond("satisfaction", model.OpLE, "50", "满意率在50%以下")}, Quote: "50%以下不定星级"},
			{Code: "election", Title: "不按期换届", MaxBand: "4",
				When:  []model.Condition{model.Cond("electionOverdueMonths", model.OpGT, "0", "无特殊理由、无请示不按期换届")},
				Quote: "无特殊理由、无请示,不按期进行党组织换届选举的,不得定为五星级"},
			{Code: "election12", Title: "超过一年不换届", MaxBand: "3",
				When:  []model.Condition{model.Cond("electionOverdueMonths", model.OpGT, "12", "超过一年不换届")},
				Quote: "超过一年不换届的,不得定为四星及以上等级"},
			{Code: "absences3", Title: "累计3次及以上无故缺席或未完成任务", MaxBand: "4", Lower: 1,
				When:  []model.Condition{model.Cond("absences", model.OpGE, "3", "年度内累计3次及以上")},
				Quote: "年度内累计超过3次及以上的,不得定为五星级,在年底进行星级评定时,应降低一个星级"},
		},
		Quotas: []model.Quota{
			{Code: "five10", Band: "5", Mode: model.QuotaAtMost, Share: pd("10"), Quote: "五星级基层服务型党组织数量一般不超过基层党组织总数的10%"},
			{Code: "one10", Band: "1", Span: model.SpanAndBelow, Mode: model.QuotaAtLeast, Share: pd("10"), Quote: "一星级以下党组织数量一般不低于基层党组织总数的10%"},
		},
		Notes: []model.Note{
			conventionNote,
			note("score", "原文列出十方面评定内容，未给各方面分值；内置为一项百分制评分，考核办可拆分为十项。"),
			note("", "程序为基层党组织自评、党员群众测评（党员参与率一般不低于80%）、上级党组织考评；原文未规定自评和测评的权重，由上级党组织综合确定，内置只计上级党组织考评。"),
			note("0", "“50—59分为一星级”与“50分以下不定星级”在50分处两属，按明确区间50分为一星级。各档“80—89分”按80分（含）至90分（不含）理解。"),
			note("plus1", "“可适当加分”：内置按所列分值加分，考核办可在评分时不予认定。"),
			note("plus2", "原文此条未写“以最高的为准”，内置与上一条一致按最高计。"),
			note("absences3", "“超过3次及以上”本身矛盾（超过3次即4次起，3次及以上含3次），内置按3次及以上。先降低一个星级，再不得高于四星级：95分累计3次为四星级，85分为三星级。"),
			note("satisfaction60", "“60%以下扣5分，50%以下不定星级”按“以下”含本数：满意率60%扣5分，50%不定星级（同时扣5分）。"),
			note("five10", "比例按向下取整：不足10个党组织时五星级名额为0，考核办可改为四舍五入。"),
		},
	}
}

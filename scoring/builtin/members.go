package builtin

import "xingji/model"

// NonPublicMember is 非公有制企业“星级党员”评比 (002 篇十五): five named stars,
// each scored out of 10 by the members and staff representatives and earned
// at 8 or more; the stars earned are the rating, within the quotas 五星 ≤ 10%
// (at least one per branch), 四星 ≤ 20%, 三星 ≥ 60%; an average of 4 or less
// per star means 二星 or below; listed misconduct removes the year's rating.
func NonPublicMember() model.Scheme {
	stars := []struct{ code, name, text string }{
		{"aigang", "爱岗敬业星", "兢兢业业，尽职尽责，勇挑重担，攻坚克难"},
		{"jishu", "技术创新星", "钻研业务，提高专业技能，创新生产工艺"},
		{"anquan", "安全生产星", "严格执行安全制度，模范遵守安全生产规定"},
		{"fengxian", "奉献爱心星", "热心公益事业，带头参加志愿活动，帮助困难群众"},
		{"chengxin", "诚实守信星", "坚持诚信原则，诚信做人"},
	}
	var items []model.Item
	var ss []model.Star
	for _, s := range stars {
		items = append(items, item(s.code, s.name, "10", model.Manual(), method(s.text)))
		ss = append(ss, model.Star{Code: s.code + "-star", Name: s.name, Ref: s.code, Earn: rangeP(model.AtLeast("8")),
			Quote: "每颗星总分值为10分,每项得8分及以上的为一个星级"})
	}
	count := func(code, name string, n int) model.Band {
		return model.Band{Code: code, Name: name, MinStars: ip(n)}
	}
	return model.Scheme{
		Code: "feigong-xingji-dangyuan", Name: "非公有制企业“星级党员”评比", Version: "1",
		Source:  "002 篇十五 非公有制企业“星级党员”评比活动（界首市）",
		Subject: model.SubjectMember, Total: d("50"), Period: "年度",
		Sources: []model.Source{{Code: model.SourcePublic, Name: "党员和党外职工代表民主评议", Weight: d("100"), Aggregate: model.AggMean}},
		Sections: []model.Section{
			{Code: "STARS", Title: "五个星级内容", Points: d("50"), Items: items},
		},
		Stars: &model.StarModel{Stars: ss, BandByCount: true},
		Bands: []model.Band{
			count("5", "五星级党员", 5), count("4", "四星级党员", 4), count("3", "三星级党员", 3),
			count("2", "二星级党员", 2), count("1", "一星级党员", 1), count("0", "无星", 0),
		},
		Caps: []model.Cap{{Code: "avg4", Title: "每颗星平均得分4分及以下", MaxBand: "2",
			When:  []model.Condition{model.Cond(model.FactStarAvg, model.OpLE, "4", "每颗星的平均得分为4分及以下")},
			Quote: "党员每颗星的平均得分为4分及以下的,确定为二星及以下党员"}},
		Quotas: []model.Quota{
			{Code: "five10", Band: "5", Mode: model.QuotaAtMost, Share: pd("10"), Quote: "五星级党员一般不超过党员总数的10%"},
			{Code: "fivePerBranch", Band: "5", Mode: model.QuotaAtLeast, Count: ip(1), PerParent: true, Quote: "原则上每个支部至少有一名五星级党员"},
			{Code: "four20", Band: "4", Mode: model.QuotaAtMost, Share: pd("20"), Quote: "四星级党员一般不超过党员总数的20%"},
			{Code: "three60", Band: "3", Mode: model.QuotaAtLeast, Share: pd("60"), Quote: "三星级党员作为星级党员的主体,应占党员总数的60%以上"},
		},
		Vetoes: []model.Veto{
			{Code: "absent6", Title: "连续6个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作", Effect: model.VetoDisqualify},
			{Code: "petition", Title: "煽动、参与、组织非法上访", Effect: model.VetoDisqualify},
			{Code: "illegalOrg", Title: "参加非法组织", Effect: model.VetoDisqualify},
			{Code: "discipline", Title: "有违法违纪行为，受党内警告及以上处分", Effect: model.VetoDisqualify},
			{Code: "criminal", Title: "触犯国家法律法规，被执法机关立案侦查或取保候审", Effect: model.VetoDisqualify},
			{Code: "other", Title: "有其他违反党纪国法行为", Effect: model.VetoDisqualify},
		},
		Notes: []model.Note{
			conventionNote,
			note("", "原文既说“每项得8分及以上的为一个星级”，又说“党员星级依据参加评比人员汇总的总分从高分至低分按比例确定”，两者矛盾。内置：先按得星数定星，再按总分从高到低执行比例控制（超出上限的顺延下一星级，三星级不足60%的从下面总分高者递补）。考核办可删去比例控制而只按得星数。"),
			note("", "评分人为支部全体党员和党外职工代表（人数不少于党员总数的50%），无记名评议取平均；最少人数随支部规模而定，内置未设下限。支委会可结合平时表现审定。"),
			note("fivePerBranch", "“每个支部至少有一名五星级党员”：内置为每个支部总分最高且可评五星的党员保留名额（不受得星数限制），与“不超过10%”冲突时以每支部一名为准并在结果中说明。"),
			note("", "凡被推荐为优秀共产党员的，本年度星级必须为五星级——这是推荐的前提条件，不在评分中计算。"),
		},
	}
}

// MemberFlagStar is 党员“评星”（创五星级党员）of 004 第二篇: 20 items of 5
// points under the 五带头, scored by the member (20%), fellow members (30%,
// averaged), leaders (20%) and staff representatives (30%, five, averaged);
// bands 90/80/70/60, and 五星 only with "特别突出的优秀表现".
func MemberFlagStar() model.Scheme {
	groups := []struct {
		code, title string
		items       []string
	}{
		{"S1", "(一)带头学习提高", []string{"积极参加学习活动，自学意识强，撰写心得", "学习成果运用到工作中，帮助他人提高", "对支部学习积极提建议", "向党员宣传党建理论、交流体会"}},
		{"S2", "(二)带头争创佳绩", []string{"责任意识强，尽职尽责", "行动意识强，主动及时解决问题", "创新意识强，勇于尝试新举措", "改进意识强，认真整改"}},
		{"S3", "(三)带头服务员工", []string{"密切联系群众，以员工满意度检验成效", "改进作风、强化效能，提高服务质量", "以学习型党支部为载体提升服务能力", "主动为帮扶对象解决困难"}},
		{"S4", "(四)带头遵纪守法", []string{"认真履行党员义务", "严格遵守规章制度，无违纪违规", "遵守党风廉政建设规定，学习贯彻《廉政准则》", "加强作风建设，牢固树立自律意识"}},
		{"S5", "(五)带头弘扬正气", []string{"树立正确的世界观、人生观和价值观", "加强职业道德和勤政廉政学习，遵守礼仪规范", "勤俭节约，力戒铺张浪费", "尊重领导，团结同事，口碑好"}},
	}
	var secs []model.Section
	for g, grp := range groups {
		sec := model.Section{Code: grp.code, Title: grp.title, Points: d("20")}
		for k, t := range grp.items {
			sec.Items = append(sec.Items, item(itoa(g+1)+"."+itoa(k+1), t, "5", model.Manual()))
		}
		secs = append(secs, sec)
	}
	return model.Scheme{
		Code: "shouqi-pingxing-dangyuan", Name: "党员授旗评星（创五星级党员）", Version: "1",
		Source:  "004 第二篇 党支部授旗评星活动 实施方案",
		Subject: model.SubjectMember, Total: d("100"), Period: "季度",
		Sources: []model.Source{
			{Code: model.SourceSelf, Name: "党员自评", Weight: d("20")},
			{Code: model.SourcePeer, Name: "党员互评", Weight: d("30"), Aggregate: model.AggMean},
			{Code: model.SourceLeader, Name: "领导点评", Weight: d("20"), Aggregate: model.AggMean},
			{Code: model.SourcePublic, Name: "职工参评", Weight: d("30"), Aggregate: model.AggMean, MinRaters: 5},
		},
		Facts:    []model.FactDef{flagFact("outstanding", "有特别突出的优秀表现")},
		Sections: secs,
		Bands: []model.Band{
			{Code: "5", Name: "五星级党员", Range: model.AtLeast("90"),
				Requires: []model.Condition{model.IsFlag("outstanding", "有特别突出的优秀表现")},
				Quote:    "党员没有特别突出的优秀表现,不能评定五星级党员,五星级党员综合考核分数不低于90"},
			scoreBand("4", "四星级党员", model.Between("80", "90")),
			scoreBand("3", "三星级党员", model.Between("70", "80")),
			scoreBand("2", "二星级党员", model.Between("60", "70")),
			scoreBand("1", "一星级党员", model.Below("60")),
		},
		Notes: []model.Note{
			conventionNote,
			note("1", "原文“一星级党员综合考核分数不得低于60分”与“二星级党员综合考核分数60-70分”矛盾，按“低于60分为一星级”理解；“三星级不低于70-80分”按70分（含）至80分（不含）。"),
			note("", "互评“以平均值为综合测评得分”，职工参评“由5个职工代表…以平均值”：内置互评、领导点评、职工参评取平均，职工参评少于5人时标出。某一来源缺失时其余来源权重按比例折算为100%。"),
			note("5", "“特别突出的优秀表现”由支部评定，作为事实“outstanding”录入；90分以上但未认定的评为四星级。"),
		},
	}
}

// PioneerFlag is 先锋旗（“五好”）评定 of 004 第三篇: five 好 of 20 points
// each, one flag a quarter to the best branch.
func PioneerFlag() model.Scheme {
	type it struct{ title, points string }
	groups := []struct {
		code, title string
		items       []it
	}{
		{"G1", "一、领导班子好", []it{{"学习实践科学理论，贯彻上级方针政策，党员集中教育每年不少于6天", "4"}, {"班子健全、结构合理、坚持民主集中制", "4"},
			{"班子成员奋发有为、勤政廉洁，无违纪违法", "4"}, {"主要负责人带头抓创先争优，班子成员各负其责", "4"}, {"坚持原则，化解矛盾纠纷，维护稳定", "4"}}},
		{"G2", "二、党员队伍好", []it{{"发展党员有规划、有措施、有落实", "4"}, {"党员党性意识强，发挥先锋模范作用", "4"},
			{"党员做到“五带头”，在群众中威信高", "4"}, {"党员廉洁自律，率先垂范", "4"}, {"保障党员权利，党员队伍有凝聚力", "4"}}},
		{"G3", "三、工作机制好", []it{{"建立健全工作制度和党员教育、管理、监督制度", "4"}, {"坚持“三会一课”、民主评议、目标管理制度，有活动场所", "4"},
			{"推行公开承诺，开展群众评议", "4"}, {"建立健全创先争优创建、评比、表彰制度", "4"}, {"建立完善民生帮扶和保障机制", "4"}}},
		{"G4", "四、工作业绩好", []it{{"完成各项经济发展指标，成效明显", "3"}, {"企业支部依法经营、诚实守信，指标增长，职工权益得到保障", "3"},
			{"服务体系健全，及时解决热点难点问题", "3"}, {"创先争优扎实有效，党建与中心工作相互促进", "4"},
			{"积极参与社会活动，应对突发事件成效显著", "3"}, {"无集体上访和群体性事件，无重大安全事故", "4"}}},
		{"G5", "五、群众反映好", []it{{"模范执行群众路线，重大决策符合实际", "4"}, {"班子作风务实，深入基层排忧解难", "4"},
			{"倾听群众呼声，党群干群关系密切", "4"}, {"积极开展送温暖和帮困活动", "4"}}},
	}
	var secs []model.Section
	var stars []model.Star
	for _, grp := range groups {
		sec := model.Section{Code: grp.code, Title: grp.title, Points: d("20")}
		for k, x := range grp.items {
			sec.Items = append(sec.Items, item(grp.code+"-"+itoa(k+1), x.title, x.points, model.Manual()))
		}
		stars = append(stars, model.Star{Code: grp.code + "-star", Name: grp.title[len("一、"):], Ref: grp.code,
			Quote: "按照领导班子好、党员队伍好、工作机制好、工作业绩好、群众反映好的五好标准评定XX先锋旗"})
		secs = append(secs, sec)
	}
	secs[4].Items = append(secs[4].Items, item("G5-5", "群众满意率达85%以上", "4", model.Table(model.TableRule{
		Input: "satisfaction", Label: "群众满意率", Unit: "%", Domain: rate,
		Bands: []model.TableBand{band(model.Closed("85", "100"), "4"), band(model.Below("85"), "0")}}),
		by(model.SourceFacts), quote("群众满意率达85%以上。(4分)")))
	s := model.Scheme{
		Code: "xianfengqi", Name: "先锋旗（“五好”党支部）评定", Version: "1",
		Source:  "004 第三篇 XX区授旗评星方案 附件 XX先锋旗评定标准",
		Subject: model.SubjectUnit, Total: d("100"), Period: "季度",
		Sources:  review("党总支综合评定"),
		Facts:    []model.FactDef{fact("satisfaction", "群众满意率", "%")},
		Sections: secs,
		Stars:    &model.StarModel{Stars: stars},
		RedFlag:  &model.RedFlag{Name: "先锋旗", Count: 1, Quote: "“XX先锋旗”评定一面,在全系统各党支部中评选产生"},
		Notes: []model.Note{
			conventionNote,
			note("", "授旗程序为支部自评、邀请领导点评、听取群众意见（发放测评表）、党总支综合评定；原文未规定前几步的权重，内置只计党总支综合评定。"),
			note("", "授旗后“与所授荣誉条件不符将被予以‘撤旗、摘星’”，发生在授旗期内，需另行记录，不在本期评分中计算。党员“五颗模范星”原文无分值，“达到相应标准即可评星”，未录入本方案。"),
			note("G4-2", "本条针对企业支部；机关支部是否计分原文未说明，内置对所有支部计分。"),
		},
	}
	for _, st := range stars {
		s.Notes = append(s.Notes, note(st.Code, "“"+st.Name+"”每一“好”达到多少分算“好”，原文未规定；先锋旗只按总分评定。", model.PStar))
	}
	return s
}

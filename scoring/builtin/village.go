package builtin

import "xingji/model"

// Village is 村党支部星级评定 (002 篇十二, with the contents and bands of 篇十六):
// the village committee's self-assessment and the township committee's
// assessment weighted 3:7 item by item, the 群众满意星 for a satisfaction
// rate above 80%, bands 95/90/80/70/60, and the veto list of 篇十六.
func Village() model.Scheme {
	contents := []struct{ code, title, method string }{
		{"policy", "服务政策宣传星：宣传落实涉农惠农政策，党务、村务公开", "重点：土地征收、拆迁、补偿；直补资金发放；农保医保费收缴；计划生育等"},
		{"law", "服务法律援助星：依法治村，调处矛盾纠纷", "重点：社会综合治理；安全生产等"},
		{"skills", "服务技能培训星：组织致富实用技能培训", "重点：粮食生产；招商引资；产业开发；劳务输出；致富带富等"},
		{"livelihood", "服务民生改善星：改善民生基础工程", "重点：饮水、用水；路、桥、电；学校；五保之家；村级组织活动中心、卫生室、便民服务站等"},
		{"economy", "服务经济发展星：壮大村级集体经济", "确保每年村级集体经济纯收入在5万元以上"},
	}
	var items []model.Item
	for _, c := range contents {
		items = append(items, item(c.code, c.title, "20", model.Manual(), method(c.method)))
	}
	return model.Scheme{
		Code: "cun-xingji", Name: "村党支部星级评定管理", Version: "1",
		Source:  "002 篇十二 村党支部星级化管理方案（3:7加权、群众满意星）；篇十六 争创内容与星级标准",
		Subject: model.SubjectUnit, Kinds: []model.UnitKind{model.KindRural},
		Total: d("100"), Period: "年度",
		Sources: []model.Source{
			{Code: model.SourceSelf, Name: "村党组织自评", Weight: d("30")},
			{Code: model.SourceReview, Name: "乡党委考评", Weight: d("70")},
		},
		Facts: []model.FactDef{fact("satisfaction", "群众满意度测评满意率", "%")},
		Sections: []model.Section{
			{Code: "MAIN", Title: "五星级服务型党组织争创内容", Points: d("100"), Items: items},
		},
		Bands: []model.Band{
			scoreBand("5", "五星级", model.AtLeast("95")),
			scoreBand("4", "四星级", model.Between("90", "95")),
			scoreBand("3", "三星级", model.Between("80", "90")),
			scoreBand("2", "二星级", model.Between("70", "80")),
			scoreBand("1", "一星级", model.Between("60", "70")),
			scoreBand("0", "无星", model.Below("60")),
		},
		Stars: &model.StarModel{Stars: []model.Star{{
			Code: "satisfied", Name: "群众满意星",
			Requires: []model.Condition{model.Cond("satisfaction", model.OpGT, "80", "群众测评满意率高于80%")},
			Quote:    "随机抽取不少于10%住户进行群众满意度测评,测评满意率在80%以下的,不得授予“群众满意星”",
		}}},
		Vetoes: []model.Veto{
			{Code: "lianzheng", Title: "违反党风廉政建设", Effect: model.VetoDisqualify},
			{Code: "jisheng", Title: "违反计划生育", Effect: model.VetoDisqualify},
			{Code: "anquan", Title: "违反安全生产", Effect: model.VetoDisqualify},
			{Code: "zongzhi", Title: "违反综合治理", Effect: model.VetoDisqualify},
		},
		Notes: []model.Note{
			conventionNote,
			note("", "篇十二未附考评细则；篇十六列五项争创内容但未给分值。内置按五项各20分，考核办须确认或改为本乡细则。"),
			note("", "“根据村党组织自评和乡党委考评结果,按照3:7的比例加权计分,综合计算结果即为每项最后得分”：逐项加权后合计；缺自评时按考评计（权重折算为100%）。"),
			note("satisfied", "“满意率在80%以下的,不得授予”按“以下”含本数，满意率须高于80%方可授予。"),
			note("5", "篇十六“95-100分为五星级,95-90分为四星级,90-80分为三星级……60分以下无星”各档边界两属，按下限含、上限不含理解：95分为五星级，60分为一星级。"),
			note("lianzheng", "篇十六：出现一票否决问题的“直接取消星级资格,并在一年内不予恢复”；“一年内不予恢复”需要历期结果，本方案只取消本期。"),
		},
	}
}

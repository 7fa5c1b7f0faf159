package builtin

import "xingji/model"

// bureauItems is the 实施细则 of 003, category by category: each item with
// its deduction clauses, as far as the document's text survives. Every
// number of this document was lost in publication ("扣分", "加—分", "分以上为
// 优秀"), so every 分值 and every deduction is left zero and flagged.
var bureauItems = []struct {
	code, title string
	clauses     []string
}{
	{"1-1", "支部班子健全，配备合理，按期换届，随缺随补", []string{"支部班子配备不全、配备不合理", "换届、补选不及时"}},
	{"1-2", "支委分工明确，职责落实，团结协作", []string{"支委未进行明确分工或职责不落实", "班子成员不团结协作或敬业精神差"}},
	{"1-3", "班子成员熟悉、热爱党务工作，认真履行职责", []string{"每项未做到"}},
	{"1-4", "组织支部和党员完成上级党组织交给的任务", []string{"未完成任务", "组织不力或完成不好"}},
	{"1-5", "积极支持工、青、妇组织开展工作", []string{"党员不积极支持和参加工、青、妇活动（人次）"}},
	{"2-1", "坚持“三会一课”和民主评议制度", []string{"党员大会、支委会、党小组会、党课和组织活动少一次", "会议、活动记录不规范、不健全（次）"}},
	{"2-2", "加强理论学习，坚持周三晚上固定学习日", []string{"集中教育每缺一人", "没有坚持周三晚上理论学习（次）", "分组学习每缺一人", "学习质量差", "无学习记录或记录不规范"}},
	{"2-3", "及时制订和上报各类计划、总结", []string{"各类计划、总结每缺一项", "未按规定时间上报（次）", "计划中的工作未按时落实（项）"}},
	{"2-4", "每季按时自查考核并书面上报", []string{"没有开展自查考核", "开展考核未及时上报"}},
	{"2-5", "按照《党建手册》运行", []string{"内审发现观察项（个）", "不符合项（个）", "严重不符合项（个）"}},
	{"2-6", "做好党员发展工作，开展“一帮一”活动", []string{"没有开展“一帮一”活动", "没有落实入党积极分子培养、教育、考察措施", "发展手续不齐全或材料不齐全", "未按规定办理党员转正手续"}},
	{"2-7", "做好经常性思想工作，落实谈心制度", []string{"没有分析思想状况（次）", "没有按要求开展谈心活动（次）", "没有向党总支书记或副书记汇报"}},
	{"2-8", "按规定及时收缴党费并登记签字", []string{"没有及时、足额收缴党费（次）", "党费收缴没有按月登记签字（次）"}},
	{"2-9", "组织学习业务知识，参加会议、讲座、培训、竞赛", []string{"未按规定参加会议、培训、知识竞赛（人次）"}},
	{"2-10", "重要活动信息上报，每季上报党建工作信息", []string{"党建工作信息每少上报一篇", "开展重要活动未上报信息材料（次）"}},
	{"3-1", "协助完成局岗位目标任务，党员带头做好本职工作", []string{"所属部门未完成任务或发生严重质量差错", "党员带头作用不好"}},
	{"3-2", "协助抓好文明单位、计划生育、社会综合治理", []string{"党员在创建工作中不积极或有不良反映", "违反《治安条例》（人次）", "违反计划生育"}},
	{"3-3", "做好扶贫帮困工作", []string{"扶贫活动记录不完整", "走访每少一次", "帮扶资金不足"}},
	{"3-4", "每年以支部为单位开展一项有意义的活动", []string{"支部没有活动计划", "没有开展活动", "活动质量不高"}},
	{"4-1", "落实党风廉政建设责任制，每半年教育和分析一次", []string{"每项未做到"}},
	{"4-2", "党员无违反廉政规定，对违纪党员及时上报处理", []string{"党员在廉政建设中发生问题", "对违纪党员隐瞒不报", "未按规定认真处理"}},
	{"4-3", "遵守规章制度，按时上下班，着装规范", []string{"违反劳动纪律、着装规定（人次）"}},
	{"4-4", "推行政务公开，依法行政，无投诉举报", []string{"因作风问题造成失误、引起投诉举报（项）"}},
	{"5-1", "党员民主评议合格以上，部门考核称职以上", []string{"民主评议党员有基本合格", "有不合格", "部门考核有基本称职", "有不称职"}},
	{"5-2", "党员理想信念坚定，无违法违纪不良行为", []string{"理想信念不坚定、闹不团结、欺骗党组织（例）", "搞迷信活动、参与赌博（人次）", "参与嫖娼或xx组织"}},
	{"5-3", "党员发挥先锋模范作用，测评基本满意率达标", []string{"党员作用不明显，群众有不良反映（次）", "党员测评基本满意率未达到规定比例"}},
	{"5-4", "党员在社区严格自律", []string{"社区、群众对党员有不良反映"}},
	{"6-1", "党支部负责人由中层以上党员干部担任", []string{"未做到"}},
	{"6-2", "支部书记亲自部署、组织、检查", []string{"未做到（例）"}},
	{"6-3", "党员领导干部参加党支部、党小组活动", []string{"局党组成员无故缺席本党小组活动（次）", "没有参加党小组民主生活会（次）"}},
	{"6-4", "配合人事部门培养、选拔、推荐人才", []string{"未做好（例）"}},
}

var bureauCategories = []string{
	"(一)组织健全，领导班子好", "(二)活动正常，制度保障好", "(三)围绕中心，服务意识好",
	"(四)干净干事，工作作风好", "(五)群众信任，党员队伍好", "(六)领导重视，党建环境好",
}

// Bureau is 局党支部目标管理考核办法 (003): six categories of deductions, four
// grades (优秀/合格/基本合格/不合格) on the total without bonus, and bonus kept
// out of the grade ("加分部分不计入等级考核分,但可作终评比先进党支部的参考依据").
// Its numbers were lost from the document: the scheme is a template the
// office completes, and Validate flags every missing number.
func Bureau() model.Scheme {
	s := model.Scheme{
		Code: "ju-mbgl", Name: "局党支部目标管理考核办法", Version: "1",
		Source:  "003 局党支部目标管理考核办法及实施细则",
		Subject: model.SubjectUnit, Kinds: []model.UnitKind{model.KindOrgan},
		Period:       "季度",
		Sources:      review("党总支考核小组考核"),
		BonusInGrade: false,
		Bands: []model.Band{
			{Code: "excellent", Name: "优秀", Quote: "考核总分(不含加分)分以上为优秀"},
			{Code: "pass", Name: "合格"},
			{Code: "basic", Name: "基本合格"},
			{Code: "fail", Name: "不合格"},
		},
		Vetoes: []model.Veto{
			{Code: "V1", Title: "党员有违背党的四项基本原则言行", Effect: model.VetoNoAward},
			{Code: "V2", Title: "党风廉政建设发生严重问题", Effect: model.VetoNoAward},
			{Code: "V3", Title: "违法违纪受处分", Effect: model.VetoNoAward},
			{Code: "V4", Title: "触犯刑律", Effect: model.VetoNoAward},
			{Code: "V5", Title: "违反计划生育政策", Effect: model.VetoNoAward},
		},
		Notes: []model.Note{
			conventionNote,
			note("", "原文的数字在发布时全部丢失（总分、各项基本分、扣分和加分标准、等次分数线、先进名额、扣奖公式中的系数）。内置只录入条目和扣分情形，数字一律留空并标出，须考核办按本单位文件补齐。", model.PTotalMissing),
			note("", "各党支部每季度自查打分，考核小组逐项考核，党总支审定；自查分只作核对，内置只计考核小组的分数。"),
			note("", "“取消先进党支部和先进党小组的评比资格”的五种情形录为否决条件（不影响等次）。先进党支部由自评、互评、考评、党总支综合评定产生，名额原文缺失，内置不自动评选。"),
			note("", "扣奖公式“扣奖总额=行政考核基数奖金×…×[-支部考核分(不含加分)/分]×…%”涉及奖金，不属于评分，且系数缺失，未录入。"),
		},
	}
	for _, b := range s.Bands[:3] {
		s.Notes = append(s.Notes, note(b.Code, "等次“"+b.Name+"”的分数线原文缺失。", model.PBandBound))
	}
	for c, title := range bureauCategories {
		sec := model.Section{Code: "C" + itoa(c+1), Title: title}
		for _, bi := range bureauItems {
			if bi.code[0] != byte('1'+c) {
				continue
			}
			var clauses []model.DeductClause
			for k, label := range bi.clauses {
				clauses = append(clauses, model.DeductClause{Input: "c" + itoa(k+1), Label: label})
			}
			sec.Items = append(sec.Items, item(bi.code, bi.title, "0", model.Deduct(clauses...), quote("基本分扣完为止")))
			s.Notes = append(s.Notes, note(bi.code, "本项基本分和扣分标准的数字原文缺失。", model.PItemPoints, model.PRuleValue))
		}
		s.Sections = append(s.Sections, sec)
	}
	bonus := model.Section{Code: "BONUS", Title: "加分项目（不计入等级考核分）", Items: []model.Item{
		item("B1", "参加市直机关工委组织的活动受通报表扬或取得好成绩", "0", model.Manual(), bonusItem(), quote("视情加—分")),
		item("B2", "党建信息或论文在《机关党建》及其他党刊发表", "0", model.Manual(), bonusItem(), quote("加-分")),
		item("B3", "完成任务出色受通报表扬", "0", model.Manual(), bonusItem(), quote("加-分")),
		item("B4", "党员在廉政建设中表现突出，受局以上通报表扬或书面表扬", "0", model.Manual(), bonusItem(), quote("加-分")),
	}}
	for _, it := range bonus.Items {
		s.Notes = append(s.Notes, note(it.Code, "加分幅度原文缺失。", model.PItemPoints))
	}
	s.Sections = append(s.Sections, bonus)
	return s
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

package builtin

import "xingji/model"

// Enterprise is 企业党(总)支部“创先争优”活动考核细则 (000 第四篇): five parts
// entered by five departments (组织部 60, 宣传部 10, 党办 10, 纪委办 10, 干部部 10),
// bonus items outside the 100, an 一票否决 list, and the grades 达标 (85),
// 先进 (chosen among 达标) and 模范 (among 先进, 满意率 ≥ 95%, 组织生活率 ≥ 98%).
func Enterprise() model.Scheme {
	c := clause
	org, prop, office, disc, cadre := "组织部", "宣传部", "党委办公室", "纪委办公室", "干部部"
	return model.Scheme{
		Code: "qiye-cxcy", Name: "企业党(总)支部“创先争优”活动考核细则", Version: "1",
		Source:  "000 第四篇 “创先争优”活动方案及考核细则 十、考核细则",
		Subject: model.SubjectUnit, Kinds: []model.UnitKind{model.KindEnterprise},
		Total: d("100"), Period: "半年",
		Sources: review("党委各部门综合检查考核"),
		Facts: []model.FactDef{
			fact("satisfaction", "党(总)支部班子民主测评满意率", "%"),
			fact("orgLifeRate", "党员参加组织生活率", "%"),
			fact("economic", "工厂经营责任制考核得分", "分"),
			flagFact("selectedAdvanced", "组织部择优推荐为先进"),
			flagFact("contribution", "在工厂改革和完成生产经营任务中有突出贡献"),
			flagFact("innovation", "党(总)支部建设与时俱进、有创新"),
		},
		Sections: []model.Section{
			{Code: "ORG", Title: "⑴组织部负责考核内容", Points: d("60"), Department: org, Items: []model.Item{
				item("O1", "坚持集体领导制度", "3", model.Deduct(c("notExecuted", "未执行重大问题集体讨论制度", "3"), c("insufficient", "执行不够", "1")),
					quote("未执行制度减3分,执行不够减1分")),
				item("O2", "坚持民主生活会制度", "4", model.Deduct(c("missingSteps", "按规定程序每少一项", "1")), quote("按规定程序每少一项减1分")),
				item("O3", "坚持对党(总)支部工作测评制度", "3", model.Table(model.TableRule{
					Input: "satisfaction", Label: "工作测评满意率", Unit: "%", Domain: rate,
					Bands: []model.TableBand{band(model.Closed("60", "75"), "0"), band(model.Closed("75", "84"), "1"),
						band(model.Closed("85", "90"), "2"), band(model.Range{From: pd("90"), To: pd("100"), FromExcl: true, ToIncl: true}, "3")}}),
					by(model.SourceFacts), quote("满意率在60%至75%之间减3分;75%—84%之间减2分;85%—90%减1分")),
				item("O4", "坚持“三会一课”制度", "5", model.Deduct(
					c("missingGeneral", "党员大会少一次", "2"), c("missingCommittee", "支委会少一次", "1"), c("missingGroup", "党小组会少一次", "1"),
					c("missingLectures", "党课少一次", "2"), c("lowAttendance", "党员参加组织生活低于95%（次）", "1"),
					c("noRecords", "无记录视为未开会（每项）", "2"), c("irregularRecords", "记录不规范", "1")),
					quote("党员大会少一次减2分;支委会少一次减1分;党小组会少一次减1分;党课少一次减2分;党员参加组织生活低于95%,一次减1分;无记录视为按要求未开会,每项减2分;记录不规范减1分")),
				item("O5", "组织发展工作", "2", model.Deduct(c("devSteps", "发展党员程序一项未达到要求", "1")), quote("发展党员的程序一项未达到要求减1分")),
				item("O6", "按时上缴党费", "1", model.Deduct(c("lateDues", "未及时上缴党费", "1")), quote("未及时上缴减1分")),
				item("O7", "例会制度", "1", model.Deduct(c("absentPersons", "党委组织的党员大会无故不参加（人次）", "0.5"),
					c("lateEarly", "书记、委员例会迟到、早退（次）", "0.5"), c("selfAbsent", "本人无故不参加", "1")),
					quote("无故不参加每少1人次减0.5分,…迟到、早退每发生一次减0.5分;本人无故不参加的减1分")),
				item("O8", "按时上报材料及报表", "1", model.Deduct(c("notReported", "未报", "1")), quote("未报减1分")),
				item("O9", "党内主题活动", "10", model.DeductZeroIf([]model.Flag{flag("noResults", "无成果")},
					c("missingParts", "方案、检查、考核、典型、总结每缺一项", "2"), c("poorOrganisation", "组织不利、成果不显著", "5")),
					quote("做到有方案、有检查、有考核、有典型、有总结,每缺一项减2分。无成果的不得分。组织不利、成果不显著减5分")),
				item("O10", "经营责任制及各项行政管理工作", "30", model.Proportional("economic", "工厂经营责任制考核得分", d("100")),
					by(model.SourceFacts), quote("按工厂经营责任制考核实际得分结果,同比例扣减分数")),
			}},
			{Code: "PROP", Title: "⑵宣传部负责考核内容", Points: d("10"), Department: prop, Items: []model.Item{
				item("P1", "党(总)支部班子成员理论学习", "4", model.Deduct(c("noStudy", "未组织学习、未有记录", "2"),
					c("missingNotes", "笔记每少一次", "0.5"), c("noEssay", "未上交学习心得、论文或调研报告", "1"))),
				item("P2", "职工教育每月一次", "1", model.Deduct(c("noEducation", "未按要求进行", "1"))),
				item("P3", "落实工厂精神文明建设各项工作", "2", model.Deduct(c("missingCivil", "每少一项", "1"), c("civilUnfinished", "项目未完成", "2"))),
				item("P4", "综合治理工作", "3", model.Deduct(c("detained", "职工被拘留（人次）", "2"), c("warned", "受到治安部门警告或罚款（人次）", "1"),
					c("illegalFire", "违章动火未造成损失", "3"))),
			}},
			{Code: "OFFICE", Title: "⑶党委办公室负责考核内容", Points: d("10"), Department: office, Items: []model.Item{
				item("D1", "落实党委重点工作", "6", model.Deduct(c("lateSummary", "未按时上报工作总结和计划", "2"), c("lateInfo", "信息上报不及时", "2"),
					c("concealed", "瞒报、漏报", "4"), c("noMinutes", "支委会未有记录", "2"))),
				item("D2", "党委下发的文件保管完整、齐全", "2", model.Deduct(c("missingDocs", "缺少一份", "0.5"))),
				item("D3", "加强对工团工作领导", "2", model.Deduct(c("noUnionMinutes", "支委会未有记录", "1"))),
			}},
			{Code: "DISC", Title: "⑷纪委办公室负责考核内容", Points: d("10"), Department: disc, Items: []model.Item{
				item("K", "纪委办公室考核六条（原文未分项给分）", "10", model.Deduct(
					c("noResponsibility", "党风廉政建设责任制不健全", "2"), c("notImplemented", "责任制未认真执行", "1"),
					c("missingEducation", "半年一次党风廉政教育每少一次", "1"), c("lateMajor", "党风廉政重大事项未及时报告", "5"),
					c("fundsRule", "自有资金未按照规定执行", "2"), c("fundsReport", "自有资金管理使用未向职工报告", "3"),
					c("concealViolation", "瞒报违纪问题", "5"), c("noCooperation", "不配合纪检、监察、专项检查", "3"))),
			}},
			{Code: "CADRE", Title: "⑸干部部负责考核内容", Points: d("10"), Department: cadre, Items: []model.Item{
				item("C1", "搞好班子建设", "5", model.Deduct(c("teamFailure", "民主集中制贯彻不利、不团结、工作涣散造成失误", "5"))),
				item("C2", "加强后备干部培养教育管理", "3", model.Deduct(c("reserveFailure", "制度执行不利", "3"))),
				item("C3", "加强人才队伍建设", "1", model.Deduct(c("talentLoss", "人才流失每超过本单位职工1%", "1"))),
				item("C4", "切实做好培训工作", "1", model.Deduct(c("trainingAbsent", "无故不参加工厂组织的培训（人次）", "1"))),
			}},
			{Code: "BONUS", Title: "㈡加分项目", Items: []model.Item{
				item("B1", "班子团结、民主作风好、工作成效显著", "5", model.AllOrNothing(flag("yes", "符合")), bonusItem(), dept("组织部、干部部")),
				item("B2", "组织开展有特色、有创新的活动", "4", model.AllOrNothing(flag("yes", "符合")), bonusItem(), dept("各部室")),
				item("B3", "落实党委重点工作突出", "2", model.AllOrNothing(flag("yes", "符合")), bonusItem(), dept("各部室")),
				item("B4", "在厂内交流、介绍党建工作经验", "2", model.AllOrNothing(flag("yes", "符合")), bonusItem(), dept("各部室")),
				item("B5", "组织党员帮助职工解决实际问题，事例突出", "2", model.AllOrNothing(flag("yes", "符合")), bonusItem(), dept(org)),
				item("B6", "对工厂经济效益有突出贡献", "5", model.AllOrNothing(flag("yes", "符合")), bonusItem(), dept("有关部室")),
			}},
		},
		Bands: []model.Band{
			{Code: "model", Name: "模范", Range: model.AtLeast("85"), Within: "advanced",
				Requires: []model.Condition{
					model.Cond("satisfaction", model.OpGE, "95", "班子测评满意率在95%以上"),
					model.Cond("orgLifeRate", model.OpGE, "98", "党员参加组织生活率98%以上"),
					model.IsFlag("contribution", "在工厂改革和完成生产经营任务中有突出贡献"),
					model.IsFlag("innovation", "党(总)支部建设与时俱进、有创新")},
				Quote: "模范党(总)支部在先进党(总)支部中产生"},
			{Code: "advanced", Name: "先进", Range: model.AtLeast("85"), Within: "standard",
				Requires: []model.Condition{
					model.IsFlag("selectedAdvanced", "组织部择优推荐为先进"),
					model.Cond("satisfaction", model.OpGE, "90", "党支部班子的满意率在90%以上")},
				Quote: "先进党(总)支部在达标党(总)支部中择优产生"},
			{Code: "standard", Name: "达标", Range: model.AtLeast("85"),
				Requires: []model.Condition{model.Cond("satisfaction", model.OpGE, "85", "职工群众对党(总)支部班子的满意率达到85%以上")},
				Quote:    "达标党(总)支部为85分"},
			{Code: "below", Name: "未达标", Range: model.Below("85"), Quote: "85分以下视为未达标"},
		},
		Vetoes: []model.Veto{
			{Code: "V1", Title: "党(总)支部建设工作未达标", Department: org, Effect: model.VetoNoAward, MaxBand: "standard"},
			{Code: "V2", Title: "主要生产经营指标未完成", Department: "企管部", Effect: model.VetoNoAward, MaxBand: "standard"},
			{Code: "V3", Title: "民主测评满意率低于85%，或有人员违法违纪受到纪律处分及以上", Department: "组织部、纪委办", Effect: model.VetoNoAward, MaxBand: "standard"},
			{Code: "V4", Title: "班子不团结，工作涣散，造成重大工作失误及影响", Department: "干部部、组织部、纪委办", Effect: model.VetoNoAward, MaxBand: "standard"},
			{Code: "V5", Title: "出现不稳定现象，集体上访、闹事、怠工", Department: "干部部、党办、信访办", Effect: model.VetoNoAward, MaxBand: "standard"},
			{Code: "V6", Title: "出现重大质量、设备、安全事故、综合治理超标及否决项目，违反计划生育政策等", Department: "生产制造部、质量检查部、资产管理部、保卫部、信访办", Effect: model.VetoNoAward, MaxBand: "standard"},
			{Code: "V7", Title: "养老保险上缴不及时或发生拖欠", Department: "人力资源部", Effect: model.VetoNoAward, MaxBand: "standard"},
		},
		Notes: []model.Note{
			conventionNote,
			note("", "各党(总)支部先“自检自查”，再由党委各部门考核打分；原文未规定自查分的权重，内置只计各部门考核（每部门填报本部门部分）。"),
			note("", "原文未说明加分项目是否计入85分达标线；内置不计入（与003一致），加分在结果中单列，考核办可改。"),
			note("O3", "测评满意率各档：75%两属（60%至75%减3分、75%—84%减2分），84%至85%之间和60%以下未规定，90%以上不减分为推定。内置照录并标出，须考核办明确。", model.PTableOverlap, model.PTableGap),
			note("O10", "未写明“经营责任制考核”的满分，内置按100分折算（30分 × 实际得分 ÷ 100），作为事实“economic”录入。"),
			note("K", "纪委办公室10分下列六条，原文未给各条分值；内置合为一项10分，按各条扣分、减完为止。"),
			note("standard", "“达标为85分”与“85分以下视为未达标”在85分处两属，按前者85分为达标；达标还须满足标准化条件“满意率达到85%以上”。"),
			note("advanced", "先进须“择优产生”，条件多为定性，内置以组织部推荐（事实“selectedAdvanced”）加满意率90%以上为准。"),
			note("", "一票否决“取消评比资格”：内置理解为不得评为先进、模范（最高为达标）。“连续两年未达标”的处理需要历年结果，本方案不计算。"),
		},
	}
}

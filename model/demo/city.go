package demo

import "xingji/model"

// cityCounty is one district or county of 青禾市.
type cityCounty struct {
	name    string // "禾城区"
	region  string // ID number region code
	towns   int    // townships (镇/乡)
	streets int    // 街道, in districts only
}

var cityCounties = []cityCounty{
	{"禾城区", "369902", 2, 11},
	{"禾东区", "369903", 3, 9},
	{"望岚区", "369904", 4, 8},
	{"青岚县", "369921", 13, 2},
	{"禾丰县", "369922", 15, 2},
	{"云禾县", "369923", 12, 1},
	{"禾湾县", "369924", 14, 2},
	{"青穗县", "369925", 13, 1},
	{"禾川县", "369926", 16, 2},
	{"麦丘县", "369927", 12, 1},
}

// Offices found in every county and in the city, after the prefix "县"/"区"/"市"
// or the place's full name.
var organs = []string{"委办公室", "人大常委会机关", "政府办公室", "政协机关", "纪委监委机关", "委组织部",
	"委宣传部", "委统战部", "委政法委员会", "发展和改革局", "教育局", "科学技术局", "工业和信息化局",
	"民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局",
	"水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康局", "退役军人事务局", "应急管理局", "审计局",
	"市场监督管理局", "统计局", "医疗保障局", "林业局", "信访局", "机关事务服务中心", "融媒体中心", "档案馆",
	"总工会", "妇女联合会", "科学技术协会", "残疾人联合会", "供销合作社联合社"}

// reform2019 are the offices formed in the 2019 reform of government bodies.
var reform2019 = map[string]bool{"农业农村局": true, "退役军人事务局": true, "应急管理局": true, "医疗保障局": true}

var windows = []string{"政务服务中心", "公共资源交易中心", "不动产登记中心", "社会保险服务中心",
	"住房公积金管理中心", "中医医院", "妇幼保健院"}

// buildCity lays out 中共青禾市委员会: ten districts and counties, each with
// its townships or streets and its offices, schools, firms and windows, then
// the city's own offices, college, state enterprises and private firms.
func (g *gen) buildCity() {
	g.source = "演示数据：青禾市"
	for _, c := range cityCounties {
		g.regions = append(g.regions, c.region)
		g.placeUsed[c.name[:len(c.name)-len("县")]] = true // no 禾丰镇 in another county
	}
	g.regions = append(g.regions, "369821", "369822") // the neighbouring prefecture
	g.sizes = townSizes{office: [2]int{10, 24}, village: [2]int{16, 56}, community: [2]int{14, 44}}
	root := g.root("中共青禾市委员会", "QHS", model.KindOrgan, g.between(9, 11), model.D(1949, 5, 12))
	for i, c := range cityCounties {
		g.cityCounty(root, i, c)
	}
	g.cityOffices(root)
}

// cityCounty adds one district or county.
func (g *gen) cityCounty(root, index int, c cityCounty) {
	district := trimSuffix(c.name, "区") != c.name
	top := g.committee(root, "中共"+c.name+"委员会", model.KindOrgan, 1949, 1952)
	g.meta[top].region = uint8(index)
	g.meta[top].size = int32(g.between(7, 9))

	for range c.streets {
		place := g.placeName()
		if g.chance(0.5) {
			place = g.streetName()
		}
		g.street(top, c.name+place+"街道", place+"街道")
	}
	for range c.towns {
		place := g.placeName()
		suffix := "镇"
		if !district && g.chance(0.3) {
			suffix = "乡"
		}
		g.township(top, c.name+place+suffix, place+suffix, g.tri(15, 29), g.between(1, 2), 0.04)
	}
	if district {
		size := g.tri(40, 80)
		if index == 0 {
			size = g.between(760, 840) // a large unit for performance work
		}
		m := g.branch(top, c.name+"流动党员党支部", model.KindCommunity, profMobile, size, 2012, 2016)
		g.meta[m].fixed = true
	}

	organOffice := g.committee(top, c.name+"直机关工委", model.KindOrgan, 1980, 1990)
	for _, o := range organs {
		from, to := 1978, 2010
		if reform2019[o] {
			from, to = 2019, 2019
		}
		g.branch(organOffice, c.name+o+"党支部", model.KindOrgan, profOrgan, g.tri(8, 44), from, to)
	}
	g.branch(organOffice, c.name+"委老干部局离退休干部党支部", model.KindOrgan, profRetired, g.tri(40, 80), 1988, 1998)
	for _, w := range windows {
		g.branch(organOffice, c.name+w+"党支部", model.KindWindow, profWindow, g.tri(10, 50), 1995, 2016)
	}
	hospital := g.committee(top, c.name+"人民医院党委", model.KindWindow, 1956, 1985)
	for _, d := range []string{"内科", "外科", "妇产儿科", "医技", "护理", "行政后勤"} {
		g.branch(hospital, c.name+"人民医院"+d+"党支部", model.KindWindow, profWindow, g.tri(20, 70), 1985, 2010)
	}
	police := g.committee(top, c.name+"公安局党委", model.KindOrgan, 1950, 1980)
	for _, d := range []string{"机关", "刑事侦查大队", "治安管理大队", "交通警察大队", "城关派出所", "看守所"} {
		g.branch(police, c.name+"公安局"+d+"党支部", model.KindOrgan, profOrgan, g.tri(10, 50), 1980, 2010)
	}
	g.education(top, c.name)
	g.stateFirms(top, c.name)
	g.privateFirms(top, c.name, g.between(24, 34))
	closed := g.branch(top, c.name+pick(g, []string{"化肥厂", "棉纺厂", "酒厂", "农机厂", "粮油加工厂"})+"党支部",
		model.KindEnterprise, profEnterprise, 0, 1958, 1975)
	g.dissolve(closed, g.between(2001, 2018))
}

// street adds a 街道党工委 with its communities and a 联合党支部 for the
// firms in its buildings.
func (g *gen) street(parent int, full, short string) {
	s := g.committee(parent, full+"党工委", model.KindCommunity, 1980, 2010)
	g.branch(s, short+"机关党支部", model.KindOrgan, profOrgan, g.tri(10, 30), 1985, 2010)
	for range g.between(9, 14) {
		name := short + pick(g, communityNames) + "社区党支部"
		for !g.claim(name) {
			name = short + pick(g, communityNames) + "社区党支部"
		}
		c := g.branch(s, name, model.KindCommunity, profCommunity, g.tri(24, 80), 2000, 2016)
		if g.chance(0.1) {
			g.groups(c, []string{"第一党小组", "第二党小组", "第三党小组"})
		}
	}
	g.branch(s, short+"商务楼宇联合党支部", model.KindNonPublic, profNonPublic, g.tri(6, 20), 2012, 2020)
}

// streetName returns a street's name from the list, unique within the plan,
// or a made-up one when the list is used up.
func (g *gen) streetName() string {
	for range 8 {
		n := pick(g, streetNames)
		if !g.placeUsed[n] {
			g.placeUsed[n] = true
			return n
		}
	}
	return g.placeName()
}

// education adds the schools of a county under its 教育系统党委.
func (g *gen) education(parent int, place string) {
	edu := g.committee(parent, place+"教育系统党委", model.KindSchool, 1978, 1985)
	for _, s := range []string{"第一中学", "第二中学"} {
		gs := g.general(edu, place+s+"党总支", model.KindSchool, 1985, 1995)
		for _, b := range []string{"高一年级", "高二年级", "高三年级"} {
			g.branch(gs, place+s+b+"党支部", model.KindSchool, profSchool, g.tri(10, 30), 1985, 2005)
		}
		g.branch(gs, place+s+"离退休教师党支部", model.KindSchool, profRetired, g.tri(10, 36), 1995, 2008)
	}
	for _, s := range []string{"实验中学", "职业技术学校", "实验小学", "第二小学", "第三小学", "特殊教育学校"} {
		g.branch(edu, place+s+"党支部", model.KindSchool, profSchool, g.tri(8, 36), 1960, 2010)
	}
	// a 中心学校 for each township
	for i := range g.units[:len(g.units)-1] {
		if int(g.meta[i].parent) == parent && g.units[i].Unit.Kind == model.KindRural && g.units[i].Unit.Level == model.LevelCommittee {
			town := trimSuffix(g.units[i].Unit.Name, "党委")
			g.branch(edu, town+"中心学校党支部", model.KindSchool, profSchool, g.tri(8, 28), 1980, 2005)
		}
	}
}

// stateFirms adds a county's state enterprises.
func (g *gen) stateFirms(parent int, place string) {
	invest := g.committee(parent, place+"城市建设投资集团有限公司党委", model.KindEnterprise, 2005, 2012)
	for _, b := range []string{"集团机关", "工程建设", "资产运营", "置业公司"} {
		g.branch(invest, place+"城市建设投资集团有限公司"+b+"党支部", model.KindEnterprise, profEnterprise, g.tri(10, 40), 2008, 2015)
	}
	water := g.general(parent, place+"水务有限公司党总支", model.KindEnterprise, 1995, 2008)
	for _, b := range []string{"供水", "污水处理", "管网运维"} {
		g.branch(water, place+"水务有限公司"+b+"党支部", model.KindEnterprise, profEnterprise, g.tri(10, 36), 2008, 2015)
	}
	bank := g.committee(parent, place+"农村商业银行党委", model.KindEnterprise, 2010, 2016)
	for _, b := range []string{"机关", "营业部", "城区支行联合", "乡镇支行第一联合", "乡镇支行第二联合"} {
		g.branch(bank, place+"农村商业银行"+b+"党支部", model.KindEnterprise, profEnterprise, g.tri(10, 40), 2012, 2018)
	}
}

// privateFirms adds the 两新 党委 of a place with n firms' branches and the
// trades' joint branches.
func (g *gen) privateFirms(parent int, place string, n int) {
	p := g.committee(parent, place+"非公有制经济组织和社会组织党委", model.KindNonPublic, 2008, 2012)
	for range n {
		name := g.companyName(place)
		for !g.claim(name + "党支部") {
			name = g.companyName(place)
		}
		g.branch(p, name+"党支部", model.KindNonPublic, profNonPublic, g.tri(5, 16), 2008, 2024)
	}
	for _, b := range []string{"个体私营企业联合", "律师行业", "社会组织联合", "快递物流行业联合"} {
		g.branch(p, place+b+"党支部", model.KindNonPublic, profNonPublic, g.tri(6, 24), 2010, 2022)
	}
}

// cityOffices adds what the city itself runs: its offices and windows, its
// schools and college, its state enterprises and its private firms.
func (g *gen) cityOffices(root int) {
	const city = "青禾市"
	offices := g.committee(root, "青禾市直机关工委", model.KindOrgan, 1978, 1984)
	for _, o := range organs {
		from, to := 1978, 2010
		if reform2019[o] {
			from, to = 2019, 2019
		}
		g.branch(offices, city+o+"党支部", model.KindOrgan, profOrgan, g.tri(12, 60), from, to)
	}
	g.branch(offices, "青禾市委老干部局离退休干部第一党支部", model.KindOrgan, profRetired, g.tri(40, 80), 1986, 1995)
	g.branch(offices, "青禾市委老干部局离退休干部第二党支部", model.KindOrgan, profRetired, g.tri(40, 80), 1986, 1995)
	for _, w := range append([]string{"急救中心"}, windows...) {
		g.branch(offices, city+w+"党支部", model.KindWindow, profWindow, g.tri(12, 60), 1995, 2016)
	}
	for _, h := range []string{"青禾市第一人民医院", "青禾市中心医院"} {
		hc := g.committee(root, h+"党委", model.KindWindow, 1952, 1980)
		for _, d := range []string{"内科第一", "内科第二", "外科第一", "外科第二", "妇产儿科", "医技", "护理", "行政后勤", "离退休"} {
			p := profWindow
			if d == "离退休" {
				p = profRetired
			}
			g.branch(hc, h+d+"党支部", model.KindWindow, p, g.tri(30, 80), 1985, 2010)
		}
	}

	edu := g.committee(root, "中共青禾市委教育工作委员会", model.KindSchool, 1983, 1986)
	college := g.committee(edu, "青禾学院党委", model.KindSchool, 1986, 1992)
	for _, d := range []string{"机关第一", "机关第二", "文学院教工", "理学院教工", "机械工程学院教工", "信息工程学院教工",
		"经济管理学院教工", "农学院教工", "外国语学院教工", "马克思主义学院教工", "图书馆"} {
		g.branch(college, "青禾学院"+d+"党支部", model.KindSchool, profSchool, g.tri(12, 50), 1985, 2010)
	}
	retired := g.branch(college, "青禾学院离退休教职工党支部", model.KindSchool, profRetired, g.between(880, 960), 1990, 2000)
	g.meta[retired].fixed = true // a large unit for performance work
	for _, s := range []string{"青禾市第一中学", "青禾市第二中学", "青禾市实验中学"} {
		gs := g.general(edu, s+"党总支", model.KindSchool, 1986, 1995)
		for _, b := range []string{"高一年级", "高二年级", "高三年级", "离退休教师"} {
			p := profSchool
			if b == "离退休教师" {
				p = profRetired
			}
			g.branch(gs, s+b+"党支部", model.KindSchool, p, g.tri(12, 40), 1985, 2005)
		}
	}
	for _, s := range []string{"外国语学校", "实验小学", "第一小学", "第二小学", "特殊教育学校", "体育运动学校"} {
		g.branch(edu, city+s+"党支部", model.KindSchool, profSchool, g.tri(10, 40), 1960, 2010)
	}

	steel := g.committee(root, "青禾钢铁集团有限公司党委", model.KindEnterprise, 1958, 1970)
	for _, d := range []string{"集团机关", "炼铁厂", "炼钢厂", "轧钢厂", "能源动力厂", "运输部", "质量检验中心", "设备检修中心", "销售公司"} {
		b := g.branch(steel, "青禾钢铁集团有限公司"+d+"党支部", model.KindEnterprise, profEnterprise, g.tri(40, 80), 1960, 1990)
		if d == "炼钢厂" { // the largest unit, for performance work
			g.meta[b].size, g.meta[b].fixed = int32(g.between(1100, 1250)), true
		}
	}
	retirees := g.general(steel, "青禾钢铁集团有限公司离退休职工党总支", model.KindEnterprise, 1995, 2005)
	for _, d := range []string{"第一", "第二", "第三", "第四"} {
		g.branch(retirees, "青禾钢铁集团有限公司离退休职工"+d+"党支部", model.KindEnterprise, profRetired, g.tri(50, 80), 1995, 2005)
	}
	sasac := g.committee(root, "青禾市国资委党委", model.KindEnterprise, 2004, 2006)
	firms := []struct {
		name     string
		kind     model.UnitKind
		branches []string
	}{
		{"青禾城市投资发展集团有限公司", model.KindEnterprise, []string{"集团机关", "城建公司", "置业公司", "资产管理公司", "园林公司"}},
		{"青禾公共交通集团有限公司", model.KindWindow, []string{"集团机关", "第一车队", "第二车队", "第三车队", "第四车队", "修理厂"}},
		{"青禾燃气集团有限公司", model.KindEnterprise, []string{"集团机关", "输配公司", "客户服务中心"}},
		{"青禾供水集团有限公司", model.KindEnterprise, []string{"集团机关", "第一水厂", "第二水厂", "营业所"}},
		{"青禾文化旅游发展集团有限公司", model.KindEnterprise, []string{"集团机关", "景区管理公司", "酒店公司"}},
	}
	for _, f := range firms {
		c := g.committee(sasac, f.name+"党委", f.kind, 2005, 2012)
		for _, b := range f.branches {
			br := g.branch(c, f.name+b+"党支部", f.kind, profEnterprise, g.tri(12, 60), 2000, 2015)
			if f.kind == model.KindWindow && b != "集团机关" && b != "修理厂" {
				g.groups(br, []string{"早班党小组", "晚班党小组"})
			}
		}
	}

	g.privateFirms(root, city, g.between(40, 50))
	closed := g.branch(root, "青禾市国营第三机械厂党支部", model.KindEnterprise, profEnterprise, 0, 1958, 1966)
	g.dissolve(closed, 2004)
}

package demo

import "xingji/model"

// buildCounty lays out 中共青禾县委员会: three townships with their villages
// and communities, the county offices under 县直机关工委, a school 党总支, a
// water company 党委 with 党小组, private firms under the 两新 党委, service
// windows, and one branch dissolved when its factory closed.
func (g *gen) buildCounty() {
	g.source = "演示数据：青禾县"
	g.regions = []string{"369921", "369922", "369923", "369902", "369821"}
	g.sizes = townSizes{office: [2]int{6, 16}, village: [2]int{10, 32}, community: [2]int{12, 32}}
	root := g.root("中共青禾县委员会", "QH", model.KindOrgan, g.between(7, 9), model.D(1949, 6, 18))

	towns := []struct {
		name        string
		villages    int
		communities int
	}{{"城关镇", 2, 2}, {"柳河乡", 4, 1}, {"白沙镇", 3, 1}}
	for _, t := range towns {
		g.placeUsed[trimSuffix(trimSuffix(t.name, "镇"), "乡")] = true
	}
	for _, t := range towns {
		g.township(root, t.name, t.name, t.villages, t.communities, 0)
	}

	organs := g.committee(root, "青禾县直机关工委", model.KindOrgan, 1980, 1986)
	for _, o := range []string{"县委办公室", "县财政局", "县教育局", "县农业农村局"} {
		from, to := 1978, 2005
		if o == "县农业农村局" {
			from, to = 2019, 2019 // formed in the 2019 reform of government bodies
		}
		g.branch(organs, o+"党支部", model.KindOrgan, profOrgan, g.tri(6, 18), from, to)
	}
	g.branch(organs, "县政务服务中心党支部", model.KindWindow, profWindow, g.tri(10, 24), 2009, 2016)
	g.branch(organs, "县人民医院党支部", model.KindWindow, profWindow, g.tri(24, 44), 1956, 1985)
	g.branch(organs, "县委老干部局离退休干部党支部", model.KindOrgan, profRetired, g.tri(20, 36), 1988, 1998)

	school := g.general(root, "青禾县第一中学党总支", model.KindSchool, 1956, 1978)
	g.branch(school, "青禾县第一中学教工第一党支部", model.KindSchool, profSchool, g.tri(12, 24), 1980, 2000)
	g.branch(school, "青禾县第一中学教工第二党支部", model.KindSchool, profSchool, g.tri(12, 24), 1980, 2000)
	g.branch(school, "青禾县第一中学离退休教师党支部", model.KindSchool, profRetired, g.tri(10, 20), 1995, 2008)

	water := g.committee(root, "青禾水务有限公司党委", model.KindEnterprise, 2003, 2006)
	g.branch(water, "青禾水务有限公司机关党支部", model.KindEnterprise, profEnterprise, g.tri(8, 16), 2003, 2008)
	supply := g.branch(water, "青禾水务有限公司供水分公司党支部", model.KindEnterprise, profEnterprise, g.tri(30, 42), 2003, 2008)
	g.groups(supply, []string{"水厂生产党小组", "管网运维党小组", "营业收费党小组"})
	g.branch(water, "青禾水务有限公司污水处理厂党支部", model.KindEnterprise, profEnterprise, g.tri(8, 16), 2008, 2012)

	private := g.committee(root, "青禾县非公有制经济组织和社会组织党委", model.KindNonPublic, 2010, 2012)
	g.branch(private, "青禾县鑫源商贸有限公司党支部", model.KindNonPublic, profNonPublic, g.between(5, 10), 2011, 2016)
	g.claim("青禾县鑫源商贸有限公司")
	for range 2 {
		name := g.companyName("青禾县")
		for !g.claim(name) {
			name = g.companyName("青禾县")
		}
		g.branch(private, name+"党支部", model.KindNonPublic, profNonPublic, g.between(5, 12), 2012, 2024)
	}

	closed := g.branch(root, "青禾县农机修造厂党支部", model.KindEnterprise, profEnterprise, 0, 1965, 1972)
	g.dissolve(closed, 2017)
}

// township adds a township 党委 named full (short is the place name used in
// its branches' names) with its 机关党支部, villages and communities;
// groupOdds is the chance that a village's members sit in 党小组.
func (g *gen) township(parent int, full, short string, villages, communities int, groupOdds float64) int {
	t := g.committee(parent, full+"党委", model.KindRural, 1952, 1958)
	g.branch(t, short+"机关党支部", model.KindOrgan, profOrgan, g.tri(g.sizes.office[0], g.sizes.office[1]), 1984, 1992)
	for range villages {
		name := short + g.villageName() + "村"
		for !g.claim(name + "党支部") {
			name = short + g.villageName() + "村"
		}
		v := g.branch(t, name+"党支部", model.KindRural, profRural, g.tri(g.sizes.village[0], g.sizes.village[1]), 1952, 1990)
		if g.chance(groupOdds) {
			g.groups(v, []string{"第一党小组", "第二党小组", "第三党小组"}[:g.between(2, 3)])
		}
	}
	for range communities {
		name := short + pick(g, communityNames) + "社区党支部"
		for !g.claim(name) {
			name = short + pick(g, communityNames) + "社区党支部"
		}
		g.branch(t, name, model.KindCommunity, profCommunity, g.tri(g.sizes.community[0], g.sizes.community[1]), 2001, 2016)
	}
	return t
}

package demo

import (
	"sort"
	"unicode/utf8"
)

// surnames with their weights, roughly their share per ten thousand people
// in recent census figures; a few compound surnames close the list.
var surnames = []struct {
	name   string
	weight int
}{
	{"王", 710}, {"李", 700}, {"张", 670}, {"刘", 540}, {"陈", 450}, {"杨", 310}, {"黄", 220},
	{"赵", 200}, {"吴", 200}, {"周", 190}, {"徐", 150}, {"孙", 140}, {"马", 130}, {"朱", 130},
	{"胡", 120}, {"郭", 110}, {"何", 110}, {"林", 100}, {"高", 100}, {"罗", 90}, {"郑", 90},
	{"梁", 90}, {"谢", 80}, {"宋", 80}, {"唐", 80}, {"许", 70}, {"韩", 70}, {"冯", 70},
	{"邓", 70}, {"曹", 70}, {"彭", 60}, {"曾", 60}, {"肖", 60}, {"田", 60}, {"董", 50},
	{"袁", 50}, {"潘", 50}, {"于", 50}, {"蒋", 50}, {"蔡", 50}, {"余", 50}, {"杜", 50},
	{"叶", 40}, {"程", 40}, {"苏", 40}, {"魏", 40}, {"吕", 40}, {"丁", 40}, {"任", 40},
	{"沈", 40}, {"姚", 40}, {"卢", 40}, {"姜", 40}, {"崔", 40}, {"钟", 30}, {"谭", 30},
	{"陆", 30}, {"汪", 30}, {"范", 30}, {"金", 30}, {"石", 30}, {"廖", 30}, {"贾", 30},
	{"夏", 30}, {"韦", 30}, {"付", 30}, {"方", 30}, {"白", 30}, {"邹", 30}, {"孟", 30},
	{"熊", 30}, {"秦", 30}, {"邱", 30}, {"江", 30}, {"尹", 20}, {"薛", 20}, {"闫", 20},
	{"段", 20}, {"雷", 20}, {"侯", 20}, {"龙", 20}, {"史", 20}, {"陶", 20}, {"黎", 20},
	{"贺", 20}, {"顾", 20}, {"毛", 20}, {"郝", 20}, {"龚", 20}, {"邵", 20}, {"万", 20},
	{"钱", 20}, {"严", 20}, {"覃", 20}, {"武", 20}, {"戴", 20}, {"莫", 20}, {"孔", 20},
	{"向", 20}, {"汤", 20}, {"常", 15}, {"温", 15}, {"康", 15}, {"施", 15}, {"牛", 15},
	{"樊", 10}, {"葛", 10}, {"靳", 8}, {"岳", 8}, {"柴", 6}, {"甄", 4}, {"禚", 1}, {"亓", 2},
	{"欧阳", 4}, {"司马", 1}, {"诸葛", 1}, {"上官", 1},
}

// surnameCum holds the running totals of the surname weights.
var surnameCum = func() []int {
	c := make([]int, len(surnames))
	t := 0
	for i, s := range surnames {
		t += s.weight
		c[i] = t
	}
	return c
}()

// Characters of given names. Fashions change: people born before about 1970
// carry the "old" characters, people born after about 1990 the "young" ones,
// and those between draw on both.
var (
	maleOld     = chars("国建军华明平志文东海春德胜学兵忠良金荣福贵生山振兴永庆立新成林发富强伟刚红卫宝")
	maleYoung   = chars("伟强磊军勇杰涛斌超明辉鹏飞鑫波宇浩凯健俊帆帅旭宁龙阳峰亮博睿轩昊然晨天嘉思豪铭瑞晗泽航文")
	femaleOld   = chars("秀英兰桂凤珍淑玉梅芳华琴云霞红艳萍丽素翠荣爱春莲金菊美")
	femaleYoung = chars("芳娜敏静丽艳娟霞燕玲婷雪慧洁颖琳晶倩丹蓉薇悦欣怡佳璐瑶雯晓月雅思诗梦婉可馨涵彤妍紫琪")
	// Rare characters that GB 2312 lacks or fonts often miss; they test the
	// font and the search.
	maleRare   = chars("堃喆昇翀犇垚赟昶彧璟淏燊旻")
	femaleRare = chars("玥珺琤祎瑄婳琬姮旻")
)

// blockedNames are names of national leaders, past and present, which a
// fictional roster should not carry.
var blockedNames = map[string]bool{
	"毛泽东": true, "周恩来": true, "刘少奇": true, "朱德": true, "陈云": true, "邓小平": true,
	"江泽民": true, "胡锦涛": true, "习近平": true, "李鹏": true, "朱镕基": true, "温家宝": true,
	"李克强": true, "李强": true, "赵乐际": true, "王沪宁": true, "蔡奇": true, "丁薛祥": true,
	"李希": true, "韩正": true, "栗战书": true, "汪洋": true, "乔石": true, "杨尚昆": true,
}

func chars(s string) []string {
	out := make([]string, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// surname returns a surname drawn by weight.
func (g *gen) surname() string {
	n := g.r.IntN(surnameCum[len(surnameCum)-1])
	return surnames[sort.SearchInts(surnameCum, n+1)].name
}

// personName returns a Chinese name fit for someone of that sex born in
// that year.
func (g *gen) personName(female bool, born int) string {
	for {
		old, young := maleOld, maleYoung
		if female {
			old, young = femaleOld, femaleYoung
		}
		pool := func() []string {
			switch {
			case born < 1970:
				return old
			case born >= 1990:
				return young
			case g.r.IntN(2) == 0:
				return old
			}
			return young
		}
		single := 0.18
		if born >= 1965 && born < 1995 {
			single = 0.38 // the decades of 张伟 and 王磊
		}
		sur := g.surname()
		c1 := pick(g, pool())
		c2 := ""
		if !g.chance(single) {
			c2 = pick(g, pool())
			for c2 == c1 && !(female && g.chance(0.3)) { // 婷婷, 丹丹 now and then
				c2 = pick(g, pool())
			}
		}
		if g.chance(0.012) {
			rare := maleRare
			if female {
				rare = femaleRare
			}
			if c2 != "" {
				c2 = pick(g, rare)
			} else {
				c1 = pick(g, rare)
			}
			g.rareUsed = true
		}
		name := sur + c1 + c2
		if !blockedNames[name] {
			return name
		}
	}
}

// forceRare gives a rare character to the first member who holds no office,
// so that every plan exercises the fonts.
func (g *gen) forceRare() {
	for i := range g.members {
		m := &g.members[i].Member
		if m.Position != positionMember {
			continue
		}
		rare := maleRare
		if m.Gender == "女" {
			rare = femaleRare
		}
		r := []rune(m.Name)
		r[len(r)-1] = []rune(pick(g, rare))[0]
		m.Name = string(r)
		g.rareUsed = true
		return
	}
}

// Place-name parts. Together with the fictional county names they give
// names that sound local without pointing at a real place.
var (
	placeFirst  = chars("青白石柳杨桃龙凤马金银高双新永太和清黄红东西南北大长平安沙古兴富云松梅莲丰宁福乐泰石瑞")
	placeSecond = chars("河桥山泉岭湖坪口集店营庄湾塘坝峪台林田源溪阳丰宁安冈坡埠渡城")
	villageHead = chars("东西南北前后上下大小石柳杨桃杏梨枣花青红新老马牛龙凤白黄金高双三五七八沙泉松竹槐桑麦禾丰永安太和兴富吉")
	villageTail = chars("庄河桥湾坪岗沟营屯铺店集坡岭洼塘堡寨园头口坝台峪山林田庙井窑场")
	familyTail  = chars("庄湾坪沟洼营寨河岭店集堡坝")
	villageNice = []string{"团结", "胜利", "红旗", "光明", "幸福", "和平", "建设", "前进", "永红", "新民",
		"联合", "东风", "向阳", "先锋", "民主", "丰收", "太平", "长兴", "兴隆", "富民", "振兴", "复兴",
		"新农", "康宁", "福源", "红星", "友谊", "新华"}
	communityNames = []string{"新华", "文昌", "幸福", "和平", "建设", "人民", "胜利", "朝阳", "向阳", "育才",
		"惠民", "滨河", "锦绣", "翠苑", "金桥", "银河", "东风", "团结", "光明", "民主", "振兴", "兴隆",
		"康乐", "长青", "春晖", "明珠", "花园", "桂苑", "丽景", "书香", "和谐", "阳光", "紫荆", "北苑",
		"南苑", "东苑", "西苑", "学府", "迎宾", "青年", "友谊", "公园", "站前", "车站", "广场", "金水",
		"清风", "府前", "双拥", "安居", "秀水", "绿苑", "龙湾", "凤鸣", "禾香", "丰泽", "嘉园", "景苑"}
	streetNames = []string{"城东", "城西", "城南", "城北", "人民路", "新华", "解放路", "建设路", "文化路",
		"滨江", "禾兴", "金桥", "银湖", "清风", "朝阳", "和平", "胜利", "光明", "团结", "友谊",
		"长安", "永安", "新村", "青年路", "花园", "车站", "东关", "西关", "南关", "北关", "湖滨",
		"学府", "开发区", "高新", "东湖", "北湖", "龙山", "凤凰", "锦绣", "汇通"}
	brands = []string{"鑫源", "恒达", "宏盛", "华兴", "瑞丰", "金诚", "天成", "永盛", "嘉禾", "中和",
		"利民", "兴旺", "博远", "盛达", "信诚", "德润", "泰和", "万通", "金穗", "润禾", "青源", "丰泽",
		"众鑫", "同创", "安泰", "宏远", "汇成", "鼎盛", "晨光", "东升", "启明", "恒信", "联创", "正大",
		"明辉", "荣昌", "顺达", "锦程", "华禾", "绿源", "康宁", "金岚", "百川", "诚信", "广源", "新宇"}
	industries = []string{"商贸", "建材", "食品", "纺织", "物流", "农业开发", "建筑工程", "机械制造",
		"电子科技", "物业管理", "餐饮管理", "药业", "包装", "新能源科技", "农产品", "置业", "汽车销售",
		"家具", "服饰", "粮油", "环保科技", "信息技术", "塑业", "化工", "印务", "劳务服务"}
)

// placeName returns a new two-character place name (for a township or a
// street), unique within the plan.
func (g *gen) placeName() string {
	for {
		a, b := pick(g, placeFirst), pick(g, placeSecond)
		if a != b && !g.placeUsed[a+b] {
			g.placeUsed[a+b] = true
			return a + b
		}
	}
}

// villageName returns a village's name, without 村.
func (g *gen) villageName() string {
	switch n := g.r.IntN(10); {
	case n < 3:
		s := surnames[g.r.IntN(30)].name
		return s + "家" + pick(g, familyTail)
	case n < 8:
		for {
			a, b := pick(g, villageHead), pick(g, villageTail)
			if a != b {
				return a + b
			}
		}
	}
	return pick(g, villageNice)
}

// companyName returns a private firm's name under the place prefix.
func (g *gen) companyName(prefix string) string {
	return prefix + pick(g, brands) + pick(g, industries) + "有限公司"
}

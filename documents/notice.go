package documents

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"xingji/documents/pdfdoc"
	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
)

// The 公示 notice (公示通知) for the wall: the title, the basis, the results
// listed by band (or by award), the 公示 dates, how to object, and the
// issuing committee with the date. One text (noticeText) is written both
// as PDF and as .docx, so the two always say the same.
//
// Dates on the notice are in Arabic numerals ("2026年12月2日"): GB/T
// 9704-2012 (党政机关公文格式) 7.3.5.3 writes the 成文日期 "用阿拉伯数字将
// 年、月、日标全"; the Chinese-numeral form (ChineseDate) is for
// certificates.

// Designs of the notice: the list by band (every rated unit and member)
// or by award (the commended only, as documents.Awards decides).
const (
	NoticeByBand  = "按等次"
	NoticeByAward = "按表彰"
)

// NoticeDesigns are the notice's designs, the default first.
var NoticeDesigns = []string{NoticeByBand, NoticeByAward}

// noticeRole is what a paragraph of the notice is, which decides its look.
type noticeRole int

const (
	roleTitle   noticeRole = iota // centred, large
	roleBody                      // indented two characters
	roleHeading                   // 一、党支部评定结果 (黑体 in .docx)
	roleList                      // 五星级党支部（3个）：A、B、C
	roleBranch                    // a branch's members in a group: 黄家岭村党支部（14名）：张三、李四
	roleSigner                    // the committee, bottom right
	roleDate                      // the date, bottom right
)

// noticePara is one paragraph of the notice.
type noticePara struct {
	Role noticeRole
	Text string
}

// blankLine is what the notice prints for a contact line the office has
// not set, for the clerk to fill in by hand.
const blankLine = "＿＿＿＿＿＿＿＿＿＿＿＿"

// RealNameRule is the sentence every 公示 carries about objections: an
// objection is signed with a real name, or sealed by a unit.
const RealNameRule = "以个人名义反映的须署本人真实姓名，以单位名义反映的须加盖单位公章。"

// ErrNoResults is a notice asked of a period with nobody scored yet.
var ErrNoResults = errors.New("这个考评周期还没有考评结果，无法生成公示。请先导入填报表或录入得分")

// NoticeTitle is the notice's title: "关于2026年度村党支部星级评定结果的公示".
func NoticeTitle(p *Paper, design string) string {
	if design == NoticeByAward {
		return "关于" + p.Period.Name + "拟表彰对象的公示"
	}
	return "关于" + p.Period.Name + "结果的公示"
}

// noticeText writes the notice's paragraphs.
func noticeText(p *Paper, s model.NoticeSettings, design string) ([]noticePara, error) {
	if design == "" {
		design = NoticeByBand
	}
	if design != NoticeByBand && design != NoticeByAward {
		return nil, model.Errorf(model.EInvalid, "公示没有“%s”这种样式，可选：%s", design, strings.Join(NoticeDesigns, "、"))
	}
	res := p.Results
	if res == nil || res.Units == nil || len(res.Units.Subjects) == 0 {
		return nil, ErrNoResults
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	committee := p.Committee
	if committee == "" {
		committee = "党委"
	}
	out := []noticePara{{roleTitle, NoticeTitle(p, design)}}
	basis := "《" + p.Period.Scheme.Name + "》"
	if ms := p.Period.MemberScheme; ms != nil && ms.Name != "" && ms.Name != p.Period.Scheme.Name {
		basis += "和《" + ms.Name + "》"
	}
	what := "结果"
	if design == NoticeByAward {
		what = "拟表彰对象"
	}
	out = append(out, noticePara{roleBody, fmt.Sprintf("根据%s，经党支部自评、考核组考评、党委研究，%s%s已经确定。为充分发扬民主，广泛接受党员群众监督，现将%s予以公示。",
		basis, p.Period.Name, what, what)})
	var groups []noticePara
	if design == NoticeByAward {
		groups = awardGroups(p)
	} else {
		groups = bandGroups(p)
	}
	out = append(out, groups...)

	first, last := s.Span(p.Date)
	length := fmt.Sprintf("共%d天", s.DaysOrDefault())
	if s.WorkingDays {
		length = fmt.Sprintf("%d个工作日", s.DaysOrDefault())
	}
	out = append(out,
		noticePara{roleBody, fmt.Sprintf("公示时间：%s至%s（%s）。", first.Chinese(), last.Chinese(), length)},
		// The seeds' words: "公示期间党员本人或党员群众对评议结果有异议的，
		// 可向党支部提出意见或申诉，党支部要进行核查，对评定不准确的要进行
		// 更正" (004 六、); "有异议，可向党委组织部说明情况，有关部门将在
		// 两天内给予答复" (000 第四篇 四、2).
		noticePara{roleBody, "公示期间，党员本人或党员群众对公示结果有异议的，可通过来电、来信或来访等方式向" + committee +
			"提出意见或申诉。" + RealNameRule + "我们将认真核查，在两天内给予答复，对评定不准确的予以更正。"},
		noticePara{roleBody, "联系电话：" + orBlank(strings.Join(model.SplitPhones(s.Phone), "、"))},
		noticePara{roleBody, "来信地址：" + orBlank(strings.TrimSpace(s.Address))},
		noticePara{roleSigner, committee},
		noticePara{roleDate, p.Date.Chinese()},
	)
	return out, nil
}

func orBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return blankLine
	}
	return s
}

// namesWhole keeps each name of a list paragraph ("…（3名）：张三、李四")
// on one line of the PDF (pdfdoc.NoBreak); the text is unchanged.
func namesWhole(text string) string {
	head, list, ok := strings.Cut(text, "：")
	if !ok {
		return text
	}
	names := strings.Split(list, "、")
	for i, n := range names {
		names[i] = pdfdoc.NoBreak(n)
	}
	return head + "：" + strings.Join(names, "、")
}

// joinNames joins the recipients' names with 、.
func joinNames(rs []Recipient) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	return strings.Join(names, "、")
}

// listLines are the lines of one group of the list. Units go on one line:
// "五星级党支部（3个）：A、B、C". Members are many: the group's line
// "四星级党员（101名）：" is followed by a line for each branch, in the
// committee's order, "黄家岭村党支部（14名）：张三、李四", so that each
// finds their branch on the wall and equal names in two branches are told
// apart.
func listLines(honour string, rs []Recipient, collective bool) []noticePara {
	if collective {
		return []noticePara{{roleList, fmt.Sprintf("%s（%d个）：%s", honour, len(rs), joinNames(rs))}}
	}
	byBranch(rs)
	out := []noticePara{{roleList, fmt.Sprintf("%s（%d名）：", honour, len(rs))}}
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j].Unit == rs[i].Unit {
			j++
		}
		unit := rs[i].Unit
		if unit == "" {
			unit = "其他"
		}
		out = append(out, noticePara{roleBranch, fmt.Sprintf("%s（%d名）：%s", unit, j-i, joinNames(rs[i:j]))})
		i = j
	}
	return out
}

// byBranch orders members by their branch in the committee's order, then
// by rank: each branch's names stand together on the wall.
func byBranch(rs []Recipient) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Order != rs[j].Order {
			return rs[i].Order < rs[j].Order
		}
		return rankBefore(rs[i].Rank, rs[j].Rank)
	})
}

// rankBefore orders ranks, the unranked (0) last.
func rankBefore(a, b int) bool {
	if a == 0 || b == 0 {
		return a != 0 && b == 0
	}
	return a < b
}

// bandGroups lists every rated unit and member by band, the best band
// first, empty bands left out; the disqualified (一票否决 …) last as 不予
// 评定, so that nobody in scope is missing from the wall.
func bandGroups(p *Paper) []noticePara {
	units, recipient := recipientsOf(p)
	var out []noticePara
	group := func(s *model.Scheme, r *scoring.Result, collective bool) []noticePara {
		if r == nil {
			return nil
		}
		subs := make([]*scoring.SubjectResult, len(r.Subjects))
		for i := range r.Subjects {
			subs[i] = &r.Subjects[i]
		}
		sort.SliceStable(subs, func(i, j int) bool { return rankBefore(subs[i].Rank, subs[j].Rank) })
		noun := "党员"
		if collective {
			noun = "党支部"
			for _, sr := range subs {
				if sub, err := formspec.ParseSubject(sr.ID); err == nil && units[sub.ID].Level != model.LevelBranch {
					noun = "党组织"
				}
			}
		}
		var lines []noticePara
		listed := map[string]bool{}
		add := func(honour string, keep func(*scoring.SubjectResult) bool) {
			var rs []Recipient
			for _, sr := range subs {
				if !listed[sr.ID] && keep(sr) {
					listed[sr.ID] = true
					rs = append(rs, recipient(sr))
				}
			}
			if len(rs) == 0 {
				return
			}
			lines = append(lines, listLines(honour, rs, collective)...)
		}
		for _, b := range s.Bands {
			add(honourOf(b.Name, noun), func(sr *scoring.SubjectResult) bool { return !sr.Disqualified && sr.Band == b.Code })
		}
		add("未定等次", func(sr *scoring.SubjectResult) bool { return !sr.Disqualified })
		add("不予评定", func(*scoring.SubjectResult) bool { return true })
		if len(lines) == 0 {
			return nil
		}
		total := 0
		for _, sr := range subs {
			if listed[sr.ID] {
				total++
			}
		}
		heading := fmt.Sprintf("%s评定结果（共%d个）", noun, total)
		if !collective {
			heading = fmt.Sprintf("党员评定结果（共%d名）", total)
		}
		return append([]noticePara{{roleHeading, heading}}, lines...)
	}
	unitLines := group(&p.Period.Scheme, p.Results.Units, true)
	var memberLines []noticePara
	if p.Period.MemberScheme != nil {
		memberLines = group(p.Period.MemberScheme, p.Results.Members, false)
	}
	if len(memberLines) == 0 && len(unitLines) > 0 {
		return unitLines[1:] // one list needs no heading
	}
	out = append(out, numbered(unitLines, "一、")...)
	return append(out, numbered(memberLines, "二、")...)
}

// numbered puts the 一、 of a 公文's first level before a heading.
func numbered(lines []noticePara, n string) []noticePara {
	if len(lines) > 0 {
		lines[0].Text = n + lines[0].Text
	}
	return lines
}

// awardGroups lists the commended as documents.Awards decides: the
// collectives, then the individuals.
func awardGroups(p *Paper) []noticePara {
	var out []noticePara
	for _, a := range Awards(p) {
		rs := append([]Recipient(nil), a.Recipients...)
		out = append(out, listLines(a.Honour, rs, a.Collective)...)
	}
	if len(out) == 0 {
		out = append(out, noticePara{roleBody, "本次考评没有拟表彰对象。"})
	}
	return out
}

// NoticePDF writes the notice as an A4 portrait PDF.
func NoticePDF(p *Paper, s model.NoticeSettings, design string) ([]byte, error) {
	paras, err := noticeText(p, s, design)
	if err != nil {
		return nil, err
	}
	d, err := pdfdoc.New(pdfdoc.Options{Size: pdfdoc.A4Portrait, Margin: 25, Title: paras[0].Text, Draft: p.Draft, PageNumbers: true})
	if err != nil {
		return nil, err
	}
	const body = 15 // points: 三号 is 16; 15 keeps a long member list on two pages
	for i, para := range paras {
		switch para.Role {
		case roleTitle:
			d.Font(pdfdoc.Sans, 22) // 二号
			d.SetY(d.Y() + 5)
			d.Paragraph(para.Text, pdfdoc.Center, 0)
			d.Space(6)
			d.Font(pdfdoc.Sans, body)
		case roleHeading:
			d.Space(2)
			d.Paragraph(para.Text, pdfdoc.Left, 2)
		case roleBranch:
			d.Paragraph(namesWhole(para.Text), pdfdoc.Left, 4)
		case roleList:
			d.Paragraph(namesWhole(para.Text), pdfdoc.Left, 2)
		case roleSigner:
			// The signature block: the committee centred over the date, the
			// date four characters in from the right (GB/T 9704 7.3.5.2).
			date := paras[i+1].Text
			lh := d.LineHeight()
			d.Space(lh)
			d.Need(2 * lh)
			ch := d.RuneWidth('中')
			right := d.Size().W - d.Margin()
			dw, cw := d.TextWidth(date), d.TextWidth(para.Text)
			dx := right - 4*ch - dw
			cx := dx + dw/2 - cw/2
			if cx+cw > right {
				cx = right - cw
			}
			d.TextAt(cx, d.Y(), cw, para.Text, pdfdoc.Left)
			d.TextAt(dx, d.Y()+lh, dw, date, pdfdoc.Left)
			d.SetY(d.Y() + 2*lh)
		case roleDate:
			// written with the signer
		default:
			d.Paragraph(para.Text, pdfdoc.Left, 2)
		}
	}
	return d.Bytes()
}

// NoticeDocx writes the notice as a .docx the office can still edit in
// Word or WPS: 公文 fonts (title 宋体 bold 二号, headings 黑体, body 仿宋
// 三号), margins and line pitch.
func NoticeDocx(p *Paper, s model.NoticeSettings, design string) ([]byte, error) {
	paras, err := noticeText(p, s, design)
	if err != nil {
		return nil, err
	}
	doc := &docxDoc{Title: paras[0].Text}
	if p.Draft {
		doc.Header = "草稿（考评结果尚未定稿）"
	}
	var dateWidth float64
	for _, para := range paras {
		if para.Role == roleDate {
			dateWidth = charWidth(para.Text)
		}
	}
	for _, para := range paras {
		dp := docxPara{Text: para.Text}
		switch para.Role {
		case roleTitle:
			dp.Font, dp.Size, dp.Bold, dp.Align = "宋体", 22, true, "center"
			doc.Paras = append(doc.Paras, dp, docxPara{}) // a blank line under the title, as 公文 have
			continue
		case roleHeading:
			dp.Font, dp.FirstLine = "黑体", 2
		case roleBranch:
			dp.FirstLine = 4
		case roleSigner:
			doc.Paras = append(doc.Paras, docxPara{}, docxPara{Keep: true})
			// Centred over the date: its right end is as far in as half
			// the difference of the widths, plus the date's four characters.
			right := 4 + (dateWidth-charWidth(para.Text))/2
			if right < 0 {
				right = 0
			}
			dp.Align, dp.Right, dp.Keep = "right", int(right*100+0.5), true
		case roleDate:
			dp.Align, dp.Right = "right", 400
		default:
			dp.FirstLine = 2
		}
		doc.Paras = append(doc.Paras, dp)
	}
	return doc.Bytes()
}

// charWidth is the width of s in Chinese characters: ASCII is half as wide.
func charWidth(s string) float64 {
	var w float64
	for _, r := range s {
		if r < 0x80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

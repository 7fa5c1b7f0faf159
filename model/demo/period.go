package demo

import (
	"fmt"
	"math/rand"
	"strings"

	"xingji/model"
	"xingji/model/formspec"
)

// The demo period: the village branches of the demo county are assessed by
// the built-in 村党支部星级评定 scheme, their members appraised by 党员授旗评星.
const (
	PeriodName       = "2026年度村党支部星级评定"
	SchemeCode       = "cun-xingji"
	MemberSchemeCode = "shouqi-pingxing-dangyuan"
	// CapsSchemeCode is the built-in scheme the demo takes its election
	// caps from (see WithElectionCaps).
	CapsSchemeCode = "fuwu-wuxing"
)

// Seed is the seed of the demo data, so every newcomer sees the same
// committee and the same filled forms.
const Seed = 20261121

// electionFact is the fact the election caps read.
const electionFact = "electionOverdueMonths"

// User is who the demo's entries are recorded as made by.
const User = "示范数据"

// Period is the demo period on the given units, scheme and member scheme,
// the scheme given the election caps first (WithElectionCaps).
func Period(s, ms model.Scheme, units []int64) model.Period {
	return model.Period{Name: PeriodName, Start: model.D(2026, 1, 1), End: model.D(2026, 12, 31),
		Scheme: s, MemberScheme: &ms, Units: units}
}

// WithElectionCaps adds to the demo's village scheme the caps of 002 篇十一
// on late elections (不按期换届 → not 五星; over a year → not 四星), with
// the fact they read, taken from src, the built-in scheme that holds them
// (CapsSchemeCode), so that the demo shows a cap at work.
func WithElectionCaps(s *model.Scheme, src model.Scheme) {
	for _, c := range src.Caps {
		if strings.HasPrefix(c.Code, "election") {
			s.Caps = append(s.Caps, c)
		}
	}
	if f := src.Fact(electionFact); f != nil && s.Fact(electionFact) == nil {
		s.Facts = append(s.Facts, *f)
	}
	s.Notes = append(s.Notes, model.Note{Text: "示范周期另加002篇十一关于不按期换届的两条限制（不得定为五星级；超过一年不得定为四星及以上），以便演示限制条件。"})
}

// Entries is what the demo office enters itself for its period, so that
// the results show each kind at once: a late election (the cap), a 满意率
// from a paper survey, a veto, and two members found 特别突出. membersOf
// returns the members of a unit; it is asked only for the one unit whose
// members are named. A period too small for the demo gets none.
func Entries(p model.Period, membersOf func(unitID int64) ([]model.Member, error)) ([]model.Entry, error) {
	if len(p.Units) < 9 || p.Scheme.Fact(electionFact) == nil {
		return nil, nil
	}
	unit := func(i int) string { return formspec.UnitSubject(p.Units[i]).String() }
	es := []model.Entry{
		{EntryKey: model.EntryKey{Subject: unit(5), Kind: model.EntryFact, Name: electionFact}, Value: "5",
			Reason: "村党支部应于2026年7月换届，延至12月未换届，未作请示"},
		{EntryKey: model.EntryKey{Subject: unit(8), Kind: model.EntryFact, Name: formspec.SatisfactionFact}, Value: "76.5",
			Reason: "乡党委入户发放纸质测评表，回收200份"},
	}
	if len(p.Scheme.Vetoes) > 0 {
		es = append(es, model.Entry{EntryKey: model.EntryKey{Subject: unit(7), Kind: model.EntryVeto, Name: p.Scheme.Vetoes[0].Code},
			Value: "1", Reason: "村党支部书记违反廉政规定，受党内警告处分", DocNo: "青纪发〔2026〕12号"})
	}
	if p.MemberScheme != nil && p.MemberScheme.Fact("outstanding") != nil {
		members, err := membersOf(p.Units[1])
		if err != nil {
			return nil, err
		}
		for i := 0; i < 2 && i < len(members); i++ {
			es = append(es, model.Entry{EntryKey: model.EntryKey{Subject: formspec.MemberSubject(members[i].ID).String(),
				Kind: model.EntryFact, Name: "outstanding"}, Value: "1", Reason: "抗洪抢险中表现突出，受县委表彰"})
		}
	}
	for i := range es {
		es[i].User = User
	}
	return es, nil
}

// Return is what the demo's branches do with one unit's form.
type Return struct {
	Missing   bool // nobody sends it
	Mistakes  bool // sent with two mistakes in 自评表 (see FormValue)
	Copy      bool // sent, and the same file again as “（副本）”
	Corrected bool // sent, then a corrected second version “（修改后）”
}

// UnitReturn says what happens to the i-th of n unit forms: the last two
// are missing, the third from last has mistakes, the first is sent twice,
// the second is corrected; the rest are sent once, correct. Department
// forms are always sent, correct.
func UnitReturn(i, n int) Return {
	switch {
	case i == n-1 || i == n-2 && n > 3:
		return Return{Missing: true}
	case i == n-3 && n > 4:
		return Return{Mistakes: true}
	}
	return Return{Copy: i == 0, Corrected: i == 1}
}

// FormValue is the demo's value for one cell of a form of period p, drawn
// from rng: plausible scores, flags, votes and ledger lines. With mistakes
// non-nil it puts two mistakes in 自评表, recording them in mistakes: a
// score above its 分值 and text in a number cell.
func FormValue(p *model.Period, rng *rand.Rand, role model.SheetRole, rowKey, colKey string, mistakes map[string]any) any {
	half := func(lo, hi float64) float64 { // a score in [lo, hi] to the half point
		v := lo + rng.Float64()*(hi-lo)
		return float64(int(v*2)) / 2
	}
	switch role {
	case model.RoleSelf, model.RoleReview:
		key := rowKey
		if role == model.RoleReview {
			key = colKey
		}
		if colKey == formspec.KeyNote {
			if rng.Intn(4) == 0 {
				return []string{"已查阅会议记录和台账", "扣分原因：个别活动记录不完整", "佐证材料见附件", "按季度开展，资料齐全"}[rng.Intn(4)]
			}
			return nil
		}
		fk, err := formspec.ParseFieldKey(key)
		if err != nil {
			return nil
		}
		it := p.Scheme.Item(fk.Item)
		if it == nil {
			return nil
		}
		for _, fd := range model.ItemFields(it) {
			if fd.Name != fk.Field {
				continue
			}
			switch fd.Kind {
			case model.FieldScore:
				hi := it.Points.Float()
				if mistakes != nil && role == model.RoleSelf {
					switch len(mistakes) {
					case 0:
						mistakes["over"] = true
						return fmt.Sprintf("%g分", hi+5)
					case 1:
						mistakes["text"] = true
						return "良好"
					}
				}
				if it.Penalty {
					return 0
				}
				return half(hi*0.75, hi)
			case model.FieldFlag:
				if rng.Intn(6) == 0 {
					return formspec.FlagNo
				}
				return formspec.FlagYes
			default:
				if fd.Max != nil {
					return half(fd.Max.Float()*0.8, fd.Max.Float())
				}
				return rng.Intn(3)
			}
		}
	case model.RoleAppraisal:
		if rng.Intn(20) == 0 {
			return nil // a rater who did not take part
		}
		return half(p.MemberScheme.Total.Float()*0.7, p.MemberScheme.Total.Float())
	case model.RoleBallot:
		switch rowKey {
		case formspec.VoteSatisfied.Key():
			return 30 + rng.Intn(30)
		case formspec.VoteBasic.Key():
			return 3 + rng.Intn(10)
		case formspec.VoteUnsatisfied.Key():
			return rng.Intn(5)
		}
	case model.RoleLedger:
		line, ok := formspec.LedgerLine(rowKey)
		if !ok || line == "" || line > "3" || len(line) > 1 {
			return nil
		}
		switch colKey {
		case formspec.LedgerWho:
			return []string{"支部班子", "党员代表", "支部书记"}[int(line[0]-'1')]
		case formspec.LedgerWhat:
			return []string{"修缮村内道路2公里", "为留守老人每月上门服务一次", "组织技能培训两期"}[int(line[0]-'1')]
		case formspec.LedgerDeadline:
			return "2026年" + []string{"6", "9", "12"}[int(line[0]-'1')] + "月"
		case formspec.LedgerState:
			return formspec.LedgerStates[rng.Intn(2)]
		case formspec.LedgerEvidence:
			return "照片、签到表"
		}
	}
	return nil
}

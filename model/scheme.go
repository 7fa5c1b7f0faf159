package model

// SubjectKind says what a scheme assesses: units (党组织) or members (党员).
type SubjectKind string

// Subject kinds.
const (
	SubjectUnit   SubjectKind = "unit"
	SubjectMember SubjectKind = "member"
)

// Source codes used by the built-in schemes. A scheme may define others; the
// code is only a key, Source.Name is what people read.
const (
	SourceSelf   = "self"   // 自评 / 自查打分
	SourceReview = "review" // 考评 / 上级党组织考评 / 考核组 / 支部评定
	SourcePeer   = "peer"   // 党员互评
	SourceLeader = "leader" // 领导点评
	SourcePublic = "public" // 群众参评 / 职工参评 / 民主测评
	// SourceFacts marks an item computed from the subject's recorded facts
	// (通报批评次数, 缺席次数 …) instead of being scored by raters. It is not
	// declared in Scheme.Sources and carries no weight.
	SourceFacts = "facts"
)

// MissingSourcePolicy says what happens when a weighted source has no score
// for a subject or an item.
type MissingSourcePolicy string

// Missing-source policies.
const (
	// MissingRenormalize spreads the missing source's weight over the sources
	// that are present, in proportion to their weights (the default).
	MissingRenormalize MissingSourcePolicy = "renormalize"
	// MissingZero counts the missing source as 0 points with its weight.
	MissingZero MissingSourcePolicy = "zero"
)

// Aggregation says how the ratings of many raters of one source become one
// score.
type Aggregation string

// Aggregations.
const (
	AggMean    Aggregation = "mean"    // 平均值
	AggTrimmed Aggregation = "trimmed" // 去掉一个最高分和一个最低分后取平均
	AggMedian  Aggregation = "median"  // 中位数
)

// Scheme is an assessment scheme (考核方案 / 考核细则 / 评分标准): a versioned
// tree of sections and items with their rules, the sources that score them
// and their weights, the bands a total maps to, and the caps, quotas, vetoes,
// stars and red flag that follow. It is plain data: it serialises to JSON
// with the field names below, and package scoring computes results from it.
//
// Points in Sections and Items are 分值 (the most an item gives). Validate
// reports every problem it finds, naming the item.
type Scheme struct {
	Code    string      `json:"code"`    // stable key, e.g. "wlmq-cxcy"
	Name    string      `json:"name"`    // e.g. "乌鲁木齐县创先争优活动考核细则"
	Version string      `json:"version"` // the office's version label, e.g. "2011-1"
	Source  string      `json:"source"`  // the document it was transcribed from, e.g. "002 篇十一"
	Subject SubjectKind `json:"subject"` // units or members
	// Kinds lists the unit kinds the scheme is written for; for each of them
	// the applicable items must add up to Total. Empty: every kind.
	Kinds  []UnitKind `json:"kinds,omitempty"`
	Total  Decimal    `json:"total"`            // declared total, e.g. 100; bonus and penalty items are outside it
	Period string     `json:"period,omitempty"` // how often, as written: "季度", "半年", "年度"

	Sections []Section `json:"sections"`

	Sources       []Source            `json:"sources"`                 // who scores, with weights in percent summing to 100
	MissingSource MissingSourcePolicy `json:"missingSource,omitempty"` // default MissingRenormalize
	// BonusInGrade counts bonus items (加分项) in the total that decides the
	// band; false keeps them out ("加分部分不计入等级考核分", 003).
	BonusInGrade bool `json:"bonusInGrade"`

	Facts  []FactDef `json:"facts,omitempty"`  // facts the subject brings (换届逾期月数, 满意率 …)
	Bands  []Band    `json:"bands,omitempty"`  // best first
	Caps   []Cap     `json:"caps,omitempty"`   // deductions and band limits from facts
	Quotas []Quota   `json:"quotas,omitempty"` // 比例控制
	// TieBreak lists secondary ranking keys, compared in order when grade
	// totals are equal, higher first: "source:<code>" (a source's subtotal),
	// "item:<code>", "section:<code>", "fact:<name>". Subjects equal on all
	// keys form a tie group, which quotas never split (package scoring).
	TieBreak []string   `json:"tieBreak,omitempty"`
	Vetoes   []Veto     `json:"vetoes,omitempty"`  // 一票否决 / 取消资格
	Stars    *StarModel `json:"stars,omitempty"`   // named stars (星), when the scheme has them
	RedFlag  *RedFlag   `json:"redFlag,omitempty"` // 流动红旗 / 先锋旗
	Notes    []Note     `json:"notes,omitempty"`   // where the seed is silent or contradicts itself
}

// Section is a part of a scheme (一、基础工作(15分)); sections nest. Points is
// the declared subtotal, which Validate checks against the parts below;
// Department and AppliesTo are inherited by the items below unless an item
// sets its own.
type Section struct {
	Code       string     `json:"code"`
	Title      string     `json:"title"`
	Points     Decimal    `json:"points"`               // declared 分值; zero: not declared
	Department string     `json:"department,omitempty"` // the office that enters this part (组织部 …)
	AppliesTo  []UnitKind `json:"appliesTo,omitempty"`  // 分类指导; empty: every kind
	Sections   []Section  `json:"sections,omitempty"`
	Items      []Item     `json:"items,omitempty"`
}

// PartsSum is the 分值 a section's parts add up to: the 分值 of its regular
// items (加分项 and 扣分项 do not count) plus, for each subsection, its
// declared 分值, or, where a subsection declares none, its own PartsSum.
// Validate checks a declared 分值 against it; scoring takes it as the full
// marks of a section that declares none.
func (sec *Section) PartsSum() Decimal {
	var sum Decimal
	for _, it := range sec.Items {
		if !it.Bonus && !it.Penalty {
			sum = sum.Add(it.Points)
		}
	}
	for i := range sec.Sections {
		sub := &sec.Sections[i]
		if sub.Points.IsZero() {
			sum = sum.Add(sub.PartsSum())
		} else {
			sum = sum.Add(sub.Points)
		}
	}
	return sum
}

// Item is one line of a rubric (考核项目 / 指标): its 分值, who enters it and
// how it is scored.
type Item struct {
	Code   string  `json:"code"`   // unique within the scheme, e.g. "3" or "组织部-4"
	Title  string  `json:"title"`  // short description
	Points Decimal `json:"points"` // 分值: the most it gives; for a penalty item the most it takes (zero: no limit)
	// AppliesTo limits the item to some unit kinds (乡镇指标, 窗口单位指标);
	// empty: inherit from the section, or every kind.
	AppliesTo  []UnitKind `json:"appliesTo,omitempty"`
	Department string     `json:"department,omitempty"` // e.g. "组织部"; empty: the section's
	Method     string     `json:"method,omitempty"`     // 考核方法: "听汇报、查文件"
	// EnteredBy lists the source codes that score the item (SourceFacts for
	// an item computed from recorded facts); empty: every source of the scheme.
	EnteredBy []string `json:"enteredBy,omitempty"`
	Rule      Rule     `json:"rule"`
	Bonus     bool     `json:"bonus,omitempty"`   // 加分项: outside Total; in the grade only if Scheme.BonusInGrade
	Penalty   bool     `json:"penalty,omitempty"` // 减分项: outside Total; scores 0 or below
	Quote     string   `json:"quote,omitempty"`   // the seed's own words for the rule
}

// Source is one source of scores with its weight: 自评 30%, 考评 70%.
type Source struct {
	Code      string      `json:"code"`
	Name      string      `json:"name"`
	Weight    Decimal     `json:"weight"`              // percent
	Aggregate Aggregation `json:"aggregate,omitempty"` // for several raters; default AggMean
	// MinRaters is the fewest raters that make a valid score; fewer are
	// flagged on the subject (the score is still computed). Zero: any.
	MinRaters int `json:"minRaters,omitempty"`
	// TrimFrom is, for AggTrimmed, the number of raters from which the
	// highest and the lowest are dropped; with fewer raters the plain mean
	// is used (and said so). At least 3.
	TrimFrom int `json:"trimFrom,omitempty"`
}

// FactDef declares a fact a subject brings besides its scores, named in
// conditions, caps and facts-entered items: "electionOverdueMonths" (不按期换届
// 的月数), "satisfaction" (满意率, percent), "outstanding" (特别突出, a flag).
type FactDef struct {
	Name  string `json:"name"`
	Label string `json:"label"`          // Chinese, shown to people
	Unit  string `json:"unit,omitempty"` // "%", "次", "月", "人次"
	Flag  bool   `json:"flag,omitempty"` // a yes/no fact: 1 yes, 0 or absent no
}

// Note records where a seed leaves something out or contradicts itself, and
// what the scheme does about it; the office decides. Ref names the item,
// section, band, cap or quota ("" for the whole scheme). Flags lists the
// Validate problems the note explains, so a known problem can be told apart
// from a new one.
type Note struct {
	Ref   string        `json:"ref,omitempty"`
	Text  string        `json:"text"`
	Flags []ProblemCode `json:"flags,omitempty"`
}

// Computed fact names: besides the facts a subject brings, conditions may
// name these, which the engine fills in.
const (
	FactScore   = "score"   // the grade total (after cap deductions, for band conditions)
	FactTotal   = "total"   // the total including bonus items
	FactStars   = "stars"   // the number of stars earned
	FactStarAvg = "starAvg" // the mean score of the stars
)

// Walk calls fn for every item of the scheme in order, with the chain of
// sections above it (outermost first).
func (s *Scheme) Walk(fn func(path []*Section, it *Item)) {
	var rec func(path []*Section, secs []Section)
	rec = func(path []*Section, secs []Section) {
		for i := range secs {
			sec := &secs[i]
			p := append(path[:len(path):len(path)], sec)
			for j := range sec.Items {
				fn(p, &sec.Items[j])
			}
			rec(p, sec.Sections)
		}
	}
	rec(nil, s.Sections)
}

// Item returns the item with the given code, or nil.
func (s *Scheme) Item(code string) *Item {
	var found *Item
	s.Walk(func(_ []*Section, it *Item) {
		if found == nil && it.Code == code {
			found = it
		}
	})
	return found
}

// BandIndex returns the position of the band with the given code (0 is the
// best), or -1.
func (s *Scheme) BandIndex(code string) int {
	for i, b := range s.Bands {
		if b.Code == code {
			return i
		}
	}
	return -1
}

// SourceByCode returns the source with the given code, or nil.
func (s *Scheme) SourceByCode(code string) *Source {
	for i := range s.Sources {
		if s.Sources[i].Code == code {
			return &s.Sources[i]
		}
	}
	return nil
}

// Fact returns the declared fact with the given name, or nil.
func (s *Scheme) Fact(name string) *FactDef {
	for i := range s.Facts {
		if s.Facts[i].Name == name {
			return &s.Facts[i]
		}
	}
	return nil
}

// EffectiveAppliesTo returns the unit kinds an item applies to: its own
// list, else the nearest section's; empty means every kind.
func EffectiveAppliesTo(path []*Section, it *Item) []UnitKind {
	if len(it.AppliesTo) > 0 {
		return it.AppliesTo
	}
	for i := len(path) - 1; i >= 0; i-- {
		if len(path[i].AppliesTo) > 0 {
			return path[i].AppliesTo
		}
	}
	return nil
}

// EffectiveDepartment returns the department that enters an item: its own,
// else the nearest section's.
func EffectiveDepartment(path []*Section, it *Item) string {
	if it.Department != "" {
		return it.Department
	}
	for i := len(path) - 1; i >= 0; i-- {
		if path[i].Department != "" {
			return path[i].Department
		}
	}
	return ""
}

// UnitsForScheme returns the units a unit scheme is meant for, the one
// rule for the period form, the console's period create and the demo: the
// active 党支部 and 党总支 of the scheme's kinds (every kind when it names
// none), in the order given (the store's tree order).
func UnitsForScheme(units []Unit, s Scheme) []int64 {
	var ids []int64
	for _, u := range units {
		if !u.Active() || (u.Level != LevelBranch && u.Level != LevelGeneral) {
			continue
		}
		if AppliesToKind(s.Kinds, u.Kind) {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// AppliesToKind reports whether a list of kinds (empty: all) includes k. An
// empty k (kind not known) matches only the empty list.
func AppliesToKind(kinds []UnitKind, k UnitKind) bool {
	if len(kinds) == 0 {
		return true
	}
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

package formspec

import (
	"errors"
	"strconv"
	"strings"

	"xingji/model"
)

// FieldKey names one field of one item: the row of 自评表 where a unit fills
// it in, and the column of 考评表 where a department does. Its text is
// "f:<item>:<field>". A field name never holds ":"; an item code may.
type FieldKey struct {
	Item  string // the item's code
	Field string // the field's name (model.Field.Name)
}

// String returns the key: "f:<item>:<field>".
func (k FieldKey) String() string { return "f:" + k.Item + ":" + k.Field }

// ErrFieldKey is what ParseFieldKey returns (wrapped) for text that is not
// a field key.
var ErrFieldKey = errors.New("不是考核项目填报项的标识")

// ParseFieldKey reads a field key: "f:", the item's code, ":" and the
// field's name (the text after the last ":"). Item and field must not be
// empty.
func ParseFieldKey(key string) (FieldKey, error) {
	rest, ok := strings.CutPrefix(key, "f:")
	i := strings.LastIndexByte(rest, ':')
	if !ok || i <= 0 || i == len(rest)-1 {
		return FieldKey{}, &KeyError{Key: key, Err: ErrFieldKey}
	}
	return FieldKey{Item: rest[:i], Field: rest[i+1:]}, nil
}

// RaterKey names one rater column of 党员评议表: the source (model.Source
// code) and the rater within it, the rater being what is stored with each
// value (SelfRater, PeerRater, NumberedRater). Its text is
// "s:<source>:<rater>". A source code never holds ":"; a rater may.
type RaterKey struct {
	Source string
	Rater  string
}

// String returns the key: "s:<source>:<rater>".
func (k RaterKey) String() string { return "s:" + k.Source + ":" + k.Rater }

// ErrRaterKey is what ParseRaterKey returns (wrapped) for text that is not
// a rater key.
var ErrRaterKey = errors.New("不是评议人的标识")

// ParseRaterKey reads a rater key: "s:", the source code, ":" and the rater
// (everything after that first ":"). Source and rater must not be empty.
func ParseRaterKey(key string) (RaterKey, error) {
	rest, ok := strings.CutPrefix(key, "s:")
	source, rater, found := strings.Cut(rest, ":")
	if !ok || !found || source == "" || rater == "" {
		return RaterKey{}, &KeyError{Key: key, Err: ErrRaterKey}
	}
	return RaterKey{Source: source, Rater: rater}, nil
}

// SelfRater is the rater of 本人自评 (model.SourceSelf) on 党员评议表.
const SelfRater = "self"

// PeerRater is the rater of a member in 党员互评 (model.SourcePeer):
// "m<id>".
func PeerRater(memberID int64) string { return "m" + strconv.FormatInt(memberID, 10) }

// NumberedRater is the rater of the n-th column (1-based) of a source with
// anonymous raters (领导点评, 群众参评 …): "<n>".
func NumberedRater(n int) string { return strconv.Itoa(n) }

// Where a value comes from, besides the scheme's sources (model.SourceSelf,
// model.SourceReview …), and the fields the appraisal stores.
const (
	// SourceBallot is the source of 满意度测评's votes and rate.
	SourceBallot = "ballot"
	// SourceLedger is the source of 承诺台账's lines.
	SourceLedger = "ledger"
	// FieldTotal is the field of a rater's total for a member on 党员评议表.
	FieldTotal = "total"
	// SatisfactionFact is the fact the ballot tally sets, and the field its
	// rate is stored under: 满意率 in percent,
	// (满意 + 基本满意) ÷ 有效票 × 100.
	SatisfactionFact = "satisfaction"
)

// Vote is one line of 满意度测评: the field its count is stored under.
type Vote string

// The lines of 满意度测评.
const (
	VoteSatisfied   Vote = "satisfied"   // 满意
	VoteBasic       Vote = "basic"       // 基本满意
	VoteUnsatisfied Vote = "unsatisfied" // 不满意
)

// Votes are the lines of 满意度测评 in order; the rate counts the first two.
var Votes = []Vote{VoteSatisfied, VoteBasic, VoteUnsatisfied}

// Key returns the vote's row key: "b:<vote>".
func (v Vote) Key() string { return "b:" + string(v) }

// Label returns the vote's name on the form: 满意, 基本满意, 不满意.
func (v Vote) Label() string {
	switch v {
	case VoteSatisfied:
		return "满意"
	case VoteBasic:
		return "基本满意"
	case VoteUnsatisfied:
		return "不满意"
	}
	return string(v)
}

// LedgerColumn is one column of 承诺台账: its key, which is also the field
// its text is stored under, and its header.
type LedgerColumn struct {
	Key    string
	Header string
}

// The column keys of 承诺台账.
const (
	LedgerWho      = "who"      // 承诺人
	LedgerWhat     = "what"     // 承诺事项; a line with anything in it must have it
	LedgerDeadline = "deadline" // 完成时限
	LedgerState    = "state"    // 完成情况, one of LedgerStates
	LedgerEvidence = "evidence" // 佐证材料
)

// LedgerColumns are the columns of 承诺台账 in order.
var LedgerColumns = []LedgerColumn{
	{LedgerWho, "承诺人（党员或班子）"}, {LedgerWhat, "承诺事项"}, {LedgerDeadline, "完成时限"},
	{LedgerState, "完成情况"}, {LedgerEvidence, "佐证材料"},
}

// LedgerStates are the choices of the 完成情况 column.
var LedgerStates = []string{"已完成", "推进中", "未完成", "已销号"}

// Facts the commitment ledger (承诺台账) gives a unit, when its scheme
// declares them (a cap, condition or facts-entered item may read them): the
// commitments listed (lines with 承诺事项), those kept (已完成 or 已销号),
// and those not yet (推进中 or 未完成).
const (
	LedgerCommitments = "commitments"
	LedgerKept        = "commitmentsKept"
	LedgerOpen        = "commitmentsOpen"
)

// LedgerKeptState reports whether a 完成情况 counts the commitment as kept.
func LedgerKeptState(state string) bool { return state == "已完成" || state == "已销号" }

// LedgerKey is the row key of ledger line n (1-based): "l:<n>".
func LedgerKey(n int) string { return "l:" + strconv.Itoa(n) }

// LedgerLine returns the line of a ledger row key — the text after "l:",
// stored as the rater of the line's values — and false when key is not a
// ledger row key.
func LedgerLine(key string) (string, bool) {
	if line, ok := strings.CutPrefix(key, "l:"); ok {
		return line, true
	}
	return "", false
}

// IsRating reports whether a value of the given subject and field is a
// rater's total for a member on 党员评议表.
func IsRating(subject, field string) bool {
	if field != FieldTotal {
		return false
	}
	kind, _ := SubjectKindOf(subject)
	return kind == model.SubjectMember
}

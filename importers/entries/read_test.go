package entries_test

import (
	"testing"

	"xingji/importers/entries"
	"xingji/model"
)

// A workbook read back untouched gives no entries: every pre-filled value
// reads back as what stands.
func TestUntouchedGivesNothing(t *testing.T) {
	spec := villageSpec()
	if got := read(t, write(t, spec), readSpec(spec)); len(got) != 0 {
		t.Errorf("untouched workbook gave entries: %+v", got)
	}
}

// Every cell changed becomes an entry with its key, the value it replaces,
// the reason of its line and its place; a blank where something stood
// clears it; a veto is entered on a blank line and withdrawn by 状态 撤销.
func TestChangedCellsBecomeEntries(t *testing.T) {
	spec := villageSpec()
	data := fill(t, write(t, spec), set{
		scores + "!F9": 18, scores + "!O9": "复核后更正",
		scores + "!H10": "19",
		facts + "!E6":   nil, facts + "!F6": "测评作废，重新组织",
		facts + "!E7":       85,
		memberFacts + "!D7": "否",
		vetoes + "!H6":      "撤销", vetoes + "!F6": "已整改，经党委研究撤销",
		vetoes + "!C7": "C-01", vetoes + "!E7": "违反计划生育", vetoes + "!F7": "超生一人", vetoes + "!G7": "乡党发〔2026〕9号",
		ownStars + "!E7": "科技兴村星", ownStars + "!F7": 9.5, ownStars + "!G7": "新增",
	})
	wantEntries(t, read(t, data, readSpec(spec)),
		entry{key: eastPolicy, value: "18", old: "17.5", reason: "复核后更正", sheet: scores, cell: "F9"},
		entry{key: westLaw, value: "19", sheet: scores, cell: "H10"},
		entry{key: eastSatisf, value: "", old: "92.5", reason: "测评作废，重新组织", sheet: facts, cell: "E6"},
		entry{key: westSatisf, value: "85", sheet: facts, cell: "E7"},
		entry{key: zhangOutst, value: "0", old: "1", sheet: memberFacts, cell: "D7"},
		entry{key: westAnquan, value: "", old: "1", reason: "已整改，经党委研究撤销", docNo: "乡党发〔2026〕5号", sheet: vetoes, cell: "H6"},
		entry{key: eastJisheng, value: "1", reason: "超生一人", docNo: "乡党发〔2026〕9号", sheet: vetoes, cell: "E7"},
		entry{key: model.EntryKey{Subject: "u:11", Kind: model.EntryOwnStar, Name: "科技兴村星"}, value: "9.5", reason: "新增", sheet: ownStars, cell: "F7"},
	)
}

// An emptied veto line withdraws the veto; an emptied own star line
// withdraws the star, with the line's 更正原因; a veto whose 原因 or 文号
// changed is entered again with them.
func TestEmptiedLinesWithdraw(t *testing.T) {
	spec := villageSpec()
	data := fill(t, write(t, spec), set{
		ownStars + "!E6": nil, ownStars + "!F6": nil, ownStars + "!G6": "星名不规范，撤销",
	})
	wantEntries(t, read(t, data, readSpec(spec)),
		entry{key: eastStar, value: "", old: "9", reason: "星名不规范，撤销", sheet: ownStars, cell: "E6"})

	data = fill(t, write(t, spec), set{
		vetoes + "!C6": nil, vetoes + "!D6": nil, vetoes + "!E6": nil, vetoes + "!F6": nil, vetoes + "!G6": nil, vetoes + "!H6": nil,
	})
	wantEntries(t, read(t, data, readSpec(spec)),
		entry{key: westAnquan, value: "", old: "1", sheet: vetoes, cell: "H6"})

	data = fill(t, write(t, spec), set{vetoes + "!G6": "乡党发〔2026〕6号"})
	wantEntries(t, read(t, data, readSpec(spec)),
		entry{key: westAnquan, value: "1", old: "1", reason: "发生安全生产事故", docNo: "乡党发〔2026〕6号", sheet: vetoes, cell: "H6"})

	// A renamed own star: the new name entered, the old one withdrawn.
	data = fill(t, write(t, spec), set{ownStars + "!E6": "产业富民星"})
	wantEntries(t, read(t, data, readSpec(spec)),
		entry{key: model.EntryKey{Subject: "u:11", Kind: model.EntryOwnStar, Name: "产业富民星"}, value: "9", sheet: ownStars, cell: "F6"},
		entry{key: eastStar, value: "", old: "9", sheet: ownStars, cell: "E6"})
}

// A workbook that has gone stale — values entered on screen after it was
// written — does not undo them: a cell left as written gives nothing, and
// a cell changed replaces what stands now (its Old). Without the record of
// what was written (its hidden sheet deleted), cells are compared with
// what stands now alone.
func TestStaleWorkbook(t *testing.T) {
	spec := villageSpec()
	data := write(t, spec)
	now := readSpec(spec)
	now.Current = standing()
	now.Current[eastPolicy] = "16" // corrected on screen since
	now.Current[eastJisheng] = "1" // a veto entered on screen since
	delete(now.Current, eastStar)  // an own star withdrawn on screen since
	now.Current[westSatisf] = "88" // a ballot came in since
	if got := read(t, data, now); len(got) != 0 {
		t.Errorf("an untouched stale workbook gave entries: %+v", got)
	}
	changed := fill(t, data, set{scores + "!F9": 18})
	wantEntries(t, read(t, changed, now),
		entry{key: eastPolicy, value: "18", old: "16", sheet: scores, cell: "F9"})

	noRecord := fill(t, data, set{})
	noRecord = deleteSheet(t, noRecord, "xingji_prefill")
	wantEntries(t, read(t, noRecord, now),
		entry{key: eastPolicy, value: "17.5", old: "16", sheet: scores, cell: "F9"},
		entry{key: westSatisf, value: "", old: "88", sheet: facts, cell: "E7"},
		entry{key: eastJisheng, value: "", old: "1", sheet: vetoes},
		entry{key: eastStar, value: "9", sheet: ownStars, cell: "F6"},
	)
}

// Read needs a period.
func TestReadWithoutPeriod(t *testing.T) {
	if _, err := entries.Read(fileName, nil, entries.ReadSpec{}); err == nil {
		t.Error("no error without a period")
	}
}

package office

import (
	"bytes"
	"context"
	"os"
	"path/filepath"

	"xingji/documents"
	"xingji/importers/entries"
	"xingji/model"
)

// EntriesFileName is the usual name of a period's entries workbook, for
// one department (dept non-nil) or the whole office.
func EntriesFileName(p *model.Period, dept *string) string { return documents.EntriesFileName(p, dept) }

// WriteEntriesWorkbook writes a period's entries workbook (录入表) at path:
// what the office enters itself — the review scores of one department
// (dept non-nil; "" the committee's own items) or of all, and, for the
// whole office, the facts, vetoes and own stars — with what stands now
// filled in and each unit's self score beside its review.
func (o *Office) WriteEntriesWorkbook(ctx context.Context, periodID int64, dept *string, path string) error {
	d, err := o.PeriodData(ctx, periodID)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	err = documents.WriteEntries(&buf, documents.EntriesSpec{Period: d.Period, Dept: dept, Units: d.UnitsInScope(), Members: d.Members,
		Current: d.Current(), Self: d.SelfScores(), VetoNotes: d.Standing()})
	if err != nil {
		return err
	}
	return writeFileAtomic(path, buf.Bytes())
}

// IsEntriesFile reports whether a dropped path is an entries workbook
// (录入表), to be taken by ImportEntries rather than ImportForms.
func (o *Office) IsEntriesFile(path string) bool { return entries.IsEntriesFile(path) }

// ImportEntries reads a filled entries workbook and stores what changed in
// it, all or nothing: a workbook with any problem — another period's, a
// number cell with text, a score above its 分值, an item the department
// does not own, a unit outside the period, a fact or veto the scheme does
// not define — is refused whole with every problem and its cell, and
// nothing is stored. It returns the entries stored.
func (o *Office) ImportEntries(ctx context.Context, periodID int64, path string) ([]model.Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, model.Errorf(model.ENotFound, "无法读取录入表 %s：%v", path, err)
	}
	d, err := o.PeriodData(ctx, periodID)
	if err != nil {
		return nil, err
	}
	checker, err := o.EntryChecker(ctx, periodID)
	if err != nil {
		return nil, err
	}
	res, err := entries.Read(filepath.Base(path), data, entries.ReadSpec{Period: d.Period, Units: d.UnitsInScope(), Members: d.Members,
		Current: d.Current(), Check: checker.Check})
	if err != nil {
		return nil, err
	}
	if len(res.Problems) > 0 {
		return nil, EntryProblems(res.Problems)
	}
	return o.AddEntries(ctx, periodID, res.Entries)
}

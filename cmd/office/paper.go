package office

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"xingji/documents"
	"xingji/model"
)

// PaperKind is one kind of document printed from a period's results (排名表,
// 公示, 表彰名单, 荣誉证书, 星级牌, 反馈报告). Each kind registers itself from
// its own file (paper_*.go) with registerPaper; the console's export
// command and the window's 打印与导出 list them from PaperKinds.
type PaperKind struct {
	Code    string   // the console's name: ranking, notice, commendations …
	Label   string   // its name for people: 排名表
	Order   int      // where it is listed
	Formats []string // file extensions it is written as, the first the default: "pdf", "xlsx", "docx"
	// Designs are the named looks a kind offers (certificates); the first
	// is the default. Empty for most kinds.
	Designs []string
	// Write writes the document in one format from the period's paper.
	Write func(ctx context.Context, o *Office, p *documents.Paper, format string, opt PaperOptions) ([]byte, error)
}

// PaperOptions are what a person chooses when exporting.
type PaperOptions = documents.ExportOptions

var paperKinds []PaperKind

// registerPaper adds a kind of document; each paper_*.go calls it from init.
func registerPaper(k PaperKind) {
	paperKinds = append(paperKinds, k)
	sort.SliceStable(paperKinds, func(i, j int) bool { return paperKinds[i].Order < paperKinds[j].Order })
}

// PaperKinds lists the kinds of documents, in the order they are offered.
func PaperKinds() []PaperKind { return append([]PaperKind(nil), paperKinds...) }

// FindPaperKind returns the kind with the given code or label.
func FindPaperKind(code string) (PaperKind, bool) {
	for _, k := range paperKinds {
		if k.Code == code || k.Label == code {
			return k, true
		}
	}
	return PaperKind{}, false
}

// ErrFileExists is returned by ExportPaper when a file is in the way and
// the caller did not say to replace it; the window asks and tries again.
var ErrFileExists = documents.ErrFileExists

// PaperChoices describes the kinds of documents for the window's
// 打印与导出, in the order they are offered.
func (o *Office) PaperChoices() []documents.Kind {
	out := make([]documents.Kind, len(paperKinds))
	for i, k := range paperKinds {
		out[i] = documents.Kind{Code: k.Code, Label: k.Label, Order: k.Order, Formats: k.Formats, Designs: k.Designs}
	}
	return out
}

// Paper gathers what a period's documents are written from: its results
// computed now, the results of the committee's previous period with the
// same scheme, the issuing committee and today's date.
func (o *Office) Paper(ctx context.Context, periodID int64) (*documents.Paper, error) {
	res, err := o.Results(ctx, periodID)
	if err != nil {
		return nil, err
	}
	p := res.Period
	paper := &documents.Paper{Period: p, Results: res, Draft: !p.Final(), Date: model.DateOf(o.Now())}
	for _, u := range res.Data.Units {
		if u.ParentID == 0 {
			paper.Committee = u.Name
			break
		}
	}
	if prev, err := o.previousPeriod(ctx, *p); err != nil {
		return nil, err
	} else if prev != 0 {
		if paper.Previous, err = o.Results(ctx, prev); err != nil {
			return nil, err
		}
	}
	return paper, nil
}

// previousPeriod is the committee's latest period before p (by start
// date, then by creation) with the same unit scheme; 0 when none.
func (o *Office) previousPeriod(ctx context.Context, p model.Period) (int64, error) {
	all, err := o.store.Periods(ctx)
	if err != nil {
		return 0, err
	}
	var best *model.Period
	for i := range all {
		q := &all[i]
		if q.ID == p.ID || q.Scheme.Code != p.Scheme.Code || !before(*q, p) {
			continue
		}
		if best == nil || before(*best, *q) {
			best = q
		}
	}
	if best == nil {
		return 0, nil
	}
	return best.ID, nil
}

// before orders periods by start date, then by when they were created.
func before(a, b model.Period) bool {
	if c := a.Start.Compare(b.Start); c != 0 {
		return c < 0
	}
	return a.Created.Before(b.Created)
}

// ExportPaper writes one document of a period to path: kind by its code,
// format by its extension ("" the kind's first). A file already at path is
// left alone (ErrFileExists) unless opt.Overwrite; the document is written
// to a temporary file beside path and renamed into place, so a failure
// leaves no half-written file.
func (o *Office) ExportPaper(ctx context.Context, periodID int64, kind, format, path string, opt PaperOptions) error {
	k, ok := FindPaperKind(kind)
	if !ok {
		return model.Errorf(model.EInvalid, "没有“%s”这种文书", kind)
	}
	if format == "" {
		format = k.Formats[0]
	}
	if !contains(k.Formats, format) {
		return model.Errorf(model.EInvalid, "%s不能导出为 .%s 文件，可选：%v", k.Label, format, k.Formats)
	}
	if !opt.Overwrite {
		if _, err := os.Stat(path); err == nil {
			return ErrFileExists
		} else if !errors.Is(err, fs.ErrNotExist) {
			return model.Errorf(model.EInvalid, "无法访问 %s：%v", path, err)
		}
	}
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return model.Errorf(model.EInvalid, "文件夹 %s 不存在，请先选择一个已有的文件夹", dir)
		}
	}
	p, err := o.Paper(ctx, periodID)
	if err != nil {
		return err
	}
	data, err := k.Write(ctx, o, p, format, opt)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

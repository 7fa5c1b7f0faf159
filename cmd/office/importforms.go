package office

import (
	"archive/zip"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"xingji/importers"
	"xingji/importers/forms"
	"xingji/model"
	"xingji/model/sqlite"
)

// Limits on what an import reads from folders and archives. Each is named
// in the message when exceeded.
const (
	// MaxImportFiles is the most files one import takes (a prefecture has
	// about 5,000 units).
	MaxImportFiles = 20_000
	// MaxZipTotal is the most bytes all entries of one .zip archive may
	// unpack to, against zip bombs.
	MaxZipTotal = 2 << 30
)

// input is one file to import, from disk or from an archive.
type input struct {
	name  string // as given: a path, or archive.zip/entry
	label string // as messages name it: the file's base name, or archive.zip/entry
	read  func() ([]byte, error)
}

// ImportForms imports returned forms: files, folders (searched through) and
// .zip archives. Each file goes in entirely or not at all; its bytes are
// kept whatever the outcome. The same file sent twice is recognised and
// ignored; a corrected file makes a new version. Cancelling ctx stops after
// the file in hand: the files already imported stay. progress may be nil.
func (o *Office) ImportForms(ctx context.Context, paths []string, progress func(done, total int, last model.FileResult)) ([]model.FileResult, error) {
	inputs, early, closers := expandInputs(paths)
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	cat, err := o.catalog(ctx)
	if err != nil {
		return nil, err
	}
	if len(inputs) > 0 {
		// As the README promises: a backup before the data changes, and
		// the database file whole (its log checkpointed) when the job ends.
		if _, err := o.store.Backup(ctx, "before-import"); err != nil {
			return nil, err
		}
		defer o.settle()
	}
	total := len(inputs) + len(early)
	if len(inputs) >= 100 {
		// A large import allocates briskly while keeping little alive (about
		// 20 MB): collecting half as often saves a tenth of its time.
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	results := make([]model.FileResult, 0, total)
	done := 0
	report := func(r model.FileResult) {
		results = append(results, r)
		done++
		if progress != nil {
			progress(done, total, r)
		}
	}
	for _, r := range early {
		report(r)
	}
	// Files are read and checked in parallel — and the record of each made
	// ready to store, its values encoded — then stored in the order given,
	// several to a transaction.
	type parsed struct {
		in   input
		data []byte
		res  *forms.Result
		r    model.FileResult
		prep sqlite.PreparedSubmission
		err  error
	}
	out := make([]chan parsed, len(inputs))
	for i := range out {
		out[i] = make(chan parsed, 1)
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, runtime.NumCPU()); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				data, err := inputs[i].read()
				if err != nil {
					out[i] <- parsed{err: err}
					continue
				}
				res := forms.Read(inputs[i].label, data, cat)
				r, sub := prepare(inputs[i].name, data, res)
				prep, err := sqlite.PrepareSubmission(sub, data)
				out[i] <- parsed{data: data, res: res, r: r, prep: prep, err: err}
			}
		}()
	}
	// At most window files are read ahead of the store, so that memory
	// stays bounded however many files are imported.
	const batchMax = 64
	window := make(chan struct{}, batchMax+4*max(1, runtime.NumCPU()))
	go func() {
		defer close(work)
		for i := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case work <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	// Files already received, by period and SHA-256, to recognise a file
	// sent twice; files stored by this import are added as they go.
	seen := map[int64]map[string]*model.Submission{}
	var batch []parsed
	var batchBytes int
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		preps := make([]sqlite.PreparedSubmission, len(batch))
		for i, p := range batch {
			p.prep.Sub.Received = o.Now()
			preps[i] = p.prep
		}
		o.changed()
		if err := o.store.SaveSubmissions(ctx, preps); err != nil {
			return err
		}
		for _, p := range batch {
			p.r.Version = p.prep.Sub.Version
			p.prep.Sub.Values = nil // seen keeps the record; the values are stored
			report(p.r)
			<-window
		}
		clear(batch)
		batch, batchBytes = batch[:0], 0
		return nil
	}
	for i, in := range inputs {
		var p parsed
		select {
		case p = <-out[i]:
		default:
			// Nothing ready: store what is waiting rather than sit on it.
			if err := flush(); err != nil {
				return results, err
			}
			select {
			case p = <-out[i]:
			case <-ctx.Done():
			}
		}
		if ctx.Err() != nil {
			if err := flush(); err != nil {
				return results, err
			}
			return results, model.Errorf(model.EInternal, "导入已取消：已处理 %d 个文件，其余 %d 个没有导入", done, total-done)
		}
		if p.prep.Sub == nil {
			if err := flush(); err != nil {
				return results, err
			}
			if p.err != nil && p.res == nil {
				report(model.FileResult{Name: in.name, Outcome: model.OutcomeRejected, Problems: []string{p.err.Error()}})
				<-window
				continue
			}
			return results, p.err
		}
		sub := p.prep.Sub
		if sub.PeriodID != 0 {
			m, ok := seen[sub.PeriodID]
			if !ok {
				stored, err := o.store.SubmissionSHAs(ctx, sub.PeriodID)
				if err != nil {
					return results, err
				}
				m = make(map[string]*model.Submission, len(stored))
				for k, v := range stored {
					m[k] = &v
				}
				seen[sub.PeriodID] = m
			}
			if prev, dup := m[sub.SHA256]; dup {
				if err := flush(); err != nil { // prev may be in the batch: its version is known after
					return results, err
				}
				r := p.r
				r.Outcome, r.Version, r.Values, r.Problems = model.OutcomeDuplicate, prev.Version, 0,
					[]string{"与 " + prev.Received.Format("2006-01-02 15:04") + " 收到的“" + prev.FileName +
						"”内容完全相同（第 " + itoa(prev.Version) + " 版），已忽略"}
				report(r)
				<-window
				continue
			}
			if sub.Status == model.SubmissionAccepted {
				m[sub.SHA256] = sub // the version is filled in by the flush
			}
		}
		batch = append(batch, p)
		batchBytes += len(p.data) + len(p.prep.Sub.Values)*100
		if len(batch) >= batchMax || batchBytes >= 16<<20 {
			if err := flush(); err != nil {
				return results, err
			}
		}
	}
	if err := flush(); err != nil {
		return results, err
	}
	return results, nil
}

// prepare works out the record of one read file and what to report, but for
// a duplicate and the version, which only the store knows.
func prepare(name string, data []byte, res *forms.Result) (model.FileResult, *model.Submission) {
	id := res.Identity
	r := model.FileResult{Name: name, Unit: id.UnitName, ByHeaders: res.ByHeaders}
	if id.Form == model.FormReview {
		r.Unit, r.Dept = "", model.DeptLabel(id.Dept)
	}
	sub := &model.Submission{
		Form: id.Form, Dept: id.Dept, FileName: filepath.Base(name), SHA256: sha256Hex(data),
		Size: int64(len(data)),
	}
	if res.Period != nil {
		sub.PeriodID = res.Period.ID
		r.PeriodID = res.Period.ID
		if id.Form == model.FormUnit {
			sub.UnitID = id.UnitID
		}
	}
	if len(res.Errors) > 0 {
		sub.Status = model.SubmissionRejected
		for _, e := range res.Errors {
			sub.Problems = append(sub.Problems, e.Error())
		}
		if res.Period == nil {
			sub.Form, sub.UnitID, sub.Dept = "", 0, ""
		}
		r.Outcome, r.Problems = model.OutcomeRejected, sub.Problems
	} else {
		sub.Status, sub.Values = model.SubmissionAccepted, res.Values
		r.Outcome, r.Values = model.OutcomeAccepted, len(res.Values)
	}
	return r, sub
}

// formExts are the file name extensions taken from folders and archives;
// a file given by name is tried whatever its extension.
var formExts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".csv": true}

// expandInputs turns the paths given into files to import: folders are
// searched through, .zip archives opened. Problems found on the way
// (a missing path, a damaged archive) come back as rejected results.
func expandInputs(paths []string) (ins []input, bad []model.FileResult, closers []io.Closer) {
	reject := func(name, msg string) {
		bad = append(bad, model.FileResult{Name: name, Outcome: model.OutcomeRejected, Problems: []string{msg}})
	}
	fromDisk := func(path string) input {
		return input{name: path, label: filepath.Base(path), read: func() ([]byte, error) { return importers.ReadFile(path) }}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			reject(p, p+"：找不到这个文件或文件夹。请确认它没有被移动或删除")
			continue
		}
		switch {
		case info.IsDir():
			var found []string
			_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					reject(path, path+"：无法打开这个文件夹，请确认有读取权限")
					return nil
				}
				base := d.Name()
				if d.IsDir() {
					if path != p && strings.HasPrefix(base, ".") {
						return filepath.SkipDir
					}
					return nil
				}
				if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".") {
					return nil // Excel's lock files, hidden files
				}
				ext := strings.ToLower(filepath.Ext(base))
				if formExts[ext] || ext == ".zip" {
					found = append(found, path)
				}
				return nil
			})
			sort.Strings(found)
			for _, f := range found {
				if strings.EqualFold(filepath.Ext(f), ".zip") {
					zi, zb, c := expandZip(f)
					ins, bad = append(ins, zi...), append(bad, zb...)
					if c != nil {
						closers = append(closers, c)
					}
				} else {
					ins = append(ins, fromDisk(f))
				}
			}
		case isZip(p):
			zi, zb, c := expandZip(p)
			ins, bad = append(ins, zi...), append(bad, zb...)
			if c != nil {
				closers = append(closers, c)
			}
		default:
			ins = append(ins, fromDisk(p))
		}
	}
	if len(ins) > MaxImportFiles {
		reject("", "一次最多导入 "+itoa(MaxImportFiles)+" 个文件，这次选了 "+itoa(len(ins))+" 个。请分几次导入")
		ins = nil
	}
	return ins, bad, closers
}

// isZip reports whether the file at path is a zip archive that is not an
// xlsx workbook (which is a zip too).
func isZip(path string) bool {
	if !strings.EqualFold(filepath.Ext(path), ".zip") {
		return false
	}
	return true
}

// expandZip lists the spreadsheets inside a .zip archive. Each entry is
// read only when imported, and never beyond the size limit, whatever its
// header claims.
func expandZip(path string) ([]input, []model.FileResult, io.Closer) {
	base := filepath.Base(path)
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, []model.FileResult{{Name: path, Outcome: model.OutcomeRejected,
			Problems: []string{base + "：压缩包已损坏或不是 zip 格式。请重新压缩（右键→发送到→压缩文件夹）后再导入，或先解压再导入文件夹"}}}, nil
	}
	var ins []input
	var bad []model.FileResult
	var claimed uint64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		name := zipName(f)
		entry := filepath.Base(name)
		display := base + "/" + name
		if strings.HasPrefix(entry, "~$") || strings.HasPrefix(entry, ".") || strings.HasPrefix(name, "__MACOSX/") {
			continue
		}
		ext := strings.ToLower(filepath.Ext(entry))
		if ext == ".zip" {
			bad = append(bad, model.FileResult{Name: display, Outcome: model.OutcomeRejected,
				Problems: []string{display + "：压缩包里又套了压缩包，请先解压里面的压缩包再导入"}})
			continue
		}
		if !formExts[ext] {
			continue
		}
		claimed += f.UncompressedSize64
		if claimed > MaxZipTotal || f.UncompressedSize64 > importers.DefaultSizeLimit {
			bad = append(bad, model.FileResult{Name: display, Outcome: model.OutcomeRejected,
				Problems: []string{display + "：解压后太大（单个文件超过 " + importers.SizeText(importers.DefaultSizeLimit) +
					"，或整个压缩包超过 " + importers.SizeText(MaxZipTotal) + "），可能是异常的压缩包，未导入。请检查文件来源"}})
			continue
		}
		f := f
		ins = append(ins, input{name: display, label: display, read: func() ([]byte, error) {
			rc, err := f.Open()
			if err != nil {
				return nil, &importers.Error{File: display, Message: "无法从压缩包中读出这个文件", Hint: "压缩包可能已损坏，请重新压缩后再导入", Err: err}
			}
			defer rc.Close()
			b, err := io.ReadAll(io.LimitReader(rc, importers.DefaultSizeLimit+1))
			if err != nil {
				return nil, &importers.Error{File: display, Message: "压缩包中的这个文件已损坏", Hint: "请重新压缩后再导入", Err: err}
			}
			if len(b) > importers.DefaultSizeLimit {
				return nil, &importers.Error{File: display, Message: "解压后超过 " + importers.SizeText(importers.DefaultSizeLimit), Hint: "可能是异常的压缩包，请检查文件来源"}
			}
			return b, nil
		}})
	}
	return ins, bad, zr
}

// zipName returns an entry's name: UTF-8 when flagged or valid, else
// decoded from GB18030, as Windows' own "压缩文件夹" writes Chinese names.
func zipName(f *zip.File) string {
	if f.NonUTF8 || !utf8.ValidString(f.Name) {
		if s, ok := importers.DecodeText([]byte(f.Name)); ok {
			return s
		}
	}
	return f.Name
}

func itoa(n int) string { return strconv.Itoa(n) }

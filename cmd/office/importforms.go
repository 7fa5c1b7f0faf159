package office

import (
	"context"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"xingji/importers"
	"xingji/importers/forms"
	"xingji/model"
	"xingji/model/sqlite"
)

// ImportForms imports returned forms: files, folders (searched through) and
// .zip archives. Each file goes in entirely or not at all; its bytes are
// kept whatever the outcome. The same file sent twice is recognised and
// ignored; a corrected file makes a new version. Cancelling ctx stops after
// the file in hand: the files already imported stay. progress may be nil.
func (o *Office) ImportForms(ctx context.Context, paths []string, progress func(done, total int, last model.FileResult)) ([]model.FileResult, error) {
	inputs, early, closers := importers.ExpandInputs(paths)
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
		in   importers.Input
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
				data, err := inputs[i].Read()
				if err != nil {
					out[i] <- parsed{err: err}
					continue
				}
				res := forms.Read(inputs[i].Label, data, cat)
				r, sub := prepare(inputs[i].Name, data, res)
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
				report(model.FileResult{Name: in.Name, Outcome: model.OutcomeRejected, Problems: []string{p.err.Error()}})
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

func itoa(n int) string { return strconv.Itoa(n) }

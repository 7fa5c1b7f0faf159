package office

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/user"
	"strings"
	"sync"

	"xingji/model"
	"xingji/scoring/period"
)

// resultsCache keeps, for the period last read, what its results are
// computed from except the entries, and its compiled schemes: a correction
// typed on screen is recomputed without reading every received value
// again. One period at a time: a city's takes some 600 MB, and the
// programs keep within MemoryLimit. An import of forms drops it.
type resultsCache struct {
	mu      sync.Mutex
	periods map[int64]*cachedPeriod
}

type cachedPeriod struct {
	data    period.Data // Entries left empty
	engines *period.Engines
	checker *period.Checker
	// members are the members' results last computed, reused while the
	// entries about members stay the same (guarded by resultsCache.mu).
	members *period.MemberResults
}

// forget drops what is kept for a period (0: every period).
func (c *resultsCache) forget(periodID int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if periodID == 0 {
		c.periods = nil
		return
	}
	delete(c.periods, periodID)
}

// changed drops what is kept for computing results: a job is about to
// change units, members, periods or received files.
func (o *Office) changed() { o.cache.forget(0) }

// periodBase reads, or takes from the cache, a period's data without its
// entries, with its compiled schemes and its entry checker.
func (o *Office) periodBase(ctx context.Context, periodID int64) (*cachedPeriod, error) {
	o.cache.mu.Lock()
	cp := o.cache.periods[periodID]
	o.cache.mu.Unlock()
	if cp != nil {
		return cp, nil
	}
	p, err := o.store.Period(ctx, periodID)
	if err != nil {
		return nil, err
	}
	engines, err := period.Compile(&p)
	if err != nil {
		return nil, err
	}
	// The roster is read while the received values are: each takes a
	// while for a city.
	var (
		units      []model.Unit
		members    []model.Member
		rosterErr  error
		rosterDone = make(chan struct{})
	)
	go func() {
		defer close(rosterDone)
		units, members, rosterErr = o.unitsAndMembers(ctx)
	}()
	accepted, err := o.store.AcceptedValues(ctx, periodID)
	<-rosterDone
	if err != nil {
		return nil, err
	}
	if rosterErr != nil {
		return nil, rosterErr
	}
	scope := make(map[int64]bool, len(p.Units))
	for _, id := range p.Units {
		scope[id] = true
	}
	inScope := members[:0] // in place: the roster read here is not kept otherwise
	for _, m := range members {
		if scope[m.UnitID] {
			inScope = append(inScope, m)
		}
	}
	cp = &cachedPeriod{data: period.Data{Period: &p, Units: units, Members: inScope, Accepted: accepted}, engines: engines}
	cp.checker = period.NewChecker(&p, units, inScope)
	o.cache.mu.Lock()
	o.cache.periods = map[int64]*cachedPeriod{periodID: cp} // the one before is let go
	o.cache.mu.Unlock()
	return cp, nil
}

// PeriodData returns what a period's results are computed from: the
// period, its units and members, the accepted values and the current
// entries.
func (o *Office) PeriodData(ctx context.Context, periodID int64) (*period.Data, error) {
	cp, err := o.periodBase(ctx, periodID)
	if err != nil {
		return nil, err
	}
	entries, err := o.store.Entries(ctx, periodID)
	if err != nil {
		return nil, err
	}
	d := cp.data
	d.Entries = entries
	return &d, nil
}

// Results computes a period's results from its current data: the accepted
// forms and the office's entries as they stand now. The members' results
// are kept with the period's data and computed again only when an entry
// about a member changed: a corrected unit score recomputes the units.
func (o *Office) Results(ctx context.Context, periodID int64) (*period.Results, error) {
	cp, err := o.periodBase(ctx, periodID)
	if err != nil {
		return nil, err
	}
	d, err := o.PeriodData(ctx, periodID)
	if err != nil {
		return nil, err
	}
	o.cache.mu.Lock()
	members := cp.members
	o.cache.mu.Unlock()
	if !members.Fits(d) {
		members = cp.engines.ScoreMembers(d)
		o.cache.mu.Lock()
		cp.members = members
		o.cache.mu.Unlock()
	}
	return cp.engines.ComputeWith(d, members), nil
}

// EntryProblems are the entries refused by AddEntries, each with what to
// do; nothing of the batch was stored.
type EntryProblems []string

// Error lists the problems, one per line.
func (e EntryProblems) Error() string {
	return "录入内容有误，没有保存任何数值；请改正后重新录入：\n" + strings.Join(e, "\n")
}

// UserFacing marks the problems as a message for the user (model.UserError).
func (EntryProblems) UserFacing() {}

// AddEntries checks and stores what the office entered for a period: all
// or nothing. Each entry is stamped with the user's name and the office's
// clock. Its Old is the value it replaces: the store's latest entry for the
// key, else the value of the accepted forms (a review score from the
// department's 考评表, 满意率 from the 满意度测评: period.Data.Current). An
// entry equal to what stands is left out. It returns the entries stored.
func (o *Office) AddEntries(ctx context.Context, periodID int64, entries []model.Entry) ([]model.Entry, error) {
	cp, err := o.periodBase(ctx, periodID)
	if err != nil {
		return nil, err
	}
	d, err := o.PeriodData(ctx, periodID)
	if err != nil {
		return nil, err
	}
	keys := make([]model.EntryKey, len(entries))
	for i := range entries {
		keys[i] = entries[i].EntryKey
	}
	current := d.CurrentOf(keys)
	var problems EntryProblems
	user, now := UserName(), o.Now()
	for i := range entries {
		e := &entries[i]
		e.PeriodID = periodID
		e.Old = current[e.EntryKey] // the store keeps it when no entry stands for the key
		if e.User == "" {
			e.User = user
		}
		if e.At.IsZero() {
			e.At = now
		}
		if err := cp.checker.Check(*e); err != nil {
			where := ""
			if e.File != "" {
				where = e.File + "，工作表“" + e.Sheet + "”，" + e.Cell + "："
			}
			problems = append(problems, where+err.Error())
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return o.store.AddEntries(ctx, periodID, entries)
}

// EntryLog returns every entry made for a period, in the order made: who
// entered what, when, what it replaced and why.
func (o *Office) EntryLog(ctx context.Context, periodID int64) ([]model.Entry, error) {
	return o.store.EntryLog(ctx, periodID)
}

// EntryChecker returns the checks an entry for the period must pass, for a
// screen that checks a cell as it is typed.
func (o *Office) EntryChecker(ctx context.Context, periodID int64) (*period.Checker, error) {
	cp, err := o.periodBase(ctx, periodID)
	if err != nil {
		return nil, err
	}
	return cp.checker, nil
}

// SaveResults computes a period's results and saves them as its next
// numbered version with the note; a saved version never changes.
func (o *Office) SaveResults(ctx context.Context, periodID int64, note string) (model.ResultVersion, error) {
	if strings.TrimSpace(note) == "" {
		return model.ResultVersion{}, model.Errorf(model.EInvalid, "请写一句说明，例如“提交党委会审议稿”")
	}
	r, err := o.Results(ctx, periodID)
	if err != nil {
		return model.ResultVersion{}, err
	}
	data, err := json.Marshal(r.Saved())
	if err != nil {
		return model.ResultVersion{}, err
	}
	v := model.ResultVersion{PeriodID: periodID, Note: strings.TrimSpace(note), User: UserName(), Summary: r.Summary(), Data: data}
	if err := o.store.SaveResultVersion(ctx, &v); err != nil {
		return model.ResultVersion{}, err
	}
	return v, nil
}

// ResultVersions lists a period's saved results versions, without their
// data.
func (o *Office) ResultVersions(ctx context.Context, periodID int64) ([]model.ResultVersion, error) {
	return o.store.ResultVersions(ctx, periodID)
}

// ResultVersion reads one saved results version.
func (o *Office) ResultVersion(ctx context.Context, periodID int64, number int) (model.ResultVersion, period.Saved, error) {
	v, err := o.store.ResultVersion(ctx, periodID, number)
	if err != nil {
		return v, period.Saved{}, err
	}
	var s period.Saved
	if err := json.Unmarshal(v.Data, &s); err != nil {
		return v, s, errors.New("第" + itoa(number) + "版结果无法读取：" + err.Error())
	}
	return v, s, nil
}

// UserName returns the name of the person using the computer, as Windows
// knows it (the account name, without its domain), for the record of who
// entered what; "" when it cannot be told.
func UserName() string {
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if name == "" {
		name = os.Getenv("USERNAME")
	}
	if name == "" {
		name = os.Getenv("USER")
	}
	if i := strings.LastIndexAny(name, `\/`); i >= 0 {
		name = name[i+1:]
	}
	return name
}

package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"runtime"
	"sync"
	"time"

	"xingji/model"
)

// CreatePeriod stores a new period with its schemes frozen as they are now
// and sets p.ID. Every unit in scope must exist and be active.
func (s *Store) CreatePeriod(ctx context.Context, p *model.Period) error {
	if p.Status == "" {
		p.Status = model.PeriodOpen
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if fatal := p.Scheme.Problems().Fatal(); len(fatal) > 0 {
		return &model.Error{Code: model.EInvalid, Field: "Scheme",
			Message: "方案“" + p.Scheme.Name + "”有严重问题，不能用于考评周期：" + fatal.Error(), Err: fatal}
	}
	scheme, err := json.Marshal(p.Scheme)
	if err != nil {
		return wrap(err, "方案无法转换为保存格式")
	}
	var member []byte
	if p.MemberScheme != nil {
		if member, err = json.Marshal(p.MemberScheme); err != nil {
			return wrap(err, "党员评议方案无法转换为保存格式")
		}
	}
	now := s.opts.Now()
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, id := range p.Units {
			u, _, err := unitByID(ctx, tx, id)
			if err != nil {
				return err
			}
			if !u.Active() {
				return model.Errorf(model.EInvalid, "党组织“%s”已撤销，不能参加考评", u.Name)
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO periods
			(name, start_date, end_date, scheme_json, member_scheme_json, status, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			p.Name, p.Start.String(), p.End.String(), string(scheme), string(member), string(p.Status),
			now.Format(time.RFC3339))
		if err != nil {
			return wrap(err, "保存考评周期失败")
		}
		id, err := res.LastInsertId()
		if err != nil {
			return wrap(err, "保存考评周期失败")
		}
		for i, u := range p.Units {
			if _, err := tx.ExecContext(ctx, `INSERT INTO period_units (period_id, unit_id, position) VALUES (?, ?, ?)`,
				id, u, i); err != nil {
				return wrap(err, "保存考评周期的参评党组织失败")
			}
		}
		p.ID, p.Created = id, now
		return nil
	})
}

// Periods returns every period, newest first, schemes and scope included.
func (s *Store) Periods(ctx context.Context) ([]model.Period, error) {
	var out []model.Period
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM periods ORDER BY id DESC`)
		if err != nil {
			return wrap(err, "读取考评周期失败")
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return wrap(err, "读取考评周期失败")
			}
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			p, err := periodByID(ctx, tx, id)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// Period returns one period; ENotFound when there is none with that id.
func (s *Store) Period(ctx context.Context, id int64) (model.Period, error) {
	var p model.Period
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = periodByID(ctx, tx, id)
		return err
	})
	return p, err
}

func periodByID(ctx context.Context, tx *sql.Tx, id int64) (model.Period, error) {
	var (
		p                            model.Period
		start, end, sj, mj, st, crea string
	)
	err := tx.QueryRowContext(ctx, `SELECT id, name, start_date, end_date, scheme_json, member_scheme_json, status, created_at
		FROM periods WHERE id = ?`, id).Scan(&p.ID, &p.Name, &start, &end, &sj, &mj, &st, &crea)
	if errors.Is(err, sql.ErrNoRows) {
		return p, model.Errorf(model.ENotFound, "没有编号为 %d 的考评周期", id)
	}
	if err != nil {
		return p, wrap(err, "读取考评周期失败")
	}
	p.Status = model.PeriodStatus(st)
	if p.Start, err = parseDate(start); err != nil {
		return p, err
	}
	if p.End, err = parseDate(end); err != nil {
		return p, err
	}
	if p.Scheme, err = decodeScheme(sj); err != nil {
		return p, err
	}
	if mj != "" {
		ms, err := decodeScheme(mj)
		if err != nil {
			return p, err
		}
		p.MemberScheme = &ms
	}
	p.Created, _ = time.Parse(time.RFC3339, crea)
	rows, err := tx.QueryContext(ctx, `SELECT unit_id FROM period_units WHERE period_id = ? ORDER BY position`, id)
	if err != nil {
		return p, wrap(err, "读取考评周期的参评党组织失败")
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return p, wrap(err, "读取考评周期的参评党组织失败")
		}
		p.Units = append(p.Units, u)
	}
	return p, wrap(rows.Err(), "读取考评周期的参评党组织失败")
}

// SetPeriodStatus opens or closes a period.
func (s *Store) SetPeriodStatus(ctx context.Context, id int64, st model.PeriodStatus) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE periods SET status = ? WHERE id = ?`, string(st), id)
		if err != nil {
			return wrap(err, "更新考评周期状态失败")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.Errorf(model.ENotFound, "没有编号为 %d 的考评周期", id)
		}
		return nil
	})
}

// SaveSubmission keeps a received file's bytes (once per SHA-256) and
// records the receipt, in one transaction. An accepted submission gets the
// next version for its owner (period, form, unit or department), and the
// owner's previous accepted version becomes superseded. sub.ID, Version and
// Received are set.
func (s *Store) SaveSubmission(ctx context.Context, sub *model.Submission, data []byte) error {
	p, err := PrepareSubmission(sub, data)
	if err != nil {
		return err
	}
	return s.SaveSubmissions(ctx, []PreparedSubmission{p})
}

// PreparedSubmission is a submission with its problems and values already
// encoded, which is the costly part: an import prepares them in parallel.
type PreparedSubmission struct {
	Sub              *model.Submission
	Data             []byte
	problems, values []byte
}

// PrepareSubmission encodes a submission for SaveSubmissions.
func PrepareSubmission(sub *model.Submission, data []byte) (PreparedSubmission, error) {
	p := PreparedSubmission{Sub: sub, Data: data}
	var err error
	if len(sub.Problems) > 0 {
		if p.problems, err = json.Marshal(sub.Problems); err != nil {
			return p, wrap(err, "无法保存退回原因")
		}
	}
	if len(sub.Values) > 0 {
		p.values = appendValuesJSON(make([]byte, 0, 128*len(sub.Values)), sub.Values)
	}
	return p, nil
}

// SaveSubmissions saves prepared submissions in order, in one transaction.
func (s *Store) SaveSubmissions(ctx context.Context, batch []PreparedSubmission) error {
	for _, p := range batch {
		if p.Sub.Received.IsZero() {
			p.Sub.Received = s.opts.Now()
		}
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, p := range batch {
			if err := saveSubmission(ctx, tx, p.Sub, p.Data, p.problems, p.values); err != nil {
				return err
			}
		}
		return nil
	})
}

func saveSubmission(ctx context.Context, tx *sql.Tx, sub *model.Submission, data, problems, values []byte) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO files (sha256, size, data) VALUES (?, ?, ?)
			ON CONFLICT (sha256) DO NOTHING`, sub.SHA256, len(data), data); err != nil {
		return wrap(err, "保存原始文件失败")
	}
	sub.Version = 0
	if sub.Status == model.SubmissionAccepted {
		if sub.PeriodID == 0 {
			return model.Errorf(model.EInvalid, "采用的文件必须属于一个考评周期")
		}
		owner := `period_id = ? AND form = ? AND IFNULL(unit_id, 0) = ? AND dept = ?`
		args := []any{sub.PeriodID, string(sub.Form), sub.UnitID, sub.Dept}
		if err := tx.QueryRowContext(ctx, `SELECT IFNULL(MAX(version), 0) + 1 FROM submissions WHERE `+owner,
			args...).Scan(&sub.Version); err != nil {
			return wrap(err, "读取已收文件失败")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE submissions SET status = 'superseded' WHERE status = 'accepted' AND `+owner,
			args...); err != nil {
			return wrap(err, "更新已收文件失败")
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO submissions
			(period_id, form, unit_id, dept, version, file_name, sha256, received_at, status, problems_json, values_json)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(sub.PeriodID), string(sub.Form), nullID(sub.UnitID), sub.Dept, sub.Version, sub.FileName,
		sub.SHA256, sub.Received.Format(time.RFC3339Nano), string(sub.Status), string(problems), string(values))
	if err != nil {
		return wrap(err, "记录收到的文件失败")
	}
	sub.ID, err = res.LastInsertId()
	return wrap(err, "记录收到的文件失败")
}

// SubmissionSHAs returns the accepted or superseded submissions of a period
// by SHA-256 (the first of each), for recognising files sent twice without
// a query per file.
func (s *Store) SubmissionSHAs(ctx context.Context, periodID int64) (map[string]model.Submission, error) {
	out := map[string]model.Submission{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := querySubmissions(ctx, tx, noValues, `WHERE period_id = ? AND status != 'rejected' ORDER BY id`, periodID)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if _, ok := out[r.SHA256]; !ok {
				out[r.SHA256] = r
			}
		}
		return nil
	})
	return out, err
}

// Submissions returns every receipt of a period in the order received,
// without the values taken (see SubmissionValues). periodID 0 lists the
// files that could not be tied to any period.
func (s *Store) Submissions(ctx context.Context, periodID int64) ([]model.Submission, error) {
	var out []model.Submission
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if periodID == 0 {
			out, err = querySubmissions(ctx, tx, noValues, `WHERE period_id IS NULL ORDER BY id`)
		} else {
			out, err = querySubmissions(ctx, tx, noValues, `WHERE period_id = ? ORDER BY id`, periodID)
		}
		return err
	})
	return out, err
}

// Submission returns one receipt with the values taken from it.
func (s *Store) Submission(ctx context.Context, id int64) (model.Submission, error) {
	var out model.Submission
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := querySubmissions(ctx, tx, allValues, `WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return model.Errorf(model.ENotFound, "没有编号为 %d 的收件记录", id)
		}
		out = rows[0]
		return nil
	})
	return out, err
}

// AcceptedValues returns the values of every accepted submission of a
// period, in the order received, the appraisal totals of each held apart
// as model.Ratings when they can be (read them with Submission.All).
func (s *Store) AcceptedValues(ctx context.Context, periodID int64) ([]model.Submission, error) {
	var out []model.Submission
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		// The ids come from the index, then the rows in id order by their
		// key: "WHERE period_id = ? … ORDER BY id" would sort every row,
		// values and all, in a temporary b-tree — some 300 MB for a city.
		out, err = querySubmissions(ctx, tx, ratingsApart, `WHERE id IN (SELECT id FROM submissions
			WHERE period_id = ? AND status = 'accepted') ORDER BY id`, periodID)
		return err
	})
	return out, err
}

// PeriodLeaders returns, by unit, the members of the period's units who may
// be their secretary: those named as the unit's 书记 or holding a post that
// ends in 书记. model.SecretaryContact picks the one to phone.
func (s *Store) PeriodLeaders(ctx context.Context, periodID int64) (map[int64][]model.Member, error) {
	out := map[int64][]model.Member{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+prefixCols("m.", memberCols)+`
			FROM period_units pu
			JOIN units u ON u.id = pu.unit_id
			JOIN members m ON m.unit_id = pu.unit_id
			WHERE pu.period_id = ? AND (m.name = trim(u.secretary) OR m.position LIKE '%书记')
			ORDER BY m.unit_id, m.sort_order, m.id`, periodID)
		if err != nil {
			return wrap(err, "读取党组织书记失败")
		}
		list, err := scanMembers(rows, nil)
		for _, m := range list {
			out[m.UnitID] = append(out[m.UnitID], m)
		}
		return err
	})
	return out, err
}

// FileData returns the original bytes of a received file.
func (s *Store) FileData(ctx context.Context, sha string) ([]byte, error) {
	var data []byte
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT data FROM files WHERE sha256 = ?`, sha).Scan(&data)
		if errors.Is(err, sql.ErrNoRows) {
			return model.Errorf(model.ENotFound, "没有保存这个文件（SHA-256 %s）", sha)
		}
		return wrap(err, "读取原始文件失败")
	})
	return data, err
}

// valuesMode says how querySubmissions reads the values taken from a file.
type valuesMode int

const (
	noValues     valuesMode = iota
	allValues               // every value in Submission.Values
	ratingsApart            // the appraisal totals in Submission.Ratings when they can be
)

func querySubmissions(ctx context.Context, tx *sql.Tx, mode valuesMode, where string, args ...any) ([]model.Submission, error) {
	cols := `id, IFNULL(period_id, 0), form, IFNULL(unit_id, 0), dept, version, file_name, submissions.sha256,
		(SELECT size FROM files WHERE files.sha256 = submissions.sha256), received_at, status, problems_json`
	if mode != noValues {
		cols += `, values_json`
	} else {
		cols += `, ''`
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+cols+` FROM submissions `+where, args...)
	if err != nil {
		return nil, wrap(err, "读取收件记录失败")
	}
	defer rows.Close()
	var (
		out    []model.Submission
		values = valuesReader{ratings: mode == ratingsApart} // decodes while SQLite reads the next rows
	)
	defer values.stop()
	for rows.Next() {
		var (
			sub                    model.Submission
			form, recv, st, pj, vj string
		)
		if err := rows.Scan(&sub.ID, &sub.PeriodID, &form, &sub.UnitID, &sub.Dept, &sub.Version, &sub.FileName,
			&sub.SHA256, &sub.Size, &recv, &st, &pj, &vj); err != nil {
			return nil, wrap(err, "读取收件记录失败")
		}
		sub.Form, sub.Status = model.FormKind(form), model.SubmissionStatus(st)
		sub.Received, _ = time.Parse(time.RFC3339Nano, recv)
		if pj != "" {
			if err := json.Unmarshal([]byte(pj), &sub.Problems); err != nil {
				return nil, &model.Error{Code: model.ECorrupt, Message: "数据库中的退回原因已损坏", Err: err}
			}
		}
		values.add(len(out), vj)
		out = append(out, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "读取收件记录失败")
	}
	decoded, err := values.wait()
	if err != nil {
		return nil, &model.Error{Code: model.ECorrupt, Message: "数据库中的填报内容已损坏", Err: err}
	}
	for i, dv := range decoded {
		out[i].Values, out[i].Ratings = dv.values, dv.ratings
	}
	return out, nil
}

// valuesReader decodes the stored values of the submissions a query reads
// on every core while the query goes on: a city's four million values are
// most of the time it takes to read a period. The zero value is ready to
// use; its workers start with the first values.
type valuesReader struct {
	ratings bool // the appraisal totals apart (valuesDecoder.ratings)
	jobs    chan valuesJob
	wg      sync.WaitGroup
	mu      sync.Mutex
	out     []decodedValues // by submission
	err     error
}

// decodedValues are one submission's values as decoded.
type decodedValues struct {
	values  []model.EntryValue
	ratings *model.Ratings
}

type valuesJob struct {
	i    int
	text string
}

// start starts the workers.
func (r *valuesReader) start() {
	jobs := make(chan valuesJob, 64)
	r.jobs = jobs
	for range max(1, runtime.GOMAXPROCS(0)) {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			d := valuesDecoder{ratings: r.ratings} // one per worker: its strings shared among the files it reads
			for j := range jobs {
				vs, rs, err := d.decode(j.text)
				r.mu.Lock()
				r.out[j.i] = decodedValues{vs, rs}
				if err != nil && r.err == nil {
					r.err = err
				}
				r.mu.Unlock()
			}
		}()
	}
}

// add decodes the values of submission i (none when text is empty).
func (r *valuesReader) add(i int, text string) {
	r.mu.Lock()
	r.out = append(r.out, decodedValues{})
	r.mu.Unlock()
	if text != "" {
		if r.jobs == nil {
			r.start()
		}
		r.jobs <- valuesJob{i, text}
	}
}

// wait returns the values of every submission added, once decoded.
func (r *valuesReader) wait() ([]decodedValues, error) {
	r.stop()
	return r.out, r.err
}

// stop ends the workers; calling it again is harmless.
func (r *valuesReader) stop() {
	if r.jobs != nil {
		close(r.jobs)
		r.jobs = nil
		r.wg.Wait()
	}
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"xingji/model"
)

// AddEntries appends what the office entered for an open period to its log
// of entries, in one transaction: all are stored or none. Each entry gets
// the period's id, its Old (the value its key holds at that moment; an
// earlier entry of the same batch counts) and, when At is zero, the store's
// clock. While no entry holds the key, the caller's Old is kept: the store
// does not read the forms, so the caller says which form value the entry
// replaces ("" for none). An entry that would not change its key's value (the
// same value again, or clearing a key that holds none) is skipped, so the
// audit trail holds only changes. It returns the entries stored, in order,
// with their IDs; a closed period is refused with EConflict, a missing one
// with ENotFound, a malformed entry with EInvalid.
func (s *Store) AddEntries(ctx context.Context, periodID int64, entries []model.Entry) ([]model.Entry, error) {
	batch := make([]model.Entry, len(entries))
	copy(batch, entries)
	for i := range batch {
		if err := checkEntry(i, batch[i], periodID); err != nil {
			return nil, err
		}
		batch[i].ID, batch[i].PeriodID = 0, periodID
	}
	now := s.opts.Now()
	var stored []model.Entry
	err := s.write(ctx, func(tx *sql.Tx) error {
		stored = stored[:0]
		if err := periodOpenForEntries(ctx, tx, periodID); err != nil {
			return err
		}
		for _, e := range batch {
			cur, err := currentEntryValue(ctx, tx, periodID, e.EntryKey)
			if err != nil {
				return err
			}
			if e.Value == cur {
				continue
			}
			if cur != "" {
				e.Old = cur
			}
			if e.At.IsZero() {
				e.At = now
			}
			if e.ID, err = insertEntry(ctx, tx, e); err != nil {
				return err
			}
			stored = append(stored, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return stored, nil
}

// checkEntry refuses, before any writing, the i-th entry of a batch for
// periodID when it belongs to another period or does not say what it sets.
func checkEntry(i int, e model.Entry, periodID int64) error {
	where := entryWhere(i, e)
	if e.PeriodID != 0 && e.PeriodID != periodID {
		return model.Errorf(model.EInvalid, "%s属于另一个考评周期（编号 %d），不能录入到编号为 %d 的考评周期",
			where, e.PeriodID, periodID)
	}
	switch e.Kind {
	case model.EntryScore, model.EntryFact, model.EntryVeto, model.EntryOwnStar:
	default:
		return model.FieldErrorf("Kind", "%s的类型“%s”不正确，应为考评得分、考核事实、一票否决或个性星", where, e.Kind)
	}
	if e.Subject == "" {
		return model.FieldErrorf("Subject", "%s没有指明是哪个党组织或党员", where)
	}
	if e.Name == "" {
		return model.FieldErrorf("Name", "%s（%s）没有名称", where, e.Kind.Label())
	}
	if e.Kind == model.EntryScore && e.Field == "" {
		return model.FieldErrorf("Field", "%s（考评得分，项目 %s）没有指明填写的栏目", where, e.Name)
	}
	return nil
}

// entryWhere names the i-th entry of a batch for a message: its place in
// the entries workbook when it came from one, else its number.
func entryWhere(i int, e model.Entry) string {
	if e.File != "" || e.Sheet != "" || e.Cell != "" {
		return fmt.Sprintf("“%s”工作表“%s”%s 单元格的录入", e.File, e.Sheet, e.Cell)
	}
	return fmt.Sprintf("第 %d 条录入", i+1)
}

// periodOpenForEntries fails unless the period exists and is open.
func periodOpenForEntries(ctx context.Context, tx *sql.Tx, periodID int64) error {
	var name, status string
	err := tx.QueryRowContext(ctx, `SELECT name, status FROM periods WHERE id = ?`, periodID).Scan(&name, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Errorf(model.ENotFound, "没有编号为 %d 的考评周期", periodID)
	}
	if err != nil {
		return wrap(err, "读取考评周期失败")
	}
	if model.PeriodStatus(status) == model.PeriodClosed {
		return model.Errorf(model.EConflict, "考评周期“%s”已关闭，不能再录入；如确需更正，请先重新打开这个考评周期", name)
	}
	return nil
}

// currentEntryValue returns the value of the latest entry for the key in
// the period, "" when there is none.
func currentEntryValue(ctx context.Context, tx *sql.Tx, periodID int64, k model.EntryKey) (string, error) {
	var v string
	err := tx.QueryRowContext(ctx, `SELECT value FROM entries
		WHERE period_id = ? AND subject = ? AND kind = ? AND name = ? AND field = ?
		ORDER BY id DESC LIMIT 1`, periodID, k.Subject, string(k.Kind), k.Name, k.Field).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, wrap(err, "读取已录入的值失败")
}

// insertEntry stores one entry and returns its id.
func insertEntry(ctx context.Context, tx *sql.Tx, e model.Entry) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO entries
		(period_id, subject, kind, name, field, dept, value, old, reason, doc_no, user_name, entered_at, file, sheet, cell)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.PeriodID, e.Subject, string(e.Kind), e.Name, e.Field, e.Dept, e.Value, e.Old, e.Reason, e.DocNo,
		e.User, e.At.Format(time.RFC3339Nano), e.File, e.Sheet, e.Cell)
	if err != nil {
		return 0, wrap(err, "保存录入失败")
	}
	id, err := res.LastInsertId()
	return id, wrap(err, "保存录入失败")
}

// EntryLog returns every entry of the period in the order made: the audit
// trail, cleared and replaced values included.
func (s *Store) EntryLog(ctx context.Context, periodID int64) ([]model.Entry, error) {
	var out []model.Entry
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, period_id, subject, kind, name, field, dept, value, old,
			reason, doc_no, user_name, entered_at, file, sheet, cell
			FROM entries WHERE period_id = ? ORDER BY id`, periodID)
		if err != nil {
			return wrap(err, "读取录入记录失败")
		}
		defer rows.Close()
		for rows.Next() {
			var (
				e        model.Entry
				kind, at string
			)
			if err := rows.Scan(&e.ID, &e.PeriodID, &e.Subject, &kind, &e.Name, &e.Field, &e.Dept, &e.Value, &e.Old,
				&e.Reason, &e.DocNo, &e.User, &at, &e.File, &e.Sheet, &e.Cell); err != nil {
				return wrap(err, "读取录入记录失败")
			}
			e.Kind = model.EntryKind(kind)
			if e.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
				return &model.Error{Code: model.ECorrupt, Message: "数据库中录入记录的时间已损坏：" + at, Err: err}
			}
			out = append(out, e)
		}
		return wrap(rows.Err(), "读取录入记录失败")
	})
	return out, err
}

// Entries returns the period's entries that stand now: per key the latest,
// unless it cleared the key (model.CurrentEntries).
func (s *Store) Entries(ctx context.Context, periodID int64) ([]model.Entry, error) {
	log, err := s.EntryLog(ctx, periodID)
	if err != nil {
		return nil, err
	}
	return model.CurrentEntries(log), nil
}

// SaveResultVersion stores a copy of a period's results as the period's
// next version, in one transaction: v.Number becomes the highest number
// saved for the period plus one, v.Saved the store's clock when zero. Data
// is kept byte for byte. A closed period takes versions too (the final
// results are saved as it closes); a missing one is ENotFound. A saved
// version is never changed or deleted.
func (s *Store) SaveResultVersion(ctx context.Context, v *model.ResultVersion) error {
	saved := v.Saved
	if saved.IsZero() {
		saved = s.opts.Now()
	}
	data := v.Data
	if data == nil {
		data = []byte{} // the column holds a BLOB, never NULL
	}
	var number int
	err := s.write(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, `SELECT name FROM periods WHERE id = ?`, v.PeriodID).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return model.Errorf(model.ENotFound, "没有编号为 %d 的考评周期", v.PeriodID)
		}
		if err != nil {
			return wrap(err, "读取考评周期失败")
		}
		if err := tx.QueryRowContext(ctx, `SELECT IFNULL(MAX(number), 0) + 1 FROM result_versions WHERE period_id = ?`,
			v.PeriodID).Scan(&number); err != nil {
			return wrap(err, "读取已保存的结果版本失败")
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO result_versions
			(period_id, number, note, user_name, saved_at, summary, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			v.PeriodID, number, v.Note, v.User, saved.Format(time.RFC3339Nano), v.Summary, data)
		return wrap(err, "保存考评周期“%s”的第%d版结果失败", name, number)
	})
	if err != nil {
		return err
	}
	v.Number, v.Saved = number, saved
	return nil
}

// ResultVersions lists the period's saved versions by number, without
// their Data (see ResultVersion).
func (s *Store) ResultVersions(ctx context.Context, periodID int64) ([]model.ResultVersion, error) {
	var out []model.ResultVersion
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT period_id, number, note, user_name, saved_at, summary
			FROM result_versions WHERE period_id = ? ORDER BY number`, periodID)
		if err != nil {
			return wrap(err, "读取已保存的结果版本失败")
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scanResultVersion(rows)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return wrap(rows.Err(), "读取已保存的结果版本失败")
	})
	return out, err
}

// ResultVersion returns one saved version of the period's results with its
// Data; ENotFound when the period has no such version.
func (s *Store) ResultVersion(ctx context.Context, periodID int64, number int) (model.ResultVersion, error) {
	var v model.ResultVersion
	err := s.read(ctx, func(tx *sql.Tx) error {
		row := tx.QueryRowContext(ctx, `SELECT period_id, number, note, user_name, saved_at, summary, data
			FROM result_versions WHERE period_id = ? AND number = ?`, periodID, number)
		var (
			data []byte
			err  error
		)
		v, err = scanResultVersion(row, &data)
		if errors.Is(err, sql.ErrNoRows) {
			return model.Errorf(model.ENotFound, "没有第%d版结果", number)
		}
		v.Data = data
		return err
	})
	return v, err
}

// scanResultVersion reads a row of result_versions: period_id, number,
// note, user_name, saved_at, summary, then the extra columns into extra.
func scanResultVersion(row interface{ Scan(...any) error }, extra ...any) (model.ResultVersion, error) {
	var (
		v     model.ResultVersion
		saved string
	)
	err := row.Scan(append([]any{&v.PeriodID, &v.Number, &v.Note, &v.User, &saved, &v.Summary}, extra...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return v, err
	}
	if err != nil {
		return v, wrap(err, "读取已保存的结果版本失败")
	}
	if v.Saved, err = time.Parse(time.RFC3339Nano, saved); err != nil {
		return v, &model.Error{Code: model.ECorrupt, Message: "数据库中结果版本的保存时间已损坏：" + saved, Err: err}
	}
	return v, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"xingji/model"
)

// unitCols are the columns scanUnit reads, in order.
const unitCols = `id, parent_id, name, code, level, kind, secretary, sort_order, founded, dissolved, path`

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// scanUnit reads a unit and its path.
func scanUnit(sc rowScanner) (model.Unit, string, error) {
	var (
		u                  model.Unit
		parent             sql.NullInt64
		founded, dissolved string
		path               string
	)
	err := sc.Scan(&u.ID, &parent, &u.Name, &u.Code, &u.Level, &u.Kind, &u.Secretary,
		&u.SortOrder, &founded, &dissolved, &path)
	if err != nil {
		return u, "", err
	}
	u.ParentID = parent.Int64
	if u.Founded, err = parseDate(founded); err == nil {
		u.Dissolved, err = parseDate(dissolved)
	}
	return u, path, err
}

// parseDate reads a stored date; a bad one is a damaged record.
func parseDate(s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	d, err := model.ParseISODate(s)
	if err != nil {
		return d, &model.Error{Code: model.EInternal, Message: "数据库中的日期格式不正确：" + s, Err: err}
	}
	return d, nil
}

// nullID stores 0 as NULL.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// Units returns every unit, dissolved ones included, in tree order: each
// parent before its children, siblings by SortOrder then ID.
func (s *Store) Units(ctx context.Context) ([]model.Unit, error) {
	var list []model.Unit
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+unitCols+` FROM units ORDER BY tree_order`)
		if err != nil {
			return wrap(err, "读取党组织失败")
		}
		defer rows.Close()
		for rows.Next() {
			u, _, err := scanUnit(rows)
			if err != nil {
				return wrap(err, "读取党组织失败")
			}
			list = append(list, u)
		}
		return wrap(rows.Err(), "读取党组织失败")
	})
	return list, err
}

// Unit returns the unit with the given ID (ENotFound when there is none).
func (s *Store) Unit(ctx context.Context, id int64) (model.Unit, error) {
	var u model.Unit
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		u, _, err = unitByID(ctx, tx, id)
		return err
	})
	return u, err
}

// UnitByCode returns the unit with the given code (ENotFound when there is
// none). Surrounding spaces are ignored.
func (s *Store) UnitByCode(ctx context.Context, code string) (model.Unit, error) {
	var u model.Unit
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		u, _, err = scanUnit(tx.QueryRowContext(ctx,
			`SELECT `+unitCols+` FROM units WHERE code = ?`, strings.TrimSpace(code)))
		if errors.Is(err, sql.ErrNoRows) {
			return model.Errorf(model.ENotFound, "找不到编码为“%s”的党组织", strings.TrimSpace(code))
		}
		return wrap(err, "读取党组织失败")
	})
	return u, err
}

// unitByID reads a unit and its path.
func unitByID(ctx context.Context, tx *sql.Tx, id int64) (model.Unit, string, error) {
	u, path, err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitCols+` FROM units WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", model.Errorf(model.ENotFound, "党组织不存在（编号%d），可能已被删除", id)
	}
	return u, path, wrap(err, "读取党组织失败")
}

// parentOf reads the parent named by a unit's ParentID, as a field error
// when it does not exist.
func parentOf(ctx context.Context, tx *sql.Tx, u model.Unit) (model.Unit, string, error) {
	p, path, err := unitByID(ctx, tx, u.ParentID)
	if model.ErrorCodeOf(err) == model.ENotFound {
		return p, "", model.FieldErrorf("ParentID", "“%s”的上级党组织不存在（编号%d）", u.Name, u.ParentID)
	}
	return p, path, err
}

// normalizeUnit trims the text fields.
func normalizeUnit(u *model.Unit) {
	u.Name = strings.TrimSpace(u.Name)
	u.Code = strings.TrimSpace(u.Code)
	u.Secretary = strings.TrimSpace(u.Secretary)
}

// checkCodeFree fails with EConflict when another unit has the code.
func checkCodeFree(ctx context.Context, tx *sql.Tx, code string, self int64) error {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM units WHERE code = ? AND id <> ?`, code, self).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return wrap(err, "检查组织编码失败")
	}
	return &model.Error{Code: model.EConflict, Field: "Code",
		Message: "组织编码“" + code + "”已被“" + name + "”使用，请换一个编码"}
}

// CreateUnit validates u (on its own and against its parent), checks that
// its code is unused, stores it and sets u.ID. Text fields are trimmed.
func (s *Store) CreateUnit(ctx context.Context, u *model.Unit) error {
	normalizeUnit(u)
	if err := u.Validate(); err != nil {
		return err
	}
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		parentPath := "/"
		if u.ParentID != 0 {
			parent, path, err := parentOf(ctx, tx, *u)
			if err != nil {
				return err
			}
			if err := u.ValidateParent(parent); err != nil {
				return err
			}
			parentPath = path
		}
		if err := checkCodeFree(ctx, tx, u.Code, 0); err != nil {
			return err
		}
		ins, err := newUnitInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.Close()
		if id, _, err = ins.add(ctx, *u, parentPath); err != nil {
			return err
		}
		return renumberTree(ctx, tx)
	})
	if err == nil {
		u.ID = id
	}
	return err
}

// unitInserter stores new units with prepared statements; the caller
// renumbers the tree afterwards.
type unitInserter struct {
	insert, setPath *sql.Stmt
}

// newUnitInserter prepares the statements in tx; close it when done.
func newUnitInserter(ctx context.Context, tx *sql.Tx) (*unitInserter, error) {
	insert, err := tx.PrepareContext(ctx, `INSERT INTO units
		(parent_id, name, code, level, kind, secretary, sort_order, founded, dissolved, tree_order)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(tree_order), 0) + 1 FROM units))`)
	if err != nil {
		return nil, wrap(err, "保存党组织失败")
	}
	setPath, err := tx.PrepareContext(ctx, `UPDATE units SET path = ? WHERE id = ?`)
	if err != nil {
		insert.Close()
		return nil, wrap(err, "保存党组织失败")
	}
	return &unitInserter{insert, setPath}, nil
}

// Close releases the statements.
func (ins *unitInserter) Close() {
	ins.insert.Close()
	ins.setPath.Close()
}

// add stores u under the parent with the given path ("/" for a root) and
// returns its ID and path.
func (ins *unitInserter) add(ctx context.Context, u model.Unit, parentPath string) (int64, string, error) {
	res, err := ins.insert.ExecContext(ctx, nullID(u.ParentID), u.Name, u.Code, u.Level, u.Kind,
		u.Secretary, u.SortOrder, u.Founded.String(), u.Dissolved.String())
	if err != nil {
		return 0, "", wrap(err, "保存党组织“%s”失败", u.Name)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, "", wrap(err, "保存党组织“%s”失败", u.Name)
	}
	path := parentPath + strconv.FormatInt(id, 10) + "/"
	if _, err = ins.setPath.ExecContext(ctx, path, id); err != nil {
		return 0, "", wrap(err, "保存党组织“%s”失败", u.Name)
	}
	return id, path, nil
}

// UpdateUnit saves changes to a unit's own fields. The parent cannot change
// here (use MoveUnit); a level change must suit both the parent and the
// active children; setting Dissolved follows the rules of DissolveUnit.
func (s *Store) UpdateUnit(ctx context.Context, u model.Unit) error {
	normalizeUnit(&u)
	if err := u.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		old, _, err := unitByID(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		if old.ParentID != u.ParentID {
			return model.FieldErrorf("ParentID", "不能在这里修改“%s”的上级党组织，请使用“调整隶属关系”", old.Name)
		}
		if u.ParentID != 0 {
			parent, _, err := parentOf(ctx, tx, u)
			if err != nil {
				return err
			}
			if !u.Active() {
				parent.Dissolved = model.Date{} // a dissolved unit may sit under a dissolved parent
			}
			if err := u.ValidateParent(parent); err != nil {
				return err
			}
		}
		if u.Level != old.Level {
			if err := checkChildrenFit(ctx, tx, u); err != nil {
				return err
			}
		}
		if old.Active() && !u.Active() {
			if err := checkDissolvable(ctx, tx, u); err != nil {
				return err
			}
		}
		if err := checkCodeFree(ctx, tx, u.Code, u.ID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE units SET name = ?, code = ?, level = ?, kind = ?,
			secretary = ?, sort_order = ?, founded = ?, dissolved = ? WHERE id = ?`,
			u.Name, u.Code, u.Level, u.Kind, u.Secretary, u.SortOrder,
			u.Founded.String(), u.Dissolved.String(), u.ID)
		if err != nil {
			return wrap(err, "保存党组织“%s”失败", u.Name)
		}
		if u.SortOrder != old.SortOrder {
			return renumberTree(ctx, tx)
		}
		return nil
	})
}

// checkChildrenFit checks that every active child may stay under u.
func checkChildrenFit(ctx context.Context, tx *sql.Tx, u model.Unit) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+unitCols+` FROM units WHERE parent_id = ? AND dissolved = ''`, u.ID)
	if err != nil {
		return wrap(err, "读取下级党组织失败")
	}
	defer rows.Close()
	for rows.Next() {
		child, _, err := scanUnit(rows)
		if err != nil {
			return wrap(err, "读取下级党组织失败")
		}
		if err := child.ValidateParent(u); err != nil {
			return err
		}
	}
	return wrap(rows.Err(), "读取下级党组织失败")
}

// DissolveUnit marks a unit dissolved on the given date. It refuses while
// the unit still has active child units or members, saying how many and
// what to do first.
func (s *Store) DissolveUnit(ctx context.Context, id int64, on model.Date) error {
	if on.IsZero() {
		return model.FieldErrorf("Dissolved", "请填写撤销日期")
	}
	if err := on.Validate(); err != nil {
		return model.FieldErrorf("Dissolved", "撤销日期不正确：%s", model.ErrorMessage(err))
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		u, _, err := unitByID(ctx, tx, id)
		if err != nil {
			return err
		}
		if !u.Active() {
			return model.Errorf(model.EConflict, "“%s”已于%s撤销", u.Name, u.Dissolved.Chinese())
		}
		if !u.Founded.IsZero() && on.Compare(u.Founded) < 0 {
			return model.FieldErrorf("Dissolved", "“%s”的撤销日期%s早于成立日期%s", u.Name, on.Chinese(), u.Founded.Chinese())
		}
		if err := checkDissolvable(ctx, tx, u); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE units SET dissolved = ? WHERE id = ?`, on.String(), id)
		return wrap(err, "撤销“%s”失败", u.Name)
	})
}

// checkDissolvable refuses to dissolve a unit that still has active child
// units or members.
func checkDissolvable(ctx context.Context, tx *sql.Tx, u model.Unit) error {
	var children, members int
	err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM units WHERE parent_id = ? AND dissolved = ''),
		(SELECT count(*) FROM members WHERE unit_id = ?)`, u.ID, u.ID).Scan(&children, &members)
	if err != nil {
		return wrap(err, "检查“%s”的下级党组织和党员失败", u.Name)
	}
	var has, todo []string
	if children > 0 {
		has = append(has, strconv.Itoa(children)+"个未撤销的下级党组织")
		todo = append(todo, "先撤销这些下级党组织或把它们调整到其他党组织之下")
	}
	if members > 0 {
		has = append(has, strconv.Itoa(members)+"名党员")
		todo = append(todo, "把党员转接到其他党组织")
	}
	if len(has) == 0 {
		return nil
	}
	return &model.Error{Code: model.EConflict, Field: "Dissolved", Message: "“" + u.Name + "”还有" +
		strings.Join(has, "和") + "，不能撤销。请" + strings.Join(todo, "，并") + "，然后再撤销。"}
}

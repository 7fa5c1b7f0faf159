package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"xingji/model"
)

// resolvedUnit is a planned unit after checking: parent is the index of a
// planned parent, or -1 when the parent is an existing unit (or none).
type resolvedUnit struct {
	unit       model.Unit
	parent     int
	parentPath string // for an existing parent; "/" for a new root
	path       string // once inserted
}

// resolvedMember is a planned member after checking: unitRef is the index
// of a planned unit, or -1 when Member.UnitID names an existing one.
type resolvedMember struct {
	member   model.Member
	unitRef  int
	existing *model.Member // the stored record, for updates
}

// ApplyRosterPlan applies a bulk change in one transaction, all or nothing:
// it creates the planned units (a ParentRef names an earlier planned unit),
// inserts new members and updates existing ones (a UnitRef names a planned
// unit), records a transfer dated p.TransferDate (today when zero) for each
// existing member whose unit changes, and writes an import_log row. Every
// unit and member is checked before anything is written; errors name the
// planned row ("第N行") or unit. When the database already holds data, a
// "before-import" backup is taken first (after the checks pass). New
// members' first membership has no start date.
func (s *Store) ApplyRosterPlan(ctx context.Context, p model.RosterPlan) (model.RosterResult, error) {
	var res model.RosterResult
	if len(p.NewUnits) == 0 && len(p.Members) == 0 {
		return res, nil // nothing to do: no backup, no log
	}
	on := p.TransferDate
	if on.IsZero() {
		on = model.DateOf(s.opts.Now())
	}
	if err := on.Validate(); err != nil {
		return res, model.FieldErrorf("TransferDate", "转接日期不正确：%s", model.ErrorMessage(err))
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	err := s.writeLocked(ctx, func(tx *sql.Tx) error {
		units, members, err := checkPlan(ctx, tx, p, on)
		if err != nil {
			return err
		}
		// The transaction holds the write lock, so the backup (read through
		// the reader pool) is exactly the state the plan was checked against.
		has, err := hasUserData(ctx, tx)
		if err != nil {
			return wrap(err, "读取数据库失败")
		}
		if has {
			if res.BackupPath, err = s.backup(ctx, "before-import"); err != nil {
				return err
			}
		}
		if err := writePlanUnits(ctx, tx, units); err != nil {
			return err
		}
		res.UnitsCreated = len(units)
		if err := writePlanMembers(ctx, tx, members, units, on, p.Source, &res); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO import_log (source, imported_at, units_created,
			members_added, members_updated, transfers, backup_path) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			p.Source, s.opts.Now().Format(time.RFC3339), res.UnitsCreated, res.MembersAdded,
			res.MembersUpdated, res.Transfers, res.BackupPath)
		return wrap(err, "写入导入记录失败")
	})
	if err != nil {
		return model.RosterResult{}, err
	}
	return res, nil
}

// planError prefixes err's message with where in the plan it arose.
func planError(where string, err error) error {
	var me *model.Error
	if errors.As(err, &me) {
		e := *me
		e.Message = where + "：" + me.Message
		return &e
	}
	return wrap(err, "%s：检查失败", where)
}

// memberLabel names a planned member for messages: its source row, else its
// position in the plan.
func memberLabel(i int, pm model.PlannedMember) string {
	if pm.Row > 0 {
		return fmt.Sprintf("第%d行", pm.Row)
	}
	return fmt.Sprintf("第%d个党员", i+1)
}

// checkPlan validates the whole plan against the stored data without
// writing, and resolves its references.
func checkPlan(ctx context.Context, tx *sql.Tx, p model.RosterPlan, on model.Date) ([]resolvedUnit, []resolvedMember, error) {
	stored, err := loadUnits(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	refs := map[string]int{}
	codes := map[string]string{}
	units := make([]resolvedUnit, len(p.NewUnits))
	for i, pu := range p.NewUnits {
		u := pu.Unit
		normalizeUnit(&u)
		where := fmt.Sprintf("新建党组织“%s”", u.Name)
		if u.Name == "" {
			where = fmt.Sprintf("第%d个新建党组织", i+1)
		}
		r := resolvedUnit{unit: u, parent: -1, parentPath: "/"}
		ref := strings.TrimSpace(pu.Ref)
		if _, dup := refs[ref]; dup || ref == "" {
			return nil, nil, planError(where, model.FieldErrorf("Ref", "引用名“%s”为空或与前面的党组织重复", ref))
		}
		var parent *model.Unit
		if pr := strings.TrimSpace(pu.ParentRef); pr != "" {
			j, ok := refs[pr]
			if !ok {
				return nil, nil, planError(where, model.FieldErrorf("ParentRef", "找不到上级党组织“%s”（上级须列在下级之前）", pr))
			}
			r.parent, parent = j, &units[j].unit
			u.ParentID = -1 // has a parent, not yet stored
		} else if u.ParentID != 0 {
			su, ok := stored[u.ParentID]
			if !ok {
				return nil, nil, planError(where, model.FieldErrorf("ParentID", "上级党组织不存在（编号%d）", u.ParentID))
			}
			parent, r.parentPath = &su.unit, su.path
		}
		if err := u.Validate(); err != nil {
			return nil, nil, planError(where, err)
		}
		if parent != nil {
			if err := u.ValidateParent(*parent); err != nil {
				return nil, nil, planError(where, err)
			}
		}
		if other, dup := codes[u.Code]; dup {
			return nil, nil, planError(where, &model.Error{Code: model.EConflict, Field: "Code",
				Message: "组织编码“" + u.Code + "”与新建党组织“" + other + "”重复"})
		}
		if err := checkCodeFree(ctx, tx, u.Code, 0); err != nil {
			return nil, nil, planError(where, err)
		}
		codes[u.Code], refs[ref] = u.Name, i
		units[i] = r
	}

	get, err := tx.PrepareContext(ctx, `SELECT `+memberCols+` FROM members WHERE id = ?`)
	if err != nil {
		return nil, nil, wrap(err, "读取党员信息失败")
	}
	defer get.Close()
	since, err := tx.PrepareContext(ctx, `SELECT coalesce(max(from_date), '') FROM memberships
		WHERE member_id = ? AND to_date = ''`)
	if err != nil {
		return nil, nil, wrap(err, "读取组织关系失败")
	}
	defer since.Close()
	updated := map[int64]string{}
	members := make([]resolvedMember, len(p.Members))
	for i, pm := range p.Members {
		where := memberLabel(i, pm)
		m := pm.Member
		normalizeMember(&m)
		r := resolvedMember{unitRef: -1}
		var unit model.Unit
		if ref := strings.TrimSpace(pm.UnitRef); ref != "" {
			j, ok := refs[ref]
			if !ok {
				return nil, nil, planError(where, model.FieldErrorf("UnitRef", "找不到党组织“%s”", ref))
			}
			r.unitRef, unit = j, units[j].unit
			m.UnitID = -1 // in a planned unit, not yet stored
		} else if m.UnitID != 0 {
			su, ok := stored[m.UnitID]
			if !ok {
				return nil, nil, planError(where, model.FieldErrorf("UnitID", "党员“%s”的所在党组织不存在（编号%d）", m.Name, m.UnitID))
			}
			unit = su.unit
		}
		if err := m.Validate(); err != nil {
			return nil, nil, planError(where, err)
		}
		if !unit.Active() {
			return nil, nil, planError(where, model.FieldErrorf("UnitID", "“%s”已撤销，不能再接收党员“%s”", unit.Name, m.Name))
		}
		m.Initials = initials(m.Name)
		if m.ID != 0 {
			if prev, dup := updated[m.ID]; dup {
				return nil, nil, planError(where, model.FieldErrorf("ID", "与%s是同一名党员（编号%d），不能重复更新", prev, m.ID))
			}
			updated[m.ID] = where
			old, err := scanMember(get.QueryRowContext(ctx, m.ID))
			if errors.Is(err, sql.ErrNoRows) {
				return nil, nil, planError(where, model.FieldErrorf("ID", "要更新的党员“%s”不存在（编号%d），可能已被删除", m.Name, m.ID))
			}
			if err != nil {
				return nil, nil, wrap(err, "读取党员信息失败")
			}
			r.existing = &old
			if r.unitRef >= 0 || m.UnitID != old.UnitID {
				var from string
				if err := since.QueryRowContext(ctx, m.ID).Scan(&from); err != nil {
					return nil, nil, wrap(err, "读取组织关系失败")
				}
				if from != "" && on.String() < from {
					d, _ := parseDate(from)
					return nil, nil, planError(where, model.FieldErrorf("TransferDate",
						"转接日期%s早于党员“%s”转入现党组织的日期%s", on.Chinese(), m.Name, d.Chinese()))
				}
			}
		}
		r.member = m
		members[i] = r
	}
	return units, members, nil
}

// storedUnit is a unit with its path, as loadUnits returns it.
type storedUnit struct {
	unit model.Unit
	path string
}

// loadUnits reads every unit, by ID.
func loadUnits(ctx context.Context, tx *sql.Tx) (map[int64]storedUnit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+unitCols+` FROM units`)
	if err != nil {
		return nil, wrap(err, "读取党组织失败")
	}
	defer rows.Close()
	m := map[int64]storedUnit{}
	for rows.Next() {
		u, path, err := scanUnit(rows)
		if err != nil {
			return nil, wrap(err, "读取党组织失败")
		}
		m[u.ID] = storedUnit{u, path}
	}
	return m, wrap(rows.Err(), "读取党组织失败")
}

// writePlanUnits inserts the checked planned units, parents first, and
// renumbers the tree once.
func writePlanUnits(ctx context.Context, tx *sql.Tx, units []resolvedUnit) error {
	if len(units) == 0 {
		return nil
	}
	ins, err := newUnitInserter(ctx, tx)
	if err != nil {
		return err
	}
	defer ins.Close()
	for i := range units {
		r := &units[i]
		parentPath := r.parentPath
		if r.parent >= 0 {
			r.unit.ParentID = units[r.parent].unit.ID
			parentPath = units[r.parent].path
		}
		id, path, err := ins.add(ctx, r.unit, parentPath)
		if err != nil {
			return err
		}
		r.unit.ID, r.path = id, path
	}
	return renumberTree(ctx, tx)
}

// writePlanMembers inserts and updates the checked planned members and
// records their transfers, counting them in res.
func writePlanMembers(ctx context.Context, tx *sql.Tx, members []resolvedMember, units []resolvedUnit,
	on model.Date, source string, res *model.RosterResult) error {
	insert, err := tx.PrepareContext(ctx, `INSERT INTO members (unit_id, name, initials, gender, birth,
		joined, status, category, position, phone, id_number, sort_order) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return wrap(err, "保存党员失败")
	}
	defer insert.Close()
	open, err := tx.PrepareContext(ctx, `INSERT INTO memberships (member_id, unit_id, from_date) VALUES (?, ?, '')`)
	if err != nil {
		return wrap(err, "保存党员失败")
	}
	defer open.Close()
	note := "名册导入"
	if source = strings.TrimSpace(source); source != "" {
		note += "：" + source
	}
	for _, r := range members {
		m := r.member
		if r.unitRef >= 0 {
			m.UnitID = units[r.unitRef].unit.ID
		}
		if r.existing == nil {
			out, err := insert.ExecContext(ctx, memberArgs(m)...)
			if err != nil {
				return wrap(err, "保存党员“%s”失败", m.Name)
			}
			id, err := out.LastInsertId()
			if err != nil {
				return wrap(err, "保存党员“%s”失败", m.Name)
			}
			if _, err := open.ExecContext(ctx, id, m.UnitID); err != nil {
				return wrap(err, "保存党员“%s”的组织关系失败", m.Name)
			}
			res.MembersAdded++
			continue
		}
		if err := updateMember(ctx, tx, m); err != nil {
			return err
		}
		res.MembersUpdated++
		if m.UnitID != r.existing.UnitID {
			if err := transfer(ctx, tx, m, m.UnitID, on, note); err != nil {
				return err
			}
			res.Transfers++
		}
	}
	return nil
}

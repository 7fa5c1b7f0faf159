package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"xingji/model"
)

// memberCols are the columns scanMember reads, in order.
const memberCols = `id, unit_id, name, initials, gender, birth, joined, status, category,
	position, phone, id_number, sort_order`

// scanMember reads a member.
func scanMember(sc rowScanner) (model.Member, error) {
	var (
		m             model.Member
		birth, joined string
	)
	err := sc.Scan(&m.ID, &m.UnitID, &m.Name, &m.Initials, &m.Gender, &birth, &joined,
		&m.Status, &m.Category, &m.Position, &m.Phone, &m.IDNumber, &m.SortOrder)
	if err != nil {
		return m, err
	}
	if m.Birth, err = parseDate(birth); err == nil {
		m.Joined, err = parseDate(joined)
	}
	return m, err
}

// normalizeMember trims the text fields, writes the phone number in
// half-width digits (model.NormalizePhone) and upper-cases the ID number's X.
func normalizeMember(m *model.Member) {
	m.Name = strings.TrimSpace(m.Name)
	m.Position = strings.TrimSpace(m.Position)
	m.Phone = model.NormalizePhone(m.Phone)
	m.IDNumber = strings.ToUpper(strings.TrimSpace(m.IDNumber))
}

// memberByID reads a member (ENotFound when there is none).
func memberByID(ctx context.Context, tx *sql.Tx, id int64) (model.Member, error) {
	m, err := scanMember(tx.QueryRowContext(ctx, `SELECT `+memberCols+` FROM members WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, model.Errorf(model.ENotFound, "党员不存在（编号%d），可能已被删除", id)
	}
	return m, wrap(err, "读取党员信息失败")
}

// activeUnitFor reads the unit a member is to join, as field errors when it
// does not exist or has been dissolved.
func activeUnitFor(ctx context.Context, tx *sql.Tx, unitID int64, memberName string) (model.Unit, error) {
	u, _, err := unitByID(ctx, tx, unitID)
	if model.ErrorCodeOf(err) == model.ENotFound {
		return u, model.FieldErrorf("UnitID", "党员“%s”的所在党组织不存在（编号%d）", memberName, unitID)
	}
	if err != nil {
		return u, err
	}
	if !u.Active() {
		return u, model.FieldErrorf("UnitID", "“%s”已撤销，不能再接收党员“%s”", u.Name, memberName)
	}
	return u, nil
}

// Member returns the full record of a member, ID number included (for the
// edit form).
func (s *Store) Member(ctx context.Context, id int64) (model.Member, error) {
	var m model.Member
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		m, err = memberByID(ctx, tx, id)
		return err
	})
	return m, err
}

// today is the store's clock as a date, for the rules that need the day.
func (s *Store) today() model.Date { return model.DateOf(s.opts.Now()) }

// CreateMember validates (model.Member.ValidateEntry) and stores a new
// member, sets m.ID and m.Initials, and opens the first membership in
// m.UnitID from joinedUnitOn (zero when not known). Text fields are trimmed.
// A zero SortOrder places the member after everyone already in the unit
// (the unit's largest SortOrder plus one; members sort by SortOrder, then
// ID), so a new member never lists above the secretary; m.SortOrder is set
// to the value stored.
func (s *Store) CreateMember(ctx context.Context, m *model.Member, joinedUnitOn model.Date) error {
	normalizeMember(m)
	if err := m.ValidateEntry(s.today()); err != nil {
		return err
	}
	if err := joinedUnitOn.Validate(); err != nil {
		return model.FieldErrorf("From", "党员“%s”转入党组织的日期不正确：%s", m.Name, model.ErrorMessage(err))
	}
	m.Initials = initials(m.Name)
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := activeUnitFor(ctx, tx, m.UnitID, m.Name); err != nil {
			return err
		}
		if m.SortOrder == 0 {
			var last int
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(sort_order), 0) FROM members WHERE unit_id = ?`,
				m.UnitID).Scan(&last); err != nil {
				return wrap(err, "保存党员“%s”失败", m.Name)
			}
			if last > 0 { // when every order is 0 the new, larger ID already sorts last
				m.SortOrder = last + 1
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO members (unit_id, name, initials, gender, birth, joined,
			status, category, position, phone, id_number, sort_order) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
			memberArgs(*m)...)
		if err != nil {
			return wrap(err, "保存党员“%s”失败", m.Name)
		}
		if id, err = res.LastInsertId(); err != nil {
			return wrap(err, "保存党员“%s”失败", m.Name)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO memberships (member_id, unit_id, from_date) VALUES (?, ?, ?)`,
			id, m.UnitID, joinedUnitOn.String())
		return wrap(err, "保存党员“%s”的组织关系失败", m.Name)
	})
	if err == nil {
		m.ID = id
	}
	return err
}

// memberArgs are the insert arguments of m, in memberCols order without id.
func memberArgs(m model.Member) []any {
	return []any{m.UnitID, m.Name, m.Initials, m.Gender, m.Birth.String(), m.Joined.String(),
		m.Status, m.Category, m.Position, m.Phone, m.IDNumber, m.SortOrder}
}

// UpdateMember validates (model.Member.ValidateEntry) and saves changes to a
// member's own fields. The unit cannot change here (use TransferMember): a
// different UnitID is EInvalid.
func (s *Store) UpdateMember(ctx context.Context, m model.Member) error {
	normalizeMember(&m)
	if err := m.ValidateEntry(s.today()); err != nil {
		return err
	}
	m.Initials = initials(m.Name)
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := memberByID(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if old.UnitID != m.UnitID {
			return model.FieldErrorf("UnitID", "不能在这里修改党员“%s”的所在党组织，请使用“组织关系转接”", old.Name)
		}
		return updateMember(ctx, tx, m)
	})
}

// updateMember stores every field of m except the unit.
func updateMember(ctx context.Context, tx *sql.Tx, m model.Member) error {
	_, err := tx.ExecContext(ctx, `UPDATE members SET name = ?, initials = ?, gender = ?, birth = ?,
		joined = ?, status = ?, category = ?, position = ?, phone = ?, id_number = ?, sort_order = ?
		WHERE id = ?`, m.Name, m.Initials, m.Gender, m.Birth.String(), m.Joined.String(), m.Status,
		m.Category, m.Position, m.Phone, m.IDNumber, m.SortOrder, m.ID)
	return wrap(err, "保存党员“%s”失败", m.Name)
}

// TransferMember moves a member to another unit on the given date (组织关系转接):
// the current membership closes on that day and a new one opens.
func (s *Store) TransferMember(ctx context.Context, memberID, toUnitID int64, on model.Date, note string) error {
	if on.IsZero() {
		return model.FieldErrorf("On", "请填写转接日期")
	}
	if err := on.Validate(); err != nil {
		return model.FieldErrorf("On", "转接日期不正确：%s", model.ErrorMessage(err))
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		m, err := memberByID(ctx, tx, memberID)
		if err != nil {
			return err
		}
		to, err := activeUnitFor(ctx, tx, toUnitID, m.Name)
		if err != nil {
			return err
		}
		if m.UnitID == toUnitID {
			return model.FieldErrorf("UnitID", "党员“%s”已在“%s”，无需转接", m.Name, to.Name)
		}
		return transfer(ctx, tx, m, toUnitID, on, strings.TrimSpace(note))
	})
}

// transfer closes m's open memberships on `on` and opens one in toUnitID.
func transfer(ctx context.Context, tx *sql.Tx, m model.Member, toUnitID int64, on model.Date, note string) error {
	var from string
	err := tx.QueryRowContext(ctx, `SELECT coalesce(max(from_date), '') FROM memberships
		WHERE member_id = ? AND to_date = ''`, m.ID).Scan(&from)
	if err != nil {
		return wrap(err, "读取党员“%s”的组织关系失败", m.Name)
	}
	if from != "" && on.String() < from {
		d, _ := parseDate(from)
		return model.FieldErrorf("On", "转接日期%s早于党员“%s”转入现党组织的日期%s", on.Chinese(), m.Name, d.Chinese())
	}
	if _, err := tx.ExecContext(ctx, `UPDATE memberships SET to_date = ? WHERE member_id = ? AND to_date = ''`,
		on.String(), m.ID); err != nil {
		return wrap(err, "转接党员“%s”失败", m.Name)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO memberships (member_id, unit_id, from_date, note) VALUES (?, ?, ?, ?)`,
		m.ID, toUnitID, on.String(), note); err != nil {
		return wrap(err, "转接党员“%s”失败", m.Name)
	}
	_, err = tx.ExecContext(ctx, `UPDATE members SET unit_id = ? WHERE id = ?`, toUnitID, m.ID)
	return wrap(err, "转接党员“%s”失败", m.Name)
}

// DeleteMember removes a member entered by mistake, with the membership
// history. (A member who leaves is transferred, not deleted.)
func (s *Store) DeleteMember(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM members WHERE id = ?`, id)
		if err != nil {
			return wrap(err, "删除党员失败")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.Errorf(model.ENotFound, "党员不存在（编号%d），可能已被删除", id)
		}
		return nil
	})
}

// Memberships returns a member's stays in units, oldest first.
func (s *Store) Memberships(ctx context.Context, memberID int64) ([]model.Membership, error) {
	var list []model.Membership
	err := s.read(ctx, func(tx *sql.Tx) error {
		if _, err := memberByID(ctx, tx, memberID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, member_id, unit_id, from_date, to_date, note
			FROM memberships WHERE member_id = ? ORDER BY from_date, id`, memberID)
		if err != nil {
			return wrap(err, "读取组织关系记录失败")
		}
		defer rows.Close()
		for rows.Next() {
			var ms model.Membership
			var from, to string
			if err := rows.Scan(&ms.ID, &ms.MemberID, &ms.UnitID, &from, &to, &ms.Note); err != nil {
				return wrap(err, "读取组织关系记录失败")
			}
			if ms.From, err = parseDate(from); err != nil {
				return err
			}
			if ms.To, err = parseDate(to); err != nil {
				return err
			}
			list = append(list, ms)
		}
		return wrap(rows.Err(), "读取组织关系记录失败")
	})
	return list, err
}

// MembersOfUnitAt returns the members who belonged to the unit on the given
// day according to their memberships (model.Membership.Covers), ordered by
// SortOrder then ID. Records are complete, ID numbers included: mask them
// before showing.
func (s *Store) MembersOfUnitAt(ctx context.Context, unitID int64, on model.Date) ([]model.Member, error) {
	var list []model.Member
	err := s.read(ctx, func(tx *sql.Tx) error {
		if _, _, err := unitByID(ctx, tx, unitID); err != nil {
			return err
		}
		// Date texts compare like model.Date.Compare.
		d := on.String()
		rows, err := tx.QueryContext(ctx, `SELECT `+prefixCols("m.", memberCols)+` FROM members m
			WHERE m.id IN (SELECT member_id FROM memberships WHERE unit_id = ?
				AND (from_date = '' OR from_date <= ?) AND (to_date = '' OR ? < to_date))
			ORDER BY m.sort_order, m.id`, unitID, d, d)
		if err != nil {
			return wrap(err, "读取党员名单失败")
		}
		list, err = scanMembers(rows, list)
		return err
	})
	return list, err
}

// scanMembers appends every row to list and closes rows.
func scanMembers(rows *sql.Rows, list []model.Member) ([]model.Member, error) {
	defer rows.Close()
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return list, wrap(err, "读取党员名单失败")
		}
		list = append(list, m)
	}
	return list, wrap(rows.Err(), "读取党员名单失败")
}

// prefixCols qualifies each column in a comma-separated list: "a, b" → "m.a, m.b".
func prefixCols(prefix, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = prefix + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// AllMembers returns every member's full record (ID numbers included), ordered
// by ID: the roster importer matches a file against them and keeps stored
// values where the file leaves a cell blank. Callers must not show the ID
// numbers unmasked.
func (s *Store) AllMembers(ctx context.Context) ([]model.Member, error) {
	var list []model.Member
	err := s.read(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM members`).Scan(&n); err != nil {
			return wrap(err, "读取党员名单失败")
		}
		list = make([]model.Member, 0, n)
		rows, err := tx.QueryContext(ctx, `SELECT `+memberCols+` FROM members ORDER BY id`)
		if err != nil {
			return wrap(err, "读取党员名单失败")
		}
		list, err = scanMembers(rows, list)
		return err
	})
	return list, err
}

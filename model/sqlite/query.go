package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"xingji/model"
)

// DefaultMemberLimit is the page size of Members when the query sets none.
const DefaultMemberLimit = 100

// Members returns one page of the members that match q, in list order (the
// units' tree order, then the members' SortOrder and ID), with the total
// count. UnitID 0 is the whole committee; WithDescendants adds the units
// below UnitID. Text matches a name substring, a pinyin-initials prefix
// ("zs" finds 张三), a phone substring or a unit code (whole, any case). Rows carry the
// unit name and the masked ID number; Member.IDNumber is left empty.
func (s *Store) Members(ctx context.Context, q model.MemberQuery) (model.MemberPage, error) {
	var page model.MemberPage
	limit, offset := q.Limit, q.Offset
	if limit <= 0 {
		limit = DefaultMemberLimit
	}
	if offset < 0 {
		offset = 0
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		where, args, joinNeeded, err := memberFilter(ctx, tx, q)
		if err != nil {
			return err
		}
		cond := ""
		if len(where) > 0 {
			cond = " WHERE " + strings.Join(where, " AND ")
		}
		// units drive the walk (CROSS JOIN fixes the loop order): by the
		// unique tree_order, then members by the (unit_id, sort_order, id)
		// index, which is already list order, so LIMIT stops early.
		from := ` FROM units u CROSS JOIN members m ON m.unit_id = u.id`
		countFrom := from
		if !joinNeeded {
			countFrom = ` FROM members m`
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*)`+countFrom+cond, args...).Scan(&page.Total); err != nil {
			return wrap(err, "查询党员失败")
		}
		if offset >= page.Total {
			return nil
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+prefixCols("m.", memberCols)+`, u.name`+from+cond+
			` ORDER BY u.tree_order, m.sort_order, m.id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
		if err != nil {
			return wrap(err, "查询党员失败")
		}
		defer rows.Close()
		page.Rows = make([]model.MemberRow, 0, min(limit, page.Total-offset))
		for rows.Next() {
			var r model.MemberRow
			var birth, joined string
			err := rows.Scan(&r.ID, &r.UnitID, &r.Name, &r.Initials, &r.Gender, &birth, &joined,
				&r.Status, &r.Category, &r.Position, &r.Phone, &r.IDNumber, &r.SortOrder, &r.UnitName)
			if err != nil {
				return wrap(err, "查询党员失败")
			}
			if r.Birth, err = parseDate(birth); err != nil {
				return err
			}
			if r.Joined, err = parseDate(joined); err != nil {
				return err
			}
			r.MaskedID = model.MaskIDNumber(r.IDNumber)
			r.IDNumber = ""
			page.Rows = append(page.Rows, r)
		}
		return wrap(rows.Err(), "查询党员失败")
	})
	return page, err
}

// memberFilter builds the WHERE terms of q over units u and members m, and
// reports whether they need the units table.
func memberFilter(ctx context.Context, tx *sql.Tx, q model.MemberQuery) (where []string, args []any, joinNeeded bool, err error) {
	if q.UnitID != 0 {
		_, path, err := unitByID(ctx, tx, q.UnitID)
		if err != nil {
			return nil, nil, false, err
		}
		joinNeeded = true
		if q.WithDescendants {
			// A subtree is a contiguous range of tree_order.
			var lo, hi int
			err := tx.QueryRowContext(ctx, `SELECT min(tree_order), max(tree_order) FROM units
				WHERE path >= ? AND path < ?`, path, pathEnd(path)).Scan(&lo, &hi)
			if err != nil {
				return nil, nil, false, wrap(err, "查询党员失败")
			}
			where = append(where, "u.tree_order BETWEEN ? AND ?")
			args = append(args, lo, hi)
		} else {
			where = append(where, "u.id = ?")
			args = append(args, q.UnitID)
		}
	}
	if text := strings.TrimSpace(q.Text); text != "" {
		joinNeeded = true
		like := escapeLike(text)
		terms := []string{`m.name LIKE ? ESCAPE '\'`, `u.code = ? COLLATE NOCASE`}
		args = append(args, "%"+like+"%", text)
		// Initials are ASCII letters and digits (a real name's start with a
		// letter) and phones hold digits: skip the tests that cannot match.
		if isAlnum(text) && strings.Trim(text, "0123456789") != "" {
			terms = append(terms, `m.initials LIKE ? ESCAPE '\'`)
			args = append(args, strings.ToLower(like)+"%")
		}
		if strings.ContainsAny(text, "0123456789") {
			terms = append(terms, `m.phone LIKE ? ESCAPE '\'`)
			args = append(args, "%"+like+"%")
		}
		where = append(where, "("+strings.Join(terms, " OR ")+")")
	}
	if q.Status != "" {
		where = append(where, "m.status = ?")
		args = append(args, q.Status)
	}
	if q.Category != "" {
		where = append(where, "m.category = ?")
		args = append(args, q.Category)
	}
	if q.Gender != "" {
		where = append(where, "m.gender = ?")
		args = append(args, q.Gender)
	}
	return where, args, joinNeeded, nil
}

// escapeLike escapes LIKE's wildcards in s (escape character '\').
func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// isAlnum reports whether s holds only ASCII letters and digits.
func isAlnum(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

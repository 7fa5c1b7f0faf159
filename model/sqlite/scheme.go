package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"xingji/model"
)

// SchemeInfo summarises a stored scheme for lists.
type SchemeInfo struct {
	Code    string        `json:"code"`
	Version string        `json:"version"`
	Name    string        `json:"name"`
	Source  string        `json:"source"`
	Items   int           `json:"items"` // items in the tree, bonus and penalty items included
	Total   model.Decimal `json:"total"` // the declared total
	SavedAt time.Time     `json:"savedAt"`
}

// SaveScheme stores a scheme under its code and version. A scheme with fatal
// problems (model.Problems.Fatal) is refused with EInvalid. Saving the same
// content again is a no-op; saving different content under a code and
// version already stored is refused with EConflict, since results computed
// with the stored version must stay reproducible: the office raises the
// version instead.
func (s *Store) SaveScheme(ctx context.Context, sc model.Scheme) error {
	sc.Code = strings.TrimSpace(sc.Code)
	sc.Version = strings.TrimSpace(sc.Version)
	if sc.Code == "" {
		return model.FieldErrorf("Code", "方案“%s”没有编码，不能保存", sc.Name)
	}
	if fatal := sc.Problems().Fatal(); len(fatal) > 0 {
		return &model.Error{Code: model.EInvalid, Field: "Scheme",
			Message: "方案“" + sc.Name + "”有严重问题，不能保存：" + fatal.Error(), Err: fatal}
	}
	text, err := json.Marshal(sc)
	if err != nil {
		return wrap(err, "方案“%s”无法转换为保存格式", sc.Name)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		old, found, err := schemeJSON(ctx, tx, sc.Code, sc.Version)
		if err != nil {
			return err
		}
		if found {
			if old == string(text) {
				return nil
			}
			return model.Errorf(model.EConflict,
				"方案“%s”（编码 %s）的版本“%s”已经保存过，内容与现在不同；已用这个版本算出的结果不能被改动，请提高版本号（例如改为“%s”）后再保存",
				sc.Name, sc.Code, sc.Version, model.NextSchemeVersion(sc.Version))
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO schemes (code, version, name, source, json, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`,
			sc.Code, sc.Version, sc.Name, sc.Source, string(text), s.opts.Now().Format(time.RFC3339))
		return wrap(err, "保存方案“%s”失败", sc.Name)
	})
}

// schemeJSON returns the stored JSON of code and version.
func schemeJSON(ctx context.Context, tx *sql.Tx, code, version string) (string, bool, error) {
	var text string
	err := tx.QueryRowContext(ctx, `SELECT json FROM schemes WHERE code = ? AND version = ?`, code, version).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, wrap(err, "读取方案 %s 失败", code)
	}
	return text, true, nil
}

// Schemes lists the stored schemes by code, each code's versions in the
// order they were saved.
func (s *Store) Schemes(ctx context.Context) ([]SchemeInfo, error) {
	var out []SchemeInfo
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT json, created_at FROM schemes ORDER BY code, id`)
		if err != nil {
			return wrap(err, "读取方案列表失败")
		}
		defer rows.Close()
		for rows.Next() {
			var text, at string
			if err := rows.Scan(&text, &at); err != nil {
				return wrap(err, "读取方案列表失败")
			}
			sc, err := decodeScheme(text)
			if err != nil {
				return err
			}
			info := SchemeInfo{Code: sc.Code, Version: sc.Version, Name: sc.Name, Source: sc.Source, Total: sc.Total}
			sc.Walk(func([]*model.Section, *model.Item) { info.Items++ })
			info.SavedAt, _ = time.Parse(time.RFC3339, at)
			out = append(out, info)
		}
		return wrap(rows.Err(), "读取方案列表失败")
	})
	return out, err
}

// Scheme returns the stored scheme with the code and version; an empty
// version means the one saved last. A scheme not stored is ENotFound.
func (s *Store) Scheme(ctx context.Context, code, version string) (model.Scheme, error) {
	var sc model.Scheme
	err := s.read(ctx, func(tx *sql.Tx) error {
		var text string
		var err error
		if version == "" {
			err = tx.QueryRowContext(ctx, `SELECT json FROM schemes WHERE code = ? ORDER BY id DESC LIMIT 1`, code).Scan(&text)
		} else {
			err = tx.QueryRowContext(ctx, `SELECT json FROM schemes WHERE code = ? AND version = ?`, code, version).Scan(&text)
		}
		if errors.Is(err, sql.ErrNoRows) {
			if version == "" {
				return model.Errorf(model.ENotFound, "没有保存编码为“%s”的方案", code)
			}
			return model.Errorf(model.ENotFound, "没有保存编码为“%s”、版本为“%s”的方案", code, version)
		}
		if err != nil {
			return wrap(err, "读取方案 %s 失败", code)
		}
		sc, err = decodeScheme(text)
		return err
	})
	return sc, err
}

// decodeScheme reads a stored scheme's JSON.
func decodeScheme(text string) (model.Scheme, error) {
	var sc model.Scheme
	if err := json.Unmarshal([]byte(text), &sc); err != nil {
		return sc, &model.Error{Code: model.ECorrupt, Message: "数据库中保存的方案已损坏，无法读取", Err: err}
	}
	return sc, nil
}

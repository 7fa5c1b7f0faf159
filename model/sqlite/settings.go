package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"
)

// Setting reads the office setting key into v (a pointer, as for
// json.Unmarshal) and reports whether it was set; v is untouched when not.
func (s *Store) Setting(ctx context.Context, key string, v any) (bool, error) {
	var data []byte
	err := s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&data)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, wrap(err, "读取设置失败")
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, wrap(err, "设置“%s”已损坏", key)
	}
	return true, nil
}

// SetSetting stores v (as JSON) as the office setting key, replacing what
// was there.
func (s *Store) SetSetting(ctx context.Context, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return wrap(err, "无法保存设置“%s”", key)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			key, data, s.opts.Now().Format(time.RFC3339Nano))
		return wrap(err, "保存设置“%s”失败", key)
	})
}

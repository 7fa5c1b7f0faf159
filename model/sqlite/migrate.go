package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"xingji/model"
)

// migrationFS holds the schema migrations, applied in file-name order
// (0001_init.sql, 0002_…). A migration, once released, is never edited:
// changes go in a new file.
//
//go:embed migrations/*.sql
var embeddedMigrations embed.FS

// migrationFS is where migrations are read from; tests add to it.
var migrationFS fs.FS = embeddedMigrations

// migrationNames lists the migrations in order.
func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	for i, n := range names {
		names[i] = path.Base(n) // recorded as "0001_init.sql"
	}
	sort.Strings(names)
	return names, nil
}

// migrate applies the pending migrations, each in its own transaction and
// recorded in the migrations table. Before changing a database that already
// holds data it takes a "before-migration" backup.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (
		name       TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return err // classified by the caller: may be a damaged file
	}
	applied, err := appliedMigrations(ctx, s.db)
	if err != nil {
		return err
	}
	names, err := migrationNames()
	if err != nil {
		return wrap(err, "读取数据库结构升级脚本失败")
	}
	known := make(map[string]bool, len(names))
	var pending []string
	for _, name := range names {
		known[name] = true
		if !applied[name] {
			pending = append(pending, name)
		}
	}
	for name := range applied {
		if !known[name] {
			return model.Errorf(model.EConflict,
				"数据库文件 %s 由更新版本的星级考评创建（含升级 %s），请使用新版本打开", s.path, name)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	has, err := hasUserData(ctx, s.db)
	if err != nil {
		return err
	}
	if has {
		if _, err := s.backup(ctx, "before-migration"); err != nil {
			return err
		}
	}
	for _, name := range pending {
		if err := s.applyMigration(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration runs one migration file and records it, in one transaction.
func (s *Store) applyMigration(ctx context.Context, name string) error {
	text, err := fs.ReadFile(migrationFS, "migrations/"+name)
	if err != nil {
		return wrap(err, "读取数据库结构升级脚本 %s 失败", name)
	}
	return s.writeLocked(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, string(text)); err != nil {
			return wrap(err, "数据库结构升级 %s 失败", name)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`,
			name, s.opts.Now().Format(time.RFC3339))
		return wrap(err, "记录数据库结构升级 %s 失败", name)
	})
}

// appliedMigrations returns the names recorded in the migrations table.
func appliedMigrations(ctx context.Context, q queryer) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		applied[name] = true
	}
	return applied, rows.Err()
}

// hasUserData reports whether any table other than migrations has a row.
func hasUserData(ctx context.Context, q queryer) (bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master
		WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'`)
	if err != nil {
		return false, err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return false, err
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	for _, t := range tables {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM "`+strings.ReplaceAll(t, `"`, `""`)+`")`).Scan(&n); err != nil {
			return false, err
		}
		if n == 1 {
			return true, nil
		}
	}
	return false, nil
}

// queryer is what *sql.DB, *sql.Conn and *sql.Tx share for reading.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

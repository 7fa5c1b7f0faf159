// Package sqlite keeps the committee's organization tree and roster in a
// local SQLite file (modernc.org/sqlite, pure Go). It is the only package that
// speaks SQL.
//
// A Store owns one database file: it takes an exclusive lock beside it so a
// second window or command cannot open it, upgrades the schema with numbered
// migrations (each in its own transaction, recorded in a migrations table),
// backs the file up before risky changes (migrations, imports, restores) and
// can restore those backups. Every public method runs in one transaction;
// unexported helpers take the *sql.Tx. Every error a user can see is a
// *model.Error with a Chinese message.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"xingji/model"
)

// Options tunes a Store. The zero value is ready to use.
type Options struct {
	// BackupDir is where backups go; default: a "backups" folder beside the
	// database file.
	BackupDir string
	// KeepBackups is how many backups rotation keeps (newest first); default 20.
	KeepBackups int
	// Now is the clock, for backup names and import logs; default time.Now.
	Now func() time.Time
}

// withDefaults fills in the defaults for the database at dbPath.
func (o Options) withDefaults(dbPath string) Options {
	if o.BackupDir == "" {
		o.BackupDir = filepath.Join(filepath.Dir(dbPath), "backups")
	}
	if o.KeepBackups <= 0 {
		o.KeepBackups = 20
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Stats counts what the database holds, for the status bar and the CLI.
type Stats struct {
	Units       int // all units, dissolved ones included
	ActiveUnits int // units not dissolved
	Members     int
}

// Store is an open database file. Its methods are safe for concurrent use.
type Store struct {
	path string
	opts Options
	lock *flock.Flock

	// mu is held for reading by every operation and for writing by Restore
	// and Close, which swap the pools underneath.
	mu  sync.RWMutex
	db  *sql.DB // the one writer connection
	rdb *sql.DB // readers; WAL lets them run beside the writer
}

// readerConns is the size of the reader pool: a few, so the GUI can list
// members while an import or a backup runs.
const readerConns = 4

// DefaultPath returns where the database lives: $XINGJI_DB when set, else
// xingji/xingji.db in the user's configuration folder (on Windows
// %AppData%\xingji\xingji.db).
func DefaultPath() (string, error) {
	if p := strings.TrimSpace(os.Getenv("XINGJI_DB")); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", &model.Error{Code: model.EInternal,
			Message: "找不到用户配置文件夹，无法确定数据库位置；可以用环境变量 XINGJI_DB 指定数据库文件", Err: err}
	}
	return filepath.Join(dir, "xingji", "xingji.db"), nil
}

// Open opens the database at path, creating the folder and a new database
// when the file does not exist, and brings its schema up to date (after a
// "before-migration" backup when it already holds data). It fails with
// ELocked when another window or command has the file open, and with
// ECorrupt when the file is damaged: it never creates a fresh database over
// an existing file; see LatestBackup and RestoreFile.
func Open(path string, opts Options) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, model.Errorf(model.EInvalid, "没有指定数据库文件")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &model.Error{Code: model.EInternal, Message: "数据库文件路径不正确：" + path, Err: err}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, &model.Error{Code: model.EInternal,
			Message: "无法创建数据库所在的文件夹：" + filepath.Dir(abs), Err: err}
	}
	lock, err := acquireLock(abs)
	if err != nil {
		return nil, err
	}
	s := &Store{path: abs, opts: opts.withDefaults(abs), lock: lock}
	if err := s.open(context.Background()); err != nil {
		_ = lock.Unlock()
		return nil, err
	}
	return s, nil
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database and releases the lock. Closing twice is harmless.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.closePools()
	if uerr := s.lock.Unlock(); err == nil {
		err = uerr
	}
	if err != nil {
		return &model.Error{Code: model.EInternal, Message: "关闭数据库时出错：" + s.path, Err: err}
	}
	return nil
}

// closePools closes both pools; the WAL is checkpointed as the last
// connection closes.
func (s *Store) closePools() error {
	var errs []error
	if s.rdb != nil {
		errs = append(errs, s.rdb.Close())
	}
	if s.db != nil {
		errs = append(errs, s.db.Close())
	}
	s.db, s.rdb = nil, nil
	return errors.Join(errs...)
}

// errClosed is returned by every method after Close.
func errClosed() error { return model.Errorf(model.EInternal, "数据库已关闭") }

// read runs fn in a read-only transaction on the reader pool.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.rdb == nil {
		return errClosed()
	}
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return wrap(err, "读取数据库失败")
	}
	defer tx.Rollback()
	return fn(tx)
}

// write runs fn in a write transaction (BEGIN IMMEDIATE) on the writer and
// commits when fn returns nil.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.writeLocked(ctx, fn)
}

// writeLocked is write for callers that already hold s.mu.
func (s *Store) writeLocked(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.db == nil {
		return errClosed()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return wrap(err, "无法开始写入数据库")
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return wrap(err, "保存到数据库失败")
	}
	return nil
}

// wrap turns a raw error into an EInternal *model.Error with a Chinese
// message; a *model.Error passes through unchanged, and a cancelled context
// says so.
func wrap(err error, msg string, args ...any) error {
	if err == nil {
		return nil
	}
	var me *model.Error
	if errors.As(err, &me) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &model.Error{Code: model.EInternal, Message: "操作已取消", Err: err}
	}
	return &model.Error{Code: model.EInternal, Message: fmt.Sprintf(msg, args...), Err: err}
}

// Stats counts units and members.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM units),
			(SELECT count(*) FROM units WHERE dissolved = ''),
			(SELECT count(*) FROM members)`).Scan(&st.Units, &st.ActiveUnits, &st.Members)
		return wrap(err, "统计党组织和党员数量失败")
	})
	return st, err
}

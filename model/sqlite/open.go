package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofrs/flock"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"xingji/model"
)

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// pragmas are set on every pooled connection through the DSN.
const pragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
	"&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)"

// writerCache is the writer's page cache: large enough (64 MiB, taken only
// as needed) that a city-sized import does not spill pages mid-transaction.
var writerCache = "-65536"

// fileURI returns an SQLite URI for the absolute path p, escaped so that
// spaces, Chinese characters, '?', '#' and '%' survive: "/tmp/a b.db" →
// "file:///tmp/a%20b.db", `C:\Users\张三\x.db` → "file:///C:/Users/%E5%BC%A0%E4%B8%89/x.db"
// (SQLite on Windows drops the slash before the drive letter).
func fileURI(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String()
}

// dsn is the data source name of the pools: the file URI and the pragmas;
// the writer also begins its transactions IMMEDIATE.
func dsn(path string, writer bool) string {
	d := fileURI(path) + "?" + pragmas
	if writer {
		d += "&_txlock=immediate&_pragma=cache_size(" + writerCache + ")"
	}
	return d
}

// lockedMessage is the ELocked message for the database at path.
func lockedMessage(path string) string {
	return "数据库文件正被另一个星级考评窗口或命令使用：" + path + "。请先关闭它再试。"
}

// acquireLock takes the exclusive lock file beside the database.
func acquireLock(path string) (*flock.Flock, error) {
	lock := flock.New(path + ".lock")
	ok, err := lock.TryLock()
	if err != nil {
		return nil, &model.Error{Code: model.EInternal,
			Message: "无法创建数据库锁文件：" + path + ".lock。请检查文件夹是否可写。", Err: err}
	}
	if !ok {
		return nil, &model.Error{Code: model.ELocked, Message: lockedMessage(path)}
	}
	return lock, nil
}

// corruptError is the ECorrupt error for the database at path.
func corruptError(path string, cause error) error {
	return &model.Error{Code: model.ECorrupt, Err: cause,
		Message: "数据库文件已损坏，无法打开：" + path + "。可以用最近的备份恢复（损坏的文件会另存保留）。"}
}

// checkHeader reports whether path holds data, and fails with ECorrupt when
// it is not an SQLite file. It only reads the file.
func checkHeader(path string) (hasData bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, &model.Error{Code: model.EInternal, Message: "无法读取数据库文件：" + path, Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return false, nil // an empty file is an empty database
	}
	if err != nil || !bytes.Equal(head, []byte(sqliteHeader)) {
		return true, corruptError(path, errors.New("not an SQLite database file"))
	}
	return true, nil
}

// open opens the pools on s.path, checks an existing file and migrates.
func (s *Store) open(ctx context.Context) error {
	hasData, err := checkHeader(s.path)
	if err != nil {
		return err
	}
	if err := s.openPools(ctx); err != nil {
		return classifyOpenError(s.path, hasData, err)
	}
	if hasData {
		if err := quickCheck(ctx, s.db); err != nil {
			_ = s.closePools()
			return classifyOpenError(s.path, hasData, err)
		}
	}
	if err := s.migrate(ctx); err != nil {
		_ = s.closePools()
		return classifyOpenError(s.path, hasData, err)
	}
	return nil
}

// openPools opens the writer and the reader pool and connects each once,
// which applies the pragmas and surfaces a file SQLite cannot read.
func (s *Store) openPools(ctx context.Context) error {
	db, err := sql.Open("sqlite", dsn(s.path, true))
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return err
	}
	rdb, err := sql.Open("sqlite", dsn(s.path, false))
	if err != nil {
		db.Close()
		return err
	}
	rdb.SetMaxOpenConns(readerConns)
	rdb.SetMaxIdleConns(readerConns)
	if err := rdb.PingContext(ctx); err != nil {
		rdb.Close()
		db.Close()
		return err
	}
	s.db, s.rdb = db, rdb
	return nil
}

// quickCheck runs PRAGMA quick_check and fails unless it answers "ok".
func quickCheck(ctx context.Context, db *sql.DB) error {
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return &quickCheckError{res}
	}
	return nil
}

// quickCheckError is a failed quick_check or integrity_check.
type quickCheckError struct{ report string }

// Error returns the check's report.
func (e *quickCheckError) Error() string { return "quick_check: " + e.report }

// classifyOpenError maps a failure to open or check the database at path to
// a *model.Error: ECorrupt when an existing file is damaged, EInternal when
// the file cannot be reached at all (permissions, another program).
func classifyOpenError(path string, hadData bool, err error) error {
	var me *model.Error
	if errors.As(err, &me) {
		return err
	}
	var qe *quickCheckError
	if errors.As(err, &qe) {
		return corruptError(path, err)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return corruptError(path, err)
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY,
			sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_NOMEM, sqlite3.SQLITE_FULL:
			return &model.Error{Code: model.EInternal, Err: err,
				Message: "无法打开数据库文件：" + path + "。请检查磁盘空间、文件权限，或是否被其他程序占用。"}
		}
	}
	if hadData {
		return corruptError(path, err)
	}
	return &model.Error{Code: model.EInternal, Message: "无法创建数据库文件：" + path, Err: err}
}

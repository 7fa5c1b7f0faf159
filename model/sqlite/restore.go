package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"xingji/model"
)

// Restore replaces the database with the backup at backupPath. It first
// checks the backup (an intact SQLite file with our migrations table), then
// backs up the current database ("before-restore"), closes it, puts the
// backup in its place and reopens it (upgrading its schema if the backup is
// older). The Store stays usable; if the restored file cannot be opened, the
// previous database is put back and an error returned.
func (s *Store) Restore(ctx context.Context, backupPath string) error {
	src, err := filepath.Abs(backupPath)
	if err != nil {
		return &model.Error{Code: model.EInvalid, Message: "备份文件路径不正确：" + backupPath, Err: err}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return errClosed()
	}
	if sameFile(src, s.path) {
		return model.Errorf(model.EInvalid, "不能用正在使用的数据库文件本身来恢复：%s", src)
	}
	// Copy first: rotation after the before-restore backup may delete the
	// very backup being restored.
	tmp, err := copyToTemp(src, filepath.Dir(s.path), filepath.Base(s.path))
	if err != nil {
		return copyError(src, err)
	}
	defer os.Remove(tmp) // gone already once renamed into place
	if err := verifyBackup(ctx, tmp, src); err != nil {
		return err
	}
	before, err := s.backup(ctx, "before-restore")
	if err != nil {
		return err
	}
	if err := s.closePools(); err != nil {
		_ = s.open(ctx)
		return wrap(err, "恢复前关闭数据库失败")
	}
	if err := replaceDatabase(tmp, s.path); err != nil {
		if oerr := s.open(ctx); oerr != nil {
			return wrap(errors.Join(err, oerr), "恢复失败，且无法重新打开原数据库：%s", s.path)
		}
		return wrap(err, "恢复失败：无法替换数据库文件 %s，原数据库未改动", s.path)
	}
	if err := s.open(ctx); err != nil {
		// Put the previous database back.
		if back, cerr := copyToTemp(before, filepath.Dir(s.path), filepath.Base(s.path)); cerr == nil {
			if rerr := replaceDatabase(back, s.path); rerr != nil {
				_ = os.Remove(back)
			}
		}
		if oerr := s.open(ctx); oerr != nil {
			return &model.Error{Code: model.EInternal, Err: errors.Join(err, oerr),
				Message: "恢复后无法打开数据库，也无法还原到恢复前的状态。恢复前的备份在：" + before}
		}
		return &model.Error{Code: model.EInternal, Err: err,
			Message: "恢复后无法打开数据库，已还原到恢复前的状态：" + model.ErrorMessage(err)}
	}
	return nil
}

// RestoreFile puts the backup at backupPath in place of the database at
// dbPath without opening it, for a database that cannot be opened (Open
// reported ECorrupt). It takes the database's lock (ELocked when it is in
// use), checks the backup, keeps the damaged file (and its -wal) renamed
// aside as xingji.db.damaged-<time>, and copies the backup in.
func RestoreFile(dbPath, backupPath string, opts Options) error {
	dst, err := filepath.Abs(dbPath)
	if err != nil {
		return &model.Error{Code: model.EInvalid, Message: "数据库文件路径不正确：" + dbPath, Err: err}
	}
	src, err := filepath.Abs(backupPath)
	if err != nil {
		return &model.Error{Code: model.EInvalid, Message: "备份文件路径不正确：" + backupPath, Err: err}
	}
	if sameFile(src, dst) {
		return model.Errorf(model.EInvalid, "不能用数据库文件本身来恢复：%s", src)
	}
	opts = opts.withDefaults(dst)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return &model.Error{Code: model.EInternal, Message: "无法创建数据库所在的文件夹：" + filepath.Dir(dst), Err: err}
	}
	lock, err := acquireLock(dst)
	if err != nil {
		return err
	}
	defer lock.Unlock()

	tmp, err := copyToTemp(src, filepath.Dir(dst), filepath.Base(dst))
	if err != nil {
		return copyError(src, err)
	}
	defer os.Remove(tmp)
	if err := verifyBackup(context.Background(), tmp, src); err != nil {
		return err
	}
	suffix := ".damaged-" + opts.Now().Format(backupTimeLayout)
	for _, p := range []string{dst, dst + "-wal"} {
		if _, err := os.Lstat(p); err == nil {
			if err := os.Rename(p, p+suffix); err != nil {
				return &model.Error{Code: model.EInternal, Err: err,
					Message: "无法把损坏的数据库文件另存为 " + p + suffix + "，请关闭可能占用它的程序后再试"}
			}
		}
	}
	if err := replaceDatabase(tmp, dst); err != nil {
		return wrap(err, "无法把备份复制为数据库文件：%s", dst)
	}
	return nil
}

// verifyBackup checks that the file at path (a copy of shown) is an intact
// 星级考评 database no newer than this program. It opens it read-only and
// immutable, so the file is not touched.
func verifyBackup(ctx context.Context, path, shown string) error {
	invalid := func(msg string, cause error) error {
		return &model.Error{Code: model.EInvalid, Message: msg + shown, Err: cause}
	}
	hasData, err := checkHeader(path)
	if err != nil || !hasData {
		return invalid("所选文件不是星级考评的数据库备份：", err)
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&immutable=1")
	if err != nil {
		return invalid("无法打开备份文件：", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		if err == nil {
			err = &quickCheckError{res}
		}
		return invalid("备份文件已损坏，不能用来恢复：", err)
	}
	var n int
	if err := db.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).Scan(&n); err != nil || n == 0 {
		return invalid("所选文件不是星级考评的数据库备份（缺少结构版本记录）：", err)
	}
	applied, err := appliedMigrations(ctx, db)
	if err != nil {
		return invalid("无法读取备份文件的结构版本：", err)
	}
	names, err := migrationNames()
	if err != nil {
		return wrap(err, "读取数据库结构升级脚本失败")
	}
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	for name := range applied {
		if !known[name] {
			return invalid("备份由更新版本的星级考评创建（含升级 "+name+"），请使用新版本恢复：", nil)
		}
	}
	return nil
}

// replaceDatabase moves the file src over the database dst, first removing
// dst's -wal and -shm so SQLite does not replay a stale log into it.
func replaceDatabase(src, dst string) error {
	for _, p := range []string{dst + "-wal", dst + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return os.Rename(src, dst)
}

// copyError reports a backup that could not be read.
func copyError(src string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &model.Error{Code: model.ENotFound, Message: "找不到备份文件：" + src, Err: err}
	}
	return &model.Error{Code: model.EInternal, Message: "无法读取备份文件：" + src, Err: err}
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

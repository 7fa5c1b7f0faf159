package sqlite

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"xingji/model"
)

// BackupInfo describes one backup file (Path, Time to the second in local
// time, Reason such as "before-import", Size in bytes). It is the domain's
// model.BackupInfo, which also gives the reason in Chinese.
type BackupInfo = model.BackupInfo

// Backup file names: xingji-20261121-153012-before-import.db, with "-2",
// "-3"… added when two backups share a second and a reason.
const (
	backupPrefix     = "xingji-"
	backupSuffix     = ".db"
	backupTimeLayout = "20060102-150405"
)

// Backup copies the database (a consistent snapshot, by VACUUM INTO) to a
// new file in the backup folder and then deletes all but the newest
// KeepBackups backups. reason is an ASCII slug such as "manual" or
// "before-import"; other characters are replaced by '-'. It returns the new
// file's path.
func (s *Store) Backup(ctx context.Context, reason string) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.rdb == nil {
		return "", errClosed()
	}
	return s.backup(ctx, reason)
}

// backup is Backup for callers that hold s.mu. It reads through the reader
// pool, so it can run while the writer holds an open transaction (it then
// copies the last committed state).
func (s *Store) backup(ctx context.Context, reason string) (string, error) {
	dir := s.opts.BackupDir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", &model.Error{Code: model.EInternal, Message: "无法创建备份文件夹：" + dir, Err: err}
	}
	path := newBackupPath(dir, s.opts.Now(), reason)
	if _, err := s.rdb.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		_ = os.Remove(path)
		return "", wrap(err, "备份数据库失败（备份文件夹：%s）", dir)
	}
	rotateBackups(dir, s.opts.KeepBackups)
	return path, nil
}

// Backups lists the backups in the backup folder, newest first.
func (s *Store) Backups() ([]BackupInfo, error) {
	return listBackups(s.opts.BackupDir)
}

// ListBackups lists the backups of the database at dbPath (in
// opts.BackupDir or its default), newest first, without opening it.
func ListBackups(dbPath string, opts Options) ([]BackupInfo, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, &model.Error{Code: model.EInternal, Message: "数据库文件路径不正确：" + dbPath, Err: err}
	}
	return listBackups(opts.withDefaults(abs).BackupDir)
}

// LatestBackup returns the newest backup of the database at dbPath (in
// opts.BackupDir or its default), for the "restore the newest backup?" offer
// when Open reports ECorrupt. It fails with ENotFound when there is none.
func LatestBackup(dbPath string, opts Options) (BackupInfo, error) {
	list, err := ListBackups(dbPath, opts)
	if err != nil {
		return BackupInfo{}, err
	}
	if len(list) == 0 {
		abs, _ := filepath.Abs(dbPath)
		return BackupInfo{}, model.Errorf(model.ENotFound, "没有找到数据库备份（备份文件夹：%s）", opts.withDefaults(abs).BackupDir)
	}
	return list[0], nil
}

// backupSlug makes reason safe for a file name: lower-case ASCII letters,
// digits and single dashes; "manual" when nothing is left.
func backupSlug(reason string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(reason) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.TrimRight(b.String(), "-")
	if len(slug) > 40 {
		slug = strings.TrimRight(slug[:40], "-")
	}
	if slug == "" {
		return "manual"
	}
	return slug
}

// newBackupPath returns a backup file name in dir that does not exist yet.
func newBackupPath(dir string, now time.Time, reason string) string {
	base := backupPrefix + now.Format(backupTimeLayout) + "-" + backupSlug(reason)
	path := filepath.Join(dir, base+backupSuffix)
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path
		}
		path = filepath.Join(dir, base+"-"+strconv.Itoa(n)+backupSuffix)
	}
}

// parseBackupName reads the time and reason from a backup file name.
func parseBackupName(name string) (time.Time, string, bool) {
	if !strings.HasPrefix(name, backupPrefix) || !strings.HasSuffix(name, backupSuffix) {
		return time.Time{}, "", false
	}
	rest := strings.TrimSuffix(strings.TrimPrefix(name, backupPrefix), backupSuffix)
	if len(rest) < len(backupTimeLayout) {
		return time.Time{}, "", false
	}
	t, err := time.ParseInLocation(backupTimeLayout, rest[:len(backupTimeLayout)], time.Local)
	if err != nil {
		return time.Time{}, "", false
	}
	reason := strings.TrimPrefix(rest[len(backupTimeLayout):], "-")
	// Drop the "-2" that tells apart two backups taken in the same second.
	if i := strings.LastIndexByte(reason, '-'); i >= 0 && isDigits(reason[i+1:]) {
		reason = reason[:i]
	}
	return t, reason, true
}

// listBackups returns the backups in dir, newest first; a missing folder has
// none.
func listBackups(dir string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &model.Error{Code: model.EInternal, Message: "无法读取备份文件夹：" + dir, Err: err}
	}
	type item struct {
		BackupInfo
		mod time.Time
	}
	var items []item
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		t, reason, ok := parseBackupName(e.Name())
		if !ok {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // deleted meanwhile
		}
		items = append(items, item{BackupInfo{Path: filepath.Join(dir, e.Name()), Time: t, Reason: reason, Size: fi.Size()}, fi.ModTime()})
	}
	sort.Slice(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.After(b.Time)
		}
		if !a.mod.Equal(b.mod) {
			return a.mod.After(b.mod)
		}
		return a.Path > b.Path
	})
	list := make([]BackupInfo, len(items))
	for i, it := range items {
		list[i] = it.BackupInfo
	}
	return list, nil
}

// rotateBackups deletes all but the newest keep backups in dir. It is best
// effort: a backup it cannot delete (open in another program) stays.
func rotateBackups(dir string, keep int) {
	list, err := listBackups(dir)
	if err != nil {
		return
	}
	for i := keep; i < len(list); i++ {
		_ = os.Remove(list[i].Path)
	}
}

// copyToTemp copies src to a new temporary file in dir and returns its path.
func copyToTemp(src, dir, base string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, base+".restore-*.tmp")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// BackupTo writes a consistent, self-contained copy of the database (one
// file, no -wal beside it) to path — a folder or USB stick the office
// chose — through a temporary file in the same folder, so that path is
// either the whole copy or untouched. It refuses to overwrite the database
// itself.
func (s *Store) BackupTo(ctx context.Context, path string) error {
	dst, err := filepath.Abs(path)
	if err != nil {
		return &model.Error{Code: model.EInvalid, Message: "备份文件路径不正确：" + path, Err: err}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.rdb == nil {
		return errClosed()
	}
	if sameFile(dst, s.path) {
		return model.Errorf(model.EInvalid, "不能把备份写到正在使用的数据库文件上：%s", dst)
	}
	dir := filepath.Dir(dst)
	tmp, err := os.CreateTemp(dir, ".xingji-backup-*.tmp")
	if err != nil {
		return &model.Error{Code: model.EInvalid, Err: err,
			Message: "无法在 " + dir + " 写入备份：请确认文件夹存在、可以写入（U 盘没有写保护）、空间足够"}
	}
	tmpPath := tmp.Name()
	tmp.Close()
	os.Remove(tmpPath) // VACUUM INTO needs a path that does not exist
	defer os.Remove(tmpPath)
	if _, err := s.rdb.ExecContext(ctx, `VACUUM INTO ?`, tmpPath); err != nil {
		return wrap(err, "备份到 %s 失败：请确认空间足够、可以写入", dir)
	}
	if err := syncFile(tmpPath); err != nil {
		return wrap(err, "备份到 %s 失败：写入没有完成", dir)
	}
	if err := os.Rename(tmpPath, dst); err != nil {
		return &model.Error{Code: model.EInvalid, Err: err,
			Message: "无法保存备份 " + dst + "：同名文件可能正被其他程序打开，请换一个文件名"}
	}
	return nil
}

// syncFile flushes the file at path to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Checkpoint copies everything in the write-ahead log into the database file
// and empties the log, so that xingji.db alone holds the data — a clerk who
// copies that one file copies everything. The jobs call it after each bulk
// job; Close does it too.
func (s *Store) Checkpoint(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return errClosed()
	}
	var busy, logFrames, done int
	if err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done); err != nil {
		return wrap(err, "整理数据库文件失败")
	}
	if busy != 0 {
		return model.Errorf(model.EInternal, "整理数据库文件没有完成：数据库正忙，稍后会再试")
	}
	return nil
}

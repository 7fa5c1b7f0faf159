package office

import (
	"context"

	"xingji/model"
)

// Backup copies the database (a consistent snapshot) to a new file in the
// backup folder, keeping the newest few, and returns the new file's path.
// reason is an ASCII slug such as "manual" or "before-import".
func (o *Office) Backup(ctx context.Context, reason string) (string, error) {
	return o.store.Backup(ctx, reason)
}

// Backups lists the backups in the backup folder, newest first.
func (o *Office) Backups() ([]model.BackupInfo, error) {
	return o.store.Backups()
}

// Restore replaces the database with the backup at backupPath, after
// checking it and backing up the current database ("before-restore"). The
// office stays usable; if the restored file cannot be opened, the previous
// database is put back and an error returned.
func (o *Office) Restore(ctx context.Context, backupPath string) error {
	o.changed()
	return o.store.Restore(ctx, backupPath)
}

// BackupTo writes one self-contained copy of the data (one file, no -wal
// beside it) to path, a folder or USB stick the office chose; path is either
// the whole copy or untouched.
func (o *Office) BackupTo(ctx context.Context, path string) error {
	return o.store.BackupTo(ctx, path)
}

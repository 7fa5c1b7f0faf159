package model

import "time"

// BackupInfo describes one automatic or manual copy of the database.
type BackupInfo struct {
	Path   string
	Time   time.Time
	Reason string // e.g. "before-import", "manual"
	Size   int64  // bytes
}

// ReasonText returns the Chinese description of a backup reason.
func (b BackupInfo) ReasonText() string {
	switch b.Reason {
	case "manual":
		return "手动备份"
	case "before-import":
		return "导入前自动备份"
	case "before-migration":
		return "升级前自动备份"
	case "before-restore":
		return "恢复前自动备份"
	case "before-demo":
		return "载入示范数据前自动备份"
	case "before-change":
		return "批量修改前自动备份"
	}
	return "备份"
}

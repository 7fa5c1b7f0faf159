//go:build windows

package importers

// On Windows, Excel and WPS lock the workbooks they edit: opening or reading
// such a file fails with ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION
// (a syscall.Errno), which OpenFile reports as "open in Excel or WPS".
func init() { isSharingViolation = windowsSharingViolation }

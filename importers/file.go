package importers

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// OpenFile reads the spreadsheet at path (see OpenTable), using the file's
// base name in messages. Operating-system errors become Chinese messages:
// the file does not exist, may not be read, is a folder, or — on Windows —
// is open in Excel or WPS, which lock the files they edit.
func OpenFile(path string) (*Table, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return openBytes(filepath.Base(path), data, defaultLimits(0))
}

// ReadFile reads the bytes of the file at path, up to DefaultSizeLimit,
// with the same Chinese messages as OpenFile for a missing, locked,
// unreadable or too large file.
func ReadFile(path string) ([]byte, error) {
	name := filepath.Base(path)
	lim := defaultLimits(0)
	f, err := os.Open(path)
	if err != nil {
		return nil, classifyOSError(name, err, isSharingViolation)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, classifyOSError(name, err, isSharingViolation)
	}
	if info.IsDir() {
		return nil, fileError(name, "选择的是文件夹，不是文件", "请打开文件夹，选择其中的 Excel 或 CSV 文件", nil)
	}
	if info.Size() > lim.size {
		return nil, fileError(name, "文件太大（超过 "+sizeText(lim.size)+"）",
			"请删除无关的工作表、图片后另存，或把数据分成几个文件分别导入", nil)
	}
	data, err := io.ReadAll(io.LimitReader(f, lim.size+1))
	if err != nil {
		return nil, classifyOSError(name, err, isSharingViolation)
	}
	if int64(len(data)) > lim.size {
		return nil, fileError(name, "文件太大（超过 "+sizeText(lim.size)+"）",
			"请删除无关的工作表、图片后另存，或把数据分成几个文件分别导入", nil)
	}
	return data, nil
}

// OpenBytes reads a spreadsheet already in memory (see OpenTable); name is
// used in messages.
func OpenBytes(name string, data []byte) (*Table, error) {
	lim := defaultLimits(0)
	if int64(len(data)) > lim.size {
		return nil, fileError(name, "文件太大（超过 "+sizeText(lim.size)+"）",
			"请删除无关的工作表、图片后另存，或把数据分成几个文件分别导入", nil)
	}
	return openBytes(name, data, lim)
}

// SizeText formats a byte count for people: "50 MB".
func SizeText(n int64) string { return sizeText(n) }

// isSharingViolation reports whether err is Windows' "file in use" error; it
// is set in file_windows.go and always false elsewhere.
var isSharingViolation = func(error) bool { return false }

// Windows error numbers for a file another program holds open.
const (
	errorSharingViolation = 32 // ERROR_SHARING_VIOLATION
	errorLockViolation    = 33 // ERROR_LOCK_VIOLATION
)

// windowsSharingViolation reports whether err carries the Windows errno of a
// sharing or lock violation. It is portable so that tests on any system can
// check the classification with syscall.Errno(32); only Windows uses it for
// real errors, because on other systems 32 and 33 mean something else.
func windowsSharingViolation(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == errorSharingViolation || errno == errorLockViolation)
}

// classifyOSError turns an error from opening or reading a file into a
// Chinese message. sharing reports a file held open by another program.
func classifyOSError(name string, err error, sharing func(error) bool) *Error {
	switch {
	case sharing(err):
		return fileError(name, "文件正被 Excel 或 WPS 打开，请关闭该文件后再导入",
			"如果已经关闭仍然提示，请稍等几秒再试，或把文件复制一份后导入副本", err)
	case errors.Is(err, fs.ErrNotExist):
		return fileError(name, "找不到这个文件", "文件可能已被移动、改名或删除，请重新选择", err)
	case errors.Is(err, fs.ErrPermission):
		return fileError(name, "没有权限读取这个文件",
			"请把文件复制到桌面等自己的文件夹后再导入，或请电脑管理员开放权限", err)
	}
	return fileError(name, "读取文件时出错", "请确认文件没有被移走、U盘没有拔出，然后重试", err)
}

package importers

import (
	"archive/zip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"xingji/model"
)

// Limits on what an import reads from folders and archives, besides
// DefaultSizeLimit on each file. Each is named in the message when
// exceeded.
const (
	// MaxImportFiles is the most files one import takes (a prefecture has
	// about 5,000 units).
	MaxImportFiles = 20_000
	// MaxZipTotal is the most bytes all entries of one .zip archive may
	// unpack to, against zip bombs.
	MaxZipTotal = 2 << 30
)

// Input is one file to import, from disk or from inside a .zip archive.
type Input struct {
	Name  string                 // as given: a path, or archive.zip/entry
	Label string                 // as messages name it: the file's base name, or archive.zip/entry
	Read  func() ([]byte, error) // its bytes, never beyond DefaultSizeLimit
}

// formExts are the file name extensions taken from folders and archives;
// a file given by name is tried whatever its extension.
var formExts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".csv": true}

// ExpandInputs turns the paths given into the files to import: folders are
// searched through (hidden files and Excel's lock files skipped), .zip
// archives opened. Problems found on the way (a missing path, a damaged
// archive, an archive inside an archive, too large, too many files) come
// back as rejected results naming the file and what to do. The closers
// hold the archives open until their entries are read; close them after.
func ExpandInputs(paths []string) (ins []Input, bad []model.FileResult, closers []io.Closer) {
	reject := func(name, msg string) {
		bad = append(bad, model.FileResult{Name: name, Outcome: model.OutcomeRejected, Problems: []string{msg}})
	}
	fromDisk := func(path string) Input {
		return Input{Name: path, Label: filepath.Base(path), Read: func() ([]byte, error) { return ReadFile(path) }}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			reject(p, p+"：找不到这个文件或文件夹。请确认它没有被移动或删除")
			continue
		}
		switch {
		case info.IsDir():
			var found []string
			_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					reject(path, path+"：无法打开这个文件夹，请确认有读取权限")
					return nil
				}
				base := d.Name()
				if d.IsDir() {
					if path != p && strings.HasPrefix(base, ".") {
						return filepath.SkipDir
					}
					return nil
				}
				if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".") {
					return nil // Excel's lock files, hidden files
				}
				ext := strings.ToLower(filepath.Ext(base))
				if formExts[ext] || ext == ".zip" {
					found = append(found, path)
				}
				return nil
			})
			sort.Strings(found)
			for _, f := range found {
				if strings.EqualFold(filepath.Ext(f), ".zip") {
					zi, zb, c := expandZip(f)
					ins, bad = append(ins, zi...), append(bad, zb...)
					if c != nil {
						closers = append(closers, c)
					}
				} else {
					ins = append(ins, fromDisk(f))
				}
			}
		case isZip(p):
			zi, zb, c := expandZip(p)
			ins, bad = append(ins, zi...), append(bad, zb...)
			if c != nil {
				closers = append(closers, c)
			}
		default:
			ins = append(ins, fromDisk(p))
		}
	}
	if len(ins) > MaxImportFiles {
		reject("", "一次最多导入 "+strconv.Itoa(MaxImportFiles)+" 个文件，这次选了 "+strconv.Itoa(len(ins))+" 个。请分几次导入")
		ins = nil
	}
	return ins, bad, closers
}

// isZip reports whether the file at path is a zip archive that is not an
// xlsx workbook (which is a zip too).
func isZip(path string) bool {
	if !strings.EqualFold(filepath.Ext(path), ".zip") {
		return false
	}
	return true
}

// expandZip lists the spreadsheets inside a .zip archive. Each entry is
// read only when imported, and never beyond the size limit, whatever its
// header claims.
func expandZip(path string) ([]Input, []model.FileResult, io.Closer) {
	base := filepath.Base(path)
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, []model.FileResult{{Name: path, Outcome: model.OutcomeRejected,
			Problems: []string{base + "：压缩包已损坏或不是 zip 格式。请重新压缩（右键→发送到→压缩文件夹）后再导入，或先解压再导入文件夹"}}}, nil
	}
	var ins []Input
	var bad []model.FileResult
	var claimed uint64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		name := zipName(f)
		entry := filepath.Base(name)
		display := base + "/" + name
		if strings.HasPrefix(entry, "~$") || strings.HasPrefix(entry, ".") || strings.HasPrefix(name, "__MACOSX/") {
			continue
		}
		ext := strings.ToLower(filepath.Ext(entry))
		if ext == ".zip" {
			bad = append(bad, model.FileResult{Name: display, Outcome: model.OutcomeRejected,
				Problems: []string{display + "：压缩包里又套了压缩包，请先解压里面的压缩包再导入"}})
			continue
		}
		if !formExts[ext] {
			continue
		}
		claimed += f.UncompressedSize64
		if claimed > MaxZipTotal || f.UncompressedSize64 > DefaultSizeLimit {
			bad = append(bad, model.FileResult{Name: display, Outcome: model.OutcomeRejected,
				Problems: []string{display + "：解压后太大（单个文件超过 " + SizeText(DefaultSizeLimit) +
					"，或整个压缩包超过 " + SizeText(MaxZipTotal) + "），可能是异常的压缩包，未导入。请检查文件来源"}})
			continue
		}
		f := f
		ins = append(ins, Input{Name: display, Label: display, Read: func() ([]byte, error) {
			rc, err := f.Open()
			if err != nil {
				return nil, &Error{File: display, Message: "无法从压缩包中读出这个文件", Hint: "压缩包可能已损坏，请重新压缩后再导入", Err: err}
			}
			defer rc.Close()
			b, err := io.ReadAll(io.LimitReader(rc, DefaultSizeLimit+1))
			if err != nil {
				return nil, &Error{File: display, Message: "压缩包中的这个文件已损坏", Hint: "请重新压缩后再导入", Err: err}
			}
			if len(b) > DefaultSizeLimit {
				return nil, &Error{File: display, Message: "解压后超过 " + SizeText(DefaultSizeLimit), Hint: "可能是异常的压缩包，请检查文件来源"}
			}
			return b, nil
		}})
	}
	return ins, bad, zr
}

// zipName returns an entry's name: UTF-8 when flagged or valid, else
// decoded from GB18030, as Windows' own "压缩文件夹" writes Chinese names.
func zipName(f *zip.File) string {
	if f.NonUTF8 || !utf8.ValidString(f.Name) {
		if s, ok := DecodeText([]byte(f.Name)); ok {
			return s
		}
	}
	return f.Name
}

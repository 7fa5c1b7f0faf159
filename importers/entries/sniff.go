package entries

import (
	"archive/zip"

	"xingji/importers"
	"xingji/model/formspec"
)

// entriesMark starts cell A1 of every sheet of an entries workbook
// ("#xingji:entry-score" …).
const entriesMark = formspec.SheetMarker + "entry-"

// IsEntriesFile reports whether path is an entries workbook (录入表), by a
// look at its shared strings only, so that the window can send a dropped
// 录入表 to the results rather than to the forms' import.
func IsEntriesFile(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	return importers.ZipPartHas(&zr.Reader, "xl/sharedStrings.xml", entriesMark)
}

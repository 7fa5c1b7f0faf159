package forms

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"

	"xingji/importers"
	"xingji/model"
	"xingji/model/formspec"
)

// IsFormFile reports whether path is something to import as returned forms
// rather than a roster: a folder, a .zip archive, or a workbook of ours.
// It only sniffs: for an xlsx it reads the workbook part (for the identity
// sheet) and the shared strings (for the sheets' hidden marks), never the
// worksheets, so that a large roster dropped on the window is not read
// twice; a small .xls or .csv is opened whole.
func IsFormFile(path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	if info.IsDir() || strings.EqualFold(filepath.Ext(path), ".zip") {
		return true
	}
	if zr, err := zip.OpenReader(path); err == nil {
		defer zr.Close()
		return importers.ZipPartHas(&zr.Reader, "xl/workbook.xml", `"`+model.FormIdentitySheet+`"`) ||
			importers.ZipPartHas(&zr.Reader, "xl/sharedStrings.xml", formspec.SheetMarker)
	}
	if info.Size() > 4<<20 {
		return false // no .xls or .csv form is this large
	}
	t, err := importers.OpenFile(path)
	if err != nil {
		return false
	}
	for _, sh := range t.Sheets {
		a1 := importers.Clean(sh.Cell(1, 1).Text) // a form sheet's mark or the identity sheet's marker
		if _, isSheet := formspec.SheetRoleOf(a1); isSheet || a1 == formspec.IdentityMarker {
			return true
		}
	}
	return false
}

package forms

import (
	"archive/zip"
	"bytes"
	"io"
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
		return zipPartHas(&zr.Reader, "xl/workbook.xml", `"`+model.FormIdentitySheet+`"`) ||
			zipPartHas(&zr.Reader, "xl/sharedStrings.xml", formspec.SheetMarker)
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

// zipPartHas reports whether the archive's part name holds text, reading
// at most 64 MB of it.
func zipPartHas(zr *zip.Reader, name, text string) bool {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 64<<20))
		return bytes.Contains(b, []byte(text))
	}
	return false
}

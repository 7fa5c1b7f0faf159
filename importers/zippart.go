package importers

import (
	"archive/zip"
	"bytes"
	"io"
)

// ZipPartHas reports whether the archive's part name holds text, reading
// at most 64 MB of it.
func ZipPartHas(zr *zip.Reader, name, text string) bool {
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

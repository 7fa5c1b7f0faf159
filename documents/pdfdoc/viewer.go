package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

// catalogRE finds gopdf's catalog, object 1, which is written uncompressed
// and holds no nested dictionaries.
var catalogRE = regexp.MustCompile(`(?s)\n1 0 obj\n<<(.*?)>>\nendobj`)

// trailerRE finds the trailer's dictionary and where the cross-reference
// table starts.
var trailerRE = regexp.MustCompile(`(?s)trailer\n<<\n(.*)>>\nstartxref\n(\d+)\n%%EOF\n?$`)

// printAtActualSize appends an incremental update to a PDF from gopdf: the
// catalog again, with /ViewerPreferences << /PrintScaling /None >>, so
// that viewers print the pages at 100% by default. The original bytes are
// left as they are (an incremental update only adds a newer version of an
// object, a cross-reference section for it and a trailer pointing back).
func printAtActualSize(pdf []byte) ([]byte, error) {
	cat := catalogRE.FindSubmatch(pdf)
	tr := trailerRE.FindSubmatch(pdf)
	if cat == nil || tr == nil {
		return nil, errors.New("无法设置按实际大小打印：PDF 的结构与预期不同")
	}
	prev, _ := strconv.Atoi(string(tr[2]))
	var b bytes.Buffer
	b.Write(pdf)
	if pdf[len(pdf)-1] != '\n' {
		b.WriteByte('\n')
	}
	at := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<<%s  /ViewerPreferences << /PrintScaling /None >>\n>>\nendobj\n", cat[1])
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n1 1\n%010d 00000 n \n", at)
	fmt.Fprintf(&b, "trailer\n<<\n%s/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n", tr[1], prev, xref)
	return b.Bytes(), nil
}

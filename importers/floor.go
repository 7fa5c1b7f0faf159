package importers

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
)

// TokenizeXLSX is the floor of the forms import benchmark
// (BenchmarkFloorUnzipTokenize1000 in package cmd/office): the least work
// any reader of a workbook must do, against which the real import is
// measured. It opens the xlsx archive held in data, decompresses every
// worksheet part (xl/worksheets/*.xml) and the shared strings
// (xl/sharedStrings.xml), and runs the reader's own tag scanner
// (xmlScanner) over each to the end — no text is decoded, no cell converted
// or stored, no style or relationship read. It returns the number of tags
// seen, so that the work cannot be optimised away.
//
// The benchmark calls it from runtime.NumCPU() workers, the parallelism
// with which (*office.Office).ImportForms reads and checks files, so the two
// figures compare fairly. Nothing in the program calls it.
func TokenizeXLSX(data []byte) (tokens int, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, err
	}
	var buf []byte
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		sheet := strings.HasPrefix(name, "xl/worksheets/") && !strings.Contains(name[len("xl/worksheets/"):], "/") &&
			strings.HasSuffix(name, ".xml")
		if !sheet && name != "xl/sharedstrings.xml" {
			continue
		}
		if f.UncompressedSize64 > MaxSheetXMLSize {
			return tokens, errTooBig
		}
		if buf, err = readPart(f, buf); err != nil {
			return tokens, err
		}
		s := xmlScanner{b: buf}
		for {
			if _, _, _, ok := s.next(); !ok {
				break
			}
			tokens++
		}
	}
	return tokens, nil
}

// readPart decompresses f into buf, reusing its memory.
func readPart(f *zip.File, buf []byte) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return buf, err
	}
	defer rc.Close()
	n := int(f.UncompressedSize64)
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if _, err := io.ReadFull(rc, buf); err != nil {
		return buf, err
	}
	// Reading on to the end checks the CRC, and that the header told the
	// size truthfully.
	var one [1]byte
	if m, err := rc.Read(one[:]); m != 0 {
		return buf, errors.New("part longer than its header says")
	} else if err != nil && err != io.EOF {
		return buf, err
	}
	return buf, nil
}

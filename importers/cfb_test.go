package importers

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/shakinm/xlsReader/cfb"
)

// TestBuildCFB round-trips streams through the minimal compound file, read
// back by both compound-file readers, including one large enough to need
// DIFAT sectors (more than 109 FAT sectors, about 7 MB).
func TestBuildCFB(t *testing.T) {
	for _, size := range []int{10, 4096, 5000, 8 << 20} {
		stream := make([]byte, size)
		rng := rand.New(rand.NewPCG(1, uint64(size)))
		for i := range stream {
			stream[i] = byte(rng.Uint32())
		}
		file := buildCFB(stream)
		if err := checkCFBHeader(file); err != nil {
			t.Fatalf("size %d: header rejected: %v", size, err)
		}
		names, got, err := oleStreams(file, 1<<30)
		if err != nil || !names["Workbook"] {
			t.Fatalf("size %d: mscfb: %v %v", size, names, err)
		}
		if !bytes.Equal(got[:size], stream) || len(got) != max(size, 4096) {
			t.Fatalf("size %d: mscfb read %d bytes, content differs", size, len(got))
		}
		c, err := cfb.OpenReader(bytes.NewReader(file))
		if err != nil {
			t.Fatalf("size %d: xlsReader cfb: %v", size, err)
		}
		var book, root *cfb.Directory
		for _, d := range c.GetDirs() {
			switch d.Name() {
			case "Workbook":
				book = d
			case "Root Entry":
				root = d
			}
		}
		if book == nil || root == nil {
			t.Fatalf("size %d: directory entries missing", size)
		}
		r, err := c.OpenObject(book, root)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		if !bytes.Equal(data[:size], stream) {
			t.Fatalf("size %d: xlsReader read different bytes", size)
		}
	}
}

func TestCheckCFBHeader(t *testing.T) {
	file := buildCFB([]byte("x"))
	bad := bytes.Clone(file)
	bad[0x2C] = 0xFF // FAT sector count far beyond the file
	bad[0x2D] = 0xFF
	if checkCFBHeader(bad) == nil {
		t.Error("forged FAT count accepted")
	}
	if checkCFBHeader(file[:100]) == nil {
		t.Error("short file accepted")
	}
}

package importers

import (
	"encoding/binary"
	"errors"
	"unicode/utf16"
)

// OLE2 compound files (.xls) are opened with github.com/richardlehane/mscfb,
// which checks sector chains for cycles. The xls library has its own
// compound-file reader without such checks: a damaged file whose sector
// chain loops would make it run forever while its memory grows. So the
// workbook stream is taken out with mscfb and handed to the xls library
// inside a fresh, minimal compound file built here (version 3, 512-byte
// sectors), whose chains are known to be sound.

// Compound-file sector markers.
const (
	cfbDIFSect    = 0xFFFFFFFC
	cfbFATSect    = 0xFFFFFFFD
	cfbEndOfChain = 0xFFFFFFFE
	cfbFreeSect   = 0xFFFFFFFF
	cfbNoStream   = 0xFFFFFFFF
	cfbSector     = 512
	cfbPerSector  = cfbSector / 4 // FAT entries per sector
	cfbHeaderFATs = 109           // FAT sector ids held in the header
)

// checkCFBHeader rejects compound files whose header announces more sectors
// than the file holds; mscfb sizes its tables from these counts before it
// reads anything, so a forged count would allocate gigabytes.
func checkCFBHeader(data []byte) error {
	if len(data) < 512 {
		return errors.New("compound file shorter than its header")
	}
	shift := binary.LittleEndian.Uint16(data[0x1E:])
	if shift != 9 && shift != 12 {
		return errors.New("bad sector shift")
	}
	sectors := uint64(len(data)) >> shift
	for _, off := range []int{0x28, 0x2C, 0x40, 0x48} { // directory, FAT, mini FAT, DIFAT sector counts
		if uint64(binary.LittleEndian.Uint32(data[off:])) > sectors+1 {
			return errors.New("sector count exceeds file size")
		}
	}
	return nil
}

// buildCFB returns a compound file holding stream as "Workbook". The stream
// is padded with zeros to at least 4096 bytes so that it lives in regular
// sectors, not the mini stream (which the xls library cannot read); BIFF
// readers stop at the EOF record and ignore the padding.
func buildCFB(stream []byte) []byte {
	size := max(len(stream), 4096)
	n := (size + cfbSector - 1) / cfbSector // data sectors
	// FAT sectors f and DIFAT sectors d must cover every sector, themselves included.
	f, d := 1, 0
	for {
		d = 0
		if f > cfbHeaderFATs {
			d = (f - cfbHeaderFATs + cfbPerSector - 2) / (cfbPerSector - 1)
		}
		if f*cfbPerSector >= n+1+f+d {
			break
		}
		f++
	}
	total := n + 1 + f + d
	dirSector, firstFAT, firstDIFAT := n, n+1, n+1+f
	out := make([]byte, cfbSector*(1+total))
	le := binary.LittleEndian

	// Header.
	h := out[:cfbSector]
	copy(h, oleMagic)
	le.PutUint16(h[0x18:], 0x003E) // minor version
	le.PutUint16(h[0x1A:], 3)      // major version
	le.PutUint16(h[0x1C:], 0xFFFE) // byte order
	le.PutUint16(h[0x1E:], 9)      // sector shift
	le.PutUint16(h[0x20:], 6)      // mini sector shift
	le.PutUint32(h[0x2C:], uint32(f))
	le.PutUint32(h[0x30:], uint32(dirSector))
	le.PutUint32(h[0x38:], 4096) // mini stream cutoff
	le.PutUint32(h[0x3C:], cfbEndOfChain)
	le.PutUint32(h[0x44:], cfbEndOfChain)
	if d > 0 {
		le.PutUint32(h[0x44:], uint32(firstDIFAT))
	}
	le.PutUint32(h[0x48:], uint32(d))
	for i := 0; i < cfbHeaderFATs; i++ {
		v := uint32(cfbFreeSect)
		if i < f {
			v = uint32(firstFAT + i)
		}
		le.PutUint32(h[0x4C+4*i:], v)
	}
	sector := func(i int) []byte { return out[cfbSector*(1+i) : cfbSector*(2+i)] }

	// Data.
	copy(out[cfbSector:], stream)

	// Directory: the root entry and the workbook stream.
	dir := sector(dirSector)
	putDirEntry(dir[0:128], "Root Entry", 5, 1, cfbEndOfChain, 0)
	putDirEntry(dir[128:256], "Workbook", 2, cfbNoStream, 0, uint64(size))
	for i := 2; i < 4; i++ {
		e := dir[128*i : 128*(i+1)]
		le.PutUint32(e[0x44:], cfbNoStream)
		le.PutUint32(e[0x48:], cfbNoStream)
		le.PutUint32(e[0x4C:], cfbNoStream)
	}

	// FAT.
	fat := func(i int, v uint32) { le.PutUint32(sector(firstFAT + i/cfbPerSector)[4*(i%cfbPerSector):], v) }
	for i := 0; i < f*cfbPerSector; i++ {
		switch {
		case i < n-1:
			fat(i, uint32(i+1))
		case i == n-1, i == dirSector:
			fat(i, cfbEndOfChain)
		case i >= firstFAT && i < firstDIFAT:
			fat(i, cfbFATSect)
		case i >= firstDIFAT && i < total:
			fat(i, cfbDIFSect)
		default:
			fat(i, cfbFreeSect)
		}
	}

	// DIFAT sectors: the FAT sector ids beyond the header's 109.
	for k := 0; k < d; k++ {
		s := sector(firstDIFAT + k)
		for j := 0; j < cfbPerSector-1; j++ {
			v := uint32(cfbFreeSect)
			if idx := cfbHeaderFATs + k*(cfbPerSector-1) + j; idx < f {
				v = uint32(firstFAT + idx)
			}
			le.PutUint32(s[4*j:], v)
		}
		next := uint32(cfbEndOfChain)
		if k+1 < d {
			next = uint32(firstDIFAT + k + 1)
		}
		le.PutUint32(s[cfbSector-4:], next)
	}
	return out
}

// putDirEntry writes a 128-byte directory entry.
func putDirEntry(e []byte, name string, typ byte, child, start uint32, size uint64) {
	le := binary.LittleEndian
	u := utf16.Encode([]rune(name))
	for i, c := range u {
		le.PutUint16(e[2*i:], c)
	}
	le.PutUint16(e[0x40:], uint16(2*(len(u)+1)))
	e[0x42] = typ
	e[0x43] = 1 // black
	le.PutUint32(e[0x44:], cfbNoStream)
	le.PutUint32(e[0x48:], cfbNoStream)
	le.PutUint32(e[0x4C:], child)
	le.PutUint32(e[0x74:], start)
	le.PutUint64(e[0x78:], size)
}

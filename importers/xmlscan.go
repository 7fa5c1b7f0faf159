package importers

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// xmlScanner walks the tags of an XML document held in memory. It is much
// faster than encoding/xml for the large, flat worksheet and shared-string
// parts of an xlsx file (a 150,000-row sheet in a fraction of a second rather
// than many seconds) and understands what those parts use: elements with
// optional namespace prefixes, attributes in single or double quotes,
// character and entity references, CDATA sections, comments and processing
// instructions. It does not validate; a malformed document yields garbage
// text or stops early, never a panic.
type xmlScanner struct {
	b   []byte
	pos int
}

// xmlTag is one tag. name is the local name, without a namespace prefix.
type xmlTag struct {
	name      []byte
	attrs     []byte // raw bytes between the name and the closing '>' or '/>'
	end       bool   // </name>
	selfClose bool   // <name ... />
}

// next returns the character data before the next tag (raw: entities not
// decoded; cdata reports that it came from a CDATA section and needs no
// decoding) and the tag itself. ok is false at the end of the document.
func (s *xmlScanner) next() (text []byte, cdata bool, t xmlTag, ok bool) {
	for {
		i := bytes.IndexByte(s.b[s.pos:], '<')
		if i < 0 {
			s.pos = len(s.b)
			return nil, false, xmlTag{}, false
		}
		text = s.b[s.pos : s.pos+i]
		p := s.pos + i + 1
		if p >= len(s.b) {
			s.pos = len(s.b)
			return nil, false, xmlTag{}, false
		}
		switch s.b[p] {
		case '?': // processing instruction
			s.pos = skipPast(s.b, p, "?>")
			continue
		case '!':
			rest := s.b[p:]
			switch {
			case bytes.HasPrefix(rest, []byte("!--")):
				s.pos = skipPast(s.b, p, "-->")
				continue
			case bytes.HasPrefix(rest, []byte("![CDATA[")):
				start := p + len("![CDATA[")
				end := bytes.Index(s.b[start:], []byte("]]>"))
				if end < 0 {
					s.pos = len(s.b)
					return nil, false, xmlTag{}, false
				}
				s.pos = start + end + 3
				// Return the CDATA as text with a synthetic empty tag so the
				// caller collects it; the caller ignores tags with no name.
				return s.b[start : start+end], true, xmlTag{}, true
			default: // DOCTYPE and the like
				s.pos = skipPast(s.b, p, ">")
				continue
			}
		}
		end := tagEnd(s.b, p)
		if end < 0 {
			s.pos = len(s.b)
			return nil, false, xmlTag{}, false
		}
		body := s.b[p:end]
		s.pos = end + 1
		if len(body) > 0 && body[0] == '/' {
			t.end = true
			body = body[1:]
		}
		if n := len(body); n > 0 && body[n-1] == '/' {
			t.selfClose = true
			body = body[:n-1]
		}
		nameEnd := 0
		for nameEnd < len(body) && !isXMLSpace(body[nameEnd]) {
			nameEnd++
		}
		name := body[:nameEnd]
		if c := bytes.IndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		t.name = name
		t.attrs = body[nameEnd:]
		return text, false, t, true
	}
}

// tagEnd finds the '>' closing the tag that starts at p, skipping '>' inside
// quoted attribute values. It returns -1 when there is none.
func tagEnd(b []byte, p int) int {
	var quote byte
	for i := p; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

func skipPast(b []byte, p int, marker string) int {
	i := bytes.Index(b[p:], []byte(marker))
	if i < 0 {
		return len(b)
	}
	return p + i + len(marker)
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// eachAttr calls fn with the local name and raw value of every attribute.
func eachAttr(attrs []byte, fn func(key, val []byte)) {
	i := 0
	for i < len(attrs) {
		for i < len(attrs) && isXMLSpace(attrs[i]) {
			i++
		}
		start := i
		for i < len(attrs) && attrs[i] != '=' && !isXMLSpace(attrs[i]) {
			i++
		}
		key := attrs[start:i]
		if c := bytes.IndexByte(key, ':'); c >= 0 {
			key = key[c+1:]
		}
		for i < len(attrs) && (isXMLSpace(attrs[i]) || attrs[i] == '=') {
			i++
		}
		if i >= len(attrs) {
			return
		}
		q := attrs[i]
		if q != '"' && q != '\'' {
			return
		}
		j := bytes.IndexByte(attrs[i+1:], q)
		if j < 0 {
			return
		}
		fn(key, attrs[i+1:i+1+j])
		i += j + 2
	}
}

// attr returns the raw value of the attribute with the given local name, and
// whether it is present.
func attr(attrs []byte, name string) (value []byte, found bool) {
	eachAttr(attrs, func(key, val []byte) {
		if !found && string(key) == name {
			value, found = val, true
		}
	})
	return value, found
}

// attrInt returns an attribute as a non-negative int, or -1.
func attrInt(attrs []byte, name string) int {
	v, ok := attr(attrs, name)
	if !ok {
		return -1
	}
	return atoiBytes(v)
}

// attrBool reads an xsd:boolean attribute ("1", "true").
func attrBool(attrs []byte, name string) bool {
	v, ok := attr(attrs, name)
	return ok && (string(v) == "1" || string(v) == "true")
}

// atoiBytes parses a small non-negative decimal number, or returns -1.
func atoiBytes(b []byte) int {
	if len(b) == 0 || len(b) > 9 {
		return -1
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// cellRef splits an A1 reference into 1-based column and row; 0, 0 when it
// is not one.
func cellRef(b []byte) (col, row int) {
	i := 0
	for i < len(b) && i < 4 {
		c := b[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == 0 {
		return 0, 0
	}
	b = bytes.TrimLeft(b[i:], "$")
	row = atoiBytes(b)
	if row < 0 {
		row = 0
	}
	return col, row
}

// rangeRef parses "A1:K3" (or a single cell "B2") into a Range.
func rangeRef(b []byte) (Range, bool) {
	from, to, found := bytes.Cut(b, []byte(":"))
	if !found {
		to = from
	}
	c1, r1 := cellRef(bytes.TrimLeft(from, "$"))
	c2, r2 := cellRef(bytes.TrimLeft(to, "$"))
	if c1 == 0 || r1 == 0 || c2 == 0 || r2 == 0 {
		return Range{}, false
	}
	return Range{FromRow: min(r1, r2), FromCol: min(c1, c2), ToRow: max(r1, r2), ToCol: max(c1, c2)}, true
}

// decodeText decodes character and entity references, the OOXML escape
// _xHHHH_ used for control characters in strings, and CRLF line ends.
func decodeText(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.Index(b, []byte("_x")) < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '&':
			semi := bytes.IndexByte(b[i:], ';')
			if semi < 0 || semi > 12 {
				out = append(out, c)
				continue
			}
			ent := string(b[i+1 : i+semi])
			var r rune = -1
			switch ent {
			case "lt":
				r = '<'
			case "gt":
				r = '>'
			case "amp":
				r = '&'
			case "quot":
				r = '"'
			case "apos":
				r = '\''
			default:
				if len(ent) > 1 && ent[0] == '#' {
					var v uint64
					var err error
					if ent[1] == 'x' || ent[1] == 'X' {
						v, err = strconv.ParseUint(ent[2:], 16, 32)
					} else {
						v, err = strconv.ParseUint(ent[1:], 10, 32)
					}
					if err == nil && utf8.ValidRune(rune(v)) {
						r = rune(v)
					}
				}
			}
			if r < 0 {
				out = append(out, c)
				continue
			}
			out = utf8.AppendRune(out, r)
			i += semi
		case c == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_':
			v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
			if err != nil {
				out = append(out, c)
				continue
			}
			out = utf8.AppendRune(out, rune(v))
			i += 6
		case c == '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			out = append(out, '\n')
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// scanSharedStrings reads the <si> items of xl/sharedStrings.xml: the text of
// every <t> in the item, leaving out phonetic runs (<rPh>).
func scanSharedStrings(b []byte, maxItems int) ([]string, bool) {
	s := xmlScanner{b: b}
	var out []string
	var buf []byte
	inSI, inT, rph := false, false, 0
	for {
		text, cdata, t, ok := s.next()
		if !ok {
			return out, true
		}
		if inSI && inT && rph == 0 && len(text) > 0 {
			buf = appendText(buf, text, cdata)
		}
		switch string(t.name) {
		case "si":
			switch {
			case t.selfClose:
				out = append(out, "")
			case t.end:
				out = append(out, decodeText(buf))
				inSI = false
			default:
				buf, inSI = buf[:0], true
			}
			if len(out) > maxItems {
				return nil, false
			}
		case "t":
			inT = !t.end && !t.selfClose
		case "rPh":
			if t.end {
				rph--
			} else if !t.selfClose {
				rph++
			}
		}
	}
}

// appendText adds raw character data to buf; CDATA content is escaped so a
// later decodeText leaves it as it was.
func appendText(buf, text []byte, cdata bool) []byte {
	if !cdata {
		return append(buf, text...)
	}
	for _, c := range text {
		switch c {
		case '&':
			buf = append(buf, "&amp;"...)
		case '\r':
			buf = append(buf, "&#13;"...)
		default:
			buf = append(buf, c)
		}
	}
	return buf
}

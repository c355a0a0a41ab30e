package jsonx

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// Escaping is a way of writing strings as JSON. Both write what
// encoding/json writes, byte for byte, for the output they stand for.
type Escaping uint8

const (
	// Plain writes a string as encoding/json's Encoder does with
	// SetEscapeHTML(false): '"', '\\' and the C0 controls escaped,
	// U+2028 and U+2029 as \u escapes, invalid UTF-8 as U+FFFD. It is
	// for JSON files, such as CSL-JSON.
	Plain Escaping = iota
	// HTMLSafe writes a string as encoding/json's HTML-safe encoding
	// does ("<", ">" and "&" escaped too), and escapes DEL, the C1
	// controls and the noncharacters as well, which HTML forbids in a
	// page even inside a script element. It is for JSON inlined in a
	// page, such as JSON-LD.
	HTMLSafe
)

// AppendString appends s as a JSON string, quotes included.
func (e Escaping) AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = e.AppendInside(b, s)
	return append(b, '"')
}

// AppendInside appends the inside of s's JSON string, as AppendString
// writes it. Escaping a string in parts that meet at ASCII bytes gives
// the escaping of the whole, since every escape is of one byte or of one
// UTF-8 sequence, which an ASCII byte ends: so a string can be escaped in
// its parts, without being built first.
func (e Escaping) AppendInside(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	plain := &plainBytes[e]
	done := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && plainRun(plain, s, i) {
			i += 8
		}
		for i < len(s) && plain[s[i]] != 0 {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[done:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, `\b`...)
			case '\f':
				b = append(b, `\f`...)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			}
			i++
			done = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[done:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029' || e == HTMLSafe && htmlForbids(r):
			b = append(b, s[done:i]...)
			b = append(b, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		default:
			i += size
			continue
		}
		i += size
		done = i
	}
	return append(b, s[done:]...)
}

// plainBytes marks with 1, for each Escaping, the bytes AppendInside
// copies without a second look: printable ASCII but '"' and '\\', and
// for Plain DEL too (encoding/json writes it as it is); for HTMLSafe not
// '<', '>' and '&' either.
var plainBytes = func() (t [2][256]uint8) {
	for c := ' '; c <= 0x7f; c++ {
		if c != '"' && c != '\\' {
			t[Plain][c] = 1
		}
		if c != 0x7f && !strings.ContainsRune(`"\<>&`, c) {
			t[HTMLSafe][c] = 1
		}
	}
	return t
}()

// plainRun reports whether the eight bytes of s from i are all plain:
// AppendInside then skips them at once. Eight lookups and-ed with one
// branch for the eight took a seventh less time than a SWAR test of the
// word (whose eight constants cost instructions of their own), and than
// eight branches (talk/jsonld's BenchmarkWrite).
func plainRun(plain *[256]uint8, s string, i int) bool {
	s = s[i : i+8]
	return plain[s[0]]&plain[s[1]]&plain[s[2]]&plain[s[3]]&
		plain[s[4]]&plain[s[5]]&plain[s[6]]&plain[s[7]] != 0
}

// htmlForbids reports whether HTML forbids r in a page: DEL, the C1
// controls and the noncharacters of the Basic Multilingual Plane.
func htmlForbids(r rune) bool {
	return r >= 0x7f && r <= 0x9f || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe && r <= 0xffff
}

// Marshal writes v as json.Marshal does, but with "<", ">" and "&" as
// themselves, as an Encoder with SetEscapeHTML(false) writes them
// (U+2028 and U+2029 are still escaped), without the Encoder's final
// newline: JSON for a file, not for a page.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

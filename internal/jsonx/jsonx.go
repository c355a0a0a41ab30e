// Package jsonx holds the JSON plumbing that several talkmeta readers and
// writers share but users should not depend on: values with their byte
// offsets (for line:column in errors), the canonical form Python's
// json.dumps(indent=2, sort_keys=True) writes, and strings written as
// encoding/json writes them (Escaping).
package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

// Position returns the 1-based line and byte column of offset off in data.
func Position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	head := data[:off]
	line = 1 + bytes.Count(head, []byte{'\n'})
	col = int(off) - (bytes.LastIndexByte(head, '\n') + 1) + 1
	return line, col
}

// Value is a JSON value with the offset of its first byte in the
// document it came from.
type Value struct {
	Raw    json.RawMessage
	Offset int64
}

// Document returns a whole JSON document as a Value: its text from its
// first byte that is not white space, and that byte's offset, where a
// problem with the document as a whole (a record that is no object) is
// placed, by every reader alike.
func Document(data []byte) Value {
	raw := bytes.TrimLeft(data, " \t\r\n")
	return Value{Raw: raw, Offset: int64(len(data) - len(raw))}
}

// Member is a member of a JSON object.
type Member struct {
	Name string
	Value
}

// SyntaxError is a JSON syntax error.
type SyntaxError struct {
	Offset int64  // the 0-based offset of the offending byte
	Msg    string // what is wrong, starting "invalid JSON: "
	// Pointer is the JSON pointer of the value the error is about, where
	// the document is well-formed up to it and the place is a value's:
	// the second of a member given twice. It is empty otherwise, and for
	// the document itself.
	Pointer string
}

// Error returns the message alone; the caller adds the place it knows.
func (e *SyntaxError) Error() string { return e.Msg }

// Kind returns the JSON kind of a raw value: "object", "array",
// "string", "number", "boolean" or "null".
func Kind(raw []byte) string {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// IsNull reports whether raw is the JSON literal null.
func IsNull(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

// FirstInvalid returns the first of members (the members a model keeps
// as they were read, by name), in name order, whose value Check refuses,
// the JSON pointer of the fault among members ("/name", or below it for a
// member given twice within its value), and why: a writer would write it
// into a record no reader takes back. An empty value is none:
// encoding/json writes a nil json.RawMessage as null.
func FirstInvalid(members map[string]json.RawMessage) (name, at string, err error) {
	for k, v := range members {
		if err != nil && k > name || len(v) == 0 {
			continue
		}
		if why := Check(v, 0); why != nil {
			name, err = k, why
		}
	}
	if err != nil {
		at = "/" + PointerToken(name)
		var se *SyntaxError
		if errors.As(err, &se) {
			at += se.Pointer
		}
	}
	return name, at, err
}

// FirstNameNotUTF8 returns the first of members, in name order, whose
// name is not UTF-8, which a writer would write as U+FFFD, and whether
// there is one.
func FirstNameNotUTF8(members map[string]json.RawMessage) (name string, found bool) {
	for k := range members {
		if !utf8.ValidString(k) && (!found || k < name) {
			name, found = k, true
		}
	}
	return name, found
}

// Check reports whether data is exactly one well-formed JSON value with
// no duplicate member names in any object, as a *SyntaxError with the
// offset of the problem, whose arrays and objects nest at most maxDepth
// deep (a *DepthError otherwise; 0 or less for no limit of its own): the
// strings and numbers within the deepest count for no level of their
// own.
func Check(data []byte, maxDepth int) error {
	_, err := scan(data, maxDepth, false)
	return err
}

// Decode checks data as [Check] does and, in the same pass, decodes it
// into a generic value: map[string]any, []any, string, json.Number (so
// that the spelling of numbers survives re-encoding), bool or nil.
func Decode(data []byte, maxDepth int) (any, error) {
	return scan(data, maxDepth, true)
}

func scan(data []byte, maxDepth int, build bool) (any, error) {
	s := scanner{data: data, maxDepth: maxDepth, build: build}
	v, err := s.value(0)
	if err != nil {
		if _, ok := err.(*SyntaxError); ok {
			err = explained(data, err)
		}
		return nil, err
	}
	s.skipSpace()
	if s.pos < len(data) {
		return nil, &SyntaxError{Offset: int64(s.pos), Msg: "invalid JSON: unexpected data after the JSON value"}
	}
	return v, nil
}

// Object returns the members of the JSON object raw, which must be
// well-formed (see [Check]), in source order, with offsets counted from
// base. A value that is not an object is an error naming its kind.
func Object(raw []byte, base int64) ([]Member, error) {
	s := scanner{data: raw}
	s.skipSpace()
	if s.pos >= len(raw) || raw[s.pos] != '{' {
		return nil, fmt.Errorf("want an object, got %s", Kind(raw))
	}
	s.pos++
	var out []Member
	for {
		s.skipSpace()
		if s.pos >= len(raw) {
			return nil, s.errorf("unexpected end of input")
		}
		switch raw[s.pos] {
		case '}':
			return out, nil
		case ',':
			s.pos++
			continue
		}
		start := s.pos
		s.skipString()
		name, _ := String(raw[start:s.pos])
		s.skipSpace()
		s.pos++ // the colon
		s.skipSpace()
		vstart := s.pos
		if !s.skipValue() {
			return nil, s.expected("a value")
		}
		if out == nil {
			// Records' objects have a few members to a few dozen;
			// growing from one took four allocations for most.
			out = make([]Member, 0, 8)
		}
		out = append(out, Member{Name: name, Value: Value{Raw: raw[vstart:s.pos], Offset: base + int64(vstart)}})
	}
}

// Array returns the elements of the JSON array raw, which must be
// well-formed, with offsets counted from base. A value that is not an
// array is an error naming its kind.
func Array(raw []byte, base int64) ([]Value, error) {
	s := scanner{data: raw}
	s.skipSpace()
	if s.pos >= len(raw) || raw[s.pos] != '[' {
		return nil, fmt.Errorf("want an array, got %s", Kind(raw))
	}
	s.pos++
	var out []Value
	for {
		s.skipSpace()
		if s.pos >= len(raw) {
			return nil, s.errorf("unexpected end of input")
		}
		switch raw[s.pos] {
		case ']':
			return out, nil
		case ',':
			s.pos++
			continue
		}
		start := s.pos
		if !s.skipValue() {
			return nil, s.expected("a value")
		}
		out = append(out, Value{Raw: raw[start:s.pos], Offset: base + int64(start)})
	}
}

// WritePython writes v (as produced by [Decode], or built of
// map[string]any, []any, string, json.Number, bool, int, int64 and nil) in
// the form of Python's json.dumps(v, indent=2, sort_keys=True,
// ensure_ascii=True): two-space indentation, keys in code point order,
// non-ASCII and control characters as \uXXXX (lower-case hex, UTF-16
// surrogate pairs), and "<", ">" and "&" left alone. Numbers keep their
// spelling. It writes no final newline.
func WritePython(b *bytes.Buffer, v any) error {
	return writePython(b, v, 0)
}

func writePython(b *bytes.Buffer, v any, depth int) error {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if v {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case json.Number:
		b.WriteString(string(v))
	case int:
		fmt.Fprint(b, v)
	case int64:
		fmt.Fprint(b, v)
	case string:
		writePythonString(b, v)
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, depth+1)
			if err := writePython(b, e, depth+1); err != nil {
				return err
			}
		}
		newline(b, depth)
		b.WriteByte(']')
	case map[string]any:
		if len(v) == 0 {
			b.WriteString("{}")
			return nil
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys) // code point order for UTF-8, as Python's sort_keys
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, depth+1)
			writePythonString(b, k)
			b.WriteString(": ")
			if err := writePython(b, v[k], depth+1); err != nil {
				return err
			}
		}
		newline(b, depth)
		b.WriteByte('}')
	case json.RawMessage:
		w, err := Decode(v, 0)
		if err != nil {
			return err
		}
		return writePython(b, w, depth)
	default:
		return fmt.Errorf("jsonx: cannot write %T", v)
	}
	return nil
}

func newline(b *bytes.Buffer, depth int) {
	b.WriteByte('\n')
	for range depth {
		b.WriteString("  ")
	}
}

const hexDigits = "0123456789abcdef"

func writePythonString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r >= 0x20 && r < 0x7f:
			b.WriteByte(byte(r))
		case r > 0xffff:
			r -= 0x10000
			writeU(b, 0xd800+(r>>10))
			writeU(b, 0xdc00+(r&0x3ff))
		default:
			writeU(b, r)
		}
	}
	b.WriteByte('"')
}

func writeU(b *bytes.Buffer, r rune) {
	b.WriteString(`\u`)
	b.WriteByte(hexDigits[r>>12&0xf])
	b.WriteByte(hexDigits[r>>8&0xf])
	b.WriteByte(hexDigits[r>>4&0xf])
	b.WriteByte(hexDigits[r&0xf])
}

// Compact returns raw without insignificant white space and with each
// string spelled as [Plain] writes it ("<", ">" and "&" as themselves,
// U+2028 and U+2029 escaped, no needless escape), the form talkmeta's JSON
// form writes. Keeping extra members in this one spelling makes them
// survive any number of round trips through a reader and that writer
// unchanged, however their source spelled them. raw that is not JSON is
// returned as it is.
func Compact(raw []byte) json.RawMessage {
	var c bytes.Buffer
	if json.Compact(&c, raw) != nil {
		return raw
	}
	if b := c.Bytes(); bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b) && !bytes.Contains(b, []byte("\u2028")) && !bytes.Contains(b, []byte("\u2029")) {
		return b // each string is as Plain writes it already
	}
	b := c.Bytes()
	src := string(b) // once, for its strings to be cut from
	out := make([]byte, 0, len(src))
	var scratch []byte // an escaped string's text
	for i := 0; i < len(src); {
		if src[i] != '"' {
			out = append(out, src[i])
			i++
			continue
		}
		end, escaped := i+1, false
		for src[end] != '"' {
			if src[end] == '\\' {
				escaped = true
				end++
			}
			end++
		}
		s := src[i+1 : end]
		if escaped {
			scratch, _ = appendUnquoted(scratch[:0], b[i+1:end]) // well-formed: json.Compact took it
			s = string(scratch)
		}
		out = Plain.AppendString(out, s)
		i = end + 1
	}
	return out
}

// NotUTF8 returns the error for data that is not what JSON must be, UTF-8
// without a byte order mark (RFC 8259, section 8.1), judged from its first
// bytes as RFC 4627 judged them: a byte order mark, or UTF-16 or UTF-32
// text, whose ASCII characters come with zero bytes. It returns nil for
// anything else. The readers call it only once data failed to parse, to
// say why in words a person can act on instead of naming a stray byte.
func NotUTF8(data []byte) *SyntaxError {
	var msg string
	zero := func(i int) bool { return i < len(data) && data[i] == 0 }
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		msg = "the file starts with a byte order mark (U+FEFF), which JSON must not; save it as UTF-8 without one"
	case len(data) >= 4 && bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), len(data) >= 4 && data[0] != 0 && zero(1) && zero(2) && zero(3):
		msg = "the file is UTF-32 (little-endian); JSON must be UTF-8"
	case len(data) >= 4 && bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}), len(data) >= 4 && zero(0) && zero(1) && zero(2) && data[3] != 0:
		msg = "the file is UTF-32 (big-endian); JSON must be UTF-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), len(data) >= 2 && data[0] != 0 && zero(1):
		msg = "the file is UTF-16 (little-endian); JSON must be UTF-8"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), len(data) >= 2 && zero(0) && data[1] != 0:
		msg = "the file is UTF-16 (big-endian); JSON must be UTF-8"
	default:
		return nil
	}
	return &SyntaxError{Offset: 0, Msg: "invalid JSON: " + msg}
}

// FirstNotUTF8 returns the offset of the first byte of data that does
// not begin a valid UTF-8 sequence, or -1 when data is UTF-8: where a
// decoder of JSON (or YAML) would put U+FFFD without a word.
func FirstNotUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// explained is err, a syntax error in data, or the error that explains
// it better: that data is empty, or only white space, which "unexpected
// end of input" says as if something had been cut off; or that it is
// not UTF-8 without a byte order mark.
func explained(data []byte, err error) error {
	if len(bytes.TrimLeft(data, " \t\r\n")) == 0 {
		return &SyntaxError{Offset: 0, Msg: "invalid JSON: the file is empty, or only white space; want a JSON value"}
	}
	if e := NotUTF8(data); e != nil {
		return e
	}
	return err
}

// LoneSurrogate returns the offset in the well-formed JSON data of the
// first \u escape of half a UTF-16 surrogate pair without its other half,
// or -1 when there is none. Such an escape is valid JSON but no
// character: every reader here, as encoding/json, reads it as U+FFFD, so
// a record that holds one cannot be written back as it was. A [Cursor]
// that has read the document says whether it holds any surrogate escape
// ([Cursor.Surrogates]), which most documents do not.
func LoneSurrogate(data []byte) int64 {
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\\')
		if j < 0 || i+j+1 >= len(data) {
			return -1
		}
		i += j
		if data[i+1] != 'u' {
			i += 2 // an escape of one character, "\\" among them
			continue
		}
		r, ok := hex4(data[i+2:])
		if !ok || !utf16.IsSurrogate(r) {
			i += 2
			continue
		}
		if r < 0xDC00 && i+7 < len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
			if r2, ok := hex4(data[i+8:]); ok && utf16.DecodeRune(r, r2) != utf8.RuneError {
				i += 12
				continue
			}
		}
		return int64(i)
	}
}

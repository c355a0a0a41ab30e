package jsonx

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// A scanner finds the extent of JSON values in a document without building
// them, which is several times faster than encoding/json's Decoder for the
// member-by-member reading the talk readers do. It checks the syntax as
// strictly as encoding/json does.
type scanner struct {
	data     []byte
	pos      int
	maxDepth int  // 0 for the default, maxDepth
	build    bool // build the values scanned (for Decode), or only check them
	// surrogate says that a string read holds the \u escape of half a
	// UTF-16 surrogate pair, so that only such a document is searched
	// for a half without its other (see LoneSurrogate).
	surrogate bool
}

func (s *scanner) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: int64(s.pos), Msg: "invalid JSON: " + fmt.Sprintf(format, args...)}
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		default:
			return
		}
	}
}

// DepthError reports a document nested deeper than allowed.
type DepthError struct {
	Offset int64 // where the array or object too deep starts
	Limit  int
}

// Error says which limit the nesting passed.
func (e *DepthError) Error() string {
	return fmt.Sprintf("nesting depth exceeds the limit of %d", e.Limit)
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack;
// encoding/json uses the same limit.
const maxDepth = 10000

// value scans one value starting at s.pos (after white space) and, when
// s.build is set, returns it as Decode documents; otherwise it returns nil.
func (s *scanner) value(depth int) (any, error) {
	s.skipSpace()
	if s.pos >= len(s.data) {
		return nil, s.errorf("unexpected end of input")
	}
	start := s.pos
	switch c := s.data[s.pos]; {
	case c == '{' || c == '[':
		// Only arrays and objects nest: a string or a number within
		// the deepest one allowed is within the limit, as encoding/json
		// and talk.Limits.MaxDepth count it.
		if limit := s.maxDepth; depth >= maxDepth || limit > 0 && depth >= limit {
			return nil, &DepthError{Offset: int64(s.pos), Limit: s.depthLimit()}
		}
		if c == '{' {
			return s.object(depth)
		}
		return s.array(depth)
	case c == '"':
		escapes, err := s.str()
		if err != nil || !s.build {
			return nil, err
		}
		if !escapes {
			// str has checked the UTF-8 and the control characters.
			return string(s.data[start+1 : s.pos-1]), nil
		}
		str, _ := unquote(s.data[start+1 : s.pos-1])
		return str, nil
	case c == '-' || c >= '0' && c <= '9':
		if err := s.number(); err != nil || !s.build {
			return nil, err
		}
		return json.Number(s.data[start:s.pos]), nil
	case c == 't':
		return true, s.literal("true")
	case c == 'f':
		return false, s.literal("false")
	case c == 'n':
		return nil, s.literal("null")
	default:
		if err := s.hint(false); err != nil {
			return nil, err
		}
		return nil, s.errorf("invalid character %s looking for the beginning of a value", describe(c))
	}
}

// tooDeep returns a *DepthError when an array or object at depth,
// starting at s.pos, is nested deeper than allowed, as value finds
// (which checks in place, as fast as it was before there was a Cursor).
func (s *scanner) tooDeep(depth int) error {
	if limit := s.maxDepth; depth >= maxDepth || limit > 0 && depth >= limit {
		return &DepthError{Offset: int64(s.pos), Limit: s.depthLimit()}
	}
	return nil
}

// depthLimit is the nesting the scanner allows: its own limit, or without
// one (0 or less), maxDepth, which no limit passes. A DepthError names
// it, never a limit of -1 or 0 that the caller gave for none.
func (s *scanner) depthLimit() int {
	if s.maxDepth > 0 {
		return min(s.maxDepth, maxDepth)
	}
	return maxDepth
}

func (s *scanner) object(depth int) (any, error) {
	s.pos++
	var (
		obj   map[string]any
		names memberNames
	)
	if s.build {
		obj = map[string]any{}
	}
	s.skipSpace()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		return obj, nil
	}
	for {
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return nil, s.expected(memberNameWanted)
		}
		start := s.pos
		escapes, err := s.str()
		if err != nil {
			return nil, err
		}
		// Readers keep only one of two members with the same name, so a
		// duplicate would be lost silently: refuse it.
		raw := s.data[start+1 : s.pos-1]
		var name string
		if escapes {
			name, _ = unquote(raw)
			raw = []byte(name)
		} else if s.build {
			name = string(raw)
		}
		var seen bool
		if s.build {
			_, seen = obj[name]
		} else {
			seen = !names.add(raw)
		}
		if seen {
			s.pos = start
			return nil, duplicateMember(s.data, start, raw)
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return nil, s.expected("':' after a member name")
		}
		s.pos++
		v, err := s.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if s.build {
			obj[name] = v
		}
		more, err := s.more('}')
		if err != nil {
			return nil, err
		}
		if !more {
			return obj, nil
		}
	}
}

// more reads what follows a member or element of the object or array
// that closer ('}' or ']') ends: true after a ',', false after the
// closer, or an error.
func (s *scanner) more(closer byte) (bool, error) {
	s.skipSpace()
	if s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ',':
			s.pos++
			return true, nil
		case closer:
			s.pos++
			return false, nil
		}
	}
	if closer == '}' {
		return false, s.expected("',' or '}' after an object member")
	}
	return false, s.expected("',' or ']' after an array element")
}

// memberNames are the names of an object's members met so far, for
// finding a duplicate without making a string of each name. The first few
// are kept in place and looked through, which is every name of a talk
// record's objects; past them a set keeps a hostile object of many
// thousands of members from taking quadratic time.
type memberNames struct {
	few  [24][]byte
	n    int
	many map[string]struct{}
}

// add adds name and reports whether it was new.
func (m *memberNames) add(name []byte) bool {
	for _, f := range m.few[:m.n] {
		if bytes.Equal(f, name) {
			return false
		}
	}
	if m.n < len(m.few) {
		m.few[m.n] = name
		m.n++
		return true
	}
	if m.many == nil {
		m.many = map[string]struct{}{}
	}
	if _, ok := m.many[string(name)]; ok {
		return false
	}
	m.many[string(name)] = struct{}{}
	return true
}

func (s *scanner) array(depth int) (any, error) {
	s.pos++
	var list []any
	if s.build {
		list = []any{}
	}
	s.skipSpace()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		return list, nil
	}
	for {
		v, err := s.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if s.build {
			list = append(list, v)
		}
		more, err := s.more(']')
		if err != nil {
			return nil, err
		}
		if !more {
			return list, nil
		}
	}
}

// skipValue moves past the value at s.pos (after white space) of a
// document that Check has accepted, without checking it again. Object and
// Array take a checked document apart a level at a time, and checking
// every nested value again at each level was most of a reader's scanning.
// It reports whether it moved at all: on input Check would refuse, it
// still stops, somewhere, but may find nothing to move past.
func (s *scanner) skipValue() bool {
	start, depth := s.pos, 0
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '"':
			s.skipString()
		case '{', '[':
			depth++
			s.pos++
		case '}', ']':
			if depth == 0 {
				return s.pos > start
			}
			depth--
			s.pos++
		case ' ', '\t', '\r', '\n', ',', ':':
			if depth == 0 {
				return s.pos > start
			}
			s.pos++
		default: // a number or a literal
			s.pos++
			continue
		}
		if depth == 0 {
			return true
		}
	}
	return s.pos > start
}

// skipString moves past the string at s.pos of a checked document.
func (s *scanner) skipString() {
	s.pos++ // the opening quote
	for {
		i := bytes.IndexByte(s.data[s.pos:], '"')
		if i < 0 {
			s.pos = len(s.data)
			return
		}
		s.pos += i + 1
		// The quote ends the string unless an odd run of backslashes
		// escapes it.
		n := 0
		for j := s.pos - 2; j >= 0 && s.data[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return
		}
	}
}

func (s *scanner) expected(what string) error {
	if s.pos >= len(s.data) {
		return s.errorf("unexpected end of input")
	}
	if err := s.hint(what == memberNameWanted); err != nil {
		return err
	}
	return s.errorf("invalid character %s, want %s", describe(s.data[s.pos]), what)
}

// memberNameWanted is what an object wants where a member starts.
const memberNameWanted = "a member name in quotes"

// hint returns an error that names the mistake at s.pos, where the
// syntax went wrong, when it is one that people writing JSON by hand,
// or taking it for JavaScript or Python, often make: a comma after the
// last member or element, a comment, single quotes, a member name
// without quotes (memberName says one is wanted there), or Python's
// True, False, None, NaN and Infinity. It returns nil for any other
// mistake. A trailing comma is placed at the comma, not at the '}' or
// ']' after it, which is where the fault is not.
func (s *scanner) hint(memberName bool) error {
	c := s.data[s.pos]
	rest := s.data[s.pos:]
	switch {
	case c == '}' || c == ']':
		i := s.pos - 1
		for i >= 0 && (s.data[i] == ' ' || s.data[i] == '\t' || s.data[i] == '\r' || s.data[i] == '\n') {
			i--
		}
		if i >= 0 && s.data[i] == ',' {
			last := "member"
			if c == ']' {
				last = "element"
			}
			s.pos = i
			return s.errorf("a comma after the last %s: JSON allows none before %s", last, describe(c))
		}
		return nil
	case bytes.HasPrefix(rest, []byte("//")) || bytes.HasPrefix(rest, []byte("/*")):
		return s.errorf("a comment: JSON has none")
	case c == '\'':
		return s.errorf("a single quote: JSON's strings and member names take double quotes")
	}
	// The word runs over letters of any script, as a name people write
	// does ("título"): cut at the first that is not ASCII, it would be
	// quoted back wrong, or taken for Python's.
	n := 0
	for n < len(rest) {
		r, size := rune(rest[n]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(rest[n:])
		}
		if r != '_' && r != '$' && !unicode.IsLetter(r) && (n == 0 || !unicode.IsDigit(r)) {
			break
		}
		n += size
	}
	switch word := string(rest[:n]); {
	case word == "" || n > 64: // no name, nor one to quote back whole
		return nil
	case memberName:
		return s.errorf("member name %s without quotes: write it as %q", word, word)
	case word == "True" || word == "False":
		return s.errorf("%s is Python's; JSON writes %s", word, strings.ToLower(word))
	case word == "None":
		return s.errorf("None is Python's; JSON writes null")
	case word == "NaN" || word == "Infinity":
		return s.errorf("%s is no JSON number; leave the member out, or write null", word)
	}
	return nil
}

// controlEscape is how a JSON string writes the control character c.
func controlEscape(c byte) string {
	switch c {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	}
	return fmt.Sprintf(`\u%04x`, c)
}

func (s *scanner) literal(lit string) error {
	if len(s.data)-s.pos < len(lit) || string(s.data[s.pos:s.pos+len(lit)]) != lit {
		return s.errorf("invalid literal, want %s", lit)
	}
	s.pos += len(lit)
	return nil
}

func (s *scanner) number() error {
	start := s.pos
	digits := func() int {
		n := 0
		for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	if s.data[s.pos] == '-' {
		s.pos++
	}
	if s.pos < len(s.data) && s.data[s.pos] == '0' {
		s.pos++
	} else if digits() == 0 {
		return s.errorf("invalid number")
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		if digits() == 0 {
			return s.errorf("invalid number %q", s.data[start:s.pos])
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			return s.errorf("invalid number %q", s.data[start:s.pos])
		}
	}
	return nil
}

// str skips a string, checking escapes and control characters.
// It reports whether the string has escapes.
func (s *scanner) str() (escapes bool, err error) {
	s.pos++ // the opening quote
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return escapes, nil
		case c == '\\':
			escapes = true
			if s.pos+1 >= len(s.data) {
				return escapes, s.errorf("unexpected end of input")
			}
			switch s.data[s.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos += 2
			case 'u':
				if s.pos+6 > len(s.data) {
					return escapes, s.errorf("unexpected end of input")
				}
				for _, h := range s.data[s.pos+2 : s.pos+6] {
					if !isHex(h) {
						return escapes, s.errorf("invalid \\u escape")
					}
				}
				s.surrogate = s.surrogate || isSurrogate(s.data[s.pos+2:])
				s.pos += 6
			default:
				return escapes, s.errorf("invalid escape \\%c in a string", s.data[s.pos+1])
			}
		case c < 0x20:
			return escapes, s.errorf("invalid control character %s in a string; write it as %s", describe(c), controlEscape(c))
		case c >= utf8.RuneSelf:
			// JSON is UTF-8; decoding would turn a bad byte into U+FFFD
			// and lose it silently.
			r, size := utf8.DecodeRune(s.data[s.pos:])
			if r == utf8.RuneError && size == 1 {
				return escapes, s.errorf("invalid UTF-8 (%s) in a string", describe(c))
			}
			s.pos += size
		default:
			s.pos++
		}
	}
	return escapes, s.errorf("unexpected end of input")
}

// strByWords skips a well-formed string as str does, and reports
// whether it has escapes, looking at a word of bytes at a time where it
// can: it finds the closing quote as skipString does, then checks the
// characters and the escapes. On a string that is not well-formed it
// moves nothing and is not ok, and str then finds the problem byte by
// byte, so that the error is str's.
func (s *scanner) strByWords() (escapes, ok bool) {
	start := s.pos
	s.skipString()
	end := s.pos - 1 // the closing quote, when there is one
	if end <= start || s.data[end] != '"' {
		s.pos = start
		return false, false
	}
	text := s.data[start+1 : end]
	first := bytes.IndexByte(text, '\\')
	if !validCharacters(text) {
		s.pos = start
		return false, false
	}
	if first >= 0 {
		valid, surrogate := validEscapes(text[first:])
		if !valid {
			s.pos = start
			return false, false
		}
		s.surrogate = s.surrogate || surrogate
	}
	return first >= 0, true
}

// validCharacters reports whether b is UTF-8 without control characters,
// as a JSON string must be: eight bytes at a time while they are
// printable ASCII, as most of a record's text is, a character at a time
// where they are not.
func validCharacters(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	b = b[:len(b):len(b)] // so that b[8:] need not work out a capacity
	for len(b) > 0 {
		// Every byte of a word is in 0x20..0x7f exactly when subtracting
		// 0x20 from each borrows nowhere and no byte has its top bit set.
		// Two words at a time, then one.
		for len(b) >= 16 {
			x, y := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
			if ((x-0x20*ones)|x|(y-0x20*ones)|y)&highs != 0 {
				break
			}
			b = b[16:]
		}
		for len(b) >= 8 && ((binary.LittleEndian.Uint64(b)-0x20*ones)|binary.LittleEndian.Uint64(b))&highs == 0 {
			b = b[8:]
		}
		if len(b) == 0 {
			break
		}
		switch c := b[0]; {
		case c < 0x20:
			return false
		case c < utf8.RuneSelf:
			b = b[1:]
		default:
			r, size := utf8.DecodeRune(b)
			if r == utf8.RuneError && size == 1 {
				return false
			}
			b = b[size:]
		}
	}
	return true
}

// validEscapes reports whether every backslash in text, which starts with
// one, begins an escape JSON allows, and whether one is the \u escape of
// half a surrogate pair. The string's end was found by counting
// backslashes before quotes, which finds str's end exactly when the
// escapes are valid: an escaped character or four hex digits are never a
// quote or a backslash.
func validEscapes(text []byte) (valid, surrogate bool) {
	for {
		i := bytes.IndexByte(text, '\\')
		if i < 0 {
			return true, surrogate
		}
		if i+1 >= len(text) {
			return false, surrogate
		}
		switch text[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			text = text[i+2:]
		case 'u':
			if i+6 > len(text) {
				return false, surrogate
			}
			for _, h := range text[i+2 : i+6] {
				if !isHex(h) {
					return false, surrogate
				}
			}
			surrogate = surrogate || isSurrogate(text[i+2:])
			text = text[i+6:]
		default:
			return false, surrogate
		}
	}
}

// isSurrogate reports whether the four hex digits that hex starts with
// are those of a UTF-16 surrogate, D800 to DFFF.
func isSurrogate(hex []byte) bool {
	return (hex[0] == 'd' || hex[0] == 'D') && (hex[1] >= '8' && hex[1] <= '9' || hex[1] >= 'a' && hex[1] <= 'f' || hex[1] >= 'A' && hex[1] <= 'F')
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// String decodes the JSON string raw, which must be well-formed (see
// [Check]), as the values [Object] and [Array] return are; a value that
// is not a string is not ok. Checking has proved its UTF-8 and its
// characters, so they are not looked at again: that second look was most
// of the time decoding a long description took.
func String(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	inner := raw[1 : len(raw)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return string(inner), true
	}
	return unquote(inner)
}

// AppendString appends the text of the JSON string raw, which must be
// well-formed (see [Check]), to dst, as [String] decodes it, and reports
// whether raw is a string. It is for a reader that decodes long texts
// into a buffer of its own, to copy them out once.
func AppendString(dst, raw []byte) ([]byte, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return dst, false
	}
	out, ok := appendUnquoted(dst, raw[1:len(raw)-1])
	if !ok {
		return dst, false
	}
	return out, true
}

// unquote decodes the inside of a checked JSON string with escapes, as
// encoding/json does (a lone surrogate becomes U+FFFD). It is not ok only
// on an escape that checking would have refused.
func unquote(in []byte) (string, bool) {
	out, ok := appendUnquoted(make([]byte, 0, len(in)), in)
	return string(out), ok
}

// appendUnquoted is unquote appending to out. On an escape checking would
// have refused it returns nil; on a backslash that ends in, what it
// decoded before it.
func appendUnquoted(out, in []byte) ([]byte, bool) {
	for len(in) > 0 {
		// Copy the run up to the next escape in one go.
		plain := in
		if j := bytes.IndexByte(in, '\\'); j >= 0 {
			plain = in[:j]
		}
		out = append(out, plain...)
		in = in[len(plain):]
		if len(in) < 2 {
			return out, len(in) == 0
		}
		if e := in[1]; e != 'u' {
			switch e {
			case '"', '\\', '/':
			case 'b':
				e = '\b'
			case 'f':
				e = '\f'
			case 'n':
				e = '\n'
			case 'r':
				e = '\r'
			case 't':
				e = '\t'
			default:
				return nil, false
			}
			out = append(out, e)
			in = in[2:]
			continue
		}
		r, ok := hex4(in[2:])
		if !ok {
			return nil, false
		}
		in = in[6:]
		if utf16.IsSurrogate(r) {
			r2, ok := rune(-1), false
			if len(in) > 1 && in[0] == '\\' && in[1] == 'u' {
				r2, ok = hex4(in[2:])
			}
			if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
				r = dec
				in = in[6:]
			} else {
				r = utf8.RuneError
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

// hex4 decodes the four hex digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

// describe names a byte for a message: quoted when printable ASCII, in hex
// otherwise (a binary file's bytes are not characters).
func describe(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", rune(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

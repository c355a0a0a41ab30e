package jsonx

import (
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"
)

// A scanner finds the extent of JSON values in a document without building
// them, which is several times faster than encoding/json's Decoder for the
// member-by-member reading the talk readers do. It checks the syntax as
// strictly as encoding/json does.
type scanner struct {
	data     []byte
	pos      int
	maxDepth int // 0 for the default, maxDepth
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
	Offset int64 // where the value too deep starts
	Limit  int
}

func (e *DepthError) Error() string {
	return fmt.Sprintf("nesting depth exceeds the limit of %d", e.Limit)
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack;
// encoding/json uses the same limit.
const maxDepth = 10000

// value skips one value starting at s.pos (after white space).
func (s *scanner) value(depth int) error {
	s.skipSpace()
	if s.pos >= len(s.data) {
		return s.errorf("unexpected end of input")
	}
	if limit := s.maxDepth; depth > maxDepth || limit > 0 && depth >= limit {
		return &DepthError{Offset: int64(s.pos), Limit: min(s.maxDepth, maxDepth)}
	}
	switch c := s.data[s.pos]; {
	case c == '{':
		s.pos++
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == '}' {
			s.pos++
			return nil
		}
		var names []string
		for {
			s.skipSpace()
			if s.pos >= len(s.data) || s.data[s.pos] != '"' {
				return s.expected("a member name in quotes")
			}
			start := s.pos
			if err := s.str(); err != nil {
				return err
			}
			// Readers keep only one of two members with the same name,
			// so a duplicate would be lost silently: refuse it.
			name, _ := String(s.data[start:s.pos])
			if slices.Contains(names, name) {
				s.pos = start
				return &SyntaxError{Offset: int64(start), Msg: fmt.Sprintf("duplicate member name %q", name)}
			}
			names = append(names, name)
			s.skipSpace()
			if s.pos >= len(s.data) || s.data[s.pos] != ':' {
				return s.expected("':' after a member name")
			}
			s.pos++
			if err := s.value(depth + 1); err != nil {
				return err
			}
			s.skipSpace()
			if s.pos < len(s.data) && s.data[s.pos] == ',' {
				s.pos++
				continue
			}
			if s.pos < len(s.data) && s.data[s.pos] == '}' {
				s.pos++
				return nil
			}
			return s.expected("',' or '}' after an object member")
		}
	case c == '[':
		s.pos++
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == ']' {
			s.pos++
			return nil
		}
		for {
			if err := s.value(depth + 1); err != nil {
				return err
			}
			s.skipSpace()
			if s.pos < len(s.data) && s.data[s.pos] == ',' {
				s.pos++
				continue
			}
			if s.pos < len(s.data) && s.data[s.pos] == ']' {
				s.pos++
				return nil
			}
			return s.expected("',' or ']' after an array element")
		}
	case c == '"':
		return s.str()
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	default:
		return s.errorf("invalid character %s looking for the beginning of a value", describe(c))
	}
}

func (s *scanner) expected(what string) error {
	if s.pos >= len(s.data) {
		return s.errorf("unexpected end of input")
	}
	return s.errorf("invalid character %s, want %s", describe(s.data[s.pos]), what)
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
func (s *scanner) str() error {
	s.pos++ // the opening quote
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return nil
		case c == '\\':
			if s.pos+1 >= len(s.data) {
				return s.errorf("unexpected end of input")
			}
			switch s.data[s.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos += 2
			case 'u':
				if s.pos+6 > len(s.data) {
					return s.errorf("unexpected end of input")
				}
				for _, h := range s.data[s.pos+2 : s.pos+6] {
					if !isHex(h) {
						return s.errorf("invalid \\u escape")
					}
				}
				s.pos += 6
			default:
				return s.errorf("invalid escape \\%c in a string", s.data[s.pos+1])
			}
		case c < 0x20:
			return s.errorf("invalid control character %s in a string", describe(c))
		case c >= utf8.RuneSelf:
			// JSON is UTF-8; decoding would turn a bad byte into U+FFFD
			// and lose it silently.
			r, size := utf8.DecodeRune(s.data[s.pos:])
			if r == utf8.RuneError && size == 1 {
				return s.errorf("invalid UTF-8 (%s) in a string", describe(c))
			}
			s.pos += size
		default:
			s.pos++
		}
	}
	return s.errorf("unexpected end of input")
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// String decodes the JSON string raw. Strings without escapes, the
// common case, are converted without encoding/json.
func String(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	inner := raw[1 : len(raw)-1]
	simple := utf8.Valid(inner)
	for _, c := range inner {
		if c == '\\' || c == '"' || c < 0x20 {
			simple = false
			break
		}
	}
	if simple {
		return string(inner), true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// describe names a byte for a message: quoted when printable ASCII, in hex
// otherwise (a binary file's bytes are not characters).
func describe(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", rune(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

package jsonx

import (
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

// TestNotUTF8 reads a record in each encoding JSON must not be in, and
// in UTF-8 with a syntax error: Check, Decode and a Cursor all say what
// is wrong with the first, at the start, and leave the last's error be.
func TestNotUTF8(t *testing.T) {
	const doc = `{"title": "x"}`
	u16 := func(bigEndian bool, bom bool) []byte {
		var b []byte
		units := utf16.Encode([]rune(doc))
		if bom {
			units = append([]uint16{0xFEFF}, units...)
		}
		for _, u := range units {
			if bigEndian {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
		return b
	}
	u32 := func(bigEndian bool) []byte {
		var b []byte
		for _, r := range doc {
			if bigEndian {
				b = append(b, 0, 0, 0, byte(r))
			} else {
				b = append(b, byte(r), 0, 0, 0)
			}
		}
		return b
	}
	for _, tt := range []struct {
		name string
		data []byte
		want string
		off  int64
	}{
		{"byte order mark", append([]byte("\uFEFF"), doc...), "invalid JSON: the file starts with a byte order mark (U+FEFF), which JSON must not; save it as UTF-8 without one", 0},
		{"UTF-16LE with BOM", u16(false, true), "invalid JSON: the file is UTF-16 (little-endian); JSON must be UTF-8", 0},
		{"UTF-16BE with BOM", u16(true, true), "invalid JSON: the file is UTF-16 (big-endian); JSON must be UTF-8", 0},
		{"UTF-16LE", u16(false, false), "invalid JSON: the file is UTF-16 (little-endian); JSON must be UTF-8", 0},
		{"UTF-16BE", u16(true, false), "invalid JSON: the file is UTF-16 (big-endian); JSON must be UTF-8", 0},
		{"UTF-32LE", u32(false), "invalid JSON: the file is UTF-32 (little-endian); JSON must be UTF-8", 0},
		{"UTF-32BE", u32(true), "invalid JSON: the file is UTF-32 (big-endian); JSON must be UTF-8", 0},
		{"UTF-8 with an error", []byte(`{"title": x}`), "invalid JSON: invalid character 'x' looking for the beginning of a value", 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := &SyntaxError{Offset: tt.off, Msg: tt.want}
			c := NewCursor(tt.data, 0)
			c.Skip()
			_, decodeErr := Decode(tt.data, 0)
			for name, err := range map[string]error{"Check": Check(tt.data, 0), "Decode": decodeErr, "Cursor": c.End()} {
				if diff := cmp.Diff(want, err); diff != "" {
					t.Errorf("%s (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}

func TestLoneSurrogate(t *testing.T) {
	for in, want := range map[string]int64{
		`{"t": "plain"}`:                 -1,
		`{"t": "\ud83d\ude00 a pair"}`:   -1,
		`{"t": "\uD83D\uDE00 upper"}`:    -1,
		`{"t": "\\ud800 not an escape"}`: -1,
		`{"t": "\u00e9\n\\"}`:            -1,
		`{"t": "\ud800 alone"}`:          7,
		`{"t": "x\udc00 a low half"}`:    8,
		`{"t": "\ud83d\u0041 no pair"}`:  7,
		`{"t": "\ud83d"}`:                7,
		`{"t": "ok", "u": "\\\udbff"}`:   20,
	} {
		if got := LoneSurrogate([]byte(in)); got != want {
			t.Errorf("LoneSurrogate(%s) = %d, want %d", in, got, want)
		}
	}
}

// TestCursorSurrogates checks that a Cursor that has read a document
// says whether it holds a surrogate escape, whichever way it read each
// string: a word at a time, or byte by byte inside what Skip reads.
func TestCursorSurrogates(t *testing.T) {
	for in, want := range map[string]bool{
		`{"t": "plain", "u": ["\u00e9"]}`:    false,
		`{"t": "\\ud800 is no escape"}`:      false,
		`{"t": "\ud83d\ude00"}`:              true,
		`{"t": "x", "u": [{"v": "\uDC00"}]}`: true,
		`{"t": "x", "u": [{"v": "\uD7FF"}]}`: false,
		`{"\ud800 as a name": 1}`:            true,
	} {
		c := NewCursor([]byte(in), 0)
		for range c.Object() {
			c.Skip()
		}
		if err := c.End(); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if got := c.Surrogates(); got != want {
			t.Errorf("%s: Surrogates = %v, want %v", in, got, want)
		}
	}
}

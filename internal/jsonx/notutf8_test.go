package jsonx

import (
	"strings"
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
		`{"t": "\ue000 private use"}`:    -1,
		`{"t": "\ud83d\ue000 no pair"}`:  7,
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
		`{"t": ["\ud83d\ude00\u0041"]}`:      true, // a pair, then an escape that is none
		`{"t": "\uD9A0"}`:                    true,
		`{"t": ["\ud9a0"]}`:                  true,
		`{"t": ["\udfff"]}`:                  true,
		`{"t": "\ue000", "u": ["\uE000"]}`:   false,
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

// TestHandWrittenMistakes: the mistakes people make writing JSON by hand,
// or taking it for JavaScript or Python, are named, and a trailing comma
// is placed at the comma; every reader of a document says the same.
func TestHandWrittenMistakes(t *testing.T) {
	for _, tt := range []struct {
		name, data, want string
		off              int64
	}{
		{"trailing comma in an object", "{\"title\": \"T\",\n}", "a comma after the last member: JSON allows none before '}'", 13},
		{"trailing comma in an array", `{"tags": ["a", "b" , ]}`, "a comma after the last element: JSON allows none before ']'", 19},
		{"comma in an empty array", `{"tags": [,]}`, "invalid character ',' looking for the beginning of a value", 10},
		{"line comment", "{\n  // the title\n  \"title\": \"T\"}", "a comment: JSON has none", 4},
		{"block comment", `{"title": /* x */ "T"}`, "a comment: JSON has none", 10},
		{"single-quoted string", `{"title": 'T'}`, "a single quote: JSON's strings and member names take double quotes", 10},
		{"single-quoted name", `{'title': "T"}`, "a single quote: JSON's strings and member names take double quotes", 1},
		{"unquoted name", `{title: "T"}`, `member name title without quotes: write it as "title"`, 1},
		{"unquoted name after another", `{"a": 1, $b_2: 2}`, `member name $b_2 without quotes: write it as "$b_2"`, 9},
		{"unquoted name with an accent", `{"a": 1, título: "T"}`, `member name título without quotes: write it as "título"`, 9},
		{"unquoted name starting with an accent", `{ñame: 1}`, `member name ñame without quotes: write it as "ñame"`, 1},
		{"a word that starts as Python's", `{"x": Noneé}`, "invalid character 'N' looking for the beginning of a value", 6},
		{"a word too long to quote back", "{" + strings.Repeat("a", 65) + ": 1}", "invalid character 'a', want a member name in quotes", 1},
		{"Python's True", `{"x": True}`, "True is Python's; JSON writes true", 6},
		{"Python's None", `{"x": [None]}`, "None is Python's; JSON writes null", 7},
		{"NaN", `{"x": NaN}`, "NaN is no JSON number; leave the member out, or write null", 6},
		{"Infinity", `{"x": Infinity}`, "Infinity is no JSON number; leave the member out, or write null", 6},
		{"another word", `{"x": yes}`, "invalid character 'y' looking for the beginning of a value", 6},
		{"a tab in a string", "{\"x\": \"a\tb\"}", `invalid control character byte 0x09 in a string; write it as \t`, 8},
		{"a line break in a string", "{\"x\": \"a\nb\"}", `invalid control character byte 0x0a in a string; write it as \n`, 8},
		{"another control character", "{\"x\": \"a\x01b\"}", `invalid control character byte 0x01 in a string; write it as \u0001`, 8},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			want := &SyntaxError{Offset: tt.off, Msg: "invalid JSON: " + tt.want}
			c := NewCursor(data, 0)
			c.Skip()
			_, decodeErr := Decode(data, 0)
			for name, err := range map[string]error{"Check": Check(data, 0), "Decode": decodeErr, "Cursor": c.End()} {
				if diff := cmp.Diff(want, err); diff != "" {
					t.Errorf("%s (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}

// TestFirstNotUTF8 places the first byte that is not UTF-8, after
// characters of several bytes, and a literal U+FFFD, which is UTF-8.
func TestFirstNotUTF8(t *testing.T) {
	got := map[string]int{}
	want := map[string]int{"": -1, "abc": -1, "\uFFFD é 😀": -1, "a\xffb": 1, "é\xc3": 2, "\uFFFD x \xff": 6, "😀\xf0\x9f\x98": 4, "\xed\xa0\x80": 0}
	for s := range want {
		got[s] = FirstNotUTF8([]byte(s))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FirstNotUTF8 (-want +got):\n%s", diff)
	}
}

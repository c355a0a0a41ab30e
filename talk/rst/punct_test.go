package rst

import "testing"

// TestFieldMarker holds fieldMarker to docutils' field_marker pattern,
// whose repetition Python's regular expressions backtrack through
// (checked on 200,000 random strings of ":ab \`é").
func TestFieldMarker(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{":a: b", ":a: "},
		{":a:: b", ":a:: "},
		{":emphasis::", ":emphasis::"},
		{":a:b: c", ":a:b: "},
		{":a :b :", ""},
		{":a :", ""},
		{": a:", ""},
		{"::a:", ""},
		{":a\\: b: c", ":a\\: b: "},
		{":a:`b`: c", ""},
		{":a\\", ""},
		{":é:", ":é:"},
	} {
		if got := fieldMarker(c.in); got != c.want {
			t.Errorf("fieldMarker(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestMarkupPunctuation holds the characters around inline markup to
// docutils' (punctuation_chars, as its regular expressions read them),
// not Go's Unicode categories.
func TestMarkupPunctuation(t *testing.T) {
	for _, c := range []struct {
		r                         rune
		opener, closer, delimiter bool
	}{
		{'\u201e', true, true, false},   // „ opens and closes (German)
		{'\u201a', true, true, false},   // ‚
		{'\u00a7', false, false, false}, // § is no delimiter
		{'\u2308', false, false, false}, // ⌈ (Ps, but not docutils')
		{'\u300c', true, false, false},  // 「
		{'\u300d', false, true, false},  // 」
		{'\u3001', false, false, true},  // 、
		{'\\', false, false, false},     // the backslash of `\-/:` escapes the hyphen
		{'-', false, false, true},
	} {
		if isOpener(c.r) != c.opener || isCloser(c.r) != c.closer || isDelimiter(c.r) != c.delimiter {
			t.Errorf("%U: opener %v, closer %v, delimiter %v; want %v, %v, %v", c.r,
				isOpener(c.r), isCloser(c.r), isDelimiter(c.r), c.opener, c.closer, c.delimiter)
		}
	}
}

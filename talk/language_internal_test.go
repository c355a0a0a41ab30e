package talk

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestParseBase holds parseBase, ParseLanguage's shortcut, to
// language.Parse on every code of two or three lower-case letters: the
// same tag where it answers, and where it does not, language.Parse
// decides.
func TestParseBase(t *testing.T) {
	var code []byte
	var check func(n int)
	check = func(n int) {
		if n == 0 {
			s := string(code)
			got, ok := parseBase(s)
			want, err := language.Parse(s)
			if ok && (err != nil || string(got) != want.String()) {
				t.Errorf("parseBase(%q) = %q; language.Parse gives %v, %v", s, got, want, err)
			}
			return
		}
		for c := byte('a'); c <= 'z'; c++ {
			code = append(code, c)
			check(n - 1)
			code = code[:len(code)-1]
		}
	}
	check(2)
	check(3)
}

// TestLongLanguageTag checks that tags longer than maxTagBytes, which
// language.Parse would take time in the square of their length to read,
// are refused as no known language, and that the longest allowed is read.
func TestLongLanguageTag(t *testing.T) {
	longest := "x-" + strings.Repeat("abcdefgh-", (maxTagBytes-2)/9) + strings.Repeat("a", (maxTagBytes-2)%9)
	if len(longest) != maxTagBytes {
		t.Fatalf("the test's tag has %d bytes, want %d", len(longest), maxTagBytes)
	}
	if l, err := ParseLanguage(longest); err != nil || !l.Valid() {
		t.Errorf("ParseLanguage(%d bytes) = %q, %v; want a valid tag", len(longest), l, err)
	}
	for _, s := range []string{longest + "b", "en-" + strings.Repeat("abcdefgh-", 100_000) + "x"} {
		if l, err := ParseLanguage(s); err == nil {
			t.Errorf("ParseLanguage(%d bytes) = %q, want an error", len(s), l)
		}
		if Language(s).Valid() || Language(s).Name() != "" {
			t.Errorf("Language(%d bytes) is valid or has a name", len(s))
		}
	}
}

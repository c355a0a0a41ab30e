package talk

import (
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

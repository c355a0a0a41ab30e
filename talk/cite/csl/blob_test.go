package csl

import (
	"strings"
	"testing"
)

// narrowSpacesByCopy is narrowSpaces as it was first written, after
// citeproc-js's replacements: the definition narrowSpaces is held to.
func narrowSpacesByCopy(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' && i+1 < len(s) {
			n := s[i+1]
			if n == ':' || n == ';' || n == '?' || n == '!' || strings.HasPrefix(s[i+1:], "»") {
				b.WriteString("\u202f")
				continue
			}
		}
		b.WriteByte(c)
	}
	return strings.ReplaceAll(b.String(), "« ", "«\u202f")
}

// FuzzNarrowSpaces holds narrowSpaces, which copies only a string with a
// space to narrow, to narrowSpacesByCopy.
func FuzzNarrowSpaces(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "Why? Because !", "a : b ; c", "« Bonjour »", "«  x  »", "« »", "end ", "\xab \xbb", "x\xc2 \xbb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := narrowSpaces(s), narrowSpacesByCopy(s); got != want {
			t.Errorf("narrowSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}

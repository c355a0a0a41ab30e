package csl

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// initialPattern is citeproc-js's initial pattern, which nameInitial
// matches by hand.
var initialPattern = regexp.MustCompile("^([A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff\u0370\u0372\u0376\u0386\u0388-\u03ab\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee\u03f4\u03f7\u03fd-\u03ff])([a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u052f\u0600-\u06ff\u0370-\u03ff\u1f00-\u1fff]*|)(\\.)*")

// FuzzNameInitial holds nameInitial to the pattern's FindStringSubmatch.
func FuzzNameInitial(f *testing.F) {
	for _, s := range []string{"", "John", "J.", "J..K", "jürgen", "Émile", "Žofie-Anna", "Ωmega", "Ϳx", "Юрий", "ยูริ", "\xffA", "A\xff", "AB.C", "Ḁx", "李"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if diff := cmp.Diff(initialPattern.FindStringSubmatch(s), nameInitial(s)); diff != "" {
			t.Errorf("nameInitial(%q) (-pattern +nameInitial):\n%s", s, diff)
		}
	})
}

// trailingSpacePattern is citeproc-js's pattern for the white space that
// finishInitials trims with trailingSpaces.
var trailingSpacePattern = regexp.MustCompile(`[\t\n\v\f\r \x{feff}\x{a0}]+$`)

// FuzzTrailingSpaces holds trimming trailingSpaces to replacing the
// pattern.
func FuzzTrailingSpaces(f *testing.F) {
	for _, s := range []string{"", "J. ", "J.\u00a0\ufeff", " \t", "a\xff ", "a \u2003"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := strings.TrimRight(s, trailingSpaces), trailingSpacePattern.ReplaceAllString(s, ""); got != want {
			t.Errorf("TrimRight(%q) = %q, the pattern gives %q", s, got, want)
		}
	})
}

// FuzzInitializeWith holds initializeWith, with its shortcut for plain
// words, to initializeWithPattern, for the terminators styles use.
func FuzzInitializeWith(f *testing.F) {
	for _, s := range []string{"Kevin", "Mary Ann", "Mary  Ann", " Kevin", "Kevin ", "K", "Ka", "KA", "Jo Ann Lee", "McDonald", "van", "Jean-Paul", "J. R.", "Łukasz", "Lord"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cc := &caseCtx{langs: []string{"en"}}
		for _, term := range []string{"%s", ". ", ".", "", " ", "\u00a0", ".\u00a0", "-%s-", "%s %s"} {
			for _, normalizeOnly := range []bool{false, true} {
				got := initializeWith(s, term, normalizeOnly, true, cc)
				want := initializeWithPattern(s, term, normalizeOnly, true, cc)
				if got != want {
					t.Errorf("initializeWith(%q, %q, %v) = %q, the patterns give %q", s, term, normalizeOnly, got, want)
				}
			}
		}
	})
}

// FuzzGivenSuffix holds givenSuffix to citeproc-js's pattern.
func FuzzGivenSuffix(f *testing.F) {
	re := regexp.MustCompile(`[,!]* ([^,]+)$`)
	for _, s := range []string{"", "Guido van", "a ,b c", "a, b", "J R", "x,! y", "x !, y z", "x ", " x", "a,b", "\xff ,\xfe z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		start, group, ok := givenSuffix(s)
		m := re.FindStringSubmatchIndex(s)
		if ok != (m != nil) || ok && (start != m[0] || group != s[m[2]:m[3]]) {
			t.Errorf("givenSuffix(%q) = %d, %q, %v; the pattern matches %v", s, start, group, ok, m)
		}
	})
}

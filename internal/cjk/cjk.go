// Package cjk tells the scripts whose personal names are written family
// name first, without a space: Han, Hiragana, Katakana and Hangul. The
// model shows a name given in parts (talk.Speaker.DisplayName) and the
// citation writers order and split one (talk/cite) by this one test, so
// that a page and a citation agree on which names these are.
package cjk

import (
	"strings"
	"unicode"
)

// IsLetter reports whether r is a letter of one of these scripts.
func IsLetter(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// Has reports whether s has a letter of one of these scripts.
func Has(s string) bool { return strings.IndexFunc(s, IsLetter) >= 0 }

// Only reports whether s has letters, all of them of these scripts, as
// CSL processors tell a name to write family first: one with a Latin
// letter too ("Ada 山田") is not; marks, digits, spaces and punctuation
// do not count.
func Only(s string) bool {
	seen := false
	for _, r := range s {
		switch {
		case IsLetter(r):
			seen = true
		case unicode.IsLetter(r):
			return false
		}
	}
	return seen
}

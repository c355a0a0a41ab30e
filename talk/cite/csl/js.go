package csl

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/talkmeta/talkmeta/internal/ascii"
)

// This file holds the few JavaScript string semantics that decide
// citeproc-js's output character by character: what \s and trim() treat
// as space, lengths counted in UTF-16 units, locale-aware case mapping,
// and the "$" patterns of String.prototype.replace.

// jsSpaceChars are the characters of JavaScript's \s, for use inside a Go
// regular expression class; jsSpaceClass is the class itself.
const (
	jsSpaceChars = `\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`
	jsSpaceClass = `[` + jsSpaceChars + `]`
)

// isJSSpace reports whether r matches JavaScript's \s.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// jsTrim is String.prototype.trim.
func jsTrim(s string) string { return strings.TrimFunc(s, isJSSpace) }

// isLineTerminator reports whether r ends a line for JavaScript's ".".
func isLineTerminator(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029
}

// utf16Len is the JavaScript length of s.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// firstRune returns the first rune of s as a string ("" for "").
func firstRune(s string) string {
	if s == "" {
		return ""
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// lastRune returns the last rune of s as a string ("" for "").
func lastRune(s string) string {
	if s == "" {
		return ""
	}
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// dropFirst removes the first rune of s.
func dropFirst(s string) string {
	if s == "" {
		return s
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[n:]
}

// dropLast removes the last rune of s.
func dropLast(s string) string {
	if s == "" {
		return s
	}
	_, n := utf8.DecodeLastRuneInString(s)
	return s[:len(s)-n]
}

// caseTag picks the language whose special casing rules apply, the way
// toLocaleLowerCase(["tr", "en-US"]) does: only the first language
// counts, and only Turkish and Azerbaijani (dotted and dotless i) and
// Lithuanian (the dot kept over an accented i) differ from the default
// mapping. ICU knows each by its two-letter code and by the three-letter
// ones it canonicalises to it ("tur", "aze", "azj", "lit"), not by any
// longer word that starts with one ("trk", "ltg").
func caseTag(langs []string) language.Tag {
	if len(langs) > 0 {
		switch strings.ToLower(langs[0]) {
		case "tr", "tur":
			return language.Turkish
		case "az", "aze", "azj":
			return language.Azerbaijani
		case "lt", "lit":
			return language.Lithuanian
		}
	}
	return language.Und
}

// jsLower is toLocaleLowerCase with the item's and style's languages.
func jsLower(s string, langs []string) string {
	tag := caseTag(langs)
	if tag != language.Turkish && tag != language.Azerbaijani && ascii.String(s) {
		return strings.ToLower(s)
	}
	if tag == language.Lithuanian {
		// x/text's Lithuanian rules dot the i of "İ" a second time
		// ("i\u0307\u0307"); ICU keeps the one dot it has.
		s = strings.ReplaceAll(s, "\u0130", "i\u0307")
	}
	return cases.Lower(tag).String(s)
}

// jsUpper is toLocaleUpperCase with the item's and style's languages.
// ASCII text is mapped by strings.ToUpper, except in Turkish and
// Azerbaijani, where "i" becomes "İ" (and, lower-cased, "I" becomes "ı").
func jsUpper(s string, langs []string) string {
	tag := caseTag(langs)
	if tag != language.Turkish && tag != language.Azerbaijani && ascii.String(s) {
		return strings.ToUpper(s)
	}
	return cases.Upper(tag).String(s)
}

// jsReplaceOnce is template.replace(pattern, value) with a string
// pattern: value's "$$", "$&", "$`" and "$'" are expanded as JavaScript
// does. citeproc-js formats with such templates ("<i>%%STRING%%</i>"), so
// a title with "$$" prints one "$" in HTML.
func jsReplaceOnce(template, pattern, value string) string {
	i := strings.Index(template, pattern)
	if i < 0 {
		return template
	}
	if strings.IndexByte(value, '$') < 0 {
		return template[:i] + value + template[i+len(pattern):]
	}
	var b strings.Builder
	b.WriteString(template[:i])
	for j := 0; j < len(value); j++ {
		c := value[j]
		if c != '$' || j+1 >= len(value) {
			b.WriteByte(c)
			continue
		}
		switch value[j+1] {
		case '$':
			b.WriteByte('$')
			j++
		case '&':
			b.WriteString(pattern)
			j++
		case '`':
			b.WriteString(template[:i])
			j++
		case '\'':
			b.WriteString(template[i+len(pattern):])
			j++
		default:
			b.WriteByte('$')
		}
	}
	b.WriteString(template[i+len(pattern):])
	return b.String()
}

package talk

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/bidi"
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

// TestRightToLeftScripts holds rightToLeftScripts to Unicode: every
// script of the unicode package whose letters are bidi class R or AL is
// in it, by its ISO 15924 code, and no other but the variants of Arabic
// and Syriac. A script Unicode adds shows up here as unnamed.
func TestRightToLeftScripts(t *testing.T) {
	codes := map[string]string{ // Unicode's script names, as package unicode has them
		"Adlam": "Adlm", "Arabic": "Arab", "Avestan": "Avst", "Chorasmian": "Chrs", "Cypriot": "Cprt",
		"Elymaic": "Elym", "Hanifi_Rohingya": "Rohg", "Hatran": "Hatr", "Hebrew": "Hebr",
		"Imperial_Aramaic": "Armi", "Inscriptional_Pahlavi": "Phli", "Inscriptional_Parthian": "Prti",
		"Kharoshthi": "Khar", "Lydian": "Lydi", "Mandaic": "Mand", "Manichaean": "Mani",
		"Mende_Kikakui": "Mend", "Meroitic_Cursive": "Merc", "Meroitic_Hieroglyphs": "Mero",
		"Nabataean": "Nbat", "Nko": "Nkoo", "Old_Hungarian": "Hung", "Old_North_Arabian": "Narb",
		"Old_Sogdian": "Sogo", "Old_South_Arabian": "Sarb", "Old_Turkic": "Orkh", "Old_Uyghur": "Ougr",
		"Palmyrene": "Palm", "Phoenician": "Phnx", "Psalter_Pahlavi": "Phlp", "Samaritan": "Samr",
		"Sogdian": "Sogd", "Syriac": "Syrc", "Thaana": "Thaa", "Yezidi": "Yezi",
	}
	want := map[string]bool{"Aran": true, "Syre": true, "Syrj": true, "Syrn": true}
	for name, tab := range unicode.Scripts {
		rtl, ltr := 0, 0
		for c := range letters(tab) {
			if p, _ := bidi.LookupRune(c); p.Class() == bidi.R || p.Class() == bidi.AL {
				rtl++
			} else {
				ltr++
			}
		}
		if rtl <= ltr {
			continue
		}
		code, ok := codes[name]
		if !ok {
			code = "unnamed " + name
		}
		want[code] = true
	}
	if diff := cmp.Diff(want, rightToLeftScripts); diff != "" {
		t.Errorf("(-Unicode +rightToLeftScripts):\n%s", diff)
	}
	for code := range rightToLeftScripts {
		if l := Language("und-" + code); !l.RightToLeft() {
			t.Errorf("Language(%q).RightToLeft() = false", l)
		}
	}
}

// letters yields the letters of a Unicode range table.
func letters(tab *unicode.RangeTable) func(yield func(rune) bool) {
	return func(yield func(rune) bool) {
		for _, r := range tab.R16 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				if unicode.IsLetter(c) && !yield(c) {
					return
				}
			}
		}
		for _, r := range tab.R32 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				if unicode.IsLetter(c) && !yield(c) {
					return
				}
			}
		}
	}
}

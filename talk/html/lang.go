package html

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/bidi"

	"github.com/talkmeta/talkmeta/talk"
)

// langAttr returns l for a lang attribute when it is a well-formed BCP 47
// tag, in its canonical form, and "" otherwise: a page must not carry a
// malformed one. A Language a program makes by hand need not be canonical
// ("pt_BR", "eng", "iw", which Valid takes and a page's checker refuses,
// or reads as a language of no registry).
func langAttr(l talk.Language) string {
	c, err := talk.ParseLanguage(string(l))
	if err != nil {
		return ""
	}
	return string(c)
}

// ogLocale returns the Open Graph locale (og:locale, language_TERRITORY)
// of a talk's words in the language lang (langAttr's), so that a link
// preview of a Japanese talk is not taken for Open Graph's default,
// en_US: the language and its territory, or where lang names none the
// territory CLDR gives as the language's likeliest ("ja" is ja_JP, "pt"
// pt_BR, "zh-Hant" zh_TW). It is "" for en_US itself, for an unknown
// language, and for one without a likely country ("eo", "es-419"),
// which Open Graph's form cannot say.
func ogLocale(lang string) string {
	if lang == "" {
		return ""
	}
	var tag language.Tag
	var err error
	if strings.Contains(lang, "-") {
		tag, err = language.Parse(lang)
	} else if base, e := language.ParseBase(lang); e != nil {
		err = e
	} else {
		// A language alone, as most talks give it: composed from its
		// subtag, it costs a fraction of a Parse and no allocation.
		tag, err = language.Compose(base)
	}
	if err != nil {
		return ""
	}
	base, conf := tag.Base()
	if conf != language.Exact {
		return "" // "und", private use: no language to name
	}
	region, conf := tag.Region()
	if conf == language.No || !region.IsCountry() {
		return ""
	}
	b, r := base.String(), region.String()
	if b == "en" && r == "US" {
		return ""
	}
	return b + "_" + r
}

// dirAttr returns the dir attribute beside the lang attribute lang (from
// langAttr) of a talk's words, whose title is title: "rtl" when the
// language is written right to left (see [talk.Language.RightToLeft]),
// "ltr" when it is written left to right, and "auto" when it is not known
// (lang is ""), so that the browser takes the direction from the text, as
// an Arabic title of a talk whose record names no language needs. A
// talk's words say "ltr" although the embedded templates' page is
// English, left to right, because a site's own templates may write a
// page right to left: an English title there must not take the page's
// direction.
//
// It is "auto" too when the title's first letter is written the other
// way than the language: a schedule that gives every talk its event's
// language ("en") gives it to a talk titled in Hebrew, and "ltr" laid
// that title out backwards ("(חלק 1)" with its parenthesis at the wrong
// end); "auto" lays out each of the words by their own first letter,
// which for words that agree with their language is the language's way.
//
// A title in a language written right to left is "rtl" all the same when
// it begins with a word in Latin letters but holds letters of its own
// ("Python للمبتدئين", "Django בייצור"), as talks about software are
// titled: "auto" laid it out left to right, and a reader of Arabic read
// "للمبتدئين" (for beginners) before "Python". Only a title with no
// letter written right to left ("Python 3.12!") is "auto" then.
func dirAttr(lang, title string) string { return textDir(langDir(lang), title) }

// langDir is the direction of the language lang (langAttr's): dirAttr's
// for words without a letter, "auto" for "". A page finds it once for
// its talk's words, which it lays out by textDir: the language's tag is
// parsed to find it.
func langDir(lang string) string {
	switch {
	case lang == "":
		return "auto"
	case talk.Language(lang).RightToLeft():
		return "rtl"
	}
	return "ltr"
}

// textDir is dirAttr of text in a language whose direction is dir
// (langDir's).
func textDir(dir, text string) string {
	if dir == "auto" {
		return "auto"
	}
	rtl := dir == "rtl"
	if strong, ok := firstStrong(text); ok && strong != rtl && !(rtl && hasRightToLeft(text)) {
		return "auto"
	}
	return dir
}

// tagDir is the dir attribute of the list item of a tag of a talk whose
// language's direction is dir (langDir's), in a list of that direction:
// "" for the list's, where textDir lays the tag out so, and "auto" where
// it does not, or the list's is not known, as an item without a dir of
// its own would take it from another tag. A tag in Latin letters in an
// Arabic talk's list took the list's right-to-left direction, and "C++"
// read "++C".
func tagDir(dir, tag string) string {
	if dir != "auto" && textDir(dir, tag) == dir {
		return ""
	}
	return "auto"
}

// hasRightToLeft reports whether s holds a letter written right to left
// (bidi class R or AL).
func hasRightToLeft(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		p, size := bidi.LookupString(s[i:])
		if c := p.Class(); c == bidi.R || c == bidi.AL {
			return true
		}
		i += max(size, 1)
	}
	return false
}

// firstStrong reports whether the first letter of s with a direction of
// its own (bidi class L, R or AL) is written right to left, and false for
// ok when s has none: the direction dir="auto" gives s.
func firstStrong(s string) (rtl, ok bool) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				return false, true
			}
			i++
			continue
		}
		p, size := bidi.LookupString(s[i:])
		switch p.Class() {
		case bidi.L:
			return false, true
		case bidi.R, bidi.AL:
			return true, true
		}
		i += max(size, 1)
	}
	return false, false
}

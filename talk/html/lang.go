package html

import "github.com/talkmeta/talkmeta/talk"

// langAttr returns l for a lang attribute when it is a well-formed BCP 47
// tag, and "" otherwise: a page must not carry a malformed one.
func langAttr(l talk.Language) string {
	if !l.Valid() {
		return ""
	}
	return string(l)
}

// dirAttr returns the dir attribute beside the lang attribute lang (from
// langAttr): "rtl" when the language is written right to left (see
// [talk.Language.RightToLeft]), "ltr" when it is written left to right,
// and "auto" when it is not known (lang is ""), so that the browser takes
// the direction from the text, as an Arabic title of a talk whose record
// names no language needs. A talk's words say "ltr" although the
// embedded templates' page is English, left to right, because a site's
// own templates may write a page right to left: an English title there
// must not take the page's direction.
func dirAttr(lang string) string {
	switch {
	case lang == "":
		return "auto"
	case talk.Language(lang).RightToLeft():
		return "rtl"
	}
	return "ltr"
}

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
// [talk.Language.RightToLeft]), "auto" when it is not known (lang is ""),
// so that the browser takes the direction from the text, as an Arabic
// title of a talk whose record names no language needs, and "" for a
// language written left to right, the page's own direction.
func dirAttr(lang string) string {
	if lang == "" {
		return "auto"
	}
	if talk.Language(lang).RightToLeft() {
		return "rtl"
	}
	return ""
}

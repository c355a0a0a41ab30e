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

// dirAttr returns "rtl" for a dir attribute beside the lang attribute
// lang (from langAttr) when the language is written right to left (see
// [talk.Language.RightToLeft]), and "" otherwise.
func dirAttr(lang string) string {
	if talk.Language(lang).RightToLeft() {
		return "rtl"
	}
	return ""
}

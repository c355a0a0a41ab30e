package html

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/talkmeta/talkmeta/talk"
)

// displayName returns the English name of a BCP 47 tag, or "".
func displayName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	return display.English.Tags().Name(t)
}

// langAttr returns l for a lang attribute when it is a well-formed BCP 47
// tag, and "" otherwise: a page must not carry a malformed one.
func langAttr(l talk.Language) string {
	if !l.Valid() {
		return ""
	}
	return string(l)
}

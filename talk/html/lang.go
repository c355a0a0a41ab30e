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

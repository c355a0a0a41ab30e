package html

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// displayName returns the English name of a BCP 47 tag, or "".
func displayName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	return display.English.Tags().Name(t)
}

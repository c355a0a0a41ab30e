package html

import (
	"golang.org/x/text/language"

	"github.com/talkmeta/talkmeta/talk"
)

// langAttr returns l for a lang attribute when it is a well-formed BCP 47
// tag, and "" otherwise: a page must not carry a malformed one.
func langAttr(l talk.Language) string {
	if !l.Valid() {
		return ""
	}
	return string(l)
}

// dirAttr returns "rtl" for a dir attribute beside the lang attribute
// lang (from langAttr) when the language is written right to left by
// default or its tag names such a script ("ar", "he", "fa", "ur",
// "az-Arab"), and "" otherwise: without it a browser lays out an Arabic
// title or description left to right, with its punctuation at the wrong
// end. A language tag alone, as most are, is looked up without parsing
// the whole tag.
func dirAttr(lang string) string {
	if lang == "" {
		return ""
	}
	var tag language.Tag
	if base, err := language.ParseBase(lang); err == nil {
		if tag, err = language.Compose(base); err != nil {
			return ""
		}
	} else if tag, err = language.Parse(lang); err != nil {
		return ""
	}
	script, conf := tag.Script()
	if conf == language.No {
		return ""
	}
	switch script.String() {
	case "Arab", "Aran", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend", "Yezi":
		return "rtl"
	}
	return ""
}

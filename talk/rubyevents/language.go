package rubyevents

import (
	"strings"

	"github.com/talkmeta/talkmeta/talk"
)

// languages maps the language names RubyEvents uses (in any case) that
// CLDR, whence [talk.LanguageByName] takes names, does not give the
// language: a regional form's names and older English names.
var languages = map[string]talk.Language{
	"brazilian portuguese": "pt-BR", "portuguese (brazil)": "pt-BR", "mandarin": "zh",
	"bengali": "bn", "tagalog": "tl", "norwegian": "no",
}

// Language returns the BCP 47 tag of a language as RubyEvents writes it:
// a name in English or in the language itself ("Japanese", "english",
// "Español"; see [talk.LanguageByName]) or a language code ("ja",
// "pt-BR"). It reports false for names it does not know.
func Language(s string) (talk.Language, bool) {
	if strings.TrimSpace(s) == "" {
		return "", false
	}
	if l, ok := languages[strings.ToLower(strings.TrimSpace(s))]; ok {
		return l, true
	}
	if l, ok := talk.LanguageByName(s); ok {
		return l, true
	}
	if len(s) <= 3 || strings.ContainsRune(s, '-') {
		if l, err := talk.ParseLanguage(s); err == nil {
			return l, true
		}
	}
	return "", false
}

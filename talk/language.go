package talk

import (
	"fmt"

	"golang.org/x/text/language"
)

// Language is a BCP 47 language tag such as "en", "pt-BR" or "zh-Hant",
// in its canonical form. The empty Language means unknown.
//
// Use [ParseLanguage] to make one from what archives store: BCP 47 tags,
// ISO 639-1 codes, and the ISO 639-3 codes pyvideo uses ("eng", "spa").
type Language string

// ParseLanguage returns the canonical BCP 47 tag for s, which may be a BCP
// 47 tag in any case ("EN-us"), or an ISO 639-3 or 639-2 code ("eng",
// "deu", "ger"). Codes that name no language are an error.
func ParseLanguage(s string) (Language, error) {
	if s == "" {
		return "", nil
	}
	tag, err := language.Parse(s)
	if err != nil {
		return "", fmt.Errorf("talk: %q is not a known language code (want BCP 47, e.g. \"en\", or ISO 639-3, e.g. \"eng\")", s)
	}
	return Language(tag.String()), nil
}

// Valid reports whether l is a well-formed BCP 47 tag of known subtags,
// as [ParseLanguage] makes and as a page's lang attribute must carry (the
// empty Language is not). A tag that is a primary language subtag alone,
// as most are, is looked up directly: parsing a whole tag costs ten times
// as much and allocates (BenchmarkLanguageValid).
func (l Language) Valid() bool {
	if isLowerBase(string(l)) {
		_, err := language.ParseBase(string(l))
		return err == nil
	}
	_, err := language.Parse(string(l))
	return l != "" && err == nil
}

// isLowerBase reports whether s is two or three lower-case ASCII letters.
func isLowerBase(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// ISO6393 returns the ISO 639-3 code of the language's primary subtag
// ("eng" for "en-GB"), or "" when there is none.
func (l Language) ISO6393() string {
	if l == "" {
		return ""
	}
	base, err := language.ParseBase(baseSubtag(string(l)))
	if err != nil {
		return ""
	}
	return base.ISO3()
}

// Base returns the primary language subtag ("pt" for "pt-BR").
func (l Language) Base() Language { return Language(baseSubtag(string(l))) }

func baseSubtag(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' || s[i] == '_' {
			return s[:i]
		}
	}
	return s
}

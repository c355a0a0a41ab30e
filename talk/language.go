package talk

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Language is a BCP 47 language tag such as "en", "pt-BR" or "zh-Hant",
// in its canonical form. The empty Language means unknown.
//
// Use [ParseLanguage] to make one from what archives store: BCP 47 tags,
// ISO 639-1 codes, and the ISO 639-3 codes pyvideo uses ("eng", "spa").
type Language string

// ParseLanguage returns the canonical BCP 47 tag for s, which may be a BCP
// 47 tag in any case ("EN-us"), or an ISO 639-3 or 639-2 code ("eng",
// "deu", "ger"). Codes that name no language are a [*LanguageError]. The
// empty string is the empty Language, unknown, without an error, as
// [ParseDate] reads "" as the zero Date: a caller that takes "" for a
// fault (a tag cut to nothing) must say so itself.
func ParseLanguage(s string) (Language, error) {
	if s == "" {
		return "", nil
	}
	if l, ok := parseBase(s); ok {
		return l, nil
	}
	tag, err := parseTag(s)
	if err != nil {
		return "", &LanguageError{Text: s, Reason: unknownLanguageReason}
	}
	return Language(tag.String()), nil
}

// LanguageError reports text that is not a language code [ParseLanguage]
// accepts, as [DateError] and [DurationError] do for theirs, so that a
// caller can tell it from other errors with errors.As and show the code.
type LanguageError struct {
	Text   string // the text as given
	Reason string // why it was refused
}

// Error formats the error as "talk: <quoted text> <reason>".
func (e *LanguageError) Error() string {
	return fmt.Sprintf("talk: %q %s", e.Text, e.Reason)
}

// unknownLanguageReason is the Reason of ParseLanguage's errors.
const unknownLanguageReason = `is not a known language code (want BCP 47, e.g. "en", or ISO 639-3, e.g. "eng")`

// UnmarshalText reads a language as [ParseLanguage] does, into its
// canonical form ("ENG" is "en"). A code ParseLanguage does not know is
// kept as written, for [Language.Valid] and the validator to report: a
// reader must not lose what it cannot place.
func (l *Language) UnmarshalText(text []byte) error {
	s := string(text)
	if c, err := ParseLanguage(s); err == nil {
		s = string(c)
	}
	*l = Language(s)
	return nil
}

// LanguageByName returns the language a name stands for, in English or
// in the language itself, in any case and with spaces around it:
// "German", "deutsch", "Español", "日本語", "Latin". Schedules and
// hand-written records give languages so, where [ParseLanguage] takes
// codes. It reports false for a name it does not know and for one two
// languages share. Only languages' own names are known, from CLDR: not
// those of regional forms ("Brazilian Portuguese") or other names
// ("Mandarin").
func LanguageByName(name string) (Language, bool) {
	l := languagesByName()[strings.ToLower(strings.TrimSpace(name))]
	return l, l != ""
}

// languagesByName maps the lower-cased names of CLDR's languages, in
// English and in the language itself, to their language subtags; a name
// two languages share maps to "". The languages are those CLDR has
// names in (display.Supported) and every ISO 639-1 language it has an
// English name for (Latin, Kurdish, Maori...). Built once, on first use
// (about a millisecond), and only read after.
//
// A code is taken as ParseLanguage takes it: ISO 639-1 keeps deprecated
// codes ("iw", "in", "ji", "jw", "mo", "tl") that CLDR names as the
// languages that replaced them, so that "Hebrew", "Indonesian",
// "Yiddish", "Javanese", "română" and "Filipino" were two languages'
// names, and no language's. A name an individual language shares with
// its macrolanguage ("Akan", which CLDR calls tw, Twi, too) is the
// macrolanguage's.
var languagesByName = sync.OnceValue(func() map[string]Language {
	names := map[string]Language{}
	english := display.English.Languages()
	add := func(base language.Base, name string) {
		name = strings.ToLower(name)
		if name == "" {
			return
		}
		l := canonicalBase(language.Default, base.String())
		switch prev, ok := names[name]; {
		case !ok:
			names[name] = l
		case prev == l || prev == "":
		case canonicalBase(language.Macro, string(prev)) == canonicalBase(language.Macro, string(l)):
			names[name] = canonicalBase(language.Macro, string(l))
		default:
			names[name] = "" // ambiguous
		}
	}
	bases := display.Supported.BaseLanguages()
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			if base, err := language.ParseBase(string([]rune{a, b})); err == nil {
				bases = append(bases, base)
			}
		}
	}
	for _, base := range bases {
		if base.String() == "no" {
			// CLDR's data here names the macrolanguage Norwegian
			// "Norwegian Bokmål", as it names nb, which made the name
			// two languages'; "Norwegian" is no's (and "norsk").
			add(base, "Norwegian")
			add(base, "norsk")
			continue
		}
		add(base, english.Name(base))
		add(base, display.Self.Name(base))
	}
	return names
})

// canonicalBase returns the language subtag of the code base as the
// canonicalization ct gives it: with language.Default, as ParseLanguage
// reads it ("he" for "iw", "ro" for "mo"); with language.Macro, that of
// its macrolanguage ("ak" for "tw").
func canonicalBase(ct language.CanonType, base string) Language {
	tag, err := ct.Canonicalize(language.Make(base))
	if err != nil {
		return Language(base)
	}
	b, _ := tag.Base()
	return Language(b.String())
}

// Valid reports whether l is a well-formed BCP 47 tag of known subtags,
// as [ParseLanguage] makes and as a page's lang attribute must carry (the
// empty Language is not).
func (l Language) Valid() bool {
	_, ok := l.tag()
	return ok
}

// Name returns the language's name in English ("English", "Brazilian
// Portuguese", "Azerbaijani (Arabic)"), or "" when l is not
// [Language.Valid], names no language ([Language.Base] is ""), as a
// private-use tag does (its meaning is a private agreement, not "Unknown
// language"), or names one that CLDR, whence the names come, has no
// English name for ("sfb").
//
// A name CLDR gives the whole tag is used where it names the tag's own
// language ("American English"). CLDR's names of some tags are those of
// a deprecated tag they replace, which names another language: "sr-Latn"
// is Serbian in Latin script, not "Serbo-Croatian" (the deprecated "sh"),
// "ro-MD" Romanian of Moldova, not "Moldavian"; and some tags it names
// not at all ("az-Arab"). Those are named from their parts instead, as
// "Serbian (Latin, Serbia)".
func (l Language) Name() string {
	tag, ok := l.tag()
	if !ok {
		return ""
	}
	// The exact base, not tag.Base's guess for "und" (English).
	base, err := language.ParseBase(string(l.Base()))
	if err != nil {
		return ""
	}
	baseName := display.English.Languages().Name(base)
	if baseName == "" {
		return ""
	}
	if name := display.English.Tags().Name(tag); strings.Contains(name, baseName) {
		return name
	}
	var parts []string
	if script, conf := tag.Script(); conf == language.Exact {
		parts = append(parts, display.English.Scripts().Name(script))
	}
	if region, conf := tag.Region(); conf == language.Exact {
		parts = append(parts, display.English.Regions().Name(region))
	}
	if len(parts) == 0 {
		return baseName
	}
	return baseName + " (" + strings.Join(parts, ", ") + ")"
}

// RightToLeft reports whether l is written right to left: by default
// ("ar", "he", "fa", "ur") or in the script its tag names ("az-Arab").
// A page needs to say so (dir="rtl"), or a browser lays out an Arabic
// title left to right, with its punctuation at the wrong end.
func (l Language) RightToLeft() bool {
	tag, ok := l.tag()
	if !ok {
		return false
	}
	script, conf := tag.Script()
	if conf == language.No {
		return false
	}
	return rightToLeftScripts[script.String()]
}

// rightToLeftScripts are the ISO 15924 codes of the scripts whose letters
// Unicode writes right to left (bidi class R or AL), with the variants of
// Arabic and Syriac that have codes of their own. Most are historic
// (Phoenician, Old Hungarian), but a talk about an inscription is tagged
// with them, and its title must not be laid out backwards either.
// TestRightToLeftScripts holds the list to Unicode's.
var rightToLeftScripts = map[string]bool{
	"Adlm": true, "Arab": true, "Aran": true, "Armi": true, "Avst": true, "Chrs": true, "Cprt": true,
	"Elym": true, "Hatr": true, "Hebr": true, "Hung": true, "Khar": true, "Lydi": true, "Mand": true,
	"Mani": true, "Mend": true, "Merc": true, "Mero": true, "Narb": true, "Nbat": true, "Nkoo": true,
	"Orkh": true, "Ougr": true, "Palm": true, "Phli": true, "Phlp": true, "Phnx": true, "Prti": true,
	"Rohg": true, "Samr": true, "Sarb": true, "Sogd": true, "Sogo": true, "Syrc": true, "Syre": true,
	"Syrj": true, "Syrn": true, "Thaa": true, "Yezi": true,
}

// tag parses l. A tag that is a primary language subtag alone, as most
// are, is looked up and composed: parsing a whole tag costs three times
// as much and allocates (BenchmarkLanguageValid), and pages and
// citations ask for every talk's.
func (l Language) tag() (language.Tag, bool) {
	if isLowerBase(string(l)) {
		base, err := language.ParseBase(string(l))
		if err != nil {
			return language.Und, false
		}
		tag, err := language.Compose(base)
		return tag, err == nil
	}
	tag, err := parseTag(string(l))
	return tag, l != "" && err == nil
}

// maxTagBytes is the longest language tag read: no tag of real subtags
// comes near it, and language.Parse takes time in the square of a tag's
// length (it removes each unknown subtag by copying the rest of the tag),
// which a record's language member must not be able to ask for.
const maxTagBytes = 255

// parseTag is language.Parse for tags of up to maxTagBytes; longer ones
// are a syntax error.
func parseTag(s string) (language.Tag, error) {
	if len(s) > maxTagBytes {
		return language.Und, fmt.Errorf("talk: a language tag of %d bytes is longer than %d", len(s), maxTagBytes)
	}
	return language.Parse(s)
}

// parseBase is ParseLanguage for a code that is a primary language subtag
// alone, as most archives' codes are ("en", "eng"): looked up and
// composed, in half the time of parsing a whole tag and without its three
// allocations (BenchmarkParseLanguage). TestParseBase holds it to language.Parse on
// every two- and three-letter code.
func parseBase(s string) (Language, bool) {
	if !isLowerBase(s) {
		return "", false
	}
	base, err := language.ParseBase(s)
	if err != nil {
		return "", false
	}
	tag, err := language.Compose(base)
	if err != nil {
		return "", false
	}
	return Language(tag.String()), true
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

// ISO6393 returns the ISO 639-3 code of the language's [Language.Base]
// ("eng" for "en-GB", "tlh" for the grandfathered "i-klingon"), or ""
// when there is none.
func (l Language) ISO6393() string {
	b := l.Base()
	if b == "" {
		return ""
	}
	base, err := language.ParseBase(string(b))
	if err != nil {
		return ""
	}
	return base.ISO3()
}

// Base returns the primary language subtag ("pt" for "pt-BR"), as BCP 47
// (RFC 5646) defines it: a private-use tag ("x-klingon") has none, and
// gives "", as does a tag that is not well-formed unless it starts with
// one ("en" for "en-"); a grandfathered tag,
// which has no subtags of its own, gives that of the tag the IANA
// registry prefers for it ("tlh" for "i-klingon", "jbo" for
// "art-lojban", "nan" for "zh-min-nan"), or "" when there is none
// ("i-enochian").
func (l Language) Base() Language {
	s := string(l)
	if b := baseSubtag(s); isLowerBase(b) && (len(b) == len(s) || !isGrandfathered(s)) {
		return Language(b) // nearly every tag, without parsing it
	}
	tag, err := parseTag(s)
	if err != nil {
		return ""
	}
	// Exact: the tag names its language. A private-use tag, or
	// "und-x-i-enochian", would give a guess from likely subtags.
	base, conf := tag.Base()
	if conf != language.Exact {
		return ""
	}
	return Language(base.String())
}

// isGrandfathered reports whether s is one of the grandfathered tags of
// RFC 5646 whose first subtag looks like a language but is not theirs
// ("art" is artificial languages, "sgn" sign languages), in any case:
// Base asks the registry's preferred tag for them. The other
// grandfathered tags start with "i-", which is no language subtag.
func isGrandfathered(s string) bool {
	for _, g := range [...]string{"art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka",
		"zh-min", "zh-min-nan", "zh-xiang", "en-GB-oed", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE"} {
		if strings.EqualFold(s, g) {
			return true
		}
	}
	return false
}

func baseSubtag(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' || s[i] == '_' {
			return s[:i]
		}
	}
	return s
}

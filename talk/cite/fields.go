package cite

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
)

// This file holds what every format takes from a talk the same way.

// Genre returns how citations describe a talk: APA's bracketed
// description ("Conference presentation", "Keynote address") from
// [talk.Talk.Kind], and "Conference presentation" when the kind is not
// known (or t is nil). It is CSL's genre, BibLaTeX's type and RIS's M3.
// A kind is known whatever its case and whether its words are joined by
// "_", "-" or spaces ("Lightning Talk", "lightning-talk"). frab's session
// types are known too: its "lecture" is any talk, "other" says nothing
// ("[Other]" would be no description), and "podium" is a panel. Another
// kind is written as a phrase ("birds_of_a_feather" is "Birds of a
// feather").
func Genre(t *talk.Talk) string {
	if t == nil {
		return genres[""]
	}
	kind := clean(t.Kind)
	if g, ok := genres[strings.ToLower(kind)]; ok {
		return g // "", "talk", "keynote": as nearly every source writes it
	}
	k := strings.Join(strings.FieldsFunc(kind, func(r rune) bool { return r == '_' || r == '-' || r == ' ' }), " ")
	if g, ok := genres[strings.ToLower(strings.ReplaceAll(k, " ", "_"))]; ok {
		return g
	}
	// Title case, not upper case: Georgian has no capitals in running
	// text ("მოხსენება" stays so), and a digraph's is "ǅ", not "Ǆ".
	first, size := utf8.DecodeRuneInString(k)
	return string(unicode.ToTitle(first)) + strings.ToLower(k[size:])
}

// genres are the descriptions of the kinds Genre knows, by the kind in
// lower case with "_" between its words.
var genres = map[string]string{
	"":                  "Conference presentation",
	"talk":              "Conference presentation",
	"session":           "Conference presentation",
	"presentation":      "Conference presentation",
	"contributed_talk":  "Conference presentation",
	"lecture":           "Conference presentation",
	"other":             "Conference presentation",
	"keynote":           "Keynote address",
	"lightning_talk":    "Lightning talk",
	"lightning":         "Lightning talk",
	"poster":            "Poster presentation",
	"panel":             "Panel discussion",
	"panel_discussion":  "Panel discussion",
	"podium":            "Panel discussion",
	"podium_discussion": "Panel discussion",
	"workshop":          "Workshop",
	"tutorial":          "Tutorial",
}

// title returns the title with its subtitle, "Title: Subtitle", in one
// line.
func title(t *talk.Talk) string {
	ti, sub := clean(t.Title), clean(t.Subtitle)
	switch {
	case sub == "":
		return ti
	case ti == "":
		return sub
	case strings.HasSuffix(ti, ":") || strings.HasSuffix(ti, "?") || strings.HasSuffix(ti, "!") ||
		strings.HasSuffix(ti, ".") || strings.HasSuffix(ti, "…"):
		// Its own punctuation ends it; a colon after it would be doubled.
		return ti + " " + sub
	}
	return ti + ": " + sub
}

// link returns the URL a citation points at: the first video (what the
// reader can watch), else the talk's first link (a schedule page), else
// its first slides, of those that are web addresses (absolute http or
// https URLs, as JSON-LD and iCalendar write them): a relative URL left
// by a schedule without a base_url, or a javascript: one, leads a reader
// of a paper nowhere. Spaces inside it are percent-encoded and control
// characters dropped, so that it stays one token in every format, and a
// "%" that starts no escape ("100%", "%zz") is written "%25", as
// iCalendar writes it: the URL then means in every format what browsers
// make of it, where reference managers and link checkers that decode
// escapes would refuse it or read its next two characters as one byte.
func link(t *talk.Talk) string {
	for _, v := range t.Videos {
		if u := webURL(v.URL); u != "" {
			return u
		}
	}
	for _, links := range [...][]talk.Link{t.Links, t.Slides} {
		for _, l := range links {
			if u := webURL(l.URL); u != "" {
				return u
			}
		}
	}
	return ""
}

// webURL returns u cleaned (cleanURL), or "" when it is not a web
// address. A plain scheme and host are enough to tell, as cleanURL leaves
// nothing after them that url.Parse refuses; weburl.Is decides the rest.
func webURL(u string) string {
	u = cleanURL(u)
	if _, _, ok := weburl.SplitPlain(u); ok || weburl.Is(u) {
		return u
	}
	return ""
}

func cleanURL(u string) string { return weburl.Escaped(clean(u)) }

// inEventZone returns d, a date of t's, moved to the time zone of t's
// event ([talk.Event.TimeZone]) when it is a date-time with an offset,
// so that a talk a record times in UTC, "2024-06-01T22:30:00Z", at an
// event in Tokyo is cited on 2 June, the day its audience met it, as its
// page shows it, not the day before. Any other date, and any date when
// the zone does not load, is as written: a date or a floating date-time
// is the event's wall clock already.
func inEventZone(d talk.Date, t *talk.Talk) talk.Date {
	if d.Precision() != talk.DateTimeOffset {
		return d // no zone to load
	}
	return d.In(eventZone(t))
}

// eventZone returns the time zone of t's event, or nil for none or one
// that does not load, with which [talk.Date.In] leaves a date as it is.
func eventZone(t *talk.Talk) *time.Location {
	if t.Event.TimeZone == "" {
		return nil
	}
	loc, _ := zone.Load(t.Event.TimeZone)
	return loc
}

// eventPlace returns where the event took place, "Venue, City, Region,
// Country", leaving out what is not known.
func eventPlace(t *talk.Talk) string {
	p := t.Event.Place
	return joinNonEmpty(", ", clean(p.Venue), clean(p.City), clean(p.Region), clean(p.Country))
}

// cityCountry returns the event's place without the venue, for formats
// whose place is a city (BibTeX's howpublished, CSL's event-place);
// RIS's CY, Zotero's place of a presentation, takes eventPlace.
func cityCountry(t *talk.Talk) string {
	p := t.Event.Place
	return joinNonEmpty(", ", clean(p.City), clean(p.Region), clean(p.Country))
}

// abstract returns the talk's summary, or its description when it has
// none, in one line: citation formats want no line breaks in a field.
// Markup is kept as the source wrote it.
func abstract(t *talk.Talk) string {
	if s := clean(t.Summary); s != "" {
		return s
	}
	return clean(t.Description)
}

// tags returns the talk's tags for a keyword list: cleaned, without empty
// or repeated ones, and a tag with commas split at them, since BibTeX's,
// CSL's and Zotero's keyword lists are comma-separated ("python," is
// "python").
func tags(t *talk.Talk) []string {
	var out []string
	seen := map[string]bool{}
	for _, tag := range t.Tags {
		for k := range strings.SplitSeq(tag, ",") {
			k = clean(k)
			if k != "" && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// languageName returns the English name of a talk's language for BibTeX's
// and BibLaTeX's language field ("Swahili"), or "" when there is none to
// print: "und" is BCP 47's way of saying the language is not known, which
// no reference should print as "Unknown language".
func languageName(l talk.Language) string {
	if l.Base() == "und" {
		return ""
	}
	return l.Name()
}

// babelNames are the babel and polyglossia names of the languages talks
// are given in, which BibLaTeX's langid takes, by BCP 47 language, by
// language and script where the script changes the name (babel's
// "serbian" is Serbian in Latin letters, "serbianc" in Cyrillic), and by
// language and region where the region does.
var babelNames = map[string]string{
	"en": "english", "de": "ngerman", "fr": "french", "es": "spanish", "pt": "portuguese",
	"pt-BR": "brazilian", "it": "italian", "nl": "dutch", "ru": "russian", "pl": "polish",
	"cs": "czech", "ja": "japanese", "zh": "chinese", "ko": "korean", "uk": "ukrainian",
	"sv": "swedish", "fi": "finnish", "da": "danish", "nb": "norsk", "no": "norsk",
	"nn": "nynorsk", "tr": "turkish", "el": "greek", "hu": "hungarian", "ca": "catalan",
	"eu": "basque", "gl": "galician", "ro": "romanian", "he": "hebrew", "ar": "arabic",
	"id": "indonesian", "vi": "vietnamese", "sk": "slovak", "sl": "slovene",
	"hr": "croatian", "sr": "serbian", "sr-Latn": "serbian", "sr-Cyrl": "serbianc",
	"bg": "bulgarian", "lt": "lithuanian", "lv": "latvian", "et": "estonian",
	"en-GB": "british", "en-US": "american",
	"hi": "hindi", "fa": "persian", "th": "thai", "is": "icelandic", "ga": "irish",
	"cy": "welsh", "la": "latin", "eo": "esperanto", "mr": "marathi", "af": "afrikaans",
	"sq": "albanian", "hy": "armenian", "bn": "bengali", "ta": "tamil", "te": "telugu",
	"kn": "kannada", "ml": "malayalam", "ur": "urdu", "ms": "malay", "ka": "georgian",
	"be": "belarusian",
}

// babelName returns the langid for a language, or "" for one BibLaTeX
// does not know by a babel name. A tag is read as BCP 47 reads it: in
// any case ("pt-br" is "pt-BR"), by its language and script
// ("sr-Cyrl-RS" is "sr-Cyrl"), else by its language and region whatever
// variants or private use follow ("en-GB-oxendict" is "en-GB"), else by
// its language.
func babelName(l talk.Language) string {
	if n, ok := babelNames[string(l)]; ok {
		return n // "en", "pt-BR": nearly every talk's
	}
	if !strings.ContainsAny(string(l), "-_") {
		return babelNames[string(l.Base())] // no region
	}
	if c, err := talk.ParseLanguage(string(l)); err == nil {
		script, region := languageScriptRegion(string(c))
		for _, key := range [...]string{script, region} {
			if n, ok := babelNames[key]; ok && key != "" {
				return n
			}
		}
	}
	return babelNames[string(l.Base())]
}

// languageScriptRegion returns the language and script subtags of a
// canonical BCP 47 tag, and its language and region subtags: "zh-Hant"
// and "zh-TW" for "zh-Hant-TW"; "" for a part it does not name.
func languageScriptRegion(tag string) (script, region string) {
	subtags := strings.Split(tag, "-")
	i := 1
	if i < len(subtags) && len(subtags[i]) == 4 {
		script = subtags[0] + "-" + subtags[i]
		i++
	}
	if i < len(subtags) && (len(subtags[i]) == 2 || len(subtags[i]) == 3 && subtags[i][0] >= '0' && subtags[i][0] <= '9') {
		region = subtags[0] + "-" + subtags[i]
	}
	return script, region
}

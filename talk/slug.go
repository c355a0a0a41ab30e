package talk

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	gosimple "github.com/gosimple/slug"
	"github.com/gosimple/unidecode"
	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/internal/ascii"
)

// Slug returns the default URL slug of a title, as the zero [Slugger] makes
// it: "async/await in Python 3.5" gives "async-await-in-python-3-5". It
// returns "" for a title with no letters or digits, such as "???" or "🐍",
// or none that transliteration reads (a few rare scripts);
// [SlugSet.Unique] turns that into "talk".
//
// This is talkmeta's own style. pyvideo.org's URLs follow a different rule;
// see talk/pyvideo's Slugify.
func Slug(title string) string { return Slugger{}.Make(title) }

// Slugger makes URL slugs from titles. The zero value makes English-style
// slugs of any length. A Slugger is a plain value, safe for concurrent use.
//
// Make reads the title's compatibility characters as Unicode's NFKC does
// ("𝐁𝐨𝐥𝐝" as "Bold", "①" as "1", "™" as "TM"), as pyvideo.org's slugs
// do, transliterates it to ASCII with [github.com/gosimple/slug] (which
// romanizes Cyrillic, Greek, CJK, Hangul and other scripts, drops
// apostrophes and quotation marks, and replaces "&" and "@" with words of
// the chosen language), lower-cases it, turns every run of other characters
// into one '-', and trims '-' and '_' from both ends. The apostrophes and
// quotes that transliteration itself writes within a word, for a Russian
// soft sign, an Arabic hamza or a Georgian aspirate, are dropped too, so
// that "Большие данные" gives "bolshie-dannye", not "bol-shie-dannye".
// The result uses only a-z, 0-9, '-' and '_', never holds "--", and
// Make(Make(t)) == Make(t).
//
// Make treats the title as plain text: markup is not interpreted, so
// "<em>Go</em>" gives "em-go-em". Different titles can share a slug: "C",
// "C++" and "C#" all give "c", and titles that differ only in case or
// accents ("Über", "uber") give one slug. Use a [SlugSet] to keep the
// slugs of one event apart.
//
// gosimple/slug keeps its options in package-level variables, which are racy
// to write. Make never writes them: it calls [gosimple.MakeLang], applies its
// own length limit, and re-establishes the alphabet above in case some other
// part of the program changed gosimple's Lowercase or trimming settings.
// Changes elsewhere to gosimple's MaxLength, CustomSub, CustomRuneSub or
// AppendTimestamp would still show through, except in titles of ASCII
// letters, digits, spaces, '-' and '_', which Make slugs without gosimple;
// leave them at their defaults.
type Slugger struct {
	// MaxLength limits a slug to this many bytes; 0 or less means no
	// limit. A longer slug is cut at the last '-' that keeps it within the
	// limit, so that no word is cut, unless its first word alone is too
	// long; then that word is cut. Trailing '-' and '_' are then removed.
	MaxLength int

	// Language is the language code gosimple/slug uses for its
	// substitutions before transliteration, such as "en", "de", "fr" or
	// "tr" (see [gosimple.MakeLang] for the list). With "de", "Ä" becomes "ae"
	// and "&" becomes "und"; with "en", "Ä" becomes "a" and "&" "and". ""
	// and unknown codes mean "en". A BCP 47 tag, such as a talk's
	// [Language], is read by its language subtag: "de-AT" is "de", as
	// gosimple, which knows no regions, would otherwise read it as "en".
	Language string
}

// Make returns the slug of title; see [Slugger].
func (s Slugger) Make(title string) string {
	lang := baseSubtag(s.Language)
	if lang == "" {
		lang = "en"
	}
	var v string
	if plainWords(title) {
		// What gosimple makes of such a title in every language, without
		// the substitution and transliteration passes that cost most of a
		// page's speaker links.
		v = canonicalSlug(title)
	} else {
		if !ascii.String(title) {
			// Letters in compatibility forms (𝐁𝐨𝐥𝐝, ①, ﬁ) are read
			// as the letters they stand for, as pyvideo.org's slugs
			// read them: gosimple's table, which ends at U+FFFF, has
			// no reading of most, and "𝐁𝐨𝐥𝐝" gave "".
			title = joinMarks(dropPointing(norm.NFKC.String(title)), lang)
		}
		if strings.ContainsFunc(title, hasMissingReading) {
			title = gosimple.SubstituteRune(title, missingReadings)
		}
		v = canonicalSlug(gosimple.MakeLang(title, lang))
	}
	if s.MaxLength > 0 && len(v) > s.MaxLength {
		v = cutSlug(v, s.MaxLength)
	}
	return v
}

// dropPointing removes from title the optional vowel points of Arabic
// (its harakat: fatha, damma, kasra, their doubled forms, shadda and
// sukun, U+064B-U+0652), Hebrew (niqqud and cantillation, the marks of
// U+0591-U+05C7) and Syriac (U+0730-U+074A): writers of these scripts
// mostly leave them out, and transliteration read them as letters, so
// that one name had two slugs, "محمد" "mhmd" and "مُحَمَّد" "muhamawd".
// A title without them is returned as it is.
func dropPointing(title string) string {
	if strings.IndexFunc(title, isPointing) < 0 {
		return title
	}
	return strings.Map(func(r rune) rune {
		if isPointing(r) {
			return -1
		}
		return r
	}, title)
}

// isPointing reports whether r is an optional vowel point that
// dropPointing removes.
func isPointing(r rune) bool {
	switch {
	case 0x064B <= r && r <= 0x0652, 0x0730 <= r && r <= 0x074A:
		return true
	case 0x0591 <= r && r <= 0x05C7:
		return unicode.Is(unicode.Mn, r) // not the maqaf, paseq, sof pasuq or nun hafukha
	}
	return false
}

// plainWords reports whether title holds only ASCII letters, digits,
// spaces, '-' and '_': characters no language substitutes or
// transliterates.
func plainWords(title string) bool {
	for i := 0; i < len(title); i++ {
		c := title[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == ' ' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// transliteratedMarks are the marks that transliteration writes within a
// word: the apostrophe of a soft sign ("Мальчик" is "Mal'chik"), of an
// Arabic hamza or a Ukrainian apostrophe, the backquote of an ayin, of a
// Georgian aspirate ("ქართული" is "k`art`uli") or of a Hawaiian ʻokina,
// and the double quote of a hard sign ("Объект" is "Ob\"ekt").
const transliteratedMarks = "'`\""

// joinMarks replaces each character of title that transliterates to
// [transliteratedMarks] (with or without letters) by its transliteration
// without them, unless lang's substitutions give it a reading of their
// own (Bulgarian's "ъ" is "a"). Left to gosimple, the marks would become
// '-' and cut the word in two ("mal-chik"), where gosimple drops the
// apostrophes and quotation marks the title itself has ("What's" is
// "whats") and pyvideo.org's slugs drop these ("malchik").
func joinMarks(title, lang string) string {
	readings := markReadings()
	i := strings.IndexFunc(title, func(r rune) bool { _, ok := readings[r]; return ok })
	if i < 0 {
		return title
	}
	var b strings.Builder
	b.Grow(len(title))
	b.WriteString(title[:i])
	// Whether lang reads a character itself, asked once for each.
	var own map[rune]bool
	readsItself := func(r rune) bool {
		mine, asked := own[r]
		if !asked {
			c := string(r)
			mine = gosimple.MakeLang(c, lang) != gosimple.MakeLang(c, "en")
			if own == nil {
				own = map[rune]bool{}
			}
			own[r] = mine
		}
		return mine
	}
	for _, r := range title[i:] {
		if t, ok := readings[r]; ok && (lang == "en" || !readsItself(r)) {
			b.WriteString(t)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// markReadings gives, for each character whose transliteration has one of
// [transliteratedMarks], the transliteration without them. It is built
// once, on first use (it reads gosimple/unidecode's whole table, 10 ms),
// and never changed after.
var markReadings = sync.OnceValue(func() map[rune]string {
	readings := map[rune]string{}
	for r := rune(utf8.RuneSelf); r <= 0xFFFF; r++ { // unidecode reads no character above
		if t := unidecode.Unidecode(string(r)); strings.ContainsAny(t, transliteratedMarks) {
			readings[r] = strings.Map(dropMark, t)
		}
	}
	return readings
})

// dropMark is a strings.Map function that drops [transliteratedMarks].
func dropMark(r rune) rune {
	if strings.ContainsRune(transliteratedMarks, r) {
		return -1
	}
	return r
}

// missingReadings gives characters that gosimple's transliteration table
// leaves unread ("[?]" or nothing, which its slugs then drop) a reading.
// U+4E00 一, "one", is among the commonest Chinese characters; Python's
// unidecode has read it "Yi" since 0.04.15, and gosimple's table is
// older. U+05BE, the maqaf, is Hebrew's hyphen: dropped, it joined two
// words in one ("בית־ספר" gave "bytspr").
var missingReadings = map[rune]string{'一': "Yi ", '\u05BE': "-"}

// hasMissingReading reports whether r is one of missingReadings.
func hasMissingReading(r rune) bool { _, ok := missingReadings[r]; return ok }

// canonicalSlug lower-cases v, turns each run of bytes outside
// [a-z0-9_-] and '-' into one '-', and trims '-' and '_' from both ends.
// With gosimple's default settings v already is so, and v is returned
// without allocating.
func canonicalSlug(v string) string {
	ok := true
	for i := 0; i < len(v) && ok; i++ {
		c := v[i]
		ok = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' ||
			c == '-' && i > 0 && i < len(v)-1 && v[i-1] != '-'
	}
	if ok && (v == "" || v[0] != '_' && v[len(v)-1] != '_') {
		return v
	}
	b := make([]byte, 0, len(v))
	sep := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_':
		default:
			sep = true
			continue
		}
		if sep && len(b) > 0 {
			b = append(b, '-')
		}
		sep = false
		b = append(b, c)
	}
	return strings.Trim(string(b), "-_")
}

// cutSlug shortens the canonical slug v, longer than limit bytes, to at
// most limit bytes at a word boundary.
func cutSlug(v string, limit int) string {
	// A '-' just past the limit ends the last word that fits.
	cut := strings.LastIndexByte(v[:limit+1], '-')
	if cut <= 0 {
		cut = limit // the first word alone is too long
	}
	return strings.TrimRight(v[:cut], "-_")
}

// SlugSet hands out slugs that are unique within one set, such as the talks
// of one event. The zero value is an empty set, ready to use.
//
// A SlugSet is not safe for concurrent use: which talk gets "intro" and
// which "intro-2" depends on the order of the calls, so concurrent callers
// would get an arbitrary assignment even with a lock. Nor should it be
// copied once used, since a copy shares its state.
type SlugSet struct {
	taken map[string]struct{}
	next  map[string]int // the first suffix worth trying for a base slug
}

// emptySlug is what [SlugSet.Unique] uses for an empty slug.
const emptySlug = "talk"

// Unique returns slug the first time the set sees it, and afterwards slug
// with the smallest suffix "-2", "-3", ... that makes it new; either way
// the result is taken from then on, so Unique never returns a slug twice,
// even when a suffixed form is itself a real slug: after "intro" and
// "intro-2", a second "intro" gives "intro-3".
//
// An empty slug (a title with no letters or digits) stands for "talk",
// so such talks get "talk", "talk-2", ... No '-' is added after a slug that
// already ends in one: "a-" is followed by "a-2".
//
// Slugs are compared byte by byte; Unique does not slugify or shorten its
// argument, and a suffix can make a slug up to 1 + len(strconv.Itoa(n))
// bytes longer than a [Slugger]'s MaxLength.
func (s *SlugSet) Unique(slug string) string {
	if slug == "" {
		slug = emptySlug
	}
	if s.taken == nil {
		s.taken = make(map[string]struct{})
		s.next = make(map[string]int)
	}
	if _, dup := s.taken[slug]; !dup {
		s.taken[slug] = struct{}{}
		return slug
	}
	prefix := slug + "-"
	if strings.HasSuffix(slug, "-") {
		prefix = slug
	}
	n := max(s.next[slug], 2)
	for {
		cand := prefix + strconv.Itoa(n)
		n++
		if _, dup := s.taken[cand]; !dup {
			s.taken[cand] = struct{}{}
			s.next[slug] = n
			return cand
		}
	}
}

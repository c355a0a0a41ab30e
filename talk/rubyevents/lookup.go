package rubyevents

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gosimple/unidecode"
	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/talk"
)

// lookup finds the speakers a talk names in the directory, as RubyEvents'
// importer (Static::BulkTalkImport) finds them: by name or alias, the name
// stripped of surrounding spaces ("Ada Lovelace " is Ada Lovelace), and
// failing both by slug, the name parameterized as Rails does
// ("ADA  LOVELACE" is ada-lovelace) against each speaker's slug. Without
// the last two, a talk that RubyEvents credits to a speaker of the
// directory would name a stranger, without the speaker's profile.
type lookup struct {
	speakers Speakers
	// bySlug is each speaker's slug (or, for one without, their name
	// parameterized), to the speaker's key in speakers; "" where two
	// speakers share it, which names neither. Built on the first name
	// that neither names nor aliases find.
	bySlug map[string]string
}

// find returns the directory's speaker that name names, and whether there
// is one; name is trimmed of surrounding white space first, as RubyEvents
// strips it, so that a directory's name with spaces around it is found
// by its slug only.
func (l *lookup) find(name string) (talk.Speaker, bool) {
	name = strings.TrimSpace(name)
	if s, ok := l.speakers[name]; ok {
		return s, true
	}
	if len(l.speakers) == 0 {
		return talk.Speaker{}, false
	}
	if l.bySlug == nil {
		l.bySlug = make(map[string]string, len(l.speakers))
		for key, s := range l.speakers {
			if key != s.Name {
				continue // an alias: its speaker is indexed under their name
			}
			slug := s.Slug
			if slug == "" {
				slug = parameterize(s.Name)
			}
			if slug == "" {
				continue
			}
			if other, taken := l.bySlug[slug]; taken && other != key {
				l.bySlug[slug] = ""
				continue
			}
			l.bySlug[slug] = key
		}
	}
	if key := l.bySlug[parameterize(name)]; key != "" {
		return l.speakers[key], true
	}
	return talk.Speaker{}, false
}

// parameterize makes a slug of s as Rails' String#parameterize does, by
// which RubyEvents makes speakers' slugs and finds speakers by name:
// Latin letters are transliterated to ASCII ("José" is "jose"), every run
// of other characters but '-' and '_' (other scripts included, which
// Rails transliterates to "?") becomes one '-', '-' is trimmed from both
// ends, and letters are lower-cased. Rails keeps the separator of
// apostrophes, where [talk.Slug] drops them: "O'Brien" is "o-brien".
func parameterize(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	dash := true // the last byte written is a '-', or nothing is written yet
	put := func(c byte) {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_':
			b.WriteByte(c)
			dash = false
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
			dash = false
		default:
			if !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			put(byte(r))
		case unicode.Is(unicode.Latin, r):
			t := unidecode.Unidecode(string(r))
			if t == "" {
				put('?')
			}
			for i := 0; i < len(t); i++ {
				put(t[i])
			}
		default:
			put('?')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

package cite

import (
	"strconv"
	"strings"

	"github.com/gosimple/slug"

	"github.com/talkmeta/talkmeta/internal/ascii"
	"github.com/talkmeta/talkmeta/talk"
)

// Key returns a talk's citation key before deduplication: the first
// speaker's family name, the year and the first significant word of the
// title, in ASCII lower case, as "selivanov2016asyncawait". See the
// package documentation for the rule; [KeySet] makes keys unique.
//
// The family name keeps its non-dropping particle ("vanrossum"), is
// transliterated from other scripts ("Жуков" is "zhukov") and cut to 20
// characters; a literal name gives its first word ("various", "ghopper"
// for a speaker known by the handle "@ghopper"), and a talk with no
// speaker "anon". The first speaker is the first of [Names]: a block
// with no speakers of its own is keyed by its parts' first. The year is that of [talk.Talk.Recorded], else
// of the event's start, else left out. The title's first word that is not
// a stop word ("a", "the", "on", "in", ...) and has a letter or digit is
// folded the same way and cut to 20 characters ("async/await" gives
// "asyncawait"); a title with none adds nothing. A nil t is taken for an
// empty talk: "anon".
func Key(t *talk.Talk) string {
	if t == nil {
		return "anon"
	}
	for _, s := range t.Speakers {
		if names := SpeakerNames(s); len(names) > 0 {
			return key(t, names)
		}
	}
	return key(t, partsNames(t)) // its parts' speakers, as its author list
}

// key is Key for a talk whose speakers' names, or the first of them, are
// names: a writer that needs both parses the names once.
func key(t *talk.Talk, names []Name) string {
	b := make([]byte, 0, 48) // two folded words and a year
	if len(names) > 0 {
		n := names[0]
		if n.Literal != "" {
			for w := range strings.FieldsSeq(n.Literal) {
				b = appendFold(b, handleUser(w), 20)
				break
			}
		} else {
			b = appendFold(b, n.NonDroppingParticle+n.Family, 20)
		}
	}
	if len(b) == 0 {
		b = append(b, "anon"...)
	}
	if y := year(t); y != 0 {
		b = strconv.AppendInt(b, int64(y), 10)
	}
	for w := range strings.FieldsSeq(t.Title) {
		start := len(b)
		b = appendFold(b, w, 20)
		if len(b) > start && !stopWords[string(b[start:])] {
			break
		}
		b = b[:start]
	}
	return string(b)
}

// year returns the year a talk is cited under (see issued), or 0.
func year(t *talk.Talk) int {
	if d := issued(t); !d.IsZero() {
		return d.Time().Year()
	}
	return 0
}

// handleUser returns the user name of a handle, "ghopper" for "@ghopper"
// and "ada" for the Mastodon handle "@ada@example.social", as a key
// wants it rather than "atghopper" or "atadaatexamplesocial" (folding
// reads "@" as "at"); a word that is no handle is returned as it is.
func handleUser(w string) string {
	user, ok := strings.CutPrefix(w, "@")
	if !ok {
		return w
	}
	user, _, _ = strings.Cut(user, "@")
	if user == "" {
		return w
	}
	return user
}

// appendFold appends s in ASCII lower-case letters and digits only, at
// most max of them, to b. Other scripts are transliterated
// (gosimple/slug's tables).
func appendFold(b []byte, s string, max int) []byte {
	if ascii.String(s) {
		// What slug.MakeLang makes of such a word, without its tables,
		// which cost more than the rest of a key.
		return appendFoldASCII(b, s, max)
	}
	n := 0
	for _, r := range slug.MakeLang(s, "en") {
		if n == max {
			break
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b = append(b, byte(r))
			n++
		}
	}
	return b
}

// appendFoldASCII is appendFold for ASCII text, such as "async/await" or
// "R&D", as slug.MakeLang's English rules fold it: "&" is "and", "@" is
// "at", letters are lower-cased, and everything else but digits is
// dropped.
func appendFoldASCII(b []byte, s string, max int) []byte {
	max += len(b)
	for i := 0; i < len(s) && len(b) < max; i++ {
		word := ""
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == '&':
			word = "and"
		case c == '@':
			word = "at"
		}
		b = append(b, word[:min(len(word), max-len(b))]...)
	}
	return b
}

// stopWords are skipped when a key takes a word from the title: articles,
// prepositions and conjunctions in the languages of the corpus, as Better
// BibTeX skips them.
var stopWords = func() map[string]bool {
	const words = `a ab about above across after against al along amid among an and anti around as at
		before behind below beneath beside besides between beyond but by d da das de del dell della
		dei degli delle dem den der des despite die do down du during ein eine einem einen einer eines
		el en et except for from gli i il in inside into is l la las le les like lo los near nor of off
		on onto or over past per plus round save since so some sur than the through to toward towards
		un una unas under underneath une unlike uno unos until up upon versus via von while with
		within without yet zu zum`
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}()

// KeySet hands out citation keys that are unique within one set, such as
// the talks of one bibliography file. The zero value is an empty set,
// ready to use.
//
// The first talk with a key gets it unchanged; later ones get the
// smallest free suffix "a", "b", ... "z", "aa", "ab", ... A key therefore
// depends on the talk and on which talks with the same key came before
// it: a corpus read in the same order gets the same keys every time.
//
// A KeySet is not safe for concurrent use, since which talk gets the bare
// key depends on the order of the calls.
type KeySet struct {
	taken map[string]bool
	next  map[string]int // the first suffix worth trying for a key
}

// Key returns the unique key for t: [Key] made unique with [KeySet.Unique].
func (s *KeySet) Key(t *talk.Talk) string { return s.Unique(Key(t)) }

// Unique returns key the first time the set sees it and afterwards key
// with the first free letter suffix; either way the result is taken from
// then on, so Unique never returns a key twice, even when a suffixed key
// is itself a real key. An empty key stands for "anon".
func (s *KeySet) Unique(key string) string {
	if key == "" {
		key = "anon"
	}
	if s.taken == nil {
		s.taken = map[string]bool{}
		s.next = map[string]int{}
	}
	if !s.taken[key] {
		s.taken[key] = true
		return key
	}
	for n := s.next[key]; ; n++ {
		cand := key + letters(n)
		if !s.taken[cand] {
			s.taken[cand] = true
			s.next[key] = n + 1
			return cand
		}
	}
}

// letters returns the n-th suffix (from 0): a ... z, aa ... az, ba ...
func letters(n int) string {
	var b []byte
	for n++; n > 0; n = (n - 1) / 26 {
		b = append(b, byte('a'+(n-1)%26))
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

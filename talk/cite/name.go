package cite

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/internal/ascii"
	"github.com/talkmeta/talkmeta/internal/cjk"
	"github.com/talkmeta/talkmeta/talk"
)

// Name is a speaker's name split the way citation formats need it: BibTeX's
// "von Last, Jr, First" and CSL's name-part variables. A person has at
// least a Family part; anything else (an organisation, "Various speakers",
// a string that could not be read as a person) has only Literal, which
// every format prints as it is, never inverted or abbreviated.
//
// The zero Name is no name at all.
type Name struct {
	Given  string // "Guido", "Richard D."
	Family string // "Rossum", "Van Rossum", "Selivanov"

	// DroppingParticle is a particle that belongs with the given name and
	// is dropped when the family name leads, as "van" in "Ludwig van" +
	// "Beethoven" in some conventions. ParseName never sets it; it comes
	// from a structured given name that ends in a particle.
	DroppingParticle string
	// NonDroppingParticle is a particle that stays with the family name:
	// "van" in "Guido van Rossum" ("van Rossum, Guido").
	NonDroppingParticle string

	Suffix string // "Jr.", "III"

	// Literal is the whole name of a non-person, or of a person whose name
	// cannot be split; when it is set the other fields are empty.
	Literal string
}

// IsZero reports whether n names nobody.
func (n Name) IsZero() bool { return n == Name{} }

// String returns the name in display order: "Guido van Rossum",
// "Richard D. Copeland Jr.", and for names in a CJK script family first
// without a space ("三津田哲雄") as citeproc-js prints them.
func (n Name) String() string {
	if n.Literal != "" {
		return n.Literal
	}
	if cjk.Only(n.Family) && (n.Given == "" || cjk.Only(n.Given)) {
		return n.Family + n.Given
	}
	return joinNonEmpty(" ", n.Given, n.DroppingParticle, n.NonDroppingParticle, n.Family, n.Suffix)
}

// Inverted returns the name family first, as RIS and BibTeX want it:
// "van Rossum, Guido", "Copeland, Richard D., Jr.", "Glyph". A literal name
// is returned as it is.
func (n Name) Inverted() string {
	if n.Literal != "" {
		return n.Literal
	}
	family := joinNonEmpty(" ", n.DroppingParticle, n.NonDroppingParticle, n.Family)
	switch {
	case n.Suffix != "":
		return family + ", " + n.Given + ", " + n.Suffix
	case n.Given != "":
		return family + ", " + n.Given
	}
	return family
}

// Names returns the names of a talk's speakers, in order, for the author
// list of a citation; see [SpeakerNames] for how each is found. A talk
// with no speakers of its own (none with a name or a handle), a lightning-talk block or a panel that a
// schedule gives only by its parts ([talk.Talk.Parts]), has its parts'
// speakers ([talk.Talk.AllSpeakers]), each person once, as its page
// lists them: the people who gave it, rather than no author. A nil t has
// none.
func Names(t *talk.Talk) []Name {
	if t == nil {
		return nil
	}
	var names []Name
	for _, s := range t.Speakers {
		names = append(names, SpeakerNames(s)...)
	}
	if len(names) > 0 {
		return names
	}
	return partsNames(t)
}

// partsNames returns the names of the speakers of t's parts, at any
// depth, each person once.
func partsNames(t *talk.Talk) []Name {
	var names []Name
	for i := range t.Parts {
		for s := range t.Parts[i].AllSpeakers() {
			for _, n := range SpeakerNames(*s) {
				if !slices.Contains(names, n) {
					names = append(names, n) // a speaker of several parts is one author
				}
			}
		}
	}
	return names
}

// SpeakerNames returns the names of the people a speaker entry stands for.
//
// When the source gave the name's parts ([talk.Speaker.GivenName] or
// [talk.Speaker.FamilyName]), they are used as given: the family name as
// it is (citation processors find a particle such as "van" in it
// themselves), a particle at the end of the given name ("Ludwig van")
// as the dropping particle, and a suffix that ends the display name
// ("Martin Luther King Jr.") but neither part as the suffix. Otherwise the display name is read with
// [ParseNames], which may find several people in one entry. A speaker
// with no name but a profile is cited by its handle, "@ghopper", as
// [talk.Speaker.DisplayName] gives it and pages show it, as a literal
// name: a handle has no given and family names to split, nor initials.
func SpeakerNames(s talk.Speaker) []Name {
	given, family := clean(s.GivenName), clean(s.FamilyName)
	if given == "" && family == "" {
		if clean(s.Name) == "" {
			if h := clean(s.DisplayName()); h != "" {
				return []Name{{Literal: h}}
			}
		}
		return ParseNames(s.Name)
	}
	if family == "" {
		return []Name{{Family: given}}
	}
	n := Name{Given: given, Family: family, Suffix: suffixOf(s.Name, given, family)}
	if words := strings.Fields(given); len(words) > 1 {
		i := len(words)
		for i > 1 && isLowerParticle(words[i-1]) {
			i--
		}
		if i < len(words) {
			n.Given = strings.Join(words[:i], " ")
			n.DroppingParticle = strings.Join(words[i:], " ")
		}
	}
	return []Name{n}
}

// suffixOf returns the suffix ("Jr.", "III") that ends the display name
// when neither part holds it: sources that give the parts give the given
// and the family name, and the suffix only in the display name.
func suffixOf(display, given, family string) string {
	words := strings.Fields(clean(display))
	if len(words) < 2 {
		return ""
	}
	last := words[len(words)-1]
	if !isSuffix(last) {
		return ""
	}
	for _, part := range [...]string{given, family} {
		for w := range strings.FieldsSeq(part) {
			if strings.EqualFold(strings.Trim(w, ","), last) {
				return ""
			}
		}
	}
	return last
}

// ParseName reads one person's display name into its parts, by the rules
// of [ParseNames]. When the display name lists several people, ParseName
// returns the first of them.
func ParseName(display string) Name {
	if names := ParseNames(display); len(names) > 0 {
		return names[0]
	}
	return Name{}
}

// ParseNames reads a display name, as talk archives hold them, into the
// names of the people it stands for: usually one, none for an empty
// string, several for "A and B". The rules follow what BibTeX and
// citeproc-js do with a name, plus what real archives contain:
//
//   - Whitespace is collapsed and the text put in Unicode NFC, and
//     bidirectional embeddings, overrides and isolates are dropped.
//   - Nicknames and notes are dropped: anything in parentheses, square
//     or angle brackets ("Amber Brown (HawkOwl)", "(he/him)", "(Acme
//     Inc.)", "<jane@example.org>"), and
//     words in quotes ("Andy "Pandy" Knight", «Veggero»). A name that is
//     nothing but a quoted or parenthesised word keeps that word.
//   - After " / " comes an alias or a handle, which is dropped.
//   - A string that is not a person's name becomes a [Name.Literal]:
//     one with a word such as "various", "speakers", "team", "panel",
//     "foundation", "club", "e.V." or "talks", one with a colon, a
//     spaced dash or an e-mail address, and one of more than six words,
//     unless it lists people ("Alice Smith, Bob Jones and Carol White":
//     each part a name of at most five words, all capitalised, or in a
//     script without case, but for particles).
//   - Several people are found when the parts between " and " (or "and"
//     in another language: " und ", " et ", " и ", " και ", " ve ", " và ",
//     " और ", ...), " & ", ";", "、", "،" or ", " each have two words or
//     more: "Anna Spysz and Chase Douglas", "Kim Jong-min, Park Yu-na",
//     "Анна Иванова и Пётр Петров". Otherwise a string with one of them
//     but ", " is a literal ("Tom and Jerry"). Spanish "y", Portuguese
//     and Italian "e" and Catalan "i" are no separators: they join two
//     family names ("García y López").
//   - A trailing "et al." is dropped: the other people are not known.
//   - Emoji and other symbols in a person's name ("Jane Doe 🦄", "Jane |
//     Doe") are dropped; a name of nothing else is a literal.
//   - Honorifics before the name (Dr., Prof., Mr., Mrs., Ms., Ing.) and
//     degrees after a comma (", PhD", ", MBA") are dropped.
//   - "Jr.", "Sr.", "II", "III", "IV" at the end, with or without a comma,
//     are the [Name.Suffix].
//   - "Family, Given" (one family word before the comma, and perhaps a
//     suffix: "Smith Jr., John") is read inverted.
//   - A single word is a family name ("Glyph", "GOSSELIN"), as BibTeX
//     reads it; a single word with a digit is a handle, kept literal
//     ("DailyGold999"); a leading "@" is dropped.
//   - A lower-case particle (van, von, de, da, dos, das, del, della, di,
//     du, le, la, ter, ten, den, der, bin, ...) after the first word starts
//     the family name and becomes the [Name.NonDroppingParticle]: "Guido
//     van Rossum" is van + Rossum, "Carlos de la Torre" de la + Torre,
//     "Eduardo dos Santos Pereira" dos + "Santos Pereira". A capitalised
//     particle before the last word starts the family name with no
//     particle part: "Guido Van Rossum" is "Van Rossum", "Alejandro Del
//     Valle Tokunhaga" is "Del Valle Tokunhaga"; and so does a particle
//     in a script without case, Arabic بن, ابن, بنت and Hebrew בן, בת:
//     "محمد بن سلمان" is "بن سلمان", since BibTeX, biber and every other
//     BibTeX reader find a particle only by its lower case, and would
//     read it into the family name where CSL-JSON had it apart.
//   - Otherwise the last word is the family name and the rest the given
//     names, as BibTeX and Zotero read "First Last": "Juan Luis Cano
//     Rodríguez" is Rodríguez, "Mary Mitchell-O'Connor" Mitchell-O'Connor;
//     but two family names joined by a lower-case "y", "i" or "e" are
//     both the family name ("José García y López" is "García y López"),
//     and in Arabic script عبد ("servant of") and أبو ("father of") make
//     one name with the word after them ("محمد عبد الله" is "عبد الله").
//   - Romanised Korean names with a common Korean family name first and a
//     hyphenated given name ("Kim Jong-min") are family first, and so are
//     Vietnamese names that start with a common family name written with
//     its diacritics ("Nguyễn Văn An" is Nguyễn + "Văn An"), or with one
//     that has none in a name written with them ("Phan Văn Khải"), and
//     Russian and Ukrainian names of three Cyrillic words that end in a
//     patronymic after a given name, as official records write them
//     ("Иванов Иван Иванович" is Иванов + "Иван Иванович"; "Роман
//     Аркадьевич Абрамович", whose patronymic comes second, is Абрамович).
//   - Names in a CJK script are family first: "三津田 哲雄" is 三津田 +
//     哲雄, except for a single character after a longer word, a Chinese
//     name in Western order ("信屹 陳" is 陳 + 信屹), and Katakana names,
//     foreign names in Western order ("イアン ルイス"). Without a space,
//     a name in Hangul, of two Han characters, or of three that start
//     with a common Chinese family name, has the first character as its
//     family name ("심의팅", "傅群", "何信賢"), or the first two for a known
//     two-character family name ("歐陽", "남궁"). Other names without a
//     space are literal: a Japanese family name takes one, two or three
//     characters ("山田太郎"), which the characters alone do not tell,
//     and words with Kana are nicknames or such Japanese names. When a name is written in a CJK
//     script and in Latin letters ("何泰祥 Taihsiang Ho"), the CJK form is
//     the name.
//
// Hyphenated, accented, Cyrillic and other names need no rule of their
// own: hyphens and apostrophes stay inside words.
func ParseNames(display string) []Name {
	s := clean(display)
	if strings.IndexFunc(s, isBidiEmbedding) >= 0 {
		// A name's words are put in another order: an embedding across
		// them would span the comma of "Family, Given" and what follows.
		s = clean(strings.Map(func(r rune) rune {
			if isBidiEmbedding(r) {
				return -1
			}
			return r
		}, s))
	}
	if s == "" {
		return nil
	}
	if inner := dropNicknames(s); inner != "" {
		s = inner
	} else {
		s = unwrap(s)
	}
	if alias, _, ok := strings.Cut(s, " / "); ok && alias != "" {
		s = alias
	}
	s = trimEtAl(s)
	if s == "" {
		return nil
	}
	if notPerson(s) {
		return []Name{{Literal: s}}
	}
	if people := splitPeople(s); len(people) > 1 {
		names := make([]Name, 0, len(people))
		for _, p := range people {
			names = append(names, parsePerson(p))
		}
		return names
	}
	if hasListSeparator(s) {
		return []Name{{Literal: s}}
	}
	return []Name{parsePerson(s)}
}

// clean returns s on one line: in NFC, without control characters, with
// runs of white space (line breaks too) made one space and trimmed, and
// its bidirectional embeddings closed (balanceBidi). Names then compare
// and split the same however the source spaced or composed them, and no
// format's line or field structure can break.
func clean(s string) string {
	if printableASCII(s) && !strings.HasPrefix(s, " ") && !strings.HasSuffix(s, " ") && !strings.Contains(s, "  ") {
		return s // most titles and names: nothing to change
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next character
	ascii := true  // so far: NFC changes no ASCII
	for i := 0; i < len(s); {
		if j := printableEnd(s, i); j > i {
			// A run kept as it is, written at once.
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			ascii = false
		}
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case unicode.IsControl(r), r == utf8.RuneError, r == '\u2028', r == '\u2029':
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	if ascii {
		return b.String()
	}
	// NFC neither makes nor joins across spaces, so it can come last.
	return balanceBidi(norm.NFC.String(b.String()))
}

// balanceBidi returns s with the bidirectional embeddings, overrides and
// isolates it leaves open closed at its end, and the closers that close
// nothing of s dropped. A field is one piece of text, but a citation puts
// fields side by side: an override left open in a title ("\u202e...")
// would turn the rest of the reference around (the event, the URL)
// wherever it is shown, and a stray closer would end the page's own.
func balanceBidi(s string) string {
	if strings.IndexFunc(s, isBidiEmbedding) < 0 {
		return s // nearly every field
	}
	var b strings.Builder
	var due []rune // the closers due, innermost last
	for _, r := range s {
		switch r {
		case '\u202a', '\u202b', '\u202d', '\u202e': // LRE, RLE, LRO, RLO
			due = append(due, '\u202c')
		case '\u2066', '\u2067', '\u2068': // LRI, RLI, FSI
			due = append(due, '\u2069')
		case '\u202c': // PDF: closes the innermost embedding, if it is one
			if len(due) == 0 || due[len(due)-1] != r {
				continue
			}
			due = due[:len(due)-1]
		case '\u2069': // PDI: closes the innermost isolate and what it holds
			i := len(due) - 1
			for i >= 0 && due[i] != r {
				i--
			}
			if i < 0 {
				continue
			}
			due = due[:i]
		}
		b.WriteRune(r)
	}
	for i := len(due) - 1; i >= 0; i-- {
		b.WriteRune(due[i])
	}
	return b.String()
}

// isBidiEmbedding reports whether r opens or closes a bidirectional
// embedding, override or isolate: the controls with a scope, unlike the
// marks (LRM, RLM, ALM), which act where they stand.
func isBidiEmbedding(r rune) bool {
	return '\u202a' <= r && r <= '\u202e' || '\u2066' <= r && r <= '\u2069'
}

// printableEnd returns where the run of printable ASCII characters that
// starts at i ends: a run has no space first, last or next to another, so
// clean keeps all of it, and it takes in the words of a sentence at once.
func printableEnd(s string, i int) int {
	for start := i; i < len(s); {
		// A space is taken with the character after it, so the one before
		// it, in the run, is no space.
		if c := s[i]; c == ' ' && i > start && i+1 < len(s) && s[i+1] > ' ' && s[i+1] <= '~' {
			i += 2
		} else if c > ' ' && c <= '~' {
			i++
		} else {
			break
		}
	}
	return i
}

// printableASCII reports whether s holds only printable ASCII characters
// and spaces: text that is already in NFC and has no control character.
func printableASCII(s string) bool { return ascii.PrintableString(s) }

// dropNicknames removes parenthesised and bracketed parts and quoted
// words from s, which clean has made single-spaced. Most names have
// neither, and are s itself.
func dropNicknames(s string) string {
	if !strings.ContainsAny(s, nicknameMarks) {
		return s
	}
	return dropNicknamesByWords(s)
}

// dropNicknamesByWords is dropNicknames for any s: it drops the bracketed
// parts, then the quoted words, and joins the rest with single spaces.
func dropNicknamesByWords(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[' || r == '<':
			depth++
			b.WriteByte(' ')
		case (r == ')' || r == ']' || r == '>') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	var kept []string
	quoted := false
	for _, w := range strings.Fields(b.String()) {
		if quoted {
			if endsQuote(w) {
				quoted = false
			}
			continue
		}
		if startsQuote(w) {
			quoted = !endsQuote(w) || utf8.RuneCountInString(w) == 1
			continue
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

// startsQuote reports whether word w opens a quotation. An apostrophe
// inside a word ("O'Connor", "d'Arc") does not.
// nicknameMarks are what starts a part dropNicknames drops: an opening
// bracket or a quotation mark that startsQuote knows.
const nicknameMarks = "([<" + startQuotes

// startQuotes are the quotation marks that open a nickname.
const startQuotes = `"'“‘«„`

func startsQuote(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return strings.ContainsRune(startQuotes, r)
}

func endsQuote(w string) bool {
	w = strings.TrimRight(w, ".,;")
	r, _ := utf8.DecodeLastRuneInString(w)
	return strings.ContainsRune(`"'”’»“`, r)
}

// unwrap returns what a name that is nothing but a nickname holds:
// `"Alex"` is Alex.
func unwrap(s string) string {
	return clean(strings.Map(func(r rune) rune {
		if strings.ContainsRune(`"'“”‘’«»„()[]<>`, r) {
			return ' '
		}
		return r
	}, s))
}

func trimEtAl(s string) string {
	for _, suffix := range [...]string{", et al.", ", et al", " et al.", " et al"} {
		// No character outside ASCII folds to one of these, so the end
		// of s is as long as the suffix it matches.
		if n := len(s) - len(suffix); n >= 0 && strings.EqualFold(s[n:], suffix) {
			return strings.TrimSpace(s[:n])
		}
	}
	return s
}

// nonPersonWords are words that do not occur in people's names but do in
// the names of groups, sessions and organisations, which archives list as
// speakers.
var nonPersonWords = map[string]bool{
	"various": true, "speakers": true, "team": true, "panel": true, "panelists": true,
	"lightning": true, "talks": true, "community": true, "committee": true,
	"organizers": true, "organisers": true, "staff": true, "everyone": true,
	"attendees": true, "members": true, "foundation": true, "sponsors": true,
	"conference": true, "meetup": true, "group": true, "inc": true, "ltd": true,
	"llc": true, "gmbh": true, "university": true, "institute": true,
	"society": true, "association": true, "pydata": true, "pycon": true,
	"djangocon": true, "europython": true, "pyladies": true, "tba": true,
	"tbd": true, "anonymous": true, "unknown": true, "guests": true,
	"with": true, "by": true, "project": true, "contributors": true,
	// Organisations as schedules of hacker and community events list
	// them ("Chaos Computer Club e.V.", "Video Operation Center").
	"e.v": true, "club": true, "collective": true, "center": true, "centre": true,
	"labs": true, "corp": true, "corporation": true, "company": true, "ggmbh": true,
	"initiative": true, "alliance": true, "consortium": true, "hackerspace": true,
	// Community groups ("Django Girls", "Women Who Code").
	"girls": true, "women": true, "ladies": true, "coders": true, "developers": true,
	"hackers": true, "users": true, "organization": true, "organisation": true,
	"network": true, "academy": true, "school": true, "podcast": true,
}

// notPerson reports whether s is a group, a session or anything else that
// must be cited as it is written.
func notPerson(s string) bool {
	if strings.Contains(s, ":") || strings.Contains(s, " - ") || strings.ContainsAny(s, "–—") {
		return true
	}
	words := 0
	for w := range strings.FieldsSeq(s) {
		if inFolded(nonPersonWords, strings.Trim(w, ".,;!?")) {
			return true
		}
		words++
	}
	if strings.Contains(s, "@") && !(words == 1 && strings.Count(s, "@") == 1 && s[0] == '@') {
		return true
	}
	return words > 6 && !peopleList(s)
}

// peopleList reports whether s, which has more words than one person's
// name, lists several people instead: "Alice Smith, Bob Jones and Carol
// White" is three people, not one literal name. Each part must read as a
// person's name (five words at most, each capitalised, in a script
// without case, or a lower-case particle), so that a talk's title with an
// "and" in it stays literal.
func peopleList(s string) bool {
	people := splitPeople(s)
	for _, p := range people {
		if cjk.Only(p) {
			continue
		}
		words := strings.Fields(p)
		if len(words) > 5 {
			return false
		}
		for _, w := range words {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !isLowerParticle(w) || !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return len(people) > 1
}

// inFolded reports whether m, whose keys are lower-case ASCII, holds w in
// lower case: m[strings.ToLower(w)], without making the lower-case copy
// of a short ASCII word, which most words of names are.
func inFolded(m map[string]bool, w string) bool {
	var buf [24]byte
	if len(w) > len(buf) || !ascii.String(w) {
		return m[strings.ToLower(w)]
	}
	lower := buf[:len(w)]
	for i := range len(w) {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return m[string(lower)]
}

// listSeparators separate the people of one speaker entry, in the order
// splitPeople splits at them: "and" in the languages of talks, but for
// those whose "and" also joins two family names (Spanish "y", Portuguese
// and Italian "e", Catalan "i"); "&", ";", the enumeration commas of CJK
// and Arabic script, and last ", ", which also inverts names.
var listSeparators = [...]string{
	" and ", " und ", " et ", " en ", " og ", " och ", " és ", " ve ", " và ", " dan ",
	" и ", " і ", " та ", " και ", " और ", " & ", "&", ";", "、", "،", ", ",
}

// hasListSeparator reports whether s has a separator of people
// (listSeparators but ", "), other than "und" between two particles, as
// in "von und zu Guttenberg", a family name's particle.
func hasListSeparator(s string) bool {
	for _, sep := range listSeparators[:len(listSeparators)-1] {
		for rest := s; ; {
			i := strings.Index(rest, sep)
			if i < 0 {
				break
			}
			before, after := strings.Fields(rest[:i]), strings.Fields(rest[i+len(sep):])
			if len(before) == 0 || len(after) == 0 || !isLowerParticle(before[len(before)-1]) || !isLowerParticle(after[0]) {
				return true
			}
			rest = rest[i+len(sep):]
		}
	}
	return false
}

// splitPeople splits s into several people's names when every part looks
// like a whole name (two words or more, not ending in a particle), and
// returns nil otherwise.
func splitPeople(s string) []string {
	if !slices.ContainsFunc(listSeparators[:], func(sep string) bool { return strings.Contains(s, sep) }) {
		return nil // one person, as most speaker entries are
	}
	parts := []string{s}
	for _, sep := range listSeparators {
		if !strings.Contains(s, sep) {
			continue // most: the parts are pieces of s
		}
		var next []string
		for _, p := range parts {
			for _, q := range strings.Split(p, sep) {
				if q = strings.TrimSpace(q); q != "" {
					next = append(next, q)
				}
			}
		}
		if sep == ", " && !allWholeNames(next) {
			continue // a comma also inverts names and precedes suffixes
		}
		parts = next
	}
	if len(parts) < 2 || !allWholeNames(parts) {
		return nil
	}
	return parts
}

func allWholeNames(parts []string) bool {
	for _, p := range parts {
		words := strings.Fields(p)
		if cjk.Only(p) {
			continue
		}
		if len(words) < 2 || isDegree(p) || isLowerParticle(words[len(words)-1]) {
			return false // "Karl-Theodor von" und "zu Guttenberg"
		}
	}
	return true
}

var honorifics = map[string]bool{
	"dr": true, "dr.": true, "prof": true, "prof.": true, "mr": true, "mr.": true,
	"mrs": true, "mrs.": true, "ms": true, "ms.": true, "ing.": true, "sir": false,
}

// degrees are the academic and professional degrees a name may end
// with, as they are written, each true where it may end a name without a
// comma before it ("Brooke Sanders DDS"): then in the case given only,
// and not those a family name is spelled as ("MA", which is Ma in
// capitals, or "PE"). After a comma ("Aaron Hall, MBA") each is a degree
// in any case (foldedDegrees). One list for both, as two lists had drifted
// apart: "M.B.A." and "B.Sc." were degrees without a comma only.
var degrees = map[string]bool{
	"PhD": true, "Ph.D.": true, "Ph.D": true, "DPhil": true, "MD": true, "M.D.": true,
	"DDS": true, "D.D.S.": true, "DMD": true, "DVM": true, "D.V.M.": true, "MBA": true,
	"M.B.A.": true, "MSc": true, "M.Sc.": true, "BSc": true, "B.Sc.": true, "MPH": true,
	"Esq": true, "Esq.": true, "JD": true, "J.D.": true, "EdD": true, "Ed.D.": true,
	"PsyD": true, "RN": true, "CPA": true, "MA": false, "PE": false,
}

// foldedDegrees are the degrees in lower case, for inFolded.
var foldedDegrees = func() map[string]bool {
	m := make(map[string]bool, len(degrees))
	for d := range degrees {
		m[strings.ToLower(d)] = true
	}
	return m
}()

// isDegree reports whether s is a degree after a comma: any of degrees,
// in any case.
func isDegree(s string) bool { return inFolded(foldedDegrees, strings.TrimSpace(s)) }

var suffixes = map[string]bool{
	"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true,
}

func isSuffix(w string) bool {
	if inFolded(suffixes, w) {
		return w != "ii" && w != "iii" && w != "iv" // Roman numerals are written in capitals
	}
	return false
}

// parsePerson splits one person's name.
func parsePerson(s string) Name {
	if cjk.Has(s) {
		return parseCJK(s)
	}
	words := dropSymbols(strings.Fields(s))
	if len(words) == 0 {
		return Name{Literal: s} // "🐍": nothing but symbols
	}
	for len(words) > 1 && inFolded(honorifics, words[0]) {
		words = words[1:]
	}
	s = strings.Join(words, " ")

	// Commas: a suffix, a degree, or "Family, Given".
	var suffix string
	if head, tail, ok := strings.Cut(s, ","); ok {
		rest := splitComma(tail)
		var kept []string
		for _, r := range rest {
			switch {
			case isDegree(r):
			case isSuffix(r):
				suffix = r
			default:
				kept = append(kept, r)
			}
		}
		head = strings.TrimSpace(head)
		switch len(kept) {
		case 0:
			s = head
		case 1:
			fam := strings.Fields(head)
			if n := len(fam); n > 1 && suffix == "" && isSuffix(fam[n-1]) {
				suffix, fam = fam[n-1], fam[:n-1] // "Smith Jr., John"
				head = strings.Join(fam, " ")
			}
			if len(fam) == 1 || len(fam) > 1 && allParticles(fam[:len(fam)-1]) {
				n := splitFamily(head)
				n.Given, n.Suffix = kept[0], suffix
				return n
			}
			return Name{Literal: s}
		default:
			return Name{Literal: s}
		}
		words = strings.Fields(s)
	}
	// A degree is dropped as after a comma, then a suffix is read: "John
	// Smith Jr. PhD".
	for len(words) > 2 && degrees[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if suffix == "" && len(words) > 2 && isSuffix(words[len(words)-1]) {
		suffix, words = words[len(words)-1], words[:len(words)-1]
	}

	switch {
	case len(words) == 0:
		return Name{}
	case len(words) == 1:
		w := strings.TrimPrefix(words[0], "@")
		if w == "" || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return Name{Literal: words[0]}
		}
		return Name{Family: w, Suffix: suffix}
	case len(words) == 2 && koreanFamilyFirst(words):
		return Name{Family: words[0], Given: words[1], Suffix: suffix}
	case vietnameseFamilyFirst(words), len(words) == 3 && patronymicLast(words):
		return Name{Family: words[0], Given: strings.Join(words[1:], " "), Suffix: suffix}
	}

	// The first particle starts the family name: a lower-case one is the
	// non-dropping particle ("van" + "Rossum"), a capitalised one is part
	// of the family name ("Van Rossum", "Van de Ven"). The first word is
	// given, unless it is a particle ("van Rossum" alone).
	for i := 0; i < len(words)-1; i++ {
		if isLowerParticle(words[i]) {
			j := i
			for j < len(words)-1 && isLowerParticle(words[j]) {
				j++
			}
			return Name{
				Given:               strings.Join(words[:i], " "),
				NonDroppingParticle: strings.Join(words[i:j], " "),
				Family:              strings.Join(words[j:], " "),
				Suffix:              suffix,
			}
		}
		if i > 0 && startsFamily(words[i]) {
			return Name{Given: strings.Join(words[:i], " "), Family: strings.Join(words[i:], " "), Suffix: suffix}
		}
	}
	family := len(words) - 1
	switch {
	case len(words) >= 4 && conjunctions[words[family-1]]:
		family -= 2 // "José García y López": both family names
	case arabicCompounds[words[family-1]]:
		family-- // "محمد عبد الله": عبد الله is one name
	}
	return Name{Given: strings.Join(words[:family], " "), Family: strings.Join(words[family:], " "), Suffix: suffix}
}

// dropSymbols returns the words of a person's name without the symbols
// that schedules let speakers add to their names, emoji above all ("Jane
// Doe 🦄", "Jane Doe🐍", "Jane | Doe"): trimmed from the ends of a word,
// and a word left without a letter or digit dropped, so that no symbol is
// read as the family name. Most names have none, and are words itself.
func dropSymbols(words []string) []string {
	if !slices.ContainsFunc(words, hasSymbol) {
		return words
	}
	kept := words[:0:0]
	for _, w := range words {
		w = strings.TrimFunc(w, isNameSymbol)
		if strings.IndexFunc(w, isLetterOrDigit) >= 0 {
			kept = append(kept, w)
		}
	}
	return kept
}

// hasSymbol reports whether w has a symbol or no letter or digit at all.
func hasSymbol(w string) bool {
	return strings.IndexFunc(w, isNameSymbol) >= 0 ||
		strings.IndexFunc(w, isLetterOrDigit) < 0
}

// isLetterOrDigit reports whether r is a letter or a digit: what a word
// of a name must keep once its symbols are gone.
func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isNameSymbol reports whether r is a symbol (emoji, "|", "©") or one of
// the characters that join and vary emoji: the zero-width joiner, the
// variation selectors, the enclosing keycap and the tags of subdivision
// flags.
func isNameSymbol(r rune) bool {
	return unicode.IsSymbol(r) || r == '\u200d' || r == '\u20e3' ||
		unicode.Is(unicode.Variation_Selector, r) || '\U000e0020' <= r && r <= '\U000e007f'
}

// conjunctions join two family names in Spanish ("García y López"),
// Catalan ("Puig i Cadafalch") and Portuguese ("Silva e Costa"). Written
// in lower case, as a word of its own, they are never a given name or an
// initial.
var conjunctions = map[string]bool{"y": true, "i": true, "e": true}

// arabicCompounds are the Arabic words that are never a name alone but
// one with the word after them: عبد ("servant of") in عبد الله, عبد
// الرحمن, and أبو ("father of") in أبو بكر, as a family name أبو زيد. In
// Latin letters ("Abdul", "Abu") they are also names of their own, and
// are left to the general rule.
var arabicCompounds = map[string]bool{"عبد": true, "أبو": true, "ابو": true}

// splitFamily splits an inverted name's family part into its particle
// and the family name: "van Rossum" is van + Rossum.
func splitFamily(s string) Name {
	words := strings.Fields(s)
	i := 0
	for i < len(words)-1 && isLowerParticle(words[i]) {
		i++
	}
	return Name{NonDroppingParticle: strings.Join(words[:i], " "), Family: strings.Join(words[i:], " ")}
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// particles are the name particles BibTeX users and citeproc-js meet most
// often, in lower case.
var particles = map[string]bool{
	"van": true, "von": true, "v.": true, "de": true, "da": true, "das": true, "dos": true,
	"do": true, "del": true, "della": true, "delle": true, "dei": true, "degli": true,
	"di": true, "du": true, "des": true, "le": true, "la": true, "les": true, "lo": true,
	"ter": true, "ten": true, "te": true, "den": true, "der": true, "het": true, "'t": true,
	"zu": true, "zum": true, "zur": true, "bin": true, "binti": true, "ibn": true,
	"al": true, "el": true, "af": true, "av": true, "dem": true, "vom": true,
	"und": true, // between two particles: "von und zu Guttenberg"
}

func isLowerParticle(w string) bool { return particles[w] }

// caselessParticles are "bin", "ibn", "bint" in Arabic script and "ben",
// "bat" in Hebrew, which have no case. They start the family name as a
// capitalised particle does, as part of it ("بن سلمان"), not as a
// [Name.NonDroppingParticle]: BibTeX finds a "von" part by its lower case
// alone, so BibTeX, biber and Better BibTeX read "بن سلمان, محمد" as the
// family name "بن سلمان" whatever the writer meant, and CSL-JSON must say
// the same to sort the name the same. Chicago, too, sorts "Ibn" and "Ben"
// as part of the name.
var caselessParticles = map[string]bool{"بن": true, "ابن": true, "بنت": true, "בן": true, "בת": true}

// startsFamily reports whether w, a word after the first of a name,
// starts the family name as part of it: a capitalised particle ("Van
// Rossum") or one in a script without case ("بن سلمان").
func startsFamily(w string) bool { return isUpperParticle(w) || caselessParticles[w] }

// allParticles reports whether every word of ws is a particle that can
// come before an inverted name's family name: "van der" in "van der
// Berg, Ludwig", "بن" in "بن سلمان, محمد".
func allParticles(ws []string) bool {
	for _, w := range ws {
		if !isLowerParticle(w) && !caselessParticles[w] {
			return false
		}
	}
	return true
}

// isUpperParticle reports whether w is a particle written with a capital,
// as in "Van Rossum", "Del Valle", "Ó Riain", which Americans, Spaniards
// and the Irish keep as part of the family name.
func isUpperParticle(w string) bool {
	switch w {
	case "Ó", "Ní", "Nic", "Uí", "St.":
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	switch w {
	case "Al", "El", "Bin", "V.", "Do", "Lo", "Te", "Les", "Den":
		return false // given names and initials more often than particles
	}
	if !unicode.IsUpper(r) || len(w) > 16 { // 16: longer than any particle
		return false
	}
	var buf [24]byte
	lowered := append(utf8.AppendRune(buf[:0], unicode.ToLower(r)), w[size:]...)
	return particles[string(lowered)]
}

// koreanFamilies are the romanisations of the commonest Korean family
// names, which Korean speakers often write first.
var koreanFamilies = map[string]bool{
	"Kim": true, "Lee": true, "Park": true, "Choi": true, "Jung": true, "Jeong": true,
	"Kang": true, "Cho": true, "Jo": true, "Yoon": true, "Yun": true, "Jang": true,
	"Lim": true, "Han": true, "Oh": true, "Seo": true, "Shin": true, "Kwon": true,
	"Hwang": true, "Ahn": true, "Song": true, "Yoo": true, "Hong": true, "Jeon": true,
	"Moon": true, "Yang": true, "Son": true, "Bae": true, "Baek": true, "Heo": true,
	"Nam": true, "Noh": true, "Ha": true, "Kwak": true, "Seong": true, "Cha": true,
	// Other romanisations of common names ("An Seong-jin", "Byun Do-jin",
	// "Go Eun-kyung", "Gu Min-gu", "Ko Hak-neung" are in the corpus).
	"An": true, "Byun": true, "Byeon": true, "Go": true, "Ko": true, "Gu": true,
	"Koo": true, "Ku": true, "Min": true, "Ryu": true, "Yu": true,
	"Jin": true, "Um": true, "Eom": true, "Won": true, "Chun": true, "Cheon": true,
	"Gil": true, "Kil": true, "Bang": true, "Shim": true, "Sim": true, "Hyun": true,
	"Hyeon": true, "Chae": true, "Gong": true, "Kong": true, "Ji": true, "Jee": true,
	"Im": true, "Hur": true, "Ju": true, "Joo": true, "Woo": true, "Ryoo": true,
}

// koreanFamilyFirst reports whether a two-word name is a romanised Korean
// name in Korean order: a common family name, then a given name of two
// syllables joined by a hyphen with the second in lower case
// ("Jong-min"), which Western names do not have.
func koreanFamilyFirst(words []string) bool {
	if !koreanFamilies[words[0]] {
		return false
	}
	first, second, ok := strings.Cut(words[1], "-")
	if !ok || first == "" || second == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(second)
	return unicode.IsLower(r) && !strings.Contains(second, "-")
}

// vietnameseFamilies are the commonest Vietnamese family names as
// Vietnamese writes them, with their diacritics: a name that starts with
// one so spelled ("Nguyễn Văn An") is in Vietnamese order, family first.
// Without the diacritics ("Nguyen", "Tran") the name may be in Western
// order, as Vietnamese speakers abroad write it, and is left to the
// general rule. Names that are as often given names (Hà, Lâm, Châu,
// Thái) are not listed.
var vietnameseFamilies = map[string]bool{
	"Nguyễn": true, "Trần": true, "Lê": true, "Phạm": true, "Hoàng": true,
	"Huỳnh": true, "Vũ": true, "Võ": true, "Đặng": true, "Bùi": true, "Đỗ": true,
	"Hồ": true, "Ngô": true, "Dương": true, "Lý": true, "Đinh": true, "Đào": true,
	"Đoàn": true, "Lương": true, "Trương": true, "Trịnh": true, "Lưu": true,
	"Tạ": true, "Tô": true, "Quách": true, "Kiều": true, "Triệu": true,
	"Vương": true, "Tăng": true, "Hứa": true, "Diệp": true, "Mạc": true,
	"Doãn": true, "Nghiêm": true, "Lại": true, "Thân": true, "Bạch": true,
	"Lã": true, "Khổng": true, "Từ": true,
}

// vietnameseUnaccentedFamilies are common Vietnamese family names that
// have no diacritics even in Vietnamese ("Phan Văn Khải"). They mark a
// name as family first only when another of its words has diacritics,
// as a name written in Vietnamese has, and its last word is no family
// name ("Cao Nguyễn" may be Western order).
var vietnameseUnaccentedFamilies = map[string]bool{"Phan": true, "Cao": true}

// vietnameseFamilyFirst reports whether a name of several capitalised
// words starts with a Vietnamese family name (vietnameseFamilies,
// vietnameseUnaccentedFamilies).
func vietnameseFamilyFirst(words []string) bool {
	switch {
	case len(words) < 2:
		return false
	case ascii.String(words[0]):
		if !vietnameseUnaccentedFamilies[words[0]] || vietnameseFamilies[words[len(words)-1]] ||
			!slices.ContainsFunc(words[1:], func(w string) bool { return !ascii.String(w) }) {
			return false // most names
		}
	case !vietnameseFamilies[words[0]]:
		return false
	}
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// patronymicSuffixes end Russian and Ukrainian patronymics in Cyrillic:
// Иванович, Ильич, Ивановна, Ильинична, Іванівна.
var patronymicSuffixes = [...]string{"ич", "овна", "евна", "ична", "івна", "ївна"}

// isPatronymic reports whether w is a capitalised Cyrillic word with a
// patronymic's ending. Family names end so too (Абрамович), so a word
// alone says little; patronymicLast looks at its place.
func isPatronymic(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.Is(unicode.Cyrillic, r) || !unicode.IsUpper(r) {
		return false
	}
	return slices.ContainsFunc(patronymicSuffixes[:], func(suffix string) bool { return strings.HasSuffix(w, suffix) })
}

// patronymicLast reports whether a name of three Cyrillic words is family
// name, given name, patronymic, as Russian and Ukrainian records write
// names: its last word is a patronymic and its second is not, which it
// would be in "Роман Аркадьевич Абрамович", where the family name ends
// like a patronymic.
func patronymicLast(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.Is(unicode.Cyrillic, r) {
			return false // most names: the first word's first letter tells
		}
	}
	return isPatronymic(words[2]) && !isPatronymic(words[1])
}

func joinNonEmpty(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

package rst

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The names that targets, sections, footnotes and citations take, and
// the substitution definitions' names, are noted as docutils' document
// notes them (nodes.document.set_duplicate_name_id), because it reports
// a name taken twice while it parses: a warning for an explicit target
// named again, an info note when both give the same URI, or when a
// section title repeats a name.

// nameEntry is what docutils' document holds of one name: its nametypes
// and nameids entries.
type nameEntry struct {
	name     string // as first written, not normalized
	explicit bool   // taken by an explicit target (nametypes)
	unique   bool   // one node holds the name (nameids is not None)
	hasURI   bool   // that node has a URI (refuri)...
	uri      string
}

// nameTable holds the names a text takes: the first few in an array,
// compared as normalized without normalizing them (most texts name a few
// sections and targets, and a map of normalized copies of their names was
// a tenth of what checking a description allocated), the others in a map
// by normalized name, which keeps a text of thousands linear.
type nameTable struct {
	few  [8]nameEntry
	n    int
	more map[string]nameEntry
}

// find returns the entry of name (as written) and where it is: its index
// in few, or -1 and its key in more; ok is false for a name not taken.
func (t *nameTable) find(name string) (e nameEntry, i int, key string, ok bool) {
	for i := 0; i < t.n; i++ {
		if sameName(t.few[i].name, name) {
			return t.few[i], i, "", true
		}
	}
	if t.n < len(t.few) {
		return nameEntry{}, t.n, "", false
	}
	key = normalizeName(name)
	e, ok = t.more[key]
	return e, -1, key, ok
}

// set stores e where find said.
func (t *nameTable) set(e nameEntry, i int, key string) {
	switch {
	case i >= 0:
		t.few[i] = e
		t.n = max(t.n, i+1)
	default:
		if t.more == nil {
			t.more = map[string]nameEntry{}
		}
		t.more[key] = e
	}
}

// unique reports whether one target holds name (as written, or
// normalized): docutils' nameids entry of a name taken is not None.
func (t *nameTable) unique(name string) bool {
	e, _, _, ok := t.find(name)
	return ok && e.unique
}

// each calls f with each name taken, normalized, and its entry.
func (t *nameTable) each(f func(key string, e nameEntry)) {
	for _, e := range t.few[:t.n] {
		f(normalizeName(e.name), e)
	}
	for key, e := range t.more {
		f(key, e)
	}
}

// sameName reports whether normalizeName(a) == normalizeName(b), without
// making either.
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	na, nb := nameReader{s: a}, nameReader{s: b}
	for {
		ra, oka := na.next()
		rb, okb := nb.next()
		if ra != rb || oka != okb {
			return false
		}
		if !oka {
			return true
		}
	}
}

// nameReader reads a name's runes as normalizeName makes them: white
// space collapsed to one space between words, letters lower-cased as
// pyLower lower-cases them.
type nameReader struct {
	s       string
	i       int
	begun   bool // a word has been read
	pending rune // the second rune of a letter lower-cased to two, or 0
}

func (r *nameReader) next() (rune, bool) {
	if r.pending != 0 {
		c := r.pending
		r.pending = 0
		return c, true
	}
	space := false
	for r.i < len(r.s) {
		c, size := utf8.DecodeRuneInString(r.s[r.i:])
		if isPySpace(c) {
			space = r.begun
			r.i += size
			continue
		}
		if space {
			return ' ', true // the word's own rune is read next time
		}
		r.begun = true
		lower, second := pyLowerRune(r.s, r.i, c)
		r.i += size
		r.pending = second
		return lower, true
	}
	return 0, false
}

// dotAbove is the combining dot that Python's lower keeps of "İ".
const dotAbove = '\u0307'

// pyLower is Python's str.lower, with which docutils compares names
// (of targets, substitutions, directives and roles): Go's
// strings.ToLower but for the two special cases of Unicode that Python
// applies and Go does not. "İ" becomes "i̇", an i with a combining dot
// above (so that "İstanbul" is not "istanbul"), and a capital sigma at a
// word's end the final "ς" (so that "ΣΟΦΟΣ" is "σοφος" as written in
// lower case).
func pyLower(s string) string {
	if !strings.ContainsAny(s, "İΣ") {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 1)
	for i, c := range s {
		lower, second := pyLowerRune(s, i, c)
		b.WriteRune(lower)
		if second != 0 {
			b.WriteRune(second)
		}
	}
	return b.String()
}

// pyLowerRune is Python's lower case of c, the rune at i in s (whose
// neighbours decide a sigma's), and the second rune it lower-cases to, or
// 0: "İ" is "i" and dotAbove.
func pyLowerRune(s string, i int, c rune) (lower, second rune) {
	switch c {
	case 'İ':
		return 'i', dotAbove
	case 'Σ':
		return lowerSigma(s, i), 0
	}
	return unicode.ToLower(c), 0
}

// lowerSigma lower-cases the capital sigma at s[i:] as Unicode's
// Final_Sigma condition, which Python applies, has it: "ς" after a cased
// letter and not before one (case-ignorable characters between them
// skipped), "σ" otherwise.
func lowerSigma(s string, i int) rune {
	notIgnorable := func(r rune) bool { return !caseIgnorable(r) }
	before := strings.LastIndexFunc(s[:i], notIgnorable)
	if before < 0 {
		return 'σ'
	}
	if r, _ := utf8.DecodeRuneInString(s[before:]); !cased(r) {
		return 'σ'
	}
	after := s[i+len("Σ"):]
	if next := strings.IndexFunc(after, notIgnorable); next >= 0 {
		if r, _ := utf8.DecodeRuneInString(after[next:]); cased(r) {
			return 'σ'
		}
	}
	return 'ς'
}

// cased is Unicode's Cased property: letters with case.
func cased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable is Unicode's Case_Ignorable property: marks, format
// characters, modifiers, and the apostrophes, periods and colons that
// may stand inside a word (Word_Break MidLetter, MidNumLet and
// Single_Quote).
func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) ||
		strings.ContainsRune("'.:\u00b7\u0387\u055f\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a", r)
}

// isPySpace reports whether Python's str.split splits at r: Unicode's
// white space, and the file, group, record and unit separators.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || 0x1c <= r && r <= 0x1f
}

// noteName notes a name (as written) that a target takes, explicit or
// implicit (a section title), with its URI if it has one, and reports
// what docutils reports of a name taken again, at line.
func (p *parser) noteName(name string, explicit, hasURI bool, uri string, at line) {
	e, i, key, ok := p.names.find(name)
	if !ok {
		p.names.set(nameEntry{name: name, explicit: explicit, unique: true, hasURI: hasURI, uri: uri}, i, key)
		return
	}
	oldExplicit, oldUnique := e.explicit, e.unique
	e.explicit = oldExplicit || explicit
	level := Level(0) // of the "Duplicate explicit target name" report
	switch {
	case explicit && oldExplicit:
		level = Warning
		if oldUnique && hasURI && e.hasURI && e.uri == uri {
			level = Info // the same target again: docutils only informs
		} else {
			e.unique = false
		}
	case explicit:
		// An explicit target takes the name from a section title.
		e.unique, e.hasURI, e.uri = true, hasURI, uri
	case oldUnique && !oldExplicit:
		e.unique = false
	}
	p.names.set(e, i, key)
	if level > 0 {
		p.report(at, level, `Duplicate explicit target name: "`+normalizeName(name)+`".`)
	}
	if !explicit || !oldExplicit && oldUnique {
		p.report(at, Info, `Duplicate implicit target name: "`+normalizeName(name)+`".`)
	}
}

// noteSubstitution notes a substitution definition's name, white space
// collapsed but case kept as docutils keeps it, and reports one defined
// twice.
func (p *parser) noteSubstitution(name string, at line) {
	name = strings.Join(strings.FieldsFunc(name, isPySpace), " ")
	if p.subs == nil {
		p.subs = map[string]bool{}
	}
	if p.subs[name] {
		p.report(at, Error, `Duplicate substitution definition name: "`+name+`".`)
	}
	p.subs[name] = true
}

// inlineTarget notes a target that inline markup defines (an embedded
// URI's reference, an inline internal target). docutils reports its
// duplicate at the line its outermost state machine has reached
// (p.topLine), and before the messages of the text it is in; the reports
// wait in p.dups until the text is parsed (see parser.inline). (In the
// inliner, which points to the parser, they made the parser escape to
// the heap.)
func (in *inliner) inlineTarget(name string, hasURI bool, uri string) {
	p := in.p
	p.idElements = append(p.idElements, "target")
	n := len(p.doc.Diagnostics)
	p.noteName(name, true, hasURI, uri, line{num: p.topLine.num, off: p.topLine.off})
	if len(p.doc.Diagnostics) > n {
		p.dups = append(p.dups, p.doc.Diagnostics[n:]...)
		p.doc.Diagnostics = p.doc.Diagnostics[:n]
	}
}

// targetURI is the URI of a target as docutils makes it of the escaped
// text (escape markers in place): uriArgument's, an e-mail address made
// a mailto URI (Inliner.adjust_uri).
func targetURI(s string) string {
	return adjustURI(uriArgument(s))
}

// adjustURI is the URI a target or an embedded URI links to, of its
// text without escapes, as docutils' Inliner.adjust_uri makes it: an
// e-mail address, which its pattern matches whole, is a mailto URI
// ("a/b@c.org" too, but not "a.b@c", whose host has no last character).
func adjustURI(u string) string {
	sc := uriScanner{s: u}
	if end, scheme := sc.match(0); end == len(u) && end > 0 && scheme == "" {
		return "mailto:" + u
	}
	return u
}

// uriArgument is a URI as docutils' directives.uri makes it of the
// escaped text: white space goes, but escaped white space, which splits
// the URI into parts joined by a space.
func uriArgument(s string) string {
	if !strings.ContainsRune(s, escaped) && strings.IndexFunc(s, isPySpace) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == escaped:
			if r2, size2 := utf8.DecodeRuneInString(s[i+size:]); isPySpace(r2) {
				b.WriteByte(' ')
				size += size2
			}
		case !isPySpace(r):
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// targetName matches docutils' hyperlink target pattern at the start of
// s, the escaped text after ".. _": a name, backquoted or not, that ends
// in no white space or unescaped colon, then ":" (a space may come
// before it) and a space or the end. It returns the name (escape
// markers in place; "_" for an anonymous target) and where the match
// ends. The shortest name that fits is the one, as the pattern's ".+?"
// takes. Names shorter than from are not tried: a caller that has tried
// them on a shorter text, which s extends, passes its length, less the
// few bytes where that text's end decided the match, so that a target
// whose name runs over many lines is matched in linear time.
func targetName(s string, from int) (name string, end int, ok bool) {
	tail := func(k int) (int, bool) { // "[ ]?:([ ]+|$)" at s[k:]
		if k < len(s) && s[k] == ' ' {
			k++
		}
		if k >= len(s) || s[k] != ':' {
			return 0, false
		}
		k++
		if k < len(s) && s[k] != ' ' {
			return 0, false
		}
		for k < len(s) && s[k] == ' ' {
			k++
		}
		return k, true
	}
	if strings.HasPrefix(s, "_") {
		if k, ok := tail(1); ok {
			return "_", k, true
		}
		return "", 0, false
	}
	quote := strings.HasPrefix(s, "`")
	start := 0
	if quote {
		start = 1
	}
	if start >= len(s) || s[start] == ' ' || s[start] == '`' {
		return "", 0, false
	}
	k := start
	if from > start {
		k = from
		for k > start && !utf8.RuneStart(s[k]) {
			k-- // the start of the rune from is in
		}
	}
	for k < len(s) {
		_, size := utf8.DecodeRuneInString(s[k:])
		k += size
		last, _ := utf8.DecodeLastRuneInString(s[:k])
		if isPySpace(last) || last == escaped {
			continue
		}
		after := k
		if quote {
			if after >= len(s) || s[after] != '`' {
				continue
			}
			after++
		} else if last == ':' && (k-1 == start || s[k-2] != escaped) {
			continue
		}
		if e, ok := tail(after); ok {
			return s[start:k], e, true
		}
	}
	return "", 0, false
}

// plainText is the text of inline content without its markup, as
// docutils' astext gives a section title, whose name it is.
func plainText(content []Inline) string {
	if len(content) == 1 {
		if t, ok := content[0].(Text); ok {
			return string(t) // most titles: no copy
		}
	}
	var b strings.Builder
	var walk func([]Inline)
	walk = func(is []Inline) {
		for _, in := range is {
			switch in := in.(type) {
			case Text:
				b.WriteString(string(in))
			case Literal:
				b.WriteString(string(in))
			case *Emphasis:
				walk(in.Content)
			case *Strong:
				walk(in.Content)
			case *Cite:
				walk(in.Content)
			case *Reference:
				walk(in.Content)
			case *Substitution:
				walk(in.Content)
			case *Subscript:
				walk(in.Content)
			case *Superscript:
				walk(in.Content)
			case *Target:
				walk(in.Content)
			case *Image:
				b.WriteString(in.Alt) // docutils' image.astext
			}
		}
	}
	walk(content)
	return b.String()
}

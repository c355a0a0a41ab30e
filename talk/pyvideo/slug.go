package pyvideo

import (
	"html"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gosimple/unidecode"
	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/internal/ascii"
	"github.com/talkmeta/talkmeta/talk"
)

// Slugify returns the slug pyvideo.org derives from a talk or event title:
// Pelican's slugify with its default SLUG_REGEX_SUBSTITUTIONS, as Pelican 4.5
// and later run it. It is the zero [Slugifier]'s rule; see there for the
// steps and for what differs from Pelican 4.2.
//
// The result uses only the bytes a-z, 0-9, '_' and '-', may be empty (a title
// of punctuation or emoji only), and may begin or end with '-' or '_', since
// Pelican trims only whitespace. Slugify is idempotent:
// Slugify(Slugify(s)) == Slugify(s).
func Slugify(s string) string { return Slugifier{}.Slugify(s) }

// URLPath returns the path of a talk's page on pyvideo.org, as the zero
// [Slugifier] builds it: see [Slugifier.URLPath].
func URLPath(eventTitle, slug, title string) string {
	return Slugifier{}.URLPath(eventTitle, slug, title)
}

// TalkURLPath returns the path of t's page on pyvideo.org, as [URLPath]
// gives it for the talk's event title, slug and title, with the stand-ins
// pyvideo's reader uses for what a record lacks: the legacy "category"
// member ([talk.Legacy].Category) for an event without a title, and
// "Title" for a talk without one. A nil t is taken for an empty talk.
func TalkURLPath(t *talk.Talk) string {
	if t == nil {
		t = new(talk.Talk)
	}
	event, title := t.Event.Title, t.Title
	if strings.TrimFunc(event, isPySpace) == "" {
		event = t.Legacy.Category
	}
	if title == "" {
		title = "Title"
	}
	return URLPath(event, t.Slug, title)
}

// Slugifier reproduces one release line of Pelican's slugify, the function
// pyvideo.org's Pelican build uses for its URLs. The zero value follows
// Pelican 4.5 and later; it is safe for concurrent use.
//
// For a string s, Slugify does what Pelican's slugify(s,
// regex_subs=SLUG_REGEX_SUBSTITUTIONS) does, in the same order:
//
//  1. Strip HTML tags as markupsafe's Markup.striptags does (version 2.1
//     and later): remove "<!--...-->" comments, then every "<...>", then
//     turn each run of Unicode whitespace into one space and trim the ends,
//     then unescape character references as Python's html.unescape does.
//  2. Normalize to Unicode NFKC (skipped when Pelican42 is set).
//  3. Transliterate to ASCII as Python's unidecode 1.3.6 does (see below).
//  4. Apply the default SLUG_REGEX_SUBSTITUTIONS: delete every character
//     that is not a letter, digit, '_', whitespace or '-' ([^\w\s-]); delete
//     leading and trailing whitespace; replace each run of '-' and
//     whitespace ([-\s]+) with one '-'.
//  5. Lower-case.
//
// Nothing strips a leading or trailing '-' or '_': "-O- _init_" gives
// "-o-_init_". There is no length limit.
//
// # Transliteration
//
// Python's unidecode and [github.com/gosimple/unidecode] both descend from
// Perl's Text::Unidecode, but gosimple's table is an older snapshot of
// Python's. Slugify uses gosimple's table with Python 1.3.6's values for the
// characters of pyvideo's titles where the two differ, and
// treats gosimple's "[?]" placeholder as Python's "no replacement" (empty).
// Python returns "" for characters it has no table entry for, and so does
// Slugify, including every character above U+FFFF such as emoji. Outside the
// characters of pyvideo's titles some tables still differ, in blocks such
// titles do not use (Hebrew, U+1D00 phonetic letters, newer currency signs,
// U+24EB-U+24FF and U+1F1xx enclosed letters and numbers): about 220 code
// points with NFKC, 1,300 without it.
type Slugifier struct {
	// Pelican42 reproduces Pelican before 4.5 (3.6 to 4.2), which
	// transliterates without normalizing first. pyvideo.org pinned Pelican
	// 4.2.0 until at least October 2025. In pyvideo's data only two titles
	// slug differently under the two rules, both of Japanese katakana
	// written with a combining sound mark that NFKC joins to its letter:
	// "PYCONポスターセッション", with its ポ written as ホ and U+309A, gives
	// "pyconposutasetsushiyon" by default and "pyconhosutasetsushiyon"
	// with Pelican42. (Older Pelican also ran with markupsafe 1.x, whose
	// tag stripping differs from step 1 only for malformed markup and
	// HTML5-only entity names.)
	Pelican42 bool
}

// Slugify returns the slug of s under the rule r selects.
func (r Slugifier) Slugify(s string) string {
	// Steps 1 and 3-5 are fused into one scan where that changes nothing,
	// so that an ASCII title costs one allocation, or none when it is
	// already a slug.
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	spaceIsSeparator := true
	if strings.IndexByte(s, '&') >= 0 {
		// Run the rest of step 1 on its own: references are unescaped
		// after whitespace is collapsed (and after tags are stripped, so
		// "&lt;b&gt;" is text), and a space a reference produces is
		// transliterated, not collapsed.
		s = unescapeHTML(collapseSpace(s))
		spaceIsSeparator = false
	}
	if !r.Pelican42 && !ascii.String(s) {
		s = norm.NFKC.String(s)
	}
	return slugScan(s, spaceIsSeparator)
}

// URLPath returns the path of a talk's page on pyvideo.org,
// "/<event slug>/<talk slug>.html", as pyvideo's Pelican build makes it.
//
// The event slug is Slugify(eventTitle), the title in the event's
// category.json; when that title is empty or only whitespace, pyvideo's
// reader uses the record's legacy "category" member if it has one (pass it as
// eventTitle) and otherwise Pelican's DEFAULT_CATEGORY, "Undefined".
//
// The talk slug is the record's "slug" member with surrounding whitespace
// removed, used verbatim: pyvideo's JSON reader does not slugify it, so legacy
// slugs keep their capitals and underscores ("Micropython_gpio"). When that is
// empty, the talk slug is Slugify(title). pyvideo's reader gives a record
// without a title the title "Title"; pass that for the same result. An event
// or talk slug may be empty, as on pyvideo.org ("/event/.html").
func (r Slugifier) URLPath(eventTitle, slug, title string) string {
	if strings.TrimFunc(eventTitle, isPySpace) == "" {
		eventTitle = defaultCategory
	}
	slug = strings.TrimFunc(slug, isPySpace)
	if slug == "" {
		slug = r.Slugify(title)
	}
	return "/" + r.Slugify(eventTitle) + "/" + slug + ".html"
}

// defaultCategory is Pelican's DEFAULT_CATEGORY as pyvideo's pelicanconf.py
// sets it.
const defaultCategory = "Undefined"

// stripTags removes comments and tags the way markupsafe (2.1 and later)
// does in Markup.striptags, before it collapses whitespace.
func stripTags(s string) string {
	// Comments first, each search restarting from the beginning: removing
	// one can join "<!" and "--" into a new comment start.
	for {
		start := strings.Index(s, "<!--")
		if start < 0 {
			break
		}
		end := strings.Index(s[start:], "-->")
		if end < 0 {
			break
		}
		s = s[:start] + s[start+end+3:]
	}
	// Tags: markupsafe also restarts from the beginning, but text before
	// the first '<' holds no '<', so one left-to-right pass is the same.
	start := strings.IndexByte(s, '<')
	if start < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for start >= 0 {
		end := strings.IndexByte(s[start:], '>')
		if end < 0 {
			break
		}
		b.WriteString(s[:start])
		s = s[start+end+1:]
		start = strings.IndexByte(s, '<')
	}
	b.WriteString(s)
	return b.String()
}

// unescapeHTML replaces character references as Python's html.unescape
// does. [html.UnescapeString] agrees with it on named references; numeric
// ones are decoded here because Python drops references to most control
// characters and noncharacters ("&#x1c;" is "", not U+001C) and reads
// numbers of any length without overflowing.
func unescapeHTML(s string) string {
	if !strings.Contains(s, "&#") {
		return html.UnescapeString(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, "&#")
		if i < 0 {
			break
		}
		b.WriteString(html.UnescapeString(s[:i]))
		r, n := charRef(s[i+2:])
		if n == 0 {
			b.WriteString("&#") // not a reference: Python leaves it
		} else {
			b.WriteString(r)
		}
		s = s[i+2+n:]
	}
	b.WriteString(html.UnescapeString(s))
	return b.String()
}

// charRef decodes the numeric character reference whose "&#" precedes s,
// returning its text and how many bytes of s it used (0 if none).
func charRef(s string) (string, int) {
	base, digits := 10, s
	if len(s) > 0 && (s[0] == 'x' || s[0] == 'X') {
		base, digits = 16, s[1:]
	}
	num, n := 0, 0
	for ; n < len(digits); n++ {
		d := digitVal(digits[n], base)
		if d < 0 {
			break
		}
		if num <= utf8.MaxRune {
			num = num*base + d // past MaxRune the value no longer matters
		}
	}
	if n == 0 {
		return "", 0
	}
	used := len(s) - len(digits) + n
	if n < len(digits) && digits[n] == ';' {
		used++
	}
	switch {
	case num == 0x0d || num >= 0x80 && num <= 0x9f:
		// Python's _invalid_charrefs: Windows-1252 for 0x80-0x9F, as in
		// html.UnescapeString.
		return html.UnescapeString("&#" + strconv.Itoa(num) + ";"), used
	case num == 0 || num >= 0xd800 && num <= 0xdfff || num > utf8.MaxRune:
		return "\uFFFD", used
	case num <= 0x08 || num == 0x0b || num >= 0x0e && num <= 0x1f || num == 0x7f ||
		num >= 0xfdd0 && num <= 0xfdef || num&0xfffe == 0xfffe:
		return "", used // Python's _invalid_codepoints
	}
	return string(rune(num)), used
}

func digitVal(c byte, base int) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case base == 16 && 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case base == 16 && 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// collapseSpace is Python's " ".join(s.split()): runs of whitespace become
// one space, and the ends are trimmed. It returns s itself when nothing
// changes.
func collapseSpace(s string) string {
	if !needsCollapse(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, c := range s {
		if isPySpace(c) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(c)
	}
	return b.String()
}

func needsCollapse(s string) bool {
	prevSpace := true // a leading space needs trimming
	for _, c := range s {
		switch {
		case c == ' ':
			if prevSpace {
				return true
			}
			prevSpace = true
		case isPySpace(c):
			return true
		default:
			prevSpace = false
		}
	}
	return prevSpace && s != ""
}

// isPySpace reports whether Python's str.isspace holds for c, which is also
// what the \s of Python's re matches. It differs from [unicode.IsSpace] in
// U+001C to U+001F, which Python counts as whitespace.
func isPySpace(c rune) bool {
	switch {
	case c <= ' ':
		return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f
	case c < 0x85:
		return false
	case c <= 0xa0:
		return c == 0x85 || c == 0xa0
	case c < 0x1680:
		return false
	}
	return c == 0x1680 || c >= 0x2000 && c <= 0x200a ||
		c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000
}

// slugScan transliterates s and applies the regular expressions and the
// lower-casing of Pelican's slugify in one pass. When spaceIsSeparator is
// set, a non-ASCII Unicode space separates words directly, as it would had
// markupsafe's whitespace collapse turned it into ' ' first.
func slugScan(s string, spaceIsSeparator bool) string {
	var arr [128]byte
	out := arr[:0]
	var w slugWriter
	var tab *translitTable
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			out = w.put(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if spaceIsSeparator && isPySpace(r) {
			out = w.put(out, ' ')
			continue
		}
		if tab == nil {
			tab = translit()
		}
		rep := tab.lookup(r)
		for j := 0; j < len(rep); j++ {
			out = w.put(out, rep[j])
		}
	}
	out = w.end(out)
	if string(out) == s {
		return s // already a slug: no allocation
	}
	return string(out)
}

// slugWriter applies, byte by byte to unidecode's ASCII output, what
// Pelican's four default substitutions and lower() do to the whole string:
// drop [^\w\s-], strip leading and trailing whitespace, and write each run of
// [-\s] as one '-'. A run at either end survives as '-' only when it holds a
// '-', because stripping removes its whitespace first. It holds no slice so
// that the caller's buffer can stay on the stack.
type slugWriter struct {
	inRun   bool // inside a run of '-' and whitespace
	runDash bool // that run holds a '-'
}

// put appends what byte c contributes to out.
func (w *slugWriter) put(out []byte, c byte) []byte {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_':
	case 'A' <= c && c <= 'Z':
		c += 'a' - 'A'
	case c == '-':
		w.inRun, w.runDash = true, true
		return out
	case c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f:
		w.inRun = true
		return out
	default:
		return out // deleted by [^\w\s-]: does not break a run
	}
	if w.inRun && (len(out) > 0 || w.runDash) {
		out = append(out, '-')
	}
	w.inRun, w.runDash = false, false
	return append(out, c)
}

// end appends what a run at the end of the text contributes to out.
func (w *slugWriter) end(out []byte) []byte {
	if w.inRun && w.runDash {
		out = append(out, '-')
	}
	return out
}

// translitTable holds the transliteration of every rune from U+0080 to
// U+FFFF: data[off[r-0x80]:off[r-0x80+1]].
type translitTable struct {
	data string
	off  []uint32
}

func (t *translitTable) lookup(r rune) string {
	i := int(r) - utf8.RuneSelf
	if i < 0 || i+1 >= len(t.off) {
		return "" // Python's unidecode has no table past the BMP that pyvideo's titles need
	}
	return t.data[t.off[i]:t.off[i+1]]
}

// translit builds the table once, on first use, and never writes it again.
// Calling gosimple per rune inside Slugify would allocate twice a rune.
var translit = sync.OnceValue(func() *translitTable {
	const n = 0x10000 - utf8.RuneSelf
	gosimple := gosimpleBMP(n)
	t := &translitTable{off: make([]uint32, n+1)}
	var b strings.Builder
	size := 0
	for _, v := range gosimple {
		size += len(v)
	}
	b.Grow(size)
	for i, v := range gosimple {
		t.off[i] = uint32(b.Len())
		b.WriteString(pythonUnidecode(rune(i+utf8.RuneSelf), v))
	}
	t.off[n] = uint32(b.Len())
	t.data = b.String()
	return t
})

// gosimpleBMP returns gosimple's transliteration of the n runes from U+0080
// on ("" for surrogates). It makes one call for all of them, with a NUL
// after each rune: gosimple copies ASCII through and none of its
// replacements holds a NUL, so the result splits back into one replacement
// per rune. Should a later gosimple break that, it calls once per rune.
func gosimpleBMP(n int) []string {
	var in strings.Builder
	in.Grow(n * 4)
	for i := range n {
		if r := rune(i + utf8.RuneSelf); utf8.ValidRune(r) {
			in.WriteRune(r)
		}
		in.WriteByte(0)
	}
	vals := strings.Split(unidecode.Unidecode(in.String()), "\x00")
	if len(vals) == n+1 && vals[n] == "" {
		return vals[:n]
	}
	vals = make([]string, n)
	for i := range vals {
		if r := rune(i + utf8.RuneSelf); utf8.ValidRune(r) {
			vals[i] = unidecode.Unidecode(string(r))
		}
	}
	return vals
}

// pythonUnidecode returns what Python's unidecode 1.3.6 gives for r, for
// every r that occurs in pyvideo's titles and event titles, given
// gosimple's transliteration v.
func pythonUnidecode(r rune, v string) string {
	if p, ok := pythonOverrides[r]; ok {
		return p
	}
	if v == "[?]" || v == "[?] " {
		// gosimple's table predates Python's unidecode 1.2.0, which
		// turned this placeholder into "no replacement" ("").
		return ""
	}
	return v
}

// pythonOverrides maps the characters of pyvideo's titles whose
// transliteration in Python's unidecode 1.3.6 (the version pyvideo.org
// pins) differs from gosimple/unidecode's to Python's value. Each was
// checked against Python 1.3.6; the fractions other than ¾ share its fix and
// are here so that all three agree.
var pythonOverrides = map[rune]string{
	'¼': " 1/4", // 1.0.22 put spaces around fractions, 1.3.5 dropped the trailing one
	'½': " 1/2",
	'¾': " 3/4",
	'€': "EUR",  // 0.04.15
	'™': "(tm)", // 0.04.13 (NFKC turns ™ into "TM" first unless Pelican42)
	'−': "-",    // U+2212 MINUS SIGN, 1.2.0
	'一': "Yi ",  // U+4E00, 0.04.15 "Fixed transliteration of Chinese character Yi"
}

package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/internal/ascii"
)

// This file turns text into the value of a BibTeX field: LaTeX's special
// characters escaped, capitals protected where BibTeX would change them,
// and, on request, non-ASCII characters as LaTeX commands.

// texEscapes are LaTeX's special characters in text, and the characters
// that are not special to LaTeX but that LaTeX's default OT1 font
// encoding prints as something else ("<" is "¡"), indexed by the (ASCII)
// character: every character of a field is looked up.
var texEscapes = [...]string{
	'\\': `\textbackslash{}`,
	'{':  `\{`,
	'}':  `\}`,
	'&':  `\&`,
	'%':  `\%`,
	'$':  `\$`,
	'#':  `\#`,
	'_':  `\_`,
	'~':  `\textasciitilde{}`,
	'^':  `\textasciicircum{}`,
	'<':  `\textless{}`,
	'>':  `\textgreater{}`,
}

// texSymbols are the LaTeX commands for non-ASCII characters that are not
// a letter with accents, used with [Options.ASCII].
var texSymbols = map[rune]string{
	'ß': `{\ss}`, 'æ': `{\ae}`, 'Æ': `{\AE}`, 'œ': `{\oe}`, 'Œ': `{\OE}`,
	'ø': `{\o}`, 'Ø': `{\O}`, 'å': `{\aa}`, 'Å': `{\AA}`, 'ł': `{\l}`, 'Ł': `{\L}`,
	'ı': `{\i}`, 'ȷ': `{\j}`, 'ð': `{\dh}`, 'Ð': `{\DH}`, 'þ': `{\th}`, 'Þ': `{\TH}`,
	'ŋ': `{\ng}`, 'Ŋ': `{\NG}`,
	'–': `--`, '—': `---`, '‘': `\textquoteleft{}`, '’': `\textquoteright{}`,
	'“': `\textquotedblleft{}`, '”': `\textquotedblright{}`, '…': `{\ldots}`,
	'\u00a0': `~`, '«': `\guillemotleft{}`, '»': `\guillemotright{}`,
	'€': `\texteuro{}`, '£': `{\pounds}`, '©': `\textcopyright{}`, '®': `\textregistered{}`,
	'™': `\texttrademark{}`, '°': `\textdegree{}`, '§': `{\S}`, '¶': `{\P}`,
	'¡': `\textexclamdown{}`, '¿': `\textquestiondown{}`, '•': `\textbullet{}`,
	'†': `{\dag}`, '‡': `{\ddag}`, '×': `\texttimes{}`, '÷': `\textdiv{}`,
	'±': `\textpm{}`, 'µ': `\textmu{}`, '¢': `\textcent{}`, '¥': `\textyen{}`,
}

// texAccents are the LaTeX accent commands for Unicode combining marks.
// Those whose name is a letter take their argument in braces.
var texAccents = map[rune]string{
	'\u0300': "`", '\u0301': "'", '\u0302': "^", '\u0303': "~", '\u0304': "=",
	'\u0306': "u", '\u0307': ".", '\u0308': `"`, '\u030a': "r", '\u030b': "H",
	'\u030c': "v", '\u0323': "d", '\u0327': "c", '\u0328': "k", '\u0331': "b",
}

// texWriter builds a field value.
type texWriter struct {
	b     strings.Builder
	ascii bool // write non-ASCII characters as LaTeX commands where there are some

	// unbalanced says the text's own braces do not pair up. BibTeX counts
	// "\{" as a brace like any other, so such braces are written as
	// \textbraceleft{} and \textbraceright{}, which it does not count.
	unbalanced bool
}

// bracesBalance reports whether the braces of s pair up as BibTeX counts
// them: every "}" closes an earlier "{", and none is left open.
func bracesBalance(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		if i+8 <= len(s) {
			if x := ascii.Load64(s, i); !ascii.Has(x, '{') && !ascii.Has(x, '}') {
				i += 7 // no brace in these eight bytes
				continue
			}
		}
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// text writes s escaped, as text. s has no control characters and is in
// NFC, as clean leaves text: the fields texString writes are clean, and
// title passes each of its pieces through texInput first.
func (w *texWriter) text(s string) {
	for i := 0; i < len(s); {
		if j := w.plainEnd(s, i); j > i {
			w.emit(s[i:j])
			i = j
			continue
		}
		i = w.character(s, i)
	}
}

// texInput returns s in NFC and without control characters, as text
// writes it.
func texInput(s string) string {
	if printableASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, norm.NFC.String(s))
}

// character writes the character of s at i escaped (with the combining
// marks after it, where it becomes a command) and returns where the next
// one starts.
func (w *texWriter) character(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case w.unbalanced && r == '{':
		w.emit(`\textbraceleft{}`)
	case w.unbalanced && r == '}':
		w.emit(`\textbraceright{}`)
	case r < rune(len(texEscapes)) && texEscapes[r] != "":
		w.emit(texEscapes[r])
	case r < utf8.RuneSelf || !w.ascii:
		w.emit(s[i : i+size])
	default:
		// A letter and the combining marks after it, as one unit.
		j := i + size
		for j < len(s) {
			m, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.Is(unicode.Mn, m) {
				break
			}
			j += n
		}
		w.emit(texChar(s[i:j]))
		return j
	}
	return i + size
}

// plainEnd returns where the run of text from i ends that text writes as
// it is, one character at a time, so that it may be emitted at once: no
// escapes, no characters to spell as commands, and no character that
// forms a ligature with the one before it, which only the run's first
// could do with what was written before.
func (w *texWriter) plainEnd(s string, i int) int {
	for start := i; i < len(s); i++ {
		if i+8 <= len(s) && texPlain[s[i]]&texPlain[s[i+1]]&texPlain[s[i+2]]&texPlain[s[i+3]]&
			texPlain[s[i+4]]&texPlain[s[i+5]]&texPlain[s[i+6]]&texPlain[s[i+7]] != 0 {
			i += 7 // eight bytes the switch below would pass over
			continue
		}
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			if w.ascii {
				return i
			}
		case int(c) < len(texEscapes) && texEscapes[c] != "":
			return i
		case c == '-', c == '`', c == '\'', c == ',':
			// emit checks the run's first character against what was
			// written before; the others follow the one before them.
			if i > start && (s[i-1] == c || c == '`' && (s[i-1] == '!' || s[i-1] == '?')) {
				return i
			}
		}
	}
	return i
}

// texPlain marks the bytes plainEnd passes over wherever they stand: ASCII
// but for the escapes and the characters of ligatures. Looking eight of
// them up at once, and-ed, makes the runs of a description's words a few
// tests instead of a switch per byte.
var texPlain = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		if c >= len(texEscapes) || texEscapes[c] == "" {
			t[c] = 1
		}
	}
	for _, c := range "-`'," {
		t[c] = 0 // may make a ligature with the character before
	}
	return t
}()

// emit appends LaTeX to the value, with an empty group before it when its
// first character would form one of TeX's ligatures with the last one
// written: LaTeX (and BibTeX readers) make two hyphens a dash, two
// backquotes, apostrophes or commas a quotation mark, "!" or "?" and a
// backquote an inverted mark. This also keeps an en dash written as "--"
// from joining a hyphen after it into an em dash.
func (w *texWriter) emit(tex string) {
	if n := w.b.Len(); n > 0 && tex != "" {
		last, next := w.b.String()[n-1], tex[0]
		if next == last && strings.IndexByte("-`',", next) >= 0 || next == '`' && (last == '!' || last == '?') {
			w.b.WriteString("{}")
		}
	}
	w.b.WriteString(tex)
}

// texChar returns the LaTeX form of one character (a base and its
// combining marks), or the character itself when LaTeX has no command for
// it: BibTeX copies such bytes through, and LaTeX since 2018 reads its
// input as UTF-8, so the character prints where the font has it.
func texChar(c string) string {
	if r, _ := utf8.DecodeRuneInString(c); utf8.RuneCountInString(c) == 1 && texSymbols[r] != "" {
		return texSymbols[r]
	}
	d := norm.NFD.String(c)
	base, size := utf8.DecodeRuneInString(d)
	inner := ""
	switch {
	case base < utf8.RuneSelf && unicode.IsLetter(base):
		inner = string(base)
	case texSymbols[base] != "" && strings.HasPrefix(texSymbols[base], `{\`):
		inner = strings.Trim(texSymbols[base], "{}") // "\o" under an accent
	default:
		return c
	}
	marks := d[size:]
	if marks == "" {
		return c
	}
	// Accents above the letter innermost, those below it (\d, \c, \k,
	// \b) around them: TeX's \accent puts an accent above a character
	// and no other box, so \^{\d{a}} leaves the circumflex beside the
	// a, while \d{\^a} builds "ậ" from any letter. Canonical order (NFD)
	// puts the marks below first.
	var above, below []string
	for _, m := range marks {
		cmd, ok := texAccents[m]
		if !ok {
			return c
		}
		switch cmd {
		case "d", "c", "k", "b":
			below = append(below, cmd)
		default:
			above = append(above, cmd)
		}
	}
	if dotless(inner, above) {
		inner = `\` + inner
	}
	for _, cmd := range append(above, below...) {
		switch {
		case unicode.IsLetter(rune(cmd[0])):
			inner = `\` + cmd + "{" + inner + "}"
		case len(inner) == 1:
			inner = `\` + cmd + inner
		default:
			inner = `\` + cmd + "{" + inner + "}"
		}
	}
	return "{" + inner + "}"
}

// dotless reports whether an i or a j under the accents above it loses
// its dot (\i, \j), as LaTeX's own UTF-8 input writes ĩ, ī, ĭ, ǐ and ǰ
// (\~\i, \=\i, ...): an accent over a plain i prints the dot under it.
// An i with one acute, grave, circumflex or diaeresis is left as it is
// (\'i), as LaTeX writes it: both of its font encodings, OT1 and T1,
// compose those with a dotless i themselves.
func dotless(base string, above []string) bool {
	switch {
	case len(above) == 0:
		return false
	case base == "j":
		return true
	case base != "i":
		return false
	}
	return len(above) > 1 || !strings.Contains("'`^\"", above[0])
}

// title writes s as a title: escaped as [texWriter.text], with every word
// that has a capital BibTeX styles could lower-case put in braces:
// "async/await in {Python} 3.5", "{PEP} 492". The first word is left alone
// when only its first letter is a capital and it starts the title, since
// every style keeps the title's first character: after a quotation mark,
// a bracket or an inverted mark it is braced ("\"{Hello}\" world",
// "¿{Qué} es?"), as BibTeX's "t" case change lower-cases every letter but
// the first character. A word after a colon is protected all the same:
// BibTeX keeps its capital, but biblatex's \MakeSentenceCase does not.
func (w *texWriter) title(s string) {
	// The first word keeps its capital in every style, when it is first.
	start := s != "" && isWordRune(firstRune(s))
	for s != "" {
		i := strings.IndexFunc(s, isWordRune)
		if i < 0 {
			w.text(texInput(s))
			break
		}
		if i > 0 {
			w.text(texInput(s[:i]))
			s = s[i:]
		}
		j := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) })
		if j < 0 {
			j = len(s)
		}
		word := s[:j]
		if needsProtection(word, start) {
			w.b.WriteByte('{')
			w.text(texInput(word))
			w.b.WriteByte('}')
		} else {
			w.text(texInput(word))
		}
		start = false
		s = s[j:]
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// needsProtection reports whether a word of a title has a capital that a
// style changing case could lose.
func needsProtection(word string, start bool) bool {
	for i, r := range word {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			if i > 0 || !start {
				return true
			}
		}
	}
	return false
}

// texString returns s, which clean has cleaned, escaped as text. Every
// field but a title is clean already, and a description's cleaning is
// most of the time an entry takes: it is not done twice.
func texString(s string, ascii bool) string {
	w := texWriter{ascii: ascii, unbalanced: !bracesBalance(s)}
	if printableASCII(s) && w.plainEnd(s, 0) == len(s) {
		return s // one run of plain text, as most names are
	}
	w.b.Grow(len(s) + len(s)/8) // escapes make TeX a little longer
	w.text(s)
	return w.b.String()
}

// texTitle returns s escaped as a title.
func texTitle(s string, ascii bool) string {
	w := texWriter{ascii: ascii, unbalanced: !bracesBalance(s)}
	w.b.Grow(len(s) + len(s)/8) // escapes make TeX a little longer
	w.title(s)
	return w.b.String()
}

// texURL returns a URL as a BibTeX field can hold it: braces and
// backslashes percent-encoded (they would unbalance the value or end it),
// all else as it is. BibLaTeX's url field is read verbatim.
func texURL(u string) string {
	if texSafeURL(u) {
		return u // nearly every URL
	}
	return texURLByRune(u)
}

// texSafeURL reports whether texURL leaves u as it is: printable ASCII
// without braces, backslashes or spaces.
func texSafeURL(u string) bool {
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c <= ' ' || c >= 0x7f, c == '{', c == '}', c == '\\':
			return false
		}
	}
	return true
}

// texURLByRune is texURL looking at every character.
func texURLByRune(u string) string {
	var b strings.Builder
	for _, r := range u {
		switch {
		case r == '{':
			b.WriteString("%7B")
		case r == '}':
			b.WriteString("%7D")
		case r == '\\':
			b.WriteString("%5C")
		case r == ' ':
			b.WriteString("%20")
		case unicode.IsControl(r) || r == utf8.RuneError:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiURL returns u with each byte of its non-ASCII characters
// percent-encoded, as RFC 3987 maps an IRI to a URI: the same address,
// in ASCII, for [Options.ASCII]. "%" itself is left alone, as u's own
// escapes are.
func asciiURL(u string) string {
	if ascii.String(u) {
		return u
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(u)+len(u)/2)
	for i := 0; i < len(u); i++ {
		if c := u[i]; c < utf8.RuneSelf {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

// texURLArg returns a URL for \url{...} in a field that is not verbatim
// (BibTeX's note): as [texURL], with "%" and "#" escaped, as url.sty and
// hyperref ask for a URL that may end up in another command's argument;
// unescaped, "%" starts a comment to LaTeX and to BibTeX readers.
func texURLArg(u string) string {
	return urlArgEscaper.Replace(texURL(u))
}

// Replacers are safe for concurrent use, and these cost more to build
// than to run.
var (
	urlArgEscaper  = strings.NewReplacer("%", `\%`, "#", `\#`)
	braceRemover   = strings.NewReplacer("{", "", "}", "")
	keywordEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, "#", `\#`, "%", `\%`)
)

// texKeywords returns s, a keyword list, for the keywords field. Readers
// such as Better BibTeX's take it verbatim, but biber copies it into the
// .bbl as it is, where LaTeX reads it: so it is written as it is but for
// what stops LaTeX there, a "#" ("Illegal parameter number"), a "%" (the
// rest of the line a comment) and a "\" (which could escape the closing
// brace), escaped as \#, \% and \textbackslash{}; and without its braces
// when they do not balance, since no escape hides a brace from BibTeX.
func texKeywords(s string) string {
	if !bracesBalance(s) {
		s = braceRemover.Replace(s)
	}
	if strings.ContainsAny(s, `\#%`) {
		s = keywordEscaper.Replace(s)
	}
	return s
}

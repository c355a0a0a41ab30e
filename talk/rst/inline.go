package rst

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escaped marks a character that a backslash escaped, as docutils marks
// it with a NUL: it is text, and it does not count as white space or
// punctuation around markup.
const escaped = '\x00'

// unescape replaces backslash escapes with escaped markers, as docutils'
// escape2null does; an escaped space disappears from the output (see
// clean0) but still separates markup from what follows.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			// A backslash ending the text escapes nothing, and goes
			// (escape2null leaves its marker alone).
			b.WriteByte(escaped)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i+1:])
		i += size
		b.WriteByte(escaped)
		b.WriteRune(r)
	}
	return b.String()
}

// openers and delimiters may stand before a start-string; closers and
// delimiters after an end-string (docutils' punctuation_chars, with the
// Unicode categories they are built from).
// In ASCII, docutils lists them by hand; beyond it, it has strings made
// from Unicode categories of its day (see punct.go).
func isOpener(r rune) bool {
	if r < utf8.RuneSelf {
		return strings.ContainsRune("\"'(<[{", r)
	}
	return unicode.Is(docutilsOpeners, r)
}

func isCloser(r rune) bool {
	if r < utf8.RuneSelf {
		return strings.ContainsRune("\"')>]}", r)
	}
	return unicode.Is(docutilsClosers, r)
}

func isDelimiter(r rune) bool {
	if r < utf8.RuneSelf {
		// (docutils' string is `\-/:`, but in its regular expressions
		// the backslash escapes the hyphen: a backslash is none.)
		return strings.ContainsRune(`-/:`, r)
	}
	return unicode.Is(docutilsDelimiters, r)
}

// startOK reports whether markup may start after the rune before
// (utf8.RuneError at the start of the text).
func startOK(before rune, atStart bool) bool {
	return atStart || before != escaped && (isPySpace(before) || isOpener(before) || isDelimiter(before))
}

// endOK reports whether markup may end before the rune after.
func endOK(after rune, atEnd bool) bool {
	return atEnd || after == escaped || isPySpace(after) || isCloser(after) || isDelimiter(after) || strings.ContainsRune(`\.,;!?`, after)
}

// quotePairs maps each opener to the closers docutils takes as its pair
// around a start-string, which is then text: "(*)", "「*」", "„*“". They
// are docutils' punctuation_chars.match_chars: the closer at the
// opener's (first) place in its openers and closers, and the quote
// pairs of other languages' conventions (quote_pairs).
var quotePairs = map[rune]string{
	'"': "\"", '\'': "'", '(': ")", '<': ">", '\\': "\\",
	'[': "]", '{': "}", '\u0f3a': "\u0f3b", '\u0f3c': "\u0f3d", '\u169b': "\u169c",
	'\u2045': "\u2046", '\u207d': "\u207e", '\u208d': "\u208e", '\u2329': "\u232a", '\u2768': "\u2769",
	'\u276a': "\u276b", '\u276c': "\u276d", '\u276e': "\u276f", '\u2770': "\u2771", '\u2772': "\u2773",
	'\u2774': "\u2775", '\u27c5': "\u27c6", '\u27e6': "\u27e7", '\u27e8': "\u27e9", '\u27ea': "\u27eb",
	'\u27ec': "\u27ed", '\u27ee': "\u27ef", '\u2983': "\u2984", '\u2985': "\u2986", '\u2987': "\u2988",
	'\u2989': "\u298a", '\u298b': "\u298c", '\u298d': "\u298e", '\u298f': "\u2990", '\u2991': "\u2992",
	'\u2993': "\u2994", '\u2995': "\u2996", '\u2997': "\u2998", '\u29d8': "\u29d9", '\u29da': "\u29db",
	'\u29fc': "\u29fd", '\u2e22': "\u2e23", '\u2e24': "\u2e25", '\u2e26': "\u2e27", '\u2e28': "\u2e29",
	'\u3008': "\u3009", '\u300a': "\u300b", '\u300c': "\u300d", '\u300e': "\u300f", '\u3010': "\u3011",
	'\u3014': "\u3015", '\u3016': "\u3017", '\u3018': "\u3019", '\u301a': "\u301b", '\u301d': "\u301e",
	'\ufd3e': "\ufd3f", '\ufe17': "\ufe18", '\ufe35': "\ufe36", '\ufe37': "\ufe38", '\ufe39': "\ufe3a",
	'\ufe3b': "\ufe3c", '\ufe3d': "\ufe3e", '\ufe3f': "\ufe40", '\ufe41': "\ufe42", '\ufe43': "\ufe44",
	'\ufe47': "\ufe48", '\ufe59': "\ufe5a", '\ufe5b': "\ufe5c", '\ufe5d': "\ufe5e", '\uff08': "\uff09",
	'\uff3b': "\uff3d", '\uff5b': "\uff5d", '\uff5f': "\uff60", '\uff62': "\uff63", '\u00ab': "\u00bb",
	'\u2018': "\u2019\u201a", '\u201c': "\u201d\u201e", '\u2039': "\u203a", '\u2e02': "\u2e03", '\u2e04': "\u2e05",
	'\u2e09': "\u2e0a", '\u2e0c': "\u2e0d", '\u2e1c': "\u2e1d", '\u2e20': "\u2e21", '\u201a': "\u201b\u2018\u2019",
	'\u201e': "\u201f\u201c\u201d", '\u00bb': "\u00ab\u00bb", '\u2019': "\u2018\u2019", '\u201d': "\u201c\u201d", '\u203a': "\u2039\u203a",
	'\u2e03': "\u2e02", '\u2e05': "\u2e04", '\u2e0a': "\u2e09", '\u2e0d': "\u2e0c", '\u2e1d': "\u2e1c",
	'\u2e21': "\u2e20", '\u201b': "\u201a", '\u201f': "\u201e",
}

var (
	simplename = `(?:[\p{L}\p{N}]+(?:[-._+:][\p{L}\p{N}]+)*)`
	refnameRE  = regexp.MustCompile(`^(` + simplename + `)(__?)`)
	footnoteRE = regexp.MustCompile(`^\[([0-9]+|#` + simplename + `?|\*|` + simplename + `)\]_`)
	roleRE     = regexp.MustCompile(`^:(` + simplename + `):`)
)

// A roleDef is an interpreted text role: the inline form this package
// gives it ("em", "strong", "code", "sub", "sup", "text", "cite"), or the role whose
// text docutils checks ("pep", "rfc"), refuses without a format ("raw")
// or has not implemented ("unimplemented"); format says a raw role has
// one, as a role the role directive makes of raw may.
type roleDef struct {
	kind   string
	format bool
	// options are the role's option_spec, as optionSpecs names it: the
	// options the role directive takes for a role made of it.
	options string
	// backslashes says the role's text keeps its backslashes, as
	// docutils' code and math roles keep them (utils.unescape with
	// restore_backslashes): ":code:`C:\path`" is "C:\path", where
	// ":literal:`C:\path`" is "C:path".
	backslashes bool
}

// knownRoles are docutils' interpreted text roles by the names its
// English language module gives them, with their forms.
var knownRoles = map[string]string{
	"emphasis": "em", "strong": "strong", "literal": "code", "code": "code", "math": "code",
	"subscript": "sub", "sub": "sub", "superscript": "sup", "sup": "sup",
	"title-reference": "cite", "title": "cite", "t": "cite", "abbreviation": "text", "ab": "text",
	"acronym": "text", "ac": "text", "pep-reference": "pep", "pep": "pep", "rfc-reference": "rfc", "rfc": "rfc",
	"raw": "raw", "index": "unimplemented", "i": "unimplemented", "named-reference": "unimplemented",
	"anonymous-reference": "unimplemented", "footnote-reference": "unimplemented",
	"citation-reference": "unimplemented", "substitution-reference": "unimplemented", "target": "unimplemented",
	"uri-reference": "unimplemented", "uri": "unimplemented", "url": "unimplemented",
}

// unimplementedRole is the one role docutils has that its language
// module does not name.
const unimplementedRole = "restructuredtext-unimplemented-role"

// lookupRole finds the role name names as docutils' roles.role does: one
// the role directive made, one of knownRoles, or the role docutils takes
// by its canonical name, which it notes with info (and then knows by that
// name, as it knows the roles the directive makes).
func (p *parser) lookupRole(name string) (def roleDef, info, ok bool) {
	norm := pyLower(name)
	if def, ok := p.roles[norm]; ok {
		return def, false, true
	}
	if kind, ok := knownRoles[norm]; ok {
		def := roleDef{kind: kind, options: "role", backslashes: norm == "code" || norm == "math"}
		if norm == "code" || kind == "raw" {
			def.options = "role " + norm
		}
		return def, false, true
	}
	if norm != unimplementedRole {
		return roleDef{}, true, false
	}
	def = roleDef{kind: "unimplemented", options: "role"}
	p.defineRole(norm, def)
	return def, true, true
}

// defineRole gives the document a role of its own, by its name in lower
// case.
func (p *parser) defineRole(norm string, def roleDef) {
	if p.roles == nil {
		p.roles = map[string]roleDef{}
	}
	p.roles[norm] = def
}

// noRoleEntry is docutils' note of a role its language module does not
// name.
func noRoleEntry(name string) string {
	return fmt.Sprintf("No role entry for %q in module \"docutils.parsers.rst.languages.en\".\nTrying %q as canonical role name.", name, name)
}

// inline parses the inline markup of text, whose first line is at; like
// docutils, it reports problems at the line where the text starts.
func (p *parser) inline(text string, at line) []Inline {
	return p.inlineOf(text, at, false)
}

// inlineOf is inline, for a definition list term when classifiers is
// set, its content then marked where classifiers start.
func (p *parser) inlineOf(text string, at line, classifiers bool) []Inline {
	if p.checkOnly && !p.inReplacement && !hasAnyByte(text, "*`|") {
		return nil
	}
	in := &inliner{p: p, at: at, classifiers: classifiers}
	mark := len(p.doc.Diagnostics)
	out := in.parse(unescape(text), 0)
	if len(p.dups) > 0 && !p.holdDups {
		// docutils puts a duplicate target's message before the text's
		// node, and so before the text's own messages.
		p.doc.Diagnostics = append(p.doc.Diagnostics[:mark], append(p.dups, p.doc.Diagnostics[mark:]...)...)
		p.dups = p.dups[:0]
	}
	return out
}

// classifierDelimiter is docutils' classifier_delimiter, which parts a
// definition list term from its classifiers (" : "). An escaped colon or
// space (a marker before it) is none.
var classifierDelimiter = regexp.MustCompile(` +: +`)

// classifierMark stands, in a definition list term's content, where a
// classifier delimiter was (see splitClassifiers).
type classifierMark struct{}

func (classifierMark) inline() {}

// splitClassifiers splits the content of a term, parsed with classifier
// marks, into the term and its classifiers.
func splitClassifiers(content []Inline) (term []Inline, classifiers [][]Inline) {
	for i := len(content) - 1; i >= 0; i-- {
		if _, ok := content[i].(classifierMark); ok {
			classifiers = append(classifiers, content[i+1:])
			content = content[:i]
		}
	}
	slices.Reverse(classifiers)
	return content, classifiers
}

// An inliner parses the inline markup of one text: ends belongs to it.
type inliner struct {
	p  *parser
	at line
	// classifiers says the text is a definition list term, whose text
	// classifiers may follow (see classifierDelimiter).
	classifiers bool
	// stepwise looks at every character for markup, as parse did before
	// it skipped to the characters markup can start at; for the test
	// that holds the two ways to the same result.
	stepwise bool
	// ends remembers, for each kind of end-string, the one found last.
	ends [endKinds]endCache
}

func (in *inliner) warn(level Level, msg string) {
	in.p.report(in.at, level, msg)
	if level >= Warning {
		// docutils shows the markup as a problematic node.
		in.p.idElements = append(in.p.idElements, "problematic")
	}
}

// parse parses s; depth bounds nesting (strong inside a reference...).
func (in *inliner) parse(s string, depth int) []Inline {
	// Markup starts only at a markup character or at a word followed by
	// "_" (name_, and "_" is one of markupStarts); most descriptions'
	// lines have neither, and are text.
	if !hasAnyByte(s, markupStarts) {
		return in.text(s)
	}
	underscores := strings.Contains(s, "_")
	var out []Inline
	textStart := 0
	flush := func(end int) {
		if end <= textStart {
			return
		}
		if !in.classifiers || in.p.checkOnly || depth > 0 {
			out = in.appendText(out, s[textStart:end])
			return
		}
		// A definition list term's text (not its markup's) is split
		// at its classifier delimiters, the text before the first one
		// without trailing white space, as docutils' term does.
		parts := classifierDelimiter.Split(s[textStart:end], -1)
		for k, part := range parts {
			if k == 0 && len(parts) > 1 {
				part = strings.TrimRightFunc(part, isPySpace)
			}
			if k > 0 {
				out = append(out, classifierMark{})
			}
			if part != "" {
				out = in.appendText(out, part)
			}
		}
	}
	prev := utf8.RuneError // the rune before i
	prevWord := false      // whether prev is a word rune
	// resumed is where the text after the last markup starts. docutils
	// looks for the next markup in that text as a string of its own,
	// where a start-string may come first whatever was before it: "*|"
	// is an emphasis start-string and then a substitution's.
	resumed := 0
	for i := 0; i < len(s); {
		if !underscores && !in.stepwise {
			// Without a "_", markup starts only at a markup character,
			// an ASCII byte: skip to the next one.
			j := strings.IndexAny(s[i:], markupStarts)
			if j < 0 {
				break
			}
			if j > 0 {
				i += j
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
				prevWord = isWordRune(prev)
			}
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		word := isWordRune(r)
		if word && prevWord && i != resumed {
			// Inside a word: the common case, nothing can start here.
			prev = r
			i += size
			continue
		}
		// Markup starts at a markup character, or at the start of a word
		// that is a reference name (name_).
		if (isMarkupStart(r) || word) && startOK(prev, i == resumed) &&
			(isMarkupStart(r) || underscores && wordEndsInUnderscore(s[i:])) {
			if node, end, ok := in.markup(s, i, prev, i == resumed, depth); ok {
				flush(i)
				// Check shows no content, as it keeps no text.
				if node != nil && !in.p.checkOnly {
					out = append(out, node)
				}
				i, textStart, resumed = end, end, end
				prev, _ = utf8.DecodeLastRuneInString(s[:end])
				prevWord = isWordRune(prev)
				continue
			}
		}
		prev, prevWord = r, word
		i += size
	}
	flush(len(s))
	return out
}

// markup tries the markup that may start at s[i]; it returns the node
// and where the markup ends, or ok == false for text. first says s[i]
// starts the text docutils looks in (see resumed in parse), where
// nothing before it counts.
func (in *inliner) markup(s string, i int, before rune, first bool, depth int) (node Inline, end int, ok bool) {
	rest := s[i:]
	quoted := func(n int) bool {
		if n >= len(rest) {
			return !first // a start-string ending the text is markup only if it is the whole text
		}
		after, _ := utf8.DecodeRuneInString(rest[n:])
		if isPySpace(after) {
			return true // a start-string needs text after it
		}
		closers, ok := quotePairs[before]
		return !first && ok && strings.ContainsRune(closers, after)
	}
	switch {
	case strings.HasPrefix(rest, "**"):
		if quoted(2) {
			return nil, 0, false
		}
		if j := in.findEnd(s, i+2, strongEnd); j >= 0 {
			return &Strong{Content: in.nested(s[i+2:j], depth)}, j + 2, true
		}
		in.warn(Warning, "Inline strong start-string without end-string.")
		return Text("**"), i + 2, true
	case strings.HasPrefix(rest, "*"):
		if quoted(1) {
			return nil, 0, false
		}
		if j := in.findEnd(s, i+1, emphasisEnd); j >= 0 {
			return &Emphasis{Content: in.nested(s[i+1:j], depth)}, j + 1, true
		}
		in.warn(Warning, "Inline emphasis start-string without end-string.")
		return Text("*"), i + 1, true
	case strings.HasPrefix(rest, "``"):
		if quoted(2) {
			return nil, 0, false
		}
		if j := in.findEnd(s, i+2, literalEnd); j >= 0 {
			return Literal(restoreBackslashes(s[i+2 : j])), j + 2, true
		}
		in.warn(Warning, "Inline literal start-string without end-string.")
		return Text("``"), i + 2, true
	case strings.HasPrefix(rest, "_`"):
		if quoted(2) {
			return nil, 0, false
		}
		if j := in.findEnd(s, i+2, targetEnd); j >= 0 {
			text := clean0(s[i+2 : j])
			in.inlineTarget(text, false, "")
			if in.p.checkOnly {
				return nil, j + 1, true
			}
			// Its id, which references to its name link to (an
			// explicit target's name is taken from a section's).
			id, name := in.p.newID(text), normalizeName(text)
			if _, taken := in.p.doc.Targets[name]; !taken || in.p.sectionNames[name] {
				in.p.target(name, "#"+id)
			}
			return &Target{Content: []Inline{Text(text)}, ID: id}, j + 1, true
		}
		in.warn(Warning, "Inline target start-string without end-string.")
		return Text("_`"), i + 2, true
	case strings.HasPrefix(rest, "|") && !strings.HasPrefix(rest, "||"):
		if quoted(1) {
			return nil, 0, false
		}
		if j := in.findEnd(s, i+1, substitutionEnd); j >= 0 {
			end := j + 1
			for k := 0; k < 2 && end < len(s) && s[end] == '_'; k++ {
				end++
			}
			if end-(j+1) == 2 {
				in.p.idElements = append(in.p.idElements, "reference") // anonymous
			}
			if in.p.checkOnly {
				return nil, end, true
			}
			name := clean0(s[i+1 : j])
			sub := &Substitution{Name: name, Content: []Inline{Text(name)}}
			in.p.subRefs = append(in.p.subRefs, writtenSub{sub, restoreBackslashes(s[i : j+1])})
			switch end - (j + 1) {
			case 1: // |name|_ links to the target of its name
				ref := &Reference{Content: []Inline{sub}, Name: normalizeName(name)}
				in.p.refs = append(in.p.refs, writtenRef{ref, restoreBackslashes(s[i:end]), false})
				return ref, end, true
			case 2: // |name|__ to an anonymous target
				ref := &Reference{Content: []Inline{sub}}
				in.p.anonRefs = append(in.p.anonRefs, ref)
				in.p.refs = append(in.p.refs, writtenRef{ref, restoreBackslashes(s[i:end]), true})
				return ref, end, true
			}
			return sub, end, true
		}
		in.warn(Warning, "Inline substitution_reference start-string without end-string.")
		return Text("|"), i + 1, true
	case strings.HasPrefix(rest, "`") || startsRoleAndBackquote(rest):
		return in.backquote(s, i, depth, quoted)
	case strings.HasPrefix(rest, "["):
		if m := footnoteRE.FindStringSubmatch(rest); m != nil && endOK(runeAt(s, i+len(m[0])), i+len(m[0]) >= len(s)) {
			if in.p.footnoteNames {
				// Its text, as docutils' astext gives it: the label,
				// none yet for one numbered or given a symbol later.
				if label := m[1]; label[0] != '#' && label != "*" {
					return Text(label), i + len(m[0]), true
				}
				return Text(""), i + len(m[0]), true
			}
			// (An element a substitution may not hold: see replacement.)
			if isFootnoteLabel(m[1]) {
				in.p.idElements = append(in.p.idElements, "footnote_reference")
			} else {
				in.p.idElements = append(in.p.idElements, "citation_reference")
			}
			// A link to the footnote or citation, once they are
			// numbered (see resolveFootnotes).
			if in.p.checkOnly {
				return nil, i + len(m[0]), true
			}
			ref := &Reference{Content: []Inline{Text("[" + m[1] + "]")}}
			in.p.footnoteRefs = append(in.p.footnoteRefs, footnoteRef{ref, m[1], m[0]})
			return ref, i + len(m[0]), true
		}
	}
	if m := refnameRE.FindStringSubmatch(rest); m != nil && endOK(runeAt(s, i+len(m[0])), i+len(m[0]) >= len(s)) {
		ref := &Reference{Content: []Inline{Text(m[1])}}
		if m[2] == "__" {
			in.p.idElements = append(in.p.idElements, "reference")
			if !in.p.checkOnly {
				in.p.anonRefs = append(in.p.anonRefs, ref)
			}
		} else {
			ref.Name = normalizeName(m[1])
		}
		if !in.p.checkOnly {
			in.p.refs = append(in.p.refs, writtenRef{ref, restoreBackslashes(m[0]), m[2] == "__"})
		}
		return ref, i + len(m[0]), true
	}
	return nil, 0, false
}

// backquote parses interpreted text (with an optional role before or
// after it) or a phrase reference, at s[i].
func (in *inliner) backquote(s string, i, depth int, quoted func(int) bool) (Inline, int, bool) {
	role := ""
	start := i
	if name, n, ok := roleAt(s[i:]); ok {
		role = name
		i += n
	}
	if strings.HasPrefix(s[i:], "``") {
		return nil, 0, false
	}
	if role != "" {
		// docutils does not ask whether a start-string with a role
		// before it is quoted, only that text follows it.
		if i+1 < len(s) && isPySpace(runeAt(s, i+1)) {
			return nil, 0, false
		}
	} else if quoted(i - start + 1) {
		return nil, 0, false
	}
	j := in.findEnd(s, i+1, backquoteEnd)
	if j < 0 {
		in.warn(Warning, "Inline interpreted text or phrase reference start-string without end-string.")
		return Text(s[start : i+1]), i + 1, true
	}
	suffixEnd, suffixRole, refend, _ := backquoteEndAt(s, j)
	body := s[i+1 : j]
	position := "prefix"
	if suffixRole != "" {
		if role != "" {
			in.warn(Warning, "Multiple roles in interpreted text (both prefix and suffix present; only one allowed).")
			return Text(restoreBackslashes(s[start:suffixEnd])), suffixEnd, true
		}
		role, position = suffixRole, "suffix"
	}
	if refend != "" {
		if role != "" {
			in.warn(Warning, "Mismatch: both interpreted text role "+position+" and reference suffix.")
			return Text(restoreBackslashes(s[start:suffixEnd])), suffixEnd, true
		}
		text, uri, embedded := embeddedURI(body)
		// "<name_>" is an alias, a reference to the target name, unless
		// its "_" is escaped or it starts with what docutils takes for
		// a URI ("<https://example.org/a_>").
		alias := embedded && strings.HasSuffix(uri, "_") && !strings.HasSuffix(uri, "\x00_") &&
			!strings.HasSuffix(uri, "\\_") && !uriStarts(uri)
		embedded = embedded && !alias
		if embedded && refend == "_" {
			// A named reference with an embedded URI is also a target.
			name := text
			if name == "" {
				name = uri
			}
			in.inlineTarget(clean0(name), true, targetURI(uri))
		}
		if refend == "__" && !embedded && !alias {
			in.p.idElements = append(in.p.idElements, "reference") // anonymous
		}
		if in.p.checkOnly {
			return nil, suffixEnd, true // a reference reports nothing else
		}
		ref := &Reference{}
		if embedded {
			label := text
			if label == "" {
				label = uri
			}
			ref.Content = in.text(label)
			ref.URL = adjustURI(strings.Join(strings.Fields(clean0(uri)), ""))
			if text != "" && refend == "_" {
				in.p.target(normalizeName(clean0(text)), ref.URL)
			}
		} else if alias {
			ref.Name = normalizeName(clean0(uri[:len(uri)-1]))
			if text == "" {
				text = ref.Name
			}
			ref.Content = in.text(text)
		} else if refend == "__" {
			// An anonymous reference links to the anonymous target in
			// its place (see resolveReferences), not to a target of its
			// name.
			ref.Content = in.text(body)
			in.p.anonRefs = append(in.p.anonRefs, ref)
		} else {
			ref.Content = in.text(body)
			ref.Name = normalizeName(clean0(body))
		}
		if !embedded {
			in.p.refs = append(in.p.refs, writtenRef{ref, restoreBackslashes(s[start:suffixEnd]), refend == "__"})
		}
		return ref, suffixEnd, true
	}
	def := roleDef{kind: "cite"}
	if in.p.defaultRole != nil {
		def = *in.p.defaultRole
	}
	if role != "" {
		d, info, ok := in.p.lookupRole(role)
		if info {
			in.warn(Info, noRoleEntry(role))
		}
		if !ok {
			in.warn(Error, fmt.Sprintf("Unknown interpreted text role %q.", role))
			return Text(restoreBackslashes(s[start:suffixEnd])), suffixEnd, true
		}
		def = d
	}
	msg := roleProblem(role, def)
	var numbered *Reference
	if msg == "" && (def.kind == "pep" || def.kind == "rfc") {
		numbered, msg = pepOrRFC(def.kind, body)
	}
	if msg != "" {
		// docutils shows the markup as written.
		in.warn(Error, msg)
		return Text(restoreBackslashes(s[start:suffixEnd])), suffixEnd, true
	}
	switch def.kind {
	case "em":
		return &Emphasis{Content: in.text(body)}, suffixEnd, true
	case "strong":
		return &Strong{Content: in.text(body)}, suffixEnd, true
	case "code":
		if def.backslashes {
			return Literal(restoreBackslashes(body)), suffixEnd, true
		}
		return Literal(clean0(body)), suffixEnd, true
	case "sub":
		return &Subscript{Content: in.text(body)}, suffixEnd, true
	case "sup":
		return &Superscript{Content: in.text(body)}, suffixEnd, true
	case "pep", "rfc":
		return numbered, suffixEnd, true
	case "text", "raw":
		// (A raw role's text is shown as text, never as markup.)
		return Text(clean0(body)), suffixEnd, true
	}
	return &Cite{Content: in.text(body)}, suffixEnd, true
}

// pepOrRFC is the link a pep or rfc role makes of its text (with
// escapes marked, see unescape) as docutils 0.19 makes it: "PEP 8" to
// https://peps.python.org/pep-0008 (the number as written, "PEP 08"),
// "RFC 2822" to https://tools.ietf.org/html/rfc2822.html and its
// section after a "#". A number docutils refuses is no link but the
// message docutils reports of it.
func pepOrRFC(kind, text string) (*Reference, string) {
	if kind == "pep" {
		number := clean0(text)
		n, msg := pyInt(&number)
		if msg != "" || n < 0 || n > 9999 {
			return nil, fmt.Sprintf("PEP number must be a number from 0 to 9999; \"%s\" is invalid.", text)
		}
		return &Reference{Content: []Inline{Text("PEP " + number)}, URL: fmt.Sprintf("https://peps.python.org/pep-%04d", n)}, ""
	}
	number, section, hasSection := strings.Cut(clean0(text), "#")
	n, msg := pyInt(&number)
	if msg != "" || n < 1 {
		return nil, fmt.Sprintf("RFC number must be a number greater than or equal to 1; \"%s\" is invalid.", text)
	}
	u := fmt.Sprintf("https://tools.ietf.org/html/rfc%d.html", n)
	if hasSection {
		u += "#" + section
	}
	return &Reference{Content: []Inline{Text("RFC " + strconv.Itoa(n))}, URL: u}, ""
}

// roleProblem returns what docutils' role function reports of the role
// def named role whatever its text, or "": a raw role without a format,
// a role docutils has not implemented. (pepOrRFC reports a PEP or RFC
// number that is none.)
func roleProblem(role string, def roleDef) string {
	switch def.kind {
	case "raw":
		if !def.format {
			return fmt.Sprintf("No format (Writer name) is associated with this role: \"%s\".\n"+
				"The \"raw\" role cannot be used directly.\n"+
				"Instead, use the \"role\" directive to create a new role with an associated format.", role)
		}
	case "unimplemented":
		return fmt.Sprintf("Interpreted text role \"%s\" not implemented.", role)
	}
	return ""
}

// roleAt returns the role that starts s (":name:"): its name and its
// length. Only a colon can start one, which spares the regular
// expression most of the texts it was asked about.
func roleAt(s string) (name string, n int, ok bool) {
	if !strings.HasPrefix(s, ":") {
		return "", 0, false
	}
	m := roleRE.FindStringSubmatch(s)
	if m == nil {
		return "", 0, false
	}
	return m[1], len(m[0]), true
}

// startsRoleAndBackquote reports whether s starts with a role and then a
// backquote: interpreted text with its role before it.
func startsRoleAndBackquote(s string) bool {
	_, n, ok := roleAt(s)
	return ok && strings.HasPrefix(s[n:], "`")
}

// embeddedURI splits the text of a phrase reference with an embedded URI,
// "Python <https://python.org>", into the text before the URI, without
// the spaces that end it, and the URI, as docutils' embedded_link pattern
// has them: the URI between the last "<" and the closing ">" that no
// backslash escapes, with no white space just inside them (Python's:
// an ideographic space too), and only spaces and line feeds before the
// "<", or nothing. (A regular expression was most of what checking a
// description with links took.)
func embeddedURI(body string) (text, uri string, ok bool) {
	if !strings.HasSuffix(body, ">") {
		return "", "", false
	}
	inner := body[:len(body)-1]
	lt := -1
	for k := len(inner) - 1; k >= 0 && lt < 0; k-- {
		if (inner[k] == '<' || inner[k] == '>') && (k == 0 || inner[k-1] != escaped) {
			if inner[k] == '>' {
				return "", "", false
			}
			lt = k
		}
	}
	if lt < 0 || lt == len(inner)-1 {
		return "", "", false
	}
	uri = inner[lt+1:]
	first, _ := utf8.DecodeRuneInString(uri)
	last, _ := utf8.DecodeLastRuneInString(uri)
	if isPySpace(first) || isPySpace(last) || last == escaped {
		return "", "", false
	}
	text = strings.TrimRight(inner[:lt], " \n")
	if len(text) == lt && lt > 0 {
		return "", "", false // text right before the "<"
	}
	return text, uri, true
}

// An endKind is a kind of end-string that inline markup looks for.
type endKind int

const (
	strongEnd       endKind = iota // "**"
	emphasisEnd                    // "*"
	literalEnd                     // "``", where a backslash is text
	targetEnd                      // "`" of an inline target
	substitutionEnd                // "|"
	backquoteEnd                   // "`" of interpreted text or a phrase reference, with a role or "_" after it
	endKinds                       // the number of kinds
)

// endStrings are the end-strings of the kinds before backquoteEnd, and
// whether an escape before one makes it text.
var endStrings = [backquoteEnd]struct {
	end     string
	escapes bool
}{
	strongEnd:       {"**", true},
	emphasisEnd:     {"*", true},
	literalEnd:      {"``", false},
	targetEnd:       {"`", true},
	substitutionEnd: {"|", true},
}

// An endCache remembers where one kind of end-string was last looked
// for in a text, and the first valid one found there. Whether an
// end-string is valid depends only on the text around it, not on the
// start-string it would close: a later start-string before the end found
// has the same end, and one after a search that found none has none.
// Looking for every start-string's end from scratch took time growing
// with the square of a paragraph's length when it had no ends.
type endCache struct {
	searched bool
	from     int // where the last search started
	end      int // the first valid end-string at or after from, or -1
}

// findEnd returns the index of the first valid end-string of kind in s
// after from, where its start-string ends, or -1 when there is none.
// Markup holds some text: as docutils' inline_obj, which searches the
// text after the start-string, an end-string right at from ("****/",
// "````.") is the first found there, and no end.
func (in *inliner) findEnd(s string, from int, kind endKind) int {
	if kind != backquoteEnd && strings.HasPrefix(s[from:], endStrings[kind].end) {
		if n := endLength(s, from, kind); endOK(runeAt(s, from+n), from+n >= len(s)) {
			return -1
		}
	}
	c := &in.ends[kind]
	at := from + 1
	if !c.searched || at < c.from || c.end >= 0 && c.end < at {
		c.searched, c.from, c.end = true, at, firstEnd(s, at, kind)
	}
	return c.end
}

// firstEnd returns the index of the first valid end-string of kind in s
// at or after at, or -1.
func firstEnd(s string, at int, kind endKind) int {
	if kind == backquoteEnd {
		return firstBackquoteEnd(s, at)
	}
	end, escapes := endStrings[kind].end, endStrings[kind].escapes
	for k := at; k < len(s); {
		j := strings.Index(s[k:], end)
		if j < 0 {
			return -1
		}
		j += k
		if endStringAt(s, j, endLength(s, j, kind), escapes) {
			return j
		}
		k = j + 1
	}
	return -1
}

// endLength returns the length of the end-string of kind at s[j]:
// "|name|_" and "|name|__" are references, whose end-string is "|" and
// up to two "_" (docutils' "\|_{0,2}").
func endLength(s string, j int, kind endKind) int {
	n := len(endStrings[kind].end)
	if kind == substitutionEnd {
		for n < 3 && j+n < len(s) && s[j+n] == '_' {
			n++
		}
	}
	return n
}

// endStringAt reports whether the end-string of n bytes at s[j] is valid:
// not preceded by white space (nor by an escape, when escapes count) and
// followed by what may follow markup.
func endStringAt(s string, j, n int, escapes bool) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:j])
	after := j + n
	return !isPySpace(before) && !(escapes && before == escaped) && endOK(runeAt(s, after), after >= len(s))
}

// firstBackquoteEnd returns the index of the first backquote in s at or
// after at that can close interpreted text or a phrase reference, or -1.
func firstBackquoteEnd(s string, at int) int {
	for k := at; k < len(s); k++ {
		j := strings.IndexByte(s[k:], '`')
		if j < 0 {
			return -1
		}
		k += j
		if _, _, _, ok := backquoteEndAt(s, k); ok {
			return k
		}
	}
	return -1
}

// backquoteEndAt reports whether the backquote at s[k] can close
// interpreted text or a phrase reference, and returns the end of the
// construct, a role after it, and the reference end "_" or "__".
func backquoteEndAt(s string, k int) (end int, role, refend string, ok bool) {
	// Unlike other end-strings', this one may follow white space that a
	// backslash escapes (docutils' non_unescaped_whitespace_escape_before).
	before, size := utf8.DecodeLastRuneInString(s[:k])
	if before == escaped || isPySpace(before) && !strings.HasSuffix(s[:k-size], string(escaped)) {
		return 0, "", "", false
	}
	// The suffix is an optional role, then an optional "__" or "_",
	// tried as the pattern's backtracking tries them: with the role
	// first, the longer reference end first, until what follows may
	// follow markup ("`b`:c:*" is "`b`" and text).
	name, n, hasRole := roleAt(s[k+1:])
	for _, withRole := range [2]bool{true, false} {
		if withRole && !hasRole {
			continue
		}
		e := k + 1
		role = ""
		if withRole {
			role, e = name, e+n
		}
		for _, refend := range [3]string{"__", "_", ""} {
			if strings.HasPrefix(s[e:], refend) && endOK(runeAt(s, e+len(refend)), e+len(refend) >= len(s)) {
				return e + len(refend), role, refend, true
			}
		}
	}
	return 0, "", "", false
}

// markupStarts are the characters inline markup other than a reference
// name can start with.
const markupStarts = "*`|_[:"

// isMarkupStart reports whether r can begin inline markup other than a
// reference name.
func isMarkupStart(r rune) bool {
	return r < utf8.RuneSelf && strings.IndexByte(markupStarts, byte(r)) >= 0
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// wordEndsInUnderscore reports whether the word at the start of s (letters,
// digits and the joiners a reference name allows) is followed by "_": the
// only case where a word can be a reference, checked before any regexp.
func wordEndsInUnderscore(s string) bool {
	for i, r := range s {
		if r == '_' {
			return i > 0
		}
		if !isWordRune(r) && !strings.ContainsRune("-.+:", r) {
			return false
		}
	}
	return false
}

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// nested parses the content of emphasis or strong: docutils allows no
// markup inside them, so it is text.
func (in *inliner) nested(s string, depth int) []Inline {
	return in.text(s)
}

// text turns plain text into Text, with standalone URLs and e-mail
// addresses as references; for Check, which shows no text and finds no
// problem in it, into nothing.
func (in *inliner) text(s string) []Inline {
	return in.appendText(nil, s)
}

// appendText appends what text turns s into to out: the text between
// markup goes straight into its paragraph's content, without a slice of
// its own for each run.
func (in *inliner) appendText(out []Inline, s string) []Inline {
	if in.p.checkOnly {
		return out
	}
	// Every standalone URI has a ":" after its scheme, and every
	// address an "@".
	if strings.IndexByte(s, ':') < 0 && strings.IndexByte(s, '@') < 0 {
		return append(out, Text(clean0(s)))
	}
	// As docutils' implicit_inline: the first place where the URI
	// pattern matches (see uriScanner) is a link, and the text after it
	// a text of its own (where the pattern may match at its start);
	// a URI whose scheme docutils does not know makes the rest text.
	last := 0
	prev := utf8.RuneError
	regionEnd := 0 // the end of the places being looked at
	var marks urlMarks
	u := uriScanner{s: s}
	for i := 0; i < len(s); {
		if i >= regionEnd && !in.stepwise {
			// A match starts in the run of scheme characters that ends
			// at a ":", or of an address's name at an "@": the run
			// before the next of them.
			mark := marks.next(s, i)
			if mark < 0 {
				break
			}
			start := mark
			for start > i && (s[mark] == ':' && inSet(s[start-1], uriSchemeMore) ||
				s[mark] == '@' && (s[start-1] == '.' || inSet(s[start-1], emailChars))) {
				start--
			}
			regionEnd = mark + 1
			if start > i {
				i = start
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf && inSet(byte(r), emailChars) && startOK(prev, i == last) {
			if end, scheme := u.match(i); end > 0 {
				if scheme != "" && !knownScheme(scheme) {
					break // standalone_uri's MarkupMismatch
				}
				if i > last {
					out = append(out, Text(clean0(s[last:i])))
				}
				// (An escaped character, "fsf\_x", is the character:
				// its marker goes.)
				text := clean0(s[i:end])
				url := text
				if scheme == "" {
					url = "mailto:" + text
				}
				out = append(out, &Reference{Content: []Inline{Text(text)}, URL: url})
				i, last = end, end
				prev, _ = utf8.DecodeLastRuneInString(s[:end])
				continue
			}
		}
		prev = r
		i += size
	}
	if last < len(s) {
		out = append(out, Text(clean0(s[last:])))
	}
	return out
}

// urlMarks finds the ":" and "@" of a text in turn. Each is looked for
// again only once the text has been read past the one found last: looking
// from every URL for the next "@" of a text without one took time growing
// with the square of the text's length.
type urlMarks struct {
	colon, at int  // the first of each at or after the last search, or -1
	searched  bool // colon and at are set
}

// next returns the index in s of the first ":" or "@" at or after i, or
// -1 when there is neither. i never decreases from one call to the next.
func (m *urlMarks) next(s string, i int) int {
	if !m.searched || m.colon >= 0 && m.colon < i {
		m.colon = indexFrom(s, i, ":")
	}
	if !m.searched || m.at >= 0 && m.at < i {
		m.at = indexFrom(s, i, "@")
	}
	m.searched = true
	if m.colon < 0 || m.at >= 0 && m.at < m.colon {
		return m.at
	}
	return m.colon
}

// indexFrom returns the index in s of the first sep at or after i, or -1.
func indexFrom(s string, i int, sep string) int {
	if j := strings.Index(s[i:], sep); j >= 0 {
		return i + j
	}
	return -1
}

// restoreBackslashes gives escaped text its backslashes back, as
// docutils' unescape with restore_backslashes does for a literal, the
// code and math roles' text, and markup it shows as written (an unknown
// role's, as the problematic node's text).
func restoreBackslashes(s string) string {
	return strings.ReplaceAll(s, string(escaped), `\`)
}

// clean0 drops escape markers, and the spaces and line feeds they
// escape, as docutils' unescape does: other white space escaped (an
// ideographic space, a no-break space) is kept.
func clean0(s string) string {
	if !strings.ContainsRune(s, escaped) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != escaped {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\n') {
			i++
		}
	}
	return b.String()
}

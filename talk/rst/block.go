package rst

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// parser holds what one Parse call has learnt so far.
type parser struct {
	src      string // the text parsed
	doc      *Document
	styles   []style    // section title styles, in the order first used
	sections []*Section // the open sections, outermost first
	// body is the top level of the document, where a new top-level
	// section goes. (A pointer to the top call's own list, as it was,
	// made every call's list escape to the heap.)
	body []Block
	// checkOnly skips inline content that cannot hold a problem (see
	// Check).
	checkOnly bool
	// names and subs are the names taken so far (see noteName).
	names nameTable
	subs  map[string]bool
	// dups are the reports of targets that inline markup defines twice,
	// until the text they are in is parsed (see inlineTarget).
	dups []Diagnostic
	// footnoteNames makes footnote and citation references their labels'
	// text, as a section's name has them, not the labels in brackets.
	footnoteNames bool
	// holdDups keeps p.dups from the text parsed, a section title's:
	// docutils puts their reports in the section's parent, after the
	// section, and so after all it holds.
	holdDups bool
	// sectionDups are those reports, for each of p.sections.
	sectionDups [][]Diagnostic
	// cellDiagnostics counts the diagnostics reported in table cells,
	// which docutils puts in the table (see oneTable).
	cellDiagnostics int
	// topLine is the line docutils' outermost state machine has reached,
	// where it reports a target that inline markup defines twice: the
	// end of the top-level block being parsed, or, once the text has a
	// section, the underline of the last top-level section's title.
	topLine line
	// all are the text's lines, which srcLine finds a line's own number
	// in.
	all []line
	// shallow, when not 0, is the depth of the only blocks a scratch
	// parser parses: captionOK and oneTable want only their kinds and
	// what is reported beside them, and their content and directives
	// parsed again at each level of nesting would take time exponential
	// in the depth.
	shallow int
	// itemReports counts, for a shallow parser, what each item of a list
	// just above its depth holds beside its blocks (see
	// listTableProblem), and explicitMade the constructs of explicit
	// markup at its depth, which make elements that are not blocks.
	itemReports  []itemReport
	explicitMade int
	// inSubstitution says the directive parsed defines a substitution,
	// substitution's, whose name docutils gives the directive as its
	// "alt" option.
	inSubstitution bool
	substitution   string
	// sidebarDepth is the depth of the blocks of the sidebar being
	// parsed, where a topic may be; 0 outside one.
	sidebarDepth int
	// idCounter is the last number given to an element's id (see
	// identify), for one whose name makes none.
	idCounter int
	// roles are the roles the text's role directives have made, by
	// their names in lower case, and defaultRole the role of interpreted
	// text without one, if a default-role directive has set it (see
	// lookupRole).
	roles       map[string]roleDef
	defaultRole *roleDef
	// lead are the reports of meta, header and footer directives, which
	// docutils puts before all else the document holds (see leading);
	// decorated says a header or footer has made the document's
	// decoration, and metas counts the meta directives.
	lead      []leadReport
	decorated bool
	metas     int
	// header and footer are the blocks of the header and footer
	// directives, in order, which docutils' HTML writer shows before and
	// after the document's own.
	header, footer []Block
	// internal is the name of the internal target hyperlinkTarget has
	// just parsed, or "".
	internal string
	// chainNames and chainAnon are the internal targets, named and
	// anonymous (their indexes in anonTargets), that no construct has
	// followed yet: a target with a URI, or one that refers to another,
	// that comes next takes them as names of its own, as docutils'
	// PropagateTargets moves them to the next node (see chainTo).
	chainNames []string
	chainAnon  []int
	// cell is the text of the csv-table cell being parsed, whose lines
	// have offsets past src's end (see span).
	cell string
	// aliases maps the normalized name of each target that refers to
	// another to that one's name; anonRefs are the anonymous references
	// shown, and anonTargets the anonymous targets, in the text's order
	// (see resolveReferences); refs are the references by name or
	// anonymous shown, as written (see showUnresolved).
	aliases     map[string]string
	anonRefs    []*Reference
	anonTargets []anonTarget
	refs        []writtenRef
	// internalNames are the names of the targets without a URI
	// (".. _setup:"), which name the element after them, whether or not
	// it takes an id in HTML.
	internalNames map[string]bool
	// footnotes are the footnotes and citations shown, and footnoteRefs
	// the references to them, in the text's order (see
	// resolveFootnotes).
	footnotes    []*Footnote
	footnoteRefs []footnoteRef
	// subDefs are the inline contents of the substitutions the text
	// defines, by name (white space collapsed), subNames those names by
	// their lower case, and subRefs the substitution references shown
	// (see resolveSubstitutions).
	subDefs  map[string][]Inline
	subNames map[string]string
	subRefs  []writtenSub
	// idElements lists the inline elements a substitution may not hold
	// (docutils' disallowed_inside_substitution_definitions), by their
	// node names, in the text's order: a "problematic" node for markup
	// docutils warns of, a "target", an anonymous "reference", a
	// "footnote_reference"...
	idElements []string
	// inReplacement says a replace directive's content is being parsed,
	// whose text Check parses whatever it holds.
	inReplacement bool
	// explicitAt counts, by depth, the constructs of explicit markup,
	// and failedDirectives the directives among them that made nothing
	// but an error, in a parser that countExplicit asks to (see
	// replacement).
	explicitAt, failedDirectives map[int]int
	countExplicit                bool
	// sectionNames are the names whose target is a section's, which an
	// explicit target takes (see sectionTarget).
	sectionNames map[string]bool
}

// A footnoteRef is a footnote or citation reference, and its label as
// written: "1", "#", "#name", "*" or a citation's name.
type footnoteRef struct {
	*Reference
	label string
	raw   string // as written, "[1]_", shown when no note matches it
}

// style is a section title's adornment: its character, and whether it
// has an overline.
type style struct {
	char     rune
	overline bool
}

func (p *parser) report(l line, level Level, msg string) {
	p.doc.Diagnostics = append(p.doc.Diagnostics, Diagnostic{Line: l.num, Offset: l.off, Level: level, Message: msg})
}

// reportAfter reports at the line after lines, the way docutils names the
// line where a construct ended too early; at the end of the text that is
// one past the last line.
func (p *parser) reportAfter(lines []line, i int, level Level, msg string) {
	if i < len(lines) {
		p.report(lines[i], level, msg)
		return
	}
	last := lines[len(lines)-1]
	p.report(line{num: last.num + 1, off: last.end}, level, msg)
}

// span returns the text from the offset off to end: of the source, or of
// the csv-table cell being parsed, whose offsets are past the source's
// end (see csvCell).
func (p *parser) span(off, end int) string {
	if n := len(p.src) + 1; off >= n && p.cell != "" {
		return p.cell[off-n : end-n]
	}
	return p.src[off:end]
}

// srcLine returns l numbered as the text numbers it. docutils gives some
// messages the line its input says the state machine is at, not the
// number it counts, which in a table cell is another (see tableCell).
func (p *parser) srcLine(l line) line {
	if k, ok := slices.BinarySearchFunc(p.all, l.off, func(a line, off int) int { return cmp.Compare(a.off, off) }); ok {
		l.num = p.all[k].num
	} else if k > 0 {
		l.num = p.all[k-1].num
	}
	return l
}

// closeSections closes the sections from the level-th on (1 for all),
// innermost first, reporting the duplicate targets of their titles at
// mark (see holdDups).
func (p *parser) closeSections(level, mark int) {
	var held []Diagnostic
	for k := len(p.sections) - 1; k >= level-1; k-- {
		held = append(held, p.sectionDups[k]...)
	}
	if len(held) > 0 {
		p.doc.Diagnostics = slices.Insert(p.doc.Diagnostics, mark, held...)
	}
	p.sections, p.sectionDups = p.sections[:level-1], p.sectionDups[:level-1]
}

// reach notes that docutils' outermost state machine, reading the block
// at depth, has come to lines[k] (one past the last line when k is past
// the end): where it reports a target that inline markup in the block
// defines twice (see topLine). Inside a section, or a block of another,
// it has not moved.
func (p *parser) reach(lines []line, k, depth int) {
	if depth > 0 || len(p.sections) > 0 || len(lines) == 0 {
		return
	}
	if k < len(lines) {
		p.topLine = lines[k]
		return
	}
	last := lines[len(lines)-1]
	p.topLine = line{num: last.num + 1, off: last.end}
}

// target records the URL of the hyperlink target name, for Parse; Check
// resolves no references.
func (p *parser) target(name, url string) {
	if !p.checkOnly {
		p.doc.Targets[name] = url
	}
}

func blank(l line) bool { return l.text == "" }

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// indented returns the block of lines starting at start that docutils'
// get_indented takes: lines that are blank or begin with a space, with
// the first line cut at firstIndent (when >= 0) and the others dedented
// by their least indentation. blankFinish says whether the block ended at
// a blank line (or the end of the text) rather than at an unindented
// line.
func indented(lines []line, start, firstIndent int) (block []line, end int, blankFinish bool) {
	end = start
	if firstIndent >= 0 {
		end++
	}
	minIndent := -1
	blankFinish = true
	for end < len(lines) {
		l := lines[end]
		if l.text != "" && l.text[0] != ' ' {
			blankFinish = end > start && blank(lines[end-1])
			break
		}
		if l.text != "" {
			if ind := indentOf(l.text); minIndent < 0 || ind < minIndent {
				minIndent = ind
			}
		}
		end++
	}
	block = make([]line, end-start)
	copy(block, lines[start:end])
	first := 0
	if firstIndent >= 0 && len(block) > 0 {
		block[0].text = cutColumns(block[0].text, firstIndent)
		first = 1
	}
	if minIndent > 0 {
		for i := first; i < len(block); i++ {
			if block[i].text != "" {
				block[i].text = block[i].text[minIndent:]
			}
		}
	}
	// Trailing blank lines stay, as in docutils' block: a construct that
	// ends the block too early is reported after them.
	return block, end, blankFinish
}

// blockQuotes parses an indented block, dedented, as docutils'
// block_quote does: a block quote, whose last paragraph may be its
// attribution ("-- Author"), which ends the quote; what follows an
// attribution is another block quote.
func (p *parser) blockQuotes(block []line, depth int) []Block {
	var quotes []Block
	for len(block) > 0 {
		content, attribution, rest := splitAttribution(block)
		quote := &BlockQuote{Children: p.blocks(content, depth+1, false)}
		quotes = append(quotes, quote)
		if attribution == nil {
			break
		}
		text := make([]string, len(attribution))
		for k, a := range attribution {
			text[k] = a.text
		}
		quote.Attribution = p.inline(strings.TrimRight(strings.Join(text, "\n"), " \n"), attribution[0])
		block = skipBlank(rest)
	}
	return quotes
}

// attributionRE is docutils' attribution_pattern: "--", "---" or an em
// dash, and the spaces before the text.
var attributionRE = regexp.MustCompile("^(---?|\u2014) *")

// splitAttribution splits a block quote's lines as docutils'
// split_attribution does: the first line after a blank one, with
// content before it, that starts with a dash, and the lines after it up
// to a blank one if all are indented alike, are the attribution, its
// dash and indentation cut; the lines after it are what follows the
// quote. No such line: all the lines are the quote's.
func splitAttribution(block []line) (content, attribution, rest []line) {
	blankAt, nonblankSeen := -1, false
	for i, l := range block {
		if blank(l) {
			blankAt = i
			continue
		}
		if nonblankSeen && blankAt == i-1 {
			if m := attributionRE.FindString(l.text); m != "" && len(m) < len(l.text) && !strings.HasPrefix(l.text[len(m)-strings.Count(m, " "):], "-") {
				if end, indent, ok := attributionShape(block, i); ok {
					attribution = make([]line, end-i)
					copy(attribution, block[i:end])
					attribution[0].text = attribution[0].text[len(m):]
					for k := 1; k < len(attribution); k++ {
						attribution[k].text = attribution[k].text[min(indent, len(attribution[k].text)):]
					}
					return block[:i], attribution, block[end:]
				}
			}
		}
		nonblankSeen = true
	}
	return block, nil, nil
}

// attributionShape returns the end of the attribution that starts at
// block[start], at the first blank line, and the indentation of its
// lines after the first, as docutils' check_attribution does; false
// when those lines are not indented alike.
func attributionShape(block []line, start int) (end, indent int, ok bool) {
	indent = -1
	for end = start + 1; end < len(block); end++ {
		l := block[end]
		if blank(l) {
			return end, max(indent, 0), true
		}
		if indent < 0 {
			indent = indentOf(l.text)
		} else if indentOf(l.text) != indent {
			return 0, 0, false
		}
	}
	return end, max(indent, 0), true
}

// skipBlank drops the blank lines that start lines.
func skipBlank(lines []line) []line {
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	return lines
}

// trimBlank drops the blank lines that end lines, which are not part of
// a literal block's text.
func trimBlank(lines []line) []line {
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// itemBlock returns a list item's block as docutils' list_item takes it:
// with text after the marker, every line indented at least as far as the
// text (get_known_indented); with nothing after the marker, as indented
// takes it.
func itemBlock(lines []line, start, width int) (block []line, end int, blankFinish bool) {
	if len(strings.TrimSpace(cutColumns(lines[start].text, width))) == 0 {
		return indented(lines, start, width)
	}
	end = start + 1
	blankFinish = true
	for end < len(lines) {
		l := lines[end]
		if l.text != "" && (l.text[0] != ' ' || indentOf(l.text) < width) {
			blankFinish = blank(lines[end-1])
			break
		}
		end++
	}
	block = make([]line, end-start)
	copy(block, lines[start:end])
	for i := range block {
		if block[i].text != "" {
			block[i].text = cutColumns(block[i].text, width)
		}
	}
	return block, end, blankFinish
}

// afterMarker returns what follows the "::" after a directive's name on
// its first line, s, whole (".. |name| image:: x.png") or from the name
// on ("image:: x.png"). A substitution's name before it may hold "::",
// and characters of more than a byte.
func afterMarker(s string) string {
	rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(s, " "), ".."), " ")
	if strings.HasPrefix(rest, "|") {
		if end := strings.IndexByte(rest[1:], '|'); end >= 0 {
			rest = rest[end+2:]
		}
	}
	return rest[strings.Index(rest, "::")+2:]
}

// cutColumns drops the first n columns of s (a marker and its spaces).
func cutColumns(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[i:]
		}
		n--
	}
	return ""
}

var (
	// directiveRE is docutils' pattern of a directive: its name, a
	// simplename in any script ("a+b" and "a:b" among them, "a__b" not),
	// and "::", a space between them allowed.
	directiveRE = regexp.MustCompile(`^\.\. +(` + simplename + `) ?::( +|$)`)
	// substitutionDirectiveRE is the directive of a substitution
	// definition, after its name, which docutils' SubstitutionDef state
	// finds without that space; substitutionLineRE the same on the
	// definition's line, its name between bars.
	substitutionDirectiveRE = regexp.MustCompile(`^(` + simplename + `)::( +|$)`)
	substitutionLineRE      = regexp.MustCompile(`^\.\. +\|[^|]+\| +(` + simplename + `)::( +|$)`)
	gridRE                  = regexp.MustCompile(`^\+-[-+]+-\+$`)
	simpleRE                = regexp.MustCompile(`^=+( +=+)+$`)
)

// adornment reports whether s is a section adornment or transition: one
// punctuation character repeated.
func adornment(s string) (rune, bool) {
	if s == "" {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if r >= utf8.RuneSelf || !strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
		return 0, false
	}
	for _, c := range s {
		if c != r {
			return 0, false
		}
	}
	return r, true
}

// columnWidth is the number of columns s takes, as docutils' column_width
// counts them: two for an East Asian wide or fullwidth character (CJK,
// Hangul, fullwidth forms, most emoji), one for others, less one for
// each combining character (a wide one, such as the kana voicing mark
// U+3099, takes one).
func columnWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
		if isCombining(r) {
			n--
		}
	}
	return n
}

// isWide reports whether r is East Asian wide or fullwidth, which
// docutils' tables pad to two columns and its titles count as two:
// Python's unicodedata.east_asian_width "W" or "F".
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// blocks parses lines (dedented to their block's left edge) into blocks.
// Sections are allowed only at the top (depth 0), as in docutils.
func (p *parser) blocks(lines []line, depth int, top bool) []Block {
	var out []Block
	emit := func(b Block) {
		switch {
		case top && len(p.sections) > 0:
			s := p.sections[len(p.sections)-1]
			s.Children = append(s.Children, b)
		case top:
			p.body = append(p.body, b)
		default:
			out = append(out, b)
		}
	}
	if p.shallow > 0 && depth > p.shallow {
		return nil
	}
	if depth > maxDepth {
		var text []string
		for _, l := range trimBlank(lines) {
			text = append(text, l.text)
		}
		return []Block{&LiteralBlock{Text: strings.Join(text, "\n")}}
	}
	for i := 0; i < len(lines); {
		l := lines[i]
		if blank(l) {
			i++
			continue
		}
		if !isExplicit(l.text) {
			p.chainNames, p.chainAnon = nil, nil // this construct is the next node
		}
		if l.text[0] == ' ' {
			block, end, finish := indented(lines, i, -1)
			p.reach(lines, end-1, depth)
			for _, q := range p.blockQuotes(block, depth) {
				emit(q)
			}
			if !finish {
				p.reportAfter(lines, end, Warning, "Block quote ends without a blank line; unexpected unindent.")
			}
			i = end
			continue
		}
		var (
			b Block
			n int
		)
		c := l.text[0]
		switch {
		case isExplicit(l.text):
			b, n = p.explicitList(lines, i, depth)
		case startsBullet(l.text):
			b, n = p.bulletList(lines, i, depth)
		case (c == '(' || c == '#' || c < utf8.RuneSelf && isWordRune(rune(c))) && p.isEnumItem(lines, i, "", 0):
			b, n = p.enumList(lines, i, depth)
		case c == ':' && fieldMarker(l.text) != "":
			b, n = p.fieldList(lines, i, depth)
		case (c == '-' || c == '+' || c == '/') && optionMarkerRE.MatchString(l.text):
			b, n = p.optionList(lines, i, depth)
		case c == '>' && strings.HasPrefix(l.text, ">>>"):
			b, n = doctest(lines, i)
		case c == '|' && (l.text == "|" || strings.HasPrefix(l.text, "| ")):
			b, n = p.lineBlock(lines, i, depth)
		case c == '+' && gridRE.MatchString(l.text):
			b, n = p.gridTable(lines, i, depth)
		case c == '=' && simpleRE.MatchString(l.text):
			b, n = p.simpleTable(lines, i, depth)
		}
		if b == nil && n == 0 {
			// (A comment, "..", is an adornment too, but taken already.)
			if _, ok := adornment(l.text); ok {
				b, n = p.line(lines, i, depth, top)
			}
		}
		if b == nil && n == 0 {
			b, n = p.text(lines, i, depth, top)
		}
		if b != nil {
			emit(b)
		}
		i += n
	}
	if top {
		return p.body
	}
	return out
}

// startsBodyElement reports whether s starts a body element other than
// a paragraph by docutils' patterns: in a list, such a line is not the
// list's next item but the end of the list (SpecializedBody's
// invalid_input).
func startsBodyElement(s string) bool {
	if _, _, _, _, ok := enumMarker(s); ok {
		return true
	}
	_, isLine := adornment(s)
	return isLine || isExplicit(s) || startsBullet(s) || fieldMarker(s) != "" || optionMarkerRE.MatchString(s) ||
		s == ">>>" || strings.HasPrefix(s, ">>> ") || s == "|" || strings.HasPrefix(s, "| ") ||
		gridRE.MatchString(s) || simpleRE.MatchString(s)
}

// bulletList parses the list starting at lines[i].
func (p *parser) bulletList(lines []line, i, depth int) (Block, int) {
	start := i
	bullet, _ := bulletMarker(lines[i].text)
	list := &BulletList{}
	for i < len(lines) {
		b, marker := bulletMarker(lines[i].text)
		if b != bullet {
			break
		}
		block, end, finish := itemBlock(lines, i, utf8.RuneCountInString(marker))
		if i == start {
			p.reach(lines, end-1, depth) // the items after the first have a state machine of their own
		}
		n, made := len(p.doc.Diagnostics), p.explicitMade
		list.Items = append(list.Items, p.blocks(block, depth+1, false))
		if p.shallow > 0 && depth+1 == p.shallow {
			p.itemReports = append(p.itemReports, itemReport{len(p.doc.Diagnostics) - n, p.explicitMade - made})
		}
		i = end
		if !finish {
			if i < len(lines) && !bulletStarts(lines[i].text, bullet) {
				p.reportAfter(lines, i, Warning, "Bullet list ends without a blank line; unexpected unindent.")
			}
			if i >= len(lines) || !bulletStarts(lines[i].text, bullet) {
				break
			}
			continue
		}
		for i < len(lines) && blank(lines[i]) {
			i++
		}
	}
	return list, i - start
}

func bulletStarts(s, bullet string) bool {
	b, _ := bulletMarker(s)
	return b == bullet
}

// startsBullet reports whether s starts a bullet list item.
func startsBullet(s string) bool {
	b, _ := bulletMarker(s)
	return b != ""
}

// bulletMarker returns the bullet that starts s, and with it the spaces
// after it, the marker that sets the item's indent; "" when s starts no
// bullet list item. A bullet is one of "-+*•‣⁃" followed by a space or
// the line's end. (It was a regular expression, which every line of
// every paragraph was matched against.)
func bulletMarker(s string) (bullet, marker string) {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '+', '*', '\u2022', '\u2023', '\u2043':
	default:
		return "", ""
	}
	if size == len(s) {
		return s, s
	}
	if s[size] != ' ' {
		return "", ""
	}
	end := size + 1
	for end < len(s) && s[end] == ' ' {
		end++
	}
	return s[:size], s[:end]
}

// enumMarker matches an enumerated list item's marker at the start of s,
// as docutils' pattern does, and returns the marker with the spaces after
// it, the "(" before the enumerator, the enumerator and the "." or ")"
// after it. The pattern, `^(\(?)([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|#)([.)])( +|$)`,
// was a regular expression asked of the first line of every paragraph
// that starts with a letter or digit.
//
// An enumerator is followed by "." or ")", which no alternative matches,
// so it is the whole run of letters, digits or "#" after the "(": the
// run must be digits, one letter, Roman numeral letters, or "#".
func enumMarker(s string) (marker, open, enum, close string, ok bool) {
	i := 0
	if i < len(s) && s[i] == '(' {
		i++
	}
	j := i
	for j < len(s) && (s[j] < utf8.RuneSelf && isWordRune(rune(s[j])) || s[j] == '#') {
		j++
	}
	if j == i || j == len(s) || s[j] != '.' && s[j] != ')' {
		return "", "", "", "", false
	}
	run := s[i:j]
	if !allBytes(run, "0123456789") && !(len(run) == 1 && run != "#" && !isDigit(run[0])) &&
		!allBytes(run, "ivxlcdmIVXLCDM") && run != "#" {
		return "", "", "", "", false
	}
	end := j + 1
	if end < len(s) {
		if s[end] != ' ' {
			return "", "", "", "", false
		}
		for end < len(s) && s[end] == ' ' {
			end++
		}
	}
	return s[:end], s[:i], run, s[j : j+1], true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// allBytes reports whether every byte of s is in set.
func allBytes(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}

// enumerator is a parsed enumerated list marker.
type enumerator struct {
	format string // "period", "parens" or "rparen"
	style  string // "arabic", "loweralpha", "upperalpha", "lowerroman", "upperroman", "auto"
	value  int
	width  int // the marker with its spaces, in columns
	text   string
}

func parseEnum(s, wantStyle string) (enumerator, bool) {
	marker, open, enum, close, ok := enumMarker(s)
	if !ok || (open == "(" && close != ")") {
		return enumerator{}, false
	}
	m := [...]string{marker, open, enum, close}
	e := enumerator{width: len(m[0]), text: m[2]}
	switch {
	case m[1] == "(":
		e.format = "parens"
	case m[3] == ")":
		e.format = "rparen"
	default:
		e.format = "period"
	}
	t := m[2]
	styles := []string{}
	switch {
	case t == "#":
		styles = []string{"auto"}
	case t[0] >= '0' && t[0] <= '9':
		styles = []string{"arabic"}
	default:
		if roman(strings.ToLower(t)) > 0 {
			if t == strings.ToLower(t) {
				styles = append(styles, "lowerroman")
			} else if t == strings.ToUpper(t) {
				styles = append(styles, "upperroman")
			}
		}
		if len(t) == 1 {
			if t[0] >= 'a' && t[0] <= 'z' {
				styles = append(styles, "loweralpha")
			} else {
				styles = append(styles, "upperalpha")
			}
		}
	}
	if len(styles) == 0 {
		return enumerator{}, false
	}
	e.style = styles[0]
	// A single letter that is also a Roman numeral (i, v, x...) is a
	// letter unless the list is Roman already.
	if len(styles) > 1 && wantStyle != "" {
		for _, s := range styles {
			if s == wantStyle {
				e.style = s
			}
		}
	} else if len(styles) > 1 && t != "i" && t != "I" {
		e.style = styles[1]
	}
	switch e.style {
	case "arabic":
		v, err := strconv.Atoi(t)
		if err != nil {
			return enumerator{}, false
		}
		e.value = v
	case "loweralpha", "upperalpha":
		e.value = int(unicode.ToLower(rune(t[0]))-'a') + 1
	case "lowerroman", "upperroman":
		e.value = roman(strings.ToLower(t))
	case "auto":
		e.value = 1
	}
	return e, true
}

// roman returns the value of a lower-case Roman numeral, or 0.
func roman(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 4000 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// isEnumItem reports whether lines[i] starts an enumerated list item:
// docutils takes a line that looks like one as text unless the next line
// is blank, indented, or the next item of the same list.
func (p *parser) isEnumItem(lines []line, i int, wantStyle string, wantNext int) bool {
	e, ok := parseEnum(lines[i].text, wantStyle)
	if !ok {
		return false
	}
	if wantStyle != "" && e.style != wantStyle && e.style != "auto" {
		return false
	}
	if wantNext > 0 && e.style != "auto" && e.value != wantNext {
		return false
	}
	if i+1 >= len(lines) || blank(lines[i+1]) || lines[i+1].text[0] == ' ' {
		return true
	}
	next, ok := parseEnum(lines[i+1].text, e.style)
	return ok && next.format == e.format && (next.style == e.style || next.style == "auto") &&
		(next.style == "auto" || next.value == e.value+1)
}

func (p *parser) enumList(lines []line, i, depth int) (Block, int) {
	start := i
	first, _ := parseEnum(lines[i].text, "")
	list := &EnumeratedList{Start: first.value, Style: first.style}
	if list.Style == "auto" {
		list.Style = "arabic"
	}
	// docutils notes a list that does not start at 1 after the list, and
	// so after what its items report; at the line its outermost state
	// machine is on: the list's, or, in a nested block (an item, a quote,
	// a section), the end of the top-level block it is in (see reach).
	var startNote []Diagnostic
	if first.value != 1 && first.style != "auto" {
		at := lines[i]
		if depth > 0 || len(p.sections) > 0 {
			at = p.topLine
		}
		startNote = append(startNote, Diagnostic{Line: at.num, Offset: at.off, Level: Info,
			Message: fmt.Sprintf("Enumerated list start value not ordinal-1: %q (ordinal %d)", first.text, first.value)})
	}
	defer func() { p.doc.Diagnostics = append(p.doc.Diagnostics, startNote...) }()
	next := first.value
	for i < len(lines) {
		e, ok := parseEnum(lines[i].text, first.style)
		if !ok || e.format != first.format || i > start && !p.isEnumItem(lines, i, first.style, next) {
			break
		}
		block, end, finish := itemBlock(lines, i, e.width)
		if i == start {
			p.reach(lines, end-1, depth) // the items after the first have a state machine of their own
		}
		n, made := len(p.doc.Diagnostics), p.explicitMade
		list.Items = append(list.Items, p.blocks(block, depth+1, false))
		if p.shallow > 0 && depth+1 == p.shallow {
			p.itemReports = append(p.itemReports, itemReport{len(p.doc.Diagnostics) - n, p.explicitMade - made})
		}
		next++
		i = end
		if !finish {
			if e, ok := parseEnum(lines[min(i, len(lines)-1)].text, first.style); i >= len(lines) || !ok || e.format != first.format || !p.isEnumItem(lines, i, first.style, next) {
				// (An item of another format, "#." after "a)", starts
				// another list.)
				p.doc.Diagnostics = append(p.doc.Diagnostics, startNote...)
				startNote = nil
				p.reportAfter(lines, i, Warning, "Enumerated list ends without a blank line; unexpected unindent.")
				break
			}
			continue
		}
		for i < len(lines) && blank(lines[i]) {
			i++
		}
	}
	return list, i - start
}

func (p *parser) fieldList(lines []line, i, depth int) (Block, int) {
	start := i
	list := &FieldList{}
	for i < len(lines) {
		m := fieldMarker(lines[i].text)
		if m == "" {
			break
		}
		name := m[1:strings.LastIndexByte(strings.TrimRight(m, " "), ':')]
		block, end, finish := indented(lines, i, utf8.RuneCountInString(m)) // (columns, not bytes: ":Schlüssel:")
		if i == start {
			p.reach(lines, end-1, depth) // the items after the first have a state machine of their own
		}
		list.Fields = append(list.Fields, Field{Name: p.inline(name, lines[i]), Body: p.blocks(block, depth+1, false)})
		i = end
		if !finish {
			if i < len(lines) && fieldMarker(lines[i].text) == "" {
				p.reportAfter(lines, i, Warning, "Field list ends without a blank line; unexpected unindent.")
				break
			}
			continue
		}
		for i < len(lines) && blank(lines[i]) {
			i++
		}
	}
	return list, i - start
}

// optionMarkerRE is docutils' option list marker: options ("-a",
// "+a", "-a ARG", "--long=ARG", "/V"; an argument may be "<in angle
// brackets>") separated by ", ", then two spaces or more, or the end.
var optionMarkerRE = func() *regexp.Regexp {
	const (
		optarg   = `(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)`
		shortopt = `[-+][a-zA-Z0-9](?: ?` + optarg + `)?`
		longopt  = `(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]` + optarg + `)?`
		option   = `(?:` + shortopt + `|` + longopt + `)`
	)
	return regexp.MustCompile(`^` + option + `(?:, ` + option + `)*(?:  +| ?$)`)
}()

// optionList parses the option list starting at lines[i], as docutils'
// option_marker does; it returns n == 0 when the line has no description
// and so starts no list but a paragraph.
func (p *parser) optionList(lines []line, i, depth int) (Block, int) {
	start := i
	list := &OptionList{}
	for i < len(lines) {
		marker := optionMarkerRE.FindString(lines[i].text)
		if marker == "" {
			break
		}
		block, end, finish := indented(lines, i, utf8.RuneCountInString(marker))
		for len(block) > 0 && blank(block[0]) {
			block = block[1:]
		}
		if len(block) == 0 {
			break // no description: text, or the end of the list
		}
		if i == start {
			p.reach(lines, end-1, depth) // the items after the first have a state machine of their own
		}
		opts, err := optionStrings(marker)
		if err != "" {
			if i > start {
				break // docutils ends the list at an invalid item
			}
			// The first: its description is a block quote.
			p.report(lines[i], Error, "Invalid option list marker: "+err)
			quotes := sequence(p.blockQuotes(block, depth))
			if !finish {
				p.reportAfter(lines, end, Warning, "Option list ends without a blank line; unexpected unindent.")
			}
			return &quotes, end - start
		}
		list.Items = append(list.Items, OptionItem{Options: opts, Description: p.blocks(block, depth+1, false)})
		i = end
		if !finish {
			if i >= len(lines) || !startsOptionItem(lines, i) {
				p.reportAfter(lines, i, Warning, "Option list ends without a blank line; unexpected unindent.")
				break
			}
			continue
		}
		for i < len(lines) && blank(lines[i]) {
			i++
		}
	}
	if len(list.Items) == 0 {
		return nil, 0
	}
	return list, i - start
}

// startsOptionItem reports whether lines[i] starts a valid option list
// item: an option marker with a description after it or below it.
func startsOptionItem(lines []line, i int) bool {
	marker := optionMarkerRE.FindString(lines[i].text)
	if marker == "" {
		return false
	}
	if _, err := optionStrings(marker); err != "" {
		return false
	}
	if strings.TrimSpace(lines[i].text[len(marker):]) != "" {
		return true
	}
	j := i + 1
	for j < len(lines) && blank(lines[j]) {
		j++
	}
	return j < len(lines) && lines[j].text[0] == ' '
}

// optionStrings splits an option marker into its options, as docutils'
// parse_option_marker does, or returns its complaint about one that has
// too many parts ("--a=<b c, d>" splits at the comma in the argument).
func optionStrings(marker string) ([]string, string) {
	opts := strings.Split(strings.TrimRight(marker, " "), ", ")
	for _, o := range opts {
		tokens := strings.Fields(o)
		if len(tokens) == 0 {
			// An argument "<, , >" leaves an option of nothing, on
			// which docutils 0.19 fails with an IndexError; this
			// reports what its check of the count would.
			return nil, fmt.Sprintf("wrong number of option tokens (=0), should be 1 or 2: \"%s\"", o)
		}
		if k := strings.IndexByte(tokens[0], '='); k >= 0 {
			tokens = append([]string{tokens[0][:k], tokens[0][k+1:]}, tokens[1:]...)
		} else if len(tokens[0]) > 2 && (tokens[0][0] == '-' && tokens[0][1] != '-' || tokens[0][0] == '+') {
			tokens = append([]string{tokens[0][:2], tokens[0][2:]}, tokens[1:]...)
		}
		if len(tokens) > 1 && strings.HasPrefix(tokens[1], "<") && strings.HasSuffix(tokens[len(tokens)-1], ">") {
			tokens = tokens[:2]
		}
		if len(tokens) > 2 {
			return nil, fmt.Sprintf("wrong number of option tokens (=%d), should be 1 or 2: \"%s\"", len(tokens), o)
		}
	}
	return opts, ""
}

// doctest takes a doctest block: lines up to the next blank one.
func doctest(lines []line, i int) (Block, int) {
	start := i
	var text []string
	for i < len(lines) && !blank(lines[i]) {
		text = append(text, lines[i].text)
		i++
	}
	return &LiteralBlock{Text: strings.Join(text, "\n")}, i - start
}

func (p *parser) lineBlock(lines []line, i, depth int) (Block, int) {
	start := i
	lb := &LineBlock{}
	for i < len(lines) && (lines[i].text == "|" || strings.HasPrefix(lines[i].text, "| ")) {
		text := strings.TrimPrefix(strings.TrimPrefix(lines[i].text, "|"), " ")
		l := lines[i]
		i++
		// Continuation lines are indented.
		for i < len(lines) && !blank(lines[i]) && lines[i].text[0] == ' ' {
			text += " " + strings.TrimSpace(lines[i].text)
			i++
		}
		if len(lb.Lines) == 0 {
			// The first line's block; docutils reads the others with a
			// state machine of their own.
			p.reach(lines, i-1, depth)
		}
		lb.Lines = append(lb.Lines, p.inline(text, l))
	}
	if i < len(lines) && !blank(lines[i]) {
		// docutils names the line after the block's first, however long
		// the block (Body.line_block's line=lineno+1).
		p.report(lines[start+1], Warning, "Line block ends without a blank line.")
	}
	return lb, i - start
}

// gridTable takes a grid table as docutils isolates one: the text block
// up to a line that does not start with "+" or "|", cut after its last
// border line, every line as long as the top border and framed. Then it
// parses its cells (see gridTableCells).
func (p *parser) gridTable(lines []line, i, depth int) (Block, int) {
	start := i
	finish := true
	indentAt := -1
	for i < len(lines) && !blank(lines[i]) {
		if lines[i].text[0] == ' ' {
			// docutils' get_text_block stops at an indented line.
			indentAt = i
			finish = false
			break
		}
		i++
	}
	// The error for the indented line is docutils' isolation's: it comes
	// after what the table's parse reports, but before a table that the
	// isolation finds malformed.
	unexpected := func() {
		if indentAt >= 0 {
			p.report(p.srcLine(lines[indentAt]), Error, "Unexpected indentation.")
		}
	}
	var text []string
	for _, l := range lines[start:i] {
		text = append(text, strings.TrimSpace(l.text))
	}
	for j, t := range text {
		if t[0] != '+' && t[0] != '|' {
			finish = false
			text = text[:j]
			break
		}
	}
	// n is how many lines docutils takes: the table's, but for one cut
	// short at a border, where it steps back a line too far and reads
	// the row before that border again.
	n := len(text)
	blankAfter := func() {
		if !finish {
			p.reportAfter(lines, start+n, Warning, "Blank line required after table.")
		}
	}
	// back is how many lines above the table docutils numbers its lines
	// from (see below).
	back := 0
	// tableLine is the line docutils names at offset in the table: it
	// numbers the lines back from where it stopped reading, n lines on,
	// as if it had read them all, so that for a table cut short it names
	// lines two above theirs. Python's negative index of docutils' lines
	// names a line before the first one from the end.
	tableLine := func(offset int) line {
		at := lines[start]
		if k := start - back + offset; k >= 0 && k < len(lines) {
			at = lines[k]
		} else {
			at.num += offset - back
		}
		if at.num < 1 && len(p.all)+at.num >= 1 {
			at = p.all[len(p.all)+at.num-1]
		}
		return at
	}
	malformed := func() (Block, int) {
		unexpected()
		p.report(tableLine(0), Error, "Malformed table.")
		blankAfter()
		return &inMessage{&LiteralBlock{Text: strings.Join(text, "\n")}}, n
	}
	if !gridRE.MatchString(text[len(text)-1]) {
		finish = false
		cut := -1
		for j := len(text) - 2; j > 1; j-- {
			if gridRE.MatchString(text[j]) {
				cut = j
				break
			}
		}
		if cut < 0 {
			return malformed()
		}
		text = text[:cut+1]
		n = cut - 1
		back = 2
	}
	rows, ok := gridRows(text)
	if !ok {
		return malformed()
	}
	// A cell's lines docutils names one below the table's (see
	// tableCell).
	p.reach(lines, start+n-1, depth)
	grid, cols, offset, detail := p.gridTableCells(lines[start:start+len(text)], rows, 1-back, depth)
	if detail != "" {
		at := tableLine(offset)
		p.report(at, Error, "Malformed table.\n"+detail)
		unexpected()
		blankAfter()
		return &inMessage{&LiteralBlock{Text: strings.Join(text, "\n")}}, n
	}
	unexpected()
	blankAfter()
	return grid.table(strings.Join(text, "\n"), cols), n
}

// knownDirectives are docutils' directives, which it parses without
// complaint; this package shows the content of the ones that carry text
// and leaves out the rest.
var knownDirectives = map[string]string{
	"attention": "admonition", "caution": "admonition", "danger": "admonition", "error": "admonition",
	"hint": "admonition", "important": "admonition", "note": "admonition", "tip": "admonition",
	"warning": "admonition", "admonition": "admonition",
	"topic": "container", "sidebar": "container", "rubric": "container", "epigraph": "container",
	"highlights": "container", "pull-quote": "container", "compound": "container", "container": "container",
	"code": "literal", "code-block": "", "sourcecode": "", "parsed-literal": "literal", "math": "literal",
	"image": "image", "figure": "figure", "table": "container", "csv-table": "literal", "list-table": "container",
	"contents": "skip", "sectnum": "skip", "section-numbering": "skip", "header": "decoration", "footer": "decoration",
	"target-notes": "skip", "meta": "skip", "replace": "skip", "unicode": "skip", "date": "skip",
	"include": "skip", "raw": "skip", "class": "content", "role": "skip", "default-role": "skip",
	"title": "skip", "restructuredtext-test-directive": "skip", "line-block": "container",
}

// elementlessDirective reports whether a line starts a directive that
// makes no element where it is: a header, footer or meta, whose elements
// docutils puts at the document's start (see leading), a title, which
// is the document's, or a role or default-role, which makes none.
func elementlessDirective(s string) bool {
	switch pyLower(directiveName(s)) {
	case "header", "footer", "meta", "title", "role", "default-role":
		return true
	}
	return false
}

// directiveName returns the name of the directive that s, a line,
// starts, or that a substitution definition on it names, or "".
func directiveName(s string) string {
	m := directiveRE.FindStringSubmatch(s)
	if m == nil {
		m = substitutionLineRE.FindStringSubmatch(s)
	}
	if m == nil {
		return ""
	}
	return m[1]
}

// isExplicit reports whether a line starts explicit markup: ".. " or an
// anonymous target "__ ".
func isExplicit(s string) bool {
	return strings.HasPrefix(s, ".. ") || s == ".." || strings.HasPrefix(s, "__ ") || s == "__"
}

// explicitList parses consecutive explicit markup blocks, which need no
// blank line between them; only the list as a whole must end with one.
func (p *parser) explicitList(lines []line, i, depth int) (Block, int) {
	start := i
	var out sequence
	first := true
	for i < len(lines) && isExplicit(lines[i].text) {
		if p.countExplicit && !elementlessDirective(lines[i].text) {
			if p.explicitAt == nil {
				p.explicitAt = map[int]int{}
			}
			p.explicitAt[depth]++
		}
		b, end, finish := p.explicit(lines, i, depth, first)
		first = false
		if b != nil {
			out = append(out, b)
		}
		if p.shallow > 0 && depth == p.shallow {
			p.explicitMade++ // (a shallow parser's directives show nothing)
		}
		i = end
		if finish {
			// A blank line that the construct's block left (a
			// target's) ends docutils' explicit list, whose state
			// machine takes no blank line first: the outermost one
			// reads on, and the next construct starts a list of its
			// own, as the first did.
			first = i < len(lines) && blank(lines[i])
			for i < len(lines) && blank(lines[i]) {
				i++
			}
			continue
		}
		if i < len(lines) && !isExplicit(lines[i].text) {
			p.reportAfter(lines, i, Warning, "Explicit markup ends without a blank line; unexpected unindent.")
			break
		}
	}
	if len(out) == 0 {
		return nil, i - start
	}
	return &out, i - start
}

// explicit parses an explicit markup block: a directive, a hyperlink
// target, a footnote or citation, a substitution definition or a comment.
func (p *parser) explicit(lines []line, i, depth int, first bool) (Block, int, bool) {
	l := lines[i]
	block, end, finish := indented(lines, i, 3)
	if t := strings.TrimLeft(l.text[min(2, len(l.text)):], " "); strings.HasPrefix(l.text, "__") ||
		strings.HasPrefix(t, "_") && t != "_" && !strings.HasPrefix(t, "_ ") {
		// A hyperlink target's block ends at a blank line: an indented
		// block after one is a block quote. (docutils takes a malformed
		// one for a comment, which does not end there.)
		p.internal = ""
		anons := len(p.anonTargets)
		if !strings.HasPrefix(l.text, "__") && !p.hyperlinkTarget(lines, i) {
			p.chainNames, p.chainAnon = nil, nil // a comment is the next node
		} else {
			end = i + 1
			for end < len(lines) && !blank(lines[end]) && lines[end].text[0] == ' ' {
				end++
			}
			finish = end >= len(lines) || blank(lines[end])
			if strings.HasPrefix(l.text, "__") {
				parts := []string{strings.TrimSpace(unescape(l.text[2:]))}
				for _, bl := range lines[i+1 : end] {
					parts = append(parts, strings.TrimSpace(unescape(bl.text)))
				}
				p.anonymousTarget(parts)
			}
		}
		if first {
			p.reach(lines, end-1, depth)
		}
		switch {
		case p.shallow > 0:
		case p.internal != "":
			return &internalTarget{name: p.internal}, end, finish
		case len(p.anonTargets) > anons && p.anonTargets[anons] == (anonTarget{}):
			return &internalTarget{anon: anons + 1}, end, finish
		}
		return nil, end, finish
	}
	if strings.TrimSpace(l.text) == ".." && (i+1 >= len(lines) || blank(lines[i+1])) {
		// An empty comment before a blank line is that line alone, as
		// docutils' comment has it ("a tiny but practical wart"): it
		// ends what came before, and an indented block after it is a
		// block quote of its own, not the comment's.
		end, finish = i+1, true
	}
	if first {
		p.reach(lines, end-1, depth) // the constructs after the first have a state machine of their own
	}
	p.chainNames, p.chainAnon = nil, nil // this construct is the next node
	var b Block
	if substitutionStart(l.text) {
		if sub, body, ok := substitutionHead(block); ok {
			b = p.substitutionDef(sub, body, l, depth)
		} else {
			// At the block's last line, blank lines included, where
			// docutils' state machine is; it then takes the block for a
			// comment.
			p.report(block[len(block)-1], Warning, "malformed substitution definition.")
		}
	} else if m := directiveRE.FindStringSubmatch(l.text); m != nil {
		b, _ = p.directive(m[1], block, l, depth)
	} else if m := footnoteLabelRE.FindStringSubmatch(l.text); m != nil {
		// Footnotes and citations are explicit targets too, named by
		// their labels (an auto-numbered footnote's after its "#").
		name := m[1]
		if name[0] == '#' || name == "*" {
			name = strings.TrimLeft(name, "#*")
		}
		if name != "" {
			p.noteName(name, true, false, "", l)
		}
		content, _, _ := indented(lines, i, utf8.RuneCountInString(m[0]))
		for len(content) > 0 && blank(content[0]) {
			content = content[1:]
		}
		children := p.blocks(content, depth+1, false)
		if !p.checkOnly && p.shallow == 0 {
			// (A scratch parser wants only what is reported.)
			fn := &Footnote{Label: m[1], Children: children, Citation: !isFootnoteLabel(m[1])}
			p.footnotes = append(p.footnotes, fn)
			b = fn
		}
	}
	return b, end, finish
}

// isFootnoteLabel reports whether a label in brackets is a footnote's
// (a number, "#", "#name" or "*") rather than a citation's.
func isFootnoteLabel(label string) bool {
	if label[0] == '#' || label == "*" {
		return true
	}
	_, err := strconv.Atoi(label)
	return err == nil
}

// footnoteSymbols are the labels docutils gives footnotes and references
// written "[*]", in their order; after the last, the symbols double.
var footnoteSymbols = []string{"*", "\u2020", "\u2021", "\u00a7", "\u00b6", "#", "\u2660", "\u2665", "\u2666", "\u2663"}

// footnoteSymbol is the label of the n-th (0-based) symbol footnote.
func footnoteSymbol(n int) string {
	return strings.Repeat(footnoteSymbols[n%len(footnoteSymbols)], n/len(footnoteSymbols)+1)
}

// resolveFootnotes numbers footnotes and links references to them as
// docutils' Footnotes and Citations transforms do: auto-numbered
// footnotes ("[#]", "[#name]") take the numbers no footnote is labelled
// with, in order; a reference "[#]_" the auto-numbered footnotes without
// a name in order, "[#name]_" the footnote of that name; symbol
// footnotes and their references take symbols in order of each; a
// reference "[1]_" or "[name]_" the footnote or citation so labelled. A
// reference docutils cannot match shows its markup as written ("[1]_"),
// as docutils' problematic node does, and links nowhere.
func (p *parser) resolveFootnotes() {
	if len(p.footnotes) == 0 && len(p.footnoteRefs) == 0 {
		return
	}
	byLabel := map[string]*Footnote{}
	taken := map[string]bool{}
	for _, fn := range p.footnotes {
		if !strings.HasPrefix(fn.Label, "#") && fn.Label != "*" {
			taken[fn.Label] = true
		}
	}
	number, symbols, unnamedIDs := 0, 0, 0
	var unnamed []*Footnote
	for _, fn := range p.footnotes {
		key := normalizeName(fn.Label)
		switch {
		case strings.HasPrefix(fn.Label, "#"):
			number++
			for taken[strconv.Itoa(number)] {
				number++
			}
			if name := fn.Label[1:]; name != "" {
				key = "#" + normalizeName(name)
				fn.ID = p.newID(name)
			} else {
				unnamed = append(unnamed, fn)
			}
			fn.Label = strconv.Itoa(number)
		case fn.Label == "*":
			fn.Label = footnoteSymbol(symbols)
			key = "*" + fn.Label
			symbols++
		}
		if fn.ID == "" {
			if fn.Citation {
				fn.ID = p.newID(fn.Label)
			} else {
				// Numbered as docutils numbers the ids of footnotes
				// without a name.
				unnamedIDs++
				fn.ID = p.newID("footnote-" + strconv.Itoa(unnamedIDs))
			}
		}
		if _, dup := byLabel[key]; !dup {
			byLabel[key] = fn
		}
	}
	// docutils takes a name two explicit targets share from both (see
	// dropDuplicateNames); a reference to a footnote or citation so
	// named links nowhere.
	// The name a footnote or a citation holds alone is a target that
	// links to it, as an explicit target's name is taken from a section.
	for key, fn := range byLabel {
		name := strings.TrimPrefix(key, "#")
		switch {
		case name == "" || strings.HasPrefix(key, "*"):
		case !p.names.unique(name):
			delete(byLabel, key)
		default:
			p.doc.Targets[name] = "#" + fn.ID
		}
	}
	symbols = 0
	for _, ref := range p.footnoteRefs {
		label := ref.label
		var fn *Footnote
		switch {
		case label == "#":
			if len(unnamed) > 0 {
				fn, unnamed = unnamed[0], unnamed[1:]
			}
		case label == "*":
			fn = byLabel["*"+footnoteSymbol(symbols)]
			symbols++
		case strings.HasPrefix(label, "#"):
			fn = byLabel["#"+normalizeName(label[1:])]
		default:
			fn = byLabel[normalizeName(label)]
		}
		if fn == nil {
			ref.Content = []Inline{Text(ref.raw)}
			continue
		}
		ref.Content = []Inline{Text("[" + fn.Label + "]")}
		ref.URL = "#" + fn.ID
	}
}

// newID returns the id docutils makes of name, or a numbered one
// ("id1", see identify) when that is taken or name makes none, and takes
// it.
func (p *parser) newID(name string) string {
	id := makeID(name)
	if p.doc.ids == nil {
		p.doc.ids = map[string]bool{}
	}
	for id == "" || p.doc.ids[id] {
		p.idCounter++
		id = "id" + strconv.Itoa(p.idCounter)
	}
	p.doc.ids[id] = true
	return id
}

// footnoteLabelRE matches the start of a footnote or a citation.
var footnoteLabelRE = regexp.MustCompile(`^\.\. +\[([0-9]+|#` + simplename + `?|\*|` + simplename + `)\]( +|$)`)

// hyperlinkTarget parses the hyperlink target that starts at lines[i]
// (".. _" and no space) as docutils' hyperlink_target does: the name,
// which may run over the lines up to a blank one, then the URI, or the
// name of the target it refers to. It returns false for a target that
// docutils finds malformed, and takes for a comment.
func (p *parser) hyperlinkTarget(lines []line, i int) bool {
	l := lines[i]
	// The block, its lines as they are (indented), up to a blank line.
	first := strings.TrimLeft(l.text[2:], " ")[1:]
	end := i + 1
	for end < len(lines) && !blank(lines[end]) && lines[end].text[0] == ' ' {
		end++
	}
	// The text the name is looked for in, its lines joined as they are
	// (a builder, so that a long block is not copied for each line).
	escapedText := unescape(first)
	var joined strings.Builder
	j, tried := i, 0
	var name string
	var at int
	for {
		var ok bool
		if name, at, ok = targetName(escapedText, tried); ok {
			break
		}
		if j++; j >= end {
			p.report(lines[end-1], Warning, "malformed hyperlink target.")
			return false
		}
		// The names that ended more than a few bytes before the text's
		// end fail on the longer text too.
		tried = max(0, len(escapedText)-8)
		if joined.Len() == 0 {
			joined.WriteString(escapedText)
		}
		joined.WriteString(unescape(lines[j].text))
		escapedText = joined.String()
	}
	// The rest: what follows the name on its line, then the lines after
	// (most targets have one line: a slice on the stack).
	var partsBuf [4]string
	parts := append(partsBuf[:0], strings.TrimSpace(escapedText[at:]))
	for _, bl := range lines[j+1 : end] {
		parts = append(parts, strings.TrimSpace(unescape(bl.text)))
	}
	if name == "_" {
		p.anonymousTarget(parts)
		return true
	}
	name = clean0(name)
	if refersTo, ok := indirectTarget(parts); ok {
		p.noteName(name, true, false, "", l)
		if !p.checkOnly {
			p.alias(normalizeName(name), refersTo)
			p.chainTo(anonTarget{name: refersTo})
		}
		return true
	}
	reference := parts[0]
	if len(parts) > 1 {
		reference = strings.Join(parts, " ")
	}
	uri := targetURI(reference)
	p.noteName(name, true, uri != "", uri, l)
	if p.checkOnly {
		return true
	}
	// (A URI may end in "_" where it is no reference: "a b_", or an
	// escaped "b\_".)
	if uri != "" {
		p.target(normalizeName(name), uri)
		p.chainTo(anonTarget{url: uri})
	} else {
		p.internal = normalizeName(name) // (see internalTarget)
		if p.internalNames == nil {
			p.internalNames = map[string]bool{}
		}
		p.internalNames[p.internal] = true
		if p.shallow == 0 {
			p.chainNames = append(p.chainNames, p.internal)
		}
	}
	return true
}

// alias notes that the target name refers to the target refersTo.
func (p *parser) alias(name, refersTo string) {
	if p.aliases == nil {
		p.aliases = map[string]string{}
	}
	p.aliases[name] = refersTo
}

// chainTo makes the internal targets no construct has followed yet
// (".. _a:" and "__" before ".. _b: https://example.org/") names of the
// target t that follows them: they take its URI, or refer to the target
// it refers to. docutils' PropagateTargets moves an internal target's
// names to the next node, a target too, where a name that node has
// twice does not take them away.
func (p *parser) chainTo(t anonTarget) {
	for _, name := range p.chainNames {
		switch {
		case t.url != "":
			p.target(name, t.url)
		case t.name != "" && t.name != name:
			p.alias(name, t.name)
		}
	}
	for _, k := range p.chainAnon {
		p.anonTargets[k] = t
	}
	p.chainNames, p.chainAnon = nil, nil
}

// internalTarget is a target without a URI (".. _setup:", or "__" for
// the anonymous reference in its place, anon its number), which names
// the element after it; flatten gives that element the name.
type internalTarget struct {
	name string
	anon int
}

func (*internalTarget) block() {}

// indirectTarget returns the normalized name of the target that a
// target's text, its lines trimmed (escape markers in place), refers to
// ("name_", "`a phrase`_"), as docutils' parse_target takes it, or false
// for a URI.
func indirectTarget(parts []string) (string, bool) {
	reference := parts[0]
	if len(parts) > 1 {
		reference = strings.Join(parts, " ")
	}
	if !strings.HasSuffix(parts[len(parts)-1], "_") || !referenceRE.MatchString(reference) {
		return "", false
	}
	name := strings.TrimSuffix(reference, "_")
	if strings.HasPrefix(name, "`") {
		name = name[1 : len(name)-1]
	}
	return normalizeName(clean0(name)), true
}

// anonymousTarget notes an anonymous target ("__ URI", ".. __: URI"),
// its text's lines trimmed, for the anonymous reference that is matched
// with it (see resolveReferences).
func (p *parser) anonymousTarget(parts []string) {
	if p.checkOnly {
		return
	}
	t := anonTarget{url: uriArgument(strings.Join(parts, " "))}
	if name, ok := indirectTarget(parts); ok {
		t = anonTarget{name: name}
	}
	p.anonTargets = append(p.anonTargets, t)
	if t == (anonTarget{}) {
		if p.shallow == 0 {
			p.chainAnon = append(p.chainAnon, len(p.anonTargets)-1)
		}
		return
	}
	p.chainTo(t)
}

// An anonTarget is an anonymous target: its URI, or the name of the
// target it refers to.
type anonTarget struct{ url, name string }

// resolveReferences does for the document what docutils' transforms do
// for links: an anonymous reference takes the URI of the anonymous target
// in the same place in the order of both, unless their numbers differ
// (docutils then links none of them); a target that refers to another
// ("..  _a: b_") takes the URI that one has, through any chain of them
// that ends in a URI.
func (p *parser) resolveReferences() {
	p.dropDuplicateNames()
	unresolved := map[string]bool{}
	for name := range p.aliases {
		p.followAlias(name, unresolved)
	}
	if len(p.anonRefs) != len(p.anonTargets) {
		return
	}
	for k, ref := range p.anonRefs {
		t := p.anonTargets[k]
		if t.name != "" {
			ref.Name = t.name
			continue
		}
		ref.URL = t.url
	}
}

// dropDuplicateNames unlinks the names that no one target holds: two
// explicit targets' (unless both give the same URI) or two section
// titles'. docutils takes such a name from every target that had it
// (nodes.document.set_duplicate_name_id) and makes a reference to it a
// problematic node, which links nowhere; so does an indirect target that
// refers to it.
func (p *parser) dropDuplicateNames() {
	p.names.each(func(key string, e nameEntry) {
		if !e.unique {
			delete(p.doc.Targets, key)
			delete(p.aliases, key)
		}
	})
}

// followAlias gives name, and every indirect target on the chain from it,
// the URI the chain ends in, or notes them in unresolved when it ends in
// no URI or goes round. An indirect target's name is its own, not a
// section title's of the same name (an explicit target takes it). Each
// name is followed once, and is no alias after, so that a long chain
// takes linear time.
func (p *parser) followAlias(name string, unresolved map[string]bool) {
	var chain []string
	onChain := map[string]bool{}
	url, found := "", false
	for {
		next, isAlias := p.aliases[name]
		if !isAlias {
			url, found = p.doc.Targets[name]
			break
		}
		if unresolved[name] || onChain[name] {
			break
		}
		chain = append(chain, name)
		onChain[name] = true
		name = next
	}
	for _, n := range chain {
		delete(p.aliases, n)
		if found {
			p.doc.Targets[n] = url
		} else {
			unresolved[n] = true
			delete(p.doc.Targets, n)
		}
	}
}

// referenceRE is docutils' pattern of the reference an indirect
// hyperlink target refers to: a name and "_", or a phrase in backquotes.
var referenceRE = regexp.MustCompile("^(?:" + simplename + "_|`[^ ].*[^ \\x00]`_|`[^ ]`_)$")

// substitutionDef parses a substitution definition (".. |name| image::
// x.png") as docutils' substitution_def does, its body (see
// substitutionHead) after its name: the definition must have
// content, a directive that makes something, a replace directive one
// paragraph without problems; else docutils reports it, and takes no
// note of the name.
func (p *parser) substitutionDef(name string, block []line, l line, depth int) Block {
	invalid := func() {
		p.report(p.srcLine(l), Warning, `Substitution definition "`+name+`" empty or invalid.`)
	}
	if block[0].text == "" {
		// The directive may start on the next line.
		block = trimBlank(block[1:])
		if len(block) == 0 {
			p.report(p.srcLine(l), Warning, `Substitution definition "`+name+`" missing contents.`)
			return nil
		}
		block = slices.Clone(block)
		block[0].text = strings.TrimSpace(block[0].text)
	}
	m := substitutionDirectiveRE.FindStringSubmatch(block[0].text)
	if m == nil {
		invalid() // text, not a directive
		return nil
	}
	n := len(p.doc.Diagnostics)
	var content []Inline
	// valid says docutils notes the definition's name: its directive
	// made what a substitution holds, and reported nothing (but what a
	// replacement's content reports, which docutils moves out).
	valid := true
	if pyLower(m[1]) == "replace" {
		var ok bool
		if content, ok, valid = p.replacement(name, block, l, depth); !ok {
			invalid()
			return nil
		}
	} else {
		b, named := p.substitutionDirective(name, m[1], block, l, depth)
		// An image is the substitution's content, shown where it is
		// referenced, not where it is defined.
		img, isImage := b.(*Image)
		if isImage {
			b = nil
		}
		switch {
		case p.worstSince(n) >= Error:
			invalid()
			return b
		case len(p.doc.Diagnostics) == n && named && pyLower(m[1]) == "image":
			// The name gives the image an id, which a substitution's
			// elements may not have.
			p.report(p.srcLine(l), Error, "Substitution definition contains illegal element <image>:")
			return b
		case len(p.doc.Diagnostics) > n || !substitutes(m[1], block):
			// What the directive made is no inline element (a note, a
			// system message): docutils moves it out of the
			// definition, which it then finds empty.
			invalid()
			return b
		}
		valid = len(p.doc.Diagnostics) == n
		if isImage {
			content = []Inline{img}
		}
	}
	if valid {
		// A name taken twice is reported at the definition's line as
		// docutils' input gives it (see srcLine).
		p.noteSubstitution(name, p.srcLine(l))
		if pyLower(m[1]) == "unicode" {
			content = unicodeText(block)
		}
		if content != nil && !p.checkOnly && p.shallow == 0 {
			// As docutils' document notes it: the last definition of a
			// name is kept, and is the one a reference in another case
			// finds.
			key := strings.Join(strings.FieldsFunc(name, isPySpace), " ")
			if p.subDefs == nil {
				p.subDefs, p.subNames = map[string][]Inline{}, map[string]string{}
			}
			p.subDefs[key] = content
			p.subNames[pyLower(key)] = key
		}
	}
	return nil
}

// unicodeText is the text a unicode directive, its block, makes: its
// argument's codes as characters and its other words as they are, up to
// a comment, joined without space (docutils' unicode_code).
func unicodeText(block []line) []Inline {
	argument := []string{afterMarker(block[0].text)}
	for _, bl := range block[1:] {
		if blank(bl) || fieldMarker(bl.text) != "" {
			break
		}
		argument = append(argument, bl.text)
	}
	var b strings.Builder
	for _, code := range strings.Fields(unicodeCommentRE.Split(strings.TrimSpace(strings.Join(argument, "\n")), 2)[0]) {
		if r, isCode, msg := unicodeCode(code); msg == "" && isCode {
			b.WriteRune(r)
		} else {
			b.WriteString(code)
		}
	}
	return []Inline{Text(b.String())}
}

// resolveSubstitutions gives each substitution reference the content of
// the definition of its name (the same name, or else the same in lower
// case, as docutils' Substitutions transform finds it). The text a
// document's substitutions add is bounded, as docutils' is not: a
// replacement used many times could make a small text a huge page.
//
// A reference to a substitution the text does not define shows its
// markup as written ("|name|"), as docutils' problematic node does; one
// defined as what this package does not show (a date) shows its name.
func (p *parser) resolveSubstitutions() {
	budget := 16*len(p.src) + 1<<16
	var defined map[string]bool // p.subs by their lower case, once needed
	for _, w := range p.subRefs {
		ref := w.sub
		name := strings.Join(strings.FieldsFunc(ref.Name, isPySpace), " ")
		content, ok := p.subDefs[name]
		if key, found := p.subNames[pyLower(name)]; !ok && found {
			content, ok = p.subDefs[key]
		}
		if !ok {
			if defined == nil {
				defined = make(map[string]bool, len(p.subs))
				for k := range p.subs {
					defined[pyLower(k)] = true
				}
			}
			if !p.subs[name] && !defined[pyLower(name)] {
				ref.Content = []Inline{Text(w.raw)}
			}
			continue
		}
		if budget < 0 {
			continue // shown by name
		}
		if budget -= len(plainText(content)); budget >= 0 {
			ref.Content = content
		}
	}
}

// writtenRef is a reference by name, or an anonymous one, with its
// markup as the text has it, backslashes and all.
type writtenRef struct {
	ref  *Reference
	raw  string
	anon bool
}

// writtenSub is a substitution reference, with its markup as the text
// has it.
type writtenSub struct {
	sub *Substitution
	raw string
}

// showUnresolved makes each reference docutils cannot resolve, once the
// references are resolved, show its markup as written ("python_",
// "`Monty Python`_", "|logo|_"), as docutils shows the problematic node
// it makes of one: a reference to a name the text does not define, or
// defines twice, or that refers on to nowhere, and anonymous references
// when the anonymous targets do not match them in number. Shown by name
// alone, the text would lose the markup its author wrote, with no sign
// that a link is missing. A reference to an element that takes no id
// in HTML (a paragraph) is resolved, and shows its text, unlinked.
func (p *parser) showUnresolved() {
	anonsMatch := len(p.anonRefs) == len(p.anonTargets)
	for _, w := range p.refs {
		if !p.resolved(w.ref, w.anon, anonsMatch) {
			w.ref.Content = []Inline{Text(w.raw)}
		}
	}
}

// resolved reports whether ref, a reference by name or an anonymous
// one, resolves to a target (see showUnresolved).
func (p *parser) resolved(ref *Reference, anon, anonsMatch bool) bool {
	switch {
	case ref.URL != "":
		return true
	case anon && !anonsMatch:
		return false
	case ref.Name == "":
		return anon // an anonymous target naming an element without an id
	}
	if _, ok := p.doc.Targets[ref.Name]; ok {
		return true
	}
	return p.internalNames[ref.Name] && p.names.unique(ref.Name)
}

// substitutionDirective parses the directive that defines a
// substitution, which some directives (image) check more strictly.
func (p *parser) substitutionDirective(sub, name string, block []line, l line, depth int) (b Block, named bool) {
	p.inSubstitution, p.substitution = true, sub
	defer func() { p.inSubstitution = false }()
	return p.directive(name, block, l, depth)
}

// replacement checks the content of a replace directive that defines the
// substitution name, as docutils' Replace.run does: one paragraph, whose
// inline markup has no problem. It returns false when the definition
// gets nothing.
func (p *parser) replacement(name string, block []line, l line, depth int) (content []Inline, ok, valid bool) {
	lines := append([]line(nil), block...)
	lines[0].text = strings.TrimSpace(afterMarker(lines[0].text))
	if lines[0].text == "" {
		lines = lines[1:]
	}
	if len(trimBlank(lines)) == 0 {
		p.report(l, Error, `Content block expected for the "replace" directive; none found.`)
		return nil, false, false
	}
	lines = trimBlank(lines) // (as a directive's content, see directive)
	n, elements := len(p.doc.Diagnostics), len(p.idElements)
	// (Check must parse its text for references, which it may not hold.)
	saved := p.inReplacement
	p.inReplacement = true
	p.blocks(lines, depth+1, false)
	p.inReplacement = saved
	// Check builds no paragraphs: what the content makes is counted on
	// a parse of its own. Explicit markup makes an element (a comment, a
	// target) that this package does not keep; a malformed table, or a
	// directive that fails, makes only a system message, which docutils
	// moves out of the replacement.
	scratch := p.scratch(0)
	scratch.countExplicit = true
	made := slices.DeleteFunc(scratch.blocks(lines, depth+1, false), func(b Block) bool {
		switch b.(type) {
		case *inMessage, *internalTarget: // (a target is counted below)
			return true
		}
		return false
	})
	for range scratch.explicitAt[depth+1] - scratch.failedDirectives[depth+1] {
		made = append(made, nil)
	}
	if len(made) == 0 {
		// Only system messages: docutils keeps them, and finds the
		// definition empty.
		return nil, false, false
	}
	if len(made) > 1 {
		p.doc.Diagnostics = p.doc.Diagnostics[:n]
		p.report(l, Error, `Error in "replace" directive: may contain a single paragraph only.`)
		return nil, false, false
	}
	if _, ok := made[0].(*Paragraph); !ok {
		p.doc.Diagnostics = p.doc.Diagnostics[:n]
		p.report(l, Error, `Error in "replace" directive: may contain a single paragraph only.`)
		return nil, false, false
	}
	valid = true
	if len(p.idElements) > elements {
		// docutils names the first in the text (what the paragraph's
		// block reports, it moves out).
		p.report(p.srcLine(l), Error, "Substitution definition contains illegal element <"+p.idElements[elements]+">:")
		valid = false
	}
	return made[0].(*Paragraph).Content, true, valid
}

// worstSince returns the highest level of the diagnostics from the n-th
// on, 0 for none.
func (p *parser) worstSince(n int) Level {
	worst := Level(0)
	for _, d := range p.doc.Diagnostics[n:] {
		worst = max(worst, d.Level)
	}
	return worst
}

// substitutionStart reports whether a line starts a substitution
// definition: ".. |" and something other than a space.
func substitutionStart(s string) bool {
	t := strings.TrimLeft(s[2:], " ")
	return len(t) > 1 && t != s[2:] && t[0] == '|' && t[1] != ' '
}

// substitutionHead parses the name of the substitution definition that
// block (an explicit construct's lines, the first from its "|" on)
// holds, as docutils' substitution_def does: the name ends at the first
// "|" that is not after white space or an escape and is before a space
// or the line's end, on the first line or on one after it (the lines
// joined by spaces). It returns the name and the definition's body: the
// text after the name's line's "|", then the lines after that one; ok is
// false where no "|" ends the name, which docutils reports as malformed.
func substitutionHead(block []line) (name string, body []line, ok bool) {
	first := strings.TrimLeft(block[0].text, " ")[1:]
	escaped := unescape(strings.TrimRightFunc(first, isPySpace))
	for k := 0; k < len(block); k++ {
		if k > 0 {
			escaped += " " + unescape(strings.TrimFunc(block[k].text, isPySpace))
		}
		bar, matched := substitutionNameBar(escaped)
		if !matched {
			continue
		}
		end := bar + 1
		for end < len(escaped) && escaped[end] == ' ' {
			end++
		}
		// The rest of the name's line: as long as escaped's rest (an
		// escape marker takes the bytes of its backslash).
		last := block[k].text
		if k == 0 {
			last = first
		}
		last = strings.TrimFunc(last, isPySpace)
		body = append([]line{block[k]}, block[k+1:]...)
		body[0].text = last[len(last)-(len(escaped)-end):]
		return clean0(escaped[:bar]), body, true
	}
	return "", nil, false
}

// substitutionNameBar matches docutils' pattern of a substitution's
// name and its closing bar at the start of s (escape markers in it): the
// name one character or more, not starting with a space, not ending in
// white space or an escape marker, the bar before a space or the end.
// It returns the index of the bar.
func substitutionNameBar(s string) (int, bool) {
	if s == "" || s[0] == ' ' {
		return 0, false
	}
	_, size := utf8.DecodeRuneInString(s)
	for j := size; j < len(s); j++ {
		if s[j] != '|' || j+1 < len(s) && s[j+1] != ' ' {
			continue
		}
		if before, _ := utf8.DecodeLastRuneInString(s[:j]); !isPySpace(before) && before != escaped {
			return j, true
		}
	}
	return 0, false
}

// substitutes reports whether a directive that defines a substitution
// without a problem makes it the inline element docutils requires: an
// image, raw text, a date, or unicode's characters (unless all of its
// argument is a comment).
func substitutes(name string, block []line) bool {
	switch pyLower(name) {
	case "image", "raw", "date":
		return true
	case "unicode":
		argument := []string{afterMarker(block[0].text)}
		for _, bl := range block[1:] {
			if blank(bl) || fieldMarker(bl.text) != "" {
				break
			}
			argument = append(argument, bl.text)
		}
		return len(strings.Fields(unicodeCommentRE.Split(strings.TrimSpace(strings.Join(argument, "\n")), 2)[0])) > 0
	}
	return false
}

// directive parses a directive whose block is block, and returns what it
// shows, and whether a :name: option names it.
func (p *parser) directive(name string, block []line, l line, depth int) (Block, bool) {
	n := len(p.doc.Diagnostics)
	b, named := p.directiveBlock(name, block, l, depth)
	if p.countExplicit && b == nil && p.worstSince(n) >= Error && !strings.HasPrefix(p.doc.Diagnostics[len(p.doc.Diagnostics)-1].Message, "Figure caption") {
		// (A figure whose caption is refused is still a figure.)
		// docutils makes only a system message of it (see
		// replacement).
		if p.failedDirectives == nil {
			p.failedDirectives = map[int]int{}
		}
		p.failedDirectives[depth]++
	}
	return b, named
}

// directiveBlock is directive's work.
func (p *parser) directiveBlock(name string, block []line, l line, depth int) (Block, bool) {
	if p.shallow > 0 {
		return nil, false // not the first block: captionOK looks at explicit markup itself
	}
	kind, ok := knownDirectives[pyLower(name)]
	if !ok {
		// The note is named at the line docutils' input gives, which in a
		// table cell is the source's (see srcLine); the error at its own.
		p.report(p.srcLine(l), Info, fmt.Sprintf("No directive entry for %q in module \"docutils.parsers.rst.languages.en\".\nTrying %q as canonical directive name.", name, name))
		p.report(l, Error, fmt.Sprintf("Unknown directive type %q.", name))
		return nil, false
	}
	if pyLower(name) == "role" {
		p.roleDirective(name, block, l)
		return nil, false
	}
	alt := ""
	if p.inSubstitution {
		alt = strings.Join(strings.Fields(p.substitution), " ")
	}
	ok, head := p.directiveOK(name, block, l, depth)
	if !ok {
		return nil, false
	}
	if pyLower(name) == "default-role" {
		p.setDefaultRole(head.argument, l)
		return nil, false
	}
	if pyLower(name) == "restructuredtext-test-directive" {
		// docutils' TestDirective reports what it was given.
		arguments, with := "[]", " None"
		if head.argument != "" {
			arguments = "[" + pyRepr(head.argument) + "]"
		}
		var options []string
		if alt != "" {
			options = append(options, "'alt': "+pyRepr(alt))
		}
		if v := head.options["option"]; v != nil {
			options = append(options, "'option': "+pyRepr(*v))
		}
		for j, bl := range block {
			if blank(bl) {
				if len(trimBlank(skipBlank(block[j+1:]))) > 0 {
					with = ""
				}
				break
			}
		}
		p.report(l, Info, fmt.Sprintf(`Directive processed. Type="%s", arguments=%s, options={%s}, content:%s`, name, arguments, strings.Join(options, ", "), with))
		return nil, false
	}
	if pyLower(name) == "meta" {
		p.meta(argumentlessContent(block, false), l)
		return nil, false
	}
	target, named := head.name()
	argument := head.argument
	lower := pyLower(name)
	if v := head.options["number-lines"]; v != nil && (lower == "code" || lower == "code-block" || lower == "sourcecode") {
		// CodeBlock.run takes the first line's number with int(), after
		// the option_spec has let any value through.
		if _, msg := pyInt(v); msg != "" {
			p.report(l, Error, ":number-lines: with non-integer start value")
			return nil, false
		}
	}
	isTable := lower == "table" || lower == "list-table" || lower == "csv-table"
	var caption []Inline
	if isTable && argument != "" {
		// The title, parsed before the content; docutils puts what it
		// reports after the table, and only if there is one.
		var title []Diagnostic
		title, caption = p.directiveTitle(argument, l)
		defer func() {
			if ok {
				p.doc.Diagnostics = append(p.doc.Diagnostics, title...)
			}
		}()
	}
	content := afterBlank(block)
	if spec := directiveSpecs[lower]; spec.required+spec.optional == 0 {
		// Without arguments, the content starts on the first line.
		content = argumentlessContent(block, !spec.noOptions)
	}
	// docutils' parse_directive_block drops the content's trailing blank
	// lines, which a definition list at its end counts its term's line
	// from.
	content = trimBlank(content)
	if (lower == "class" || lower == "container") && argument != "" {
		for _, w := range strings.Fields(argument) {
			if makeID(w) == "" {
				p.report(l, Error, fmt.Sprintf(`Invalid class attribute value for %q directive: "%s".`, name, argument))
				return nil, false
			}
		}
	}
	if lower == "list-table" {
		if msg, _ := p.listTableProblem(name, content, depth, head.options); msg != "" {
			ok = false
			p.dropContent(content, depth, l, msg)
			return nil, false
		}
	}
	var csv *Table
	if lower == "csv-table" && len(content) > 0 {
		// (Without content the data is in a file, which is not read.)
		var msg string
		if csv, msg = p.csvTable(name, skipBlank(trimBlank(content)), head.options, depth); msg != "" {
			ok = false
			p.report(l, Error, msg)
			return nil, false
		}
	}
	if lower == "table" {
		msg := ""
		if one, cols := p.oneTable(content, depth); !one {
			msg = fmt.Sprintf("Error parsing content block for the %q directive: exactly one table expected.", name)
		} else {
			msg = widthsProblem(name, head.options, cols)
		}
		if msg != "" {
			ok = false
			p.dropContent(content, depth, l, msg)
			return nil, false
		}
	}
	var title, subtitle []Inline
	if (lower == "topic" || lower == "sidebar") && argument != "" {
		// The title, and a sidebar's subtitle, report what they have
		// before the name is taken and the content parsed.
		title = p.inline(argument, l)
		if sub := head.options["subtitle"]; sub != nil {
			subtitle = p.inline(*sub, l)
		}
	}
	if named {
		// docutils' add_name notes the name as an explicit target without
		// a URI. The tables do so once their content is parsed; the rest
		// before. Most nodes have no line yet, and a name taken twice is
		// reported where the outermost state machine is (see topLine);
		// math and parsed-literal give theirs their content's first line.
		at := line{num: p.topLine.num, off: p.topLine.off}
		if lower == "math" || lower == "parsed-literal" {
			if c := skipBlank(content); len(c) > 0 {
				at = c[0]
			}
		}
		if isTable {
			defer p.noteName(target, true, false, "", at)
		} else {
			p.noteName(target, true, false, "", at)
		}
	}
	if (lower == "rubric" || lower == "contents") && argument != "" {
		title = p.inline(argument, l) // reported after the element and its name
	}
	if pyLower(name) == "figure" && !p.captionOK(content, depth) {
		p.dropContent(content, depth, l, "Figure caption must be a paragraph or empty comment.")
		// docutils keeps the figure, without its content.
		b := &Figure{Image: image(argument, head.options, alt)}
		if named && !p.checkOnly {
			p.identify(b, target)
		}
		return b, named
	}
	var b Block
	switch kind {
	case "image":
		b = image(argument, head.options, alt)
	case "figure":
		blocks := p.flatten(p.blocks(content, depth+1, false))
		b = figure(image(argument, head.options, alt), content, blocks)
	case "admonition":
		var title []Inline
		if argument != "" {
			// The generic admonition's argument is its title.
			title = p.inline(argument, l)
		}
		n := len(p.doc.Diagnostics)
		body := p.blocks(content, depth+1, false)
		p.fixOffsets(n, block)
		b = &Admonition{Kind: pyLower(name), Title: title, Children: body}
	case "container":
		if lower == "sidebar" {
			defer func(saved int) { p.sidebarDepth = saved }(p.sidebarDepth)
			p.sidebarDepth = depth + 1
		}
		if lower == "epigraph" || lower == "highlights" || lower == "pull-quote" {
			// docutils' BlockQuote directive: a block quote, its
			// attribution split off as an indented quote's is.
			quotes := sequence(p.blockQuotes(content, depth))
			b = &quotes
			break
		}
		children := p.flatten(p.blocks(content, depth+1, false))
		if t, isTable := tableOf(lower, children, head.options); isTable {
			b = t
			break
		}
		switch {
		case lower == "rubric" && title != nil:
			// An informal heading, which docutils writes as a
			// paragraph of its own.
			b = &Paragraph{Content: []Inline{&Strong{Content: title}}}
		case title != nil:
			// A topic or a titled sidebar: an aside with its title, as
			// docutils' HTML5 writer shows it, and a sidebar's
			// subtitle first among its content.
			if subtitle != nil {
				children = append([]Block{&Paragraph{Content: []Inline{&Emphasis{Content: subtitle}}}}, children...)
			}
			b = &Admonition{Kind: lower, Title: title, Children: children}
		default:
			b = &BlockQuote{Children: children}
		}
	case "literal", "":
		if csv != nil {
			b = csv
			break
		}
		var text []string
		for _, c := range trimBlank(content) {
			text = append(text, c.text)
		}
		lit := &LiteralBlock{Text: strings.Join(text, "\n")}
		if lower == "parsed-literal" {
			// Its inline markup is parsed, and shown, as docutils shows
			// it; what it reports is at the directive's line.
			lit.Content = p.inline(lit.Text, l)
		}
		b = lit
	case "content":
		// The class directive's content is its own, the class added.
		if bs := p.blocks(content, depth+1, false); len(bs) > 0 {
			seq := sequence(bs)
			b = &seq
		}
	case "decoration":
		p.decorated = true
		n := len(p.doc.Diagnostics)
		bs := p.blocks(content, depth+1, false)
		p.decorate(n, lower == "header")
		if p.shallow == 0 && !p.checkOnly {
			if lower == "header" {
				p.header = append(p.header, bs...)
			} else {
				p.footer = append(p.footer, bs...)
			}
		}
	}
	if t, isTable := b.(*Table); isTable && caption != nil {
		t.Caption = caption
	}
	if named && b != nil && !p.checkOnly {
		p.identify(b, target)
	}
	return b, named
}

// decorate moves the diagnostics from the n-th on, reported in a header
// or footer directive's content, to the document's decoration (see
// leading).
func (p *parser) decorate(n int, header bool) {
	kind := footerReport
	if header {
		kind = headerReport
	}
	for _, d := range p.doc.Diagnostics[n:] {
		p.lead = append(p.lead, leadReport{d, kind, 0})
	}
	p.doc.Diagnostics = p.doc.Diagnostics[:n]
}

// A leadReport is a diagnostic that docutils puts before all else the
// document holds: one of a meta directive (the group-th), or of a header
// or footer.
type leadReport struct {
	Diagnostic
	kind, group int
}

// The kinds of leadReport, in the order docutils has them: a meta
// directive's after the document has a decoration, the decoration's
// header and footer, a meta directive's before.
const (
	metaAfterReport = iota
	headerReport
	footerReport
	metaBeforeReport
)

// leading returns the document's diagnostics with p.lead before them,
// where docutils has them: it inserts each meta directive's elements and
// reports at the document's start, before those of the meta directives
// before it, and the decoration, which a header or footer makes, there
// too, before the reports of the meta directives before it.
func (p *parser) leading() []Diagnostic {
	if len(p.lead) == 0 {
		return p.doc.Diagnostics
	}
	lead := slices.Clone(p.lead)
	slices.SortStableFunc(lead, func(a, b leadReport) int {
		if a.kind != b.kind {
			return cmp.Compare(a.kind, b.kind)
		}
		return cmp.Compare(b.group, a.group) // the latest meta directive first
	})
	out := make([]Diagnostic, 0, len(lead)+len(p.doc.Diagnostics))
	for _, r := range lead {
		out = append(out, r.Diagnostic)
	}
	return append(out, p.doc.Diagnostics...)
}

// meta checks a meta directive's content, at line l, as docutils' Meta
// and MetaBody do: a field list, each field with content, whose name's
// words after the first are attributes (name=value); the content's
// problems docutils names at the line its outermost state machine has
// reached (topLine), a content that is something else at l. What it
// reports goes before all the document holds (see leading), as docutils
// puts its meta elements.
func (p *parser) meta(content []line, l line) {
	var reports []Diagnostic
	report := func(at line, level Level, msg string) {
		reports = append(reports, Diagnostic{Line: at.num, Offset: at.off, Level: level, Message: msg})
	}
	for i := 0; i < len(content); {
		if blank(content[i]) {
			i++
			continue
		}
		m := fieldMarker(content[i].text)
		if m == "" {
			report(l, Error, "Invalid meta directive.")
			break
		}
		name := clean0(unescape(content[i].text[1:strings.LastIndexByte(strings.TrimRight(m, " "), ':')]))
		body := strings.TrimSpace(content[i].text[len(m):]) != ""
		for i++; i < len(content) && (blank(content[i]) || content[i].text[0] == ' '); i++ {
			body = body || !blank(content[i])
		}
		if !body {
			report(p.topLine, Info, `No content for meta tag "`+name+`".`)
			continue
		}
		words := strings.Fields(name)
		for _, w := range words[1:] {
			if msg := nameValueProblem(w); msg != "" {
				report(p.topLine, Error, fmt.Sprintf(`Error parsing meta tag attribute "%s": %s.`, w, msg))
				break
			}
		}
	}
	kind := metaBeforeReport
	if p.decorated {
		kind = metaAfterReport
	}
	for _, d := range reports {
		p.lead = append(p.lead, leadReport{d, kind, p.metas})
	}
	p.metas++
}

// nameValueProblem returns what docutils' extract_name_value reports of
// a word of name=value attributes, or "".
func nameValueProblem(s string) string {
	for s != "" {
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return `missing "="`
		}
		name := strings.TrimSpace(s[:eq])
		if name == "" {
			return `missing attribute name before "="`
		}
		s = strings.TrimLeftFunc(s[eq+1:], unicode.IsSpace)
		switch {
		case s == "":
			return `missing value after "` + name + `="`
		case s[0] == '"' || s[0] == '\'':
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return fmt.Sprintf(`attribute "%s" missing end quote (%c)`, name, s[0])
			}
			end++
			if r, _ := utf8.DecodeRuneInString(s[end+1:]); end+1 < len(s) && !unicode.IsSpace(r) {
				return fmt.Sprintf(`attribute "%s" end quote (%c) not followed by whitespace`, name, s[0])
			}
			s = strings.TrimLeftFunc(s[end+1:], unicode.IsSpace)
		default:
			_, s, _ = strings.Cut(s, " ")
			s = strings.TrimLeftFunc(s, unicode.IsSpace)
		}
	}
	return ""
}

// identify gives the element a directive made the id that docutils
// makes of its :name: option, and makes the name a target that links to
// it. An id taken already, or a name that makes none (one in Japanese,
// Greek, Hebrew: make_id keeps only ASCII), gets a numbered one ("id1")
// instead, as docutils makes it with Sphinx's auto_id_prefix "id";
// docutils 0.19's default ("%") numbers by the element's kind instead
// ("note-1", "section-1"), and its one counter also numbers footnotes
// and other elements, which this one does not, so the number may differ
// from docutils' (the ids are unique in the page either way).
func (p *parser) identify(b Block, name string) {
	id := p.newID(name)
	switch b := b.(type) {
	case *Admonition:
		b.ID = id
	case *BlockQuote:
		b.ID = id
	case *LiteralBlock:
		b.ID = id
	case *Table:
		b.ID = id
	case *Image:
		b.ID = id
	case *Figure:
		b.Image.ID = id // docutils names the figure's image
	}
	p.target(normalizeName(name), "#"+id)
}

// tableOf returns the table that the content of a table directive (its
// one table) or of a list-table (a list of rows, each a list of cells)
// makes, its blocks made; false for another directive, or content of
// another shape, which docutils has reported.
func tableOf(directive string, content []Block, options map[string]*string) (*Table, bool) {
	switch directive {
	case "table":
		if len(content) == 1 {
			t, ok := content[0].(*Table)
			return t, ok
		}
	case "list-table":
		if len(content) != 1 {
			return nil, false
		}
		list, ok := content[0].(*BulletList)
		if !ok {
			return nil, false
		}
		var grid tableGrid
		cols := 0
		for _, item := range list.Items {
			if len(item) != 1 {
				return nil, false
			}
			row, ok := item[0].(*BulletList)
			if !ok {
				return nil, false
			}
			cells := make([]TableCell, len(row.Items))
			for k, c := range row.Items {
				cells[k] = TableCell{Children: c, ColSpan: 1, RowSpan: 1}
			}
			grid.rows = append(grid.rows, cells)
			cols = max(cols, len(cells))
		}
		headerRows, _ := pyInt(options["header-rows"])
		grid.head = min(headerRows, len(grid.rows))
		stubs, _ := pyInt(options["stub-columns"])
		grid.markStubs(stubs)
		return grid.table("", cols), true
	}
	return nil, false
}

// directiveTitle parses a table directive's title, at its line l, and
// returns what that reports, which docutils puts after the table; the
// targets its markup defines take their names at once, and what that
// reports stays where it is.
func (p *parser) directiveTitle(title string, l line) ([]Diagnostic, []Inline) {
	held := p.holdDups
	p.holdDups = true
	n := len(p.doc.Diagnostics)
	content := p.inline(title, l)
	reports := slices.Clone(p.doc.Diagnostics[n:])
	p.doc.Diagnostics = p.doc.Diagnostics[:n]
	p.holdDups = held
	if !held {
		p.doc.Diagnostics = append(p.doc.Diagnostics, p.dups...)
		p.dups = p.dups[:0]
	}
	return reports, content
}

// scratch returns a parser of the text for a look at part of it, whose
// reports and names are its own; shallow is its field.
func (p *parser) scratch(shallow int) *parser {
	return &parser{src: p.src, cell: p.cell, doc: &Document{Targets: map[string]string{}}, all: p.all, shallow: shallow,
		roles: p.roles, defaultRole: p.defaultRole}
}

// dropContent parses the content of a directive that docutils rejects
// once it has parsed it, and reports msg at l: docutils drops what the
// content reported with the content, but not the names its targets took.
func (p *parser) dropContent(content []line, depth int, l line, msg string) {
	n := len(p.doc.Diagnostics)
	p.blocks(content, depth+1, false)
	p.doc.Diagnostics = p.doc.Diagnostics[:n]
	p.report(l, Error, msg)
}

// itemReport is what a list item holds beside its blocks: the
// diagnostics reported in it, and the elements explicit markup made.
type itemReport struct{ diagnostics, explicit int }

// listTableProblem returns what docutils' ListTable reports of its
// content, or "": it must be one bullet list of rows, each a bullet list
// of as many cells as the first, with nothing reported beside them, and
// the options' widths, header rows and stub columns must fit it. It
// parses two levels of the content on a parser of its own, as oneTable
// parses one.
func (p *parser) listTableProblem(name string, content []line, depth int, options map[string]*string) (string, int) {
	expected := fmt.Sprintf("Error parsing content block for the %q directive: ", name)
	scratch := p.scratch(depth + 2)
	made := scratch.blocks(content, depth+1, false)
	inItems := 0
	for _, r := range scratch.itemReports {
		inItems += r.diagnostics
	}
	list, isList := (*BulletList)(nil), len(made) == 1
	if isList {
		list, isList = made[0].(*BulletList)
	}
	for k, c := range content {
		isList = isList && !((k == 0 || blank(content[k-1])) && isExplicit(c.text))
	}
	if !isList || len(scratch.doc.Diagnostics) > inItems {
		return expected + "exactly one bullet list expected.", 0
	}
	cols := 0
	for k, item := range list.Items {
		row, ok := (*BulletList)(nil), len(item) == 1 && scratch.itemReports[k] == itemReport{}
		if ok {
			row, ok = item[0].(*BulletList)
		}
		switch {
		case !ok:
			return expected + fmt.Sprintf("two-level bullet list expected, but row %d does not contain a second-level bullet list.", k+1), 0
		case k == 0:
			cols = len(row.Items)
		case len(row.Items) != cols:
			return expected + fmt.Sprintf("uniform two-level bullet list expected, but row %d does not contain the same number of items as row 1 (%d vs %d).", k+1, len(row.Items), cols), 0
		}
	}
	if msg := widthsProblem(name, options, cols); msg != "" {
		return msg, 0
	}
	rows := len(list.Items)
	header, _ := pyInt(options["header-rows"])
	stub, _ := pyInt(options["stub-columns"])
	switch {
	case rows < header:
		return fmt.Sprintf("%s header row(s) specified but only %d row(s) of data supplied (%q directive).", pyIntText(*options["header-rows"]), rows, name), 0
	case rows == header && header > 0:
		return fmt.Sprintf("Insufficient data supplied (%d row(s)); no data remaining for table body, required by %q directive.", rows, name), 0
	case cols < stub:
		return fmt.Sprintf("%s stub column(s) specified but only %d columns(s) of data supplied (%q directive).", pyIntText(*options["stub-columns"]), cols, name), 0
	case cols == stub && stub > 0:
		return fmt.Sprintf("Insufficient data supplied (%d columns(s)); no data remaining for table body, required by %q directive.", cols, name), 0
	}
	return "", cols
}

// captionOK reports whether the content of a figure directive starts as
// docutils' Figure requires: with a paragraph, its caption, or an empty
// comment, or is empty. It parses the content on a parser of its own, as
// oneTable does.
func (p *parser) captionOK(content []line, depth int) bool {
	content = skipBlank(content)
	if len(content) == 0 {
		return true
	}
	if first := content[0].text; isExplicit(first) {
		// A comment is empty when nothing follows ".." on its line or
		// indented below it (a blank line ends it at once).
		return strings.TrimRight(first, " ") == ".." &&
			(len(content) == 1 || blank(content[1]) || content[1].text[0] != ' ')
	}
	made := p.scratch(depth+1).blocks(content, depth+1, false)
	if len(made) == 0 {
		return false
	}
	_, ok := made[0].(*Paragraph)
	return ok
}

// oneTable reports whether the content of a table directive is what
// docutils' RSTTable requires: one element, a table; a message docutils
// puts beside it (not in a cell) is one more. It parses the content on a
// parser of its own, as Check builds no paragraphs to count.
func (p *parser) oneTable(content []line, depth int) (ok bool, cols int) {
	if ok, cols, is := p.tableDirective(content, depth); is {
		return ok, cols
	}
	scratch := p.scratch(depth + 1)
	made := scratch.blocks(content, depth+1, false)
	for k, c := range content {
		if (k == 0 || blank(content[k-1])) && isExplicit(c.text) {
			if elementlessDirective(c.text) {
				continue // the document's, not the table's
			}
			return false, 0 // a comment, a target: an element of its own
		}
	}
	if len(made) != 1 || len(scratch.doc.Diagnostics) != scratch.cellDiagnostics {
		return false, 0
	}
	t, ok := made[0].(*Table)
	if !ok {
		return false, 0
	}
	return true, t.cols
}

// afterBlank returns a directive's content, which follows its arguments
// and options after a blank line.
func afterBlank(block []line) []line {
	for j, bl := range block {
		if blank(bl) {
			return block[j+1:]
		}
	}
	return nil
}

// tableDirective reports, for the content of a table directive that is
// one csv-table or list-table directive (is), whether that directive
// makes a table, and nothing beside it, and its columns: what oneTable
// asks. Its checks are made on a parser of their own, which parses none
// of the directive's cells or items below their first level.
func (p *parser) tableDirective(content []line, depth int) (ok bool, cols int, is bool) {
	content = skipBlank(content)
	if len(content) == 0 {
		return false, 0, false
	}
	name := directiveName(content[0].text)
	if pyLower(name) != "csv-table" && pyLower(name) != "list-table" {
		return false, 0, false
	}
	block, end, _ := indented(content, 0, 3)
	if len(skipBlank(content[end:])) > 0 {
		return false, 0, false // more than the directive
	}
	scratch := p.scratch(depth + 2)
	ok, head := scratch.directiveOK(name, block, content[0], depth+1)
	if !ok || len(scratch.doc.Diagnostics) > 0 {
		return false, 0, true
	}
	if reports, _ := scratch.directiveTitle(head.argument, content[0]); head.argument != "" && len(reports) > 0 {
		return false, 0, true // the title's reports go beside the table
	}
	inner := skipBlank(trimBlank(afterBlank(block)))
	if len(inner) == 0 {
		return false, 0, true // (data from a file: it is not read)
	}
	var msg string
	if pyLower(name) == "csv-table" {
		_, _, cols, msg = csvData(name, inner, head.options)
	} else {
		msg, cols = scratch.listTableProblem(name, inner, depth+1, head.options)
	}
	return msg == "", cols, true
}

// widthsProblem returns what docutils reports of a table directive's
// widths option when it lists a width for other than each of the cols
// columns, or "".
func widthsProblem(name string, options map[string]*string, cols int) string {
	w := options["widths"]
	if w == nil || *w == "auto" || *w == "grid" {
		return ""
	}
	n := len(strings.Fields(*w))
	if strings.Contains(*w, ",") {
		n = strings.Count(*w, ",") + 1
	}
	if n != cols {
		return fmt.Sprintf("%q widths do not match the number of columns in table (%d).", name, cols)
	}
	return ""
}

// argumentlessContent returns the content of a directive that takes no
// argument, as docutils' parse_directive_block makes it of the
// directive's block: the text after "::" and the lines after it up to a
// blank line (or the options, if it takes options), then what follows
// the blank line.
func argumentlessContent(block []line, options bool) []line {
	if len(block) == 0 {
		return nil
	}
	ind := append([]line(nil), block...)
	ind[0].text = strings.TrimSpace(afterMarker(ind[0].text))
	if ind[0].text == "" {
		ind = ind[1:]
	}
	i := 0
	for i < len(ind) && !blank(ind[i]) {
		i++
	}
	head := ind[:i]
	for j, h := range head {
		if options && fieldMarker(h.text) != "" {
			head = head[:j]
			break
		}
	}
	if len(head) == 0 {
		if i < len(ind) {
			return ind[i+1:]
		}
		return nil
	}
	content := append(head[:len(head):len(head)], ind[i:]...)
	// docutils numbers the content's lines on from its first, as if the
	// options were not there. (Their spans stay, for Check.)
	for k := len(head); k < len(content); k++ {
		content[k].num = ind[k].num
	}
	return content
}

// directiveHead is what directiveOK finds in a directive's block before
// its content: the argument, its words as written, and the options by
// name (see optionValues).
type directiveHead struct {
	argument string
	options  map[string]*string
}

// name returns the value of the :name: option, which docutils' add_name
// makes a target of, and whether there is one.
func (h directiveHead) name() (string, bool) {
	v, ok := h.options["name"]
	if v == nil {
		return "", ok
	}
	return *v, ok
}

// directiveSpec is what docutils 0.19's directive class declares of its
// arguments and content, and what its run method requires of them.
type directiveSpec struct {
	required, optional int
	wholeLast          bool // final_argument_whitespace: the last argument takes the rest
	noOptions          bool // no option_spec: no options, and without arguments the first lines are content
	noContent          bool // has_content = False
	// substitution says run accepts only a substitution definition's
	// directive.
	substitution bool
	// needs is what run asks for when there is no content: "" nothing,
	// "content" assert_has_content, or a message of its own ("=" prefixed
	// for a warning rather than an error).
	needs string
}

var directiveSpecs = map[string]directiveSpec{
	"attention": {needs: "content"}, "caution": {needs: "content"}, "danger": {needs: "content"},
	"error": {needs: "content"}, "hint": {needs: "content"}, "important": {needs: "content"},
	"note": {needs: "content"}, "tip": {needs: "content"}, "warning": {needs: "content"},
	"admonition": {required: 1, wholeLast: true, needs: "content"},
	"topic":      {required: 1, wholeLast: true, needs: "content"},
	"sidebar":    {optional: 1, wholeLast: true, needs: "content"},
	"rubric":     {required: 1, wholeLast: true, noContent: true},
	"epigraph":   {noOptions: true, needs: "content"}, "highlights": {noOptions: true, needs: "content"},
	"pull-quote": {noOptions: true, needs: "content"}, "compound": {needs: "content"},
	"container": {optional: 1, wholeLast: true, needs: "content"},
	"code":      {optional: 1, needs: "content"}, "code-block": {optional: 1, needs: "content"},
	"sourcecode": {optional: 1, needs: "content"}, "parsed-literal": {needs: "content"},
	"math":       {optional: 1, wholeLast: true, needs: "math"},
	"image":      {required: 1, wholeLast: true, noContent: true},
	"figure":     {required: 1, wholeLast: true},
	"table":      {optional: 1, wholeLast: true, needs: "=Content block expected for the %q directive; none found."},
	"csv-table":  {optional: 1, wholeLast: true, needs: "=The %q directive requires content; none supplied."},
	"list-table": {optional: 1, wholeLast: true, needs: "The %q directive is empty; content required."},
	"contents":   {optional: 1, wholeLast: true, noContent: true},
	"sectnum":    {noContent: true}, "section-numbering": {noContent: true},
	"header": {noOptions: true, needs: "content"}, "footer": {noOptions: true, needs: "content"},
	"target-notes":                    {noContent: true},
	"line-block":                      {needs: "content"},
	"title":                           {required: 1, wholeLast: true, noContent: true, noOptions: true},
	"meta":                            {noOptions: true, needs: "content"},
	"restructuredtext-test-directive": {optional: 1, wholeLast: true},
	"default-role":                    {optional: 1, noContent: true, noOptions: true},
	"class":                           {required: 1, wholeLast: true, noOptions: true},
	"include":                         {required: 1, wholeLast: true, noContent: true},
	"unicode":                         {required: 1, wholeLast: true, noContent: true, substitution: true},
	"date":                            {noOptions: true, substitution: true},
	"replace":                         {noOptions: true, substitution: true},
	"raw":                             {required: 1, wholeLast: true, needs: "content"},
}

// fieldName is the text of a field name, as docutils' astext gives it of
// the name's inline markup, parsed on a parser of its own (docutils
// drops what it reports).
func (p *parser) fieldName(name string) string {
	if !strings.ContainsAny(name, "\\*`|_[") {
		return name
	}
	return plainText(p.scratch(0).inline(name, line{}))
}

// placeProblem returns what docutils reports of a topic, sidebar or
// table of contents where it may not be, or "": only at the document's
// level, where titles may be, or in a sidebar (not a sidebar in a
// sidebar), and a sidebar's subtitle needs a title.
func (p *parser) placeProblem(name string, depth int, inSubstitution bool, options map[string]*string, argument string) string {
	inSidebar := !inSubstitution && p.sidebarDepth > 0 && depth == p.sidebarDepth
	switch pyLower(name) {
	case "sidebar":
		if inSidebar {
			return fmt.Sprintf("The %q directive may not be used within a sidebar element.", name)
		}
		if _, ok := options["subtitle"]; ok && argument == "" {
			return `The "subtitle" option may not be used without a title.`
		}
	case "topic", "contents":
	default:
		return ""
	}
	if depth > 0 && !inSidebar || inSubstitution {
		return fmt.Sprintf("The %q directive may not be used within topics or body elements.", name)
	}
	return ""
}

// unicodeCommentRE is what starts a comment in the unicode directive's
// argument.
var unicodeCommentRE = regexp.MustCompile(`( |\n|^)\.\. `)

// fieldMarker returns the field marker that starts s, as docutils'
// field_marker pattern, ":(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)",
// matches it, or "". Its name is a run of items (a character, an
// escaped one, or a colon that no space, backquote or end follows); the
// longest run that a colon then closes, with no space before it and a
// space or the end after it, is the name, as Python's backtracking finds
// it: ":a:: b" names "a:".
func fieldMarker(s string) string {
	if len(s) < 3 || s[0] != ':' || s[1] == ':' || s[1] == ' ' {
		return ""
	}
	closing := -1
	for k := 1; k < len(s); {
		switch s[k] {
		case ':':
			if k+1 == len(s) || s[k+1] == ' ' || s[k+1] == '`' {
				// No item: the run ends here, closed here or before.
				if s[k+1:min(k+2, len(s))] != "`" && s[k-1] != ' ' {
					closing = k
				}
				k = len(s)
				continue
			}
			k++
		case '\\':
			if k+1 >= len(s) {
				k = len(s) // a backslash ending the line is no item
				continue
			}
			_, size := utf8.DecodeRuneInString(s[k+1:])
			k += 1 + size
		default:
			_, size := utf8.DecodeRuneInString(s[k:])
			k += size
		}
	}
	if closing < 0 {
		return ""
	}
	end := closing + 1
	for end < len(s) && s[end] == ' ' {
		end++
	}
	return s[:end]
}

// directiveOK reports what docutils reports of a directive's arguments and
// content, following its parse_directive_block and the directive's run:
// too few or too many arguments, content where none is permitted, none
// where it is required. It returns false when docutils makes an error of
// the directive, which then shows nothing. block is the directive's block
// with its first line from the name. Its options are checked against
// the directive's option_spec (see optionValues); directives it has no
// spec for it does not check. It returns the directive's argument and
// options too.
func (p *parser) directiveOK(name string, block []line, l line, depth int) (ok bool, head directiveHead) {
	// The directive defines a substitution; those in its content do not.
	inSubstitution := p.inSubstitution
	p.inSubstitution = false
	lower := pyLower(name)
	spec, ok := directiveSpecs[lower]
	if !ok || len(block) == 0 {
		return true, directiveHead{}
	}
	// docutils' "indented": the text after "::", then the block's lines.
	ind := make([]string, len(block))
	for i, b := range block {
		ind[i] = b.text
	}
	ind[0] = strings.TrimSpace(afterMarker(ind[0]))
	if ind[0] == "" {
		ind = ind[1:]
	}
	for len(ind) > 0 && strings.TrimSpace(ind[len(ind)-1]) == "" {
		ind = ind[:len(ind)-1]
	}
	takesArgs := spec.required+spec.optional > 0
	var args, opts, content []string
	if len(ind) > 0 && (takesArgs || !spec.noOptions) {
		i := 0
		for i < len(ind) && strings.TrimSpace(ind[i]) != "" {
			i++
		}
		args = ind[:i]
		if i < len(ind) {
			content = ind[i+1:]
		}
		if !spec.noOptions {
			for j, a := range args {
				if fieldMarker(a) != "" {
					args, opts = args[:j], args[j:]
					break
				}
			}
		}
		if len(args) > 0 && !takesArgs {
			content = append(append([]string(nil), args...), ind[i:]...)
			args = nil
		}
	} else {
		content = ind
	}
	for len(content) > 0 && strings.TrimSpace(content[0]) == "" {
		content = content[1:]
	}
	fail := func(msg string) (bool, directiveHead) {
		p.report(l, Error, fmt.Sprintf("Error in %q directive:\n%s.", name, msg))
		return false, directiveHead{}
	}
	values, msg := p.optionValues(optionSpecs[lower], opts)
	if msg != "" {
		return fail(msg)
	}
	_, fromFile := values["file"]
	if _, ok := values["url"]; ok {
		fromFile = true
	}
	argument := ""
	if takesArgs {
		argument = strings.TrimLeftFunc(strings.Join(args, "\n"), unicode.IsSpace)
		n := len(strings.Fields(argument))
		if n < spec.required {
			return fail(fmt.Sprintf("%d argument(s) required, %d supplied", spec.required, n))
		}
		if n > spec.required+spec.optional && !spec.wholeLast {
			return fail(fmt.Sprintf("maximum %d argument(s) allowed, %d supplied", spec.required+spec.optional, n))
		}
	}
	if len(content) > 0 && spec.noContent {
		return fail("no content permitted")
	}
	// What run checks first.
	if spec.substitution && !inSubstitution {
		p.report(l, Error, fmt.Sprintf("Invalid context: the %q directive can only be used within a substitution definition.", name))
		return false, directiveHead{}
	}
	if msg := p.placeProblem(name, depth, inSubstitution, values, argument); msg != "" {
		p.report(l, Error, msg)
		return false, directiveHead{}
	}
	if lower == "raw" || lower == "csv-table" {
		_, file := values["file"]
		_, url := values["url"]
		switch {
		case len(content) > 0 && (file || url):
			p.report(l, Error, fmt.Sprintf("%q directive may not both specify an external file and have content.", name))
			return false, directiveHead{}
		case file && url:
			p.report(l, Error, fmt.Sprintf("The \"file\" and \"url\" options may not be simultaneously specified for the %q directive.", name))
			return false, directiveHead{}
		}
	}
	if msg := fileProblem(lower, name, argument, values); msg != "" {
		p.report(l, Severe, msg)
		return false, directiveHead{}
	}
	if lower == "unicode" {
		// The codes, up to a comment.
		codes := strings.Fields(unicodeCommentRE.Split(argument, 2)[0])
		for _, c := range codes {
			if _, _, msg := unicodeCode(c); msg != "" {
				p.report(l, Error, fmt.Sprintf("Invalid character code: %s\nValueError: %s", c, msg))
				return false, directiveHead{}
			}
		}
	}
	if len(content) > 0 {
		return true, directiveHead{argument, values}
	}
	if align, ok := values["align"]; ok && lower == "image" {
		// Image.run takes only a horizontal alignment, and in a
		// substitution definition only a vertical one.
		valid := `"left", "center", "right"`
		within := ""
		if inSubstitution {
			valid, within = `"top", "middle", "bottom"`, " within a substitution definition"
		}
		if v := strings.TrimSpace(strings.ToLower(*align)); !strings.Contains(valid, `"`+v+`"`) {
			p.report(l, Error, fmt.Sprintf(`Error in %q directive: "%s" is not a valid value for the "align" option%s.  Valid values for "align" are: %s.`, name, v, within, valid))
			return false, directiveHead{}
		}
	}
	switch msg := spec.needs; {
	case msg == "", fromFile && (lower == "raw" || lower == "csv-table"):
		return true, directiveHead{argument, values}
	case msg == "math" && len(args) > 0:
		// A math block without content makes no node to name.
		return true, directiveHead{argument: argument}
	case msg == "content", msg == "math":
		p.report(l, Error, fmt.Sprintf("Content block expected for the %q directive; none found.", name))
	case msg[0] == '=':
		p.report(l, Warning, fmt.Sprintf(msg[1:], name))
	default:
		p.report(l, Error, fmt.Sprintf(msg, name))
	}
	return false, directiveHead{}
}

// fileProblem returns what docutils reports of the file that an include
// directive, or raw's or csv-table's :file: option, names by a relative
// path: that there is none. docutils looks for it beside the text's
// source, which a description, parsed as pyvideo's CI parses it (no
// source: docutils looks in the parent of the working directory), has
// not: the path docutils names is the one it tried, from the working
// directory. No file is read. An absolute path, one of docutils' own
// files ("<isonum.txt>") and a :url: may be there, and are left unread
// and unreported, as is a path that leads above the parent.
func fileProblem(lower, name, argument string, values map[string]*string) string {
	var file string
	switch v := values["file"]; {
	case lower == "include":
		file = argument
	case (lower == "raw" || lower == "csv-table") && v != nil:
		file = *v
	default:
		return ""
	}
	// The path option's value: its lines trimmed and joined.
	var b strings.Builder
	for _, part := range strings.Split(file, "\n") {
		b.WriteString(strings.TrimSpace(part))
	}
	file = b.String()
	tried := path.Clean("../" + file)
	if lower == "include" && strings.HasPrefix(file, "<") && strings.HasSuffix(file, ">") || path.IsAbs(file) ||
		strings.HasPrefix(tried, "../..") {
		return "" // (where a path above the parent leads depends on the working directory)
	}
	problem := "[Errno 2] No such file or directory: "
	if tried == ".." {
		problem = "[Errno 21] Is a directory: "
	}
	problem += pyRepr(tried)
	if lower != "csv-table" {
		problem = "InputError: " + problem // (docutils' FileInput's error)
	}
	return fmt.Sprintf("Problems with %q directive path:\n%s.", name, problem)
}

// optionValues returns the options of a directive's option block, its
// lines from the first field marker on, as docutils' parse_directive_options
// reads them against the option spec (see optionValues), or what it
// reports of them: a line that neither starts a field nor goes on with
// one ends the field list early, an invalid option block.
func (p *parser) optionValues(spec map[string]optionCheck, opts []string) (map[string]*string, string) {
	for _, o := range opts {
		if fieldMarker(o) == "" && !strings.HasPrefix(o, " ") {
			return nil, "invalid option block"
		}
	}
	return optionValues(spec, opts, p.fieldName)
}

// roleArgumentRE is docutils' Role.argument_pattern: the name of the
// role the role directive makes, and of the role it is made of, in
// parentheses. (Python's \s is Unicode's white space.)
var roleArgumentRE = regexp.MustCompile(`^(` + simplename + `)` + pySpace + `*(\(` + pySpace + `*(` + simplename + `)` + pySpace + `*\)` + pySpace + `*)?$`)

// pySpace is what Python's \s matches in a text.
const pySpace = `[\s\v\p{Z}\x{1c}-\x{1f}\x{85}]`

// roleDirective makes the role the role directive at line l defines
// (".. role:: name(base)", its options on the lines after), as docutils'
// Role.run does, or reports what docutils reports of it: no name on the
// first line, names that are none, an unknown base role, options the base
// role does not take, content, a name that makes no class name.
func (p *parser) roleDirective(name string, block []line, l line) {
	fail := func(msg string) { p.report(l, Error, msg) }
	first := strings.TrimSpace(afterMarker(block[0].text))
	next := block[1:]
	if first == "" && len(next) > 0 && !blank(next[0]) {
		// docutils counts the line after as the first (its content
		// offset one line short).
		first, next = strings.TrimSpace(next[0].text), next[1:]
	}
	if first == "" {
		fail(fmt.Sprintf("%q directive requires arguments on the first line.", name))
		return
	}
	m := roleArgumentRE.FindStringSubmatch(first)
	if m == nil {
		fail(fmt.Sprintf(`%q directive arguments not valid role names: "%s".`, name, first))
		return
	}
	def := roleDef{kind: "text", options: "role"}
	if base := m[3]; base != "" {
		d, info, ok := p.lookupRole(base)
		if info {
			p.report(l, Info, noRoleEntry(base))
		}
		if !ok {
			fail(fmt.Sprintf("Unknown interpreted text role %q.", base))
			return
		}
		def = d
	}
	// The lines after the first: options up to a blank line, and no
	// content.
	var rest []string
	for _, bl := range trimBlank(skipBlank(next)) {
		rest = append(rest, bl.text)
	}
	head := rest
	if k := slices.Index(rest, ""); k >= 0 {
		head = rest[:k]
	}
	k := slices.IndexFunc(head, func(s string) bool { return fieldMarker(s) != "" })
	if k < 0 {
		k = len(head)
	}
	options, msg := p.optionValues(optionSpecs[def.options], head[k:])
	switch {
	case msg != "":
		fail(fmt.Sprintf("Error in %q directive:\n%s.", name, msg))
		return
	case k > 0 || len(head) < len(rest):
		fail(fmt.Sprintf("Error in %q directive:\nno content permitted.", name))
		return
	}
	if _, ok := options["class"]; !ok && makeID(m[1]) == "" {
		fail(fmt.Sprintf("Invalid argument for %q directive:\ncannot make \"%s\" into a class name.", name, m[1]))
		return
	}
	if _, ok := options["format"]; ok {
		def.format = true
	}
	p.defineRole(pyLower(m[1]), def)
}

// setDefaultRole sets the role of interpreted text without one, as
// docutils' DefaultRole.run does: the role named, or, without a name,
// title-reference again; it reports a role docutils does not know.
func (p *parser) setDefaultRole(role string, l line) {
	if role == "" {
		p.defaultRole = nil
		return
	}
	def, info, ok := p.lookupRole(role)
	if info {
		p.report(l, Info, noRoleEntry(role))
	}
	if !ok {
		p.report(l, Error, fmt.Sprintf("Unknown interpreted text role %q.", role))
		return
	}
	p.defaultRole = &def
}

// normalizeName normalizes a reference or target name as docutils does:
// white space collapsed to single spaces, letters lower-cased (pyLower,
// isPySpace: docutils' fully_normalize_name). A name
// that is so already, as most are, is returned as it is, without the
// copies that making it would take.
func normalizeName(s string) string {
	normal := s != "" && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; normal && i < len(s); i++ {
		c := s[i]
		normal = c < utf8.RuneSelf && !('A' <= c && c <= 'Z') && (c > ' ' || c == ' ' && s[i+1] != ' ')
	}
	if normal {
		return s
	}
	return pyLower(strings.Join(strings.FieldsFunc(s, isPySpace), " "))
}

// line handles a line that is a punctuation adornment at the start of a
// block: a transition, an overlined section title, or text, following
// docutils' Line state. It returns n == 0 for text.
func (p *parser) line(lines []line, i, depth int, top bool) (Block, int) {
	l := lines[i]
	short := len(l.text) < 4
	if !top {
		if l.text == "::" {
			// (Where titles may be, docutils' Line state takes "::" as
			// any other short overline.)
			return nil, 0
		}
		if short {
			p.report(l, Info, "Unexpected possible title overline or transition.\nTreating it as ordinary text because it's so short.")
			return nil, 0
		}
		p.report(l, Severe, "Unexpected section title or transition.")
		return nil, 1
	}
	shortOverline := func() (Block, int) {
		p.report(l, Info, "Possible incomplete section title.\nTreating the overline as ordinary text because it's so short.")
		return nil, 0
	}
	if i+1 >= len(lines) || blank(lines[i+1]) {
		if short {
			return nil, 0
		}
		return &Transition{}, 1
	}
	if next := lines[i+1].text; next[0] != ' ' {
		if _, ok := adornment(next); ok {
			// Two adornments: docutils' Line state takes the second for
			// an underline with no title.
			if short {
				return shortOverline()
			}
			p.report(l, Error, "Invalid section title or transition marker.")
			return nil, 2
		}
	}
	if i+2 >= len(lines) {
		if short {
			return shortOverline()
		}
		p.report(l, Severe, "Incomplete section title.")
		return nil, 2
	}
	char, _ := adornment(l.text)
	under, ok := adornment(lines[i+2].text)
	switch {
	case !ok:
		if short {
			return shortOverline()
		}
		p.report(l, Severe, "Missing matching underline for section title overline.")
		return nil, 3
	case under != char || lines[i+2].text != l.text:
		if short {
			return shortOverline()
		}
		p.report(l, Severe, "Title overline & underline mismatch.")
		return nil, 3
	}
	title := strings.TrimSpace(lines[i+1].text)
	mark := len(p.doc.Diagnostics)
	// docutils measures the title with the spaces before it (it strips
	// those after), as written between the overline and the underline.
	if columnWidth(strings.TrimRightFunc(lines[i+1].text, isPySpace)) > len(l.text) {
		if short {
			return shortOverline()
		}
		p.report(l, Warning, "Title overline too short.")
	}
	return p.section(lines[i+1], title, style{char, true}, lines[i+1], lines[i+2], depth, top, mark), 3
}

// text handles a text line: a section title with its underline, a
// definition list, or a paragraph (which may introduce a literal block).
func (p *parser) text(lines []line, i, depth int, top bool) (Block, int) {
	l := lines[i]
	if i+1 < len(lines) {
		if char, ok := adornment(lines[i+1].text); ok {
			under := lines[i+1].text
			title := strings.TrimRight(l.text, " ")
			mark := len(p.doc.Diagnostics)
			if columnWidth(title) > len(under) {
				if len(under) < 4 {
					if top {
						p.report(lines[i+1], Info, "Possible title underline, too short for the title.\nTreating it as ordinary text because it's so short.")
					}
					return p.paragraph(lines, i, depth)
				}
				p.report(lines[i+1], Warning, "Title underline too short.")
			}
			return p.section(l, title, style{char, false}, lines[i+1], lines[i+1], depth, top, mark), 2
		}
		if next := lines[i+1]; !blank(next) && next.text[0] == ' ' {
			return p.definitionList(lines, i, depth)
		}
	}
	return p.paragraph(lines, i, depth)
}

// titleText is the text of a section title without its markup, content
// being its inline content: Check, which builds none, parses a title
// again when markup may be in it, and so does Parse for a title that may
// hold a footnote reference, whose text in the name is not the one shown.
func (p *parser) titleText(content []Inline, title string, tl line) string {
	if !strings.Contains(title, "]_") {
		if !p.checkOnly {
			return plainText(content)
		}
		if !mayHaveMarkup(title) {
			return title
		}
	}
	// A footnote reference's text in the name is its label, not the
	// bracketed label shown (see footnoteNames).
	scratch := &parser{src: p.src, cell: p.cell, doc: &Document{Targets: map[string]string{}}, footnoteNames: true,
		roles: p.roles, defaultRole: p.defaultRole}
	return plainText(scratch.inline(title, tl))
}

// mayHaveMarkup reports whether s may have inline markup that its text
// without markup leaves out: an escape, a markup character, a NUL, or a
// "_" that may end a reference (name_, [1]_), one not followed by a
// letter or a digit. A "_" inside a word ("snake_case") is text.
func mayHaveMarkup(s string) bool {
	// (A NUL is taken for the mark of an escape, and dropped.)
	if hasAnyByte(s, "\\*`|\x00") {
		return true
	}
	for i := strings.IndexByte(s, '_'); i >= 0; {
		r, _ := utf8.DecodeRuneInString(s[i+1:])
		if i+1 == len(s) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '_')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// section opens a section titled title (on line tl, underlined at
// under); at is where docutils reports problems with it, and mark the
// first diagnostic reported of the title.
func (p *parser) section(tl line, title string, st style, at, under line, depth int, top bool, mark int) Block {
	if !top {
		p.report(p.srcLine(at), Severe, "Unexpected section title.")
		// docutils makes a system message of it, which shows the
		// title's text: a sequence, not a paragraph, for what counts
		// the paragraphs of a content (a figure's caption).
		return &inMessage{&Paragraph{Content: p.inline(title, tl)}}
	}
	level := 0
	for j, s := range p.styles {
		if s == st {
			level = j + 1
		}
	}
	if level == 0 {
		if len(p.styles) > len(p.sections) {
			p.report(tl, Severe, "Title level inconsistent:")
			return &Paragraph{Content: p.inline(title, tl)}
		}
		p.styles = append(p.styles, st)
		level = len(p.styles)
	}
	if level > len(p.sections)+1 {
		p.report(tl, Severe, "Title level inconsistent:")
		return &Paragraph{Content: p.inline(title, tl)}
	}
	// The sections this one ends end before what is reported of its
	// title.
	p.closeSections(level, mark)
	if level == 1 {
		// The outermost state machine stops at a top-level title, and
		// leaves the section's body to one of its own.
		p.topLine = under
	}
	p.holdDups = true
	s := &Section{Level: level, Title: p.inline(title, tl)}
	p.holdDups = false
	held := slices.Clone(p.dups)
	p.dups = p.dups[:0]
	// The title's text names the section, an implicit target; docutils
	// reports a name taken before at the underline.
	name := p.titleText(s.Title, title, tl)
	p.noteName(name, false, false, "", under)
	if !p.checkOnly {
		s.ID = p.sectionTarget(name)
	}
	if len(p.sections) > 0 {
		parent := p.sections[len(p.sections)-1]
		parent.Children = append(parent.Children, s)
	} else {
		p.body = append(p.body, s)
	}
	p.sections = append(p.sections, s)
	p.sectionDups = append(p.sectionDups, held)
	return nil
}

// sectionTarget gives a section titled name its id, as docutils makes
// it, and makes the name a target that links to it, unless another
// target has the name: an explicit one keeps it. (A name two titles
// share links to neither: see dropDuplicateNames.)
func (p *parser) sectionTarget(name string) string {
	id := p.newID(name)
	key := normalizeName(name)
	if p.sectionNames == nil {
		p.sectionNames = map[string]bool{}
	}
	if _, taken := p.doc.Targets[key]; !taken {
		p.doc.Targets[key] = "#" + id
		p.sectionNames[key] = true
	}
	return id
}

func (p *parser) definitionList(lines []line, i, depth int) (Block, int) {
	start := i
	list := &DefinitionList{}
	for i+1 < len(lines) && !blank(lines[i]) && lines[i].text[0] != ' ' && !blank(lines[i+1]) && lines[i+1].text[0] == ' ' &&
		(i == start || !startsBodyElement(lines[i].text)) {
		term := lines[i]
		block, end, finish := indented(lines, i+1, -1)
		if i == start {
			p.reach(lines, end-1, depth) // the items after the first have a state machine of their own
		}
		// docutils reads the definition before the term, and names the
		// line before the definition's last (blank lines included) as
		// the term's.
		termText, classifiers := splitClassifiers(p.inlineOf(term.text, lines[end-2], true))
		if strings.HasSuffix(term.text, "::") {
			p.report(lines[end-1], Info, "Blank line missing before literal block (after the \"::\")? Interpreted as a definition list item.")
		}
		list.Items = append(list.Items, Definition{Term: termText, Classifiers: classifiers, Definition: p.blocks(block, depth+1, false)})
		i = end
		if !finish {
			if i+1 >= len(lines) || blank(lines[i+1]) || lines[i+1].text[0] != ' ' || startsBodyElement(lines[i].text) {
				p.reportAfter(lines, i, Warning, "Definition list ends without a blank line; unexpected unindent.")
				break
			}
			continue
		}
		for i < len(lines) && blank(lines[i]) {
			i++
		}
	}
	return list, i - start
}

// paragraph takes lines up to a blank or an indented one. A paragraph
// ending in "::" introduces the literal block that follows.
func (p *parser) paragraph(lines []line, i, depth int) (Block, int) {
	start := i
	for i < len(lines) && !blank(lines[i]) && (i == start || lines[i].text[0] != ' ') {
		i++
	}
	body := lines[start:i]
	// docutils reads on to the line after a paragraph of one line, to see
	// that it is not a title or a term; a longer one it takes to its end.
	if len(body) == 1 {
		p.reach(lines, i, depth)
	} else {
		p.reach(lines, i-1, depth)
	}
	// The lines are joined with line feeds, so the text ends in "::"
	// exactly when its last line does; an escaped colon ("\::") is text.
	last := body[len(body)-1].text
	literal := strings.HasSuffix(last, "::") &&
		(len(last)-2-len(strings.TrimRight(last[:len(last)-2], "\\")))%2 == 0
	var para Block
	switch {
	case !p.checkOnly:
		if text := paragraphText(body, literal); text != "" {
			para = &Paragraph{Content: p.inline(text, lines[start])}
		}
	case hasAnyByte(p.span(body[0].off, body[len(body)-1].end), "*`|"):
		// Check wants only what the inline markup reports (see inline),
		// and only text with these characters can report anything. The
		// lines' span of the source has every character of their text
		// (and maybe list markers and indentation before them).
		p.inline(paragraphText(body, literal), lines[start])
	}
	// docutils reports the paragraph's inline problems before the
	// indentation that ends it.
	if i < len(lines) && !blank(lines[i]) {
		p.report(p.srcLine(lines[i]), Error, "Unexpected indentation.")
	}
	if !literal {
		return para, i - start
	}
	// The literal block: the next indented block, or quoted lines.
	j := i
	for j < len(lines) && blank(lines[j]) {
		j++
	}
	if j < len(lines) && i < len(lines) && lines[i].text != "" && lines[i].text[0] == ' ' {
		j = i // the "Unexpected indentation" case: the block follows at once
	}
	if j >= len(lines) {
		p.reportAfter(lines, j, Warning, "Literal block expected; none found.")
		return para, j - start
	}
	if lines[j].text[0] == ' ' {
		block, end, finish := indented(lines, j, -1)
		if !finish {
			p.reportAfter(lines, end, Warning, "Literal block ends without a blank line; unexpected unindent.")
		}
		return p.pair(para, block), end - start
	}
	if r, _ := utf8.DecodeRuneInString(lines[j].text); j > i && r < utf8.RuneSelf && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
		end := j
		for end < len(lines) && !blank(lines[end]) && strings.HasPrefix(lines[end].text, string(r)) {
			end++
		}
		// docutils' QuotedLiteralBlock ends at a line that is not blank
		// and not quoted alike, and complains of it.
		if end < len(lines) && !blank(lines[end]) {
			if lines[end].text[0] == ' ' {
				p.report(lines[end], Error, "Unexpected indentation.")
			} else {
				p.report(lines[end], Error, "Inconsistent literal block quoting.")
			}
		}
		return p.pair(para, lines[j:end]), end - start
	}
	p.report(lines[j], Warning, "Literal block expected; none found.")
	return para, j - start
}

// paragraphText joins a paragraph's lines into its text, without the
// "::" that introduces a literal block when literal is set: the whole
// "::" when it stands apart, one colon of it when it ends a word.
func paragraphText(body []line, literal bool) string {
	text := make([]string, len(body))
	for i, l := range body {
		text[i] = l.text
	}
	joined := strings.Join(text, "\n")
	if !literal {
		return joined
	}
	switch {
	case joined == "::":
		return ""
	case strings.HasSuffix(joined, " ::") || strings.HasSuffix(joined, "\n::"):
		return strings.TrimRight(joined[:len(joined)-2], " \n")
	}
	return joined[:len(joined)-1]
}

// pair returns a paragraph and the literal block of lines it introduces
// as one block quote-free sequence; nothing for Check, which shows
// neither.
func (p *parser) pair(para Block, lines []line) Block {
	if p.checkOnly {
		return nil
	}
	lines = trimBlank(lines)
	text := make([]string, len(lines))
	for i, l := range lines {
		text[i] = l.text
	}
	lit := &LiteralBlock{Text: strings.Join(text, "\n")}
	if para == nil {
		return lit
	}
	return &sequence{para, lit}
}

// sequence is blocks that one construct produced together, which
// count as one while the text is parsed; flatten puts them in their
// place before Parse returns.
type sequence []Block

func (*sequence) block() {}

// inMessage is blocks docutils shows only in a system message, such as
// a malformed table's text or an unexpected title's: no element of its
// own where elements are counted (see replacement). Parse shows them in
// place, as sequences are (see flatten).
type inMessage []Block

func (*inMessage) block() {}

// flatten replaces each sequence or inMessage among bs, and among the
// blocks they hold, with the blocks it holds, so that a document shows only the
// exported Block types.
func (p *parser) flatten(bs []Block) []Block {
	has := false
	for _, b := range bs {
		switch b.(type) {
		case *sequence, *inMessage, *internalTarget:
			has = true
		}
	}
	if !has {
		for _, b := range bs {
			p.flattenIn(b)
		}
		return bs
	}
	// (Each block is flattened within once: twice at every level of
	// nesting would take time exponential in the depth.)
	leaves := p.appendLeaves(make([]Block, 0, len(bs)+1), bs)
	out := leaves[:0]
	var names []string // internal targets waiting for the next element
	var anons []int    // and anonymous ones
	for _, b := range leaves {
		if t, ok := b.(*internalTarget); ok {
			if t.anon > 0 {
				anons = append(anons, t.anon)
			} else {
				names = append(names, t.name)
			}
			continue
		}
		if len(names) > 0 || len(anons) > 0 {
			p.nameBlock(b, names, anons)
			names, anons = names[:0], anons[:0]
		}
		out = append(out, b)
	}
	return out
}

// appendLeaves appends to out the blocks of bs, those of its sequences
// in their place, each flattened within.
func (p *parser) appendLeaves(out, bs []Block) []Block {
	for _, b := range bs {
		switch b := b.(type) {
		case *sequence:
			out = p.appendLeaves(out, *b)
		case *inMessage:
			out = p.appendLeaves(out, *b)
		default:
			p.flattenIn(b)
			out = append(out, b)
		}
	}
	return out
}

// nameBlock makes the names of the internal targets before b link to
// it, as docutils' PropagateTargets gives it their ids: to the id it has,
// or one made of the first name. A block that takes no id in HTML (a
// paragraph, a list) gets none, and the names no link.
func (p *parser) nameBlock(b Block, names []string, anons []int) {
	var id *string
	switch b := b.(type) {
	case *Section:
		id = &b.ID
	case *Admonition:
		id = &b.ID
	case *BlockQuote:
		id = &b.ID
	case *LiteralBlock:
		id = &b.ID
	case *Table:
		id = &b.ID
	case *Footnote:
		id = &b.ID
	case *Image:
		id = &b.ID
	case *Figure:
		id = &b.ID
	default:
		return
	}
	if *id == "" {
		first := "" // (an anonymous target's id is a number's)
		if len(names) > 0 {
			first = names[0]
		}
		*id = p.newID(first)
	}
	for _, k := range anons {
		if t := &p.anonTargets[k-1]; *t == (anonTarget{}) { // (not chained to a target: see chainTo)
			t.url = "#" + *id
		}
	}
	for _, name := range names {
		if _, chained := p.aliases[name]; chained {
			continue // (see chainTo)
		}
		if _, taken := p.doc.Targets[name]; !taken || p.sectionNames[name] {
			p.doc.Targets[name] = "#" + *id
		}
	}
}

// flattenIn flattens the blocks b holds.
func (p *parser) flattenIn(b Block) {
	switch b := b.(type) {
	case *Section:
		b.Children = p.flatten(b.Children)
	case *BulletList:
		for i := range b.Items {
			b.Items[i] = p.flatten(b.Items[i])
		}
	case *EnumeratedList:
		for i := range b.Items {
			b.Items[i] = p.flatten(b.Items[i])
		}
	case *DefinitionList:
		for i := range b.Items {
			b.Items[i].Definition = p.flatten(b.Items[i].Definition)
		}
	case *FieldList:
		for i := range b.Fields {
			b.Fields[i].Body = p.flatten(b.Fields[i].Body)
		}
	case *OptionList:
		for i := range b.Items {
			b.Items[i].Description = p.flatten(b.Items[i].Description)
		}
	case *BlockQuote:
		b.Children = p.flatten(b.Children)
	case *Admonition:
		b.Children = p.flatten(b.Children)
	case *Footnote:
		b.Children = p.flatten(b.Children)
	case *Figure:
		b.Legend = p.flatten(b.Legend)
	case *Table:
		for _, rows := range [][][]TableCell{b.Head, b.Body} {
			for _, row := range rows {
				for i := range row {
					row[i].Children = p.flatten(row[i].Children)
				}
			}
		}
	}
}

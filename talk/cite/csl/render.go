package csl

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var strconvItoa = strconv.Itoa

// groupCtx is what a group learns from its children: whether a variable
// was tried, whether one rendered, whether a term was meant to show.
// CSL's rule — a group is suppressed when it calls a variable and none of
// its variables render — is decided from these flags when it closes.
type groupCtx struct {
	termIntended          bool
	variableAttempt       bool
	variableSuccess       bool
	variableSuccessParent bool
	oldTermPredecessor    bool
}

// renderer renders one item once, in one area (citation or bibliography).
// It is the state citeproc-js keeps in state.tmp while running a style.
type renderer struct {
	p     *program
	a     *area
	it    *itemData
	out   *queue
	flip  *flipper
	arena *blobArena // where newBlob takes blobs from
	cite  bool

	termPredecessor     bool
	termPredecessorName bool
	stripPeriods        int
	doneVars            []varID
	groups              []groupCtx // a stack; values, so that a group costs no allocation
	canSubst            []bool
	canBlockSubst       bool
	langs               []string
	langSpace           [4]string // room for langs and a field's language before them
	cc                  caseCtx   // what caseCtx returns
	renderSeen          bool

	names namesState
	reg   *nameReg // the registry's names, for disambiguate-add-givenname

	// disambiguation (citeproc-js's disambig_request and
	// disambig_settings): settings is updated as names render.
	regItem        *regItem // the item's registry token; nil before it is registered
	request        *ambigConfig
	settings       *ambigConfig
	ownSettings    ambigConfig // the settings of a rendering that starts with none
	justLooking    bool        // an ambiguous cite: subsequent, no decorations, no year suffix
	firstPosition  bool        // a citation cited for the first time
	namesetBase    int
	namesetOffset  int
	namesPos       int   // the nameset being rendered
	namesMax       []int // citeproc-js's names_max
	disambigCount  int
	disambigMaxMax int
	// lone: a lone entry rendered without registering the item first
	// (Processor.loneEntry); needRegistry is set where the settings its
	// citation would have left could have changed the output.
	lone         bool
	needRegistry bool

	// subsequent-author-substitute, for bibliographies
	renderedName       []string
	renderedNameOK     bool // citeproc-js's rendered_name is an array, not false
	subsequentAuthorOK bool
	subst              *substState
	labelBlob          *blob
	nameNodeTop        *blob
	nameNodeChildren   []*blob

	// doneYearSuffix: the cite or entry has had its implicit year suffix
	// (citeproc-js's tmp.has_done_year_suffix), which goes on its first
	// year only.
	doneYearSuffix bool

	sortKey bool // rendering a sort key: names in sort order, no et-al
	// in a sort key, inside a macro with a date (citeproc-js's
	// doing-macro-with-date): only names and dates render
	macroWithDate bool
	sortNames     sortKey // the key's names-min and names-use-first

	shadowNumbers  []shadowNumber
	noNumber       numberInfo   // the number of a variable without a value, only read
	normalized     []normalized // the names normalised so far (normalize)
	citationNumber int
	dateCollapse   []string
	donesies       []string

	cluster *clusterState // the citation cluster being rendered, if any

	wr writer // what writer returns
}

// writer returns a writer of the rendering in f, the renderer's own: its
// stacks are kept for the next rendering when the renderer is released.
func (r *renderer) writer(f Format, citation bool) *writer {
	r.wr = writer{r: r, f: f, citation: citation, pieces: r.wr.pieces[:0], frags: r.wr.frags[:0]}
	return &r.wr
}

func (r *renderer) tip() *groupCtx { return &r.groups[len(r.groups)-1] }

func (r *renderer) canSubstitute() bool { return r.canSubst[len(r.canSubst)-1] }

func (r *renderer) setCanSubstitute(v bool) { r.canSubst[len(r.canSubst)-1] = v }

// caseCtx returns the text-case context of the languages in force. It
// is the renderer's own, valid until the next call.
func (r *renderer) caseCtx() *caseCtx {
	r.cc = caseCtx{langs: r.langs, stop: r.p.loc.skipWordMatcher}
	return &r.cc
}

func (r *renderer) layoutDecorations() []decoration { return r.a.layoutTok.decorations }

func (r *renderer) term(name, form string, plural int) string {
	s, _ := r.p.loc.term(name, form, plural, "")
	return s
}

// run renders the layout's children for the item into the queue.
func (r *renderer) runLayout() {
	r.doneVars = r.doneVars[:0]
	r.renderedNameOK = false
	r.renderedName = nil
	r.out.openLevel(emptyToken)
	r.nodes(r.a.layout)
	if !r.cite {
		// The layout suffix goes on the level open at the end: the
		// right-inline part when second-field-align splits the entry.
		top := r.out.current()
		if r.a.suffixOnLastChild && len(top.kids) > 0 {
			top.kids[len(top.kids)-1].suffix = r.a.layoutTok.suffix
		} else {
			top.suffix = r.a.layoutTok.suffix
		}
		if r.a.secondFieldAlign != "" && len(r.out.stack) > 2 && r.renderSeen {
			r.out.closeLevel()
		}
	}
	r.out.closeLevel()
}

func (r *renderer) nodes(ns []node) {
	for _, n := range ns {
		r.node(n)
	}
}

func (r *renderer) node(n node) {
	switch n := n.(type) {
	case *textNode:
		r.text(n)
	case *groupNode:
		if wrap, ok := r.enter(&n.baseNode); ok {
			r.openGroup(&n.baseNode, true)
			r.nodes(n.children)
			r.closeGroup(true)
			r.leave(&n.baseNode, wrap)
		}
	case *chooseNode:
		r.choose(n)
	case *labelNode:
		r.label(n)
	case *numberNode:
		if wrap, ok := r.enter(&n.baseNode); ok {
			r.number(n)
			r.leave(&n.baseNode, wrap)
		}
	case *namesNode:
		if wrap, ok := r.enter(&n.baseNode); ok {
			r.renderNames(n)
			r.leave(&n.baseNode, wrap)
		}
	case *dateNode:
		if wrap, ok := r.enter(&n.baseNode); ok {
			r.date(n)
			r.leave(&n.baseNode, wrap)
		}
	}
}

// elementWrap is the level enter opened around an element, for leave
// to close.
type elementWrap uint8

const (
	wrapNone    elementWrap = iota
	wrapDisplay             // a display level
	wrapSFA                 // the left margin of second-field-align
)

// enter starts a text, number, names, date or group element the way
// citeproc-js's substituteStart does, and leave ends it as its
// substituteEnd does: inside a substitute it is skipped (ok is false)
// once something rendered; at the top of a bibliography layout it is
// wrapped for second-field-align or display; strip-periods applies to
// all it contains. The element's body runs between the two.
func (r *renderer) enter(b *baseNode) (wrap elementWrap, ok bool) {
	if b.pos.inSub && !r.canSubstitute() {
		return wrapNone, false
	}
	if b.pos.top {
		switch {
		case !r.cite && r.a.secondFieldAlign != "":
			if !r.renderSeen {
				r.out.openLevel(&fmtToken{decorations: []decoration{{decDisplay, "left-margin"}}})
				wrap = wrapSFA
			}
		case isDisplayClass(b.display):
			r.out.openLevel(&fmtToken{decorations: []decoration{{decDisplay, b.display}}})
			wrap = wrapDisplay
		}
	}
	if b.stripPeriods {
		r.stripPeriods++
	}
	return wrap, true
}

// leave ends an element enter started.
func (r *renderer) leave(b *baseNode, wrap elementWrap) {
	if b.stripPeriods {
		r.stripPeriods--
	}
	switch wrap {
	case wrapDisplay:
		r.out.closeLevel()
	case wrapSFA:
		r.out.closeLevel()
		r.renderSeen = true
		r.out.openLevel(&fmtToken{decorations: []decoration{{decDisplay, "right-inline"}}})
	}
}

func isDisplayClass(s string) bool {
	switch s {
	case "block", "left-margin", "right-inline", "indent":
		return true
	}
	return false
}

// group renders a group (or a macro's wrapping group) with body.
func (r *renderer) group(b *baseNode, real bool, body func()) {
	r.openGroup(b, real)
	body()
	r.closeGroup(real)
}

// openGroup starts a group (or a macro's wrapping group), and
// closeGroup ends it: real groups are suppressed when they try
// variables and none render.
func (r *renderer) openGroup(b *baseNode, real bool) {
	tok := &b.tok
	if r.sortKey && r.macroWithDate {
		// citeproc-js's startTag: no delimiter, affixes or formatting
		tok = emptyToken
	}
	r.out.openLazyLevel(tok)
	if real {
		r.groups = append(r.groups, groupCtx{
			oldTermPredecessor:    r.termPredecessor,
			variableSuccessParent: r.tip().variableSuccess,
		})
	}
}

// closeGroup ends the group openGroup started.
func (r *renderer) closeGroup(real bool) {
	made := r.out.closeLevel()
	if !real {
		return
	}
	flags := *r.tip()
	r.groups = r.groups[:len(r.groups)-1]
	if flags.variableSuccess || (flags.termIntended && !flags.variableAttempt) {
		r.tip().variableSuccess = true
		return
	}
	r.termPredecessor = flags.oldTermPredecessor
	r.tip().variableAttempt = flags.variableAttempt
	if made {
		r.out.pop() // the group's level
	}
}

func (r *renderer) text(n *textNode) {
	wrap, ok := r.enter(&n.baseNode)
	if !ok {
		return
	}
	switch n.kind {
	case textMacro:
		// A macro call is a group made from the text element (which
		// carries the affixes, but is not itself suppressed), around
		// the macro's own group, which is.
		r.openGroup(&n.baseNode, false)
		r.openGroup(&n.macroGroup, true)
		r.macroBody(n.macro)
		r.closeGroup(true)
		r.closeGroup(false)
	case textTerm:
		r.textTerm(n)
	case textValue:
		r.tip().termIntended = true
		r.out.appendText(n.value, &n.tok, false, false, false)
		if r.canBlockSubst {
			r.setCanSubstitute(false)
		}
	case textVariable:
		r.cluster.textVariable(n.variable)
		live := r.live(n.variable)
		r.checkOutput(n.variable, live, n.form, nil)
		if live {
			r.textVariable(n, n.variable)
		}
		if r.it.field(n.variable) != "" {
			r.subsequentSubstitute()
		}
	}
	r.leave(&n.baseNode, wrap)
}

func (r *renderer) textTerm(n *textNode) {
	term := n.termText
	if term != "" {
		r.tip().termIntended = true
	}
	if !r.termPredecessor && !(r.p.class == "in-text" && r.cite) {
		term = r.caseCtx().capitalizeFirst(term)
	}
	if r.stripPeriods > 0 || n.stripPeriods {
		term = strings.ReplaceAll(term, ".", "")
	}
	r.out.appendText(term, &n.tok, false, false, false)
	if r.canBlockSubst {
		r.setCanSubstitute(false)
	}
}

// live reports whether v is still to render: not already rendered by a
// substitute. Inside a substitute, every variable tried is marked as
// done.
func (r *renderer) live(v varID) bool {
	live := !slices.Contains(r.doneVars, v)
	if r.canBlockSubst {
		r.doneVars = append(r.doneVars, v)
	}
	return live
}

// liveVars is live for a list of variables: those still to render.
// vars itself is returned when all are, as it mostly is; it must not be
// changed.
func (r *renderer) liveVars(vars []varID) []varID {
	var out []varID // nil until a variable is dropped
	for i, v := range vars {
		switch {
		case !r.live(v):
			if out == nil {
				out = append(make([]varID, 0, len(vars)), vars[:i]...)
			}
		case out != nil:
			out = append(out, v)
		}
	}
	if out == nil {
		return vars
	}
	return out
}

// checkOutput marks the enclosing group as having rendered variable v
// (or having tried to), from the item's data alone, as citeproc-js does
// before rendering; a v that is not live was rendered before, and only
// tried. dateparts is set for date elements.
func (r *renderer) checkOutput(v varID, live bool, form string, dateparts []string) {
	if !live {
		r.tip().variableAttempt = true
		return
	}
	checked := v
	if form == "short" && !r.it.has(v) {
		switch v {
		case varTitle:
			checked = varTitleShort
		case varContainerTitle:
			checked = varContainerTitleShort
		}
	}
	output := false
	switch {
	case checked == varYearSuffix || checked == varCitationNumber || checked == varCitationLabel:
		output = true
	case r.p.vars.is(checked, dateVar):
		d := r.it.date(checked)
		output = d != nil && d.hasAny(dateparts)
	case checked == varLocator || checked == varLocatorExtra || checked == varFirstReferenceNoteNumber:
	case r.it.hasNames(checked):
	default:
		output = r.it.field(checked) != ""
	}
	if !output {
		r.tip().variableAttempt = true
		return
	}
	r.tip().variableSuccess = true
	if f := r.it.field(v); f != "" && r.canSubstitute() && !r.cite {
		r.nameNodeTop = r.out.current()
		if r.substitutes() {
			r.renderedName = append(r.renderedName, f)
		}
		r.renderedNameOK = true
	}
	r.setCanSubstitute(false)
}

// citeproc-js's MULTI_FIELDS: these text variables go through its
// multilingual transform, where title case applies to English items
// only and "title" and "container-title" may be sentence-cased raw.
var multiFields = map[string]bool{"event": true, "publisher": true, "publisher-place": true,
	"event-place": true, "title": true, "container-title": true, "collection-title": true,
	"authority": true, "genre": true, "title-short": true, "medium": true, "country": true,
	"jurisdiction": true, "archive": true, "archive-place": true}

var numericTextVars = map[string]bool{"page": true, "page-first": true, "chapter-number": true,
	"collection-number": true, "edition": true, "issue": true, "number": true,
	"number-of-pages": true, "number-of-volumes": true, "volume": true}

func (r *renderer) textVariable(n *textNode, v varID) {
	n0 := n
	vars := r.p.vars
	switch {
	case v == varLocator || v == varLocatorExtra || v == varFirstReferenceNoteNumber || v == varFirstContainerReferenceNoteNumber:
		// A single cite has no locator.
	case v == varYearSuffix:
		if r.regItem == nil || r.regItem.disambig.yearSuffix < 0 || r.justLooking {
			return
		}
		n := r.regItem.disambig.yearSuffix
		b := r.newTextBlob("", &n0.tok)
		b.text = yearSuffix(n)
		b.num = &numInfo{n: n, format: func(n int, _ string) string { return yearSuffix(n) }, successorPrefix: r.a.layoutTok.delimiter}
		r.cluster.yearSuffix(r, b)
		r.out.appendLiteral(b)
	case v == varCitationNumber:
		b := r.newTextBlob("", &n.tok)
		b.text = strconvItoa(r.citationNumber)
		b.num = &numInfo{n: r.citationNumber, successorPrefix: r.a.layoutTok.delimiter, splicePrefix: r.a.layoutTok.delimiter}
		r.cluster.numberRange(r, b)
		r.out.appendLiteral(b)
	case vars.is(v, multiFieldVar):
		r.multiField(n, v)
	case vars.is(v, numericTextVar):
		r.numericVariable(&n.baseNode, v, "", false)
	case v == varURL || v == varDOI:
		val := r.it.field(v)
		if val == "" {
			return
		}
		if v == varURL && n.form == "short" {
			val = shortURL(val)
		}
		r.out.appendText(val, &n.tok, false, false, true)
	default:
		val := r.it.field(v)
		if val == "" {
			return
		}
		if v != varSection && v != varHereinafter {
			val = strings.ReplaceAll(val, "\\", "")
		}
		r.out.appendText(val, &n.tok, false, false, false)
	}
}

var (
	urlHostRe = regexp.MustCompile(`(.*\.[^/]+)/.*`)
	wwwRe     = regexp.MustCompile(`//www\.`)
	schemeRe  = regexp.MustCompile(`https?://`)
)

func shortURL(u string) string {
	u = replaceAll(urlHostRe, u, "$1")
	if wwwRe.MatchString(u) {
		if loc := schemeRe.FindStringIndex(u); loc != nil {
			u = u[:loc[0]] + u[loc[1]:]
		}
	}
	return u
}

// fieldLocale is the two-letter language that decides whether title case
// applies: the item's language, "en" when it has none.
func (r *renderer) fieldLocale() string {
	lang := r.it.lang
	if lang == "" {
		return strings.ToLower(firstN(r.p.loc.lang, 2))
	}
	if len(lang) >= 2 && isASCIILetter(lang[0]) && isASCIILetter(lang[1]) {
		return strings.ToLower(lang[:2])
	}
	return "tlh"
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func firstN(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func (r *renderer) multiField(n *textNode, v varID) {
	short := n.form == "short"
	alt := ""
	if n.shortVariable != noVar {
		alt = r.it.field(n.shortVariable)
	}
	primary := r.it.field(v)
	if primary == "" && alt == "" {
		return
	}
	tok := n.tok
	if v == varTitle || v == varContainerTitle {
		// The long form of title and container-title is read even for
		// form="short"; the short form replaces it below.
		if tok.textCase == "" || tok.textCase == "sentence" {
			if tok.textCase == "sentence" && primary != "" {
				primary = r.caseCtx().sentence(primary)
			}
			tok.textCase = ""
		}
	}
	if short && alt != "" {
		primary = alt
	}
	loc := r.fieldLocale()
	if loc != "en" && tok.textCase == "title" {
		tok.textCase = ""
	}
	old := r.langs
	if len(old) > 0 && len(old) < len(r.langSpace) && &old[0] == &r.langSpace[1] {
		r.langSpace[0] = loc
		r.langs = r.langSpace[:len(old)+1]
	} else {
		r.langs = append([]string{loc}, old...)
	}
	r.out.appendText(primary, &tok, false, false, false)
	r.langs = old
}

// substitutes reports whether the rendering may substitute names
// (subsequentSubstitute): a bibliography entry of a style with a
// subsequent-author-substitute, after another. Only then are the names
// rendered recorded.
func (r *renderer) substitutes() bool {
	return !r.cite && r.a.hasSubsequent && r.subst != nil
}

// subsequentSubstitute replaces the first names of an entry with the
// style's subsequent-author-substitute (MLA's "———") when they are the
// same as in the entry before.
func (r *renderer) subsequentSubstitute() {
	if r.cite || !r.a.hasSubsequent || !r.subsequentAuthorOK || r.subst == nil || !r.renderedNameOK {
		return
	}
	r.subsequentAuthorOK = false
	sub := func() *blob { return r.newTextBlob(r.a.subsequentAuthor, nil) }
	switch r.a.subsequentRule {
	case "partial-each", "partial-first":
		dosub := true
		var names []string
		for i, child := range r.nameNodeChildren {
			var name string
			if i < len(r.renderedName) {
				name = r.renderedName[i]
			}
			if dosub && i < len(r.subst.lastList) && name != "" && name == r.subst.lastList[i] {
				child.kids, child.isText, child.text = []*blob{sub()}, false, ""
				if r.a.subsequentRule == "partial-first" {
					dosub = false
				}
			} else {
				dosub = false
			}
			names = append(names, name)
		}
		r.subst.lastList = names
	case "complete-each":
		joined := strings.Join(r.renderedName, ",")
		if joined != "" {
			if r.subst.hasLast && joined == r.subst.last {
				for _, child := range r.nameNodeChildren {
					child.kids, child.isText, child.text = []*blob{sub()}, false, ""
				}
			}
			r.subst.last, r.subst.hasLast = joined, true
		}
	default:
		joined := strings.Join(r.renderedName, ",")
		if joined != "" {
			if r.subst.hasLast && joined == r.subst.last && r.nameNodeTop != nil {
				top := r.nameNodeTop
				switch {
				case r.labelBlob != nil:
					top.kids = []*blob{sub(), r.labelBlob}
				case len(top.kids) > 0:
					top.kids[0].kids, top.kids[0].isText, top.kids[0].text = []*blob{sub()}, false, ""
				default:
					top.kids = []*blob{sub()}
				}
				top.isText = false
			}
			r.subst.last, r.subst.hasLast = joined, true
		}
	}
}

func (r *renderer) choose(n *chooseNode) {
	for _, b := range n.branches {
		if b.cond == nil || r.test(b.cond) {
			r.nodes(b.children)
			return
		}
	}
}

// test evaluates every test of c (as citeproc-js does, none is skipped)
// and combines their results as c's match says.
func (r *renderer) test(c *condition) bool {
	var anyTrue, anyFalse bool
	note := func(ok bool) {
		anyTrue = anyTrue || ok
		anyFalse = anyFalse || !ok
	}
	for i := range c.tests {
		t := &c.tests[i]
		switch t.kind {
		case testType:
			if r.it.typeBit != 0 {
				note(t.types&r.it.typeBit != 0)
			} else {
				note(slices.Contains(t.values, r.it.typ))
			}
		case testVariable, testIsNumeric, testIsUncertainDate:
			for _, v := range t.vars {
				note(r.testVar(t.kind, v))
			}
		default:
			for _, v := range t.values {
				note(r.testOne(t.kind, v))
			}
		}
	}
	switch c.match {
	case "any":
		return anyTrue
	case "none":
		return !anyTrue
	}
	return !anyFalse
}

// testVar runs a test of a variable.
func (r *renderer) testVar(kind testKind, v varID) bool {
	switch kind {
	case testVariable:
		return r.it.has(v)
	case testIsNumeric:
		val := r.it.field(v)
		if val == "" {
			return false
		}
		if r.p.vars.is(v, numericVar) {
			return r.numberInfo(v).leadNumeric
		}
		if v == varTitle || v == varVersion {
			last := val[len(val)-1]
			return last >= '0' && last <= '9'
		}
		return false
	case testIsUncertainDate:
		d := r.it.date(v)
		return d != nil && d.circa
	}
	return false
}

// testOne runs a test of the position or disambiguation, or of the
// locator.
func (r *renderer) testOne(kind testKind, v string) bool {
	switch kind {
	case testPosition:
		if !r.cite {
			return false
		}
		if r.justLooking {
			// an ambiguous cite is a subsequent one, near its note
			switch v {
			case "subsequent", "container-subsequent", "near-note":
				return true
			}
			return false
		}
		return v == "first"
	case testDisambiguate:
		return v == "true" && r.testDisambiguate()
	case testLocator:
		return false
	}
	return false
}

var numericVariables = map[string]bool{"call-number": true, "chapter-number": true,
	"collection-number": true, "division": true, "edition": true, "page": true, "issue": true,
	"locator": true, "locator-extra": true, "number": true, "number-of-pages": true,
	"number-of-volumes": true, "part-number": true, "printing-number": true, "section": true,
	"supplement-number": true, "version": true, "volume": true, "supplement": true,
	"citation-number": true}

func (r *renderer) label(n *labelNode) {
	term := n.variable
	if term == "locator" {
		term = "page"
	}
	plural := -1
	switch n.plural {
	case "always":
		plural = 1
	case "never":
		plural = 0
	default:
		if n.varID != noVar && r.it.field(n.varID) != "" {
			info := r.numberInfo(n.varID)
			plural = info.plural
		}
	}
	txt := r.castLabel(&n.baseNode, term, n.form, plural)
	if txt != "" {
		r.tip().termIntended = true
	}
	if !strings.Contains(txt, "%s") {
		r.out.appendText(txt, &n.tok, false, false, false)
	}
}

func (r *renderer) castLabel(b *baseNode, term, form string, plural int) string {
	s, _ := r.p.loc.term(term, form, plural, "")
	if r.stripPeriods > 0 || b.stripPeriods {
		s = strings.ReplaceAll(s, ".", "")
	}
	return s
}

func isDateVariable(v string) bool {
	switch v {
	case "issued", "event-date", "accessed", "original-date", "available-date", "submitted", "locator-date", "publication-date":
		return true
	}
	return false
}

// testDisambiguate is the disambiguate="true" condition: true for as
// many of them as the item's disambiguation asks.
func (r *renderer) testDisambiguate() bool {
	if r.sortKey {
		return false
	}
	if !r.cite {
		if r.regItem != nil && r.disambigCount < r.regItem.disambig.disambiguate {
			r.disambigCount++
			return true
		}
		return false
	}
	r.disambigMaxMax++
	if r.settings != nil && r.settings.disambiguate > 0 && r.disambigCount < r.settings.disambiguate {
		r.disambigCount++
		return true
	}
	return false
}

// yearSuffix is citeproc-js's Suffixator: 0 is "a", 25 "z", 26 "aa".
func yearSuffix(n int) string {
	n++
	key := ""
	for {
		x := n % 26
		if x == 0 {
			x = 26
		}
		key = string(rune('a'+x-1)) + key
		n = (n - x) / 26
		if n == 0 {
			return key
		}
	}
}

// macroBody renders a macro's children. In a sort key, a macro with a
// date sets citeproc-js's doing-macro-with-date, and clears it when it
// ends, whatever it was before.
func (r *renderer) macroBody(m *macroNode) {
	if r.sortKey && m.hasDate {
		r.macroWithDate = true
	}
	r.nodes(m.children)
	if r.sortKey && m.hasDate {
		r.macroWithDate = false
	}
}

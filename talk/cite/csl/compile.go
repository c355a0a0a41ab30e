package csl

import (
	"strings"
)

// A style is compiled once per processor into a tree of render nodes,
// with the locale's date formats expanded in place, as citeproc-js builds
// its token lists.

type node interface{ base() *baseNode }

// nodePos is where a node sits, which changes how it renders.
type nodePos struct {
	top    bool // outermost in the layout: second-field-align and display wrap it
	inSub  bool // directly inside <substitute>: skipped once something rendered
	lexSub bool // anywhere inside a <substitute> of the same macro or layout
}

type baseNode struct {
	el           *element
	tok          fmtToken
	display      string
	stripPeriods bool
	pos          nodePos
}

func (b *baseNode) base() *baseNode { return b }

type textKind int

const (
	textVariable textKind = iota
	textMacro
	textTerm
	textValue
)

type textNode struct {
	baseNode
	kind     textKind
	variable varID
	// shortVariable is the variable form="short" reads first
	// (title-short for title), noVar for none.
	shortVariable varID
	form          string
	plural        int
	term          string
	termText      string // the term's text in the locale, for a term
	value         string
	macro         *macroNode
	// macroGroup is the bare group a macro call puts around the macro's
	// body; it is a field so that each call need not make one (rendering
	// keeps pointers to a group's token).
	macroGroup baseNode
}

type macroNode struct {
	name     string
	children []node
	hasDate  bool // a cs:date in it, not counting the macros it calls
}

type numberNode struct {
	baseNode
	variable varID
	form     string
}

type labelNode struct {
	baseNode
	variable string // the variable, which names the term too
	varID    varID  // the variable's number; noVar for a label of <names>
	form     string
	plural   string // "contextual", "always", "never"
}

type groupNode struct {
	baseNode
	children []node
}

type chooseNode struct {
	baseNode
	branches []branch
}

type branch struct {
	cond     *condition // nil for <else>
	children []node
}

type condition struct {
	match string
	tests []condTest
}

type condTest struct {
	kind   testKind
	values []string
	vars   []varID // the values of a variable, is-numeric or is-uncertain-date test
	types  uint64  // the CSL types of a type test, as bits (typeBits)
}

// testKind is a condition's test, named by its attribute.
type testKind uint8

const (
	testType            testKind = iota // type
	testVariable                        // variable
	testIsNumeric                       // is-numeric
	testIsUncertainDate                 // is-uncertain-date
	testLocator                         // locator
	testPosition                        // position
	testDisambiguate                    // disambiguate
)

// testKinds are the tests by attribute.
var testKinds = map[string]testKind{"type": testType, "variable": testVariable,
	"is-numeric": testIsNumeric, "is-uncertain-date": testIsUncertainDate,
	"locator": testLocator, "position": testPosition, "disambiguate": testDisambiguate}

type namesNode struct {
	baseNode
	variables   []varID
	name        *nameNode
	etal        *etalNode
	institution *institutionNode
	labelBefore *labelNode
	labelAfter  *labelNode
	hasLabel    bool
	substitute  []node
	hasSubst    bool
	singleton   bool // <names variable="x"/>: renders with the enclosing names' settings
	// delimiter is the names' delimiter, else the names-delimiter the
	// area or style passes down, by area (area.index).
	delimiter [2]string
	family    *namePart
	given     *namePart
}

type nameNode struct {
	baseNode
	attrs map[string]string // the name options set on the element itself
	opts  [2]nameOptions    // the options it renders with, by area (area.index)
}

type namePart struct {
	baseNode
}

type etalNode struct {
	baseNode
	term string
}

type institutionNode struct {
	baseNode
	attrs map[string]string
	long  *baseNode
}

type dateNode struct {
	baseNode
	variable  varID
	form      string
	parts     []*datePartNode
	dateparts []string // the parts shown, in year-month-day order
}

type datePartNode struct {
	baseNode
	name           string
	form           string
	rangeDelimiter string
	hasRangeDelim  bool
}

// area is a compiled <citation> or <bibliography>.
type area struct {
	name      string
	index     int // citationArea or bibliographyArea
	layout    []node
	layoutTok fmtToken // prefix, suffix, delimiter, decorations of <layout>
	entryTok  fmtToken // what a bibliography entry is made from: its decorations
	inherit   map[string]string
	and       string // the and option the area passes down
	sortKeys  []sortKey
	// numbersDescending: the bibliography is sorted by citation-number
	// descending, so its items are listed last cited first, each
	// keeping the number its place in the input gives it.
	numbersDescending bool

	secondFieldAlign string
	// suffixOnLastChild: the bibliography layout's first child has a
	// display attribute, so the layout suffix replaces the suffix of its
	// last child (citeproc-js's using_display) rather than following it.
	suffixOnLastChild bool
	hangingIndent     bool
	lineSpacing       string
	entrySpacing      string
	subsequentAuthor  string
	hasSubsequent     bool
	subsequentRule    string
}

type sortKey struct {
	variable   varID // noVar for a macro key
	macro      *macroNode
	descending bool
	namesMin   int
	namesFirst int
	namesLast  string
}

type program struct {
	style  *Style
	loc    *localeData
	class  string
	macros map[string]*macroNode
	vars   *varTable

	citation     *area
	bibliography *area

	addGivenname  bool
	givennameRule string
	addNames      bool // disambiguate-add-names
	// subsequentEtAl tells that a name of the citation has
	// et-al-subsequent-min or et-al-subsequent-use-first. citeproc-js
	// registers an item's names from its ambiguous cite, a subsequent
	// one, and a first cite shows as many names as that registered
	// ("Doe, Roe, et al." where et-al-use-first is 1 and
	// et-al-subsequent-use-first 2): Citation cannot skip the registry.
	subsequentEtAl       bool
	citeShort            map[string]bool // by item type: the citation's names are all short (shortNamesOnly)
	addYearSuffix        bool            // disambiguate-add-year-suffix
	hasDisambiguate      bool            // a disambiguate="true" condition
	demote               string
	initializeWithHyphen bool
	pageRangeFormat      string
	flip                 *flipSpecs

	// rendersYearSuffix: the style places the year suffix itself (a
	// <text variable="year-suffix"/> or "citation-label"), so the first
	// year of a cite or entry does not get it (citeproc-js's
	// opt.has_year_suffix).
	rendersYearSuffix bool

	// reads holds the item variables a rendering can read (see
	// Processor.Uses).
	reads map[string]bool

	// namesNodes are the compiled names elements, whose options are
	// resolved for each area once the areas are compiled.
	namesNodes []*namesNode
	// lazyJoins: the words that join names are made only when used (see
	// pendingText). A names element without a name, which renders with
	// the words another set up, makes them be made where they are set
	// up.
	lazyJoins bool
}

// The areas, numbered to index what is resolved for each.
const (
	citationArea = iota
	bibliographyArea
)

// nameOptions are the name attributes that cs:style, cs:citation and
// cs:bibliography pass down to cs:name (citeproc-js's setOpt).
var inheritableNameOptions = map[string]string{
	"and": "and", "delimiter-precedes-last": "delimiter-precedes-last",
	"delimiter-precedes-et-al": "delimiter-precedes-et-al", "et-al-min": "et-al-min",
	"et-al-use-first": "et-al-use-first", "et-al-use-last": "et-al-use-last",
	"et-al-subsequent-min": "et-al-subsequent-min", "et-al-subsequent-use-first": "et-al-subsequent-use-first",
	"initialize-with": "initialize-with", "initialize": "initialize", "name-as-sort-order": "name-as-sort-order",
	"sort-separator": "sort-separator", "name-form": "name-form", "name-delimiter": "name-delimiter",
	"names-delimiter": "names-delimiter",
}

func compile(s *Style, loc *localeData) *program {
	p := &program{style: s, loc: loc, class: s.Info.Class, macros: map[string]*macroNode{}, vars: newVarTable()}
	p.demote = "display-and-sort"
	p.initializeWithHyphen = true
	styleOpts := map[string]string{"sort-separator": ", "}
	for _, a := range s.root.attrs {
		switch a.name {
		case "demote-non-dropping-particle":
			p.demote = a.value
		case "initialize-with-hyphen":
			if a.value == "false" {
				p.initializeWithHyphen = false
			}
		case "page-range-format":
			p.pageRangeFormat = a.value
		}
		if _, ok := inheritableNameOptions[a.name]; ok {
			if a.name == "initialize" && a.value != "false" {
				continue
			}
			styleOpts[a.name] = a.value
		}
	}
	for name := range s.macros {
		p.macros[name] = &macroNode{name: name}
	}
	for name, m := range s.macros {
		p.macros[name].children = p.nodes(m.children, nodePos{}, nil, false)
		p.macros[name].hasDate = hasDateElement(m)
	}
	for _, c := range s.root.children {
		switch c.name {
		case "citation":
			p.citation = p.area(c, styleOpts)
			p.addGivenname = c.get("disambiguate-add-givenname") == "true"
			p.addNames = c.get("disambiguate-add-names") == "true"
			p.addYearSuffix = c.get("disambiguate-add-year-suffix") == "true"
			p.givennameRule = c.get("givenname-disambiguation-rule")
			if p.givennameRule == "" {
				p.givennameRule = "by-cite"
			}
		case "bibliography":
			p.bibliography = p.area(c, styleOpts)
		}
	}
	p.lazyJoins = true
	for _, n := range p.namesNodes {
		if n.name == nil && !n.singleton {
			p.lazyJoins = false
		}
		for _, a := range [...]*area{p.citation, p.bibliography} {
			if a == nil {
				continue
			}
			if v, ok := n.el.attr("delimiter"); ok {
				n.delimiter[a.index] = v
			} else {
				n.delimiter[a.index] = a.inherit["names-delimiter"]
			}
			if n.name != nil {
				n.name.opts[a.index] = resolveNameOptions(n.name, a)
				if o := &n.name.opts[a.index]; a == p.citation && (o.etAlSubsequentMin > 0 || o.etAlSubsequentUseFirst > 0) {
					p.subsequentEtAl = true
				}
			}
		}
	}
	p.hasDisambiguate = hasDisambiguateTest(s.root)
	p.rendersYearSuffix = rendersYearSuffix(s)
	p.reads = variablesRead(s.root)
	return p
}

// variablesRead returns the item variables a style can read: those it
// names anywhere (in a text, number, label, names or date element, a
// condition, a sort key, a macro nobody calls), with their long and
// short forms, since a short form falls back to the long one; the
// variables the engine derives them from (page-first from page,
// title-short from shortTitle, container-title-short from
// journalAbbreviation); and language, which decides title case and the
// order of names for every item. It errs on the side of reading more:
// a variable left out here changes the output.
func variablesRead(root *element) map[string]bool {
	reads := map[string]bool{"language": true}
	derivedFrom := map[string]string{"page-first": "page", "title-short": "shortTitle", "container-title-short": "journalAbbreviation"}
	var walk func(e *element)
	walk = func(e *element) {
		for _, a := range e.attrs {
			if a.name != "variable" && a.name != "is-numeric" && a.name != "is-uncertain-date" {
				continue
			}
			for _, v := range strings.Fields(a.value) {
				long := strings.TrimSuffix(v, "-short")
				for _, name := range [...]string{v, long, long + "-short", derivedFrom[v], derivedFrom[long+"-short"]} {
					if name != "" {
						reads[name] = true
					}
				}
			}
		}
		for _, c := range e.children {
			walk(c)
		}
	}
	walk(root)
	return reads
}

// rendersYearSuffix reports whether the citation or bibliography,
// their sort keys included, reach a <text variable="year-suffix"/> or
// <text variable="citation-label"/>, directly or through the macros
// they call. citeproc-js sets opt.has_year_suffix as it builds those
// elements, and it builds only the macros that are called, so a
// year-suffix text in a macro nobody calls leaves the implicit year
// suffix on.
func rendersYearSuffix(s *Style) bool {
	seen := map[string]bool{}
	var walk func(e *element) bool
	walk = func(e *element) bool {
		if e.name == "text" {
			if v := e.get("variable"); v == "year-suffix" || v == "citation-label" {
				return true
			}
		}
		if m := e.get("macro"); m != "" && (e.name == "text" || e.name == "key") && !seen[m] {
			seen[m] = true
			if me := s.macros[m]; me != nil && walk(me) {
				return true
			}
		}
		for _, c := range e.children {
			if walk(c) {
				return true
			}
		}
		return false
	}
	for _, c := range s.root.children {
		if (c.name == "citation" || c.name == "bibliography") && walk(c) {
			return true
		}
	}
	return false
}

// hasDateElement is citeproc-js's inspectDateMacros.
func hasDateElement(e *element) bool {
	if e.name == "date" {
		return true
	}
	for _, c := range e.children {
		if hasDateElement(c) {
			return true
		}
	}
	return false
}

func hasDisambiguateTest(e *element) bool {
	if v, ok := e.attr("disambiguate"); ok && v == "true" {
		return true
	}
	for _, c := range e.children {
		if hasDisambiguateTest(c) {
			return true
		}
	}
	return false
}

func (p *program) area(e *element, styleOpts map[string]string) *area {
	a := &area{name: e.name, index: citationArea, inherit: map[string]string{}}
	if e.name == "bibliography" {
		a.index = bibliographyArea
	}
	for k, v := range styleOpts {
		a.inherit[k] = v
	}
	for _, at := range e.attrs {
		if _, ok := inheritableNameOptions[at.name]; ok {
			if at.name == "initialize" && at.value != "false" {
				continue
			}
			a.inherit[at.name] = at.value
		}
		switch at.name {
		case "second-field-align":
			if at.value == "flush" || at.value == "margin" {
				a.secondFieldAlign = at.value
			}
		case "hanging-indent":
			a.hangingIndent = at.value == "true"
		case "line-spacing":
			a.lineSpacing = at.value
		case "entry-spacing":
			a.entrySpacing = at.value
		case "subsequent-author-substitute":
			a.subsequentAuthor, a.hasSubsequent = at.value, true
		case "subsequent-author-substitute-rule":
			a.subsequentRule = at.value
		}
	}
	a.and = a.inherit["and"]
	for _, c := range e.children {
		switch c.name {
		case "layout":
			a.layoutTok = tokenOf(c)
			if e.name == "bibliography" && len(c.children) > 0 {
				_, a.suffixOnLastChild = c.children[0].attr("display")
			}
			a.entryTok = fmtToken{decorations: append([]decoration{{decBibliography, "entry"}}, a.layoutTok.decorations...)}
			a.layout = p.nodes(c.children, nodePos{top: true}, nil, e.name == "bibliography")
		case "sort":
			for _, k := range c.children {
				sk := sortKey{variable: noVar, descending: k.get("sort") == "descending"}
				if m := k.get("macro"); m != "" {
					sk.macro = p.macros[m]
				} else {
					sk.variable = p.vars.intern(k.get("variable"))
					if sk.variable == varCitationNumber {
						a.numbersDescending = sk.descending
					}
				}
				sk.namesMin, _ = parseIntAttr(k.get("names-min"))
				sk.namesFirst, _ = parseIntAttr(k.get("names-use-first"))
				sk.namesLast = k.get("names-use-last")
				a.sortKeys = append(a.sortKeys, sk)
			}
		}
	}
	return a
}

// tokenOf reads an element's affixes, delimiter, text case and
// decorations.
func tokenOf(e *element) fmtToken {
	t := fmtToken{prefix: e.get("prefix"), suffix: e.get("suffix"), delimiter: e.get("delimiter")}
	if tc := e.get("text-case"); tc != "" {
		t.textCase = tc
	}
	for _, k := range []string{"strip-periods", "font-style", "font-variant", "font-weight", "text-decoration", "vertical-align", "quotes"} {
		if v, ok := e.attr(k); ok {
			t.decorations = append(t.decorations, decoration{"@" + k, v})
		}
	}
	return t
}

func (p *program) baseOf(e *element, pos nodePos) baseNode {
	b := baseNode{el: e, tok: tokenOf(e), pos: pos, display: e.get("display")}
	b.stripPeriods = e.get("strip-periods") == "true"
	return b
}

// nodes compiles a list of rendering elements. names is the enclosing
// <names>, for nameless names inside a substitute.
func (p *program) nodes(els []*element, pos nodePos, names *namesNode, bib bool) []node {
	var out []node
	for _, e := range els {
		if n := p.node(e, pos, names, bib); n != nil {
			out = append(out, n)
		}
	}
	return out
}

func (p *program) node(e *element, pos nodePos, names *namesNode, bib bool) node {
	inner := nodePos{lexSub: pos.lexSub} // children of a group
	switch e.name {
	case "text":
		n := &textNode{baseNode: p.baseOf(e, pos), shortVariable: noVar}
		n.form = e.get("form")
		if n.form == "" {
			n.form = "long"
		}
		switch e.get("plural") {
		case "true", "always":
			n.plural = 1
		}
		switch {
		case has(e, "variable"):
			n.kind, n.variable = textVariable, p.vars.intern(strings.Fields(e.get("variable"))[0])
			if n.form == "short" {
				n.shortVariable = p.shortVariable(n.variable)
			}
		case has(e, "macro"):
			n.kind, n.macro = textMacro, p.macros[e.get("macro")]
		case has(e, "term"):
			n.kind, n.term = textTerm, e.get("term")
			if n.term == "sub verbo" {
				n.term = "sub-verbo"
			}
			n.termText, _ = p.loc.term(n.term, n.form, n.plural, "")
		default:
			n.kind, n.value = textValue, e.get("value")
		}
		return n
	case "number":
		n := &numberNode{baseNode: p.baseOf(e, pos), variable: p.vars.intern(strings.Fields(e.get("variable"))[0]), form: e.get("form")}
		if n.form == "" {
			n.form = "numeric"
		}
		return n
	case "label":
		n := &labelNode{baseNode: p.baseOf(e, pos), variable: e.get("variable"), form: e.get("form"), plural: e.get("plural")}
		if n.form == "" {
			n.form = "long"
		}
		if n.plural == "" {
			n.plural = "contextual"
		}
		if v := strings.Fields(n.variable); len(v) > 0 {
			n.variable = v[0]
			if n.variable == "sub verbo" {
				n.variable = "sub-verbo"
			}
		}
		n.varID = noVar
		if n.variable != "" {
			n.varID = p.vars.intern(n.variable)
		}
		return n
	case "group":
		n := &groupNode{baseNode: p.baseOf(e, pos)}
		n.children = p.nodes(e.children, inner, names, bib)
		return n
	case "choose":
		n := &chooseNode{baseNode: baseNode{el: e, pos: pos}}
		for _, b := range e.children {
			br := branch{children: p.nodes(b.children, pos, names, bib)}
			if b.name != "else" {
				br.cond = p.conditionOf(b)
			}
			n.branches = append(n.branches, br)
		}
		return n
	case "names":
		return p.names(e, pos, names, bib)
	case "date":
		return p.date(e, pos)
	}
	return nil
}

func has(e *element, name string) bool {
	_, ok := e.attr(name)
	return ok
}

func (p *program) conditionOf(e *element) *condition {
	c := &condition{match: e.get("match")}
	if c.match == "" {
		c.match = "all"
	}
	for _, a := range e.attrs {
		kind, ok := testKinds[a.name]
		if !ok {
			continue
		}
		t := condTest{kind: kind, values: strings.Fields(a.value)}
		switch kind {
		case testVariable, testIsNumeric, testIsUncertainDate:
			t.vars = p.vars.internAll(t.values)
		case testType:
			t.types = typeMask(t.values)
		}
		c.tests = append(c.tests, t)
	}
	return c
}

// shortVariable is the variable a text element of v with form="short"
// reads first: v's short form, for the variables citeproc-js gives one.
func (p *program) shortVariable(v varID) varID {
	name := p.vars.name(v)
	if !p.vars.is(v, multiFieldVar) || strings.HasSuffix(name, "-short") {
		return noVar
	}
	return p.vars.intern(name + "-short")
}

func (p *program) names(e *element, pos nodePos, outer *namesNode, bib bool) *namesNode {
	n := &namesNode{baseNode: p.baseOf(e, pos), variables: p.vars.internAll(strings.Fields(e.get("variable")))}
	n.singleton = len(e.children) == 0 && pos.lexSub
	p.namesNodes = append(p.namesNodes, n)
	var nameEl *element
	afterName := false
	for _, c := range e.children {
		switch c.name {
		case "name":
			nameEl = c
			nn := &nameNode{baseNode: p.baseOf(c, nodePos{}), attrs: map[string]string{}}
			for _, a := range c.attrs {
				switch a.name {
				case "prefix", "suffix", "font-style", "font-variant", "font-weight", "text-decoration",
					"vertical-align", "text-case", "strip-periods", "quotes", "display":
				default:
					nn.attrs[a.name] = a.value
				}
			}
			if v, ok := nn.attrs["initialize"]; ok && v != "false" {
				delete(nn.attrs, "initialize")
			}
			n.name = nn
			for _, part := range c.children {
				np := &namePart{baseNode: p.baseOf(part, nodePos{})}
				if part.get("name") == "family" {
					n.family = np
				} else {
					n.given = np
				}
			}
			afterName = true
		case "et-al":
			et := &etalNode{baseNode: p.baseOf(c, nodePos{}), term: c.get("term")}
			n.etal = et
		case "institution":
			in := &institutionNode{baseNode: p.baseOf(c, nodePos{}), attrs: map[string]string{}}
			for _, a := range c.attrs {
				in.attrs[a.name] = a.value
			}
			n.institution = in
		case "label":
			l := p.node(c, nodePos{}, n, bib).(*labelNode)
			n.hasLabel = true
			if afterName {
				n.labelAfter = l
			} else {
				n.labelBefore = l
			}
		case "substitute":
			n.hasSubst = true
			n.substitute = p.nodes(c.children, nodePos{inSub: true, lexSub: true}, n, bib)
		}
	}
	// citeproc-js adds a plain <name/> to every names element outside a
	// substitute that lacks one, and after the name an <institution>
	// made from the name's delimiter, "and" and formatting.
	if nameEl == nil && !pos.lexSub {
		nameEl = &element{name: "name", line: e.line, col: e.col}
		n.name = &nameNode{baseNode: baseNode{el: nameEl}, attrs: map[string]string{}}
	}
	if n.institution == nil && nameEl != nil {
		inst := &element{name: "institution", attrs: []attr{{"institution-parts", "long"}, {"delimiter", ", "}}}
		long := &element{name: "institution-part", attrs: []attr{{"name", "long"}}}
		collected := map[string]string{}
		for _, a := range nameEl.attrs {
			collected[a.name] = a.value
		}
		for _, part := range nameEl.children {
			if part.get("name") == "family" {
				for _, a := range part.attrs {
					collected[a.name] = a.value
				}
			}
		}
		for _, k := range []string{"font-style", "font-variant", "font-weight", "text-decoration", "text-case"} {
			if v, ok := collected[k]; ok {
				long.set(k, v)
			}
		}
		if d := nameEl.get("delimiter"); d != "" {
			inst.set("delimiter", d)
		}
		if a := nameEl.get("and"); a != "" {
			inst.set("and", a)
		}
		in := &institutionNode{baseNode: p.baseOf(inst, nodePos{}), attrs: map[string]string{}}
		for _, a := range inst.attrs {
			in.attrs[a.name] = a.value
		}
		lb := p.baseOf(long, nodePos{})
		in.long = &lb
		n.institution = in
	}
	if n.family == nil && outer != nil {
		n.family = outer.family
	}
	if n.given == nil && outer != nil {
		n.given = outer.given
	}
	return n
}

// date compiles a <date>; a localized date (form="text" or "numeric")
// takes the locale's date format, with the style's date-part attributes
// laid over it, as citeproc-js's fixDateNode does.
func (p *program) date(e *element, pos nodePos) *dateNode {
	src := e
	if form := e.get("form"); form != "" {
		if ld := p.loc.dates[form]; ld != nil {
			c := ld.clone()
			c.attrs = nil
			for _, a := range ld.attrs {
				if a.name != "form" {
					c.attrs = append(c.attrs, a)
				}
			}
			c.set("variable", e.get("variable"))
			c.set("form", form)
			for _, k := range []string{"prefix", "suffix", "display"} {
				if v := e.get(k); v != "" {
					c.set(k, v)
				}
			}
			for _, sp := range e.children {
				name := sp.get("name")
				for _, lp := range c.children {
					if lp.get("name") == name {
						for _, a := range sp.attrs {
							if a.name != "name" {
								lp.set(a.name, a.value)
							}
						}
					}
				}
			}
			switch e.get("date-parts") {
			case "year":
				c.children = dropPart(dropPart(c.children, "month"), "day")
			case "year-month":
				c.children = dropPart(c.children, "day")
			case "month-day":
				for i := 1; i < len(c.children); i++ {
					if c.children[i].get("name") == "year" {
						c.children[i-1].set("suffix", "")
						break
					}
				}
				c.children = dropPart(c.children, "year")
			}
			src = c
		}
	}
	n := &dateNode{baseNode: p.baseOf(src, pos), variable: p.vars.intern(src.get("variable")), form: src.get("form")}
	for _, dp := range src.children {
		part := &datePartNode{baseNode: p.baseOf(dp, nodePos{}), name: dp.get("name"), form: dp.get("form")}
		if part.form == "" {
			part.form = "long"
		}
		part.rangeDelimiter, part.hasRangeDelim = dp.attr("range-delimiter")
		n.parts = append(n.parts, part)
	}
	for _, want := range []string{"year", "month", "day"} {
		for _, part := range n.parts {
			if part.name == want {
				n.dateparts = append(n.dateparts, want)
				break
			}
		}
	}
	return n
}

func dropPart(parts []*element, name string) []*element {
	var out []*element
	for _, p := range parts {
		if p.get("name") != name {
			out = append(out, p)
		}
	}
	return out
}

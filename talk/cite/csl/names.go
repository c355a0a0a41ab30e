package csl

import (
	"strconv"
	"strings"
)

// namesState is the names configuration being rendered (citeproc-js's
// NameOutput object), set by the children of <names> as they run.
type namesState struct {
	names     *namesNode
	name      *nameNode
	etal      *etalNode
	etalTerm  string
	inst      *institutionNode
	variables []varID
	hasNames  bool // one of the variables has names
	// labelled: there is a variable to label (citeproc-js's
	// labelVariable), the first of the element's
	labelled bool

	nameDelimiter string
	// The words that join the last name to those before it: one name
	// or more before it, and for an institution.
	andSingle     pendingText
	andMultiple   pendingText
	instAndSingle pendingText
	instAndMulti  pendingText
	andTerm       string
}

// pendingText is a word that joins names ("and", "&", "et al."), or a
// delimiter, as a names element sets it up, made only when a rendering
// joins names with it: most names elements of an entry have one name
// or none to render. It is made as appendText would have made it where
// it was set up, in the level then current and with the strip-periods
// then in force, and taken off that level again.
type pendingText struct {
	set            bool // false: no word (nil)
	plain          bool // a bare text blob, not appended
	text           string
	tok            *fmtToken
	level          *blob
	stripPeriods   int
	prefix, suffix string
	keepSuffix     bool  // the suffix is the one appendText gives
	b              *blob // once made
}

// pendText sets up p as a word that appendText makes: it does now what
// appending it would have done to the rendering's state.
func (r *renderer) pendText(p *pendingText, text string, tok *fmtToken, prefix, suffix string, keepSuffix bool) {
	r.pendState(text)
	*p = pendingText{set: true, text: text, tok: tok, level: r.out.current(), stripPeriods: r.stripPeriods,
		prefix: prefix, suffix: suffix, keepSuffix: keepSuffix}
	if !r.p.lazyJoins {
		r.made(p)
	}
}

// pendState does to the rendering's state what appending text as a
// name's part does, the level it goes to made.
func (r *renderer) pendState(text string) {
	if text != "" {
		r.termPredecessorName = true
	}
	r.out.current()
}

// made returns the blob of p, making it the first time.
func (r *renderer) made(p *pendingText) *blob {
	if !p.set || p.b != nil {
		return p.b
	}
	if p.plain {
		p.b = r.newTextBlob(p.text, nil)
		return p.b
	}
	strip := r.stripPeriods
	r.stripPeriods = p.stripPeriods
	p.b = r.out.appendTextIn(p.level, p.text, p.tok, true, true, false)
	r.stripPeriods = strip
	p.level.kids = p.level.kids[:len(p.level.kids)-1]
	p.b.prefix = p.prefix
	if !p.keepSuffix {
		p.b.suffix = p.suffix
	}
	return p.b
}

// nameOptions are the options a <name> renders with in one area: its
// own attributes, else those the area or the style pass down, else the
// defaults. They are resolved when the style is compiled, for the
// citation and the bibliography (nameNode.opts).
type nameOptions struct {
	delimiter             string // delimiter, else name-delimiter; ", " by default
	and                   string // "text", "symbol" or ""
	delimiterPrecedesLast string
	delimiterPrecedesEtAl string
	form                  string // "long" by default
	etAlMin, etAlUseFirst int
	// hasEtAlMin and hasEtAlUseFirst tell an absent attribute from 0:
	// citeproc-js compares with undefined then, which is always false.
	hasEtAlMin, hasEtAlUseFirst bool
	etAlUseLast                 bool
	// etAlSubsequentMin and etAlSubsequentUseFirst (0: absent) replace
	// etAlMin and etAlUseFirst in a cite that is not the first.
	etAlSubsequentMin, etAlSubsequentUseFirst int
	initialize                                bool // initialize is not "false"
	initializeWith                            string
	hasInitializeWith                         bool
	sortSeparator                             string
	nameAsSortOrder                           string
}

// resolveNameOptions reads the options of nn in area a: an attribute of
// the name element, else the area's (or style's), named parent when
// that differs, else def.
func resolveNameOptions(nn *nameNode, a *area) nameOptions {
	get := func(attr, parent, def string) (string, bool) {
		if v, ok := nn.attrs[attr]; ok {
			return v, true
		}
		if parent == "" {
			parent = attr
		}
		if v, ok := a.inherit[parent]; ok {
			return v, true
		}
		return def, false
	}
	getInt := func(attr string) (int, bool) {
		v, ok := get(attr, "", "")
		if !ok {
			return 0, false
		}
		n, _ := parseIntAttr(v)
		return n, true
	}
	var o nameOptions
	o.delimiter, _ = get("delimiter", "name-delimiter", ", ")
	o.and, _ = get("and", "", "")
	o.delimiterPrecedesLast, _ = get("delimiter-precedes-last", "", "")
	o.delimiterPrecedesEtAl, _ = get("delimiter-precedes-et-al", "", "")
	o.form, _ = get("form", "name-form", "long")
	o.etAlMin, o.hasEtAlMin = getInt("et-al-min")
	o.etAlUseFirst, o.hasEtAlUseFirst = getInt("et-al-use-first")
	o.etAlSubsequentMin, _ = getInt("et-al-subsequent-min")
	o.etAlSubsequentUseFirst, _ = getInt("et-al-subsequent-use-first")
	useLast, _ := get("et-al-use-last", "", "")
	o.etAlUseLast = useLast == "true"
	initialize, _ := get("initialize", "", "")
	o.initialize = initialize != "false"
	o.initializeWith, o.hasInitializeWith = get("initialize-with", "", "")
	o.sortSeparator, _ = get("sort-separator", "", "")
	o.nameAsSortOrder, _ = get("name-as-sort-order", "", "")
	return o
}

// nameOpts returns the options nn renders with in the renderer's area.
func (r *renderer) nameOpts(nn *nameNode) *nameOptions { return &nn.opts[r.a.index] }

// anyNames reports whether the item has names in one of vars.
func (r *renderer) anyNames(vars []varID) bool {
	for _, v := range vars {
		if len(r.it.namesOf(v)) > 0 {
			return true
		}
	}
	return false
}

func (r *renderer) renderNames(n *namesNode) {
	vars := r.liveVars(n.variables)
	// Names never count as rendered here: the names themselves do it.
	r.tip().variableAttempt = true
	ns := &r.names
	if n.singleton {
		if r.canSubstitute() {
			ns.variables = vars
			for _, v := range vars {
				if len(r.it.namesOf(v)) > 0 {
					r.setCanSubstitute(false)
					break
				}
			}
		}
		ns.labelled = len(n.variables) > 0
		return
	}
	r.canSubst = append(r.canSubst, true)
	r.nameNodeChildren = cleared(r.nameNodeChildren)
	// init
	r.namesetBase += r.namesetOffset
	r.namesetOffset = 0
	if r.termPredecessor {
		r.subsequentAuthorOK = false
	}
	ns.names = n
	ns.variables = vars
	ns.hasNames = false
	r.renderedName, r.renderedNameOK = nil, true
	r.labelBlob = nil
	for _, v := range vars {
		if len(r.it.namesOf(v)) > 0 {
			ns.hasNames = true
		}
	}
	r.tip().variableAttempt = true
	ns.labelled = len(vars) > 0
	// the name, et-al and institution children configure
	ns.etal = n.etal
	ns.etalTerm = "et-al"
	if n.etal != nil && n.etal.term != "" {
		ns.etalTerm = n.etal.term
	}
	if n.name != nil {
		ns.name = n.name
		r.configureName(n.name)
	}
	if n.institution != nil {
		ns.inst = n.institution
		r.configureInstitution(n.institution)
	}
	if n.hasSubst && !ns.hasNames {
		r.canBlockSubst = true
		r.nodes(n.substitute)
	}
	r.outputNames(n)
	popped := r.canSubst[len(r.canSubst)-1]
	r.canSubst = r.canSubst[:len(r.canSubst)-1]
	if !popped {
		r.setCanSubstitute(false)
	}
	if len(r.canSubst) == 1 {
		r.canBlockSubst = false
	}
	r.subsequentSubstitute()
}

// startsRomanesque is citeproc-js's STARTSWITH_ROMANESQUE_REGEXP.
func startsRomanesque(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		return r == '&' || isRomanesqueLetter(r)
	}
	return false
}

// configureName is the <name> element's part of the run: the "and" and
// delimiter joins.
func (r *renderer) configureName(nn *nameNode) {
	ns := &r.names
	o := r.nameOpts(nn)
	ns.nameDelimiter = o.delimiter
	andAttr := o.and
	andTerm := ""
	switch andAttr {
	case "text":
		andTerm = r.term("and", "long", 0)
	case "symbol":
		andTerm = "&"
	}
	ns.andTerm = andTerm
	prefSingle, prefMultiple, suffix := "", "", ""
	if startsRomanesque(andTerm) {
		prefSingle, prefMultiple, suffix = " ", ns.nameDelimiter, " "
	}
	switch o.delimiterPrecedesLast {
	case "always":
		prefSingle = ns.nameDelimiter
	case "never":
		if prefMultiple != "" {
			prefMultiple = " "
		}
	case "after-inverted-name":
		if prefSingle != "" {
			prefSingle = ns.nameDelimiter
		}
		if prefMultiple != "" {
			prefMultiple = " "
		}
	}
	if andAttr != "" {
		r.pendText(&ns.andSingle, andTerm, emptyToken, prefSingle, suffix, false)
		r.pendText(&ns.andMultiple, andTerm, emptyToken, prefMultiple, suffix, false)
	} else if ns.nameDelimiter != "" {
		ns.andSingle = pendingText{set: true, plain: true, text: ns.nameDelimiter}
		ns.andMultiple = pendingText{set: true, plain: true, text: ns.nameDelimiter}
	} else {
		ns.andSingle, ns.andMultiple = pendingText{}, pendingText{}
	}
}

func (r *renderer) configureInstitution(in *institutionNode) {
	ns := &r.names
	delim, ok := in.attrs["delimiter"]
	if !ok {
		delim = ns.nameDelimiter
	}
	andTerm := ""
	hasTerm := false
	andAttr, hasAnd := in.attrs["and"]
	if !hasAnd {
		andAttr = r.a.and
	}
	switch andAttr {
	case "text":
		andTerm, hasTerm = r.term("and", "long", 0), true
	case "symbol":
		andTerm, hasTerm = "&", true
	case "none":
		andTerm, hasTerm = delim, true
	}
	if !hasTerm && ns.andTerm != "" {
		andTerm, hasTerm = ns.andTerm, true
	}
	prefSingle, prefMultiple, suffix := "", "", ""
	if startsRomanesque(andTerm) {
		prefSingle, prefMultiple, suffix = " ", delim, " "
	}
	switch in.attrs["delimiter-precedes-last"] {
	case "always":
		prefSingle = delim
	case "never":
		if prefMultiple != "" {
			prefMultiple = " "
		}
	}
	if hasTerm {
		r.pendText(&ns.instAndSingle, andTerm, emptyToken, prefSingle, suffix, false)
		r.pendText(&ns.instAndMulti, andTerm, emptyToken, prefMultiple, suffix, false)
	} else {
		ns.instAndSingle = pendingText{set: true, plain: true, text: delim}
		ns.instAndMulti = pendingText{set: true, plain: true, text: delim}
	}
}

// cloneBlob deep-copies a blob (citeproc-js copies join blobs through
// JSON before using them).
func cloneBlob(b *blob) *blob {
	if b == nil {
		return nil
	}
	c := *b
	c.decorations = append([]decoration(nil), b.decorations...)
	c.alldecor, c.shared = b.linkDecor(), false
	c.own = decorLink{}
	if b.kids != nil {
		c.kids = make([]*blob, len(b.kids))
		for i, k := range b.kids {
			c.kids[i] = cloneBlob(k)
		}
	}
	if b.num != nil {
		n := *b.num
		c.num = &n
	}
	return &c
}

// outputNames renders the names of the current variables (citeproc-js's
// outputNames).
func (r *renderer) outputNames(n *namesNode) {
	ns := &r.names
	variables := ns.variables
	nn := ns.name
	if nn == nil {
		ns.variables = nil
		return
	}
	o := r.nameOpts(nn)
	form := o.form
	etalMin, hasEtalMin := o.etAlMin, o.hasEtAlMin
	etalFirst, hasEtalFirst := o.etAlUseFirst, o.hasEtAlUseFirst
	etalLast := o.etAlUseLast
	if r.justLooking {
		// An ambiguous cite is a subsequent one (citeproc-js's
		// getAmbiguousCite), so items are told apart as their later
		// cites print them: with et-al-subsequent-min and
		// et-al-subsequent-use-first where the style has them.
		if o.etAlSubsequentMin > 0 {
			etalMin, hasEtalMin = o.etAlSubsequentMin, true
		}
		if o.etAlSubsequentUseFirst > 0 {
			etalFirst, hasEtalFirst = o.etAlSubsequentUseFirst, true
		}
		// citeproc-js's getEtAlConfig never reads et-al-use-last for
		// a cite with a position: the names it counts leave the last
		// out.
		etalLast = false
	}
	if r.sortKey {
		// a key's names-min, names-use-first and names-use-last
		// override the style's
		if r.sortNames.namesMin > 0 {
			etalMin, hasEtalMin = r.sortNames.namesMin, true
		}
		if r.sortNames.namesFirst > 0 {
			etalFirst, hasEtalFirst = r.sortNames.namesFirst, true
		}
		if r.sortNames.namesLast != "" {
			etalLast = r.sortNames.namesLast == "true"
		}
	}

	etalStyle := emptyToken
	if ns.etal != nil {
		etalStyle = &ns.etal.tok
	}
	etalTerm := r.term(ns.etalTerm, "long", 0)
	prefSingle, prefMultiple := " ", ns.nameDelimiter
	switch o.delimiterPrecedesEtAl {
	case "always":
		prefSingle = ns.nameDelimiter
	case "never":
		prefMultiple = " "
	case "after-inverted-name":
		prefSingle, prefMultiple = ns.nameDelimiter, " "
	}
	if !startsRomanesque(etalTerm) {
		if prefSingle == " " {
			prefSingle = ""
		}
		if prefMultiple == " " {
			prefMultiple = ""
		}
	}
	// Names elements without names are most of an entry's: they have
	// nothing to join, and only do what setting up the words does.
	var etSingle, etMultiple pendingText
	if r.anyNames(variables) {
		r.pendText(&etSingle, etalTerm, etalStyle, prefSingle, "", true)
		r.pendText(&etMultiple, etalTerm, etalStyle, prefMultiple, "", true)
	} else {
		r.pendState(etalTerm)
	}

	namesCount := 0
	// citeproc-js's divideAndTransliterateNames, disambigNames and
	// constrainNames: each variable with names is a nameset whose
	// position indexes the disambiguation settings.
	for _, v := range variables {
		if len(r.it.namesOf(v)) > 0 {
			r.namesetOffset++
		}
	}
	hasInitWith := o.hasInitializeWith
	for i, v := range variables {
		r.disambigNames(r.it.namesOf(v), r.namesetBase+i, form, hasInitWith)
	}
	// per holds each variable's names; a variable named twice renders
	// the names its last place gave it, twice (lastOf).
	var perSpace [4]varNames
	per := perSpace[:0]
	if len(variables) > len(perSpace) {
		per = make([]varNames, 0, len(variables))
	}
	lastOf := func(i int) int {
		for j := len(variables) - 1; j > i; j-- {
			if variables[j] == variables[i] {
				return j
			}
		}
		return i
	}
	for i, v := range variables {
		vals := r.it.namesOf(v) // only read, and cut to a copy
		per = append(per, varNames{list: vals, count: len(vals)})
		vn := &per[i]
		if len(vals) == 0 {
			continue
		}
		pos := r.namesetBase + i
		r.namesMax = append(r.namesMax, len(vals))
		disc := etalMin
		requested := false
		switch {
		case r.justLooking || r.sortKey:
			if n := r.request.name(pos); r.request != nil && n != 0 {
				disc, requested = n, true
			} else if etalMin > 0 && vn.count >= etalMin {
				disc = etalFirst
			}
		default:
			// A lone entry's citation may have shown more names than
			// etalFirst (n below); that changes nothing when the
			// nameset is shorter than et-al-min, where disc ends the
			// same either way.
			if r.lone && r.request != nil && r.p.addNames && !(etalMin > 0 && vn.count < etalMin) {
				r.needRegistry = true
			}
			// Without et-al-use-first (a bibliography given the names
			// its citation added), citeproc-js's comparison with
			// undefined is false: the names stay as the area's own
			// et-al settings leave them.
			if n := r.request.name(pos); r.request != nil && hasEtalFirst && n > etalFirst {
				requested = true
				if vn.count < etalMin {
					disc = vn.count
				} else {
					disc = n
				}
			} else if etalMin > 0 && vn.count >= etalMin {
				disc = etalFirst
			}
			if etalLast && hasEtalMin && disc > etalMin-2 {
				disc = etalMin - 2
			}
		}
		sane := etalMin >= etalFirst
		over := (etalMin > 0 || requested) && vn.count > disc
		if disc > vn.count {
			disc = len(vals)
		}
		if sane && over && disc >= 0 {
			if etalLast {
				vn.list = append(vals[:disc:disc], vals[len(vals)-1])
			} else {
				vn.list = vals[:disc]
			}
		}
		if r.settings != nil {
			r.settings.setName(pos, len(vn.list))
			r.settings.padBase()
		}
		namesCount += len(vn.list)
		if len(vn.list) < vn.count {
			if etalLast {
				vn.spec = 2
			} else {
				vn.spec = 1
			}
		}
	}
	if form == "count" {
		if namesCount != 0 {
			r.out.appendText(strconv.Itoa(namesCount), emptyToken, false, false, false)
			r.tip().variableSuccess = true
		}
		ns.variables = nil
		return
	}
	commonTerm := r.commonTerm(n, variables, per)
	var blobSpace [4]*blob
	blobList := blobSpace[:0]
	for i, v := range variables {
		vn := &per[lastOf(i)]
		r.namesPos = r.namesetBase + i
		if len(vn.list) == 0 {
			continue
		}
		if vn.spec == 0 {
			// "et-al" written in the data as a dropping particle of
			// the last name works like et-al-min; citeproc-js tests
			// the name it renders, so a particle read out of the
			// given name ("Anne, et al.") counts.
			for _, nm := range vn.list {
				dp := nm.DroppingParticle
				if nm.Literal == "" {
					dp = r.normalize(nm).dp
				}
				if isEtAlParticle(dp) {
					if etalLast {
						vn.spec = 2
					} else {
						vn.spec = 1
					}
				}
			}
		}
		var renderedSpace [4]*blob
		rendered := renderedSpace[:0]
		for i, nm := range vn.list {
			var b *blob
			if nm.Literal == "" {
				pb := r.personalName(nm, i, form)
				if pb == nil {
					continue
				}
				tok := nn.tok
				b = r.out.wrap(pb, &tok)
			} else {
				b = r.institutionName(nm)
			}
			if b != nil {
				rendered = append(rendered, b)
			}
		}
		var vb *blob
		switch {
		case r.sortKey:
			vb = r.join(rendered, ", ", nil)
		case vn.spec == 1:
			vb = r.joinEtAl(rendered, &etSingle, &etMultiple)
		case vn.spec == 2:
			vb = r.joinEllipsis(rendered)
		default:
			vb = r.joinAnd(rendered)
		}
		if vb == nil {
			continue
		}
		if commonTerm != "" {
			blobList = append(blobList, r.applyLabels(n, vb, commonTerm, vn.count))
			break
		}
		vb = r.applyLabels(n, vb, r.p.vars.name(v), vn.count)
		blobList = append(blobList, vb)
	}
	delim := n.delimiter[r.a.index]
	lvl := r.out.openLevel(emptyToken)
	lvl.delimiter = delim
	for _, b := range blobList {
		r.out.appendLiteral(b)
	}
	r.out.closeLevel()
	b := r.out.pop()
	r.nameNodeTop = b
	tok := n.tok
	r.out.appendBlob(b, &tok)
	if r.termPredecessorName {
		r.termPredecessor = true
	}
	r.collapseAuthor(b)
	ns.variables = nil
}

// varNames are the names of one variable a <names> renders: the list,
// cut for et al.; count, how many the item has; spec, 0 for all of them,
// 1 for et al. after the list, 2 for an ellipsis and the last.
type varNames struct {
	list  []Name
	count int
	spec  int
}

// commonTerm is the term that labels the names of an editor who is
// also the translator, as citeproc-js's setCommonTerm finds it: for a
// <names variable="editor translator"> (in either order) with a label,
// when both have the same names, cut the same way, and the locale has
// the term in the label's form, the names are written once with it
// ("Doe (ed. & trans.)"). It returns "" otherwise.
func (r *renderer) commonTerm(n *namesNode, variables []varID, per []varNames) string {
	if len(variables) != 2 || !n.hasLabel {
		return ""
	}
	a, b := r.p.vars.name(variables[0]), r.p.vars.name(variables[1])
	if !(a == "editor" && b == "translator" || a == "translator" && b == "editor") {
		return ""
	}
	form := ""
	if n.labelBefore != nil {
		form = n.labelBefore.form
	} else {
		form = n.labelAfter.form
	}
	term := "editortranslator"
	if _, ok := r.p.loc.term(term, form, 0, ""); !ok {
		// CSL 1.0.2's name for it; citeproc-js takes either
		term = "editor-translator"
	}
	if t, _ := r.p.loc.term(term, form, 0, ""); t == "" {
		return ""
	}
	x, y := per[0], per[1]
	if x.spec != y.spec || len(x.list) != len(y.list) || len(x.list) == 0 {
		return ""
	}
	for i := range x.list {
		p, q := x.list[i], y.list[i]
		if p.Family != q.Family || p.Given != q.Given || p.Literal != q.Literal || p.Suffix != q.Suffix ||
			p.DroppingParticle != q.DroppingParticle || p.NonDroppingParticle != q.NonDroppingParticle {
			return ""
		}
	}
	return term
}

func isEtAlParticle(s string) bool {
	if len(s) < 4 || !strings.HasPrefix(s, "et") {
		return false
	}
	// /^et.?al[^a-z]$/
	rest := s[2:]
	if !strings.HasPrefix(rest, "al") {
		_, n := firstRuneLen(rest)
		rest = rest[n:]
	}
	if !strings.HasPrefix(rest, "al") {
		return false
	}
	rest = rest[2:]
	if len([]rune(rest)) != 1 {
		return false
	}
	c := []rune(rest)[0]
	return !(c >= 'a' && c <= 'z')
}

func firstRuneLen(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// wrap puts b inside a blob made from tok, on the current level, and
// takes it off again (citeproc-js's append(blob, token); pop()).
func (q *queue) wrap(b *blob, tok *fmtToken) *blob {
	q.appendBlob(b, tok)
	return q.pop()
}

// purgeBlobs drops the nil and empty blobs of bs, in place.
func purgeBlobs(bs []*blob) []*blob {
	out := bs[:0]
	for _, b := range bs {
		if b != nil && !b.empty() {
			out = append(out, b)
		}
	}
	return out
}

// join joins blobs with delim, and final (if any) before the last; nil
// and empty blobs are left out.
func (r *renderer) join(bs []*blob, delim string, final *blob) *blob {
	n := 0
	for _, b := range bs {
		if b != nil && !b.empty() {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	r.out.openLevel(emptyToken)
	i := 0
	for _, b := range bs {
		if b == nil || b.empty() {
			continue
		}
		i++
		if i == n && n >= 2 {
			switch {
			case final != nil:
				r.out.appendBlob(final, emptyToken)
			case n > 2:
				r.out.appendBlob(r.newBlob(nil), emptyToken) // empty, purged later
			}
		}
		if i < n && (final == nil || n > 2 && i < n-1) {
			b.suffix += delim
		}
		r.out.appendBlob(b, emptyToken)
	}
	r.out.closeLevel()
	return r.out.pop()
}

func (r *renderer) joinAnd(bs []*blob) *blob {
	ns := &r.names
	bs = purgeBlobs(bs)
	var final *blob
	if len(bs) > 1 {
		last := bs[len(bs)-1]
		if last.isInstitution {
			final = r.made(&ns.instAndSingle)
			if len(bs) > 2 {
				final = r.made(&ns.instAndMulti)
			}
		} else {
			final = r.made(&ns.andSingle)
			if len(bs) > 2 {
				final = r.made(&ns.andMultiple)
			}
		}
		final = cloneBlob(final)
		final = r.afterInverted(bs, final)
	}
	return r.join(bs, ns.nameDelimiter, final)
}

func (r *renderer) afterInverted(bs []*blob, final *blob) *blob {
	if final == nil || len(bs) < 2 {
		return final
	}
	if r.nameOpts(r.names.name).delimiterPrecedesLast == "after-inverted-name" {
		prev := bs[len(bs)-2]
		if !prev.isText && len(prev.kids) > 0 && prev.kids[0].isInverted {
			final.prefix = r.names.nameDelimiter
		}
	}
	return final
}

func (r *renderer) joinEtAl(bs []*blob, single, multiple *pendingText) *blob {
	ns := &r.names
	bs = purgeBlobs(bs)
	joined := r.join(bs, ns.nameDelimiter, nil)
	var etal *blob
	if len(bs) > 1 {
		etal = r.made(multiple)
	} else if len(bs) == 1 {
		etal = r.made(single)
	}
	tok := ns.name.tok
	lvl := r.out.openLevel(&tok)
	lvl.delimiter = ""
	r.out.appendLiteral(joined)
	r.out.appendLiteral(etal)
	r.out.closeLevel()
	return r.out.pop()
}

func (r *renderer) joinEllipsis(bs []*blob) *blob {
	ns := &r.names
	bs = purgeBlobs(bs)
	var final *blob
	if len(bs) > 1 {
		final = r.newTextBlob("…", nil)
		final.prefix, final.suffix = " ", " "
		if len(bs) > 2 {
			final.prefix = ns.nameDelimiter
		}
		final = r.afterInverted(bs, final)
	}
	return r.join(bs, ns.nameDelimiter, final)
}

func (r *renderer) applyLabels(n *namesNode, b *blob, term string, count int) *blob {
	if !n.hasLabel || !r.names.labelled {
		return b
	}
	plural := 0
	if count > 1 {
		plural = 1
	}
	if n.labelBefore != nil {
		l := n.labelBefore
		switch l.plural {
		case "always":
			plural = 1
		case "never":
			plural = 0
		}
		txt := r.castLabel(&l.baseNode, term, l.form, plural)
		r.out.openLevel(emptyToken)
		r.out.appendText(txt, &l.tok, true, true, false)
		r.out.appendLiteral(b)
		r.out.closeLevel()
		return r.out.pop()
	}
	l := n.labelAfter
	switch l.plural {
	case "always":
		plural = 1
	case "never":
		plural = 0
	}
	txt := r.castLabel(&l.baseNode, term, l.form, plural)
	r.out.openLevel(emptyToken)
	r.out.appendLiteral(b)
	lb := r.out.appendText(txt, &l.tok, true, true, false)
	r.out.pop()
	r.labelBlob = lb
	r.out.appendLiteral(lb)
	r.out.closeLevel()
	return r.out.pop()
}

// normName is a name ready to render: particles parsed, empty parts
// normalised.
type normName struct {
	family, given, dp, ndp, suffix string
	hasNDP, hasDP, hasSuffix       bool
	commaSuffix                    bool
	commaDP                        string
	staticOrdering                 bool
}

// normalized is a name and what normalize made of it.
type normalized struct {
	name Name
	norm normName
}

// normalize returns nm ready to render. The first names of the
// rendering are kept (up to keptNames, searched in order): an entry
// normalises each of its names three times (for the registry's keys,
// its given-name levels and its rendering), and reading particles out
// of a name takes patterns.
func (r *renderer) normalize(nm Name) normName {
	for i := range r.normalized {
		if r.normalized[i].name == nm {
			return r.normalized[i].norm
		}
	}
	n := r.normalizeName(nm)
	if len(r.normalized) < keptNames {
		r.normalized = append(r.normalized, normalized{nm, n})
	}
	return n
}

// keptNames is how many normalised names a rendering keeps.
const keptNames = 32

// normalizeName is normalize, without the names kept.
func (r *renderer) normalizeName(nm Name) normName {
	n := normName{family: nm.Family, given: nm.Given, dp: nm.DroppingParticle, ndp: nm.NonDroppingParticle,
		suffix: nm.Suffix, commaSuffix: nm.CommaSuffix}
	n.hasNDP, n.hasDP, n.hasSuffix = n.ndp != "", n.dp != "", n.suffix != ""
	// citeproc-js's getStaticOrder: family first for a name that asks
	// for it, one in a script written without spaces, and every name of
	// an item whose language is exactly "vi" or "hu" (not "vi-VN").
	// Its getNameParams, which would replace this guess by the
	// locale's name-as-sort-order for the item's language, runs only
	// for transliterated or translated names, which this engine does
	// not make: the original name it renders keeps the guess.
	lang := r.it.lang
	n.staticOrdering = nm.StaticOrdering || romanesqueLevel(n.family, n.given, lang) == 0 || lang == "vi" || lang == "hu"
	if nm.NoParse {
		return n
	}
	noparse := false
	if strings.HasPrefix(n.family, `"`) && strings.HasSuffix(n.family, `"`) && len(n.family) >= 2 {
		n.family = n.family[1 : len(n.family)-1]
		noparse = true
	}
	if !n.hasNDP && n.family != "" && !noparse && n.given != "" {
		parseParticles(&n)
	}
	return n
}

// romanesqueLevel is citeproc-js's _isRomanesque: 0 for a name in a
// script written family-first without spaces (CJK), 1 for mixed, 2 for
// Latin-like.
func romanesqueLevel(family, given, lang string) int {
	ret := 2
	if !hasRomanesque(strings.ReplaceAll(family, `"`, "")) {
		ret = 0
	}
	if ret == 0 && given != "" && startsRomanesque(given) {
		ret = 1
	}
	if ret == 2 {
		top := firstN(lang, 2)
		if top == "ja" || top == "zh" {
			ret = 1
		}
	}
	return ret
}

func (r *renderer) partText(s string, part *namePart) string {
	if s == "" {
		return s
	}
	if r.stripPeriods > 0 || (part != nil && part.stripPeriods) {
		s = strings.ReplaceAll(s, ".", "")
	}
	return s
}

func (r *renderer) partToken(part *namePart) *fmtToken {
	if part == nil {
		return emptyToken
	}
	t := part.tok
	t.prefix, t.suffix = "", ""
	return &t
}

// appendPart renders one part of a name, or nil for a missing part.
func (r *renderer) appendPart(s string, present bool, part *namePart) *blob {
	if !present {
		return nil
	}
	b := r.out.appendText(r.partText(s, part), r.partToken(part), true, true, false)
	r.out.pop()
	return b
}

// setRenderedName records a name as rendered, for
// subsequent-author-substitute.
func (r *renderer) setRenderedName(n Name) {
	if !r.substitutes() {
		return
	}
	r.renderedName = append(r.renderedName, n.NonDroppingParticle+n.Family+n.Given+n.DroppingParticle+n.Suffix+n.Literal)
}

func (r *renderer) personalName(nm Name, i int, form string) *blob {
	r.setRenderedName(nm)
	n := r.normalize(nm)
	if r.sortKey {
		return r.sortName(n, i, form)
	}
	ns := &r.names
	nn := ns.name
	family := r.names.names.family
	given := r.names.names.given

	var dpBlob *blob
	if n.hasDP && isEtAlParticle(n.dp) {
		n.commaDP = ""
	} else {
		dpBlob = r.appendPart(n.dp, n.hasDP, given)
	}
	famBlob := r.appendPart(n.family, true, family)
	ndpBlob := r.appendPart(n.ndp, n.hasNDP, family)

	// given name, initialized or not
	formShort := form != "long"
	o := r.nameOpts(nn)
	initialize := o.initialize
	initWith, hasInitWith := o.initializeWith, o.hasInitializeWith
	level := 2
	switch {
	case formShort:
		level = 0
	case hasInitWith:
		level = 1
	}
	if l := r.settings.given(r.namesPos, i); l > level {
		level = l
	}
	if strings.HasSuffix(r.p.givennameRule, "-with-initials") {
		hasInitWith = true
	}
	var givenBlob *blob
	initLevel := 0
	if level != 0 {
		g := n.given
		if n.family != "" && level == 1 && hasInitWith {
			g = initializeWith(g, initWith, !initialize, r.p.initializeWithHyphen, r.caseCtx())
		}
		givenBlob = r.appendPart(g, true, given)
		initLevel = level
	}
	var sufBlob *blob
	if n.hasSuffix {
		s := n.suffix
		if hasInitWith {
			s = initializeWith(s, initWith, true, r.p.initializeWithHyphen, r.caseCtx())
		}
		s = r.partText(s, family)
		to := ""
		if strings.HasSuffix(s, ".") {
			s, to = s[:len(s)-1], "."
		}
		sufBlob = r.out.appendText(s, emptyToken, true, true, false)
		r.out.pop()
		sufBlob.suffix = to + sufBlob.suffix
	}
	if level == 0 {
		givenBlob, dpBlob, sufBlob = nil, nil, nil
	}
	sortSep := o.sortSeparator
	suffixSep := " "
	if n.commaSuffix {
		suffixSep = ", "
	}
	romanesque := romanesqueLevel(n.family, n.given, r.it.lang)
	hyphenNDP := ndpBlob != nil && hasJoiningPunct(ndpBlob)
	nbsp := " "
	switch firstN(r.p.loc.lang, 2) {
	case "fr", "ru", "cs":
		nbsp = "\u00a0"
	}
	applyAffixes := func(b *blob, part *namePart) {
		if b != nil && part != nil {
			b.prefix, b.suffix = part.tok.prefix, part.tok.suffix
		}
	}
	nso := o.nameAsSortOrder
	var out *blob
	switch {
	case romanesque == 0:
		out = r.join([]*blob{ndpBlob, famBlob, givenBlob}, "", nil)
	case romanesque == 1 || n.staticOrdering:
		merged := r.join([]*blob{ndpBlob, famBlob}, nbsp, nil)
		out = r.join([]*blob{merged, givenBlob}, " ", nil)
	case nso == "all" || (nso == "first" && i == 0):
		if n.given == "Lord" || n.given == "Lady" {
			sortSep = ", "
		}
		if r.p.demote == "always" || r.p.demote == "display-and-sort" {
			second := r.join([]*blob{givenBlob, dpBlob}, n.commaDP+" ", nil)
			second = r.join([]*blob{second, ndpBlob}, " ", nil)
			applyAffixes(second, given)
			applyAffixes(famBlob, family)
			merged := r.join([]*blob{famBlob, second}, sortSep, nil)
			out = r.join([]*blob{merged, sufBlob}, sortSep, nil)
		} else {
			var first *blob
			if hyphenNDP {
				first = r.join([]*blob{ndpBlob, famBlob}, "", nil)
			} else {
				first = r.join([]*blob{ndpBlob, famBlob}, nbsp, nil)
			}
			applyAffixes(first, family)
			second := r.join([]*blob{givenBlob, dpBlob}, n.commaDP+" ", nil)
			applyAffixes(second, given)
			merged := r.join([]*blob{first, second}, sortSep, nil)
			out = r.join([]*blob{merged, sufBlob}, sortSep, nil)
		}
		if out != nil {
			out.isInverted = true
		}
	default:
		if n.hasDP && n.family != "" && !n.hasNDP && dpBlob != nil {
			last := lastRune(n.dp)
			if (last == "'" || last == "ʼ" || last == "’" || last == "-") && dropLast(n.dp) != "de" {
				famBlob = r.join([]*blob{dpBlob, famBlob}, "", nil)
				dpBlob = nil
			}
		}
		var second *blob
		if hyphenNDP {
			second = r.join([]*blob{ndpBlob, famBlob}, "", nil)
			second = r.join([]*blob{dpBlob, second}, nbsp, nil)
		} else {
			second = r.join([]*blob{dpBlob, ndpBlob, famBlob}, nbsp, nil)
		}
		second = r.join([]*blob{second, sufBlob}, suffixSep, nil)
		applyAffixes(second, family)
		applyAffixes(givenBlob, given)
		if second != nil && second.prefix != "" {
			n.commaDP = ""
		}
		space := " "
		if hasInitWith && strings.ContainsAny(initWith, "\u00a0\ufeff") && initLevel == 1 {
			space = nbsp
		}
		out = r.join([]*blob{givenBlob, second}, n.commaDP+space, nil)
	}
	r.tip().variableSuccess = true
	r.setCanSubstitute(false)
	r.termPredecessor = true
	if out != nil {
		r.nameNodeChildren = append(r.nameNodeChildren, out)
	}
	return out
}

func hasJoiningPunct(b *blob) bool {
	if b == nil {
		return false
	}
	if b.isText {
		switch lastRune(b.text) {
		case "’", "'", "-", " ":
			return true
		}
		return false
	}
	if len(b.kids) == 0 {
		return false
	}
	return hasJoiningPunct(b.kids[len(b.kids)-1])
}

func (r *renderer) institutionName(nm Name) *blob {
	ns := &r.names
	r.setRenderedName(nm)
	parts := splitInstitution(nm.Literal)
	var style *baseNode
	if ns.inst != nil && ns.inst.long != nil {
		style = ns.inst.long
	}
	var blobs []*blob
	for _, s := range parts {
		if s == "" {
			continue
		}
		if r.stripPeriods > 0 || (style != nil && style.stripPeriods) {
			s = strings.ReplaceAll(s, ".", "")
		}
		r.tip().variableSuccess = true
		r.setCanSubstitute(false)
		tok := emptyToken
		if style != nil {
			t := style.tok
			tok = &t
		}
		b := r.out.appendText(s, tok, true, true, false)
		r.out.pop()
		blobs = append(blobs, b)
	}
	sep := ns.nameDelimiter
	if ns.inst != nil {
		if v, ok := ns.inst.attrs["part-separator"]; ok {
			sep = v
		}
	}
	one := r.join(blobs, sep, nil)
	b := r.join([]*blob{one}, " ", nil)
	if b != nil {
		b.isInstitution = true
		r.nameNodeChildren = append(r.nameNodeChildren, b)
	}
	return b
}

// splitInstitution splits a literal name at "|" and the space around it
// (institution subunits).
func splitInstitution(s string) []string {
	if !strings.Contains(s, "|") {
		return []string{s}
	}
	parts := strings.Split(s, "|")
	for i := range parts {
		if i > 0 {
			parts[i] = strings.TrimLeftFunc(parts[i], isJSSpace)
		}
		if i < len(parts)-1 {
			parts[i] = strings.TrimRightFunc(parts[i], isJSSpace)
		}
	}
	return parts
}

// sortName is a name in a sort key, as citeproc-js writes it there:
// the given name as the style shows it (initials, or none for a short
// form), family first, parts joined by spaces and the sort separator
// "|".
func (r *renderer) sortName(n normName, i int, form string) *blob {
	o := r.nameOpts(r.names.name)
	initWith, hasInitWith := o.initializeWith, o.hasInitializeWith
	level := 2
	switch {
	case form != "long":
		level = 0
	case hasInitWith:
		level = 1
	}
	if l := r.settings.given(r.namesPos, i); l > level {
		level = l
	}
	if strings.HasSuffix(r.p.givennameRule, "-with-initials") {
		hasInitWith = true
	}
	// At level 0 citeproc-js's given-name blob is false, and the
	// dropping particle and suffix go with it; an empty given name's
	// blob is "", which is not false, so they stay ("Zu von Jr.").
	given, dp, suffix := "", n.dp, n.suffix
	switch {
	case level == 0:
		dp, suffix = "", ""
	case n.family != "" && level == 1 && hasInitWith:
		given = initializeWith(n.given, initWith, !o.initialize, r.p.initializeWithHyphen, r.caseCtx())
	default:
		given = n.given
	}
	if suffix != "" && hasInitWith {
		suffix = initializeWith(suffix, initWith, true, r.p.initializeWithHyphen, r.caseCtx())
	}
	key := r.sortNameKey(n, given, dp, suffix)
	r.tip().variableSuccess = true
	r.setCanSubstitute(false)
	return r.newTextBlob(key, nil)
}

// sortNameKey is a personal name n in citeproc-js's sort order, with
// the given name, dropping particle and suffix as its form keeps them:
// family name first, particles after the given name unless the style
// never demotes them.
func (r *renderer) sortNameKey(n normName, given, dp, suffix string) string {
	join := func(sep string, parts ...string) string {
		out := ""
		for _, p := range parts {
			if p == "" {
				continue
			}
			if out != "" {
				out += sep
			}
			out += p
		}
		return out
	}
	nbsp := " "
	switch firstN(r.p.loc.lang, 2) {
	case "fr", "ru", "cs":
		nbsp = "\u00a0"
	}
	var key string
	switch romanesque := romanesqueLevel(n.family, n.given, r.it.lang); {
	case romanesque == 0:
		key = join("", n.ndp, n.family, given)
	case romanesque == 1 || n.staticOrdering:
		key = join(" ", join(nbsp, n.ndp, n.family), given)
	case r.p.demote == "never":
		key = join(" ", join(sortSep, join(" ", join(nbsp, n.ndp, n.family), dp), given), suffix)
	default:
		key = join(" ", join(sortSep, n.family, join(" ", given, dp, n.ndp)), suffix)
	}
	return key
}

// sortSep is citeproc-js's separator of sort-key parts: a symbol, so
// that collation does not ignore it as it ignores spaces and
// punctuation.
const sortSep = "|"

package csl

import "slices"

// The registry is citeproc-js's: the items of a bibliography (or the one
// item of an entry or citation), their disambiguation settings and their
// order. Disambiguation follows citeproc-js's CSL.Disambiguation step by
// step, quirks included, because its results show in the output: the
// names a citation adds (disambiguate-add-names) are shown in the
// bibliography too, and year suffixes go to clashing items in
// bibliography order.

// ambigConfig is citeproc-js's AmbigConfig: how many names each nameset
// of an item's citation shows, how much of each given name, the year
// suffix and how many disambiguate="true" conditions pass.
type ambigConfig struct {
	names        []int   // 0: unset
	givens       [][]int // -1: unset
	yearSuffix   int     // -1: none
	disambiguate int
}

func newAmbigConfig() *ambigConfig { return &ambigConfig{yearSuffix: -1} }

func (c *ambigConfig) clone() *ambigConfig {
	d := &ambigConfig{names: slices.Clone(c.names), yearSuffix: c.yearSuffix, disambiguate: c.disambiguate}
	d.givens = cloneGivens(c.givens)
	return d
}

// cloneGivensInto copies g into dst, reusing the arrays dst has room
// for.
func cloneGivensInto(dst [][]int, g [][]int) [][]int {
	for i, x := range g {
		if i < cap(dst) {
			dst = dst[:i+1]
			dst[i] = append(dst[i][:0], x...)
		} else {
			dst = append(dst, slices.Clone(x))
		}
	}
	return dst
}

func cloneGivens(g [][]int) [][]int {
	out := make([][]int, len(g))
	for i, x := range g {
		out[i] = slices.Clone(x)
	}
	return out
}

func (c *ambigConfig) name(pos int) int {
	if c != nil && pos >= 0 && pos < len(c.names) {
		return c.names[pos]
	}
	return 0
}

func (c *ambigConfig) setName(pos, v int) {
	for len(c.names) <= pos {
		c.names = append(c.names, 0)
	}
	c.names[pos] = v
}

func (c *ambigConfig) given(pos, i int) int {
	if c != nil && pos < len(c.givens) && i < len(c.givens[pos]) {
		return c.givens[pos][i]
	}
	return -1
}

// padBase is citeproc-js's padBase: a given-name level for every name
// shown.
func (c *ambigConfig) padBase() {
	for i, n := range c.names {
		for len(c.givens) <= i {
			c.givens = append(c.givens, nil)
		}
		for j := 0; j < n; j++ {
			if j >= len(c.givens[i]) {
				c.givens[i] = append(c.givens[i], 0)
			} else if c.givens[i][j] <= 0 {
				c.givens[i][j] = 0
			}
		}
	}
}

// regItem is a registry token.
type regItem struct {
	data     *itemData
	seq      int
	ambig    string
	disambig *ambigConfig
	sortkeys []sortValue
}

type registry struct {
	pr         *Processor
	mylist     []*regItem
	byID       map[string]*regItem
	names      *nameReg
	ambigcites map[string][]*regItem
	touched    []string // ambiguity keys in the order first seen
	reflist    []*regItem
	// numbersDescending: citation numbers count down the bibliography
	// (area.numbersDescending).
	numbersDescending bool

	// from the last ambiguous cite rendered
	disCount, disMaxMax int

	cmp *sortComparer // made when first needed
}

// comparer returns the registry's sort comparer, made once: a collator
// is costly to make, and not safe for concurrent use.
func (reg *registry) comparer() *sortComparer {
	if reg.cmp == nil {
		reg.cmp = reg.pr.sortComparer()
	}
	return reg.cmp
}

// newRegistry registers items as citeproc-js's updateItems does: each
// item's ambiguous citation, its sort keys, disambiguation, then the
// bibliography order. An item whose ID repeats an earlier one's
// replaces it.
func (pr *Processor) newRegistry(items []*itemData) *registry {
	reg := &registry{pr: pr, byID: map[string]*regItem{}, ambigcites: map[string][]*regItem{},
		names: newNameReg(pr.p.givennameRule)}
	// citeproc-js keeps the last of several equal IDs, in its place.
	last := map[string]int{}
	for i, it := range items {
		last[it.id] = i
	}
	for i, it := range items {
		if last[it.id] != i {
			continue
		}
		tok := &regItem{data: it}
		reg.mylist = append(reg.mylist, tok)
	}
	// doinserts
	for _, tok := range reg.mylist {
		res := reg.ambiguousCite(tok, nil)
		reg.byID[tok.data.id] = tok
		reg.registerAmbig(res.cite, tok, res.settings.clone())
		if !slices.Contains(reg.touched, res.cite) {
			reg.touched = append(reg.touched, res.cite)
		}
	}
	// rebuildlist
	for i, tok := range reg.mylist {
		tok.seq = i + 1
	}
	// setsortkeys
	keys := pr.p.bibliography != nil && len(pr.p.bibliography.sortKeys) > 0
	// A lone item's sort keys only register its names, which matters
	// only when two of them share a family name.
	if keys && (len(reg.mylist) > 1 || len(reg.mylist) == 1 && needsNameReg(reg.mylist[0].data)) {
		for _, tok := range reg.mylist {
			tok.sortkeys = pr.sortKeys(reg, tok)
		}
	}
	// setdisambigs
	d := &disambiguator{reg: reg}
	d.configModes()
	for _, akey := range reg.touched {
		d.run(akey)
	}
	// sorttokens and renumber
	reg.reflist = slices.Clone(reg.mylist)
	if keys && len(reg.mylist) > 1 {
		cmp := reg.comparer()
		slices.SortStableFunc(reg.reflist, func(a, b *regItem) int { return cmp.compare(a, b) })
	}
	for i, tok := range reg.reflist {
		tok.seq = i + 1
	}
	reg.numbersDescending = keys && pr.p.bibliography.numbersDescending
	return reg
}

// number is tok's citation number: its place in the bibliography, or,
// in a bibliography sorted by citation-number descending, counted from
// the end (citeproc-js's citation_number_map).
func (reg *registry) number(tok *regItem) int {
	if reg.numbersDescending {
		return len(reg.reflist) - tok.seq + 1
	}
	return tok.seq
}

func (reg *registry) registerAmbig(akey string, tok *regItem, c *ambigConfig) {
	if !slices.Contains(reg.ambigcites[akey], tok) {
		reg.ambigcites[akey] = append(reg.ambigcites[akey], tok)
	}
	tok.ambig = akey
	tok.disambig = c.clone()
}

// ambigResult is what citeproc-js keeps of an ambiguous cite.
type ambigResult struct {
	cite     string
	settings *ambigConfig
	maxNames []int
}

// ambiguousCite renders tok's citation the way citeproc-js's
// getAmbiguousCite does: as a subsequent cite, without decorations or
// year suffix, with the disambiguation settings given (or the item's
// own once it is registered), which the rendering updates.
func (reg *registry) ambiguousCite(tok *regItem, disambig *ambigConfig) ambigResult {
	pr := reg.pr
	r := pr.newRenderer(pr.p.citation, tok.data, true)
	r.justLooking = true
	r.reg = reg.names
	r.regItem = reg.byID[tok.data.id]
	switch {
	case disambig != nil:
		r.request, r.settings = disambig, disambig
	case r.regItem != nil:
		r.request, r.settings = r.regItem.disambig, r.regItem.disambig
	default:
		r.settings = newAmbigConfig()
	}
	r.runLayout()
	purgeEmpty(r.out.top)
	w := &writer{r: r, f: Text, citation: true, plain: true}
	var s string
	if len(r.out.top.kids) > 0 {
		adjustPunctuation(r.out.top.kids[0], pr.p.loc.punctuationInQuote)
		s = w.str(w.renderPieces(w.render(r.out.top.kids, nil), "", nil))
	}
	reg.disCount, reg.disMaxMax = r.disambigCount, r.disambigMaxMax
	return ambigResult{cite: s, settings: r.settings, maxNames: r.namesMax}
}

// disambiguator is citeproc-js's CSL.Disambiguation.
type disambiguator struct {
	reg   *registry
	modes []string

	akey             string
	lists            []ambigList
	base, betterbase *ambigConfig
	maxNames         map[*regItem][]int
	item             *regItem
	partners         []*regItem
	nonpartners      []*regItem
	clashes          [2]int
	modeindex        int
	listpos          int
	gnameset, gname  int
	namesMax         int
	hasNamesMax      bool
	givensMax        int
	hasGivensMax     bool
	namesetsMax      int
	initGivens       bool
}

type ambigList struct {
	base  *ambigConfig
	items []*regItem
}

func (d *disambiguator) configModes() {
	p := d.reg.pr.p
	if p.addNames || (p.addGivenname && p.givennameRule == "by-cite") {
		d.modes = append(d.modes, "names")
	}
	if p.addYearSuffix {
		d.modes = append(d.modes, "years")
	}
	if p.hasDisambiguate {
		d.modes = append(d.modes, "extra")
	}
}

func (d *disambiguator) run(akey string) {
	if len(d.modes) == 0 {
		return
	}
	d.akey = akey
	if d.initVars(akey) {
		d.runDisambig()
	}
}

func (d *disambiguator) runDisambig() {
	d.initGivens = true
	for len(d.lists) > 0 {
		d.gnameset, d.gname = 0, 0
		d.clashes = [2]int{1, 0}
		for len(d.lists[0].items) > 0 {
			d.listpos = 0
			if d.base == nil {
				d.base = d.lists[0].base
			}
			ismax := d.incrementDisambig()
			d.scanItems(d.lists[0])
			d.evalScan(ismax)
		}
		d.lists = d.lists[1:]
	}
}

func (d *disambiguator) scanItems(list ambigList) {
	d.item = list.items[0]
	cite := d.reg.ambiguousCite(d.item, d.base).cite
	d.partners = []*regItem{d.item}
	d.nonpartners = nil
	clashes := 0
	for _, other := range list.items[1:] {
		if d.reg.ambiguousCite(other, d.base).cite == cite {
			clashes++
			d.partners = append(d.partners, other)
		} else {
			d.nonpartners = append(d.nonpartners, other)
		}
	}
	d.clashes[0] = d.clashes[1]
	d.clashes[1] = clashes
}

func (d *disambiguator) setList(i int, l ambigList) {
	if i < len(d.lists) {
		d.lists[i] = l
	} else {
		d.lists = append(d.lists, l)
	}
}

func (d *disambiguator) evalScan(maxed bool) {
	switch d.modes[d.modeindex] {
	case "names":
		d.disNames(maxed)
	case "years":
		d.disYears()
	case "extra":
		d.disExtraText()
	}
	if maxed {
		if d.modeindex < len(d.modes)-1 {
			d.modeindex++
		} else {
			d.setList(d.listpos+1, ambigList{base: d.base})
		}
	}
}

func (d *disambiguator) register(tok *regItem, c *ambigConfig) {
	d.reg.registerAmbig(d.akey, tok, c)
}

func (d *disambiguator) disNames(ismax bool) {
	switch {
	case d.clashes[1] == 0 && len(d.nonpartners) == 1:
		d.captureStepToBase()
		d.register(d.nonpartners[0], d.betterbase)
		d.register(d.partners[0], d.betterbase)
		d.lists[d.listpos] = ambigList{base: d.betterbase}
	case d.clashes[1] == 0:
		d.captureStepToBase()
		d.register(d.partners[0], d.betterbase)
		d.lists[d.listpos] = ambigList{base: d.betterbase, items: d.nonpartners}
		if len(d.nonpartners) > 0 {
			d.initGivens = true
		}
	case len(d.nonpartners) == 1:
		d.captureStepToBase()
		d.register(d.nonpartners[0], d.betterbase)
		d.lists[d.listpos] = ambigList{base: d.betterbase, items: d.partners}
	case d.clashes[1] < d.clashes[0]:
		d.captureStepToBase()
		d.lists[d.listpos] = ambigList{base: d.betterbase, items: d.partners}
		d.lists = append(d.lists, ambigList{base: d.betterbase, items: d.nonpartners})
	default:
		if ismax {
			d.lists[d.listpos] = ambigList{base: d.betterbase, items: d.nonpartners}
			d.lists = append(d.lists, ambigList{base: d.betterbase, items: d.partners})
			if d.modeindex == len(d.modes)-1 {
				for _, p := range d.partners {
					d.register(p, d.betterbase)
				}
				d.lists[d.listpos] = ambigList{base: d.betterbase}
			}
		}
	}
}

func (d *disambiguator) disExtraText() {
	done := d.clashes[1] == 0 && len(d.nonpartners) < 2
	count, maxMax := d.reg.disCount, d.reg.disMaxMax
	if !done && (d.base.disambiguate == 0 || count != maxMax) {
		d.modeindex = 0
		d.base.disambiguate = count
		d.betterbase.disambiguate = count
		if d.base.disambiguate == 0 {
			d.initGivens = true
			d.base.disambiguate = 1
		} else {
			d.disNames(false)
		}
		return
	}
	if done || d.modeindex == len(d.modes)-1 {
		base := d.lists[d.listpos].base
		for _, tok := range d.lists[d.listpos].items {
			d.register(tok, base)
		}
		d.lists[d.listpos] = ambigList{base: d.betterbase}
		return
	}
	d.modeindex = len(d.modes) - 1
	base := d.lists[d.listpos].base
	base.disambiguate = 1
	for _, tok := range d.lists[d.listpos].items {
		d.register(tok, base)
	}
}

func (d *disambiguator) disYears() {
	var tokens []*regItem
	base := d.lists[d.listpos].base
	if d.clashes[1] != 0 {
		for _, tok := range d.reg.mylist {
			if slices.Contains(d.lists[d.listpos].items, tok) {
				tokens = append(tokens, tok)
			}
		}
	}
	cmp := d.reg.comparer()
	slices.SortStableFunc(tokens, func(a, b *regItem) int { return cmp.compare(a, b) })
	for pos, tok := range tokens {
		base.yearSuffix = pos
		d.register(tok, base)
	}
	d.lists[d.listpos] = ambigList{base: d.betterbase}
}

func (d *disambiguator) incrementDisambig() bool {
	if d.initGivens {
		d.initGivens = false
		return false
	}
	maxed := false
	if d.modes[d.modeindex] == "names" {
		incNames := !d.hasGivensMax
		incNamesets := !d.hasNamesMax
		if d.hasGivensMax {
			if len(d.base.givens) > 0 && d.base.given(d.gnameset, d.gname) < d.givensMax && d.base.given(d.gnameset, d.gname) >= 0 {
				d.base.givens[d.gnameset][d.gname]++
			} else {
				incNames = true
			}
		}
		if d.hasNamesMax && incNames {
			if d.reg.pr.p.addNames {
				incNamesets = false
				if d.gname < d.namesMax {
					d.base.setName(d.gnameset, d.base.name(d.gnameset)+1)
					d.gname++
				} else {
					incNamesets = true
				}
			} else {
				incNamesets = true
			}
		}
		if incNamesets && d.gnameset < d.namesetsMax {
			d.gnameset++
			d.base.setName(d.gnameset, 1)
			d.gname = 0
		}
		g := d.base.given(d.gnameset, d.gname)
		if (d.namesetsMax == -1 || d.gnameset == d.namesetsMax) &&
			(!d.reg.pr.p.addNames || !d.hasNamesMax || d.gname == d.namesMax) &&
			(!d.hasGivensMax || g < 0 || g == d.givensMax) {
			maxed = true
		}
	} else if d.modes[d.modeindex] == "extra" {
		d.base.disambiguate++
		d.betterbase.disambiguate++
	}
	return maxed
}

func (d *disambiguator) initVars(akey string) bool {
	d.lists = nil
	d.base, d.betterbase = nil, nil
	d.akey = akey
	d.maxNames = map[*regItem][]int{}
	toks := d.reg.ambigcites[akey]
	if len(toks) == 0 {
		return false
	}
	first := toks[0]
	d.getCiteData(first, nil)
	// citeproc-js's getAmbigConfig after the last ambiguous cite, whose
	// settings are the first item's registry settings.
	d.base = first.disambig.clone()
	if len(toks) > 1 {
		type bundle struct {
			max string
			tok *regItem
		}
		bundles := []bundle{{maxString(d.maxNames[first]), first}}
		for _, tok := range toks[1:] {
			d.getCiteData(tok, d.base)
			bundles = append(bundles, bundle{maxString(d.maxNames[tok]), tok})
		}
		// citeproc-js compares the arrays of maximum names with > and
		// <, that is as strings, then the IDs.
		slices.SortStableFunc(bundles, func(a, b bundle) int {
			switch {
			case a.max > b.max:
				return 1
			case a.max < b.max:
				return -1
			case a.tok.data.id > b.tok.data.id:
				return 1
			case a.tok.data.id < b.tok.data.id:
				return -1
			}
			return 0
		})
		var items []*regItem
		for _, b := range bundles {
			items = append(items, b.tok)
		}
		d.lists = append(d.lists, ambigList{base: d.base, items: items})
		d.item = items[0]
	} else {
		d.item = first
	}
	d.modeindex = 0
	if m := d.maxNames[d.item]; len(m) > 0 {
		d.namesMax, d.hasNamesMax = m[0], true
	} else {
		d.hasNamesMax = false
	}
	d.base.padBase()
	d.betterbase.padBase()
	d.base.yearSuffix, d.base.disambiguate = -1, 0
	d.betterbase.yearSuffix, d.betterbase.disambiguate = -1, 0
	d.hasGivensMax = false
	if d.reg.pr.p.givennameRule == "by-cite" && d.reg.pr.p.addGivenname {
		d.givensMax, d.hasGivensMax = 2, true
	}
	return true
}

// maxString is a JavaScript array's string form.
func maxString(m []int) string {
	s := ""
	for i, n := range m {
		if i > 0 {
			s += ","
		}
		s += strconvItoa(n)
	}
	return s
}

func (d *disambiguator) getCiteData(tok *regItem, base *ambigConfig) {
	if _, ok := d.maxNames[tok]; ok {
		return
	}
	res := d.reg.ambiguousCite(tok, base)
	b := res.settings.clone()
	d.maxNames[tok] = res.maxNames
	tok.disambig.givens = cloneGivens(res.settings.givens)
	d.namesetsMax = len(tok.disambig.names) - 1
	if d.base == nil {
		d.base = b
		d.betterbase = b.clone()
	}
	if len(b.names) < len(d.base.names) {
		d.base = b
	}
	for i := range b.names {
		if i < len(d.base.names) && b.names[i] > d.base.names[i] {
			if i < len(b.givens) {
				for len(d.base.givens) <= i {
					d.base.givens = append(d.base.givens, nil)
				}
				d.base.givens[i] = slices.Clone(b.givens[i])
			}
			d.base.names[i] = b.names[i]
			d.betterbase.names = slices.Clone(d.base.names)
			d.betterbase.givens = cloneGivens(d.base.givens)
			d.base.padBase()
			d.betterbase.padBase()
		}
	}
	d.betterbase.givens = cloneGivens(d.base.givens)
}

func (d *disambiguator) captureStepToBase() {
	if d.reg.pr.p.givennameRule == "by-cite" && len(d.base.givens) > 0 {
		if g := d.base.given(d.gnameset, d.gname); g >= 0 {
			if len(d.betterbase.givens) < len(d.base.givens) {
				d.betterbase.givens = cloneGivens(d.base.givens)
			}
			for len(d.betterbase.givens) <= d.gnameset {
				d.betterbase.givens = append(d.betterbase.givens, nil)
			}
			for len(d.betterbase.givens[d.gnameset]) <= d.gname {
				d.betterbase.givens[d.gnameset] = append(d.betterbase.givens[d.gnameset], -1)
			}
			d.betterbase.givens[d.gnameset][d.gname] = g
		}
	}
	d.betterbase.setName(d.gnameset, d.base.name(d.gnameset))
}

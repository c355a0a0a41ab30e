package csl

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A citation cluster is one in-text citation of several items, as
// citeproc-js's processCitationCluster makes it: the items are
// registered together (so they are disambiguated against each other,
// as in a bibliography of them), their cites are sorted by the style's
// <citation><sort>, rendered one after the other in the cluster's
// state (for collapse="year" a cite whose author is the previous one's
// leaves the names out, and for collapse="year-suffix" the year too
// when it repeats the previous cite's, so that year suffixes join:
// "2016a, b", ranged "2016a–c"), joined with the layout delimiter (or
// ", " after a collapsed cite, or the after-collapse-, year-suffix- or
// cite-group-delimiter as citeproc-js's getSpliceDelimiter picks), and
// the layout's prefix, suffix and formatting go once around the whole
// cluster.

// ErrNoItems is returned when a citation is asked of no items: an
// empty citation has no printed form, and citeproc-js has none to
// compare with.
var ErrNoItems = errors.New("csl: no items to cite")

// clusterState is citeproc-js's state.tmp while it renders a cluster:
// what the collapsing of one cite depends on in the cites before it.
type clusterState struct {
	collapse      string // the citation's collapse attribute
	groupDelim    string // cite-group-delimiter
	afterCollapse string // after-collapse-delimiter
	hasAfter      bool
	suffixDelim   string // year-suffix-delimiter
	addYearSuffix bool   // disambiguate-add-year-suffix

	// splice is citeproc-js's tmp.splice_delimiter: the layout
	// delimiter, unless a year suffix that opened the cite put the
	// year-suffix-delimiter in its place.
	splice string
	// yearsUsed are the years the cite's dates rendered, lastYearsUsed
	// those of the cite before: with collapse="year-suffix", a year
	// equal to the previous cite's (by the same author) is left out,
	// "Smith, 2016a, b".
	yearsUsed, lastYearsUsed []int

	lastNames     string // citeproc-js's last_primary_names_string
	hasLastNames  bool
	haveCollapsed bool
	useGroupDelim bool // use_cite_group_delimiter

	// authorstring is set, and names are only recorded, when the
	// names of an ambiguous cite are rendered for the grouped sort.
	authorRequest bool
	authorstring  string
	hasAuthor     bool
}

// newClusterState reads the collapsing options of the style's
// <citation>.
func (pr *Processor) newClusterState() *clusterState {
	cs := &clusterState{addYearSuffix: pr.p.addYearSuffix}
	for _, c := range pr.p.style.root.children {
		if c.name != "citation" {
			continue
		}
		cs.collapse = c.get("collapse")
		cs.groupDelim = c.get("cite-group-delimiter")
		cs.afterCollapse, cs.hasAfter = c.attr("after-collapse-delimiter")
		cs.suffixDelim = c.get("year-suffix-delimiter")
		break
	}
	return cs
}

// grouped reports whether cites of the same author are grouped
// together (citeproc-js's grouped_sort).
func (cs *clusterState) grouped(pr *Processor) bool {
	return pr.p.class == "in-text" && (cs.collapse != "" || cs.groupDelim != "")
}

// collapseAuthor is citeproc-js's NameOutput._collapseAuthor, run
// after a names element has rendered its names into top: in a
// collapsing cluster, names equal to the previous cite's are dropped.
func (r *renderer) collapseAuthor(top *blob) {
	cs := r.cluster
	if cs == nil || top == nil || len(top.kids) == 0 || cs.collapse == "" && cs.groupDelim == "" {
		return
	}
	last := top.kids[len(top.kids)-1]
	w := &writer{r: r, f: Text, citation: true}
	s := w.joinPieces(w.render(last.kids, nil))
	if cs.authorRequest {
		cs.authorstring, cs.hasAuthor = s, true
		return
	}
	if r.justLooking {
		return
	}
	if cs.hasLastNames && s == cs.lastNames {
		if cs.collapse != "" {
			top.kids = top.kids[:len(top.kids)-1]
		}
		if cs.groupDelim != "" {
			cs.useGroupDelim = true
		}
		return
	}
	cs.lastNames, cs.hasLastNames = s, true
	cs.haveCollapsed = false
	if cs.groupDelim != "" {
		cs.useGroupDelim = false
	}
}

// textVariable notes that a text element of variable v ran: as in
// citeproc-js, a cite that renders a variable other than a number or
// year suffix (a title in place of an author, say) is not collapsed.
func (cs *clusterState) textVariable(v varID) {
	if cs == nil {
		return
	}
	switch v {
	case varCitationNumber, varYearSuffix, varCitationLabel, varLocator:
		return
	}
	cs.haveCollapsed = false
}

// yearCollapses reports whether a cite's year that equals the previous
// cite's is left out (citeproc-js's date-part, which remembers the
// years of a cite in years_used).
func (cs *clusterState) yearCollapses() bool {
	return cs != nil && !cs.authorRequest && cs.addYearSuffix &&
		(cs.collapse == "year-suffix" || cs.collapse == "year-suffix-ranged")
}

// dropYear records year as the next year of the cite and reports
// whether it is left out: it repeats the year in the same place of the
// previous cite, and the cite is still collapsing (its names were the
// previous cite's).
func (cs *clusterState) dropYear(year int) bool {
	if !cs.yearCollapses() {
		return false
	}
	cs.yearsUsed = append(cs.yearsUsed, year)
	i := len(cs.yearsUsed) - 1
	return cs.haveCollapsed && i < len(cs.lastYearsUsed) && cs.lastYearsUsed[i] == year
}

// yearSuffix sets up the number blob of a year suffix for joining the
// year suffixes of the cites after it, as citeproc-js's text
// variable="year-suffix" does: "a, b" with the year-suffix-delimiter
// (or cite-group-delimiter) between consecutive letters, "a–c" for
// collapse="year-suffix-ranged". A suffix that is the cite's first
// output makes the year-suffix-delimiter the cite's splice delimiter.
func (cs *clusterState) yearSuffix(r *renderer, b *blob) {
	if cs == nil {
		return
	}
	if cs.suffixDelim != "" {
		b.num.successorPrefix = cs.suffixDelim
	}
	if cs.groupDelim != "" {
		b.num.successorPrefix = cs.groupDelim
	}
	if cs.collapse == "year-suffix-ranged" {
		b.num.rangePrefix = r.term("citation-range-delimiter", "long", 0)
	}
	if cs.suffixDelim == "" || r.sortKey {
		return
	}
	for _, g := range r.groups {
		if !g.variableSuccess && (g.variableAttempt || !g.termIntended) {
			cs.splice = cs.suffixDelim
			return
		}
	}
}

// numberRange makes a citation number b join a range of consecutive
// numbers ("[1–3]") when the style collapses citation numbers.
func (cs *clusterState) numberRange(r *renderer, b *blob) {
	if cs == nil || cs.collapse != "citation-number" {
		return
	}
	b.num.rangePrefix = r.term("citation-range-delimiter", "long", 0)
}

// spliceDelimiter is citeproc-js's getSpliceDelimiter: what goes
// before a cite, after the one before it.
func (pr *Processor) spliceDelimiter(cs *clusterState, lastCollapsed bool) string {
	layout := pr.p.citation.layoutTok.delimiter
	switch {
	case cs.hasAfter:
		if lastCollapsed && !cs.haveCollapsed || !lastCollapsed && !cs.haveCollapsed && cs.collapse != "year-suffix" {
			return cs.afterCollapse
		}
		return layout
	case cs.useGroupDelim:
		return cs.groupDelim
	case cs.haveCollapsed && pr.p.class == "in-text" && cs.collapse != "citation-number":
		return ", "
	}
	return cs.splice
}

// clusterCite is one cite of a cluster with its citation sort keys
// (raw, as citeproc-js compares them before collation).
type clusterCite struct {
	tok  *regItem
	keys []sortValue
}

// citeSortKeys computes tok's citation sort keys, as citeproc-js's
// getSortKeys does for "citation_sort".
func (pr *Processor) citeSortKeys(reg *registry, tok *regItem) []sortValue {
	keys := pr.p.citation.sortKeys
	vals := make([]sortValue, len(keys))
	for k, key := range keys {
		var v sortValue
		switch {
		case key.variable == varCitationNumber:
			v = sortValue{s: fmt.Sprintf("%020d", reg.number(tok)), present: true}
		case key.macro != nil:
			v = pr.macroSortValue(pr.p.citation, reg, tok.data, key)
		default:
			v = pr.sortValue(reg, tok.data, key)
		}
		if v.present {
			v.s = strings.ReplaceAll(v.s, " ", sortSep) + sortSep
		}
		vals[k] = v
	}
	return vals
}

// compareCites is citeproc-js's compareKeys on citation sort keys;
// directions[k] tells whether key k is descending.
func compareCites(cmp *sortComparer, directions []bool, a, b *clusterCite) int {
	collated := func(a, b string) int {
		return cmp.col.CompareString(collationKey(a, cmp.han), collationKey(b, cmp.han))
	}
	for k := range a.keys {
		if k >= len(b.keys) {
			break
		}
		desc := k < len(directions) && directions[k]
		if r := orderSortValues(a.keys[k], b.keys[k], desc, collated); r != 0 {
			return r
		}
	}
	return 0
}

// authorstring renders tok's ambiguous cite to learn its names, for
// the grouped sort (citeproc-js's authorstring_request).
func (pr *Processor) authorstring(reg *registry, tok *regItem) sortValue {
	cs := pr.newClusterState()
	cs.authorRequest = true
	r := pr.newRenderer(pr.p.citation, tok.data, true)
	r.justLooking = true
	r.reg, r.regItem = reg.names, tok
	d := tok.disambig.clone()
	r.request, r.settings = d, d
	r.cluster = cs
	r.runLayout()
	return sortValue{s: cs.authorstring, present: cs.hasAuthor}
}

// sortCites orders a cluster's cites as processCitationCluster does:
// by the citation sort keys, and for a collapsing style with the cites
// of one author kept together, in the place of the author's first.
func (pr *Processor) sortCites(reg *registry, cites []*clusterCite, cs *clusterState) {
	keys := pr.p.citation.sortKeys
	if len(cites) < 2 || len(keys) == 0 {
		return
	}
	var dirs []bool
	for _, k := range keys {
		dirs = append(dirs, k.descending)
	}
	cmp := reg.comparer()
	for _, c := range cites {
		c.keys = pr.citeSortKeys(reg, c.tok)
	}
	less := func(a, b *clusterCite) int { return compareCites(cmp, dirs, a, b) }
	if cs.grouped(pr) {
		for _, c := range cites {
			c.keys = append([]sortValue{pr.authorstring(reg, c.tok)}, c.keys...)
		}
		dirs = append([]bool{false}, dirs...)
		slices.SortStableFunc(cites, less)
		// citeproc-js then replaces the author key by the first
		// normal key of the author's first cite and the position.
		var last, this, key sortValue
		for i, c := range cites {
			if i == 0 || c.keys[0] != last {
				this, key = c.keys[0], c.keys[1]
			}
			s := "undefined"
			if key.present {
				s = key.s
			}
			c.keys[0] = sortValue{s: s + strconvItoa(i), present: true}
			last = this
		}
	}
	slices.SortStableFunc(cites, less)
}

// Cite returns one in-text citation (or note) of all the items
// together, cited for the first time, as citeproc-js's
// processCitationCluster gives it when the items are registered
// together and cited in one cluster: "(Rixx, 2019; Selivanov, 2016a,
// 2016b)" in APA, "[1], [2]" in IEEE. A document that cites several
// works at one place needs this rather than several Citations: the
// items are told apart from each other (year suffixes, added names or
// initials, as in a bibliography of them), the cites are sorted as the
// style's <citation><sort> says, cites by the same author are grouped
// and, with collapse="year", the author is written once; the layout's
// delimiter joins the cites, and its prefix, suffix and formatting go
// once around the whole. Numeric styles number the items in the order
// given. An item whose ID repeats an earlier one's is cited once, in
// the first one's place, with the last one's data. Without items, Cite
// returns ErrNoItems. Cite of one item is its Citation.
func (pr *Processor) Cite(f Format, items ...*Item) (string, error) {
	if err := pr.check(f); err != nil {
		return "", err
	}
	if len(items) == 0 {
		return "", ErrNoItems
	}
	loaded := make([]*itemData, len(items))
	for i, it := range items {
		if it == nil {
			return "", fmt.Errorf("csl: items[%d] is nil", i)
		}
		loaded[i] = pr.p.load(it)
	}
	reg := pr.newRegistry(loaded)
	var cites []*clusterCite
	seen := map[string]bool{}
	for _, d := range loaded {
		if seen[d.id] {
			continue
		}
		seen[d.id] = true
		cites = append(cites, &clusterCite{tok: reg.byID[d.id]})
	}
	cs := pr.newClusterState()
	pr.sortCites(reg, cites, cs)
	return pr.cluster(reg, cites, cs, f), nil
}

// WriteCite writes the citation of the items together (see Cite) to w.
func (pr *Processor) WriteCite(w io.Writer, f Format, items ...*Item) error {
	s, err := pr.Cite(f, items...)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, s)
	return err
}

// cluster renders sorted cites as citeproc-js's getCitationCluster
// does.
func (pr *Processor) cluster(reg *registry, cites []*clusterCite, cs *clusterState, f Format) string {
	a := pr.p.citation
	rs := make([]*renderer, len(cites))
	delims := make([]string, len(cites))
	for pos, c := range cites {
		tok := c.tok
		r := pr.newRenderer(a, tok.data, true)
		r.reg, r.regItem = reg.names, tok
		r.request, r.settings = tok.disambig, tok.disambig
		r.firstPosition = true
		r.citationNumber = reg.number(tok)
		r.cluster = cs
		lastCollapsed := cs.haveCollapsed
		cs.haveCollapsed = cs.collapse != ""
		cs.splice = a.layoutTok.delimiter
		cs.yearsUsed = nil
		r.runLayout()
		cs.lastYearsUsed = cs.yearsUsed
		purgeEmpty(r.out.top)
		rs[pos] = r
		delims[pos] = pr.spliceDelimiter(cs, lastCollapsed)
	}
	suffix := a.layoutTok.suffix
	if s := firstRune(suffix); s == ":" || s == "." || s == ";" || s == "!" || s == "?" {
		suffix = s
	}
	if kids := rs[len(rs)-1].out.top.kids; len(kids) > 0 {
		kids[0].suffix = suffix
	}
	if kids := rs[0].out.top.kids; len(kids) > 0 {
		kids[0].prefix = a.layoutTok.prefix
	}
	// One writer renders every cite, so that the texts of their pieces
	// are in one place.
	w := &writer{f: f, citation: true}
	var objects []piece
	for pos, r := range rs {
		w.r = r
		var composite []piece
		if len(r.out.top.kids) > 0 {
			adjustPunctuation(r.out.top.kids[0], pr.p.loc.punctuationInQuote)
			composite = w.render(r.out.top.kids, nil)
		}
		if len(composite) == 0 {
			if pos == 0 {
				s := w.esc(a.layoutTok.prefix) + "[CSL STYLE ERROR: reference with no printed form.]"
				if pos == len(rs)-1 {
					s += w.esc(a.layoutTok.suffix)
				}
				composite = []piece{w.text(s)}
			} else if pos == len(rs)-1 && len(objects) > 0 {
				if o := &objects[len(objects)-1]; o.isStr() {
					w.appendText(o, w.esc(a.layoutTok.suffix))
				} else {
					o.b.suffix += a.layoutTok.suffix
				}
			}
		}
		buffer := composite
		if len(buffer) > 1 && !buffer[0].isStr() {
			buffer = []piece{w.renderPieces(buffer, "", nil)}
		}
		if len(buffer) > 0 {
			if buffer[0].isStr() {
				if pos > 0 {
					w.prepend(&buffer[0], w.esc(delims[pos]))
				}
			} else if pos > 0 {
				buffer[0].b.num.splicePrefix = delims[pos]
			} else {
				buffer[0].b.num.splicePrefix = ""
			}
		}
		objects = append(objects, buffer...)
	}
	res := w.str(w.renderPieces(objects, "", nil))
	return w.decorateLayout(a, res)
}

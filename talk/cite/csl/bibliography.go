package csl

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// WriteBibliography writes several items as one bibliography, as
// citeproc-js's updateItems and makeBibliography make it: sorted by the
// style's sort keys (in the given order for a style without them),
// numbered in that order for numeric styles, with repeated authors
// replaced when the style asks for it (MLA's "———"), and disambiguated
// as the style's citations are, which shows in the entries: year
// suffixes ("2016a", "2016b") and the names added to tell two items
// apart. Of several items with the same ID, the last one is listed, in
// its place.
//
// For HTML the entries are wrapped in <div class="csl-bib-body">, each
// entry a <div class="csl-entry"> on its own line, as citeproc-js writes
// them; for text each entry is a line.
func (pr *Processor) WriteBibliography(w io.Writer, f Format, items ...*Item) error {
	if err := pr.check(f); err != nil {
		return err
	}
	if pr.p.bibliography == nil {
		return ErrNoBibliography
	}
	loaded := make([]*itemData, len(items))
	for i, it := range items {
		if it == nil {
			return fmt.Errorf("csl: items[%d] is nil", i)
		}
		loaded[i] = pr.p.load(it)
	}
	reg := pr.newRegistry(loaded)
	var b strings.Builder
	if f == HTML {
		b.WriteString("<div class=\"csl-bib-body\">\n")
	}
	subst := &substState{}
	for _, tok := range reg.reflist {
		b.WriteString(pr.entry(reg, tok, f, subst))
	}
	if f == HTML {
		b.WriteString("</div>")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Bibliography is WriteBibliography to a string.
func (pr *Processor) Bibliography(f Format, items ...*Item) (string, error) {
	var b strings.Builder
	err := pr.WriteBibliography(&b, f, items...)
	return b.String(), err
}

// sortValue is one sort key of an item; an absent one sorts last.
type sortValue struct {
	s       string
	present bool
}

// sortKeys computes tok's bibliography sort keys as citeproc-js does:
// words joined by its sort separator, then reduced to what its
// collation compares.
func (pr *Processor) sortKeys(reg *registry, tok *regItem) []sortValue {
	keys := pr.p.bibliography.sortKeys
	vals := make([]sortValue, len(keys))
	for k, key := range keys {
		var v sortValue
		if key.variable == varCitationNumber {
			// the item's place in the input, where its number
			// comes from
			v = sortValue{s: fmt.Sprintf("%020d", tok.seq), present: true}
		} else {
			v = pr.sortValue(reg, tok.data, key)
		}
		if v.present {
			v.s = collationKey(strings.ReplaceAll(v.s, " ", sortSep)+sortSep, hanByRadical(pr.p.loc.lang))
		}
		vals[k] = v
	}
	return vals
}

// sortComparer compares registry tokens as citeproc-js's Comparifier
// does: key by key, then by position in the input.
type sortComparer struct {
	keys []sortKey
	col  *collate.Collator
	han  bool // collationKey's hanByRadical
}

func (pr *Processor) sortComparer() *sortComparer {
	tag, err := language.Parse(pr.p.loc.lang)
	if err != nil {
		tag = language.Und
	}
	c := &sortComparer{col: collate.New(tag, collate.Loose), han: hanByRadical(pr.p.loc.lang)}
	if pr.p.bibliography != nil {
		c.keys = pr.p.bibliography.sortKeys
	}
	return c
}

func (c *sortComparer) compare(a, b *regItem) int {
	for k, key := range c.keys {
		if k >= len(a.sortkeys) || k >= len(b.sortkeys) {
			break
		}
		if r := orderSortValues(a.sortkeys[k], b.sortkeys[k], key.descending, c.col.CompareString); r != 0 {
			return r
		}
	}
	return a.seq - b.seq
}

// orderSortValues is citeproc-js's order of two values of one sort key:
// alike (or both missing), none; a missing value after any other,
// whichever the key's direction; else compare's order, reversed for a
// descending key.
func orderSortValues(va, vb sortValue, descending bool, compare func(a, b string) int) int {
	switch {
	case va.present == vb.present && (!va.present || va.s == vb.s):
		return 0
	case !va.present:
		return 1
	case !vb.present:
		return -1
	}
	r := compare(va.s, vb.s)
	if descending {
		r = -r
	}
	return r
}

// sortValue computes one sort key the way citeproc-js's sort rendering
// does in outline: names as "family given", dates as zero-padded
// numbers, numbers padded, macros rendered as plain text.
func (pr *Processor) sortValue(reg *registry, it *itemData, k sortKey) sortValue {
	if k.macro != nil {
		return pr.macroSortValue(pr.p.bibliography, reg, it, k)
	}
	v := k.variable
	if it.hasNames(v) {
		ns := it.namesOf(v)
		// citeproc-js renders a name variable's key as a long name in
		// sort order, so a particle typed into the family name ("van
		// Rossum") is parsed out and demoted as when it is printed:
		// "Rossum Guido van", not "van Rossum Guido".
		r := pr.newRenderer(pr.p.citation, it, false)
		var parts []string
		for _, nm := range ns {
			if nm.Literal != "" {
				parts = append(parts, nm.Literal)
				continue
			}
			// A name without a given name keeps its particle and suffix
			// ("Zu von Jr."): citeproc-js's given-name blob of "" is
			// not false.
			n := r.normalize(nm)
			parts = append(parts, r.sortNameKey(n, n.given, n.dp, n.suffix))
		}
		return sortValue{s: strings.Join(parts, ", "), present: len(parts) > 0}
	}
	if pr.p.vars.is(v, dateVar) {
		s := strings.Join(dateSortParts(it.date(v), []string{"year", "month", "day"}), "")
		return sortValue{s: s, present: s != ""}
	}
	s := it.field(v)
	if s == "" {
		return sortValue{}
	}
	if pr.p.vars.is(v, numericVar) {
		if n := leadingInt(s); n != "" {
			return sortValue{s: fmt.Sprintf("%020s", n), present: true}
		}
	}
	return sortValue{s: stripMarkup(s), present: true}
}

// macroSortValue renders a sort key made by a macro for area a (the
// bibliography's or the citation's sort), as plain text that citeproc-js
// renders its sort area's output to: the whole output joined as its
// renderBlobs joins it, so that the numbers in it (a page list, a
// volume) take their prefixes, which are "undefined" there.
func (pr *Processor) macroSortValue(a *area, reg *registry, it *itemData, k sortKey) sortValue {
	r := pr.newRenderer(a, it, false)
	r.reg = reg.names
	r.sortKey = true
	r.sortNames = k
	r.out.openLevel(emptyToken)
	r.group(&baseNode{}, true, func() { r.macroBody(k.macro) })
	r.out.closeLevel()
	purgeEmpty(r.out.top)
	w := &writer{r: r, f: Text}
	s := w.str(w.renderPieces(w.render(r.out.top.kids, nil), "", nil))
	if s == "" {
		return sortValue{}
	}
	return sortValue{s: s, present: true}
}

// collationKey removes what citeproc-js's collation (ICU's, with
// ignorePunctuation) ignores: spaces, punctuation, control and format
// characters. Symbols, the sort separator "|" among them, count. Runs
// of ASCII digits are padded to 20 digits, so that they compare by
// value, as with ICU's numeric option (x/text's collate.Numeric puts
// "0|" after "1|"). With han (see hanByRadical), ideographs are
// rewritten so that x/text orders them by radical and stroke count, as
// ICU's root collation does (writeHanRank).
func collationKey(s string, han bool) string {
	var b strings.Builder
	digits := 0
	flush := func(end int) {
		if digits == 0 {
			return
		}
		run := strings.TrimLeft(s[end-digits:end], "0")
		if run == "" {
			run = "0"
		}
		if len(run) < 20 {
			b.WriteString(strings.Repeat("0", 20-len(run)))
		}
		b.WriteString(run)
		digits = 0
	}
	for i, r := range s {
		if r >= '0' && r <= '9' {
			digits++
			continue
		}
		flush(i)
		if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if han && r >= 0x3400 {
			if rank, ok := hanRank(compatIdeograph(r)); ok {
				writeHanRank(&b, rank)
				continue
			}
		}
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

// stripMarkup removes inline HTML tags from a field for sorting.
func stripMarkup(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

package csl

import (
	"iter"
	"regexp"
	"strings"
)

// itemData is an Item as the renderer reads it, after the normalisation
// citeproc-js applies when it loads an item, with its values under the
// numbers of the program's variable table.
type itemData struct {
	id, typ string
	// slot holds, by variable, 1 + the index of the variable's value in
	// vals, or 0 for a variable the item lacks.
	slot []uint16
	vals []varValue
	// otherNames are the name lists of variables the style never names:
	// no element renders them, but they still count among the item's
	// names when the registry could tell two apart (nameKeysShared).
	otherNames [][]Name
	lang       string      // the language field
	typeBit    uint64      // the type's bit (typeBits); 0 for a type CSL does not have
	dates      []dateValue // where the values' dates are
}

// varValue is what an item has of one variable: text, names or a date
// (CSL-JSON keeps the three apart, so a variable may have more than one).
type varValue struct {
	field string
	names []Name
	date  *dateValue
	has   bool // the variable counts as present in a condition (itemData.has)
}

// dateValue is a date split into parts; a part is 0 when absent.
type dateValue struct {
	parts  [2][3]int
	hasEnd bool
	// endSet tells which parts of the end the data gives, 0 among
	// them: citeproc-js collapses a range on the parts its end has, so
	// [[2016],[0]] is the open range "2016–".
	endSet  [3]bool
	season  string
	circa   bool
	literal string
	raw     string
}

func partIndex(name string) int {
	switch name {
	case "year":
		return 0
	case "month":
		return 1
	case "day":
		return 2
	}
	return -1
}

// hasAny reports whether the date has something the given parts (or a
// literal) would render.
func (d *dateValue) hasAny(parts []string) bool {
	if d.literal != "" {
		return true
	}
	for _, p := range parts {
		i := partIndex(p)
		if i < 0 {
			continue
		}
		if d.parts[0][i] != 0 || (d.hasEnd && d.parts[1][i] != 0) {
			return true
		}
	}
	return false
}

// truthy is the date as a JavaScript condition sees it: any part set.
func (d *dateValue) truthy() bool {
	for _, p := range d.parts {
		for _, v := range p {
			if v != 0 {
				return true
			}
		}
	}
	return d.season != "" || d.circa || d.literal != "" || d.raw != ""
}

// value returns the item's value of v, or nil.
func (it *itemData) value(v varID) *varValue {
	if int(v) >= len(it.slot) {
		return nil
	}
	if i := it.slot[v]; i != 0 {
		return &it.vals[i-1]
	}
	return nil
}

// field returns the text of v, "" when the item has none.
func (it *itemData) field(v varID) string {
	if x := it.value(v); x != nil {
		return x.field
	}
	return ""
}

// namesOf returns the names of v.
func (it *itemData) namesOf(v varID) []Name {
	if x := it.value(v); x != nil {
		return x.names
	}
	return nil
}

// hasNames reports whether the item has v as a name variable, even
// one without names (which load leaves out).
func (it *itemData) hasNames(v varID) bool {
	x := it.value(v)
	return x != nil && x.names != nil
}

// date returns the date of v, or nil.
func (it *itemData) date(v varID) *dateValue {
	if x := it.value(v); x != nil {
		return x.date
	}
	return nil
}

// has reports whether v counts as present: text, names, or a date with
// something in it.
func (it *itemData) has(v varID) bool {
	x := it.value(v)
	return x != nil && x.has
}

// nameLists yields the item's lists of names, of every variable.
func (it *itemData) nameLists() iter.Seq[[]Name] {
	return func(yield func([]Name) bool) {
		for i := range it.vals {
			if ns := it.vals[i].names; len(ns) > 0 && !yield(ns) {
				return
			}
		}
		for _, ns := range it.otherNames {
			if !yield(ns) {
				return
			}
		}
	}
}

// at returns the value of v to fill in, adding it if the item lacks it.
func (it *itemData) at(v varID) *varValue {
	if i := it.slot[v]; i != 0 {
		return &it.vals[i-1]
	}
	it.vals = append(it.vals, varValue{})
	it.slot[v] = uint16(len(it.vals))
	return &it.vals[len(it.vals)-1]
}

// setField sets the text of v; "" removes it.
func (it *itemData) setField(v varID, s string) {
	if s == "" {
		if x := it.value(v); x != nil {
			x.field = ""
		}
		return
	}
	it.at(v).field = s
}

var pageSplitRe = regexp.MustCompile(`\s*(?:&|, |-|\x{2013})\s*`)

// load prepares an item for rendering with p. Variables p's style
// never names are left out, but for names (see itemData.otherNames).
func (p *program) load(it *Item) *itemData {
	d := new(itemData)
	p.loadInto(d, it)
	return d
}

// loadInto is load into d, whose arrays it reuses: an itemData that
// nothing holds any longer (see Processor.Entry).
func (p *program) loadInto(d *itemData, it *Item) {
	vars := p.vars
	slot := d.slot
	if cap(slot) >= vars.len() {
		slot = slot[:vars.len()]
		clear(slot)
	} else {
		slot = make([]uint16, vars.len())
	}
	vals := cleared(d.vals)
	if n := len(it.Fields) + len(it.Names) + len(it.Dates) + 3; cap(vals) < n {
		vals = make([]varValue, 0, n)
	}
	nf := readNoteFields(it)
	dates := cleared(d.dates)
	if n := len(it.Dates) + len(nf.dateKeys()); cap(dates) < n {
		dates = make([]dateValue, 0, n)
	}
	typ := it.Type
	if nf != nil && nf.typ != "" {
		typ = nf.typ
	}
	*d = itemData{id: it.ID, typ: typ, typeBit: typeBits[typ], slot: slot, vals: vals, otherNames: cleared(d.otherNames), dates: dates}
	for k, s := range it.Fields {
		if k == "note" && nf != nil {
			s = nf.note
		}
		if s == "" {
			continue
		}
		if v, ok := vars.lookup(k); ok {
			d.at(v).field = s
		}
	}
	names := func(k string, ns []Name) {
		if len(ns) == 0 {
			return
		}
		if v, ok := vars.lookup(k); ok {
			d.at(v).names = ns
		} else {
			d.otherNames = append(d.otherNames, ns)
		}
	}
	for k, ns := range it.Names {
		names(k, ns)
	}
	date := func(k string, date Date) {
		if v, ok := vars.lookup(k); ok {
			// d.dates has room for every date: the pointers stay valid.
			d.dates = append(d.dates, parseDateValue(date))
			d.at(v).date = &d.dates[len(d.dates)-1]
		}
	}
	for k, dt := range it.Dates {
		if _, ok := nf.dateFor(k); !ok {
			date(k, dt)
		}
	}
	if nf != nil {
		for _, f := range nf.fields {
			if v, ok := vars.lookup(f[0]); ok && f[1] != "" {
				d.at(v).field = f[1]
			}
		}
		for k, ns := range nf.names {
			names(k, ns)
		}
		for _, k := range nf.dateKeys() {
			raw, _ := nf.dateFor(k)
			date(k, Date{Raw: raw})
		}
	}
	if lang := d.field(varLanguage); strings.ContainsAny(lang, "<>") {
		if i := strings.IndexAny(lang, "<>"); i >= 0 {
			a, b := lang[:i], lang[i+1:]
			if lang[i] == '<' {
				d.setField(varLanguage, a)
			} else {
				d.setField(varLanguage, b)
			}
		}
	}
	d.lang = d.field(varLanguage)
	if page := d.field(varPage); page != "" {
		parts := pageSplitRe.Split(page, -1)
		if !strings.HasSuffix(parts[0], "\\") {
			d.setField(varPageFirst, parts[0])
		} else {
			d.setField(varPageFirst, page)
		}
	}
	if d.field(varTitleShort) == "" && d.field(varShortTitle) != "" {
		d.setField(varTitleShort, d.field(varShortTitle))
	}
	if d.field(varContainerTitleShort) == "" && d.field(varJournalAbbreviation) != "" {
		d.setField(varContainerTitleShort, d.field(varJournalAbbreviation))
	}
	for i := range d.vals {
		x := &d.vals[i]
		x.has = x.field != "" || len(x.names) > 0 || x.date != nil && x.date.truthy()
	}
}

func parseDateValue(v Date) dateValue {
	if len(v.Parts) == 0 && v.Raw != "" {
		// citeproc-js replaces the whole date with what it reads in
		// the raw text: the date's season, circa and literal go.
		return parseRawDate(v.Raw)
	}
	d := dateValue{season: v.Season, circa: v.Circa, literal: v.Literal, raw: v.Raw}
	parts := v.Parts
	for i, p := range parts {
		if i > 1 {
			break
		}
		for j := 0; j < 3 && j < len(p); j++ {
			d.parts[i][j] = p[j]
			d.endSet[j] = i == 1
		}
		if i == 1 {
			d.hasEnd = true
		}
	}
	return d
}

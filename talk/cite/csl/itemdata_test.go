package csl

import (
	"testing"
)

// TestLoadKeepsVariables holds an item as load numbers it to the item:
// every variable the style names has the item's text, names and date
// (the derived ones aside), and every list of names is still there to
// tell names apart, under a variable the style names or not.
func TestLoadKeepsVariables(t *testing.T) {
	items := testItems(t, "general.json", "fixtures.json", "variants.json")
	// A name variable no style names, which still counts.
	odd := &Item{ID: "odd", Type: "book", Fields: map[string]string{"title": "T", "no-such-field": "x"},
		Names: map[string][]Name{"author": {{Family: "A"}}, "no-such-role": {{Family: "B"}}, "editor": nil}}
	items = append(items, odd)
	pr := styleProcessor(t, "apa", true, nil)
	vars := pr.p.vars
	derived := map[varID]bool{varPageFirst: true, varTitleShort: true, varContainerTitleShort: true, varLanguage: true}
	for _, it := range items {
		d := pr.p.load(it)
		for v := varID(0); int(v) < vars.len(); v++ {
			name := vars.name(v)
			if !derived[v] && d.field(v) != it.Fields[name] {
				t.Errorf("%s: %s is %q, want %q", it.ID, name, d.field(v), it.Fields[name])
			}
			if got, want := len(d.namesOf(v)), len(it.Names[name]); got != want {
				t.Errorf("%s: %s has %d names, want %d", it.ID, name, got, want)
			}
			if date, ok := it.Dates[name]; ok {
				if d.date(v) == nil || *d.date(v) != parseDateValue(date) {
					t.Errorf("%s: %s is %+v, want %+v", it.ID, name, d.date(v), parseDateValue(date))
				}
			} else if d.date(v) != nil {
				t.Errorf("%s: %s has a date it lacks", it.ID, name)
			}
		}
		lists := 0
		for range d.nameLists() {
			lists++
		}
		want := 0
		for _, ns := range it.Names {
			if len(ns) > 0 {
				want++
			}
		}
		if lists != want {
			t.Errorf("%s: %d lists of names, want %d", it.ID, lists, want)
		}
	}
}

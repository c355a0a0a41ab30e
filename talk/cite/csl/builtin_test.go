package csl

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestBuiltinMatchesOfficial renders every talk variant with each
// built-in style and with the official style it stands for, and requires
// the same text and HTML, entries and citations; and so for citations
// and bibliographies of related talks together, which the styles' sort
// keys order and their year suffixes tell apart.
func TestBuiltinMatchesOfficial(t *testing.T) {
	if raceDetector {
		t.Skip("a serial comparison of thousands of entries; .ci/csl/check.sh runs it without -race")
	}
	offLoc := sharedLocale(t)
	items := talkVariants()
	for official, name := range builtinFor {
		t.Run(name, func(t *testing.T) {
			off, err := LoadStyle(os.DirFS(sharedCSL), official+".csl")
			if err != nil {
				t.Fatal(err)
			}
			want, err := New(off, offLoc)
			if err != nil {
				t.Fatal(err)
			}
			bs, err := BuiltinStyle(name)
			if err != nil {
				t.Fatal(err)
			}
			bl, err := BuiltinLocale()
			if err != nil {
				t.Fatal(err)
			}
			for _, variant := range []struct {
				name string
				loc  *Locale
			}{{"official locale", offLoc}, {"built-in locale", bl}} {
				got, err := New(bs, variant.loc)
				if err != nil {
					t.Fatal(err)
				}
				var diffs []string
				for _, it := range items {
					for _, f := range []Format{Text, HTML} {
						w, _ := want.Entry(f, it)
						g, _ := got.Entry(f, it)
						if w != g {
							diffs = append(diffs, fmt.Sprintf("%s entry %s:\n  want %q\n  got  %q", it.ID, f, w, g))
						}
						w, _ = want.Citation(f, it)
						g, _ = got.Citation(f, it)
						if w != g {
							diffs = append(diffs, fmt.Sprintf("%s citation %s:\n  want %q\n  got  %q", it.ID, f, w, g))
						}
					}
				}
				for _, group := range relatedTalks() {
					for _, f := range []Format{Text, HTML} {
						w, _ := want.Cite(f, group...)
						g, _ := got.Cite(f, group...)
						if w != g {
							diffs = append(diffs, fmt.Sprintf("%s cite of %d %s:\n  want %q\n  got  %q", group[0].ID, len(group), f, w, g))
						}
						w, _ = want.Bibliography(f, group...)
						g, _ = got.Bibliography(f, group...)
						if w != g {
							diffs = append(diffs, fmt.Sprintf("%s bibliography of %d %s:\n  want %q\n  got  %q", group[0].ID, len(group), f, w, g))
						}
					}
				}
				if len(diffs) > 0 {
					n := len(diffs)
					if len(diffs) > 6 {
						diffs = diffs[:6]
					}
					t.Errorf("%s with the %s: %d differences from %s:\n%s", name, variant.name, n, official, strings.Join(diffs, "\n"))
				}
			}
		})
	}
}

// relatedTalks are groups of talks cited together, in an order that is
// not the styles' own: an author's two talks of one year, given late one
// first, beside another author's; talks of several years and authors;
// and the same authors in other orders.
func relatedTalks() [][]*Item {
	talk := func(id, family, given, title string, date Date) *Item {
		it := &Item{ID: id, Type: "speech"}
		it.Set("title", title)
		it.SetNames("author", Name{Family: family, Given: given})
		it.Set("event-title", "TinyCon")
		it.SetDate("issued", date)
		return it
	}
	later := talk("later", "Lovelace", "Ada", "Computing Bernoulli numbers", DateOf(2024, 6, 2))
	hopper := talk("hopper", "Hopper", "Grace", "Compilers for everyone", DateOf(2024, 6, 1))
	earlier := talk("earlier", "Lovelace", "Ada", "Notes on the analytical engine", DateOf(2024, 6, 1))
	old := talk("old", "Lovelace", "Ada", "A sketch", DateOf(2019, 0, 0))
	zed := talk("zed", "Zuse", "Konrad", "Plankalkül", DateOf(2018, 3, 0))
	return [][]*Item{
		{later, hopper, earlier},
		{earlier, later},
		{zed, later, old, hopper},
		{hopper, zed},
		{old, earlier, zed, later},
	}
}

package csl

import (
	"testing"
)

// TestLoneEntryMatchesRegistry holds Entry's shortcut (an entry rendered
// without registering its item, when the registry could not change it)
// equal to the entry rendered after registering, for every test item and
// talk variant, in the official and built-in styles, in text and HTML.
func TestLoneEntryMatchesRegistry(t *testing.T) {
	if raceDetector {
		t.Skip("a serial comparison of thousands of entries")
	}
	loc := sharedLocale(t)
	items := testItems(t, "general.json", "fixtures.json", "variants.json")
	items = append(items, talkVariants()...)
	for _, style := range officialStyles {
		for _, variant := range []string{"official", "builtin"} {
			pr := styleProcessor(t, style, variant == "builtin", loc)
			if pr == nil {
				continue
			}
			lone := 0
			for _, it := range items {
				d := pr.p.load(it)
				for _, f := range []Format{Text, HTML} {
					reg := &registry{pr: pr, names: newNameReg(pr.p.givennameRule)}
					got, ok := pr.renderEntry(reg, &regItem{data: d, seq: 1, disambig: newAmbigConfig()}, f, nil, true)
					if !ok {
						continue
					}
					lone++
					full := pr.newRegistry([]*itemData{d})
					if want := pr.entry(full, full.reflist[0], f, nil); got != want {
						t.Errorf("%s %s %s: without the registry\n%q\nwith it\n%q", variant, style, it.ID, got, want)
					}
				}
			}
			t.Logf("%s %s: %d of %d entries rendered without the registry", variant, style, lone, 2*len(items))
		}
	}
}

// TestLazyJoins holds the words that join names, made only when names
// are joined (pendingText), to the words made where names elements set
// them up, for every test item and talk variant, in the official and
// built-in styles: entries, citations and a bibliography, in text and
// HTML.
func TestLazyJoins(t *testing.T) {
	if raceDetector {
		t.Skip("a serial comparison of thousands of renderings")
	}
	loc := sharedLocale(t)
	items := testItems(t, "general.json", "fixtures.json", "variants.json")
	items = append(items, talkVariants()...)
	for _, style := range officialStyles {
		for _, variant := range []string{"official", "builtin"} {
			lazy := styleProcessor(t, style, variant == "builtin", loc)
			if lazy == nil {
				continue
			}
			eager := styleProcessor(t, style, variant == "builtin", loc)
			eager.p.lazyJoins = false
			for _, f := range []Format{Text, HTML} {
				for _, it := range items {
					for _, render := range []func(*Processor) (string, error){
						func(pr *Processor) (string, error) { return pr.Entry(f, it) },
						func(pr *Processor) (string, error) { return pr.Citation(f, it) },
					} {
						got, err := render(lazy)
						want, err2 := render(eager)
						if got != want || (err == nil) != (err2 == nil) {
							t.Errorf("%s %s %s: made when used\n%q\nmade where set up\n%q", variant, style, it.ID, got, want)
						}
					}
				}
				got, err := lazy.Bibliography(f, items...)
				want, err2 := eager.Bibliography(f, items...)
				if got != want || (err == nil) != (err2 == nil) {
					t.Errorf("%s %s: the bibliography differs", variant, style)
				}
			}
		}
	}
}

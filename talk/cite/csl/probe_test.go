package csl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// probeRun is what .ci/csl/probe.mjs writes: each item's entry and
// citation alone, then all the items as one bibliography and as one
// citation cluster, as text and HTML.
type probeRun struct {
	Items        []probeItem `json:"items"`
	Bibliography probePair   `json:"bibliography"`
	Cluster      probePair   `json:"cluster"`
}

type probeItem struct {
	ID       string    `json:"id"`
	Entry    probePair `json:"entry"`
	Citation probePair `json:"citation"`
}

type probePair struct {
	Text string `json:"text"`
	HTML string `json:"html"`
}

// TestProbeStylesMatchCiteproc holds the engine to citeproc-js on small
// hand-written styles that exercise what the five official styles
// barely touch, each over a few hand-written items: testdata/probe/NAME.csl
// formats testdata/probe/NAME.items.json, and testdata/probe/NAME.citeproc.json
// is what citeproc-js 2.4.63 produced from them (recorded with
// `node .ci/csl/probe.mjs NAME.csl locales-en-US.xml NAME.items.json`,
// the official en-US locale). A style named NAME.en-GB.csl is formatted
// in British English instead: the official en-GB locale over the en-US
// one, and recorded with locales-en-GB.xml. A style named NAME.LANG.csl
// for another LANG is formatted in testdata/probe/locales-LANG.xml alone,
// a made-up locale (probe.mjs gives citeproc-js that one for every locale
// it asks for), and recorded with it. Every entry and citation alone, the
// bibliography of all the items and their citation cluster must be the
// same, as text and HTML.
func TestProbeStylesMatchCiteproc(t *testing.T) {
	loc := sharedLocale(t)
	gb, err := LoadLocale(os.DirFS(sharedCSL), "locales-en-GB.xml")
	if err != nil {
		t.Fatal(err)
	}
	styles, err := filepath.Glob(filepath.Join("testdata", "probe", "*.csl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(styles) == 0 {
		t.Fatal("no styles in testdata/probe")
	}
	for _, path := range styles {
		name := strings.TrimSuffix(filepath.Base(path), ".csl")
		t.Run(name, func(t *testing.T) {
			st, err := LoadStyle(os.DirFS(filepath.Dir(path)), name+".csl")
			if err != nil {
				t.Fatal(err)
			}
			locs := []*Locale{loc}
			switch lang := strings.TrimPrefix(filepath.Ext(name), "."); lang {
			case "":
			case "en-GB":
				locs = append(locs, gb)
			default:
				made, err := LoadLocale(os.DirFS(filepath.Dir(path)), "locales-"+lang+".xml")
				if err != nil {
					t.Fatal(err)
				}
				locs = []*Locale{made}
			}
			pr, err := New(st, locs...)
			if err != nil {
				t.Fatal(err)
			}
			items := testItems(t, filepath.Join("probe", name+".items.json"))
			data, err := os.ReadFile(filepath.Join("testdata", "probe", name+".citeproc.json"))
			if err != nil {
				t.Fatal(err)
			}
			var want probeRun
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			var got probeRun
			both := func(fn func(Format) (string, error)) probePair {
				var p probePair
				for _, f := range []Format{Text, HTML} {
					s, err := fn(f)
					if err != nil {
						t.Fatalf("%s: %v", f, err)
					}
					if f == Text {
						p.Text = s
					} else {
						p.HTML = s
					}
				}
				return p
			}
			for _, it := range items {
				p := probeItem{ID: it.ID, Citation: both(func(f Format) (string, error) { return pr.Citation(f, it) })}
				if pr.HasBibliography() {
					p.Entry = both(func(f Format) (string, error) { return pr.Entry(f, it) })
				}
				got.Items = append(got.Items, p)
			}
			if pr.HasBibliography() {
				got.Bibliography = both(func(f Format) (string, error) { return pr.Bibliography(f, items...) })
			}
			got.Cluster = both(func(f Format) (string, error) { return pr.Cite(f, items...) })
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("citeproc-js (-) and the engine (+) differ:\n%s", diff)
			}
		})
	}
}

package csl

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// clusterItemFiles are the items the clusters of testdata/clusters.json
// cite, as .ci/csl/citeproc-cluster.mjs is given them.
var clusterItemFiles = []string{"general.json", "fixtures.json", "cluster-talks.json", "cluster-names.json"}

// citeprocClusters is what .ci/csl/citeproc-cluster.mjs writes.
type citeprocClusters struct {
	Style    string `json:"style"`
	Locale   string `json:"locale"`
	Clusters []struct {
		IDs  []string `json:"ids"`
		Text string   `json:"text"`
		HTML string   `json:"html"`
	} `json:"clusters"`
}

func clusterItems(t *testing.T) map[string]*Item {
	t.Helper()
	byID := map[string]*Item{}
	for _, it := range testItems(t, clusterItemFiles...) {
		byID[it.ID] = it
	}
	return byID
}

func clusterProcessor(t *testing.T, style string) *Processor {
	t.Helper()
	loc := sharedLocale(t)
	return styleProcessor(t, style, false, loc)
}

// TestCiteMatchesCiteproc requires Cite to give, byte for byte,
// citeproc-js's citation of every cluster of testdata/clusters.json in
// the five official styles, as text and HTML (recorded in
// testdata/citeproc/clusters.STYLE.json by .ci/csl/citeproc-cluster.mjs):
// same author in different years and in the same year (year
// suffixes), family names shared (initials added), et al., no date, no
// author, items given out of order, one item, literal names, and
// (testdata/cluster-names.json) particles, CJK family names shared,
// organisations, suffixes, given-only names, 22 authors.
func TestCiteMatchesCiteproc(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skipf("the official styles are not at %s", sharedCSL)
	}
	byID := clusterItems(t)
	for _, style := range officialStyles {
		t.Run(style, func(t *testing.T) {
			want := readClusters(t, style)
			pr := clusterProcessor(t, style)
			compareClusters(t, pr, want, byID)
		})
	}
}

// readClusters reads citeproc-js's clusters in style, recorded in
// testdata/citeproc/clusters.STYLE.json.
func readClusters(t *testing.T, style string) *citeprocClusters {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "citeproc", "clusters."+style+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var want citeprocClusters
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	return &want
}

// clusterTestStyles are the styles of testdata/cluster-styles. Each but
// numeric was recorded over testdata/clusters-collapse.json (the
// clusters of testdata/clusters.json and some that mix authors with
// several cites in a year, cite them out of their year-suffix order, or
// share a family name or particle).
var clusterTestStyles = []string{
	"numeric",
	"year-suffix", "year-suffix-ranged", "year-suffix-group", "year-suffix-after", "year-after", "cite-group",
	"sort-short-macro", "sort-short-givenname", "sort-author",
	"year-implicit", "year-implicit-full", "year-implicit-collapse", "year-implicit-ranged",
	"sort-short-all-names", "sort-short-all-names-with-initials", "sort-short-primary-name", "sort-short-primary-name-with-initials",
}

// TestCiteCollapsingMatchesCiteproc does the same with the small
// styles of testdata/cluster-styles, written for these tests, which
// collapse in the other ways CSL has: collapse="citation-number"
// ("[1–3]"), "year-suffix" ("Markham, 2016a, b"), "year-suffix-ranged"
// ("2016a–e"), with and without year-suffix-delimiter,
// after-collapse-delimiter and cite-group-delimiter; and that sort cites
// by a macro of short names (with and without given-name
// disambiguation by each givenname-disambiguation-rule, whose global
// rules put the given name or initials the name registry asks for into
// the key: "C. Webber" before "C. A. Webber") or by variable="author", where a particle typed into
// the family name ("van Rossum") is demoted as citeproc-js demotes it;
// and that a style that adds year suffixes but has no <text
// variable="year-suffix"/> gets them after the first year of its date
// (year-implicit*: a year, a localized full date, collapsed with
// year-suffix and year-suffix-ranged).
func TestCiteCollapsingMatchesCiteproc(t *testing.T) {
	byID := clusterItems(t)
	loc := sharedLocale(t)
	for _, style := range clusterTestStyles {
		t.Run(style, func(t *testing.T) {
			want := readClusters(t, style)
			st, err := LoadStyle(os.DirFS(filepath.Join("testdata", "cluster-styles")), style+".csl")
			if err != nil {
				t.Fatal(err)
			}
			pr, err := New(st, loc)
			if err != nil {
				t.Fatal(err)
			}
			compareClusters(t, pr, want, byID)
		})
	}
}

// compareClusters requires pr's Cite of every cluster to be
// citeproc-js's, as text and HTML.
func compareClusters(t *testing.T, pr *Processor, want *citeprocClusters, byID map[string]*Item) {
	t.Helper()
	if len(want.Clusters) == 0 {
		t.Fatal("no clusters recorded")
	}
	for _, c := range want.Clusters {
		var items []*Item
		for _, id := range c.IDs {
			it := byID[id]
			if it == nil {
				t.Fatalf("no item %q", id)
			}
			items = append(items, it)
		}
		for _, f := range []Format{Text, HTML} {
			w := c.Text
			if f == HTML {
				w = c.HTML
			}
			got, err := pr.Cite(f, items...)
			if err != nil {
				t.Fatal(err)
			}
			if got != w {
				t.Errorf("%v (%s):\n got %s\nwant %s", c.IDs, f, got, w)
			}
		}
	}
}

// TestCiteOfOneIsCitation checks that a cluster of one item is the
// item's citation, for every item and official style.
func TestCiteOfOneIsCitation(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skipf("the official styles are not at %s", sharedCSL)
	}
	byID := clusterItems(t)
	for _, style := range officialStyles {
		pr := clusterProcessor(t, style)
		for id, it := range byID {
			for _, f := range []Format{Text, HTML} {
				want, err := pr.Citation(f, it)
				if err != nil {
					t.Fatal(err)
				}
				got, err := pr.Cite(f, it)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("%s %s (%s): Cite %q, Citation %q", style, id, f, got, want)
				}
			}
		}
	}
}

func TestCiteErrors(t *testing.T) {
	pr := styleProcessor(t, "apa", true, nil)
	if _, err := pr.Cite(Text); !errors.Is(err, ErrNoItems) {
		t.Errorf("Cite of nothing: %v, want ErrNoItems", err)
	}
	it := &Item{ID: "a", Type: "speech"}
	if _, err := pr.Cite(Text, it, nil); err == nil || err.Error() != "csl: items[1] is nil" {
		t.Errorf("Cite of a nil item: %v, want csl: items[1] is nil", err)
	}
	if _, err := pr.Bibliography(Text, nil, it); err == nil || err.Error() != "csl: items[0] is nil" {
		t.Errorf("Bibliography of a nil item: %v, want csl: items[0] is nil", err)
	}
	var b strings.Builder
	if err := pr.WriteCite(&b, Text); !errors.Is(err, ErrNoItems) || b.Len() > 0 {
		t.Errorf("WriteCite of nothing: %v, %q", err, b.String())
	}
}

// TestTestStyleBibliographiesMatchCiteproc compares the bibliographies
// of some styles of testdata/cluster-styles over all the items the
// clusters cite with citeproc-js's (testdata/citeproc/bibliography.STYLE.json,
// made with .ci/csl/citeproc-bib.mjs): year-implicit and
// year-implicit-full add year suffixes without a <text
// variable="year-suffix"/>, so the suffix goes after the first year of
// the entry, with the year part's affixes and formatting ("(2016)(a)").
func TestTestStyleBibliographiesMatchCiteproc(t *testing.T) {
	loc := sharedLocale(t)
	for _, style := range []string{"year-implicit", "year-implicit-full",
		"sort-short-all-names", "sort-short-all-names-with-initials", "sort-short-primary-name", "sort-short-primary-name-with-initials"} {
		t.Run(style, func(t *testing.T) {
			want := readBib(t, filepath.Join("testdata", "citeproc", "bibliography."+style+".json"))
			st, err := LoadStyle(os.DirFS(filepath.Join("testdata", "cluster-styles")), style+".csl")
			if err != nil {
				t.Fatal(err)
			}
			pr, err := New(st, loc)
			if err != nil {
				t.Fatal(err)
			}
			compareBib(t, pr, want, bibItems(t, "testdata", want))
		})
	}
}

// TestRendersYearSuffix checks which styles place the year suffix
// themselves, and so get no implicit one: as in citeproc-js, only a
// <text variable="year-suffix"/> (or "citation-label") that the
// citation, the bibliography or their sort keys reach counts, not one
// in a macro nobody calls.
func TestRendersYearSuffix(t *testing.T) {
	const head = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>t</title><id>t</id></info>`
	for _, c := range []struct {
		body string
		want bool
	}{
		{`<citation><layout><text variable="title"/></layout></citation>`, false},
		{`<citation><layout><text variable="year-suffix"/></layout></citation>`, true},
		{`<citation><layout><text variable="citation-label"/></layout></citation>`, true},
		{`<macro name="y"><text variable="year-suffix"/></macro><citation><layout><text macro="y"/></layout></citation>`, true},
		{`<macro name="y"><text variable="year-suffix"/></macro><citation><layout><text variable="title"/></layout></citation>`, false},
		{`<macro name="y"><text variable="year-suffix"/></macro><citation><layout><text variable="title"/></layout></citation><bibliography><sort><key macro="y"/></sort><layout><text variable="title"/></layout></bibliography>`, true},
	} {
		st, err := ParseStyle([]byte(head + c.body + `</style>`))
		if err != nil {
			t.Fatal(err)
		}
		if got := rendersYearSuffix(st); got != c.want {
			t.Errorf("%s: rendersYearSuffix = %v, want %v", c.body, got, c.want)
		}
	}
}

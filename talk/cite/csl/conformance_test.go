package csl

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sharedCSL holds the official styles and locales (CC BY-SA, not in the
// repository): $TALKMETA_SHARED/csl, or the shared directory beside the
// repository.
var sharedCSL = func() string {
	if d := os.Getenv("TALKMETA_SHARED"); d != "" {
		return filepath.Join(d, "csl")
	}
	return "../../../../shared/csl"
}()

// officialStyles are the official styles the engine is held to
// citeproc-js in, and that the benchmarks run as citeproc-js runs them
// in .ci/csl (CITEPROC_TIMING=1).
var officialStyles = []string{"apa", "modern-language-association", "chicago-author-date", "ieee", "harvard-cite-them-right"}

// sharedLocale returns the official en-US locale, and skips tb when the
// shared CSL files are not at sharedCSL.
func sharedLocale(tb testing.TB) *Locale {
	tb.Helper()
	if _, err := os.Stat(sharedCSL); err != nil {
		tb.Skipf("the official styles and locales are not at %s", sharedCSL)
	}
	loc, err := LoadLocale(os.DirFS(sharedCSL), "locales-en-US.xml")
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// testItems returns the items of the named CSL-JSON files in testdata,
// in order.
func testItems(tb testing.TB, names ...string) []*Item {
	tb.Helper()
	var items []*Item
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			tb.Fatal(err)
		}
		more, err := ParseItems(data)
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		items = append(items, more...)
	}
	return items
}

// styleProcessor returns a processor for the official style (builtin
// false) or for talkmeta's built-in counterpart of it, with loc (nil: the
// engine's en-US); nil when the style has no built-in counterpart.
func styleProcessor(t testing.TB, style string, builtin bool, loc *Locale) *Processor {
	t.Helper()
	var (
		st  *Style
		err error
	)
	if builtin {
		if builtinFor[style] == "" {
			return nil
		}
		st, err = BuiltinStyle(builtinFor[style])
	} else {
		st, err = LoadStyle(os.DirFS(sharedCSL), style+".csl")
	}
	if err != nil {
		t.Fatal(err)
	}
	var locs []*Locale
	if loc != nil {
		locs = append(locs, loc)
	}
	pr, err := New(st, locs...)
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

// citeprocRun is what .ci/csl/citeproc.mjs writes.
type citeprocRun struct {
	Style  string `json:"style"`
	Locale string `json:"locale"`
	Items  []struct {
		ID           string      `json:"id"`
		Bibliography textAndHTML `json:"bibliography"`
		Citation     textAndHTML `json:"citation"`
	} `json:"items"`
}

type textAndHTML struct {
	Text string `json:"text"`
	HTML string `json:"html"`
}

func readRun(t *testing.T, path string) *citeprocRun {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var run citeprocRun
	if err := json.Unmarshal(data, &run); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &run
}

func readItems(t *testing.T, path string) map[string]*Item {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	items, err := ParseItems(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	m := map[string]*Item{}
	for _, it := range items {
		m[it.ID] = it
	}
	return m
}

// agreement compares the processor's output with citeproc-js's for every
// item of a run and returns the counts and a few differences.
type agreement struct {
	n                                    int
	bibText, bibHTML, citeText, citeHTML int
	diffs                                []string
}

func (a *agreement) String() string {
	pct := func(k int) string { return fmt.Sprintf("%d/%d (%.2f%%)", k, a.n, 100*float64(k)/float64(max(a.n, 1))) }
	return fmt.Sprintf("bibliography text %s, html %s; citation text %s, html %s",
		pct(a.bibText), pct(a.bibHTML), pct(a.citeText), pct(a.citeHTML))
}

func (a *agreement) perfect() bool {
	return a.bibText == a.n && a.bibHTML == a.n && a.citeText == a.n && a.citeHTML == a.n
}

// compareRun compares every item of run, or only talks and videos when
// talksOnly (the scope of the built-in styles).
func compareRun(t *testing.T, pr *Processor, run *citeprocRun, items map[string]*Item, maxDiffs int, talksOnly bool) *agreement {
	t.Helper()
	a := &agreement{}
	for _, want := range run.Items {
		it := items[want.ID]
		if it == nil {
			t.Fatalf("item %q is not in the items file", want.ID)
		}
		if talksOnly && it.Type != "speech" && it.Type != "motion_picture" {
			continue
		}
		a.n++
		check := func(kind string, f Format, want string, got string, err error, count *int) {
			if err != nil {
				got = "ERROR: " + err.Error()
			}
			if got == want {
				*count++
				return
			}
			if len(a.diffs) < maxDiffs {
				a.diffs = append(a.diffs, fmt.Sprintf("%s %s %s:\n  want %q\n  got  %q", want2id(it), kind, f, want, got))
			}
		}
		var got string
		var err error
		if pr.HasBibliography() {
			got, err = pr.Entry(Text, it)
			check("bibliography", Text, want.Bibliography.Text, got, err, &a.bibText)
			got, err = pr.Entry(HTML, it)
			check("bibliography", HTML, want.Bibliography.HTML, got, err, &a.bibHTML)
		} else {
			a.bibText++
			a.bibHTML++
		}
		got, err = pr.Citation(Text, it)
		check("citation", Text, want.Citation.Text, got, err, &a.citeText)
		got, err = pr.Citation(HTML, it)
		check("citation", HTML, want.Citation.HTML, got, err, &a.citeHTML)
	}
	return a
}

func want2id(it *Item) string { return it.ID }

// TestCiteprocCorpus compares the processor with citeproc-js on the runs
// .ci/csl/check.sh wrote into $TALKMETA_CITEPROC_DIR (one JSON file per
// style and item set), for the official styles and for the built-in ones.
func TestCiteprocCorpus(t *testing.T) {
	dir := os.Getenv("TALKMETA_CITEPROC_DIR")
	if dir == "" {
		t.Skip("TALKMETA_CITEPROC_DIR is not set (.ci/csl/check.sh sets it)")
	}
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skipf("the official styles are not at %s", sharedCSL)
	}
	runCiteprocDir(t, dir, dir)
}

// runCiteprocDir compares the processor with the citeproc-js runs in
// dir: <items>.<style>.citeproc.json (single entries and citations) and
// <name>.<style>.bibliography.json (whole bibliographies), with the
// items read from itemsDir. TALKMETA_CITEPROC_STYLE and
// TALKMETA_CITEPROC_ITEMS narrow the runs.
func runCiteprocDir(t *testing.T, dir, itemsDir string) {
	t.Helper()
	runs, _ := filepath.Glob(filepath.Join(dir, "*.citeproc.json"))
	sort.Strings(runs)
	if len(runs) == 0 {
		t.Fatalf("no *.citeproc.json in %s", dir)
	}
	only := os.Getenv("TALKMETA_CITEPROC_STYLE")
	onlyItems := os.Getenv("TALKMETA_CITEPROC_ITEMS")
	for _, path := range runs {
		base := strings.TrimSuffix(filepath.Base(path), ".citeproc.json")
		// <items>.<style>
		itemsName, style, ok := strings.Cut(base, ".")
		if !ok {
			t.Fatalf("%s: want <items>.<style>.citeproc.json", path)
		}
		if (only != "" && style != only) || (onlyItems != "" && itemsName != onlyItems) {
			continue
		}
		t.Run(base, func(t *testing.T) {
			run := readRun(t, path)
			items := readItems(t, filepath.Join(itemsDir, itemsName+".json"))
			loc, err := LoadLocale(os.DirFS(sharedCSL), "locales-"+run.Locale+".xml")
			if err != nil {
				t.Fatal(err)
			}
			for _, variant := range []string{"official", "builtin"} {
				pr := styleProcessor(t, style, variant == "builtin", loc)
				if pr == nil {
					continue
				}
				a := compareRun(t, pr, run, items, 20, variant == "builtin")
				t.Logf("%s %s: %s", variant, style, a)
				if !a.perfect() {
					t.Errorf("%s %s differs from citeproc-js:\n%s", variant, style, strings.Join(a.diffs, "\n"))
				}
			}
		})
	}
	bibs, _ := filepath.Glob(filepath.Join(dir, "*.bibliography.json"))
	sort.Strings(bibs)
	for _, path := range bibs {
		base := strings.TrimSuffix(filepath.Base(path), ".bibliography.json")
		name, style, ok := strings.Cut(base, ".")
		if !ok {
			t.Fatalf("%s: want <name>.<style>.bibliography.json", path)
		}
		if (only != "" && style != only) || (onlyItems != "" && name != onlyItems) {
			continue
		}
		t.Run(base+".bibliography", func(t *testing.T) {
			want := readBib(t, path)
			items := bibItems(t, itemsDir, want)
			loc, err := LoadLocale(os.DirFS(sharedCSL), "locales-"+want.Locale+".xml")
			if err != nil {
				t.Fatal(err)
			}
			for _, variant := range []string{"official", "builtin"} {
				if variant == "builtin" && !talksOnly(items) {
					continue
				}
				pr := styleProcessor(t, style, variant == "builtin", loc)
				if pr == nil {
					continue
				}
				agree, total := compareBib(t, pr, want, items)
				t.Logf("%s %s bibliography of %d items: %d/%d lines agree (text and HTML)", variant, style, len(items), agree, total)
			}
		})
	}
}

// talksOnly reports whether all items are talks or videos, the scope of
// the built-in styles.
func talksOnly(items []*Item) bool {
	for _, it := range items {
		if it.Type != "speech" && it.Type != "motion_picture" {
			return false
		}
	}
	return true
}

// builtinFor maps an official style's file name to the built-in style
// written to match it for talks.
var builtinFor = map[string]string{
	"apa":                         "apa",
	"modern-language-association": "mla",
	"chicago-author-date":         "chicago",
	"ieee":                        "ieee",
	"harvard-cite-them-right":     "harvard",
}

// citeprocBib is what .ci/csl/citeproc-bib.mjs writes: one bibliography
// of all the items of the files named.
type citeprocBib struct {
	Style  string   `json:"style"`
	Locale string   `json:"locale"`
	Items  []string `json:"items"`
	Text   string   `json:"text"`
	HTML   string   `json:"html"`
}

func readBib(t *testing.T, path string) *citeprocBib {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var bib citeprocBib
	if err := json.Unmarshal(data, &bib); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &bib
}

// bibItems reads the items of a bibliography, in order, from dir.
func bibItems(t *testing.T, dir string, bib *citeprocBib) []*Item {
	t.Helper()
	var items []*Item
	for _, name := range bib.Items {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		more, err := ParseItems(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		items = append(items, more...)
	}
	return items
}

// compareBib checks the processor's bibliography of items against
// citeproc-js's, in text and HTML, and reports how many entries agree.
func compareBib(t *testing.T, pr *Processor, want *citeprocBib, items []*Item) (agree, total int) {
	t.Helper()
	for _, f := range []Format{Text, HTML} {
		got, err := pr.Bibliography(f, items...)
		if err != nil {
			t.Fatal(err)
		}
		w := want.Text
		if f == HTML {
			w = want.HTML
		}
		wl, gl := strings.Split(w, "\n"), strings.Split(got, "\n")
		for i := range wl {
			if i < len(gl) && gl[i] == wl[i] {
				agree++
			}
		}
		total += len(wl)
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("%s bibliography (%s) differs from citeproc-js's (-want +got):\n%s", want.Style, f, diff)
		}
	}
	return agree, total
}

// TestBibliographyMatchesCiteproc compares WriteBibliography over the
// general items and the talk fixtures with citeproc-js's bibliographies
// in testdata/citeproc (made with .ci/csl/citeproc-bib.mjs from
// testdata/general.json and testdata/fixtures.json): sorting, year
// suffixes, names added to tell items apart, MLA's "———", IEEE's
// numbers.
func TestBibliographyMatchesCiteproc(t *testing.T) {
	loc := sharedLocale(t)
	for _, style := range officialStyles {
		t.Run(style, func(t *testing.T) {
			want := readBib(t, filepath.Join("testdata", "citeproc", "bibliography."+style+".json"))
			compareBib(t, styleProcessor(t, style, false, loc), want, bibItems(t, "testdata", want))
		})
	}
}

// TestEntriesMatchCiteproc compares single entries and citations of the
// general items, the talk fixtures and testdata/demanding.json (items of
// every common type with particles, suffixes, Arabic and CJK names,
// literal, given-only and family-only names, 20+ authors, editors and
// translators, date ranges, seasons, circa, raw and literal dates, lists
// of page ranges), and testdata/britain.json (some of them in en-GB) with
// citeproc-js's in testdata/citeproc (made with
// .ci/csl/citeproc.mjs, and their bibliographies with
// .ci/csl/citeproc-bib.mjs), and a bibliography
// of every third talk variant (testdata/variants.json: talkVariants
// written out, thinned so that the test stays quick; made with
// .ci/csl/citeproc-bib.mjs), and bibliographies of testdata/ties.json
// (items alike in all but their pages, whose sort keys carry the
// "undefined" citeproc-js writes before their numbers, and items alike in
// all but their URLs, which keep the order they are given in) and of
// testdata/page-lists.json (76 items alike but for their page lists,
// volumes and issues, in shuffled order), and the entries of
// testdata/page-ranges.json (page lists whose first value is "9a",
// "+4", "IV" or "xii" before a range), and the entries and bibliography
// of testdata/international.json (names in CJK, Hangul, Devanagari, Thai,
// Cyrillic, Greek, Arabic and Hebrew scripts, alone and mixed with Latin
// ones; items in Vietnamese and Hungarian, whose names stay family
// first; static-ordering; title case held back for items not in
// English; family names that sort with diacritics, ligatures and
// letters like "Ø", "Ł" and "Þ"; names told apart only by their
// diacritics; quotation marks of other languages inside quoted
// titles), for the official styles and, on talks, the built-in ones.
func TestEntriesMatchCiteproc(t *testing.T) {
	if raceDetector {
		t.Skip("a serial comparison of thousands of entries; .ci/csl/check.sh runs it without -race")
	}
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skipf("the official styles are not at %s", sharedCSL)
	}
	runCiteprocDir(t, filepath.Join("testdata", "citeproc"), "testdata")
}

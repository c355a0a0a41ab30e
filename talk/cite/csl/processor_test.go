package csl

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestUses holds Uses to the variables a style names, their short and
// long forms, the variables the engine derives them from, and language,
// which the engine reads for every item.
func TestUses(t *testing.T) {
	const head = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>t</title><id>t</id></info>`
	const body = `<macro name="unused"><number variable="volume"/></macro>
<citation><layout><text variable="title" form="short"/><names variable="author editor"/></layout></citation>
<bibliography><sort><key variable="issued"/></sort><layout>
<choose><if variable="abstract" is-numeric="edition" is-uncertain-date="event-date"><text variable="page-first"/></if></choose>
<text variable="container-title-short"/><label variable="locator"/>
</layout></bibliography>`
	st, err := ParseStyle([]byte(head + body + `</style>`))
	if err != nil {
		t.Fatal(err)
	}
	pr, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"abstract", "author", "container-title", "container-title-short", "edition", "editor",
		"event-date", "issued", "journalAbbreviation", "language", "locator", "page", "page-first",
		"shortTitle", "title", "title-short", "volume"}
	var got []string
	for _, v := range slices.Concat(want, []string{"keyword", "URL", "genre", "publisher", "note", ""}) {
		if pr.Uses(v) {
			got = append(got, v)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("variables used (-want +got):\n%s", diff)
	}
}

// TestNewRefusesMissing: New returns an error, not a nil pointer
// dereference, for a nil or empty Style or Locale in any place, as a
// caller that ignored LoadLocale's error would pass one. A nil last
// locale used to be dereferenced for its language before the check.
func TestNewRefusesMissing(t *testing.T) {
	style, locale := builtinAPA(t)
	var got []string
	for _, args := range []struct {
		style   *Style
		locales []*Locale
	}{
		{nil, nil},
		{&Style{}, nil},
		{style, []*Locale{nil}},
		{style, []*Locale{locale, nil}},
		{style, []*Locale{nil, locale}},
		{style, []*Locale{{Lang: "en-GB"}}},
	} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					got = append(got, "panic")
				}
			}()
			_, err := New(args.style, args.locales...)
			got = append(got, err.Error())
		}()
	}
	want := []string{
		"csl: nil style",
		"csl: an empty Style; make one with ParseStyle, LoadStyle or BuiltinStyle",
		"csl: nil locale",
		"csl: nil locale",
		"csl: nil locale",
		"csl: an empty Locale; make one with ParseLocale, LoadLocale or BuiltinLocale",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestBuiltinNotShared: the built-in Style and Locale are parsed once,
// but a caller who sets the exported Info or Lang of the one it got does
// not change what the next caller gets (which was the shared value
// itself, so that setting Lang to "de-DE" made every later
// New(style, BuiltinLocale()) write German dates).
func TestBuiltinNotShared(t *testing.T) {
	style, locale := builtinAPA(t)
	style.Info.Title = "Mine"
	locale.Lang = "de-DE"
	style2, _ := BuiltinStyle("apa")
	locale2, _ := BuiltinLocale()
	pr, err := New(style2, locale2)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{style2.Info.Title, locale2.Lang, pr.Style().Title}
	want := []string{"APA 7th edition (talkmeta built-in: talks and videos)", "en-US", "APA 7th edition (talkmeta built-in: talks and videos)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestZeroValues: a Processor not made by New (zero or nil), a zero or
// nil Style or Item, and a Format other than Text and HTML give errors
// or empty answers, where each used to be a nil pointer dereference or,
// for the format, text without a word.
func TestZeroValues(t *testing.T) {
	style, _ := builtinAPA(t)
	good, err := New(style)
	if err != nil {
		t.Fatal(err)
	}
	it := &Item{ID: "a", Type: "speech"}
	var nilProcessor *Processor
	var got []string
	add := func(s string, err error) { got = append(got, s+"|"+fmt.Sprint(err)) }
	for _, pr := range []*Processor{{}, nilProcessor} {
		add(pr.Entry(Text, it))
		add(pr.Citation(Text, it))
		add(pr.Cite(Text, it))
		add(pr.Bibliography(Text, it))
		add("", pr.WriteEntry(io.Discard, Text, it))
		add("", pr.WriteCitation(io.Discard, Text, it))
		add("", pr.WriteCite(io.Discard, Text, it))
		add("", pr.WriteBibliography(io.Discard, Text, it))
		got = append(got, fmt.Sprint(pr.Uses("title"), pr.HasBibliography(), pr.Style()))
	}
	add(good.Entry(Format(7), it))
	add(good.Cite(Format(-1), it))
	var nilStyle *Style
	var nilItem *Item
	got = append(got, fmt.Sprint((&Style{}).HasBibliography(), nilStyle.HasBibliography(), nilItem.Get("title")),
		fmt.Sprint(nilItem.Validate()), Format(7).String())
	noStyle := "|csl: the Processor has no style; make one with New"
	want := []string{noStyle, noStyle, noStyle, noStyle, noStyle, noStyle, noStyle, noStyle, "false false {    }"}
	want = append(want, want...)
	want = append(want, "|csl: unknown format Format(7) (want Text or HTML)", "|csl: unknown format Format(-1) (want Text or HTML)",
		"false false", "csl: nil item", "Format(7)")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := (&Processor{}).Cite(Text, it); !errors.Is(err, ErrNoStyle) {
		t.Errorf("Cite on the zero Processor: %v, want ErrNoStyle", err)
	}
	var fe *FormatError
	if _, err := good.Citation(Format(2), it); !errors.As(err, &fe) || fe.Format != 2 {
		t.Errorf("Citation in Format(2): %v, want a *FormatError", err)
	}
}

// TestLoadErrors: LoadStyle and LoadLocale refuse a nil fs.FS rather
// than dereference it, and their read errors carry the package's prefix
// and wrap the cause.
func TestLoadErrors(t *testing.T) {
	var got []string
	_, err := LoadStyle(nil, "apa.csl")
	got = append(got, fmt.Sprint(err))
	_, err = LoadLocale(nil, "locales-en-US.xml")
	got = append(got, fmt.Sprint(err))
	_, err = LoadStyle(fstest.MapFS{}, "apa.csl")
	got = append(got, fmt.Sprint(err), fmt.Sprint(errors.Is(err, fs.ErrNotExist)))
	_, err = LoadLocale(fstest.MapFS{}, "locales-en-US.xml")
	got = append(got, fmt.Sprint(err), fmt.Sprint(errors.Is(err, fs.ErrNotExist)))
	want := []string{
		`csl: reading "apa.csl": nil fs.FS`, `csl: reading "locales-en-US.xml": nil fs.FS`,
		"csl: open apa.csl: file does not exist", "true",
		"csl: open locales-en-US.xml: file does not exist", "true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// builtinAPA returns the built-in APA style and the built-in locale.
func builtinAPA(t *testing.T) (*Style, *Locale) {
	t.Helper()
	style, err := BuiltinStyle("apa")
	if err != nil {
		t.Fatal(err)
	}
	locale, err := BuiltinLocale()
	if err != nil {
		t.Fatal(err)
	}
	return style, locale
}

// TestNumberAndDateForms holds forms that no shipped style and no
// citeproc-js fixture here reach: an ordinal of three digits takes its
// suffix from its last two ("111th", not "111st"); a long ordinal comes
// from the locale's term where it has one, "tenth" for 10 as "first"
// for 1; CSL-JSON's seasons 21-24 are the locale's season terms ("Spring"
// for 21); and the "chicago" page-range format writes an end in full
// after a first page that is a multiple of 100 ("200–205").
func TestNumberAndDateForms(t *testing.T) {
	st, err := ParseStyle([]byte(`<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" page-range-format="chicago">` +
		`<info><title>t</title><id>t</id></info><citation><layout>` +
		`<group delimiter=" | "><number variable="edition" form="ordinal"/><number variable="volume" form="long-ordinal"/>` +
		`<date variable="issued"><date-part name="month" suffix=" "/><date-part name="year"/></date><text variable="page"/></group>` +
		`</layout></citation></style>`))
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := BuiltinLocale()
	if err != nil {
		t.Fatal(err)
	}
	// The embedded locale has no long ordinals; the full en-US has these.
	long, err := ParseLocale([]byte(`<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US"><terms>` +
		`<term name="long-ordinal-01">first</term><term name="long-ordinal-10">tenth</term></terms></locale>`))
	if err != nil {
		t.Fatal(err)
	}
	pr, err := New(st, builtin, long)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range []struct {
		edition, volume, page string
		month                 int
	}{{"1", "1", "200-205", 21}, {"111", "10", "321-28", 24}, {"112", "2", "1100-1123", 5}, {"1011", "11", "107-108", 0}} {
		it := &Item{ID: "a", Type: "book"}
		it.Set("edition", c.edition)
		it.Set("volume", c.volume)
		it.Set("page", c.page)
		if c.month > 0 {
			it.SetDate("issued", Date{Parts: [][]int{{2024, c.month}}})
		}
		s, err := pr.Citation(Text, it)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	want := []string{
		"1st | first | Spring 2024 | 200–205",
		"111th | tenth | Winter 2024 | 321–28",
		"112th | 2nd | May 2024 | 1100–1123",
		"1011th | 11th | 107–8",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

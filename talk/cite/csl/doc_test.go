package csl_test

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// BuiltinStyle knows the names BuiltinStyleNames lists; another name is an
// error that errors.Is tells by ErrUnknownStyle.
func ExampleBuiltinStyle() {
	fmt.Println(csl.BuiltinStyleNames())
	for _, name := range []string{"apa", "vancouver"} {
		style, err := csl.BuiltinStyle(name)
		if errors.Is(err, csl.ErrUnknownStyle) {
			fmt.Println(name, "is not built in")
			continue
		}
		fmt.Println(name, style.Info.Class, style.HasBibliography())
	}
	// Output:
	// [apa chicago harvard ieee mla]
	// apa in-text true
	// vancouver is not built in
}

// DateOf leaves trailing zeros out: a zero day makes a month, a zero month
// a year.
func ExampleDateOf() {
	for _, d := range []csl.Date{csl.DateOf(2016, 7, 21), csl.DateOf(2016, 7, 0), csl.DateOf(2016, 0, 0)} {
		b, err := d.MarshalJSON()
		fmt.Println(string(b), err)
	}
	// Output:
	// {"date-parts":[[2016,7,21]]} <nil>
	// {"date-parts":[[2016,7]]} <nil>
	// {"date-parts":[[2016]]} <nil>
}

// TestStopWordsCopy holds StopWords to its doc: each call returns a new
// copy, so that a caller who changes one changes no other's.
func TestStopWordsCopy(t *testing.T) {
	first := csl.StopWords()
	if len(first) == 0 {
		t.Fatal("no stop words")
	}
	want := slices.Clone(first)
	for i := range first {
		first[i] = "changed"
	}
	if got := csl.StopWords(); !slices.Equal(got, want) {
		t.Errorf("after changing one copy, StopWords() = %q, want %q", got, want)
	}
}

// TestNoBibliography holds ErrNoBibliography to its doc: a style without
// a bibliography has no entries to give, which every method that renders
// one says with it, and HasBibliography reports false; its citations
// render all the same.
func TestNoBibliography(t *testing.T) {
	style, err := csl.ParseStyle([]byte(`<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text">
  <info><id>citations-only</id><title>Citations only</title></info>
  <citation><layout><text variable="title"/></layout></citation>
</style>`))
	if err != nil {
		t.Fatal(err)
	}
	pr, err := csl.New(style)
	if err != nil {
		t.Fatal(err)
	}
	if style.HasBibliography() || pr.HasBibliography() {
		t.Error("HasBibliography of a style without one = true")
	}
	it := &csl.Item{ID: "a", Type: "speech"}
	it.Set("title", "Intro")
	_, err1 := pr.Entry(csl.Text, it)
	_, err2 := pr.Bibliography(csl.Text, it)
	err3 := pr.WriteEntry(io.Discard, csl.HTML, it)
	err4 := pr.WriteBibliography(io.Discard, csl.HTML, it)
	for i, err := range []error{err1, err2, err3, err4} {
		if !errors.Is(err, csl.ErrNoBibliography) {
			t.Errorf("method %d: err = %v, want ErrNoBibliography", i+1, err)
		}
	}
	if got, err := pr.Citation(csl.Text, it); got != "Intro" || err != nil {
		t.Errorf("Citation = %q, %v; want %q", got, err, "Intro")
	}
}

package csl

import (
	"sync"
	"testing"
)

// TestConcurrentUse renders bibliographies, entries and citations with
// one Processor from several goroutines (run it with -race) and requires
// what a lone caller gets.
func TestConcurrentUse(t *testing.T) {
	pr := styleProcessor(t, "apa", true, nil)
	items := talkVariants()[:40]
	want, err := pr.Bibliography(HTML, items...)
	if err != nil {
		t.Fatal(err)
	}
	wantEntry, _ := pr.Entry(Text, items[0])
	wantCite, _ := pr.Citation(Text, items[0])
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, _ := pr.Bibliography(HTML, items...); got != want {
				t.Error("a concurrent bibliography differs")
			}
			if got, _ := pr.Entry(Text, items[0]); got != wantEntry {
				t.Error("a concurrent entry differs")
			}
			if got, _ := pr.Citation(Text, items[0]); got != wantCite {
				t.Error("a concurrent citation differs")
			}
		}()
	}
	wg.Wait()
}

// TestEmptyBibliography: no items make an empty bibliography, and a
// style without one an error.
func TestEmptyBibliography(t *testing.T) {
	pr := styleProcessor(t, "modern-language-association", true, nil)
	for f, want := range map[Format]string{Text: "", HTML: "<div class=\"csl-bib-body\">\n</div>"} {
		got, err := pr.Bibliography(f)
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", f, got, err, want)
		}
	}
	if _, err := pr.Bibliography(Text, nil); err == nil {
		t.Error("a nil item: no error")
	}
}

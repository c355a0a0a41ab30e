package cite_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
)

// ParseFormat reads the names a command line takes, in any case, and
// "csljson" and "json" for CSL-JSON; String gives the name back.
func ExampleParseFormat() {
	for _, name := range []string{"bibtex", "BibLaTeX", "RIS", "csl-json", "csljson", "json", "endnote"} {
		f, err := cite.ParseFormat(name)
		var fe *cite.FormatError
		if errors.As(err, &fe) {
			fmt.Println(err)
			continue
		}
		fmt.Println(name, "is", f)
	}
	// Output:
	// bibtex is bibtex
	// BibLaTeX is biblatex
	// RIS is ris
	// csl-json is csl-json
	// csljson is csl-json
	// json is csl-json
	// cite: unknown format "endnote" (want bibtex, biblatex, ris or csl-json)
}

// TestConcurrentFunctions holds the package doc's word that the package's
// functions may be called concurrently: writers of every format, keys and
// names, from many goroutines on one talk, give what they give alone. It
// means something under -race.
func TestConcurrentFunctions(t *testing.T) {
	tk := seed()
	write := func() string {
		var b strings.Builder
		for _, f := range []cite.Format{cite.BibTeX, cite.BibLaTeX, cite.RIS, cite.CSLJSON} {
			if err := cite.WriteAll(&b, f, []*talk.Talk{tk, tk}, cite.Options{EventDate: true}); err != nil {
				t.Error(err)
			}
		}
		b.WriteString(cite.Key(tk) + cite.Genre(tk))
		for _, n := range cite.Names(tk) {
			b.WriteString(n.Inverted())
		}
		return b.String()
	}
	want := write()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := write(); got != want {
				t.Errorf("concurrent output differs:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	wg.Wait()
}

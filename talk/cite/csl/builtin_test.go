package csl

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestBuiltinMatchesOfficial renders every talk variant with each
// built-in style and with the official style it stands for, and requires
// the same text and HTML, entries and citations.
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

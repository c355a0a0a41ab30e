package csl_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// htmlTags are the elements the HTML format may write: the entry's div
// and the formatting CSL and its rich-text markup in fields can ask for.
var htmlTags = map[string]bool{"div": true, "i": true, "b": true, "span": true, "sup": true, "sub": true, "a": true}

// FuzzItems formats any CSL-JSON in every built-in style. For any input:
// no panic; items that parse give an entry and a citation in every
// style; the HTML holds no element but the formatting ones, no attribute
// but class, style and an http(s) href, and the text holds no NUL.
func FuzzItems(f *testing.F) {
	for _, name := range []string{"testdata/fixtures.json", "testdata/general.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			f.Fatal(err)
		}
		for _, it := range items {
			f.Add([]byte("[" + string(it) + "]"))
		}
	}
	f.Add([]byte(`[{"id":"x","type":"speech","title":"<script>alert(1)</script> <i>it</i> <span class=\"nocase\">iPhone</span>","author":[{"literal":"<b onmouseover=x>"}],"URL":"javascript:alert(1)"}]`))
	// dates given only as text, read as citeproc-js reads them
	f.Add([]byte(`[{"id":"r","type":"book","issued":{"raw":"Jan-Mar 2010/21 July 2016"},"accessed":{"raw":"平成30年12月25日"},"event-date":{"raw":"-44 BC?"}}]`))
	loc, err := csl.BuiltinLocale()
	if err != nil {
		f.Fatal(err)
	}
	var procs []*csl.Processor
	for _, name := range csl.BuiltinStyleNames() {
		st, err := csl.BuiltinStyle(name)
		if err != nil {
			f.Fatal(err)
		}
		pr, err := csl.New(st, loc)
		if err != nil {
			f.Fatal(err)
		}
		procs = append(procs, pr)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := csl.ParseItems(data)
		if err != nil {
			return
		}
		for _, pr := range procs {
			for _, it := range items {
				for _, f := range []csl.Format{csl.Text, csl.HTML} {
					entry, err := pr.Entry(f, it)
					if err != nil {
						t.Fatalf("%s: Entry: %v", pr.Style().ID, err)
					}
					cite, err := pr.Citation(f, it)
					if err != nil {
						t.Fatalf("%s: Citation: %v", pr.Style().ID, err)
					}
					for _, out := range []string{entry, cite} {
						if f == csl.HTML {
							checkHTML(t, out)
						} else if strings.ContainsRune(out, 0) {
							t.Fatalf("text with NUL: %q", out)
						}
					}
				}
			}
		}
	})
}

func checkHTML(t *testing.T, s string) {
	t.Helper()
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			tok := z.Token()
			if !htmlTags[tok.Data] {
				t.Fatalf("element <%s> in %q", tok.Data, s)
			}
			for _, a := range tok.Attr {
				ok := a.Key == "class" || a.Key == "style" ||
					a.Key == "href" && (strings.HasPrefix(a.Val, "https://") || strings.HasPrefix(a.Val, "http://"))
				if !ok {
					t.Fatalf("attribute %s=%q in %q", a.Key, a.Val, s)
				}
			}
		}
	}
}

// FuzzStyle feeds ParseStyle mutations of the hand-written styles of
// testdata/probe and testdata/cluster-styles: a style must be refused
// with an error or render items, never panic.
func FuzzStyle(f *testing.F) {
	for _, pattern := range []string{"testdata/probe/*.csl", "testdata/cluster-styles/*.csl"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	loc, err := csl.BuiltinLocale()
	if err != nil {
		f.Fatal(err)
	}
	items, err := csl.ParseItems([]byte(`[
		{"id":"a","type":"book","title":"One","author":[{"family":"Smith","given":"John"},{"family":"Doe","given":"Ann"}],"issued":{"date-parts":[[2001,3],[2001,5]]},"page":"S1-S12","note":"original-date: 1900"},
		{"id":"b","type":"speech","title":"Two","author":[{"family":"Smith","given":"Jane"}],"issued":{"raw":"2001?"},"editor":[{"literal":"ACME"}]}]`))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := csl.ParseStyle(data)
		if err != nil {
			return
		}
		pr, err := csl.New(st, loc)
		if err != nil {
			return
		}
		for _, format := range []csl.Format{csl.Text, csl.HTML} {
			for _, it := range items {
				if _, err := pr.Citation(format, it); err != nil {
					t.Fatalf("Citation: %v", err)
				}
				if pr.HasBibliography() {
					if _, err := pr.Entry(format, it); err != nil {
						t.Fatalf("Entry: %v", err)
					}
				}
			}
			if _, err := pr.Cite(format, items...); err != nil {
				t.Fatalf("Cite: %v", err)
			}
			if pr.HasBibliography() {
				if _, err := pr.Bibliography(format, items...); err != nil {
					t.Fatalf("Bibliography: %v", err)
				}
			}
		}
	})
}

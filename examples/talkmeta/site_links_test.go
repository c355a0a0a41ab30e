package main

import (
	"path/filepath"
	"testing"

	"github.com/talkmeta/talkmeta/internal/sitetest"
)

// TestSiteLinksResolve builds the site of the repository's records and
// of an archive of odd ones (titles of emoji only, in Arabic and Hebrew,
// titles that slug alike, an event named "Speaker", talks without
// speakers, dates or event title, relative links, a block whose parts
// have speakers of their own, one known only by a handle) at the root of
// a host
// and below a path of another, and follows every link of every page
// that points inside the site: each leads to one of its files.
func TestSiteLinksResolve(t *testing.T) {
	odd := t.TempDir()
	for name, data := range map[string]string{
		"ev/category.json":       `{"title": "مؤتمر بايثون"}`,
		"ev/videos/a.json":       `{"title": "🐍", "speakers": ["שלום עליכם"], "videos": [], "recorded": "2020-01-02"}`,
		"ev/videos/b.json":       `{"title": "🎉", "speakers": ["محمد", "Zoë"], "videos": []}`,
		"ev/videos/c.json":       `{"title": "C", "speakers": ["محمد"], "videos": [], "related_urls": ["/local/page.html", "slides.pdf"]}`,
		"ev/videos/d.json":       `{"title": "C++", "speakers": [], "videos": [], "thumbnail_url": "/thumb.png"}`,
		"speaker/category.json":  `{"title": "Speaker"}`,
		"speaker/videos/s.json":  `{"title": "Index", "speakers": ["Index"], "videos": []}`,
		"untitled/videos/u.json": `{"title": "Untitled event's talk", "speakers": ["Ada"], "videos": []}`,
		"untitled/category.json": `{"title": ""}`,
		"events/category.json":   `{"title": "Events"}`,
		"events/videos/e.json":   `{"title": "Ev", "speakers": ["Ada"], "videos": []}`,
		// A lightning-talk block in talkmeta's form, whose parts' speakers
		// speak nowhere else: its page links to their pages.
		"blocks/event.json":    `{"id": "blocks", "title": "Blocks"}`,
		"blocks/talks/lt.json": `{"id": "lt", "title": "Lightning talks", "parts": [{"title": "One", "speakers": [{"name": "Only In A Part"}]}, {"title": "Two", "parts": [{"title": "Deeper", "speakers": [{"name": "Deeper Still"}]}]}, {"title": "Three", "speakers": [{"accounts": [{"service": "github", "handle": "ghopper"}]}]}]}`,
	} {
		plantFile(t, filepath.Join(odd, name), data)
	}
	for _, base := range []string{"", "https://archive.example.net/py"} {
		for _, src := range []string{archive, odd} {
			t.Run(filepath.Base(src)+" "+base, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "site")
				args := []string{"site", "-o", out, src}
				if base != "" {
					args = append(args, "-base", base)
				}
				if got := runCommand("", args...); got.status > 1 {
					t.Fatalf("site = %+v", got)
				}
				broken, err := sitetest.BrokenLinks(out, base)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range broken {
					t.Error("leads nowhere: " + l)
				}
			})
		}
	}
}

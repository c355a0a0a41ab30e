package main

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// crawlSite follows every link of the site in dir, published at base
// ("" for the root of a host), that points inside the site, and returns
// those that lead to no file of it, as "page: link": every href and src
// of every page, resolved against the page's own address as a browser
// resolves them, and the url, mainEntityOfPage, contentUrl, embedUrl,
// thumbnailUrl and image of the pages' JSON-LD (not @id, which names a
// node and need not lead anywhere). A link to the site's host outside
// base leads nowhere too.
func crawlSite(t *testing.T, dir, base string) []string {
	t.Helper()
	site, err := url.Parse(base + "/")
	if base == "" {
		site, err = url.Parse("https://site.invalid/")
	}
	if err != nil {
		t.Fatal(err)
	}
	var broken []string
	check := func(page, link string) {
		u, err := site.JoinPath(page).Parse(strings.TrimSpace(link))
		switch {
		case err != nil:
			broken = append(broken, page+": "+link+" (malformed)")
			return
		case u.Scheme != site.Scheme || u.Host != site.Host:
			return // another site's
		case !strings.HasPrefix(u.Path, site.Path):
			broken = append(broken, page+": "+link+" (outside "+site.String()+")")
			return
		}
		rel := strings.TrimPrefix(u.Path, site.Path)
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean("/"+rel)))); err != nil || fi.IsDir() {
			broken = append(broken, page+": "+link)
		}
	}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		page := filepath.ToSlash(rel)
		doc, err := html.Parse(strings.NewReader(readFile(t, p)))
		if err != nil {
			return err
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" {
					check(page, a.Val)
				}
			}
			if n.Data == "script" && n.FirstChild != nil {
				var graph any
				dec := json.NewDecoder(bytes.NewReader([]byte(n.FirstChild.Data)))
				if err := dec.Decode(&graph); err != nil {
					t.Errorf("%s: JSON-LD: %v", page, err)
				}
				jsonldLinks(graph, func(link string) { check(page, link) })
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return broken
}

// jsonldLinks calls link with every address of the JSON-LD graph v that
// a reader may follow.
func jsonldLinks(v any, link func(string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			switch k {
			case "url", "mainEntityOfPage", "contentUrl", "embedUrl", "thumbnailUrl", "image":
				if s, ok := x.(string); ok {
					link(s)
					continue
				}
			}
			jsonldLinks(x, link)
		}
	case []any:
		for _, x := range v {
			jsonldLinks(x, link)
		}
	}
}

// TestSiteLinksResolve builds the site of the repository's records and
// of an archive of odd ones (titles of emoji only, in Arabic and Hebrew,
// titles that slug alike, an event named "Speaker", talks without
// speakers, dates or event title, relative links) at the root of a host
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
				for _, l := range crawlSite(t, out, base) {
					t.Error("leads nowhere: " + l)
				}
			})
		}
	}
}

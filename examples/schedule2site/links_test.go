package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/internal/golden"
	"golang.org/x/net/html"
)

// siteLinks crawls the site in dir, published at base ("" for the root
// of a host), and returns every link that points inside the site but to
// no file of it, as "page: link". It follows every href and src of every
// page, resolved against the page's own address as a browser resolves
// them, the url, mainEntityOfPage, contentUrl, embedUrl and thumbnailUrl
// of the pages' JSON-LD (not @id, which names a node and need not lead
// anywhere), and the URL of every calendar's events.
func siteLinks(t *testing.T, dir, base string) []string {
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
		from := site.JoinPath(page)
		u, err := from.Parse(strings.TrimSpace(link))
		if err != nil {
			broken = append(broken, page+": "+link+" (malformed)")
			return
		}
		if u.Scheme != site.Scheme || u.Host != site.Host {
			return // another site's
		}
		if !strings.HasPrefix(u.Path, site.Path) {
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
	for _, page := range siteFiles(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		switch path.Ext(page) {
		case ".html":
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", page, err)
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
					if err := json.Unmarshal([]byte(n.FirstChild.Data), &graph); err != nil {
						t.Fatalf("%s: JSON-LD: %v", page, err)
					}
					ldLinks(graph, func(link string) { check(page, link) })
				}
			}
		case ".ics":
			unfolded := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n ", ""), "\r\n", "\n")
			for line := range strings.Lines(unfolded) {
				if v, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "URL:"); ok {
					check(page, v)
				}
			}
		}
	}
	return broken
}

// ldLinks calls link with every address of the JSON-LD graph v that a
// reader may follow.
func ldLinks(v any, link func(string)) {
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
			ldLinks(x, link)
		}
	case []any:
		for _, x := range v {
			ldLinks(x, link)
		}
	}
}

// TestSiteLinks builds the sites of the real exports in
// $TALKMETA_SHARED/formats/schedule and of testdata/odd.json (titles of
// emoji only, in Arabic and Hebrew, a talk called "Index", one without
// title, date or speakers, attachments with relative URLs), and follows
// every link of theirs that points inside the site: each leads to one of
// its files.
func TestSiteLinks(t *testing.T) {
	srcs := []string{"testdata/odd.json", "testdata/pair.json", "testdata/slugs.json"}
	if shared := os.Getenv("TALKMETA_SHARED"); shared != "" {
		srcs = append(srcs, filepath.Join(shared, "formats/schedule/pretalx-democon.json"), filepath.Join(shared, "formats/schedule/frab-camp2019.json"))
	}
	for _, base := range []string{"", "https://archive.example.net/camp/2024"} {
		for _, src := range srcs {
			t.Run(filepath.Base(src)+" "+base, func(t *testing.T) {
				dir := t.TempDir()
				var stderr bytes.Buffer
				// odd.json's relative attachments are reported (TestOdd).
				if st := run(src, dir, base, time.Unix(0, 0), never, &stderr); st != 0 && !strings.HasSuffix(src, "odd.json") {
					t.Fatalf("status %d: %s", st, stderr.String())
				}
				for _, l := range siteLinks(t, dir, base) {
					t.Error("leads nowhere: " + l)
				}
			})
		}
	}
}

// TestOdd builds the site of testdata/odd.json: the files, what is
// reported, and the page of the talk in Arabic with relative attachments
// are compared with testdata/odd.golden. The attachments were linked as
// paths of this site ("/media/slides.pdf"), where nothing is; now they
// are reported by schedule, talk and place, and left out.
func TestOdd(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	st := run("testdata/odd.json", dir, "", time.Unix(0, 0), never, &stderr)
	var b strings.Builder
	fmt.Fprintf(&b, "status: %d\n-- stderr --\n%s-- files --\n", st, stderr.String())
	for _, name := range siteFiles(t, dir) {
		b.WriteString(name + "\n")
	}
	for _, name := range []string{"talks/lbrmj-blg-go.html", "talks/talk-0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e56.ics"} {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("== " + name + "\n" + string(data))
	}
	golden.Check(t, filepath.Join("testdata", "odd.golden"), []byte(b.String()), *update)
}

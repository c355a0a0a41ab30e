// Package sitetest checks the static sites talkmeta's programs build
// (talkmeta site, schedule2site), for their tests: one crawler, so that
// both are held to the same idea of a link that leads somewhere. Its
// Tree and Plant read and write a directory as a map of files, for the
// tests that compare one whole or set up an archive.
package sitetest

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// BrokenLinks crawls the site in dir, published at base ("" for the root
// of a host), and returns every link that points inside the site but to
// no file of it, as "page: link", sorted. It follows every href and src of every
// page, resolved against the page's own address as a browser resolves
// them; the url, mainEntityOfPage, contentUrl, embedUrl, thumbnailUrl
// and image of the pages' JSON-LD (not @id, which names a node and need
// not lead anywhere); and the URL of every calendar's events. A link to
// the site's host outside base leads nowhere too. A page that does not
// parse is an error.
func BrokenLinks(dir, base string) ([]string, error) {
	site, err := url.Parse(base + "/")
	if base == "" {
		site, err = url.Parse("https://site.invalid/")
	}
	if err != nil {
		return nil, err
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
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		page := filepath.ToSlash(rel)
		switch path.Ext(page) {
		case ".html":
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return pageLinks(page, data, check)
		case ".ics":
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			unfolded := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n ", ""), "\r\n", "\n")
			for line := range strings.Lines(unfolded) {
				if v, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "URL:"); ok {
					check(page, v)
				}
			}
		}
		return nil
	})
	slices.Sort(broken) // a graph's members come in no order
	return broken, err
}

// pageLinks calls check with every link of the HTML page data: its
// elements' href and src, and its JSON-LD's addresses.
func pageLinks(page string, data []byte, check func(page, link string)) error {
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		return fmt.Errorf("%s: %w", page, err)
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
				return fmt.Errorf("%s: JSON-LD: %w", page, err)
			}
			graphLinks(graph, func(link string) { check(page, link) })
		}
	}
	return nil
}

// graphLinks calls link with every address of the JSON-LD graph v that a
// reader may follow.
func graphLinks(v any, link func(string)) {
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
			graphLinks(x, link)
		}
	case []any:
		for _, x := range v {
			graphLinks(x, link)
		}
	}
}

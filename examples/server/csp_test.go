package main

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/corpustest"
	xhtml "golang.org/x/net/html"
)

// policy is a Content-Security-Policy as its directives' source lists.
type policy map[string][]string

func parsePolicy(csp string) policy {
	p := policy{}
	for _, d := range strings.Split(csp, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			p[f[0]] = f[1:]
		}
	}
	return p
}

// allows reports whether directive (or default-src, in its absence) lets a
// page of the origin self load ref.
func (p policy) allows(directive, ref, self string) bool {
	sources, ok := p[directive]
	if !ok {
		sources = p["default-src"]
	}
	u, err := url.Parse(ref)
	if err != nil {
		return false
	}
	if !u.IsAbs() && u.Host == "" {
		u = &url.URL{Scheme: "https", Host: self, Path: u.Path}
	}
	for _, s := range sources {
		switch {
		case s == "'self'":
			if u.Host == self {
				return true
			}
		case strings.HasSuffix(s, ":"):
			if u.Scheme+":" == s {
				return true
			}
		case strings.Contains(s, "://"):
			if su, err := url.Parse(s); err == nil && su.Scheme == u.Scheme && su.Host == u.Host {
				return true
			}
		}
	}
	return false
}

// breaches returns what in an HTML page the policy keeps a browser from
// loading or running: a part of the page the reader would miss, or a
// sign of markup that should not be there.
func breaches(p policy, page, self string) []string {
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		return []string{err.Error()}
	}
	var found []string
	for n := range doc.Descendants() {
		if n.Type != xhtml.ElementNode {
			continue
		}
		attr := map[string]string{}
		for _, a := range n.Attr {
			attr[a.Key] = a.Val
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
				found = append(found, fmt.Sprintf("<%s %s>", n.Data, a.Key))
			}
		}
		load := func(directive, key string) {
			if v, ok := attr[key]; ok && !p.allows(directive, v, self) {
				found = append(found, fmt.Sprintf("<%s %s=%q> (%s)", n.Data, key, v, directive))
			}
		}
		switch n.Data {
		case "script":
			// A data block is not run, and no policy applies to it; any
			// other script the policy does not let run.
			if attr["type"] != "application/ld+json" {
				found = append(found, fmt.Sprintf("<script type=%q>", attr["type"]))
			}
		case "style", "base", "form", "object", "embed":
			found = append(found, "<"+n.Data+">")
		case "link":
			if attr["rel"] == "stylesheet" {
				load("style-src", "href")
			}
		case "img":
			load("img-src", "src")
		case "video", "audio", "source":
			load("media-src", "src")
			load("img-src", "poster")
		case "iframe":
			load("frame-src", "src")
		}
	}
	return found
}

// TestPagesKeepToTheirPolicy: what a page is made of (its style sheet,
// images, media and players, its JSON-LD data block) is what its
// Content-Security-Policy lets a browser load, and nothing it makes a
// browser refuse (an inline style, a script, a player from another host)
// is in it: a browser would show the page without it, and the reader
// would not know why.
func TestPagesKeepToTheirPolicy(t *testing.T) {
	h := testHandler(t)
	checkPolicy(t, h, "talks.example.org", 1)
}

// TestCorpusPagesKeepToTheirPolicy is TestPagesKeepToTheirPolicy over
// the corpus's pages: one in every ten, in their paths' order, which is
// a minute less under -race than all of them and still holds talks of
// every event and every kind of player.
func TestCorpusPagesKeepToTheirPolicy(t *testing.T) {
	if testing.Short() {
		t.Skip("a tenth of the corpus's pages")
	}
	h, err := newHandler(corpustest.Talks(t), "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	checkPolicy(t, h, "localhost", 10)
}

// checkPolicy checks every nth of h's pages, in their paths' order, by
// the policy each is served with.
func checkPolicy(t *testing.T, h *handler, self string, nth int) {
	t.Helper()
	paths := []string{"/"}
	for _, m := range []map[string]*listing{h.events, h.speakers} {
		for p := range m {
			paths = append(paths, p)
		}
	}
	for p := range h.talks {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var got []string
	for i, path := range paths {
		if i%nth != 0 {
			continue
		}
		res := do(h, "GET", path)
		csp := header(res, "Content-Security-Policy")
		if csp == "" {
			got = append(got, path+": no Content-Security-Policy")
			continue
		}
		_, page, _ := strings.Cut(res, "\n\n")
		for _, b := range breaches(parsePolicy(csp), page, self) {
			got = append(got, path+": "+b)
		}
	}
	if diff := cmp.Diff([]string(nil), got); diff != "" {
		t.Errorf("what the pages' policy refuses (-want +got):\n%s", diff)
	}
}

// TestBreaches: what breaches finds in a page, so that the tests above,
// which find nothing in the pages served, would find what they look for.
func TestBreaches(t *testing.T) {
	page := `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/style.css">
<link rel="stylesheet" href="https://cdn.example/x.css">
<style>p{}</style>
<script type="application/ld+json">{}</script>
<script>alert(1)</script>
<base href="https://elsewhere.example/">
</head><body style="color:red">
<img src="https://i.ytimg.com/x.jpg"><img src="data:image/png;base64,AA">
<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>
<iframe src="https://peertube.example/videos/embed/x"></iframe>
<video src="https://media.example/x.mp4" poster="javascript:x"></video>
<a href="/x" onclick="y()">x</a>
</body></html>`
	got := breaches(parsePolicy(contentSecurityPolicy), page, "talks.example.org")
	want := []string{
		`<link href="https://cdn.example/x.css"> (style-src)`,
		"<style>",
		`<script type="">`,
		"<base>",
		"<body style>",
		`<img src="data:image/png;base64,AA"> (img-src)`,
		`<iframe src="https://peertube.example/videos/embed/x"> (frame-src)`,
		`<video poster="javascript:x"> (img-src)`,
		"<a onclick>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

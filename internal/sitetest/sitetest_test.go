package sitetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBrokenLinks: a site's links, relative and absolute, from pages at
// its root and below, from JSON-LD and from calendars, each found or
// reported, with and without a base path; another host's are not
// followed.
func TestBrokenLinks(t *testing.T) {
	dir := t.TempDir()
	if err := Plant(dir, map[string]string{
		"index.html": `<a href="talks/a.html">a</a> <a href="talks/">all</a> <a href="missing.html">x</a>` +
			`<a href="https://other.example/x">other</a><img src="/py/img.png">`,
		"talks/a.html": `<a href="../index.html">up</a><a href="b.html">b</a>` +
			`<script type="application/ld+json">{"@graph": [{"@id": "/nowhere#talk", "url": "a.html", "image": "/py/gone.png"}]}</script>`,
		"talks/index.html": `<a href="/elsewhere.html">outside</a>`,
		"img.png":          "",
		"cal.ics":          "BEGIN:VEVENT\r\nURL:https://site.example/py/tal\r\n ks/a.html\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nURL:talks/c.html\r\nEND:VEVENT\r\n",
	}); err != nil {
		t.Fatal(err)
	}
	got, err := BrokenLinks(dir, "https://site.example/py")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"cal.ics: talks/c.html",
		"index.html: missing.html",
		"talks/a.html: /py/gone.png",
		"talks/a.html: b.html",
		"talks/index.html: /elsewhere.html (outside https://site.example/py/)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("BrokenLinks (-want +got):\n%s", diff)
	}
}

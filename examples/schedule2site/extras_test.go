package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/internal/golden"
)

// TestLinksAndOwners builds a schedule of talks without guids: their
// owners in the file of pages are their titles, a calendar refused is
// worded with the talk's title; a talk's links and attachments that
// would be paths on this site (relative, or made so by white space
// before "//", which the schedule reports as relative) are left out, an
// attachment without a title is called one, and one with a host and no
// scheme, or that cannot be parsed, is kept for the renderer to judge
// (which shows it as text); a speaker named twice by a talk, their first
// or another, lists the talk once, one whose name slugs past pageslug.Max
// has a page whose name is cut, and one without a name has none. The
// files, the file of owners, the talk's links and the speakers' lists
// are compared with testdata/extras.golden.
func TestLinksAndOwners(t *testing.T) {
	long := strings.Repeat("Name ", 60)
	schedule := `{"schedule": {"version": "1", "conference": {"acronym": "i", "title": "I", "days": [{"index": 1, "date": "2024-01-01", "rooms": {"R": [
{"title": "Links", "date": "2024-01-01T10:00:00Z", "duration": "00:10", "persons": [{"public_name": "Ada"}, {"public_name": "Ada"}],
 "links": [{"url": "/rel", "title": "Relative"}, {"url": "https://ok.example/", "title": "OK"}],
 "attachments": [{"url": "https://ok.example/a.pdf"}, {"url": " //cdn.example/y.pdf", "title": "Spaced"}, {"url": "//cdn.example/w.pdf", "title": "No scheme"}, {"url": "/system/z.pdf", "title": "Relative"}, {"title": "No URL"}, {"url": "https://ok.example/%zz", "title": "Unparsed"}]},
{"title": "Late", "date": "9999-12-31T23:30:00-12:00", "duration": "00:10", "persons": [{"public_name": "Ada"}, {"public_name": "` + long + `"}, {"biography": "Nameless"}, {"public_name": "Ada"}]}
]}}]}}}`
	src, dir := filepath.Join(t.TempDir(), "i.json"), t.TempDir()
	if err := os.WriteFile(src, []byte(schedule), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	st := run(src, dir, "", time.Unix(0, 0), never, &stderr)
	var b strings.Builder
	b.WriteString("status: " + strconv.Itoa(st) + "\n")
	for _, name := range siteFiles(t, dir) {
		b.WriteString("file: " + name + "\n")
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	b.WriteString("== .schedule2site-pages\n" + read(".schedule2site-pages"))
	b.WriteString("== links of talks/links.html\n" + regexp.MustCompile(`<section aria-labelledby="links">.*?</section>`).FindString(read("talks/links.html")) + "\n")
	talkLink := regexp.MustCompile(`<h3 dir="auto"><a href="([^"]*)"`)
	for _, name := range siteFiles(t, dir) {
		if strings.HasPrefix(name, "speakers/") {
			b.WriteString("== talks of " + name + "\n")
			for _, m := range talkLink.FindAllStringSubmatch(read(name), -1) {
				b.WriteString(m[1] + "\n")
			}
		}
	}
	b.WriteString("== stderr\n" + strings.ReplaceAll(stderr.String(), filepath.ToSlash(src), "i.json"))
	golden.Check(t, filepath.Join("testdata", "extras.golden"), []byte(b.String()))
}

// TestUsersPagesFile: a file named as the site's file of pages' owners
// that a user had in a directory they opted in (an empty .schedule2site),
// which no build wrote, is not read as one: the build goes on, and
// writes the site's own, as a fresh build does.
func TestUsersPagesFile(t *testing.T) {
	dir, fresh := t.TempDir(), t.TempDir()
	for name, content := range map[string]string{".schedule2site": "", ".schedule2site-pages": "my notes\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, out := range []string{dir, fresh} {
		var stderr bytes.Buffer
		if st := run("testdata/pair.json", out, "", time.Unix(0, 0), never, &stderr); st != 0 {
			t.Fatalf("-o %s: status %d: %s", out, st, stderr.String())
		}
	}
	read := func(dir string) string {
		data, err := os.ReadFile(filepath.Join(dir, ".schedule2site-pages"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if got, want := read(dir), read(fresh); got != want {
		t.Errorf("the file of pages' owners %q, want a fresh build's %q", got, want)
	}
}

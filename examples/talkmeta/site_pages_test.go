package main

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/pageslug"
)

// TestSitePageKeptThroughRetitle retitles a talk whose slug stays (its
// record names it) in a build where another record cannot be read, and
// in one that adds a talk of its slug read first: it keeps its page
// both times. Talks were known by their titles too: the page was kept
// for the old title, as for a record not read, and the retitled talk
// moved to another for good; and then the talk added took its page.
func TestSitePageKeptThroughRetitle(t *testing.T) {
	archive, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	plantFiles(t, archive, map[string]string{
		"ev/category.json": `{"title": "Ev"}`,
		"ev/videos/b.json": `{"title": "C", "slug": "c", "speakers": ["Bea"], "videos": []}`,
		"ev/videos/z.json": `{"title": "Z", "speakers": ["Bea"], "videos": []}`,
	})
	buildQuietly(t, out, archive)
	plantFiles(t, archive, map[string]string{
		"ev/videos/b.json": `{"title": "C, retitled", "slug": "c", "speakers": ["Bea"], "videos": []}`,
		"ev/videos/z.json": `{"title": "Z", "speakers": ["Bea"], "videos": [}`,
	})
	if got := runCommand("", "site", "-o", out, archive); got.status != 1 {
		t.Fatalf("status %d, want 1: %s", got.status, got.stderr)
	}
	if got := pageTitle(t, out, "ev/c.html"); got != "C, retitled" {
		t.Errorf("with a record not read, ev/c.html is %q's", got)
	}
	plantFiles(t, archive, map[string]string{
		"ev/videos/a.json": `{"title": "C++", "slug": "c", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/b.json": `{"title": "C, retitled again", "slug": "c", "speakers": ["Bea"], "videos": []}`,
		"ev/videos/z.json": `{"title": "Z", "speakers": ["Bea"], "videos": []}`,
	})
	buildQuietly(t, out, archive)
	if got := pageTitle(t, out, "ev/c.html"); got != "C, retitled again" {
		t.Errorf("with a talk of its slug added, ev/c.html is %q's", got)
	}
	wantPages(t, out, `"ev/c-a.html" "ev" "a"`, `"ev/c.html" "ev" "b"`, `"ev/z.html" "ev" "z"`, `"events/ev.html" "ev"`)
}

// TestSitePagesOfAnOlderBuild builds over a site whose file of pages'
// owners names talks by their titles too, as builds did before talks
// were known by their IDs, adding a talk of a slug that two talks of it
// share, read first: every talk keeps its page, and the file names them
// as builds do now. Read as it was, no talk of the build was any
// owner's: the talk added took ev/c.html, and the one that had it moved.
func TestSitePagesOfAnOlderBuild(t *testing.T) {
	archive, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	plantFiles(t, archive, map[string]string{
		"ev/category.json": `{"title": "Ev"}`,
		"ev/videos/b.json": `{"title": "C", "speakers": ["Bea"], "videos": []}`,
		"ev/videos/c.json": `{"title": "C!", "speakers": ["Bea"], "videos": []}`,
	})
	buildQuietly(t, out, archive)
	plantFile(t, filepath.Join(out, sitePages), pageslug.PagesFileHeader+
		`"ev/c-c.html" "ev" "c" "C!"`+"\n"+
		`"ev/c.html" "ev" "b" "C"`+"\n"+
		`"events/ev.html" "ev"`+"\n")
	plantFiles(t, archive, map[string]string{"ev/videos/a.json": `{"title": "C?", "speakers": ["Ada"], "videos": []}`})
	buildQuietly(t, out, archive)
	for page, title := range map[string]string{"ev/c.html": "C", "ev/c-c.html": "C!", "ev/c-a.html": "C?"} {
		if got := pageTitle(t, out, page); got != title {
			t.Errorf("%s is %q's, want %q's", page, got, title)
		}
	}
	wantPages(t, out, `"ev/c-a.html" "ev" "a"`, `"ev/c-c.html" "ev" "c"`, `"ev/c.html" "ev" "b"`, `"events/ev.html" "ev"`)
}

// TestTalksByID renames the owners of an older build's file of pages'
// owners as builds name them now, but for a talk without an ID, and two
// of one ID, which keep their titles, and the owners of other forms.
func TestTalksByID(t *testing.T) {
	pages, err := pageslug.ParsePages([]byte(
		`"ev/c.html" "ev" "b" "C"`+"\n"+
			`"ev/d.html" titled "Ev 2" "d" "D"`+"\n"+
			`"events/ev.html" "ev"`+"\n"+
			`"ev/x.html" "ev" "" "X"`+"\n"+
			`"ev/y.html" "ev" "y" "Y"`+"\n"+
			`"ev/y-2.html" "ev" "y" "Y2"`+"\n"+
			`"ev/z.html" "ev" "z"`+"\n"+
			`"ev/z-2.html" "ev" "z" "Z2"`+"\n"+
			`"events/old.html" directory "old" of "ev"`+"\n"), "pages")
	if err != nil {
		t.Fatal(err)
	}
	talksByID(pages)
	pages.Settle(true) // every page kept, to list them all
	want := `"ev/c.html" "ev" "b"` + "\n" +
		`"ev/d.html" titled "Ev 2" "d"` + "\n" +
		`"ev/x.html" "ev" "" "X"` + "\n" +
		`"ev/y-2.html" "ev" "y" "Y2"` + "\n" +
		`"ev/y.html" "ev" "y" "Y"` + "\n" +
		`"ev/z-2.html" "ev" "z" "Z2"` + "\n" +
		`"ev/z.html" "ev" "z"` + "\n" +
		`"events/ev.html" "ev"` + "\n" +
		`"events/old.html" directory "old" of "ev"` + "\n"
	if diff := cmp.Diff(want, string(pages.Text(""))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWithoutTitle reads owners of talks' pages as builds named them
// before talks were known by their IDs, and not others.
func TestWithoutTitle(t *testing.T) {
	for owner, want := range map[string]string{
		`"ev" "b" "C"`:                `"ev" "b"`,
		`titled "Ev" "b" "C \"x\" y"`: `titled "Ev" "b"`,
		`"e v" "b c" ""`:              `"e v" "b c"`,
		`"ev" "" "C"`:                 "",
		`"ev" "b"`:                    "",
		`"ev"`:                        "",
		`directory "x" of "ev"`:       "",
		`"ev" "b" "C" "D"`:            "",
		`"ev"  "b" "C"`:               "",
		`"ev" "b" "C" `:               "",
		"`ev` \"b\" \"C\"":            "",
		`"ev" "b" "C`:                 "",
		`titled titled "Ev" "b" "C"`:  "",
	} {
		got, ok := withoutTitle(owner)
		if got != want || ok != (want != "") {
			t.Errorf("withoutTitle(%s) = %q, %v; want %q", owner, got, ok, want)
		}
	}
}

// TestSiteTalksOfOneID builds a site of talks that their IDs do not tell
// apart: two archives' talks of one event and ID but other titles, and
// two talks without IDs. Each has a page of its own, and the file of
// pages' owners names them by their titles too, but for the first of
// an ID, where a key of the ID alone gave the second the first's page.
func TestSiteTalksOfOneID(t *testing.T) {
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	plantFiles(t, dir, map[string]string{
		"one/ev/category.json": `{"title": "Ev"}`,
		"one/ev/videos/a.json": `{"title": "A", "speakers": ["Ada"], "videos": []}`,
		"two/ev/category.json": `{"title": "Ev"}`,
		"two/ev/videos/a.json": `{"title": "B", "speakers": ["Bea"], "videos": []}`,
		"c1.json":              `{"title": "C", "event": {"title": "Odd"}, "speakers": [{"name": "Cy"}], "videos": []}`,
		"c2.json":              `{"title": "C!", "event": {"title": "Odd"}, "speakers": [{"name": "Cy"}], "videos": []}`,
	})
	got := runCommand("", "site", "-o", out, dir+"/one", dir+"/two", dir+"/c1.json", dir+"/c2.json")
	if got.status != 0 {
		t.Fatalf("site = %+v", got)
	}
	for page, title := range map[string]string{"ev/a.html": "A", "ev/b.html": "B", "odd/c.html": "C", "odd/c-2.html": "C!"} {
		if got := pageTitle(t, out, page); got != title {
			t.Errorf("%s is %q's, want %q's", page, got, title)
		}
	}
	wantPages(t, out, `"ev/a.html" "ev" "a"`, `"ev/b.html" "ev" "a" "B"`, `"events/ev.html" "ev"`,
		`"events/odd.html" titled "Odd"`, `"odd/c-2.html" titled "Odd" "" "C!"`, `"odd/c.html" titled "Odd" "" "C"`)
}

// TestSiteTalksOfOneIDKeepTheirPages: of two archives' talks of one
// event and ID, the second keeps its page, named by its title, while the
// first cannot be read, and once it is deleted; and two such talks of an
// older build's file keep theirs while another record cannot be read.
// The talk that was second was the first of its ID in the build, and
// took the ID's page, the other talk's.
func TestSiteTalksOfOneIDKeepTheirPages(t *testing.T) {
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	plantFiles(t, dir, map[string]string{
		"one/ev/category.json": `{"title": "Ev"}`,
		"one/ev/videos/y.json": `{"title": "C", "speakers": ["Ada"], "videos": []}`,
		"one/ev/videos/z.json": `{"title": "Other", "speakers": ["Ada"], "videos": []}`,
		"two/ev/category.json": `{"title": "Ev"}`,
		"two/ev/videos/y.json": `{"title": "C?", "speakers": ["Bea"], "videos": []}`,
	})
	build := func(status int) {
		t.Helper()
		if got := runCommand("", "site", "-o", out, dir+"/one", dir+"/two"); got.status != status {
			t.Fatalf("site = %+v, want status %d", got, status)
		}
	}
	build(0)
	plantFiles(t, dir, map[string]string{"one/ev/videos/y.json": `{"title": "C", `})
	build(1)
	if got := pageTitle(t, out, "ev/c-y.html"); got != "C?" {
		t.Errorf("with the first not read, ev/c-y.html is %q's", got)
	}
	if diff := cmp.Diff(".talkmeta-site\n.talkmeta-site-pages\nev/c-y.html\nev/other.html\nevents/ev.html\nindex.html\nspeaker/ada.html\nspeaker/bea.html\nstyle.css\n", siteFiles(t, out)); diff != "" {
		t.Errorf("files with the first not read (-want +got):\n%s", diff)
	}
	if err := os.Remove(filepath.Join(dir, "one", "ev", "videos", "y.json")); err != nil {
		t.Fatal(err)
	}
	build(0)
	if got := pageTitle(t, out, "ev/c-y.html"); got != "C?" {
		t.Errorf("with the first deleted, ev/c-y.html is %q's", got)
	}

	plantFiles(t, dir, map[string]string{
		"one/ev/videos/y.json": `{"title": "A", "speakers": ["Ada"], "videos": []}`,
		"two/ev/videos/y.json": `{"title": "B", "speakers": ["Bea"], "videos": []}`,
		"one/ev/videos/z.json": `{"title": "Other", `,
	})
	plantFile(t, filepath.Join(out, sitePages), pageslug.PagesFileHeader+
		`"ev/a.html" "ev" "y" "A"`+"\n"+
		`"ev/b.html" "ev" "y" "B"`+"\n"+
		`"ev/other.html" "ev" "z" "Other"`+"\n"+
		`"events/ev.html" "ev"`+"\n")
	build(1)
	for page, title := range map[string]string{"ev/a.html": "A", "ev/b.html": "B"} {
		if got := pageTitle(t, out, page); got != title {
			t.Errorf("an older build's file: %s is %q's, want %q's", page, got, title)
		}
	}
}

// pageTitle returns the title of the talk whose page, a slash-separated
// path, the site out holds: its <title> up to " · " and the event.
func pageTitle(t *testing.T, out, page string) string {
	t.Helper()
	text := readFile(t, filepath.Join(out, filepath.FromSlash(page)))
	_, title, _ := strings.Cut(text, "<title>")
	title, _, _ = strings.Cut(title, " ·")
	return html.UnescapeString(title)
}

// wantPages fails t unless the site out's file of pages' owners lists
// the lines, after its header.
func wantPages(t *testing.T, out string, lines ...string) {
	t.Helper()
	want := pageslug.PagesFileHeader + strings.Join(lines, "\n") + "\n"
	if diff := cmp.Diff(want, readFile(t, filepath.Join(out, sitePages))); diff != "" {
		t.Errorf("%s (-want +got):\n%s", sitePages, diff)
	}
}

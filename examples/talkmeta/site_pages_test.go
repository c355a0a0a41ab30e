package main

import (
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
	if page := readFile(t, filepath.Join(out, "ev", "c.html")); !strings.Contains(page, "<title>C, retitled ") {
		t.Errorf("ev/c.html is not the retitled talk's, with a record not read:\n%.300s", page)
	}
	plantFiles(t, archive, map[string]string{
		"ev/videos/a.json": `{"title": "C++", "slug": "c", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/b.json": `{"title": "C, retitled again", "slug": "c", "speakers": ["Bea"], "videos": []}`,
		"ev/videos/z.json": `{"title": "Z", "speakers": ["Bea"], "videos": []}`,
	})
	buildQuietly(t, out, archive)
	if page := readFile(t, filepath.Join(out, "ev", "c.html")); !strings.Contains(page, "<title>C, retitled again ") {
		t.Errorf("ev/c.html is not the retitled talk's, with a talk of its slug added:\n%.300s", page)
	}
	want := pageslug.PagesFileHeader +
		`"ev/c-a.html" "ev" "a"` + "\n" +
		`"ev/c.html" "ev" "b"` + "\n" +
		`"ev/z.html" "ev" "z"` + "\n" +
		`"events/ev.html" "ev"` + "\n"
	if diff := cmp.Diff(want, readFile(t, filepath.Join(out, sitePages))); diff != "" {
		t.Errorf("%s (-want +got):\n%s", sitePages, diff)
	}
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
	for page, title := range map[string]string{"c.html": "C", "c-c.html": "C!", "c-a.html": "C?"} {
		if got := readFile(t, filepath.Join(out, "ev", page)); !strings.Contains(got, "<title>"+title+" ") {
			t.Errorf("ev/%s is not %s's:\n%.300s", page, title, got)
		}
	}
	want := pageslug.PagesFileHeader +
		`"ev/c-a.html" "ev" "a"` + "\n" +
		`"ev/c-c.html" "ev" "c"` + "\n" +
		`"ev/c.html" "ev" "b"` + "\n" +
		`"events/ev.html" "ev"` + "\n"
	if diff := cmp.Diff(want, readFile(t, filepath.Join(out, sitePages))); diff != "" {
		t.Errorf("%s (-want +got):\n%s", sitePages, diff)
	}
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
		if got := readFile(t, filepath.Join(out, filepath.FromSlash(page))); !strings.Contains(got, "<title>"+title+" ") {
			t.Errorf("%s is not %s's:\n%.300s", page, title, got)
		}
	}
	want := pageslug.PagesFileHeader +
		`"ev/a.html" "ev" "a"` + "\n" +
		`"ev/b.html" "ev" "a" "B"` + "\n" +
		`"events/ev.html" "ev"` + "\n" +
		`"events/odd.html" titled "Odd"` + "\n" +
		`"odd/c-2.html" titled "Odd" "" "C!"` + "\n" +
		`"odd/c.html" titled "Odd" "" "C"` + "\n"
	if diff := cmp.Diff(want, readFile(t, filepath.Join(out, sitePages))); diff != "" {
		t.Errorf("%s (-want +got):\n%s", sitePages, diff)
	}
}

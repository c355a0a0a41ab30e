package main

import (
	"errors"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/internal/sitetest"
	"github.com/talkmeta/talkmeta/talk"
)

// servedAs reads the archive as a does, and lists what its log said and
// the title of each page of paths, or its status when it is not served.
func servedAs(t *testing.T, a *archiveServer, paths ...string) []string {
	t.Helper()
	var log strings.Builder
	a.log = &log
	if _, err := a.read(); err != nil {
		t.Fatalf("%v; log:\n%s", err, log.String())
	}
	got := strings.Split(strings.TrimSuffix(strings.ReplaceAll(log.String(), a.dir, "DIR"), "\n"), "\n")
	title := regexp.MustCompile(`<title>([^<]*)</title>`)
	for _, p := range paths {
		page := do(a.current.Load(), "GET", p)
		if m := title.FindStringSubmatch(page); m != nil {
			got = append(got, p+": "+html.UnescapeString(m[1]))
		} else {
			got = append(got, p+": "+strings.SplitN(page, "\n", 2)[0])
		}
	}
	return got
}

// TestPagesKeptAcrossReads: a talk added whose slug is another's ("C++"
// beside "C"), and whose file comes first, gets a page of its own, where
// it took the other's and moved it (a link people shared led to another
// talk): the pages of one read are kept by the next, within one run and,
// with -pages, from one run to the next; a talk that cannot be read for
// a while keeps its page, which another talk of its slug does not take;
// and it has it again once it is read.
func TestPagesKeptAcrossReads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	plant := func(files map[string]string) {
		t.Helper()
		if err := sitetest.Plant(dir, files); err != nil {
			t.Fatal(err)
		}
	}
	plant(map[string]string{
		"conf/category.json": `{"title": "Conf"}`,
		"conf/videos/m.json": `{"id": 11, "title": "C"}`,
	})
	pagesFile := filepath.Join(t.TempDir(), "pages")
	inRun := &archiveServer{dir: dir}
	withFile := &archiveServer{dir: dir, pagesFile: pagesFile}
	for _, a := range []*archiveServer{inRun, withFile} {
		if diff := cmp.Diff([]string{"", "/conf/c.html: C · Conf"}, servedAs(t, a, "/conf/c.html")); diff != "" {
			t.Errorf("first read (-want +got):\n%s", diff)
		}
	}

	plant(map[string]string{"conf/videos/a.json": `{"id": 12, "title": "C++"}`})
	added := []string{
		"DIR/conf/videos/a.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-a.html",
		"/conf/c.html: C · Conf", "/conf/c-a.html: C++ · Conf",
	}
	if diff := cmp.Diff(added, servedAs(t, inRun, "/conf/c.html", "/conf/c-a.html")); diff != "" {
		t.Errorf("read again (-want +got):\n%s", diff)
	}
	restarted := &archiveServer{dir: dir, pagesFile: pagesFile}
	if diff := cmp.Diff(added, servedAs(t, restarted, "/conf/c.html", "/conf/c-a.html")); diff != "" {
		t.Errorf("a new run with -pages (-want +got):\n%s", diff)
	}
	// Without either, the talk added first takes the page.
	fresh := []string{
		"DIR/conf/videos/m.json: its page /conf/c.html is DIR/conf/videos/a.json's already; it is served at /conf/c-m.html",
		"/conf/c.html: C++ · Conf",
	}
	if diff := cmp.Diff(fresh, servedAs(t, &archiveServer{dir: dir}, "/conf/c.html")); diff != "" {
		t.Errorf("a new run without -pages (-want +got):\n%s", diff)
	}

	// m.json mid-edit, and another "C" added: m's page waits for it.
	plant(map[string]string{"conf/videos/m.json": `{"id": 11, "title": "C"`, "conf/videos/z.json": `{"id": 13, "title": "C!"}`})
	unread := []string{
		"DIR/conf/videos/m.json:1:24: invalid JSON: unexpected end of input",
		"DIR/conf/videos/a.json: its page /conf/c.html is kept for a record that had it when the archive was last read, and was not read this time; it is served at /conf/c-a.html",
		"DIR/conf/videos/z.json: its page /conf/c.html is kept for a record that had it when the archive was last read, and was not read this time; it is served at /conf/c-z.html",
		"/conf/c.html: HTTP/1.1 404 Not Found", "/conf/c-z.html: C! · Conf",
	}
	if diff := cmp.Diff(unread, servedAs(t, restarted, "/conf/c.html", "/conf/c-z.html")); diff != "" {
		t.Errorf("a record not read (-want +got):\n%s", diff)
	}
	plant(map[string]string{"conf/videos/m.json": `{"id": 11, "title": "C"}`})
	back := []string{
		"DIR/conf/videos/a.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-a.html",
		"DIR/conf/videos/z.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-z.html",
		"/conf/c.html: C · Conf",
	}
	if diff := cmp.Diff(back, servedAs(t, restarted, "/conf/c.html")); diff != "" {
		t.Errorf("the record read again (-want +got):\n%s", diff)
	}
	data, err := os.ReadFile(pagesFile)
	if err != nil {
		t.Fatal(err)
	}
	want := pageslug.PagesFileHeader +
		`"conf/c-a.html" talk "conf" "Conf" "a" "C++"` + "\n" +
		`"conf/c-z.html" talk "conf" "Conf" "z" "C!"` + "\n" +
		`"conf/c.html" talk "conf" "Conf" "m" "C"` + "\n" +
		`"events/conf.html" event "conf" "Conf"` + "\n"
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", pagesFile, diff)
	}
}

// TestPagesFileRefused: a -pages file that does not say which record has
// which page (cut short, or edited by hand) is an error naming its line,
// and the archive is not served from a guess, which would move pages; nor
// is it served when the file cannot be written, whose pages the next run
// would not know.
func TestPagesFileRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	if err := sitetest.Plant(dir, map[string]string{"conf/category.json": `{"title": "Conf"}`, "conf/videos/m.json": `{"title": "C"}`}); err != nil {
		t.Fatal(err)
	}
	pagesFile := filepath.Join(t.TempDir(), "pages")
	if err := os.WriteFile(pagesFile, []byte("# owners\n\"conf/c.html\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := &archiveServer{dir: dir, pagesFile: pagesFile, log: &strings.Builder{}}
	_, err := a.read()
	var pe *pageslug.PagesFileError
	if !errors.As(err, &pe) || pe.Line != 2 || a.current.Load() != nil {
		t.Errorf("read: %v, want a *pageslug.PagesFileError for line 2, and nothing served", err)
	}
	a = &archiveServer{dir: dir, pagesFile: filepath.Join(t.TempDir(), "no-such-directory", "pages"), log: &strings.Builder{}}
	if _, err := a.read(); err == nil || !strings.HasPrefix(err.Error(), "-pages: ") || a.current.Load() != nil {
		t.Errorf("read: %v, want a -pages error, and nothing served", err)
	}
}

// TestPagesApartInCase: talks whose slugs differ only in case ("Intro",
// "intro") have pages of their own that differ in more than case, as
// talkmeta site gives them, so that both programs give an archive the
// same pages.
func TestPagesApartInCase(t *testing.T) {
	ev := talk.Event{ID: "conf", Title: "Conf"}
	h, err := newHandler([]*talk.Talk{
		{ID: "a", Title: "A", Slug: "Intro", Event: ev, Origin: talk.Origin{Path: "a.json"}},
		{ID: "b", Title: "B", Slug: "intro", Event: ev, Origin: talk.Origin{Path: "b.json"}},
	}, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	status := func(path string) string { return strings.SplitN(do(h, "GET", path), "\n", 2)[0] }
	got := append(h.warnings, status("/conf/Intro.html"), status("/conf/intro-b.html"), status("/conf/intro.html"))
	want := []string{"b.json: its page /conf/intro.html is a.json's already; it is served at /conf/intro-b.html", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

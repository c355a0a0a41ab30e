package main

import (
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/osfs"
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

// wantServed fails t unless a read of the archive, as a reads it, logs
// and serves what want says of the pages of paths (see servedAs); step
// names the read in the failure.
func wantServed(t *testing.T, step string, want []string, a *archiveServer, paths ...string) {
	t.Helper()
	if diff := cmp.Diff(want, servedAs(t, a, paths...)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", step, diff)
	}
}

// TestPagesKeptAcrossReads: a talk added whose slug is another's ("C++"
// beside "C"), and whose file comes first, gets a page of its own, where
// it took the other's and moved it (a link people shared led to another
// talk): the pages of one read are kept by the next, within one run and,
// with -pages, from one run to the next; a talk that cannot be read for
// a while is served as read before, or, in a run that has not read it,
// keeps its page, which another talk of its slug does not take; and it
// has it again once it is read.
func TestPagesKeptAcrossReads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	plantIn(t, dir, map[string]string{
		"conf/category.json": `{"title": "Conf"}`,
		"conf/videos/m.json": `{"id": 11, "title": "C"}`,
	})
	pagesFile := filepath.Join(t.TempDir(), "pages")
	inRun := &archiveServer{dir: dir}
	withFile := &archiveServer{dir: dir, pagesFile: pagesFile}
	for _, a := range []*archiveServer{inRun, withFile} {
		wantServed(t, "first read", []string{"", "/conf/c.html: C · Conf"}, a, "/conf/c.html")
	}

	plantIn(t, dir, map[string]string{"conf/videos/a.json": `{"id": 12, "title": "C++"}`})
	added := []string{
		"DIR/conf/videos/a.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-a.html",
		"/conf/c.html: C · Conf", "/conf/c-a.html: C++ · Conf",
	}
	wantServed(t, "read again", added, inRun, "/conf/c.html", "/conf/c-a.html")
	restarted := &archiveServer{dir: dir, pagesFile: pagesFile}
	wantServed(t, "a new run with -pages", added, restarted, "/conf/c.html", "/conf/c-a.html")
	// Without either, the talk added first takes the page.
	fresh := []string{
		"DIR/conf/videos/m.json: its page /conf/c.html is DIR/conf/videos/a.json's already; it is served at /conf/c-m.html",
		"/conf/c.html: C++ · Conf",
	}
	wantServed(t, "a new run without -pages", fresh, &archiveServer{dir: dir}, "/conf/c.html")

	// m.json mid-edit, and another "C" added: within a run, m is served
	// as it was read before, on its page.
	plantIn(t, dir, map[string]string{"conf/videos/m.json": `{"id": 11, "title": "C"`, "conf/videos/z.json": `{"id": 13, "title": "C!"}`})
	asBefore := []string{
		"DIR/conf/videos/m.json:1:24: invalid JSON: unexpected end of input; the talk is served as read before",
		"DIR/conf/videos/a.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-a.html",
		"DIR/conf/videos/z.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-z.html",
		"/conf/c.html: C · Conf", "/conf/c-z.html: C! · Conf",
	}
	wantServed(t, "a record not read", asBefore, restarted, "/conf/c.html", "/conf/c-z.html")
	// In a new run, which never read m, its page waits for it.
	restarted = &archiveServer{dir: dir, pagesFile: pagesFile}
	unread := []string{
		"DIR/conf/videos/m.json:1:24: invalid JSON: unexpected end of input",
		"DIR/conf/videos/a.json: its page /conf/c.html is kept for talk \"conf\" \"m\", which had it when the archive was last read, and was not read this time; it is served at /conf/c-a.html",
		"DIR/conf/videos/z.json: its page /conf/c.html is kept for talk \"conf\" \"m\", which had it when the archive was last read, and was not read this time; it is served at /conf/c-z.html",
		"/conf/c.html: HTTP/1.1 404 Not Found", "/conf/c-z.html: C! · Conf",
	}
	wantServed(t, "a record not read in a new run", unread, restarted, "/conf/c.html", "/conf/c-z.html")
	// The file keeps m's page, and gives the talk added its own.
	wantFile(t, pagesFile, pageslug.PagesFileHeader+
		`"conf/c-a.html" talk "conf" "a"`+"\n"+
		`"conf/c-z.html" talk "conf" "z"`+"\n"+
		`"conf/c.html" talk "conf" "m"`+"\n"+
		`"events/conf.html" event "conf"`+"\n")
	plantIn(t, dir, map[string]string{"conf/videos/m.json": `{"id": 11, "title": "C"}`})
	back := []string{
		"DIR/conf/videos/a.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-a.html",
		"DIR/conf/videos/z.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-z.html",
		"/conf/c.html: C · Conf",
	}
	wantServed(t, "the record read again", back, restarted, "/conf/c.html")
	wantFile(t, pagesFile, pageslug.PagesFileHeader+
		`"conf/c-a.html" talk "conf" "a"`+"\n"+
		`"conf/c-z.html" talk "conf" "z"`+"\n"+
		`"conf/c.html" talk "conf" "m"`+"\n"+
		`"events/conf.html" event "conf"`+"\n")
}

// wantFile fails t unless the file name holds want.
func wantFile(t *testing.T, name, want string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

// TestPagesFileRefused: a -pages file that does not say which record has
// which page (cut short, or edited by hand) is an error naming its line,
// and the archive is not served from a guess, which would move pages; nor
// is it served when the file cannot be written, whose pages the next run
// would not know. A file whose lines an editor ended with CR LF is read.
func TestPagesFileRefused(t *testing.T) {
	dir := plantArchive(t, map[string]string{"conf/category.json": `{"title": "Conf"}`, "conf/videos/m.json": `{"title": "C"}`})
	const fix = "; it says which record owns which page of the site: correct the line, or remove it (the page then goes to the first record that wants it) or the whole file (every page does)"
	tests := []struct{ file, err string }{
		{"# owners\n\"conf/c.html\"\n", `-pages: PAGES:2: page "conf/c.html" is followed by no owner` + fix},
		{"\"conf/c.html\" talk \"conf\" \"m\"", "-pages: PAGES:1: the last line does not end: the file was cut short" + fix},
		{"\"conf/c.html\" talk \"conf\" \"m\"\n\"conf/C.html\" talk \"conf\" \"a\"\n",
			`-pages: PAGES:2: page "conf/C.html" is talk "conf" "m"'s already as "conf/c.html", one name to a file system that ignores case, on line 1` + fix},
		{"\"conf/c.html\" talk \"conf\" \"m\"\n\"conf/d.html\" talk \"conf\" \"m\"\n",
			`-pages: PAGES:2: talk "conf" "m" has page "conf/c.html" already, on line 1` + fix},
		{"# owners\r\n\"conf/c-2.html\" talk \"conf\" \"m\"\r\n", ""},
		{"", "-pages: PAGES is empty: it was cut short or emptied; remove it to give every page anew"},
	}
	for _, tt := range tests {
		pagesFile := filepath.Join(t.TempDir(), "pages")
		if err := os.WriteFile(pagesFile, []byte(tt.file), 0o644); err != nil {
			t.Fatal(err)
		}
		a := &archiveServer{dir: dir, pagesFile: pagesFile, log: &strings.Builder{}}
		_, err := a.read()
		var pe *pageslug.PagesFileError
		switch {
		case tt.err == "":
			if err != nil || !strings.Contains(do(a.current.Load(), "GET", "/conf/c-2.html"), "<title>C · Conf</title>") {
				t.Errorf("%q: %v", tt.file, err)
			}
		case err == nil || strings.ReplaceAll(err.Error(), pagesFile, "PAGES") != tt.err || !errors.As(err, &pe) && tt.file != "" || a.current.Load() != nil:
			t.Errorf("%q: read: %v, want a *pageslug.PagesFileError:\n%s\nand nothing served", tt.file, err, tt.err)
		}
	}
	a := &archiveServer{dir: dir, pagesFile: filepath.Join(t.TempDir(), "no-such-directory", "pages"), log: &strings.Builder{}}
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

// fuzzTalks makes a talk of each byte of b, of titles, slugs and events
// that slug alike in the ways pages collide: "C", "C++" and "c!"; slugs
// "Intro" and "intro", "café" composed and decomposed; a talk of the event
// "Events" titled like the event "Odd Con"; talks of one title in two
// events, and with and without IDs.
func fuzzTalks(b []byte) []*talk.Talk {
	titles := [...][2]string{{"C", ""}, {"C++", ""}, {"c!", ""}, {"A", "Intro"}, {"B", "intro"}, {"Odd Con", ""}, {"x", "caf\u00e9"}, {"y", "cafe\u0301"}}
	events := [...]talk.Event{{ID: "conf", Title: "Conf"}, {ID: "conf2", Title: "Conf!"}, {ID: "events", Title: "Events"}, {ID: "odd", Title: "Odd Con"}, {Title: "Conf"}}
	ids := [...]string{"", "p", "q"}
	talks := make([]*talk.Talk, len(b))
	for i, c := range b {
		n := int(c)
		tt := titles[n%len(titles)]
		n /= len(titles)
		ev := events[n%len(events)]
		n /= len(events)
		talks[i] = &talk.Talk{Title: tt[0], Slug: tt[1], ID: ids[n%len(ids)], Event: ev, Origin: talk.Origin{Path: fmt.Sprintf("%d.json", i)}}
	}
	return talks
}

// FuzzPagesKept: whatever talks two reads of an archive hold, each read
// serves each talk and event at a page of its own, no two of them one
// but in case or Unicode form, and the second read serves every talk and
// event that both hold (by their claims, see owners), and whose slugs
// are as they were, at the page the first gave it.
func FuzzPagesKept(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 21, 29}, []byte{29, 21, 7, 6, 5, 4, 3, 2, 1, 0})
	f.Add([]byte{1, 41, 81}, []byte{0, 40, 1, 81, 2})
	f.Add([]byte{5, 29}, []byte{29, 5, 13, 21})
	f.Fuzz(func(t *testing.T, first, second []byte) {
		if len(first)+len(second) > 64 {
			return
		}
		pages := pageslug.NewPages()
		before := servedPages(t, fuzzTalks(first), pages)
		last, err := pageslug.ParsePages(pages.Text(pageslug.PagesFileHeader), "pages")
		if err != nil {
			t.Fatal(err)
		}
		after := servedPages(t, fuzzTalks(second), last)
		for owner, page := range after {
			if had, ok := before[owner]; ok && had.slugged == page.slugged && had.served != page.served {
				t.Errorf("%s: %s in the first read, %s in the second", owner, had.served, page.served)
			}
		}
	})
}

// servedPages reads talks with the claims of pages, and returns the page
// of each talk and event served, and the page its slug names, by its claim
// (see owners), failing t where two are one page but in case or Unicode
// form, or where a talk is not served but for a copy of one before it.
func servedPages(t *testing.T, talks []*talk.Talk, pages *pageslug.Pages) map[string]slugServed {
	t.Helper()
	h, err := newHandler(talks, "", archiveRead, pages, false)
	if err != nil {
		t.Fatal(err)
	}
	o := ownersOf(talks)
	served := map[string]slugServed{}
	folded := map[string]string{}
	add := func(owner, slugged, page string) {
		if other, ok := folded[osfs.FoldName(page)]; ok && other != owner {
			t.Errorf("%s and %s are both at %s", other, owner, page)
		}
		folded[osfs.FoldName(page)] = owner
		served[owner] = slugServed{slugged, page}
	}
	for _, tk := range talks {
		if _, copied := served[o.talks[tk]]; copied {
			continue // read twice: served once
		}
		page := h.urls.Talk(tk)
		if h.talks[pageKey(page)] != tk {
			t.Errorf("%s: not served at %s", o.talks[tk], page)
			continue
		}
		add(o.talks[tk], h.urls.PyvideoURLs.Talk(tk), page)
		ev := h.urls.Event(&tk.Event)
		if l := h.events[pageKey(ev)]; l == nil || o.events[eventKey{l.event.ID, l.event.Title}] != o.events[eventKey{tk.Event.ID, tk.Event.Title}] {
			t.Errorf("%s: not served at %s", o.events[eventKey{tk.Event.ID, tk.Event.Title}], ev)
		}
		add(o.events[eventKey{tk.Event.ID, tk.Event.Title}], h.urls.PyvideoURLs.Event(&tk.Event), ev)
	}
	return served
}

// slugServed is the page a talk's or event's slug names, and the page it
// is served at.
type slugServed struct{ slugged, served string }

// TestPagesKeptThroughEdits: a talk or event keeps its page when its
// record is edited and its slug is not: the event's title given in
// another case, a talk's title, even while another record cannot be
// read. Their claims named them by their titles: the event's new title
// made every talk of it a stranger to its page, and the talks whose
// slugs are alike took their pages over again in the order of their
// files ("C++", first, took "C"'s); a talk retitled while a record could
// not be read lost its page to its own old title, for good. A talk whose
// slug an edit changes has the page of its new slug, and another talk
// the page it left. A talk that keeps its page where the page its slug
// names is free is not said to be kept from it for a record not read.
func TestPagesKeptThroughEdits(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	servers := []*archiveServer{{dir: dir}, {dir: dir, pagesFile: filepath.Join(t.TempDir(), "pages")}}
	const aMoved = "DIR/conf/videos/a.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-a.html"
	steps := []struct {
		name   string
		plant  map[string]string
		remove []string
		paths  []string
		want   []string
	}{{
		name:  "first read",
		plant: map[string]string{"conf/category.json": `{"title": "Conf"}`, "conf/videos/m.json": `{"title": "C"}`},
		paths: []string{"/conf/c.html"},
		want:  []string{"", "/conf/c.html: C · Conf"},
	}, {
		name:  "a talk added whose slug is another's",
		plant: map[string]string{"conf/videos/a.json": `{"title": "C++"}`},
		paths: []string{"/conf/c.html", "/conf/c-a.html"},
		want:  []string{aMoved, "/conf/c.html: C · Conf", "/conf/c-a.html: C++ · Conf"},
	}, {
		name:  "the event's title in capitals",
		plant: map[string]string{"conf/category.json": `{"title": "CONF"}`},
		paths: []string{"/conf/c.html", "/conf/c-a.html", "/events/conf.html"},
		want:  []string{aMoved, "/conf/c.html: C · CONF", "/conf/c-a.html: C++ · CONF", "/events/conf.html: CONF"},
	}, {
		name:  "a talk retitled while a record cannot be read",
		plant: map[string]string{"conf/videos/m.json": `{"title": "c"}`, "conf/videos/bad.json": `{"title": `},
		paths: []string{"/conf/c.html", "/conf/c-m.html"},
		want: []string{
			"DIR/conf/videos/bad.json:1:11: invalid JSON: unexpected end of input",
			aMoved, "/conf/c.html: c · CONF", "/conf/c-m.html: HTTP/1.1 404 Not Found",
		},
	}, {
		name:   "the record read again",
		remove: []string{"conf/videos/bad.json"},
		paths:  []string{"/conf/c.html"},
		want:   []string{aMoved, "/conf/c.html: c · CONF"},
	}, {
		name:  "a talk retitled to another slug, and a talk added of its old one",
		plant: map[string]string{"conf/videos/m.json": `{"title": "D"}`, "conf/videos/z.json": `{"title": "C!"}`},
		paths: []string{"/conf/c.html", "/conf/d.html", "/conf/c-a.html"},
		want: []string{
			"DIR/conf/videos/a.json: its page /conf/c.html is DIR/conf/videos/z.json's already; it is served at /conf/c-a.html",
			"/conf/c.html: C! · CONF", "/conf/d.html: D · CONF", "/conf/c-a.html: C++ · CONF",
		},
	}, {
		name:   "the talk of its slug removed",
		remove: []string{"conf/videos/z.json"},
		paths:  []string{"/conf/c.html", "/conf/c-a.html"},
		want: []string{
			"DIR/conf/videos/a.json: its page /conf/c.html is free, but it had another when the archive was last read; it is served at /conf/c-a.html",
			"/conf/c.html: HTTP/1.1 404 Not Found", "/conf/c-a.html: C++ · CONF",
		},
	}, {
		name:  "a talk retitled to another slug while a record cannot be read",
		plant: map[string]string{"conf/videos/m.json": `{"title": "E"}`, "conf/videos/bad.json": `{"title": `},
		paths: []string{"/conf/d.html", "/conf/e.html"},
		want: []string{
			"DIR/conf/videos/bad.json:1:11: invalid JSON: unexpected end of input",
			"DIR/conf/videos/a.json: its page /conf/c.html is free, but it had another when the archive was last read; it is served at /conf/c-a.html",
			"/conf/d.html: HTTP/1.1 404 Not Found", "/conf/e.html: E · CONF",
		},
	}, {
		name:   "every record read",
		remove: []string{"conf/videos/bad.json"},
		paths:  []string{"/conf/e.html"},
		want: []string{
			"DIR/conf/videos/a.json: its page /conf/c.html is free, but it had another when the archive was last read; it is served at /conf/c-a.html",
			"/conf/e.html: E · CONF",
		},
	}}
	for _, step := range steps {
		plantIn(t, dir, step.plant)
		for _, name := range step.remove {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
		for _, a := range servers {
			if diff := cmp.Diff(step.want, servedAs(t, a, step.paths...)); diff != "" {
				t.Errorf("%s, pages file %q (-want +got):\n%s", step.name, a.pagesFile, diff)
			}
		}
	}
}

// TestPagesOfTheRead: within one read, a talk's claim comes before its
// event's, so that of the talk "Events" of the event "Events", both at
// /events/events.html, the talk has it, in a first read and in a read
// where the record that had it is gone; a copy of a talk whose slug is
// decomposed ("cafe\u0301") is left out as any copy is; and a talk with
// nothing to name its page after is left out.
func TestPagesOfTheRead(t *testing.T) {
	events := talk.Event{ID: "e2", Title: "Events"}
	own := &talk.Talk{ID: "a", Title: "Events", Event: events, Origin: talk.Origin{Path: "e2/videos/a.json"}}
	cafe := &talk.Talk{ID: "c", Title: "Café", Slug: "cafe\u0301", Event: events, Origin: talk.Origin{Path: "e2/videos/c.json"}}
	cafeCopy := *cafe
	cafeCopy.Origin.Path = "e2/c.json"
	nameless := &talk.Talk{Event: events, Origin: talk.Origin{Path: "e2/videos/.x.json"}}
	const ownWarning = `e2/videos/a.json: the page /events/events.html of its event "Events" is e2/videos/a.json's already; it is served at /events/events-e2.html`
	tests := []struct {
		name  string
		last  []*talk.Talk // read before, if any
		talks []*talk.Talk
		want  []string
	}{{
		name:  "a first read",
		talks: []*talk.Talk{own, cafe, &cafeCopy, nameless},
		want: []string{
			"e2/c.json: its page /events/cafe\u0301.html is e2/videos/c.json's already; left out",
			"e2/videos/.x.json: the talk has no title or ID to name its page after; left out",
			ownWarning,
		},
	}, {
		name:  "the event that had the page gone",
		last:  []*talk.Talk{{ID: "z", Title: "Zed", Event: talk.Event{ID: "e1", Title: "Events"}}},
		talks: []*talk.Talk{own},
		want:  []string{ownWarning},
	}}
	for _, tt := range tests {
		pages := pageslug.NewPages()
		if tt.last != nil {
			if _, err := newHandler(tt.last, "", archiveRead, pages, false); err != nil {
				t.Fatal(err)
			}
			var err error
			if pages, err = pageslug.ParsePages(pages.Text(""), "pages"); err != nil {
				t.Fatal(err)
			}
		}
		h, err := newHandler(tt.talks, "", archiveRead, pages, false)
		if err != nil {
			t.Fatal(err)
		}
		title := regexp.MustCompile(`<title>([^<]*)</title>`)
		got := h.warnings
		for _, p := range []string{"/events/events.html", "/events/events-e2.html"} {
			got = append(got, p+": "+title.FindStringSubmatch(do(h, "GET", p))[1])
		}
		want := append(tt.want, "/events/events.html: Events · Events", "/events/events-e2.html: Events")
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestPagesKeptInOneEventsArchive: an archive that is one event's
// directory, whose event the reader gives no ID, keeps its pages when the
// event's title is given in capitals: its claim was its title, so its
// talks became strangers to their pages and "C++", first, took "C"'s.
func TestPagesKeptInOneEventsArchive(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "conf")
	plantIn(t, dir, map[string]string{"category.json": `{"title": "Conf"}`, "videos/m.json": `{"title": "C"}`})
	a := &archiveServer{dir: dir}
	servedAs(t, a)
	plantIn(t, dir, map[string]string{"videos/a.json": `{"title": "C++"}`})
	servedAs(t, a)
	plantIn(t, dir, map[string]string{"category.json": `{"title": "CONF"}`})
	want := []string{
		"DIR/videos/a.json: its page /conf/c.html is DIR/videos/m.json's already; it is served at /conf/c-a.html",
		"/conf/c.html: C · CONF", "/conf/c-a.html: C++ · CONF",
	}
	wantServed(t, "the event retitled in capitals", want, a, "/conf/c.html", "/conf/c-a.html")
}

// TestPagesFileEditedByHand: each read reads the -pages file again, so
// that an operator's edit takes effect at the next SIGHUP: the line of
// "C"'s page given to "C++", and "C++"'s own line removed, moves them.
func TestPagesFileEditedByHand(t *testing.T) {
	dir := plantArchive(t, map[string]string{
		"conf/category.json": `{"title": "Conf"}`, "conf/videos/m.json": `{"title": "C"}`, "conf/videos/z.json": `{"title": "C++"}`,
	})
	pagesFile := filepath.Join(t.TempDir(), "pages")
	a := &archiveServer{dir: dir, pagesFile: pagesFile}
	servedAs(t, a)
	edited := pageslug.PagesFileHeader + `"conf/c.html" talk "conf" "z"` + "\n" + `"events/conf.html" event "conf"` + "\n"
	if err := os.WriteFile(pagesFile, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"DIR/conf/videos/m.json: its page /conf/c.html is DIR/conf/videos/z.json's already; it is served at /conf/c-m.html",
		"/conf/c.html: C++ · Conf", "/conf/c-m.html: C · Conf",
	}
	wantServed(t, "the file edited", want, a, "/conf/c.html", "/conf/c-m.html")
}

// TestPagesFileKeptAsItIs: a read that gives every record the page the
// -pages file says leaves the file as it is (the same file, so that one
// on a read-only disk, or of a mode or owner of its own, is not written
// anew); and a file removed while the server runs is written again with
// the pages of the last read, which the log says, where the pages were
// given out anew and moved.
func TestPagesFileKeptAsItIs(t *testing.T) {
	dir := plantArchive(t, map[string]string{
		"conf/category.json": `{"title": "Conf"}`, "conf/videos/m.json": `{"title": "C"}`,
	})
	pagesFile := filepath.Join(t.TempDir(), "pages")
	a := &archiveServer{dir: dir, pagesFile: pagesFile}
	servedAs(t, a)
	before, err := os.Stat(pagesFile)
	if err != nil {
		t.Fatal(err)
	}
	servedAs(t, a)
	if after, err := os.Stat(pagesFile); err != nil || !os.SameFile(before, after) {
		t.Errorf("the file was written anew (%v)", err)
	}
	plantIn(t, dir, map[string]string{"conf/videos/a.json": `{"title": "C++"}`})
	if err := os.Remove(pagesFile); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"-pages: " + pagesFile + " is gone; the pages of the last read are kept, and written to it again",
		"DIR/conf/videos/a.json: its page /conf/c.html is DIR/conf/videos/m.json's already; it is served at /conf/c-a.html",
		"/conf/c.html: C · Conf",
	}
	wantServed(t, "the file removed", want, a, "/conf/c.html")
	wantFile(t, pagesFile, pageslug.PagesFileHeader+
		`"conf/c-a.html" talk "conf" "a"`+"\n"+
		`"conf/c.html" talk "conf" "m"`+"\n"+
		`"events/conf.html" event "conf"`+"\n")
}

// TestPagesFileKeepsLinkAndMode: a -pages file that is a symbolic link,
// to a file of a mode of its own, stays a link to it, of its mode, when
// a read changes it, where the rename put a file of the server's in the
// link's place; and one read-only, to keep it as it is, is not written:
// the reload that would change it is refused, saying why, and the
// archive as read before is served.
func TestPagesFileKeepsLinkAndMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links and permission bits are unix's")
	}
	dir := plantArchive(t, map[string]string{
		"conf/category.json": `{"title": "Conf"}`, "conf/videos/m.json": `{"title": "C"}`,
	})
	kept := t.TempDir()
	target := filepath.Join(kept, "pages")
	if err := os.WriteFile(target, []byte(pageslug.PagesFileHeader), 0o640); err != nil {
		t.Fatal(err)
	}
	pagesFile := filepath.Join(t.TempDir(), "pages")
	if err := os.Symlink(target, pagesFile); err != nil {
		t.Fatal(err)
	}
	a := &archiveServer{dir: dir, pagesFile: pagesFile}
	servedAs(t, a)
	if to, err := os.Readlink(pagesFile); err != nil || to != target {
		t.Errorf("-pages is no link to %s now: %q, %v", target, to, err)
	}
	if st, err := os.Stat(target); err != nil || st.Mode() != 0o640 {
		t.Errorf("the file linked to: %v, %v; want mode %v", st, err, fs.FileMode(0o640))
	}
	wantFile(t, target, pageslug.PagesFileHeader+
		`"conf/c.html" talk "conf" "m"`+"\n"+
		`"events/conf.html" event "conf"`+"\n")

	if err := os.Chmod(target, 0o444); err != nil {
		t.Fatal(err)
	}
	plantIn(t, dir, map[string]string{"conf/videos/a.json": `{"title": "C++"}`})
	var log strings.Builder
	a.log = &log
	_, err := a.read()
	if want := "-pages: " + pagesFile + ": not written: it is read-only (its owner may not write it)"; err == nil || err.Error() != want {
		t.Errorf("read with a read-only -pages file: %v; want %s", err, want)
	}
	if got := do(a.current.Load(), "GET", "/conf/c-a.html"); !strings.HasPrefix(got, "HTTP/1.1 404 ") {
		t.Errorf("the talk added is served, from a read whose pages were not kept: %.40q", got)
	}
}

// TestPagesNotKeptForFilesThatAreNoRecords: a file that is no record (a
// note in an event's directory, a README among its talks) does not keep
// the pages of records deleted, as a record that cannot be read does:
// the page of a talk deleted goes to the next talk of its slug, where it
// was kept for good while the note was there.
func TestPagesNotKeptForFilesThatAreNoRecords(t *testing.T) {
	dir := plantArchive(t, map[string]string{
		"conf/category.json": `{"title": "Conf"}`, "conf/videos/m.json": `{"title": "C"}`,
		"conf/notes.txt": "to do", "conf/videos/README": "talks",
	})
	a := &archiveServer{dir: dir}
	servedAs(t, a)
	if err := os.Remove(filepath.Join(dir, "conf", "videos", "m.json")); err != nil {
		t.Fatal(err)
	}
	plantIn(t, dir, map[string]string{"conf/videos/z.json": `{"title": "C!"}`})
	want := []string{
		"DIR/conf/notes.txt: unexpected in an event directory, which holds category.json and videos/ only",
		"DIR/conf/videos/README: unexpected in videos/, which holds talk records (*.json) only",
		"/conf/c.html: C! · Conf",
	}
	wantServed(t, "a talk deleted", want, a, "/conf/c.html")
}

// plantIn writes files, by slash-separated path, into dir, failing t
// where it cannot.
func plantIn(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := sitetest.Plant(dir, files); err != nil {
		t.Fatal(err)
	}
}

// plantArchive writes files, by slash-separated path, into a new
// directory "archive" and returns it.
func plantArchive(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "archive")
	plantIn(t, dir, files)
	return dir
}

package main

import (
	"fmt"
	"html"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/talk"
)

// TestRecordsNotReadServedAsBefore: within a run, a record that cannot
// be read for a while (mid-edit, mid-copy) is served as the last read
// read it, where its pages were gone: a talk's record; the talks of a
// directory of talks that is not one; an event's category.json cut
// short or missing, whose talks were read with a bare event named
// after their directory ("conf"), and served on pages of that name;
// while a talk deleted meanwhile is gone. A talk served as read before
// has its event as read now, where another talk has it, so that an
// event retitled is one event still.
func TestRecordsNotReadServedAsBefore(t *testing.T) {
	dir := plantArchive(t, map[string]string{
		"conf/category.json": `{"title": "PyConf 2020"}`,
		"conf/videos/m.json": `{"title": "C"}`, "conf/videos/n.json": `{"title": "D"}`, "conf/videos/o.json": `{"title": "E"}`,
		"b/category.json": `{"title": "B"}`, "b/videos/x.json": `{"title": "X"}`,
	})
	remove := func(name string) {
		t.Helper()
		if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	a := &archiveServer{dir: dir}
	pages := []string{"/pyconf-2020/c.html", "/pyconf-2020/d.html", "/pyconf-2020/e.html", "/events/pyconf-2020.html", "/b/x.html"}
	want := []string{
		"",
		"/pyconf-2020/c.html: C · PyConf 2020", "/pyconf-2020/d.html: D · PyConf 2020", "/pyconf-2020/e.html: E · PyConf 2020",
		"/events/pyconf-2020.html: PyConf 2020", "/b/x.html: X · B",
	}
	wantServed(t, "first read", want, a, pages...)

	plantIn(t, dir, map[string]string{"conf/category.json": `{"title": "PyConf`, "b/videos/x.json": `{"title": "X"`})
	remove("conf/videos/n.json")
	want = []string{
		"DIR/b/videos/x.json:1:14: invalid JSON: unexpected end of input; the talk is served as read before",
		"DIR/conf/category.json:1:18: invalid JSON: unexpected end of input; its talks are served with the event as read before",
		"/pyconf-2020/c.html: C · PyConf 2020", "/pyconf-2020/d.html: HTTP/1.1 404 Not Found", "/pyconf-2020/e.html: E · PyConf 2020",
		"/events/pyconf-2020.html: PyConf 2020", "/b/x.html: X · B",
	}
	wantServed(t, "records cut short", want, a, pages...)
	if got := listed(t, a, "/events/pyconf-2020.html"); !cmp.Equal(got, []string{"C", "E"}) {
		t.Errorf("the event lists %q", got)
	}

	remove("conf/category.json")
	remove("b/videos")
	plantIn(t, dir, map[string]string{"b/videos": "a file, mid-copy"})
	want = []string{
		"DIR/b/videos: a file, where the event's directory of talks, videos/, belongs; its talk is served as read before",
		"DIR/conf: the event has no category.json; its talks are served with the event as read before",
		"/pyconf-2020/c.html: C · PyConf 2020", "/b/x.html: X · B",
	}
	wantServed(t, "an event's record missing, and its talks' directory a file", want, a, "/pyconf-2020/c.html", "/b/x.html")

	// Retitled while m cannot be read: m is of the event as retitled.
	plantIn(t, dir, map[string]string{"conf/category.json": `{"title": "PyConf Twenty"}`, "conf/videos/m.json": `{"title": `})
	want = []string{
		"DIR/b/videos: a file, where the event's directory of talks, videos/, belongs; its talk is served as read before",
		"DIR/conf/videos/m.json:1:11: invalid JSON: unexpected end of input; the talk is served as read before",
		"/pyconf-twenty/c.html: C · PyConf Twenty", "/pyconf-twenty/e.html: E · PyConf Twenty",
	}
	wantServed(t, "an event retitled", want, a, "/pyconf-twenty/c.html", "/pyconf-twenty/e.html")
	if got := listed(t, a, "/events/pyconf-twenty.html"); !cmp.Equal(got, []string{"C", "E"}) {
		t.Errorf("the event lists %q", got)
	}
}

// TestServedAsLastRead: a record not read is served as the last read
// read it, not the first; the talks the last read's handler serves are
// left as they were, which requests under way still read; a talk deleted
// beside one not read is gone, though its name begins with the other's;
// an event whose record and talks cannot be read is served as read
// before, which its record's line says; and an archive moved away is not
// served as read before, but not read at all.
func TestServedAsLastRead(t *testing.T) {
	dir := plantArchive(t, map[string]string{
		"conf/category.json": `{"title": "Conf"}`,
		"conf/videos/a.json": `{"title": "C", "slug": "c"}`, "conf/videos/a.json.json": `{"title": "D"}`, "conf/videos/e.json": `{"title": "E"}`,
		"b/category.json": `{"title": "B"}`, "b/videos/x.json": `{"title": "X"}`,
	})
	a := &archiveServer{dir: dir}
	servedAs(t, a)
	plantIn(t, dir, map[string]string{"conf/videos/a.json": `{"title": "C, edited", "slug": "c"}`})
	servedAs(t, a)
	before := a.current.Load()
	plantIn(t, dir, map[string]string{"conf/category.json": `{"title": "Conf!"}`, "conf/videos/a.json": `{"title": `})
	if err := os.Remove(filepath.Join(dir, "conf", "videos", "a.json.json")); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"DIR/conf/videos/a.json:1:11: invalid JSON: unexpected end of input; the talk is served as read before",
		"/conf/c.html: C, edited · Conf!", "/conf/d.html: HTTP/1.1 404 Not Found",
	}
	wantServed(t, "records not read", want, a, "/conf/c.html", "/conf/d.html")
	if got := before.talks["/conf/c.html"]; got == nil || got.Event.Title != "Conf" {
		t.Errorf("the last read's handler's talk changed: %v", got != nil && got.Event.Title != "Conf")
	}

	plantIn(t, dir, map[string]string{"conf/category.json": `{"title": `, "conf/videos/e.json": `{"title": `})
	want = []string{
		"DIR/conf/category.json:1:11: invalid JSON: unexpected end of input; its talks are served with the event as read before",
		"DIR/conf/videos/a.json:1:11: invalid JSON: unexpected end of input; the talk is served as read before",
		"DIR/conf/videos/e.json:1:11: invalid JSON: unexpected end of input; the talk is served as read before",
		"/conf/c.html: C, edited · Conf!", "/conf/e.html: E · Conf!",
	}
	wantServed(t, "an event none of whose records can be read", want, a, "/conf/c.html", "/conf/e.html")

	moved := dir + ".moved"
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	served := a.current.Load()
	var log strings.Builder
	a.log = &log
	if _, err := a.read(); err == nil || err.Error() != "no talks in "+dir || a.current.Load() != served {
		t.Errorf("an archive moved away: %v; log:\n%s", err, log.String())
	}
}

// TestEventNotReadInANewRun: in a run that has not read an event, whose
// record cannot be read now, the event and its talks keep the pages the
// -pages file gives them, and are not served until it can be read. They
// were read with a bare event named after their directory ("conf"), on
// pages of that name, which the file then kept: the event's pages moved
// for good. An event that had no page is served as it is read, and so
// it is when read again without its record, on the page it had.
func TestEventNotReadInANewRun(t *testing.T) {
	dir := plantArchive(t, map[string]string{
		"conf/category.json": `{"title": "PyConf 2020"}`, "conf/videos/m.json": `{"title": "C"}`, "conf/videos/n.json": `{"title": "D"}`,
		"b/category.json": `{"title": "B"}`, "b/videos/x.json": `{"title": "X"}`,
	})
	pagesFile := filepath.Join(t.TempDir(), "pages")
	servedAs(t, &archiveServer{dir: dir, pagesFile: pagesFile})
	plantIn(t, dir, map[string]string{
		"conf/category.json": `{"title": `,
		"new/videos/y.json":  `{"title": "Y"}`, // mid-copy, without its category.json yet
	})
	a := &archiveServer{dir: dir, pagesFile: pagesFile}
	want := []string{
		"DIR/conf/category.json:1:11: invalid JSON: unexpected end of input",
		"DIR/new: the event has no category.json",
		"DIR/conf: the event's record cannot be read, and the event had a page its directory's name does not give: it and its talks (2) are not served until it can be read, and keep their pages",
		"/pyconf-2020/c.html: HTTP/1.1 404 Not Found", "/conf/c.html: HTTP/1.1 404 Not Found",
		"/events/pyconf-2020.html: HTTP/1.1 404 Not Found", "/new/y.html: Y · new",
	}
	wantServed(t, "the event's record cut short", want, a, "/pyconf-2020/c.html", "/conf/c.html", "/events/pyconf-2020.html", "/new/y.html")
	wantFile(t, pagesFile, pageslug.PagesFileHeader+
		`"b/x.html" talk "b" "x"`+"\n"+
		`"events/b.html" event "b"`+"\n"+
		`"events/new.html" event "new"`+"\n"+
		`"events/pyconf-2020.html" event "conf"`+"\n"+
		`"new/y.html" talk "new" "y"`+"\n"+
		`"pyconf-2020/c.html" talk "conf" "m"`+"\n"+
		`"pyconf-2020/d.html" talk "conf" "n"`+"\n")
	plantIn(t, dir, map[string]string{"conf/category.json": `{"title": "PyConf 2020"}`})
	want = []string{
		"DIR/new: the event has no category.json",
		"/pyconf-2020/c.html: C · PyConf 2020", "/events/pyconf-2020.html: PyConf 2020", "/new/y.html: Y · new",
	}
	wantServed(t, "the event's record mended", want, a, "/pyconf-2020/c.html", "/events/pyconf-2020.html", "/new/y.html")
	want = []string{"DIR/new: the event has no category.json", "/new/y.html: Y · new"}
	wantServed(t, "a new run, the event without a record still", want, &archiveServer{dir: dir, pagesFile: pagesFile}, "/new/y.html")
}

// listed returns the titles of the talks the page path of a lists, in
// its order.
func listed(t *testing.T, a *archiveServer, path string) []string {
	t.Helper()
	var titles []string
	for _, m := range regexp.MustCompile(`<h3[^>]*><a href="[^"]*">([^<]*)</a></h3>`).FindAllStringSubmatch(do(a.current.Load(), "GET", path), -1) {
		titles = append(titles, html.UnescapeString(m[1]))
	}
	return titles
}

// TestOneEventsRecordsNotReadServedAsBefore: in an archive that is one
// event's directory, its category.json is the event's record, and one in
// videos/ a talk's.
func TestOneEventsRecordsNotReadServedAsBefore(t *testing.T) {
	dir := plantArchive(t, map[string]string{
		"category.json": `{"title": "Conf"}`, "videos/category.json": `{"title": "C"}`, "videos/d.json": `{"title": "D"}`,
	})
	a := &archiveServer{dir: dir}
	servedAs(t, a)
	plantIn(t, dir, map[string]string{"category.json": `{`, "videos/category.json": `{`})
	want := []string{
		"DIR/category.json:1:2: invalid JSON: unexpected end of input; its talks are served with the event as read before",
		"DIR/videos/category.json:1:2: invalid JSON: unexpected end of input; the talk is served as read before",
		"/conf/c.html: C · Conf", "/conf/d.html: D · Conf",
	}
	wantServed(t, "records not read", want, a, "/conf/c.html", "/conf/d.html")
}

// TestComparePaths orders paths as the reader reads their files: by
// directory, then name, where byte order puts "a-c" before "a/b".
func TestComparePaths(t *testing.T) {
	paths := []string{"a/videos/b.json", "a-c/videos/a.json", "a/videos/a.json", "a/videos/a-b.json", "A/videos/z.json"}
	slices.SortFunc(paths, comparePaths)
	want := []string{"A/videos/z.json", "a/videos/a-b.json", "a/videos/a.json", "a/videos/b.json", "a-c/videos/a.json"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// FuzzRecordsNotRead reads an archive of two events of three talks each
// twice, each record of it as any byte of first and second says (with
// one title or another, cut short, or absent), and holds the second read
// to what is served of each talk: one read now as read now; one that
// cannot be read now as the first read served it; one of either on the
// page it had there while its event's record is as it was or cannot be
// read; one
// absent, or never read, not at all; and the talks of one event's
// directory with one event.
func FuzzRecordsNotRead(f *testing.F) {
	f.Add([]byte{}, []byte{2, 2, 3, 1, 1, 2, 0, 3})
	f.Add([]byte{0, 1, 2, 3, 0, 1, 2, 3}, []byte{2, 0, 2, 0, 3, 3, 1, 2})
	f.Add([]byte{2, 0, 0, 0, 1, 0, 0, 0}, []byte{1, 2, 0, 0, 2, 1, 0, 0})
	const (
		first = iota // a title, or for an event "Conf"
		other        // another title, or for an event one of the same slug
		cut          // cut short
		absent
	)
	events := [...]struct{ dir, title, other string }{{"a", "Conf", "CONF"}, {"b", "Conf!", "B"}}
	type slot struct{ file, event, title string } // event: its event's directory, for a talk
	var slots []slot
	for _, ev := range events {
		slots = append(slots, slot{file: ev.dir + "/category.json"})
		for _, name := range []string{"m", "n", "o"} {
			slots = append(slots, slot{ev.dir + "/videos/" + name + ".json", ev.dir, name})
		}
	}
	eventTitle := func(dir string, state byte) string {
		for _, ev := range events {
			if ev.dir == dir && state == first {
				return ev.title
			} else if ev.dir == dir && state == other {
				return ev.other
			}
		}
		return ""
	}
	stateOf := func(states []byte, i int) byte {
		if i < len(states) {
			return states[i] % 4
		}
		return first
	}
	// plant writes the archive of states into dir, anew.
	plant := func(t *testing.T, dir string, states []byte) {
		t.Helper()
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for i, s := range slots {
			var text string
			switch state := stateOf(states, i); {
			case state == absent:
				continue
			case state == cut:
				text = `{"title": `
			case s.event == "":
				text = fmt.Sprintf(`{"title": %q}`, eventTitle(path.Dir(s.file), state))
			default:
				text = fmt.Sprintf(`{"title": %q, "slug": %q}`, s.title+strings.Repeat("!", int(state)), s.title)
			}
			files[s.file] = text
		}
		plantIn(t, dir, files)
	}
	// served lists each talk served, by its file within the archive.
	served := func(a *archiveServer) map[string]*talk.Talk {
		got := map[string]*talk.Talk{}
		for _, tk := range a.current.Load().talks {
			got[strings.TrimPrefix(tk.Origin.Path, a.dir+"/")] = tk
		}
		return got
	}
	f.Fuzz(func(t *testing.T, firstStates, secondStates []byte) {
		dir := filepath.Join(t.TempDir(), "archive")
		a := &archiveServer{dir: dir, log: io.Discard}
		plant(t, dir, firstStates)
		if _, err := a.read(); err != nil {
			return // no talk to serve
		}
		before := served(a)
		pageBefore := map[string]string{}
		for name, tk := range before {
			pageBefore[name] = a.current.Load().urls.Talk(tk)
		}
		plant(t, dir, secondStates)
		if _, err := a.read(); err != nil {
			if len(served(a)) != len(before) {
				t.Fatalf("a read refused changed what is served")
			}
			return
		}
		h := a.current.Load()
		after := served(a)
		eventOf := map[string]talk.Event{}
		for i, s := range slots {
			if s.event == "" {
				continue
			}
			tk, ok := after[s.file]
			switch state := stateOf(secondStates, i); {
			case state == absent || state == cut && before[s.file] == nil:
				if ok {
					t.Errorf("%s: served, %s", s.file, tk.Title)
				}
				continue
			case !ok:
				t.Errorf("%s: not served", s.file)
				continue
			case state == cut:
				if tk.Title != before[s.file].Title {
					t.Errorf("%s: served as %q, read before as %q", s.file, tk.Title, before[s.file].Title)
				}
			case tk.Title != s.title+strings.Repeat("!", int(state)):
				t.Errorf("%s: served as %q", s.file, tk.Title)
			}
			if ev, ok := eventOf[s.event]; ok && (ev.ID != tk.Event.ID || ev.Title != tk.Event.Title) {
				t.Errorf("%s: of the event %q %q, another talk of its directory of %q %q", s.file, tk.Event.ID, tk.Event.Title, ev.ID, ev.Title)
			}
			eventOf[s.event] = tk.Event
			cat := slices.IndexFunc(slots, func(e slot) bool { return e.file == s.event+"/category.json" })
			was, is := stateOf(firstStates, cat), stateOf(secondStates, cat)
			if had, ok := pageBefore[s.file]; ok && (is == was || is >= cut) {
				if page := h.urls.Talk(tk); page != had {
					t.Errorf("%s: at %s, where it was at %s", s.file, page, had)
				}
			}
		}
	})
}

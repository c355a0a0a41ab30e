package main

import (
	"errors"
	htmltemplate "html/template"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
)

// TestPagesTold: what makes two talks one (read twice) is their event,
// ID and title all alike: talks of one ID whose titles slug alike each
// have a page; events of one ID and titles that slug alike each have a
// page; an event's page moves past a talk's page as past another
// event's; and a speaker named twice by one talk lists it once. Each
// page's title and the talks it links to are compared, with the
// warnings.
func TestPagesTold(t *testing.T) {
	conf := talk.Event{ID: "conf", Title: "Conf"}
	talks := []*talk.Talk{
		{ID: "x", Title: "C", Event: conf, Speakers: []talk.Speaker{{Name: "Ada"}, {Name: "Ada"}}, Origin: talk.Origin{Path: "conf/videos/c.json"}},
		{ID: "x", Title: "C!", Event: conf, Speakers: []talk.Speaker{{Name: "Ada"}}, Origin: talk.Origin{Path: "conf/videos/c2.json"}},
		{ID: "e", Title: "Odd B", Event: talk.Event{ID: "events", Title: "Events"}, Origin: talk.Origin{Path: "events/videos/odd-b.json"}},
		{ID: "a", Title: "A", Event: talk.Event{ID: "odd", Title: "Odd"}, Origin: talk.Origin{Path: "odd/videos/a.json"}},
		{ID: "b", Title: "B", Event: talk.Event{ID: "b", Title: "Odd!"}, Origin: talk.Origin{Path: "odd2/videos/b.json"}},
		{ID: "p", Title: "P", Event: talk.Event{ID: "py", Title: "Py 2020"}, Origin: talk.Origin{Path: "py/videos/p.json"}},
		{ID: "q", Title: "Q", Event: talk.Event{ID: "py", Title: "Py-2020"}, Origin: talk.Origin{Path: "py2/videos/q.json"}},
	}
	h, err := newHandler(talks, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	got := h.warnings
	title := regexp.MustCompile(`<title>([^<]*)</title>`)
	link := regexp.MustCompile(`<h3 dir="auto"><a href="([^"]*)"`)
	for _, path := range []string{"/conf/c.html", "/conf/c-x.html", "/events/odd-b.html", "/events/odd.html", "/events/odd-2.html",
		"/events/py-2020.html", "/events/py-2020-py.html", "/speaker/ada.html"} {
		page := do(h, "GET", path)
		line := path + ": " + strings.SplitN(page, "\n", 2)[0] + " " + strings.Join(title.FindStringSubmatch(page)[1:], "")
		for _, m := range link.FindAllStringSubmatch(page, -1) {
			line += " " + m[1]
		}
		got = append(got, line)
	}
	want := []string{
		"conf/videos/c2.json: its page /conf/c.html is conf/videos/c.json's already; it is served at /conf/c-x.html",
		`odd2/videos/b.json: the page /events/odd.html of its event "Odd!" is the event "Odd"'s already; it is served at /events/odd-2.html`,
		`py2/videos/q.json: the page /events/py-2020.html of its event "Py-2020" is the event "Py 2020"'s already; it is served at /events/py-2020-py.html`,
		"/conf/c.html: HTTP/1.1 200 OK C · Conf",
		"/conf/c-x.html: HTTP/1.1 200 OK C! · Conf",
		"/events/odd-b.html: HTTP/1.1 200 OK Odd B · Events",
		"/events/odd.html: HTTP/1.1 200 OK Odd /odd/a.html",
		"/events/odd-2.html: HTTP/1.1 200 OK Odd! /odd/b.html",
		"/events/py-2020.html: HTTP/1.1 200 OK Py 2020 /py-2020/p.html",
		"/events/py-2020-py.html: HTTP/1.1 200 OK Py-2020 /py-2020/q.html",
		"/speaker/ada.html: HTTP/1.1 200 OK Ada /conf/c.html /conf/c-x.html",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPagesNFCCandidates: a talk whose page another has moves to a page
// no talk has in either Unicode form: the NFD "café-x" is the NFC one's,
// which was served no more.
func TestPagesNFCCandidates(t *testing.T) {
	ev := talk.Event{ID: "conf", Title: "Conf"}
	talks := []*talk.Talk{
		{ID: "c", Title: "c", Slug: "caf\u00e9-x", Event: ev, Origin: talk.Origin{Path: "c.json"}},
		{ID: "a", Title: "a", Slug: "cafe\u0301", Event: ev, Origin: talk.Origin{Path: "a.json"}},
		{ID: "x", Title: "b", Slug: "cafe\u0301", Event: ev, Origin: talk.Origin{Path: "b.json"}},
	}
	h, err := newHandler(talks, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	got := h.warnings
	title := regexp.MustCompile(`<title>[^<]*</title>`)
	for _, path := range []string{"/conf/caf%C3%A9-x.html", "/conf/cafe%CC%81.html", "/conf/cafe%CC%81-2.html"} {
		got = append(got, path+": "+title.FindString(do(h, "GET", path)))
	}
	want := []string{
		"b.json: its page /conf/cafe\u0301.html is a.json's already; it is served at /conf/cafe\u0301-2.html",
		"/conf/caf%C3%A9-x.html: <title>c · Conf</title>",
		"/conf/cafe%CC%81.html: <title>a · Conf</title>",
		"/conf/cafe%CC%81-2.html: <title>b · Conf</title>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestIndexSameDay: events whose first talks are on one day are listed by
// title, whatever the hours, as talkmeta site lists them, and each says
// the day its first talk was on, in that talk's own offset.
func TestIndexSameDay(t *testing.T) {
	at := func(s string) talk.Date {
		d, err := talk.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	talks := []*talk.Talk{
		{ID: "b", Title: "B", Recorded: at("2024-05-01T10:00:00Z"), Event: talk.Event{ID: "beta", Title: "Beta", TimeZone: "Asia/Tokyo"}},
		{ID: "a", Title: "A", Recorded: at("2024-05-01T09:00:00Z"), Event: talk.Event{ID: "alpha", Title: "Alpha"}},
		{ID: "c", Title: "C", Recorded: at("2024-04-01T23:30:00Z"), Event: talk.Event{ID: "gamma", Title: "Gamma", TimeZone: "Asia/Tokyo"}},
	}
	h, err := newHandler(talks, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range regexp.MustCompile(`<li><a href="([^"]*)" dir="auto">[^<]*</a>.*?<time datetime="([^"]*)"`).FindAllStringSubmatch(strings.ReplaceAll(do(h, "GET", "/"), "\n", " "), -1) {
		got = append(got, m[1]+" "+m[2])
	}
	want := []string{"/events/alpha.html 2024-05-01", "/events/beta.html 2024-05-01", "/events/gamma.html 2024-04-01"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("index (-want +got):\n%s", diff)
	}
}

// TestNotFoundLimit: a path of maxShownPath bytes is shown whole; one
// byte more is cut, with "..." after it.
func TestNotFoundLimit(t *testing.T) {
	h := testHandler(t)
	for _, tt := range []struct{ path, shown string }{
		{"/" + strings.Repeat("a", maxShownPath-1), "/" + strings.Repeat("a", maxShownPath-1)},
		{"/" + strings.Repeat("a", maxShownPath), "/" + strings.Repeat("a", maxShownPath-1) + "..."},
	} {
		_, body, _ := strings.Cut(do(h, "GET", tt.path), "\n\n")
		if want := "404 not found: no page at " + tt.shown + "\n"; body != want {
			t.Errorf("GET of %d bytes: %q, want %q", len(tt.path), body, want)
		}
	}
}

// TestLogLineErrorList: the files of every error in a list, as
// talk.ErrorList holds them, are named below the archive.
func TestLogLineErrorList(t *testing.T) {
	err := talk.ErrorList{
		{Path: "conf/videos/a.json", Line: 1, Column: 2, Err: errors.New("one")},
		{Path: "conf/videos/b.json", Line: 3, Column: 4, Err: errors.New("two")},
	}
	got := logLine("corpus", err)
	want := talk.ErrorList{
		{Path: "corpus/conf/videos/a.json", Line: 1, Column: 2, Err: errors.New("one")},
		{Path: "corpus/conf/videos/b.json", Line: 3, Column: 4, Err: errors.New("two")},
	}.Error()
	if got != want {
		t.Errorf("logLine = %q, want %q", got, want)
	}
}

// TestReadErrorLog: a page the server read cannot make is logged, with
// the request and the record, where the client gets 500 and no more.
func TestReadErrorLog(t *testing.T) {
	var log strings.Builder
	a := &archiveServer{dir: archive, log: &log}
	if _, err := a.read(); err != nil {
		t.Fatal(err)
	}
	read := log.Len()
	a.current.Load().r.Templates = htmltemplate.New("none") // defines no page
	if got := do(a, "GET", "/style.css"); !strings.HasPrefix(got, "HTTP/1.1 500 ") {
		t.Errorf("GET /style.css:\n%s", got)
	}
	want := "GET /style.css as text/css: html: Renderer.Templates defines no \"style\" template: parse replacements into the set DefaultTemplates returns\n"
	if got := log.String()[read:]; got != want {
		t.Errorf("log %q, want %q", got, want)
	}
}

// TestEventsSharingATitle: of two events of one title, the warning of
// the second names the first by its file, which the title does not.
func TestEventsSharingATitle(t *testing.T) {
	dir := plantArchive(t, map[string]string{
		"a/category.json": `{"title": "PyCon"}`, "a/videos/x.json": `{"title": "X"}`,
		"b/category.json": `{"title": "PyCon"}`, "b/videos/y.json": `{"title": "Y"}`,
	})
	want := []string{
		`DIR/b/videos/y.json: the page /events/pycon.html of its event "PyCon" is the event "PyCon"'s already, of DIR/a/category.json; it is served at /events/pycon-b.html`,
		"/events/pycon.html: PyCon", "/events/pycon-b.html: PyCon",
	}
	wantServed(t, "two events of one title", want, &archiveServer{dir: dir}, "/events/pycon.html", "/events/pycon-b.html")
}

package main

import (
	"bytes"
	"encoding/json"
	htmltemplate "html/template"
	"io"
	stdlog "log"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
)

// archive is the repository's copy of real pyvideo records.
const archive = "../../testdata/pyvideo"

// archiveRead is when the tests' handlers read their archive.
var archiveRead = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

const seedPath = "/europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html"

func testHandler(t testing.TB) *handler {
	t.Helper()
	talks, errs := load(os.DirFS(archive))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	h, err := newHandler(talks, "https://talks.example.org", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// do runs one request through h and returns the whole response as text:
// the status line, every header in order, a blank line and the body.
func do(h http.Handler, method, path string, header ...string) string {
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	var b strings.Builder
	b.WriteString(res.Proto + " " + res.Status + "\n")
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range res.Header {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		for _, v := range res.Header[k] {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	b.WriteString("\n")
	body, _ := io.ReadAll(res.Body)
	b.Write(body)
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got))
}

// TestResponses pins whole responses: status, headers and body.
func TestResponses(t *testing.T) {
	h := testHandler(t)
	tests := []struct {
		name, method, path string
		header             []string
	}{
		{"talk-html.txt", "GET", seedPath, nil},
		{"talk-jsonld.txt", "GET", seedPath, []string{"Accept", "application/ld+json"}},
		{"talk-bibtex.txt", "GET", seedPath, []string{"Accept", "application/x-bibtex"}},
		{"talk-ris.txt", "GET", seedPath, []string{"Accept", "application/x-research-info-systems"}},
		{"talk-csl.txt", "GET", seedPath, []string{"Accept", "application/vnd.citationstyles.csl+json"}},
		{"talk-q.txt", "GET", seedPath, []string{"Accept", "text/html;q=0.5, application/x-bibtex;q=0.9, */*;q=0.1"}},
		{"talk-browser.txt", "HEAD", seedPath, []string{"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}},
		{"talk-406.txt", "GET", seedPath, []string{"Accept", "image/png, text/html;q=0"}},
		{"event-bibtex.txt", "GET", "/events/chipy.html", []string{"Accept", "application/*;q=0.8, application/x-bibtex"}},
		{"event-jsonld.txt", "GET", "/events/chipy.html", []string{"Accept", "application/ld+json"}},
		{"speaker-jsonld.txt", "GET", "/speaker/yury-selivanov.html", []string{"Accept", "application/ld+json"}},
		{"style-jsonld-406.txt", "GET", "/style.css", []string{"Accept", "application/ld+json"}},
		{"event-html.txt", "GET", "/events/chipy.html", nil},
		{"speaker-html.txt", "GET", "/speaker/yury-selivanov.html", []string{"Accept", "text/*"}},
		{"index-html.txt", "GET", "/", nil},
		{"style.txt", "HEAD", "/style.css", nil},
		{"not-found.txt", "GET", "/europython-2016/no-such-talk.html", nil},
		{"not-found-speaker.txt", "GET", "/speaker/nobody.html", []string{"Accept", "application/x-bibtex"}},
		{"not-found-encoded-slash.txt", "GET", "/" + strings.Replace(seedPath[1:], "/", "%2F", 1), nil},
		{"not-found-encoded-slash-lower.txt", "GET", "/" + strings.Replace(seedPath[1:], "/", "%2f", 1), nil},
		{"post.txt", "POST", seedPath, nil},
		{"post-not-found.txt", "POST", "/europython-2016/no-such-talk.html", nil},
		{"options.txt", "OPTIONS", seedPath, nil},
		// Conditional requests by date, which clients without ETags send.
		{"talk-not-modified-since.txt", "GET", seedPath, []string{"If-Modified-Since", "Tue, 01 Dec 2026 09:30:00 GMT"}},
		{"style-modified-since.txt", "GET", "/style.css", []string{"If-Modified-Since", "Tue, 01 Dec 2026 09:29:59 GMT"}},
		// If-None-Match decides alone when it is there (RFC 9110 section 13.2.2).
		{"style-none-match-over-since.txt", "GET", "/style.css", []string{"If-None-Match", `"other"`, "If-Modified-Since", "Tue, 01 Dec 2026 09:30:00 GMT"}},
		// A client that means to act on the page as it knew it.
		{"talk-if-match-412.txt", "GET", seedPath, []string{"If-Match", `"other"`}},
		{"talk-unmodified-since-412.txt", "GET", seedPath, []string{"If-Unmodified-Since", "Mon, 30 Nov 2026 00:00:00 GMT"}},
		// A download resumed.
		{"talk-range.txt", "GET", seedPath, []string{"Accept", "application/x-bibtex", "Range", "bytes=0-19"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, tt.name, do(h, tt.method, tt.path, tt.header...))
		})
	}
}

// TestConditional answers a request with the ETag it was given with 304
// and no body, per representation.
func TestConditional(t *testing.T) {
	h := testHandler(t)
	for _, accept := range []string{"text/html", "application/x-bibtex"} {
		full := do(h, "GET", seedPath, "Accept", accept)
		etag := header(full, "Etag")
		if etag == "" || !strings.HasPrefix(etag, `"`) {
			t.Fatalf("no strong ETag in\n%s", full)
		}
		want := "HTTP/1.1 304 Not Modified\nCache-Control: no-cache\n"
		if accept == "text/html" {
			want += "Content-Security-Policy: " + contentSecurityPolicy + "\n"
		}
		want += "Etag: " + etag + "\nReferrer-Policy: " + referrerPolicy + "\nVary: Accept\nX-Content-Type-Options: nosniff\n\n"
		for _, inm := range []string{etag, `"other", ` + etag, "W/" + etag, "*"} {
			got := do(h, "GET", seedPath, "Accept", accept, "If-None-Match", inm)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Accept %s, If-None-Match %s (-want +got):\n%s", accept, inm, diff)
			}
		}
		// Another representation's tag does not match.
		if got := do(h, "GET", seedPath, "If-None-Match", `"other"`, "Accept", accept); got != full {
			t.Errorf("a stale tag gave\n%s\nwant\n%s", got, full)
		}
	}
	// The same page in two types has two tags.
	if a, b := header(do(h, "GET", seedPath), "Etag"), header(do(h, "GET", seedPath, "Accept", "application/x-bibtex"), "Etag"); a == b {
		t.Errorf("HTML and BibTeX share the ETag %s", a)
	}
}

// TestHEAD sends the headers GET sends, without the body.
func TestHEAD(t *testing.T) {
	h := testHandler(t)
	for _, path := range []string{seedPath, "/events/chipy.html", "/", "/nope"} {
		get := do(h, "GET", path)
		head := do(h, "HEAD", path)
		headers, _, _ := strings.Cut(get, "\n\n")
		if path == "/nope" {
			// http.Error writes its body for HEAD as for GET, and the
			// server discards it; compare the headers only.
			head, _, _ = strings.Cut(head, "\n\n")
			head += "\n\n"
		}
		if diff := cmp.Diff(headers+"\n\n", head); diff != "" {
			t.Errorf("HEAD %s (-GET headers +HEAD):\n%s", path, diff)
		}
	}
}

// TestConcurrentRequests serves many requests at once; run with -race.
func TestConcurrentRequests(t *testing.T) {
	h := testHandler(t)
	want := do(h, "GET", seedPath)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			accept := []string{"text/html", "application/ld+json", "application/x-bibtex", "application/x-research-info-systems"}[i%4]
			got := do(h, "GET", seedPath, "Accept", accept)
			if accept == "text/html" && got != want {
				t.Error("a concurrent response differs")
			}
		})
	}
	wg.Wait()
}

func header(response, name string) string {
	head, _, _ := strings.Cut(response, "\n\n")
	for _, line := range strings.Split(head, "\n") {
		if v, ok := strings.CutPrefix(line, name+": "); ok {
			return v
		}
	}
	return ""
}

func TestNegotiate(t *testing.T) {
	offers := []string{typeHTML, typeJSONLD, typeBibTeX}
	tests := []struct {
		accept []string
		want   string
		ok     bool
	}{
		{nil, typeHTML, true},
		// A header that names no media range asks for nothing the server
		// can tell, and is disregarded: it was 406 for every page.
		{[]string{""}, typeHTML, true},
		{[]string{" , ;q=1"}, typeHTML, true},
		{[]string{"*/html, text"}, typeHTML, true},
		// A lone "*", as Java's HttpURLConnection sends it, is "*/*".
		{[]string{"*"}, typeHTML, true},
		{[]string{"text/plain, *; q=.2, application/x-bibtex;q=.1"}, typeHTML, true},
		{[]string{"*;q=0"}, "", false},
		{[]string{"*/*"}, typeHTML, true},
		{[]string{"application/*"}, typeJSONLD, true},
		{[]string{"application/*, application/ld+json;q=0.1"}, typeBibTeX, true},
		{[]string{"Application/LD+JSON"}, typeJSONLD, true},
		{[]string{"text/html;q=0, */*"}, typeJSONLD, true},
		{[]string{"text/plain", "application/x-bibtex;q=0.3"}, typeBibTeX, true},
		{[]string{"text/html;q=nope, application/x-bibtex;q=0.01"}, typeBibTeX, true},
		{[]string{"text/html;charset=utf-8"}, typeHTML, true},
		{[]string{"image/*"}, "", false},
		// Quoted parameter values may hold ";" and ",".
		{[]string{`text/html;foo="a;q=0", application/x-bibtex;q=0.5`}, typeHTML, true},
		{[]string{`application/ld+json;profile="x,text/html", application/x-bibtex;q=0.5`}, typeJSONLD, true},
		{[]string{`text/html;foo="a\"b;q=0", application/x-bibtex;q=0.5`}, typeHTML, true},
		// After the weight come extensions, which make no range more specific.
		{[]string{"text/html;charset=utf-8;q=0.9, text/html;q=0.2;ext=1, application/x-bibtex;q=0.5"}, typeBibTeX, true},
		{[]string{"text/html;q=NaN, application/x-bibtex;q=0.1"}, typeBibTeX, true},
	}
	for _, tt := range tests {
		got, ok := negotiate(tt.accept, offers)
		if got != tt.want || ok != tt.ok {
			t.Errorf("negotiate(%q) = %q, %v; want %q, %v", tt.accept, got, ok, tt.want, tt.ok)
		}
	}
}

// TestTalksOnOnePage: talks whose titles slug alike ("C", "C++" and
// "C#" all give "c") each get a page, as talkmeta site gives them: the
// first its own, the others with their ID's slug or a number after it,
// which the event's page links to, with a warning for each; the second
// and third were left out.
func TestTalksOnOnePage(t *testing.T) {
	ev := talk.Event{ID: "conf", Title: "Conf"}
	talks := []*talk.Talk{
		{ID: "c", Title: "C", Event: ev, Origin: talk.Origin{Path: "conf/videos/c.json"}},
		{ID: "cpp", Title: "C++", Event: ev, Origin: talk.Origin{Path: "conf/videos/cpp.json"}},
		{Title: "C#", Event: ev, Origin: talk.Origin{Path: "conf/videos/csharp.json"}},
	}
	h, err := newHandler(talks, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	got := h.warnings
	page := do(h, "GET", "/events/conf.html")
	for _, m := range regexp.MustCompile(`href="(/conf/[^"]*)"`).FindAllStringSubmatch(page, -1) {
		title := regexp.MustCompile(`<title>[^<]*</title>`).FindString(do(h, "GET", m[1]))
		got = append(got, m[1]+" "+title)
	}
	want := []string{
		"conf/videos/cpp.json: its page /conf/c.html is conf/videos/c.json's already; it is served at /conf/c-cpp.html",
		"conf/videos/csharp.json: its page /conf/c.html is conf/videos/c.json's already; it is served at /conf/c-2.html",
		"/conf/c.html <title>C · Conf</title>",
		"/conf/c-cpp.html <title>C&#43;&#43; · Conf</title>",
		"/conf/c-2.html <title>C# · Conf</title>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPartSpeakers serves a page for each speaker of a lightning-talk
// block's parts, at any depth, listing the block, which links to them:
// the speakers were listed from the talks' own speakers only, and the
// block's page linked to pages that answered 404.
func TestPartSpeakers(t *testing.T) {
	ev := talk.Event{ID: "conf", Title: "Conf"}
	block := &talk.Talk{ID: "lt", Title: "Lightning talks", Event: ev, Parts: []talk.Talk{
		{Title: "One", Speakers: []talk.Speaker{{Name: "Ada"}}},
		{Title: "Two", Parts: []talk.Talk{{Title: "Deeper", Speakers: []talk.Speaker{{Name: "Bea"}}}}},
	}}
	h, err := newHandler([]*talk.Talk{block}, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range regexp.MustCompile(`href="(/speaker/[^"]*)"`).FindAllStringSubmatch(do(h, "GET", "/conf/lightning-talks.html"), -1) {
		page := do(h, "GET", m[1])
		got = append(got, m[1]+" "+strings.SplitN(page, "\n", 2)[0]+" "+regexp.MustCompile(`<title>[^<]*</title>`).FindString(page)+" "+
			regexp.MustCompile(`href="/conf/[^"]*"`).FindString(page))
	}
	want := []string{
		`/speaker/ada.html HTTP/1.1 200 OK <title>Ada</title> href="/conf/lightning-talks.html"`,
		`/speaker/bea.html HTTP/1.1 200 OK <title>Bea</title> href="/conf/lightning-talks.html"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSamePage leaves out a talk whose page another has, with a warning.
func TestSamePage(t *testing.T) {
	talks, _ := load(os.DirFS(archive))
	dup := *talks[0]
	dup.Origin.Path = "copy.json"
	h, err := newHandler(append(talks, &dup), "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.warnings) != 1 || !strings.HasPrefix(h.warnings[0], "copy.json: its page ") {
		t.Errorf("warnings = %q", h.warnings)
	}
}

// TestPageOfAnother: pyvideo's URL rules can put a talk's page where an
// event's or a speaker's is (the talk "Odd Con" of the event "Events" at
// /events/odd-con.html, the page of the event "Odd Con"). The talk's page
// is served; the event, claimed after it, gets one of its own, as
// another event of its slug would; and the speaker without one is named
// in a warning instead of being shadowed without a word.
func TestPageOfAnother(t *testing.T) {
	talks := []*talk.Talk{
		{Title: "Odd Con", Event: talk.Event{Title: "Events"}, Origin: talk.Origin{Path: "events/videos/odd-con.json"}},
		{Title: "Real talk", Event: talk.Event{Title: "Odd Con"}, Origin: talk.Origin{Path: "odd-con/videos/real.json"}},
		{Title: "Ann Example", Event: talk.Event{Title: "Speaker"}, Speakers: []talk.Speaker{{Name: "Ann Example"}},
			Origin: talk.Origin{Path: "speaker/videos/ann.json"}},
	}
	h, err := newHandler(talks, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`odd-con/videos/real.json: the page /events/odd-con.html of its event "Odd Con" is events/videos/odd-con.json's already; it is served at /events/odd-con-2.html`,
		`speaker "Ann Example": its page /speaker/ann-example.html is the page of speaker/videos/ann.json; the speaker has none`,
	}
	if diff := cmp.Diff(want, h.warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if got := do(h, "GET", "/events/odd-con.html"); !strings.Contains(got, "<title>Odd Con · Events") {
		t.Errorf("/events/odd-con.html is not the talk's page:\n%.300s", got)
	}
	if got := do(h, "GET", "/events/odd-con-2.html"); !strings.Contains(got, "<title>Odd Con</title>") || !strings.Contains(got, `href="/odd-con/real-talk.html"`) {
		t.Errorf("/events/odd-con-2.html is not the event's page:\n%.300s", got)
	}
}

// TestEventsSharingASlug: events whose titles make one slug ("PyCon 2020",
// "PyCon-2020", "PyCon 2020!") each get a page, as talkmeta site gives
// them: the first its own, the others with their ID's slug or a number
// after it, each listing its own talks, which link back to it and keep
// their paths; the server says where each went. Listed on the first
// one's page, the others' talks were taken for that event's.
func TestEventsSharingASlug(t *testing.T) {
	talks := []*talk.Talk{
		{Title: "A", Event: talk.Event{ID: "pycon-2020", Title: "PyCon 2020"}, Origin: talk.Origin{Path: "pycon-2020/videos/a.json"}},
		{Title: "B", Event: talk.Event{ID: "pycon-2020", Title: "PyCon 2020"}, Origin: talk.Origin{Path: "pycon-2020/videos/b.json"}},
		{Title: "C", Event: talk.Event{ID: "pycon2020", Title: "PyCon-2020"}, Origin: talk.Origin{Path: "pycon2020/videos/c.json"}},
		{Title: "D", Event: talk.Event{ID: "pycon2020", Title: "PyCon-2020"}, Origin: talk.Origin{Path: "pycon2020/videos/d.json"}},
		{Title: "E", Event: talk.Event{Title: "PyCon 2020!"}, Origin: talk.Origin{Path: "e.json"}},
	}
	h, err := newHandler(talks, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	got := h.warnings
	title := regexp.MustCompile(`<h1 dir="auto">([^<]*)</h1>`)
	link := regexp.MustCompile(`<h3 dir="auto"><a href="([^"]*)"`)
	eventLink := regexp.MustCompile(`<p class="event" dir="auto"><a href="([^"]*)">([^<]*)</a>`)
	for _, ev := range []string{"/events/pycon-2020.html", "/events/pycon-2020-pycon2020.html", "/events/pycon-2020-2.html"} {
		page := do(h, "GET", ev)
		line := ev + ": " + strings.Join(title.FindStringSubmatch(page)[1:], "") + ":"
		for _, m := range link.FindAllStringSubmatch(page, -1) {
			back := eventLink.FindStringSubmatch(do(h, "GET", m[1]))
			line += " " + m[1] + " (" + strings.Join(back[1:], " ") + ")"
		}
		got = append(got, line)
	}
	index := "index:"
	for _, m := range regexp.MustCompile(`<li><a href="([^"]*)" dir="auto">([^<]*)</a>`).FindAllStringSubmatch(do(h, "GET", "/"), -1) {
		index += " " + m[1] + " " + m[2] + ";"
	}
	got = append(got, index)
	want := []string{
		`pycon2020/videos/c.json: the page /events/pycon-2020.html of its event "PyCon-2020" is the event "PyCon 2020"'s already; it is served at /events/pycon-2020-pycon2020.html`,
		`e.json: the page /events/pycon-2020.html of its event "PyCon 2020!" is the event "PyCon 2020"'s already; it is served at /events/pycon-2020-2.html`,
		"/events/pycon-2020.html: PyCon 2020: /pycon-2020/a.html (/events/pycon-2020.html PyCon 2020) /pycon-2020/b.html (/events/pycon-2020.html PyCon 2020)",
		"/events/pycon-2020-pycon2020.html: PyCon-2020: /pycon-2020/c.html (/events/pycon-2020-pycon2020.html PyCon-2020) /pycon-2020/d.html (/events/pycon-2020-pycon2020.html PyCon-2020)",
		"/events/pycon-2020-2.html: PyCon 2020!: /pycon-2020/e.html (/events/pycon-2020-2.html PyCon 2020!)",
		"index: /events/pycon-2020.html PyCon 2020; /events/pycon-2020-2.html PyCon 2020!; /events/pycon-2020-pycon2020.html PyCon-2020;",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestJSONLDIsThePages: a talk's, an event's or a speaker's graph served
// as application/ld+json is the one its page carries, speakers' pages and
// the page's own address included, for every page of the archive: the
// two representations of one resource say the same.
func TestJSONLDIsThePages(t *testing.T) {
	h := testHandler(t)
	paths := slices.Concat(slices.Collect(maps.Keys(h.talks)), slices.Collect(maps.Keys(h.events)), slices.Collect(maps.Keys(h.speakers)))
	if len(h.events) == 0 || len(h.speakers) == 0 {
		t.Fatal("the test archive has no event or speaker pages")
	}
	for _, path := range paths {
		page := do(h, "GET", path, "Accept", "text/html")
		_, inPage, _ := strings.Cut(page, `<script type="application/ld+json">`)
		inPage, _, _ = strings.Cut(inPage, "</script>")
		_, served, _ := strings.Cut(do(h, "GET", path, "Accept", "application/ld+json"), "\n\n")
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(served)); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if diff := cmp.Diff(inPage, compact.String()); diff != "" {
			t.Errorf("%s: the graph served (+) is not the page's (-):\n%s", path, diff)
		}
	}
}

// TestUnicodeForms: a slug from a record and a path from a browser may
// each be in Unicode's composed (NFC) or decomposed (NFD) form, which look
// alike and are one name to a reader. A path in the other form than the
// page's is redirected to the page's, and two records whose paths differ
// only so are told apart as "C" and "C++" are: the talk gets a page of its
// own, the speaker shares the first one's. The NFC "café" was 404 where
// the page was NFD, and two talks had two pages of one name.
func TestUnicodeForms(t *testing.T) {
	ev := talk.Event{ID: "conf", Title: "Conf"}
	talks := []*talk.Talk{
		{ID: "a", Title: "x", Slug: "cafe\u0301", Event: ev, Speakers: []talk.Speaker{{Name: "José", Slug: "jose\u0301"}}, Origin: talk.Origin{Path: "a.json"}},
		{ID: "b", Title: "y", Slug: "caf\u00e9", Event: ev, Speakers: []talk.Speaker{{Name: "José", Slug: "jos\u00e9"}}, Origin: talk.Origin{Path: "b.json"}},
	}
	h, err := newHandler(talks, "", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	got := h.warnings
	title := regexp.MustCompile(`<title>[^<]*</title>`)
	links := regexp.MustCompile(`<h3 dir="auto"><a href="[^"]*">`)
	for _, r := range [][2]string{
		{"GET", "/conf/caf%C3%A9.html"},
		{"HEAD", "/conf/cafe%CC%81.html"},
		{"GET", "/conf/cafe%CC%81.html"},
		{"GET", "/conf/caf%C3%A9-b.html"},
		{"POST", "/conf/caf%C3%A9.html"},
		{"GET", "/speaker/jos%C3%A9.html"},
		{"GET", "/speaker/jose%CC%81.html"},
	} {
		res := do(h, r[0], r[1])
		line := r[0] + " " + r[1] + ": " + strings.SplitN(res, "\n", 2)[0]
		if loc := header(res, "Location"); loc != "" {
			line += " to " + loc
		}
		line += " " + title.FindString(res)
		for _, l := range links.FindAllString(res, -1) {
			line += " " + l
		}
		got = append(got, line)
	}
	want := []string{
		"b.json: its page /conf/café.html is a.json's already; it is served at /conf/café-b.html",
		"GET /conf/caf%C3%A9.html: HTTP/1.1 301 Moved Permanently to /conf/cafe%CC%81.html ",
		"HEAD /conf/cafe%CC%81.html: HTTP/1.1 200 OK ",
		"GET /conf/cafe%CC%81.html: HTTP/1.1 200 OK <title>x · Conf</title>",
		"GET /conf/caf%C3%A9-b.html: HTTP/1.1 200 OK <title>y · Conf</title>",
		"POST /conf/caf%C3%A9.html: HTTP/1.1 405 Method Not Allowed ",
		"GET /speaker/jos%C3%A9.html: HTTP/1.1 301 Moved Permanently to /speaker/jose%CC%81.html ",
		`GET /speaker/jose%CC%81.html: HTTP/1.1 200 OK <title>José</title> <h3 dir="auto"><a href="/conf/cafe%CC%81.html"> <h3 dir="auto"><a href="/conf/caf%C3%A9-b.html">`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The whole redirect: no body to show, nothing of the request's but
	// the page it names.
	wantRedirect := "HTTP/1.1 301 Moved Permanently\nCache-Control: no-cache\nLocation: /conf/cafe%CC%81.html\nReferrer-Policy: " + referrerPolicy + "\nX-Content-Type-Options: nosniff\n\n"
	if diff := cmp.Diff(wantRedirect, do(h, "GET", "/conf/caf%C3%A9.html?x=//evil.example")); diff != "" {
		t.Errorf("redirect (-want +got):\n%s", diff)
	}
	// Below a base with a path of its own, which a proxy strips, as the
	// pages' links are.
	h, err = newHandler(talks, "https://example.org/talks/", archiveRead, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := header(do(h, "GET", "/conf/caf%C3%A9.html"), "Location"), "https://example.org/talks/conf/cafe%CC%81.html"; got != want {
		t.Errorf("Location: %s, want %s", got, want)
	}
}

// TestPageNotMade: a page that cannot be made is 500 to the client, who
// can do nothing with the reason, and the reason goes to the error log
// with the request and the record the page is of (a talk's or an event's
// file, a speaker's name), where it went nowhere and then named the path
// only.
func TestPageNotMade(t *testing.T) {
	h := testHandler(t)
	h.r.Templates = htmltemplate.New("none") // defines no page
	var log strings.Builder
	h.errorLog = stdlog.New(&log, "", 0)
	var got string
	for _, path := range []string{"/style.css", seedPath, "/events/chipy.html", "/speaker/yury-selivanov.html"} {
		got += do(h, "GET", path)
	}
	got += "log:\n" + log.String()
	response := "HTTP/1.1 500 Internal Server Error\nCache-Control: no-cache\nContent-Type: text/plain; charset=utf-8\nReferrer-Policy: " + referrerPolicy +
		"\nVary: Accept\nX-Content-Type-Options: nosniff\n\n500 internal server error\n"
	const fix = ": parse replacements into the set DefaultTemplates returns\n"
	want := strings.Repeat(response, 4) + "log:\n" +
		"GET /style.css as text/css: html: Renderer.Templates defines no \"style\" template" + fix +
		"GET " + seedPath + " as text/html: europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json: html: Renderer.Templates defines no \"page\" template" + fix +
		"GET /events/chipy.html as text/html: chipy/category.json: html: Renderer.Templates defines no \"event-page\" template" + fix +
		"GET /speaker/yury-selivanov.html as text/html: speaker \"Yury Selivanov\": html: Renderer.Templates defines no \"speaker-page\" template" + fix
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNotFound names the path that has no page, escaped and cut short,
// whatever the request held: the answer was "404 page not found", which
// said nothing of which.
func TestNotFound(t *testing.T) {
	h := testHandler(t)
	long := "/" + strings.Repeat("a", maxShownPath-3) + "%C3%A9" + strings.Repeat("b", 1<<16)
	var got []string
	for _, path := range []string{
		"/europython-2016/no-such-talk.html",
		"/europython-2016%2Fasyncawait.html",
		"/<script>alert(1)</script>.html?x=<b>",
		"/caf%C3%A9/%22%27%0D%0A%00.html",
		"/events/%FF.html",
		long,
	} {
		res := do(h, "GET", path)
		_, body, _ := strings.Cut(res, "\n\n")
		got = append(got, strings.SplitN(res, "\n", 2)[0]+" "+body)
	}
	want := []string{
		"HTTP/1.1 404 Not Found 404 not found: no page at /europython-2016/no-such-talk.html\n",
		"HTTP/1.1 404 Not Found 404 not found: no page at /europython-2016%2Fasyncawait.html\n",
		"HTTP/1.1 404 Not Found 404 not found: no page at /%3Cscript%3Ealert%281%29%3C/script%3E.html\n",
		"HTTP/1.1 404 Not Found 404 not found: no page at /caf%C3%A9/%22%27%0D%0A%00.html\n",
		"HTTP/1.1 404 Not Found 404 not found: no page at /events/%FF.html\n",
		"HTTP/1.1 404 Not Found 404 not found: no page at /" + strings.Repeat("a", maxShownPath-3) + "...\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// panickyURLs places pages as the server does but panics for speakers,
// as a renderer's defect might for a record it was not written for.
type panickyURLs struct{ urls }

func (panickyURLs) Speaker(*talk.Speaker) string { panic("no speaker here") }

// TestPagePanics: a renderer's panic on a page is a 500, like any page
// that cannot be made, logged with the request, the record and the panic:
// net/http cut the connection without an answer (a proxy in front said
// 502) and logged the panic without the page or the record. The page's
// other representations are served.
func TestPagePanics(t *testing.T) {
	h := testHandler(t)
	h.r.URLs = panickyURLs{h.urls}
	var log strings.Builder
	h.errorLog = stdlog.New(&log, "", 0)
	got := do(h, "GET", seedPath)
	got += strings.SplitN(do(h, "GET", seedPath, "Accept", "application/x-bibtex"), "\n", 2)[0] + "\n"
	logged, _, _ := strings.Cut(log.String(), "\n")
	got += "log: " + logged + "\n"
	if strings.Contains(log.String(), "goroutine ") {
		got += "with its stack\n"
	}
	want := "HTTP/1.1 500 Internal Server Error\nCache-Control: no-cache\nContent-Type: text/plain; charset=utf-8\nReferrer-Policy: " + referrerPolicy +
		"\nVary: Accept\nX-Content-Type-Options: nosniff\n\n500 internal server error\n" +
		"HTTP/1.1 200 OK\n" +
		"log: GET " + seedPath + " as text/html: europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json: panic: no speaker here\n" +
		"with its stack\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

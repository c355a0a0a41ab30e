package html_test

import (
	"bytes"
	"encoding/json"
	htmltemplate "html/template"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

const archive = "../../testdata/pyvideo"

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

func seed(t testing.TB) *talk.Talk {
	for tk, err := range pyvideo.EventTalks(os.DirFS(archive), "europython-2016") {
		if err != nil {
			t.Fatal(err)
		}
		return tk
	}
	t.Fatal("no seed talk")
	return nil
}

func TestSeedPage(t *testing.T) {
	r := html.Renderer{BaseURL: "https://talks.example.org"}
	var b bytes.Buffer
	err := r.WriteTalk(&b, seed(t), html.PageOptions{Citations: []html.Citation{{Label: "BibTeX", Text: "@misc{selivanov2016asyncawait,\n}"}}})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "seed.html", b.Bytes())
}

// TestZero runs the all-empty model through the renderer.
func TestZero(t *testing.T) {
	var r html.Renderer
	var b bytes.Buffer
	if err := r.WriteTalk(&b, &talk.Talk{}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "zero.html", b.Bytes())
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
}

// TestOverrideBlock replaces blocks of the default templates; "nav", as
// "head", gets the document head's facts as its data.
func TestOverrideBlock(t *testing.T) {
	tmpl, err := html.DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tmpl.Parse(`{{define "style"}}body { color: red; }{{end}}{{define "nav"}}<nav>{{.SiteName}}: {{.Title}}</nav>{{end}}`); err != nil {
		t.Fatal(err)
	}
	r := html.Renderer{Templates: tmpl, SiteName: "Archive"}
	var b bytes.Buffer
	if err := r.WriteTalk(&b, &talk.Talk{Title: "T"}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<style>body { color: red; }</style>", "<nav>Archive: T</nav>"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q: the block was not replaced or did not get the head as its data:\n%s", want, b.String())
		}
	}
}

// TestHostile puts hostile strings in every field a page shows and checks
// that the page has no script but the JSON-LD and no unsafe URL.
func TestHostile(t *testing.T) {
	hostile := hostileStrings(t)
	var r html.Renderer
	for i, h := range hostile {
		for _, tk := range []*talk.Talk{hostileTalk(h), hostileAwayTalk(h)} {
			var b bytes.Buffer
			if err := r.WriteTalk(&b, tk, html.PageOptions{Citations: []html.Citation{{Label: h, Text: h}}}); err != nil {
				t.Fatal(err)
			}
			if problem := unsafePage(b.Bytes()); problem != "" {
				t.Errorf("hostile string %d %q, talk place %+v: %s", i+1, h, tk.Place, problem)
			}
		}
	}
}

// hostileStrings reads the repository's list of hostile strings.
func hostileStrings(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../../.ci/xss/hostile.json")
	if err != nil {
		t.Skip("no hostile strings:", err)
	}
	var hostile []string
	if err := json.Unmarshal(data, &hostile); err != nil {
		t.Fatal(err)
	}
	return hostile
}

// hostileTalk puts s in every string field a page can show, the talk
// given in a room at its event's place; a talk page shows the talk's own
// place's other fields (hostileAwayTalk) instead of the event's.
func hostileTalk(s string) *talk.Talk {
	return &talk.Talk{
		ID: s, Title: s, Subtitle: s, Summary: s, Description: s, Thumbnail: s, License: s,
		Kind: s, Track: s, Place: talk.Place{Room: s},
		Language: talk.Language(s), Tags: []string{s},
		Speakers: []talk.Speaker{{Name: s, Homepage: s, Image: s, Affiliation: s}},
		Event:    talk.Event{ID: s, Title: s, URL: s, Place: talk.Place{Venue: s, Room: s, City: s, Region: s, Country: s}},
		Videos:   []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=x", ID: s}, {Provider: talk.File, URL: s}, {Provider: s, URL: s}},
		Links:    []talk.Link{{URL: s, Label: s}},
		Slides:   []talk.Link{{URL: s}},
	}
}

// hostileAwayTalk is hostileTalk given away from its event's place, at a
// place of its own whose every field is s.
func hostileAwayTalk(s string) *talk.Talk {
	tk := hostileTalk(s)
	tk.Place = talk.Place{Venue: s, Room: s, City: s, Region: s, Country: s}
	return tk
}

// unsafePage parses a page and reports the first script other than the
// JSON-LD block, event-handler attribute, or URL attribute that is not
// http(s), mailto, or relative (a path on the same site, "/speaker/x.html").
func unsafePage(page []byte) string {
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return "does not parse: " + err.Error()
	}
	var problem string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if problem != "" {
			return
		}
		if n.Type == xhtml.ElementNode {
			if n.Data == "script" {
				typ := ""
				for _, a := range n.Attr {
					if a.Key == "type" {
						typ = a.Val
					}
				}
				if typ != "application/ld+json" {
					problem = "a script element of type " + typ
				}
			}
			for _, a := range n.Attr {
				switch {
				case strings.HasPrefix(a.Key, "on"):
					problem = "an event handler " + a.Key
				case a.Key == "href" || a.Key == "src" || a.Key == "poster" || a.Key == "action":
					v := strings.ToLower(strings.TrimSpace(a.Val))
					u, err := url.Parse(v)
					sitePath := err == nil && u.Scheme == "" && !strings.ContainsAny(v, "\\\t\n\r")
					if !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "mailto:") && !sitePath {
						problem = a.Key + "=" + a.Val
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return problem
}

// TestForbidden replaces the code points HTML forbids, and only those.
func TestForbidden(t *testing.T) {
	in := "a\x01b\tc\u0085d\u00b7e\ufdd0f\uffffg\U0001fffeh\U0001f40di\x7fj\ufffd"
	var r html.Renderer
	var b bytes.Buffer
	if err := r.WriteTalk(&b, &talk.Talk{Title: in}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "<h1 dir=\"auto\">a\ufffdb\tc\ufffdd\u00b7e\ufffdf\ufffdg\ufffdh\U0001f40di\ufffdj\ufffd</h1>"
	if !strings.Contains(b.String(), want) {
		t.Errorf("page has no %q:\n%s", want, b.String())
	}
}

// TestMissingTemplate: a template set of the caller's own that lacks a
// page says which, and how to make one that has it; an error in a
// replaced block names its file, line and column.
func TestMissingTemplate(t *testing.T) {
	own := htmltemplate.Must(htmltemplate.New("own").Parse(`{{define "style"}}body { color: red; }{{end}}`))
	broken, err := html.DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	htmltemplate.Must(broken.New("mine.html").Parse("{{define \"talk\"}}\n<p>{{.Talk.Nope}}</p>{{end}}"))
	tk := &talk.Talk{Title: "T"}
	for _, tt := range []struct {
		tmpl  *htmltemplate.Template
		write func(r *html.Renderer, w *bytes.Buffer) error
		want  string
	}{
		{own, func(r *html.Renderer, w *bytes.Buffer) error { return r.WriteTalk(w, tk, html.PageOptions{}) },
			`html: Renderer.Templates defines no "page" template: parse replacements into the set DefaultTemplates returns`},
		{own, func(r *html.Renderer, w *bytes.Buffer) error { return r.WriteIndex(w, nil, html.PageOptions{}) },
			`html: Renderer.Templates defines no "index-page" template: parse replacements into the set DefaultTemplates returns`},
		{broken, func(r *html.Renderer, w *bytes.Buffer) error { return r.WriteTalk(w, tk, html.PageOptions{}) },
			`html: template: mine.html:2:10: executing "talk" at <.Talk.Nope>: can't evaluate field Nope in type *talk.Talk`},
	} {
		r := html.Renderer{Templates: tt.tmpl}
		var b bytes.Buffer
		err := tt.write(&r, &b)
		if err == nil || err.Error() != tt.want {
			t.Errorf("error %v, want %s", err, tt.want)
		}
		if b.Len() != 0 {
			t.Errorf("wrote %d bytes of a page that failed", b.Len())
		}
	}
}

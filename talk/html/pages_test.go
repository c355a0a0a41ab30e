package html_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	xhtml "golang.org/x/net/html"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// archiveTalks reads every talk of the repository's pyvideo records.
func archiveTalks(t testing.TB) []*talk.Talk {
	t.Helper()
	var all []*talk.Talk
	for tk, err := range pyvideo.Talks(os.DirFS(archive)) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, tk)
	}
	return all
}

func eventTalks(all []*talk.Talk, id string) []*talk.Talk {
	var out []*talk.Talk
	for _, t := range all {
		if t.Event.ID == id {
			out = append(out, t)
		}
	}
	return out
}

// siteLinks are links a site adds to its pages, one of them unsafe.
var siteLinks = []talk.Link{{URL: "/talks/x.ics", Label: "Add to calendar"}, {URL: "javascript:alert(1)", Label: "Unsafe"},
	{URL: " /feeds/all.xml\n", Label: "A path with white space around it"}, {URL: " //cdn.example/y.pdf", Label: "Another host's, with a space before"}}

// TestPages pins one page of each kind made from the real records.
func TestPages(t *testing.T) {
	all := archiveTalks(t)
	r := html.Renderer{BaseURL: "https://talks.example.org", SiteName: "Talk archive"}
	chipy := eventTalks(all, "chipy")
	var index []html.IndexEntry
	for _, tk := range all {
		if n := len(index); n > 0 && index[n-1].Event.ID == tk.Event.ID {
			index[n-1].Talks++
			continue
		}
		index = append(index, html.IndexEntry{Event: tk.Event, Talks: 1})
	}
	tests := []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"event-chipy.html", func(w io.Writer) error { return r.WriteEvent(w, &chipy[0].Event, chipy, html.PageOptions{}) }},
		{"event-europython-2016.html", func(w io.Writer) error {
			talks := eventTalks(all, "europython-2016")
			return r.WriteEvent(w, &talks[0].Event, talks, html.PageOptions{})
		}},
		{"speaker.html", func(w io.Writer) error {
			return r.WriteSpeaker(w, &chipy[0].Speakers[0], chipy[:1], html.PageOptions{})
		}},
		{"index.html", func(w io.Writer) error { return r.WriteIndex(w, index, html.PageOptions{}) }},
		{"talk-chipy.html", func(w io.Writer) error { return r.WriteTalk(w, chipy[0], html.PageOptions{}) }},
		// The site's own links: after a talk's, and in a section of their
		// own elsewhere; an unsafe one is text.
		{"talk-site-links.html", func(w io.Writer) error { return r.WriteTalk(w, chipy[0], html.PageOptions{Links: siteLinks}) }},
		{"event-site-links.html", func(w io.Writer) error {
			return r.WriteEvent(w, &chipy[0].Event, chipy[:1], html.PageOptions{Links: siteLinks})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, b.Bytes())
			if problem := invalidPage(b.Bytes(), true); problem != "" {
				t.Error(problem)
			}
		})
	}
}

// TestSpeakerAcrossEvents lists a speaker's talks from two events, each
// with its event, and links the other speakers but not the page itself.
// A profile named in Hebrew is laid out right to left in the list.
func TestSpeakerAcrossEvents(t *testing.T) {
	ada := talk.Speaker{Name: "Ada Lovelace", Affiliation: "Analytical Engines Ltd", Homepage: "https://ada.example.org/", ORCID: "0000-0002-1825-0097",
		Accounts: []talk.Account{{Service: "github", Handle: "ada", URL: "https://github.com/ada"}, {Service: "בלוג!", URL: "https://blog.example.org/ada"}}, Bio: "Writes programs.\n\nFor engines."}
	talks := []*talk.Talk{
		{ID: "notes", Title: "Notes on the engine", Speakers: []talk.Speaker{ada, {Name: "Charles Babbage"}},
			Event: talk.Event{ID: "engines-1843", Title: "Engines 1843"}, Recorded: talk.MustParseDate("1843-07-10"), Duration: talk.Duration(25 * 60e9)},
		{ID: "loops", Title: "Loops", Language: "fr", Speakers: []talk.Speaker{ada},
			Event: talk.Event{ID: "engines-1844", Title: "Engines 1844"}},
	}
	r := html.Renderer{}
	var b bytes.Buffer
	if err := r.WriteSpeaker(&b, &ada, talks, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "speaker-across-events.html", b.Bytes())
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
}

// TestZeroPages runs the all-empty model through every renderer.
func TestZeroPages(t *testing.T) {
	var r html.Renderer
	tests := []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"zero-event.html", func(w io.Writer) error { return r.WriteEvent(w, &talk.Event{}, nil, html.PageOptions{}) }},
		{"zero-event-talk.html", func(w io.Writer) error {
			return r.WriteEvent(w, &talk.Event{}, []*talk.Talk{{}}, html.PageOptions{})
		}},
		{"zero-speaker.html", func(w io.Writer) error {
			return r.WriteSpeaker(w, &talk.Speaker{}, []*talk.Talk{{}}, html.PageOptions{})
		}},
		{"zero-index.html", func(w io.Writer) error { return r.WriteIndex(w, []html.IndexEntry{{}}, html.PageOptions{}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, b.Bytes())
			if problem := invalidPage(b.Bytes(), false); problem != "" {
				t.Error(problem)
			}
		})
	}
}

// TestHostilePages puts hostile strings in every field the event, speaker
// and index pages show.
func TestHostilePages(t *testing.T) {
	hostile := hostileStrings(t)
	var r html.Renderer
	for i, h := range hostile {
		tk := hostileTalk(h)
		tk.Event.Description = h
		sp := tk.Speakers[0]
		sp.Bio, sp.Slug, sp.ORCID = h, h, h
		sp.Accounts = []talk.Account{{Service: h, Handle: h, URL: h}}
		pages := map[string]func(w io.Writer) error{
			"event": func(w io.Writer) error {
				return r.WriteEvent(w, &tk.Event, []*talk.Talk{tk}, html.PageOptions{Canonical: h})
			},
			"speaker": func(w io.Writer) error {
				return r.WriteSpeaker(w, &sp, []*talk.Talk{tk}, html.PageOptions{Canonical: h})
			},
			"index": func(w io.Writer) error {
				return r.WriteIndex(w, []html.IndexEntry{{Event: tk.Event, Talks: 1}}, html.PageOptions{})
			},
			"talk": func(w io.Writer) error {
				md := *tk
				md.Markup = talk.Markdown
				return r.WriteTalk(w, &md, html.PageOptions{})
			},
		}
		for name, write := range pages {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			if problem := unsafePage(b.Bytes()); problem != "" {
				t.Errorf("%s page, hostile string %d %q: %s", name, i+1, h, problem)
			}
		}
	}
}

// TestMarkdown renders a Markdown description safely: no raw HTML, links
// only to http(s), mailto and relative URLs, headings below the page's
// that skip no level.
func TestMarkdown(t *testing.T) {
	desc := "# Outline\n\nSee [the docs](https://go.dev/doc/), [a page](notes.html), <https://example.org>, " +
		"www.example.com and mail ada@example.org.\n\n" +
		"[bad](javascript:alert(1)) [worse](JaVaScRiPt:alert(1)) [data](data:text/html,x) ![img](data:image/png;base64,AAAA) ![ok](https://example.org/a.png)\n\n" +
		"<script>alert(1)</script>\n\n<b onclick=\"x()\">bold</b> **strong** ~~gone~~\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n###### A heading that skips levels\n"
	var r html.Renderer
	var b bytes.Buffer
	if err := r.WriteTalk(&b, &talk.Talk{Title: "T", Description: desc, Markup: talk.Markdown}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	start := strings.Index(page, `<div class="description" dir="auto">`)
	end := strings.Index(page[start:], "</div>")
	checkGolden(t, "markdown.html", []byte(page[start:start+end+len("</div>")]+"\n"))
	if problem := unsafePage(b.Bytes()); problem != "" {
		t.Error(problem)
	}
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
}

// TestMarkdownOutOfBounds shows a Markdown description that goldmark
// would take too long to render (see markdownInBounds) as plain
// paragraphs, all of its text, as the description of a talk without
// markup is shown.
func TestMarkdownOutOfBounds(t *testing.T) {
	desc := "An *outline*:\n\n" + strings.Repeat(">", 40) + " deep\n"
	page := func(m talk.Markup) string {
		var r html.Renderer
		var b bytes.Buffer
		if err := r.WriteTalk(&b, &talk.Talk{Title: "T", Description: desc, Markup: m}, html.PageOptions{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if diff := cmp.Diff(page(talk.Plain), page(talk.Markdown)); diff != "" {
		t.Errorf("Markdown beyond the bounds is not shown as plain text (-plain +markdown):\n%s", diff)
	}
	if got := page(talk.Markdown); !strings.Contains(got, "<p>An *outline*:</p>") || !strings.Contains(got, "&gt;&gt;&gt; deep</p>") {
		t.Errorf("the description's text is not all on the page:\n%s", got)
	}
}

// TestPyvideoURLs checks that the default scheme gives pyvideo.org's talk
// paths for the real records.
func TestPyvideoURLs(t *testing.T) {
	var u html.PyvideoURLs
	for _, tk := range archiveTalks(t) {
		if got, want := u.Talk(tk), pyvideo.URLPath(tk.Event.Title, tk.Slug, tk.Title); got != want {
			t.Errorf("Talk(%s) = %q, want %q", tk.Origin.Path, got, want)
		}
	}
	tests := []struct{ got, want string }{
		{u.Talk(&talk.Talk{}), ""},
		{u.Talk(&talk.Talk{ID: "a-talk", Title: "🐍"}), "/undefined/a-talk.html"},
		{u.Talk(&talk.Talk{Slug: "../../etc", Title: "x", Event: talk.Event{ID: "ev"}}), "/ev/etc.html"},
		{u.Event(&talk.Event{ID: "europython-2016"}), "/events/europython-2016.html"},
		{u.Event(&talk.Event{ID: "x", Title: "EuroPython 2016"}), "/events/europython-2016.html"},
		{u.Speaker(&talk.Speaker{Name: "Łukasz Langa"}), "/speaker/lukasz-langa.html"},
		{u.Speaker(&talk.Speaker{Name: "🐍"}), ""},
		{u.Speaker(&talk.Speaker{Name: "X", Slug: "x-y"}), "/speaker/x-y.html"},
		{u.Index(), "/index.html"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}

	// A record read without its event's title is where pyvideo.org puts it:
	// below its legacy category.
	legacy := &talk.Talk{Title: "Hello", Event: talk.Event{ID: "conf-id"}, Legacy: talk.Legacy{Category: "Old Conf"}}
	if got, want := u.Talk(legacy), pyvideo.TalkURLPath(legacy); got != want || want != "/old-conf/hello.html" {
		t.Errorf("Talk(legacy category) = %q, pyvideo.TalkURLPath %q, want /old-conf/hello.html", got, want)
	}
	var page bytes.Buffer
	if err := (&html.Renderer{BaseURL: "https://example.org"}).WriteTalk(&page, legacy, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	want := []string{"https://example.org/old-conf/hello.html", "https://example.org/index.html", "https://example.org/events/conf-id.html"}
	if diff := cmp.Diff(want, hrefs(page.Bytes())); diff != "" {
		t.Errorf("a legacy-category talk's canonical, home and event links (-want +got):\n%s", diff)
	}
}

// flatURLs is a caller's own scheme with no speaker pages.
type flatURLs struct{}

func (flatURLs) Index() string                  { return "/" }
func (flatURLs) Event(e *talk.Event) string     { return "/" + e.ID + "/" }
func (flatURLs) Talk(t *talk.Talk) string       { return "/" + t.Event.ID + "/" + t.ID }
func (flatURLs) Speaker(s *talk.Speaker) string { return "" }

// TestOwnURLs links pages with a caller's scheme below a base path.
func TestOwnURLs(t *testing.T) {
	r := html.Renderer{URLs: flatURLs{}, BaseURL: "https://example.org/talks/"}
	tk := &talk.Talk{ID: "t 1", Title: "T", Speakers: []talk.Speaker{{Name: "S"}}, Event: talk.Event{ID: "ev", Title: "Ev"}}
	var b bytes.Buffer
	if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	want := []string{"https://example.org/talks/ev/t%201", "https://example.org/talks/", "https://example.org/talks/ev/"}
	if diff := cmp.Diff(want, hrefs(b.Bytes())); diff != "" {
		t.Errorf("canonical, home and event links (-want +got):\n%s", diff)
	}
}

// hrefs lists the href attributes of a page in document order.
func hrefs(page []byte) []string {
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for _, a := range n.Attr {
			if a.Key == "href" {
				out = append(out, a.Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestConcurrent renders every kind of page from many goroutines with one
// Renderer; run with -race.
func TestConcurrent(t *testing.T) {
	all := archiveTalks(t)
	r := &html.Renderer{BaseURL: "https://talks.example.org"}
	var want [4]string
	render := func() ([4]string, error) {
		var out [4]bytes.Buffer
		if err := r.WriteTalk(&out[0], all[0], html.PageOptions{}); err != nil {
			return [4]string{}, err
		}
		if err := r.WriteEvent(&out[1], &all[0].Event, all[:2], html.PageOptions{}); err != nil {
			return [4]string{}, err
		}
		if err := r.WriteSpeaker(&out[2], &all[0].Speakers[0], all[:1], html.PageOptions{}); err != nil {
			return [4]string{}, err
		}
		if err := r.WriteIndex(&out[3], []html.IndexEntry{{Event: all[0].Event, Talks: 2}}, html.PageOptions{}); err != nil {
			return [4]string{}, err
		}
		return [4]string{out[0].String(), out[1].String(), out[2].String(), out[3].String()}, nil
	}
	want, err := render()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			got, err := render()
			if err == nil && got != want {
				err = fmt.Errorf("a concurrent render differs")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// invalidPage checks what the W3C checker and axe would find first in a
// page: the lang attribute, one h1, headings that skip no level, and a
// canonical link when wantCanonical is set.
func invalidPage(page []byte, wantCanonical bool) string {
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return "does not parse: " + err.Error()
	}
	var problem string
	level, h1s, canonical, lang := 0, 0, false, false
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "html":
				for _, a := range n.Attr {
					lang = lang || a.Key == "lang" && a.Val != ""
				}
			case "h1", "h2", "h3", "h4", "h5", "h6":
				l := int(n.Data[1] - '0')
				if l == 1 {
					h1s++
				}
				if l > level+1 && problem == "" {
					problem = fmt.Sprintf("an %s after an h%d", n.Data, level)
				}
				if strings.TrimSpace(textOf(n)) == "" && problem == "" {
					problem = "an empty " + n.Data
				}
				level = l
			case "title":
				if strings.TrimSpace(textOf(n)) == "" && problem == "" {
					problem = "an empty title"
				}
			case "link":
				for _, a := range n.Attr {
					canonical = canonical || a.Key == "rel" && a.Val == "canonical"
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	switch {
	case problem != "":
		return problem
	case !lang:
		return "no lang attribute"
	case h1s != 1:
		return fmt.Sprintf("%d h1 elements", h1s)
	case wantCanonical && !canonical:
		return "no canonical link"
	}
	return ""
}

// textOf returns the text within n.
func textOf(n *xhtml.Node) string {
	if n.Type == xhtml.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// TestBadLanguage leaves out a lang attribute a malformed language would
// make invalid, on talk pages and in lists.
func TestBadLanguage(t *testing.T) {
	tk := &talk.Talk{Title: "T", Language: "not a language", Event: talk.Event{Title: "E"}}
	var r html.Renderer
	var b bytes.Buffer
	if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteEvent(&b, &tk.Event, []*talk.Talk{tk}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `lang="not`) {
		t.Errorf("a malformed language reached the page:\n%s", b.String())
	}
}

// TestEventJSONLDControls escapes in JSON-LD the code points HTML forbids
// in a script, so that they survive as data.
func TestEventJSONLDControls(t *testing.T) {
	var r html.Renderer
	var b bytes.Buffer
	ev := &talk.Event{ID: "e", Title: "a\u0085b\ufdd0c\x01d"}
	if err := r.WriteEvent(&b, ev, nil, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := `"name":"a\u0085b\ufdd0c\u0001d"`; !strings.Contains(b.String(), want) {
		t.Errorf("the JSON-LD has no %s:\n%s", want, b.String())
	}
}

// TestRSTNamedElements: an element a reStructuredText description names
// keeps an id of its own when the name is one of the page's ids, and a
// reference to the name links to it.
func TestRSTNamedElements(t *testing.T) {
	var desc strings.Builder
	desc.WriteString("See about_.\n\n")
	for _, name := range []string{"about", "links", "cite", "tags", "talks"} {
		desc.WriteString(".. note::\n   :name: " + name + "\n\n   A note.\n\n")
	}
	var r html.Renderer
	var b bytes.Buffer
	if err := r.WriteTalk(&b, &talk.Talk{Title: "T", Description: desc.String(), Markup: talk.ReStructuredText}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" {
				ids[a.Val]++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q %d times", id, n)
		}
	}
	if ids["description-about"] != 1 || !strings.Contains(b.String(), `<a href="#description-about"`) {
		t.Errorf("no link to the note named about:\n%s", b.String())
	}
}

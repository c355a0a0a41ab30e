package html_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
)

// FuzzMarkdown renders arbitrary Markdown descriptions and checks that the
// page has no script, event handler or link to an unsafe URL.
func FuzzMarkdown(f *testing.F) {
	f.Add("# Outline\n\nSee [the docs](https://go.dev/doc/) and <https://example.org>.")
	f.Add("[x](javascript:alert(1)) ![y](data:image/png;base64,AAAA) <script>alert(1)</script>")
	f.Add("[x](&#106;avascript:alert(1)) [y](<java\tscript:x>) www.example.com ada@example.org")
	f.Add("<a href=\"javascript:x\">a</a>\n\n<img src=x onerror=alert(1)>\n\n| a |\n|---|\n| [b](vbscript:x) |")
	f.Add("[ref]\n\n[ref]: javascript:alert(1) \"t\"\n\n[ok]: https://example.org")
	var r html.Renderer
	f.Fuzz(func(t *testing.T, desc string) {
		tk := &talk.Talk{Title: "T", Description: desc, Markup: talk.Markdown}
		if refusedNotUTF8(t, &r, tk) {
			return
		}
		var b bytes.Buffer
		if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
			t.Fatal(err)
		}
		if problem := unsafePage(b.Bytes()); problem != "" {
			t.Errorf("%q: %s", desc, problem)
		}
	})
}

// FuzzPage renders a talk whose every shown field is arbitrary, with a
// reStructuredText description: the page must parse and hold no script
// but its JSON-LD, no event handler and no unsafe link.
func FuzzPage(f *testing.F) {
	f.Add("async/await", "Yury Selivanov", "*awesome* `PEP 492 <https://peps.python.org/pep-0492/>`_", "https://example.org", "asyncio")
	f.Add("</title><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "`x <javascript:alert(1)>`_\n\n.. raw:: html\n\n   <script>alert(1)</script>", "javascript:alert(1)", "\u2028</script>")
	f.Add("T", "S", "Title\n=====\n\n* a\n* b\n\n  quote\n\n::\n\n  <code>", "data:text/html,x", "x")
	f.Add("Web", "A1", "", "Euskalduna", "<b onclick=x()>keynote</b>")
	var r html.Renderer
	f.Fuzz(func(t *testing.T, title, speaker, desc, link, tag string) {
		tk := &talk.Talk{
			Title: title, Speakers: []talk.Speaker{{Name: speaker, Homepage: link}},
			Description: desc, Markup: talk.ReStructuredText, Tags: []string{tag},
			Links: []talk.Link{{URL: link, Label: tag}}, Thumbnail: link,
			Videos: []talk.Video{{URL: link}},
			Kind:   tag, Track: title,
			Event: talk.Event{Title: title, Place: talk.Place{Venue: link, City: tag, Region: speaker, Country: title}},
		}
		// In a room at the event's place, and at a place of its own.
		for _, place := range []talk.Place{{Room: speaker}, {Venue: tag, Room: link, City: speaker, Region: title, Country: tag}} {
			tk.Place = place
			if refusedNotUTF8(t, &r, tk) {
				continue
			}
			var b bytes.Buffer
			if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
				t.Fatal(err)
			}
			if problem := unsafePage(b.Bytes()); problem != "" {
				t.Errorf("%q %q %q %q %q, talk place %+v: %s", title, speaker, desc, link, tag, place, problem)
			}
		}
	})
}

// refusedNotUTF8 reports whether tk holds text that is not UTF-8, after
// checking that r refuses its page with tk.CheckUTF8's error and writes
// nothing, where it wrote the bytes into the page.
func refusedNotUTF8(t *testing.T, r *html.Renderer, tk *talk.Talk) bool {
	t.Helper()
	notUTF8 := tk.CheckUTF8()
	if notUTF8 == nil {
		return false
	}
	var b bytes.Buffer
	if err := r.WriteTalk(&b, tk, html.PageOptions{}); fmt.Sprint(err) != notUTF8.Error() || b.Len() != 0 {
		t.Fatalf("text not UTF-8: error %v, wrote %q; want %v and nothing", err, b.String(), notUTF8)
	}
	return true
}

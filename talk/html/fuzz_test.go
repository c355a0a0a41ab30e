package html_test

import (
	"bytes"
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
		var b bytes.Buffer
		if err := r.WriteTalk(&b, &talk.Talk{Title: "T", Description: desc, Markup: talk.Markdown}, html.PageOptions{}); err != nil {
			t.Fatal(err)
		}
		if problem := unsafePage(b.Bytes()); problem != "" {
			t.Errorf("%q: %s", desc, problem)
		}
	})
}

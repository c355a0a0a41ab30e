package html_test

import (
	"bytes"
	"testing"

	"github.com/talkmeta/talkmeta/talk/html"
)

// BenchmarkWriteTalk renders the seed talk's page (reStructuredText
// description, player, JSON-LD); bytes are those of the page.
func BenchmarkWriteTalk(b *testing.B) {
	tk := seed(b)
	r := html.Renderer{BaseURL: "https://talks.example.org"}
	var buf bytes.Buffer
	if err := r.WriteTalk(&buf, tk, html.PageOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := r.WriteTalk(&buf, tk, html.PageOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

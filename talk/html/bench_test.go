package html_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/talkmeta/talkmeta/internal/corpustest"
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

// BenchmarkWriteTalkCorpus renders the pages of the corpus that
// $TALKMETA_CORPUS names, as the bench program's pipeline does (the zero
// Renderer, no options): one page an operation, going round the corpus, so
// that the figures are those of an average talk rather than of the seed.
func BenchmarkWriteTalkCorpus(b *testing.B) {
	talks := corpustest.Talks(b)
	var r html.Renderer
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := r.WriteTalk(io.Discard, talks[i], html.PageOptions{}); err != nil {
			b.Fatal(err)
		}
		i = (i + 1) % len(talks)
	}
}

package main

import (
	"io"
	"os"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// BenchmarkPipelineTalk does the pipeline stage's work on one core for
// each of the repository's real records: decode, then validate, page,
// JSON-LD, BibTeX and APA (built-in style), as pipelineTalk does. It
// times what the corpus run times, without the disk and with less noise:
// ns/talk is the time per talk, and bytes are the records'.
func BenchmarkPipelineTalk(b *testing.B) {
	apa, err := apaProcessor("")
	if err != nil {
		b.Fatal(err)
	}
	var talks []*talk.Talk
	var size int64
	for t, err := range pyvideo.Talks(os.DirFS("../../testdata/pyvideo")) {
		if err != nil {
			b.Fatal(err)
		}
		talks = append(talks, t)
		size += int64(len(t.Origin.Raw))
	}
	var r html.Renderer
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range talks {
			decoded, err := pyvideo.ParseTalk(t.Origin.Raw, t.Origin.Path)
			if err != nil {
				b.Fatal(err)
			}
			decoded.Event = t.Event
			if err := pipelineTalk(io.Discard, &r, apa, decoded); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(talks)), "ns/talk")
}

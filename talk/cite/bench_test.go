package cite_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// BenchmarkWriteAll writes the seed talk in each citation format; bytes
// are those of the output.
func BenchmarkWriteAll(b *testing.B) {
	talks := []*talk.Talk{seed()}
	for _, f := range []cite.Format{cite.BibTeX, cite.BibLaTeX, cite.RIS, cite.CSLJSON} {
		b.Run(f.String(), func(b *testing.B) {
			var buf bytes.Buffer
			if err := cite.WriteAll(&buf, f, talks, cite.Options{}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := cite.WriteAll(&buf, f, talks, cite.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReference formats the APA reference of each of the
// repository's real records, descriptions and tags included, as a
// site's "cite this talk" box does; ns/talk is the time per talk and
// bytes are those of the records.
func BenchmarkReference(b *testing.B) {
	st, err := csl.BuiltinStyle("apa")
	if err != nil {
		b.Fatal(err)
	}
	pr, err := csl.New(st)
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
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range talks {
			if _, err := cite.Reference(pr, t, csl.Text, cite.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(talks)), "ns/talk")
}

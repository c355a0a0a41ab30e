package cite_test

import (
	"bytes"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
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

package csl_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/talkmeta/talkmeta/internal/corpustest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// BenchmarkCorpusEntry renders, per official style, the plain-text
// bibliography entry of every sixth talk of the shared corpus (some
// 2,200 talks from all its conferences), from the items talk/cite's
// Reference builds: without the variables the style never reads.
// ns/item is the time per entry. It needs TALKMETA_CORPUS and
// TALKMETA_SHARED, as TestCorpusDigests does.
func BenchmarkCorpusEntry(b *testing.B) {
	corpusTalks := corpustest.Talks(b)
	shared := filepath.Join(os.Getenv("TALKMETA_SHARED"), "csl")
	loc, err := csl.LoadLocale(os.DirFS(shared), "locales-en-US.xml")
	if err != nil {
		b.Skipf("the official CSL files are not at %s: %v", shared, err)
	}
	var talks []*talk.Talk
	for i, tk := range corpusTalks {
		if i%6 == 0 {
			talks = append(talks, tk)
		}
	}
	for _, style := range []string{"apa", "modern-language-association", "chicago-author-date", "ieee", "harvard-cite-them-right"} {
		b.Run(style, func(b *testing.B) {
			st, err := csl.LoadStyle(os.DirFS(shared), style+".csl")
			if err != nil {
				b.Fatal(err)
			}
			pr, err := csl.New(st, loc)
			if err != nil {
				b.Fatal(err)
			}
			items := make([]*csl.Item, len(talks))
			for i, tk := range talks {
				if items[i], err = cite.CSLItem(tk, "talk", cite.Options{}); err != nil {
					b.Fatal(err)
				}
				for v := range items[i].Fields {
					if !pr.Uses(v) {
						delete(items[i].Fields, v)
					}
				}
			}
			for b.Loop() {
				for _, it := range items {
					if _, err := pr.Entry(csl.Text, it); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/item")
		})
	}
}

package csl

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// benchSetup loads testdata/general.json and testdata/fixtures.json (38
// items: books, articles, chapters, talks, videos) and the official
// style.
func benchSetup(b *testing.B, style string) (*Processor, []*Item) {
	b.Helper()
	loc := sharedLocale(b)
	return styleProcessor(b, style, false, loc), testItems(b, "general.json", "fixtures.json")
}

// BenchmarkBibliography makes one bibliography of the 38 test items per
// style, in text and HTML (as citeproc-bib.mjs does); ns/item is the
// time per item and format.
func BenchmarkBibliography(b *testing.B) {
	for _, style := range officialStyles {
		b.Run(style, func(b *testing.B) {
			pr, items := benchSetup(b, style)
			for b.Loop() {
				for _, f := range []Format{Text, HTML} {
					if _, err := pr.Bibliography(f, items...); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)*2), "ns/item")
		})
	}
}

// BenchmarkCitation cites each of the 38 test items alone, in text and
// HTML (as citeproc.mjs does); ns/item is the time per item and format.
func BenchmarkCitation(b *testing.B) {
	for _, style := range officialStyles {
		b.Run(style, func(b *testing.B) {
			pr, items := benchSetup(b, style)
			for b.Loop() {
				for _, f := range []Format{Text, HTML} {
					for _, it := range items {
						if _, err := pr.Citation(f, it); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)*2), "ns/item")
		})
	}
}

// BenchmarkEntry renders each of the 38 test items' bibliography entry
// alone, in text and HTML; ns/item is the time per item and format.
func BenchmarkEntry(b *testing.B) {
	for _, style := range officialStyles {
		b.Run(style, func(b *testing.B) {
			pr, items := benchSetup(b, style)
			for b.Loop() {
				for _, f := range []Format{Text, HTML} {
					for _, it := range items {
						if _, err := pr.Entry(f, it); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)*2), "ns/item")
		})
	}
}

// BenchmarkTalkEntry renders the bibliography entry of each of the 33
// real talks of testdata/cluster-talks.json per official style, as
// plain text, the way talk/cite's Reference does: variables the style
// never reads are left out of the items first (see Processor.Uses).
// ns/item is the time per entry.
func BenchmarkTalkEntry(b *testing.B) {
	for _, style := range officialStyles {
		b.Run(style, func(b *testing.B) {
			pr, _ := benchSetup(b, style)
			data, err := os.ReadFile("testdata/cluster-talks.json")
			if err != nil {
				b.Fatal(err)
			}
			items, err := ParseItems(data)
			if err != nil {
				b.Fatal(err)
			}
			for _, it := range items {
				for v := range it.Fields {
					if !pr.Uses(v) {
						delete(it.Fields, v)
					}
				}
			}
			for b.Loop() {
				for _, it := range items {
					if _, err := pr.Entry(Text, it); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/item")
		})
	}
}

// BenchmarkHostileTitle renders the APA entry of a talk whose title of
// about 16 KiB is one of the flip-flop's hostile shapes: quotes and
// markup nested (around "$" patterns too, which HTML's markup expands),
// unbalanced or unclosed, and runs of apostrophes, in text and HTML.
// MB/s is the title's bytes; time per byte that grows with the size is
// time quadratic in it (the scaling sweep of examples/bench grows them
// to tell).
func BenchmarkHostileTitle(b *testing.B) {
	const size = 16 << 10
	nested := func(open, inner, close string) string {
		k := size / (len(open) + len(close))
		return strings.Repeat(open, k) + inner + strings.Repeat(close, k)
	}
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	shapes := []struct{ name, title string }{
		{"nested-quotes", nested(`"a 'b `, "c", ` b' a"`)},
		{"nested-markup", nested("<i>a <b>b ", "c", "</b></i>")},
		{"nested-markup-dollars", nested("<i>a <b>b ", "$x $$ $& c", "</b></i>")},
		{"unbalanced-quotes", fill(`"a 'b `)},
		{"apostrophes", fill("don't it's 'tis ")},
		{"unclosed-markup", fill("<i>a <b>b <sup>c ")},
	}
	pr, _ := benchSetup(b, "apa")
	for _, s := range shapes {
		title, err := json.Marshal(s.title)
		if err != nil {
			b.Fatal(err)
		}
		items, err := ParseItems([]byte(`[{"id":"talk","type":"speech","title":` + string(title) + `,"author":[{"family":"Lovelace","given":"Ada"}],"issued":{"date-parts":[[2020,5,1]]},"event-title":"PyCon US 2020","URL":"https://example.org/talk"}]`))
		if err != nil {
			b.Fatal(err)
		}
		it := items[0]
		for _, f := range []Format{Text, HTML} {
			b.Run(s.name+"/"+f.String(), func(b *testing.B) {
				b.SetBytes(int64(len(s.title)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := pr.Entry(f, it); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

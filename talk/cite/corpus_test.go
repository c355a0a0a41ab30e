package cite

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/talkmeta/talkmeta/internal/cjk"
	"github.com/talkmeta/talkmeta/internal/corpustest"
	"github.com/talkmeta/talkmeta/talk"
)

// TestNamesCorpus reads every speaker name of the corpus and checks what
// any parse must give: a family name or a literal, and no part holding
// brackets, quotes or spaces at its ends.
func TestNamesCorpus(t *testing.T) {
	seen := map[string]bool{}
	var speakers, literal, several, particle, suffix, familyFirst int
	for _, tk := range corpustest.Talks(t) {
		for _, s := range tk.Speakers {
			if seen[s.Name] {
				continue
			}
			seen[s.Name] = true
			speakers++
			names := SpeakerNames(s)
			if len(names) > 1 {
				several++
			}
			if clean(s.Name) != "" && len(names) == 0 {
				t.Errorf("%q: no name", s.Name)
			}
			for _, n := range names {
				switch {
				case n.Literal != "":
					literal++
				case n.Family == "":
					t.Errorf("%q: %#v has neither family name nor literal", s.Name, n)
				}
				if n.NonDroppingParticle != "" {
					particle++
				}
				if n.Suffix != "" {
					suffix++
				}
				if cjk.Only(n.Family) {
					familyFirst++
				}
				for _, part := range []string{n.Given, n.Family, n.NonDroppingParticle, n.Suffix} {
					if part != strings.TrimSpace(part) || strings.ContainsAny(part, `()[]<>"«»“”`) {
						t.Errorf("%q: part %q of %#v", s.Name, part, n)
					}
				}
			}
		}
	}
	t.Logf("%d distinct speaker names: %d literal names, %d strings of several people, %d with a particle, %d with a suffix, %d CJK family names",
		speakers, literal, several, particle, suffix, familyFirst)
}

// TestKeysCorpus gives every talk of the corpus its key and checks that
// the keys are unique and well-formed.
func TestKeysCorpus(t *testing.T) {
	var keys KeySet
	seen := map[string]bool{}
	n, suffixed := 0, 0
	for _, tk := range corpustest.Talks(t) {
		n++
		base, k := Key(tk), keys.Key(tk)
		if k != base {
			suffixed++
		}
		if seen[k] || k == "" || cleanKey(k) != k || strings.Trim(k, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			t.Errorf("%s: key %q", tk.Origin.Path, k)
		}
		seen[k] = true
	}
	t.Logf("%d talks, %d unique keys, %d needed a suffix", n, len(seen), suffixed)
}

// BenchmarkWriteRecords writes each of the repository's real records in
// each citation format, as a site's download links do; ns/talk is the
// time per talk and bytes are those of the records.
func BenchmarkWriteRecords(b *testing.B) {
	talks := archiveTalks(b)
	var size int64
	for _, t := range talks {
		size += int64(len(t.Origin.Raw))
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer, *talk.Talk) error
	}{
		{"bibtex", func(w io.Writer, t *talk.Talk) error { return WriteBibTeX(w, t, Options{}) }},
		{"biblatex", func(w io.Writer, t *talk.Talk) error { return WriteBibLaTeX(w, t, Options{}) }},
		{"ris", WriteRIS},
		{"csl-json", func(w io.Writer, t *talk.Talk) error { return WriteCSLJSON(w, t) }},
	} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range talks {
					if err := f.write(io.Discard, t); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(talks)), "ns/talk")
		})
	}
}

func BenchmarkWriteBibTeX(b *testing.B) {
	tk := hostileTalk()
	var buf bytes.Buffer
	_ = WriteBibTeX(&buf, tk, Options{})
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteBibTeX(&buf, tk, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseNames(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range nameCases {
			ParseNames(c.display)
		}
	}
}

package csl_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// builtinOf names the built-in style written to print what each official
// style prints for talks.
var builtinOf = map[string]string{
	"apa": "apa", "modern-language-association": "mla", "chicago-author-date": "chicago",
	"ieee": "ieee", "harvard-cite-them-right": "harvard",
}

// TestCorpusDigests holds the engine to citeproc-js on every talk of the
// shared corpus, in the five official styles and in the built-in ones:
// each talk's entry and citation, as text and as HTML, must hash as
// citeproc-js's did when .ci/csl/record.sh recorded
// testdata/citeproc-corpus.tsv.gz. Running citeproc-js itself on all the
// talks takes longer than CI's budget; .ci/csl/check.sh still runs it
// live on a sample, with full outputs to compare.
func TestCorpusDigests(t *testing.T) {
	corpus := os.Getenv("TALKMETA_CORPUS")
	if corpus == "" {
		t.Skip("TALKMETA_CORPUS is not set: every talk against citeproc-js is not checked")
	}
	if csl.RaceDetector {
		t.Skip("under -race the engine is tenfold slower; .ci/csl/check.sh runs this without it")
	}
	shared := filepath.Join(os.Getenv("TALKMETA_SHARED"), "csl")
	if os.Getenv("TALKMETA_SHARED") == "" {
		shared = filepath.Join(corpus, "..", "..", "csl")
	}
	loc, err := csl.LoadLocale(os.DirFS(shared), "locales-en-US.xml")
	if err != nil {
		t.Skipf("the official CSL files are not at %s: %v", shared, err)
	}
	styles, digests := readDigests(t, "testdata/citeproc-corpus.tsv.gz")
	items := corpusItems(t, corpus)
	if len(items) != len(digests) {
		t.Fatalf("%d talks in the corpus, %d recorded: run .ci/csl/record.sh", len(items), len(digests))
	}
	for col, style := range styles {
		for _, variant := range []string{"official", "built-in"} {
			t.Run(style+"/"+variant, func(t *testing.T) {
				var st *csl.Style
				if variant == "official" {
					st, err = csl.LoadStyle(os.DirFS(shared), style+".csl")
				} else {
					st, err = csl.BuiltinStyle(builtinOf[style])
				}
				if err != nil {
					t.Fatal(err)
				}
				pr, err := csl.New(st, loc)
				if err != nil {
					t.Fatal(err)
				}
				differ := compareDigests(t, pr, items, digests, col)
				t.Logf("%s (%s): %d of %d talks agree with citeproc-js", style, variant, len(items)-differ, len(items))
			})
		}
	}
}

// compareDigests formats every item with pr on two goroutines and reports
// those whose digest is not the recorded one; it returns their number.
func compareDigests(t *testing.T, pr *csl.Processor, items []*csl.Item, digests map[string][]string, col int) int {
	var (
		mu     sync.Mutex
		differ int
		wg     sync.WaitGroup
	)
	next := make(chan *csl.Item)
	for range 2 {
		wg.Go(func() {
			for it := range next {
				outs, err := formatAll(pr, it)
				want := digests[it.ID]
				if err == nil && want != nil && digest(outs) == want[col] {
					continue
				}
				mu.Lock()
				differ++
				if differ <= 10 {
					switch {
					case err != nil:
						t.Errorf("%s: %v", it.ID, err)
					case want == nil:
						t.Errorf("%s: not recorded: run .ci/csl/record.sh", it.ID)
					default:
						t.Errorf("%s: not what citeproc-js made of it; ours:\n  entry: %s\n  citation: %s\n  entry (HTML): %s\n  citation (HTML): %s", it.ID, outs[0], outs[2], outs[1], outs[3])
					}
				}
				mu.Unlock()
			}
		})
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
	return differ
}

// formatAll returns the entry as text and HTML, then the citation as text
// and HTML, as digest.mjs hashes them.
func formatAll(pr *csl.Processor, it *csl.Item) ([4]string, error) {
	var outs [4]string
	var err error
	for i, f := range []csl.Format{csl.Text, csl.HTML} {
		if pr.HasBibliography() {
			if outs[i], err = pr.Entry(f, it); err != nil {
				return outs, err
			}
		}
		if outs[2+i], err = pr.Citation(f, it); err != nil {
			return outs, err
		}
	}
	return outs, nil
}

func digest(outs [4]string) string {
	h := fnv.New32a()
	h.Write([]byte(strings.Join(outs[:], "\x00")))
	return fmt.Sprintf("%08x", h.Sum32())
}

// readDigests reads the recording: the style names of its columns, and
// the digests by item id.
func readDigests(t *testing.T, name string) ([]string, map[string][]string) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var styles []string
	digests := map[string][]string{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if styles == nil {
			styles = cols[1:]
			continue
		}
		if len(cols) != len(styles)+1 {
			t.Fatalf("%s: %q has %d columns, want %d", name, line, len(cols), len(styles)+1)
		}
		digests[cols[0]] = cols[1:]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return styles, digests
}

// corpusItems maps every talk of the corpus to CSL as .ci/csl/items does
// for citeproc-js: talk/cite's CSL-JSON, with its unique ids.
func corpusItems(t *testing.T, corpus string) []*csl.Item {
	t.Helper()
	var talks []*talk.Talk
	for tk, err := range pyvideo.Talks(os.DirFS(corpus)) {
		if err != nil {
			t.Fatal(err)
		}
		talks = append(talks, tk)
	}
	var b bytes.Buffer
	if err := cite.WriteAll(&b, cite.CSLJSON, talks, cite.Options{}); err != nil {
		t.Fatal(err)
	}
	items, err := csl.ParseItems(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return items
}

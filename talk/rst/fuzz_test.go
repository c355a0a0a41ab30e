package rst

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse parses arbitrary text, seeded with the test cases and real
// descriptions: Parse never panics, every diagnostic points inside the
// text, and the HTML never carries markup from the text or a script URL.
func FuzzParse(f *testing.F) {
	var cases []string
	if data, err := os.ReadFile("testdata/cases.json"); err == nil {
		json.Unmarshal(data, &cases)
	}
	for _, c := range cases {
		f.Add(c)
	}
	files, _ := filepath.Glob("testdata/html/*.rst")
	for _, name := range files {
		data, _ := os.ReadFile(name)
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc := Parse(src)
		lines := len(splitLines(src))
		for _, d := range doc.Diagnostics {
			if d.Line < 1 || d.Line > lines+1 || d.Offset < 0 || d.Offset > len(src) || d.Level < Info || d.Level > Severe || d.Message == "" {
				t.Errorf("diagnostic %+v outside the %d lines of %q", d, lines, src)
			}
		}
		var b bytes.Buffer
		if err := WriteHTML(&b, doc, HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		out := strings.ToLower(b.String())
		for _, bad := range []string{"<script", "javascript:", "<iframe", "<img", " on"} {
			if strings.Contains(out, bad) && !strings.Contains(strings.ToLower(src), strings.TrimSpace(bad)) {
				t.Errorf("%q in the HTML of %q:\n%s", bad, src, out)
			}
		}
		if strings.Contains(out, "href=\"javascript") || strings.Contains(out, "href=\"data:") || strings.Contains(out, "<script") {
			t.Errorf("unsafe HTML for %q:\n%s", src, out)
		}
	})
}

// BenchmarkParseCorpus parses every description of the pyvideo corpus.
func BenchmarkParseCorpus(b *testing.B) {
	dir := os.Getenv("TALKMETA_CORPUS")
	if dir == "" {
		b.Skip("TALKMETA_CORPUS is not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "videos", "*.json"))
	var texts []string
	size := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		var rec struct{ Description *string }
		json.Unmarshal(data, &rec)
		if rec.Description != nil && *rec.Description != "" {
			texts = append(texts, *rec.Description)
			size += len(*rec.Description)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Parse(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/description")
}

package schema

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// FuzzValidateTalk feeds the validator arbitrary bytes, seeded with real
// records, in both profiles: it must never panic, and every problem it
// reports must be complete and point inside the input. The quick check
// must agree with jsonschema/v5 on every input.
func FuzzValidateTalk(f *testing.F) {
	root := filepath.Join("..", "testdata", "pyvideo")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".json" {
			data, _ := os.ReadFile(p)
			f.Add(data, true)
		}
		return nil
	})
	talkmeta, _ := os.ReadFile("testdata/talk.json")
	f.Add(talkmeta, false)
	f.Add([]byte(`{"title": "x", "videos": [{"url": "https://a", "type": "x"}], "recorded": "2016-02-30"}`), true)
	f.Add([]byte(`{"title": "x", "duration": -1, "videos": [{"url": "https://a", "type": "x", "duration": 1e2}]}`), true)
	f.Add([]byte(`{"title": "x", "duration": -0.5, "speakers": [], "videos": [{"url": "https://a", "type": "x", "duration": 99999999999999999999}]}`), false)
	f.Add([]byte(`{"title": "x", "id": 1e2, "duration": 1e1000000000, "videos": [{"url": "https://a", "type": "x", "size": -1e-1000000000, "length": 9223372037}]}`), true)
	f.Add([]byte(`{"title": "x", "legacy": {"id": 1e1000000000}, "videos": [{"url": "https://a", "size": 9223372036854775808}], "x": 0.0e-99999999999999999999}`), false)
	f.Fuzz(func(t *testing.T, data []byte, pyvideo bool) {
		v := &Validator{}
		if pyvideo {
			v.Profile = Pyvideo
		}
		ps := v.ValidateTalk(data, "f.json")
		lines := bytes.Count(data, []byte("\n")) + 1
		for i, p := range ps {
			if p.Rule == "" || p.Message == "" || (p.Severity != Error && p.Severity != Warning) {
				t.Errorf("incomplete problem %#v", p)
			}
			if p.Line < 0 || p.Line > lines || p.Column < 0 || (p.Line > 0 && p.Column == 0) {
				t.Errorf("problem %v points outside the %d lines of the input", p, lines)
			}
			if i > 0 && ps[i-1].offset > p.offset && ps[i-1].Path == p.Path {
				t.Errorf("problems out of order: %v before %v", ps[i-1], p)
			}
		}
		if (ps.Err() == nil) != (ps.Errors() == 0) {
			t.Errorf("Err() = %v with %d errors", ps.Err(), ps.Errors())
		}
		id := TalkID
		if pyvideo {
			id = PyvideoTalkID
		}
		if doc, err := jsonx.Decode(data, 0); err == nil {
			cs, _ := load()
			full := cs.schemas[id].Validate(forJSONSchema(doc))
			if fast := cs.quick[id].accepts(bytes.TrimLeft(data, " \t\r\n")); fast != (full == nil) {
				t.Errorf("the quick check says valid=%v, jsonschema/v5 says %v", fast, full)
			}
			if _, _, fast := cs.quick[id].read(jsonx.NewCursor(data, 0), nil); fast != (full == nil) {
				t.Errorf("the quick check reading the record says valid=%v, jsonschema/v5 says %v", fast, full)
			}
		}
	})
}

func BenchmarkValidateTalk(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pyvideo", filepath.FromSlash(seedPath)))
	if err != nil {
		b.Fatal(err)
	}
	v := &Validator{Profile: Pyvideo}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if ps := v.ValidateTalk(data, seedPath); len(ps) != 0 {
			b.Fatal(ps)
		}
	}
}

// BenchmarkCheckArchive checks the repository's copy of real records, held
// in memory so that the file system's speed does not count.
func BenchmarkCheckArchive(b *testing.B) {
	fsys := testArchive(b)
	v := &Validator{Profile: Pyvideo}
	b.ReportAllocs()
	for b.Loop() {
		if r := v.CheckArchive(fsys, nil); r.Problems.Errors() != 0 {
			b.Fatal(r.Problems)
		}
	}
}

// BenchmarkValidateCorpus validates every talk record of the pyvideo
// corpus (TALKMETA_CORPUS), held in memory, one after another on one
// core: the average record, where BenchmarkValidateTalk times one.
func BenchmarkValidateCorpus(b *testing.B) {
	dir := os.Getenv("TALKMETA_CORPUS")
	if dir == "" {
		b.Skip("TALKMETA_CORPUS is not set")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "videos", "*.json"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no talk records in %s: %v", dir, err)
	}
	records := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		if records[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += len(records[i])
	}
	v := &Validator{Profile: Pyvideo}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range records {
			if err := v.ValidateTalk(data, files[i]).Err(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(records)), "ns/record")
}

// BenchmarkManyFindings validates 64 KiB records of thousands of
// findings, each to be located in the record: unknown members, and links
// that are not URLs, all on one line as a program might write them.
func BenchmarkManyFindings(b *testing.B) {
	// record fills a talk with items up to 64 KiB, ending it with end.
	record := func(item func(i int) string, end string) []byte {
		r := []byte(`{"title": "A talk", "speakers": ["Ada Lovelace"], "recorded": "2020-01-02", ` +
			`"videos": [{"type": "youtube", "url": "https://www.youtube.com/watch?v=m28fiN9y_r8"}], ` +
			`"thumbnail_url": "https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg"`)
		for i := 0; len(r) < 64<<10; i++ {
			r = append(r, item(i)...)
		}
		return append(r, end...)
	}
	for _, shape := range []struct {
		name string
		data []byte
	}{
		{"unknown-members", record(func(i int) string { return fmt.Sprintf(`, "extra_%d": [1, {"a": "b"}]`, i) }, "}\n")},
		{"invalid-urls", record(func(i int) string {
			if i == 0 {
				return `, "related_urls": ["not a url 0"`
			}
			return fmt.Sprintf(`, "not a url %d"`, i)
		}, "]}\n")},
	} {
		v := &Validator{Profile: Pyvideo}
		if n := len(v.ValidateTalk(shape.data, "talk.json")); n < 1000 {
			b.Fatalf("%s: %d findings, want thousands", shape.name, n)
		}
		b.Run(shape.name, func(b *testing.B) {
			b.SetBytes(int64(len(shape.data)))
			b.ReportAllocs()
			for b.Loop() {
				v.ValidateTalk(shape.data, "talk.json")
			}
		})
	}
}

package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/internal/sitetest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// seedArchive is the repository's small pyvideo archive: 10 events, 12
// talks.
const seedArchive = "../../testdata/pyvideo"

// archiveBytes is the size of the talk files of the archive in dir, as the
// stages count it.
func archiveBytes(t *testing.T, dir string) int64 {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*", "videos", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var size int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		size += fi.Size()
	}
	return size
}

// writeArchive writes files (path: content) under a new directory and
// returns it.
func writeArchive(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.Plant(dir, files); err != nil {
		t.Fatal(err)
	}
	return dir
}

// seedTalk is the text of a talk file of the seed archive with an id and
// a slug.
func seedTalk(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedArchive, "bostonpy", "videos", "boston-python-meetup--how-to-test-the-hard-stuff.json"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestStagesCount holds every stage to the records and bytes it handled
// of the seed archive: each talk once and its file's bytes, and for
// check the talks and events, with no bytes (its MB/s is "-").
func TestStagesCount(t *testing.T) {
	apa, err := apaProcessor("")
	if err != nil {
		t.Fatal(err)
	}
	size := archiveBytes(t, seedArchive)
	type count struct {
		records int
		bytes   int64
	}
	got := map[string]count{}
	want := map[string]count{}
	for _, s := range stages(apa) {
		n, b, err := s.run(osfs.DirFS(seedArchive))
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		got[s.name] = count{n, b}
		want[s.name] = count{12, size}
	}
	want["check"] = count{22, 0}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(count{})); diff != "" {
		t.Errorf("records and bytes of each stage (-want +got):\n%s", diff)
	}
}

// TestStagesRender holds each rendering stage to the work its name
// says, on every talk of the seed archive: its output is what the
// renderer of its name writes, and the pipeline's is a validated talk's
// page, JSON-LD graph, BibTeX entry and APA reference.
func TestStagesRender(t *testing.T) {
	apa, err := apaProcessor("")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]func(w io.Writer, tk *talk.Talk) error{
		"jsonld": func(w io.Writer, tk *talk.Talk) error {
			_, err := jsonld.Write(w, tk, jsonld.Options{BaseURL: "https://talks.example.org"})
			return err
		},
		"html": func(w io.Writer, tk *talk.Talk) error {
			return new(html.Renderer).WriteTalk(w, tk, html.PageOptions{})
		},
		"bibtex":   func(w io.Writer, tk *talk.Talk) error { return cite.WriteBibTeX(w, tk, cite.Options{}) },
		"biblatex": func(w io.Writer, tk *talk.Talk) error { return cite.WriteBibLaTeX(w, tk, cite.Options{}) },
		"ris":      func(w io.Writer, tk *talk.Talk) error { return cite.WriteRIS(w, tk) },
		"csl-json": func(w io.Writer, tk *talk.Talk) error { return cite.WriteCSLJSON(w, tk) },
		"apa": func(w io.Writer, tk *talk.Talk) error {
			ref, err := cite.Reference(apa, csl.Text, tk, cite.Options{})
			io.WriteString(w, ref)
			return err
		},
		"pipeline": func(w io.Writer, tk *talk.Talk) error {
			if err := pyvideoValidator.ValidateTalk(tk.Origin.Raw, tk.Origin.Path).Err(); err != nil {
				return err
			}
			for _, render := range []func(io.Writer) error{
				func(w io.Writer) error { return new(html.Renderer).WriteTalk(w, tk, html.PageOptions{}) },
				func(w io.Writer) error { _, err := jsonld.Write(w, tk, jsonld.Options{}); return err },
				func(w io.Writer) error { return cite.WriteBibTeX(w, tk, cite.Options{}) },
				func(w io.Writer) error {
					ref, err := cite.Reference(apa, csl.Text, tk, cite.Options{})
					io.WriteString(w, ref)
					return err
				},
			} {
				if err := render(w); err != nil {
					return err
				}
			}
			return nil
		},
	}
	rendered := map[string]bool{}
	for _, s := range stages(apa) {
		if s.render == nil {
			continue
		}
		rendered[s.name] = true
		if want[s.name] == nil {
			t.Errorf("stage %s renders, but the test does not know what", s.name)
			continue
		}
		for tk, err := range pyvideo.Talks(osfs.DirFS(seedArchive)) {
			if err != nil {
				t.Fatal(err)
			}
			var got, expected bytes.Buffer
			if err := s.render(&got, tk); err != nil {
				t.Fatalf("%s: %s: %v", s.name, tk.Origin.Path, err)
			}
			if err := want[s.name](&expected, tk); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(expected.String(), got.String()); diff != "" {
				t.Errorf("%s of %s (-want +got):\n%s", s.name, tk.Origin.Path, diff)
			}
		}
	}
	for name := range want {
		if !rendered[name] {
			t.Errorf("stage %s renders nothing", name)
		}
	}
}

// TestStagesStop holds every stage that reads talks to stopping at a
// record that cannot be read, and the validating ones at a record that
// breaks the schema, naming the record: a stage that went on past it
// would time less work than the table says.
func TestStagesStop(t *testing.T) {
	apa, err := apaProcessor("")
	if err != nil {
		t.Fatal(err)
	}
	category := `{"title": "An Event"}`
	good := seedTalk(t)
	broken := writeArchive(t, map[string]string{
		"ev/category.json":  category,
		"ev/videos/a.json":  good,
		"ev/videos/b.json":  `{"title": "Broken",`,
		"ev/videos/c.json":  strings.NewReplacer(`"id": 591`, `"id": 592`, `"slug": "`, `"slug": "c-`).Replace(good),
		"ev2/category.json": category,
	})
	invalid := writeArchive(t, map[string]string{
		"ev/category.json": category,
		"ev/videos/a.json": strings.Replace(good, `"language": "eng"`, `"language": "english"`, 1),
	})
	if !strings.Contains(good, `"language": "eng"`) || !strings.Contains(good, `"id": 591`) || !strings.Contains(good, `"slug": "`) {
		t.Fatal("the seed talk has changed; change the test's replacements")
	}
	tests := []struct {
		dir  string
		want map[string]string // stage: a word its error must hold; others pass
	}{
		{broken, map[string]string{
			"decode": "b.json", "validate": "b.json", "check": "b.json", "jsonld": "b.json", "html": "b.json",
			"bibtex": "b.json", "biblatex": "b.json", "ris": "b.json", "csl-json": "b.json", "apa": "b.json", "pipeline": "b.json",
		}},
		{invalid, map[string]string{"validate": "english", "check": "english", "pipeline": "english"}},
	}
	for _, tt := range tests {
		got := map[string]string{}
		for _, s := range stages(apa) {
			if _, _, err := s.run(osfs.DirFS(tt.dir)); err != nil {
				word := tt.want[s.name]
				if word == "" || !strings.Contains(err.Error(), word) {
					word = err.Error()
				}
				got[s.name] = word
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: stages that stopped (-want +got):\n%s", filepath.Base(tt.dir), diff)
		}
	}
}

// TestEachTalkStopsAtRenderError: a talk its renderer refuses stops the
// stage, with the talk's path, rather than being counted as rendered.
func TestEachTalkStopsAtRenderError(t *testing.T) {
	refused := errors.New("refused")
	n, _, err := eachTalk(func(w io.Writer, tk *talk.Talk) error {
		if strings.HasSuffix(tk.Origin.Path, "15260.json") {
			return refused
		}
		return nil
	})(osfs.DirFS(seedArchive))
	if !errors.Is(err, refused) || !strings.Contains(err.Error(), "chipy/videos/15260.json: refused") {
		t.Errorf("error %v, want chipy/videos/15260.json: refused", err)
	}
	if n >= 12 {
		t.Errorf("%d talks counted, with one refused", n)
	}
}

// TestCheckStageDuplicateIDs: talks that share an id fail the check
// stage on a corpus as it is (and presented once over), and pass only
// on a replicated one, whose copies repeat every id by construction.
func TestCheckStageDuplicateIDs(t *testing.T) {
	talkText := seedTalk(t)
	dir := writeArchive(t, map[string]string{
		"ev/category.json": `{"title": "An Event"}`,
		"ev/videos/a.json": talkText,
		"ev/videos/b.json": strings.Replace(talkText, `"slug": "`, `"slug": "b-`, 1),
	})
	for _, n := range []int{0, 1} {
		_, _, err := checkStage(replicated(osfs.DirFS(dir), n))
		if err == nil || !strings.Contains(err.Error(), "unique-id") {
			t.Errorf("replicated %d: error %v, want unique-id", n, err)
		}
	}
	unique := writeArchive(t, map[string]string{
		"ev/category.json": `{"title": "An Event"}`,
		"ev/videos/a.json": talkText,
	})
	if n, _, err := checkStage(replicated(osfs.DirFS(unique), 3)); err != nil || n != 6 {
		t.Errorf("replicated 3: %d records, error %v; want 6 and none", n, err)
	}
}

// TestPrintTable pins the table to made-up results: rates of wall time,
// MB of 10⁶ bytes, allocations per record, peak heap in MB, and the ratio
// of each stage's wall time to decode's.
func TestPrintTable(t *testing.T) {
	results := []result{
		{name: "decode", records: 13239, bytes: 18_432_100, elapsed: 150 * time.Millisecond, cpu: 270 * time.Millisecond, allocs: 13239 * 35, peakHeap: 12_100_000},
		{name: "check", records: 13566, elapsed: 140 * time.Millisecond, cpu: 280 * time.Millisecond, allocs: 244_188, peakHeap: 20_400_000},
		{name: "pipeline", records: 13239, bytes: 18_432_100, elapsed: 705 * time.Millisecond, cpu: 1330 * time.Millisecond, allocs: 13239*123 + 7000, peakHeap: 11_949_999},
	}
	var b bytes.Buffer
	printTable(&b, results)
	b.WriteString("\nwithout decode:\n")
	printTable(&b, results[1:])
	golden.Check(t, "testdata/table.golden", b.Bytes())
}

// TestChooseStages: -stages takes whole names, in the table's order, and
// refuses one that is no stage's.
func TestChooseStages(t *testing.T) {
	all := stages(nil)
	tests := []struct{ only, want string }{
		{"", "decode validate check jsonld html bibtex biblatex ris csl-json apa pipeline"},
		{"pipeline,decode", "decode pipeline"},
		{"csl-json", "csl-json"},
		{"bibtex", "bibtex"},
		{"json", `error: no stage "json"; the stages are decode,validate,check,jsonld,html,bibtex,biblatex,ris,csl-json,apa,pipeline`},
		{"decode,", `error: no stage ""; the stages are decode,validate,check,jsonld,html,bibtex,biblatex,ris,csl-json,apa,pipeline`},
	}
	for _, tt := range tests {
		chosen, err := chooseStages(all, tt.only)
		var names []string
		for _, s := range chosen {
			names = append(names, s.name)
		}
		got := strings.Join(names, " ")
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("-stages %q: got %s, want %s", tt.only, got, tt.want)
		}
	}
	var stdout, stderr bytes.Buffer
	if st := run([]string{"-stages", "decod", seedArchive}, &stdout, &stderr); st != 2 || !strings.HasPrefix(stderr.String(), `bench: -stages: no stage "decod"`) {
		t.Errorf("status %d, stderr %q", st, stderr.String())
	}
}

// sink keeps what a test's stage allocates from being optimised away.
var sink []any

// TestMeasure holds measure to what a stage did: its records and bytes,
// every allocation it made (tiny ones, which share a block, too), and the
// highest its heap went, though the stage let go of it before it ended,
// and not the garbage left before it began.
func TestMeasure(t *testing.T) {
	garbage := make([]byte, 64<<20)
	for i := range garbage {
		garbage[i] = 1
	}
	sink = append(sink[:0], garbage)
	clear(sink)
	garbage = nil
	idle, err := measure(stage{name: "idle", run: func(fs.FS) (int, int64, error) { return 0, 0, nil }}, nil)
	if err != nil || idle.peakHeap >= 32<<20 {
		t.Errorf("a stage that allocates nothing after 64 MiB of garbage: peak heap %d, error %v", idle.peakHeap, err)
	}

	const records = 2000
	s := stage{name: "made-up", run: func(fs.FS) (int, int64, error) {
		for i := range records {
			sink = append(sink[:0], new(int64), &[4]*int{}) // tiny, and small with pointers
			_ = i
		}
		big := make([]byte, 64<<20)
		for i := range big {
			big[i] = 1
		}
		sink = append(sink[:0], big)
		time.Sleep(settle) // for the sampler to see it, on a busy machine too
		clear(sink)
		sink = sink[:0]
		big = nil
		runtime.GC()
		time.Sleep(settle)
		return records, 12345, errors.New("stopped")
	}}
	sink = make([]any, 0, 2)
	r, err := measure(s, nil)
	if err == nil || err.Error() != "stopped" {
		t.Errorf("error %v, want the stage's", err)
	}
	if r.name != "made-up" || r.records != records || r.bytes != 12345 {
		t.Errorf("result %+v, want made-up, %d records, 12345 bytes", r, records)
	}
	// Two objects a record, and a few of measure's own and the runtime's.
	if r.allocs < 2*records || r.allocs > 2*records+100 {
		t.Errorf("%d allocations, want %d and a few", r.allocs, 2*records)
	}
	if r.peakHeap < 64<<20 || r.peakHeap > 128<<20 {
		t.Errorf("peak heap %d, want 64 MiB and a little", r.peakHeap)
	}
	if r.elapsed < 2*settle || r.cpu > r.elapsed+time.Second {
		t.Errorf("wall %v, CPU %v", r.elapsed, r.cpu)
	}
}

// settle is how long a made-up stage holds what the heap sampler, every
// 2 ms, must see, or sleeps to be slower than another run: long enough
// that a busy CI machine's scheduling does not decide the test.
const settle = 100 * time.Millisecond

// TestRounds: each stage's result is its fastest run, but its peak heap
// is the highest of its runs; a stage's error stops the rounds, named.
func TestRounds(t *testing.T) {
	// The first run is fast, the second slow and large, the third slow.
	round := 0
	varied := stage{name: "a", run: func(fs.FS) (int, int64, error) {
		round++
		switch round {
		case 2:
			big := make([]byte, 64<<20)
			for i := range big {
				big[i] = 1
			}
			sink = append(sink[:0], big)
			time.Sleep(settle)
			clear(sink)
			sink = sink[:0]
		case 3:
			time.Sleep(settle)
		}
		return round, int64(10 * round), nil
	}}
	results, err := rounds([]stage{varied}, nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	r := results[0]
	if r.records != 1 || r.bytes != 10 || r.elapsed >= settle {
		t.Errorf("result %+v, want the first run's", r)
	}
	if r.peakHeap < 64<<20 {
		t.Errorf("peak heap %d, want the second run's, over 64 MiB", r.peakHeap)
	}
	if round != 3 {
		t.Errorf("%d runs, want 3", round)
	}
	round = 0
	if _, err := rounds([]stage{varied}, nil, 0); err != nil || round != 1 {
		t.Errorf("-runs 0: %d runs, error %v; want 1 run", round, err)
	}
	failing := stage{name: "b", run: func(fs.FS) (int, int64, error) { return 0, 0, errors.New("boom") }}
	if _, err := rounds([]stage{varied, failing}, nil, 2); err == nil || err.Error() != "b: boom" {
		t.Errorf("error %v, want b: boom", err)
	}
}

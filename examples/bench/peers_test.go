package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// fakePeer is what a stand-in for a peer script prints and exits with.
type fakePeer struct {
	stdout, stderr string
	exit           int
}

// TestFakePeer is not a test: it is the stand-in for Node.js that
// fakeNode runs, printing what the environment says.
func TestFakePeer(t *testing.T) {
	if os.Getenv("BENCH_FAKE_PEER") == "" {
		return
	}
	fmt.Print(os.Getenv("BENCH_FAKE_STDOUT"))
	fmt.Fprint(os.Stderr, os.Getenv("BENCH_FAKE_STDERR"))
	code, _ := strconv.Atoi(os.Getenv("BENCH_FAKE_EXIT"))
	os.Exit(code)
}

// fakeNode makes runPeer run stand-ins for the peer scripts, by their
// base names, for the rest of the test; args collects the arguments each
// was given.
func fakeNode(t *testing.T, peers map[string]fakePeer, args map[string][]string) {
	t.Helper()
	saved := nodeCommand
	t.Cleanup(func() { nodeCommand = saved })
	nodeCommand = func(script string, a ...string) *exec.Cmd {
		p, ok := peers[filepath.Base(script)]
		if !ok {
			t.Errorf("no stand-in for %s", script)
		}
		if args != nil {
			args[filepath.Base(script)] = a
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestFakePeer$")
		cmd.Env = append(os.Environ(), "BENCH_FAKE_PEER=1", "BENCH_FAKE_STDOUT="+p.stdout, "BENCH_FAKE_STDERR="+p.stderr, "BENCH_FAKE_EXIT="+strconv.Itoa(p.exit))
		return cmd
	}
}

// cslDir makes a directory of styles under the compared styles' names and
// an en-US locale, from talkmeta's built-in ones, as -csl names one.
func cslDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	builtin := filepath.Join("..", "..", "talk", "cite", "csl")
	files := map[string]string{
		"apa.csl": "styles/apa.csl", "modern-language-association.csl": "styles/mla.csl",
		"chicago-author-date.csl": "styles/chicago.csl", "ieee.csl": "styles/ieee.csl",
		"harvard-cite-them-right.csl": "styles/harvard.csl", "locales-en-US.xml": "locales/en-US.xml",
	}
	for name, from := range files {
		data, err := os.ReadFile(filepath.Join(builtin, filepath.FromSlash(from)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// jsonLines writes peer timings as a peer script prints them.
func jsonLines(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// ajvLines and citeprocLines are what the peer scripts print of the seed
// archive's 12 talks.
var (
	ajvLines = []string{
		`{"tool":"ajv 8.20.0","stage":"read only","records":12,"invalid":0,"wall":0.0001,"cpu":0.0001}`,
		`{"tool":"ajv 8.20.0","stage":"read+parse+validate","records":12,"invalid":0,"wall":0.0004,"cpu":0.0004}`,
		`{"tool":"ajv 8.20.0","stage":"validate only","records":12,"invalid":0,"wall":0.00002,"cpu":0.00002}`,
	}
	citeprocLines = []string{
		`{"tool":"citeproc-js 2.4.63","stage":"apa entry","records":12,"wall":0.024,"cpu":0.024}`,
		`{"tool":"citeproc-js 2.4.63","stage":"modern-language-association entry","records":12,"wall":0.03,"cpu":0.03}`,
		`{"tool":"citeproc-js 2.4.63","stage":"chicago-author-date entry","records":12,"wall":0.04,"cpu":0.04}`,
		`{"tool":"citeproc-js 2.4.63","stage":"ieee entry","records":12,"wall":0.012,"cpu":0.012}`,
		`{"tool":"citeproc-js 2.4.63","stage":"harvard-cite-them-right entry","records":12,"wall":0.016,"cpu":0.016}`,
	}
)

// TestSideBySide runs the side-by-side over the seed archive with
// stand-ins for the peer scripts: each peer line is set beside
// talkmeta's timing of the same work, the scripts are given the corpus,
// the locale, the items and the styles, and a peer that timed other work
// than talkmeta (another stage, other records, records it found invalid,
// fewer styles) or failed stops the comparison with why.
func TestSideBySide(t *testing.T) {
	csl := cslDir(t)
	args := map[string][]string{}
	fakeNode(t, map[string]fakePeer{
		"ajv.mjs":      {stdout: jsonLines(ajvLines...)},
		"citeproc.mjs": {stdout: jsonLines(citeprocLines...)},
	}, args)
	rows, err := sideBySide(seedArchive, "peers", csl)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		if r.talkmeta <= 0 {
			t.Errorf("%s: talkmeta's rate %v", r.work, r.talkmeta)
		}
		got = append(got, fmt.Sprintf("%s | %s | %s | %d records in %gs", r.work, r.peer.Tool, r.peer.Stage, r.peer.Records, r.peer.Wall))
	}
	want := []string{
		"read a talk file, no more (the floor of both) | ajv 8.20.0 | read only | 12 records in 0.0001s",
		"validate a talk file | ajv 8.20.0 | read+parse+validate | 12 records in 0.0004s",
		"validate a talk file | ajv 8.20.0 | validate only | 12 records in 2e-05s",
		"apa entry of a CSL item | citeproc-js 2.4.63 | apa entry | 12 records in 0.024s",
		"modern-language-association entry of a CSL item | citeproc-js 2.4.63 | modern-language-association entry | 12 records in 0.03s",
		"chicago-author-date entry of a CSL item | citeproc-js 2.4.63 | chicago-author-date entry | 12 records in 0.04s",
		"ieee entry of a CSL item | citeproc-js 2.4.63 | ieee entry | 12 records in 0.012s",
		"harvard-cite-them-right entry of a CSL item | citeproc-js 2.4.63 | harvard-cite-them-right entry | 12 records in 0.016s",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if rows[1].talkmeta != rows[2].talkmeta {
		t.Errorf("the two validation rows have talkmeta rates %v and %v", rows[1].talkmeta, rows[2].talkmeta)
	}
	if diff := cmp.Diff([]string{seedArchive}, args["ajv.mjs"]); diff != "" {
		t.Errorf("ajv.mjs's arguments (-want +got):\n%s", diff)
	}
	if a := args["citeproc.mjs"]; len(a) != 7 || a[0] != filepath.Join(csl, "locales-en-US.xml") || !strings.HasSuffix(a[1], ".json") ||
		!slices.Equal(a[2:], []string{filepath.Join(csl, "apa.csl"), filepath.Join(csl, "modern-language-association.csl"),
			filepath.Join(csl, "chicago-author-date.csl"), filepath.Join(csl, "ieee.csl"), filepath.Join(csl, "harvard-cite-them-right.csl")}) {
		t.Errorf("citeproc.mjs's arguments %q", a)
	}

	replace := func(lines []string, i int, line string) []string {
		lines = slices.Clone(lines)
		lines[i] = line
		return lines
	}
	tests := []struct {
		name          string
		ajv, citeproc fakePeer
		want          string
	}{
		{"ajv timed other records", fakePeer{stdout: jsonLines(replace(ajvLines, 1, `{"tool":"ajv 8.20.0","stage":"read+parse+validate","records":11,"invalid":0,"wall":0.0004,"cpu":0.0004}`)...)}, fakePeer{stdout: jsonLines(citeprocLines...)},
			`ajv 8.20.0 timed "read+parse+validate" on 11 records, talkmeta on 12`},
		{"ajv found records invalid", fakePeer{stdout: jsonLines(replace(ajvLines, 2, `{"tool":"ajv 8.20.0","stage":"validate only","records":12,"invalid":3,"wall":0.0004,"cpu":0.0004}`)...)}, fakePeer{stdout: jsonLines(citeprocLines...)},
			`ajv 8.20.0 found 3 of the 12 records invalid in "validate only", which talkmeta's validation refuses`},
		{"ajv's stages in another order", fakePeer{stdout: jsonLines(ajvLines[1], ajvLines[0], ajvLines[2])}, fakePeer{stdout: jsonLines(citeprocLines...)},
			`ajv 8.20.0 timed "read+parse+validate" where "read only" was due`},
		{"ajv timed a stage less", fakePeer{stdout: jsonLines(ajvLines[:2]...)}, fakePeer{stdout: jsonLines(citeprocLines...)},
			`ajv.mjs timed 2 stages, want 3`},
		{"ajv failed", fakePeer{stdout: jsonLines(ajvLines[0]), stderr: "Error: Cannot find module 'ajv'\n", exit: 1}, fakePeer{stdout: jsonLines(citeprocLines...)},
			"node ajv.mjs: exit status 1\nError: Cannot find module 'ajv'\n"},
		{"ajv printed no timing", fakePeer{stdout: jsonLines(ajvLines[0], "warming up", ajvLines[1], ajvLines[2])}, fakePeer{stdout: jsonLines(citeprocLines...)},
			`node ajv.mjs printed "warming up": invalid character 'w' looking for beginning of value`},
		{"ajv timed nothing", fakePeer{stdout: jsonLines(replace(ajvLines, 0, `{"tool":"ajv 8.20.0","stage":"read only","records":12,"invalid":0,"wall":0,"cpu":0}`)...)}, fakePeer{stdout: jsonLines(citeprocLines...)},
			`node ajv.mjs measured nothing: "{\"tool\":\"ajv 8.20.0\",\"stage\":\"read only\",\"records\":12,\"invalid\":0,\"wall\":0,\"cpu\":0}"`},
		{"citeproc timed a style less", fakePeer{stdout: jsonLines(ajvLines...)}, fakePeer{stdout: jsonLines(citeprocLines[:4]...)},
			"citeproc.mjs timed 4 styles, want 5"},
		{"citeproc's styles in another order", fakePeer{stdout: jsonLines(ajvLines...)}, fakePeer{stdout: jsonLines(citeprocLines[1], citeprocLines[0], citeprocLines[2], citeprocLines[3], citeprocLines[4])},
			`citeproc-js 2.4.63 timed "modern-language-association entry" where "apa entry" was due`},
		{"citeproc timed other items", fakePeer{stdout: jsonLines(ajvLines...)}, fakePeer{stdout: jsonLines(replace(citeprocLines, 4, `{"tool":"citeproc-js 2.4.63","stage":"harvard-cite-them-right entry","records":13,"wall":0.016,"cpu":0.016}`)...)},
			`citeproc-js 2.4.63 timed "harvard-cite-them-right entry" on 13 records, talkmeta on 12`},
	}
	for _, tt := range tests {
		fakeNode(t, map[string]fakePeer{"ajv.mjs": tt.ajv, "citeproc.mjs": tt.citeproc}, nil)
		_, err := sideBySide(seedArchive, "peers", csl)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: error %v, want %s", tt.name, err, tt.want)
		}
	}
}

// TestSideBySideValidates: talkmeta's validation row validates the
// files, where timing their reads alone would pass for it: a talk that
// is invalid (a language that is no code) stops the comparison with its
// finding, which reading alone would not find. A test of the rows'
// rates would hold the same, but only as reliably as the machine's
// timing.
func TestSideBySideValidates(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(seedArchive)); err != nil {
		t.Fatal(err)
	}
	talk := filepath.Join(dir, "bostonpy", "videos", "boston-python-meetup--how-to-test-the-hard-stuff.json")
	data, err := os.ReadFile(talk)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `"language": "eng"`, `"language": "english"`, 1)
	if bad == string(data) {
		t.Fatalf("%s has no language to spoil", talk)
	}
	if err := os.WriteFile(talk, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	fakeNode(t, map[string]fakePeer{
		"ajv.mjs":      {stdout: jsonLines(ajvLines...)},
		"citeproc.mjs": {stdout: jsonLines(citeprocLines...)},
	}, nil)
	_, err = sideBySide(dir, "peers", cslDir(t))
	if err == nil || !strings.Contains(err.Error(), "boston-python-meetup--how-to-test-the-hard-stuff.json") || !strings.Contains(err.Error(), "english") {
		t.Errorf("error %v, want the invalid talk's finding", err)
	}
}

// TestPrintSideBySide pins the side-by-side table to made-up rates: a
// peer's rate is its records over its wall time, and the ratio is
// talkmeta's rate over the peer's.
func TestPrintSideBySide(t *testing.T) {
	rows := []comparison{
		{"read a talk file, no more (the floor of both)", 151168, peerTiming{Tool: "ajv 8.20.0", Stage: "read only", Records: 13239, Wall: 0.105, CPU: 0.2}},
		{"validate a talk file", 69162, peerTiming{Tool: "ajv 8.20.0", Stage: "read+parse+validate", Records: 13239, Wall: 0.152, CPU: 0.3}},
		{"apa entry of a CSL item", 46342, peerTiming{Tool: "citeproc-js 2.4.63", Stage: "apa entry", Records: 13239, Wall: 24.7, CPU: 30}},
	}
	var b bytes.Buffer
	printSideBySide(&b, rows)
	golden.Check(t, "testdata/side-by-side.golden", b.Bytes())
}

// TestBestOf: one untimed run to warm up, then the runs asked for, the
// highest rate of these counting; an error of any run is the result.
func TestBestOf(t *testing.T) {
	rates := []float64{1000, 3, 7, 5}
	calls := 0
	best, err := bestOf(3, func() (float64, error) {
		calls++
		return rates[calls-1], nil
	})
	if best != 7 || err != nil || calls != 4 {
		t.Errorf("best %v, error %v, after %d calls; want 7, none, 4 calls", best, err, calls)
	}
	for _, failing := range []int{1, 3} {
		calls = 0
		boom := errors.New("boom")
		_, err := bestOf(3, func() (float64, error) {
			calls++
			if calls == failing {
				return 0, boom
			}
			return 1, nil
		})
		if err != boom {
			t.Errorf("run %d failing: error %v, want boom", failing, err)
		}
	}
}

// TestTimeEntries: the entries per second are the items over the time
// all of them took, one entry each; an item the style cannot format (a
// style without a bibliography) stops the timing.
func TestTimeEntries(t *testing.T) {
	apa, err := apaProcessor("")
	if err != nil {
		t.Fatal(err)
	}
	items, err := cslItems(osfs.DirFS(seedArchive))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, it := range items {
		ids[it.ID] = true
	}
	if len(items) != 12 || len(ids) != 12 {
		t.Errorf("%d items with %d ids, want 12 of each", len(items), len(ids))
	}
	rate, err := timeEntries(apa, items)
	// At least one entry a millisecond, and less than a hundred a
	// microsecond: a rate, not a time per entry.
	if err != nil || rate < 1000 || rate > 1e8 {
		t.Errorf("rate %v, error %v", rate, err)
	}
	st, err := csl.LoadStyle(os.DirFS(filepath.Join("..", "talkmeta", "testdata", "cite-files")), "citations-only.csl")
	if err != nil {
		t.Fatal(err)
	}
	loc, err := csl.BuiltinLocale()
	if err != nil {
		t.Fatal(err)
	}
	citationsOnly, err := csl.New(st, loc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := timeEntries(citationsOnly, items); !errors.Is(err, csl.ErrNoBibliography) || !strings.HasPrefix(err.Error(), "item 1: ") {
		t.Errorf("a style without a bibliography: error %v, want item 1's %v", err, csl.ErrNoBibliography)
	}
}

// TestTalkFiles holds the talk files the validate stage and the
// side-by-side list to those pyvideo.Talks reads, which the decode
// stage times: in an archive, in an archive that is one event, and with
// hidden files, hidden directories, files other than talks and an event
// linked to.
func TestTalkFiles(t *testing.T) {
	talkText := seedTalk(t)
	event := `{"title": "An Event"}`
	archive := writeArchive(t, map[string]string{
		"a/category.json":        event,
		"a/videos/one.json":      talkText,
		"a/videos/.draft.json":   talkText,
		"b/category.json":        event,
		"b/videos/two.json":      strings.Replace(talkText, `"id": 591`, `"id": 592`, 1),
		".git/videos/three.json": talkText,
		"tools/readme.txt":       "not an event",
		"README.md":              "an archive",
	})
	if err := os.Symlink(filepath.Join(archive, "b"), filepath.Join(archive, "c")); err != nil {
		t.Fatal(err)
	}
	oneEvent := writeArchive(t, map[string]string{
		"category.json":    event,
		"videos/one.json":  talkText,
		"videos/two.json":  talkText,
		"videos/.old.json": talkText,
	})
	for _, dir := range []string{seedArchive, archive, oneEvent} {
		fsys := osfs.DirFS(dir)
		var want []string
		for tk, err := range pyvideo.Talks(fsys) {
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, tk.Origin.Path)
		}
		names, err := talkFileNames(fsys)
		if err != nil {
			t.Fatal(err)
		}
		var streamed []string
		for f, err := range talkFiles(fsys) {
			if err != nil {
				t.Fatal(err)
			}
			streamed = append(streamed, f.path)
		}
		slices.Sort(want)
		slices.Sort(names)
		slices.Sort(streamed)
		if diff := cmp.Diff(want, names); diff != "" {
			t.Errorf("%s: talkFileNames (-pyvideo.Talks +got):\n%s", dir, diff)
		}
		if diff := cmp.Diff(want, streamed); diff != "" {
			t.Errorf("%s: talkFiles (-pyvideo.Talks +got):\n%s", dir, diff)
		}
	}
}

// TestTalkFilesStop: a file that cannot be read (here a directory named
// as a talk file) stops the listing with its error, once, and
// readFiles with it.
func TestTalkFilesStop(t *testing.T) {
	dir := writeArchive(t, map[string]string{
		"a/category.json":          `{"title": "An Event"}`,
		"a/videos/one.json/x.json": "{}",
		"a/videos/two.json":        "{}",
		"b/category.json":          `{"title": "An Event"}`,
		"b/videos/one.json":        "{}",
	})
	var got []string
	for f, err := range talkFiles(osfs.DirFS(dir)) {
		got = append(got, fmt.Sprintf("%s %v", f.path, err != nil))
	}
	if diff := cmp.Diff([]string{"a/videos/one.json true"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	n, size, err := readFiles(talkFiles(osfs.DirFS(dir)))
	if n != 0 || size != 0 || err == nil {
		t.Errorf("readFiles: %d files, %d bytes, error %v", n, size, err)
	}
}

// TestReadFiles: reading the seed archive's talk files counts each once,
// with its bytes.
func TestReadFiles(t *testing.T) {
	n, size, err := readFiles(talkFiles(osfs.DirFS(seedArchive)))
	if want := archiveBytes(t, seedArchive); n != 12 || size != want || err != nil {
		t.Errorf("%d files, %d bytes, error %v; want 12, %d, none", n, size, err, want)
	}
}

// TestRunsAsPeers: each side of a comparison gets as many timed runs as
// the peer script gives its own side.
func TestRunsAsPeers(t *testing.T) {
	loop := regexp.MustCompile(`for \(let i = 0; i < (\d+); i\+\+\)`)
	for script, want := range map[string]int{"ajv.mjs": validationRuns, "citeproc.mjs": entryRuns} {
		data, err := os.ReadFile(filepath.Join(peerScripts, script))
		if err != nil {
			t.Fatal(err)
		}
		m := loop.FindAllStringSubmatch(string(data), -1)
		if len(m) != 1 || m[0][1] != strconv.Itoa(want) {
			t.Errorf("%s times %v runs, examples/bench %d", script, m, want)
		}
	}
}

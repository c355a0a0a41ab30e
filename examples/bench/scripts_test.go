package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/osfs"
)

// peerScripts is the directory of the peer scripts, .ci/bench.
var peerScripts = filepath.Join("..", "..", ".ci", "bench")

// needPeers skips a test of the peer scripts themselves unless Node.js
// and the scripts' packages are there (npm ci in .ci/bench).
func needPeers(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("no node")
	}
	for _, m := range []string{"ajv", "ajv-cli", "ajv-formats", "citeproc"} {
		if _, err := os.Stat(filepath.Join(peerScripts, "node_modules", m)); err != nil {
			t.Skipf("no %s in .ci/bench/node_modules (npm ci there)", m)
		}
	}
}

// TestAjvScript runs ajv.mjs: it times the talk files examples/bench
// lists (of an archive, and of an archive that is one event) and counts
// the ones it finds invalid, which the side-by-side refuses.
func TestAjvScript(t *testing.T) {
	needPeers(t)
	talkText := seedTalk(t)
	oneEvent := writeArchive(t, map[string]string{
		"category.json":    `{"title": "An Event"}`,
		"videos/one.json":  talkText,
		"videos/two.json":  talkText,
		"videos/.old.json": talkText,
	})
	invalid := writeArchive(t, map[string]string{
		"a/category.json":   `{"title": "An Event"}`,
		"a/videos/one.json": talkText,
		"a/videos/two.json": strings.Replace(talkText, `"duration": null`, `"duration": -5`, 1),
	})
	tests := []struct {
		dir  string
		want string
	}{
		{seedArchive, "read only 12 0, read+parse+validate 12 0, validate only 12 0"},
		{oneEvent, "read only 2 0, read+parse+validate 2 0, validate only 2 0"},
		{invalid, "read only 2 0, read+parse+validate 2 1, validate only 2 1"},
	}
	for _, tt := range tests {
		timings, err := runPeer(filepath.Join(peerScripts, "ajv.mjs"), tt.dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range timings {
			if !strings.HasPrefix(p.Tool, "ajv ") || p.CPU <= 0 {
				t.Errorf("%+v", p)
			}
			got = append(got, p.Stage+" "+strconv.Itoa(p.Records)+" "+strconv.Itoa(p.Invalid))
		}
		if diff := cmp.Diff(tt.want, strings.Join(got, ", ")); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.dir, diff)
		}
		names, err := talkFileNames(osfs.DirFS(tt.dir))
		if err != nil || len(names) != timings[0].Records {
			t.Errorf("%s: examples/bench lists %d talk files (error %v), ajv.mjs %d", tt.dir, len(names), err, timings[0].Records)
		}
	}
}

// TestCiteprocScript runs citeproc.mjs: one timing a style, of every
// item; a style that gives an item no entry stops it, where it would
// have timed work it did not do.
func TestCiteprocScript(t *testing.T) {
	needPeers(t)
	csl := cslDir(t)
	items, err := cslItems(osfs.DirFS(seedArchive))
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	itemsFile := filepath.Join(t.TempDir(), "items.json")
	if err := os.WriteFile(itemsFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	locale := filepath.Join(csl, "locales-en-US.xml")
	timings, err := runPeer(filepath.Join(peerScripts, "citeproc.mjs"), locale, itemsFile, filepath.Join(csl, "apa.csl"), filepath.Join(csl, "ieee.csl"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range timings {
		got = append(got, p.Stage+" "+strconv.Itoa(p.Records))
	}
	if diff := cmp.Diff([]string{"apa entry 12", "ieee entry 12"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	citationsOnly := filepath.Join("..", "talkmeta", "testdata", "cite-files", "citations-only.csl")
	_, err = runPeer(filepath.Join(peerScripts, "citeproc.mjs"), locale, itemsFile, filepath.Join(csl, "apa.csl"), citationsOnly)
	if err == nil || !strings.Contains(err.Error(), "citeproc.mjs: citations-only.csl: item 1 got 0 entries, not 1: no bibliography") {
		t.Errorf("error %v, want citations-only.csl's item 1 to get no entry", err)
	}
}

// TestCLIScript runs cli.sh with stand-ins for talkmeta and ajv-cli:
// a talkmeta that fails stops the script with its errors, where a
// failing command was timed as a fast one; the time of a command is its
// best of five runs (the stand-in for talkmeta is slow once), and the
// ratio is ajv-cli's time over talkmeta's.
func TestCLIScript(t *testing.T) {
	needPeers(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	script := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+text), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	failing := script("failing", "echo \"talkmeta: the archive is broken\" >&2\nexit 1\n")
	// Slow on its second call, the first timed one, and fast on the
	// others; ajv-cli's stand-in is slow every time.
	slowOnce := script("slow-once", "n=$(cat "+dir+"/calls 2>/dev/null || echo 0)\nn=$((n + 1))\necho $n > "+dir+"/calls\nif [ $n -eq 2 ]; then sleep 1; fi\n")
	slowAjv := script("ajv", "sleep 0.3\n")
	// Fails on its third call, the second timed one.
	failingLater := script("failing-later", "n=$(cat "+dir+"/later 2>/dev/null || echo 0)\nn=$((n + 1))\necho $n > "+dir+"/later\n[ $n -ne 3 ]\n")

	cmd := exec.Command("bash", filepath.Join(peerScripts, "cli.sh"), seedArchive, failing)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "cli.sh: "+failing+" check "+seedArchive+" failed:\ntalkmeta: the archive is broken\n") {
		t.Errorf("error %v, output:\n%s", err, out)
	}
	cmd = exec.Command("bash", filepath.Join(peerScripts, "cli.sh"), seedArchive, failingLater)
	out, err = cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "cli.sh: "+failingLater+" check "+seedArchive+" failed\n") {
		t.Errorf("failing in a timed run: error %v, output:\n%s", err, out)
	}
	cmd = exec.Command("bash", filepath.Join(peerScripts, "cli.sh"), seedArchive, slowOnce)
	cmd.Env = append(os.Environ(), "AJV="+slowAjv)
	out, err = cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	m := regexp.MustCompile(`ajv-cli ÷ talkmeta: ([0-9.]+)× \(all cores\), ([0-9.]+)× \(one core\)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("no ratio in:\n%s", out)
	}
	for _, r := range m[1:] {
		if v, _ := strconv.ParseFloat(r, 64); v <= 1 {
			t.Errorf("ratio %s for a talkmeta faster than ajv-cli in its best run, want above 1:\n%s", r, out)
		}
	}
}

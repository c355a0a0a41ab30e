package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// usage is what the program prints for arguments it cannot go on with.
const usage = `Usage: schedule2site [-o DIR] [-base URL] SCHEDULE.json|SCHEDULE.xml
  -base URL
    	the site's base URL (http or https), for absolute links, canonical URLs and @ids; without it pages link with paths from the site's root
  -o string
    	the directory to write the site to (default "site")
`

// TestCommand runs the program with its arguments: one schedule and
// known flags build the site; no schedule, two, an unknown flag, an empty
// -o or a -base that is no absolute web address print what is wrong and
// the usage, and exit 2; -h prints the usage and exits 0; a schedule that
// cannot be read is named, in the system's words, and exits 1; a SIGTERM
// caught before the site is replaced exits 143, as a shell reports a
// process the signal ended, with the site left as it was. The status and
// the whole of stderr are compared.
func TestCommand(t *testing.T) {
	for _, tt := range []struct {
		name   string
		args   []string
		signal os.Signal // caught before the build begins
		status int
		stderr string
	}{
		{"built", []string{"-o", "SITE", "testdata/pair.json"}, nil, 0, ""},
		{"no schedule", []string{"-o", "SITE"}, nil, 2, usage},
		{"two schedules", []string{"-o", "SITE", "testdata/pair.json", "testdata/odd.json"}, nil, 2, usage},
		{"an unknown flag", []string{"-x", "testdata/pair.json"}, nil, 2, "flag provided but not defined: -x\n" + usage},
		{"-o empty", []string{"-o", "", "testdata/pair.json"}, nil, 2, "schedule2site: -o is empty: name the directory to write the site to\n" + usage},
		{"-base without a scheme", []string{"-o", "SITE", "-base", "talks.example.org", "testdata/pair.json"}, nil, 2,
			"schedule2site: -base \"talks.example.org\" is not an absolute http or https URL\n" + usage},
		{"-h", []string{"-h"}, nil, 0, usage},
		{"interrupted", []string{"-o", "SITE", "testdata/pair.json"}, syscall.SIGTERM, 128 + int(syscall.SIGTERM), "schedule2site: interrupted; SITE is left as it was\n"},
		{"a schedule that does not exist", []string{"-o", "SITE", "testdata/missing.json"}, nil, 1, "testdata/missing.json: " + systemsWords(t, "missing") + "\n"},
		{"a directory for a schedule", []string{"-o", "SITE", "testdata"}, nil, 1, "testdata: " + systemsWords(t, "testdata") + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := oldSite(t)
			before := listing(t, dir)
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "SITE", dir)
			}
			sigs := make(chan os.Signal, 1)
			if tt.signal != nil {
				sigs <- tt.signal
			}
			var stderr bytes.Buffer
			st := command(args, sigs, &stderr)
			if got := strings.ReplaceAll(stderr.String(), dir, "SITE"); st != tt.status || got != tt.stderr {
				t.Errorf("status %d, stderr:\n%s\nwant status %d, stderr:\n%s", st, got, tt.status, tt.stderr)
			}
			if built := listing(t, dir) != before; built != (tt.status == 0 && tt.name != "-h") {
				t.Errorf("site built: %v", built)
			}
		})
	}
}

// systemsWords is the system's words for why the file at path cannot be
// read.
func systemsWords(t *testing.T, path string) string {
	t.Helper()
	_, err := os.ReadFile(path)
	return errors.Unwrap(err).Error()
}

// TestCommandBase: a -base that ends in "/" builds the site that one
// without it builds, to the byte; links were not to have "//" in them.
func TestCommandBase(t *testing.T) {
	var sites []map[string]string
	for _, base := range []string{"https://archive.example.net/camp/2024", "https://archive.example.net/camp/2024/"} {
		dir := t.TempDir()
		var stderr bytes.Buffer
		if st := command([]string{"-o", dir, "-base", base, "testdata/pair.json"}, nil, &stderr); st != 0 {
			t.Fatalf("-base %s: status %d: %s", base, st, stderr.String())
		}
		sites = append(sites, siteTree(t, dir))
	}
	if diff := cmp.Diff(sites[0], sites[1]); diff != "" {
		t.Errorf("the site of a -base ending in / (-without +with):\n%s", diff)
	}
}

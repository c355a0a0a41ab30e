package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRun runs every stage over the repository's small pyvideo archive,
// replicated three times, and compares the table's stable columns: stage
// names and record counts. Timings vary; their columns are only required
// to be there.
func TestRun(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if st := run([]string{"-replicate", "3", "../../testdata/pyvideo"}, &stdout, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if !strings.HasPrefix(lines[0], "corpus ../../testdata/pyvideo ×3, go") {
		t.Errorf("first line %q does not name the corpus and Go", lines[0])
	}
	if !strings.Contains(lines[2], "stage  records   wall    CPU  records/s  MB/s  allocs/record  peak heap MB  × decode") {
		t.Errorf("header %q", lines[2])
	}
	var got []string
	for _, line := range lines[3:] {
		f := strings.Fields(line)
		if len(f) != 9 {
			t.Fatalf("row %q has %d columns, want 9", line, len(f))
		}
		got = append(got, f[0]+" "+f[1])
	}
	want := []string{
		"decode 36", "validate 36", "check 66", "jsonld 36", "html 36",
		"bibtex 36", "biblatex 36", "ris 36", "csl-json 36", "apa 36", "pipeline 36",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stages and records (-want +got):\n%s", diff)
	}
}

// TestUsage checks that -peers without -csl, a corpus presented fewer
// than once, other than one corpus and a flag it does not know are
// refused before any work, with status 2, and that -h answers with the
// usage and status 0, as the other programs do. The usage's flags
// are compared up to their defaults.
func TestUsage(t *testing.T) {
	usage := "usage: bench [-replicate N] [-runs N] [-stages a,b] [-csl DIR] [-peers DIR] [-cpuprofile FILE] [-memprofile FILE] CORPUS\n" +
		"       bench -scaling [-runs N] [-csl DIR] [-scaling-cases REGEXP] [-scaling-max N] [-scaling-exponent X]\n"
	tests := []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"-peers", ".", "../../testdata/pyvideo"}, 2, "bench: -peers needs -csl, so that citeproc-js and talkmeta format with the same styles\n"},
		{[]string{"-replicate", "0", "../../testdata/pyvideo"}, 2, "bench: -replicate 0: the corpus is presented at least once\n"},
		{[]string{"../../testdata/pyvideo", "extra"}, 2, usage},
		{[]string{}, 2, usage},
		{[]string{"-nope", "../../testdata/pyvideo"}, 2, "flag provided but not defined: -nope\n" + usage},
		{[]string{"-h"}, 0, usage},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if st := run(tt.args, &stdout, &stderr); st != tt.status || stdout.Len() != 0 {
			t.Errorf("%q: status %d, stdout %q; want %d and none", tt.args, st, stdout.String(), tt.status)
		}
		got, _, flags := strings.Cut(stderr.String(), "  -cpuprofile")
		if !flags && tt.want == usage {
			t.Errorf("%q: the usage lists no flags", tt.args)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q: stderr (-want +got):\n%s", tt.args, diff)
		}
	}
}

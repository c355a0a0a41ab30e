package main

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestScalingRun runs the whole sweep on tiny inputs (n of 4, 16 and 64
// bytes or items, two calls each) and checks the table's shape: a row per
// case, each case once, its sizes, a time per byte for each and an
// exponent. The timings of such small inputs say nothing; the failing
// exponent is set out of reach, so that only a broken case (a shape its
// function refuses, an error it did not expect) fails the run.
func TestScalingRun(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := []string{"-scaling", "-scaling-max", "64", "-runs", "1", "-scaling-exponent", "1e9"}
	if st := run(args, &stdout, &stderr); st != 0 {
		t.Fatalf("status %d: %s\n%s", st, stderr.String(), stdout.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if !strings.HasPrefix(lines[0], "scaling sweep, go") || !strings.HasSuffix(lines[0], "fastest of 2 calls, failing above exponent 1000000000.00") {
		t.Errorf("first line %q", lines[0])
	}
	if got := strings.Fields(lines[2]); strings.Join(got, " ") != "case sizes ns/byte at each size exponent verdict" {
		t.Errorf("header %q", lines[2])
	}
	apa, err := apaProcessor("")
	if err != nil {
		t.Fatal(err)
	}
	cases := scalingCases(apa)
	columns := regexp.MustCompile(`\s{2,}`)
	name := regexp.MustCompile(`^[a-z]+(\.[A-Za-z]+)+/[a-z0-9-]+$`)
	sizes := regexp.MustCompile(`^(\d+(\.\d+)?K?)\.\.(\d+(\.\d+)?K?)$`)
	seen := map[string]bool{}
	rows := lines[3 : 3+len(cases)]
	for _, row := range rows {
		f := columns.Split(strings.TrimSpace(row), -1)
		if len(f) != 5 {
			t.Errorf("row %q has %d columns, want 5", row, len(f))
			continue
		}
		if !name.MatchString(f[0]) || seen[f[0]] {
			t.Errorf("case name %q is malformed or repeated", f[0])
		}
		seen[f[0]] = true
		if !sizes.MatchString(f[1]) {
			t.Errorf("%s: sizes %q", f[0], f[1])
		}
		perByte := strings.Fields(f[2])
		if len(perByte) != 3 {
			t.Errorf("%s: %d times per byte, want one for each of 3 sizes", f[0], len(perByte))
		}
		for _, v := range perByte {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				t.Errorf("%s: time per byte %q", f[0], v)
			}
		}
		if _, err := strconv.ParseFloat(f[3], 64); err != nil && f[3] != "-" {
			t.Errorf("%s: exponent %q", f[0], f[3])
		}
		if _, known := knownSuperLinear[f[0]]; !known && f[4] != "ok" || known && f[4] != "known" && f[4] != "known, now linear" {
			t.Errorf("%s: verdict %q", f[0], f[4])
		}
	}
	if want := strconv.Itoa(len(cases)) + " cases in "; !strings.HasPrefix(lines[4+len(cases)], want) || !strings.HasSuffix(lines[4+len(cases)], ", 0 failing") {
		t.Errorf("summary %q, want %q... 0 failing", lines[4+len(cases)], want)
	}
	for known := range knownSuperLinear {
		if !seen[known] {
			t.Errorf("knownSuperLinear names %q, which is no case", known)
		}
	}
}

// TestScalingVerdict checks the growth exponent and the verdicts it
// gives on made-up timings.
func TestScalingVerdict(t *testing.T) {
	ms := time.Millisecond
	known := ""
	for name := range knownSuperLinear {
		known = name
		break
	}
	tests := []struct {
		name     string
		sizes    []int
		times    []time.Duration
		exponent float64
		verdict  string
	}{
		{"linear", []int{4 << 10, 16 << 10, 64 << 10}, []time.Duration{1 * ms, 4 * ms, 16 * ms}, 1, "ok"},
		{"quadratic", []int{4 << 10, 16 << 10, 64 << 10}, []time.Duration{1 * ms, 16 * ms, 256 * ms}, 2, "SUPER-LINEAR"},
		// Only the last 16x counts: fixed costs dwarf small inputs.
		{"linear above a fixed cost", []int{1 << 10, 4 << 10, 16 << 10, 64 << 10}, []time.Duration{4 * ms, 4 * ms, 16 * ms, 64 * ms}, 1, "ok"},
		{"stopped early", []int{4 << 10, 16 << 10}, []time.Duration{10 * ms, 900 * ms}, math.Log(90) / math.Log(4), "SUPER-LINEAR"},
		{"one size", []int{4 << 10}, []time.Duration{ms}, math.NaN(), "ok"},
		// Growing from 1 to 4 ns a byte is the memory system's doing.
		{"fast at the top", []int{16 << 10, 64 << 10, 256 << 10}, []time.Duration{16 * time.Microsecond, 100 * time.Microsecond, 1 * ms}, math.Log(1000.0/16) / math.Log(16), "ok"},
		{known, []int{4 << 10, 16 << 10, 64 << 10}, []time.Duration{1 * ms, 16 * ms, 256 * ms}, 2, "known"},
		{known, []int{4 << 10, 16 << 10, 64 << 10}, []time.Duration{1 * ms, 4 * ms, 16 * ms}, 1, "known, now linear"},
		{known, []int{4 << 10, 16 << 10, 64 << 10}, []time.Duration{1 * ms, 6 * ms, 36 * ms}, math.Log(36) / math.Log(16), "known"},
	}
	for _, tt := range tests {
		if tt.name == "" {
			continue // no known case to try
		}
		r := scalingResult{c: scalingCase{name: tt.name}, sizes: tt.sizes, times: tt.times}
		if e := r.exponent(); math.Abs(e-tt.exponent) > 1e-9 && !(math.IsNaN(e) && math.IsNaN(tt.exponent)) {
			t.Errorf("%s: exponent %v, want %v", tt.name, e, tt.exponent)
		}
		if v, _ := r.verdict(1.5); v != tt.verdict {
			t.Errorf("%s: verdict %q, want %q", tt.name, v, tt.verdict)
		}
	}
}

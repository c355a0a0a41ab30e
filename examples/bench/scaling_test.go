package main

import (
	"bytes"
	"errors"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
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

// TestScalingVerdictEdges: an exponent at the limit passes and one at
// knownLinear is linear; a case fast at its top passes however its time
// grew; an error fails; a known case never fails.
func TestScalingVerdictEdges(t *testing.T) {
	ms, us := time.Millisecond, time.Microsecond
	const known = "test.Known/shape"
	knownSuperLinear[known] = knownCase{fault: "test.slow", top: 64 << 10}
	defer delete(knownSuperLinear, known)
	sizes := []int{4 << 10, 16 << 10, 64 << 10}
	tests := []struct {
		name        string
		sizes       []int
		times       []time.Duration
		err         error
		maxExponent float64 // 0: the result's own exponent
		verdict     string
		failed      bool
	}{
		{"at the limit", sizes, []time.Duration{1 * ms, 7 * ms, 50 * ms}, nil, 0, "ok", false},
		{"quadratic, fast at the top", []int{16 << 10, 64 << 10, 256 << 10}, []time.Duration{10 * us, 160 * us, 2560 * us}, nil, 1.5, "ok", false},
		{"quadratic, at the floor", []int{16 << 10, 64 << 10, 256 << 10}, []time.Duration{10 * us, 160 * us, 2621440 * time.Nanosecond}, nil, 1.5, "SUPER-LINEAR", true},
		{"refused", nil, nil, errors.New("at 4K: refused"), 1.5, "error: at 4K: refused", true},
		{known, []int{1 << 10, 1 << 15}, []time.Duration{1 * ms, 64 * ms}, nil, 1.5, "known, now linear", false}, // 32^1.2 = 64
		{known, sizes, []time.Duration{1 * ms, 4 * ms, time.Duration(float64(16*ms) * math.Pow(16, 0.21))}, nil, 1.5, "known", false},
		{known, nil, nil, errors.New("at 4K: refused"), 1.5, "error: at 4K: refused", true},
	}
	for _, tt := range tests {
		r := scalingResult{c: scalingCase{name: tt.name}, sizes: tt.sizes, times: tt.times, err: tt.err}
		limit := tt.maxExponent
		if limit == 0 {
			limit = r.exponent()
		}
		if v, failed := r.verdict(limit); v != tt.verdict || failed != tt.failed {
			t.Errorf("%s: verdict %q, failed %v; want %q, %v", tt.name, v, failed, tt.verdict, tt.failed)
		}
	}
}

// TestScalingRange: a case's sizes start at 4K, or at a sixteenth of a
// smaller top (at least 1), and -scaling-max lowers the top, never
// raises it.
func TestScalingRange(t *testing.T) {
	tests := []struct{ top, max, first, last int }{
		{0, 0, 4 << 10, 1 << 20},
		{4 << 10, 0, 256, 4 << 10},
		{8, 0, 1, 8},
		{0, 64, 4, 64},
		{32, 64, 2, 32},
		{0, 8, 1, 8},
	}
	for _, tt := range tests {
		first, last := scalingRange(scalingCase{top: tt.top}, scalingOptions{max: tt.max})
		if first != tt.first || last != tt.last {
			t.Errorf("top %d, -scaling-max %d: sizes %d..%d, want %d..%d", tt.top, tt.max, first, last, tt.first, tt.last)
		}
	}
}

// TestLocalExponent: the growth of the last step, taken as at least 1
// and at most 4, and 1 when it cannot be told.
func TestLocalExponent(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		times []time.Duration
		want  float64
	}{
		{[]time.Duration{4 * ms, 16 * ms}, 1},
		{[]time.Duration{4 * ms, 64 * ms}, 2},
		{[]time.Duration{4 * ms, 4 * ms}, 1},
		{[]time.Duration{1 * ms, 1024 * time.Second}, 4},
		{[]time.Duration{0, 4 * ms}, 1},
		{[]time.Duration{4 * ms}, 1},
	}
	for _, tt := range tests {
		r := scalingResult{sizes: []int{4 << 10, 16 << 10}[:len(tt.times)], times: tt.times}
		if got := r.localExponent(); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("times %v: %v, want %v", tt.times, got, tt.want)
		}
	}
}

// TestMergeSweeps: a case swept again keeps each size's fastest time of
// both sweeps and the sizes of the sweep that went further; a sweep again
// that failed changes nothing.
func TestMergeSweeps(t *testing.T) {
	ms := time.Millisecond
	first := scalingResult{sizes: []int{4, 16, 64}, times: []time.Duration{2 * ms, 5 * ms, 40 * ms}}
	tests := []struct {
		name  string
		again scalingResult
		want  scalingResult
	}{
		{"further", scalingResult{sizes: []int{4, 16, 64, 256}, times: []time.Duration{3 * ms, 4 * ms, 50 * ms, 300 * ms}},
			scalingResult{sizes: []int{4, 16, 64, 256}, times: []time.Duration{2 * ms, 4 * ms, 40 * ms, 300 * ms}}},
		{"shorter", scalingResult{sizes: []int{4, 16}, times: []time.Duration{1 * ms, 9 * ms}},
			scalingResult{sizes: []int{4, 16, 64}, times: []time.Duration{1 * ms, 5 * ms, 40 * ms}}},
		{"failed", scalingResult{err: errHang}, first},
	}
	for _, tt := range tests {
		old := scalingResult{sizes: slices.Clone(first.sizes), times: slices.Clone(first.times)}
		got := mergeSweeps(old, tt.again)
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(scalingResult{}, scalingCase{}), cmpopts.IgnoreFields(scalingCase{}, "build"), cmpopts.EquateErrors()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestScalingFormat pins the table's cells: sizes in K and M of 1024,
// a "+" after a case that stopped early, ns/byte with fewer decimals as
// it grows, and "-" for what cannot be told.
func TestScalingFormat(t *testing.T) {
	sizes := []int{512, 1 << 10, 1000 << 10, 1 << 20, 1536 << 10}
	var got []string
	for _, n := range sizes {
		got = append(got, formatSize(n))
	}
	if diff := cmp.Diff([]string{"512", "1K", "0.977M", "1M", "1.5M"}, got); diff != "" {
		t.Errorf("formatSize (-want +got):\n%s", diff)
	}
	r := scalingResult{sizes: []int{1000, 1000, 1000, 1000}, times: []time.Duration{9999, 10000, 99999, 100000}}
	if got, want := perByte(r), "10.00 10.0 100.0 100"; got != want {
		t.Errorf("perByte %q, want %q", got, want)
	}
	for _, tt := range []struct {
		r    scalingResult
		want string
	}{
		{scalingResult{sizes: []int{4 << 10, 16 << 10}}, "4K..16K"},
		{scalingResult{sizes: []int{4 << 10, 16 << 10}, stopped: true}, "4K..16K+"},
		{scalingResult{}, "-"},
	} {
		if got := sizeRange(tt.r); got != tt.want {
			t.Errorf("sizeRange %q, want %q", got, tt.want)
		}
	}
	if got := perByte(scalingResult{}); got != "-" {
		t.Errorf("perByte of no sizes %q", got)
	}
	if got := formatExponent(math.NaN()) + " " + formatExponent(1.234); got != "- 1.23" {
		t.Errorf("formatExponent %q", got)
	}
}

// TestRunScalingFails: a case whose work fails fails the sweep, at
// once (it is not swept again), and is named in the summary.
func TestRunScalingFails(t *testing.T) {
	refused := scalingCase{name: "test.Refuse/always", build: func(n int) (func() error, int) {
		return func() error { return errors.New("refused") }, n
	}}
	var b bytes.Buffer
	status := runScaling(&b, []scalingCase{refused}, scalingOptions{max: 64, runs: 1, maxExponent: 1.5})
	lines := strings.SplitN(b.String(), "\n", 2)
	want := "\n" +
		"case                sizes  ns/byte at each size  exponent  verdict\n" +
		"test.Refuse/always  -      -                     -         error: at 4: refused\n" +
		"\n" +
		"1 cases in 0s, 1 failing: test.Refuse/always\n"
	if diff := cmp.Diff(want, lines[1]); diff != "" || status != 1 {
		t.Errorf("status %d, table (-want +got):\n%s", status, diff)
	}
}

// TestMeasureScalingStops: a case slower than the call budget is timed
// at one more size and marked as stopped short of its span; one that
// gets slow only at the end of its span is not.
func TestMeasureScalingStops(t *testing.T) {
	if testing.Short() {
		t.Skip("sleeps past the call budget")
	}
	slowFrom := func(from int) scalingCase {
		return scalingCase{name: "test.Slow/from-" + strconv.Itoa(from), build: func(n int) (func() error, int) {
			return func() error {
				if n >= from {
					time.Sleep(scalingCallBudget + 10*time.Millisecond)
				}
				return nil
			}, n
		}}
	}
	for _, tt := range []struct {
		from  int
		sizes string
	}{
		{4, "16..64+"},
		{256, "16..256"},
	} {
		r := measureScaling(slowFrom(tt.from), scalingOptions{max: 256, runs: 1})
		if got := sizeRange(r); got != tt.sizes || r.err != nil {
			t.Errorf("slow from %d: sizes %s, error %v; want %s", tt.from, got, r.err, tt.sizes)
		}
	}
}

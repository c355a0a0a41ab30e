package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// The scaling sweep (bench -scaling) grows hostile inputs for every parser,
// importer and renderer and times each size, to find the functions whose
// time grows faster than their input: an archive of a user's, however
// large or odd, must cost time in proportion to its size.
//
// A case's sizes grow by factors of 4 from 4 KB (less for a case whose
// top is small) over at least 16x, and on to its top while a call stays
// cheap, to 1 MiB (the default record limit) where it is. Each size is
// timed as the fastest of a few calls, with the collector off. A case's
// growth exponent is the slope of log time over log size across its last
// 16x: 1 is linear, 2 quadratic. Above -scaling-exponent (1.5, a wide
// margin for noise) the case is swept again after the others, and fails
// the sweep if it still grows so fast; the cases of knownSuperLinear are
// timed to a smaller top of their own and reported without failing.

// A scalingCase is one hostile shape of input to one function.
type scalingCase struct {
	// name is "function/shape", such as "rst.Parse/unclosed-emphasis".
	name string
	// build makes an input of about n units (bytes, unless the case says
	// otherwise) and returns the work to time on it and the input's size
	// in bytes, by which time is divided. work's error means the input did
	// not do what the case meant it to (a parse failed where it should
	// have passed): the case is reported as broken.
	build func(n int) (work func() error, size int)
	// top is the largest n the sweep gives build; 0 means
	// defaultScalingTop.
	top int
}

const (
	// defaultScalingTop is the largest input of a case: 1 MiB, the
	// default record limit (talk.Limits.MaxRecordBytes).
	defaultScalingTop = 1 << 20
	// scalingFirst is the smallest input of a case whose top allows a
	// 16x span above it.
	scalingFirst = 4 << 10
	// scalingSpan is the span of sizes the exponent is taken over.
	scalingSpan = 16
	// scalingGrowLimit stops a case from growing past its 16x span once
	// the next size's call would take longer than this, at the growth
	// measured so far: cheap cases go on to their top, slow ones stop.
	scalingGrowLimit = 15 * time.Millisecond
	// scalingCallBudget stops a case from growing at all once a call
	// takes this long: a quadratic case would take minutes at its top.
	scalingCallBudget = 500 * time.Millisecond
	// scalingTimingTarget is the least time one timing loops the work
	// for, so that the clock's resolution does not show in small sizes.
	scalingTimingTarget = time.Millisecond
	// scalingRetries is how many more times a case that grows too fast is
	// swept, keeping each size's fastest time: noise only slows a call.
	scalingRetries = 3
	// scalingHangLimit is how long the sweep waits for one call before it
	// gives up on the case: a case gone exponential would stall CI.
	scalingHangLimit = 20 * time.Second
	// scalingMemoryLimit bounds the heap while the collector is off, and
	// scalingHeapReset is the heap at which the garbage is collected
	// before the next timing.
	scalingMemoryLimit = 2 << 30
	scalingHeapReset   = 512 << 20
	// scalingFloor is the time per byte at its largest input below which a
	// case is not failed, however its time grew: at that speed a call
	// is the memory system's (caches outgrown, fresh pages touched), not
	// the algorithm's, and no input within the limits is slow. Plain
	// text through a page grows from 1 to 4 ns a byte from 16 to 256 KiB;
	// the super-linear cases found were thousands.
	scalingFloor = 10 // ns per byte
)

// knownSuperLinear lists the cases known to grow super-linearly in
// packages whose owners are still to fix them, with the function at fault
// and the top the case is timed to: enough to show its growth, and cheap.
// The sweep reports them as "known" and does not fail on them; once one
// is fixed it reports "known, now linear", and its line here goes.
var knownSuperLinear = map[string]knownCase{}

// knownCase is a known super-linear case: the function at fault, from a
// profile of the case, and the largest n it is timed at.
type knownCase struct {
	fault string
	top   int
}

// scalingFlags are the sweep's own flags.
type scalingFlags struct {
	cases    *string
	max      *int
	exponent *float64
}

func addScalingFlags(fl *flag.FlagSet) scalingFlags {
	return scalingFlags{
		cases:    fl.String("scaling-cases", "", "with -scaling, only the cases whose names match `REGEXP`"),
		max:      fl.Int("scaling-max", 0, "with -scaling, grow no case beyond `N` (bytes, or items), starting at N/16 (0: each case's own sizes)"),
		exponent: fl.Float64("scaling-exponent", 1.5, "with -scaling, fail a case whose time grows faster than size to the power `X`"),
	}
}

// run runs the sweep as the parsed flags of fl say, with apa as the APA
// processor; -runs counts the timings of each size after the first call, 1
// unless given: a case that grows too fast is swept again, up to
// scalingRetries times, so that one slow timing does not fail it.
func (f scalingFlags) run(fl *flag.FlagSet, apa *csl.Processor, stdout, stderr io.Writer) int {
	opt := scalingOptions{max: *f.max, maxExponent: *f.exponent, runs: 1}
	fl.Visit(func(g *flag.Flag) {
		if g.Name == "runs" {
			opt.runs = max(g.Value.(flag.Getter).Get().(int), 1)
		}
	})
	if *f.cases != "" {
		re, err := regexp.Compile(*f.cases)
		if err != nil {
			fmt.Fprintf(stderr, "bench: -scaling-cases: %v\n", err)
			return 2
		}
		opt.cases = re
	}
	return runScaling(stdout, scalingCases(apa), opt)
}

// scalingOptions say how the sweep runs.
type scalingOptions struct {
	cases       *regexp.Regexp // only the cases whose names match; nil for all
	max         int            // when > 0, the largest n of any case
	runs        int            // timings per size besides the first call
	maxExponent float64        // the growth exponent above which a case fails
}

// scalingResult is one case's timings.
type scalingResult struct {
	c       scalingCase
	sizes   []int           // the input sizes in bytes, ascending
	times   []time.Duration // the fastest call at each size
	err     error
	stopped bool // the case outgrew scalingCallBudget before its 16x span
}

// exponent is the growth exponent over the last 16x of the sizes (or the
// span there is, if the case stopped early), or NaN with fewer than two
// sizes.
func (r scalingResult) exponent() float64 {
	last := len(r.sizes) - 1
	if last < 1 {
		return math.NaN()
	}
	first := last
	for first > 0 && r.sizes[last] < scalingSpan*r.sizes[first] {
		first--
	}
	return growth(r.sizes[first], r.sizes[last], r.times[first], r.times[last])
}

// growth is the exponent of the growth from time t0 at size n0 to t1 at
// n1, or NaN if it cannot be told.
func growth(n0, n1 int, t0, t1 time.Duration) float64 {
	if t0 <= 0 || t1 <= 0 || n0 >= n1 {
		return math.NaN()
	}
	return math.Log(t1.Seconds()/t0.Seconds()) / math.Log(float64(n1)/float64(n0))
}

// verdict says what the result means: "ok", "SUPER-LINEAR", "known" or
// "known, now linear", or "error: ..."; failed reports whether it fails
// the sweep.
func (r scalingResult) verdict(maxExponent float64) (verdict string, failed bool) {
	if r.err != nil {
		return "error: " + r.err.Error(), true
	}
	e := r.exponent()
	if _, known := knownSuperLinear[r.c.name]; known {
		// Some known cases grow only a little faster than linear at
		// the top they are timed to; only a clearly linear one is news.
		if e <= knownLinear {
			return "known, now linear", false
		}
		return "known", false
	}
	if e > maxExponent && r.nsPerByte(len(r.sizes)-1) >= scalingFloor {
		return "SUPER-LINEAR", true
	}
	return "ok", false
}

// nsPerByte is the time per byte at the i-th size.
func (r scalingResult) nsPerByte(i int) float64 {
	return float64(r.times[i].Nanoseconds()) / float64(max(r.sizes[i], 1))
}

// knownLinear is the growth exponent at or below which a known case is
// reported as linear now.
const knownLinear = 1.2

// runScaling runs the sweep and prints its table to w; it returns the
// exit status: 1 when a case grows super-linearly or fails.
func runScaling(w io.Writer, cases []scalingCase, opt scalingOptions) int {
	// The collector is off while cases are timed (the garbage is
	// collected between timings once it grows large, and the memory limit
	// starts the collector if one case's outgrows it): below a few MB of
	// live heap, where most sizes are, the collector's cost per byte grows
	// with the heap, which would make linear code look super-linear.
	// Allocating is still timed.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(scalingMemoryLimit))
	start := time.Now()
	var results []scalingResult
	for _, c := range cases {
		if opt.cases != nil && !opt.cases.MatchString(c.name) {
			continue
		}
		r := measureScaling(c, opt)
		if errors.Is(r.err, errHang) {
			results = append(results, r)
			break
		}
		results = append(results, r)
	}
	// A slow spell of a shared machine can fall on one size of a case, or
	// on a few cases in a row, and a cache outgrown can slow a step: the
	// cases that grow too fast are swept again after the others, a second
	// apart, on to their top while a call stays within scalingCallBudget,
	// keeping each size's fastest time (noise only ever slows a call
	// down). A case that is super-linear stays so as it grows.
	for retry := 0; retry < scalingRetries; retry++ {
		var again []*scalingResult
		for i, r := range results {
			if _, fail := r.verdict(opt.maxExponent); fail && r.err == nil {
				again = append(again, &results[i])
			}
		}
		if len(again) == 0 {
			break
		}
		time.Sleep(time.Second)
		for _, r := range again {
			*r = mergeSweeps(*r, measureScalingTo(r.c, opt, true))
		}
	}
	fmt.Fprintf(w, "scaling sweep, %s, GOMAXPROCS=%d, %s, fastest of %d calls, failing above exponent %.2f\n\n",
		runtime.Version(), runtime.GOMAXPROCS(0), cpuName(), opt.runs+1, opt.maxExponent)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "case\tsizes\tns/byte at each size\texponent\tverdict")
	status := 0
	var failed, known []string
	for _, r := range results {
		v, fail := r.verdict(opt.maxExponent)
		if fail {
			status = 1
			failed = append(failed, r.c.name)
		}
		if k, ok := knownSuperLinear[r.c.name]; ok {
			known = append(known, fmt.Sprintf("%s (%s): %s", r.c.name, v, k.fault))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.c.name, sizeRange(r), perByte(r), formatExponent(r.exponent()), v)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d cases in %.0fs, %d failing", len(results), time.Since(start).Seconds(), len(failed))
	if len(failed) > 0 {
		fmt.Fprintf(w, ": %s", strings.Join(failed, ", "))
	}
	fmt.Fprintln(w)
	if len(known) > 0 {
		fmt.Fprintln(w, "known super-linear cases, reported but not failing, for their packages' owners:")
		for _, k := range known {
			fmt.Fprintln(w, "  "+k)
		}
	}
	return status
}

// mergeSweeps returns the result of a case swept again, a, kept to the
// fastest time of each size of both sweeps and to the sizes of the one
// that went further; a sweep again that failed leaves r as it was.
func mergeSweeps(r, a scalingResult) scalingResult {
	if a.err != nil {
		return r
	}
	for i := range min(len(r.times), len(a.times)) {
		a.times[i] = min(a.times[i], r.times[i])
	}
	if len(a.sizes) < len(r.sizes) {
		a.sizes, a.times = r.sizes, append(a.times, r.times[len(a.times):]...)
	}
	return a
}

// measureScaling times one case at each of its sizes, smallest first: over
// its 16x span, and on towards its top while the next call would stay
// within scalingGrowLimit.
func measureScaling(c scalingCase, opt scalingOptions) scalingResult {
	return measureScalingTo(c, opt, false)
}

// measureScalingTo is measureScaling, growing on towards the case's top
// while the next call would stay within scalingCallBudget when toTop is
// set.
func measureScalingTo(c scalingCase, opt scalingOptions, toTop bool) scalingResult {
	r := scalingResult{c: c}
	growLimit := scalingGrowLimit
	if toTop {
		growLimit = scalingCallBudget
	}
	first, top := scalingRange(c, opt)
	runs := opt.runs
	if k, known := knownSuperLinear[c.name]; known {
		// Timed at a top of their own, and twice a size: they do not
		// fail the sweep, and their growth shows through the noise.
		top = min(top, k.top)
		first, runs = max(top/scalingSpan, 1), 1
	}
	for n := first; n <= top; n *= 4 {
		work, size := c.build(n)
		best, err := timeWork(work, runs)
		if err != nil {
			r.err = fmt.Errorf("at %s: %w", formatSize(size), err)
			return r
		}
		r.sizes = append(r.sizes, size)
		r.times = append(r.times, best)
		if best > scalingCallBudget && len(r.sizes) >= 2 {
			r.stopped = n < first*scalingSpan
			break
		}
		if n >= first*scalingSpan && best*time.Duration(math.Pow(4, r.localExponent())) > growLimit {
			break
		}
	}
	return r
}

// localExponent is the growth exponent of the last step, at least 1.
func (r scalingResult) localExponent() float64 {
	last := len(r.sizes) - 1
	if last < 1 {
		return 1
	}
	e := growth(r.sizes[last-1], r.sizes[last], r.times[last-1], r.times[last])
	if math.IsNaN(e) || e < 1 {
		return 1
	}
	return min(e, 4)
}

// scalingRange returns the smallest and the largest n of a case.
func scalingRange(c scalingCase, opt scalingOptions) (first, top int) {
	top = c.top
	if top == 0 {
		top = defaultScalingTop
	}
	if opt.max > 0 {
		top = min(top, opt.max)
		return max(top/scalingSpan, 1), top
	}
	return max(min(scalingFirst, top/scalingSpan), 1), top
}

// timeWork returns the fastest of runs timings of one call of work and of
// the first call, each timing looping it for at least
// scalingTimingTarget; a call slower than scalingCallBudget is timed once.
func timeWork(work func() error, runs int) (time.Duration, error) {
	collectIfLarge()
	first, err := firstCall(work)
	if err != nil {
		return 0, err
	}
	if first > scalingCallBudget {
		return first, nil
	}
	reps := 1
	if first < scalingTimingTarget {
		reps = int(scalingTimingTarget/max(first, time.Microsecond)) + 1
	}
	best := first
	for range runs {
		start := time.Now()
		for range reps {
			if err := work(); err != nil {
				return 0, err
			}
		}
		best = min(best, time.Since(start)/time.Duration(reps))
	}
	return best, nil
}

// collectIfLarge collects the garbage of the cases timed before, once it
// outgrows scalingHeapReset: the collector is off, and the memory limit
// would start it in the middle of a timing. (Collecting before every
// timing would take longer than most timings.)
func collectIfLarge() {
	heap := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(heap)
	if heap[0].Value.Uint64() > scalingHeapReset {
		runtime.GC()
	}
}

// errHang is a call that did not return within scalingHangLimit.
var errHang = fmt.Errorf("no result after %v; the sweep stops here", scalingHangLimit)

// firstCall times one call of work, giving up after scalingHangLimit. The
// abandoned call goes on in the background until the program exits, and
// would skew every later timing: the sweep stops at such a case.
func firstCall(work func() error) (time.Duration, error) {
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- work() }()
	select {
	case err := <-done:
		return time.Since(start), err
	case <-time.After(scalingHangLimit):
		return 0, errHang
	}
}

// sizeRange writes a case's smallest and largest input, and a "+" after
// the largest when the case was too slow to grow over its 16x span.
func sizeRange(r scalingResult) string {
	if len(r.sizes) == 0 {
		return "-"
	}
	s := formatSize(r.sizes[0]) + ".." + formatSize(r.sizes[len(r.sizes)-1])
	if r.stopped {
		s += "+"
	}
	return s
}

// perByte writes the time per byte of each size.
func perByte(r scalingResult) string {
	if len(r.sizes) == 0 {
		return "-"
	}
	parts := make([]string, len(r.sizes))
	for i := range r.sizes {
		v := r.nsPerByte(i)
		switch {
		case v >= 100:
			parts[i] = strconv.FormatFloat(v, 'f', 0, 64)
		case v >= 10:
			parts[i] = strconv.FormatFloat(v, 'f', 1, 64)
		default:
			parts[i] = strconv.FormatFloat(v, 'f', 2, 64)
		}
	}
	return strings.Join(parts, " ")
}

func formatExponent(e float64) string {
	if math.IsNaN(e) {
		return "-"
	}
	return strconv.FormatFloat(e, 'f', 2, 64)
}

// formatSize writes a size in bytes as 512, 4K, 1.5M.
func formatSize(n int) string {
	switch {
	case n >= 1000<<10:
		return strconv.FormatFloat(float64(n)/(1<<20), 'g', 3, 64) + "M"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'g', 3, 64) + "K"
	}
	return strconv.Itoa(n)
}

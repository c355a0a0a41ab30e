// Command bench measures talkmeta over a whole corpus in one run and
// prints a table a README can carry: for each stage, records per second,
// MB per second, allocations per record and peak memory, and the ratio to
// the decode floor (reading and decoding alone).
//
//	go run ./examples/bench [-replicate N] [-runs N] [-stages decode,...] [-csl DIR] [-peers DIR] [-cpuprofile FILE] CORPUS
//
// -runs runs the stages N times over, in rounds, and reports each stage's
// fastest run: on a shared machine noise only ever slows a run down.
//
// -replicate presents the corpus N times over (as N times as many events,
// without copying files) to show that memory does not grow with its size.
//
// -csl names a directory holding the official CSL styles and locales
// (apa.csl, locales-en-US.xml): the apa stage then formats with the
// official APA style rather than talkmeta's built-in one.
//
// -peers names the directory of the peer scripts (.ci/bench, with its
// node_modules installed): bench then runs ajv and citeproc-js with Node.js
// on the same records, one core each as talkmeta's single-core stages, and
// prints the ratios: validation, and entries in each of the five official
// styles of -csl, which it needs, so that both format with the same style.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/schema"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// stage is one measured step. run is given the corpus and returns how
// many records it handled, their size in bytes, or an error to stop the
// run. render, of a stage that renders every talk, is what it writes of
// one talk (to io.Discard, when timed), so that a test can tell that the
// stage does the work its name says.
type stage struct {
	name   string
	run    func(fsys fs.FS) (records int, bytes int64, err error)
	render func(w io.Writer, t *talk.Talk) error
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	fl.SetOutput(stderr)
	replicate := fl.Int("replicate", 1, "present the corpus `N` times over")
	only := fl.String("stages", "", "comma-separated stage names to run (default: all)")
	cslDir := fl.String("csl", "", "`DIR` of the official CSL styles and locales, for the apa stage")
	runs := fl.Int("runs", 1, "run each stage `N` times and report the fastest run")
	peers := fl.String("peers", "", "`DIR` of the peer scripts (.ci/bench) to run ajv and citeproc-js beside talkmeta")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile of the stages to `FILE`, for go tool pprof")
	memProfile := fl.String("memprofile", "", "write the allocations of the stages to `FILE`, for go tool pprof")
	scaling := fl.Bool("scaling", false, "instead of timing a corpus, grow hostile inputs and fail on super-linear time (see scaling.go)")
	scalingFlags := addScalingFlags(fl)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: bench [-replicate N] [-runs N] [-stages a,b] [-csl DIR] [-peers DIR] [-cpuprofile FILE] [-memprofile FILE] CORPUS")
		fmt.Fprintln(stderr, "       bench -scaling [-runs N] [-csl DIR] [-scaling-cases REGEXP] [-scaling-max N] [-scaling-exponent X]")
		fl.PrintDefaults()
	}
	switch err := fl.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		return 0 // asked for: the usage is the answer
	case err != nil:
		return 2 // the flag package has said why, with the usage
	case fl.NArg() != 1 && !*scaling:
		fl.Usage()
		return 2
	}
	if *replicate < 1 {
		// The corpus would be read once, under a header that says ×0.
		fmt.Fprintf(stderr, "bench: -replicate %d: the corpus is presented at least once\n", *replicate)
		return 2
	}
	if *peers != "" && *cslDir == "" {
		fmt.Fprintln(stderr, "bench: -peers needs -csl, so that citeproc-js and talkmeta format with the same styles")
		return 2
	}
	apa, err := apaProcessor(*cslDir)
	if err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 1
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "bench: %v\n", err)
			return 1
		}
		defer stop()
	}
	if *scaling {
		return scalingFlags.run(fl, apa, stdout, stderr)
	}
	fsys := replicated(osfs.DirFS(fl.Arg(0)), *replicate)
	chosen, err := chooseStages(stages(apa), *only)
	if err != nil {
		fmt.Fprintf(stderr, "bench: -stages: %v\n", err)
		return 2
	}
	results, err := rounds(chosen, fsys, *runs)
	if err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 1
	}
	if *memProfile != "" {
		if err := writeAllocProfile(*memProfile); err != nil {
			fmt.Fprintf(stderr, "bench: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "corpus %s ×%d, %s, GOMAXPROCS=%d, %s\n\n", fl.Arg(0), *replicate, runtime.Version(), runtime.GOMAXPROCS(0), cpuName())
	printTable(stdout, results)
	if *peers != "" {
		rows, err := sideBySide(fl.Arg(0), *peers, *cslDir)
		if err != nil {
			fmt.Fprintf(stderr, "bench: peers: %v\n", err)
			return 1
		}
		fmt.Fprintln(stdout)
		printSideBySide(stdout, rows)
	}
	return 0
}

// chooseStages returns the stages named in only, a comma-separated list,
// in the order of all; every stage when only is empty. A name that is no
// stage's is refused, where it would have left its stage out of the
// table without a word.
func chooseStages(all []stage, only string) ([]stage, error) {
	if only == "" {
		return all, nil
	}
	wanted := map[string]bool{}
	for name := range strings.SplitSeq(only, ",") {
		wanted[name] = true
	}
	var chosen []stage
	var names []string
	for _, s := range all {
		names = append(names, s.name)
		if wanted[s.name] {
			chosen = append(chosen, s)
			delete(wanted, s.name)
		}
	}
	for name := range strings.SplitSeq(only, ",") {
		if wanted[name] {
			return nil, fmt.Errorf("no stage %q; the stages are %s", name, strings.Join(names, ","))
		}
	}
	return chosen, nil
}

// rounds measures the stages runs times over (at least once), in rounds:
// each round runs every stage once, so that a slow spell of a shared
// machine falls on all stages alike rather than on one stage's runs,
// which would skew the ratios to the decode floor. Each stage's result
// is its fastest run, but for the peak heap, which is the highest of all
// its runs: a peak that one run reaches is one the stage can reach.
func rounds(chosen []stage, fsys fs.FS, runs int) ([]result, error) {
	results := make([]result, len(chosen))
	for round := range max(runs, 1) {
		for i, s := range chosen {
			r, err := measure(s, fsys)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", s.name, err)
			}
			peak := max(r.peakHeap, results[i].peakHeap)
			if round == 0 || r.elapsed < results[i].elapsed {
				results[i] = r
			}
			results[i].peakHeap = peak
		}
	}
	return results, nil
}

// apaProcessor returns an APA processor: the official style and locale in
// dir, or the built-in ones when dir is empty.
func apaProcessor(dir string) (*csl.Processor, error) {
	if dir == "" {
		return builtinProcessor("apa")
	}
	return officialProcessor(dir, "apa")
}

// officialProcessor returns a processor of the official style named
// style (apa.csl) in dir, with the en-US locale beside it.
func officialProcessor(dir, style string) (*csl.Processor, error) {
	st, err := csl.LoadStyle(os.DirFS(dir), style+".csl")
	if err != nil {
		return nil, err
	}
	loc, err := csl.LoadLocale(os.DirFS(dir), "locales-en-US.xml")
	if err != nil {
		return nil, err
	}
	return csl.New(st, loc)
}

func stages(apa *csl.Processor) []stage {
	return []stage{
		{"decode", decodeStage, nil},
		{"validate", validateStage, nil},
		{"check", checkStage, nil},
		renderStage("jsonld", func(w io.Writer, t *talk.Talk) error {
			_, err := jsonld.Write(w, t, jsonld.Options{BaseURL: "https://talks.example.org"})
			return err
		}),
		renderStage("html", func(w io.Writer, t *talk.Talk) error {
			var r html.Renderer
			return r.WriteTalk(w, t, html.PageOptions{})
		}),
		renderStage("bibtex", func(w io.Writer, t *talk.Talk) error { return cite.WriteBibTeX(w, t, cite.Options{}) }),
		renderStage("biblatex", func(w io.Writer, t *talk.Talk) error { return cite.WriteBibLaTeX(w, t, cite.Options{}) }),
		renderStage("ris", func(w io.Writer, t *talk.Talk) error { return cite.WriteRIS(w, t) }),
		renderStage("csl-json", func(w io.Writer, t *talk.Talk) error { return cite.WriteCSLJSON(w, t) }),
		renderStage("apa", func(w io.Writer, t *talk.Talk) error { return writeAPA(w, apa, t) }),
		{"pipeline", pipelineStage(apa), func(w io.Writer, t *talk.Talk) error {
			var r html.Renderer
			return pipelineTalk(w, &r, apa, t)
		}},
	}
}

// renderStage is a stage that decodes every talk and renders it with
// render (see eachTalk).
func renderStage(name string, render func(io.Writer, *talk.Talk) error) stage {
	return stage{name, eachTalk(render), render}
}

// writeAPA writes t's APA reference, as a site's "cite this talk" box.
func writeAPA(w io.Writer, apa *csl.Processor, t *talk.Talk) error {
	ref, err := cite.Reference(apa, csl.Text, t, cite.Options{})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, ref)
	return err
}

// eachTalk makes a stage that decodes every talk and renders it with
// render; the ratio to the decode stage shows what rendering adds.
func eachTalk(render func(io.Writer, *talk.Talk) error) func(fs.FS) (int, int64, error) {
	return func(fsys fs.FS) (int, int64, error) {
		n, size := 0, int64(0)
		for t, err := range pyvideo.Talks(fsys) {
			if err != nil {
				return n, size, err
			}
			if err := render(io.Discard, t); err != nil {
				return n, size, fmt.Errorf("%s: %w", t.Origin.Path, err)
			}
			n++
			size += int64(len(t.Origin.Raw))
		}
		return n, size, nil
	}
}

// pyvideoValidator checks talks as "talkmeta check" does a pyvideo archive.
var pyvideoValidator = &schema.Validator{Profile: schema.Pyvideo}

// validateStage reads every talk file and validates its bytes, one after
// another: bytes in, findings out, as ajv's read+parse+validate.
func validateStage(fsys fs.FS) (int, int64, error) { return validateFiles(talkFiles(fsys)) }

// readFiles reads the files and does nothing more: the floor under
// validateFiles, and under any validator that reads files.
func readFiles(files iter.Seq2[rawFile, error]) (int, int64, error) {
	n, size := 0, int64(0)
	for f, err := range files {
		if err != nil {
			return n, size, err
		}
		n++
		size += int64(len(f.data))
	}
	return n, size, nil
}

// validateFiles validates the files as they come.
func validateFiles(files iter.Seq2[rawFile, error]) (int, int64, error) {
	n, size := 0, int64(0)
	for f, err := range files {
		if err != nil {
			return n, size, err
		}
		if err := pyvideoValidator.ValidateTalk(f.data, f.path).Err(); err != nil {
			return n, size, err
		}
		n++
		size += int64(len(f.data))
	}
	return n, size, nil
}

// checkStage checks the whole archive as "talkmeta check" does: layout,
// every record (talks and events), unique ids and slugs, with all cores.
// A replicated corpus repeats every id by construction, so there the
// unique-id errors are expected and the others still stop the run.
func checkStage(fsys fs.FS) (int, int64, error) {
	r := pyvideoValidator.CheckArchive(fsys, nil)
	_, replicated := fsys.(replicaFS)
	var unexpected schema.Problems
	for _, p := range r.Problems {
		if p.Severity == schema.Error && !(replicated && p.Rule == "unique-id") {
			unexpected = append(unexpected, p)
		}
	}
	if err := unexpected.Err(); err != nil {
		return 0, 0, err
	}
	return r.Talks + r.Events, 0, nil
}

// pipelineStage decodes, validates and renders every talk to HTML,
// JSON-LD, BibTeX and an APA reference with all cores: the talks are handed
// to one worker per core.
func pipelineStage(apa *csl.Processor) func(fs.FS) (int, int64, error) {
	return func(fsys fs.FS) (int, int64, error) {
		talks := make(chan *talk.Talk, 64)
		errs := make(chan error, runtime.GOMAXPROCS(0))
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				var r html.Renderer
				for t := range talks {
					if err := pipelineTalk(io.Discard, &r, apa, t); err != nil {
						select {
						case errs <- fmt.Errorf("%s: %w", t.Origin.Path, err):
						default:
						}
					}
				}
			})
		}
		n, size := 0, int64(0)
		var readErr error
		for t, err := range pyvideo.Talks(fsys) {
			if err != nil {
				readErr = err
				break
			}
			talks <- t
			n++
			size += int64(len(t.Origin.Raw))
		}
		close(talks)
		wg.Wait()
		select {
		case err := <-errs:
			return n, size, err
		default:
		}
		return n, size, readErr
	}
}

// pipelineTalk is the pipeline's work on one decoded talk: validate it,
// then write its page, JSON-LD graph, BibTeX entry and APA reference to
// w, one after another.
func pipelineTalk(w io.Writer, r *html.Renderer, apa *csl.Processor, t *talk.Talk) error {
	if err := pyvideoValidator.ValidateTalk(t.Origin.Raw, t.Origin.Path).Err(); err != nil {
		return err
	}
	if err := r.WriteTalk(w, t, html.PageOptions{}); err != nil {
		return err
	}
	if _, err := jsonld.Write(w, t, jsonld.Options{}); err != nil {
		return err
	}
	if err := cite.WriteBibTeX(w, t, cite.Options{}); err != nil {
		return err
	}
	return writeAPA(w, apa, t)
}

// decodeStage is the floor: read every file and decode it into the model.
func decodeStage(fsys fs.FS) (int, int64, error) {
	n, size := 0, int64(0)
	for t, err := range pyvideo.Talks(fsys) {
		if err != nil {
			return n, size, err
		}
		n++
		size += int64(len(t.Origin.Raw))
	}
	return n, size, nil
}

type result struct {
	name     string
	records  int
	bytes    int64
	elapsed  time.Duration
	cpu      time.Duration
	allocs   uint64
	peakHeap uint64
}

// rate is the records per second of wall time.
func (r result) rate() float64 { return float64(r.records) / r.elapsed.Seconds() }

// measure runs a stage once after a collection, recording wall and CPU
// time, allocations and the peak of the heap's objects.
func measure(s stage, fsys fs.FS) (result, error) {
	runtime.GC()
	before := allocations()
	stop := sampleHeap()
	start, cpu0 := time.Now(), cpuTime()
	n, size, err := s.run(fsys)
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	peak := stop()
	after := allocations()
	return result{s.name, n, size, elapsed, cpu, after - before, peak}, err
}

// allocations returns how many heap objects the program has allocated,
// as testing's allocs/op counts them: runtime.ReadMemStats counts the
// small objects that share a tiny block, and the objects allocated from
// the spans each P holds, which /gc/heap/allocs:objects leaves out until
// those spans are given back (of a dozen records, almost all).
func allocations() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

// sampleHeap samples the heap in use every few milliseconds until the
// returned function is called, which returns the highest value seen.
func sampleHeap() func() uint64 {
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var max uint64
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			max = maxOf(max, sample[0].Value.Uint64())
			select {
			case <-tick.C:
			case <-done:
				peak <- max
				return
			}
		}
	}()
	return func() uint64 { close(done); return <-peak }
}

func maxOf(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

// startCPUProfile profiles the process into the file name until the
// returned function is called.
func startCPUProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeAllocProfile writes the allocations made so far (sampled, as
// runtime.MemProfileRate says) to name: go tool pprof -sample_index=
// alloc_space shows which code allocates the bytes the collector chases.
func writeAllocProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func cpuName() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(data), "\n") {
		if name, ok := strings.CutPrefix(line, "model name\t: "); ok {
			return name
		}
	}
	return runtime.GOARCH
}

func printTable(w io.Writer, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\trecords\twall\tCPU\trecords/s\tMB/s\tallocs/record\tpeak heap MB\t× decode\t")
	var floor time.Duration
	for _, r := range results {
		if r.name == "decode" {
			floor = r.elapsed
		}
	}
	for _, r := range results {
		ratio := "-"
		if floor > 0 {
			ratio = fmt.Sprintf("%.2f", r.elapsed.Seconds()/floor.Seconds())
		}
		mbps := "-" // a stage that does not count bytes
		if r.bytes > 0 {
			mbps = fmt.Sprintf("%.1f", float64(r.bytes)/1e6/r.elapsed.Seconds())
		}
		fmt.Fprintf(tw, "%s\t%d\t%.2fs\t%.2fs\t%.0f\t%s\t%.0f\t%.1f\t%s\t\n",
			r.name, r.records, r.elapsed.Seconds(), r.cpu.Seconds(),
			r.rate(), mbps,
			float64(r.allocs)/float64(max(r.records, 1)), float64(r.peakHeap)/1e6, ratio)
	}
	tw.Flush()
}

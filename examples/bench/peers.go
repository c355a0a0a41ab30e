package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// rawFile is a talk file as read, before any decoding.
type rawFile struct {
	path string
	data []byte
}

// talkFiles yields every talk file of a pyvideo corpus with its bytes,
// one event directory at a time, so that memory does not grow with the
// corpus.
func talkFiles(fsys fs.FS) iter.Seq2[rawFile, error] {
	return func(yield func(rawFile, error) bool) {
		events, err := eventDirs(fsys)
		if err != nil {
			yield(rawFile{}, err)
			return
		}
		for _, ev := range events {
			names, err := eventTalkFiles(fsys, ev)
			if err != nil {
				yield(rawFile{}, err)
				return
			}
			if !yieldFiles(fsys, names, yield) {
				return
			}
		}
	}
}

// talkFileNames lists every talk file of a pyvideo corpus.
func talkFileNames(fsys fs.FS) ([]string, error) {
	events, err := eventDirs(fsys)
	if err != nil {
		return nil, err
	}
	var all []string
	for _, ev := range events {
		names, err := eventTalkFiles(fsys, ev)
		if err != nil {
			return nil, err
		}
		all = append(all, names...)
	}
	return all, nil
}

// eventDirs lists the event directories of a pyvideo corpus as
// pyvideo.Talks reads them, so that the validate stage and ajv.mjs time
// the records the decode stage does: the corpus itself when it is one
// event (it holds category.json or videos/), else its directories, links
// to directories too, but not hidden ones.
func eventDirs(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, e := range entries {
		if e.Name() == "category.json" || e.Name() == "videos" && osfs.Is(fsys, e.Name(), e, fs.FileMode.IsDir) {
			return []string{"."}, nil
		}
		if !strings.HasPrefix(e.Name(), ".") && osfs.Is(fsys, e.Name(), e, fs.FileMode.IsDir) {
			dirs = append(dirs, e.Name())
		}
	}
	return dirs, nil
}

// eventTalkFiles lists the talk files of one event directory, but for
// hidden ones, which pyvideo.Talks passes over.
func eventTalkFiles(fsys fs.FS, event string) ([]string, error) {
	names, err := fs.Glob(fsys, path.Join(event, "videos", "*.json"))
	return slices.DeleteFunc(names, func(name string) bool { return strings.HasPrefix(path.Base(name), ".") }), err
}

// listedTalkFiles yields the named files with their bytes. ajv.mjs lists
// the corpus before it starts timing; the side-by-side does the same
// with talkFileNames and this, so that both time the same work.
func listedTalkFiles(fsys fs.FS, names []string) iter.Seq2[rawFile, error] {
	return func(yield func(rawFile, error) bool) { yieldFiles(fsys, names, yield) }
}

// yieldFiles reads and yields the named files until yield or a read
// fails, and reports whether it got to the end.
func yieldFiles(fsys fs.FS, names []string, yield func(rawFile, error) bool) bool {
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if !yield(rawFile{name, data}, err) || err != nil {
			return false
		}
	}
	return true
}

// comparison is one piece of work done by talkmeta and by a peer tool.
type comparison struct {
	work     string
	talkmeta float64 // records per second
	peer     peerTiming
}

// peerTiming is the JSON line a peer script prints. Invalid is how many
// of the records ajv found invalid.
type peerTiming struct {
	Tool    string  `json:"tool"`
	Stage   string  `json:"stage"`
	Records int     `json:"records"`
	Invalid int     `json:"invalid"`
	Wall    float64 `json:"wall"`
	CPU     float64 `json:"cpu"`
}

// sameWork refuses a peer's timing of other work than talkmeta's: of
// another stage than stage, of another number of records than records
// (another listing of the corpus), or with records ajv found invalid,
// which talkmeta's validation stops at, so that the two did not do the
// same work on them.
func (p peerTiming) sameWork(stage string, records int) error {
	switch {
	case p.Stage != stage:
		return fmt.Errorf("%s timed %q where %q was due", p.Tool, p.Stage, stage)
	case p.Records != records:
		return fmt.Errorf("%s timed %q on %d records, talkmeta on %d", p.Tool, p.Stage, p.Records, records)
	case p.Invalid != 0:
		return fmt.Errorf("%s found %d of the %d records invalid in %q, which talkmeta's validation refuses", p.Tool, p.Invalid, p.Records, p.Stage)
	}
	return nil
}

func (p peerTiming) rate() float64 { return float64(p.Records) / p.Wall }

// comparedStyles are the official styles whose entries are timed beside
// citeproc-js: those of the shared references.
var comparedStyles = []string{"apa", "modern-language-association", "chicago-author-date", "ieee", "harvard-cite-them-right"}

// sideBySide times talkmeta and the peer tools on the same records of the
// corpus in dir, each on one core: validating talk files against the same
// schema (ajv), and formatting the same CSL items as entries in each of
// the compared styles, official files alike (citeproc-js).
func sideBySide(dir, peers, cslDir string) ([]comparison, error) {
	fsys := osfs.DirFS(dir)
	names, err := talkFileNames(fsys)
	if err != nil {
		return nil, err
	}
	listed := func(name string, work func(iter.Seq2[rawFile, error]) (int, int64, error)) (float64, error) {
		st := stage{name: name, run: func(fsys fs.FS) (int, int64, error) { return work(listedTalkFiles(fsys, names)) }}
		return bestOf(validationRuns, func() (float64, error) {
			r, err := measure(st, fsys)
			return r.rate(), err
		})
	}
	reading, err := listed("read", readFiles)
	if err != nil {
		return nil, err
	}
	validation, err := listed("validate", validateFiles)
	if err != nil {
		return nil, err
	}
	ajv, err := runPeer(filepath.Join(peers, "ajv.mjs"), dir)
	if err != nil {
		return nil, err
	}
	// ajv.mjs's stages, in the order it prints them, with talkmeta's
	// work beside each.
	ajvRows := []comparison{
		{"read a talk file, no more (the floor of both)", reading, peerTiming{Stage: "read only"}},
		{"validate a talk file", validation, peerTiming{Stage: "read+parse+validate"}},
		{"validate a talk file", validation, peerTiming{Stage: "validate only"}},
	}
	if len(ajv) != len(ajvRows) {
		return nil, fmt.Errorf("ajv.mjs timed %d stages, want %d", len(ajv), len(ajvRows))
	}
	rows := []comparison{}
	for i, p := range ajv {
		if err := p.sameWork(ajvRows[i].peer.Stage, len(names)); err != nil {
			return nil, err
		}
		rows = append(rows, comparison{ajvRows[i].work, ajvRows[i].talkmeta, p})
	}

	items, err := cslItems(fsys)
	if err != nil {
		return nil, err
	}
	itemsFile, err := os.CreateTemp("", "bench-items-*.json")
	if err != nil {
		return nil, err
	}
	defer os.Remove(itemsFile.Name())
	err = json.NewEncoder(itemsFile).Encode(items)
	if cerr := itemsFile.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	args := []string{filepath.Join(cslDir, "locales-en-US.xml"), itemsFile.Name()}
	for _, style := range comparedStyles {
		args = append(args, filepath.Join(cslDir, style+".csl"))
	}
	citeproc, err := runPeer(filepath.Join(peers, "citeproc.mjs"), args...)
	if err != nil {
		return nil, err
	}
	if len(citeproc) != len(comparedStyles) {
		return nil, fmt.Errorf("citeproc.mjs timed %d styles, want %d", len(citeproc), len(comparedStyles))
	}
	for i, style := range comparedStyles {
		if err := citeproc[i].sameWork(style+" entry", len(items)); err != nil {
			return nil, err
		}
		pr, err := officialProcessor(cslDir, style)
		if err != nil {
			return nil, err
		}
		perSecond, err := timeEntries(pr, items)
		if err != nil {
			return nil, err
		}
		rows = append(rows, comparison{style + " entry of a CSL item", perSecond, citeproc[i]})
	}
	return rows, nil
}

// cslItems returns every talk of the corpus as a CSL item with a unique id.
func cslItems(fsys fs.FS) ([]*csl.Item, error) {
	var items []*csl.Item
	for t, err := range pyvideo.Talks(fsys) {
		if err != nil {
			return nil, err
		}
		it, err := cite.CSLItem(t, strconv.Itoa(len(items)+1), cite.Options{})
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

// timeEntries formats every item's entry, as citeproc.mjs does, and
// returns the entries per second of the best run (see bestOf).
func timeEntries(pr *csl.Processor, items []*csl.Item) (float64, error) {
	return bestOf(entryRuns, func() (float64, error) {
		start := time.Now()
		for _, it := range items {
			if err := pr.WriteEntry(io.Discard, csl.Text, it); err != nil {
				return 0, fmt.Errorf("item %s: %w", it.ID, err)
			}
		}
		return float64(len(items)) / time.Since(start).Seconds(), nil
	})
}

// entryRuns and validationRuns are how many timed runs each side of a
// comparison gets, after one untimed run to warm caches (and Node.js's
// JIT) up. The best counts: on a shared VM, noise only ever slows a run
// down. A validation run takes a quarter of a second, where this VM's
// slow spells last longer, so it gets more runs; citeproc-js takes
// minutes over the corpus in each style. The peer scripts do the same.
const (
	entryRuns      = 3
	validationRuns = 10
)

// bestOf runs a measurement once to warm up, then runs times, and
// returns the highest rate.
func bestOf(runs int, run func() (float64, error)) (float64, error) {
	if _, err := run(); err != nil {
		return 0, err
	}
	best := 0.0
	for range runs {
		rate, err := run()
		if err != nil {
			return 0, err
		}
		best = max(best, rate)
	}
	return best, nil
}

// nodeCommand is the command that runs a peer script with its
// arguments: Node.js, or a stand-in in tests.
var nodeCommand = func(script string, args ...string) *exec.Cmd {
	return exec.Command("node", append([]string{script}, args...)...)
}

// runPeer runs a peer script with Node.js and reads the JSON line it
// prints per measurement.
func runPeer(script string, args ...string) ([]peerTiming, error) {
	cmd := nodeCommand(script, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node %s: %v\n%s", filepath.Base(script), err, stderr.Bytes())
	}
	var timings []peerTiming
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var p peerTiming
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("node %s printed %q: %v", filepath.Base(script), sc.Text(), err)
		}
		if p.Records == 0 || p.Wall <= 0 {
			return nil, fmt.Errorf("node %s measured nothing: %q", filepath.Base(script), sc.Text())
		}
		timings = append(timings, p)
	}
	return timings, nil
}

func printSideBySide(w io.Writer, rows []comparison) {
	fmt.Fprintln(w, "side by side on the same records, one core each (records/s of wall time):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "work\ttalkmeta\tpeer\tpeer's work\tpeer\ttalkmeta ÷ peer")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%.0f\t%s\t%s\t%.0f\t%.2f×\n", r.work, r.talkmeta, r.peer.Tool, r.peer.Stage, r.peer.rate(), r.talkmeta/r.peer.rate())
	}
	tw.Flush()
}

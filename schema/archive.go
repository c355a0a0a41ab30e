package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/layout"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// MaxNameBytes is the longest file or directory name an archive may use,
// in bytes: eCryptfs, which encrypted home directories use, refuses longer
// ones, so pyvideo's CI does too.
const MaxNameBytes = 139

// Report is what CheckArchive found.
type Report struct {
	Events   int      // event records checked
	Talks    int      // talk records checked
	Problems Problems // every finding, sorted by file and position
}

// form is one of the two forms an archive's events may be in: where
// such an event keeps its records, and the validator that checks them.
type form struct {
	lay layout.Names
	v   *Validator
}

// forms returns the form of v's profile, and the other's: the other
// profile's layout, checked by a copy of v with that profile.
func (v *Validator) forms() (own, other *form) {
	pv, tm := *v, *v
	pv.Profile, tm.Profile = Pyvideo, Talkmeta
	py, talkmeta := &form{layout.Pyvideo(), &pv}, &form{layout.Talkmeta(), &tm}
	if v.Profile == Pyvideo {
		return py, talkmeta
	}
	return talkmeta, py
}

// CheckArchive checks a whole archive: its layout (an event directory per
// event, holding the event record and a directory of talk records:
// <event>/category.json and <event>/videos/*.json in the Pyvideo profile,
// <event>/event.json and <event>/talks/*.json in the Talkmeta profile),
// every record, names no longer than MaxNameBytes, talk ids unique across
// the archive, and talk slugs (the slug member, or the slug of the title)
// unique within each event. Directories whose names start with "." are
// skipped, as are top-level directories that hold no JSON (such as a
// tools/ directory). When fsys is itself one event directory, that event
// is checked. An event in the other profile's layout is checked by that
// profile's rules when AnyLayout is set, and is a layout error when not.
//
// Records are checked concurrently; the report is the same whatever the
// order. progress, when not nil, is called from the goroutine that called
// CheckArchive with how many records are done out of how many: every tenth
// of a second while it works, and once at the end with all of them done.
//
// A Validator with an unknown Profile, or a nil fsys, checks nothing: the
// report has that one problem (rule "profile" or "read"), and progress is
// called once, with no records done of none, so that a progress display
// waiting for the end still ends.
func (v *Validator) CheckArchive(fsys fs.FS, progress func(done, total int)) *Report {
	ps := v.misconfigured(".")
	if ps == nil && fsys == nil {
		ps = Problems{{Path: ".", Rule: "read", Severity: Error, Message: "nil fs.FS; nothing was checked", offset: -1}}
	}
	if ps != nil {
		if progress != nil {
			progress(0, 0)
		}
		return &Report{Problems: ps}
	}
	own, other := v.forms()
	a := &archive{v: v, fsys: fsys, own: own, other: other}
	a.list()
	a.checkRecords(progress)
	a.unique()
	sortProblems(a.problems)
	return &Report{Events: a.events, Talks: a.talks, Problems: a.problems}
}

// archive is the state of one CheckArchive call.
type archive struct {
	v        *Validator
	fsys     fs.FS
	own      *form // the form of v's profile
	other    *form // the other profile's, which only AnyLayout checks
	problems Problems
	records  []record // in path order
	events   int
	talks    int
}

// record is one file to check, and what the archive-wide checks need
// from it once checked.
type record struct {
	path    string
	form    *form  // the form of the record's event
	event   string // the event directory
	isEvent bool
	id      string // the talk's id member, as written; "" when none
	idWords string // the id as messages name it: a number as written, text quoted
	slug    string // the talk's URL slug
}

// listing is what listing one top-level directory found: its records,
// in path order, and its layout problems. Directories are listed
// concurrently, each into its own listing.
type listing struct {
	records  []record
	problems Problems
}

// fail reports a problem of the archive's layout, which is always an
// error: a file out of place is a record no reader finds.
func (l *listing) fail(p, rule, msg string) {
	l.problems = append(l.problems, &Problem{Path: p, Rule: rule, Severity: Error, Message: msg, offset: -1})
}

// failRead reports that p could not be read, the file system's err kept
// as the problem's cause (Problem.Unwrap).
func (l *listing) failRead(p string, err error) {
	l.problems = append(l.problems, &Problem{Path: p, Rule: "read", Severity: Error, Message: errs.WithoutPath(err).Error(), offset: -1, cause: err})
}

// name checks the length of one file or directory name.
func (l *listing) name(p string) {
	if n := len(path.Base(p)); n > MaxNameBytes {
		l.fail(p, "filename", fmt.Sprintf("the name is %d bytes long; keep it to %d so that every file system can hold it", n, MaxNameBytes))
	}
}

// list finds the archive's records and the problems of its layout. Like
// the records, the top-level directories are gone through on every CPU:
// listed one by one, they took a sixth of a check's time on two cores
// (23 of 140 ms on the shared corpus), and would take more than half of
// it on sixteen.
func (a *archive) list() {
	var top listing
	var dirs []string
	if entries, err := osfs.ReadDir(a.fsys, "."); err != nil {
		top.failRead(".", err)
	} else if f, record, talks := a.eventForm(".", entries); f != nil {
		a.event(&top, f, ".", entries, record, talks) // fsys is one event
	} else if record || talks {
		top.fail(".", "layout", a.otherEvent()) // fsys is one event, of the other form
	} else {
		dirs = a.root(&top, entries)
	}
	listings := make([]listing, len(dirs))
	parallel(len(dirs), func(i int) { a.topDir(&listings[i], dirs[i]) })
	n := len(top.records)
	for _, l := range listings {
		n += len(l.records)
	}
	// Grown once: an archive-wide slice grown by appends left as much
	// again in garbage, which the peak heap of a big archive showed.
	a.records, a.problems = slices.Grow(top.records, n-len(top.records)), top.problems
	for _, l := range listings {
		a.records = append(a.records, l.records...)
		a.problems = append(a.problems, l.problems...)
	}
}

// root checks the archive's top-level entries, returning the directories
// among them, which may be events.
func (a *archive) root(l *listing, entries []fs.DirEntry) (dirs []string) {
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		l.name(e.Name())
		switch {
		case osfs.Is(a.fsys, e.Name(), e, fs.FileMode.IsDir):
			dirs = append(dirs, e.Name())
		case a.brokenLink(l, e.Name(), e):
			// A link to nothing, where an event directory was likely
			// meant, must not hide the event: it is said where it
			// leads.
		case path.Ext(e.Name()) == ".json":
			l.fail(e.Name(), "layout", a.own.lay.Outside())
		}
		// Other files, README, LICENSE, Makefile, are not records.
	}
	return dirs
}

// topDir lists a top-level directory: an event when it holds the event
// record or the directory of talks, a mistake when it holds other JSON
// files, and none of the archive's business otherwise (a tools/
// directory).
func (a *archive) topDir(l *listing, dir string) {
	entries, err := osfs.ReadDir(a.fsys, dir)
	if err != nil {
		l.failRead(dir, err)
		return
	}
	f, record, talks := a.eventForm(dir, entries)
	switch {
	case f != nil:
		a.event(l, f, dir, entries, record, talks)
	case !osfs.HoldsJSON(a.fsys, dir):
	case record || talks:
		// An event of the other form, as talkmeta's readers take
		// beside this form's: "is it an event?" would mislead.
		l.fail(dir, "layout", a.otherEvent())
	default:
		l.fail(dir, "layout", layout.NotAnEvent(a.own.lay))
	}
}

// eventForm returns the form of the event whose directory, dir, has
// the entries, with what eventHolds found in them: the validator's own
// form when the directory holds its event record or talks, else the
// other's when it holds those and AnyLayout is set. With no form to
// check it in, f is nil, and record and talks tell whether dir is an
// event of the other form all the same.
func (a *archive) eventForm(dir string, entries []fs.DirEntry) (f *form, record, talks bool) {
	if record, talks = a.eventHolds(a.own.lay, dir, entries); record || talks {
		return a.own, record, talks
	}
	record, talks = a.eventHolds(a.other.lay, dir, entries)
	if (record || talks) && a.v.AnyLayout {
		return a.other, record, talks
	}
	return nil, record, talks
}

// otherEvent says that a directory is an event in the other profile's
// layout.
func (a *archive) otherEvent() string {
	other := a.other.lay
	return fmt.Sprintf("an event in the %s layout (%s, %s/), which the %s profile does not check; check it with the %s profile",
		other.Form, other.EventFile, other.TalksDir, a.own.lay.Form, other.Form)
}

// eventHolds reports whether a directory's entries hold the event
// record file of layout lay, and whether they hold its directory of
// talks. A symbolic link counts as what it links to.
func (a *archive) eventHolds(lay layout.Names, dir string, entries []fs.DirEntry) (record, talks bool) {
	for _, e := range entries {
		switch e.Name() {
		case lay.EventFile:
			record = osfs.Is(a.fsys, path.Join(dir, e.Name()), e, fs.FileMode.IsRegular)
		case lay.TalksDir:
			talks = osfs.Is(a.fsys, path.Join(dir, e.Name()), e, fs.FileMode.IsDir)
		}
	}
	return record, talks
}

// event lists the records of one event directory of form f, given its
// entries and what eventHolds found in them.
func (a *archive) event(l *listing, f *form, dir string, entries []fs.DirEntry, hasRecord, hasTalks bool) {
	lay := &f.lay
	// A record or talks' directory of the wrong kind is said once, where
	// it is, not also as missing.
	if !hasRecord && !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == lay.EventFile }) {
		l.fail(dir, "layout", lay.NoEventFile())
	}
	talksSaid := hasTalks
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		l.name(p)
		switch {
		case e.Name() == lay.EventFile && !e.IsDir():
			l.records = append(l.records, record{path: p, form: f, event: dir, isEvent: true})
		case e.Name() == lay.EventFile:
			l.fail(p, "layout", lay.EventFileNotFile())
		case e.Name() == lay.TalksDir && hasTalks:
			a.talkDir(l, f, dir, p)
		case e.Name() == lay.TalksDir:
			talksSaid = true
			if !a.brokenLink(l, p, e) { // which says where the link leads
				l.fail(p, "layout", lay.TalksDirNotDir())
			}
		case strings.HasPrefix(e.Name(), "."):
		default:
			l.fail(p, "layout", lay.InEvent())
		}
	}
	if !talksSaid {
		l.fail(dir, "layout", lay.NoTalksDir())
	}
}

// brokenLink reports whether the entry e, at name, is a symbolic link
// that cannot be followed, and if so fails it with where it leads.
func (a *archive) brokenLink(l *listing, name string, e fs.DirEntry) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	_, err := osfs.Stat(a.fsys, name)
	if err != nil {
		l.failRead(name, err)
	}
	return err != nil
}

func (a *archive) talkDir(l *listing, f *form, event, dir string) {
	entries, err := osfs.ReadDir(a.fsys, dir)
	if err != nil {
		l.failRead(dir, err)
		return
	}
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		l.name(p)
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.IsDir() || path.Ext(e.Name()) != ".json":
			l.fail(p, "layout", f.lay.InTalks())
		default:
			l.records = append(l.records, record{path: p, form: f, event: event})
		}
	}
}

// checkRecords validates every record, using every CPU, keeping each
// record's problems by its index; the calling goroutine reports progress
// meanwhile.
func (a *archive) checkRecords(progress func(done, total int)) {
	problems := make([]Problems, len(a.records))
	var done atomic.Int64
	finished := make(chan struct{})
	go func() {
		parallel(len(a.records), func(i int) {
			problems[i] = a.checkRecord(&a.records[i])
			done.Add(1)
		})
		close(finished)
	}()
	if progress != nil {
		tick := time.NewTicker(progressInterval)
		for waiting := true; waiting; {
			select {
			case <-finished:
				waiting = false
			case <-tick.C:
				progress(int(done.Load()), len(a.records))
			}
		}
		tick.Stop()
		progress(len(a.records), len(a.records))
	}
	<-finished
	for i, r := range a.records {
		a.problems = append(a.problems, problems[i]...)
		if r.isEvent {
			a.events++
		} else {
			a.talks++
		}
	}
}

// parallel calls work(i) for every i from 0 to n-1, on every CPU, and
// returns when all calls have returned. Workers take the next i by an
// atomic counter, so that they never wait on each other.
func parallel(n int, work func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				work(i)
			}
		})
	}
	wg.Wait()
}

// progressInterval is how often CheckArchive reports progress: often
// enough for a person watching, rarely enough to cost nothing.
const progressInterval = 100 * time.Millisecond

// checkRecord validates one record and keeps what the archive-wide checks
// need. Each call touches only its own record.
func (a *archive) checkRecord(r *record) Problems {
	data, err := readRecord(a.fsys, r.path, a.v.Limits.RecordBytes())
	if err != nil {
		rule := "read"
		if _, ok := errors.AsType[*talk.LimitError](err); ok {
			rule = "limit" // as the validator words a record too large
		}
		return Problems{{Path: r.path, Rule: rule, Severity: Error, Message: err.Error(), offset: -1, cause: err}}
	}
	v := r.form.v
	if r.isEvent {
		ps, _ := v.validate(r.path, data, v.eventSchema(), (*checker).event)
		return ps
	}
	ps, obj := v.validate(r.path, data, v.talkSchema(), (*checker).talk)
	switch id := obj.get("id").decode().(type) {
	case json.Number:
		r.id, r.idWords = id.String(), id.String()
	case string:
		r.id, r.idWords = id, valueText(id)
	}
	slug, _ := obj.text("slug")
	title, _ := obj.text("title")
	switch {
	case slug != "":
		r.slug = slug
	case v.Profile == Pyvideo:
		r.slug = pyvideo.Slugify(title)
	default:
		r.slug = talk.Slug(title)
	}
	return ps
}

func (v *Validator) talkSchema() string {
	if v.Profile == Pyvideo {
		return PyvideoTalkID
	}
	return TalkID
}

func (v *Validator) eventSchema() string {
	if v.Profile == Pyvideo {
		return PyvideoCategoryID
	}
	return EventID
}

// unique reports talk ids used twice in the archive and slugs used twice
// in one event, at the later record, naming the earlier.
func (a *archive) unique() {
	ids := map[string]string{}
	slugs := map[[2]string]string{}     // the first path of each slug, by event
	folded := map[[2]string][2]string{} // the first slug and path of each slug folded (osfs.FoldName), by event
	for _, r := range a.records {
		if r.isEvent {
			continue
		}
		if r.id != "" {
			if first, ok := ids[r.id]; ok {
				a.at(r.path, "/id", "unique-id", Error, fmt.Sprintf("id %s is also the id of %s", r.idWords, first), first)
			} else {
				ids[r.id] = r.path
			}
		}
		if r.slug == "" {
			continue
		}
		key, foldKey := [2]string{r.event, r.slug}, [2]string{r.event, osfs.FoldName(r.slug)}
		if first, ok := slugs[key]; ok {
			a.at(r.path, a.slugPointer(r.path), "unique-slug", Error,
				fmt.Sprintf("the URL slug %q is also the slug of %s; give one of them a slug member", r.slug, first), first)
			continue
		}
		slugs[key] = r.path
		if first, ok := folded[foldKey]; ok {
			// A site built on macOS or Windows, whose file systems
			// take the two for one name, writes one page over the
			// other unless it tells them apart (talkmeta site does).
			a.at(r.path, a.slugPointer(r.path), "unique-slug", Warning,
				fmt.Sprintf("the URL slug %q differs from %q, the slug of %s, only in case or Unicode form, which macOS and Windows take for one file name; give one of them another slug member", r.slug, first[0], first[1]), first[1])
		} else {
			folded[foldKey] = [2]string{r.slug, r.path}
		}
	}
}

// slugPointer is where a talk's slug comes from: its slug member, or its
// title.
func (a *archive) slugPointer(p string) string {
	data, err := readRecord(a.fsys, p, a.v.Limits.RecordBytes())
	if err == nil {
		var obj map[string]any
		if json.Unmarshal(data, &obj) == nil && obj["slug"] != nil && obj["slug"] != "" {
			return "/slug"
		}
	}
	return "/title"
}

// at reports an archive-wide problem at a place in a record, reading the
// record again for its line and column: such problems are rare.
func (a *archive) at(p, ptr, rule string, severity Severity, msg, other string) {
	c := &checker{v: a.v, path: p}
	c.data, _ = readRecord(a.fsys, p, a.v.Limits.RecordBytes())
	c.add(ptr, rule, severity, msg)
	c.finish()
	for _, q := range c.problems {
		q.Other = other
	}
	a.problems = append(a.problems, c.problems...)
}

// readRecord reads a record file, refusing one over the record size
// limit with the *talk.LimitError the readers give. Its errors do not
// name the file, which the problem names.
func readRecord(fsys fs.FS, p string, limit int64) ([]byte, error) {
	data, err := osfs.ReadFile(fsys, p, limit)
	var large *osfs.TooLargeError
	var special *osfs.NotRegularError
	switch {
	case errors.As(err, &special):
		return nil, errors.New(special.Describe())
	case err != nil && !errors.As(err, &large):
		return nil, errs.WithoutPath(err)
	case !errors.As(err, &large):
		return data, err
	}
	return nil, &talk.LimitError{What: "record size", Limit: limit, Got: max(large.Size, 0)}
}

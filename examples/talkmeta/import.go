package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/internal/layout"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/schema"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// importUsage is the verb's argument synopsis.
const importUsage = "-from c3voc|frab|rubyevents SRC|- -o DIR [-layout talkmeta|pyvideo] [-replace]"

// runImport reads a schedule (or a RubyEvents data directory) and writes one file per talk and per event.
//
// -o names the archive; an event's directory, or its directory of
// talks, of either layout, is a usage error that names the archive, as
// the import would nest the event in the event.
//
// The talkmeta layout is
//
//	DIR/<event ID>/event.json          the event, with all it carries
//	DIR/<event ID>/talks/<talk ID>.json one talk, in talkmeta's JSON form
//
// A talk file holds the talk's event without the event's description and
// Extra members (event.json beside it has them), so that a schedule's
// days and rooms are not repeated in every talk. IDs that cannot be file
// names everywhere (empty, holding a '/', longer than 129 bytes, a
// Windows device's name such as CON; see fileName) are replaced by their
// slug; names are made unique within their directory, ignoring case and
// Unicode normalization ("Intro", "intro-2").
//
// The pyvideo layout is pyvideo's (see pyvideo.ArchiveFiles). A pyvideo
// archive holds recordings, so talks without a video are not written
// there; each is named on stderr, and the talkmeta layout keeps them.
//
// Problems in the source are reported as path:line:col: message on
// stderr; what could be read is written all the same, and the exit status
// is 1.
//
// Importing again, when the schedule has changed, writes only what
// changed: a file the same as the import's (or holding the same JSON
// values, spaced or ordered otherwise) is left alone, and one that
// differs (edited since: a recording added, a name mended; or a talk
// renamed or moved in the schedule) is kept and reported with the JSON
// pointers where it differs, with exit status 1, unless -replace asks
// for the import's. In the talkmeta layout, a talk file of the event
// that no talk of the schedule has (a talk cancelled, or given a new ID)
// is named, and kept: removing it is the user's call. A file that cannot
// be written is reported, and the others are written.
func runImport(e *env, args []string) int {
	fs := e.flags("import")
	from := fs.String("from", "", "the source `format`: c3voc (schedule JSON file), frab (schedule XML file) or rubyevents (data directory)")
	out := fs.String("o", "", "the `directory` to write to")
	layout := fs.String("layout", "talkmeta", "the output `layout`: talkmeta or pyvideo")
	replace := fs.Bool("replace", false, "replace files that exist and differ from the import (edits made to them since are lost)")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	switch {
	case *from == "":
		return usageError(fs, "no source format given: -from is c3voc, frab or rubyevents")
	case *from != "c3voc" && *from != "frab" && *from != "rubyevents":
		return usageError(fs, "unknown format %q (want c3voc, frab or rubyevents)", *from)
	case *out == "":
		return usageError(fs, "no output directory given: -o DIR is required")
	case *out == "-":
		return usageError(fs, "-o names the directory to write the files to; \"-\" is no directory (write ./- for one of that name)")
	case *layout != "talkmeta" && *layout != "pyvideo":
		return usageError(fs, "unknown layout %q (want talkmeta or pyvideo)", *layout)
	case eventPart(*out) != "":
		return usageError(fs, "-o %s is %s; -o names the archive, which holds a directory per event (here %s)", forTerminal(*out), eventPart(*out), forTerminal(archiveOf(*out)))
	case fs.NArg() == 0:
		return usageError(fs, "no schedule given")
	case *from == "rubyevents" && fs.Arg(0) == stdinArg:
		return usageError(fs, "rubyevents reads a data directory, which standard input (-) is not")
	case fs.NArg() > 1:
		return usageError(fs, "one schedule at a time, not %d: %s", fs.NArg(), strings.Join(fs.Args(), " "))
	}
	src := fs.Arg(0)
	var events []*talk.Event
	var talks []*talk.Talk
	var problems []error
	switch *from {
	case "c3voc", "frab":
		data, err := e.readSchedule(src)
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			return 1
		}
		parse := schedule.Reader{MaxBytes: scheduleLimit}.ParseJSON
		if *from == "frab" {
			parse = schedule.Reader{MaxBytes: scheduleLimit}.ParseXML
		}
		s, err := parse(data, filepath.ToSlash(argName(src)))
		problems = append(problems, unwrapAll(err)...)
		talks = s.Talks
		// A schedule that could not be read at all has no event to
		// write, only an empty one.
		if s.Event.ID != "" || len(s.Talks) > 0 {
			events = []*talk.Event{&s.Event}
		} else if kind, other := otherFrom(*from, data); other != "" {
			// The parser's first fault in JSON read as XML, or the
			// reverse, says nothing of the likelier mistake.
			problems = append(problems, fmt.Errorf("%s: looks like %s schedule; did you mean -from %s?", argName(src), kind, other))
		}
	case "rubyevents":
		// One error for a source that is no directory, where the
		// reader gave two, one for a file it sought within a file
		// ("pair.json/speakers.yml: rubyevents: open: not a directory").
		if st, err := os.Stat(src); err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			return 1
		} else if !st.IsDir() {
			fmt.Fprintf(e.stderr, "%s: not a directory; -from rubyevents reads a RubyEvents data directory\n", forTerminal(src))
			return 1
		}
		a, err := rubyevents.Read(osfs.DirFS(src))
		for _, p := range unwrapAll(err) {
			// Each file the error names, its own and any it is made
			// of (the talk that first had an id), below src.
			for e := p; e != nil; e = errors.Unwrap(e) {
				if re, ok := e.(*talk.RecordError); ok {
					re.Path = filepath.ToSlash(filepath.Join(src, filepath.FromSlash(re.Path)))
				}
			}
			problems = append(problems, p)
		}
		events, talks = a.Events, a.Talks
	}
	status := 0
	report := func(err error) {
		fmt.Fprintln(e.stderr, errorLine(err))
		status = 1
	}
	for _, p := range problems {
		report(p)
	}
	names := talkNames(talks, src, *from == "rubyevents")
	var files []importFile
	unrecorded := 0 // talks the pyvideo layout leaves out
	if *layout == "pyvideo" {
		for _, t := range talks {
			if len(t.Videos) == 0 {
				unrecorded++
			}
		}
		var err error
		if files, err = pyvideoFiles(e, talks, names, report); err != nil {
			report(fmt.Errorf("talkmeta import: %w", err))
			return 1
		}
	} else {
		files = talkmetaFiles(events, eventNames(events, src, *from == "rubyevents"), talks, names, report)
	}
	var wroteEvents, wroteTalks, unchanged, kept, gone int
	summary := func() {
		fmt.Fprintf(e.stdout, "%s of %s written to %s (%s layout)", count(wroteTalks, "talk"), count(wroteEvents, "event"), *out, *layout)
		if unchanged > 0 {
			fmt.Fprintf(e.stdout, "; %s the same as before", count(unchanged, "file"))
		}
		if kept > 0 {
			fmt.Fprintf(e.stdout, "; %s differing from the import kept", count(kept, "file"))
		}
		if gone > 0 {
			fmt.Fprintf(e.stdout, "; %s of talks not in the schedule kept", count(gone, "file"))
		}
		if unrecorded > 0 {
			fmt.Fprintf(e.stdout, "; %s without a recording left out", count(unrecorded, "talk"))
		}
		fmt.Fprintln(e.stdout)
	}
	sigs := e.catchInterrupts()
	defer sigs.release()
	unmade := map[string]bool{} // the errors of directories that could not be made
	for _, f := range files {
		if sigs.interrupted() != nil {
			// Each file written is whole; say how many there are.
			summary()
			fmt.Fprintf(e.stderr, "talkmeta import: interrupted; %s is not all written\n", *out)
			return interruptedStatus(sigs.interrupted())
		}
		name := filepath.Join(*out, filepath.FromSlash(f.Path))
		// What the umask leaves of 0777, as mkdir(1) and site make
		// directories, and of 0666 for the files: a fixed 0755 kept a
		// group that shares its archive (umask 002) from adding to the
		// directories of files it may edit.
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			// Every file below a directory that cannot be made fails
			// on it alike ("OUT/ev: not a directory" for event.json
			// and for each talk in OUT/ev/talks): said once.
			if msg := err.Error(); !unmade[msg] {
				unmade[msg] = true
				report(err)
			}
			continue
		}
		// An archive is edited after its import (recordings, slides,
		// corrections), and imported again when the schedule changes:
		// a file that differs is kept unless -replace says the
		// import's is wanted. One larger than a record may be, or no
		// regular file (a pipe would keep the read waiting), differs
		// unread. Any other error reading it (a directory in its
		// place, a file that may not be read) is its own, and says so.
		// One of the same JSON values, spaced or ordered otherwise (an
		// editor's reformatting), is the same as before.
		before, err := readInput(name, max(int64(len(f.Data)), talk.Limits{}.RecordBytes()))
		var larger *osfs.TooLargeError
		var special *osfs.NotRegularError
		var where string
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err == nil && bytes.Equal(before, f.Data):
			unchanged++
			continue
		case err != nil && !errors.As(err, &larger) && !errors.As(err, &special):
			report(fmt.Errorf("%s: not written: %w", name, errs.WithoutPath(err)))
			continue
		case err == nil && sameValues(before, f.Data, &where):
			unchanged++
			continue
		case !*replace:
			kept++
			report(fmt.Errorf("%s: exists and differs from the import%s; kept (-replace replaces it)", name, where))
			continue
		}
		// A file that cannot be written (one made read-only) is
		// reported, and the others are written, as fmt -w goes on.
		if err := writeFileAtomic(name, f.Data); err != nil {
			report(err)
			continue
		}
		if f.isEvent {
			wroteEvents++
		} else {
			wroteTalks++
		}
	}
	if *layout == "talkmeta" {
		// A talk dropped from the schedule (cancelled, or given a new
		// ID) leaves its file behind; say so, as nothing else would.
		for _, name := range notImported(*out, files) {
			gone++
			fmt.Fprintf(e.stderr, "%s: no talk of the schedule has this file; kept (remove it if its talk was cancelled)\n", forTerminal(name))
		}
	}
	summary()
	return status
}

// notImported lists the talk files, in the talks directories of the
// events of files (the talkmeta layout) under out, that are none of
// files: those of talks an earlier import wrote that the schedule no
// longer has. The pyvideo layout leaves talks without a recording
// unwritten, so that a file there may be of a talk the schedule has.
func notImported(out string, files []importFile) []string {
	imported := map[string]bool{}
	var dirs []string
	for _, f := range files {
		imported[osfs.FoldName(f.Path)] = true
		dir := path.Dir(f.Path)
		if f.isEvent {
			dir = path.Join(dir, "talks")
		}
		if !slices.Contains(dirs, dir) {
			dirs = append(dirs, dir)
		}
	}
	var names []string
	for _, dir := range dirs {
		entries, err := os.ReadDir(filepath.Join(out, filepath.FromSlash(dir)))
		if err != nil {
			continue // no talks there: none left behind
		}
		for _, d := range entries {
			p := dir + "/" + d.Name()
			if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".json") && !imported[osfs.FoldName(p)] {
				names = append(names, filepath.Join(out, filepath.FromSlash(p)))
			}
		}
	}
	return names
}

// sameValues reports whether a file, before, holds the JSON values of
// data, the import's, spaced or ordered otherwise. When it does not, it
// sets where to " at" and the JSON pointers of the first three values
// that differ (a member changed, added or removed), so that the user
// sees whether the file was edited by hand or the schedule changed; ""
// when before is no JSON to compare.
func sameValues(before, data []byte, where *string) bool {
	depth := talk.Limits{}.Depth()
	a, err := jsonx.Decode(before, depth)
	if err != nil {
		return false
	}
	b, err := jsonx.Decode(data, depth)
	if err != nil {
		return false
	}
	var at []string
	jsonDiff("", a, b, &at)
	const shown = 3
	switch {
	case len(at) == 0:
		return true
	case len(at) > shown:
		*where = fmt.Sprintf(" at %s and %d more", strings.Join(at[:shown], ", "), len(at)-shown)
	default:
		*where = " at " + strings.Join(at, ", ")
	}
	return false
}

// jsonDiff appends to at the JSON pointers, under ptr, of the values
// that differ between a and b, generic JSON values as jsonx.Decode
// makes them (nil for one that is missing); "/" stands for the document
// itself.
func jsonDiff(ptr string, a, b any, at *[]string) {
	ma, aIsObject := a.(map[string]any)
	mb, bIsObject := b.(map[string]any)
	la, aIsArray := a.([]any)
	lb, bIsArray := b.([]any)
	switch {
	case aIsObject && bIsObject:
		keys := slices.Collect(maps.Keys(ma))
		for k := range mb {
			if _, ok := ma[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			jsonDiff(ptr+"/"+jsonx.PointerToken(k), ma[k], mb[k], at)
		}
	case aIsArray && bIsArray && len(la) == len(lb):
		for i := range la {
			jsonDiff(ptr+"/"+strconv.Itoa(i), la[i], lb[i], at)
		}
	case !reflect.DeepEqual(a, b):
		if ptr == "" {
			ptr = "/"
		}
		*at = append(*at, ptr)
	}
}

// eventPart says what of an event's the directory out is, where it is
// one: its directory (it holds its event.json or category.json), or its
// directory of talks; "" when it is neither. -o names the archive, and
// an event's directory given instead would get the event nested in it,
// which no reader finds.
func eventPart(out string) string {
	out = filepath.Clean(out)
	for _, n := range []layout.Names{layout.Talkmeta(), layout.Pyvideo()} {
		switch {
		case isRegular(filepath.Join(out, n.EventFile)):
			return "an event's directory (it holds " + n.EventFile + ")"
		case filepath.Base(out) == n.TalksDir && isRegular(filepath.Join(filepath.Dir(out), n.EventFile)):
			return "an event's directory of talks (" + n.TalksDir + "/ beside " + n.EventFile + ")"
		}
	}
	return ""
}

// archiveOf is the archive that holds out, an event's directory or its
// directory of talks (see eventPart).
func archiveOf(out string) string {
	out = filepath.Clean(out)
	if _, ok := layout.OfTalksDir(filepath.Base(out)); ok && eventPart(filepath.Dir(out)) != "" {
		return filepath.Dir(filepath.Dir(out))
	}
	return filepath.Dir(out)
}

// isRegular reports whether name is a regular file, or a link to one.
func isRegular(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.Mode().IsRegular()
}

// otherFrom says what a schedule, data, that -from could not read at
// all looks like instead, and which -from reads that, when it starts as
// the other kind does: JSON given to frab ("a JSON", "c3voc"), XML given
// to c3voc ("an XML", "frab"); "" and "" when it does not.
func otherFrom(from string, data []byte) (kind, other string) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	switch {
	case len(trimmed) == 0:
	case from == "frab" && (trimmed[0] == '{' || trimmed[0] == '['):
		return "a JSON", "c3voc"
	case from == "c3voc" && trimmed[0] == '<':
		return "an XML", "frab"
	}
	return "", ""
}

// scheduleLimit bounds the size of a schedule file: schedule.Reader's
// default, checked before the file is read.
const scheduleLimit = 64 << 20

// readSchedule reads a schedule file, or standard input for "-",
// refusing one over scheduleLimit with the error schedule.Reader gives,
// and a named pipe or a device, which could keep the import waiting or
// reading without end.
func (e *env) readSchedule(name string) ([]byte, error) {
	data, err := e.readArg(name, scheduleLimit)
	return data, limitError(err, scheduleLimit, "schedule size")
}

// importFile is a file to write, and whether it holds an event or a talk.
type importFile struct {
	pyvideo.File
	isEvent bool
}

// talkNames names each talk for messages: by its source file, which a
// message starts with, and in it by its ID, else its title, else its
// place ("camp.json: talk "5d6a..."", "camp.json: talk 3 (no ID or
// title)"). Talks of a RubyEvents directory have paths relative to src.
func talkNames(talks []*talk.Talk, src string, relative bool) []string {
	names := make([]string, len(talks))
	seen := map[string]int{}
	for i, t := range talks {
		p := t.Origin.Path
		if relative || p == "" {
			p = filepath.ToSlash(filepath.Join(src, filepath.FromSlash(p)))
		}
		seen[p]++
		switch {
		case t.ID != "":
			names[i] = fmt.Sprintf("%s: talk %q", p, t.ID)
		case t.Title != "":
			names[i] = fmt.Sprintf("%s: talk %q (no ID)", p, t.Title)
		default:
			names[i] = fmt.Sprintf("%s: talk %d (no ID or title)", p, seen[p])
		}
	}
	return names
}

// eventNames names each event for messages as talkNames names talks:
// "camp.json: event "camp2024"".
func eventNames(events []*talk.Event, src string, relative bool) []string {
	names := make([]string, len(events))
	for i, ev := range events {
		p := ev.Origin.Path
		if relative || p == "" {
			p = filepath.ToSlash(filepath.Join(src, filepath.FromSlash(p)))
		}
		names[i] = fmt.Sprintf("%s: event %q", p, ev.ID)
		if ev.ID == "" {
			names[i] = fmt.Sprintf("%s: event %q (no ID)", p, ev.Title)
		}
	}
	return names
}

// notWritten is the error of the record name, which a writer refused
// with err: where err places the problem in the record (a
// *talk.RecordError's pointer), the pointer and what is wrong, without
// the file the record was read from, which name gives, nor the writer's
// package ("talk: ", "pyvideo: "), which the user did not type.
// errors.As finds err in it.
func notWritten(name string, err error) error {
	msg := err.Error()
	var re *talk.RecordError
	if errors.As(err, &re) && re.Err != nil {
		msg = strings.TrimPrefix(strings.TrimPrefix(re.Err.Error(), "talk: "), "pyvideo: ")
		if re.Pointer != "" {
			msg = re.Pointer + ": " + msg
		}
	}
	return &errs.Worded{Msg: name + ": not written: " + msg, Cause: err}
}

// pyvideoFiles lays the recorded talks out in the pyvideo layout, naming
// on stderr the talks it leaves out: those without a video, and those
// pyvideo's form cannot hold.
func pyvideoFiles(e *env, talks []*talk.Talk, names []string, report func(error)) ([]importFile, error) {
	// Each talk left out is named in the order of talks; only those
	// pyvideo's form cannot hold are errors.
	left := make([]error, len(talks))
	refused := make([]bool, len(talks))
	var keep []*talk.Talk
	var at []int // the index in talks of each of keep
	for i, t := range talks {
		if len(t.Videos) == 0 {
			left[i] = fmt.Errorf("%s: not written: no recording yet, and a pyvideo archive holds recordings (-layout talkmeta keeps it)", names[i])
			continue
		}
		keep = append(keep, t)
		at = append(at, i)
	}
	pf, err := pyvideo.ArchiveFilesSkipping(keep, func(k int, err error) {
		i := at[k]
		left[i], refused[i] = notWritten(names[i], err), true
	})
	for i, err := range left {
		switch {
		case refused[i]:
			report(err)
		case err != nil:
			fmt.Fprintln(e.stderr, errorLine(err))
		}
	}
	if err != nil {
		return nil, err
	}
	files := make([]importFile, len(pf))
	for i, f := range pf {
		files[i] = importFile{f, path.Base(f.Path) == "category.json"}
	}
	return files, nil
}

// unwrapAll lists the problems an importer's error holds.
func unwrapAll(err error) []error {
	if err == nil {
		return nil
	}
	if l, ok := err.(interface{ Unwrap() []error }); ok {
		return l.Unwrap()
	}
	return []error{err}
}

// talkmetaFiles lays events and talks out in the talkmeta layout (see
// runImport), reporting a record it cannot write, by its name in
// eventNames or names, and going on with the others.
func talkmetaFiles(events []*talk.Event, eventNames []string, talks []*talk.Talk, names []string, report func(error)) []importFile {
	var files []importFile
	var dirs osfs.Names
	dirOf := map[string]string{}
	namesIn := map[string]*osfs.Names{}
	eventDir := func(ev *talk.Event) string {
		if d, ok := dirOf[ev.ID]; ok {
			return d
		}
		d := dirs.Unique(fileName(ev.ID, ev.Title))
		dirOf[ev.ID] = d
		namesIn[d] = &osfs.Names{}
		return d
	}
	for i, ev := range events {
		data, err := marshalIndent(ev)
		if err != nil {
			report(notWritten(eventNames[i], err))
			continue
		}
		files = append(files, importFile{pyvideo.File{Path: eventDir(ev) + "/event.json", Data: data}, true})
	}
	for i, t := range talks {
		c := *t
		c.Event = talk.Event{ID: t.Event.ID, Title: t.Event.Title, Series: t.Event.Series, Start: t.Event.Start,
			End: t.Event.End, TimeZone: t.Event.TimeZone, Place: t.Event.Place, URL: t.Event.URL}
		data, err := marshalIndent(c)
		if err != nil {
			report(notWritten(names[i], err))
			continue
		}
		dir := eventDir(&t.Event)
		name := namesIn[dir].Unique(fileName(t.ID, t.Title))
		files = append(files, importFile{pyvideo.File{Path: dir + "/talks/" + name + ".json", Data: data}, false})
	}
	return files
}

// maxNameLen bounds, in bytes, a file name fileName makes: with
// osfs.Names's suffix ("-9999") and ".json" it stays within
// schema.MaxNameBytes, which check holds an archive to, and eCryptfs's
// limit, where the 255 bytes most file systems allow are not.
const maxNameLen = schema.MaxNameBytes - len(".json") - len("-9999")

// fileName is id when it can be a file name as it is, on every system
// the archive may be copied to, else a slug of it (or of the title) of
// at most maxNameLen bytes. A control character (a newline, a tab, an
// escape) may be in a file's name, but would break or act on every line
// that names the file, of this command and of others (ls, find, grep);
// Windows refuses the characters \:*?"<>| and a device's name (CON,
// NUL, COM1, ..., with any extension), and drops a final '.' or space,
// so that "Camp." and "Camp" would be one directory there.
func fileName(id, title string) string {
	if id != "" && id != "." && id != ".." && path.Base(id) == id && !strings.HasPrefix(id, ".") &&
		!strings.ContainsAny(id, "\\:*?\"<>|\x00") && !strings.ContainsFunc(id, unicode.IsControl) &&
		len(id) <= maxNameLen && !strings.HasSuffix(id, ".") && !strings.HasSuffix(id, " ") && !isWindowsDevice(id) {
		return id
	}
	slug := talk.Slugger{MaxLength: maxNameLen}
	s := slug.Make(id)
	if s == "" {
		s = slug.Make(title)
	}
	if isWindowsDevice(s) {
		s += "_" // "con_", which Windows does not take for its console
	}
	return s
}

// isWindowsDevice reports whether Windows takes the file name for one of
// its devices: CON, PRN, AUX, NUL, COM0-9, LPT0-9 (with ¹²³ too), CONIN$
// and CONOUT$, in any case, whatever extension follows.
func isWindowsDevice(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.TrimRight(stem, " ")
	switch strings.ToUpper(stem) {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(stem) < 4 {
		return false
	}
	prefix, n := strings.ToUpper(stem[:3]), stem[3:]
	return (prefix == "COM" || prefix == "LPT") && (len(n) == 1 && '0' <= n[0] && n[0] <= '9' || n == "¹" || n == "²" || n == "³")
}

// marshalIndent writes v in talkmeta's canonical form: indented JSON
// with a final newline, "<", ">" and "&" as themselves (see
// talk.Talk.MarshalJSON), not as json.Marshal escapes them.
func marshalIndent(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		// The model's own error says where and what is at fault;
		// encoding/json's wrapping adds only the Go type's name.
		if me, ok := errors.AsType[*json.MarshalerError](err); ok {
			err = me.Err
		}
		return nil, err
	}
	return b.Bytes(), nil
}

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"strings"

	"github.com/talkmeta/talkmeta/internal/layout"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/schema"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// talks reads the talk files named by paths: files, directories of talk
// files, event directories, or archive directories holding events, in
// either layout:
//
//	pyvideo:  <event>/category.json and <event>/videos/<talk>.json
//	talkmeta: <event>/event.json and <event>/talks/<talk>.json (what import writes)
//
// The layout is decided for each event directory, by its directory of
// talks (videos/ or talks/), or without one by its event record
// (category.json or event.json), so that an archive may hold events of
// both; an event directory with both or neither is reported and not
// read. A directory named videos or talks is read as an event's talks. A
// talk file is read in the form of the directory of talks it is in, and
// outside one in the form whose reader takes it (see loneForm); a file
// named as an event record (category.json, event.json) is reported as
// one, not read as a talk.
//
// Directories are listed, never matched with patterns, so that a path
// may hold any character. Each record is read by [readRecord]. A record
// that cannot be read is yielded as an error and the iteration goes on;
// a path that gives neither a talk nor an error is reported as holding
// no talk records. Errors name files by the paths the user gave.
//
// The path "-" is one talk record read from e.stdin, as a talk file
// outside any event is read, and named stdinName; standard input is read
// once, and a second "-" is an error.
func (e *env) talks(paths []string) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		stdinRead := false
		for _, p := range paths {
			seq := pathTalks(p)
			if p == stdinArg {
				seq = e.stdinTalk(stdinRead)
				stdinRead = true
			}
			n := 0
			for t, err := range seq {
				n++
				if !yield(t, err) {
					return
				}
			}
			if n == 0 && !yield(nil, fmt.Errorf("%s: no talk records here", p)) {
				return
			}
		}
	}
}

// stdinTalk reads the talk record on e.stdin, unless it was read
// before.
func (e *env) stdinTalk(read bool) iter.Seq2[*talk.Talk, error] {
	if read {
		return failed(fmt.Errorf("%s: named twice; standard input holds one record, and it is read once", stdinName))
	}
	return func(yield func(*talk.Talk, error) bool) {
		limit := talk.Limits{}.RecordBytes()
		data, err := e.readArg(stdinArg, limit)
		if err != nil {
			yield(nil, limitError(err, limit, "record size"))
			return
		}
		t, _, err := parseLone(data, stdinName)
		if t != nil && t.Origin.Format == pyvideo.FormatName {
			// pyvideo's reader takes a talk's ID from its file's name,
			// and standard input has none.
			t.ID = ""
		}
		yield(t, err)
	}
}

// pathTalks reads what one path given by the user names.
func pathTalks(p string) iter.Seq2[*talk.Talk, error] {
	st, err := os.Stat(p)
	switch {
	case err != nil && isSymlink(p):
		// Read as a file, so that the error says where the link leads,
		// as it does of a link inside an event: "no such file or
		// directory" of a name the user sees listed says nothing.
		return talkFile(p)
	case err != nil:
		return failed(err)
	case !st.IsDir():
		return talkFile(p)
	}
	switch baseName(p) {
	case "videos":
		return talkDir(p, pyvideo.FormatName, nil)
	case "talks":
		return talkDir(p, talk.FormatName, nil)
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return failed(err)
	}
	if form := eventForm(p, entries); form != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			return failed(err)
		}
		return event(p, filepath.Dir(abs), filepath.Base(abs), form, entries)
	}
	return archiveTalks(p, entries)
}

// failed yields err alone.
func failed(err error) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) { yield(nil, err) }
}

// baseName is the last element of the directory p names, "videos" for
// "." in a videos directory. Only "." and ".." need the working
// directory to say it.
func baseName(p string) string {
	b := filepath.Base(p)
	if b == "." || b == ".." {
		if abs, err := filepath.Abs(p); err == nil {
			b = filepath.Base(abs)
		}
	}
	return b
}

// The forms eventForm tells apart, besides pyvideo.FormatName and
// talk.FormatName.
const (
	noEvent   = ""
	bothForms = "both"
)

// eventForm says how the directory dir, holding entries, keeps an
// event: pyvideo.FormatName or talk.FormatName, bothForms when it holds both
// layouts' directories of talks (or, without either, both event
// records), and noEvent when it holds neither layout's.
func eventForm(dir string, entries []fs.DirEntry) string {
	has := map[string]bool{}
	for _, e := range entries {
		switch name := e.Name(); name {
		case "videos", "talks":
			has[name] = isDir(filepath.Join(dir, name), e)
		case "category.json", "event.json":
			has[name] = true
		}
	}
	pick := func(py, tm string) string {
		switch {
		case has[py] && has[tm]:
			return bothForms
		case has[py]:
			return pyvideo.FormatName
		case has[tm]:
			return talk.FormatName
		}
		return noEvent
	}
	if form := pick("videos", "talks"); form != noEvent {
		return form
	}
	return pick("category.json", "event.json")
}

// isDir reports whether the directory entry e, at name, is a directory,
// following a symbolic link.
func isDir(name string, e fs.DirEntry) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return e.IsDir()
	}
	st, err := os.Stat(name)
	return err == nil && st.IsDir()
}

// archiveTalks reads the events of the archive dir, whose entries are
// given, in name order, each in its own layout. As pyvideo.Talks and
// check do, it passes over hidden entries (".git") and files that are
// no records (README, LICENSE), and reports a record file at the top,
// outside any event, which no verb would otherwise read, a symbolic link
// to nothing, where an event directory was likely meant, and a
// directory that is no event.
func archiveTalks(dir string, entries []fs.DirEntry) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		outside := ""
		for _, e := range entries {
			name := filepath.Join(dir, e.Name())
			if hidden(e.Name()) {
				continue
			}
			if !isDir(name, e) {
				var err error
				switch {
				case e.Type()&fs.ModeSymlink != 0 && !exists(name):
					_, err = readInput(name, 0) // says where the link leads
				case filepath.Ext(e.Name()) == ".json":
					if outside == "" {
						outside = archiveLayout(dir).Outside()
					}
					err = fmt.Errorf("%s: %s", name, outside)
				}
				if err != nil && !yield(nil, err) {
					return
				}
				continue
			}
			evEntries, err := os.ReadDir(name)
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			for t, err := range event(name, dir, e.Name(), eventForm(name, evEntries), evEntries) {
				if !yield(t, err) {
					return
				}
			}
		}
	}
}

// archiveLayout is the layout of the archive dir as check's -profile
// auto sees it: pyvideo's where it holds a pyvideo event, talkmeta's
// otherwise.
func archiveLayout(dir string) layout.Names {
	if profile, _ := checkProfile("auto", dir, true, nil); profile == schema.Pyvideo {
		return layout.Pyvideo()
	}
	return layout.Talkmeta()
}

// isSymlink reports whether name is a symbolic link, whether or not it
// leads anywhere.
func isSymlink(name string) bool {
	st, err := os.Lstat(name)
	return err == nil && st.Mode()&fs.ModeSymlink != 0
}

// exists reports whether name, followed if it is a symbolic link, is
// there.
func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// formNames returns the names the layout of form (pyvideo.FormatName,
// talk.FormatName) gives an event's record and its directory of talks.
func formNames(form string) layout.Names {
	if form == pyvideo.FormatName {
		return layout.Pyvideo()
	}
	return layout.Talkmeta()
}

func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// event reads the event directory the user names dir, which is the
// directory name in parent, in the given form; entries are its entries.
func event(dir, parent, name, form string, entries []fs.DirEntry) iter.Seq2[*talk.Talk, error] {
	switch form {
	case pyvideo.FormatName:
		return pyvideoEvent(dir, parent, name)
	case talk.FormatName:
		return talkmetaEvent(dir, entries)
	case bothForms:
		return failed(fmt.Errorf("%s: holds both a pyvideo event (category.json, videos/) and a talkmeta one (event.json, talks/); not read", dir))
	}
	if !osfs.HoldsJSON(osfs.DirFS(dir), ".") {
		return func(func(*talk.Talk, error) bool) {} // tools, notes: no records, as check sees it
	}
	return failed(fmt.Errorf("%s: %s", dir, layout.NotAnEvent(layout.Pyvideo(), layout.Talkmeta())))
}

// pyvideoEvent reads a pyvideo event with the library's reader, naming
// its files from dir, as the user names the event.
func pyvideoEvent(dir, parent, name string) iter.Seq2[*talk.Talk, error] {
	userPath := func(p string) string {
		if rest, ok := strings.CutPrefix(p, name+"/"); ok {
			return filepath.Join(dir, filepath.FromSlash(rest))
		}
		if p == name {
			return dir
		}
		return filepath.Join(parent, filepath.FromSlash(p))
	}
	return func(yield func(*talk.Talk, error) bool) {
		for t, err := range pyvideo.EventTalks(osfs.DirFS(parent), name) {
			if t != nil {
				t.Origin.Path = filepath.ToSlash(userPath(t.Origin.Path))
			}
			rename(err, userPath)
			if !yield(t, err) {
				return
			}
		}
	}
}

// rename names the files in err, which fs.FS-relative paths name, as
// userPath names them: each error of err's tree that names a file
// (*talk.RecordError, *pyvideo.LayoutError, *osfs.NotRegularError,
// *fs.PathError) is changed in place, and what wraps it words it anew
// when asked, as the library's errors do (talk.ErrorList,
// *talk.RecordError, errs.Prefixed). An error inside one that names a
// file is left alone: it is worded without the name, or not at all.
func rename(err error, userPath func(string) string) {
	switch e := err.(type) {
	case nil:
	case *talk.RecordError:
		e.Path = filepath.ToSlash(userPath(e.Path))
	case *pyvideo.LayoutError:
		e.Path = filepath.ToSlash(userPath(e.Path))
	case *osfs.NotRegularError:
		e.Name = userPath(e.Name)
	case *fs.PathError:
		e.Path = userPath(e.Path)
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			rename(inner, userPath)
		}
	default:
		rename(errors.Unwrap(err), userPath)
	}
}

// talkmetaEvent reads an event directory written by import: the talks
// carry a slim copy of their event, which event.json completes.
func talkmetaEvent(dir string, entries []fs.DirEntry) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		hasEvent := false
		for _, e := range entries {
			switch e.Name() {
			case "event.json":
				hasEvent = true
			case "talks":
			default:
				if !hidden(e.Name()) && !yield(nil, fmt.Errorf("%s: %s", filepath.Join(dir, e.Name()), layout.Talkmeta().InEvent())) {
					return
				}
			}
		}
		var ev *talk.Event
		if hasEvent {
			var err error
			if ev, err = readEvent(filepath.Join(dir, "event.json"), talk.FormatName); err != nil {
				if !yield(nil, err) {
					return
				}
				// Reported once: talkDir is not to read it again.
				ev = &talk.Event{}
			}
		} else if !yield(nil, fmt.Errorf("%s: %s", dir, layout.Talkmeta().NoEventFile())) {
			return
		}
		talks := filepath.Join(dir, "talks")
		if _, err := os.Stat(talks); err != nil {
			yield(nil, fmt.Errorf("%s: %s", dir, layout.Talkmeta().NoTalksDir()))
			return
		}
		for t, err := range talkDir(talks, talk.FormatName, ev) {
			if !yield(t, err) {
				return
			}
		}
	}
}

// talkDir reads a directory of talk files in the given form, videos/ in
// a pyvideo event and talks/ in a talkmeta one. Their event is ev, or
// when ev is nil, the one in the event record beside dir, if there is
// one.
func talkDir(dir, form string, ev *talk.Event) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			yield(nil, err)
			return
		}
		if ev == nil {
			if ev, err = eventBeside(dir, form); err != nil && !yield(nil, err) {
				return
			}
		}
		for _, e := range entries {
			name := filepath.Join(dir, e.Name())
			switch {
			case hidden(e.Name()):
				continue
			case filepath.Ext(e.Name()) != ".json" || isDir(name, e):
				err := fmt.Errorf("%s: %s", name, formNames(form).InTalks())
				if !yield(nil, err) {
					return
				}
				continue
			}
			t, err := readTalk(name, form)
			setEvent(t, ev)
			if !yield(t, err) {
				return
			}
		}
	}
}

// setEvent gives t, when there is one, the event ev read from beside
// its file, with a map of Extra of its own, as the library's readers give
// each talk: talks that shared one would change each other's.
func setEvent(t *talk.Talk, ev *talk.Event) {
	if t == nil || ev == nil {
		return
	}
	t.Event = *ev
	t.Event.Extra = maps.Clone(ev.Extra)
}

// talkFile reads one talk file, in pyvideo's form unless it is in a
// talks/ directory, with its event from the event record of its event
// directory when it is in one. A file named as an event record is
// reported as one, not read as a talk.
func talkFile(name string) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		if eventRecordForm(name) != "" {
			// Its event's title and an unknown member or two would
			// read as a talk: a talk that is not there.
			yield(nil, fmt.Errorf("%s: an event record, not a talk record; name its event's directory, %s, to read the event's talks", name, filepath.Dir(name)))
			return
		}
		form := pyvideo.FormatName
		dir := filepath.Dir(name)
		switch baseName(dir) {
		case "talks":
			form = talk.FormatName
		case "videos":
		default:
			data, err := readRecord(name)
			if err != nil {
				yield(nil, err)
				return
			}
			t, _, err := parseLone(data, name)
			yield(t, err)
			return
		}
		ev, err := eventBeside(dir, form)
		if err != nil && !yield(nil, err) {
			return
		}
		t, err := readTalk(name, form)
		setEvent(t, ev)
		yield(t, err)
	}
}

// eventRecordForm is the form of the event record that the file name is
// by its name, category.json (pyvideo.FormatName) or event.json
// (talk.FormatName), or "" for a file named otherwise.
func eventRecordForm(name string) string {
	switch filepath.Base(name) {
	case "category.json":
		return pyvideo.FormatName
	case "event.json":
		return talk.FormatName
	}
	return ""
}

// eventBeside reads the event record of the event that the directory of
// talks dir belongs to, category.json or event.json beside it. It
// returns a nil event and no error when there is none.
func eventBeside(dir, form string) (*talk.Event, error) {
	name := eventRecordBeside(dir, form)
	if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return readEvent(name, form)
}

// eventRecordBeside names the event record of the event that the
// directory of talks dir, in the given form, belongs to, whether or not
// there is one.
func eventRecordBeside(dir, form string) string {
	file := "category.json"
	if form == talk.FormatName {
		file = "event.json"
	}
	return filepath.Join(dir, "..", file)
}

// talkEventRecord names the event record of the event that the talk t,
// read from a file in an event's directory of talks, belongs to, when
// there is one; "" for a talk outside one, or of an event without one.
func talkEventRecord(t *talk.Talk) string {
	dir := filepath.Dir(filepath.FromSlash(t.Origin.Path))
	switch {
	case baseName(dir) == "videos" && t.Origin.Format == pyvideo.FormatName,
		baseName(dir) == "talks" && t.Origin.Format == talk.FormatName:
	default:
		return ""
	}
	name := eventRecordBeside(dir, t.Origin.Format)
	if _, err := os.Lstat(name); err != nil {
		return ""
	}
	return name
}

// parseLone reads the record data of the talk file name outside any
// event's directory of talks, where its place says nothing of its form,
// and says which form it is: the one whose reader takes it. When both
// take it, it is the one that knows more of it, with fewer members kept
// as unknown: a pyvideo record without speakers or a duration reads as a
// talkmeta talk too, with its thumbnail_url and the type of its videos
// unknown, and would be written back in talkmeta's form, "eng" as "en".
// When neither reader takes it, it is the form whose reader read further
// into it before it found a fault, as the form the record is likelier
// written in; that reader's errors are the ones reported. So a pyvideo
// record with one mistake late in it is not reported for the speakers
// talkmeta's form would write as objects. Ties go to talkmeta's form.
func parseLone(data []byte, name string) (*talk.Talk, string, error) {
	t, err := parseTalk(data, name, talk.FormatName)
	pt, perr := parseTalk(data, name, pyvideo.FormatName)
	switch {
	case err == nil && perr == nil && unknown(pt) < unknown(t),
		err != nil && (perr == nil || readFurther(perr, err)):
		return pt, pyvideo.FormatName, perr
	}
	return t, talk.FormatName, err
}

// unknown counts the members of t's record that its reader kept as
// extras, the talk's and its speakers', videos' and event's.
func unknown(t *talk.Talk) int {
	n := len(t.Extra) + len(t.Event.Extra)
	for _, s := range t.Speakers {
		n += len(s.Extra)
	}
	for _, v := range t.Videos {
		n += len(v.Extra)
	}
	return n
}

// readFurther reports whether the error a placed its fault further into
// its record than the error b placed its.
func readFurther(a, b error) bool {
	var ra, rb *talk.RecordError
	if !errors.As(a, &ra) || !errors.As(b, &rb) {
		return false
	}
	return ra.Line > rb.Line || ra.Line == rb.Line && ra.Column > rb.Column
}

// loneForm is the form parseLone finds for data, the record of the talk
// file name, for check.
func loneForm(data []byte, name string) string {
	_, form, _ := parseLone(data, name)
	return form
}

// readTalk reads the talk file name in the given form.
func readTalk(name, form string) (*talk.Talk, error) {
	data, err := readRecord(name)
	if err != nil {
		return nil, err
	}
	return parseTalk(data, name, form)
}

// parseTalk reads data, the record of the talk file name, in the given
// form.
func parseTalk(data []byte, name, form string) (*talk.Talk, error) {
	if form == talk.FormatName {
		return talk.ParseJSON(data, filepath.ToSlash(name))
	}
	t, err := pyvideo.ParseTalk(data, filepath.ToSlash(name))
	if t != nil && name != stdinName {
		// What pyvideo's reader takes for the event's ID, however the
		// user names the directory.
		t.Event.ID = eventID(name)
	}
	return t, err
}

// readEvent reads the event record name in the given form.
func readEvent(name, form string) (*talk.Event, error) {
	data, err := readRecord(name)
	if err != nil {
		return nil, err
	}
	if form == talk.FormatName {
		return talk.ParseEventJSON(data, filepath.ToSlash(name))
	}
	ev, err := pyvideo.ParseEvent(data, filepath.ToSlash(name))
	if ev != nil {
		ev.ID = eventID(name)
	}
	return ev, err
}

// eventID is the name of the event directory of a pyvideo record file:
// the directory holding the file, or holding the videos/ directory that
// holds it.
func eventID(name string) string {
	dir := filepath.Dir(name)
	if baseName(dir) == "videos" {
		dir = filepath.Join(dir, "..")
	}
	if b := baseName(dir); b != string(filepath.Separator) && b != "." {
		return b
	}
	return ""
}

// readRecord reads a record file, the one way every verb here reads one,
// as the library's readers read theirs: one over the record size limit
// is refused before it is read, and a named pipe or a device, which
// could keep the reader waiting or reading without end, is not read.
// Errors name the file as name does.
func readRecord(name string) ([]byte, error) {
	return readLimited(name, talk.Limits{}.RecordBytes(), "record size")
}

package pyvideo

import (
	"errors"
	"io/fs"
	"iter"
	"maps"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/layout"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
)

// LayoutError reports a file or directory that does not belong where it is
// in a pyvideo archive, such as a talk outside a videos directory or an
// event without a category.json. Its Reason is worded as schema's
// CheckArchive words the same fault.
type LayoutError struct {
	Path   string // slash-separated path within the archive
	Reason string // what is out of place, and what belongs there
}

// Error formats the error as "pyvideo: path: reason".
func (e *LayoutError) Error() string { return "pyvideo: " + e.Path + ": " + e.Reason }

// Talks returns an iterator over the talks of a pyvideo archive in fsys:
//
//	<event>/category.json        the event
//	<event>/videos/<name>.json   one talk of it
//
// Events come in directory-name order and each event's talks in file-name
// order, whatever the concurrency. Each talk carries its event (from
// category.json) and its [talk.Talk.ID] (the file name).
//
// Files are read and decoded by several goroutines ahead of the consumer,
// but only a bounded number at a time, so memory does not grow with the
// size of the archive. A record that cannot be read is yielded as a nil
// talk with an error naming it (a [*talk.RecordError], or a
// [*LayoutError] for a file out of place, or an [fs.PathError]), and the
// iteration goes on: nothing is skipped silently. Hidden files and
// directories (".git", ".DS_Store", "._x.json") are not part of the
// archive and are passed over, as are files at the top level other
// than records (README, LICENSE) and directories there that hold no
// .json file (tools/). A directory at the top with neither category.json
// nor videos/ but with records, a record at the top, and a symbolic link
// that cannot be followed are reported, as schema's CheckArchive
// reports them.
//
// When fsys is itself one event's directory (it holds category.json or
// videos/), its talks are read, as [EventTalks] reads them with dir ".",
// and as schema's CheckArchive checks such a directory.
//
// Stopping the loop early stops the readers. A nil fsys yields one
// error.
func Talks(fsys fs.FS) iter.Seq2[*talk.Talk, error] { return Reader{}.Talks(fsys) }

// EventTalks is like [Talks] for the one event in directory dir of fsys
// (a slash-separated path such as "europython-2016"). dir may be "." for
// an fsys rooted at the event's directory; the event's [talk.Event.ID],
// its directory's name, is then "", as such an fsys does not know it.
func EventTalks(fsys fs.FS, dir string) iter.Seq2[*talk.Talk, error] {
	return Reader{}.EventTalks(fsys, dir)
}

// Talks is like the package's [Talks], with r's limits. A file larger than
// the record size limit is reported without being read.
func (r Reader) Talks(fsys fs.FS) iter.Seq2[*talk.Talk, error] {
	return r.read(fsys, func(emit func(job) bool) {
		entries, err := osfs.ReadDir(fsys, ".")
		if err != nil {
			emit(failed(&errs.Prefixed{Prefix: "pyvideo: ", Err: err}))
			return
		}
		if isEvent(fsys, ".", entries) {
			r.eventEntries(fsys, ".", entries, emit) // fsys is one event
			return
		}
		for _, e := range entries {
			name := e.Name()
			var err error
			switch {
			case hidden(name):
			case osfs.Is(fsys, name, e, fs.FileMode.IsDir):
				if !r.topDir(fsys, name, emit) {
					return
				}
			case e.Type()&fs.ModeSymlink != 0:
				// A link to nothing, where an event directory was
				// likely meant, must not hide the event.
				if _, err = osfs.Stat(fsys, name); err != nil {
					err = &errs.Prefixed{Prefix: "pyvideo: ", Err: err}
				} else if path.Ext(name) == ".json" {
					err = &LayoutError{Path: name, Reason: layout.Pyvideo().Outside()}
				}
			case path.Ext(name) == ".json":
				err = &LayoutError{Path: name, Reason: layout.Pyvideo().Outside()}
			}
			if err != nil && !emit(failed(err)) {
				return
			}
		}
	})
}

// topDir lists a directory at an archive's top: an event when it holds
// category.json or videos/, a mistake when it holds other JSON files,
// and none of the archive's business otherwise (a tools/ directory), as
// schema's CheckArchive tells them apart. It returns false when emit
// does.
func (r Reader) topDir(fsys fs.FS, dir string, emit func(job) bool) bool {
	entries, err := osfs.ReadDir(fsys, dir)
	switch {
	case err != nil:
		return emit(failed(&errs.Prefixed{Prefix: "pyvideo: ", Err: err}))
	case isEvent(fsys, dir, entries):
		return r.eventEntries(fsys, dir, entries, emit)
	case osfs.HoldsJSON(fsys, dir):
		return emit(failed(&LayoutError{Path: dir, Reason: layout.NotAnEvent(layout.Pyvideo())}))
	}
	return true
}

// isEvent reports whether entries, those of directory dir of fsys, are
// an event's: whether they hold category.json or a videos directory.
func isEvent(fsys fs.FS, dir string, entries []fs.DirEntry) bool {
	for _, e := range entries {
		if e.Name() == "category.json" && !e.IsDir() || e.Name() == "videos" && osfs.Is(fsys, path.Join(dir, e.Name()), e, fs.FileMode.IsDir) {
			return true
		}
	}
	return false
}

// EventTalks is like the package's [EventTalks], with r's limits.
func (r Reader) EventTalks(fsys fs.FS, dir string) iter.Seq2[*talk.Talk, error] {
	return r.read(fsys, func(emit func(job) bool) { r.eventJobs(fsys, dir, emit) })
}

// A job is one thing an archive's reader yields, in its turn: a talk
// file to read and decode, for its event, or an error found while
// listing the archive.
type job struct {
	path  string      // the talk file; "" for an error
	event *talk.Event // the talk's event
	err   error
}

func failed(err error) job { return job{err: err} }

// eventJobs lists one event directory: its category.json, read at once,
// then its talk files, to be read by read's goroutines. It returns false
// when emit does, the consumer having stopped.
func (r Reader) eventJobs(fsys fs.FS, dir string, emit func(job) bool) bool {
	entries, err := osfs.ReadDir(fsys, dir)
	if err != nil {
		return emit(failed(&errs.Prefixed{Prefix: "pyvideo: ", Err: err}))
	}
	return r.eventEntries(fsys, dir, entries, emit)
}

// eventEntries is eventJobs for the entries of dir, listed already.
func (r Reader) eventEntries(fsys fs.FS, dir string, entries []fs.DirEntry, emit func(job) bool) bool {
	event := &talk.Event{ID: path.Base(dir)}
	prefix := dir + "/" // of the paths within dir, as fs.FS names them
	if dir == "." {
		event.ID, prefix = "", "" // as ParseEvent and ParseTalk give it for such paths
	}
	hasVideos, hasCategory := false, false
	for _, e := range entries {
		name, p := e.Name(), prefix+e.Name()
		switch {
		case hidden(name):
		case name == "category.json" && !e.IsDir():
			hasCategory = true
			data, err := r.readFile(fsys, p)
			if err == nil {
				var ev *talk.Event
				if ev, err = r.ParseEvent(data, p); err == nil {
					event = ev
				}
			}
			if err != nil && !emit(failed(err)) {
				return false
			}
		case name == "category.json":
			hasCategory = true // said once, here, not also as missing
			if !emit(failed(&LayoutError{Path: p, Reason: layout.Pyvideo().EventFileNotFile()})) {
				return false
			}
		case name == "videos" && osfs.Is(fsys, p, e, fs.FileMode.IsDir):
			hasVideos = true
		case name == "videos":
			// A file, or a link to one; a link to nothing says so.
			var err error = &LayoutError{Path: p, Reason: layout.Pyvideo().TalksDirNotDir()}
			if _, serr := osfs.Stat(fsys, p); e.Type()&fs.ModeSymlink != 0 && serr != nil {
				err = &errs.Prefixed{Prefix: "pyvideo: ", Err: serr}
			}
			if !emit(failed(err)) {
				return false
			}
		default:
			if !emit(failed(&LayoutError{Path: p, Reason: layout.Pyvideo().InEvent()})) {
				return false
			}
		}
	}
	if !hasCategory {
		if !emit(failed(&LayoutError{Path: dir, Reason: layout.Pyvideo().NoEventFile()})) {
			return false
		}
	}
	if !hasVideos {
		return true
	}
	files, err := osfs.ReadDir(fsys, prefix+"videos")
	if err != nil {
		return emit(failed(&errs.Prefixed{Prefix: "pyvideo: ", Err: err}))
	}
	for _, f := range files {
		p := prefix + "videos/" + f.Name()
		j := job{path: p, event: event}
		switch {
		case hidden(f.Name()):
			continue
		case osfs.Is(fsys, p, f, fs.FileMode.IsDir):
			// A directory is no record, whatever its name (nor is a
			// link to one, "up.json" to ".."), as schema's
			// CheckArchive says: reading it failed in the file
			// system's words, "invalid argument", or "is a
			// directory" with its whole path on disk.
			j = failed(&LayoutError{Path: p, Reason: layout.Pyvideo().InTalks()})
		}
		if !emit(j) {
			return false
		}
	}
	return true
}

type result struct {
	talk *talk.Talk
	err  error
}

// read yields what list emits, in its order: the errors as they are,
// the talk files read and decoded by a pool of readers. list runs in a
// goroutine of its own, ahead of the consumer and across events, so that
// no CPU waits for an event's last file or the next event's listing; it
// stays at most a window of jobs ahead, sixteen for each CPU, which
// bounds memory. Stopping the loop stops list and the readers.
func (r Reader) read(fsys fs.FS, list func(emit func(job) bool)) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		if fsys == nil {
			// The listing goroutine would panic on it, where no
			// caller can recover.
			yield(nil, errors.New("pyvideo: nil fs.FS"))
			return
		}
		// Four readers for each CPU, and a window four times as wide: a
		// reader waits on the file system and on its turn to hand over,
		// and with one reader a CPU and a window of four jobs a CPU the
		// decode of the shared corpus kept 1.3 of two CPUs busy and took
		// 0.22 s; as here, 0.15-0.18 s (examples/bench, decode stage).
		// Fewer readers or a narrower window gave back most of that, and
		// more readers than this, nothing.
		workers := 4 * runtime.GOMAXPROCS(0)
		window := 4 * workers
		type work struct {
			job
			out chan<- result
		}
		next := make(chan work)
		order := make(chan chan result, window) // each job's result, in list's order
		credit := make(chan struct{}, window)
		done := make(chan struct{})
		var wg sync.WaitGroup
		defer func() {
			close(done)
			wg.Wait()
		}()
		for range workers {
			wg.Go(func() {
				for w := range next {
					res := r.readTalk(fsys, w.path)
					if res.talk != nil {
						// Each talk its own Extra map: siblings that
						// shared one changed each other's (and raced,
						// being handed to other goroutines). Raw is
						// shared as it is: ParseEvent clipped it, so
						// an append to it copies.
						res.talk.Event = *w.event
						res.talk.Event.Extra = maps.Clone(w.event.Extra)
					}
					w.out <- res
				}
			})
		}
		wg.Go(func() {
			defer close(order)
			defer close(next)
			list(func(j job) bool {
				select {
				case credit <- struct{}{}:
				case <-done:
					return false
				}
				out := make(chan result, 1) // buffered: no worker is left blocked
				if j.path == "" {
					out <- result{err: j.err}
				} else {
					select {
					case next <- work{j, out}:
					case <-done:
						return false
					}
				}
				order <- out // never blocks: credit keeps order's room
				return true
			})
		})
		for out := range order {
			res := <-out
			<-credit
			if !yield(res.talk, res.err) {
				return
			}
		}
	}
}

func (r Reader) readTalk(fsys fs.FS, p string) result {
	if path.Ext(p) != ".json" {
		return result{err: &LayoutError{Path: p, Reason: layout.Pyvideo().InTalks()}}
	}
	data, err := r.readFile(fsys, p)
	if err != nil {
		return result{err: err}
	}
	t, err := r.ParseTalk(data, p)
	return result{talk: t, err: err}
}

// readFile reads a file unless it is larger than the record size limit.
func (r Reader) readFile(fsys fs.FS, p string) ([]byte, error) {
	data, err := osfs.ReadFile(fsys, p, r.Limits.RecordBytes())
	var large *osfs.TooLargeError
	switch {
	case errors.As(err, &large):
		return nil, &talk.RecordError{Path: p, Err: &talk.LimitError{What: "record size", Limit: large.Limit, Got: max(large.Size, 0)}}
	case err != nil:
		return nil, &errs.Prefixed{Prefix: "pyvideo: ", Err: err}
	}
	return data, nil
}

func hidden(name string) bool { return strings.HasPrefix(name, ".") }

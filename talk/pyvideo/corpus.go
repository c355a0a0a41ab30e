package pyvideo

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
)

// LayoutError reports a file or directory that does not belong where it is
// in a pyvideo archive, such as a talk outside a videos directory or an
// event without a category.json.
type LayoutError struct {
	Path   string // slash-separated path within the archive
	Reason string
}

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
// directories (".git") and regular files at the top level (README,
// LICENSE) are not part of the archive and are passed over.
//
// Stopping the loop early stops the readers.
func Talks(fsys fs.FS) iter.Seq2[*talk.Talk, error] { return Reader{}.Talks(fsys) }

// EventTalks is like [Talks] for the one event in directory dir of fsys
// (a slash-separated path such as "europython-2016").
func EventTalks(fsys fs.FS, dir string) iter.Seq2[*talk.Talk, error] {
	return Reader{}.EventTalks(fsys, dir)
}

// Talks is like the package's [Talks], with r's limits. A file larger than
// the record size limit is reported without being read.
func (r Reader) Talks(fsys fs.FS) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		events, err := fs.ReadDir(fsys, ".")
		if err != nil {
			yield(nil, fmt.Errorf("pyvideo: %w", err))
			return
		}
		for _, ev := range events {
			if hidden(ev.Name()) || !osfs.Is(fsys, ev.Name(), ev, fs.FileMode.IsDir) {
				continue
			}
			if !r.eventTalks(fsys, ev.Name(), yield) {
				return
			}
		}
	}
}

// EventTalks is like the package's [EventTalks], with r's limits.
func (r Reader) EventTalks(fsys fs.FS, dir string) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) { r.eventTalks(fsys, dir, yield) }
}

// eventTalks yields the talks of one event directory; it returns false
// when the consumer stopped.
func (r Reader) eventTalks(fsys fs.FS, dir string, yield func(*talk.Talk, error) bool) bool {
	event := talk.Event{ID: path.Base(dir)}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return yield(nil, fmt.Errorf("pyvideo: %w", err))
	}
	hasVideos, hasCategory := false, false
	for _, e := range entries {
		name, p := e.Name(), dir+"/"+e.Name()
		switch {
		case hidden(name):
		case name == "category.json" && !e.IsDir():
			hasCategory = true
			data, err := r.readFile(fsys, p)
			if err == nil {
				var ev *talk.Event
				if ev, err = r.ParseEvent(data, p); err == nil {
					event = *ev
				}
			}
			if err != nil && !yield(nil, err) {
				return false
			}
		case name == "videos" && osfs.Is(fsys, p, e, fs.FileMode.IsDir):
			hasVideos = true
		default:
			if !yield(nil, &LayoutError{Path: p, Reason: "unexpected in an event directory (want category.json and videos/)"}) {
				return false
			}
		}
	}
	if !hasCategory {
		if !yield(nil, &LayoutError{Path: dir, Reason: "event directory has no category.json"}) {
			return false
		}
	}
	if !hasVideos {
		return true
	}
	files, err := fs.ReadDir(fsys, dir+"/videos")
	if err != nil {
		return yield(nil, fmt.Errorf("pyvideo: %w", err))
	}
	var names []string
	for _, f := range files {
		if !hidden(f.Name()) {
			names = append(names, dir+"/videos/"+f.Name())
		}
	}
	for res := range r.readAll(fsys, names) {
		if res.talk != nil {
			res.talk.Event = event
		}
		if !yield(res.talk, res.err) {
			return false
		}
	}
	return true
}

type result struct {
	talk *talk.Talk
	err  error
}

// readAll parses the talk files at paths with a few goroutines and yields
// the results in the order of paths. At most a small window of results
// waits unread, which bounds memory.
func (r Reader) readAll(fsys fs.FS, paths []string) iter.Seq[result] {
	return func(yield func(result) bool) {
		workers := runtime.GOMAXPROCS(0)
		window := 4 * workers
		slots := make([]chan result, len(paths))
		for i := range slots {
			slots[i] = make(chan result, 1)
		}
		next := make(chan int)
		done := make(chan struct{})
		var wg sync.WaitGroup
		defer func() {
			close(done)
			wg.Wait()
		}()
		for range workers {
			wg.Go(func() {
				for i := range next {
					slots[i] <- r.readTalk(fsys, paths[i])
				}
			})
		}
		// The feeder keeps at most window files ahead of the consumer.
		credit := make(chan struct{}, window)
		wg.Go(func() {
			defer close(next)
			for i := range paths {
				select {
				case credit <- struct{}{}:
				case <-done:
					return
				}
				select {
				case next <- i:
				case <-done:
					return
				}
			}
		})
		for i := range paths {
			res := <-slots[i]
			<-credit
			if !yield(res) {
				return // slots are buffered: no worker is left blocked
			}
		}
	}
}

func (r Reader) readTalk(fsys fs.FS, p string) result {
	if path.Ext(p) != ".json" {
		return result{err: &LayoutError{Path: p, Reason: "unexpected in a videos directory (want <talk>.json files only)"}}
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
		return nil, fmt.Errorf("pyvideo: %w", err)
	}
	return data, nil
}

func hidden(name string) bool { return strings.HasPrefix(name, ".") }

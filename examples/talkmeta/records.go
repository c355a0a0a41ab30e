package main

import (
	"errors"
	"io/fs"
	"iter"
	"os"
	"path/filepath"

	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// talks reads the talk files named by paths: files, event directories, or
// archive directories holding events, in either layout:
//
//	pyvideo:  <event>/category.json and <event>/videos/<talk>.json
//	talkmeta: <event>/event.json and <event>/talks/<talk>.json (what import writes)
//
// Errors name files by the path the user gave.
func talks(paths []string) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			var seq iter.Seq2[*talk.Talk, error]
			root := p
			switch {
			case !st.IsDir() && filepath.Base(filepath.Dir(p)) == "talks":
				seq = readTalkmetaFiles([]string{p})
				root = ""
			case !st.IsDir():
				seq = oneFile(p)
				root = ""
			case exists(filepath.Join(p, "event.json")):
				seq = talkmetaEvent(p)
				root = ""
			case isTalkmetaArchive(p):
				seq = talkmetaArchive(p)
				root = ""
			case exists(filepath.Join(p, "category.json")):
				root = filepath.Dir(filepath.Clean(p))
				seq = pyvideo.EventTalks(osfs.DirFS(root), filepath.Base(filepath.Clean(p)))
			default:
				seq = pyvideo.Talks(osfs.DirFS(p))
			}
			for t, err := range seq {
				if t != nil && root != "" {
					t.Origin.Path = filepath.ToSlash(filepath.Join(root, filepath.FromSlash(t.Origin.Path)))
				}
				if !yield(t, withRoot(root, err)) {
					return
				}
			}
		}
	}
}

func oneFile(p string) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		data, err := os.ReadFile(p)
		if err != nil {
			yield(nil, err)
			return
		}
		t, err := pyvideo.ParseTalk(data, filepath.ToSlash(p))
		if err == nil {
			// A talk file in an archive finds its event beside it.
			cat := filepath.Join(filepath.Dir(filepath.Dir(p)), "category.json")
			if data, cerr := os.ReadFile(cat); cerr == nil {
				if e, cerr := pyvideo.ParseEvent(data, filepath.ToSlash(cat)); cerr == nil {
					t.Event = *e
				}
			}
		}
		yield(t, err)
	}
}

// withRoot makes the paths in err relative to the working directory
// rather than to the archive root.
func withRoot(root string, err error) error {
	if err == nil || root == "" {
		return err
	}
	var re *talk.RecordError
	var le *pyvideo.LayoutError
	switch {
	case errors.As(err, &re):
		re.Path = filepath.Join(root, filepath.FromSlash(re.Path))
	case errors.As(err, &le):
		le.Path = filepath.Join(root, filepath.FromSlash(le.Path))
	}
	return err
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// isTalkmetaArchive reports whether dir holds events in talkmeta's layout.
func isTalkmetaArchive(dir string) bool {
	m, _ := filepath.Glob(filepath.Join(dir, "*", "event.json"))
	return len(m) > 0
}

func talkmetaArchive(dir string) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		events, _ := filepath.Glob(filepath.Join(dir, "*", "event.json"))
		for _, ev := range events {
			for t, err := range talkmetaEvent(filepath.Dir(ev)) {
				if !yield(t, err) {
					return
				}
			}
		}
	}
}

// talkmetaEvent reads an event directory written by import: the talks
// carry a slim copy of their event, which event.json completes.
func talkmetaEvent(dir string) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		name := filepath.Join(dir, "event.json")
		data, err := readRecord(name)
		var event *talk.Event
		if err == nil {
			event, err = talk.ParseEventJSON(data, filepath.ToSlash(name))
		}
		if err != nil && !yield(nil, err) {
			return
		}
		files, _ := filepath.Glob(filepath.Join(dir, "talks", "*.json"))
		for t, err := range readTalkmetaFiles(files) {
			if t != nil && event != nil {
				t.Event = *event
			}
			if !yield(t, err) {
				return
			}
		}
	}
}

func readTalkmetaFiles(files []string) iter.Seq2[*talk.Talk, error] {
	return func(yield func(*talk.Talk, error) bool) {
		for _, f := range files {
			data, err := readRecord(f)
			var t *talk.Talk
			if err == nil {
				t, err = talk.ParseJSON(data, filepath.ToSlash(f))
			}
			if !yield(t, err) {
				return
			}
		}
	}
}

// readRecord reads a record file of a talkmeta archive as the library's
// readers read theirs: one over the record size limit is refused before
// it is read, and a named pipe or a device, which could keep the reader
// waiting or reading without end, is not read.
func readRecord(name string) ([]byte, error) {
	limit := talk.Limits{}.RecordBytes()
	data, err := osfs.ReadFile(osfs.DirFS(filepath.Dir(name)), filepath.Base(name), limit)
	var large *osfs.TooLargeError
	var special *osfs.NotRegularError
	var pe *fs.PathError
	switch { // each named as the user named it
	case errors.As(err, &large):
		return nil, &talk.RecordError{Path: filepath.ToSlash(name), Err: &talk.LimitError{What: "record size", Limit: limit, Got: max(large.Size, 0)}}
	case errors.As(err, &special):
		return nil, &osfs.NotRegularError{Name: name, Type: special.Type}
	case errors.As(err, &pe):
		return nil, &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return data, err
}

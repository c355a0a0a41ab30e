package main

import (
	"errors"
	"iter"
	"os"
	"path/filepath"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// talks reads the pyvideo talk files named by paths: files, event
// directories (holding category.json and videos/), or archive directories
// holding events. Errors name files by the path the user gave.
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
			case !st.IsDir():
				seq = oneFile(p)
				root = ""
			case exists(filepath.Join(p, "category.json")):
				root = filepath.Dir(filepath.Clean(p))
				seq = pyvideo.EventTalks(os.DirFS(root), filepath.Base(filepath.Clean(p)))
			default:
				seq = pyvideo.Talks(os.DirFS(p))
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

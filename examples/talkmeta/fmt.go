package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func runFmt(e *env, args []string) int {
	fs := e.flags("fmt", "[-w] DIR|FILE...")
	write := fs.Bool("w", false, "write the canonical form back to each file that differs")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	for t, err := range talks(fs.Args()) {
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			status = 1
			continue
		}
		out, err := pyvideo.MarshalTalk(t)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", t.Origin.Path, err)
			status = 1
			continue
		}
		if bytes.Equal(out, t.Origin.Raw) {
			continue
		}
		name := filepath.FromSlash(t.Origin.Path)
		if !*write {
			fmt.Fprintln(e.stdout, name)
			continue
		}
		if err := writeFileAtomic(name, out); err != nil {
			fmt.Fprintln(e.stderr, err)
			status = 1
		}
	}
	return status
}

// writeFileAtomic replaces the file name with data so that an interrupted
// run leaves either the old file or the new one, never half of one: it
// writes a temporary file beside it and renames it into place. A name
// that is a symbolic link stays one: the file it links to is replaced,
// as gofmt -w writes through a link, where the rename would have put a
// copy in the link's place.
func writeFileAtomic(name string, data []byte) error {
	if target, err := filepath.EvalSymlinks(name); err == nil {
		name = target
	}
	perm := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		perm = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

package staged

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/talkmeta/talkmeta/internal/errs"
)

// ErrReadOnly is Replace's refusal of a file its owner may not write.
var ErrReadOnly = errors.New("it is read-only (its owner may not write it)")

// Replace writes data over the file name, a file its user keeps and may
// have made a link, or given a mode or owner of its own (a record
// rewritten by talkmeta fmt -w, the server's file of pages' owners): as
// [WriteFile] writes, whole or not at all, and synced, for it is the
// data's only copy; a new file gets what the umask leaves of 0o666.
//
// What was the old file's stays so. A name that is a symbolic link
// stays one: the file it links to is replaced, or made where there is
// none yet, as gofmt -w writes through a link, where the rename would
// have put a copy in the link's place. The new file has the old one's permission bits, and its owner
// and group as far as the process may give them (root any, another user
// a group of its own): renamed into place it is the process's, so that
// `sudo talkmeta fmt -w` over a shared archive would leave its files
// root's, which their owners could no longer write. A file with other
// hard links is not written through them: name becomes a file of its
// own, and the other names keep the old contents, as with any write that
// renames a new file into place.
//
// A file whose owner may not write it (mode 0444) is left alone, with
// [ErrReadOnly], as gofmt -w leaves it, though the rename could replace
// it: its owner made it read-only to keep it as it is.
//
// An error is an *fs.PathError naming name whose Err says which step
// failed ("the new file cannot replace it: ..."), never the staged
// file's name, which the user never gave.
func Replace(name string, data []byte) error {
	if err := replace(name, data); err != nil {
		return &fs.PathError{Op: "replace", Path: name, Err: err}
	}
	return nil
}

// replace is Replace without the name in its errors.
func replace(name string, data []byte) error {
	name, err := linkedTo(name)
	if err != nil {
		return err
	}
	perm, keepPerm := fs.FileMode(0o666), false
	old, err := os.Stat(name)
	if err == nil {
		perm, keepPerm = old.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky), true
		if old.Mode().IsRegular() && perm&0o200 == 0 {
			return ErrReadOnly
		}
	}
	createPerm := perm
	if keepPerm {
		createPerm = 0o600 // until its owner and group are the old file's
	}
	tmp, err := Create(name, createPerm)
	if err != nil {
		return fmt.Errorf("a new file cannot be made beside it: %w", errs.WithoutPath(err))
	}
	defer tmp.Discard() // a no-op after the rename
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Close()
	}
	if err == nil && old != nil {
		keepOwner(tmp.Name(), old)
	}
	if err == nil && keepPerm {
		// After the owner, which a chown can clear setuid and setgid of.
		err = os.Chmod(tmp.Name(), perm)
	}
	if err != nil {
		return fmt.Errorf("the new file beside it cannot be written: %w", errs.WithoutPath(err))
	}
	if err := tmp.Commit(); err != nil {
		return fmt.Errorf("the new file cannot replace it: %w", errs.WithoutPath(err))
	}
	return nil
}

// linkedTo returns the file that name, followed through its symbolic
// links, is: name itself when it is none, and the file a link leads to
// even when that does not exist yet (a link made before its file, to
// keep the file elsewhere), which filepath.EvalSymlinks refuses.
func linkedTo(name string) (string, error) {
	if target, err := filepath.EvalSymlinks(name); err == nil {
		return target, nil
	}
	for range maxLinks {
		st, err := os.Lstat(name)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return name, nil
		}
		target, err := os.Readlink(name)
		if err != nil {
			return "", fmt.Errorf("the symbolic link cannot be read: %w", errs.WithoutPath(err))
		}
		if !filepath.IsAbs(target) {
			// Beside the link, uncleaned: the system takes ".." after a
			// link to a directory as that directory's parent, where
			// filepath.Join's would drop both.
			dir, _ := filepath.Split(name)
			target = dir + target
		}
		name = target
	}
	return "", fmt.Errorf("more than %d symbolic links lead from it", maxLinks)
}

// maxLinks is how many symbolic links linkedTo follows, as Linux does
// before it fails with ELOOP.
const maxLinks = 40

//go:build unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestImportUmask imports with the umask of a group that shares its
// archive (002): the event's directories are 0775 and its files 0664,
// what the umask leaves of 0777 and 0666, as mkdir and os.Create make
// them, not a fixed 0755 or 0644 that would keep the group from
// editing them.
func TestImportUmask(t *testing.T) {
	pkg := inTempDir(t)
	old := syscall.Umask(0o002)
	defer syscall.Umask(old)
	importPair(t, pkg, "out")
	want := map[string]fs.FileMode{
		"tinycon2024":            fs.ModeDir | 0o775,
		"tinycon2024/event.json": 0o664,
		"tinycon2024/talks":      fs.ModeDir | 0o775,
		"tinycon2024/talks/0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json": 0o664,
	}
	for name, mode := range want {
		st, err := os.Stat(filepath.Join("out", name))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode() != mode {
			t.Errorf("%s: mode %v, want %v", name, st.Mode(), mode)
		}
	}
}

//go:build unix

package staged

import (
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/sitetest"
)

// TestUmask stages files with the umasks 022, 002 and 077: new files are
// 0644, 0664 and 0600, directories 0755, 0775 and 0700, as the umask
// makes os.Create's and os.Mkdir's, where a fixed chmod to 0644 opened to
// all what 077 keeps private, and a fixed 0755 closed to a group what 002
// shares. The test changes the process's umask: it must not run in
// parallel with others that create files.
func TestUmask(t *testing.T) {
	for _, tt := range []struct {
		umask     int
		file, dir fs.FileMode
	}{
		{0o022, 0o644, 0o755 | fs.ModeDir},
		{0o002, 0o664, 0o775 | fs.ModeDir}, // a group's shared site
		{0o077, 0o600, 0o700 | fs.ModeDir},
	} {
		old := syscall.Umask(tt.umask)
		out := filepath.Join(t.TempDir(), "site")
		d, err := OpenDir(out, ".manifest", "")
		if err == nil {
			stageAll(t, d, map[string]string{"a/index.html": "x"})
			err = d.Commit()
		}
		if err == nil {
			err = WriteFile(filepath.Join(out, "single"), nil, 0o666)
		}
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		got, err := sitetest.Modes(out)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]fs.FileMode{".": tt.dir, "a": tt.dir, "a/index.html": tt.file, ".manifest": tt.file, "single": tt.file}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("umask %03o (-want +got):\n%s", tt.umask, diff)
		}
	}
}

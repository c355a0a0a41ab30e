//go:build unix

package main

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/sitetest"
)

// TestUmask builds the site with the umasks 022 and 077: its files are
// 0644 and 0600, its directories 0755 and 0700, as the user's umask
// makes any program's. Every file was chmod to 0644, which opened to all
// a site the umask 077 was to keep private. The test changes the
// process's umask: it must not run in parallel with others.
func TestUmask(t *testing.T) {
	for _, tt := range []struct {
		umask     int
		file, dir fs.FileMode
	}{
		{0o022, 0o644, 0o755 | fs.ModeDir},
		{0o077, 0o600, 0o700 | fs.ModeDir},
	} {
		out := filepath.Join(t.TempDir(), "site")
		var stderr bytes.Buffer
		old := syscall.Umask(tt.umask)
		st := run("testdata/pair.json", out, "", time.Unix(0, 0), never, &stderr)
		syscall.Umask(old)
		if st != 0 {
			t.Fatalf("status %d: %s", st, stderr.String())
		}
		got, err := sitetest.Modes(out)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]fs.FileMode{}
		for name, mode := range got {
			want[name] = tt.file
			if mode.IsDir() {
				want[name] = tt.dir
			}
		}
		if len(got) < 5 {
			t.Fatalf("umask %03o: only %v written", tt.umask, got)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("umask %03o (-want +got):\n%s", tt.umask, diff)
		}
	}
}

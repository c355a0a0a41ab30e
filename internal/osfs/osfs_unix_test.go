//go:build unix && !aix && !solaris

// aix and solaris (illumos too) have no syscall.Mkfifo.

package osfs

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadFileNotRegular reads a named pipe, which has no size to read
// by, whole and within a limit, and refuses it past the limit.
func TestReadFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	want := bytes.Repeat([]byte("a pipe's bytes\n"), 10000)
	for _, tc := range []struct {
		limit   int64
		wantErr error
	}{
		{-1, nil},
		{int64(len(want)), nil},
		{int64(len(want)) - 1, &TooLargeError{Name: "fifo", Size: -1, Limit: int64(len(want)) - 1}},
	} {
		fifo := filepath.Join(dir, "fifo")
		os.Remove(fifo)
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		written := make(chan error, 1)
		go func() {
			w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err == nil {
				_, err = w.Write(want)
				w.Close()
			}
			written <- err
		}()
		got, err := ReadFile(DirFS(dir), "fifo", tc.limit)
		if tc.wantErr != nil {
			if diff := cmp.Diff(tc.wantErr, err); diff != "" {
				t.Errorf("limit %d (-want +got):\n%s", tc.limit, diff)
			}
			<-written // the writer may see a broken pipe: the reader stopped early
			continue
		}
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("limit %d: %d bytes, %v; want the %d bytes written", tc.limit, len(got), err, len(want))
		}
		if err := <-written; err != nil {
			t.Fatal(err)
		}
	}
}

// TestReadFileLongerThanSize reads a file whose size says less than it
// holds, as Linux's /proc files say 0, through to its end.
func TestReadFileLongerThanSize(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs Linux's /proc")
	}
	want, err := os.ReadFile("/proc/self/cmdline")
	if err != nil || len(want) < 2 {
		t.Skipf("no /proc/self/cmdline to read: %d bytes, %v", len(want), err)
	}
	fsys := DirFS("/proc/self")
	got, err := ReadFile(fsys, "cmdline", -1)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
	limit := int64(len(want)) - 1
	_, err = ReadFile(fsys, "cmdline", limit)
	if diff := cmp.Diff(&TooLargeError{Name: "cmdline", Size: -1, Limit: limit}, err); diff != "" {
		t.Errorf("limit %d (-want +got):\n%s", limit, diff)
	}
}

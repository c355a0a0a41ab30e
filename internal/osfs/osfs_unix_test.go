//go:build unix && !aix && !solaris

// aix and solaris (illumos too) have no syscall.Mkfifo.

package osfs

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestReadFileNotRegular reads a named pipe that no one writes to,
// through DirFS and through os.DirFS: it is refused at once with a
// *NotRegularError, where reading it would wait for a writer until the
// test's deadline.
func TestReadFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		_, err := ReadFile(fsys, "fifo", -1)
		var nr *NotRegularError
		if !errors.As(err, &nr) {
			t.Errorf("%T: got %v, want a *NotRegularError", fsys, err)
			continue
		}
		if diff := cmp.Diff("fifo: a named pipe, where a file was expected; not read", err.Error()); diff != "" {
			t.Errorf("%T (-want +got):\n%s", fsys, diff)
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

// TestReadFileShorterThanSize reads a file that holds less than its
// size says, as Linux's /sys files say 4096 for a line of a few bytes (a
// file that shrank between the fstat and the read is the same case):
// the read ends at the file's end, with what it holds, instead of
// waiting for bytes that never come.
func TestReadFileShorterThanSize(t *testing.T) {
	const dir, name = "/sys/devices/system/cpu", "online"
	st, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		t.Skipf("no %s/%s to read: %v", dir, name, err)
	}
	want, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || int64(len(want)) >= st.Size() {
		t.Skipf("%s/%s holds %d bytes, its size says %d: %v", dir, name, len(want), st.Size(), err)
	}
	type read struct {
		data []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		data, err := ReadFile(DirFS(dir), name, -1)
		done <- read{data, err}
	}()
	select {
	case got := <-done:
		if got.err != nil || !bytes.Equal(got.data, want) {
			t.Errorf("got %q, %v; want %q", got.data, got.err, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("ReadFile of %s/%s still reading after 10s", dir, name)
	}
}

// TestReadFileSocket reads a Unix socket, which is refused as one, by
// DirFS as by os.DirFS: DirFS's open of it failed first, and said "no
// such device or address".
func TestReadFileSocket(t *testing.T) {
	dir := t.TempDir()
	l, err := net.Listen("unix", filepath.Join(dir, "sock"))
	if err != nil {
		t.Skipf("no Unix sockets here: %v", err)
	}
	defer l.Close()
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		_, err := ReadFile(fsys, "sock", -1)
		if diff := cmp.Diff("sock: a socket, where a file was expected; not read", fmt.Sprint(err)); diff != "" {
			t.Errorf("%T (-want +got):\n%s", fsys, diff)
		}
	}
}

//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadLogNotRegular: a record that is no regular file (a named
// pipe, which reading would block on) is logged as the other records'
// errors are, named below the archive as the operator named it.
func TestReadLogNotRegular(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	plantIn(t, dir, map[string]string{"conf/category.json": `{"title": "Conf"}`, "conf/videos/a.json": `{"title": "A"}`})
	if err := syscall.Mkfifo(filepath.Join(dir, "conf", "videos", "pipe.json"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	var log strings.Builder
	a := &archiveServer{dir: dir, log: &log}
	if _, err := a.read(); err != nil {
		t.Fatal(err)
	}
	want := "DIR/conf/videos/pipe.json: a named pipe, where a file was expected; not read\n"
	if diff := cmp.Diff(want, strings.ReplaceAll(log.String(), dir, "DIR")); diff != "" {
		t.Errorf("log (-want +got):\n%s", diff)
	}
}

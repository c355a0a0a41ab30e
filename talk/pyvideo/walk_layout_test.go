package pyvideo_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/internal/sitetest"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestTalksArchiveTop reads an archive on disk whose top holds what an
// archive maintainer's does besides events: a record out of place, a
// directory of records that is no event, one of tools, links to nothing
// and round and round, and an event's videos/ linked to nothing. Each is
// reported once, in schema's CheckArchive's words, and no link to
// nothing hides an event; the tools are passed over.
func TestTalksArchiveTop(t *testing.T) {
	archive := topArchive(t)
	got := archiveLines(archive)
	want := []string{
		"error: pyvideo: stat dangling-event: a symbolic link to nowhere, which does not exist",
		"ev/a @ Ev",
		"error: pyvideo: stat ev-unlinked/videos: a symbolic link to ../nowhere/videos, which does not exist",
		"error: pyvideo: link.json: a record outside any event; talks go in <event>/videos/ and events in <event>/category.json",
		"error: pyvideo: stat loop: a symbolic link to loop, which cannot be followed: too many levels of symbolic links",
		"error: pyvideo: notes: a directory of records without category.json or videos/; is it an event?",
		"error: pyvideo: stray.json: a record outside any event; talks go in <event>/videos/ and events in <event>/category.json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTalksStopAtErrors leaves the loop over topArchive after each of
// its talks and errors, most of them found while listing: the same
// results come up to there, and every goroutine the reading started has
// ended when the loop is left.
func TestTalksStopAtErrors(t *testing.T) {
	fsys := osfs.DirFS(topArchive(t))
	var all []string
	for tk, err := range pyvideo.Talks(fsys) {
		all = append(all, fmt.Sprint(tk != nil, err))
	}
	before := runtime.NumGoroutine()
	for stop := range len(all) + 1 {
		var got []string
		for tk, err := range pyvideo.Talks(fsys) {
			got = append(got, fmt.Sprint(tk != nil, err))
			if len(got) == stop {
				break
			}
		}
		want := all // stop 0: to the end
		if stop > 0 {
			want = all[:stop]
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("stopped after %d (-want +got):\n%s", stop, diff)
		}
		// A goroutine that has signalled its end may still be leaving.
		for wait := time.Millisecond; runtime.NumGoroutine() > before && wait < time.Second; wait *= 2 {
			time.Sleep(wait)
		}
		if now := runtime.NumGoroutine(); now > before {
			t.Fatalf("stopped after %d: %d goroutines, %d before", stop, now, before)
		}
	}
}

// topArchive makes the archive of TestTalksArchiveTop in a temporary
// directory, skipping the test where symbolic links cannot be made.
func topArchive(t *testing.T) string {
	t.Helper()
	archive := t.TempDir()
	files := map[string]string{
		"LICENSE":                   "text",
		"stray.json":                "{}",
		"tools/make.py":             "print()",
		"notes/old.json":            "{}",
		"ev/category.json":          `{"title": "Ev"}`,
		"ev/videos/a.json":          `{"title": "A", "speakers": [], "videos": [], "description": "", "recorded": "2020-01-01"}`,
		"gone/category.json":        `{"title": "Gone"}`,
		".git/HEAD":                 "ref",
		"tools/sub/notes.txt":       "x",
		"ev-unlinked/.keep":         "",
		"ev-unlinked/category.json": `{"title": "Unlinked"}`,
	}
	if err := sitetest.Plant(archive, files); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"dangling-event":     "nowhere",
		"loop":               "loop",
		"link.json":          "stray.json",
		"ev-unlinked/videos": "../nowhere/videos",
	} {
		if err := os.Symlink(target, filepath.Join(archive, filepath.FromSlash(link))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	return archive
}

// TestTalksDirectoryInVideos: a directory in videos/, even one named like
// a record, or a link to one, is out of place, as schema's CheckArchive
// says, and is reported so, by its path in the archive; it was read, and
// failed as "read /tmp/.../ev/videos/dir.json: is a directory". A link
// that cannot be followed says where it leads; the talks beside them
// are read.
func TestTalksDirectoryInVideos(t *testing.T) {
	archive := t.TempDir()
	if err := sitetest.Plant(archive, map[string]string{
		"ev/category.json":         `{"title": "Ev"}`,
		"ev/videos/a.json":         `{"title": "A"}`,
		"ev/videos/dir.json/x":     `{}`,
		"ev/videos/sub/b.json":     `{}`,
		"ev/videos/z.json":         `{"title": "Z"}`,
		"ev/videos/.hidden/c.json": `{}`,
	}); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"ev/videos/up.json": "..", "ev/videos/loop.json": "loop.json"} {
		if err := os.Symlink(target, filepath.Join(archive, filepath.FromSlash(link))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	got := archiveLines(archive)
	want := []string{
		"ev/a @ Ev",
		"error: pyvideo: ev/videos/dir.json: unexpected in videos/, which holds talk records (*.json) only",
		"error: pyvideo: open ev/videos/loop.json: a symbolic link to loop.json, which cannot be followed: too many levels of symbolic links",
		"error: pyvideo: ev/videos/sub: unexpected in videos/, which holds talk records (*.json) only",
		"error: pyvideo: ev/videos/up.json: unexpected in videos/, which holds talk records (*.json) only",
		"ev/z @ Ev",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/talkmeta/talkmeta/internal/layout"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// unread is what an error of reading an archive says was not read, for
// which the last read's copy is served (see asReadBefore): the event of
// the directory dir (its category.json cannot be read, or is missing),
// or else the talks whose files are at or below file (a talk's record,
// an event's directory, its videos/). Both are named as userPath names
// them.
type unread struct {
	dir, file string
}

// unreadOf returns what err, an error of reading the archive dir, says
// was not read, and false for an error that stands for no record (see
// hidesRecords) or names no file.
func unreadOf(dir string, err error) (unread, bool) {
	if !hidesRecords(err) {
		return unread{}, false
	}
	py := layout.Pyvideo()
	var name string
	if le, ok := errors.AsType[*pyvideo.LayoutError](err); ok {
		if le.Reason == py.NoEventFile() {
			return unread{dir: fileDir(userPath(dir, path.Join(le.Path, py.EventFile)))}, true
		}
		name = le.Path
	} else if re, ok := errors.AsType[*talk.RecordError](err); ok {
		name = re.Path
	} else if ne, ok := errors.AsType[*osfs.NotRegularError](err); ok {
		name = ne.Name
	} else if pe, ok := errors.AsType[*fs.PathError](err); ok {
		name = pe.Path
	}
	if name == "" {
		return unread{}, false
	}
	// Within the archive, as the reader names it: a category.json in a
	// videos/ directory is a talk's record, and the one outside is the
	// event's, of the directory "." when the archive is one event's.
	if path.Base(name) == py.EventFile && path.Base(path.Dir(name)) != py.TalksDir {
		return unread{dir: fileDir(userPath(dir, name))}, true
	}
	return unread{file: userPath(dir, name)}, true
}

// asReadBefore returns the talks to serve: talks, those read now, and
// those of last, the last read's, that a record not read now stands for
// (unreads, from the read's errors), so that a record that cannot be read
// for a while (an editor's save half done, a copy under way) is served as
// it was, on its pages, where it was gone. A talk whose record, or whose
// directory, cannot be read is served as the last read read it; the
// talks of an event whose category.json cannot be read, which the reader
// gives a bare event named after their directory (and pages named after
// that), get the event as the last read read it from its record (see
// leaveOutEventless for an event not read before). A talk served as read
// before gets its event as read now where another talk of its directory
// has it, so that an event retitled meanwhile is not two events of one
// ID.
//
// said are words for the log, by unread's index: what was served as
// read before in its place, or "" where nothing was (a record not read
// before either, which keeps its page until it is; see claimPages). When
// no talk was read now (the archive moved away), none is served as read
// before: the archive is not read (see archiveServer.read).
func asReadBefore(talks, last []*talk.Talk, unreads []unread) (all []*talk.Talk, said []string) {
	said = make([]string, len(unreads))
	if len(unreads) == 0 || len(last) == 0 || len(talks) == 0 {
		return talks, said
	}
	events := map[string]int{} // by directory, the index of its event's unread
	for i, u := range unreads {
		if u.file == "" {
			events[u.dir] = i
		}
	}
	eventOf := map[string]talk.Event{} // by directory, its event this read
	for _, t := range last {
		// Of an event read from its record: a bare one (its record
		// missing then too) is what the reader gives now.
		if _, ok := events[eventDir(t)]; ok && t.Event.Origin.Path != "" {
			eventOf[eventDir(t)] = t.Event
		}
	}
	read := map[string]bool{}
	withOldEvent := make([]int, len(unreads)) // by unread, the talks served with their event as read before
	for _, t := range talks {
		read[t.Origin.Path] = true
		d := eventDir(t)
		if i, ok := events[d]; ok {
			if ev, ok := eventOf[d]; ok {
				t.Event = ev
				withOldEvent[i]++
			}
			continue
		}
		if _, ok := eventOf[d]; !ok {
			eventOf[d] = t.Event
		}
	}
	carried := make([]int, len(unreads))
	whole := make([]bool, len(unreads)) // the unread is a talk's record, not a directory
	all = talks
	for _, t := range last {
		if read[t.Origin.Path] {
			continue
		}
		i := slices.IndexFunc(unreads, func(u unread) bool { return u.file != "" && within(t.Origin.Path, u.file) })
		if i < 0 {
			continue // deleted
		}
		kept := *t // the last read's talks are its handler's, as they were
		if ev, ok := eventOf[eventDir(t)]; ok {
			kept.Event = ev
		}
		if j, ok := events[eventDir(t)]; ok {
			withOldEvent[j]++
		}
		all = append(all, &kept)
		read[t.Origin.Path] = true
		carried[i]++
		whole[i] = whole[i] || t.Origin.Path == unreads[i].file
	}
	for i := range unreads {
		switch {
		case withOldEvent[i] > 0:
			said[i] = "its talks are served with the event as read before"
		case whole[i]:
			said[i] = "the talk is served as read before"
		case carried[i] == 1:
			said[i] = "its talk is served as read before"
		case carried[i] > 1:
			said[i] = fmt.Sprintf("its %d talks are served as read before", carried[i])
		}
	}
	if len(all) > len(talks) {
		// In the reader's order, which is the order of the files' names
		// in each directory, as if they had been read now.
		slices.SortStableFunc(all, func(a, b *talk.Talk) int { return comparePaths(a.Origin.Path, b.Origin.Path) })
	}
	return all, said
}

// eventDir is the event directory of the talk t, as userPath names it:
// the directory of its directory videos/.
func eventDir(t *talk.Talk) string { return fileDir(fileDir(t.Origin.Path)) }

// fileDir is the directory of p, a file as userPath names it, by the
// system's rule, as unread's directories are named too, so that the two
// are alike: a share's name on Windows (//nas/share/ev) keeps the two
// slashes path.Dir makes one, and a volume's root (C:/) its slash.
func fileDir(p string) string { return filepath.ToSlash(filepath.Dir(filepath.FromSlash(p))) }

// within reports whether the file p is dir or below it.
func within(p, dir string) bool {
	return dir == "." || p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}

// comparePaths orders slash-separated paths as a walk of their
// directories in the order of names meets them: "a/b" before "a-c",
// which byte order puts first.
func comparePaths(a, b string) int {
	return slices.Compare(strings.Split(a, "/"), strings.Split(b, "/"))
}

// leaveOutEventless returns talks without those of the event directories
// of eventless (see loadDir) whose event had a page by pages, the last
// read's, that its bare event, named after its directory, may not have
// (see pageslug.Pages.Moves), which log says of each such directory. Served, they and
// their event would take other pages, which the -pages file would keep:
// an event's record cut short when the server starts moved its pages for
// good. Left out, they keep their pages (a read whose event cannot be
// read keeps the pages of the records it did not serve), and are served
// once the event can be read. An event that had no page, or one its
// directory's name gives (an event never read, or one whose title slugs
// as its directory's name), is served as it is read.
func leaveOutEventless(talks []*talk.Talk, eventless map[string]bool, pages *pageslug.Pages, log io.Writer) []*talk.Talk {
	if len(eventless) == 0 {
		return talks
	}
	var py html.PyvideoURLs
	o := ownersOf(talks)
	left := map[string]int{} // by directory, the talks left out
	kept := talks[:0:0]
	for _, t := range talks {
		d := eventDir(t)
		if eventless[d] && pages.Moves(o.events[eventKey{t.Event.ID, t.Event.Title}], py.Event(&t.Event)[1:], t.Event.ID) {
			left[d]++
			continue
		}
		kept = append(kept, t)
	}
	for _, d := range slices.Sorted(maps.Keys(left)) {
		fmt.Fprintf(log, "%s: the event's record cannot be read, and the event had a page its directory's name does not give: it and its talks (%d) are not served until it can be read, and keep their pages\n", d, left[d])
	}
	return kept
}

package pyvideo

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
)

// File is one file of an archive: its slash-separated path within the
// archive and its contents.
type File struct {
	Path string // slash-separated, "<event>/videos/<name>.json"
	Data []byte // in canonical form
}

// ArchiveFiles lays talks out as an archive in pyvideo's layout, ready to
// be contributed to pyvideo/data: for each event, in the order its first
// talk comes, <event>/category.json and one <event>/videos/<slug>.json per
// talk, all in canonical form ([MarshalEvent], [MarshalTalk]).
//
// Talks belong to the same event when the IDs of their events
// ([talk.Event.ID]) are equal, or, for events without an ID, their
// titles: two events made by hand,
// {Title: "PyCon 2020"} and {Title: "PyCon 2021"}, are two events. The
// first talk's Event is the one written. An event's directory is the
// ID made a slug by [Slugify] (or the title; "event" when both give
// nothing), and a talk's file the slug of its title, as pyvideo names
// them; both are made unique
// with a [talk.SlugSet] ("intro", "intro-2"), as a file system that
// ignores case and Unicode normalization sees them (macOS's and Windows'
// do: "Intro" and "intro" would be one file), and cut at a word to keep
// names within the 139 bytes pyvideo's CI allows (schema.MaxNameBytes).
// Talks read from a pyvideo archive keep their file names (their IDs)
// instead, when those are short enough.
//
// pyvideo.org builds a talk's URL from its slug member, or else from its
// title (see [URLPath]), and pyvideo's CI refuses two talks of an event
// with the same URL. A talk whose URL would repeat an earlier one's in its
// event ("Intro" after "intro", or a second title that slugs to "", such
// as "🐍" after "???", whose URLs are both "/<event>/.html") is written
// with a slug member that tells it apart, made unique as the file names
// are ("intro-2", "talk"); the talks passed in are not changed.
//
// The pyvideo form has no place for some of the model (see
// [MarshalTalk]); notably a talk's ID survives only as a file name, and
// only for a talk read from a pyvideo archive: any other is named by its
// title, and reads back with that name as its ID.
//
// A nil talk is a [*talk.NilError] naming its index ("talks[3]").
func ArchiveFiles(talks []*talk.Talk) ([]File, error) {
	return archiveFiles(talks, nil)
}

// ArchiveFilesSkipping is [ArchiveFiles] for talks some of which
// [MarshalTalk] may refuse: it leaves each such talk out, calling skip
// with its index in talks and MarshalTalk's error, and lays the others
// out as ArchiveFiles lays them out without it. Each talk is marshaled
// once, unless its slug is made unique. A nil skip leaves no talk out:
// it is then ArchiveFiles, whose error is the first talk MarshalTalk
// refuses.
func ArchiveFilesSkipping(talks []*talk.Talk, skip func(i int, err error)) ([]File, error) {
	return archiveFiles(talks, skip)
}

// archiveFiles is ArchiveFiles, or ArchiveFilesSkipping when skip is not
// nil.
func archiveFiles(talks []*talk.Talk, skip func(int, error)) ([]File, error) {
	// A talk of an event, with what it marshals to when skip has had it
	// marshaled already.
	type item struct {
		t    *talk.Talk
		data []byte
	}
	type event struct {
		dir   string
		ev    talk.Event
		talks []item
	}
	var events []*event
	byID := map[string]*event{}
	var dirs osfs.Names
	for i, t := range talks {
		if t == nil {
			return nil, &talk.NilError{Package: "pyvideo", What: fmt.Sprintf("talks[%d]", i)}
		}
		var data []byte
		if skip != nil {
			var err error
			if data, err = MarshalTalk(t); err != nil {
				skip(i, err)
				continue
			}
		}
		key := eventKey(&t.Event)
		e := byID[key]
		if e == nil {
			e = &event{ev: t.Event}
			base := t.Event.ID
			if t.Origin.Format != FormatName {
				base = pathSlug(t.Event.ID)
				if base == "" {
					base = pathSlug(t.Event.Title)
				}
				if base == "" {
					base = "event"
				}
			}
			if !safeName(base) || len(base) > maxNameBytes {
				base = cutName(base, maxStem)
			}
			if !safeName(base) {
				base = "event"
			}
			e.dir = dirs.Unique(base)
			byID[key] = e
			events = append(events, e)
		}
		e.talks = append(e.talks, item{t, data})
	}
	var files []File
	for _, e := range events {
		data, err := MarshalEvent(&e.ev)
		if err != nil {
			return nil, about(fmt.Sprintf("event %q", e.ev.ID), err)
		}
		files = append(files, File{Path: e.dir + "/category.json", Data: data})
		var names osfs.Names
		var urls talk.SlugSet
		bareURL := false // whether a talk has the URL of an empty slug, "/<event>/.html"
		for _, it := range e.talks {
			t, data := it.t, it.data
			base := cutName(pathSlug(t.Title), maxStem)
			if t.Origin.Format == FormatName && safeName(t.ID) && len(t.ID)+len(".json") <= maxNameBytes {
				base = t.ID
			}
			name := names.Unique(base)
			// A title of emoji or punctuation only slugs to "", and its
			// URL is "/<event>/.html": the first such talk keeps it, the
			// next are told apart as "talk", "talk-2"...
			if slug := urlSlug(t); slug == "" && !bareURL {
				bareURL = true
			} else if unique := urls.Unique(slug); unique != slug {
				c := *t
				c.Slug = unique
				t = &c
				data = nil // marshaled with the slug it had
			}
			if data == nil {
				var err error
				if data, err = MarshalTalk(t); err != nil {
					return nil, about(fmt.Sprintf("talk %q", name), err)
				}
			}
			files = append(files, File{Path: e.dir + "/videos/" + name + ".json", Data: data})
		}
	}
	return files, nil
}

// eventKey is what the talks of one event have alike: the event's ID,
// or, for an event without one, its title, kept apart from every ID.
func eventKey(e *talk.Event) string {
	if e.ID != "" {
		return "id:" + e.ID
	}
	return "title:" + e.Title
}

// WriteArchive writes [ArchiveFiles] under the directory dir, creating
// directories as needed and replacing files of the same names.
func WriteArchive(dir string, talks []*talk.Talk) error {
	files, err := ArchiveFiles(talks)
	if err != nil {
		return err
	}
	for _, f := range files {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return fmt.Errorf("pyvideo: %w", err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			return fmt.Errorf("pyvideo: %w", err)
		}
	}
	return nil
}

// maxNameBytes is schema.MaxNameBytes, which this package cannot import
// (schema imports it): the longest file or directory name pyvideo's CI
// allows. schema's TestArchiveFilesNames holds the two to each other.
const maxNameBytes = 139

// maxStem is how long a name made from a title may be before ".json" and
// the suffix a SlugSet may add ("-9999").
const maxStem = maxNameBytes - len(".json") - len("-9999")

// cutName cuts slug to at most max bytes at the last '-' that keeps it
// within them, so that no word is cut unless the first is too long, and
// trims the '-' and '_' that would then end it. No character is cut
// either: a slug is ASCII, but an event's ID kept from a pyvideo archive
// need not be, and half a character would make a name that is not UTF-8,
// which no fs.FS can open.
func cutName(slug string, max int) string {
	if len(slug) <= max {
		return slug
	}
	cut := slug[:max]
	for len(cut) > 0 && !utf8.RuneStart(slug[len(cut)]) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, "-_")
}

// urlSlug is the slug of t's page on pyvideo.org (see [Slugifier.URLPath]),
// "" when it has none.
func urlSlug(t *talk.Talk) string {
	if s := strings.TrimSpace(t.Slug); s != "" {
		return s
	}
	return Slugify(t.Title)
}

// pathSlug is [Slugify] without the leading and trailing '-' and '_'
// Pelican keeps, which make awkward file names.
func pathSlug(s string) string { return strings.Trim(Slugify(s), "-_") }

// safeName reports whether s can be used as one path element as it is:
// one that a reader can open again, so UTF-8, as fs.FS wants it.
func safeName(s string) bool {
	return s != "" && s != "." && s != ".." && len(s) <= 200 && path.Base(s) == s && utf8.ValidString(s) &&
		!strings.ContainsAny(s, "\\:*?\"<>|\x00") && !strings.HasPrefix(s, ".")
}

// about words err, an error of MarshalTalk or MarshalEvent, as about the
// record named: "pyvideo: talk "a": /recorded: ...", without the writer's
// "pyvideo: " a second time, and placed by the member's pointer alone: the
// record is named, and the file it was read from is not the one written.
// errors.As finds what err holds.
func about(record string, err error) error {
	msg := err.Error()
	var re *talk.RecordError
	if errors.As(err, &re) && re.Pointer != "" && re.Err != nil {
		msg = re.Pointer + ": " + strings.TrimPrefix(re.Err.Error(), "pyvideo: ")
	}
	return &errs.Worded{Msg: "pyvideo: " + record + ": " + strings.TrimPrefix(msg, "pyvideo: "), Cause: err}
}

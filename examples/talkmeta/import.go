package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// importUsage is the verb's argument synopsis.
const importUsage = "-from c3voc|frab|rubyevents SRC -o DIR [-layout talkmeta|pyvideo]"

// runImport reads a schedule (or a RubyEvents data directory) and writes one file per talk and per event.
//
// The talkmeta layout is
//
//	DIR/<event ID>/event.json          the event, with all it carries
//	DIR/<event ID>/talks/<talk ID>.json one talk, in talkmeta's JSON form
//
// A talk file holds the talk's event without the event's description and
// Extra members (event.json beside it has them), so that a schedule's
// days and rooms are not repeated in every talk. IDs that cannot be file
// names (empty, or holding a '/') are replaced by their slug; names are
// made unique within their directory.
//
// The pyvideo layout is pyvideo's (see pyvideo.ArchiveFiles). A pyvideo
// archive holds recordings, so talks without a video are not written
// there; each is named on stderr, and the talkmeta layout keeps them.
//
// Problems in the source are reported as path:line:col: message on
// stderr; what could be read is written all the same, and the exit status
// is 1.
func runImport(e *env, args []string) int {
	fs := e.flags("import", importUsage)
	from := fs.String("from", "", "the source format: c3voc (schedule JSON file), frab (schedule XML file) or rubyevents (data directory)")
	out := fs.String("o", "", "the directory to write to")
	layout := fs.String("layout", "talkmeta", "the output layout: talkmeta or pyvideo")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	switch {
	case *from == "":
		return usageError(fs, "no source format given: -from is c3voc, frab or rubyevents")
	case *from != "c3voc" && *from != "frab" && *from != "rubyevents":
		return usageError(fs, "unknown format %q (want c3voc, frab or rubyevents)", *from)
	case *out == "":
		return usageError(fs, "no output directory given: -o DIR is required")
	case *layout != "talkmeta" && *layout != "pyvideo":
		return usageError(fs, "unknown layout %q (want talkmeta or pyvideo)", *layout)
	case fs.NArg() == 0:
		return usageError(fs, "no schedule given")
	case fs.NArg() > 1:
		return usageError(fs, "one schedule at a time, not %d: %s", fs.NArg(), strings.Join(fs.Args(), " "))
	}
	src := fs.Arg(0)
	var events []*talk.Event
	var talks []*talk.Talk
	var problems []error
	switch *from {
	case "c3voc", "frab":
		data, err := os.ReadFile(src)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			return 1
		}
		parse := schedule.ParseJSON
		if *from == "frab" {
			parse = schedule.ParseXML
		}
		s, err := parse(data, filepath.ToSlash(src))
		problems = append(problems, unwrapAll(err)...)
		events, talks = []*talk.Event{&s.Event}, s.Talks
	case "rubyevents":
		a, err := rubyevents.Read(osfs.DirFS(src))
		for _, p := range unwrapAll(err) {
			var re *talk.RecordError
			if errors.As(p, &re) {
				re.Path = filepath.ToSlash(filepath.Join(src, filepath.FromSlash(re.Path)))
			}
			problems = append(problems, p)
		}
		events, talks = a.Events, a.Talks
	}
	status := 0
	for _, p := range problems {
		fmt.Fprintln(e.stderr, p)
		status = 1
	}
	var files []pyvideo.File
	var err error
	if *layout == "pyvideo" {
		talks = recorded(e, talks)
		files, err = pyvideo.ArchiveFiles(talks)
	} else {
		files, err = talkmetaFiles(events, talks)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	for _, f := range files {
		name := filepath.Join(*out, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			fmt.Fprintln(e.stderr, err)
			return 1
		}
		if err := writeFileAtomic(name, f.Data); err != nil {
			fmt.Fprintln(e.stderr, err)
			return 1
		}
	}
	fmt.Fprintf(e.stdout, "%s of %s written to %s (%s layout)\n", count(len(talks), "talk"), count(len(events), "event"), *out, *layout)
	return status
}

// recorded returns the talks that have a video, naming the others on
// stderr.
func recorded(e *env, talks []*talk.Talk) []*talk.Talk {
	var out []*talk.Talk
	for _, t := range talks {
		if len(t.Videos) == 0 {
			fmt.Fprintf(e.stderr, "talkmeta import: %s: not written: no recording yet, and a pyvideo archive holds recordings (-layout talkmeta keeps it)\n", t.ID)
			continue
		}
		out = append(out, t)
	}
	return out
}

// unwrapAll lists the problems an importer's error holds.
func unwrapAll(err error) []error {
	if err == nil {
		return nil
	}
	if l, ok := err.(interface{ Unwrap() []error }); ok {
		return l.Unwrap()
	}
	return []error{err}
}

// talkmetaFiles lays events and talks out in the talkmeta layout; see
// runImport.
func talkmetaFiles(events []*talk.Event, talks []*talk.Talk) ([]pyvideo.File, error) {
	var files []pyvideo.File
	var dirs talk.SlugSet
	dirOf := map[string]string{}
	names := map[string]*talk.SlugSet{}
	eventDir := func(ev *talk.Event) string {
		if d, ok := dirOf[ev.ID]; ok {
			return d
		}
		d := dirs.Unique(fileName(ev.ID, ev.Title))
		dirOf[ev.ID] = d
		names[d] = &talk.SlugSet{}
		return d
	}
	for _, ev := range events {
		data, err := marshalIndent(ev)
		if err != nil {
			return nil, err
		}
		files = append(files, pyvideo.File{Path: eventDir(ev) + "/event.json", Data: data})
	}
	for _, t := range talks {
		dir := eventDir(&t.Event)
		name := names[dir].Unique(fileName(t.ID, t.Title))
		c := *t
		c.Event = talk.Event{ID: t.Event.ID, Title: t.Event.Title, Series: t.Event.Series, Start: t.Event.Start,
			End: t.Event.End, TimeZone: t.Event.TimeZone, Place: t.Event.Place, URL: t.Event.URL}
		data, err := marshalIndent(c)
		if err != nil {
			return nil, err
		}
		files = append(files, pyvideo.File{Path: dir + "/talks/" + name + ".json", Data: data})
	}
	return files, nil
}

// fileName is id when it can be a file name as it is, else a slug of it
// (or of the title).
func fileName(id, title string) string {
	if id != "" && id != "." && id != ".." && path.Base(id) == id && !strings.HasPrefix(id, ".") &&
		!strings.ContainsAny(id, "\\:*?\"<>|\x00") && len(id) <= 200 {
		return id
	}
	if s := talk.Slug(id); s != "" {
		return s
	}
	return talk.Slug(title)
}

// marshalIndent writes v as indented JSON with a final newline, keeping
// "<", ">" and "&" as they are.
func marshalIndent(v any) ([]byte, error) {
	compact, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, compact, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

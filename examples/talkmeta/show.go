package main

import (
	"embed"
	"fmt"
	"io"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// sample is the seed talk, Yury Selivanov's EuroPython 2016 talk, in the
// pyvideo layout: what talkmeta shows when given nothing to work on.
//
//go:embed sample
var sample embed.FS

// sampleTalks returns the embedded sample archive's talks.
func sampleTalks() func(func(*talk.Talk, error) bool) {
	return pyvideo.Talks(mustSub(sample, "sample"))
}

func runShow(e *env, args []string) int {
	fs := e.flags("show")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	seq := e.talks(fs.Args())
	if fs.NArg() == 0 {
		seq = sampleTalks()
	}
	status := 0
	first := true
	for t, err := range seq {
		if e.outputFailed() {
			break // run reports it
		}
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			status = 1
			continue
		}
		if !first {
			fmt.Fprintln(e.stdout)
		}
		first = false
		showTalk(e.stdout, t)
	}
	return status
}

// showTalk prints a talk for a person to read, each value on its line
// and each shown as it reads (see forTerminal): what a talk's page shows
// but its texts, so that nothing the page lists (slides, the parts of a
// block and their speakers, a recording that will not come) is missing.
func showTalk(w io.Writer, t *talk.Talk) {
	fmt.Fprintln(w, forTerminal(t.Title))
	if t.Subtitle != "" {
		fmt.Fprintln(w, forTerminal(t.Subtitle))
	}
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "  %-10s %s\n", label+":", forTerminal(value))
		}
	}
	line("speakers", speakerNames(t.Speakers))
	line("event", t.Event.Title)
	line("place", t.Where().String())
	line("kind", t.Kind)
	line("track", t.Track)
	line("recorded", t.Recorded.String())
	if t.Duration != 0 {
		line("duration", t.Duration.Clock())
	}
	line("language", string(t.Language))
	line("recording", strings.ReplaceAll(string(t.Recording), "_", " "))
	for _, v := range t.Videos {
		line("video", strings.TrimSpace(v.Provider+" "+v.URL))
	}
	for _, l := range t.Slides {
		line("slides", strings.TrimSpace(l.Label+" "+l.URL))
	}
	for _, l := range t.Links {
		line("link", strings.TrimSpace(l.Label+" "+l.URL))
	}
	for _, p := range t.Parts {
		part := p.Title
		if names := speakerNames(p.Speakers); names != "" {
			part += " (" + names + ")"
		}
		line("part", part)
	}
	line("tags", strings.Join(t.Tags, ", "))
	line("license", t.License)
	line("id", talkID(t))
	line("url", pyvideo.TalkURLPath(t))
}

// speakerNames lists speakers by the names their pages show them by,
// which for one known only by a profile is its handle.
func speakerNames(speakers []talk.Speaker) string {
	var names []string
	for _, s := range speakers {
		if n := s.DisplayName(); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// talkID names a talk as urls and show do: its event's ID and its own,
// "event/talk", or its own alone for a talk of no known event; "" for a
// talk without an ID, which its event's ID alone would pass off as one.
// The IDs are shown as they are, not cleaned as a path would be: "ev/.."
// and "x" are not "x".
func talkID(t *talk.Talk) string {
	switch {
	case t.ID == "":
		return ""
	case t.Event.ID == "":
		return t.ID
	}
	return t.Event.ID + "/" + t.ID
}

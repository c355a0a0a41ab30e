package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/ical"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

// renderer writes a set of talks as one document in one format.
type renderer func(w io.Writer, talks []*talk.Talk, opt renderOptions) error

type renderOptions struct {
	base  string    // base URL for links and @ids
	ascii bool      // BibTeX: LaTeX commands instead of Unicode
	now   time.Time // when the document is made (iCalendar's DTSTAMP without records' times)
}

func renderers() map[string]renderer {
	citeFormat := func(name string) renderer {
		return func(w io.Writer, talks []*talk.Talk, opt renderOptions) error {
			f, err := cite.ParseFormat(name)
			if err != nil {
				return err
			}
			return cite.WriteAll(w, f, talks, cite.Options{ASCII: opt.ascii})
		}
	}
	return map[string]renderer{
		"bibtex":   citeFormat("bibtex"),
		"biblatex": citeFormat("biblatex"),
		"ris":      citeFormat("ris"),
		"csl-json": citeFormat("csl-json"),
		"html": func(w io.Writer, talks []*talk.Talk, opt renderOptions) error {
			r := html.Renderer{BaseURL: opt.base}
			apa, err := cslProcessor("apa", "", true)
			if err != nil {
				return err
			}
			for _, t := range talks {
				citations, err := pageCitations(apa, t)
				if err != nil {
					return err
				}
				if err := r.WriteTalk(w, t, html.PageOptions{Citations: citations}); err != nil {
					return err
				}
			}
			return nil
		},
		"jsonld": writeJSONLD,
		"ics":    writeCalendar,
	}
}

// writeJSONLD writes one talk's graph as jsonld.Write does, and several
// talks as one JSON document: an array of their graphs, each with its
// @context, which JSON-LD reads as one document. Each graph is the one
// the talk's page (render -to html) carries, with its addresses and its
// description as the page shows it, without markup.
func writeJSONLD(w io.Writer, talks []*talk.Talk, opt renderOptions) error {
	r := html.Renderer{BaseURL: opt.base}
	if len(talks) == 1 {
		o := r.JSONLDOptions(talks[0], html.PageOptions{})
		o.Indent = "  "
		_, err := jsonld.Write(w, talks[0], o)
		return err
	}
	var b bytes.Buffer
	b.WriteString("[")
	for i, t := range talks {
		doc, _, err := jsonld.Marshal(t, r.JSONLDOptions(t, html.PageOptions{}))
		if err != nil {
			return fmt.Errorf("%s: %w", t.Origin.Path, err)
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  ")
		// Indent keeps the graph's escapes ("\u003c" in strings) as they are.
		if err := json.Indent(&b, bytes.TrimSpace(doc), "  ", "  "); err != nil {
			return fmt.Errorf("%s: %w", t.Origin.Path, err)
		}
		if _, err := w.Write(b.Bytes()); err != nil {
			return err
		}
		b.Reset()
	}
	if len(talks) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

// writeCalendar writes the talks as one calendar. A talk iCalendar
// cannot hold (a start past the year 9999 in UTC, a time in a zone the
// zone database lacks) is left out, as a talk without a day is, so that
// one record does not cost a whole archive's calendar: the error
// returned holds each such talk's error, in the order of talks, and then
// WriteCalendar's (its *ical.UndatedError). WriteCalendar refuses such a
// talk before it writes anything, and only then is each talk tried
// alone, to find them all.
func writeCalendar(w io.Writer, talks []*talk.Talk, opt renderOptions) error {
	o := ical.Options{Name: calendarName(talks), Stamp: calendarStamp(talks, opt.now)}
	err := ical.WriteCalendar(w, talks, o)
	if !cannotHold(err) {
		return err
	}
	var kept []*talk.Talk
	var left []error
	for _, t := range talks {
		if err := ical.WriteTalk(io.Discard, t, o); cannotHold(err) {
			left = append(left, err)
			continue
		}
		kept = append(kept, t)
	}
	return errors.Join(append(left, ical.WriteCalendar(w, kept, o))...)
}

// cannotHold reports whether err is ical's refusal of a talk whose start
// iCalendar cannot hold.
func cannotHold(err error) bool {
	var outOfRange *ical.RangeError
	var unknownZone *ical.ZoneError
	return errors.As(err, &outOfRange) && outOfRange.Property == "DTSTART" || errors.As(err, &unknownZone)
}

// calendarStamp is the DTSTAMP of a calendar of talks: the time the
// newest of their records, and of their events' records, was changed, as
// ical.Options advises for a published schedule, so that the same
// archive renders to the same calendar every time and a calendar program
// takes a talk changed since for an update. It is now when a record's
// time is unknown (standard input's) or there are no talks.
func calendarStamp(talks []*talk.Talk, now time.Time) time.Time {
	var newest time.Time
	for _, t := range talks {
		files := []string{filepath.FromSlash(t.Origin.Path)}
		if ev := talkEventRecord(t); ev != "" {
			files = append(files, ev)
		}
		for _, f := range files {
			st, err := os.Stat(f)
			if t.Origin.Path == stdinName || err != nil {
				return now
			}
			if st.ModTime().After(newest) {
				newest = st.ModTime()
			}
		}
	}
	if newest.IsZero() {
		return now
	}
	return newest
}

// calendarName names a calendar after the event of its talks, or, when
// they are of several events, neutrally.
func calendarName(talks []*talk.Talk) string {
	if len(talks) == 0 {
		return ""
	}
	first := &talks[0].Event
	for _, t := range talks[1:] {
		if t.Event.ID != first.ID || t.Event.Title != first.Title {
			return "Talks"
		}
	}
	return first.Title
}

func formatNames() string {
	var names []string
	for n := range renderers() {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, "|")
}

func runRender(e *env, args []string) int {
	fs := e.flags("render")
	to := fs.String("to", "", "the output `format`: "+formatNames())
	base := baseFlag(fs, "absolute links and @ids")
	ascii := fs.Bool("ascii", false, "bibtex, biblatex: write non-ASCII characters as LaTeX commands")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	if st := checkBase(fs, *base); st >= 0 {
		return st
	}
	render, ok := renderers()[*to]
	switch {
	case *to == "":
		return usageError(fs, "no format given: -to is one of %s", strings.ReplaceAll(formatNames(), "|", ", "))
	case !ok:
		return usageError(fs, "unknown format %q (want %s)", *to, strings.ReplaceAll(formatNames(), "|", ", "))
	case *ascii && *to != "bibtex" && *to != "biblatex":
		// Not ignored in silence: the output would not be what was asked.
		return usageError(fs, "-ascii applies to -to bibtex and biblatex, not %s", *to)
	case *base != "" && *to != "html" && *to != "jsonld":
		return usageError(fs, "-base applies to -to html and jsonld, whose links and @ids it makes absolute, not %s", *to)
	case fs.NArg() == 0:
		return usageError(fs, "no talk file or directory given")
	}
	status := 0
	var all []*talk.Talk
	for t, err := range e.talks(fs.Args()) {
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			status = 1
			continue
		}
		all = append(all, t)
	}
	if *to == "html" && len(all) > 1 {
		// One stream of several pages is no page at all.
		return usageError(fs, "-to html writes one talk's page, and %d talks were read: build a site of them with \"talkmeta site -o DIR\"", len(all))
	}
	out := bufio.NewWriter(e.stdout)
	err := render(out, all, renderOptions{base: *base, ascii: *ascii, now: e.now()})
	out.Flush() // an error writing the output is run's to report, once
	if err != nil && !e.isOutputError(err) {
		for _, line := range renderErrorLines(err, all) {
			fmt.Fprintln(e.stderr, line)
		}
	}
	if err != nil || e.outputFailed() {
		return 1
	}
	return status
}

// renderErrorLines words err, the error of rendering talks, as errorLine
// words a record's: a calendar's talks left out (for want of a day, or
// with a time iCalendar cannot hold) one a line, each with its file first
// and why, rather than all on one line after "ical:".
func renderErrorLines(err error, talks []*talk.Talk) []string {
	type line struct {
		at   int // the talk's place in talks, or len(talks)
		text string
	}
	var lines []line
	place := map[string]int{}
	for i, t := range slices.Backward(talks) {
		place[t.Origin.Path] = i
	}
	add := func(path, text string) {
		at, ok := place[path]
		if !ok {
			at = len(talks)
		}
		lines = append(lines, line{at, text})
	}
	for _, err := range unwrapAll(err) {
		var undated *ical.UndatedError
		var outOfRange *ical.RangeError
		var unknownZone *ical.ZoneError
		switch {
		case errors.As(err, &undated):
			recorded := map[string]talk.Date{}
			for _, t := range talks {
				recorded[t.Origin.Path] = t.Recorded
			}
			for i, id := range undated.IDs {
				who := id
				if i < len(undated.Paths) && undated.Paths[i] != "" {
					who = undated.Paths[i]
				}
				why := "it has no recorded date"
				if d, ok := recorded[who]; ok && !d.IsZero() {
					why = fmt.Sprintf("its recorded date, %s, names no day", d)
				}
				add(who, errorLine(fmt.Errorf("%s: left out of the calendar: %s", who, why)))
			}
		case errors.As(err, &outOfRange) && outOfRange.Path != "" && outOfRange.Err != nil:
			add(outOfRange.Path, errorLine(fmt.Errorf("%s: left out of the calendar: %s %q %s", outOfRange.Path, outOfRange.Property, outOfRange.Err.Text, outOfRange.Err.Reason)))
		case errors.As(err, &unknownZone) && unknownZone.Path != "":
			add(unknownZone.Path, errorLine(fmt.Errorf("%s: left out of the calendar: its event's time zone, %q, is not in the zone database, so its time cannot be placed", unknownZone.Path, unknownZone.Zone)))
		default:
			add("", verbError("render", err))
		}
	}
	slices.SortStableFunc(lines, func(a, b line) int { return cmp.Compare(a.at, b.at) })
	text := make([]string, len(lines))
	for i, l := range lines {
		text[i] = l.text
	}
	return text
}

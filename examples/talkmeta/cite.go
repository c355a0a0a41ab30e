package main

import (
	"bufio"
	"flag"
	"fmt"

	"github.com/talkmeta/talkmeta/talk/cite"
)

const citeUsage = "[-style apa|mla|chicago|ieee|harvard|FILE.csl] [-locale FILE] [-html] | [-format bibtex|biblatex|ris|csl-json] [-ascii] [-event-date] TALK.json|DIR..."

// runCite prints a formatted reference per talk, or with -format the
// talks as citation data, streaming: keys are unique among the talks of
// one run, in the order they are read.
func runCite(e *env, args []string) int {
	fs := e.flags("cite", citeUsage)
	style := fs.String("style", "apa", "the citation `style`: apa, mla, chicago, ieee, harvard, or a .csl file")
	locale := fs.String("locale", "", "a CSL locale `file` for -style (default: the engine's en-US)")
	html := fs.Bool("html", false, "print references as HTML rather than text")
	format := fs.String("format", "", "print citation data in this `format` instead: bibtex, biblatex, ris or csl-json")
	ascii := fs.Bool("ascii", false, "bibtex, biblatex: write non-ASCII characters as LaTeX commands")
	eventDate := fs.Bool("event-date", false, "csl-json: add event-date, which MLA needs and APA prints twice")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *format == "" {
		if set["ascii"] || set["event-date"] {
			fmt.Fprintln(e.stderr, "talkmeta cite: -ascii and -event-date go with -format")
			return 2
		}
		return citeStyle(e, fs.Args(), *style, *locale, *html)
	}
	if set["style"] || set["locale"] || set["html"] {
		fmt.Fprintln(e.stderr, "talkmeta cite: -format prints data, not references: leave out -style, -locale and -html")
		return 2
	}
	f, err := cite.ParseFormat(*format)
	if err != nil {
		fmt.Fprintln(e.stderr, "talkmeta", err)
		return 2
	}
	out := bufio.NewWriter(e.stdout)
	w := cite.NewWriter(out, f, cite.Options{ASCII: *ascii, EventDate: *eventDate})
	status := 0
	for t, err := range talks(fs.Args()) {
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			status = 1
			continue
		}
		if err := w.Write(t); err != nil {
			fmt.Fprintln(e.stderr, "talkmeta cite:", err)
			return 1
		}
	}
	if err := w.Close(); err != nil {
		fmt.Fprintln(e.stderr, "talkmeta cite:", err)
		return 1
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(e.stderr, "talkmeta cite:", err)
		return 1
	}
	return status
}

// citeStyle prints one formatted reference per talk.
func citeStyle(e *env, paths []string, style, locale string, html bool) int {
	fmt.Fprintln(e.stderr, "talkmeta cite: formatted references need the CSL engine (talk/cite/csl), which this build does not have yet; use -format")
	return 2
}

// Command talkmeta works with conference-talk archives: it shows, checks,
// formats, renders and cites talks, and imports schedules. It is built only
// on talkmeta's public packages, so each verb is also an example of using
// them.
//
// Run it with no arguments to see the seed talk from an embedded sample and
// the list of verbs; "talkmeta help VERB" explains one.
//
// Exit status: 0 on success, 1 when there were findings or records that
// could not be read, 2 on a usage error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"
)

// A verb is one subcommand. It returns the exit status.
type verb struct {
	name, args, summary string
	run                 func(e *env, args []string) int
}

// env is what a verb may touch, so that tests can run verbs in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	isTerminal     bool             // stderr is a terminal: progress lines are welcome
	now            func() time.Time // the clock, fixed in tests
}

func verbs() []verb {
	return []verb{
		{"show", "[FILE|DIR...]", "show talks (the embedded sample when no file is given)", runShow},
		{"slug", "[-style default|pyvideo] [TITLE...]", "print one slug per title (titles from stdin when none are given)", runSlug},
		{"urls", "DIR", "print each talk's ID and its pyvideo.org URL path", runURLs},
		{"render", "-to FORMAT [-base URL] TALK.json|DIR...", "write the talks in another format: html, jsonld, bibtex, biblatex, ris, csl-json, ics", runRender},
		{"cite", "[-style STYLE|-format FORMAT] TALK.json|DIR...", "print a reference per talk (APA, MLA, ...), or the talks as BibTeX, BibLaTeX, RIS or CSL-JSON", runCite},
		{"fmt", "[-w] DIR|FILE...", "rewrite records in pyvideo's canonical form (list what would change without -w)", runFmt},
		{"check", checkUsage, "validate records and archives: schema, dates, URLs, languages, unique ids and slugs", runCheck},
		{"site", siteUsage, "build a static site: an index, and a page per event, talk and speaker, with pyvideo.org's URLs", runSite},
		{"import", importUsage, "turn a conference's schedule export into one JSON file per talk and per event", runImport},
	}
}

func main() {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, isTerminal: isTerminal(os.Stderr), now: time.Now}
	os.Exit(run(e, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 {
		status := runShow(e, nil)
		fmt.Fprintln(e.stdout)
		usage(e.stdout)
		return status
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		if len(rest) == 1 {
			if i := slices.IndexFunc(verbs(), func(v verb) bool { return v.name == rest[0] }); i >= 0 {
				return verbs()[i].run(e, []string{"-h"})
			}
		}
		usage(e.stdout)
		return 0
	}
	for _, v := range verbs() {
		if v.name == name {
			return v.run(e, rest)
		}
	}
	fmt.Fprintf(e.stderr, "talkmeta: unknown verb %q\n", name)
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: talkmeta VERB [ARGS]")
	fmt.Fprintln(w)
	for _, v := range verbs() {
		fmt.Fprintf(w, "  talkmeta %s %s\n        %s\n", v.name, v.args, v.summary)
	}
}

// flags returns a flag set for a verb that reports usage errors on
// e.stderr; parse it with parseFlags.
func (e *env) flags(v string, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(v, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: talkmeta %s %s\n", v, args)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and returns the exit status to stop with, or -1
// to go on: 0 after -h, 2 after a usage error.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	return -1
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

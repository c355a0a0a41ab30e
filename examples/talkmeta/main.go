// Command talkmeta works with conference-talk archives: it shows, checks,
// formats, renders and cites talks, and imports schedules. It is built on
// talkmeta's public packages, so each verb is also an example of using
// them; what it shares with those packages but users should not depend
// on (reading an archive's files, the words for its layout's faults,
// slugs fitted to file names, JSON without HTML escapes, the test for a
// web address) comes from internal ones.
//
// Run it with no arguments to see the seed talk from an embedded sample and
// the list of verbs; "talkmeta help VERB" explains one.
//
// Exit status: 0 on success (check's warnings alone, and fmt's list of
// files it would rewrite, are no failure), 1 when check found errors or
// a record or file could not be read or written, 2 on a usage error; a
// verb that writes files (fmt -w, site, import) and is interrupted stops
// between two files, and exits as a shell reports the signal (130 for
// SIGINT), as the others do when the signal ends them.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/talkmeta/talkmeta/internal/interrupt"
	"github.com/talkmeta/talkmeta/internal/weburl"
)

// A verb is one subcommand. Its args are the usage of its arguments,
// the one place they are written: the list of verbs and the verb's own
// usage both show them. It returns the exit status.
type verb struct {
	name, args, summary string
	run                 func(e *env, args []string) int
}

// env is what a verb may touch, so that tests can run verbs in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	isTerminal     bool             // stderr is a terminal that welcomes progress lines (see welcomesProgress)
	now            func() time.Time // the clock, fixed in tests
	// notify relays SIGINT, SIGTERM and SIGHUP to c until the function it
	// returns is called, as signal.Notify and signal.Stop do; nil
	// relays none (tests).
	notify func(c chan<- os.Signal) (stop func())
}

func verbs() []verb {
	return []verb{
		{"show", "[FILE|DIR...]", "show talks (the embedded sample when no file is given)", runShow},
		{"slug", "[-style default|pyvideo] [-max N] [-lang CODE] [TITLE...]", "print one slug per title (titles from stdin when none are given)", runSlug},
		{"urls", "FILE|DIR...", "print each talk's ID and its pyvideo.org URL path", runURLs},
		{"render", "-to " + formatNames() + " [-base URL] [-ascii] TALK.json|DIR...", "write the talks in another format: html (one talk's page), jsonld, bibtex, biblatex, ris, csl-json, ics", runRender},
		{"cite", citeUsage, "print a reference per talk (APA, MLA, ...), the talks' bibliography (-mode), or the talks as BibTeX, BibLaTeX, RIS or CSL-JSON", runCite},
		{"fmt", "[-w] DIR|FILE...", "rewrite each record in its format's canonical form, pyvideo's or talkmeta's (list what would change without -w)", runFmt},
		{"check", checkUsage, "validate records and archives: schema, dates, URLs, languages, unique ids and slugs", runCheck},
		{"site", siteUsage, "build a static site: an index, and a page per event, talk and speaker, with pyvideo.org's URLs, each kept across builds", runSite},
		{"import", importUsage, "turn a conference's schedule export into one JSON file per talk and per event", runImport},
	}
}

func main() {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, isTerminal: welcomesProgress(os.Stderr, os.Getenv("TERM")), now: time.Now, notify: notifyInterrupts}
	os.Exit(run(e, os.Args[1:]))
}

// run runs the verb args name and returns the exit status. Output goes
// through an outputWriter: after the first error writing it (a full disk,
// a closed pipe) nothing more is written, and run reports that error
// once, as the verb's, and exits 1.
func run(e *env, args []string) int {
	name := "talkmeta"
	if len(args) > 0 {
		name += " " + args[0]
	}
	out, ok := e.stdout.(*outputWriter)
	if !ok {
		out = &outputWriter{w: e.stdout}
		c := *e
		c.stdout = out
		e = &c
	}
	status := runVerb(e, args)
	if out.err != nil {
		fmt.Fprintf(e.stderr, "%s: writing output: %v\n", name, out.err)
		status = max(status, 1)
	}
	return status
}

// outputWriter writes to w until a write fails, and keeps that error.
type outputWriter struct {
	w   io.Writer
	err error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	o.err = err
	return n, err
}

// isOutputError reports whether err is (or wraps) the error writing the
// output, which run reports: not a record's fault.
func (e *env) isOutputError(err error) bool {
	o, ok := e.stdout.(*outputWriter)
	return ok && o.err != nil && errors.Is(err, o.err)
}

// outputFailed reports whether writing the output has failed, after which
// a verb may as well stop: run reports the error.
func (e *env) outputFailed() bool {
	o, ok := e.stdout.(*outputWriter)
	return ok && o.err != nil
}

func runVerb(e *env, args []string) int {
	if len(args) == 0 {
		status := runShow(e, nil)
		fmt.Fprintln(e.stdout)
		usage(e.stdout)
		return status
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		switch {
		case len(rest) == 0:
			usage(e.stdout)
			return 0
		case len(rest) > 1:
			fmt.Fprintf(e.stderr, "talkmeta help: one verb at a time, not %d: %s\n", len(rest), strings.Join(rest, " "))
		case slices.ContainsFunc(verbs(), func(v verb) bool { return v.name == rest[0] }):
			return runVerb(e, []string{rest[0], "-h"})
		default:
			fmt.Fprintf(e.stderr, "talkmeta help: unknown verb %q\n", rest[0])
		}
		usage(e.stderr)
		return 2
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
	fmt.Fprintln(w)
	fmt.Fprintln(w, "A file named - is standard input: a talk record, import's schedule, or cite's -csl-json items;")
	fmt.Fprintln(w, "\"talkmeta fmt -\" writes the record's canonical form to standard output.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Exit status: 0 on success, check's warnings and fmt's list of files to rewrite included; 1 when")
	fmt.Fprintln(w, "check found errors, or a record or file could not be read or written; 2 on a usage error;")
	fmt.Fprintln(w, "128+N after the signal N (130 for Ctrl-C, 141 for a closed pipe).")
}

// flags returns a flag set for the verb v that reports usage errors on
// e.stderr, with the usage verbs gives v; parse it with e.parseFlags,
// and report a usage error found after parsing with usageError.
func (e *env) flags(v string) *flag.FlagSet {
	var args string
	if i := slices.IndexFunc(verbs(), func(vb verb) bool { return vb.name == v }); i >= 0 {
		args = verbs()[i].args
	}
	fs := flag.NewFlagSet(v, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: talkmeta %s %s\n", v, args)
		fs.PrintDefaults()
	}
	return fs
}

// usageError says what is wrong with a verb's arguments, on one line,
// then shows the verb's usage, and returns the exit status 2.
func usageError(fs *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(fs.Output(), "talkmeta %s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fs.Usage()
	return 2
}

// baseFlag defines the -base flag of a verb that writes absolute links
// with it, described by what.
func baseFlag(fs *flag.FlagSet, what string) *string {
	return fs.String("base", "", "the site's base `URL` (http or https), for "+what)
}

// checkBase returns the usage error of a -base that cannot be the base
// of the pages' URLs (see weburl.CheckBase: not an absolute http or https
// URL, or one with a user, a query or a fragment), or -1 for one that
// can, or none: the pages would say nothing of links that lead nowhere.
func checkBase(fs *flag.FlagSet, base string) int {
	if base == "" {
		return -1
	}
	if err := weburl.CheckBase(base); err != nil {
		return usageError(fs, "-base %v", err)
	}
	return -1
}

// parseFlags parses args and returns the exit status to stop with, or -1
// to go on: 0 after -h, whose usage goes to stdout as asked for (as
// "talkmeta help" shows the verbs there), 2 after a usage error, whose
// usage goes to stderr. Flags may come before, between and after the
// other arguments, as in "import -from c3voc schedule.json -o archive";
// "--" ends the flags, and "-" alone is an argument. A flag given twice
// with two values ("-o site -o out") is a usage error, where the flag
// package would keep the last without a word.
func (e *env) parseFlags(fs *flag.FlagSet, args []string) int {
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {} // shown below, after the reason
	fs.SetOutput(io.Discard)
	values := map[*flag.Flag]flag.Value{}
	given := map[string][]string{} // each flag's values, as set, in order
	fs.VisitAll(func(f *flag.Flag) {
		values[f] = f.Value
		f.Value = explained(f.Value, func(v string) { given[f.Name] = append(given[f.Name], v) })
	})
	err := fs.Parse(interspersed(fs, args))
	for f, v := range values {
		f.Value = v // the flag package's own, which its usage reads
	}
	fs.Usage = usage
	fs.SetOutput(out)
	if err == nil {
		// The flag package keeps the last of a flag given twice, and
		// says nothing: "-o site -o out" would write to one of the two
		// without a word of the other.
		var twice []string
		fs.VisitAll(func(f *flag.Flag) {
			if vs := given[f.Name]; len(slices.Compact(slices.Clone(vs))) > 1 {
				times := fmt.Sprintf("%d times", len(vs))
				if len(vs) == 2 {
					times = "twice"
				}
				twice = append(twice, fmt.Sprintf("-%s is given %s, as %s", f.Name, times, quoteList(vs)))
			}
		})
		if len(twice) > 0 {
			return usageError(fs, "%s: give each flag once", strings.Join(twice, "; "))
		}
	}
	switch {
	case err == flag.ErrHelp:
		fs.SetOutput(e.stdout)
		fs.Usage()
		fs.SetOutput(out)
		return 0
	case err != nil:
		return usageError(fs, "%v", err)
	}
	return -1
}

// explainedValue is a flag's value whose Set, refusing a value, says
// what to give, where the flag package's numbers and booleans say only
// "parse error": "invalid value "ten" for flag -max: want a whole
// number, such as 40". It stands in for the flag's own value while the
// arguments are parsed, and only then: the usage reads the flag's
// defaults from the value's own type.
type explainedValue struct {
	flag.Value
	set func(value string) // told of each value set, as the value shows it
}

func (v explainedValue) Set(s string) error {
	err := v.Value.Set(s)
	if err == nil {
		v.set(v.Value.String())
		return nil
	}
	g, ok := v.Value.(flag.Getter)
	if !ok {
		return err
	}
	switch g.Get().(type) {
	case bool:
		return errors.New("want true or false (the flag alone is true)")
	case int:
		if _, perr := strconv.ParseInt(s, 0, strconv.IntSize); errors.Is(perr, strconv.ErrRange) {
			return errors.New("out of range; want a whole number of at most 18 digits")
		}
		return errors.New("want a whole number, such as 40")
	}
	return err
}

// explainedBool is an explainedValue of a boolean flag, which needs no
// value after it.
type explainedBool struct{ explainedValue }

func (explainedBool) IsBoolFlag() bool { return true }

// explained wraps v as an explainedValue that tells set of each value
// set, keeping whether v is a boolean flag's.
func explained(v flag.Value, set func(value string)) flag.Value {
	if b, ok := v.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return explainedBool{explainedValue{v, set}}
	}
	return explainedValue{v, set}
}

// quoteList quotes each of values, and joins them as a list in words:
// "a", "b" and "c".
func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = forTerminal(strconv.Quote(v))
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// interspersed reorders args so that the flag package, which stops at the
// first argument that is not a flag, sees every flag: the flags (with
// their values) first, in their order, then "--" and the other arguments
// in theirs.
func interspersed(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // the flag package reports it
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 == len(args) {
			return flags // the flag package reports the missing value
		}
		i++
		flags = append(flags, args[i]) // the flag's value, whatever it looks like
	}
	return append(append(flags, "--"), rest...)
}

// notifyInterrupts relays SIGINT, SIGTERM and SIGHUP (the terminal
// closed) to c until stop is called, but not one the process was started
// with ignored (see package interrupt), so that "nohup talkmeta site"
// goes on after its user logs out.
func notifyInterrupts(c chan<- os.Signal) (stop func()) {
	return interrupt.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
}

// interrupts holds SIGINT, SIGTERM and SIGHUP off a verb that writes
// files, so that an interrupted run stops between two files and cleans
// up after itself, where being killed in the middle would leave
// temporary files behind (fmt -w's and import's beside each record,
// site's whole half-built copy of the site).
type interrupts struct {
	c      chan os.Signal
	caught os.Signal
	stop   func()
}

// catchInterrupts holds SIGINT, SIGTERM and SIGHUP off until release.
func (e *env) catchInterrupts() *interrupts {
	i := &interrupts{c: make(chan os.Signal, 1), stop: func() {}}
	if e.notify != nil {
		i.stop = e.notify(i.c)
	}
	return i
}

// interrupted returns the signal caught, or nil when there was none. A
// verb asks between two files, and stops at the first it is told of.
func (i *interrupts) interrupted() os.Signal {
	if i.caught == nil {
		select {
		case i.caught = <-i.c:
		default:
		}
	}
	return i.caught
}

// release lets SIGINT, SIGTERM and SIGHUP kill the process again.
func (i *interrupts) release() { i.stop() }

// interruptedStatus is the exit status of a run that stopped at the
// signal sig: 128 and its number, what a shell reports for a command the
// signal killed, so that scripts see it as interrupted and not as
// findings (1) or a usage error (2).
func interruptedStatus(sig os.Signal) int {
	if n, ok := sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 1
}

// welcomesProgress reports whether progress lines, which check and site
// redraw with a carriage return and an ANSI erase ("\r\033[K"), may go
// to f: a terminal, unless the environment's TERM says it is a dumb
// one (an Emacs shell buffer, an editor's output pane), which would show
// the escapes as text, progress upon progress on one line.
func welcomesProgress(f *os.File, term string) bool {
	return term != "dumb" && isTerminal(f)
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

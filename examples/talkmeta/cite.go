package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/html"
)

const citeUsage = "[-style apa|mla|chicago|ieee|harvard|FILE.csl] [-locale FILE] [-html] [-event-date] [-mode bibliography|citation|citations] TALK.json|DIR... | -csl-json ITEMS.json [-mode ...] | -format bibtex|biblatex|ris|csl-json [-ascii] [-event-date] TALK.json|DIR..."

// runCite prints a formatted reference per talk, each alone, or with
// -mode the talks as one bibliography or citation, or with -format the
// talks as citation data, streaming: keys are unique among the talks of
// one run, in the order they are read.
func runCite(e *env, args []string) int {
	fs := e.flags("cite")
	style := fs.String("style", "apa", "the citation `style`: apa, mla, chicago, ieee, harvard, or a .csl file")
	locale := fs.String("locale", "", "a CSL locale `file` for -style (default: the engine's en-US)")
	html := fs.Bool("html", false, "print references as HTML rather than text")
	format := fs.String("format", "", "print citation data in this `format` instead: bibtex, biblatex, ris or csl-json")
	ascii := fs.Bool("ascii", false, "bibtex, biblatex: write non-ASCII characters as LaTeX commands")
	eventDate := fs.Bool("event-date", false, "add event-date to the CSL items, which MLA needs and APA prints twice (default: on for -style mla)")
	items := fs.String("csl-json", "", "format the CSL-JSON items in this `file` (any item type; - for standard input) instead of talks")
	mode := fs.String("mode", "", "format the talks, or the -csl-json items, together in this `mode`: bibliography (sorted, numbered and disambiguated (\"2019a\") as the style says, one entry a line; -csl-json's default), citation (one citation of all) or citations (each one's citation alone, one a line); without it, each talk's reference is made alone, in the order the talks are read")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *items != "" {
		if fs.NArg() > 0 || set["format"] || set["ascii"] || set["event-date"] {
			return usageError(fs, "-csl-json formats the items of one file: leave out talks, -format, -ascii and -event-date")
		}
		if *mode == "" {
			*mode = "bibliography"
		}
		if *mode != "bibliography" && *mode != "citation" && *mode != "citations" {
			return usageError(fs, "-mode is bibliography, citation or citations, not %q", *mode)
		}
		return citeItems(e, *items, *style, *locale, *mode, *html)
	}
	if fs.NArg() == 0 {
		return usageError(fs, "no talk file or directory given")
	}
	if *format == "" {
		if *style == "mla" && !set["event-date"] {
			// MLA prints a talk's date from event-date only: without
			// it every reference would leave out the date it has.
			*eventDate = true
		}
		switch {
		case set["ascii"]:
			return usageError(fs, "-ascii goes with -format")
		case set["mode"] && *mode != "bibliography" && *mode != "citation" && *mode != "citations":
			return usageError(fs, "-mode is bibliography, citation or citations, not %q", *mode)
		case set["mode"]:
			return citeTalksTogether(e, fs.Args(), *style, *locale, *mode, *html, cite.Options{EventDate: *eventDate})
		}
		return citeStyle(e, fs.Args(), *style, *locale, *html, cite.Options{EventDate: *eventDate})
	}
	if set["style"] || set["locale"] || set["html"] || set["mode"] {
		return usageError(fs, "-format prints data, not references: leave out -style, -locale, -html and -mode")
	}
	f, err := cite.ParseFormat(*format)
	if err != nil {
		return usageError(fs, "%v", strings.TrimPrefix(err.Error(), "cite: "))
	}
	out := bufio.NewWriter(e.stdout)
	w := cite.NewWriter(out, f, cite.Options{ASCII: *ascii, EventDate: *eventDate})
	status := 0
	for t, err := range e.talks(fs.Args()) {
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			status = 1
			continue
		}
		if err := w.Write(t); err != nil {
			// An error writing the output is run's to report, once; the
			// writer writes nothing more after any error.
			if !e.isOutputError(err) {
				fmt.Fprintln(e.stderr, recordError(t.Origin.Path, err))
			}
			return 1
		}
	}
	if err := w.Close(); err != nil {
		if !e.isOutputError(err) {
			fmt.Fprintln(e.stderr, "talkmeta cite:", err)
		}
		return 1
	}
	if out.Flush() != nil {
		return 1 // run reports it
	}
	return status
}

// citeStyle prints one formatted reference per talk, in input order.
func citeStyle(e *env, paths []string, style, locale string, html bool, opt cite.Options) int {
	pr, err := cslProcessor(style, locale, true)
	if err != nil {
		fmt.Fprintln(e.stderr, verbError("cite", err))
		return cslStatus(err)
	}
	out := bufio.NewWriter(e.stdout)
	status := 0
	// Each entry is made first, so that an error making it is the
	// record's and one writing it the output's (which run reports).
	for t, err := range e.talks(paths) {
		var entry string
		if err == nil {
			entry, err = cite.Reference(pr, cslFormat(html), t, opt)
			if _, named := errors.AsType[*talk.RecordError](err); err != nil && !named {
				err = fmt.Errorf("%s: %w", t.Origin.Path, err)
			}
		}
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			status = 1
			continue
		}
		if _, err := out.WriteString(entry + "\n"); err != nil {
			return 1
		}
	}
	if out.Flush() != nil {
		return 1
	}
	return status
}

// citeTalksTogether formats the talks as citeItems formats CSL-JSON
// items: as one bibliography, where two talks of an author in one year
// are told apart ("2019a") and a numeric style numbers its entries, which
// references made each alone do not. A talk that cannot be read is
// reported, and the others are formatted.
func citeTalksTogether(e *env, paths []string, style, locale, mode string, html bool, opt cite.Options) int {
	pr, err := cslProcessor(style, locale, mode == "bibliography")
	if err != nil {
		fmt.Fprintln(e.stderr, verbError("cite", err))
		return cslStatus(err)
	}
	status := 0
	var keys cite.KeySet
	var items []*csl.Item
	for t, err := range e.talks(paths) {
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			status = 1
			continue
		}
		it, err := cite.CSLItem(t, keys.Key(t), opt)
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			status = 1
			continue
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return status
	}
	if err := writeItems(e.stdout, pr, items, mode, cslFormat(html)); err != nil {
		if !e.isOutputError(err) {
			fmt.Fprintln(e.stderr, verbError("cite", err))
		}
		return 1
	}
	return status
}

// citeItems formats arbitrary CSL-JSON items, as pandoc's citeproc does:
// the bibliography, sorted as the style says, one citation of all the
// items (sorted, disambiguated and collapsed as the style says), or each
// item's citation alone.
func citeItems(e *env, file, style, locale, mode string, html bool) int {
	pr, err := cslProcessor(style, locale, mode == "bibliography")
	if err != nil {
		fmt.Fprintln(e.stderr, verbError("cite", err))
		return cslStatus(err)
	}
	data, err := e.readArg(file, itemsLimit)
	if err != nil {
		fmt.Fprintln(e.stderr, verbError("cite", err))
		return 1
	}
	var items []*csl.Item
	if items, err = csl.ParseItems(data); err == nil {
		err = writeItems(e.stdout, pr, items, mode, cslFormat(html))
	}
	if err != nil && e.isOutputError(err) {
		return 1 // not the file's fault; run reports it
	}
	if err != nil {
		fmt.Fprintln(e.stderr, errorLine(&fileError{Name: argName(file), Err: err}))
		return 1
	}
	return 0
}

// Limits on the files cite reads, checked before they are read: CSL-JSON
// items (a large library exports a few MiB), and styles and locales (the
// official ones are under 300 KiB).
const (
	itemsLimit = 64 << 20
	styleLimit = 4 << 20
)

func writeItems(w io.Writer, pr *csl.Processor, items []*csl.Item, mode string, f csl.Format) error {
	switch mode {
	case "bibliography":
		bib, err := pr.Bibliography(f, items...)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(w, strings.TrimSuffix(bib, "\n"))
		return err
	case "citation":
		c, err := pr.Cite(f, items...)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(w, c)
		return err
	}
	for _, it := range items {
		c, err := pr.Citation(f, it)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintln(w, c); err != nil {
			return err
		}
	}
	return nil
}

// errNoBibliography says why a style without a bibliography cannot
// format references, and what can.
var errNoBibliography = errors.New("the style has no bibliography, so it formats no references; -mode citation or citations formats its citations of CSL-JSON items")

// cslUsageError is cslProcessor's error for a -style that the command
// line gets wrong: a name that is no built-in style nor a .csl file, or
// a style that cannot do what was asked. A style or locale file that
// cannot be read or parsed is a file's fault, as a record's is.
type cslUsageError struct{ error }

func (e *cslUsageError) Unwrap() error { return e.error }

// cslStatus is the exit status for cslProcessor's error err: 2 for a
// usage error, 1 for a style or locale file that could not be read, as
// "talkmeta help" says of a file, and as a -csl-json file's is.
func cslStatus(err error) int {
	if _, ok := errors.AsType[*cslUsageError](err); ok {
		return 2
	}
	return 1
}

// cslProcessor loads a built-in style by name or a style file, with the
// engine's en-US locale, or a locale file whose missing terms en-US's
// fill. needBibliography refuses a style without a bibliography, which
// formats citations only.
func cslProcessor(style, locale string, needBibliography bool) (*csl.Processor, error) {
	var (
		st  *csl.Style
		err error
	)
	if slices.Contains(csl.BuiltinStyleNames(), style) {
		st, err = csl.BuiltinStyle(style)
	} else if strings.HasSuffix(style, ".csl") {
		st, err = loadCSL(style, csl.ParseStyle)
	} else {
		err = &cslUsageError{fmt.Errorf("unknown style %q: use %s, or a .csl file", style, strings.Join(csl.BuiltinStyleNames(), ", "))}
	}
	if err != nil {
		return nil, err
	}
	if needBibliography && !st.HasBibliography() {
		// Said once, of the style, rather than of every talk or item.
		return nil, &cslUsageError{&fileError{Name: style, Err: errNoBibliography}}
	}
	enUS, err := csl.BuiltinLocale()
	if err != nil {
		return nil, err
	}
	if locale == "" {
		return csl.New(st, enUS)
	}
	// The file's terms over en-US's, which fill its gaps, as CSL's
	// locale fallback ends in en-US.
	loc, err := loadCSL(locale, csl.ParseLocale)
	if err != nil {
		return nil, err
	}
	return csl.New(st, enUS, loc)
}

// loadCSL reads a style or locale file with parse, naming the file in
// errors, and refusing a file over styleLimit or one that is not a
// regular file (a device, a pipe) before it is read.
func loadCSL[T any](name string, parse func([]byte) (T, error)) (T, error) {
	data, err := readInput(name, styleLimit)
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := parse(data)
	if err != nil {
		return v, &fileError{Name: name, Err: err}
	}
	return v, nil
}

func cslFormat(html bool) csl.Format {
	if html {
		return csl.HTML
	}
	return csl.Text
}

// pageCitations are the "Cite this talk" formats of a talk's page: the
// reference in APA (apa is the built-in APA style's processor, made once
// per run) and the BibTeX entry.
func pageCitations(apa *csl.Processor, t *talk.Talk) ([]html.Citation, error) {
	ref, err := cite.Reference(apa, csl.Text, t, cite.Options{})
	if err != nil {
		return nil, err
	}
	var bib strings.Builder
	if err := cite.WriteBibTeX(&bib, t, cite.Options{}); err != nil {
		return nil, err
	}
	return []html.Citation{{Label: "APA", Text: ref}, {Label: "BibTeX", Text: bib.String()}}, nil
}

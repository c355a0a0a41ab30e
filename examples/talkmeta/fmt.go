package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/internal/staged"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// runFmt lists, or with -w rewrites, the records that are not in their
// canonical form: the talk records, the event records named, and, of a
// directory named, the event
// record (category.json or event.json) of each event within it that its
// talks are in; a talk file named, or a directory of talks, is formatted
// alone, as gofmt formats only the files it is given. Each record keeps
// its own form: a pyvideo record is written as pyvideo.MarshalTalk and
// pyvideo.FormatEvent write it, a talkmeta record (in an event's talks/
// directory, or its event.json) as import writes it; neither is converted
// to the other, which would lose what the other form has no place for.
//
// "-" is a talk record on standard input, whose canonical form is
// written to standard output, as gofmt does with its input; -w has no
// file to write it to.
func runFmt(e *env, args []string) int {
	fs := e.flags("fmt")
	write := fs.Bool("w", false, "write the canonical form back to each file that differs")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	if fs.NArg() == 0 {
		return usageError(fs, "no file or directory given")
	}
	if *write && slices.Contains(fs.Args(), stdinArg) {
		return usageError(fs, "-w writes files, and standard input (-) is none: leave out -w to have its canonical form on stdout")
	}
	status := 0
	events := map[string]bool{} // the event records met, by name
	// With -w, stopped says, before each file that may be written,
	// whether the run was interrupted: it stops there, and every file is
	// whole, either as it was or rewritten. Without -w, nothing is
	// written, and an interrupt kills the run as usual.
	var sigs *interrupts
	if *write {
		sigs = e.catchInterrupts()
		defer sigs.release()
	}
	stopped := func() bool {
		if sigs != nil && sigs.interrupted() != nil {
			fmt.Fprintln(e.stderr, "talkmeta fmt: interrupted; each file is either rewritten or as it was")
			return true
		}
		return false
	}
	stdinRead := false
	for _, arg := range fs.Args() {
		if stopped() {
			return interruptedStatus(sigs.interrupted())
		}
		if arg == stdinArg {
			status = max(status, fmtStdin(e, stdinRead))
			stdinRead = true
			continue
		}
		st, err := os.Stat(arg)
		dir := err == nil && st.IsDir()
		if form := eventRecordForm(arg); !dir && form != "" {
			status = max(status, fmtEvent(e, arg, form, *write, true))
			continue
		}
		for t, err := range e.talks([]string{arg}) {
			if e.outputFailed() {
				return status // run reports it
			}
			if stopped() {
				return interruptedStatus(sigs.interrupted())
			}
			if err != nil {
				fmt.Fprintln(e.stderr, errorLine(err))
				status = 1
				continue
			}
			if name := talkEventRecord(t); dir && within(name, arg) && !events[name] {
				events[name] = true
				status = max(status, fmtEvent(e, name, t.Origin.Format, *write, false))
			}
			out, err := canonical(t)
			if err != nil {
				fmt.Fprintln(e.stderr, recordError(t.Origin.Path, err))
				status = 1
				continue
			}
			status = max(status, fmtFile(e, filepath.FromSlash(t.Origin.Path), t.Origin.Raw, out, *write))
		}
	}
	return status
}

// fmtStdin writes the canonical form of the talk record on standard
// input to standard output, changed or not, unless it was read before.
func fmtStdin(e *env, read bool) int {
	status := 0
	for t, err := range e.stdinTalk(read) {
		var out []byte
		if err == nil {
			out, err = canonical(t)
		}
		if err == nil {
			if off := jsonx.LoneSurrogate(t.Origin.Raw); off >= 0 && !bytes.Equal(out, t.Origin.Raw) {
				err = loneSurrogateError(stdinName, t.Origin.Raw, off)
			}
		}
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			status = 1
			continue
		}
		e.stdout.Write(out) // an error writing it is run's to report
	}
	return status
}

// within reports whether the file name is in the directory dir, or
// below it.
func within(name, dir string) bool {
	rel, err := filepath.Rel(dir, name)
	return name != "" && err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// fmtEvent lists, or with write rewrites, the event record name, in the
// given form, when it is not in canonical form. One that cannot be read
// is reported when report is set, and left alone otherwise, where the
// reader of its talks has reported it.
func fmtEvent(e *env, name, form string, write, report bool) int {
	data, err := readRecord(name)
	var out []byte
	switch {
	case err != nil:
	case form == pyvideo.FormatName:
		out, err = pyvideo.FormatEvent(data, filepath.ToSlash(name))
	default:
		var ev *talk.Event
		if ev, err = talk.ParseEventJSON(data, filepath.ToSlash(name)); err == nil {
			out, err = marshalIndent(ev)
		}
	}
	if err != nil {
		if !report {
			return 0
		}
		fmt.Fprintln(e.stderr, errorLine(err))
		return 1
	}
	return fmtFile(e, name, data, out, write)
}

// fmtFile lists, or with write rewrites, the record file name, which
// holds raw, when its canonical form out differs.
func fmtFile(e *env, name string, raw, out []byte, write bool) int {
	if bytes.Equal(out, raw) {
		return 0
	}
	if off := jsonx.LoneSurrogate(raw); off >= 0 {
		fmt.Fprintln(e.stderr, loneSurrogateError(filepath.ToSlash(name), raw, off))
		return 1
	}
	if !write {
		fmt.Fprintln(e.stdout, forTerminal(name))
		return 0
	}
	if err := writeFileAtomic(name, out); err != nil {
		fmt.Fprintln(e.stderr, errorLine(err))
		return 1
	}
	return 0
}

// loneSurrogateError is the error of a record, raw, of the file name
// that holds half of a UTF-16 surrogate pair at off: its canonical form
// would hold U+FFFD instead, which is not a change of form, but of the
// text.
func loneSurrogateError(name string, raw []byte, off int64) error {
	line, col := jsonx.Position(raw, off)
	return fmt.Errorf("%s:%d:%d: %s: not formatted: %s is half of a UTF-16 surrogate pair, without the other; mend it by hand", name, line, col, jsonx.ValuePointer(raw, off), raw[off:off+6])
}

// canonical returns the talk t in the canonical form of the form it was
// read in.
func canonical(t *talk.Talk) ([]byte, error) {
	switch t.Origin.Format {
	case pyvideo.FormatName:
		return pyvideo.MarshalTalk(t)
	case talk.FormatName:
		// Read again: the reader completed t's event from event.json,
		// which the talk file holds only a slim copy of.
		file, err := talk.ParseJSON(t.Origin.Raw, t.Origin.Path)
		if err != nil {
			return nil, err
		}
		return marshalIndent(file)
	}
	return nil, fmt.Errorf("no canonical form known for a record read as %q", t.Origin.Format)
}

// writeFileAtomic replaces the file name with data, whole or not at all
// and keeping what was the old file's (see staged.Replace): an
// interrupted run leaves either the old file or the new one, never half
// of one. An error names the file as name does, and says which step
// failed.
func writeFileAtomic(name string, data []byte) error {
	if err := staged.Replace(name, data); err != nil {
		return fmt.Errorf("%s: not written: %w", name, errs.WithoutPath(err))
	}
	return nil
}

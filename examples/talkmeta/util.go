package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// mustSub returns the subtree dir of an embedded file system, which exists
// by construction.
func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// readInput reads a file named on the command line, refusing one over
// limit bytes (none when limit < 0) before it is read, and a named pipe
// or a device, which could keep the reader waiting or reading without
// end; errors name the file as the user did.
func readInput(name string, limit int64) ([]byte, error) {
	data, err := osfs.ReadFile(osfs.DirFS(filepath.Dir(name)), filepath.Base(name), limit)
	var large *osfs.TooLargeError
	var special *osfs.NotRegularError
	var pe *fs.PathError
	switch {
	case errors.As(err, &large):
		return nil, &osfs.TooLargeError{Name: name, Size: large.Size, Limit: limit}
	case errors.As(err, &special):
		return nil, &osfs.NotRegularError{Name: name, Type: special.Type}
	case errors.As(err, &pe):
		return nil, &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return data, err
}

// readLimited reads the file name as readInput does, and gives one over
// limit the error the library's readers give: a *talk.RecordError holding
// a *talk.LimitError on what ("record size", "schedule size").
func readLimited(name string, limit int64, what string) ([]byte, error) {
	data, err := readInput(name, limit)
	return data, limitError(err, limit, what)
}

// limitError is err, or for a *osfs.TooLargeError the error the
// library's readers give a record over limit: a *talk.RecordError holding
// a *talk.LimitError on what.
func limitError(err error, limit int64, what string) error {
	var large *osfs.TooLargeError
	if errors.As(err, &large) {
		return &talk.RecordError{Path: filepath.ToSlash(large.Name), Err: &talk.LimitError{What: what, Limit: limit, Got: max(large.Size, 0)}}
	}
	return err
}

// stdinArg is the argument that names standard input, as it does for
// most programs: a talk record, a schedule or CSL-JSON items piped in.
const stdinArg = "-"

// stdinName names standard input in errors ("<stdin>:3:14: ..."), and
// is the Origin.Path of a talk read from it.
const stdinName = "<stdin>"

// readArg reads the file that the argument name names as readInput does,
// or standard input for "-", refusing more than limit bytes of it (none
// when limit < 0) with a *osfs.TooLargeError of an unknown size.
func (e *env) readArg(name string, limit int64) ([]byte, error) {
	if name != stdinArg {
		return readInput(name, limit)
	}
	r := e.stdin
	if limit >= 0 {
		r = io.LimitReader(r, limit+1)
	}
	data, err := io.ReadAll(r)
	switch {
	case err != nil:
		return nil, &fs.PathError{Op: "read", Path: stdinName, Err: err}
	case limit >= 0 && int64(len(data)) > limit:
		return nil, &osfs.TooLargeError{Name: stdinName, Size: -1, Limit: limit}
	}
	return data, nil
}

// argName is how messages name the file the argument name names:
// stdinName for "-".
func argName(name string) string {
	if name == stdinArg {
		return stdinName
	}
	return name
}

// errorLine words err as the command prints an error on stderr: "path:
// message", or "path:line:col: message" where there is a place, the file
// first. The library words a file it could not open or list as the
// system call that failed does ("open ev/videos/a.json: permission
// denied"), and its pyvideo reader puts its package's name before that
// and before a file out of place ("pyvideo: ev/videos/README: ..."):
// neither the call nor the package is anything the user typed, and with
// them the line no longer starts with the file, so both are left out.
// What would act on a terminal is escaped (see forTerminal).
func errorLine(err error) string {
	for {
		p, ok := err.(*errs.Prefixed)
		if !ok || !namesFile(p.Err) {
			break
		}
		err = p.Err
	}
	switch e := err.(type) {
	case *fs.PathError:
		return forTerminal(e.Path + ": " + e.Err.Error())
	case *pyvideo.LayoutError:
		return forTerminal(e.Path + ": " + e.Reason)
	}
	return forTerminal(err.Error())
}

// namesFile reports whether err is, or wraps, an error whose message
// starts with the file it is about.
func namesFile(err error) bool {
	var (
		fe *fileError
		pe *fs.PathError
		re *talk.RecordError
		nr *osfs.NotRegularError
		tl *osfs.TooLargeError
		le *pyvideo.LayoutError
	)
	return errors.As(err, &fe) || errors.As(err, &pe) || errors.As(err, &re) || errors.As(err, &nr) || errors.As(err, &tl) || errors.As(err, &le)
}

// recordError words err, an error of the record at path, as errorLine
// does, with path first unless err names its file itself (a
// *talk.RecordError from writing the record does).
func recordError(path string, err error) string {
	if namesFile(err) {
		return errorLine(err)
	}
	return errorLine(fmt.Errorf("%s: %w", path, err))
}

// verbError words err as errorLine does when it names a file, which then
// comes first, and otherwise after the verb's name: "talkmeta cite:
// unknown style ...".
func verbError(verb string, err error) string {
	if namesFile(err) {
		return errorLine(err)
	}
	return "talkmeta " + verb + ": " + errorLine(err)
}

// fileError is an error in the contents of the file Name, a style,
// locale or CSL-JSON file, worded "name:line:col: message" with the place
// Err gives, when it gives one, instead of the csl package's "csl:
// style:line:col:" or "(line:col)", which leave the file out.
type fileError struct {
	Name string
	Err  error
}

// Error words the error as name:line:col: message, or name: message
// where Err gives no place.
func (e *fileError) Error() string {
	var (
		se *csl.SyntaxError
		st *csl.StyleError
		it *csl.ItemError
	)
	switch {
	case errors.As(e.Err, &se) && se.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Name, se.Line, se.Column, se.Message)
	case errors.As(e.Err, &se):
		return fmt.Sprintf("%s:%d: %s", e.Name, se.Line, se.Message)
	case errors.As(e.Err, &st):
		where := "<" + st.Element + ">"
		if st.Attr != "" {
			where += " " + st.Attr
		}
		return fmt.Sprintf("%s:%d:%d: %s: %s", e.Name, st.Line, st.Column, where, st.Message)
	case errors.As(e.Err, &it):
		what := "item"
		if it.ID != "" {
			what += fmt.Sprintf(" %q", it.ID)
		}
		if it.Pointer != "" {
			what += " " + it.Pointer
		}
		if it.Line > 0 {
			return fmt.Sprintf("%s:%d:%d: %s: %s", e.Name, it.Line, it.Column, what, it.Message)
		}
		return fmt.Sprintf("%s: %s: %s", e.Name, what, it.Message)
	}
	return e.Name + ": " + e.Err.Error()
}

// Unwrap returns Err, for errors.As.
func (e *fileError) Unwrap() error { return e.Err }

// forTerminal escapes, as Go writes them in a string ("\x1b", "\n",
// "\u202e"), the characters of s that would act on a terminal rather
// than show on it: control characters, which a record may hold as JSON
// escapes and a file name as they are ("\u001b]0;...\u0007" retitles the
// window, "\u001b[2J" clears it, a newline or a tab breaks the line and
// its fields), the line and paragraph separators, and the bidirectional
// controls, which reorder what the rest of the line shows. Other
// characters, joiners and soft hyphens among them, are written as they
// are. Every line the command writes of what an archive holds goes
// through it: show's values, and the paths and messages of errors,
// findings, fmt's list and urls.
func forTerminal(s string) string {
	acts := func(r rune) bool {
		return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r)
	}
	if !strings.ContainsFunc(s, acts) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if acts(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

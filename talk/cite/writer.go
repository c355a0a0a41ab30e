package cite

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
)

// Format is a citation data format.
type Format int

// The formats [Writer] writes. The zero Format is none.
const (
	BibTeX   Format = iota + 1 // classic BibTeX, [WriteBibTeX]
	BibLaTeX                   // BibLaTeX for biber, [WriteBibLaTeX]
	RIS                        // RIS, [WriteRIS]
	CSLJSON                    // CSL-JSON, [WriteCSLJSON]
)

var formatNames = map[Format]string{BibTeX: "bibtex", BibLaTeX: "biblatex", RIS: "ris", CSLJSON: "csl-json"}

// String returns the format's name as [ParseFormat] reads it.
func (f Format) String() string {
	if n, ok := formatNames[f]; ok {
		return n
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// FormatError reports a format name [ParseFormat] does not know.
type FormatError struct {
	Name string // the name as given
}

// Error names the format and the names ParseFormat knows.
func (e *FormatError) Error() string {
	return fmt.Sprintf("cite: unknown format %q (want bibtex, biblatex, ris or csl-json)", e.Name)
}

// ParseFormat returns the format named name: "bibtex", "biblatex", "ris"
// or "csl-json" ("csljson" and "json" too), in any case.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(name) {
	case "bibtex", "bib":
		return BibTeX, nil
	case "biblatex":
		return BibLaTeX, nil
	case "ris":
		return RIS, nil
	case "csl-json", "csljson", "json":
		return CSLJSON, nil
	}
	return 0, &FormatError{Name: name}
}

// A Writer writes talks one after another in one format, as one file: a
// .bib file, an RIS file, or a CSL-JSON array. It gives each talk a
// citation key (CSL-JSON's id) unique among the talks it has written,
// from a [KeySet], so talks written in the same order get the same keys.
//
// Call [Writer.Close] after the last talk: a CSL-JSON array is only
// complete then. A Writer is not safe for concurrent use. Make one with
// [NewWriter]: the zero Writer has no format, and its Write returns a
// [*FormatError].
type Writer struct {
	w    io.Writer
	f    Format
	opt  Options
	keys KeySet
	n    int // talks written
	// given counts the calls of Write, nil talks too, so that a nil talk
	// is named by its place among them, as WriteAll names it.
	given int
	err   error
}

// NewWriter returns a Writer of format f to w, writing as opt says; its
// Key is ignored.
func NewWriter(w io.Writer, f Format, opt Options) *Writer {
	opt.Key = ""
	return &Writer{w: w, f: f, opt: opt}
}

// Write writes one talk. After an error from the underlying writer, Write
// and Close return that error and write nothing more. A nil t is a
// [*talk.NilError] naming its place among the talks given to Write,
// nil ones too ("talks[3]"), text that is not UTF-8 is
// [talk.Talk.CheckUTF8]'s error, and a date with a year outside
// 0000-9999 is a [*talk.RecordError] holding [talk.Date.Check]'s
// error; nothing is written for any of them, and w can go on.
func (w *Writer) Write(t *talk.Talk) error {
	if w.err != nil {
		return w.err
	}
	i := w.given
	w.given++
	if err := checkTalk(t, i); err != nil {
		return err
	}
	return w.write(t)
}

// write is Write of a talk checkTalk has passed, while w.err is nil.
func (w *Writer) write(t *talk.Talk) error {
	key := w.keys.Key(t)
	switch w.f {
	case BibTeX, BibLaTeX:
		if w.n > 0 {
			w.err = writeString(w.w, "\n")
		}
		opt := w.opt
		opt.Key = key
		if w.err == nil && w.f == BibTeX {
			w.err = writeBibTeX(w.w, t, opt)
		} else if w.err == nil {
			w.err = writeBibLaTeX(w.w, t, opt)
		}
	case RIS:
		w.err = writeRIS(w.w, t)
	case CSLJSON:
		sep := ",\n"
		if w.n == 0 {
			sep = "[\n"
		}
		if w.err = writeString(w.w, sep); w.err == nil {
			w.err = writeCSLItem(w.w, t, key, w.opt, "  ")
		}
	default:
		w.err = &FormatError{Name: w.f.String()}
	}
	w.n++
	return w.err
}

// Close finishes the file: it closes a CSL-JSON array ("[]" when no talk
// was written). It does not close the underlying writer. After Close,
// Write and a second Close write nothing and return an error saying that
// the Writer is closed.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	if w.f == CSLJSON {
		if w.n == 0 {
			w.err = writeString(w.w, "[]\n")
		} else {
			w.err = writeString(w.w, "\n]\n")
		}
	}
	if w.err == nil {
		w.err = errClosed
	}
	return nil
}

// errClosed stops writes after Close.
var errClosed = errors.New("cite: the Writer is closed")

// WriteAll writes talks to w in format f, with unique keys, as a
// [Writer] does. What [Writer.Write] would refuse of any talk is found
// before anything is written, as every writer of a list finds it
// ([talk.CheckTalks]): the first nil talk, as a [*talk.NilError] naming
// its index; else the first talk with text that is not UTF-8; else the
// first date with a year outside 0000-9999.
func WriteAll(w io.Writer, f Format, talks []*talk.Talk, opt Options) error {
	if err := talk.CheckTalks("cite", talks); err != nil {
		return err
	}
	cw := NewWriter(w, f, opt)
	for _, t := range talks {
		if err := cw.write(t); err != nil {
			return err
		}
	}
	return cw.Close()
}

// checkTalk returns what every writer refuses of t before it writes
// anything of it: a nil t, named "talk", or by its index i among the
// talks given when i >= 0 ("talks[3]"); text that is not UTF-8, which
// the writers would drop; and a date whose year BibLaTeX's EDTF and
// RIS's DA and PY cannot hold ([talk.Talk.CheckDates]).
func checkTalk(t *talk.Talk, i int) error {
	if t == nil {
		what := "talk"
		if i >= 0 {
			what = fmt.Sprintf("talks[%d]", i)
		}
		return &talk.NilError{Package: "cite", What: what}
	}
	if err := t.CheckUTF8(); err != nil {
		return err
	}
	return t.CheckDates()
}

func writeString(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

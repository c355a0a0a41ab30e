package schema

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem makes a record wrong or only suspicious.
type Severity int

const (
	// Warning marks what is legal but probably a mistake: a talk without
	// speakers, a relative link, a title with trailing spaces.
	Warning Severity = iota + 1
	// Error marks a record that is wrong: it breaks the schema or a rule
	// the archive's site relies on.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// Problem is one finding about one record: where it is, which rule it
// breaks and what to do about it.
type Problem struct {
	Path     string   // the record's file, slash-separated, as the caller named it
	Pointer  string   // JSON pointer (RFC 6901) to the value at fault; "" for the whole record
	Line     int      // 1-based line in the source, lines ending at "\n" (a CRLF's "\r" ends its line); 0 when unknown
	Column   int      // 1-based byte column, as Go's compiler counts: a tab is 1, "é" 2; 0 when unknown
	Rule     string   // the schema keyword ("required", "type", "format"...) or check name ("date", "rst", "unique-slug"...)
	Severity Severity // Error or Warning
	Message  string   // what is wrong, for a person, and what to write where that is known: `recorded: "2016-02-30" is not a real date`
	// Other is the file of another record the problem is about, named as
	// Path is and as Message names it: the first record with the id or
	// slug a unique-id or unique-slug problem's record repeats; "" for
	// none.
	Other string

	offset int64 // in the source, for sorting; -1 when unknown
	cause  error // what Unwrap returns; nil for a finding about the text
}

// Error formats the problem as "path:line:col: rule: message", the form
// editors and CI logs link to, with " (warning)" after a warning.
func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Column)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Rule)
	b.WriteString(": ")
	b.WriteString(p.Message)
	if p.Severity == Warning {
		b.WriteString(" (warning)")
	}
	return b.String()
}

// Unwrap returns the error the problem was made of, so that errors.Is and
// errors.As see through it: for a record or directory CheckArchive could
// not read (rule "read"), the file system's error, which errors.Is
// compares with fs.ErrNotExist or fs.ErrPermission; for a record beyond
// one of the Validator's Limits (rule "limit"), its [*talk.LimitError]. It
// is nil for the other findings about a record's text.
func (p *Problem) Unwrap() error { return p.cause }

// Problems is what checking found, sorted by file and position.
type Problems []*Problem

// Errors counts the problems of severity Error.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the problems of severity Warning.
func (ps Problems) Warnings() int { return len(ps) - ps.Errors() }

// Err returns ps as an error when it holds an error, and nil when it holds
// only warnings or nothing: the question "is the record valid?".
func (ps Problems) Err() error {
	if ps.Errors() == 0 {
		return nil
	}
	return ps
}

// Error lists the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns each problem, the errors before the warnings (each in
// the order of ps), so that errors.As finds a *Problem in the error Err
// returns, and the first it finds is what makes the record wrong, not a
// warning that comes before it in the file.
func (ps Problems) Unwrap() []error {
	errs := make([]error, 0, len(ps))
	for _, severity := range []Severity{Error, Warning} {
		for _, p := range ps {
			if (p.Severity == Error) == (severity == Error) {
				errs = append(errs, p)
			}
		}
	}
	return errs
}

// sortProblems orders problems by file, then position, then rule, so that
// output is stable whatever order the checks ran in.
func sortProblems(ps Problems) {
	slices.SortStableFunc(ps, func(a, b *Problem) int {
		return cmp.Or(
			strings.Compare(a.Path, b.Path),
			cmp.Compare(a.offset, b.offset),
			strings.Compare(a.Pointer, b.Pointer),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Message, b.Message),
		)
	})
}

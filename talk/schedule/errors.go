package schedule

import (
	"fmt"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
)

// ErrorList is every problem found in one schedule, in source order. The
// parsers return it (as an error) beside the schedule they read, because a
// schedule with one bad talk still has many good ones.
type ErrorList []*talk.RecordError

// Error formats the first problem and how many more there are; range over
// the list to report them all.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "schedule: no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Unwrap returns the problems, so that errors.As finds a [*talk.RecordError].
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// err returns the list as an error: nil when it is empty, so that a nil
// list never becomes a non-nil error interface.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// problems collects the errors of one parse.
type problems struct {
	path string
	json bool // JSON pointers mean something to the reader of the source
	list ErrorList
}

// add records a problem with the value n at the JSON pointer ptr.
func (p *problems) add(n *node, ptr string, format string, args ...any) {
	e := &talk.RecordError{Path: p.path, Err: fmt.Errorf("schedule: "+format, args...)}
	if p.json {
		e.Pointer = ptr
	}
	if n != nil {
		e.Line, e.Column = n.line, n.col
	}
	p.list = append(p.list, e)
}

// typeError records a value of the wrong kind.
// The message names the member, since XML errors have no pointer.
func (p *problems) typeError(n *node, ptr string, want ...string) {
	name := ptr[strings.LastIndexByte(ptr, '/')+1:]
	if name == "" || strings.Trim(name, "0123456789") == "" {
		p.add(n, ptr, "want %s, got %s", strings.Join(want, " or "), n.kind)
		return
	}
	p.add(n, ptr, "%s: want %s, got %s", strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~"), strings.Join(want, " or "), n.kind)
}

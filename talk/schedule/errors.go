package schedule

import (
	"fmt"
	"strings"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/talk"
)

// problems collects the errors of one parse.
type problems struct {
	path string
	json bool // JSON pointers mean something to the reader of the source
	list talk.ErrorList
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

// addCause is add for a problem that the error cause describes, such as a
// [*talk.DateError]: the message is add's, and errors.As finds cause in
// the [talk.RecordError], as it does in talk.ParseJSON's errors.
func (p *problems) addCause(n *node, ptr string, cause error, format string, args ...any) {
	p.add(n, ptr, format, args...)
	e := p.list[len(p.list)-1]
	e.Err = &errs.Worded{Msg: e.Err.Error(), Cause: cause}
}

// typeError records a value of the wrong kind.
// The message names the member, since XML errors have no pointer.
func (p *problems) typeError(n *node, ptr string, want ...string) {
	name := ptr[strings.LastIndexByte(ptr, '/')+1:]
	if name == "" || strings.Trim(name, "0123456789") == "" {
		p.add(n, ptr, "want %s, got %s", strings.Join(want, " or "), n.kind)
		return
	}
	p.add(n, ptr, "%s: want %s, got %s", jsonx.UnescapePointerToken(name), strings.Join(want, " or "), n.kind)
}

package schedule

import (
	"fmt"
	"strings"

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

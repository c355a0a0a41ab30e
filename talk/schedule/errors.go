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

// typeError records a value of the wrong kind. In XML, where every
// value is text, the text is what it got: "got string" would say nothing.
func (p *problems) typeError(n *node, ptr string, want ...string) {
	if !p.json && n.kind == stringNode {
		p.add(n, ptr, "%swant %s, got %q", p.member(ptr), strings.Join(want, " or "), n.text)
		return
	}
	p.add(n, ptr, "%swant %s, got %s", p.member(ptr), strings.Join(want, " or "), n.kind)
}

// member names the member at ptr at the start of a message, "rooms: ",
// where the error has no pointer to say it (XML's), and where the value
// is a member's, not an array element's; else it is "". A JSON error
// says "/schedule/conference: schedule: want an object", not
// "/schedule/conference: schedule: conference: want an object".
func (p *problems) member(ptr string) string {
	name := ptr[strings.LastIndexByte(ptr, '/')+1:]
	if p.json || name == "" || strings.Trim(name, "0123456789") == "" {
		return ""
	}
	return p.name(jsonx.UnescapePointerToken(name)) + ": "
}

// name returns the name a message gives the member called name in the
// tree: its own in JSON, and in XML the name of the element or attribute
// it was read from where the XML reader renamed it ("optout" for
// "do_not_record"), for a name the reader's file does not hold is no help
// in finding the place.
func (p *problems) name(name string) string {
	if p.json {
		return name
	}
	switch name {
	case "daysCount":
		return "days"
	case "do_not_record":
		return "optout"
	case "day_start":
		return "start"
	case "day_end":
		return "end"
	case "recording_license", "recording_url", "recording_link":
		return strings.TrimPrefix(name, "recording_")
	}
	return name
}

// depthError is the error of a schedule nested deeper than maxDepth, as
// the talk readers give one nested deeper than their Limits allow: a
// [*talk.LimitError], so that errors.As tells it from a malformed
// document.
func depthError() *talk.LimitError {
	return &talk.LimitError{What: "nesting depth", Limit: maxDepth}
}

package schema

import (
	"fmt"

	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/talk/rst"
)

// rst checks that the text at ptr parses as reStructuredText: each
// problem docutils reports at level WARNING or above is a finding, at its
// line within the text and its place in the file.
//
// In the pyvideo profile the verdict is pyvideo's CI's: its check looks at
// the first message docutils reports for a text and fails the text only
// when that message is a WARNING or worse. A text whose first message is
// an INFO note passes it whatever follows, so problems after such a note
// are warnings there; everywhere else they are errors.
func (c *checker) rst(ptr pointer, text string) {
	if text == "" {
		return
	}
	diags := rst.Check(text)
	if len(diags) == 0 {
		return
	}
	sev := Error
	if c.v.Profile == Pyvideo && diags[0].Level < rst.Warning {
		sev = Warning
	}
	var value jsonx.Value
	for _, d := range diags {
		if d.Level < rst.Warning {
			continue
		}
		p := c.check(ptr, "rst", sev, fmt.Sprintf("%s line %d: %s", ptr.words(), d.Line, d.Message))
		if p == nil {
			continue
		}
		if value.Raw == nil {
			value = locateValue(c.data, ptr.String())
		}
		p.offset = value.Offset + int64(rawOffset(value.Raw, d.Offset))
	}
}

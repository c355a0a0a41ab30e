package cite

import (
	"fmt"
	"io"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
)

// WriteRIS writes a talk as one RIS record of type SLIDE, which Zotero
// imports as a presentation with T2 as the meeting:
//
//	TY  - SLIDE
//	AU  - Selivanov, Yury
//	TI  - async/await in Python 3.5 and why it is awesome
//	T2  - EuroPython 2016
//	DA  - 2016/08/04/
//	PY  - 2016
//	M3  - Conference presentation
//	UR  - https://www.youtube.com/watch?v=m28fiN9y_r8
//	LA  - en
//	AB  - ...
//	ER  -
//
// Lines end in CRLF, as Zotero writes them, and a blank line follows the
// record. Every value is on one line: line breaks and tabs become
// spaces, and other control characters are dropped. Names are "Family, Given" or "Family, Given,
// Suffix"; literal names are written as they are, which readers take for
// an organisation, except that RIS cannot tell a one-word literal
// ("Various") from a family name, nor a literal with a comma from a
// person. An asterisk is written as it is in every tag: the RIS
// specification of Reference Manager forbade it in AU and KW, but Zotero
// and citation-js read it as any other character, and no other form
// would keep "A* search" or "C*" as they are. It returns what
// [WriteBibTeX] returns.
func WriteRIS(w io.Writer, t *talk.Talk) error {
	if err := checkTalk(t, -1); err != nil {
		return err
	}
	return writeRIS(w, t)
}

// writeRIS is WriteRIS of a talk checkTalk has passed.
func writeRIS(w io.Writer, t *talk.Talk) error {
	var b strings.Builder
	tag := func(tag, value string) {
		if value = clean(value); value != "" {
			b.WriteString(tag + "  - " + value + "\r\n")
		}
	}
	tag("TY", "SLIDE")
	for _, n := range Names(t) {
		tag("AU", n.Inverted())
	}
	tag("TI", title(t))
	tag("T2", t.Event.Title)
	tag("CY", eventPlace(t))
	if d := issued(t); !d.IsZero() {
		tm := d.Time()
		switch d.Precision() {
		case talk.Year:
			tag("DA", fmt.Sprintf("%04d///", tm.Year()))
		case talk.Month:
			tag("DA", fmt.Sprintf("%04d/%02d//", tm.Year(), tm.Month()))
		default:
			tag("DA", fmt.Sprintf("%04d/%02d/%02d/", tm.Year(), tm.Month(), tm.Day()))
		}
		tag("PY", fmt.Sprintf("%04d", tm.Year()))
	}
	tag("M3", Genre(t))
	tag("UR", link(t))
	tag("LA", string(t.Language))
	tag("AB", abstract(t))
	for _, k := range tags(t) {
		tag("KW", k)
	}
	b.WriteString("ER  - \r\n\r\n")
	_, err := io.WriteString(w, b.String())
	return err
}

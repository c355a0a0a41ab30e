package jsonld

import (
	"io"
	"strconv"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
)

// WriteEvent writes the graph of an event page to w: see [MarshalEvent].
func WriteEvent(w io.Writer, e *talk.Event, talks []*talk.Talk, opt Options) error {
	if err := checkNil(e == nil, "event", talks); err != nil {
		return err
	}
	return write(w, eventNodes(e, talks, opt), opt, pageGraphSize)
}

// MarshalEvent returns the graph of an event: the Event with its dates,
// place, site and description, and its talks as subEvents. Each talk is
// given by the @id of its own graph (see [Marshal]) with its name, date,
// performers and, with Options.TalkURL, its page, so that a consumer
// merges what the event's page and the talks' pages say.
//
// A nil e, or a nil talk, is a [*talk.NilError] naming it ("talks[3]").
func MarshalEvent(e *talk.Event, talks []*talk.Talk, opt Options) ([]byte, error) {
	if err := checkNil(e == nil, "event", talks); err != nil {
		return nil, err
	}
	return marshal(eventNodes(e, talks, opt), opt, pageGraphSize)
}

func eventNodes(ev *talk.Event, talks []*talk.Talk, opt Options) func(*encoder) {
	g := &graph{opt: opt}
	return func(e *encoder) {
		e.open()
		g.eventMembers(e, ev)
		e.str("description", strings.TrimSpace(ev.Description))
		e.str("mainEntityOfPage", absoluteOrEmpty(opt.PageURL))
		g.talkRefs(e, "subEvent", talks)
		e.close()
	}
}

// WriteSpeaker writes the graph of a speaker page to w: see
// [MarshalSpeaker].
func WriteSpeaker(w io.Writer, s *talk.Speaker, talks []*talk.Talk, opt Options) error {
	if err := checkNil(s == nil, "speaker", talks); err != nil {
		return err
	}
	return write(w, speakerNodes(s, talks, opt), opt, pageGraphSize)
}

// MarshalSpeaker returns the graph of a speaker: the Person (as in a talk's
// graph, with the same @id, and with their biography) and the talks they
// gave, as performerIn, each as in [MarshalEvent].
//
// A nil s, or a nil talk, is a [*talk.NilError] naming it ("talks[3]").
func MarshalSpeaker(s *talk.Speaker, talks []*talk.Talk, opt Options) ([]byte, error) {
	if err := checkNil(s == nil, "speaker", talks); err != nil {
		return nil, err
	}
	return marshal(speakerNodes(s, talks, opt), opt, pageGraphSize)
}

func speakerNodes(s *talk.Speaker, talks []*talk.Talk, opt Options) func(*encoder) {
	g := &graph{opt: opt}
	return func(e *encoder) {
		e.open()
		g.personMembers(e, s)
		e.str("description", strings.TrimSpace(s.Bio))
		e.str("mainEntityOfPage", absoluteOrEmpty(opt.PageURL))
		g.talkRefs(e, "performerIn", talks)
		e.close()
	}
}

// checkNil reports a nil page record (isNil, named what) or a nil talk,
// which the graph would dereference part-way through.
func checkNil(isNil bool, what string, talks []*talk.Talk) error {
	if isNil {
		return &talk.NilError{Package: "jsonld", What: what}
	}
	for i, t := range talks {
		if t == nil {
			return &talk.NilError{Package: "jsonld", What: "talks[" + strconv.Itoa(i) + "]"}
		}
	}
	return nil
}

// pageGraphSize is about how long an event's or a speaker's graph is, for
// the buffer it is written in to start at.
const pageGraphSize = 4 << 10

// talkRefs writes the member k, the talks given by reference, for an
// event or a speaker.
func (g *graph) talkRefs(e *encoder, k string, talks []*talk.Talk) {
	refs := e.openArray(k)
	for _, t := range talks {
		e.open()
		e.str("@type", "Event")
		g.writeID(e, talkFragment, eventIdentity(&t.Event), talkIdentity(t))
		e.str("name", t.Title)
		e.str("startDate", g.dateIn(t.Recorded, t.Event.TimeZone))
		if g.opt.TalkURL != nil {
			e.str("url", absoluteOrEmpty(g.opt.TalkURL(t)))
		}
		performers := e.openArray("performer")
		for i := range t.Speakers {
			// A speaker without a name is no performer in the talk's own
			// graph either: a reference here would be to a node no graph
			// writes.
			if nameless(&t.Speakers[i]) {
				continue
			}
			if slug := personSlug(&t.Speakers[i]); slug != "" {
				e.open()
				g.writeID(e, "person", "speakers", slug)
				e.close()
			}
		}
		e.closeArray(performers)
		e.close()
	}
	e.closeArray(refs)
}

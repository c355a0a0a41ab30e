package jsonld

import (
	"io"
	"strconv"
	"strings"

	"github.com/talkmeta/talkmeta/internal/pagecheck"
	"github.com/talkmeta/talkmeta/talk"
)

// WriteEvent writes the graph of an event page to w: see [MarshalEvent].
func WriteEvent(w io.Writer, e *talk.Event, talks []*talk.Talk, opt Options) error {
	if err := pagecheck.Check("jsonld", "event", e == nil, talks, e.CheckUTF8, e.CheckDates); err != nil {
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
// A nil e, or a nil talk, is a [*talk.NilError] naming it ("talks[3]"),
// text that is not UTF-8 in them is [talk.Talk.CheckUTF8]'s error, and a
// year outside 0000-9999 is [talk.Talk.CheckDates]'.
func MarshalEvent(e *talk.Event, talks []*talk.Talk, opt Options) ([]byte, error) {
	if err := pagecheck.Check("jsonld", "event", e == nil, talks, e.CheckUTF8, e.CheckDates); err != nil {
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
	if err := pagecheck.Check("jsonld", "speaker", s == nil, talks, s.CheckUTF8); err != nil {
		return err
	}
	return write(w, speakerNodes(s, talks, opt), opt, pageGraphSize)
}

// MarshalSpeaker returns the graph of a speaker: the Person (as in a talk's
// graph, with the same @id, and with their biography) and the talks they
// gave, as performerIn, each as in [MarshalEvent].
//
// A nil s, or a nil talk, is a [*talk.NilError] naming it ("talks[3]"),
// text that is not UTF-8 in them is [talk.Talk.CheckUTF8]'s error, and a
// year outside 0000-9999 is [talk.Talk.CheckDates]'.
func MarshalSpeaker(s *talk.Speaker, talks []*talk.Talk, opt Options) ([]byte, error) {
	if err := pagecheck.Check("jsonld", "speaker", s == nil, talks, s.CheckUTF8); err != nil {
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
		g.performerIn(e, s, talks)
		e.close()
	}
}

// performerIn writes the member "performerIn" of the speaker s: each
// talk s gave, as talkRefs writes it, or, for a talk s is no speaker of
// but of one or more of its parts (a lightning talk of a block, which a
// speaker's page lists as the block), those parts, by the @ids the
// talk's graph gives them ("#part-2"), each with its name, date and
// performers and the node it is a part of (the talk, or a part of it)
// as superEvent: a reference to the block would make s a performer of a
// talk whose graph does not list them. A speaker without an @id, or not
// found among a talk's speakers, gets the talk.
func (g *graph) performerIn(e *encoder, s *talk.Speaker, talks []*talk.Talk) {
	slug := personSlug(s)
	refs := e.openArray("performerIn")
	for _, t := range talks {
		if slug == "" || performs(t.Speakers, slug) || !g.partRefs(e, t, t.Parts, talkFragment, "part-", slug) {
			g.talkRef(e, t)
		}
	}
	e.closeArray(refs)
}

// performs reports whether the speaker whose @id is made from slug is
// among speakers, as a performer the graphs write.
func performs(speakers []talk.Speaker, slug string) bool {
	for i := range speakers {
		if !nameless(&speakers[i]) && personSlug(&speakers[i]) == slug {
			return true
		}
	}
	return false
}

// partRefs writes, as elements, the parts of t among parts (those of the
// node with the fragment parent, their fragments beginning with prefix),
// at any depth, that the speaker whose @id is made from slug performs
// in, and reports whether there was one. A part s performs in stands for
// its own parts.
func (g *graph) partRefs(e *encoder, t *talk.Talk, parts []talk.Talk, parent, prefix, slug string) bool {
	found := false
	for i := range parts {
		p := &parts[i]
		fragment := prefix + strconv.Itoa(i+1)
		if !performs(p.Speakers, slug) {
			found = g.partRefs(e, t, p.Parts, fragment, fragment+".", slug) || found
			continue
		}
		found = true
		e.open()
		e.str("@type", "Event")
		g.writeID(e, fragment, eventIdentity(&t.Event), talkIdentity(t))
		e.str("name", p.Title)
		e.str("startDate", g.dateIn(p.Recorded, t.Event.TimeZone))
		g.performerRefs(e, p.Speakers)
		e.key("superEvent")
		e.open()
		g.writeID(e, parent, eventIdentity(&t.Event), talkIdentity(t))
		e.close()
		e.close()
	}
	return found
}

// pageGraphSize is about how long an event's or a speaker's graph is, for
// the buffer it is written in to start at.
const pageGraphSize = 4 << 10

// talkRefs writes the member k, the talks given by reference, for an
// event or a speaker.
func (g *graph) talkRefs(e *encoder, k string, talks []*talk.Talk) {
	refs := e.openArray(k)
	for _, t := range talks {
		g.talkRef(e, t)
	}
	e.closeArray(refs)
}

// talkRef writes the talk t by reference, as an element.
func (g *graph) talkRef(e *encoder, t *talk.Talk) {
	e.open()
	e.str("@type", "Event")
	g.writeID(e, talkFragment, eventIdentity(&t.Event), talkIdentity(t))
	e.str("name", t.Title)
	e.str("startDate", g.dateIn(t.Recorded, t.Event.TimeZone))
	if g.opt.TalkURL != nil {
		e.str("url", absoluteOrEmpty(g.opt.TalkURL(t)))
	}
	g.performerRefs(e, t.Speakers)
	e.close()
}

// performerRefs writes the member "performer", the speakers by their
// @ids.
func (g *graph) performerRefs(e *encoder, speakers []talk.Speaker) {
	performers := e.openArray("performer")
	for i := range speakers {
		// A speaker without a name is no performer in the talk's own
		// graph either: a reference here would be to a node no graph
		// writes.
		if nameless(&speakers[i]) {
			continue
		}
		if slug := personSlug(&speakers[i]); slug != "" {
			e.open()
			g.writeID(e, "person", "speakers", slug)
			e.close()
		}
	}
	e.closeArray(performers)
}

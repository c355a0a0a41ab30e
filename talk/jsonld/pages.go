package jsonld

import (
	"io"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
)

// WriteEvent writes the graph of an event page to w: see [MarshalEvent].
func WriteEvent(w io.Writer, e *talk.Event, talks []*talk.Talk, opt Options) error {
	return write(w, eventNodes(e, talks, opt), opt, pageGraphSize)
}

// MarshalEvent returns the graph of an event: the Event with its dates,
// place, site and description, and its talks as subEvents. Each talk is
// given by the @id of its own graph (see [Marshal]) with its name, date,
// performers and, with Options.TalkURL, its page, so that a consumer
// merges what the event's page and the talks' pages say.
func MarshalEvent(e *talk.Event, talks []*talk.Talk, opt Options) ([]byte, error) {
	return marshal(eventNodes(e, talks, opt), opt, pageGraphSize)
}

func eventNodes(e *talk.Event, talks []*talk.Talk, opt Options) []any {
	g := graph{opt: opt}
	return []any{append(g.eventNodeOf(e),
		member{"description", strings.TrimSpace(e.Description)},
		member{"mainEntityOfPage", absoluteOrEmpty(opt.PageURL)},
		member{"subEvent", g.talkRefs(talks)})}
}

// WriteSpeaker writes the graph of a speaker page to w: see
// [MarshalSpeaker].
func WriteSpeaker(w io.Writer, s *talk.Speaker, talks []*talk.Talk, opt Options) error {
	return write(w, speakerNodes(s, talks, opt), opt, pageGraphSize)
}

// MarshalSpeaker returns the graph of a speaker: the Person (as in a talk's
// graph, with the same @id, and with their biography) and the talks they
// gave, as performerIn, each as in [MarshalEvent].
func MarshalSpeaker(s *talk.Speaker, talks []*talk.Talk, opt Options) ([]byte, error) {
	return marshal(speakerNodes(s, talks, opt), opt, pageGraphSize)
}

func speakerNodes(s *talk.Speaker, talks []*talk.Talk, opt Options) []any {
	g := graph{opt: opt}
	return []any{append(g.person(s, g.personID(s)),
		member{"description", strings.TrimSpace(s.Bio)},
		member{"mainEntityOfPage", absoluteOrEmpty(opt.PageURL)},
		member{"performerIn", g.talkRefs(talks)})}
}

// pageGraphSize is about how long an event's or a speaker's graph is, for
// the buffer it is written in to start at.
const pageGraphSize = 4 << 10

// talkRefs lists talks by reference, for an event or a speaker.
func (g *graph) talkRefs(talks []*talk.Talk) []any {
	var refs []any
	for _, t := range talks {
		var performers []any
		for i := range t.Speakers {
			if id := g.personID(&t.Speakers[i]); id != "" {
				performers = append(performers, object{{"@id", id}})
			}
		}
		page := ""
		if g.opt.TalkURL != nil {
			page = absoluteOrEmpty(g.opt.TalkURL(t))
		}
		refs = append(refs, object{
			{"@type", "Event"},
			{"@id", g.id("talk", t.Event.ID, t.ID)},
			{"name", t.Title},
			{"startDate", g.dateIn(t.Recorded, t.Event.TimeZone)},
			{"url", page},
			{"performer", performers},
		})
	}
	return refs
}

package schedule

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
)

// The [talk.Origin.Format] names of the records this package reads.
const (
	JSONFormat = "c3voc" // the c3voc schedule JSON
	XMLFormat  = "frab"  // the frab schedule XML
)

// Schedule is a conference schedule in the model's terms: the conference
// and its talks in the order the schedule lists them (by day, then room,
// and in each room as listed, which exports order by time; the readers do
// not sort them).
type Schedule struct {
	Event talk.Event   // the conference, which each talk also carries as its Event
	Talks []*talk.Talk // in the order the schedule lists them
}

// Reader reads schedules. The zero Reader accepts schedules of up to 64
// MiB nested at most 64 deep; it is safe for concurrent use.
type Reader struct {
	// MaxBytes bounds the size of a schedule; 0 means 64 MiB, a negative
	// value no limit. (A large congress exports a few MiB.)
	MaxBytes int64
}

const (
	defaultMaxBytes = 64 << 20
	maxDepth        = 64
)

func (r Reader) tooBig(data []byte, path string) error {
	limit := r.MaxBytes
	if limit == 0 {
		limit = defaultMaxBytes
	}
	if limit > 0 && int64(len(data)) > limit {
		return talk.ErrorList{{Path: path, Err: &talk.LimitError{What: "schedule size", Limit: limit, Got: int64(len(data))}}}
	}
	return nil
}

// ParseJSON reads a schedule in the c3voc schedule JSON form with the zero
// [Reader]; see [Reader.ParseJSON].
func ParseJSON(data []byte, path string) (*Schedule, error) { return Reader{}.ParseJSON(data, path) }

// ParseJSON reads a schedule in the c3voc schedule JSON form, as pretalx,
// frab and the c3voc tools export it. path names the file in errors.
//
// It reads all it can: the returned Schedule is never nil, and holds every
// talk that could be read even when the error is not nil. The error is a
// [talk.ErrorList] of [*talk.RecordError] values, each with the JSON
// pointer, line and column of a problem. A byte order mark before the JSON is skipped, as
// RFC 8259 allows, and columns are counted after it.
func (r Reader) ParseJSON(data []byte, path string) (*Schedule, error) {
	if err := r.tooBig(data, path); err != nil {
		return &Schedule{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	p := &problems{path: path, json: true}
	if err := jsonx.Check(data, maxDepth); err != nil {
		var se *jsonx.SyntaxError
		var de *jsonx.DepthError
		var off int64
		var ptr string
		msg := err.Error()
		switch {
		case errors.As(err, &de):
			off = de.Offset
		case errors.As(err, &se):
			off, ptr = se.Offset, se.Pointer
		}
		line, col := jsonx.Position(data, off)
		var cause error // none for a syntax error, which the message says
		if de != nil {
			cause = depthError()
		}
		return &Schedule{}, talk.ErrorList{{Path: path, Pointer: ptr, Line: line, Column: col, Err: &errs.Worded{Msg: "schedule: " + msg, Cause: cause}}}
	}
	root, err := jsonTree(data, 0, newLines(data))
	if err != nil {
		return &Schedule{}, talk.ErrorList{{Path: path, Err: fmt.Errorf("schedule: %w", err)}}
	}
	m := &mapper{problems: p, format: JSONFormat}
	s := m.schedule(root)
	return s, p.list.Err()
}

// mapper turns the tree of a schedule into the model.
type mapper struct {
	*problems
	format string
	base   *url.URL       // the schedule's base_url, for relative URLs
	zone   *time.Location // the conference's time zone; nil when unknown
	// dayChange is pentabarf's day_change, the time of day at which its
	// schedule's days change, for the days that give no day_start; 0
	// when there is none.
	dayChange talk.Duration
	guids     map[string]place  // where each guid (or derived ID) was first, by its lower case
	ids       map[int64]firstID // where each item's id was first, and that item's code
	// idSpace is what names the conference in the IDs derived for items
	// without a guid (see derivedID): its acronym, or else its URL; ""
	// when it has neither.
	idSpace string
	// trackNames are the names of the conference's tracks, which say
	// whether an item's track "A, B" names two (see itemTracks).
	trackNames map[string]bool
	// markup is that of the items' abstracts and descriptions, as the
	// schedule's generator says (see markupOf).
	markup talk.Markup
}

// firstID is where an item's id was first, with that item's code
// (pretalx's submission code; "" for none), and whether that item had a
// guid.
type firstID struct {
	at      place
	code    string
	hasGUID bool
}

// place is where a value is in the source.
type place struct {
	n   *node
	ptr string
}

// describe names the place as an error message can: by its JSON pointer
// when the source is JSON, else by its line.
func (p place) describe(json bool) string {
	if json {
		return p.ptr
	}
	return fmt.Sprintf("line %d", p.n.line)
}

// dayBounds is what a talk's times are read against: the day's date and,
// when the schedule gives them, the times its programme starts and ends.
type dayBounds struct {
	date       talk.Date
	start, end talk.Date // day_start, day_end
}

// eventFields and the like are the names an Extra member of the event,
// talk or speaker must not take from the source, which are kept under
// another: the JSON names of the model's own fields, which the model's
// JSON writer would drop; "unparsed" and a talk's "link_attributes", which
// the mapping makes and fills itself; and for the event, whose Extra the
// three levels of the JSON form share, the names another level owns (a
// schedule's "days" must not become the conference's, which WriteXML
// writes, nor the conference's "version" the schedule's), so that which
// member gets a name does not depend on the order of the members.
var (
	eventFields   = []string{"id", "title", "series", "description", "start", "end", "time_zone", "place", "url", "unparsed"}
	talkFields    = []string{"id", "title", "subtitle", "slug", "kind", "track", "speakers", "event", "recorded", "duration", "language", "place", "summary", "description", "markup", "tags", "videos", "slides", "links", "thumbnail", "license", "recording", "parts", "legacy", "unparsed", "link_attributes"}
	speakerFields = []string{"name", "given_name", "family_name", "slug", "affiliation", "bio", "homepage", "orcid", "accounts", "image", "unparsed"}

	// The members each level of the JSON form owns in the event's Extra.
	rootOwns       = []string{"generator"}
	scheduleOwns   = []string{"version", "base_url"}
	conferenceOwns = []string{"daysCount", "timeslot_duration", "logo", "colors", "keywords", "tracks", "rooms", "meta", "days"}

	rootFields       = slices.Concat(eventFields, scheduleOwns, conferenceOwns)
	scheduleFields   = slices.Concat(eventFields, rootOwns, conferenceOwns)
	conferenceFields = slices.Concat(eventFields, rootOwns, scheduleOwns)
)

// shape is what the c3voc schema allows a member that the model keeps in
// Extra: its kind and, for an array, its items' (nullNode for any). The
// mapping reports a value of another shape, and keeps it as written, as
// it does a daysCount that is not an integer: WriteXML would leave out,
// without a word, a track or an attachment that is not an object.
type shape struct{ kind, items kind }

// The shapes of the members kept in Extra, by level; null is allowed
// throughout, as "not given".
var (
	rootShapes       = map[string]shape{"generator": {kind: objectNode}}
	scheduleShapes   = map[string]shape{"version": {kind: stringNode}}
	conferenceShapes = map[string]shape{
		"timeslot_duration": {kind: stringNode}, "logo": {kind: stringNode}, "colors": {kind: objectNode},
		"keywords": {arrayNode, stringNode}, "tracks": {arrayNode, objectNode}, "rooms": {arrayNode, objectNode},
		"meta": {kind: objectNode},
	}
	talkShapes = map[string]shape{
		"code": {kind: stringNode}, "feedback_url": {kind: stringNode}, "origin_url": {kind: stringNode},
		"attachments": {arrayNode, objectNode},
	}
	// A person's links may be URLs, as a talk's may.
	personShapes = map[string]shape{"code": {kind: stringNode}, "url": {kind: stringNode}, "links": {kind: arrayNode}}
)

// wantShape reports v, the member at ptr, unless it has the shape that
// shapes gives its name, or is null, or shapes has none for it.
func (m *mapper) wantShape(v *node, ptr string, shapes map[string]shape) {
	want, ok := shapes[jsonx.UnescapePointerToken(ptr[strings.LastIndexByte(ptr, '/')+1:])]
	if !ok || v.kind == nullNode {
		return
	}
	if v.kind != want.kind {
		m.typeError(v, ptr, want.kind.article())
		return
	}
	if want.kind == arrayNode && want.items != nullNode {
		for i, it := range v.items {
			if it.kind != want.items {
				m.typeError(it, ptr+"/"+index(i), want.items.article())
			}
		}
	}
}

// setExtra keeps n in *extra under name, or under prefix+name when name is
// taken by the model or by an earlier member.
//
// Empty values (null, "" and []) carry nothing and are not kept.
func setExtra(extra *map[string]json.RawMessage, fields []string, prefix, name string, n *node) {
	if n.isEmpty() || n.kind == arrayNode && len(n.items) == 0 {
		return
	}
	if *extra == nil {
		*extra = make(map[string]json.RawMessage)
	}
	_, taken := (*extra)[name]
	for _, f := range fields {
		taken = taken || strings.EqualFold(f, name)
	}
	if taken {
		name = prefix + name
	}
	(*extra)[name] = n.raw()
}

func (m *mapper) schedule(root *node) *Schedule {
	s := &Schedule{}
	ev := &s.Event
	ev.Origin = talk.Origin{Format: m.format, Path: m.path}
	if root.kind != objectNode {
		m.typeError(root, "", "an object")
		return s
	}
	sched := root.get("schedule")
	if sched == nil {
		m.add(root, "", "no schedule member")
	}
	for _, mem := range root.members {
		switch mem.name {
		case "schedule", "$schema": // $schema points at the schema file beside the export
		default:
			m.wantShape(mem.value, "/"+jsonx.PointerToken(mem.name), rootShapes)
			if mem.name == "generator" {
				m.markup = markupOf(mem.value)
			}
			setExtra(&ev.Extra, rootFields, "schedule_", mem.name, mem.value)
		}
	}
	if sched == nil {
		return s
	}
	if sched.kind != objectNode {
		m.typeError(sched, "/schedule", "an object")
		unparsed(&ev.Extra, "schedule", sched)
		return s
	}
	var conf *node
	for _, mem := range sched.members {
		ptr := "/schedule/" + jsonx.PointerToken(mem.name)
		switch mem.name {
		case "conference":
			conf = mem.value
		case "base_url":
			if u, ok := m.text(mem.value, ptr); ok && u != "" {
				if b, err := url.Parse(u); err == nil {
					m.base = b
				} else {
					m.add(mem.value, ptr, "base_url %q is not a URL", u)
				}
			}
			setExtra(&ev.Extra, scheduleFields, "schedule_", mem.name, mem.value)
		case "events":
			// The c3voc schedule 2 form (schema2.json, as the 38C3
			// hub exports it) lists the items here, with participants
			// by guid and a day's "start" and "end", rather than in
			// the days' rooms: this reader does not map that form, so
			// its items must not vanish without a word.
			if !mem.value.isEmpty() && !(mem.value.kind == arrayNode && len(mem.value.items) == 0) {
				m.add(mem.value, ptr, "%sthe items of the c3voc schedule 2 form (schema2.json), which this reader does not import as talks; they are kept in the event's Extra \"events\": export the schedule in the schema.json form (items in conference.days[].rooms) to import them", m.member(ptr))
			}
			setExtra(&ev.Extra, scheduleFields, "schedule_", mem.name, mem.value)
		case "rooms":
			// Where older exports put the rooms, which the schema
			// forbids: WriteXML reads the conference's rooms for their
			// guids, not these, which are kept as schedule_rooms.
			m.add(mem.value, ptr, "%sthe rooms belong in the conference", m.member(ptr))
			setExtra(&ev.Extra, scheduleFields, "schedule_", mem.name, mem.value)
		default:
			m.wantShape(mem.value, ptr, scheduleShapes)
			setExtra(&ev.Extra, scheduleFields, "schedule_", mem.name, mem.value)
		}
	}
	if conf == nil {
		m.add(sched, "/schedule", "no conference member")
		return s
	}
	if conf.kind != objectNode {
		m.typeError(conf, "/schedule/conference", "an object")
		unparsed(&ev.Extra, "conference", conf)
		return s
	}
	m.conference(conf, ev)
	if ev.URL == "" && m.base != nil {
		ev.URL = m.base.String()
	}
	m.idSpace = ev.ID
	if m.idSpace == "" {
		m.idSpace = ev.URL
	}
	// The days come last: their talks need the time zone and base URL,
	// which a conference may give after them.
	if days := conf.get("days"); days != nil {
		s.Talks = m.days(days, "/schedule/conference/days", ev)
	}
	// The event is complete only once all days were read. Each talk gets
	// its own copy of the Extra map, so that changing one changes no other.
	for _, t := range s.Talks {
		t.Event = *ev
		t.Event.Extra = maps.Clone(ev.Extra)
	}
	return s
}

func (m *mapper) conference(conf *node, ev *talk.Event) {
	for _, mem := range conf.members {
		v, ptr := mem.value, "/schedule/conference/"+jsonx.PointerToken(mem.name)
		switch mem.name {
		case "acronym":
			ev.ID, _ = m.textOr(v, ptr, &ev.Extra, mem.name)
		case "title":
			ev.Title, _ = m.textOr(v, ptr, &ev.Extra, mem.name)
		case "description":
			ev.Description, _ = m.textOr(v, ptr, &ev.Extra, mem.name)
		case "url":
			ev.URL, _ = m.textOr(v, ptr, &ev.Extra, mem.name)
		case "start", "end":
			d := m.date(v, ptr, &ev.Extra, mem.name)
			if mem.name == "start" {
				ev.Start = d
			} else {
				ev.End = d
			}
		case "venue":
			ev.Place.Venue, _ = m.textOr(v, ptr, &ev.Extra, mem.name)
		case "city":
			ev.Place.City, _ = m.textOr(v, ptr, &ev.Extra, mem.name)
		case "day_change":
			// pentabarf's, as FOSDEM and the CCC congresses before frab
			// exported it: a talk listed with a start before it is on
			// the next calendar day. Kept as written, too.
			if s, ok := m.text(v, ptr); ok && s != "" {
				if c, ok := parseClock(s); ok && time.Duration(c) < 24*time.Hour {
					m.dayChange = c
				} else {
					m.add(v, ptr, "day_change %q is not a time of day such as 04:00", s)
				}
			}
			setExtra(&ev.Extra, conferenceFields, "conference_", mem.name, v)
		case "time_zone_name":
			name, ok := m.textOr(v, ptr, &ev.Extra, mem.name)
			if !ok || name == "" {
				break
			}
			if loc, ok := zone.Load(name); !ok {
				m.add(v, ptr, "time_zone_name %q is not an IANA time zone", name)
				unparsed(&ev.Extra, mem.name, v)
			} else {
				ev.TimeZone, m.zone = name, loc
			}
		case "days":
			// read last; see schedule
		case "daysCount":
			m.wantInteger(v, ptr)
			setExtra(&ev.Extra, conferenceFields, "conference_", mem.name, v)
		case "rooms":
			m.wantShape(v, ptr, conferenceShapes)
			m.roomGUIDs(v, ptr)
			setExtra(&ev.Extra, conferenceFields, "conference_", mem.name, v)
		case "tracks":
			m.wantShape(v, ptr, conferenceShapes)
			m.trackNames = trackNames(v)
			setExtra(&ev.Extra, conferenceFields, "conference_", mem.name, v)
		default:
			m.wantShape(v, ptr, conferenceShapes)
			setExtra(&ev.Extra, conferenceFields, "conference_", mem.name, v)
		}
	}
	keepUnread(&ev.Extra, conf)
	if ev.ID == "" {
		m.add(conf, "/schedule/conference", "the conference has no acronym")
	}
}

// roomGUIDs reports a room that the conference's rooms list again with
// another guid (in any case, as UUIDs are the same in upper and lower
// case): WriteXML gives the room the first.
func (m *mapper) roomGUIDs(rooms *node, ptr string) {
	if rooms.kind != arrayNode {
		return
	}
	var first map[string]place
	for i, r := range rooms.items {
		name, guid := r.get("name"), r.get("guid")
		if name == nil || name.kind != stringNode || guid == nil || guid.kind != stringNode || guid.text == "" {
			continue
		}
		gp := ptr + "/" + index(i) + "/guid"
		if f, again := seenAt(&first, name.text, place{guid, gp}); again && !strings.EqualFold(f.n.text, guid.text) {
			m.add(guid, gp, "room %q: guid %q differs from %q at %s", name.text, guid.text, f.n.text, f.describe(m.json))
		}
	}
}

// unparsed keeps a source value the model could not take in the Extra
// member "unparsed", an object by source member name, so that nothing is
// lost and the value is easy to find and fix.
func unparsed(extra *map[string]json.RawMessage, name string, v *node) {
	if *extra == nil {
		*extra = make(map[string]json.RawMessage)
	}
	o := fromRaw((*extra)["unparsed"])
	if o == nil || o.kind != objectNode {
		o = object()
	}
	if prev := o.get(name); prev != nil {
		// Both are kept: the XML reader's unread values of a list,
		// beside the mapping's own of it.
		v = &node{kind: arrayNode, items: []*node{prev, v}}
	}
	o.set(name, v)
	(*extra)["unparsed"] = o.raw()
}

// keepUnread keeps what the XML reader could not place in n's tree (see
// [node.unread]) as unparsed.
func keepUnread(extra *map[string]json.RawMessage, n *node) {
	if n.unread == nil {
		return
	}
	for _, mem := range n.unread.members {
		unparsed(extra, mem.name, mem.value)
	}
}

// text returns a string or null value ("" for null); anything else is a
// type error.
func (m *mapper) text(v *node, ptr string) (string, bool) {
	switch v.kind {
	case nullNode:
		return "", true
	case stringNode:
		return v.text, true
	}
	m.typeError(v, ptr, "a string")
	return "", false
}

// textOr is text that keeps a value of the wrong kind as unparsed.
func (m *mapper) textOr(v *node, ptr string, extra *map[string]json.RawMessage, name string) (string, bool) {
	s, ok := m.text(v, ptr)
	if !ok {
		unparsed(extra, name, v)
	}
	return s, ok
}

// date reads a date or date-time, keeping what does not parse as unparsed.
func (m *mapper) date(v *node, ptr string, extra *map[string]json.RawMessage, name string) talk.Date {
	s, ok := m.textOr(v, ptr, extra, name)
	if !ok || s == "" {
		return talk.Date{}
	}
	d, err := talk.ParseDate(s)
	if err != nil {
		m.dateError(v, ptr, err)
		unparsed(extra, name, v)
	}
	return d
}

// dateError reports err, talk.ParseDate's refusal of the value v at
// ptr, in the talk package's words, after the member's name where the
// error has no pointer to say it (see member).
func (m *mapper) dateError(v *node, ptr string, err error) {
	m.addCause(v, ptr, err, "%s%s", m.member(ptr), strings.TrimPrefix(err.Error(), "talk: "))
}

func (m *mapper) days(days *node, ptr string, ev *talk.Event) []*talk.Talk {
	if days.kind != arrayNode {
		m.typeError(days, ptr, "an array")
		unparsed(&ev.Extra, "days", days)
		return nil
	}
	var talks []*talk.Talk
	var list []*node // the days without their rooms, for Event.Extra
	for i, day := range days.items {
		dptr := ptr + "/" + index(i)
		if day.kind != objectNode {
			m.typeError(day, dptr, "an object")
			list = append(list, day)
			continue
		}
		// A fixed order, so that a day read from JSON and from XML keeps
		// the same Extra bytes.
		kept := object()
		for _, name := range []string{"index", "date", "day_start", "day_end"} {
			if v := day.get(name); v != nil {
				kept.set(name, v)
			}
		}
		if v := day.get("index"); v != nil {
			m.wantInteger(v, dptr+"/index")
		}
		var date talk.Date
		if v := day.get("date"); v != nil {
			if s, ok := m.text(v, dptr+"/date"); ok && s != "" {
				var err error
				date, err = talk.ParseDate(s)
				switch {
				case err != nil:
					m.dateError(v, dptr+"/date", err)
					date = talk.Date{}
				case date.Precision() != talk.Day:
					m.add(v, dptr+"/date", "%s%q is not a day (want YYYY-MM-DD)", m.member(dptr+"/date"), s)
					date = talk.Date{}
				}
			}
		}
		var start, end talk.Date
		for _, name := range []string{"day_start", "day_end"} {
			if v := day.get(name); v != nil {
				if s, ok := m.text(v, dptr+"/"+name); ok && s != "" {
					d, err := talk.ParseDate(s)
					if err != nil {
						m.dateError(v, dptr+"/"+name, err)
					} else if name == "day_start" {
						start = d
					} else {
						end = d
					}
				}
			}
		}
		if start.IsZero() && m.dayChange > 0 && !date.IsZero() {
			// A pentabarf day, which starts at day_change: only the
			// time of day matters (see start), which needs no zone.
			h, mi, sec := clockParts(m.dayChange)
			y, mo, dd := date.Time().Date()
			start = talk.DateTimeOf(time.Date(y, mo, dd, h, mi, sec, 0, time.UTC), false)
		}
		for _, mem := range day.members {
			switch mem.name {
			case "index", "date", "day_start", "day_end":
			case "rooms":
				ts, left := m.rooms(mem.value, dptr+"/rooms", dayBounds{date, start, end})
				talks = append(talks, ts...)
				if left != nil {
					kept.set(mem.name, left)
				}
			default:
				kept.set(mem.name, mem.value)
			}
		}
		list = append(list, kept)
	}
	if len(list) > 0 {
		setExtra(&ev.Extra, conferenceFields, "conference_", "days", &node{kind: arrayNode, items: list})
	}
	return talks
}

// rooms maps the items of a day's rooms. What is not an item (a rooms
// value that is not an object, a room's that is not an array, an item
// that is not an object) is reported and returned as left, in the shape
// it had, for the day's entry in the event's Extra; left is nil when there
// is none.
func (m *mapper) rooms(rooms *node, ptr string, d dayBounds) (talks []*talk.Talk, left *node) {
	if rooms.kind != objectNode {
		m.typeError(rooms, ptr, "an object")
		return nil, rooms
	}
	keep := func(name string, v *node) {
		if left == nil {
			left = object()
		}
		left.set(name, v)
	}
	for _, room := range rooms.members {
		rptr := ptr + "/" + jsonx.PointerToken(room.name)
		if room.value.kind != arrayNode {
			m.typeError(room.value, rptr, "an array")
			keep(room.name, room.value)
			continue
		}
		var bad []*node
		var prev *talk.Talk // the room's last item timed by the day's date
		for i, item := range room.value.items {
			iptr := rptr + "/" + index(i)
			if item.kind != objectNode {
				m.typeError(item, iptr, "an object")
				bad = append(bad, item)
				continue
			}
			t := m.talk(item, iptr, room.name, d)
			talks = append(talks, t)
			if d.start.IsZero() && item.get("date").isEmpty() && t.Recorded.Precision() >= talk.DateTime {
				m.pastMidnight(prev, t, item.get("start"), iptr+"/start")
				prev = t
			}
		}
		if bad != nil {
			keep(room.name, &node{kind: arrayNode, items: bad})
		}
	}
	return talks, left
}

// talk maps one scheduled item ("event" in the format's words).
func (m *mapper) talk(e *node, ptr, room string, d dayBounds) *talk.Talk {
	t := &talk.Talk{Origin: talk.Origin{Format: m.format, Path: m.path}}
	t.Place.Room = room
	var date, start, end *node
	var tracks []string // in the order the item names them
	var optOut place    // do_not_record, when it is true
	var pageURL string
	var videos []talk.Video
	for _, mem := range e.members {
		v, p := mem.value, ptr+"/"+jsonx.PointerToken(mem.name)
		switch mem.name {
		case "guid":
			if s, ok := m.textOr(v, p, &t.Extra, mem.name); ok && s != "" {
				t.ID = s
				m.guid(v, p, s)
			}
		case "id":
			m.legacyID(t, v, p, e.get("code"), !e.get("guid").isEmpty())
		case "title":
			t.Title, _ = m.textOr(v, p, &t.Extra, mem.name)
		case "subtitle":
			t.Subtitle, _ = m.textOr(v, p, &t.Extra, mem.name)
		case "slug":
			t.Slug, _ = m.textOr(v, p, &t.Extra, mem.name)
		case "track", "tracks":
			tracks = append(tracks, m.itemTracks(t, v, p, mem.name)...)
		case "type":
			if s, ok := m.textOr(v, p, &t.Extra, mem.name); ok {
				t.Kind = kindOf(s)
				if t.Kind != s {
					setExtra(&t.Extra, talkFields, "c3voc_", mem.name, v)
				}
			}
		case "language":
			if s, ok := m.textOr(v, p, &t.Extra, mem.name); ok && s != "" {
				m.language(t, v, p, s)
			}
		case "abstract":
			t.Summary, _ = m.textOr(v, p, &t.Extra, mem.name)
		case "description":
			t.Description, _ = m.textOr(v, p, &t.Extra, mem.name)
		case "room":
			// The room that lists the item is its room: WriteXML
			// writes it there, as the schedule has it.
			s, ok := m.textOr(v, p, &t.Extra, mem.name)
			switch {
			case !ok || s == "" || s == room:
			case room == "":
				t.Place.Room = s
			default:
				m.add(v, p, "room %q is not %q, the room that lists the item", s, room)
				setExtra(&t.Extra, talkFields, "c3voc_", mem.name, v)
			}
		case "date":
			date = v
			t.Recorded = m.inZone(v, p, mem.name, m.date(v, p, &t.Extra, mem.name))
		case "start":
			start = v
		case "end":
			end = v
		case "duration":
			m.duration(t, v, p)
		case "url":
			if s, ok := m.textOr(v, p, &t.Extra, mem.name); ok {
				pageURL = m.resolve(v, p, s)
			}
		case "logo":
			if s, ok := m.textOr(v, p, &t.Extra, mem.name); ok {
				t.Thumbnail = m.resolve(v, p, s)
			}
		case "recording_license":
			t.License, _ = m.textOr(v, p, &t.Extra, mem.name)
		case "do_not_record":
			switch {
			case v.kind == boolNode && v.text == "true":
				t.Recording = talk.NotRecorded
				optOut = place{v, p}
			case v.kind == boolNode || v.kind == nullNode:
			default:
				m.typeError(v, p, "a boolean")
				unparsed(&t.Extra, mem.name, v)
			}
		case "recording_url", "video_download_url":
			if s, ok := m.textOr(v, p, &t.Extra, mem.name); ok && s != "" {
				videos = append(videos, video(m.resolve(v, p, s), mem.name == "video_download_url"))
			}
		case "persons":
			t.Speakers = m.persons(v, p, t)
		case "links":
			m.links(v, p, t)
		case "attachments":
			m.wantShape(v, p, talkShapes)
			m.resolveEach(v, p)
			setExtra(&t.Extra, talkFields, "c3voc_", mem.name, v)
		default:
			m.wantShape(v, p, talkShapes)
			setExtra(&t.Extra, talkFields, "c3voc_", mem.name, v)
		}
	}
	keepUnread(&t.Extra, e)
	for _, name := range tracks {
		switch {
		case t.Track == "":
			t.Track = name
		case name != t.Track && !slices.Contains(t.Tags, name):
			t.Tags = append(t.Tags, name)
		}
	}
	if t.ID == "" && e.get("guid").isEmpty() {
		m.deriveID(t, e, ptr)
	}
	if start != nil {
		m.start(t, start, ptr+"/start", d)
	}
	if end != nil {
		m.end(t, end, ptr+"/end")
	}
	if date != nil {
		m.inDay(t, date, ptr+"/date", "date", d)
	} else if start != nil {
		m.inDay(t, start, ptr+"/start", "start", d)
	}
	if t.Recorded.IsZero() {
		// An item with no date and no start of its own is on the day
		// that lists it: without it, the model would keep no trace of
		// that day, and WriteXML would put the talk on another.
		t.Recorded = d.date
	}
	if pageURL != "" {
		t.Links = append([]talk.Link{{URL: pageURL, Label: ScheduleLabel}}, t.Links...)
	}
	t.Videos = videos
	if t.Summary != "" || t.Description != "" {
		t.Markup = m.markup
	}
	if optOut.n != nil && len(videos) > 0 {
		// Both are kept, as the source has them: which is right, only
		// the schedule's author knows; but an archive must not publish
		// the recording of a speaker who opted out without asking.
		m.add(optOut.n, optOut.ptr, "do_not_record is true (the speaker opted out of recording), but the item has a recording, %s: both are kept; make sure the speaker agreed before publishing it", videos[0].URL)
	}
	return t
}

// itemTracks returns the names of the tracks an item's member name
// ("track" or "tracks"), v at p, gives: a string, which names one track,
// or several joined by commas when the conference lists each of them as a
// track and not the whole ("Security, Hardware", but not "Ethics, Society
// & Politics", one track of 36C3's); or an array (repeated <track>
// elements in XML) of names and of objects with a name, as the
// conference's tracks are. An array's object with other members than its
// name (a color), and its items that are neither, are kept in Extra under
// the member's name; the latter, and a value of another kind, are
// reported.
func (m *mapper) itemTracks(t *talk.Talk, v *node, p, name string) []string {
	switch v.kind {
	case nullNode:
		return nil
	case stringNode:
		return m.splitTrack(v.text)
	case arrayNode:
	default:
		m.typeError(v, p, "a string", "an array")
		unparsed(&t.Extra, name, v)
		return nil
	}
	var names []string
	keep := false
	for i, it := range v.items {
		switch n := it.get("name"); {
		case it.kind == stringNode:
			names = append(names, m.splitTrack(it.text)...)
		case it.kind == objectNode && n != nil && n.kind == stringNode:
			names = append(names, m.splitTrack(n.text)...)
			keep = keep || len(it.members) > 1
		default:
			m.typeError(it, p+"/"+index(i), "a string", "an object with a name")
			keep = true
		}
	}
	if keep {
		setExtra(&t.Extra, talkFields, "c3voc_", name, v)
	}
	return names
}

// trackNames is the set of the names of the tracks of a conference's
// "tracks", an array of objects; nil when there are none.
func trackNames(tracks *node) map[string]bool {
	var names map[string]bool
	for _, tr := range objects(tracks) {
		if name := tr.get("name"); name != nil && name.kind == stringNode && name.text != "" {
			if names == nil {
				names = make(map[string]bool)
			}
			names[name.text] = true
		}
	}
	return names
}

// splitTrack returns the tracks s names (see itemTracks): s, or, when s
// is not the name of one of the conference's tracks but is names of them
// joined by commas, those names (a name may itself hold a comma); none
// for "".
func (m *mapper) splitTrack(s string) []string {
	if s == "" {
		return nil
	}
	if m.trackNames[s] || !strings.Contains(s, ",") {
		return []string{s}
	}
	if names := splitNames(strings.Split(s, ","), m.trackNames); names != nil {
		return names
	}
	return []string{s}
}

// splitNames partitions parts, the pieces of a text between its commas,
// into runs that each join (with their commas, and without the white
// space around them) to one of names, preferring the longest first; nil
// when there is no such partition.
func splitNames(parts []string, names map[string]bool) []string {
	if len(parts) == 0 {
		return []string{}
	}
	for n := len(parts); n > 0; n-- {
		name := strings.TrimSpace(strings.Join(parts[:n], ","))
		if !names[name] {
			continue
		}
		if rest := splitNames(parts[n:], names); rest != nil {
			return append([]string{name}, rest...)
		}
	}
	return nil
}

// duration reads an item's duration, v at p: hours and minutes ("00:45",
// "1:30"), with seconds or not ("01:30:00"). A bare number, as some
// hand-made schedules give minutes, has no unit that says whether it is
// minutes or seconds: it is reported, with the form it would have as
// minutes, and kept as unparsed, as is anything else.
func (m *mapper) duration(t *talk.Talk, v *node, p string) {
	if v.kind == numberNode || v.kind == stringNode && v.text != "" && strings.Trim(v.text, "0123456789") == "" {
		if n, err := strconv.Atoi(v.text); err == nil && n >= 0 {
			m.add(v, p, "duration %s is a number without a unit; the format wants hours and minutes, such as %q for %d minutes", v.raw(), fmt.Sprintf("%02d:%02d", n/60, n%60), n)
			unparsed(&t.Extra, "duration", v)
			return
		}
	}
	s, ok := m.textOr(v, p, &t.Extra, "duration")
	if !ok || s == "" {
		return
	}
	if d, ok := parseClock(s); ok {
		t.Duration = d
		return
	}
	m.add(v, p, "duration %q is not a clock duration such as 00:45", s)
	unparsed(&t.Extra, "duration", v)
}

// markupOf is the markup of the abstracts and descriptions of a schedule
// whose generator is g: Markdown for pretalx, which asks for and renders
// Markdown in them; else plain, as the format does not say, and frab's
// and the c3voc tools' texts are plain or HTML alike.
func markupOf(g *node) talk.Markup {
	if name := g.get("name"); name != nil && name.kind == stringNode && strings.EqualFold(strings.TrimSpace(name.text), "pretalx") {
		return talk.Markdown
	}
	return talk.Plain
}

// ScheduleLabel labels the link to a talk's page in the schedule (the
// format's "url"), which the importers put first among the talk's links.
const ScheduleLabel = "Schedule"

// video makes a Video of a recording URL.
func video(u string, download bool) talk.Video {
	provider, id := talk.VideoID(u)
	v := talk.Video{Provider: provider, URL: u, ID: id}
	if provider == talk.File {
		v.ID = ""
		v.Format = strings.TrimPrefix(strings.ToLower(path.Ext(id)), ".")
	}
	if download && provider == "" {
		v.Provider = talk.File
	}
	return v
}

// wantInteger reports v, at ptr, unless it is an integer, as the schema
// has a day's index and the conference's daysCount. The model has no
// field for either, so v is kept as written all the same.
func (m *mapper) wantInteger(v *node, ptr string) {
	if v.kind == numberNode {
		if _, err := strconv.ParseInt(v.text, 10, 64); err == nil {
			return
		}
	}
	m.add(v, ptr, "%swant an integer, got %s", m.member(ptr), v.raw())
}

// legacyID reads an item's id, v at p, and reports an id another item
// has, unless both have the same code: pretalx gives each slot of a
// submission (a talk given twice, a workshop in parts) the submission's
// id and code, and a guid of its own.
//
// Two items without a guid that share an id are left to deriveID to
// report, as their derived IDs are the same.
func (m *mapper) legacyID(t *talk.Talk, v *node, p string, code *node, hasGUID bool) {
	if v.kind == nullNode {
		return
	}
	if v.kind == numberNode {
		if n, err := strconv.ParseInt(v.text, 10, 64); err == nil && n > 0 {
			t.Legacy.ID = n
			c := ""
			if code != nil && code.kind == stringNode {
				c = code.text
			}
			first, again := m.ids[n]
			switch {
			case !again:
				if m.ids == nil {
					m.ids = make(map[int64]firstID)
				}
				m.ids[n] = firstID{place{v, p}, c, hasGUID}
			case !hasGUID && !first.hasGUID:
			case c == "" || c != first.code:
				m.add(v, p, "id %d is also the id of the item at %s", n, first.at.describe(m.json))
			}
			return
		}
	}
	m.add(v, p, "%swant a positive integer, got %s", m.member(p), v.raw())
	unparsed(&t.Extra, "id", v)
}

// start checks the deprecated "start" (HH:MM) against the date, or makes
// the date from it and the item's date when that is a day without a time,
// or the day's date when the item has none; it keeps it in Extra beside
// a date that is a month or a year, which has no day for it. On the
// day's date, a time before the day's programme starts is past midnight,
// on the next calendar day: a schedule's day runs from day_start to
// day_end.
func (m *mapper) start(t *talk.Talk, v *node, p string, d dayBounds) {
	s, ok := m.textOr(v, p, &t.Extra, "start")
	if !ok || s == "" {
		return
	}
	clock, ok := parseClock(s)
	if !ok || time.Duration(clock) >= 24*time.Hour {
		m.add(v, p, "start %q is not a time of day such as 09:30", s)
		unparsed(&t.Extra, "start", v)
		return
	}
	if t.Recorded.Precision() >= talk.DateTime {
		if clockOf(t.Recorded.Time()) != clock {
			setExtra(&t.Extra, talkFields, "c3voc_", "start", v)
		}
		return
	}
	var y, dd int
	var mo time.Month
	switch {
	case t.Recorded.Precision() == talk.Day: // the item's own date, without a time
		y, mo, dd = t.Recorded.Time().Date()
	case !t.Recorded.IsZero():
		// A month or a year: the item's date has no day for the time,
		// and the day's date must not replace it.
		setExtra(&t.Extra, talkFields, "c3voc_", "start", v)
		return
	case d.date.IsZero():
		setExtra(&t.Extra, talkFields, "c3voc_", "start", v)
		return
	default:
		y, mo, dd = d.date.Time().Date()
		if d.start.Precision() >= talk.DateTime && d.start.Day() == d.date && clock < clockOf(d.start.Time()) {
			dd++ // time.Date carries it into the next month or year
		}
	}
	// The wall-clock time on that date: midnight plus the clock would be
	// an hour off on the days the clocks change.
	h, mi, sec := clockParts(clock)
	t.Recorded = m.inZone(v, p, "start", talk.DateTimeOf(time.Date(y, mo, dd, h, mi, sec, 0, time.UTC), false))
}

// pastMidnight reports an item t whose start, on its day's date, is
// earlier than that of prev, the item before it in its room, when the
// day says neither when it starts (day_start) nor when the schedule's days
// change (day_change): as older frab XML, which lists a room's items in
// the order they are given, writes a talk at 00:30 after one at 23:00.
// Its start is then read on the day's date, a day early if the talk was
// after midnight, and only the schedule's author can tell which.
func (m *mapper) pastMidnight(prev, t *talk.Talk, v *node, p string) {
	if prev == nil || v == nil || !t.Recorded.Time().Before(prev.Recorded.Time()) {
		return
	}
	m.add(v, p, "%s%s is listed after %s in its room, but the day gives no day_start (nor the conference a day_change) to say whether it is past midnight; read as %s: give the day's start and end to place it", m.member(p), t.Recorded.Time().Format("15:04"), prev.Recorded.Time().Format("15:04"), t.Recorded)
}

// inDay reports a talk whose time, read from the member name at v, falls
// outside its day's day_start to day_end: the model keeps no other trace
// of the day the talk was listed on, and WriteXML would put it on another.
func (m *mapper) inDay(t *talk.Talk, v *node, p, name string, d dayBounds) {
	for _, x := range []talk.Date{t.Recorded, d.start, d.end} {
		if x.Precision() != talk.DateTimeOffset {
			return
		}
	}
	if at := t.Recorded.Time(); at.Before(d.start.Time()) || at.After(d.end.Time()) {
		m.add(v, p, "%s %s is outside its day, %s to %s", name, t.Recorded, d.start, d.end)
	}
}

// clockParts splits a time of day into hours, minutes and seconds.
func clockParts(c talk.Duration) (h, mi, sec int) {
	s := int(time.Duration(c) / time.Second)
	return s / 3600, s / 60 % 60, s % 60
}

// clockOf is the time of day of t, as written in its zone.
func clockOf(t time.Time) talk.Duration {
	h, mi, sec := t.Clock()
	return talk.Duration(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second)
}

// inZone gives a date-time written without a UTC offset (the member name,
// at v) the conference's time zone, when the schedule names one: the
// times of a schedule are the conference's wall-clock times.
//
// A wall-clock time the zone does not have, as the clocks skip it going
// forward, is reported and read with the offset before the change (so
// 02:30 is 03:30 summer time); one the zone has twice, as the clocks go
// back, is reported and read as the first. iCalendar (RFC 5545, section
// 3.3.5) reads such times the same way.
func (m *mapper) inZone(v *node, p, name string, d talk.Date) talk.Date {
	if d.Precision() != talk.DateTime || m.zone == nil {
		return d
	}
	w := d.Time()
	t, readings := zone.Wall(w, m.zone)
	wall := w.Format("2006-01-02T15:04:05.999999999")
	switch {
	case readings == 0:
		m.add(v, p, "%s %s does not exist in time zone %s (the clocks skip it); read as %s", name, wall, m.zone, talk.DateTimeOf(t, true))
	case readings > 1:
		m.add(v, p, "%s %s is ambiguous in time zone %s (the clocks show it twice); read as the first, %s", name, wall, m.zone, talk.DateTimeOf(t, true))
	}
	return talk.DateTimeOf(t, true)
}

// end keeps an "end" that the date and duration do not already imply, and
// gives the duration when the item has none.
func (m *mapper) end(t *talk.Talk, v *node, p string) {
	e := m.inZone(v, p, "end", m.date(v, p, &t.Extra, "end"))
	if e.IsZero() {
		return
	}
	if t.Recorded.Precision() == talk.DateTimeOffset && e.Precision() == talk.DateTimeOffset {
		d := e.Time().Sub(t.Recorded.Time())
		if d < 0 {
			m.add(v, p, "end %s is before the talk's start, %s", e, t.Recorded)
		}
		if t.Duration == 0 && d > 0 {
			t.Duration = talk.Duration(d)
			return
		}
		if time.Duration(t.Duration) == d {
			return
		}
	}
	setExtra(&t.Extra, talkFields, "c3voc_", "end", v)
}

// guid checks an item's guid: a UUID, and no other item's (UUIDs are the
// same in upper and lower case).
func (m *mapper) guid(v *node, p, s string) {
	if !isUUID(s) {
		m.add(v, p, "guid %q is not a UUID", s)
	}
	if first, again := seenAt(&m.guids, strings.ToLower(s), place{v, p}); again {
		m.add(v, p, "guid %q is also the guid of the item at %s", s, first.describe(m.json))
	}
}

// vocNamespace is the UUID namespace of the c3voc tools (voc/schedule's
// voc/tools.py, uuid_namespace), in which their converters derive an
// item's guid from the conference's acronym and the item's id.
var vocNamespace = [16]byte{0x0c, 0x9a, 0x24, 0xb4, 0x72, 0xaa, 0x42, 0x02, 0x9f, 0x91, 0x5a, 0x2b, 0x6b, 0xff, 0x2e, 0x6f}

// derivedID is the ID of an item without a guid whose conference is
// named space (its acronym, or else its URL) and whose key is its id in
// decimal (or else its pretalx code): the UUID (version 5) in
// [vocNamespace] of the MD5 of space and key, in lower-case hexadecimal,
// as the c3voc tools' csv2schedule converters make a guid:
// gen_uuid(md5(acronym + id).hexdigest()).
func derivedID(space, key string) string {
	sum := md5.Sum([]byte(space + key))
	h := sha1.New()
	h.Write(vocNamespace[:])
	h.Write([]byte(hex.EncodeToString(sum[:])))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // the RFC 9562 variant
	x := hex.EncodeToString(u)
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// deriveID gives t, the item e at ptr, which has no guid, the ID
// derivedID makes of its conference and its id (or, without one, its
// code), so that the talk keeps its ID from one version of a schedule to
// the next, as pentabarf's and older frab's exports, which have no
// guids, need. An item with neither, or in a conference with neither an
// acronym nor a URL, is reported; so is an item whose derived ID another
// item has (two guid-less items with one id, or a guid that is the
// derived ID), naming both.
func (m *mapper) deriveID(t *talk.Talk, e *node, ptr string) {
	var key, from string
	var at place // where the key is, for a report of its clash
	code := e.get("code")
	switch {
	case t.Legacy.ID > 0:
		key, from = strconv.FormatInt(t.Legacy.ID, 10), fmt.Sprintf("id %d", t.Legacy.ID)
		at = place{e.get("id"), ptr + "/id"}
	case code != nil && code.kind == stringNode && code.text != "":
		key, from = code.text, fmt.Sprintf("code %q", code.text)
		at = place{code, ptr + "/code"}
	default:
		m.add(e, ptr, "the item has no guid, which gives a talk its ID, and no id (a positive integer) or code to derive one from")
		return
	}
	if m.idSpace == "" {
		m.add(at.n, at.ptr, "the item has no guid, which gives a talk its ID, and the conference no acronym or url to derive one from with its %s", from)
		return
	}
	t.ID = derivedID(m.idSpace, key)
	if first, again := seenAt(&m.guids, t.ID, at); again {
		m.add(at.n, at.ptr, "the item has no guid, and the ID derived from its %s, %s, is also the ID of the item at %s", from, t.ID, first.describe(m.json))
	}
}

// seenAt returns where key was first seen and true, or records that it is
// first seen at here (making the map when it is nil) and returns false.
func seenAt[K comparable](seen *map[K]place, key K, here place) (place, bool) {
	if first, ok := (*seen)[key]; ok {
		return first, true
	}
	if *seen == nil {
		*seen = make(map[K]place)
	}
	(*seen)[key] = here
	return here, false
}

// language reads an item's language. A tag that is not BCP 47 as a whole
// but starts with a language that is, such as pretalx's "de-formal" (its
// locale for German, formal address), gives that language, and is kept
// as written in Extra; so does a language's name (see
// [talk.LanguageByName]), which is not kept; anything else is reported.
func (m *mapper) language(t *talk.Talk, v *node, p, s string) {
	l, err := talk.ParseLanguage(s)
	if err == nil {
		t.Language = l
		return
	}
	for prefix := s; ; {
		i := strings.LastIndexAny(prefix, "-_")
		if i <= 0 {
			break
		}
		prefix = prefix[:i]
		if l, err := talk.ParseLanguage(prefix); err == nil {
			t.Language = l
			setExtra(&t.Extra, talkFields, "c3voc_", "language", v)
			return
		}
	}
	// pretalx and frab take a code, but hand-made schedules name the
	// language ("English", "Deutsch"): nothing is lost in its code.
	if l, ok := talk.LanguageByName(s); ok {
		t.Language = l
		return
	}
	// "en/de", "de, en": a talk given in either, or in both. The model
	// holds one language, and which one was spoken only the schedule's
	// author knows: say so rather than pick one.
	if parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("/,;+& ", r) }); len(parts) > 1 {
		var tags []string
		for _, part := range parts {
			l, err := talk.ParseLanguage(part)
			if err != nil {
				tags = nil
				break
			}
			tags = append(tags, string(l))
		}
		if tags != nil {
			m.add(v, p, "language %q names %d languages (%s), and a talk has one: give the one spoken, such as %q", s, len(tags), strings.Join(tags, ", "), tags[0])
			unparsed(&t.Extra, "language", v)
			return
		}
	}
	m.add(v, p, "language %q is not a BCP 47 language tag or a language's name", s)
	unparsed(&t.Extra, "language", v)
}

func (m *mapper) persons(v *node, p string, t *talk.Talk) []talk.Speaker {
	if v.kind == nullNode {
		return nil
	}
	if v.kind != arrayNode {
		m.typeError(v, p, "an array")
		unparsed(&t.Extra, "persons", v)
		return nil
	}
	var out []talk.Speaker
	var bad []*node // persons neither named nor described, which a Speaker cannot be
	for i, item := range v.items {
		ip := p + "/" + index(i)
		var s talk.Speaker
		switch item.kind {
		case stringNode:
			s.Name = item.text
		case objectNode:
			s = m.person(item, ip)
		default:
			m.typeError(item, ip, "an object", "a string")
			bad = append(bad, item)
			continue
		}
		out = append(out, s)
	}
	if bad != nil {
		unparsed(&t.Extra, "persons", &node{kind: arrayNode, items: bad})
	}
	return out
}

func (m *mapper) person(o *node, p string) talk.Speaker {
	var s talk.Speaker
	name, public := o.get("name"), o.get("public_name")
	for _, mem := range o.members {
		v, mp := mem.value, p+"/"+jsonx.PointerToken(mem.name)
		switch mem.name {
		case "name":
			if n, _ := m.textOr(v, mp, &s.Extra, mem.name); n != "" {
				s.Name = n
			}
		case "public_name":
			// frab's older name for name, and pretalx's name to show:
			// the name when there is no other, kept when both differ.
			n, ok := m.textOr(v, mp, &s.Extra, mem.name)
			switch {
			case !ok:
			case name.isEmpty() || name.kind != stringNode:
				if s.Name == "" {
					s.Name = n
				}
			case name.text != n:
				setExtra(&s.Extra, speakerFields, "c3voc_", mem.name, v)
			}
		case "biography":
			s.Bio, _ = m.textOr(v, mp, &s.Extra, mem.name)
		case "avatar":
			if a, ok := m.textOr(v, mp, &s.Extra, mem.name); ok {
				s.Image = m.resolve(v, mp, a)
			}
		case "id":
			if v.kind != numberNode && v.kind != nullNode {
				m.typeError(v, mp, "an integer")
			}
			setExtra(&s.Extra, speakerFields, "c3voc_", mem.name, v)
		case "guid":
			if g, ok := m.text(v, mp); ok && g != "" && !isUUID(g) {
				m.add(v, mp, "guid %q is not a UUID", g)
			}
			setExtra(&s.Extra, speakerFields, "c3voc_", mem.name, v)
		default:
			m.wantShape(v, mp, personShapes)
			setExtra(&s.Extra, speakerFields, "c3voc_", mem.name, v)
		}
	}
	if s.Name == "" && (name == nil || name.isEmpty()) && (public == nil || public.isEmpty()) {
		m.add(o, p, "a person without a name")
	}
	return s
}

// links maps the item's links: those of type "slides" to Slides, the
// others to Links. What a Link cannot hold (a type other than slides, a
// service) is kept in the Extra member "link_attributes", by URL (see
// linkAttributes).
func (m *mapper) links(v *node, p string, t *talk.Talk) {
	if v.kind == nullNode {
		return
	}
	if v.kind != arrayNode {
		m.typeError(v, p, "an array")
		unparsed(&t.Extra, "links", v)
		return
	}
	var kept []linkRest
	var bad []*node // links without a URL, which a Link cannot be
	for i, item := range v.items {
		ip := p + "/" + index(i)
		switch item.kind {
		case stringNode:
			u := m.resolve(item, ip, item.text)
			t.Links = append(t.Links, talk.Link{URL: u})
			kept = append(kept, linkRest{url: u, rest: object()})
			continue
		case objectNode:
		default:
			m.typeError(item, ip, "an object", "a string")
			bad = append(bad, item)
			continue
		}
		var l talk.Link
		var typ string
		rest := object()
		for _, mem := range item.members {
			switch mem.name {
			case "url", "href":
				// The first gives the URL; a second is kept.
				if s, ok := m.text(mem.value, ip+"/"+mem.name); ok && l.URL == "" {
					l.URL = m.resolve(mem.value, ip+"/"+mem.name, s)
				} else {
					rest.set(mem.name, mem.value)
				}
			case "title":
				if s, ok := m.text(mem.value, ip+"/"+mem.name); ok {
					l.Label = s
				} else {
					rest.set(mem.name, mem.value)
				}
			case "type":
				switch v := mem.value; {
				case v.kind == stringNode && v.text == "slides":
					typ = "slides"
				case v.kind == stringNode || v.kind == nullNode:
					rest.set(mem.name, v)
				default:
					m.typeError(v, ip+"/"+mem.name, "a string")
					rest.set(mem.name, v)
				}
			default:
				rest.set(mem.name, mem.value)
			}
		}
		if l.URL == "" {
			m.add(item, ip, "a link without a url")
			bad = append(bad, item)
			continue
		}
		if typ == "slides" {
			t.Slides = append(t.Slides, l)
		} else {
			t.Links = append(t.Links, l)
		}
		kept = append(kept, linkRest{url: l.URL, slides: typ == "slides", rest: rest})
	}
	if attrs := linkAttributes(kept); len(attrs.members) > 0 {
		// The mapping's own member, which no source member takes (see
		// talkFields).
		if t.Extra == nil {
			t.Extra = make(map[string]json.RawMessage)
		}
		t.Extra["link_attributes"] = attrs.raw()
	}
	if len(bad) > 0 {
		unparsed(&t.Extra, "links", &node{kind: arrayNode, items: bad})
	}
}

// linkRest is what a link holds that a Link has no field for.
type linkRest struct {
	url    string
	slides bool
	rest   *node
}

// linkAttributes is the Extra member "link_attributes": by URL, the
// members of the link to it that a Link has no field for, or, for a URL
// several links share, a list of one object a link, in the order
// WriteXML writes them (the links, then the slides), so that each goes
// back to its own link.
func linkAttributes(kept []linkRest) *node {
	attrs := object()
	var urls []string
	byURL := map[string][]*node{}
	hasMembers := map[string]bool{} // whether one of the URL's links has members
	for _, slides := range []bool{false, true} {
		for _, k := range kept {
			if k.slides != slides {
				continue
			}
			if byURL[k.url] == nil {
				urls = append(urls, k.url)
			}
			byURL[k.url] = append(byURL[k.url], k.rest)
			hasMembers[k.url] = hasMembers[k.url] || len(k.rest.members) > 0
		}
	}
	for _, u := range urls {
		switch rests := byURL[u]; {
		case !hasMembers[u]:
		case len(rests) == 1:
			attrs.set(u, rests[0])
		default:
			attrs.set(u, &node{kind: arrayNode, items: rests})
		}
	}
	return attrs
}

// resolve makes s, the URL v at p, absolute against the schedule's
// base_url when it is relative, as the format says such URLs are meant.
// A URL relative to its host ("/talk/1", "talk/1") in a schedule without
// a base_url is reported and kept as written: a page that showed it would
// link to its own site, and only the schedule's author knows the host
// (the conference's url is its website, not always that of its
// schedule's pages and images).
func (m *mapper) resolve(v *node, p, s string) string {
	if s == "" {
		return s
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || u.IsAbs():
		return s
	case m.base != nil:
		return m.base.ResolveReference(u).String()
	case u.Host == "":
		m.add(v, p, "%s%q is a relative URL, and the schedule has no base_url to resolve it against; kept as written", m.member(p), s)
	}
	return s
}

// resolveEach resolves the url of each object in the array v, at p, in
// place.
func (m *mapper) resolveEach(v *node, p string) {
	if v.kind != arrayNode {
		return
	}
	for i, it := range v.items {
		if u := it.get("url"); u != nil && u.kind == stringNode {
			u.text = m.resolve(u, p+"/"+index(i)+"/url", u.text)
		}
	}
}

// kindOf turns a session type ("Talk", "Lightning Talk") into a
// [talk.Talk.Kind] ("talk", "lightning_talk").
func kindOf(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "_")
}

// parseClock reads a duration written "HH:MM" or "HH:MM:SS".
func parseClock(s string) (talk.Duration, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var n [3]int
	for i, part := range parts {
		if part == "" || len(part) > 6 || i > 0 && len(part) != 2 {
			return 0, false
		}
		v, err := strconv.Atoi(part)
		if err != nil || v < 0 || i > 0 && v > 59 || part[0] == '+' || part[0] == '-' {
			return 0, false
		}
		n[i] = v
	}
	d := time.Duration(n[0])*time.Hour + time.Duration(n[1])*time.Minute + time.Duration(n[2])*time.Second
	return talk.Duration(d), true
}

// isUUID reports whether s has the form of a UUID.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

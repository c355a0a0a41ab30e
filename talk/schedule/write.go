package schedule

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
)

// WriteXML writes s in the frab schedule XML form that [ParseXML] reads
// and schedule.xml.xsd describes: talks are grouped into the days kept in
// the event's Extra member "days" (or into one day per local date) and into
// their rooms.
//
// What the XML form has no element for is left out:
//
//   - of the conference: its description, series and place (pentabarf's
//     venue and city, which the XSD has no element for), and of its Extra
//     members all but base_url, version, daysCount, timeslot_duration,
//     logo, colors, tracks, days, generator and schedule_url, so
//     keywords, meta, pentabarf's day_change and the
//     rooms' details (a room's name and guid are written, for the rooms
//     that hold talks); and of the generator, the colors, a track and a
//     day of "days", the members that an attribute cannot hold (objects
//     and arrays, a day's start or end, the XML's names of its day_start
//     and day_end, and names that cannot be attribute names);
//   - of a talk: the Extra members answers, do_not_stream, end, unparsed
//     (the values [ParseJSON] could not read: the XML has the model's
//     value in their place), c3voc_language (the tag as written, when it
//     was not BCP 47: the XML has the language read from it) and any
//     other but code, type, start, link_attributes, attachments,
//     feedback_url, origin_url and recording_link; and the fields no
//     schedule has: Tags (but those that name the conference's tracks,
//     which the track element lists after Track, joined by ", ", when
//     Track is one of the conference's tracks too: so a talk's several
//     tracks read back as they were), Parts, the Videos after the first download and
//     the first page, a video's details, Place but Room, and a Recording
//     status but NotRecorded;
//   - of a speaker: all but the name and the Extra members id and guid,
//     so the biography, portrait, and Extra code, url, links, answers,
//     public_name (when it differs from name), unparsed and the like;
//   - a link's members whose names cannot be XML attribute names;
//   - the members kept in Extra that [ParseJSON] reported as of the wrong
//     kind (a track or an attachment that is not an object, a code that
//     is not a string), which no element can hold.
//
// So JSON read, written as XML and read again gives the same talks less
// those. A talk whose time falls in none of the days of "days" gets a
// day of its own after them (its local date, midnight to midnight, in the
// conference's time zone or else the talk's own UTC offset), which is
// added to "days" and may move the talk in the schedule's order. A talk
// with no date at all goes on the first day without a date, or a day of
// its own without one: on a dated day, ParseXML would give it that day's
// date. Values
// the schema requires but the model lacks (a talk's numeric id, which
// [ParseJSON] keeps in [talk.Legacy]) are left out too, so such a
// document is well-formed but not valid.
//
// A nil s, or a nil talk in s.Talks, is a [*talk.NilError] naming it
// ("talks[3]"); a date whose year is outside 0000-9999 (which ParseXML
// would refuse) is an error naming the talk or the event and wrapping a
// [*talk.DateError], and a negative duration one wrapping a
// [*talk.DurationError]. All are found before anything is written.
//
// XML 1.0 cannot hold every string: a control character other than tab,
// line feed and carriage return, U+FFFE and U+FFFF are written as U+FFFD,
// the replacement character, as is a byte that is not UTF-8; and the
// format's durations are whole seconds, so a duration is rounded to the
// second.
func WriteXML(w io.Writer, s *Schedule) error {
	if err := check(s); err != nil {
		return err
	}
	days, err := groupDays(s)
	if err != nil {
		return err
	}
	x := &xmlWriter{w: bufio.NewWriter(w)}
	x.schedule(s, days)
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}

type xmlWriter struct {
	w     *bufio.Writer
	depth int
	err   error
	// trackNames are the names of the conference's tracks, which a
	// talk's track element lists with its Tags of those names (see
	// track).
	trackNames map[string]bool
}

func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

func (x *xmlWriter) indent() { x.raw(strings.Repeat("  ", x.depth)) }

// escape escapes text for XML. Carriage returns are written as character
// references, since parsers turn a literal CR LF into LF; in attributes,
// newlines and tabs are too, since parsers turn them into spaces there.
// Characters XML cannot hold at all become U+FFFD.
func escape(s string, inAttr bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && inAttr:
			b.WriteString("&quot;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\n' && inAttr:
			b.WriteString("&#xA;")
		case r == '\t' && inAttr:
			b.WriteString("&#x9;")
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF: // invalid UTF-8 is already U+FFFD here
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// attrs are written in the order given; empty values are left out.
type attr struct{ name, value string }

func (x *xmlWriter) open(name string, attrs ...attr) {
	x.indent()
	x.raw("<" + name + attrString(attrs) + ">\n")
	x.depth++
}

func (x *xmlWriter) close(name string) {
	x.depth--
	x.indent()
	x.raw("</" + name + ">\n")
}

// attrString writes the attributes that have a value, leaving out those
// whose names no XML attribute can have (see isAttrName): an Extra
// member's name is any JSON string.
func attrString(attrs []attr) string {
	var b strings.Builder
	for _, a := range attrs {
		if a.value != "" && isAttrName(a.name) {
			b.WriteString(" " + a.name + `="` + escape(a.value, true) + `"`)
		}
	}
	return b.String()
}

// elem writes <name attrs>text</name>, or <name/> for empty text.
func (x *xmlWriter) elem(name, text string, attrs ...attr) {
	x.indent()
	if text == "" {
		x.raw("<" + name + attrString(attrs) + "/>\n")
		return
	}
	x.raw("<" + name + attrString(attrs) + ">" + escape(text, false) + "</" + name + ">\n")
}

// optional writes elem only when text is not empty.
func (x *xmlWriter) optional(name, text string) {
	if text != "" {
		x.elem(name, text)
	}
}

// extraString returns a string Extra member, or "".
func extraString(extra map[string]json.RawMessage, name string) string {
	var s string
	if raw, ok := extra[name]; ok {
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
	}
	return s
}

func extraNode(extra map[string]json.RawMessage, name string) *node {
	raw, ok := extra[name]
	if !ok {
		return nil
	}
	return fromRaw(raw)
}

// objects returns the objects among the items of the array n, leaving out
// what [ParseJSON] reported as of the wrong kind, which an element would
// only hold empty, to be read back as an empty object.
func objects(n *node) []*node {
	if n == nil || n.kind != arrayNode {
		return nil
	}
	if !slices.ContainsFunc(n.items, func(it *node) bool { return it.kind != objectNode }) {
		return n.items // as they mostly are, without a copy
	}
	var out []*node
	for _, it := range n.items {
		if it.kind == objectNode {
			out = append(out, it)
		}
	}
	return out
}

// scalar returns a string, number or boolean node's text.
func scalar(n *node) string {
	if n == nil || n.kind == nullNode || n.kind == arrayNode || n.kind == objectNode {
		return ""
	}
	return n.text
}

// check refuses a schedule that WriteXML could only write as a document
// ParseXML would refuse, or not at all: nil records, and dates of more or
// fewer than four digits of year.
func check(s *Schedule) error {
	if s == nil {
		return &talk.NilError{Package: "schedule", What: "schedule"}
	}
	for _, d := range []struct {
		member string
		date   talk.Date
	}{{"start", s.Event.Start}, {"end", s.Event.End}} {
		if err := d.date.Check(); err != nil {
			return about(fmt.Sprintf("conference %q: %s", s.Event.ID, d.member), err)
		}
	}
	for i, t := range s.Talks {
		if t == nil {
			return &talk.NilError{Package: "schedule", What: "talks[" + strconv.Itoa(i) + "]"}
		}
		if err := t.Recorded.Check(); err != nil {
			return about(talkName(i, t)+": date", err)
		}
		if t.Duration < 0 { // would be written "00:00"
			_, err := t.Duration.MarshalText()
			return about(talkName(i, t)+": duration", err)
		}
	}
	return nil
}

// about words err, the talk package's refusal of a value (a
// *talk.DateError, a *talk.DurationError), as the problem of what, in
// this package's words: "schedule: talks[1] "g1": date: "10000-01-01" has
// a year outside ...", without the talk package's "talk: ". errors.As
// finds err in it.
func about(what string, err error) error {
	return &errs.Worded{Msg: "schedule: " + what + ": " + strings.TrimPrefix(err.Error(), "talk: "), Cause: err}
}

// talkName names the talk s.Talks[i] in errors, by its place, guid and
// file.
func talkName(i int, t *talk.Talk) string {
	name := "talks[" + strconv.Itoa(i) + "]"
	if t.ID != "" {
		name += " " + strconv.Quote(t.ID)
	}
	if t.Origin.Path != "" {
		name += " (" + t.Origin.Path + ")"
	}
	return name
}

func (x *xmlWriter) schedule(s *Schedule, days []*day) {
	ev := &s.Event
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open("schedule")
	if g := extraNode(ev.Extra, "generator"); g != nil && g.kind == objectNode {
		x.elem("generator", "", scalarAttrs(g)...)
	}
	x.optional("url", extraString(ev.Extra, "schedule_url"))
	x.elem("version", extraString(ev.Extra, "version"))
	x.conference(ev)
	guids := roomGUIDs(ev)
	x.trackNames = trackNames(extraNode(ev.Extra, "tracks"))
	for _, d := range days {
		x.day(d, guids)
	}
	x.close("schedule")
}

// roomGUIDs maps each room the event's Extra "rooms" lists to its guid
// (the first, for a name listed twice). It is read once for all the
// days: read for each, it took time of the days times the rooms.
func roomGUIDs(ev *talk.Event) map[string]string {
	guids := map[string]string{}
	if rs := extraNode(ev.Extra, "rooms"); rs != nil && rs.kind == arrayNode {
		for _, r := range rs.items {
			if name := scalar(r.get("name")); guids[name] == "" {
				guids[name] = scalar(r.get("guid"))
			}
		}
	}
	return guids
}

func (x *xmlWriter) conference(ev *talk.Event) {
	x.open("conference")
	x.elem("acronym", ev.ID)
	x.elem("title", ev.Title)
	x.optional("start", ev.Start.String())
	x.optional("end", ev.End.String())
	x.optional("days", scalar(extraNode(ev.Extra, "daysCount")))
	x.optional("timeslot_duration", extraString(ev.Extra, "timeslot_duration"))
	base := extraString(ev.Extra, "base_url")
	x.optional("base_url", base)
	x.optional("logo", extraString(ev.Extra, "logo"))
	if ev.URL != base {
		x.optional("url", ev.URL)
	}
	x.optional("time_zone_name", ev.TimeZone)
	if c := extraNode(ev.Extra, "colors"); c != nil && c.kind == objectNode {
		x.elem("color", "", scalarAttrs(c)...)
	}
	for _, t := range objects(extraNode(ev.Extra, "tracks")) {
		as := []attr{{"name", scalar(t.get("name"))}, {"color", scalar(t.get("color"))}, {"slug", scalar(t.get("slug"))}}
		x.elem("track", scalar(t.get("text")), append(as, scalarAttrs(t, "name", "color", "slug", "text")...)...)
	}
	x.close("conference")
}

// day is one day of the schedule with its rooms in order.
type day struct {
	index, date, start, end string
	more                    []attr    // the day's other members (see dayAttrs)
	from, to                time.Time // the span of day_start..day_end
	rooms                   []string
	talks                   map[string][]*talk.Talk
}

// dayAttrs returns the members of a day of "days" other than those
// WriteXML writes itself, as attributes (see scalarAttrs), such as an XML
// <day>'s own attributes, which ParseXML keeps there. start and end are
// the XML's names of day_start and day_end, which ParseXML would read
// them as, so a member of those names is left out.
func dayAttrs(d *node) []attr {
	return scalarAttrs(d, "index", "date", "day_start", "day_end", "start", "end")
}

// scalarAttrs returns the members of the object o but those named in
// skip that an attribute can hold (strings, numbers and booleans) as
// attributes, in their order.
func scalarAttrs(o *node, skip ...string) []attr {
	var as []attr
	for _, m := range o.members {
		if v := scalar(m.value); v != "" && !slices.Contains(skip, m.name) {
			as = append(as, attr{m.name, v})
		}
	}
	return as
}

// groupDays puts the talks into days and rooms, keeping their order. A
// talk on no known day gets a day of its own, its local date in the
// event's time zone, which may be in a year ParseXML would refuse
// (9999-12-31T23:00Z is 10000-01-01 in Kiritimati): that is an error.
func groupDays(s *Schedule) ([]*day, error) {
	var days []*day
	loc, _ := zone.Load(s.Event.TimeZone)
	if list := extraNode(s.Event.Extra, "days"); list != nil && list.kind == arrayNode {
		for _, d := range list.items {
			dd := &day{index: scalar(d.get("index")), date: scalar(d.get("date")),
				start: scalar(d.get("day_start")), end: scalar(d.get("day_end")), more: dayAttrs(d), talks: map[string][]*talk.Talk{}}
			// A day_start or day_end without a UTC offset is a wall-clock
			// time in the conference's time zone, as ParseJSON reads it
			// (a talk's start before it is on the next day) and as a
			// talk's time is: read as UTC, it put a talk after midnight
			// west of UTC on the next day.
			if a, err := talk.ParseDate(dd.start); err == nil && a.Precision() >= talk.DateTime {
				dd.from = instantIn(a, loc)
			}
			if b, err := talk.ParseDate(dd.end); err == nil && b.Precision() >= talk.DateTime {
				dd.to = instantIn(b, loc)
			}
			days = append(days, dd)
		}
	}
	f := newDayFinder(days, s.Talks, loc)
	for i, t := range s.Talks {
		d := f.find(i, t)
		if d == nil {
			d = newDay(len(f.days)+1, t, loc)
			if !d.from.IsZero() && talk.DateTimeOf(d.from, false).Check() != nil {
				return nil, about(talkName(i, t)+": date",
					&talk.DateError{Text: d.from.Format("2006-01-02"), Reason: "(the talk's date in time zone " +
						strconv.Quote(s.Event.TimeZone) + ") has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold"})
			}
			f.add(d)
		}
		room := t.Place.Room
		if _, ok := d.talks[room]; !ok {
			d.rooms = append(d.rooms, room)
		}
		d.talks[room] = append(d.talks[room], t)
	}
	return f.days, nil
}

// dayFinder finds the day a talk is on: the first day whose span holds
// its time, or else the first of its date; with a month or a year, the
// last day; with no date at all, the first day without a date, since
// ParseXML gives such a talk its day's date; nil for none. A search of the days for each talk would take time of
// the talks times the days, so the days are indexed: those of "days",
// which may have spans of any length, by a sweep over all the talks'
// times at once; those made for talks, a day long, by the hour they
// start; and all by date.
type dayFinder struct {
	days    []*day
	zone    *time.Location  // the conference's time zone, or nil
	onSpan  []int           // by talk, the first day of "days" whose span holds its time; -1 for none
	made    map[int64][]int // the days made for talks, by the hour their spans start in (see hourOf)
	byDate  map[string]int  // the first day of each date
	undated int             // the first day without a date; -1 for none
}

// indexHeap is a min-heap of indexes of days, for container/heap.
type indexHeap []int

func (h indexHeap) Len() int           { return len(h) }
func (h indexHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h indexHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *indexHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *indexHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// newDayFinder indexes days, those of "days", for talks, with the
// conference's time zone (nil for none).
func newDayFinder(days []*day, talks []*talk.Talk, zone *time.Location) *dayFinder {
	f := &dayFinder{days: days, zone: zone, onSpan: make([]int, len(talks)), made: map[int64][]int{}, byDate: map[string]int{}, undated: -1}
	for i, d := range days {
		f.noteDate(i, d)
	}
	// The talks in order of time, and the days in order of their
	// starts: each talk's days are those started and not yet ended,
	// and the first of them is the least index among them.
	type timed struct {
		at   time.Time
		talk int
	}
	var times []timed
	for i, t := range talks {
		f.onSpan[i] = -1
		if t != nil && t.Recorded.Precision() >= talk.DateTime {
			times = append(times, timed{recordedIn(t, zone), i})
		}
	}
	slices.SortStableFunc(times, func(a, b timed) int { return a.at.Compare(b.at) })
	var starts []int
	for i, d := range days {
		if !d.from.IsZero() && !d.to.IsZero() {
			starts = append(starts, i)
		}
	}
	slices.SortStableFunc(starts, func(a, b int) int { return days[a].from.Compare(days[b].from) })
	open := &indexHeap{}
	next := 0
	for _, tt := range times {
		for ; next < len(starts) && !days[starts[next]].from.After(tt.at); next++ {
			heap.Push(open, starts[next])
		}
		// A day that ended before this talk ended before every later
		// one too.
		for open.Len() > 0 && days[(*open)[0]].to.Before(tt.at) {
			heap.Pop(open)
		}
		if open.Len() > 0 {
			f.onSpan[tt.talk] = (*open)[0]
		}
	}
	return f
}

// noteDate notes the day at index i as the first of its date, or the
// first without one, unless one is already.
func (f *dayFinder) noteDate(i int, d *day) {
	if d.date == "" {
		if f.undated < 0 {
			f.undated = i
		}
		return
	}
	if _, ok := f.byDate[d.date]; !ok {
		f.byDate[d.date] = i
	}
}

// add adds a day made for a talk.
func (f *dayFinder) add(d *day) {
	i := len(f.days)
	f.days = append(f.days, d)
	f.noteDate(i, d)
	if !d.from.IsZero() && !d.to.IsZero() {
		h := hourOf(d.from)
		f.made[h] = append(f.made[h], i)
	}
}

// hourOf is the hour since the Unix epoch that t is in.
func hourOf(t time.Time) int64 {
	s := t.Unix()
	if s < 0 {
		return (s+1)/3600 - 1
	}
	return s / 3600
}

// find returns the day of the talk t, at index i of the talks.
func (f *dayFinder) find(i int, t *talk.Talk) *day {
	if t.Recorded.Precision() >= talk.DateTime {
		if k := f.onSpan[i]; k >= 0 {
			return f.days[k]
		}
		// A day made for a talk is a day long, 25 hours at most: it
		// started within that before t.
		at := recordedIn(t, f.zone)
		first := -1
		for h := hourOf(at.Add(-25 * time.Hour)); h <= hourOf(at); h++ {
			for _, k := range f.made[h] {
				if d := f.days[k]; (first < 0 || k < first) && !at.Before(d.from) && !at.After(d.to) {
					first = k
				}
			}
		}
		if first >= 0 {
			return f.days[first]
		}
	}
	if t.Recorded.IsZero() {
		if f.undated >= 0 {
			return f.days[f.undated]
		}
		return nil
	}
	date := t.Recorded.Day().String()
	if k, ok := f.byDate[date]; ok && date != "" {
		return f.days[k]
	}
	if date == "" && len(f.days) > 0 {
		return f.days[len(f.days)-1]
	}
	return nil
}

// recordedIn is when t was recorded as ParseXML reads it back: in the
// conference's time zone, when there is one (else nil), in which a date
// or a date-time without an offset is a wall-clock time (read as
// [zone.Wall] reads it); else in the talk's own UTC offset.
func recordedIn(t *talk.Talk, loc *time.Location) time.Time { return instantIn(t.Recorded, loc) }

// instantIn is the time d, a date or a date-time, names as ParseXML reads
// it (see recordedIn).
func instantIn(d talk.Date, loc *time.Location) time.Time {
	when := d.Time()
	switch {
	case loc == nil:
	case d.Precision() == talk.DateTimeOffset:
		when = when.In(loc)
	default:
		when, _ = zone.Wall(when, loc)
	}
	return when
}

// newDay makes a day for a talk that falls in none of the known ones: its
// local date (see recordedIn), midnight to midnight.
func newDay(n int, t *talk.Talk, loc *time.Location) *day {
	d := &day{index: strconv.Itoa(n), talks: map[string][]*talk.Talk{}}
	if t.Recorded.Precision() < talk.Day {
		return d
	}
	when := recordedIn(t, loc)
	y, m, dd := when.Date()
	// A zone may skip midnight (São Paulo's summer time began at 00:00):
	// the day then starts when its clocks do.
	midnight := func(day int) time.Time {
		at, _ := zone.Wall(time.Date(y, m, day, 0, 0, 0, 0, time.UTC), when.Location())
		return at
	}
	from := midnight(dd)
	d.date = from.Format("2006-01-02")
	d.from, d.to = from, midnight(dd+1).Add(-time.Second)
	d.start, d.end = d.from.Format(time.RFC3339), d.to.Format(time.RFC3339)
	return d
}

// day writes a day, its rooms with their guids.
func (x *xmlWriter) day(d *day, guids map[string]string) {
	as := []attr{{"index", d.index}, {"date", d.date}, {"start", d.start}, {"end", d.end}}
	if len(d.more) > 0 {
		as = append(as, d.more...)
	}
	x.open("day", as...)
	for _, room := range d.rooms {
		x.open("room", attr{"name", room}, attr{"guid", guids[room]})
		for _, t := range d.talks[room] {
			x.event(t)
		}
		x.close("room")
	}
	x.close("day")
}

func (x *xmlWriter) event(t *talk.Talk) {
	id := ""
	if t.Legacy.ID != 0 {
		id = strconv.FormatInt(t.Legacy.ID, 10)
	}
	x.open("event", attr{"guid", t.ID}, attr{"id", id}, attr{"code", extraString(t.Extra, "code")})
	x.elem("room", t.Place.Room)
	x.elem("title", t.Title)
	x.elem("subtitle", t.Subtitle)
	typ := extraString(t.Extra, "type")
	if typ == "" {
		typ = t.Kind
	}
	x.elem("type", typ)
	x.elem("date", dateString(t.Recorded))
	start := extraString(t.Extra, "start")
	if start == "" && t.Recorded.Precision() >= talk.DateTime {
		start = t.Recorded.Time().Format("15:04")
	}
	x.elem("start", start)
	x.elem("duration", clock(t.Duration))
	x.elem("abstract", t.Summary)
	x.optional("slug", t.Slug)
	x.elem("track", x.track(t))
	x.optional("logo", t.Thumbnail)
	if len(t.Speakers) > 0 {
		x.open("persons")
		for _, s := range t.Speakers {
			// A speaker a program made with the name's parts alone, or a
			// handle, is named as pages name them, not by "", and so is
			// one whose name is blank beside them: written " ", the name
			// would read back as " ", and the parts are not written. A
			// blank name alone is written as it is.
			x.elem("person", cmp.Or(s.DisplayName(), s.Name), attr{"id", scalar(extraNode(s.Extra, "id"))}, attr{"guid", extraString(s.Extra, "guid")})
		}
		x.close("persons")
	}
	x.optional("language", string(t.Language))
	x.optional("description", t.Description)
	x.open("recording")
	x.elem("license", t.License)
	x.elem("optout", strconv.FormatBool(t.Recording == talk.NotRecorded))
	var download string
	for _, v := range t.Videos {
		if v.Provider == talk.File && download == "" {
			download = v.URL
		}
	}
	for _, v := range t.Videos {
		if v.Provider != talk.File {
			x.elem("url", v.URL)
			break
		}
	}
	x.optional("link", extraString(t.Extra, "recording_link"))
	x.close("recording")
	page, links := splitLinks(t.Links)
	attrs := extraNode(t.Extra, "link_attributes")
	if len(links)+len(t.Slides) > 0 {
		x.open("links")
		seen := map[string]int{} // the links to each URL written so far
		for _, l := range links {
			x.elem("link", l.Label, linkAttrs(l.URL, "", attrs, seen)...)
		}
		for _, l := range t.Slides {
			x.elem("link", l.Label, linkAttrs(l.URL, "slides", attrs, seen)...)
		}
		x.close("links")
	}
	if as := objects(extraNode(t.Extra, "attachments")); len(as) > 0 {
		x.open("attachments")
		for _, a := range as {
			x.elem("attachment", scalar(a.get("title")), attr{"href", scalar(a.get("url"))}, attr{"type", scalar(a.get("type"))})
		}
		x.close("attachments")
	}
	x.optional("video_download_url", download)
	x.optional("url", page)
	x.optional("feedback_url", extraString(t.Extra, "feedback_url"))
	x.optional("origin_url", extraString(t.Extra, "origin_url"))
	x.close("event")
}

// track is the text of the track element of t: its Track, and when that
// is one of the conference's tracks, after it those of its Tags that are
// too, joined by ", ", as the readers read several tracks of an item.
func (x *xmlWriter) track(t *talk.Talk) string {
	if !x.trackNames[t.Track] {
		return t.Track
	}
	names := []string{t.Track}
	for _, tag := range t.Tags {
		if x.trackNames[tag] && !slices.Contains(names, tag) {
			names = append(names, tag)
		}
	}
	return strings.Join(names, ", ")
}

// splitLinks takes out the first link labelled [ScheduleLabel], which is
// the talk's page.
func splitLinks(links []talk.Link) (page string, rest []talk.Link) {
	for i, l := range links {
		if l.Label == ScheduleLabel {
			rest = append(append(rest, links[:i]...), links[i+1:]...)
			return l.URL, rest
		}
	}
	return "", links
}

// linkAttrs returns a link's attributes: href, type, and the members the
// source kept for it whose names can be XML attribute names and are not
// taken already.
func linkAttrs(u, typ string, attrs *node, seen map[string]int) []attr {
	as := []attr{{"href", u}}
	if typ != "" {
		as = append(as, attr{"type", typ})
	}
	a := attrs.get(u)
	if a != nil && a.kind == arrayNode {
		// One object a link to u, in the order they are written.
		i := seen[u]
		seen[u]++
		a = nil
		if items := attrs.get(u).items; i < len(items) {
			a = items[i]
		}
	}
	if a != nil && a.kind == objectNode {
		for _, m := range a.members {
			if !slices.ContainsFunc(as, func(a attr) bool { return a.name == m.name }) {
				as = append(as, attr{m.name, scalar(m.value)})
			}
		}
	}
	return as
}

// isAttrName reports whether name can be an attribute's name without a
// namespace: an XML NCName (ASCII letters, digits, "-", "_" and "." here,
// not starting with a digit, "-" or "."), not in the reserved "xml"
// space.
func isAttrName(name string) bool {
	if name == "" || strings.HasPrefix(strings.ToLower(name), "xml") {
		return false
	}
	for i, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		case i > 0 && (r >= '0' && r <= '9' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

func dateString(d talk.Date) string { return d.String() }

// clock writes a duration as the format's "HH:MM", with ":SS" only when
// there are seconds.
func clock(d talk.Duration) string {
	if d <= 0 {
		return "00:00"
	}
	s := int64(time.Duration(d).Round(time.Second) / time.Second)
	if s%60 != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%02d:%02d", s/3600, s/60%60)
}

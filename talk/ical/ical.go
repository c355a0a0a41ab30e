package ical

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
)

// Options say how a calendar is written. The zero Options are valid.
type Options struct {
	// Name is the calendar's display name (X-WR-CALNAME and NAME); ""
	// writes none.
	Name string
	// ProdID identifies the program that wrote the calendar (PRODID);
	// "" means [DefaultProdID].
	ProdID string
	// Stamp is every VEVENT's DTSTAMP, the time the calendar was made.
	// The zero time means time.Now(); set it for output that is the same
	// on every run (golden tests). Some calendar programs take a VEVENT
	// whose UID they already hold for an update only when its DTSTAMP is
	// later, so a published schedule's Stamp is best the time of its last
	// change, not a constant.
	Stamp time.Time
}

// DefaultProdID is the PRODID written when [Options.ProdID] is "".
const DefaultProdID = "-//talkmeta//talkmeta//EN"

// UndatedError reports talks or events left out of a calendar because
// they have no day to put them on (a date of year or month precision, or
// none). The rest of the calendar is written all the same.
type UndatedError struct {
	IDs []string // the IDs (or titles, when there is no ID) left out
	// Paths holds the file each of IDs was read from ([talk.Origin.Path]),
	// in the same order, "" for one read from no file.
	Paths []string
}

// Error names each record left out by its file and ID, "path (id)", or
// by one of them when it has only one; a record with neither, nor a
// title, is "(no ID or title)", so that the list does not end in a bare
// colon.
func (e *UndatedError) Error() string {
	names := make([]string, len(e.IDs))
	for i, id := range e.IDs {
		path := ""
		if i < len(e.Paths) {
			path = e.Paths[i]
		}
		names[i] = recordName(id, path)
		if names[i] == "" {
			names[i] = "(no ID or title)"
		}
	}
	return fmt.Sprintf("ical: %d left out for want of a date: %s", len(e.IDs), strings.Join(names, ", "))
}

// RangeError reports a record with a date that iCalendar cannot write:
// its DATE and DATE-TIME values have four-digit years, 0000-9999, and an
// event's DTEND must come after its DTSTART, so an event cannot end
// before it starts. The writers check every date before they write
// anything, so such a record costs the whole calendar rather than leave
// a malformed line in it.
type RangeError struct {
	ID   string // the record's ID, or its title when it has none
	Path string // the file it was read from ([talk.Origin.Path]); ""
	// Property is what the date was for: "DTSTART", "DTEND" (an event
	// whose last day is before its first) or "DTSTAMP" ([Options.Stamp]).
	Property string
	// Err is the date as ISO 8601 writes it and why it cannot be written,
	// so that errors.As finds a [*talk.DateError] as for the other
	// writers' refused years.
	Err *talk.DateError
}

// Error names the record as [UndatedError] does, the property and the
// date.
func (e *RangeError) Error() string {
	who := recordName(e.ID, e.Path)
	if who != "" {
		who += ": "
	}
	date := &talk.DateError{Reason: rangeReason} // for a RangeError made without one
	if e.Err != nil {
		date = e.Err
	}
	return fmt.Sprintf("ical: %s%s %q %s", who, e.Property, date.Text, date.Reason)
}

// Unwrap returns the [*talk.DateError].
func (e *RangeError) Unwrap() error { return e.Err }

// ZoneError reports a talk at a date-time whose event's time zone
// ([talk.Event.TimeZone]) is not one of the zone database's: a misspelt
// or retired name, a Windows zone name, or "Local", which would be the
// zone of whatever machine writes the calendar ([zone.Load]). Its time
// cannot be placed in the zone, and a floating time, which each reader
// puts in its own zone, would lose its place without a word; so, as for
// a [*RangeError], nothing is written. Correct the name, or clear it for
// a talk whose time has an offset, which is then written in UTC.
type ZoneError struct {
	ID   string // the talk's ID, or its title when it has none
	Path string // the file it was read from ([talk.Origin.Path]); ""
	// Index is the talk's place in the talks given, which names it when
	// it has no ID, title or file.
	Index int
	Zone  string // the time zone's name, as the talk's event gives it
}

// Error names the talk as [RangeError] does (or by its index) and the
// zone.
func (e *ZoneError) Error() string {
	who := recordName(e.ID, e.Path)
	if who == "" {
		who = fmt.Sprintf("talks[%d]", e.Index)
	}
	return fmt.Sprintf("ical: %s: time zone %q is not in the zone database, so the talk's time cannot be placed", who, e.Zone)
}

// maxYear is the last year of RFC 5545's four-digit date-fullyear.
const maxYear = 9999

// rangeReason is a RangeError's talk.DateError Reason.
const rangeReason = "has a year outside 0000-9999, which iCalendar dates cannot hold"

// checkYear reports a time whose year iCalendar cannot write, as a
// *RangeError for the property of the record id (or title) read from
// path. RFC 5545's date-fullyear has the four digits of ISO 8601's, so
// what talk.Date.Check refuses, iCalendar cannot hold either.
func checkYear(t time.Time, property, id, path string) error {
	if talk.DateTimeOf(t, false).Check() == nil {
		return nil
	}
	return &RangeError{ID: id, Path: path, Property: property,
		Err: &talk.DateError{Text: t.Format(time.RFC3339), Reason: rangeReason}}
}

// WriteTalk writes a calendar holding one talk; see [WriteCalendar].
// A nil t is a [*talk.NilError].
func WriteTalk(w io.Writer, t *talk.Talk, opt Options) error {
	if t == nil {
		return &talk.NilError{Package: "ical", What: "talk"}
	}
	return WriteCalendar(w, []*talk.Talk{t}, opt)
}

// WriteCalendar writes an iCalendar (RFC 5545) object with one VEVENT per
// talk, in the order given: a whole schedule, or anyone's selection of
// talks.
//
// A talk's start is DTSTART:
//
//   - a date-time in its event's [talk.Event.TimeZone] is written with TZID
//     and the time in that zone, and the calendar gets a VTIMEZONE for the
//     zone, made from Go's zone database for the times of the talks; but a
//     time the zone's clock reads twice (the hour repeated when summer
//     time ends), which a TZID leaves ambiguous, is written in UTC, as is
//     one in local mean time, whose offset has seconds;
//   - a date-time with an offset but no zone (or zone UTC) is written in
//     UTC ("...Z");
//   - a date-time without offset or zone stays a floating local time;
//     a zone the zone database lacks is an error ([ZoneError]), not
//     none;
//   - a date alone makes an all-day event (VALUE=DATE); RFC 5545 allows
//     it only whole days, so a talk of a day or more (a workshop, a
//     hackathon) lasts the days it needs at least, two for 26 hours, and
//     a shorter one (or one of unknown length) its one day. Its end is
//     DTEND;VALUE=DATE, the day after its last.
//
// A talk's DURATION is exact ("PT0S" when its length is unknown, since
// Exchange refuses an event with neither DURATION nor DTEND), but readers such as ical.js and libical add
// it to the wall clock, so a talk that ends in another offset than it
// starts (across a change of the clocks) gets a DTEND in its zone instead.
//
// Talks with less than a day (or nothing) known are left out and named in
// an [*UndatedError], by file and ID, which is returned after the rest is
// written.
//
// A nil talk is a [*talk.NilError] naming its index, text that is not
// UTF-8 (which iCalendar requires) [talk.Talk.CheckUTF8]'s error, a date
// held with a year outside 0000-9999 [talk.Talk.CheckDates]', a start
// that the event's clocks put outside those years (or an Options.Stamp
// outside them) a [*RangeError], a
// date-time whose event's time zone the zone database lacks a
// [*ZoneError], and a negative duration an error wrapping a
// [*talk.DurationError]; then nothing is written.
//
// UID is the talk's ID: as it is when it is a UUID (a c3voc guid), else
// "ID@event-ID". A talk without an ID stands for its ID the slug of its
// title, its start and its room's slug
// ("lightning-talks-2024-06-01T17:00:00-saal-1"), so that talks of the
// same title keep UIDs of their own; talks that share an ID in the
// calendar (a session held twice, schedules merged) add their start and
// room to it likewise, and where even these are the same, "-2", "-3" in
// order, for a UID is one event to a calendar.
//
// SUMMARY is the title; DESCRIPTION the subtitle, speakers, summary,
// description and the talk's parts (the lightning talks of a block, with
// their speakers); LOCATION the room and the event's place; URL the first of
// the talk's links that is an absolute http(s) URL (see the package
// documentation); CATEGORIES its track.
func WriteCalendar(w io.Writer, talks []*talk.Talk, opt Options) error {
	c := newCalendar(w, opt)
	var undated UndatedError
	zones := map[string]*span{}
	var order []string
	type planned struct {
		t     *talk.Talk
		start start
	}
	var events []planned
	var loaded zone.Memo // the talks' zone, which they mostly share
	if err := talk.CheckTalks("ical", talks); err != nil {
		return err
	}
	if err := checkYear(stampOf(opt), "DTSTAMP", "", ""); err != nil {
		return err
	}
	for i, t := range talks {
		s, ok, known := startOf(t, &loaded)
		if !known {
			return &ZoneError{ID: name(t.ID, t.Title), Path: t.Origin.Path, Index: i, Zone: t.Event.TimeZone}
		}
		if ok {
			if err := checkYear(s.at, "DTSTART", name(t.ID, t.Title), t.Origin.Path); err != nil {
				return err
			}
		}
		if t.Duration < 0 { // a talk cannot last less than nothing
			_, err := t.Duration.MarshalText()
			who := recordName(name(t.ID, t.Title), t.Origin.Path)
			if who == "" {
				who = fmt.Sprintf("talks[%d]", i)
			}
			return fmt.Errorf("ical: %s: DURATION: %w", who, err)
		}
		if !ok {
			undated.IDs = append(undated.IDs, name(t.ID, t.Title))
			undated.Paths = append(undated.Paths, t.Origin.Path)
			continue
		}
		if s.zone != nil {
			sp := zones[s.zoneName]
			if sp == nil {
				sp = &span{loc: s.zone}
				zones[s.zoneName] = sp
				order = append(order, s.zoneName)
			}
			sp.add(s.at, s.at.Add(time.Duration(t.Duration)))
		}
		events = append(events, planned{t, s})
	}
	slices.Sort(order)
	c.begin(opt)
	for _, z := range order {
		c.vtimezone(z, zones[z])
	}
	written := make([]*talk.Talk, len(events))
	for i, e := range events {
		written[i] = e.t
	}
	ids := uids(written)
	for i, e := range events {
		c.talk(e.t, ids[i], e.start)
	}
	c.line("END:VCALENDAR")
	if err := c.flush(); err != nil {
		return err
	}
	if len(undated.IDs) > 0 {
		return &undated
	}
	return nil
}

// WriteEvent writes a calendar holding the event itself as an all-day
// VEVENT from its first to its last day. UID is the event's ID, or for
// one without an ID the slug of its title and its first day
// ("pycon-2024-05-15" for "PyCon" from 15 May 2024; "PyCon 2024" gives
// "pycon-2024-2024-05-15").
//
// Its end is DTEND;VALUE=DATE, the day after its last, but for an event
// that ends on 9999-12-31, where that would leave the four-digit years:
// it gets its DURATION in days instead, as a day-only talk does.
//
// A nil e is a [*talk.NilError], and text that is not UTF-8
// [talk.Event.CheckUTF8]'s error. A date whose year iCalendar cannot
// write is a [*RangeError], and nothing is written; so is an event whose
// last day is before its first, whose end would come before its
// DTSTART. An event without a first day (a Start of year or month
// precision, or none) is an [*UndatedError] naming it, returned after an
// empty calendar is written, as WriteCalendar leaves out an undated talk.
func WriteEvent(w io.Writer, e *talk.Event, opt Options) error {
	if e == nil {
		return &talk.NilError{Package: "ical", What: "event"}
	}
	if err := e.CheckUTF8(); err != nil {
		return err
	}
	first, last := e.Start.Day(), e.End.Day()
	if last.IsZero() {
		last = first
	}
	ok := !first.IsZero()
	if err := checkYear(stampOf(opt), "DTSTAMP", "", ""); err != nil {
		return err
	}
	if ok {
		id := name(e.ID, e.Title)
		if err := checkYear(first.Time(), "DTSTART", id, e.Origin.Path); err != nil {
			return err
		}
		if last.Time().Before(first.Time()) {
			return &RangeError{ID: id, Path: e.Origin.Path, Property: "DTEND",
				Err: &talk.DateError{Text: last.String(), Reason: "is before the event's start, " + first.String()}}
		}
	}
	c := newCalendar(w, opt)
	c.begin(opt)
	if ok {
		c.line("BEGIN:VEVENT")
		c.text("UID", eventUID(e, first))
		c.stamp()
		c.line("DTSTART;VALUE=DATE:" + first.Time().Format("20060102"))
		c.dayEnd(first.Time(), daysBetween(first.Time(), last.Time())+1)
		c.text("SUMMARY", e.Title)
		c.text("DESCRIPTION", e.Description)
		c.text("LOCATION", location(talk.Place{}, e.Place))
		c.uri("URL", e.URL)
		c.line("END:VEVENT")
	}
	c.line("END:VCALENDAR")
	if err := c.flush(); err != nil {
		return err
	}
	if !ok {
		return &UndatedError{IDs: []string{name(e.ID, e.Title)}, Paths: []string{e.Origin.Path}}
	}
	return nil
}

// recordName names a record by its file and ID, "path (id)", or by the
// one it has; "" when it has neither.
func recordName(id, path string) string {
	switch {
	case path != "" && id != "":
		return path + " (" + id + ")"
	case path != "":
		return path
	}
	return id
}

func name(id, title string) string {
	if id != "" {
		return id
	}
	return title
}

// calendar writes content lines, folded and with CRLF.
type calendar struct {
	w     *bufio.Writer
	err   error
	stamp func()
}

// stampOf returns the DTSTAMP time, in UTC.
func stampOf(opt Options) time.Time {
	if opt.Stamp.IsZero() {
		return time.Now().UTC()
	}
	return opt.Stamp.UTC()
}

func newCalendar(w io.Writer, opt Options) *calendar {
	c := &calendar{w: bufio.NewWriter(w)}
	dtstamp := "DTSTAMP:" + stampOf(opt).Format("20060102T150405Z")
	c.stamp = func() { c.line(dtstamp) }
	return c
}

func (c *calendar) begin(opt Options) {
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	prod := opt.ProdID
	if prod == "" {
		prod = DefaultProdID
	}
	c.text("PRODID", prod)
	c.line("CALSCALE:GREGORIAN")
	if opt.Name != "" {
		c.text("NAME", opt.Name)
		c.text("X-WR-CALNAME", opt.Name)
	}
}

func (c *calendar) flush() error {
	if c.err != nil {
		return c.err
	}
	return c.w.Flush()
}

// line writes one content line folded to lines of at most 75 octets (RFC
// 5545 section 3.1), never inside a UTF-8 sequence nor inside a TEXT
// escape ("\n", "\,"): RFC 5545 allows a fold anywhere, but Outlook,
// Google Calendar and SOGo's Thunderbird connector read a line that ends
// in the backslash of an escape wrongly (collective/icalendar#87 and
// #1501, sabre-io/dav#190). A backslash is in a line only as TEXT escapes
// it (URIs percent-encode it), so each chunk starts at an escape or
// outside one, and the parity of the backslashes that end it says
// whether the last begins an escape.
func (c *calendar) line(s string) {
	if c.err != nil {
		return
	}
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		backslashes := 0
		for backslashes < cut && s[cut-1-backslashes] == '\\' {
			backslashes++
		}
		if backslashes%2 == 1 {
			cut-- // keep the escape's backslash with what it escapes
		}
		c.write(s[:cut])
		c.write("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	c.write(s)
	c.write("\r\n")
}

func (c *calendar) write(s string) {
	if c.err == nil {
		_, c.err = c.w.WriteString(s)
	}
}

// text writes a TEXT property, leaving out empty values.
func (c *calendar) text(name, value string) {
	if value != "" {
		c.line(name + ":" + EscapeText(value))
	}
}

// uri writes a URI property when value is a web address (see webURI),
// and nothing otherwise; it reports whether it wrote one.
func (c *calendar) uri(name, value string) bool {
	u, ok := webURI(value)
	if ok {
		c.line(name + ":" + u)
	}
	return ok
}

// webURI returns s, without the white space around it, as the value of a
// URL property, and whether it may be one. URL is typed URI (RFC 5545
// section 3.8.4.6) and calendar programs make it a link, so only an
// absolute http or https URL with a well-formed host goes: not
// javascript: or data:, not a relative reference, which would resolve
// against nothing. What RFC 3986 does not let a URI hold as it is (spaces,
// quotes, angle brackets, non-ASCII bytes, a "%" that starts no escape, a
// second "#", brackets outside the host) is percent-encoded; url.Parse
// refuses control characters, so none is written. Its output parses with
// url.Parse to the same scheme and host (FuzzWriteTalk).
func webURI(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if host, rest, ok := weburl.SplitPlain(s); ok && weburl.ValidHost(host) && plainURI(rest) {
		return s, true // as nearly every link is
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Opaque != "" || !weburl.ValidHost(u.Hostname()) {
		return "", false
	}
	rest := s[len(u.Scheme)+1:] // "//" and the authority, then the path, query and fragment
	authority := 2 + strings.IndexAny(rest[2:]+"/", "/?#")
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(u.Scheme) // lower-cased
	b.WriteByte(':')
	fragment := false
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case c == '%' && weburl.EscapeAt(rest, i):
			b.WriteByte(c)
		case c == '#' && !fragment:
			fragment = true
			b.WriteByte(c)
		case (c == '[' || c == ']') && i < authority:
			b.WriteByte(c) // an IPv6 host, which url.Parse checked
		case uriByte[c]:
			b.WriteByte(c)
		case i < authority && c < utf8.RuneSelf:
			// url.Parse lets a host hold "<", ">" and '"', which no
			// URI's may, escaped or not (url.Parse refuses them
			// escaped): no web address.
			return "", false
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String(), true
}

// plainURI reports whether rest, what follows a plain host, holds only
// bytes a URI holds as they are: no "%", no brackets, one "#" at most.
func plainURI(rest string) bool {
	fragment := false
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case c == '#' && !fragment:
			fragment = true
		case !uriByte[c]:
			return false
		}
	}
	return true
}

// uriByte marks the bytes a URI holds as they are anywhere (RFC 3986
// section 2): the unreserved characters and the reserved ones but "#"
// and the brackets, which webURI places itself.
var uriByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~:/?@!$&'()*+,;=", byte(c)) >= 0
	}
	return t
}()

// EscapeText escapes a value of type TEXT (RFC 5545 section 3.3.11):
// backslash, semicolon and comma get a backslash, and line breaks (LF, CR
// LF or CR) become "\n". Other control characters, which TEXT cannot hold,
// are dropped, and invalid UTF-8 becomes U+FFFD.
func EscapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\\', r == ';', r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\r':
			b.WriteString(`\n`)
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r) // utf8.RuneError for invalid bytes
		}
		i += size
	}
	return b.String()
}

// start is where a talk goes in the calendar.
type start struct {
	at       time.Time      // the instant, or the wall clock for floating and dates
	zone     *time.Location // non-nil for TZID
	zoneName string
	kind     startKind
}

type startKind uint8

const (
	floating startKind = iota
	utc
	zoned
	allDay
)

// startOf returns where the talk t goes, and false for a talk with
// less than a day known; and false for known where its start is a
// date-time and its event's time zone is not the zone database's.
func startOf(t *talk.Talk, zones *zone.Memo) (s start, ok, known bool) {
	d := t.Recorded
	if d.Precision() < talk.Day {
		return start{}, false, true
	}
	if d.Precision() == talk.Day {
		return start{at: d.Time(), kind: allDay}, true, true
	}
	loc, zoneName := zoneOf(zones, t.Event.TimeZone)
	switch {
	case loc == nil && t.Event.TimeZone != "":
		return start{}, false, false
	case loc == nil && d.Precision() == talk.DateTimeOffset:
		return start{at: d.Time().UTC(), kind: utc}, true, true
	case loc == nil:
		return start{at: d.Time(), kind: floating}, true, true
	case zoneName == "UTC":
		// A date-time without an offset is already its wall clock in
		// UTC ([talk.Date.Time]).
		return start{at: d.Time().UTC(), kind: utc}, true, true
	case d.Precision() == talk.DateTimeOffset:
		return start{at: d.Time().In(loc), zone: loc, zoneName: zoneName, kind: zoned}, true, true
	}
	at, _ := zone.Wall(d.Time(), loc)
	return start{at: at, zone: loc, zoneName: zoneName, kind: zoned}, true, true
}

// zoneOf loads an IANA zone with zones ([zone.Load], which embeds the
// zone database and refuses "Local"); zones that are UTC by another name
// give "UTC".
func zoneOf(zones *zone.Memo, name string) (*time.Location, string) {
	loc, ok := zones.Load(name)
	if !ok {
		return nil, ""
	}
	switch name {
	case "UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "GMT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "GMT+0", "GMT-0", "Etc/Greenwich", "Greenwich":
		return loc, "UTC"
	}
	return loc, name
}

func (c *calendar) talk(t *talk.Talk, id string, s start) {
	c.line("BEGIN:VEVENT")
	c.text("UID", id)
	c.stamp()
	startRepeated := false // a zoned start its zone's clock reads twice
	switch s.kind {
	case allDay:
		c.line("DTSTART;VALUE=DATE:" + s.at.Format("20060102"))
	case utc:
		c.line("DTSTART:" + s.at.Format("20060102T150405Z"))
	case floating:
		c.line("DTSTART:" + s.at.Format("20060102T150405"))
	case zoned:
		startRepeated = repeated(s.at)
		c.zoned("DTSTART", s.at, s.zoneName, startRepeated)
	}
	if s.kind == allDay {
		c.days(s.at, t.Duration)
	} else {
		c.end(s, t.Duration, startRepeated)
	}
	c.text("SUMMARY", t.Title)
	c.text("DESCRIPTION", description(t))
	c.text("LOCATION", location(t.Place, t.Event.Place))
	for _, l := range t.Links {
		if c.uri("URL", l.URL) {
			break // the first link that is a web address
		}
	}
	c.text("CATEGORIES", t.Track)
	c.line("END:VEVENT")
}

// days writes when a talk known by its day alone, the date day, ends:
// after the whole days its duration d needs, one at least, as DTEND, the
// day after its last. RFC 5545 lets such a VEVENT have neither DTEND nor
// DURATION for one day, but Exchange (and so Outlook on the web) refuses
// to import one without either, and every program reads DTEND with
// VALUE=DATE, as WriteEvent writes it. A talk whose DTEND would leave the
// four-digit years (on 9999-12-31) gets its DURATION in days instead.
func (c *calendar) days(day time.Time, d talk.Duration) {
	c.dayEnd(day, max(1, int((time.Duration(d)+24*time.Hour-1)/(24*time.Hour))))
}

// dayEnd writes the end of an all-day VEVENT that starts on day and
// lasts n days: DTEND;VALUE=DATE, or DURATION in days where that would
// be past 9999-12-31.
func (c *calendar) dayEnd(day time.Time, n int) {
	if end := day.AddDate(0, 0, n); end.Year() <= maxYear {
		c.line("DTEND;VALUE=DATE:" + end.Format("20060102"))
		return
	}
	c.line(fmt.Sprintf("DURATION:P%dD", n))
}

// end writes when a talk that starts at s and lasts d ends: as its
// DURATION, but for a talk on a zone's clock whose start is read once
// (startRepeated says if not; such a start is said in UTC) and that ends
// at another offset from UTC than it starts, or at a time the clock
// reads twice. ical.js and libical add a DURATION to the wall clock, so
// that across a change of the clocks the talk would end an hour off (or,
// over the day Samoa skipped, before it starts): its DTEND is said
// instead. A talk of unknown (zero) length gets "DURATION:PT0S", which
// is what RFC 5545 takes a DATE-TIME start without an end to mean, for
// Exchange refuses to import a VEVENT with neither DTEND nor DURATION.
func (c *calendar) end(s start, d talk.Duration, startRepeated bool) {
	end := s.at.Add(time.Duration(d))
	if s.kind == zoned && !startRepeated && end.Year() <= maxYear {
		if endRepeated := repeated(end); endRepeated || offsetOf(end) != offsetOf(s.at) {
			c.zoned("DTEND", end, s.zoneName, endRepeated)
			return
		}
	}
	c.line("DURATION:" + duration(d))
}

// zoned writes the DATE-TIME property name for the instant at, in its
// zone called zoneName: with TZID, or in UTC where the zone's wall clock
// is read twice (isRepeated, as repeated(at) says) or is off UTC by
// seconds (a local mean time before 1900, which the VTIMEZONE says but
// ical.js rounds to the minute); but not where UTC has left the
// four-digit years (local mean time on 0000-01-01), which the TZID form
// holds.
func (c *calendar) zoned(name string, at time.Time, zoneName string, isRepeated bool) {
	if y := at.UTC().Year(); (isRepeated || offsetOf(at)%60 != 0) && 0 <= y && y <= maxYear {
		c.line(name + ":" + at.UTC().Format("20060102T150405Z"))
		return
	}
	c.line(name + ";TZID=" + paramValue(zoneName) + ":" + at.Format("20060102T150405"))
}

// offsetOf is t's offset from UTC in its zone, in seconds.
func offsetOf(t time.Time) int {
	_, off := t.Zone()
	return off
}

// uid is the talk's stable identity as a calendar UID. A talk whose ID
// another talk of the calendar shares (shared) is known, as one without
// an ID, by its start and room as well.
func uid(t *talk.Talk, shared bool) string {
	id := t.ID
	if id == "" || shared {
		// Without an ID a talk is known by what sets it apart in a
		// schedule: its title, start and room. The title alone would give
		// the lightning talks of each day one UID, and calendar programs
		// take a VEVENT with a UID they have seen for a new version of
		// the first, so all but one would vanish.
		if id == "" {
			id = titleKey("talk", t.Title)
		}
		id += "-" + t.Recorded.String()
		if room := talk.Slug(t.Place.Room); room != "" {
			id += "-" + room
		}
	}
	if isUUID(id) || t.Event.ID == "" {
		return id
	}
	return id + "@" + t.Event.ID
}

// uids gives each talk a UID of its own (RFC 5545 takes VEVENTs of one
// UID for versions of one event, so calendar programs would keep only
// one): a UID that several talks would share is made of each one's ID,
// start and room ([uid]), and where even those are the same, numbered
// "-2", "-3" in the order given. Which talks share is what decides, not
// their order, so a talk's UID stays as it is when the calendar is
// written again in another order.
func uids(talks []*talk.Talk) []string {
	out := make([]string, len(talks))
	count := make(map[string]int, len(talks))
	for i, t := range talks {
		out[i] = uid(t, false)
		count[out[i]]++
	}
	seen := make(map[string]int, len(talks))
	for i, t := range talks {
		if count[out[i]] > 1 {
			out[i] = uid(t, true)
		}
		seen[out[i]]++
		if n := seen[out[i]]; n > 1 {
			out[i] += fmt.Sprintf("-%d", n)
		}
	}
	return out
}

// eventUID is an event's UID: its ID, or else its title's key and its
// first day, so that one without an ID still has a UID (which RFC 5545
// requires of every VEVENT), and the PyCon of each year one of its own.
func eventUID(e *talk.Event, first talk.Date) string {
	if e.ID != "" {
		return e.ID
	}
	return titleKey("event", e.Title) + "-" + first.String()
}

// titleKey is the slug of a title, or for a title without one (emoji,
// or nothing) kind and a hash of the title.
func titleKey(kind, title string) string {
	if s := talk.Slug(title); s != "" {
		return s
	}
	h := fnv.New64a()
	io.WriteString(h, title)
	return fmt.Sprintf("%s-%016x", kind, h.Sum64())
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
		} else if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// paramValue quotes a parameter value when it holds characters that end
// one (RFC 5545 section 3.2); a DQUOTE cannot be written at all.
func paramValue(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '"' || r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if strings.ContainsAny(s, ":;,") {
		return `"` + s + `"`
	}
	return s
}

// duration writes a positive duration as RFC 5545 dur-value, in whole
// seconds: "PT45M", "PT1H30M", "PT26H", "PT1H0M5S" (the grammar wants the
// minutes between hours and seconds). A talk's duration is exact, and RFC
// 5545's days are nominal (a "P1D" from a TZID start lasts 23 or 25 hours
// across a change of the clocks), so a day or more is written in hours.
func duration(d talk.Duration) string {
	s := int64(time.Duration(d).Round(time.Second) / time.Second)
	h, m, sec := s/3600, s/60%60, s%60
	if h == 0 && m == 0 && sec == 0 {
		return "PT0S"
	}
	var b strings.Builder
	b.WriteString("PT")
	if h > 0 {
		fmt.Fprintf(&b, "%dH", h)
	}
	if m > 0 || h > 0 && sec > 0 {
		fmt.Fprintf(&b, "%dM", m)
	}
	if sec > 0 {
		fmt.Fprintf(&b, "%dS", sec)
	}
	return b.String()
}

func description(t *talk.Talk) string {
	var parts []string
	if t.Subtitle != "" {
		parts = append(parts, t.Subtitle)
	}
	if names := speakerNames(t.Speakers); len(names) > 0 {
		parts = append(parts, "Speakers: "+strings.Join(names, ", "))
	}
	for _, p := range []string{t.Summary, t.Description} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(t.Parts) > 0 {
		var b strings.Builder
		b.WriteString("Parts:")
		writeParts(&b, t.Parts, "")
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "\n\n")
}

// writeParts lists the talks within a talk ([talk.Talk.Parts]: the
// lightning talks of a block, the contributions to a panel), one a line,
// "- Title (Speaker, Speaker)", each part's own parts indented under it,
// so that a block's VEVENT says what is in it, as its page does.
func writeParts(b *strings.Builder, parts []talk.Talk, indent string) {
	for i := range parts {
		p := &parts[i]
		b.WriteString("\n" + indent + "- ")
		title := strings.Join(strings.Fields(firstOf(p.Title, p.ID)), " ")
		b.WriteString(title)
		if names := speakerNames(p.Speakers); len(names) > 0 {
			if title != "" {
				b.WriteByte(' ')
			}
			b.WriteString("(" + strings.Join(names, ", ") + ")")
		}
		writeParts(b, p.Parts, indent+"  ")
	}
}

// speakerNames are the names of the speakers that have one.
func speakerNames(speakers []talk.Speaker) []string {
	var names []string
	for i := range speakers {
		if n := speakers[i].DisplayName(); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// location joins what is known of where: the talk's room and venue, then
// the event's venue, city, region and country, each once.
func location(own, event talk.Place) string {
	var parts []string
	for _, p := range []string{own.Room, own.Venue, event.Venue, firstOf(own.City, event.City),
		firstOf(own.Region, event.Region), firstOf(own.Country, event.Country)} {
		if p != "" && !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// daysBetween is the number of days from the day a to the day b, both
// at midnight in one zone, as talk.Date.Time gives days (time.Duration
// would overflow beyond 292 years).
func daysBetween(a, b time.Time) int {
	return int((b.Unix() - a.Unix()) / (24 * 60 * 60))
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

package jsonld

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/internal/orcid"
	"github.com/talkmeta/talkmeta/internal/pagecheck"
	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
)

// Options say how the graph is written. The zero Options are valid.
type Options struct {
	// BaseURL is the site's address, such as "https://talks.example.org";
	// it makes @ids absolute. "" writes @ids relative to the site's root.
	// It is written as it is, before each @id's path: one that is not an
	// absolute address ("talks.example.org") makes @ids that each page
	// resolves differently, and consumers do not merge them.
	BaseURL string
	// Indent, when not empty, indents the output with this string per
	// level; otherwise it is compact. It must be spaces and tabs: any
	// other text would be written as it is, between the JSON's tokens,
	// where it could break the JSON or end the script element it is in
	// ("</script>"); every function of the package returns an
	// [*IndentError] for it, before writing anything.
	Indent string
	// PageURL is the absolute address of the page the graph is for, a
	// talk's, an event's or a speaker's, written as its subject's
	// mainEntityOfPage; "" leaves it out.
	PageURL string
	// TalkURL, when not nil, gives the absolute address of a talk's page
	// on the caller's site, written as the url of each talk an event or
	// speaker graph lists. (A talk's own graph uses its first link.)
	TalkURL func(*talk.Talk) string
	// SpeakerURL, when not nil, gives the absolute address of a speaker's
	// page on the caller's site, written as the url of each Person, so
	// that a consumer can follow a talk's performers to their pages.
	SpeakerURL func(*talk.Speaker) string
	// PlainDescription, when not nil, gives a talk's description as plain
	// text, its markup's syntax left out ("*Fast* code" is "Fast code"),
	// for the graph's description in place of the text as the talk has
	// it (a summary, which is plain text, comes first all the same).
	// Turning markup into text takes parsing it, which a page's renderer
	// has done already: talk/html's pages pass what they rendered.
	PlainDescription func(*talk.Talk) string
}

// Warning says that a property a consumer needs could not be written,
// or not be told from another node's, because the talk's data does not
// have it in a form a consumer reads; Reason says what the record lacks.
type Warning struct {
	Node     string // the @id of the node missing it
	Property string // the schema.org property, such as "thumbnailUrl"
	Reason   string // why the talk's data has none
}

// String formats the warning as "jsonld: node: no property: reason".
func (w Warning) String() string {
	return fmt.Sprintf("jsonld: %s: no %s: %s", w.Node, w.Property, w.Reason)
}

// IndentError reports an [Options.Indent] that is not white space, which
// json.Indent would write between the JSON's tokens as it is.
type IndentError struct {
	Indent string
}

// Error formats the error as `jsonld: Options.Indent "x" is not spaces and tabs`.
func (e *IndentError) Error() string {
	return "jsonld: Options.Indent " + strconv.Quote(e.Indent) + " is not spaces and tabs"
}

// Write writes t's graph to w and returns what is missing from it. A nil
// t is a [*talk.NilError], text that is not UTF-8 is
// [talk.Talk.CheckUTF8]'s error, and a year outside 0000-9999, which
// schema.org's ISO 8601 dates cannot hold, is [talk.Talk.CheckDates]';
// nothing is written for any of them.
func Write(w io.Writer, t *talk.Talk, opt Options) ([]Warning, error) {
	if err := pagecheck.Check("jsonld", "talk", t == nil, nil, t.CheckUTF8, t.CheckDates); err != nil {
		return nil, err
	}
	g := newGraph(t, opt)
	b := bufpool.Get()
	defer bufpool.Put(b)
	e := newEncoder(b, g.size())
	g.nodes(&e)
	doc, err := e.finish(b, opt.Indent)
	if err == nil {
		_, err = w.Write(doc)
	}
	return g.warnings, err
}

// Marshal returns t's graph; see [Write].
func Marshal(t *talk.Talk, opt Options) ([]byte, []Warning, error) {
	if err := pagecheck.Check("jsonld", "talk", t == nil, nil, t.CheckUTF8, t.CheckDates); err != nil {
		return nil, nil, err
	}
	g := newGraph(t, opt)
	var b bytes.Buffer
	e := newEncoder(&b, g.size())
	g.nodes(&e)
	doc, err := e.finish(&b, opt.Indent)
	if err != nil {
		return nil, g.warnings, err
	}
	return doc, g.warnings, nil
}

// write writes a graph, whose nodes the function nodes writes, to w as one
// document of about size bytes, built in a pooled buffer: a fresh one per
// graph was a tenth of the bytes the corpus pipeline allocated.
func write(w io.Writer, nodes func(*encoder), opt Options, size int) error {
	b := bufpool.Get()
	defer bufpool.Put(b)
	e := newEncoder(b, size)
	nodes(&e)
	doc, err := e.finish(b, opt.Indent)
	if err != nil {
		return err
	}
	_, err = w.Write(doc)
	return err
}

// marshal returns a graph as one document of about size bytes.
func marshal(nodes func(*encoder), opt Options, size int) ([]byte, error) {
	var b bytes.Buffer
	e := newEncoder(&b, size)
	nodes(&e)
	return e.finish(&b, opt.Indent)
}

// An encoder writes a graph compactly as its nodes are walked, leaving
// out members whose values are empty, so that the output is deterministic
// and reads in the order the nodes are written in. Building the graph as
// a tree of values first and then walking it cost 55 allocations a graph
// for values written once; BenchmarkWrite measured writing as the nodes
// are walked at 12 allocations and a third less time.
//
// It appends to a byte slice rather than calling a bytes.Buffer's methods:
// a graph is a few hundred small writes, and the buffer's bookkeeping for
// each was a tenth of a graph's time.
type encoder struct {
	b []byte
	// comma is whether a member or element was written at this level, so
	// that the next needs a comma.
	comma bool
	// nodes is where the @graph array began.
	nodes arrayMark
}

// newEncoder starts a document of about size bytes in the free space of
// buf, up to the first element of its @graph. Starting at about the
// document's size saves the doublings from empty, which were a tenth of a
// page's bytes.
func newEncoder(buf *bytes.Buffer, size int) encoder {
	buf.Grow(size)
	e := encoder{b: buf.AvailableBuffer()}
	e.open()
	e.str("@context", "https://schema.org")
	e.nodes = e.openArray("@graph")
	return e
}

// finish ends the document and returns it: compact, in the free space of
// buf that newEncoder began it in (or in an array of its own, had it
// outgrown that), or indented with indent per level, in buf.
func (e *encoder) finish(buf *bytes.Buffer, indent string) ([]byte, error) {
	e.closeArray(e.nodes)
	e.close()
	if indent == "" {
		return append(e.b, '\n'), nil
	}
	if strings.Trim(indent, " \t") != "" {
		return nil, &IndentError{Indent: indent}
	}
	// buf is where the compact document is: indent from a copy.
	compact := bufpool.Get()
	defer bufpool.Put(compact)
	compact.Write(e.b)
	buf.Reset()
	if err := json.Indent(buf, compact.Bytes(), "", indent); err != nil {
		return nil, fmt.Errorf("jsonld: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// open starts an object, as an element or after key.
func (e *encoder) open() {
	e.separate()
	e.b = append(e.b, '{')
	e.comma = false
}

// close ends an object.
func (e *encoder) close() {
	e.b = append(e.b, '}')
	e.comma = true
}

// An arrayMark is where an array began, for taking it back out if it is
// empty.
type arrayMark struct {
	at    int
	comma bool
}

// openArray starts the member k, an array (or, for k "", an array
// element); closeArray ends it, leaving it out if it has no elements.
func (e *encoder) openArray(k string) arrayMark {
	m := arrayMark{at: len(e.b), comma: e.comma}
	if k != "" {
		e.key(k)
	} else {
		e.separate()
	}
	e.b = append(e.b, '[')
	e.comma = false
	return m
}

func (e *encoder) closeArray(m arrayMark) {
	if e.comma {
		e.b = append(e.b, ']')
		return
	}
	e.dropArray(m)
}

// dropArray takes the array begun at m back out, with its elements.
func (e *encoder) dropArray(m arrayMark) {
	e.b = e.b[:m.at]
	e.comma = m.comma
}

// key writes the name of the next member: one of this package's own
// names, which need no escaping.
func (e *encoder) key(k string) {
	e.separate()
	e.b = append(e.b, '"')
	e.b = append(e.b, k...)
	e.b = append(e.b, '"', ':')
	e.comma = false
}

func (e *encoder) separate() {
	if e.comma {
		e.b = append(e.b, ',')
	}
	e.comma = true
}

// str writes the member k with the string value v, unless v is empty.
func (e *encoder) str(k, v string) {
	if v == "" {
		return
	}
	e.key(k)
	e.string(v)
}

// strAt is str, and returns where the value is: the zero span when v is
// empty.
func (e *encoder) strAt(k, v string) span {
	if v == "" {
		return span{}
	}
	e.key(k)
	start := len(e.b)
	e.string(v)
	return span{start, len(e.b)}
}

// repeat writes the member k with the value at v, written before, unless
// v is the zero span. The value is copied from where it is (append copies
// from the old array if it grows b's).
func (e *encoder) repeat(k string, v span) {
	if v == (span{}) {
		return
	}
	e.key(k)
	e.b = append(e.b, e.b[v.start:v.end]...)
	e.comma = true
}

// element writes the string v as an array element.
func (e *encoder) element(v string) {
	e.separate()
	e.string(v)
}

// string writes s as a JSON string that is safe in a page.
func (e *encoder) string(s string) {
	e.comma = true
	e.b = jsonx.HTMLSafe.AppendString(e.b, s)
}

type graph struct {
	t        *talk.Talk
	opt      Options
	warnings []Warning

	// desc is the talk's description, which every node repeats.
	desc string

	// Where the talk's node wrote values that its recordings' nodes
	// repeat, to copy them from there: making, formatting and escaping
	// them again was a third of a graph's time and most of its
	// allocations.
	talkIDAt, nameAt, descAt, dateAt, durationAt, languageAt, keywordsAt span
	// The @ids of the talk's speakers (see speakerID): in an array for
	// the first few, which most talks need no more than, so that the
	// graph, which must not point into itself to stay off the heap, needs
	// no slice.
	firstSpeakerIDsAt [4]span
	moreSpeakerIDsAt  []span

	// What every recording's node says of the talk's thumbnail and
	// licence, found once.
	thumbnail    string // the thumbnail, if it is a web address
	licenseURL   string // the licence as a web address (weburl.Web), when it is one
	licenseIsURL bool

	// zones loads the event's zone, which the graph names up to four
	// times, once.
	zones zone.Memo
}

// A span is where a value's JSON is in the document being written. The
// zero span is of no value. What a span covers stays as it is: an encoder
// only appends, but for taking back an array that stayed empty, or a
// recording's clips when no part was cued, which hold no value a span
// points at.
type span struct{ start, end int }

// newGraph is the graph of t.
func newGraph(t *talk.Talk, opt Options) graph {
	return graph{t: t, opt: opt, desc: opt.description(t)}
}

func (g *graph) warn(node, property, reason string) {
	g.warnings = append(g.warnings, Warning{Node: node, Property: property, Reason: reason})
}

// id builds an @id from path segments and a fragment, as writeID writes
// it: for warnings, which name a node by its @id.
func (g *graph) id(fragment string, segments ...string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(g.opt.BaseURL, "/"))
	for _, s := range segments {
		if s != "" {
			b.WriteByte('/')
			b.WriteString(url.PathEscape(s))
		}
	}
	b.WriteByte('#')
	b.WriteString(fragment)
	return b.String()
}

// writeID writes the member "@id" made from BaseURL, the path segments
// that are not empty (path-escaped, each after a "/"), "#" and fragment,
// and returns where its value is. It writes the parts of the @id as they
// come instead of building it first.
func (g *graph) writeID(e *encoder, fragment string, segments ...string) span {
	start := g.beginID(e)
	for _, s := range segments {
		if s != "" {
			e.b = append(e.b, '/')
			e.b = appendSegment(e.b, s)
		}
	}
	return endID(e, start, fragment)
}

// beginID writes the member "@id" up to the end of BaseURL in its value,
// and returns where the value begins.
func (g *graph) beginID(e *encoder) int {
	e.key("@id")
	start := len(e.b)
	e.b = append(e.b, '"')
	e.b = jsonx.HTMLSafe.AppendInside(e.b, strings.TrimSuffix(g.opt.BaseURL, "/"))
	return start
}

// endID ends the @id that beginID began at start with "#" and fragment,
// and returns where its value is.
func endID(e *encoder, start int, fragment string) span {
	e.b = append(e.b, '#')
	e.b = jsonx.HTMLSafe.AppendInside(e.b, fragment)
	e.b = append(e.b, '"')
	e.comma = true
	return span{start, len(e.b)}
}

// eventIdentity is what an event's @id, and its talks', are made from:
// its ID, or else its title's slug, so that events without IDs do not all
// share one @id, which a consumer would take for one node with every
// event's names and dates.
func eventIdentity(ev *talk.Event) string {
	if ev.ID != "" {
		return ev.ID
	}
	return talk.Slug(ev.Title)
}

// talkIdentity is what a talk's @id is made from, within its event's: its
// ID, or else its slug, or its title's, as for eventIdentity.
func talkIdentity(t *talk.Talk) string {
	switch {
	case t.ID != "":
		return t.ID
	case t.Slug != "":
		return t.Slug
	}
	return talk.Slug(t.Title)
}

// talkFragment is the fragment of a talk's @id.
const talkFragment = "talk"

// writeVideoID writes the member "@id" of the talk's recording n: the
// talk's @id with the fragment "video-n".
func (g *graph) writeVideoID(e *encoder, n int) {
	g.beginTalkFragmentID(e)
	e.b = append(e.b, "video-"...)
	e.b = strconv.AppendInt(e.b, int64(n), 10)
	e.b = append(e.b, '"')
}

// writeTalkFragmentID writes the member "@id" of a node within the talk:
// the talk's @id with the fragment fragment (of digits, letters, "-" and
// ".", which need no escape).
func (g *graph) writeTalkFragmentID(e *encoder, fragment string) {
	g.beginTalkFragmentID(e)
	e.b = append(e.b, fragment...)
	e.b = append(e.b, '"')
}

// beginTalkFragmentID writes the member "@id" up to the fragment of a
// node within the talk, copied from the talk's @id, for the caller to
// end with the fragment and its closing quote.
func (g *graph) beginTalkFragmentID(e *encoder) {
	e.key("@id")
	path := g.talkIDAt.end - len(talkFragment+`"`) // the talk's @id up to its fragment
	e.b = append(e.b, e.b[g.talkIDAt.start:path]...)
	e.comma = true
}

// appendSegment appends the path segment s, path-escaped, as
// jsonx.HTMLSafe.AppendInside would: an ID or slug, which nearly always needs neither
// escape, as it is.
func appendSegment(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !segmentPlain[s[i]] {
			return jsonx.HTMLSafe.AppendInside(b, url.PathEscape(s))
		}
	}
	return append(b, s...)
}

// segmentPlain marks the bytes that url.PathEscape leaves as they are
// (letters, digits and "-._~$&+:=@") and jsonx.HTMLSafe too (all of those
// but "&").
var segmentPlain = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~$+:=@", byte(c)) >= 0
	}
	return t
}()

// size is about how long t's graph is: every node repeats the
// description, most of a graph's bytes.
func (g *graph) size() int {
	return 2<<10 + (1+len(g.t.Videos))*len(g.desc)
}

// nodes writes the talk's node, then a node for each of its recordings.
func (g *graph) nodes(e *encoder) {
	g.thumbnail = absoluteOrEmpty(g.t.Thumbnail)
	g.talkNode(e)
	if len(g.t.Videos) == 0 {
		return
	}
	g.licenseURL, g.licenseIsURL = weburl.Web(g.t.License)
	for i := range g.t.Videos {
		g.videoNode(e, i, &g.t.Videos[i])
	}
}

func (g *graph) talkNode(e *encoder) {
	t := g.t
	e.open()
	e.str("@type", "Event")
	g.talkIDAt = g.writeID(e, talkFragment, eventIdentity(&t.Event), talkIdentity(t))
	if talkIdentity(t) == "" {
		// Its @id is its event's path with "#talk", which every other
		// such talk of the event has too: a consumer takes them all for
		// one node.
		g.warn(g.id(talkFragment, eventIdentity(&t.Event)), "@id",
			"the talk has no ID, no slug and no title with letters or digits to tell it from other talks")
	}
	g.nameAt = e.strAt("name", t.Title)
	e.str("alternateName", t.Subtitle)
	g.descAt = e.strAt("description", g.desc)
	g.dateAt = e.strAt("startDate", g.date(t.Recorded))
	g.endDate(e, t.Recorded, t.Duration)
	g.durationAt = e.strAt("duration", duration(t.Duration))
	g.languageAt = g.language(e, t.Language, talkFragment)
	e.str("url", g.talkURL())
	// The talk's still, which Google recommends for an Event as for a
	// VideoObject: a talk with one had it on its recordings alone.
	e.str("image", g.thumbnail)
	e.str("mainEntityOfPage", absoluteOrEmpty(g.opt.PageURL))
	g.keywordsAt = keywords(e, t.Tags)
	e.str("eventStatus", eventStatus(t))
	g.location(e, t.Where())
	performers := e.openArray("performer")
	for i := range t.Speakers {
		// Every speaker's @id is kept, the zero span for one without a
		// name, so that speakerID finds speaker i at i: skipping the
		// nameless past the first few shifted those after them, and the
		// last was looked for past the end.
		var id span
		if !nameless(&t.Speakers[i]) {
			e.open()
			id = g.personMembers(e, &t.Speakers[i])
			e.close()
		}
		if i < len(g.firstSpeakerIDsAt) {
			g.firstSpeakerIDsAt[i] = id
		} else {
			g.moreSpeakerIDsAt = append(g.moreSpeakerIDsAt, id)
		}
	}
	e.closeArray(performers)
	slides := e.openArray("workFeatured")
	for _, s := range t.Slides {
		// Only a web address is written, as for every other URL of the
		// graph: a relative one would resolve against the page, and a
		// document with neither name nor address says nothing.
		u := absoluteOrEmpty(s.URL)
		if u == "" && s.Label == "" {
			continue
		}
		e.open()
		e.str("@type", "PresentationDigitalDocument")
		e.str("name", s.Label)
		e.str("url", u)
		e.close()
	}
	e.closeArray(slides)
	g.parts(e, t.Parts, "part-")
	if !t.Event.IsZero() {
		e.key("superEvent")
		e.open()
		g.eventMembers(e, &t.Event)
		e.close()
	}
	e.close()
}

// parts writes the member "subEvent", the talks within a talk (the
// lightning talks of a block, a panel's contributions), each an Event
// with the @id of the talk's with the fragment prefix and its place
// among them ("part-2"; "part-2.1" for the first part of that one):
// what a part's record holds of a talk, but for its recordings, slides
// and links, which the talk's own graph would carry.
func (g *graph) parts(e *encoder, parts []talk.Talk, prefix string) {
	list := e.openArray("subEvent")
	for i := range parts {
		p := &parts[i]
		fragment := prefix + strconv.Itoa(i+1)
		e.open()
		e.str("@type", "Event")
		g.writeTalkFragmentID(e, fragment)
		e.str("name", p.Title)
		e.str("alternateName", p.Subtitle)
		e.str("description", g.opt.description(p))
		e.str("startDate", g.date(p.Recorded))
		g.endDate(e, p.Recorded, p.Duration)
		e.str("duration", duration(p.Duration))
		e.str("image", absoluteOrEmpty(p.Thumbnail))
		g.language(e, p.Language, fragment)
		keywords(e, p.Tags)
		performers := e.openArray("performer")
		for j := range p.Speakers {
			if nameless(&p.Speakers[j]) {
				continue
			}
			e.open()
			g.personMembers(e, &p.Speakers[j])
			e.close()
		}
		e.closeArray(performers)
		g.parts(e, p.Parts, fragment+".")
		e.close()
	}
	e.closeArray(list)
}

// nameless reports whether a speaker has no name to show (see
// [talk.Speaker.DisplayName]), as records of talks with a blank speaker
// hold: a Person with no name says nothing.
func nameless(s *talk.Speaker) bool {
	return s.DisplayName() == ""
}

// speakerID is where the talk's node wrote the @id of the talk's speaker
// i: the zero span for a speaker without one (whose name has no slug).
func (g *graph) speakerID(i int) span {
	if i < len(g.firstSpeakerIDsAt) {
		return g.firstSpeakerIDsAt[i]
	}
	return g.moreSpeakerIDsAt[i-len(g.firstSpeakerIDsAt)]
}

// keywords writes the member "keywords", the tags that are not blank as
// an array, unless there are none, and returns where its value is. An
// array, not the tags joined with commas, which schema.org also allows:
// a tag may hold a comma ("Machine learning, applied"), and a reader
// could not tell where it ends.
func keywords(e *encoder, tags []string) span {
	if !slices.ContainsFunc(tags, notBlank) {
		return span{}
	}
	e.key("keywords")
	start := len(e.b)
	e.b = append(e.b, '[')
	for _, tag := range tags {
		if !notBlank(tag) {
			continue
		}
		if e.b[len(e.b)-1] != '[' {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, '"')
		e.b = jsonx.HTMLSafe.AppendInside(e.b, tag)
		e.b = append(e.b, '"')
	}
	e.b = append(e.b, ']')
	e.comma = true
	return span{start, len(e.b)}
}

func notBlank(s string) bool { return strings.TrimSpace(s) != "" }

// language writes the member "inLanguage", l, when it is a BCP 47 tag,
// as schema.org wants it, and returns where its value is. A language the
// talk's reader kept as its source wrote it ("English", "xx") is left
// out, and the node of the talk with the fragment fragment gets a
// warning naming it: a consumer would read it as no language or a wrong
// one.
func (g *graph) language(e *encoder, l talk.Language, fragment string) span {
	if l == "" {
		return span{}
	}
	if c, err := talk.ParseLanguage(string(l)); err == nil {
		// Canonical, as schema.org's BCP 47 wants it: a Language a
		// program makes by hand need not be ("pt_BR", "eng").
		return e.strAt("inLanguage", string(c))
	}
	g.warn(g.id(fragment, eventIdentity(&g.t.Event), talkIdentity(g.t)), "inLanguage",
		strconv.Quote(string(l))+" is not a BCP 47 language tag, such as \"en\" or \"pt-BR\"")
	return span{}
}

// talkURL is the talk's own page: the first related link that is a web
// address, which is what schedules and archives put first, as
// talk/ical's URL is; a relative first link (a schedule without a
// base_url) leads a consumer nowhere, and left the talk without one.
func (g *graph) talkURL() string {
	for _, l := range g.t.Links {
		if u := absoluteOrEmpty(l.URL); u != "" {
			return u
		}
	}
	return ""
}

func eventStatus(t *talk.Talk) string {
	if len(t.Videos) > 0 || !t.Recorded.IsZero() {
		return "https://schema.org/EventScheduled"
	}
	return ""
}

// eventMembers writes what describes an event, in a talk's graph or as
// the subject of an event graph.
func (g *graph) eventMembers(e *encoder, ev *talk.Event) {
	e.str("@type", "Event")
	g.writeID(e, "event", eventIdentity(ev))
	e.str("name", ev.Title)
	e.str("startDate", g.dateIn(ev.Start, ev.TimeZone))
	e.str("endDate", g.dateIn(ev.End, ev.TimeZone))
	e.str("url", absoluteOrEmpty(ev.URL))
	g.location(e, ev.Place)
}

// location writes where, as the member "location": an event's place, or
// where a talk was given ([talk.Talk.Where]).
func (g *graph) location(e *encoder, event talk.Place) {
	if event.IsZero() {
		return
	}
	name := event.Venue
	if event.Room != "" {
		name = strings.TrimSuffix(event.Room+", "+event.Venue, ", ")
	}
	e.key("location")
	e.open()
	e.str("@type", "Place")
	e.str("name", name)
	if event.City != "" || event.Region != "" || event.Country != "" {
		e.key("address")
		e.open()
		e.str("@type", "PostalAddress")
		e.str("addressLocality", event.City)
		e.str("addressRegion", event.Region)
		e.str("addressCountry", event.Country)
		e.close()
	}
	e.close()
}

// personMembers writes what describes a speaker, in a talk's graph or as
// the subject of a speaker graph, and returns where its @id is: the zero
// span when it has none.
func (g *graph) personMembers(e *encoder, s *talk.Speaker) span {
	e.str("@type", "Person")
	id := g.writePersonID(e, s)
	e.str("name", s.DisplayName())
	if g.opt.SpeakerURL != nil {
		e.str("url", absoluteOrEmpty(g.opt.SpeakerURL(s)))
	}
	e.str("givenName", s.GivenName)
	e.str("familyName", s.FamilyName)
	e.str("image", absoluteOrEmpty(s.Image))
	if s.Affiliation != "" {
		e.key("affiliation")
		e.open()
		e.str("@type", "Organization")
		e.str("name", s.Affiliation)
		e.close()
	}
	sameAs(e, s)
	return id
}

// writePersonID writes the member "@id" of the speaker s, made from
// personSlug, and returns where its value is: the zero span, and nothing
// written, for a speaker without a slug.
func (g *graph) writePersonID(e *encoder, s *talk.Speaker) span {
	if slug := personSlug(s); slug != "" {
		return g.writeID(e, "person", "speakers", slug)
	}
	return span{}
}

// personSlug is what a speaker's @id is made from: their slug, or the
// slug of [talk.Speaker.SlugSource]; "" for none.
func personSlug(s *talk.Speaker) string {
	if s.Slug != "" {
		return s.Slug
	}
	return talk.Slug(s.SlugSource())
}

// sameAs lists the speaker's profiles elsewhere: ORCID, homepage, accounts.
func sameAs(e *encoder, s *talk.Speaker) {
	profiles := e.openArray("sameAs")
	if id, ok := orcid.Parse(s.ORCID); ok {
		e.separate()
		e.b = append(e.b, `"https://orcid.org/`...)
		e.b = append(e.b, id...) // digits, "-" and "X": nothing to escape
		e.b = append(e.b, '"')
	}
	if u := absoluteOrEmpty(s.Homepage); u != "" {
		e.element(u)
	}
	for _, a := range s.Accounts {
		if u := absoluteOrEmpty(a.URL); u != "" {
			e.element(u)
		}
	}
	e.closeArray(profiles)
}

// reference writes a node that is the @id at id alone, for a node written
// in full before.
func reference(e *encoder, id span) {
	e.open()
	e.repeat("@id", id)
	e.close()
}

func (g *graph) videoNode(e *encoder, i int, v *talk.Video) {
	t := g.t
	embedPrefix, embedID, content := player(v)
	thumbnail := g.thumbnail
	ytimg := thumbnail == "" && v.Provider == talk.YouTube && v.ID != ""
	// uploadDate is a day or a date-time, which Google requires of it: a
	// year or a month, which a startDate may be, is not one.
	upload := g.dateAt
	if t.Recorded.Precision() < talk.Day {
		upload = span{}
	}
	if t.Title == "" || thumbnail == "" && !ytimg || upload == (span{}) {
		id := g.id("video-"+strconv.Itoa(i+1), eventIdentity(&t.Event), talkIdentity(t))
		if t.Title == "" {
			g.warn(id, "name", "the talk has no title")
		}
		if thumbnail == "" && !ytimg {
			reason := "the talk has no thumbnail and the provider has none to derive"
			if strings.TrimSpace(t.Thumbnail) != "" {
				reason = "the talk's thumbnail, " + strconv.Quote(t.Thumbnail) + ", is not an http or https address"
			}
			g.warn(id, "thumbnailUrl", reason)
		}
		switch {
		case t.Recorded.IsZero():
			g.warn(id, "uploadDate", "the talk has no recorded date")
		case upload == (span{}):
			g.warn(id, "uploadDate", "the talk's recorded date, "+t.Recorded.String()+", is less precise than a day")
		}
	}
	e.open()
	e.str("@type", "VideoObject")
	g.writeVideoID(e, i+1)
	e.repeat("name", g.nameAt)
	e.repeat("description", g.descAt)
	if ytimg {
		e.key("thumbnailUrl")
		e.b = append(e.b, `"https://i.ytimg.com/vi/`...)
		e.b = appendSegment(e.b, v.ID)
		e.b = append(e.b, `/hqdefault.jpg"`...)
		e.comma = true
	} else {
		e.str("thumbnailUrl", thumbnail)
	}
	e.repeat("uploadDate", upload)
	if v.Duration == 0 || v.Duration == t.Duration {
		e.repeat("duration", g.durationAt)
	} else {
		e.str("duration", duration(v.Duration))
	}
	if embedPrefix != "" {
		e.key("embedUrl")
		e.b = append(e.b, '"')
		e.b = jsonx.HTMLSafe.AppendInside(e.b, embedPrefix)
		e.b = appendSegment(e.b, embedID)
		e.b = appendPlayerStart(e.b, v)
		e.b = append(e.b, '"')
		e.comma = true
	}
	e.str("contentUrl", content)
	if embedPrefix == "" && content == "" {
		// A provider without a player or file this package knows: the
		// recording's page is all that says where it is, and a node
		// without it points nowhere. Google wants a player or a file.
		page := absoluteOrEmpty(v.URL)
		e.str("url", page)
		reason := "the recording has no web address"
		if page != "" {
			host := strconv.Quote(v.Provider)
			if v.Provider == "" {
				host = "an unnamed host" // not `a page of ""`
			}
			reason = "the recording's address is a page of " + host +
				", not a player or a media file (a file's Provider is \"file\"), so there is no embedUrl either"
		}
		g.warn(g.id("video-"+strconv.Itoa(i+1), eventIdentity(&t.Event), talkIdentity(t)), "contentUrl", reason)
	}
	if v.Language != "" && v.Language != t.Language {
		g.language(e, v.Language, "video-"+strconv.Itoa(i+1))
	} else {
		e.repeat("inLanguage", g.languageAt)
	}
	e.repeat("keywords", g.keywordsAt)
	if g.licenseIsURL {
		e.str("license", g.licenseURL)
	} else {
		e.str("copyrightNotice", t.License)
	}
	authors := e.openArray("author")
	for i := range t.Speakers {
		if nameless(&t.Speakers[i]) {
			continue
		}
		if id := g.speakerID(i); id != (span{}) {
			reference(e, id)
		} else {
			e.open()
			g.personMembers(e, &t.Speakers[i])
			e.close()
		}
	}
	e.closeArray(authors)
	g.clips(e, v)
	e.key("recordedAt")
	reference(e, g.talkIDAt)
	e.close()
}

// clips writes the member "hasPart" of the recording v of a talk with
// parts (the lightning talks of a block, recorded in one video): a Clip
// for each part whose own recording is v at a time within it, as Google
// reads a video's key moments, with the part's title, where it starts
// and, when the part's duration is known, ends, and the address that
// plays it from there. Parts that name v with no time go with those that do, at
// its start; when none does, the parts' recordings say nothing of where
// each is, and no clip is written.
//
// The clips are written in one pass over the parts, and taken back out
// when none of the parts was cued.
func (g *graph) clips(e *encoder, v *talk.Video) {
	parts := g.t.Parts
	if len(parts) == 0 {
		return
	}
	cued := false
	list := e.openArray("hasPart")
	for i := range parts {
		p := &parts[i]
		pv := sameRecording(p, v)
		if pv == nil {
			continue
		}
		start := weburl.StartSeconds(pv.URL)
		cued = cued || start > 0
		u := absoluteOrEmpty(pv.URL)
		if u == "" || strings.TrimSpace(p.Title) == "" {
			continue // Google requires a clip's name and address
		}
		e.open()
		e.str("@type", "Clip")
		e.str("name", p.Title)
		e.key("startOffset")
		e.b = strconv.AppendInt(e.b, start, 10)
		e.comma = true
		// The part's own length: its recording's, being the block's
		// video, is the whole block's.
		if secs := int64(time.Duration(p.Duration).Round(time.Second) / time.Second); secs > 0 {
			e.key("endOffset")
			e.b = strconv.AppendInt(e.b, start+secs, 10)
			e.comma = true
		}
		e.str("url", u)
		e.close()
	}
	if !cued {
		e.dropArray(list)
		return
	}
	e.closeArray(list)
}

// sameRecording returns the first of the part p's recordings that is v,
// the same video of the same provider (for a file, the same address but
// for a media fragment's time), or nil.
func sameRecording(p *talk.Talk, v *talk.Video) *talk.Video {
	for i := range p.Videos {
		pv := &p.Videos[i]
		if pv.Provider != v.Provider {
			continue
		}
		if pv.ID != "" && pv.ID == v.ID || pv.Provider == talk.File && pv.ID == "" && v.ID == "" && withoutFragment(pv.URL) == withoutFragment(v.URL) {
			return pv
		}
	}
	return nil
}

func withoutFragment(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

// player returns the address of an embeddable player, as the part
// before the path-escaped video ID that ends it and that ID, and of the
// media file itself, as far as the provider has them. A YouTube or Vimeo
// video's ID is enough for its player, as it is for its thumbnail: a
// hand-written record may give the ID alone.
func player(v *talk.Video) (embedPrefix, embedID, content string) {
	switch {
	case v.Provider == talk.YouTube && v.ID != "":
		return "https://www.youtube-nocookie.com/embed/", v.ID, ""
	case v.Provider == talk.Vimeo && v.ID != "":
		return "https://player.vimeo.com/video/", v.ID, ""
	}
	u := absoluteOrEmpty(v.URL)
	if u == "" {
		return "", "", ""
	}
	switch {
	case v.Provider == talk.ArchiveOrg && v.ID != "":
		if archiveFile(u) {
			return "https://archive.org/embed/", v.ID, u
		}
		return "https://archive.org/embed/", v.ID, ""
	case v.Provider == talk.PeerTube:
		prefix, id := peerTubeEmbed(u)
		return prefix, id, ""
	case v.Provider == talk.File:
		return "", "", u
	}
	return "", "", ""
}

// appendPlayerStart appends to a YouTube, Vimeo or PeerTube player's
// address the time the recording's address starts at ("?t=90",
// "&t=1h2m3s", "#t=90s", "?start=1m30s"), as "?start=90" for YouTube's
// and PeerTube's players and "#t=90s" for Vimeo's: a talk recorded within a longer stream, or a part of a
// block, is linked at its start, and a player made from the video's ID
// alone would start the stream at its beginning, where the talk is not.
func appendPlayerStart(b []byte, v *talk.Video) []byte {
	if v.Provider != talk.YouTube && v.Provider != talk.Vimeo && v.Provider != talk.PeerTube {
		return b
	}
	secs := weburl.StartSeconds(v.URL)
	if secs <= 0 {
		return b
	}
	if v.Provider != talk.Vimeo {
		b = append(b, "?start="...)
		return strconv.AppendInt(b, secs, 10)
	}
	b = append(b, "#t="...)
	b = strconv.AppendInt(b, secs, 10)
	return append(b, 's')
}

// peerTubeEmbed returns the player of a PeerTube video whose watch page
// is u, "https://<instance>/videos/embed/" and the video's ID, which
// every PeerTube instance serves, from its watch page's address
// (/w/<id>, or /videos/watch/<id> before version 3.3); two empty strings
// for an address of another form.
func peerTubeEmbed(u string) (prefix, id string) {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "", ""
	}
	rest, ok := strings.CutPrefix(p.Path, "/w/")
	if !ok {
		rest, ok = strings.CutPrefix(p.Path, "/videos/watch/")
	}
	if !ok || rest == "" || strings.Contains(rest, "/") {
		return "", ""
	}
	return p.Scheme + "://" + p.Host + "/videos/embed/", rest
}

// archiveFile reports whether u, an archive.org address, is of a file
// (/download/<item>/<file>), which contentUrl may name, rather than of
// the item's page (/details/<item>, with or without a file after it), an
// HTML page with a player: contentUrl is the media itself.
func archiveFile(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	rest, ok := strings.CutPrefix(p.Path, "/download/")
	if !ok {
		return false
	}
	item, file, _ := strings.Cut(rest, "/")
	return item != "" && strings.Trim(file, "/") != ""
}

// description is the summary, or else the description: as the talk has
// it, a description in markup keeping its syntax, unless PlainDescription
// gives its text.
func (o *Options) description(t *talk.Talk) string {
	if s := strings.TrimSpace(t.Summary); s != "" {
		return s
	}
	if o.PlainDescription != nil {
		return strings.TrimSpace(o.PlainDescription(t))
	}
	return strings.TrimSpace(t.Description)
}

// date formats a date for startDate and uploadDate; see the package
// documentation for what each precision becomes.
func (g *graph) date(d talk.Date) string { return g.dateIn(d, g.t.Event.TimeZone) }

// endDate writes the member "endDate" of a talk or a part that started
// at start, a date-time, and ran for d, which Google recommends for an
// Event: its start plus its duration, with the offset in force then (a
// talk may end after a change to summer time). A talk given on a day,
// at no known time, or of no known duration, has no endDate: it may have
// run past midnight.
func (g *graph) endDate(e *encoder, recorded talk.Date, d talk.Duration) {
	t := g.t
	if d <= 0 {
		return
	}
	var start time.Time
	switch recorded.Precision() {
	case talk.DateTimeOffset:
		start = g.inZone(recorded.Time(), t.Event.TimeZone)
	case talk.DateTime:
		loc, ok := g.zones.Load(t.Event.TimeZone)
		if !ok {
			return
		}
		start, _ = zone.Wall(recorded.Time().Truncate(time.Second), loc)
	default:
		return
	}
	end := minuteOffset(start.Add(time.Duration(d).Round(time.Second)))
	if end.Year() > 9999 {
		return // past ISO 8601's four-digit years, which no reader takes
	}
	e.key("endDate")
	e.b = append(e.b, '"')
	e.b = end.AppendFormat(e.b, time.RFC3339) // digits, "-", ":", "+", "T", "Z": nothing to escape
	e.b = append(e.b, '"')
	e.comma = true
}

// dateIn is date for a date-time in the IANA time zone tz.
func (g *graph) dateIn(d talk.Date, tz string) string {
	switch d.Precision() {
	case talk.DateTimeOffset:
		return minuteOffset(g.inZone(d.Time(), tz)).Format(time.RFC3339)
	case talk.DateTime:
		if loc, ok := g.zones.Load(tz); ok {
			at, _ := zone.Wall(d.Time().Truncate(time.Second), loc)
			return minuteOffset(at).Format(time.RFC3339)
		}
		return d.Day().String()
	case talk.NoDate:
		return ""
	}
	return d.String()
}

// inZone is the instant at as the clocks of the IANA time zone tz show
// it, as talk/html's pages show a time ([talk.Date.In]), so that a
// schedule's times in UTC ("08:00:00Z") read as the event's
// ("17:00:00+09:00") and a talk's end has the offset in force then, not
// the start's; at as the source wrote it when tz is none, or when the
// event's clocks would show a year outside 0000-9999, which ISO 8601's
// four digits do not hold, or a local mean time that minuteOffset cannot
// take to UTC within them.
func (g *graph) inZone(at time.Time, tz string) time.Time {
	loc, ok := g.zones.Load(tz)
	if !ok {
		return at
	}
	in := at.In(loc)
	if y := in.Year(); y < 0 || y > 9999 {
		return at
	}
	if _, off := minuteOffset(in).Zone(); off%60 != 0 {
		return at
	}
	return in
}

// minuteOffset is t, or the same instant in UTC where t's offset has
// seconds (the local mean time of a zone before its standard time, New
// York's -04:56:02), which RFC 3339's offset, in hours and minutes,
// cannot say: written "-04:56", the time would be seconds off; so
// talk.DateTimeOf keeps such an instant. It is t where UTC would leave
// ISO 8601's four-digit years (the first hour of 0000-01-01 east of
// Greenwich).
func minuteOffset(t time.Time) time.Time {
	if _, off := t.Zone(); off%60 != 0 {
		if u := t.UTC(); u.Year() >= 0 && u.Year() <= 9999 {
			return u
		}
	}
	return t
}

func duration(d talk.Duration) string {
	if d <= 0 {
		return ""
	}
	return talk.Duration(time.Duration(d).Round(time.Second)).String()
}

// absoluteOrEmpty returns s when it is a web address, with a space or a
// stray "%" escaped as the citation formats and iCalendar write them
// (weburl.Web), and "" when it is not one.
func absoluteOrEmpty(s string) string {
	if u, ok := weburl.Web(s); ok {
		return u
	}
	return ""
}

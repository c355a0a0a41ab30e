package jsonld

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/talk"
)

// Options say how the graph is written. The zero Options are valid.
type Options struct {
	// BaseURL is the site's address, such as "https://talks.example.org";
	// it makes @ids absolute. "" writes relative @ids.
	BaseURL string
	// Indent, when not empty, indents the output with this string per
	// level; otherwise it is compact.
	Indent string
	// PageURL is the absolute address of the page an event or speaker
	// graph is for, written as its mainEntityOfPage; "" leaves it out.
	PageURL string
	// TalkURL, when not nil, gives the absolute address of a talk's page
	// on the caller's site, written as the url of each talk an event or
	// speaker graph lists. (A talk's own graph uses its first link.)
	TalkURL func(*talk.Talk) string
}

// Warning says that a property a consumer needs could not be written
// because the talk's data does not have it.
type Warning struct {
	Node     string // the @id of the node missing it
	Property string // the schema.org property, such as "thumbnailUrl"
	Reason   string
}

func (w Warning) String() string {
	return fmt.Sprintf("jsonld: %s: no %s: %s", w.Node, w.Property, w.Reason)
}

// Write writes t's graph to w and returns what is missing from it.
func Write(w io.Writer, t *talk.Talk, opt Options) ([]Warning, error) {
	g := graph{t: t, opt: opt}
	err := write(w, g.nodes(), opt, g.size())
	return g.warnings, err
}

// Marshal returns t's graph; see [Write].
func Marshal(t *talk.Talk, opt Options) ([]byte, []Warning, error) {
	g := graph{t: t, opt: opt}
	b, err := marshal(g.nodes(), opt, g.size())
	return b, g.warnings, err
}

// write writes a graph's nodes to w as one document of about size bytes,
// built in a pooled buffer: a fresh one per graph was a tenth of the
// bytes the corpus pipeline allocated.
func write(w io.Writer, nodes []any, opt Options, size int) error {
	b := bufpool.Get()
	defer bufpool.Put(b)
	if err := encode(b, nodes, opt, size); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// marshal returns a graph's nodes as one document of about size bytes.
func marshal(nodes []any, opt Options, size int) ([]byte, error) {
	var b bytes.Buffer
	if err := encode(&b, nodes, opt, size); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// encode writes a graph's nodes to b as one document of about size bytes.
func encode(b *bytes.Buffer, nodes []any, opt Options, size int) error {
	doc := object{
		{"@context", "https://schema.org"},
		{"@graph", nodes},
	}
	// Starting at about the document's size saves the buffer's doublings
	// from empty, which were a tenth of a page's bytes. An indented
	// document is written compactly first, into a buffer of its own.
	compact := b
	if opt.Indent != "" {
		compact = bufpool.Get()
		defer bufpool.Put(compact)
	}
	compact.Grow(size)
	w := jsonWriter{b: compact}
	if err := w.value(doc); err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	if opt.Indent != "" {
		if err := json.Indent(b, compact.Bytes(), "", opt.Indent); err != nil {
			return fmt.Errorf("jsonld: %w", err)
		}
	}
	return b.WriteByte('\n')
}

// object is a JSON object whose members keep their order, so that output
// is deterministic and reads in a sensible order. Members with empty values
// are left out.
type object []member

type member struct {
	key   string
	value any
}

// jsonWriter writes a graph compactly to b. The graph is built of
// objects, []any and strings alone, so it is written by walking it rather
// than through encoding/json, whose reflection and re-checking of nested
// output were most of a graph's time.
type jsonWriter struct {
	b *bytes.Buffer
	// Every node of a talk's graph repeats its description, most of the
	// graph's bytes: the last long string written, and where its JSON is
	// in b, so that it is copied from there when it comes again instead
	// of being escaped again.
	last       string
	start, end int
}

// repeatable is how long a string must be for jsonWriter to remember it.
const repeatable = 128

// value writes v, an object, a []any or a string.
func (w *jsonWriter) value(v any) error {
	b := w.b
	switch v := v.(type) {
	case object:
		b.WriteByte('{')
		n := 0
		for _, m := range v {
			if empty(m.value) {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			writeString(b, m.key)
			b.WriteByte(':')
			if err := w.value(m.value); err != nil {
				return err
			}
			n++
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := w.value(e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case string:
		w.string(v)
	default:
		return fmt.Errorf("cannot write a %T", v)
	}
	return nil
}

// string writes s as writeString does.
func (w *jsonWriter) string(s string) {
	if len(s) < repeatable {
		writeString(w.b, s)
		return
	}
	if s == w.last {
		// Write copies from the old array if it grows b's.
		w.b.Write(w.b.Bytes()[w.start:w.end])
		return
	}
	start := w.b.Len()
	writeString(w.b, s)
	w.last, w.start, w.end = s, start, w.b.Len()
}

// writeString writes s as a JSON string that is safe in a page: as
// encoding/json's HTML-safe encoding does ("<", ">", "&", U+2028 and
// U+2029 escaped, invalid UTF-8 as U+FFFD), and with DEL, the C1
// controls and the noncharacters escaped too, which HTML forbids in a
// page even inside a script element. FuzzWriteString holds it to that
// definition.
func writeString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	done := 0
	for i := 0; i < len(s); {
		for i < len(s) && jsonPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b.WriteString(s[done:i])
			switch c {
			case '"', '\\':
				b.Write([]byte{'\\', c})
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.Write([]byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&15]})
			}
			i++
			done = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(s[done:i])
			b.WriteString(`\ufffd`)
		case r == '\u2028' || r == '\u2029' || needsEscape(r):
			b.WriteString(s[done:i])
			b.Write([]byte{'\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15]})
		default:
			i += size
			continue
		}
		i += size
		done = i
	}
	b.WriteString(s[done:])
	b.WriteByte('"')
}

// jsonPlain marks the bytes writeString copies without a second look:
// printable ASCII but '"', '\\', '<', '>' and '&'.
var jsonPlain = func() (t [256]bool) {
	for c := ' '; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune(`"\<>&`, c)
	}
	return t
}()

// needsEscape reports whether HTML forbids r in a page: DEL, the C1
// controls and the noncharacters of the Basic Multilingual Plane.
func needsEscape(r rune) bool {
	return r >= 0x7f && r <= 0x9f || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe && r <= 0xffff
}

func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case []string:
		return len(v) == 0
	case object:
		return len(v) == 0
	}
	return false
}

type graph struct {
	t        *talk.Talk
	opt      Options
	warnings []Warning

	// The @ids of t and of its speakers, made once: every video node
	// refers to them again, and a speaker's is made from a slug.
	tID        string
	speakerIDs []string
}

func (g *graph) warn(node, property, reason string) {
	g.warnings = append(g.warnings, Warning{Node: node, Property: property, Reason: reason})
}

// id builds an @id from path segments and a fragment.
func (g *graph) id(fragment string, segments ...string) string {
	base := strings.TrimSuffix(g.opt.BaseURL, "/")
	n := len(base) + 1 + len(fragment)
	for _, s := range segments {
		n += 1 + len(s)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(base)
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

func (g *graph) talkID() string {
	if g.tID == "" {
		g.tID = g.id("talk", g.t.Event.ID, g.t.ID)
	}
	return g.tID
}

// speakerID is the @id of the talk's speaker i.
func (g *graph) speakerID(i int) string {
	if g.speakerIDs == nil {
		g.speakerIDs = make([]string, len(g.t.Speakers))
		for i := range g.t.Speakers {
			g.speakerIDs[i] = g.personID(&g.t.Speakers[i])
		}
	}
	return g.speakerIDs[i]
}

// size is about how long t's graph is: every node repeats the
// description, most of a graph's bytes.
func (g *graph) size() int {
	return 2<<10 + (1+len(g.t.Videos))*len(g.description())
}

func (g *graph) nodes() []any {
	t := g.t
	nodes := []any{g.talkNode()}
	for i, v := range t.Videos {
		nodes = append(nodes, g.videoNode(i, v))
	}
	return nodes
}

func (g *graph) talkNode() object {
	t := g.t
	var performers []any
	for i := range t.Speakers {
		performers = append(performers, g.person(&t.Speakers[i], g.speakerID(i)))
	}
	var slides []any
	for _, s := range t.Slides {
		slides = append(slides, object{{"@type", "PresentationDigitalDocument"}, {"name", s.Label}, {"url", s.URL}})
	}
	return object{
		{"@type", "Event"},
		{"@id", g.talkID()},
		{"name", t.Title},
		{"alternateName", t.Subtitle},
		{"description", g.description()},
		{"startDate", g.date(t.Recorded)},
		{"duration", duration(t.Duration)},
		{"inLanguage", string(t.Language)},
		{"url", g.talkURL()},
		{"keywords", strings.Join(t.Tags, ", ")},
		{"eventStatus", eventStatus(t)},
		{"location", g.location(t.Place, t.Event.Place)},
		{"performer", performers},
		{"workFeatured", slides},
		{"superEvent", g.eventNode()},
	}
}

// talkURL is the talk's own page: the first related link, which is what
// schedules and archives put first.
func (g *graph) talkURL() string {
	if len(g.t.Links) > 0 && weburl.Is(g.t.Links[0].URL) {
		return g.t.Links[0].URL
	}
	return ""
}

func eventStatus(t *talk.Talk) string {
	if len(t.Videos) > 0 || !t.Recorded.IsZero() {
		return "https://schema.org/EventScheduled"
	}
	return ""
}

func (g *graph) eventNode() object {
	if g.t.Event.IsZero() {
		return nil
	}
	return g.eventNodeOf(&g.t.Event)
}

// eventNodeOf describes an event: the conference a talk belongs to, or
// the subject of an event graph.
func (g *graph) eventNodeOf(e *talk.Event) object {
	return object{
		{"@type", "Event"},
		{"@id", g.id("event", e.ID)},
		{"name", e.Title},
		{"startDate", g.dateIn(e.Start, e.TimeZone)},
		{"endDate", g.dateIn(e.End, e.TimeZone)},
		{"url", absoluteOrEmpty(e.URL)},
		{"location", g.location(talk.Place{}, e.Place)},
	}
}

// location describes where: the room of the talk within the event's place.
func (g *graph) location(room, event talk.Place) object {
	if room.IsZero() && event.IsZero() {
		return nil
	}
	name := event.Venue
	if room.Room != "" {
		name = strings.TrimPrefix(strings.Join([]string{room.Room, event.Venue}, ", "), ", ")
		name = strings.TrimSuffix(name, ", ")
	} else if event.Room != "" {
		name = strings.TrimSuffix(strings.Join([]string{event.Room, event.Venue}, ", "), ", ")
	}
	var address object
	if event.City != "" || event.Region != "" || event.Country != "" {
		address = object{
			{"@type", "PostalAddress"},
			{"addressLocality", event.City},
			{"addressRegion", event.Region},
			{"addressCountry", event.Country},
		}
	}
	return object{{"@type", "Place"}, {"name", name}, {"address", address}}
}

// person describes a speaker whose @id is id.
func (g *graph) person(s *talk.Speaker, id string) object {
	return object{
		{"@type", "Person"},
		{"@id", id},
		{"name", s.Name},
		{"givenName", s.GivenName},
		{"familyName", s.FamilyName},
		{"image", absoluteOrEmpty(s.Image)},
		{"affiliation", affiliation(s)},
		{"sameAs", sameAs(s)},
	}
}

// personID is a speaker's @id: from their slug, or their name's.
func (g *graph) personID(s *talk.Speaker) string {
	slug := s.Slug
	if slug == "" {
		slug = talk.Slug(s.Name)
	}
	if slug == "" {
		return ""
	}
	return g.id("person", "speakers", slug)
}

func affiliation(s *talk.Speaker) object {
	if s.Affiliation == "" {
		return nil
	}
	return object{{"@type", "Organization"}, {"name", s.Affiliation}}
}

// sameAs lists the speaker's profiles elsewhere: ORCID, homepage, accounts.
func sameAs(s *talk.Speaker) []any {
	var out []any
	if s.ORCID != "" {
		out = append(out, "https://orcid.org/"+strings.TrimPrefix(s.ORCID, "https://orcid.org/"))
	}
	if weburl.Is(s.Homepage) {
		out = append(out, s.Homepage)
	}
	for _, a := range s.Accounts {
		if weburl.Is(a.URL) {
			out = append(out, a.URL)
		}
	}
	return out
}

func (g *graph) videoNode(i int, v talk.Video) object {
	t := g.t
	id := g.id("video-"+strconv.Itoa(i+1), t.Event.ID, t.ID)
	embed, content := playerURLs(v)
	thumbnail := absoluteOrEmpty(t.Thumbnail)
	if thumbnail == "" && v.Provider == talk.YouTube && v.ID != "" {
		thumbnail = "https://i.ytimg.com/vi/" + url.PathEscape(v.ID) + "/hqdefault.jpg"
	}
	upload := g.date(t.Recorded)
	if t.Title == "" {
		g.warn(id, "name", "the talk has no title")
	}
	if thumbnail == "" {
		g.warn(id, "thumbnailUrl", "the talk has no thumbnail and the provider has none to derive")
	}
	if upload == "" {
		g.warn(id, "uploadDate", "the talk has no recorded date")
	}
	var authors []any
	for i := range t.Speakers {
		if ref := g.speakerID(i); ref != "" {
			authors = append(authors, object{{"@id", ref}})
		} else {
			authors = append(authors, g.person(&t.Speakers[i], ""))
		}
	}
	language := v.Language
	if language == "" {
		language = t.Language
	}
	d := v.Duration
	if d == 0 {
		d = t.Duration
	}
	var license, notice string
	if weburl.Is(t.License) {
		license = t.License
	} else {
		notice = t.License
	}
	return object{
		{"@type", "VideoObject"},
		{"@id", id},
		{"name", t.Title},
		{"description", g.description()},
		{"thumbnailUrl", thumbnail},
		{"uploadDate", upload},
		{"duration", duration(d)},
		{"embedUrl", embed},
		{"contentUrl", content},
		{"inLanguage", string(language)},
		{"keywords", strings.Join(t.Tags, ", ")},
		{"license", license},
		{"copyrightNotice", notice},
		{"author", authors},
		{"recordedAt", object{{"@id", g.talkID()}}},
	}
}

// playerURLs returns the address of an embeddable player and of the media
// file itself, as far as the provider has them.
func playerURLs(v talk.Video) (embed, content string) {
	if !weburl.Is(v.URL) {
		return "", ""
	}
	switch {
	case v.Provider == talk.YouTube && v.ID != "":
		return "https://www.youtube-nocookie.com/embed/" + url.PathEscape(v.ID), ""
	case v.Provider == talk.Vimeo && v.ID != "":
		return "https://player.vimeo.com/video/" + url.PathEscape(v.ID), ""
	case v.Provider == talk.ArchiveOrg && v.ID != "":
		return "https://archive.org/embed/" + url.PathEscape(v.ID), v.URL
	case v.Provider == talk.File:
		return "", v.URL
	}
	return "", ""
}

// description is the summary, or else the description, as plain text.
func (g *graph) description() string {
	if s := strings.TrimSpace(g.t.Summary); s != "" {
		return s
	}
	return strings.TrimSpace(g.t.Description)
}

// date formats a date for startDate and uploadDate; see the package
// documentation for what each precision becomes.
func (g *graph) date(d talk.Date) string { return g.dateIn(d, g.t.Event.TimeZone) }

// dateIn is date for a date-time in the IANA time zone zone.
func (g *graph) dateIn(d talk.Date, zone string) string {
	switch d.Precision() {
	case talk.DateTimeOffset:
		return d.Time().Format(time.RFC3339)
	case talk.DateTime:
		if loc, err := time.LoadLocation(zone); err == nil && zone != "" {
			w := d.Time()
			return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc).Format(time.RFC3339)
		}
		return d.Day().String()
	case talk.NoDate:
		return ""
	}
	return d.String()
}

func duration(d talk.Duration) string {
	if d <= 0 {
		return ""
	}
	return talk.Duration(time.Duration(d).Round(time.Second)).String()
}

func absoluteOrEmpty(s string) string {
	if weburl.Is(s) {
		return s
	}
	return ""
}

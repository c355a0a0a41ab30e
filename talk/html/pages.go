package html

import (
	"fmt"
	htmltemplate "html/template"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/talkmeta/talkmeta/internal/pagecheck"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// IndexEntry is one event on the index page: the event and how many talks
// of it the site has.
type IndexEntry struct {
	Event talk.Event // linked to its page as the Renderer's URLs say
	Talks int        // shown as the event's count of talks
}

// eventPage is what the event templates see.
type eventPage struct {
	Head            head // the document's head, the "head" and "nav" blocks' data
	Event           *talk.Event
	Start, End      *timeValue
	Place           string
	Website         string
	Paragraphs      []string
	DescriptionHTML htmltemplate.HTML
	Talks           []talkItem
}

// speakerPage is what the speaker templates see.
type speakerPage struct {
	Head       head // the document's head, the "head" and "nav" blocks' data
	Speaker    *talk.Speaker
	Image      string
	Paragraphs []string // the biography
	Links      []link
	Talks      []talkItem
}

// indexPage is what the index templates see.
type indexPage struct {
	Head   head // the document's head, the "head" and "nav" blocks' data
	Events []eventItem
}

// talkItem is a talk in a list of talks.
type talkItem struct {
	Title, URL, Lang string
	Dir              string // "rtl" for a title written right to left
	Speakers         []person
	Event            *person // the talk's event, on pages that are not the event's
	Kind             string  // kindName of the talk's Kind; "" for a plain talk
	Date, Duration   *timeValue
	Thumbnail        string
}

// partItem is a talk within another on the other's page: a talkItem
// without a page to link to or a thumbnail, since parts have neither,
// with its own parts.
type partItem struct {
	Title, Lang    string
	Dir            string // "rtl" for a title written right to left
	Speakers       []person
	Kind           string // kindName of the talk's Kind; "" for a plain talk
	Date, Duration *timeValue
	Parts          []partItem
}

// partItems makes the entries of a talk's parts on its page, nil for
// none. A part that names no language of its own is in its block's,
// lang: the lightning talks of a Japanese block are marked Japanese, not
// left to the English page, whose lang would have browsers pick Chinese
// or Korean forms of their Han characters and screen readers read them
// as English.
func (r *Renderer) partItems(parts []talk.Talk, lang talk.Language, tz string, zones *zone.Memo) []partItem {
	if len(parts) == 0 {
		return nil
	}
	out := make([]partItem, len(parts))
	for i := range parts {
		part := &parts[i]
		// A part's times are in its block's event's zone, tz: the
		// part itself carries no event.
		// Its own speakers only: its parts, listed below it, name theirs.
		it := r.itemIn(part, part.Speakers, "", false, tz, zones)
		partLang := part.Language
		if partLang == "" {
			partLang = lang
			if it.Title == part.Title { // not "Untitled talk", the page's words
				it.Lang = langAttr(lang)
				it.Dir = dirAttr(it.Lang, part.Title)
			}
		}
		out[i] = partItem{
			Title: it.Title, Lang: it.Lang, Dir: it.Dir, Speakers: it.Speakers,
			Kind: it.Kind, Date: it.Date, Duration: it.Duration,
			Parts: r.partItems(part.Parts, partLang, tz, zones),
		}
	}
	return out
}

// eventItem is an event in the index.
type eventItem struct {
	Title, URL string
	Start, End *timeValue
	Place      string
	Talks      int
}

// WriteEvent writes the page of event ev to w: its title, dates, place,
// description and website, and talks in the order given, each with its
// speakers, kind (unless a plain talk), date, duration and thumbnail,
// linked to their pages. The page carries the event's schema.org JSON-LD,
// with the talks as subEvents.
//
// The event's description is reStructuredText when the event was read
// from a pyvideo archive (its Origin.Format is "pyvideo"), and plain text
// otherwise.
//
// A nil ev, or a nil talk in talks, is a [*talk.NilError] that names it,
// text that is not UTF-8 in them is [talk.Talk.CheckUTF8]'s error, a
// year outside 0000-9999 is [talk.Talk.CheckDates]', and nothing is
// written.
func (r *Renderer) WriteEvent(w io.Writer, ev *talk.Event, talks []*talk.Talk, opt PageOptions) error {
	if err := pagecheck.Check("html", "event", ev == nil, talks, ev.CheckUTF8, ev.CheckDates); err != nil {
		return err
	}
	if err := r.checkBase(); err != nil {
		return err
	}
	urls := r.urls()
	self := urls.Event(ev)
	p := &eventPage{Head: r.head(self, opt), Event: ev}
	p.Head.Title = eventTitle(ev)
	p.Head.OGType = "website"
	p.Head.OGTitle = p.Head.Title
	var zones zone.Memo
	p.Start, p.End = dayValue(ev.Start, ev.TimeZone, &zones), dayValue(ev.End, ev.TimeZone, &zones)
	if p.End != nil && p.Start != nil && p.End.Machine == p.Start.Machine {
		p.End = nil
	}
	p.Place = placeName(ev.Place)
	p.Website = safeURL(ev.URL)
	m := talk.Plain
	if ev.Origin.Format == pyvideo.FormatName {
		m = talk.ReStructuredText
	}
	desc, err := renderMarkup(ev.Description, m, 1)
	if err != nil {
		return fmt.Errorf("html: event description: %w", err)
	}
	p.Paragraphs, p.DescriptionHTML = desc.Paragraphs, desc.HTML
	p.Head.Description = descriptionMeta(ev.Description, isMarkup(ev.Description, m), desc.HTML)
	if p.Head.Description == "" {
		p.Head.Description = talksOf(len(talks), p.Head.Title)
	}
	for _, t := range talks {
		p.Talks = append(p.Talks, r.item(t, p.Head.Canonical, false, &zones))
	}
	ld, err := r.eventJSONLD(ev, talks)
	if err != nil {
		return err
	}
	p.Head.JSONLD = ld
	return r.execute(w, "event-page", p)
}

// WriteSpeaker writes the page of speaker s to w: the name, affiliation,
// portrait, biography and profiles, and the talks given, in the order
// given (typically across events), each with its event, and its kind
// unless a plain talk. The page carries the speaker's schema.org Person,
// with the talks as performerIn.
//
// A nil s, or a nil talk in talks, is a [*talk.NilError] that names it,
// text that is not UTF-8 in them is [talk.Talk.CheckUTF8]'s error, a
// year outside 0000-9999 is [talk.Talk.CheckDates]', and nothing is
// written.
func (r *Renderer) WriteSpeaker(w io.Writer, s *talk.Speaker, talks []*talk.Talk, opt PageOptions) error {
	if err := pagecheck.Check("html", "speaker", s == nil, talks, s.CheckUTF8); err != nil {
		return err
	}
	if err := r.checkBase(); err != nil {
		return err
	}
	self := r.urls().Speaker(s)
	p := &speakerPage{Head: r.head(self, opt), Speaker: s}
	p.Head.Title = s.DisplayName()
	if p.Head.Title == "" {
		p.Head.Title = "Speaker"
	}
	p.Head.OGType = "profile"
	p.Head.OGTitle = p.Head.Title
	p.Head.Description = shorten(s.Bio)
	if p.Head.Description == "" {
		p.Head.Description = talksOf(len(talks), "")
		if name := s.DisplayName(); name != "" {
			p.Head.Description += " by " + name
		}
	}
	p.Image = imageURL(s.Image)
	p.Head.Thumbnail = p.Image
	p.Paragraphs = plainBody(s.Bio).Paragraphs
	if u := safeURL(s.Homepage); u != "" {
		p.Links = append(p.Links, link{URL: u, Text: "Homepage", Safe: true})
	}
	if s.ORCID != "" {
		if u := safeURL("https://orcid.org/" + strings.TrimPrefix(s.ORCID, "https://orcid.org/")); u != "" {
			p.Links = append(p.Links, link{URL: u, Text: "ORCID " + s.ORCID, Safe: true})
		}
	}
	for _, a := range s.Accounts {
		text := a.Service
		if a.Handle != "" {
			text = strings.TrimPrefix(text+" "+a.Handle, " ")
		}
		u := safeURL(a.URL)
		if strings.TrimSpace(text) == "" {
			text = a.URL
		}
		p.Links = append(p.Links, recordLink(u, text))
	}
	var zones zone.Memo
	for _, t := range talks {
		p.Talks = append(p.Talks, r.item(t, p.Head.Canonical, true, &zones))
	}
	ld, err := r.speakerJSONLD(s, talks)
	if err != nil {
		return err
	}
	p.Head.JSONLD = ld
	return r.execute(w, "speaker-page", p)
}

// WriteIndex writes the index of a site to w: its events in the order
// given, each with its dates, place and number of talks, linked to the
// event's page. An event with text that is not UTF-8 is
// [talk.Event.CheckUTF8]'s error, one with a year outside 0000-9999
// [talk.Event.CheckDates]', and nothing is written.
func (r *Renderer) WriteIndex(w io.Writer, events []IndexEntry, opt PageOptions) error {
	for i := range events {
		if err := events[i].Event.CheckUTF8(); err != nil {
			return err
		}
		if err := events[i].Event.CheckDates(); err != nil {
			return err
		}
	}
	if err := r.checkBase(); err != nil {
		return err
	}
	urls := r.urls()
	p := &indexPage{Head: r.head(urls.Index(), opt)}
	p.Head.Home = ""
	p.Head.Title = p.Head.SiteName
	p.Head.OGType = "website"
	p.Head.OGTitle = p.Head.Title
	n := 0
	var zones zone.Memo
	for i := range events {
		e := &events[i].Event
		it := eventItem{
			Title: eventTitle(e),
			URL:   r.href(urls.Event(e)),
			Start: dayValue(e.Start, e.TimeZone, &zones),
			End:   dayValue(e.End, e.TimeZone, &zones),
			Place: placeName(e.Place),
			Talks: events[i].Talks,
		}
		if it.End != nil && it.Start != nil && it.End.Machine == it.Start.Machine {
			it.End = nil
		}
		n += it.Talks
		p.Events = append(p.Events, it)
	}
	p.Head.Description = talksOf(n, "") + " from " + plural(len(events), "event")
	return r.execute(w, "index-page", p)
}

// item makes a talk's entry in a list of talks on the page self, its
// date in its event's time zone (localDate).
func (r *Renderer) item(t *talk.Talk, self string, withEvent bool, zones *zone.Memo) talkItem {
	return r.itemIn(t, listedSpeakers(t), self, withEvent, t.Event.TimeZone, zones)
}

// listedSpeakers are the speakers a list of talks names for t: its own,
// or, for a block without any (a lightning-talk session, a panel), its
// parts', at any depth, each once, so that the list does not show a
// session of five speakers as one without speakers.
func listedSpeakers(t *talk.Talk) []talk.Speaker {
	if len(t.Speakers) > 0 || len(t.Parts) == 0 {
		return t.Speakers
	}
	var out []talk.Speaker
	seen := map[string]bool{}
	for s := range t.AllSpeakers() {
		if name := s.DisplayName(); name != "" && !seen[name] {
			seen[name] = true
			out = append(out, *s)
		}
	}
	return out
}

// itemIn is item with the date in the time zone tz, naming speakers.
func (r *Renderer) itemIn(t *talk.Talk, speakers []talk.Speaker, self string, withEvent bool, tz string, zones *zone.Memo) talkItem {
	urls := r.urls()
	it := talkItem{
		Title:     t.Title,
		URL:       r.href(urls.Talk(t)),
		Lang:      langAttr(t.Language),
		Speakers:  r.people(speakers, self),
		Thumbnail: thumbnail(t),
	}
	it.Dir = dirAttr(it.Lang, t.Title)
	if strings.TrimSpace(it.Title) == "" {
		// The page's words, in the page's language and direction.
		it.Title = "Untitled talk"
		it.Lang, it.Dir = "", ""
	}
	if withEvent && !t.Event.IsZero() {
		it.Event = &person{Name: eventTitle(&t.Event), URL: r.href(urls.Event(&t.Event))}
	}
	if kind := strings.TrimSpace(t.Kind); !strings.EqualFold(kind, "talk") {
		// In a list of talks, only a kind other than a talk tells one
		// apart ("Keynote", "Workshop"); "Talk" on most would be noise.
		it.Kind = kindName(kind)
	}
	if d := localDate(t.Recorded, tz, zones); !d.IsZero() {
		it.Date = &timeValue{machineDate(d), humanDate(d)}
	}
	if t.Duration > 0 {
		it.Duration = &timeValue{machineDuration(t.Duration), humanDuration(t.Duration)}
	}
	return it
}

// thumbnail is the talk's still image, or YouTube's small one for a
// YouTube recording.
func thumbnail(t *talk.Talk) string {
	if u := imageURL(t.Thumbnail); u != "" {
		return u
	}
	for _, v := range t.Videos {
		if v.Provider == talk.YouTube && v.ID != "" {
			return "https://i.ytimg.com/vi/" + url.PathEscape(v.ID) + "/mqdefault.jpg"
		}
	}
	return ""
}

func eventTitle(e *talk.Event) string {
	switch {
	case strings.TrimSpace(e.Title) != "":
		return e.Title
	case strings.TrimSpace(e.ID) != "":
		return e.ID
	}
	return "Untitled event"
}

// dayValue shows an event's date as a day (or less), the day in the
// event's time zone tz (localDate).
func dayValue(d talk.Date, tz string, zones *zone.Memo) *timeValue {
	if d.IsZero() {
		return nil
	}
	d = localDate(d, tz, zones)
	if day := d.Day(); !day.IsZero() {
		d = day
	}
	return &timeValue{d.String(), humanDate(d)}
}

// placeName joins the parts of an event's place that are known, as a
// talk page joins its place's, but for a room: an event is not in one.
func placeName(p talk.Place) string {
	p.Room = ""
	return p.String()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func talksOf(n int, event string) string {
	s := plural(n, "talk")
	if event != "" {
		s += " from " + event
	}
	return s
}

package talk

import (
	"encoding/json"
	"iter"
	"strings"

	"github.com/talkmeta/talkmeta/internal/cjk"
)

// Talk is one talk, keynote, tutorial or other session of an event, with
// what an archive knows about it and its recordings.
//
// The zero Talk is valid and empty. Fields that a source did not give stay
// at their zero values; nothing is invented.
type Talk struct {
	// ID is the talk's stable identity within its event: the file name
	// without ".json" in a pyvideo archive, the guid in a c3voc schedule
	// (for an item without one, the ID the c3voc tools derive from its
	// conference and number; see package schedule). It is never rebuilt
	// from the title, so renaming a talk keeps its ID.
	ID string

	Title    string // as the source writes it
	Subtitle string // a second title, "" when none

	// Slug is the URL slug the source assigned, if any. An empty Slug
	// means "derive one from the title" (see [Slug] and [SlugSet]).
	Slug string

	// Kind is the sort of session in lower case, such as "talk",
	// "keynote", "lightning_talk", "workshop" or "panel"; "" when unknown.
	Kind  string
	Track string // the schedule's track or theme, "Security"; "" when none

	Speakers []Speaker // in the order the source lists them

	// Event is the event the talk belongs to. One about which nothing is
	// known ([Event.IsZero]) is not written to talkmeta's JSON form:
	// "event": {} reads as the zero Event, as a record without "event"
	// does, and the model keeps no difference between the two, as it
	// keeps none between an empty "subtitle" and none. An event without a
	// title is written without one, as the event schema would have it.
	Event Event

	// Recorded is when the talk was given (or recorded), with the
	// precision the source had.
	Recorded Date
	Duration Duration // how long the talk or its recording runs; zero when unknown
	Language Language // the language spoken; "" when unknown
	Place    Place    // where within the event, typically the room

	Summary     string // a short abstract
	Description string // the full abstract, in Markup
	Markup      Markup // the markup of Summary and Description

	Tags      []string // keywords, as the source spells them
	Videos    []Video  // the recordings, in the order the source lists them
	Slides    []Link   // the talk's slides, a deck or a PDF
	Links     []Link   // related pages: the schedule entry, a blog post...
	Thumbnail string   // URL of a still image for the talk
	License   string   // licence or copyright text, as the source words it

	// Recording says whether the talk was, or will be, recorded; see
	// [RecordingStatus]. Videos lists the recordings that exist.
	Recording RecordingStatus

	// Parts are the talks within this one: the lightning talks of a
	// lightning-talk block, the contributions to a panel.
	Parts []Talk

	Legacy Legacy // keys older archives carried

	// Extra holds JSON members the model has no field for, by member name,
	// with their values as JSON. Readers fill it and writers write it
	// back, so a user's own fields survive a round trip through talkmeta:
	// in meaning, not byte for byte, since readers store a value in one
	// spelling, without white space and with no needless escape
	// ({"a": "\u00e9"} is read as {"a":"é"}), so that any number of
	// further round trips leave it as it is. A member named like
	// one of talkmeta's JSON members ("title", "id"...) cannot be written
	// and makes MarshalJSON fail, as do a value that is not JSON and a
	// name that is not UTF-8 (a [*TextError]); a nil
	// or empty value is written as null, as encoding/json writes a nil
	// json.RawMessage.
	Extra map[string]json.RawMessage

	// Origin records which file the talk was read from and how.
	Origin Origin
}

// Speaker is a person (or a group) who gives a talk.
type Speaker struct {
	// Name is the display name, as the person writes it.
	Name string
	// GivenName and FamilyName are the parts of Name when the source gives
	// them; citation styles use them instead of guessing from Name. Pages,
	// JSON-LD and calendars show Name (see [Speaker.DisplayName]), or the
	// parts joined in the usual order of their script where Name is "";
	// set Name too when the person writes their name in another order
	// ("Nagy Ádám"), which the parts alone cannot tell.
	GivenName  string
	FamilyName string

	Slug        string    // the URL slug the source assigned, if any; "" to derive one from Name
	Affiliation string    // the organisation the speaker gives the talk for
	Bio         string    // a short biography, as the source writes it
	Homepage    string    // URL
	ORCID       string    // the 16-digit identifier, "0000-0002-1825-0097"
	Accounts    []Account // profiles on other sites
	Image       string    // URL of a portrait

	// Extra holds JSON members the model has no field for; see [Talk.Extra].
	Extra map[string]json.RawMessage
}

// DisplayName is the name to show for s, so that pages, structured data
// and calendars do not leave a speaker out: its Name; or, for a speaker
// a program made with the name's parts alone (a call for papers' "first
// name" and "last name"), GivenName and FamilyName joined as CSL styles
// show a name in its script: "Ada Lovelace", but family first and
// without a space in Han, kana and Hangul alone ("山田太郎"); or, for a speaker
// a record knows only by a profile (a hand-written record's
// {"accounts": [{"service": "github", "handle": "ghopper"}]}, a
// RubyEvents speaker by handle), the first profile's handle, "@ghopper";
// "" when s has none of them.
func (s *Speaker) DisplayName() string {
	if strings.TrimSpace(s.Name) != "" {
		return s.Name
	}
	given, family := strings.TrimSpace(s.GivenName), strings.TrimSpace(s.FamilyName)
	switch {
	case given == "" || family == "":
		if n := given + family; n != "" {
			return n
		}
	case cjk.Only(given + family):
		return family + given
	default:
		return given + " " + family
	}
	for _, a := range s.Accounts {
		if h := strings.TrimSpace(a.Handle); h != "" {
			if !strings.HasPrefix(h, "@") {
				h = "@" + h
			}
			return h
		}
	}
	return ""
}

// SlugSource is the text a slug for s is made from when the record
// gives none (s.Slug is ""): the name [Speaker.DisplayName] shows, a
// handle without its "@", which slugs would spell "at" or drop. Pages
// and structured data make their slugs from it, each by its own rule.
func (s *Speaker) SlugSource() string {
	return strings.TrimPrefix(s.DisplayName(), "@")
}

// Account is a speaker's profile on another site.
type Account struct {
	Service string // lower-case site name: "github", "twitter", "mastodon"...
	Handle  string // the user name there, without "@" unless the service requires it
	URL     string // the profile URL, when known
}

// Event is a conference, meetup or other gathering whose talks an archive
// holds.
type Event struct {
	// ID is the event's stable identity: its directory name in a pyvideo
	// archive ("europython-2016"), its acronym in a schedule.
	ID          string
	Title       string // "EuroPython 2016"
	Series      string // the recurring conference, "EuroPython", when known
	Description string // reStructuredText when read from a pyvideo archive, else plain text

	// Start and End are the first and the last day of the event (End
	// included), or a date-time where a schedule gives one; either is the
	// zero Date when unknown.
	Start    Date
	End      Date
	TimeZone string // an IANA zone name such as "Europe/Madrid"
	Place    Place  // the venue and city
	URL      string // the event's website

	// Extra holds JSON members the model has no field for; see [Talk.Extra].
	//
	// The readers give each talk of an event its own copy of the map (and
	// each talk's speakers theirs, with their Accounts), so that setting
	// one talk's member changes no other talk's, nor races with a
	// goroutine that holds another. The copies are shallow: the values'
	// bytes, like those of Origin.Raw, may be shared, so replace a value
	// rather than change its bytes in place.
	Extra map[string]json.RawMessage

	// Origin records which file the event was read from and how.
	Origin Origin
}

// Place is where something happens. Any field may be empty.
type Place struct {
	Venue   string // "Euskalduna Conference Centre"
	Room    string // "A1"
	City    string // "Bilbao"
	Region  string // state, province or other subdivision
	Country string // the country's name or ISO 3166 code, as the source gives it
}

// IsZero reports whether nothing is known about the place.
func (p Place) IsZero() bool { return p == Place{} }

// String returns the parts of p that are known, from the room out, joined
// with ", ": "A1, Euskalduna Conference Centre, Bilbao, Spain".
func (p Place) String() string {
	var b strings.Builder
	for _, part := range [...]string{p.Room, p.Venue, p.City, p.Region, p.Country} {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(part)
	}
	return b.String()
}

// Where returns the place t was given. A talk's own Place usually names
// only its room, within its event's place: Where is then the event's
// Place with t's room. A talk's Place that says more than a room (a talk
// given away from its event's venue) is returned whole, so that no place
// mixes the two.
func (t *Talk) Where() Place {
	if (Place{Room: t.Place.Room}) != t.Place {
		return t.Place
	}
	p := t.Event.Place
	if t.Place.Room != "" {
		p.Room = t.Place.Room
	}
	return p
}

// AllSpeakers yields t's speakers, then its parts' (the talks of a
// lightning-talk block or a panel), at any depth, in order: everyone t's
// page names, whom a site gives a page that lists t. A speaker named in
// more than one place is yielded each time.
func (t *Talk) AllSpeakers() iter.Seq[*Speaker] {
	return func(yield func(*Speaker) bool) { t.allSpeakers(yield) }
}

func (t *Talk) allSpeakers(yield func(*Speaker) bool) bool {
	for i := range t.Speakers {
		if !yield(&t.Speakers[i]) {
			return false
		}
	}
	for i := range t.Parts {
		if !t.Parts[i].allSpeakers(yield) {
			return false
		}
	}
	return true
}

// Link is a labelled URL.
type Link struct {
	URL   string // as the source gives it, which may be relative or malformed
	Label string // "" when the source gave none
}

// Legacy holds the keys of older talk archives (pyvideo.org's richard
// database) that have no meaning in the model but must not be lost.
type Legacy struct {
	ID           int64  // the numeric database id; 0 when absent
	Alias        string // an old URL path
	Category     string // the old name of the event
	QualityNotes string // notes on the recording's quality
}

// IsZero reports whether no legacy key is set.
func (l Legacy) IsZero() bool { return l == Legacy{} }

// Markup is the text format of a talk's summary and description.
type Markup string

// The markups talkmeta knows how to render. The zero Markup is [Plain].
const (
	Plain            Markup = ""
	ReStructuredText Markup = "rst"
	Markdown         Markup = "markdown"
)

// UnmarshalText reads a markup's name as records write it: the names of
// the known markups in any case ("RST", "Markdown") as [ReStructuredText]
// and [Markdown], so that a page renders them; any other as it is, which
// a page shows as plain text and the validator reports.
func (m *Markup) UnmarshalText(text []byte) error {
	switch s := Markup(text); {
	case strings.EqualFold(string(s), string(ReStructuredText)):
		*m = ReStructuredText
	case strings.EqualFold(string(s), string(Markdown)):
		*m = Markdown
	default:
		*m = s
	}
	return nil
}

// RecordingStatus says what became of a talk's recording. The zero value
// means the source did not say; a talk with [Talk.Videos] was recorded.
type RecordingStatus string

// The recording statuses schedules and archives use.
const (
	RecordingUnknown RecordingStatus = ""
	NotRecorded      RecordingStatus = "not_recorded"  // the speaker asked not to be recorded, or nobody recorded it
	Scheduled        RecordingStatus = "scheduled"     // the talk has not happened yet
	NotPublished     RecordingStatus = "not_published" // recorded, but the video is not public
)

// Origin records where a record was read from, so that a writer for the
// same format can reproduce what the model does not hold: the order and
// spelling of members the caller has not changed (a null beside an absent
// member, 1508.0 beside 1508, a bare URL beside a labelled one).
type Origin struct {
	// Format names the reader, such as "pyvideo" or "talkmeta": the
	// FormatName (or, for schedules, JSONFormat and XMLFormat) constant of
	// the reader's package.
	Format string
	// Path is the slash-separated path of the file within its archive.
	Path string
	// Raw is the record exactly as read. Writers of Format compare it with
	// the model and keep the original spelling of every member whose
	// meaning is unchanged; other writers ignore it.
	Raw []byte
}

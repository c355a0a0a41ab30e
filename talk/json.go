package talk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/talkmeta/talkmeta/internal/ascii"
	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// The wire types spell out talkmeta's JSON form; see the package
// documentation. They are separate from the model so that the model's Go
// names and the JSON names can evolve independently.

type talkJSON struct {
	ID          string          `json:"id,omitzero"`
	Title       string          `json:"title"`
	Subtitle    string          `json:"subtitle,omitzero"`
	Slug        string          `json:"slug,omitzero"`
	Kind        string          `json:"kind,omitzero"`
	Track       string          `json:"track,omitzero"`
	Speakers    []Speaker       `json:"speakers,omitzero"`
	Event       *Event          `json:"event,omitzero"`
	Recorded    Date            `json:"recorded,omitzero"`
	Duration    Duration        `json:"duration,omitzero"`
	Language    Language        `json:"language,omitzero"`
	Place       Place           `json:"place,omitzero"`
	Summary     string          `json:"summary,omitzero"`
	Description string          `json:"description,omitzero"`
	Markup      Markup          `json:"markup,omitzero"`
	Tags        []string        `json:"tags,omitzero"`
	Videos      []Video         `json:"videos,omitzero"`
	Slides      []Link          `json:"slides,omitzero"`
	Links       []Link          `json:"links,omitzero"`
	Thumbnail   string          `json:"thumbnail,omitzero"`
	License     string          `json:"license,omitzero"`
	Recording   RecordingStatus `json:"recording,omitzero"`
	Parts       []Talk          `json:"parts,omitzero"`
	Legacy      Legacy          `json:"legacy,omitzero"`
}

type speakerJSON struct {
	Name        string    `json:"name"`
	GivenName   string    `json:"given_name,omitzero"`
	FamilyName  string    `json:"family_name,omitzero"`
	Slug        string    `json:"slug,omitzero"`
	Affiliation string    `json:"affiliation,omitzero"`
	Bio         string    `json:"bio,omitzero"`
	Homepage    string    `json:"homepage,omitzero"`
	ORCID       string    `json:"orcid,omitzero"`
	Accounts    []Account `json:"accounts,omitzero"`
	Image       string    `json:"image,omitzero"`
}

type eventJSON struct {
	ID          string `json:"id,omitzero"`
	Title       string `json:"title,omitzero"`
	Series      string `json:"series,omitzero"`
	Description string `json:"description,omitzero"`
	Start       Date   `json:"start,omitzero"`
	End         Date   `json:"end,omitzero"`
	TimeZone    string `json:"time_zone,omitzero"`
	Place       Place  `json:"place,omitzero"`
	URL         string `json:"url,omitzero"`
}

type videoJSON struct {
	Provider string   `json:"provider,omitzero"`
	URL      string   `json:"url"`
	ID       string   `json:"id,omitzero"`
	Format   string   `json:"format,omitzero"`
	Language Language `json:"language,omitzero"`
	Duration Duration `json:"duration,omitzero"`
	Size     int64    `json:"size,omitzero"`
}

// The types without Extra use struct tags directly.
type placeJSON struct {
	Venue   string `json:"venue,omitzero"`
	Room    string `json:"room,omitzero"`
	City    string `json:"city,omitzero"`
	Region  string `json:"region,omitzero"`
	Country string `json:"country,omitzero"`
}

type accountJSON struct {
	Service string `json:"service,omitzero"`
	Handle  string `json:"handle,omitzero"`
	URL     string `json:"url,omitzero"`
}

type linkJSON struct {
	URL   string `json:"url"`
	Label string `json:"label,omitzero"`
}

type legacyJSON struct {
	ID           int64  `json:"id,omitzero"`
	Alias        string `json:"alias,omitzero"`
	Category     string `json:"category,omitzero"`
	QualityNotes string `json:"quality_notes,omitzero"`
}

// MarshalJSON writes the talk in talkmeta's JSON form, with the members of
// t.Extra beside the known ones. Origin is not written. The form writes
// "<", ">" and "&" as themselves, being a file format, not HTML; but
// json.Marshal escapes them again in all it writes, so write a talk with
// a json.Encoder with SetEscapeHTML(false) to keep them.
//
// What the readers would refuse to read back is refused, as a
// [*RecordError] with t.Origin.Path and the JSON pointer of the member
// at fault, anywhere in the talk, its speakers, event, videos or parts:
// a [Date] outside 0000-9999 (a [*DateError]), a negative [Duration] (a
// [*DurationError]), a member of an Extra named like one of the model's,
// and one whose value is not one JSON value. So is a string, or an Extra
// member's name, that is not UTF-8 (a [*TextError]), which encoding/json
// would write with U+FFFD in place of its bad bytes, to read back as
// other text.
func (t Talk) MarshalJSON() ([]byte, error) {
	if ptr, err := talkUnwritable(&t, ""); err != nil {
		return nil, &RecordError{Path: t.Origin.Path, ID: t.ID, Pointer: ptr, Err: err}
	}
	w := talkJSON{
		ID: t.ID, Title: t.Title, Subtitle: t.Subtitle, Slug: t.Slug, Kind: t.Kind, Track: t.Track,
		Speakers: t.Speakers, Recorded: t.Recorded, Duration: t.Duration, Language: t.Language,
		Place: t.Place, Summary: t.Summary, Description: t.Description, Markup: t.Markup,
		Tags: t.Tags, Videos: t.Videos, Slides: t.Slides, Links: t.Links, Thumbnail: t.Thumbnail,
		License: t.License, Recording: t.Recording, Parts: t.Parts, Legacy: t.Legacy,
	}
	if !t.Event.IsZero() {
		w.Event = &t.Event
	}
	return marshalWithExtra(w, t.Extra)
}

// UnmarshalJSON reads the talk from talkmeta's JSON form; members it does
// not know go to t.Extra.
func (t *Talk) UnmarshalJSON(data []byte) error {
	var w talkJSON
	extra, err := unmarshalWithExtra(data, &w)
	if err != nil {
		return err
	}
	*t = Talk{
		ID: w.ID, Title: w.Title, Subtitle: w.Subtitle, Slug: w.Slug, Kind: w.Kind, Track: w.Track,
		Speakers: w.Speakers, Recorded: w.Recorded, Duration: w.Duration, Language: w.Language,
		Place: w.Place, Summary: w.Summary, Description: w.Description, Markup: w.Markup,
		Tags: w.Tags, Videos: w.Videos, Slides: w.Slides, Links: w.Links, Thumbnail: w.Thumbnail,
		License: w.License, Recording: w.Recording, Parts: w.Parts, Legacy: w.Legacy, Extra: extra,
	}
	if w.Event != nil {
		t.Event = *w.Event
	}
	return nil
}

// MarshalJSON writes the speaker in talkmeta's JSON form. What the
// readers would not read back as it is, is refused as by
// [Talk.MarshalJSON], as a [*RecordError] with the JSON pointer of the
// member at fault within the speaker.
func (s Speaker) MarshalJSON() ([]byte, error) {
	if ptr, err := speakerUnwritable(&s, ""); err != nil {
		return nil, &RecordError{Pointer: ptr, Err: err}
	}
	return marshalWithExtra(speakerJSON{s.Name, s.GivenName, s.FamilyName, s.Slug, s.Affiliation,
		s.Bio, s.Homepage, s.ORCID, s.Accounts, s.Image}, s.Extra)
}

// UnmarshalJSON reads the speaker from talkmeta's JSON form.
func (s *Speaker) UnmarshalJSON(data []byte) error {
	var w speakerJSON
	extra, err := unmarshalWithExtra(data, &w)
	if err != nil {
		return err
	}
	*s = Speaker{w.Name, w.GivenName, w.FamilyName, w.Slug, w.Affiliation, w.Bio, w.Homepage,
		w.ORCID, w.Accounts, w.Image, extra}
	return nil
}

// IsZero reports whether nothing is known about the event.
func (e Event) IsZero() bool {
	return e.ID == "" && e.Title == "" && e.Series == "" && e.Description == "" &&
		e.Start.IsZero() && e.End.IsZero() && e.TimeZone == "" && e.Place.IsZero() &&
		e.URL == "" && len(e.Extra) == 0
}

// MarshalJSON writes the event in talkmeta's JSON form. Origin is not
// written. What the readers would refuse to read back is refused, as
// by [Talk.MarshalJSON], as a [*RecordError] with e.Origin.Path.
func (e Event) MarshalJSON() ([]byte, error) {
	if ptr, err := eventUnwritable(&e, ""); err != nil {
		return nil, &RecordError{Path: e.Origin.Path, ID: e.ID, Pointer: ptr, Err: err}
	}
	return marshalWithExtra(eventJSON{e.ID, e.Title, e.Series, e.Description, e.Start, e.End,
		e.TimeZone, e.Place, e.URL}, e.Extra)
}

// UnmarshalJSON reads the event from talkmeta's JSON form.
func (e *Event) UnmarshalJSON(data []byte) error {
	var w eventJSON
	extra, err := unmarshalWithExtra(data, &w)
	if err != nil {
		return err
	}
	*e = Event{ID: w.ID, Title: w.Title, Series: w.Series, Description: w.Description,
		Start: w.Start, End: w.End, TimeZone: w.TimeZone, Place: w.Place, URL: w.URL, Extra: extra}
	return nil
}

// MarshalJSON writes the video in talkmeta's JSON form, refusing what
// the readers would not read back as it is, as [Speaker.MarshalJSON]
// does.
func (v Video) MarshalJSON() ([]byte, error) {
	if ptr, err := videoUnwritable(&v, ""); err != nil {
		return nil, &RecordError{Pointer: ptr, Err: err}
	}
	return marshalWithExtra(videoJSON{v.Provider, v.URL, v.ID, v.Format, v.Language, v.Duration, v.Size}, v.Extra)
}

// UnmarshalJSON reads the video from talkmeta's JSON form.
func (v *Video) UnmarshalJSON(data []byte) error {
	var w videoJSON
	extra, err := unmarshalWithExtra(data, &w)
	if err != nil {
		return err
	}
	*v = Video{w.Provider, w.URL, w.ID, w.Format, w.Language, w.Duration, w.Size, extra}
	return nil
}

// MarshalJSON writes the place in talkmeta's JSON form.
func (p Place) MarshalJSON() ([]byte, error) { return jsonx.Marshal(placeJSON(p)) }

// UnmarshalJSON reads the place from talkmeta's JSON form.
func (p *Place) UnmarshalJSON(data []byte) error { return json.Unmarshal(data, (*placeJSON)(p)) }

// MarshalJSON writes the account in talkmeta's JSON form.
func (a Account) MarshalJSON() ([]byte, error) { return jsonx.Marshal(accountJSON(a)) }

// UnmarshalJSON reads the account from talkmeta's JSON form.
func (a *Account) UnmarshalJSON(data []byte) error { return json.Unmarshal(data, (*accountJSON)(a)) }

// MarshalJSON writes the link in talkmeta's JSON form.
func (l Link) MarshalJSON() ([]byte, error) { return jsonx.Marshal(linkJSON(l)) }

// UnmarshalJSON reads the link from talkmeta's JSON form.
func (l *Link) UnmarshalJSON(data []byte) error { return json.Unmarshal(data, (*linkJSON)(l)) }

// MarshalJSON writes the legacy keys in talkmeta's JSON form.
func (l Legacy) MarshalJSON() ([]byte, error) { return jsonx.Marshal(legacyJSON(l)) }

// UnmarshalJSON reads the legacy keys from talkmeta's JSON form.
func (l *Legacy) UnmarshalJSON(data []byte) error { return json.Unmarshal(data, (*legacyJSON)(l)) }

// talkUnwritable returns the JSON pointer, below prefix, of the first
// value of t that talkmeta's JSON readers would refuse to read back, and
// why: text that is not UTF-8 (talkText), a Date ParseDate cannot read,
// a negative Duration, or an Extra member named like a member of the
// model. MarshalJSON would otherwise refuse it in encoding/json's words,
// which name no member.
func talkUnwritable(t *Talk, prefix string) (string, error) {
	if ptr, err := talkText(t, prefix); err != nil {
		return ptr, err
	}
	return talkValues(t, prefix)
}

// talkValues is talkUnwritable but for text.
func talkValues(t *Talk, prefix string) (string, error) {
	if ptr, err := talkDates(t, prefix); err != nil {
		return ptr, err
	}
	return talkOtherValues(t, prefix)
}

// talkDates returns the JSON pointer, below prefix, of the first date of
// t, its event or its parts that ParseDate could not read back, with
// Date.Check's error.
func talkDates(t *Talk, prefix string) (string, error) {
	if err := t.Recorded.Check(); err != nil {
		return prefix + "/recorded", err
	}
	if ptr, err := eventDates(&t.Event, prefix+"/event"); err != nil {
		return ptr, err
	}
	for i := range t.Parts {
		if ptr, err := talkDates(&t.Parts[i], prefix+"/parts/"+strconv.Itoa(i)); err != nil {
			return ptr, err
		}
	}
	return "", nil
}

// talkOtherValues is talkValues but for dates.
func talkOtherValues(t *Talk, prefix string) (string, error) {
	if ptr, err := durationUnwritable(t.Duration, prefix+"/duration"); err != nil {
		return ptr, err
	}
	if ptr, err := extraUnwritable(t.Extra, reflect.TypeFor[talkJSON](), prefix); err != nil {
		return ptr, err
	}
	for i := range t.Speakers {
		if ptr, err := speakerValues(&t.Speakers[i], prefix+"/speakers/"+strconv.Itoa(i)); err != nil {
			return ptr, err
		}
	}
	if ptr, err := eventOtherValues(&t.Event, prefix+"/event"); err != nil {
		return ptr, err
	}
	for i := range t.Videos {
		if ptr, err := videoValues(&t.Videos[i], prefix+"/videos/"+strconv.Itoa(i)); err != nil {
			return ptr, err
		}
	}
	for i := range t.Parts {
		if ptr, err := talkOtherValues(&t.Parts[i], prefix+"/parts/"+strconv.Itoa(i)); err != nil {
			return ptr, err
		}
	}
	return "", nil
}

// talkText returns the JSON pointer, below prefix, of the first string
// of t that is not UTF-8, with CheckText's error: in t, its speakers,
// event, place, tags, videos, slides, links, legacy keys and parts, and
// the names of their Extra members (Origin is not written).
func talkText(t *Talk, prefix string) (string, error) {
	if ptr, err := textUnwritable(prefix, "id", t.ID, "title", t.Title, "subtitle", t.Subtitle, "slug", t.Slug,
		"kind", t.Kind, "track", t.Track, "language", string(t.Language), "summary", t.Summary,
		"description", t.Description, "markup", string(t.Markup), "thumbnail", t.Thumbnail,
		"license", t.License, "recording", string(t.Recording)); err != nil {
		return ptr, err
	}
	if ptr, err := extraNameText(t.Extra, prefix); err != nil {
		return ptr, err
	}
	for i := range t.Speakers {
		if ptr, err := speakerText(&t.Speakers[i], prefix+"/speakers/"+strconv.Itoa(i)); err != nil {
			return ptr, err
		}
	}
	if ptr, err := eventText(&t.Event, prefix+"/event"); err != nil {
		return ptr, err
	}
	if ptr, err := placeText(t.Place, prefix+"/place"); err != nil {
		return ptr, err
	}
	for i, tag := range t.Tags {
		if err := CheckText(tag); err != nil {
			return prefix + "/tags/" + strconv.Itoa(i), err
		}
	}
	for i := range t.Videos {
		if ptr, err := videoText(&t.Videos[i], prefix+"/videos/"+strconv.Itoa(i)); err != nil {
			return ptr, err
		}
	}
	for _, list := range [...]struct {
		name  string
		links []Link
	}{{"slides", t.Slides}, {"links", t.Links}} {
		for i, l := range list.links {
			if ptr, err := textUnwritable(prefix+"/"+list.name+"/"+strconv.Itoa(i), "url", l.URL, "label", l.Label); err != nil {
				return ptr, err
			}
		}
	}
	if ptr, err := textUnwritable(prefix+"/legacy", "alias", t.Legacy.Alias, "category", t.Legacy.Category, "quality_notes", t.Legacy.QualityNotes); err != nil {
		return ptr, err
	}
	for i := range t.Parts {
		if ptr, err := talkText(&t.Parts[i], prefix+"/parts/"+strconv.Itoa(i)); err != nil {
			return ptr, err
		}
	}
	return "", nil
}

// speakerUnwritable is talkUnwritable for a speaker.
func speakerUnwritable(s *Speaker, prefix string) (string, error) {
	if ptr, err := speakerText(s, prefix); err != nil {
		return ptr, err
	}
	return speakerValues(s, prefix)
}

// speakerValues is talkValues for a speaker, which holds no dates.
func speakerValues(s *Speaker, prefix string) (string, error) {
	return extraUnwritable(s.Extra, reflect.TypeFor[speakerJSON](), prefix)
}

// speakerText is talkText for a speaker.
func speakerText(s *Speaker, prefix string) (string, error) {
	if ptr, err := textUnwritable(prefix, "name", s.Name, "given_name", s.GivenName, "family_name", s.FamilyName,
		"slug", s.Slug, "affiliation", s.Affiliation, "bio", s.Bio, "homepage", s.Homepage, "orcid", s.ORCID,
		"image", s.Image); err != nil {
		return ptr, err
	}
	for i, a := range s.Accounts {
		if ptr, err := textUnwritable(prefix+"/accounts/"+strconv.Itoa(i), "service", a.Service, "handle", a.Handle, "url", a.URL); err != nil {
			return ptr, err
		}
	}
	return extraNameText(s.Extra, prefix)
}

// videoUnwritable is talkUnwritable for a video.
func videoUnwritable(v *Video, prefix string) (string, error) {
	if ptr, err := videoText(v, prefix); err != nil {
		return ptr, err
	}
	return videoValues(v, prefix)
}

// videoText is talkText for a video.
func videoText(v *Video, prefix string) (string, error) {
	if ptr, err := textUnwritable(prefix, "provider", v.Provider, "url", v.URL, "id", v.ID, "format", v.Format, "language", string(v.Language)); err != nil {
		return ptr, err
	}
	return extraNameText(v.Extra, prefix)
}

// videoValues is talkValues for a video.
func videoValues(v *Video, prefix string) (string, error) {
	if ptr, err := durationUnwritable(v.Duration, prefix+"/duration"); err != nil {
		return ptr, err
	}
	return extraUnwritable(v.Extra, reflect.TypeFor[videoJSON](), prefix)
}

// placeText is talkText for a place, which holds nothing else.
func placeText(p Place, prefix string) (string, error) {
	return textUnwritable(prefix, "venue", p.Venue, "room", p.Room, "city", p.City, "region", p.Region, "country", p.Country)
}

// textUnwritable returns the JSON pointer below prefix of the first of
// fields, given as pairs of a member's name and its value, whose value is
// not UTF-8, with CheckText's error: a writer would write it with U+FFFD
// in place of its bad bytes, and it would read back as other text.
func textUnwritable(prefix string, fields ...string) (string, error) {
	for i := 0; i+1 < len(fields); i += 2 {
		if err := CheckText(fields[i+1]); err != nil {
			return prefix + "/" + fields[i], err
		}
	}
	return "", nil
}

// extraNameText refuses, at its pointer below prefix, the first member of
// extra, in name order, whose name is not UTF-8.
func extraNameText(extra map[string]json.RawMessage, prefix string) (string, error) {
	if k, found := jsonx.FirstNameNotUTF8(extra); found {
		return prefix + "/" + jsonx.PointerToken(k), CheckText(k)
	}
	return "", nil
}

// eventUnwritable is talkUnwritable for an event.
func eventUnwritable(e *Event, prefix string) (string, error) {
	if ptr, err := eventText(e, prefix); err != nil {
		return ptr, err
	}
	return eventValues(e, prefix)
}

// eventText is talkText for an event.
func eventText(e *Event, prefix string) (string, error) {
	if ptr, err := textUnwritable(prefix, "id", e.ID, "title", e.Title, "series", e.Series, "description", e.Description,
		"time_zone", e.TimeZone, "url", e.URL); err != nil {
		return ptr, err
	}
	if ptr, err := placeText(e.Place, prefix+"/place"); err != nil {
		return ptr, err
	}
	return extraNameText(e.Extra, prefix)
}

// eventValues is talkValues for an event.
func eventValues(e *Event, prefix string) (string, error) {
	if ptr, err := eventDates(e, prefix); err != nil {
		return ptr, err
	}
	return eventOtherValues(e, prefix)
}

// eventOtherValues is talkOtherValues for an event.
func eventOtherValues(e *Event, prefix string) (string, error) {
	return extraUnwritable(e.Extra, reflect.TypeFor[eventJSON](), prefix)
}

// eventDates is talkDates for an event.
func eventDates(e *Event, prefix string) (string, error) {
	if err := e.Start.Check(); err != nil {
		return prefix + "/start", err
	}
	if err := e.End.Check(); err != nil {
		return prefix + "/end", err
	}
	return "", nil
}

// durationUnwritable refuses, at ptr, a negative duration, with
// Duration.MarshalText's error.
func durationUnwritable(d Duration, ptr string) (string, error) {
	if d >= 0 {
		return "", nil
	}
	_, err := d.MarshalText()
	return ptr, err
}

// extraUnwritable refuses, at the member's pointer below prefix, the first
// member of extra, in name order, named like a field of the wire type typ,
// or else whose value is not one JSON value a reader takes back. Names
// that are not UTF-8 are extraNameText's.
func extraUnwritable(extra map[string]json.RawMessage, typ reflect.Type, prefix string) (string, error) {
	if len(extra) == 0 {
		return "", nil
	}
	if k, ok := clashingMember(extra, typ); ok {
		return prefix + "/" + jsonx.PointerToken(k), clashError(k)
	}
	if k, at, err := jsonx.FirstInvalid(extra); err != nil {
		return prefix + at, invalidError(k, err)
	}
	return "", nil
}

// invalidError is the error for an Extra member k whose value is not one
// JSON value, as jsonx.Check found (err).
func invalidError(k string, err error) error {
	return fmt.Errorf("talk: Extra member %q is not one JSON value (%s); give it one, such as null or \"text\"",
		k, strings.TrimPrefix(err.Error(), "invalid JSON: "))
}

// clashingMember returns the first member of extra, in name order, named
// like a field of the wire type typ, as encoding/json matches names.
func clashingMember(extra map[string]json.RawMessage, typ reflect.Type) (string, bool) {
	fields := fieldNames(typ)
	names := make([]string, 0, len(extra))
	for k := range extra {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if fields[foldName(k)] {
			return k, true
		}
	}
	return "", false
}

// clashError is the error for an Extra member named k like a field.
func clashError(k string) error {
	return fmt.Errorf("talk: Extra member %q has the name of a field of the model; set the field, or give the member another name", k)
}

// marshalWithExtra encodes the wire value w and appends the members of
// extra, in name order, after the known ones. A member of extra named like
// a field of w is an error: writing either would silently lose the other.
// Of several, the first in name order is reported, so that the error is
// the same on every run.
func marshalWithExtra(w any, extra map[string]json.RawMessage) ([]byte, error) {
	known, err := jsonx.Marshal(w)
	if err != nil || len(extra) == 0 {
		return known, err
	}
	if k, ok := clashingMember(extra, reflect.TypeOf(w)); ok {
		return nil, clashError(k)
	}
	if k, _, err := jsonx.FirstInvalid(extra); err != nil {
		return nil, invalidError(k, err)
	}
	names := make([]string, 0, len(extra))
	for k := range extra {
		names = append(names, k)
	}
	slices.Sort(names)
	b := bytes.NewBuffer(known[:len(known)-1]) // without the closing brace
	for _, k := range names {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.Write(jsonx.Plain.AppendString(nil, k))
		b.WriteByte(':')
		if len(extra[k]) == 0 {
			b.WriteString("null") // as encoding/json writes a nil RawMessage
			continue
		}
		if err := json.Compact(b, extra[k]); err != nil {
			return nil, invalidError(k, err) // FirstInvalid has passed it: not met
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// fieldNames returns the lower-cased JSON names of a wire struct's fields.
func fieldNames(typ reflect.Type) map[string]bool {
	names := make(map[string]bool, typ.NumField())
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		names[strings.ToLower(name)] = true
	}
	return names
}

// foldName returns name as the lower-case ASCII name of a field it
// matches, as encoding/json matches names to fields: without regard to
// case, by Unicode's simple folding, so that "\u212Aind" (with the Kelvin
// sign) is "kind" and "ſlug" is "slug".
func foldName(name string) string {
	if ascii.String(name) {
		return strings.ToLower(name)
	}
	var b strings.Builder
	for _, r := range name {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(unicode.ToLower(least))
	}
	return b.String()
}

// unmarshalWithExtra decodes data into the wire value w (a pointer to a
// struct) and returns the members w has no field for.
func unmarshalWithExtra(data []byte, w any) (map[string]json.RawMessage, error) {
	if err := json.Unmarshal(data, w); err != nil {
		return nil, err
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return nil, err
	}
	// encoding/json matches member names to fields without regard to case,
	// so a member it stored in a field must not be kept again as extra.
	fields := fieldNames(reflect.TypeOf(w).Elem())
	for k := range members {
		if fields[foldName(k)] {
			delete(members, k)
		}
	}
	if len(members) == 0 {
		return nil, nil
	}
	for k, v := range members {
		members[k] = jsonx.Compact(v)
	}
	return members, nil
}

// FormatName is the [Origin.Format] of the records [ParseJSON] and
// [ParseEventJSON] read, talkmeta's own JSON form, as pyvideo.FormatName,
// rubyevents.FormatName and schedule's JSONFormat and XMLFormat name
// theirs.
const FormatName = "talkmeta"

// ParseJSON reads a talk in talkmeta's JSON form within the default
// [Limits]; see [Reader.ParseJSON].
func ParseJSON(data []byte, path string) (*Talk, error) { return Reader{}.ParseJSON(data, path) }

// ParseEventJSON reads an event in talkmeta's JSON form within the
// default [Limits]; see [Reader.ParseJSON].
func ParseEventJSON(data []byte, path string) (*Event, error) {
	return Reader{}.ParseEventJSON(data, path)
}

// Reader reads records in talkmeta's JSON form within the size and
// nesting of its Limits (the lengths and counts are left to validation;
// see [Limits]). The zero Reader uses the default limits; the
// package-level functions use a zero Reader. A Reader is safe for
// concurrent use.
type Reader struct {
	Limits Limits // the zero Limits is the defaults
}

// ParseJSON reads a talk in talkmeta's JSON form. path names the record in
// errors, each a [*RecordError] with the line and column of the
// problem. The talk keeps data itself, not a copy, as its Origin.Raw (a
// writer of the same form compares it with the model): do not change
// data afterwards, as a loop reading files into one reused buffer would.
// Raw's capacity is its length, so that appending to it copies rather
// than writes into data's spare room.
//
// A record larger than r.Limits.MaxRecordBytes, or nested deeper than
// r.Limits.MaxDepth, is refused before it is decoded, with a
// [*LimitError]: the nested values of a talk (parts within parts) are read
// each by its own UnmarshalJSON, over again at every level, so the time to
// read a record grows with its size times its depth.
//
// A record that encoding/json would read, but not as written, is refused
// too: one with two members of the same name, or with text that is not
// UTF-8 (see [Limits.CheckJSON]); one with two members that encoding/json
// reads into one field, as it matches names without regard to case
// ("title" and "Title"), keeping only the last; and one with a member of a
// place, an account, a link or legacy that it has no field for, which it
// passes over; and one with a null in a list, which it reads as an empty
// speaker, tag or link. Lengths and counts within the record are left to
// validation (package schema).
func (r Reader) ParseJSON(data []byte, path string) (*Talk, error) {
	if err := r.check(data, path); err != nil {
		return nil, err
	}
	if err := notNull(data, path); err != nil {
		return nil, err
	}
	if err := noLostMember(data, path, talkShape); err != nil {
		return nil, err
	}
	var t Talk
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, jsonError(data, path, err, talkRecord)
	}
	t.Origin = Origin{Format: FormatName, Path: path, Raw: slices.Clip(data)}
	return &t, nil
}

// ParseEventJSON reads an event in talkmeta's JSON form; see
// [Reader.ParseJSON], also for the event's Origin.Raw, which is data.
func (r Reader) ParseEventJSON(data []byte, path string) (*Event, error) {
	if err := r.check(data, path); err != nil {
		return nil, err
	}
	if err := notNull(data, path); err != nil {
		return nil, err
	}
	if err := noLostMember(data, path, eventShape); err != nil {
		return nil, err
	}
	var e Event
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, jsonError(data, path, err, eventRecord)
	}
	e.Origin = Origin{Format: FormatName, Path: path, Raw: slices.Clip(data)}
	return &e, nil
}

// notNull refuses a record that is null, which encoding/json reads into
// a struct as nothing at all: an empty talk, without a word, where any
// other JSON that is not an object is an error.
func notNull(data []byte, path string) error {
	doc := jsonx.Document(data)
	if !jsonx.IsNull(doc.Raw) {
		return nil
	}
	line, col := jsonx.Position(data, doc.Offset)
	return &RecordError{Path: path, Line: line, Column: col, Err: errors.New("talk: want an object, got null")}
}

// check refuses a record that r.Limits.CheckJSON refuses.
func (r Reader) check(data []byte, path string) error { return r.Limits.CheckJSON(data, path) }

// jsonError places an encoding/json error in the source of a record of
// the kind rec.
func jsonError(data []byte, path string, err error, rec int) error {
	re := &RecordError{Path: path, Err: err}
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// Limits.CheckJSON has refused what is not well-formed; this is
		// for what encoding/json refuses beyond it, if anything.
		off = se.Offset - 1 // encoding/json counts the offending byte as read
		re.Err = fmt.Errorf("invalid JSON: %s", strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		// Errors from nested UnmarshalJSON methods carry offsets within
		// the nested value, and Field has no array indices: find the
		// value in the document by its path instead.
		re.Err = fmt.Errorf("talk: want %s, got %s", typeWords(te.Type), valueWords(te.Value))
		if te.Field == "" {
			// The record itself, which encoding/json gave its
			// UnmarshalJSON without the white space before it, so that
			// te.Offset counts from there.
			off = jsonx.Document(data).Offset
			break
		}
		var top jsonx.Value
		top.Raw = data
		// Value is the kind, or for a number that does not fit, "number"
		// and its text ("number 1.5").
		kind, text, _ := strings.Cut(te.Value, " ")
		if ptr, at, ok := locate(top, strings.Split(te.Field, "."), kind, text); ok {
			re.Pointer, off = ptr, at
		} else {
			re.Pointer = "/" + strings.ReplaceAll(te.Field, ".", "/")
		}
	default:
		// An error of a text value's parser (a Date, a Duration), which
		// encoding/json returns without a place: find the first value
		// the parser refuses.
		if ptr, at, ok := badText(jsonx.Value{Raw: data}, rec); ok {
			re.Pointer, off = ptr, at
		}
	}
	if off >= 0 {
		re.Line, re.Column = jsonx.Position(data, off)
	}
	return re
}

// typeWords names, for a person who writes JSON rather than Go, what a
// value read into a field of type t must be, as pyvideo's reader words
// it: "a string", not "string"; "an object", not "talk.talkJSON".
func typeWords(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Date]():
		return "a date as a string, such as 2016-07-21"
	case reflect.TypeFor[Duration]():
		return "an ISO 8601 duration as a string, such as PT25M8S"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return t.String()
}

// valueWords names the value an UnmarshalTypeError's Value describes by
// its JSON kind, as [jsonx.Kind] names kinds, or for a number, which
// encoding/json gives as "number" and its text, by its text.
func valueWords(v string) string {
	kind, text, _ := strings.Cut(v, " ")
	switch {
	case kind == "number" && text != "":
		return text
	case kind == "bool":
		return "boolean"
	}
	return kind
}

// locate finds the value at the dotted path fields, trying every element
// of the arrays on the way, whose JSON kind matches kind ("number",
// "string", "bool"...) and, when text is not "", whose text is text: a
// number that does not fit its field ("size": 1.5) is told from the
// numbers of that field before it that do ("size": 3) by its text. It
// returns its JSON pointer and offset.
func locate(v jsonx.Value, fields []string, kind, text string) (string, int64, bool) {
	if len(fields) == 0 {
		k := jsonx.Kind(v.Raw)
		if (k == kind || k == "boolean" && kind == "bool") && (text == "" || string(v.Raw) == text) {
			return "", v.Offset, true
		}
		if k != "array" {
			return "", 0, false
		}
	}
	switch jsonx.Kind(v.Raw) {
	case "object":
		if len(fields) == 0 {
			break
		}
		ms, _ := jsonx.Object(v.Raw, v.Offset)
		for _, m := range ms {
			if strings.EqualFold(m.Name, fields[0]) {
				if p, off, ok := locate(m.Value, fields[1:], kind, text); ok {
					return "/" + jsonx.PointerToken(m.Name) + p, off, true
				}
			}
		}
	case "array":
		es, _ := jsonx.Array(v.Raw, v.Offset)
		for i, e := range es {
			if p, off, ok := locate(e, fields, kind, text); ok {
				return "/" + strconv.Itoa(i) + p, off, true
			}
		}
	}
	return "", 0, false
}

// The records whose members badText checks.
const (
	talkRecord = iota
	eventRecord
	videoRecord
)

// textParsers gives, for each kind of record, the members read by a
// parser of text and that parser.
var textParsers = [...]map[string]func(string) error{
	talkRecord: {
		"recorded": func(s string) error { _, err := ParseDate(s); return err },
		"duration": func(s string) error { _, err := parseDurationText(s); return err },
	},
	eventRecord: {
		"start": func(s string) error { _, err := ParseDate(s); return err },
		"end":   func(s string) error { _, err := ParseDate(s); return err },
	},
	videoRecord: {
		"duration": func(s string) error { _, err := parseDurationText(s); return err },
	},
}

// badText returns the JSON pointer and offset of the first string, in
// the order encoding/json reads them, that the parser of its member
// refuses, in the record v of kind rec.
func badText(v jsonx.Value, rec int) (string, int64, bool) {
	ms, err := jsonx.Object(v.Raw, v.Offset)
	if err != nil {
		return "", 0, false
	}
	for _, m := range ms {
		name := foldName(m.Name)
		var sub int
		switch {
		case rec == talkRecord && name == "event":
			sub = eventRecord
		case rec == talkRecord && name == "videos":
			sub = videoRecord
		case rec == talkRecord && name == "parts":
			sub = talkRecord
		default:
			parse := textParsers[rec][name]
			if s, ok := jsonx.String(m.Value.Raw); parse != nil && ok && parse(s) != nil {
				return "/" + jsonx.PointerToken(m.Name), m.Value.Offset, true
			}
			continue
		}
		if sub == eventRecord {
			if p, off, ok := badText(m.Value, eventRecord); ok {
				return "/" + jsonx.PointerToken(m.Name) + p, off, true
			}
			continue
		}
		es, _ := jsonx.Array(m.Value.Raw, m.Value.Offset)
		for i, e := range es {
			if p, off, ok := badText(e, sub); ok {
				return "/" + jsonx.PointerToken(m.Name) + "/" + strconv.Itoa(i) + p, off, true
			}
		}
	}
	return "", 0, false
}

// shape is what talkmeta's JSON form holds in an object of one of the
// model's types: the names of its members (lower-case, as its wire type's
// tags spell them) and, for each member that holds such objects, alone
// or in a list, their shape. A closed shape is that of a type with no
// Extra, which has no place for a member it does not know.
type shape struct {
	what   string // the type, as its errors name it: "a place"
	closed bool
	names  [][]byte
	subs   []*shape
	lists  []bool // the member holds a list of subs, not one
}

// The shapes of talkmeta's records, built once from the wire types and
// never changed after.
var talkShape, eventShape = func() (*shape, *shape) {
	type wire struct {
		typ  reflect.Type
		what string
	}
	wires := map[reflect.Type]wire{
		reflect.TypeFor[Talk]():    {reflect.TypeFor[talkJSON](), "a talk"},
		reflect.TypeFor[Speaker](): {reflect.TypeFor[speakerJSON](), "a speaker"},
		reflect.TypeFor[Event]():   {reflect.TypeFor[eventJSON](), "an event"},
		reflect.TypeFor[Video]():   {reflect.TypeFor[videoJSON](), "a video"},
		reflect.TypeFor[Place]():   {reflect.TypeFor[placeJSON](), "a place"},
		reflect.TypeFor[Account](): {reflect.TypeFor[accountJSON](), "an account"},
		reflect.TypeFor[Link]():    {reflect.TypeFor[linkJSON](), "a link"},
		reflect.TypeFor[Legacy]():  {reflect.TypeFor[legacyJSON](), "legacy"},
	}
	shapes := map[reflect.Type]*shape{}
	var build func(model reflect.Type) *shape
	build = func(model reflect.Type) *shape {
		if sh, ok := shapes[model]; ok {
			return sh // parts: a talk within a talk
		}
		_, open := model.FieldByName("Extra")
		w := wires[model]
		sh := &shape{what: w.what, closed: !open}
		shapes[model] = sh
		for i := range w.typ.NumField() {
			f := w.typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			t := f.Type
			list := t.Kind() == reflect.Slice
			if t.Kind() == reflect.Pointer || list {
				t = t.Elem()
			}
			var sub *shape
			if _, ok := wires[t]; ok {
				sub = build(t)
			}
			sh.names = append(sh.names, []byte(name))
			sh.subs = append(sh.subs, sub)
			sh.lists = append(sh.lists, list)
		}
		return sh
	}
	return build(reflect.TypeFor[Talk]()), build(reflect.TypeFor[Event]())
}()

// memberFault is a member that reading its record would lose without a
// word (see [lostMember]).
type memberFault struct {
	ptr   string // its JSON pointer
	off   int64  // the offset of its value
	name  string
	field string // the field it is read into, as another member is; "" for none
	in    *shape // the object's shape
	// null is, for a null in a list, what the list holds ("a speaker"),
	// which encoding/json would read the null as, empty; "" for none.
	null string
}

// lostMember finds, in the record v of shape sh, the first member, in
// the order encoding/json reads them, that it would lose without a word:
// one it reads into the same field as a member before it in the same
// object, matching names as it does, without regard to case ("Title"
// after "title", or "ſlug" after "slug"), of which it keeps the last;
// or, in an object of a closed shape (a place, a link), one it has no
// field for, which it passes over; or a null in a list (of speakers, of
// tags), which it reads as an empty speaker or tag, written back so.
func lostMember(v jsonx.Value, sh *shape) (memberFault, bool) {
	var seen uint64 // by field index; no wire type has more than 64 fields
	for quoted, m := range jsonx.Members(v.Raw, v.Offset) {
		n := jsonx.MemberName(quoted)
		i := slices.IndexFunc(sh.names, func(f []byte) bool { return bytes.EqualFold(n, f) })
		if i < 0 {
			if sh.closed {
				return memberFault{ptr: "/" + jsonx.PointerToken(string(n)), off: m.Offset, name: string(n), in: sh}, true
			}
			continue
		}
		if seen&(1<<i) != 0 {
			return memberFault{ptr: "/" + jsonx.PointerToken(string(n)), off: m.Offset, name: string(n), field: string(sh.names[i]), in: sh}, true
		}
		seen |= 1 << i
		// A value of another kind than the field's is encoding/json's
		// to refuse.
		sub, kind := sh.subs[i], jsonx.Kind(m.Raw)
		if !sh.lists[i] {
			if sub != nil && kind == "object" {
				if f, ok := lostMember(m, sub); ok {
					f.ptr = "/" + jsonx.PointerToken(string(n)) + f.ptr
					return f, true
				}
			}
			continue
		}
		if kind != "array" {
			continue
		}
		j := 0
		for e := range jsonx.Elements(m.Raw, m.Offset) {
			var f memberFault
			var ok bool
			switch {
			case jsonx.IsNull(e.Raw):
				f, ok = memberFault{off: e.Offset, null: "a string"}, true
				if sub != nil {
					f.null = sub.what
				}
			case sub != nil:
				f, ok = lostMember(e, sub)
			}
			if ok {
				f.ptr = "/" + jsonx.PointerToken(string(n)) + "/" + strconv.Itoa(j) + f.ptr
				return f, true
			}
			j++
		}
	}
	return memberFault{}, false
}

// noLostMember refuses, as a [*RecordError], the record data of shape
// sh when it has a member that [lostMember] finds.
func noLostMember(data []byte, path string, sh *shape) error {
	f, ok := lostMember(jsonx.Value{Raw: data}, sh)
	if !ok {
		return nil
	}
	line, col := jsonx.Position(data, f.off)
	re := &RecordError{Path: path, Pointer: f.ptr, Line: line, Column: col}
	if f.null != "" {
		re.Err = fmt.Errorf("talk: want %s, got null, which readers would take for an empty one and writers write so; remove it from the list", f.null)
		return re
	}
	if f.field != "" {
		// A closed object (a place, an account) keeps no member of
		// another name.
		elsewhere := ", or give it a name of its own"
		if f.in.closed {
			elsewhere = ""
		}
		re.Err = fmt.Errorf("talk: the member %s is read as %q, as is a member before it: readers match member names without regard to case, and keep only the last; remove one%s",
			strconv.QuoteToASCII(f.name), f.field, elsewhere)
		return re
	}
	names := make([]string, len(f.in.names))
	for i, n := range f.in.names {
		names[i] = string(n)
	}
	re.Err = fmt.Errorf("talk: %s has no member %s (only %s), and no place to keep one it does not know: remove it, or keep what it says in a member of the talk, which keeps those",
		f.in.what, strconv.QuoteToASCII(f.name), strings.Join(names, ", "))
	return re
}

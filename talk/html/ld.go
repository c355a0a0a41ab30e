package html

import (
	"bytes"
	"encoding/json"
	"fmt"
	htmltemplate "html/template"
	"net/url"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/talk"
)

// The JSON-LD of event and speaker pages. talk/jsonld marshals one talk's
// graph only; these nodes use the same @ids as its graph
// (<base>/<event>#event, <base>/<event>/<talk>#talk,
// <base>/speakers/<slug>#person), so that a crawler merges what the talk,
// event and speaker pages say about each node. When talk/jsonld gains
// event and person graphs, this file should give way to it.

// ldObject is a JSON object whose members keep their order; members with
// empty values are left out.
type ldObject []ldMember

type ldMember struct {
	key   string
	value any
}

// MarshalJSON writes the members in order, leaving out empty ones.
func (o ldObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	n := 0
	for _, m := range o {
		switch v := m.value.(type) {
		case nil:
			continue
		case string:
			if v == "" {
				continue
			}
		case []any:
			if len(v) == 0 {
				continue
			}
		case ldObject:
			if len(v) == 0 {
				continue
			}
		}
		v, err := json.Marshal(m.value) // escapes <, >, &, U+2028 and U+2029
		if err != nil {
			return nil, err
		}
		if n > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
		n++
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// script makes the content of a JSON-LD script element from a node.
func script(node ldObject) (htmltemplate.JS, error) {
	b, err := json.Marshal(append(ldObject{{"@context", "https://schema.org"}}, node...))
	if err != nil {
		return "", fmt.Errorf("html: JSON-LD: %w", err)
	}
	// HTML forbids DEL, C1 controls and noncharacters even in a script;
	// in a JSON string \uXXXX means the same. (encoding/json escapes the
	// C0 controls.)
	if !mayHoldForbidden(b) {
		return htmltemplate.JS(b), nil
	}
	var out strings.Builder
	for _, r := range string(b) {
		if forbidden(r) && r >= 0x7f {
			fmt.Fprintf(&out, "\\u%04x", r)
			continue
		}
		out.WriteRune(r)
	}
	// encoding/json escapes "<", ">" and "&", so the text cannot end the
	// script element.
	return htmltemplate.JS(out.String()), nil
}

// ldID builds an @id as talk/jsonld does.
func (r *Renderer) ldID(fragment string, segments ...string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(r.BaseURL, "/"))
	for _, s := range segments {
		if s != "" {
			b.WriteString("/" + url.PathEscape(s))
		}
	}
	return b.String() + "#" + fragment
}

// absoluteURL is href for JSON-LD, which wants absolute URLs: "" unless
// BaseURL makes it absolute.
func (r *Renderer) absoluteURL(p string) string {
	u := r.href(p)
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return ""
	}
	return u
}

func (r *Renderer) eventJSONLD(ev *talk.Event, talks []*talk.Talk) (htmltemplate.JS, error) {
	var subs []any
	for _, t := range talks {
		subs = append(subs, r.talkRef(t, ev.TimeZone))
	}
	var address ldObject
	if ev.Place.City != "" || ev.Place.Region != "" || ev.Place.Country != "" {
		address = ldObject{
			{"@type", "PostalAddress"},
			{"addressLocality", ev.Place.City},
			{"addressRegion", ev.Place.Region},
			{"addressCountry", ev.Place.Country},
		}
	}
	var place ldObject
	if !ev.Place.IsZero() {
		place = ldObject{{"@type", "Place"}, {"name", ev.Place.Venue}, {"address", address}}
	}
	website := safeURL(ev.URL)
	if strings.HasPrefix(website, "mailto:") {
		website = ""
	}
	return script(ldObject{
		{"@type", "Event"},
		{"@id", r.ldID("event", ev.ID)},
		{"name", ev.Title},
		{"description", strings.TrimSpace(ev.Description)},
		{"startDate", ldDate(ev.Start, ev.TimeZone)},
		{"endDate", ldDate(ev.End, ev.TimeZone)},
		{"url", website},
		{"mainEntityOfPage", r.absoluteURL(r.urls().Event(ev))},
		{"location", place},
		{"subEvent", subs},
	})
}

func (r *Renderer) speakerJSONLD(s *talk.Speaker, talks []*talk.Talk) (htmltemplate.JS, error) {
	var sameAs []any
	if s.ORCID != "" {
		sameAs = append(sameAs, "https://orcid.org/"+strings.TrimPrefix(s.ORCID, "https://orcid.org/"))
	}
	for _, u := range append([]string{s.Homepage}, accountURLs(s)...) {
		if u = safeURL(u); u != "" && !strings.HasPrefix(u, "mailto:") {
			sameAs = append(sameAs, u)
		}
	}
	var affiliation ldObject
	if s.Affiliation != "" {
		affiliation = ldObject{{"@type", "Organization"}, {"name", s.Affiliation}}
	}
	var performed []any
	for _, t := range talks {
		performed = append(performed, r.talkRef(t, t.Event.TimeZone))
	}
	image := safeURL(s.Image)
	if strings.HasPrefix(image, "mailto:") {
		image = ""
	}
	return script(ldObject{
		{"@type", "Person"},
		{"@id", r.personID(s)},
		{"name", s.Name},
		{"givenName", s.GivenName},
		{"familyName", s.FamilyName},
		{"description", strings.TrimSpace(s.Bio)},
		{"image", image},
		{"affiliation", affiliation},
		{"sameAs", sameAs},
		{"mainEntityOfPage", r.absoluteURL(r.urls().Speaker(s))},
		{"performerIn", performed},
	})
}

func accountURLs(s *talk.Speaker) []string {
	var out []string
	for _, a := range s.Accounts {
		out = append(out, a.URL)
	}
	return out
}

// personID is talk/jsonld's @id of a speaker.
func (r *Renderer) personID(s *talk.Speaker) string {
	slug := s.Slug
	if slug == "" {
		slug = talk.Slug(s.Name)
	}
	if slug == "" {
		return ""
	}
	return r.ldID("person", "speakers", slug)
}

// talkRef is a talk as a node within an event or speaker graph: its @id
// in talk/jsonld's graph, name, date and page.
func (r *Renderer) talkRef(t *talk.Talk, zone string) ldObject {
	var performers []any
	for i := range t.Speakers {
		if id := r.personID(&t.Speakers[i]); id != "" {
			performers = append(performers, ldObject{{"@id", id}})
		}
	}
	return ldObject{
		{"@type", "Event"},
		{"@id", r.ldID("talk", t.Event.ID, t.ID)},
		{"name", t.Title},
		{"startDate", ldDate(t.Recorded, zone)},
		{"url", r.absoluteURL(r.urls().Talk(t))},
		{"performer", performers},
	}
}

// ldDate writes a date as talk/jsonld does: a date-time without offset
// gets the offset of the event's time zone, or becomes its day.
func ldDate(d talk.Date, zone string) string {
	switch d.Precision() {
	case talk.NoDate:
		return ""
	case talk.DateTimeOffset:
		return d.Time().Format(time.RFC3339)
	case talk.DateTime:
		if loc, err := time.LoadLocation(zone); err == nil && zone != "" {
			w := d.Time()
			return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc).Format(time.RFC3339)
		}
		return d.Day().String()
	}
	return d.String()
}

package schema

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk"
)

// fullTalk returns a talk with every field of the model set, and of each
// of its parts, as a program that fills the model writes it: every
// member talkmeta's JSON form has, once.
func fullTalk(t *testing.T) *talk.Talk {
	t.Helper()
	day := func(y int, m time.Month, d int) talk.Date {
		date, err := talk.DateOf(y, m, d)
		if err != nil {
			t.Fatal(err)
		}
		return date
	}
	lang := func(s string) talk.Language {
		l, err := talk.ParseLanguage(s)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	place := talk.Place{Venue: "Euskalduna", Room: "A1", City: "Bilbao", Region: "Euskadi", Country: "ES"}
	part := talk.Talk{ID: "lt-1", Title: "Lightning", Speakers: []talk.Speaker{{Name: "Bo"}},
		Recorded: talk.DateTimeOf(time.Date(2016, 7, 21, 17, 30, 0, 500_000_000, time.FixedZone("CEST", 2*3600)), true)}
	return &talk.Talk{
		ID: "async", Title: "async/await", Subtitle: "and why it is awesome", Slug: "async-await",
		Kind: "talk", Track: "Python", Place: place,
		Speakers: []talk.Speaker{{
			Name: "Yury Selivanov", GivenName: "Yury", FamilyName: "Selivanov", Slug: "yury",
			Affiliation: "EdgeDB", Bio: "Core developer.", Homepage: "https://github.com/1st1",
			ORCID: "0000-0002-1825-0097", Image: "https://example.org/yury.jpg",
			Accounts: []talk.Account{{Service: "github", Handle: "1st1", URL: "https://github.com/1st1"}},
			Extra:    map[string]json.RawMessage{"x_pronouns": json.RawMessage(`"he/him"`)},
		}},
		Event: talk.Event{ID: "europython-2016", Title: "EuroPython 2016", Series: "EuroPython",
			Description: "The conference.", Start: day(2016, 7, 17), End: day(2016, 7, 24),
			TimeZone: "Europe/Madrid", Place: place, URL: "https://ep2016.europython.eu/",
			Extra: map[string]json.RawMessage{"x_sponsors": json.RawMessage(`["PSF"]`)}},
		Recorded: day(2016, 7, 21), Duration: talk.Duration(25*time.Minute + 8*time.Second),
		Language: lang("en"), Summary: "In short.", Description: "At length.", Markup: talk.Markdown,
		Tags: []string{"asyncio", "python"},
		Videos: []talk.Video{{Provider: "youtube", URL: "https://www.youtube.com/watch?v=m28fiN9y_r8",
			ID: "m28fiN9y_r8", Format: "mp4", Language: lang("x-klingon"), Duration: talk.Duration(time.Hour),
			Size: 1 << 40, Extra: map[string]json.RawMessage{"x_quality": json.RawMessage(`"hd"`)}}},
		Slides:    []talk.Link{{URL: "https://example.org/slides.pdf", Label: "Slides"}},
		Links:     []talk.Link{{URL: "https://example.org/", Label: "Schedule"}},
		Thumbnail: "https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg",
		License:   "CC BY", Recording: talk.NotPublished,
		Parts:  []talk.Talk{part},
		Legacy: talk.Legacy{ID: 1 << 62, Alias: "video/1/async", Category: "EuroPython 2016", QualityNotes: "fine"},
		Extra:  map[string]json.RawMessage{"x_views": json.RawMessage(`1200`)},
	}
}

// TestModelWritesValidRecords: every member talkmeta's JSON form writes,
// from a talk, its speakers, its event and its parts with every field
// set, is one its schemas allow, with the constraints its reader has. A
// field added to the model and not to the schema fails the test, which
// asks that every field be set.
func TestModelWritesValidRecords(t *testing.T) {
	full := fullTalk(t)
	unset(t, reflect.ValueOf(*full), "Talk")
	unset(t, reflect.ValueOf(full.Speakers[0]), "Speaker")
	unset(t, reflect.ValueOf(full.Event), "Event")
	var v Validator
	check := func(what string, data []byte, validate func([]byte, string) Problems) {
		t.Helper()
		// The talk's recording says "not published" beside a video, which
		// is legal and warned of; nothing else may be said.
		want := []string(nil)
		if what == "talk" {
			want = []string{`talk.json:1:1489: recording: recording: "not_published" says there is no recording, but the talk has 1 video(s) (warning)`}
		}
		if diff := cmp.Diff(want, lines(validate(data, what+".json"))); diff != "" {
			t.Errorf("%s %s\nproblems (-want +got):\n%s", what, data, diff)
		}
	}
	for _, c := range []struct {
		what     string
		value    any
		validate func([]byte, string) Problems
	}{
		{"talk", full, v.ValidateTalk},
		{"speaker", full.Speakers[0], v.ValidateSpeaker},
		{"event", full.Event, v.ValidateEvent},
	} {
		data, err := json.Marshal(c.value)
		if err != nil {
			t.Fatal(err)
		}
		check(c.what, data, c.validate)
	}
}

// unset fails the test for each field of the struct v, but Origin, that
// is its zero value.
func unset(t *testing.T, v reflect.Value, what string) {
	t.Helper()
	for i := range v.NumField() {
		if f := v.Type().Field(i); f.Name != "Origin" && v.Field(i).IsZero() {
			t.Errorf("%s.%s is not set: set it, so that what talkmeta writes of it is checked against the schema", what, f.Name)
		}
	}
}

package jsonld_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

const archive = "../../testdata/pyvideo"

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

// TestGolden renders every real record in the repository, with warnings.
func TestGolden(t *testing.T) {
	for tk, err := range pyvideo.Talks(os.DirFS(archive)) {
		if err != nil {
			t.Fatal(err)
		}
		t.Run(tk.Event.ID+"/"+tk.ID, func(t *testing.T) {
			var b bytes.Buffer
			warnings, err := jsonld.Write(&b, tk, jsonld.Options{BaseURL: "https://talks.example.org/", Indent: "  "})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range warnings {
				b.WriteString("warning: " + w.String() + "\n")
			}
			checkGolden(t, tk.Event.ID+"--"+tk.ID+".jsonld", b.Bytes())
		})
	}
}

// TestRich checks a talk with everything the graph can carry.
func TestRich(t *testing.T) {
	tk := &talk.Talk{
		ID: "t1", Title: "Rich talk", Subtitle: "with all fields", Summary: "Short.",
		Speakers: []talk.Speaker{{
			Name: "Ada Lovelace", Slug: "ada", Affiliation: "Analytical Society", ORCID: "0000-0002-1825-0097",
			Homepage: "https://ada.example", Accounts: []talk.Account{{Service: "github", Handle: "ada", URL: "https://github.com/ada"}},
			Image: "https://ada.example/me.jpg",
		}},
		Event: talk.Event{
			ID: "conf-2026", Title: "Conf 2026", Start: talk.MustParseDate("2026-07-01"), End: talk.MustParseDate("2026-07-03"),
			TimeZone: "Europe/Madrid", URL: "https://conf.example",
			Place: talk.Place{Venue: "Euskalduna", City: "Bilbao", Region: "Basque Country", Country: "ES"},
		},
		Recorded: talk.MustParseDate("2026-07-02T10:30:00"),
		Place:    talk.Place{Room: "A1"},
		Language: "es", Tags: []string{"python", "async"},
		Videos: []talk.Video{
			{Provider: talk.Vimeo, URL: "https://vimeo.com/123", ID: "123"},
			{Provider: talk.File, Format: "mp4", URL: "https://media.example/t1.mp4", Language: "en"},
			{Provider: talk.ArchiveOrg, URL: "https://archive.org/details/t1", ID: "t1"},
		},
		Slides:  []talk.Link{{URL: "https://slides.example/t1.pdf", Label: "Slides"}},
		License: "https://creativecommons.org/licenses/by/4.0/",
	}
	got, warnings, err := jsonld.Marshal(tk, jsonld.Options{Indent: "  "})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		got = append(got, "warning: "+w.String()+"\n"...)
	}
	checkGolden(t, "rich.jsonld", got)
}

// TestZero runs the all-empty model through the renderer: its only
// warning is that its @id, "#talk", is every such talk's.
func TestZero(t *testing.T) {
	got, warnings, err := jsonld.Marshal(&talk.Talk{}, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"#talk"}]}`+"\n", string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	wantWarnings := []jsonld.Warning{{Node: "#talk", Property: "@id",
		Reason: "the talk has no ID, no slug and no title with letters or digits to tell it from other talks"}}
	if diff := cmp.Diff(wantWarnings, warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	_, warnings, _ = jsonld.Marshal(&talk.Talk{Videos: []talk.Video{{URL: "x"}}}, jsonld.Options{})
	var props []string
	for _, w := range warnings {
		props = append(props, w.Property)
	}
	if diff := cmp.Diff([]string{"@id", "name", "thumbnailUrl", "uploadDate", "contentUrl"}, props); diff != "" {
		t.Errorf("missing properties (-want +got):\n%s", diff)
	}
}

// TestInlineSafe checks that no string can end the script element the
// output is inlined in.
func TestInlineSafe(t *testing.T) {
	tk := &talk.Talk{Title: "</script><script>alert(1)</script> & \u2028\u2029 <!--"}
	got, _, err := jsonld.Marshal(tk, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029"} {
		if strings.Contains(string(got), bad) {
			t.Errorf("output contains %q: %s", bad, got)
		}
	}
	var v any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Fatal(err)
	}
	name := v.(map[string]any)["@graph"].([]any)[0].(map[string]any)["name"]
	if name != tk.Title {
		t.Errorf("name = %q, want %q", name, tk.Title)
	}
}

// TestEscapesForbiddenCodePoints: DEL, C1 controls and noncharacters,
// which encoding/json leaves as they are and HTML forbids even in a
// script element, are written as \u escapes; other non-ASCII text stays.
func TestEscapesForbiddenCodePoints(t *testing.T) {
	tk := &talk.Talk{ID: "x", Title: "a\u007fb\u0085c\ufdd0d\ufffee\uffff€ü\u00a0"}
	b, _, err := jsonld.Marshal(tk, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `"name":"a\u007fb\u0085c\ufdd0d\ufffee\uffff€ü` + "\u00a0" + `"`
	if !bytes.Contains(b, []byte(want)) {
		t.Errorf("graph does not hold %s:\n%s", want, b)
	}
}

// TestOddTalk pins the graph of a talk whose fields real records get
// wrong: slides that are not web addresses, archive.org pages that are
// not media files, speakers without a name, a talk's own venue, and
// recordings on a provider with no player this package knows, whose
// page is their url when it is a web address.
func TestOddTalk(t *testing.T) {
	tk := &talk.Talk{
		ID: "odd", Title: "Odd",
		Slides: []talk.Link{
			{URL: "slides.pdf"},
			{URL: "javascript:alert(1)", Label: "Deck"},
			{URL: "https://slides.example/odd.pdf"},
		},
		Speakers: []talk.Speaker{{Name: ""}, {Name: " "}, {Name: "Ada"}},
		Place:    talk.Place{Venue: "Hall X", City: "Lyon"},
		Event:    talk.Event{Place: talk.Place{Venue: "Main venue", City: "Paris", Country: "FR"}},
		Videos: []talk.Video{
			{Provider: talk.ArchiveOrg, ID: "odd", URL: "https://archive.org/details/odd"},
			{Provider: talk.ArchiveOrg, ID: "odd", URL: "https://archive.org/details/odd/odd.mp4"},
			{Provider: talk.ArchiveOrg, ID: "odd", URL: "https://archive.org/download/odd/odd.mp4"},
			{Provider: talk.ArchiveOrg, ID: "odd", URL: "https://archive.org/download/odd"},
			{Provider: talk.PeerTube, URL: "https://tube.example/w/odd"},
			{Provider: talk.PeerTube, URL: "/w/odd"},
		},
	}
	got, _, err := jsonld.Marshal(tk, jsonld.Options{Indent: "  "})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd.jsonld", got)
}

// TestSpeakerURL gives each performer the address of their page, and
// leaves it out for a speaker the site has no page for or whose address
// is not absolute.
func TestSpeakerURL(t *testing.T) {
	tk := &talk.Talk{ID: "t", Title: "T", Event: talk.Event{ID: "ev"},
		Speakers: []talk.Speaker{{Name: "Ada Lovelace"}, {Name: "No Page"}, {Name: "Relative"}}}
	pages := map[string]string{"Ada Lovelace": "https://talks.example.org/speaker/ada.html", "Relative": "/speaker/relative.html"}
	var b bytes.Buffer
	if _, err := jsonld.Write(&b, tk, jsonld.Options{
		SpeakerURL: func(s *talk.Speaker) string { return pages[s.Name] },
	}); err != nil {
		t.Fatal(err)
	}
	var graph struct {
		Graph []struct {
			Performer []map[string]string `json:"performer"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(b.Bytes(), &graph); err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{
		{"@type": "Person", "@id": "/speakers/ada-lovelace#person", "name": "Ada Lovelace", "url": "https://talks.example.org/speaker/ada.html"},
		{"@type": "Person", "@id": "/speakers/no-page#person", "name": "No Page"},
		{"@type": "Person", "@id": "/speakers/relative#person", "name": "Relative"},
	}
	if diff := cmp.Diff(want, graph.Graph[0].Performer); diff != "" {
		t.Errorf("performers (-want +got):\n%s", diff)
	}
}

// TestPlainDescription: the talk's and its parts' descriptions are
// PlainDescription's text when it is given and they have no summary, in
// every node that repeats them, and as written without it.
func TestPlainDescription(t *testing.T) {
	tk := &talk.Talk{ID: "t", Title: "T", Event: talk.Event{ID: "ev"}, Description: "*Fast* code", Markup: talk.ReStructuredText,
		Videos: []talk.Video{{URL: "https://youtu.be/x"}},
		Parts:  []talk.Talk{{Title: "P1", Description: "**Bold**"}, {Title: "P2", Summary: "Its summary", Description: "**Not this**"}}}
	plain := func(t *talk.Talk) string { return strings.ReplaceAll(t.Description, "*", "") }
	descriptions := func(opt jsonld.Options) []string {
		doc, _, err := jsonld.Marshal(tk, opt)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				if d, ok := v["description"].(string); ok {
					out = append(out, fmt.Sprint(v["@type"], ": ", d))
				}
				for _, k := range slices.Sorted(maps.Keys(v)) {
					walk(v[k])
				}
			case []any:
				for _, e := range v {
					walk(e)
				}
			}
		}
		var graph any
		if err := json.Unmarshal(doc, &graph); err != nil {
			t.Fatal(err)
		}
		walk(graph)
		return out
	}
	got := [][]string{descriptions(jsonld.Options{PlainDescription: plain}), descriptions(jsonld.Options{})}
	want := [][]string{
		{"Event: Fast code", "Event: Bold", "Event: Its summary", "VideoObject: Fast code"},
		{"Event: *Fast* code", "Event: **Bold**", "Event: Its summary", "VideoObject: *Fast* code"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("descriptions, with PlainDescription and without (-want +got):\n%s", diff)
	}
}

// TestStartDateZone: a wall-clock time gets its event zone's offset, and
// is written as its day when the event has no zone the database holds,
// which "Local" is not: time.LoadLocation takes it for the zone of the
// machine, so the same talk would get a different offset on each.
func TestStartDateZone(t *testing.T) {
	for _, tt := range []struct{ zone, want string }{
		{"Europe/Berlin", "2024-07-01T10:00:00+02:00"},
		{"America/Sao_Paulo", "2024-07-01T10:00:00-03:00"},
		{"", "2024-07-01"},
		{"Local", "2024-07-01"},
		{"Nowhere/Atlantis", "2024-07-01"},
	} {
		t.Run(tt.zone, func(t *testing.T) {
			tk := &talk.Talk{ID: "t", Title: "T", Recorded: talk.MustParseDate("2024-07-01T10:00:00"),
				Event: talk.Event{ID: "ev", TimeZone: tt.zone}}
			got, _, err := jsonld.Marshal(tk, jsonld.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/ev/t#talk","name":"T","startDate":"` + tt.want +
				`","eventStatus":"https://schema.org/EventScheduled","superEvent":{"@type":"Event","@id":"/ev#event"}}]}` + "\n"
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestNoIDs: talks and events without IDs, as talkmeta's own records may
// be, are told apart in @ids by their slugs, in a talk's graph as in a
// speaker's that lists them; with @ids from IDs alone, both talks were
// "/#talk" and both events "/#event", one node each to a consumer, with
// two names and two dates.
func TestNoIDs(t *testing.T) {
	ada := talk.Speaker{Name: "Ada"}
	first := &talk.Talk{Title: "First", Speakers: []talk.Speaker{ada}, Recorded: talk.MustParseDate("2024-01-01"),
		Event:  talk.Event{Title: "Meetup A"},
		Videos: []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=a", ID: "a"}}}
	second := &talk.Talk{Title: "Second", Slug: "second-talk", Speakers: []talk.Speaker{ada}, Recorded: talk.MustParseDate("2024-02-01"),
		Event: talk.Event{Title: "Meetup B"}}
	opt := jsonld.Options{BaseURL: "https://talks.example.org", Indent: "  "}
	var b bytes.Buffer
	if _, err := jsonld.Write(&b, first, opt); err != nil {
		t.Fatal(err)
	}
	if err := jsonld.WriteEvent(&b, &first.Event, []*talk.Talk{first}, opt); err != nil {
		t.Fatal(err)
	}
	if err := jsonld.WriteSpeaker(&b, &ada, []*talk.Talk{first, second}, opt); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "no-ids.jsonld", b.Bytes())
}

// TestEndDate: a talk whose start is a date-time and whose duration is
// known ends at the sum, with the offset in force then, past midnight
// and past a change to summer time, a wall clock read as iCalendar reads
// it; a talk given on a day, at a time of
// no known zone or of no known length, or one that would end past the
// year 9999, has no endDate.
func TestEndDate(t *testing.T) {
	for _, tt := range []struct{ name, recorded, zone, duration, want string }{
		{"offset, past midnight", "2024-03-01T23:30:00+01:00", "", "PT1H",
			`"startDate":"2024-03-01T23:30:00+01:00","endDate":"2024-03-02T00:30:00+01:00","duration":"PT1H"`},
		// A time with an offset reads in the event's zone, as its page
		// shows it: it had the source's offset, and its end that offset
		// past a change of the clocks, a time Berlin's never showed.
		{"offset in UTC, into the zone's summer time", "2024-03-31T00:30:00Z", "Europe/Berlin", "PT1H",
			`"startDate":"2024-03-31T01:30:00+01:00","endDate":"2024-03-31T03:30:00+02:00","duration":"PT1H"`},
		{"offset, in the zone a year past 9999", "9999-12-31T20:00:00-12:00", "Asia/Tokyo", "",
			`"startDate":"9999-12-31T20:00:00-12:00"`},
		{"zone, into summer time", "2024-03-31T01:30:00", "Europe/Berlin", "PT1H",
			`"startDate":"2024-03-31T01:30:00+01:00","endDate":"2024-03-31T03:30:00+02:00","duration":"PT1H"`},
		// Times the clocks skip or show twice read as RFC 5545 reads
		// them, in every zone: Go's time.Date put the first on the day
		// before, at 23:30-03:00, and the second at its second showing.
		{"zone, a time skipped at midnight", "2018-11-04T00:30:00", "America/Sao_Paulo", "PT1H",
			`"startDate":"2018-11-04T01:30:00-02:00","endDate":"2018-11-04T02:30:00-02:00","duration":"PT1H"`},
		{"zone, a time shown twice", "2024-10-27T02:30:00", "Europe/Berlin", "PT1H",
			`"startDate":"2024-10-27T02:30:00+02:00","endDate":"2024-10-27T02:30:00+01:00","duration":"PT1H"`},
		{"UTC, a fraction of a second", "2024-07-01T10:00:00Z", "", "PT25M8.4S",
			`"startDate":"2024-07-01T10:00:00Z","endDate":"2024-07-01T10:25:08Z","duration":"PT25M8S"`},
		{"a day", "2024-07-01", "Europe/Berlin", "PT1H", `"startDate":"2024-07-01","duration":"PT1H"`},
		{"no zone", "2024-07-01T10:00:00", "", "PT1H", `"startDate":"2024-07-01","duration":"PT1H"`},
		{"no duration", "2024-07-01T10:00:00+02:00", "", "", `"startDate":"2024-07-01T10:00:00+02:00"`},
		// An end past 9999 has no ISO 8601 form of four-digit years.
		{"past the year 9999", "9999-12-31T23:59:59+14:00", "", "P1D", `"startDate":"9999-12-31T23:59:59+14:00","duration":"PT24H"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tk := &talk.Talk{ID: "t", Recorded: talk.MustParseDate(tt.recorded), Event: talk.Event{ID: "ev", TimeZone: tt.zone}}
			if tt.duration != "" {
				d, err := talk.ParseDuration(tt.duration)
				if err != nil {
					t.Fatal(err)
				}
				tk.Duration = d
			}
			got, _, err := jsonld.Marshal(tk, jsonld.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/ev/t#talk",` + tt.want +
				`,"eventStatus":"https://schema.org/EventScheduled","superEvent":{"@type":"Event","@id":"/ev#event"}}]}` + "\n"
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestKeywords writes the tags as an array, which a tag with a comma in
// it cannot break, leaving blank tags out.
func TestKeywords(t *testing.T) {
	for _, tt := range []struct {
		name string
		tags []string
		want string
	}{
		{"a comma in a tag", []string{"Machine learning, applied", "", " ", "python"}, `,"keywords":["Machine learning, applied","python"]`},
		{"one tag", []string{"go"}, `,"keywords":["go"]`},
		{"only blank tags", []string{"", "\t"}, ``},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := jsonld.Marshal(&talk.Talk{ID: "t", Tags: tt.tags, Event: talk.Event{ID: "ev"}}, jsonld.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/ev/t#talk"` + tt.want +
				`,"superEvent":{"@type":"Event","@id":"/ev#event"}}]}` + "\n"
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestURLEscapes writes an address with a space or a "%" that starts no
// escape escaped, as the citation formats and iCalendar write it, where
// it left every such address out as no web address at all (and said of
// the thumbnail that the talk had none).
func TestURLEscapes(t *testing.T) {
	tk := &talk.Talk{
		ID: "t", Title: "T", Thumbnail: "https://x.org/t%zz.jpg", License: "https://x.org/licence 100%",
		Links:    []talk.Link{{URL: "https://x.org/100%"}},
		Videos:   []talk.Video{{URL: "https://x.org/v%zz.mp4", Provider: talk.File}},
		Speakers: []talk.Speaker{{Name: "A", Homepage: "https://x.org/h%zz", Accounts: []talk.Account{{URL: "https://x.org/%41 b"}}}},
		Event:    talk.Event{ID: "e", URL: "https://x.org/e%zz"},
	}
	got, warnings, err := jsonld.Marshal(tk, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/e/t#talk","name":"T","url":"https://x.org/100%25",` +
		`"image":"https://x.org/t%25zz.jpg","eventStatus":"https://schema.org/EventScheduled","performer":[{"@type":"Person","@id":"/speakers/a#person","name":"A",` +
		`"sameAs":["https://x.org/h%25zz","https://x.org/%41%20b"]}],"superEvent":{"@type":"Event","@id":"/e#event","url":"https://x.org/e%25zz"}},` +
		`{"@type":"VideoObject","@id":"/e/t#video-1","name":"T","thumbnailUrl":"https://x.org/t%25zz.jpg","contentUrl":"https://x.org/v%25zz.mp4",` +
		`"license":"https://x.org/licence%20100%25","author":[{"@id":"/speakers/a#person"}],"recordedAt":{"@id":"/e/t#talk"}}]}` + "\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]jsonld.Warning{{Node: "/e/t#video-1", Property: "uploadDate", Reason: "the talk has no recorded date"}}, warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// TestTalkURLFirstWebLink: the talk's url is its first link that is a
// web address, as iCalendar's URL is; a relative first link (a schedule
// without a base_url) or a javascript: one left the talk without one.
func TestTalkURLFirstWebLink(t *testing.T) {
	tk := &talk.Talk{ID: "t", Title: "T", Event: talk.Event{ID: "e"}, Links: []talk.Link{
		{URL: "/talks/t"}, {URL: "javascript:alert(1)"}, {URL: "https://x.org/talks/t"}, {URL: "https://x.org/other"}}}
	got, _, err := jsonld.Marshal(tk, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/e/t#talk","name":"T","url":"https://x.org/talks/t",` +
		`"superEvent":{"@type":"Event","@id":"/e#event"}}]}` + "\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParts pins the graph of a lightning-talk block: its parts, which
// the graph left out, with their speakers, dates and languages, are
// subEvents of the block with @ids within its own; a language that is no
// BCP 47 tag, which readers keep as the source wrote it, is left out
// with a warning naming the node, rather than written as "inLanguage";
// and the block's thumbnail is its image, as Google recommends for an
// Event, where only its recordings had it.
func TestParts(t *testing.T) {
	tk := &talk.Talk{
		ID: "lightning", Title: "Lightning talks", Kind: "lightning_talk", Language: "English",
		Thumbnail: "https://media.example/lightning.jpg",
		Recorded:  talk.MustParseDate("2025-09-20T17:00:00"), Duration: mustDuration(t, "PT45M"),
		Event: talk.Event{ID: "kaigi-2025", Title: "Kaigi 2025", TimeZone: "Asia/Tokyo"},
		Parts: []talk.Talk{
			{Title: "型のある日常", Language: "ja", Speakers: []talk.Speaker{{Name: "山田 花子"}}, Duration: mustDuration(t, "PT5M")},
			{
				Title: "Panel <!-- of two -->", Language: "xx-invalid-tag", Recorded: talk.MustParseDate("2025-09-20T17:05:00"),
				Speakers: []talk.Speaker{{Name: ""}, {Name: "Ada", Slug: "ada"}},
				Parts:    []talk.Talk{{Title: "Ada's part", Speakers: []talk.Speaker{{Name: "Ada", Slug: "ada"}}, Tags: []string{"go"}}},
			},
		},
		Videos: []talk.Video{
			{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=abc", ID: "abc"},
			{Provider: talk.File, URL: "https://media.example/lightning.ja.mp4", Language: "Japanese"},
		},
	}
	got, warnings, err := jsonld.Marshal(tk, jsonld.Options{BaseURL: "https://talks.example.org", Indent: "  "})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		got = append(got, "warning: "+w.String()+"\n"...)
	}
	checkGolden(t, "parts.jsonld", got)
}

func mustDuration(t *testing.T, s string) talk.Duration {
	t.Helper()
	d, err := talk.ParseDuration(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestHandWritten pins the graphs of hand-written records: ORCID iDs
// written as addresses, bare or not iDs at all (which gave
// "https://orcid.org/http://orcid.org/..." and addresses with spaces in
// sameAs), a talk known by its year alone (a startDate, but no
// uploadDate, which must be a day: it is left out with a warning saying
// why), and a speaker with a slug but no name, who is no performer in
// the talk's graph and was referred to in the event's and speaker's.
func TestHandWritten(t *testing.T) {
	speakers := []talk.Speaker{
		{Name: "Ada", ORCID: "http://orcid.org/0000-0002-1825-0097"},
		{Name: "Grace", ORCID: "000000021694233x"},
		{Name: "Edsger", ORCID: "https://www.orcid.org/0000-0001-5109-3700/"},
		{Name: "Barbara", ORCID: "see https://example.org/profile <b>"},
		{Name: "", Slug: "anonymous"},
	}
	tk := &talk.Talk{
		ID: "t", Title: "Old talk", Recorded: talk.MustParseDate("1968"), Speakers: speakers,
		Event:  talk.Event{ID: "nato-1968", Title: "NATO Software Engineering Conference"},
		Videos: []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=x", ID: "x"}},
	}
	opt := jsonld.Options{Indent: "  "}
	var b bytes.Buffer
	warnings, err := jsonld.Write(&b, tk, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		b.WriteString("warning: " + w.String() + "\n")
	}
	if err := jsonld.WriteEvent(&b, &tk.Event, []*talk.Talk{tk}, opt); err != nil {
		t.Fatal(err)
	}
	if err := jsonld.WriteSpeaker(&b, &speakers[0], []*talk.Talk{tk}, opt); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "hand-written.jsonld", b.Bytes())
}

// TestRecordingAddress: Google's VideoObject wants a player (embedUrl)
// or the media (contentUrl). A PeerTube recording's player is derived
// from its watch page, as YouTube's and Vimeo's are from their IDs; a
// recording with neither, whose node has at most its page as url, gets
// a warning saying what the record lacks. A thumbnail that is a path on
// the site is no thumbnailUrl, and the warning says so, where it said
// the talk had none.
func TestRecordingAddress(t *testing.T) {
	tk := &talk.Talk{
		ID: "t", Title: "T", Recorded: talk.MustParseDate("2024-05-01"), Thumbnail: "/thumbnails/t.jpg",
		Event: talk.Event{ID: "ev"},
		Videos: []talk.Video{
			{Provider: talk.PeerTube, URL: "https://tube.example/w/9c9de5e8-0a1e-484a-b099-e80766180a6d"},
			{Provider: talk.PeerTube, URL: "https://tube.example/videos/watch/abc%2Fdef"},
			{Provider: talk.PeerTube, URL: "https://tube.example/w/p/playlist"},
			{Provider: "media.ccc.de", URL: "https://media.ccc.de/v/talk"},
			{Provider: talk.YouTube, ID: "x"},
		},
	}
	got, warnings, err := jsonld.Marshal(tk, jsonld.Options{Indent: "  "})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		got = append(got, "warning: "+w.String()+"\n"...)
	}
	checkGolden(t, "recording-address.jsonld", got)
}

// TestIndentNotSpace: an Indent that is not white space, which
// json.Indent wrote between the tokens as it was ("</script>" and all),
// is an error for every graph, which writes nothing.
func TestIndentNotSpace(t *testing.T) {
	opt := jsonld.Options{Indent: "</script>"}
	tk := &talk.Talk{ID: "t", Title: "T"}
	var b bytes.Buffer
	_, werr := jsonld.Write(&b, tk, opt)
	_, _, merr := jsonld.Marshal(tk, opt)
	eerr := jsonld.WriteEvent(&b, &tk.Event, []*talk.Talk{tk}, opt)
	_, serr := jsonld.MarshalSpeaker(&talk.Speaker{Name: "A"}, nil, opt)
	var got []string
	for _, err := range []error{werr, merr, eerr, serr} {
		var ie *jsonld.IndentError
		if !errors.As(err, &ie) {
			t.Errorf("error %v is no *IndentError", err)
			continue
		}
		got = append(got, err.Error())
	}
	want := `jsonld: Options.Indent "</script>" is not spaces and tabs`
	if diff := cmp.Diff([]string{want, want, want, want}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
	if _, _, err := jsonld.Marshal(tk, jsonld.Options{Indent: " \t"}); err != nil {
		t.Errorf("white space: %v", err)
	}
}

// TestPlayerStart: a recording whose address starts within the video
// (a talk of a day's stream, a part of a block linked at its cue) had a
// player made from the video's ID alone, which starts the stream at its
// beginning; its embedUrl now starts where its address does, in the
// player's own form. An address with a time that is none is played
// from the start, as before.
func TestPlayerStart(t *testing.T) {
	tk := &talk.Talk{
		ID: "t", Title: "T", Recorded: talk.MustParseDate("2024-05-01"), Thumbnail: "https://media.example/t.jpg",
		Event: talk.Event{ID: "ev"},
		Videos: []talk.Video{
			{Provider: talk.YouTube, ID: "day1", URL: "https://www.youtube.com/watch?v=day1&t=3600"},
			{Provider: talk.YouTube, ID: "day1", URL: "https://youtu.be/day1?t=1h2m3s"},
			{Provider: talk.YouTube, ID: "day1", URL: "https://www.youtube.com/embed/day1?start=90"},
			{Provider: talk.YouTube, ID: "day1", URL: "https://www.youtube.com/watch?v=day1&t=soon"},
			{Provider: talk.Vimeo, ID: "123", URL: "https://vimeo.com/123#t=90"},
			{Provider: talk.Vimeo, ID: "123", URL: "https://vimeo.com/123#t=2m5s"},
			{Provider: talk.File, URL: "https://media.example/day1.mp4#t=90"},
			{Provider: talk.PeerTube, URL: "https://tube.example/w/9c9de5e8?start=1m30s"},
		},
	}
	got, _, err := jsonld.Marshal(tk, jsonld.Options{Indent: "  "})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "player-start.jsonld", got)
}

// TestSpeakerOfParts: a speaker page lists the block a speaker gave a
// lightning talk in, and the speaker's graph made them performerIn the
// block, whose own graph lists other performers; it now names the parts
// they performed in, by the @ids the block's graph gives them, each part
// of the block, or of a part, as its superEvent (a part they perform in standing for
// its own parts), and the block for its own speaker. A speaker with no
// slug ("🎤") cannot be told from another without one ("🎸"), so their
// page names the block, not another's part.
func TestSpeakerOfParts(t *testing.T) {
	block := &talk.Talk{
		ID: "lightning", Title: "Lightning talks", Recorded: talk.MustParseDate("2025-09-20T17:00:00"),
		Speakers: []talk.Speaker{{Name: "Host", Slug: "host"}},
		Event:    talk.Event{ID: "kaigi-2025", TimeZone: "Asia/Tokyo"},
		Parts: []talk.Talk{
			{Title: "型のある日常", Speakers: []talk.Speaker{{Name: "山田 花子"}}},
			{
				Title: "Panel", Recorded: talk.MustParseDate("2025-09-20T17:05:00"),
				Speakers: []talk.Speaker{{Name: "Ada", Slug: "ada"}},
				Parts:    []talk.Talk{{Title: "Ada's part", Speakers: []talk.Speaker{{Name: "Ada", Slug: "ada"}}}},
			},
			{Title: "Grace", Parts: []talk.Talk{{Title: "Grace's part", Speakers: []talk.Speaker{{Accounts: []talk.Account{{Handle: "ghopper"}}}}}}},
			{Title: "Guitar", Speakers: []talk.Speaker{{Name: "🎸"}}},
		},
	}
	opt := jsonld.Options{BaseURL: "https://talks.example.org", Indent: "  "}
	var got []byte
	for _, s := range []*talk.Speaker{{Name: "Ada", Slug: "ada"}, {Accounts: []talk.Account{{Handle: "@ghopper"}}}, {Name: "Host", Slug: "host"}, {Name: "Nobody"}, {Name: "🎤"}} {
		b, err := jsonld.MarshalSpeaker(s, []*talk.Talk{block}, opt)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, b...)
	}
	checkGolden(t, "speaker-of-parts.jsonld", got)
}

// TestPartEndDate: a part (a lightning talk of a block) whose start is a
// date-time and whose duration is known ends at the sum, as the talk
// does, in the event's zone, where it had a startDate and a duration
// but no endDate, which Google recommends for an Event.
func TestPartEndDate(t *testing.T) {
	tk := &talk.Talk{
		ID: "b", Event: talk.Event{ID: "ev", TimeZone: "Europe/Berlin"},
		Parts: []talk.Talk{
			{Recorded: talk.MustParseDate("2025-03-30T01:55:00"), Duration: mustDuration(t, "PT10M")},
			{Recorded: talk.MustParseDate("2025-03-30T03:10:00+02:00"), Duration: mustDuration(t, "PT5M"),
				Parts: []talk.Talk{{Recorded: talk.MustParseDate("2025-03-30T03:12:00"), Duration: mustDuration(t, "PT1M")}}},
			{Recorded: talk.MustParseDate("2025-03-30"), Duration: mustDuration(t, "PT5M")},
		},
	}
	got, _, err := jsonld.Marshal(tk, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/ev/b#talk","subEvent":[` +
		`{"@type":"Event","@id":"/ev/b#part-1","startDate":"2025-03-30T01:55:00+01:00","endDate":"2025-03-30T03:05:00+02:00","duration":"PT10M"},` +
		`{"@type":"Event","@id":"/ev/b#part-2","startDate":"2025-03-30T03:10:00+02:00","endDate":"2025-03-30T03:15:00+02:00","duration":"PT5M","subEvent":[` +
		`{"@type":"Event","@id":"/ev/b#part-2.1","startDate":"2025-03-30T03:12:00+02:00","endDate":"2025-03-30T03:13:00+02:00","duration":"PT1M"}]},` +
		`{"@type":"Event","@id":"/ev/b#part-3","startDate":"2025-03-30","duration":"PT5M"}],` +
		`"superEvent":{"@type":"Event","@id":"/ev#event"}}]}` + "\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestManySpeakersOneBlank: a talk with more than four speakers, one of
// them without a name past the fourth, panicked writing its recording's
// authors (index out of range): the nameless speaker's @id was not kept,
// so those after it were looked for one place further on. Each author
// is now the performer of the same place.
func TestManySpeakersOneBlank(t *testing.T) {
	tk := &talk.Talk{
		ID: "p", Title: "Panel", Recorded: talk.MustParseDate("2024-05-01"), Event: talk.Event{ID: "ev"},
		Speakers: []talk.Speaker{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}, {Name: " "}, {Name: "F"},
			{Accounts: []talk.Account{{Service: "github", Handle: "g"}}}},
		Videos: []talk.Video{{Provider: talk.YouTube, ID: "x"}},
	}
	got, _, err := jsonld.Marshal(tk, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var people, authors string
	for _, s := range []string{"a", "b", "c", "d", "f", "g"} {
		name := strings.ToUpper(s)
		if s == "g" {
			name = "@g"
		}
		people += `,{"@type":"Person","@id":"/speakers/` + s + `#person","name":"` + name + `"}`
		authors += `,{"@id":"/speakers/` + s + `#person"}`
	}
	want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/ev/p#talk","name":"Panel","startDate":"2024-05-01",` +
		`"eventStatus":"https://schema.org/EventScheduled","performer":[` + people[1:] + `],"superEvent":{"@type":"Event","@id":"/ev#event"}},` +
		`{"@type":"VideoObject","@id":"/ev/p#video-1","name":"Panel","thumbnailUrl":"https://i.ytimg.com/vi/x/hqdefault.jpg","uploadDate":"2024-05-01",` +
		`"embedUrl":"https://www.youtube-nocookie.com/embed/x","author":[` + authors[1:] + `],"recordedAt":{"@id":"/ev/p#talk"}}]}` + "\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestClips: a block recorded in one video, whose parts' recordings are
// that video at their cues, had the cues in no graph; the block's
// VideoObject now lists them as Clips, Google's key moments: a part at
// the video's start among cued ones, a part's own duration as its end,
// none for a part without a title, a part without an address of its own
// (Google wants a clip's url), a recording elsewhere (a PeerTube video
// with no ID is the block's only at the block's address), or a video
// whose parts give no times at all.
func TestClips(t *testing.T) {
	tk := &talk.Talk{
		ID: "lightning", Title: "Lightning talks", Recorded: talk.MustParseDate("2024-05-01"),
		Thumbnail: "https://media.example/l.jpg", Event: talk.Event{ID: "ev"},
		Videos: []talk.Video{
			{Provider: talk.YouTube, ID: "blk", URL: "https://www.youtube.com/watch?v=blk"},
			{Provider: talk.File, URL: "https://media.example/blk.mp4"},
			{Provider: talk.Vimeo, ID: "77", URL: "https://vimeo.com/77"},
			{Provider: talk.PeerTube, URL: "https://tube.example/w/blk"},
		},
		Parts: []talk.Talk{
			{Title: "First", Duration: mustDuration(t, "PT4M30S"), Videos: []talk.Video{{Provider: talk.YouTube, ID: "blk", URL: "https://www.youtube.com/watch?v=blk"}}},
			{Title: "Second <b>", Duration: mustDuration(t, "PT5M"), Videos: []talk.Video{
				{Provider: talk.YouTube, ID: "own", URL: "https://www.youtube.com/watch?v=own"},
				{Provider: talk.YouTube, ID: "blk", URL: "https://youtu.be/blk?t=5m"},
				{Provider: talk.File, URL: "https://media.example/blk.mp4#t=300"},
			}},
			{Title: "Third", Videos: []talk.Video{{Provider: talk.YouTube, ID: "blk", URL: "https://www.youtube.com/watch?v=blk&t=600"}}},
			{Title: " ", Videos: []talk.Video{{Provider: talk.YouTube, ID: "blk", URL: "https://www.youtube.com/watch?v=blk&t=900"}}},
			{Title: "Elsewhere", Videos: []talk.Video{{Provider: talk.Vimeo, ID: "77", URL: "https://vimeo.com/77"}}},
			{Title: "No address", Videos: []talk.Video{{Provider: talk.YouTube, ID: "blk"}}},
			{Title: "Another PeerTube video", Videos: []talk.Video{{Provider: talk.PeerTube, URL: "https://tube.example/w/other?start=60"}}},
		},
	}
	got, _, err := jsonld.Marshal(tk, jsonld.Options{Indent: "  "})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "clips.jsonld", got)
}

// TestHandMadeLanguage: a language a program makes by hand, not in the
// canonical form the readers give ("pt_BR", "iw", "eng"), is written in
// it, the BCP 47 tag schema.org wants.
func TestHandMadeLanguage(t *testing.T) {
	tk := &talk.Talk{
		ID: "hand", Title: "Introdução", Language: "pt_BR", Event: talk.Event{ID: "e"},
		Videos: []talk.Video{{Provider: talk.YouTube, ID: "x", URL: "https://www.youtube.com/watch?v=x", Language: "EN-us"}},
		Parts:  []talk.Talk{{Title: "מבוא", Language: "iw"}, {Title: "Intro", Language: "eng"}},
	}
	got, _, err := jsonld.Marshal(tk, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var languages []string
	for _, m := range regexp.MustCompile(`"inLanguage":"([^"]*)"`).FindAllSubmatch(got, -1) {
		languages = append(languages, string(m[1]))
	}
	if diff := cmp.Diff([]string{"pt-BR", "he", "en", "en-US"}, languages); diff != "" {
		t.Errorf("inLanguage in the order written (-want +got):\n%s\n%s", diff, got)
	}
}

// TestRoomWithoutVenue: a place known by its room alone is named by it,
// with no ", " left over from the venue it lacks.
func TestRoomWithoutVenue(t *testing.T) {
	got, _, err := jsonld.Marshal(&talk.Talk{ID: "t", Place: talk.Place{Room: "Room 101", City: "Lyon"}}, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/t#talk","location":{"@type":"Place","name":"Room 101",` +
		`"address":{"@type":"PostalAddress","addressLocality":"Lyon"}}}]}` + "\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestYearZeroInZone: a talk early on 0000-01-01 in UTC is in year -1 on
// the clocks of New York, which ISO 8601's four digits cannot say, so
// its times are written as the source gave them; so is a local mean time
// whose instant in UTC is in year -1 (Tokyo's, 9:18:59 ahead). A talk at
// 02:00 UTC on 0001-01-01 at an event five hours behind UTC is at 21:00
// on 31 December 0000 on its clocks, which four digits hold and its page
// shows: the graph gave the source's time for any year before 0001,
// where talk.Date.In, which the pages use, moves a time into year 0000.
func TestYearZeroInZone(t *testing.T) {
	for _, tt := range []struct{ zone, recorded, start, end string }{
		{"America/New_York", "0000-01-01T02:00:00Z", "0000-01-01T02:00:00Z", "0000-01-01T03:00:00Z"},
		{"Etc/GMT+5", "0001-01-01T02:00:00Z", "0000-12-31T21:00:00-05:00", "0000-12-31T22:00:00-05:00"},
		{"Etc/GMT-14", "0000-01-01T00:10:00Z", "0000-01-01T14:10:00+14:00", "0000-01-01T15:10:00+14:00"},
		{"Asia/Tokyo", "0000-01-01T00:30:00+01:00", "0000-01-01T00:30:00+01:00", "0000-01-01T01:30:00+01:00"},
	} {
		tk := &talk.Talk{ID: "t", Recorded: talk.MustParseDate(tt.recorded), Duration: talk.Duration(time.Hour),
			Event: talk.Event{ID: "e", TimeZone: tt.zone}}
		got, _, err := jsonld.Marshal(tk, jsonld.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/e/t#talk","startDate":"` + tt.start + `",` +
			`"endDate":"` + tt.end + `","duration":"PT1H","eventStatus":"https://schema.org/EventScheduled",` +
			`"superEvent":{"@type":"Event","@id":"/e#event"}}]}` + "\n"
		if diff := cmp.Diff(want, string(got)); diff != "" {
			t.Errorf("%s in %s (-want +got):\n%s", tt.recorded, tt.zone, diff)
		}
	}
}

// TestVideoLanguageWarnedOnce: a recording in the talk's own language,
// which is no language tag, costs one warning, the talk's, not another
// for each video.
func TestVideoLanguageWarnedOnce(t *testing.T) {
	tk := &talk.Talk{ID: "t", Title: "T", Recorded: talk.MustParseDate("2024-05-01"), Language: "english",
		Videos: []talk.Video{{Provider: talk.YouTube, ID: "x", URL: "https://www.youtube.com/watch?v=x", Language: "english"}}}
	_, warnings, err := jsonld.Marshal(tk, jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []jsonld.Warning{{Node: "/t#talk", Property: "inLanguage",
		Reason: `"english" is not a BCP 47 language tag, such as "en" or "pt-BR"`}}
	if diff := cmp.Diff(want, warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// TestLocalMeanTime: before its zone's standard time New York's clocks
// were 4:56:02 behind UTC, an offset RFC 3339 cannot write, for it
// counts in minutes; written "-04:56", a talk's times were two seconds
// off. They are written in UTC, as talk.DateTimeOf and the HTML pages
// write them.
func TestLocalMeanTime(t *testing.T) {
	for _, tt := range []struct{ recorded, start, end string }{
		{"1850-06-01T12:00:00Z", "1850-06-01T12:00:00Z", "1850-06-01T13:00:00Z"},
		{"1850-06-01T12:00:00", "1850-06-01T16:56:02Z", "1850-06-01T17:56:02Z"},
		// In the zone's standard time the event's offset is kept.
		{"1900-06-01T12:00:00Z", "1900-06-01T07:00:00-05:00", "1900-06-01T08:00:00-05:00"},
	} {
		tk := &talk.Talk{ID: "t", Recorded: talk.MustParseDate(tt.recorded), Duration: talk.Duration(time.Hour),
			Event: talk.Event{ID: "e", TimeZone: "America/New_York", Start: talk.MustParseDate(tt.recorded)}}
		got, _, err := jsonld.Marshal(tk, jsonld.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/e/t#talk",` +
			`"startDate":"` + tt.start + `","endDate":"` + tt.end + `","duration":"PT1H","eventStatus":"https://schema.org/EventScheduled",` +
			`"superEvent":{"@type":"Event","@id":"/e#event","startDate":"` + tt.start + `"}}]}` + "\n"
		if diff := cmp.Diff(want, string(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.recorded, diff)
		}
	}
}

// TestPageText: an event's and a speaker's page graph trims the white
// space around the description and the bio, as a talk's does, and gives
// mainEntityOfPage only an absolute web address.
func TestPageText(t *testing.T) {
	opt := jsonld.Options{PageURL: "/relative/page.html"}
	ev, err := jsonld.MarshalEvent(&talk.Event{ID: "e", Description: "\n  About the event.\n"}, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := jsonld.MarshalSpeaker(&talk.Speaker{Name: "Ada", Bio: " Analyst.\n\n"}, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"/e#event","description":"About the event."}]}` + "\n" +
		`{"@context":"https://schema.org","@graph":[{"@type":"Person","@id":"/speakers/ada#person","name":"Ada","description":"Analyst."}]}` + "\n"
	if diff := cmp.Diff(want, string(ev)+string(sp)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

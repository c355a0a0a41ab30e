package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
)

// euskalduna is an event's place, as schedules give it.
var euskalduna = talk.Place{Venue: "Euskalduna Conference Centre", City: "Bilbao", Country: "Spain"}

// factsTalk is a talk with the facts schedules give: a kind, a track and
// a room at its event's place.
func factsTalk() *talk.Talk {
	return &talk.Talk{
		ID: "keynote", Title: "Python en la ciencia", Kind: "keynote", Track: "Ciencia",
		Language: "es", Place: talk.Place{Room: "A1"},
		Recorded: talk.MustParseDate("2016-07-18T09:15:00+02:00"), Duration: talk.Duration(45 * 60e9),
		Speakers: []talk.Speaker{{Name: "Ada Lovelace"}},
		Event:    talk.Event{ID: "europython-2016", Title: "EuroPython 2016", Place: euskalduna},
	}
}

// TestFactsPages pins the page of a talk with a kind, a track and a room,
// and an event page that lists it beside a plain talk.
func TestFactsPages(t *testing.T) {
	tk := factsTalk()
	plain := &talk.Talk{ID: "plain", Title: "A plain talk", Kind: "talk", Track: "Web",
		Event: tk.Event, Place: talk.Place{Room: "A2"}}
	var r html.Renderer
	var b bytes.Buffer
	if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "facts.html", b.Bytes())
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
	comparePages(t, pagePairs(t), "facts talk", tk)
	b.Reset()
	if err := r.WriteEvent(&b, &tk.Event, []*talk.Talk{tk, plain}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "facts-event.html", b.Bytes())
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
}

// TestFacts shows a talk's place, kind and track in its page's facts: the
// talk's room within its event's place, or the talk's own place whole
// when it gives more than a room, as its JSON-LD's location; the kind in
// words, in the page's language; the track in the talk's, as its tags.
func TestFacts(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(tk *talk.Talk)
		facts string // the facts list's items, but Date and Duration
	}{
		{"room at the event's place", func(*talk.Talk) {},
			`<dt>Place</dt><dd dir="auto">A1, Euskalduna Conference Centre, Bilbao, Spain</dd>` +
				`<dt>Type</dt><dd>Keynote</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia</dd><dt>Language</dt><dd>Spanish</dd>`},
		{"away from the event's place", func(tk *talk.Talk) {
			tk.Place = talk.Place{Venue: "Bizkaia Aretoa", Room: "Mitxelena", City: "Bilbao"}
		}, `<dt>Place</dt><dd dir="auto">Mitxelena, Bizkaia Aretoa, Bilbao</dd>` +
			`<dt>Type</dt><dd>Keynote</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia</dd><dt>Language</dt><dd>Spanish</dd>`},
		{"no room", func(tk *talk.Talk) { tk.Place = talk.Place{} },
			`<dt>Place</dt><dd dir="auto">Euskalduna Conference Centre, Bilbao, Spain</dd>` +
				`<dt>Type</dt><dd>Keynote</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia</dd><dt>Language</dt><dd>Spanish</dd>`},
		{"a room only", func(tk *talk.Talk) { tk.Event.Place = talk.Place{}; tk.Place.Room = " A1\t" },
			`<dt>Place</dt><dd dir="auto">A1</dd>` +
				`<dt>Type</dt><dd>Keynote</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia</dd><dt>Language</dt><dd>Spanish</dd>`},
		{"a city only", func(tk *talk.Talk) { tk.Place = talk.Place{}; tk.Event.Place = talk.Place{City: "Bilbao", Region: " "} },
			`<dt>Place</dt><dd dir="auto">Bilbao</dd>` +
				`<dt>Type</dt><dd>Keynote</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia</dd><dt>Language</dt><dd>Spanish</dd>`},
		{"nothing", func(tk *talk.Talk) {
			tk.Place, tk.Event.Place, tk.Kind, tk.Track, tk.Language = talk.Place{}, talk.Place{}, " ", "\t", ""
		}, noFacts},
		{"a kind of two words, no language", func(tk *talk.Talk) { tk.Kind, tk.Language, tk.Place = "lightning_talk", "", talk.Place{} },
			`<dt>Place</dt><dd dir="auto">Euskalduna Conference Centre, Bilbao, Spain</dd>` +
				`<dt>Type</dt><dd>Lightning talk</dd><dt>Track</dt><dd dir="auto">Ciencia</dd>`},
		{"a schedule's own kind", func(tk *talk.Talk) { tk.Kind, tk.Track = "hands-on_workshop", " Ciencia & datos " },
			`<dt>Place</dt><dd dir="auto">A1, Euskalduna Conference Centre, Bilbao, Spain</dd>` +
				`<dt>Type</dt><dd>Hands-on workshop</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia &amp; datos</dd><dt>Language</dt><dd>Spanish</dd>`},
		{"a kind that starts with a non-ASCII letter", func(tk *talk.Talk) { tk.Kind = "émission_<live>" },
			`<dt>Place</dt><dd dir="auto">A1, Euskalduna Conference Centre, Bilbao, Spain</dd>` +
				`<dt>Type</dt><dd>Émission &lt;live&gt;</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia</dd><dt>Language</dt><dd>Spanish</dd>`},
		// Title case, not upper case: a Georgian word keeps its first
		// letter, and a digraph is in title case.
		{"a Georgian kind", func(tk *talk.Talk) { tk.Kind = "მოხსენება" },
			`<dt>Place</dt><dd dir="auto">A1, Euskalduna Conference Centre, Bilbao, Spain</dd>` +
				`<dt>Type</dt><dd>მოხსენება</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia</dd><dt>Language</dt><dd>Spanish</dd>`},
		{"a kind that starts with a digraph", func(tk *talk.Talk) { tk.Kind = "ǆemo_day" },
			`<dt>Place</dt><dd dir="auto">A1, Euskalduna Conference Centre, Bilbao, Spain</dd>` +
				`<dt>Type</dt><dd>ǅemo day</dd><dt>Track</dt><dd lang="es" dir="ltr">Ciencia</dd><dt>Language</dt><dd>Spanish</dd>`},
		{"right to left", func(tk *talk.Talk) { tk.Language, tk.Track, tk.Title = "ar", "علوم", "علوم البيانات" },
			`<dt>Place</dt><dd dir="auto">A1, Euskalduna Conference Centre, Bilbao, Spain</dd>` +
				`<dt>Type</dt><dd>Keynote</dd><dt>Track</dt><dd lang="ar" dir="rtl">علوم</dd><dt>Language</dt><dd>Arabic</dd>`},
	}
	pairs := pagePairs(t)
	var r html.Renderer
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := factsTalk()
			tk.Recorded, tk.Duration = talk.Date{}, 0
			tt.edit(tk)
			var b bytes.Buffer
			if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
				t.Fatal(err)
			}
			if got := factsOf(t, b.String()); got != tt.facts {
				t.Errorf("facts\n%s\nwant\n%s", got, tt.facts)
			}
			comparePages(t, pairs, tt.name, tk)
		})
	}
}

// factsOf returns the items of a talk page's facts list, without the
// line breaks between them, or noFacts for a page without one.
func factsOf(t *testing.T, page string) string {
	t.Helper()
	_, facts, ok := strings.Cut(page, `<dl class="facts">`)
	if !ok && !strings.Contains(page, "</dl>") {
		return noFacts
	}
	facts, _, ok2 := strings.Cut(facts, `</dl>`)
	if !ok || !ok2 {
		t.Fatalf("no whole facts list:\n%s", page)
	}
	return strings.ReplaceAll(facts, "\n", "")
}

// noFacts is factsOf a page without a facts list, which a talk page has
// when it has no facts to list: an empty list says nothing.
const noFacts = "(no list)"

// TestKindsInLists names a talk's kind in lists of talks, but for a
// plain talk, which most are.
func TestKindsInLists(t *testing.T) {
	var r html.Renderer
	for kind, want := range map[string]string{
		"keynote":        "<span>Keynote</span>",
		"lightning_talk": "<span>Lightning talk</span>",
		"talk":           "",
		" Talk ":         "",
		"":               "",
	} {
		tk := factsTalk()
		tk.Kind, tk.Recorded, tk.Duration = kind, talk.Date{}, 0
		var b bytes.Buffer
		if err := r.WriteSpeaker(&b, &tk.Speakers[0], []*talk.Talk{tk}, html.PageOptions{}); err != nil {
			t.Fatal(err)
		}
		_, meta, _ := strings.Cut(b.String(), `<p class="meta">`)
		meta, _, _ = strings.Cut(meta, "</p>")
		if want = `<span dir="auto"><a href="/events/europython-2016.html">EuroPython 2016</a></span>` + want; meta != want {
			t.Errorf("kind %q: the list's meta is %q, want %q", kind, meta, want)
		}
	}
}

package html_test

import (
	"bytes"
	htmltemplate "html/template"
	"regexp"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
)

// oddTalks are talks with the fields real records and schedules get
// odd, by the name of their page's golden file.
func oddTalks() map[string]*talk.Talk {
	return map[string]*talk.Talk{
		// No title, blank speakers, a recording with a player, one
		// without and a file.
		"odd-untitled.html": {
			ID: "untitled", Event: talk.Event{ID: "e", Title: "E"},
			Speakers: []talk.Speaker{{Name: ""}, {Name: "  "}, {Name: "Ada"}, {Name: "\t"}},
			Videos: []talk.Video{
				{Provider: talk.YouTube, ID: "abc", URL: "https://www.youtube.com/watch?v=abc"},
				{Provider: talk.PeerTube, URL: "https://tube.example/w/xyz"},
				{Provider: talk.File, URL: "https://media.example/u.mp4"},
			},
		},
		// A date-time and a duration to the nanosecond, which talkmeta's
		// JSON can hold and a datetime attribute cannot.
		"odd-nanoseconds.html": {
			ID: "ns", Title: "Nanoseconds", Event: talk.Event{ID: "e", Title: "E"},
			Recorded: talk.MustParseDate("2024-06-01T10:00:00.123456789+02:00"),
			Duration: talk.Duration(1508*time.Second + 120456789),
		},
		"odd-microsecond.html": {
			ID: "us", Title: "A microsecond",
			Recorded: talk.MustParseDate("2024-06-01T10:00:00.000001"),
			Duration: talk.Duration(60*time.Second + 1000),
		},
		// Several recordings: each player and link is told from the
		// others by its number among those shown (the one without a
		// web address is not) and by its language where it is not the
		// talk's.
		"odd-recordings.html": {
			ID: "recs", Title: "Recordings", Language: "en", Event: talk.Event{ID: "e", Title: "E"},
			Videos: []talk.Video{
				{Provider: talk.YouTube, ID: "abc", URL: "https://www.youtube.com/watch?v=abc"},
				{Provider: talk.YouTube, ID: "def", URL: "https://www.youtube.com/watch?v=def", Language: "de"},
				{Provider: talk.PeerTube, URL: "videos/ghi"},
				{Provider: talk.PeerTube, URL: "https://tube.example/w/ghi", Language: "EN"},
				{Provider: talk.File, URL: "https://media.example/recs.webm", Language: "fr"},
				{Provider: talk.YouTube, URL: "https://www.youtube.com/playlist?list=x"},
				{Provider: talk.ArchiveOrg, URL: "https://archive.org/details/recs"},
				{Provider: "bilibili", URL: "https://www.bilibili.com/video/BV1"},
				{Provider: " ", URL: "https://example.org/recs"},
			},
		},
		// A talk that says why it has no recording, with a still.
		"odd-not-recorded.html": {
			ID: "nr", Title: "Not recorded", Event: talk.Event{ID: "e", Title: "E"},
			Recording: talk.NotRecorded, Thumbnail: "https://img.example/nr.jpg",
		},
		// A lightning-talk block, as RubyEvents and hand-written
		// records give one: no speakers of its own, its talks in Parts,
		// one in Arabic, one in Japanese, one untitled, one with talks
		// of its own.
		"odd-parts.html": {
			ID: "lt", Title: "Lightning Talks", Kind: "lightning_talk", Language: "en",
			Event:    talk.Event{ID: "e", Title: "E"},
			Recorded: talk.MustParseDate("2025-04-17"), Duration: talk.Duration(45 * time.Minute),
			Parts: []talk.Talk{
				{Title: "Nanoseconds", Kind: "lightning_talk", Speakers: []talk.Speaker{{Name: "Grace Hopper"}}, Duration: talk.Duration(5 * time.Minute)},
				{Title: "مقدمة إلى روبي", Language: "ar", Kind: "talk", Speakers: []talk.Speaker{{Name: "سارة"}, {Name: "Ada", Slug: "ada"}}},
				{Title: "はじめてのGem", Language: "ja", Recorded: talk.MustParseDate("2025-04-17T17:05:00+09:00")},
				{Title: " ", Speakers: []talk.Speaker{{Name: " "}}},
				{Title: "A panel", Kind: "panel", Parts: []talk.Talk{{Title: "Opening <remarks>", Speakers: []talk.Speaker{{Name: "Alan & co"}}}}},
			},
		},
		// Talks within a longer stream: the players start where the
		// recordings' addresses do, as RubyEvents' cues link them.
		"odd-player-start.html": {
			ID: "ps", Title: "Within a stream", Event: talk.Event{ID: "e", Title: "E"},
			Videos: []talk.Video{
				{Provider: talk.YouTube, ID: "m28fiN9y_r8", URL: "https://www.youtube.com/watch?v=m28fiN9y_r8&t=1h2m3s"},
				{Provider: talk.Vimeo, ID: "76979871", URL: "https://vimeo.com/76979871#t=90"},
				{Provider: talk.YouTube, ID: "ZfgeENJxj3A", URL: "https://www.youtube.com/watch?v=ZfgeENJxj3A&t=soon"},
			},
		},
		// A Japanese block whose parts name no language: they are in
		// the block's, but for one that names its own, and its parts.
		"odd-parts-ja.html": {
			ID: "lt-ja", Title: "ライトニングトーク", Language: "ja", Event: talk.Event{ID: "e", Title: "RubyKaigi"},
			Parts: []talk.Talk{
				{Title: "直感的なRuby"}, {Title: " "}, {Title: "Ruby in English", Language: "en"},
				{Title: "パネル", Parts: []talk.Talk{{Title: "開会の辞"}}},
				{Title: "مقدمة"},
			},
		},
		// A talk a record times in UTC at an event in Madrid: shown at
		// 00:30 on 2 June, as its audience met it, not on 1 June.
		"odd-event-zone.html": {
			ID: "late", Title: "Late", Event: madrid,
			Recorded: talk.MustParseDate("2024-06-01T22:30:00Z"), Duration: talk.Duration(30 * time.Minute),
			Parts: []talk.Talk{{Title: "Later", Recorded: talk.MustParseDate("2024-06-01T22:40:00Z")}},
		},
		// A talk a schedule gives its event's language, English, titled
		// in Hebrew: its words take their direction from their letters.
		"odd-rtl-title.html": {
			ID: "he", Title: "מבוא לפייתון (חלק 1)", Subtitle: "An introduction", Language: "en",
			Event: talk.Event{ID: "e", Title: "PyCon"}, Tags: []string{"python"},
		},
		// An Arabic talk titled in Latin letters alone, whose title is
		// "auto": its tags' list is the language's, right to left, not
		// the title's. A list of dir="auto" took its direction from its
		// first tag without a dir of its own, and laid the tag
		// "Python للمبتدئين", which is right to left as Arabic, out left
		// to right, as a reader of Arabic reads it backwards. So is its
		// description, which starts with a Latin word: it took the
		// title's "auto", and so was laid out left to right.
		"odd-rtl-tags.html": {
			ID: "tags", Title: "Python 3.12!", Language: "ar",
			Event: talk.Event{ID: "e", Title: "PyCon"}, Tags: []string{"Python للمبتدئين", "C++", "بايثون"},
			Description: "Python 3.12 أسرع من أي إصدار سابق.",
		},
		// An event of white space, which is named by its ID, as its
		// page is, rather than by a link without a name.
		"odd-event-blank-title.html": {
			ID: "t", Title: "T", Event: talk.Event{ID: "pycon-2024", Title: " \t"},
		},
		// Slides and links as RubyEvents and hand-written records give
		// them: slides without a label are called so, a relative or
		// scriptable URL is text, a URL of other scripts is escaped.
		"odd-links.html": {
			ID: "links", Title: "Links", Event: talk.Event{ID: "e", Title: "E"},
			Slides: []talk.Link{
				{URL: "https://speakerdeck.com/ada/links"}, {URL: "slides.pdf"},
				{URL: "https://例え.jp/スライド", Label: "スライド"}, {URL: "https://example.org/deck.pdf", Label: " "},
			},
			Links: []talk.Link{{URL: "javascript:alert(1)", Label: "x"}, {URL: "https://example.org/a b?q=<x>"}, {URL: "//example.org/x"}},
		},
		// One deck of slides without a label is "Slides", with no
		// number; a file's player shows the talk's thumbnail as its
		// poster.
		"odd-one-slide-poster.html": {
			ID: "poster", Title: "Poster", Thumbnail: "https://media.example/poster.jpg",
			Videos: []talk.Video{{Provider: talk.File, URL: "https://media.example/poster.mp4"}},
			Slides: []talk.Link{{URL: "https://speakerdeck.com/ada/poster"}},
		},
		// A thumbnail that is a mailto URL, which is no image: no
		// og:image, twitter:image or poster.
		"odd-mailto-thumbnail.html": {
			ID: "mt", Title: "Mailto", Thumbnail: "MAILTO:x@example.org",
			Videos: []talk.Video{{Provider: talk.File, URL: "https://media.example/v.mp4"}},
		},
		// Languages a program makes by hand, not in the canonical form
		// the readers give: the page's lang attributes are canonical
		// ("pt-BR", "he", "en"), as a checker wants them.
		"odd-hand-languages.html": {
			ID: "hand", Title: "Introdução", Language: "pt_BR", Event: talk.Event{ID: "e", Title: "E"},
			Tags:  []string{"python"},
			Parts: []talk.Talk{{Title: "מבוא", Language: "iw"}, {Title: "Intro", Language: "eng"}},
		},
		// An Arabic talk with words of its own in English: its
		// subtitle, track and tags in Latin letters are laid out left
		// to right ("C++", not "++C"), its Arabic tag and the list of
		// tags right to left.
		"odd-rtl-mixed.html": {
			ID: "mixed", Title: "مقدمة في Python 3.5", Subtitle: "Async I/O (part 1)", Language: "ar",
			Track: "Web (beta)", Tags: []string{"C++", "بايثون", "3.5"}, Event: talk.Event{ID: "e", Title: "E"},
			// Arabic that begins with a word in Latin letters: right
			// to left all the same.
			Parts: []talk.Talk{{Title: "Python للمبتدئين"}},
			// A recording with no player, linked to in English words
			// around the title, which is isolated from them.
			Videos: []talk.Video{{Provider: "aparat", URL: "https://www.aparat.com/v/abc"}},
			// A link labelled in Hebrew is laid out right to left in
			// the page's list, with its "!" at its end; one in
			// English as the list is.
			Links: []talk.Link{{URL: "https://example.org/slides", Label: "שקפים!"}, {URL: "https://example.org/code", Label: "Code"}},
		},
		// A long reStructuredText description with what real
		// descriptions hold: sections, tables with and without a
		// header, footnotes and a citation, admonitions, literal and
		// code blocks, lists of each kind, a quote, images (one a
		// link whose :alt: is empty) and a figure.
		"odd-rst.html": {
			ID: "rst", Title: "Reading reStructuredText", Language: "en", Markup: talk.ReStructuredText,
			Event: talk.Event{ID: "e", Title: "E"}, Speakers: []talk.Speaker{{Name: "Ada"}},
			Description: oddRST,
		},
		// The same kinds of blocks in Markdown.
		"odd-markdown.html": {
			ID: "md", Title: "Reading Markdown", Language: "en", Markup: talk.Markdown,
			Event: talk.Event{ID: "e", Title: "E"}, Speakers: []talk.Speaker{{Name: "Ada"}},
			Description: oddMarkdown,
		},
		// Speakers without a name: a blank one is left out, and one a
		// hand-written record knows only by a profile is shown by its
		// handle.
		"odd-nameless-speakers.html": {
			ID: "nameless", Title: "Nameless", Speakers: []talk.Speaker{
				{Name: " "},
				{Accounts: []talk.Account{{Service: "github", Handle: " ", URL: "https://github.com/"}, {Service: "github", Handle: "ghopper", URL: "https://github.com/ghopper"}}},
				{Name: "\t", Accounts: []talk.Account{{Service: "mastodon", Handle: "@ada@example.social"}}},
			},
		},
	}
}

// oddRST is the description of the odd-rst.html talk.
const oddRST = `Outline
=======

Async code [#]_ is fast [*]_, as [Selivanov2016]_ shows.

.. note:: Bring a laptop.

.. warning::

   Python 3.5 or later.

.. admonition:: Prerequisites

   Some asyncio.

Tables
------

+------------+-----------+
| Library    | Requests  |
+============+===========+
| aiohttp    | 10,000/s  |
+------------+-----------+
| requests   | 1,000/s   |
+------------+-----------+

=====  =====
1      2
3      4
=====  =====

.. list-table:: Results
   :header-rows: 1

   * - Run
     - Time
   * - 1
     - 2 s

.. csv-table:: Versions
   :header: "Version", "Year"

   "3.5", "2015"

Code
----

An example::

    async def main():
        await asyncio.sleep(1)

.. code-block:: python

    print("hi")

| A line block,
|   indented.

Lists
-----

- one
- two

1. first
2. second

term
    definition

:Author: Ada
:Version: 1

-v, --verbose  Say more.

As the Zen says:

    Simple is better than complex.

    -- Tim Peters

.. image:: https://img.example/logo.png
   :alt:
   :target: https://example.org/

.. image:: https://img.example/chart.png

.. figure:: https://img.example/fig.png
   :alt: A chart

   The caption.

----------

.. [#] Cooperative multitasking.
.. [*] CPU time not counted.
.. [Selivanov2016] Selivanov, Yury. PEP 492.
`

// oddMarkdown is the description of the odd-markdown.html talk.
const oddMarkdown = "# Outline\n\nAsync code is fast.\n\n## Tables\n\n| Library | Requests |\n|---|--:|\n| aiohttp | 10,000/s |\n\n" +
	"## Code\n\n    async def main():\n        pass\n\n```python\nprint(\"hi\")\n```\n\n" +
	"- one\n- two\n\n1. first\n2. second\n\n- [x] done\n- [ ] to do\n\n> Simple is better than complex.\n\n" +
	"[![](https://img.example/logo.png)](https://example.org/) ![](https://img.example/chart.png)\n\n---\n\nText.[^1]\n\n[^1]: A footnote.\n"

// TestOddPages pins the talk pages of oddTalks, which must be valid and
// the same from the templates.
func TestOddPages(t *testing.T) {
	pairs := pagePairs(t)
	for name, tk := range oddTalks() {
		t.Run(name, func(t *testing.T) {
			var r html.Renderer
			var b bytes.Buffer
			if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, b.Bytes())
			if problem := invalidPage(b.Bytes(), false); problem != "" {
				t.Error(problem)
			}
			comparePages(t, pairs, name, tk)
		})
	}
}

// TestTimesInLists: a talk's date-time and duration are valid datetime
// attributes in lists of talks too.
func TestTimesInLists(t *testing.T) {
	var r html.Renderer
	odd := oddTalks()
	talks := []*talk.Talk{odd["odd-nanoseconds.html"], odd["odd-microsecond.html"]}
	var b bytes.Buffer
	if err := r.WriteEvent(&b, &talk.Event{ID: "e", Title: "E"}, talks, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-event-times.html", b.Bytes())
}

// TestBlockInLists: a lightning-talk block without speakers of its own
// is listed with its parts' speakers, each once, linked to their pages;
// one with a speaker of its own (its host) with that speaker alone.
func TestBlockInLists(t *testing.T) {
	var r html.Renderer
	odd := oddTalks()
	block := odd["odd-parts.html"]
	again := &talk.Talk{ID: "lt2", Title: "More lightning talks", Event: block.Event,
		Parts: []talk.Talk{{Title: "Again", Speakers: []talk.Speaker{{Name: "Ada", Slug: "ada"}}}, {Title: "And again", Speakers: []talk.Speaker{{Name: "Ada", Slug: "ada"}}}}}
	hosted := &talk.Talk{ID: "lt3", Title: "Hosted lightning talks", Event: block.Event, Speakers: []talk.Speaker{{Name: "Host", Slug: "host"}},
		Parts: []talk.Talk{{Title: "Guest", Speakers: []talk.Speaker{{Name: "Grace", Slug: "grace"}}}}}
	var b bytes.Buffer
	if err := r.WriteEvent(&b, &block.Event, []*talk.Talk{block, again, hosted}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
	checkGolden(t, "odd-parts-event.html", b.Bytes())
}

// TestListThumbnails: a talk in a list shows its own thumbnail, or else
// YouTube's small one for a YouTube recording with an ID; one without an
// ID, whose address YouTube's image would lack, shows none.
func TestListThumbnails(t *testing.T) {
	var r html.Renderer
	ev := talk.Event{ID: "e", Title: "E"}
	talks := []*talk.Talk{
		{ID: "own", Title: "Own", Event: ev, Thumbnail: "https://media.example/own.jpg",
			Videos: []talk.Video{{Provider: talk.YouTube, ID: "abc", URL: "https://www.youtube.com/watch?v=abc"}}},
		{ID: "yt", Title: "YouTube", Event: ev, Videos: []talk.Video{{Provider: talk.YouTube, ID: "abc", URL: "https://www.youtube.com/watch?v=abc"}}},
		{ID: "noid", Title: "No ID", Event: ev, Videos: []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/playlist?list=x"}}},
	}
	var b bytes.Buffer
	if err := r.WriteEvent(&b, &ev, talks, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
	checkGolden(t, "odd-list-thumbnails.html", b.Bytes())
}

// TestIndexDates: the index shows each event's dates, the end too when
// it is another day.
func TestIndexDates(t *testing.T) {
	var r html.Renderer
	var b bytes.Buffer
	err := r.WriteIndex(&b, []html.IndexEntry{
		{Event: talk.Event{ID: "a", Title: "A", Start: talk.MustParseDate("2024-06-01"), End: talk.MustParseDate("2024-06-03")}, Talks: 2},
		{Event: talk.Event{ID: "b", Title: "B", Start: talk.MustParseDate("2024-07-01"), End: talk.MustParseDate("2024-07-01")}, Talks: 1},
		{Event: talk.Event{ID: "c", Title: "C", End: talk.MustParseDate("2024-08-01")}, Talks: 1},
	}, html.PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-index.html", b.Bytes())
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
}

// TestRightToLeft: a talk in a language written right to left is laid
// out right to left, on its page and in lists of talks.
func TestRightToLeft(t *testing.T) {
	talks := []*talk.Talk{
		{ID: "ar", Title: "مقدمة إلى بايثون (الجزء 1)", Language: "ar", Description: "هذا وصف المحاضرة.", Event: talk.Event{ID: "e", Title: "E"}},
		{ID: "he", Title: "פייתון!", Language: "he", Event: talk.Event{ID: "e", Title: "E"}},
		{ID: "az", Title: "Python", Language: "az-Arab", Event: talk.Event{ID: "e", Title: "E"}},
		{ID: "en", Title: "Python", Language: "en", Event: talk.Event{ID: "e", Title: "E"}},
	}
	pairs := pagePairs(t)
	var r html.Renderer
	var b bytes.Buffer
	if err := r.WriteTalk(&b, talks[0], html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-rtl.html", b.Bytes())
	for _, tk := range talks {
		comparePages(t, pairs, tk.ID, tk)
	}
	b.Reset()
	if err := r.WriteEvent(&b, &talk.Event{ID: "e", Title: "E"}, talks, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-rtl-event.html", b.Bytes())
}

// TestRecordingNote tells a reader why a talk's page shows no recording,
// where the talk says, and says nothing of a talk with videos or one
// that does not say.
func TestRecordingNote(t *testing.T) {
	video := []talk.Video{{Provider: talk.YouTube, ID: "abc", URL: "https://www.youtube.com/watch?v=abc"}}
	for _, tt := range []struct {
		status talk.RecordingStatus
		videos []talk.Video
		want   string
	}{
		{talk.NotRecorded, nil, `<p class="recording">This talk was not recorded.</p>`},
		{talk.NotPublished, nil, `<p class="recording">This talk was recorded, but the recording is not public.</p>`},
		{talk.Scheduled, nil, `<p class="recording">The recording of this talk is not published yet.</p>`},
		{talk.RecordingUnknown, nil, ""},
		{talk.NotRecorded, video, ""},
	} {
		tk := &talk.Talk{ID: "t", Title: "T", Recording: tt.status, Videos: tt.videos}
		var r html.Renderer
		var b bytes.Buffer
		if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
			t.Fatal(err)
		}
		got := regexp.MustCompile(`<p class="recording">.*?</p>`).FindString(b.String())
		if got != tt.want {
			t.Errorf("%q with %d videos: %q, want %q", tt.status, len(tt.videos), got, tt.want)
		}
		comparePages(t, pagePairs(t), string(tt.status), tk)
	}
}

// TestScriptsMixed: on a page in English, the words of other scripts whose
// direction the page cannot know (speakers' names, events' titles and
// places, a talk's words when its language is unknown) carry dir="auto",
// so that two Arabic names in a list keep their order, and a Hebrew
// title its punctuation at its end; a talk's words in a known language
// carry it as their lang, and dir="rtl" when it is written right to left.
func TestScriptsMixed(t *testing.T) {
	event := talk.Event{ID: "pycon-il", Title: "פייקון ישראל 2024!", Start: talk.MustParseDate("2024-06-01"),
		Place: talk.Place{Venue: "מרכז הכנסים", City: "תל אביב"}}
	talks := []*talk.Talk{
		{ID: "ar", Title: "مقدمة إلى Python 3.12؟", Language: "ar", Event: event,
			Speakers: []talk.Speaker{{Name: "أحمد علي"}, {Name: "سارة"}, {Name: "山田太郎"}},
			Recorded: talk.MustParseDate("2024-06-01T10:30:00+03:00"), Duration: talk.Duration(25 * time.Minute),
			Track: "المسار أ", Place: talk.Place{Room: "قاعة ١"}},
		{ID: "ja", Title: "Python で学ぶ機械学習", Language: "ja", Event: event,
			Speakers: []talk.Speaker{{Name: "山田太郎"}}},
		{ID: "unknown", Title: "שלום, עולם!", Event: event,
			Speakers: []talk.Speaker{{Name: "דוד"}, {Name: "Ada Lovelace"}}, Tags: []string{"פייתון"}},
	}
	var r html.Renderer
	pages := map[string]func(w *bytes.Buffer) error{
		"odd-scripts-talk.html":    func(w *bytes.Buffer) error { return r.WriteTalk(w, talks[0], html.PageOptions{}) },
		"odd-scripts-unknown.html": func(w *bytes.Buffer) error { return r.WriteTalk(w, talks[2], html.PageOptions{}) },
		"odd-scripts-event.html":   func(w *bytes.Buffer) error { return r.WriteEvent(w, &event, talks, html.PageOptions{}) },
		"odd-scripts-speaker.html": func(w *bytes.Buffer) error {
			return r.WriteSpeaker(w, &talks[0].Speakers[2], talks[:2], html.PageOptions{})
		},
		"odd-scripts-index.html": func(w *bytes.Buffer) error {
			return r.WriteIndex(w, []html.IndexEntry{{Event: event, Talks: 3}, {Event: talk.Event{Title: "مؤتمر بدون عنوان"}, Talks: 1}}, html.PageOptions{})
		},
	}
	for name, write := range pages {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, name, b.Bytes())
		if problem := invalidPage(b.Bytes(), false); problem != "" {
			t.Errorf("%s: %s", name, problem)
		}
	}
	pairs := pagePairs(t)
	for _, tk := range talks {
		comparePages(t, pairs, tk.ID, tk)
	}
}

// TestRightToLeftTemplates: a site whose own templates write the page
// right to left still lays out an English talk's words left to right.
func TestRightToLeftTemplates(t *testing.T) {
	tmpl, err := html.DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	htmltemplate.Must(tmpl.Parse(`{{define "page"}}<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
{{template "head" .Head}}
</head>
<body>
<main>
{{template "talk" .}}
</main>
</body>
</html>
{{end}}`))
	r := html.Renderer{Templates: tmpl}
	var b bytes.Buffer
	tk := &talk.Talk{ID: "en", Title: "What's new in Python 3.12?", Subtitle: "(and 3.13)", Language: "en", Track: "Core",
		Speakers: []talk.Speaker{{Name: "Łukasz Langa"}, {Name: "سارة"}}, Event: talk.Event{ID: "e", Title: "PyCon مصر"}}
	if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-rtl-templates.html", b.Bytes())
}

// TestBlankLabels: a link whose label is white space shows its URL, on a
// talk's page and a speaker's, so that no link lacks an accessible name.
func TestBlankLabels(t *testing.T) {
	var r html.Renderer
	var b bytes.Buffer
	tk := &talk.Talk{ID: "t", Title: "T", Links: []talk.Link{{URL: "https://example.org/slides", Label: " \u00a0"}}}
	opt := html.PageOptions{Links: []talk.Link{{URL: "/edit/t", Label: "\t"}}}
	if err := r.WriteTalk(&b, tk, opt); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-blank-labels.html", b.Bytes())
	comparePages(t, pagePairs(t), "blank-labels", tk)
	b.Reset()
	s := &talk.Speaker{Name: "S", Accounts: []talk.Account{{Service: " ", URL: "https://example.org/@s"}}}
	if err := r.WriteSpeaker(&b, s, nil, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-blank-labels-speaker.html", b.Bytes())
}

// TestHandleOnlySpeaker: the page of a speaker a record knows only by a
// profile is headed by its handle, not "Speaker".
func TestHandleOnlySpeaker(t *testing.T) {
	var r html.Renderer
	var b bytes.Buffer
	s := &talk.Speaker{Slug: "ghopper", Accounts: []talk.Account{{Service: "github", Handle: "ghopper", URL: "https://github.com/ghopper"}}}
	tk := &talk.Talk{ID: "t", Title: "T", Speakers: []talk.Speaker{*s}, Event: talk.Event{ID: "e", Title: "E"}}
	if err := r.WriteSpeaker(&b, s, []*talk.Talk{tk}, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-handle-speaker.html", b.Bytes())
	if problem := invalidPage(b.Bytes(), false); problem != "" {
		t.Error(problem)
	}
}

// madrid is an event in Madrid's time zone whose dates a record gives
// in UTC.
var madrid = talk.Event{ID: "m", Title: "Madrid", TimeZone: "Europe/Madrid",
	Start: talk.MustParseDate("2024-05-31T22:00:00Z"), End: talk.MustParseDate("2024-06-02T21:00:00Z")}

// TestEventZone: lists show talks' date-times, and an event's days, in
// the event's time zone; a date, a floating date-time and one in the
// event's offset already are as written, and so is one in a zone that
// does not load.
func TestEventZone(t *testing.T) {
	talks := []*talk.Talk{
		{ID: "utc", Title: "UTC", Event: madrid, Recorded: talk.MustParseDate("2024-06-01T22:30:00Z")},
		{ID: "local", Title: "Offset", Event: madrid, Recorded: talk.MustParseDate("2024-06-02T00:30:00+02:00")},
		{ID: "floating", Title: "Floating", Event: madrid, Recorded: talk.MustParseDate("2024-06-02T09:00:00")},
		{ID: "day", Title: "Day", Event: madrid, Recorded: talk.MustParseDate("2024-06-02")},
	}
	var r html.Renderer
	var b bytes.Buffer
	if err := r.WriteEvent(&b, &madrid, talks, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-zone-event.html", b.Bytes())
	b.Reset()
	mars := madrid
	mars.TimeZone = "Mars/Base"
	err := r.WriteIndex(&b, []html.IndexEntry{{Event: madrid, Talks: 4}, {Event: mars, Talks: 0}}, html.PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-zone-index.html", b.Bytes())
}

// TestTextOfUnknownLanguage: a speaker's biography and an event's
// description, whose language no record gives, take each paragraph's
// direction from its letters, as an Arabic biography on an English site
// needs.
func TestTextOfUnknownLanguage(t *testing.T) {
	var r html.Renderer
	var b bytes.Buffer
	s := &talk.Speaker{Name: "سارة أحمد", Affiliation: "جامعة القاهرة", Bio: "مطورة بايثون (منذ 2010).\n\nShe writes Python."}
	if err := r.WriteSpeaker(&b, s, nil, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-bio-speaker.html", b.Bytes())
	b.Reset()
	ev := &talk.Event{ID: "pycon-il", Title: "PyCon Israel", Description: "כנס פייתון (השנתי).\n\nThe yearly conference."}
	if err := r.WriteEvent(&b, ev, nil, html.PageOptions{}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "odd-description-event.html", b.Bytes())
}

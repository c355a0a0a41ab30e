package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/ical"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// nameShapes are speaker names, or lists of names, to parse.
var nameShapes = []textShape{
	{"many-names-and", func(n int) string {
		return fillf(n, " and ", func(i int) string { return "Ada Lovelace" + strconv.Itoa(i) })
	}},
	{"many-names-commas", func(n int) string {
		return fillf(n, ", ", func(i int) string { return "Ada Lovelace" + strconv.Itoa(i) })
	}},
	{"many-names-ampersands", func(n int) string { return fill("Ada Lovelace & ", n) }},
	{"many-words", func(n int) string { return fill("Ada ", n) + "Lovelace" }},
	{"long-word", func(n int) string { return fill("a", n) }},
	{"many-particles", func(n int) string { return "Ludwig " + fill("van der de la von ", n) + "Beethoven" }},
	{"many-commas", func(n int) string { return "Lovelace" + fill(", Jr.", n) }},
	{"many-initials", func(n int) string { return fill("A. ", n) + "Lovelace" }},
	{"many-spaces", func(n int) string { return "Ada" + fill(" \t\u00a0", n) + "Lovelace" }},
	{"parentheses", func(n int) string { return "Ada " + nested("(", "x", ")", n) + " Lovelace" }},
	{"braces", func(n int) string { return "Ada " + nested("{", "x", "}", n) + " Lovelace" }},
	{"cjk", func(n int) string { return fill("三津田哲雄", n) }},
	{"combining-marks", func(n int) string { return "A" + fill("\u0301", n) + " Lovelace" }},
}

// citeShapes change a talk for the citation writers; speaker counts stay
// within talk.Limits.
var citeShapes = []talkShape{
	talkShapeNamed(talkShapes, "long-title"), talkShapeNamed(talkShapes, "long-word-title"),
	{name: "tex-specials", shape: func(t *talk.Talk, n int) { t.Title = fill(`{}%$&#_^~\ "a" --- `, n) }},
	{name: "unbalanced-braces", shape: func(t *talk.Talk, n int) { t.Title = fill("{{{a}", n) }},
	{name: "non-ascii", shape: func(t *talk.Talk, n int) { t.Title = fill("Ünïcödé ß — “q” 日本語 ", n) }},
	{name: "combining-marks", shape: func(t *talk.Talk, n int) { t.Title = "a" + fill("\u0301\u0308", n) }},
	talkShapeNamed(talkShapes, "many-speakers"), talkShapeNamed(talkShapes, "same-speakers"), talkShapeNamed(talkShapes, "long-speaker-name"),
	{name: "long-description", shape: func(t *talk.Talk, n int) { t.Description = fill("Some words.\n\n", n) }},
	{name: "many-tags", shape: func(t *talk.Talk, n int) {
		t.Tags = nil
		for i := 0; i*8 < n; i++ {
			t.Tags = append(t.Tags, "tag"+strconv.Itoa(i))
		}
	}},
	talkShapeNamed(talkShapes, "many-links"),
	{name: "long-lines", shape: func(t *talk.Talk, n int) { t.Title = fill("a\nb\r\n", n) }},
}

func citeCases() []scalingCase {
	var cases []scalingCase
	for _, s := range nameShapes {
		cases = append(cases, textCase("cite.ParseNames/"+s.name, s.shape, func(s string) error { cite.ParseNames(s); return nil }).upTo(descriptionTop))
		if !strings.HasPrefix(s.name, "many-names") {
			cases = append(cases, textCase("cite.ParseName/"+s.name, s.shape, func(s string) error { cite.ParseName(s); return nil }).upTo(descriptionTop))
		}
	}
	// BibTeX on every shape; the other writers share its text and name
	// handling, and are swept on the shapes that reach their own.
	writers := []struct {
		name, shapes string
		write        func(t *talk.Talk) error
	}{
		{"cite.WriteBibTeX/", "", func(t *talk.Talk) error { return cite.WriteBibTeX(io.Discard, t, cite.Options{}) }},
		{"cite.WriteBibTeX/ascii-", "long-title tex-specials non-ascii combining-marks", func(t *talk.Talk) error {
			return cite.WriteBibTeX(io.Discard, t, cite.Options{ASCII: true})
		}},
		{"cite.WriteBibLaTeX/", "tex-specials non-ascii many-speakers", func(t *talk.Talk) error {
			return cite.WriteBibLaTeX(io.Discard, t, cite.Options{})
		}},
		{"cite.WriteRIS/", "long-title non-ascii many-speakers long-speaker-name long-description many-tags many-links long-lines",
			func(t *talk.Talk) error { return cite.WriteRIS(io.Discard, t) }},
		{"cite.WriteCSLJSON/", "long-title tex-specials non-ascii many-speakers long-description many-tags",
			func(t *talk.Talk) error { return cite.WriteCSLJSON(io.Discard, t) }},
		{"cite.Key/", "long-title long-word-title non-ascii combining-marks long-speaker-name",
			func(t *talk.Talk) error { cite.Key(t); return nil }},
	}
	for _, w := range writers {
		for _, s := range citeShapes {
			if w.shapes == "" || among(w.shapes, s.name) {
				cases = append(cases, talkCase(w.name+s.name, s, w.write))
			}
		}
	}
	// n is the number of talks here; the size is their titles' bytes.
	sameTitle := func(name string, f cite.Format) scalingCase {
		return scalingCase{name: name, top: 16 << 10, build: func(n int) (func() error, int) {
			talks := make([]*talk.Talk, n)
			for i := range talks {
				talks[i] = plainTalk()
			}
			return func() error { return cite.WriteAll(io.Discard, f, talks, cite.Options{}) }, n * len(talks[0].Title)
		}}
	}
	cases = append(cases,
		sameTitle("cite.WriteAll/bibtex-same-key", cite.BibTeX),
		sameTitle("cite.WriteAll/csl-json-same-key", cite.CSLJSON),
		scalingCase{name: "cite.KeySet.Unique/same-key", top: 64 << 10, build: func(n int) (func() error, int) {
			return func() error {
				var set cite.KeySet
				for range n {
					set.Unique("lovelace2020async")
				}
				return nil
			}, n * len("lovelace2020async")
		}},
	)
	return cases
}

// cslShapes change a talk for the CSL engine.
var cslShapes = []talkShape{
	talkShapeNamed(talkShapes, "long-title"), talkShapeNamed(talkShapes, "long-word-title"),
	{name: "nested-quotes", shape: func(t *talk.Talk, n int) { t.Title = nested(`"a 'b `, "c", ` b' a"`, n) }},
	{name: "many-quotes", shape: func(t *talk.Talk, n int) { t.Title = fill(`"a" 'b' “c” ‘d’ `, n) }},
	{name: "unbalanced-quotes", shape: func(t *talk.Talk, n int) { t.Title = fill(`"a 'b `, n) }},
	{name: "apostrophes", shape: func(t *talk.Talk, n int) { t.Title = fill("don't it's 'tis ", n) }},
	{name: "nested-markup", shape: func(t *talk.Talk, n int) { t.Title = nested("<i>a <b>b ", "c", "</b></i>", n) }},
	{name: "unclosed-markup", shape: func(t *talk.Talk, n int) { t.Title = fill("<i>a <b>b <sup>c ", n) }},
	{name: "nocase-spans", shape: func(t *talk.Talk, n int) { t.Title = fill(`<span class="nocase">iOS</span> and `, n) }},
	{name: "stop-words", shape: func(t *talk.Talk, n int) { t.Title = fill("the art of a war in the middle of and for ", n) }},
	{name: "capitals", shape: func(t *talk.Talk, n int) { t.Title = fill("NASA's GPU API for iOS ", n) }},
	{name: "hyphens-and-colons", shape: func(t *talk.Talk, n int) { t.Title = fill("a-b: c—d. e? ", n) }},
	talkShapeNamed(citeShapes, "non-ascii"), talkShapeNamed(citeShapes, "combining-marks"), talkShapeNamed(talkShapes, "many-speakers"), talkShapeNamed(talkShapes, "same-speakers"),
	{name: "many-particles", top: 500 * 32, shape: func(t *talk.Talk, n int) {
		t.Speakers = nil
		for i := 0; i*32 < n; i++ {
			t.Speakers = append(t.Speakers, talk.Speaker{Name: "Ludwig van der Beethoven " + strconv.Itoa(i)})
		}
	}},
	talkShapeNamed(talkShapes, "long-speaker-name"), talkShapeNamed(talkShapes, "many-links"),
}

func cslCases(apa *csl.Processor) []scalingCase {
	chicago, err := builtinProcessor("chicago")
	if err != nil {
		panic(err) // the built-in styles load, as the package's tests hold
	}
	var cases []scalingCase
	for _, s := range cslShapes {
		cases = append(cases, talkCase("cite.Reference/apa-"+s.name, s, func(t *talk.Talk) error {
			_, err := cite.Reference(apa, csl.Text, t, cite.Options{})
			return err
		}))
		// HTML formats the markup and quotes a text carries; Chicago
		// title-cases.
		if among("nested-quotes many-quotes nested-markup unclosed-markup nocase-spans non-ascii", s.name) {
			cases = append(cases, talkCase("cite.Reference/apa-html-"+s.name, s, func(t *talk.Talk) error {
				_, err := cite.Reference(apa, csl.HTML, t, cite.Options{})
				return err
			}))
		}
		if among("long-title long-word-title many-quotes apostrophes nocase-spans stop-words capitals hyphens-and-colons non-ascii many-speakers", s.name) {
			cases = append(cases, talkCase("cite.Reference/chicago-"+s.name, s, func(t *talk.Talk) error {
				_, err := cite.Reference(chicago, csl.Text, t, cite.Options{})
				return err
			}))
		}
	}
	return cases
}

// builtinProcessor returns a processor of a built-in style.
func builtinProcessor(name string) (*csl.Processor, error) {
	st, err := csl.BuiltinStyle(name)
	if err != nil {
		return nil, err
	}
	loc, err := csl.BuiltinLocale()
	if err != nil {
		return nil, err
	}
	return csl.New(st, loc)
}

// c3vocEvent writes one event of a c3voc schedule: guid i and id i+1,
// with persons speakers and a description of desc. It names no room: its
// room is the one that lists it.
func c3vocEvent(i, persons int, desc string) string {
	var ps []string
	for p := range persons {
		ps = append(ps, fmt.Sprintf(`{"id":%d,"name":"Person %d"}`, p, p))
	}
	return fmt.Sprintf(`{"guid":"0d6a1c2e-3f4b-4c5d-8e9f-%012d","id":%d,"date":"2024-06-01T10:00:00+02:00","start":"10:00",`+
		`"duration":"00:45","slug":"con-%d","url":"https://example.org/talk/%d/","title":"Talk %d",`+
		`"subtitle":"","track":"Main","type":"Talk","language":"en","abstract":"A talk.","description":%s,`+
		`"recording_license":"","do_not_record":false,"persons":[%s],"links":[{"url":"https://example.org/s/%d","title":"Slides"}]}`,
		i, i+1, i, i, i, quoteJSON(desc), strings.Join(ps, ","), i)
}

// c3vocSchedule writes a c3voc schedule of the days, with rooms each
// holding the events.
func c3vocSchedule(days, rooms int, events func(day, room int) []string) string {
	var b strings.Builder
	b.WriteString(`{"schedule":{"version":"1","base_url":"https://example.org/","conference":{"acronym":"con","title":"Con",` +
		`"start":"2024-06-01","end":"2024-06-30","daysCount":30,"timeslot_duration":"00:15","time_zone_name":"Europe/Berlin","days":[`)
	for d := range days {
		if d > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"index":%d,"date":"2024-06-01","day_start":"2024-06-01T09:00:00+02:00","day_end":"2024-06-02T03:00:00+02:00","rooms":{`, d+1)
		for r := range rooms {
			if r > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"Room %d":[%s]`, r, strings.Join(events(d, r), ","))
		}
		b.WriteString("}}")
	}
	b.WriteString("]}}}")
	return b.String()
}

// frabEvent writes one event of a frab XML schedule, in the room that
// lists it, as c3vocEvent does.
func frabEvent(i, persons int, desc string) string {
	var ps strings.Builder
	for p := range persons {
		fmt.Fprintf(&ps, `<person id="%d">Person %d</person>`, p, p)
	}
	return fmt.Sprintf(`<event guid="0d6a1c2e-3f4b-4c5d-8e9f-%012d" id="%d"><date>2024-06-01T10:00:00+02:00</date><start>10:00</start>`+
		`<duration>00:45</duration><slug>con-%d</slug><url>https://example.org/talk/%d/</url><title>Talk %d</title>`+
		`<subtitle/><track>Main</track><type>Talk</type><language>en</language><abstract>A talk.</abstract><description>%s</description>`+
		`<persons>%s</persons><links><link href="https://example.org/s/%d">Slides</link></links></event>`,
		i, i+1, i, i, i, desc, ps.String(), i)
}

// frabSchedule writes a frab XML schedule of one day and a few rooms.
func frabSchedule(events func(room int) string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><schedule><version>1</version><conference><acronym>con</acronym>` +
		`<title>Con</title><start>2024-06-01</start><end>2024-06-02</end><days>1</days><time_zone_name>Europe/Berlin</time_zone_name></conference>` +
		`<day index="1" date="2024-06-01" start="2024-06-01T09:00:00+02:00" end="2024-06-02T03:00:00+02:00">`)
	for r := range 4 {
		fmt.Fprintf(&b, `<room name="Room %d">%s</room>`, r, events(r))
	}
	b.WriteString("</day></schedule>")
	return b.String()
}

// eventsOf makes about n bytes of events with event(i).
func eventsOf(n int, event func(i int) string) []string {
	var out []string
	for size := 0; size < n || len(out) == 0; {
		e := event(len(out))
		out = append(out, e)
		size += len(e)
	}
	return out
}

func scheduleCases() []scalingCase {
	parseJSON := func(b []byte) error { _, err := schedule.ParseJSON(b, "schedule.json"); return err }
	parseXML := func(b []byte) error { _, err := schedule.ParseXML(b, "schedule.xml"); return err }
	parse := func(b []byte) error { _, err := schedule.Parse(b, "schedule"); return err }
	manyEvents := func(n int) string {
		return c3vocSchedule(1, 4, func(_, r int) []string {
			return eventsOf(n/4, func(i int) string { return c3vocEvent(r*1e6+i, 2, "A description.") })
		})
	}
	cases := []scalingCase{
		bytesCase("schedule.ParseJSON/many-events", manyEvents, parseJSON),
		bytesCase("schedule.ParseJSON/many-persons", func(n int) string {
			return c3vocSchedule(1, 1, func(int, int) []string { return []string{c3vocEvent(1, n/30, "")} })
		}, parseJSON),
		bytesCase("schedule.ParseJSON/many-rooms", func(n int) string {
			return c3vocSchedule(1, max(1, n/700), func(_, r int) []string { return []string{c3vocEvent(r, 1, "")} })
		}, parseJSON),
		bytesCase("schedule.ParseJSON/many-days", func(n int) string {
			return c3vocSchedule(max(1, n/800), 1, func(d, _ int) []string { return []string{c3vocEvent(d, 1, "")} })
		}, parseJSON),
		bytesCase("schedule.ParseJSON/deep-unknown-members", func(n int) string {
			return c3vocSchedule(1, 1, func(int, int) []string {
				return []string{strings.Replace(c3vocEvent(1, 1, ""), `"links":`, `"x":`+jsonList(n, func(int) string {
					return nested(`{"a":[`, `"x"`, "]}", 6*24) // within the depth limit, under the event
				})+`,"links":`, 1)}
			})
		}, parseJSON),
		bytesCase("schedule.ParseJSON/long-description", func(n int) string {
			return c3vocSchedule(1, 1, func(int, int) []string { return []string{c3vocEvent(1, 1, fill("word\r\n<b>&amp; ", n))} })
		}, parseJSON),
		bytesCase("schedule.ParseJSON/same-guid", func(n int) string {
			return c3vocSchedule(1, 1, func(int, int) []string {
				return eventsOf(n, func(i int) string { return c3vocEvent(1, 1, "") })
			})
		}, func(b []byte) error {
			// Each item after the first is reported, for its guid and
			// its id, as it should be.
			_, err := schedule.ParseJSON(b, "schedule.json")
			var list talk.ErrorList
			errors.As(err, &list)
			for _, e := range list {
				if !strings.Contains(e.Error(), "is also the guid of") && !strings.Contains(e.Error(), "is also the id of") {
					return e
				}
			}
			return nil
		}),
		bytesCase("schedule.Parse/many-events", manyEvents, parse),
		bytesCase("schedule.ParseXML/many-events", func(n int) string {
			return frabSchedule(func(r int) string {
				return strings.Join(eventsOf(n/4, func(i int) string { return frabEvent(r*1e6+i, 2, "A description.") }), "")
			})
		}, parseXML),
		bytesCase("schedule.ParseXML/one-line-in-iso-8859-1", func(n int) string {
			// Columns are counted in the source's bytes, not the UTF-8
			// it decodes to, and all on one line.
			s := frabSchedule(func(r int) string {
				return strings.Join(eventsOf(n/4, func(i int) string { return frabEvent(r*1e6+i, 2, "Gr\xfc\xdfe.") }), "")
			})
			return strings.Replace(s, `encoding="utf-8"`, `encoding="ISO-8859-1"`, 1)
		}, parseXML),
		bytesCase("schedule.ParseXML/many-rooms", func(n int) string {
			// Each room with an attribute besides its name is the
			// conference's, once a name: a search of the rooms so far for
			// each took quadratic time. Short rooms, so that it shows.
			s := frabSchedule(func(int) string { return "" })
			rooms := fillf(n, "", func(i int) string { return `<room name="` + strconv.FormatInt(int64(i), 36) + `" a=""/>` })
			return strings.Replace(s, "</day>", rooms+"</day>", 1)
		}, parseXML),
		bytesCase("schedule.ParseXML/many-persons", func(n int) string {
			return frabSchedule(func(r int) string { return frabEvent(r, n/120, "") })
		}, parseXML),
		bytesCase("schedule.ParseXML/long-description", func(n int) string {
			return frabSchedule(func(r int) string { return frabEvent(r, 1, fill("word&#13;\n&lt;b&gt;&amp; ", n/4)) })
		}, parseXML),
		bytesCase("schedule.ParseXML/laid-out-description", func(n int) string {
			// Lines of their own, indented: dedented as they are read.
			return frabSchedule(func(r int) string { return frabEvent(r, 1, "\n"+fill("      word &lt;b&gt;\n", n/4)+"    ") })
		}, parseXML),
		bytesCase("schedule.ParseXML/deep-unknown-elements", func(n int) string {
			return frabSchedule(func(r int) string {
				return frabEvent(r, 1, "") + strings.Join(eventsOf(n/4, func(int) string { return nested("<x>", "y", "</x>", 6*50) }), "")
			})
		}, parseXML),
		bytesCase("schedule.ParseXML/many-attributes", func(n int) string {
			return frabSchedule(func(r int) string {
				return strings.Replace(frabEvent(r, 1, ""), "<event ", "<event "+fillf(n/4, " ", func(i int) string { return "a" + strconv.Itoa(i) + `="v"` })+" ", 1)
			})
		}, parseXML),
		bytesCase("schedule.ParseXML/many-unknown-children", func(n int) string {
			return frabSchedule(func(r int) string {
				return strings.Replace(frabEvent(r, 1, ""), "</event>", "<x>"+fillf(n/4, "", func(i int) string {
					return fmt.Sprintf("<c%d>v</c%d>", i, i)
				})+"</x></event>", 1)
			})
		}, parseXML),
		bytesCase("schedule.ParseJSON/many-link-attributes", func(n int) string {
			links := `"links":[` + fillf(n, ",", func(i int) string {
				return fmt.Sprintf(`{"url":"https://example.org/%d","title":"Blog","type":"blog","lang":"en"}`, i)
			}) + `]`
			return c3vocSchedule(1, 1, func(int, int) []string {
				return []string{strings.Replace(c3vocEvent(1, 1, ""), `"links":[{"url":"https://example.org/s/1","title":"Slides"}]`, links, 1)}
			})
		}, parseJSON),
		bytesCase("schedule.ParseXML/comments-and-cdata", func(n int) string {
			return frabSchedule(func(r int) string { return frabEvent(r, 1, fill("<!-- c --><![CDATA[<x>]]>", n/4)) })
		}, parseXML),
		bytesCase("schedule.ParseXML/unclosed-elements", func(n int) string {
			return frabSchedule(func(int) string { return "" })[:200] + fill("<event>", n)
		}, func(b []byte) error { return wantError(parseXML(b)) }),
		{name: "schedule.WriteXML/many-days-and-rooms", build: func(n int) (func() error, int) {
			// Each day's rooms take their guids from the conference's
			// rooms: once for all days, not once a day.
			rooms := `"rooms":[` + fillf(n/2, ",", func(i int) string {
				return fmt.Sprintf(`{"name":"Room %d","guid":"0d6a1c2e-3f4b-4c5d-8e9f-%012d"}`, i, i)
			}) + `],"days":[`
			data := strings.Replace(c3vocSchedule(max(1, n/2/150), 0, nil), `"days":[`, rooms, 1)
			s, err := schedule.ParseJSON([]byte(data), "schedule.json")
			if err != nil {
				return func() error { return err }, len(data)
			}
			return func() error { return schedule.WriteXML(io.Discard, s) }, len(data)
		}},
		// n is the number of days here, each with two talks, found among
		// the days by time and by date; the size is the talks'.
		{name: "schedule.WriteXML/many-days", top: 64 << 10, build: func(n int) (func() error, int) {
			s := &schedule.Schedule{Event: talk.Event{ID: "con", Title: "Con", TimeZone: "Europe/Berlin"}}
			var days strings.Builder
			start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
			for i := range n {
				if i > 0 {
					days.WriteString(",")
				}
				d := start.AddDate(0, 0, i).Format("2006-01-02")
				fmt.Fprintf(&days, `{"index":%d,"date":"%s","day_start":"%sT09:00:00+01:00","day_end":"%sT20:00:00+01:00"}`, i+1, d, d, d)
				s.Talks = append(s.Talks,
					&talk.Talk{ID: fmt.Sprintf("0d6a1c2e-3f4b-4c5d-8e9f-%012d", i), Title: "T", Recorded: talk.MustParseDate(d + "T10:00:00+01:00")},
					&talk.Talk{ID: fmt.Sprintf("1d6a1c2e-3f4b-4c5d-8e9f-%012d", i), Title: "U", Recorded: talk.MustParseDate(d)})
			}
			s.Event.Extra = map[string]json.RawMessage{"days": json.RawMessage("[" + days.String() + "]")}
			return func() error { return schedule.WriteXML(io.Discard, s) }, n * 2 * 80
		}},
		{name: "schedule.WriteXML/many-events", build: func(n int) (func() error, int) {
			s, err := schedule.ParseJSON([]byte(manyEvents(n)), "schedule.json")
			if err != nil {
				return func() error { return err }, n
			}
			return func() error { return schedule.WriteXML(io.Discard, s) }, n
		}},
	}
	return cases
}

// yamlVideo writes one talk of a RubyEvents videos.yml with speakers
// speakers and the extra lines.
func yamlVideo(i, speakers int, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "- id: talk-%d\n  title: \"Talk %d\"\n  date: \"2024-04-16\"\n  video_provider: youtube\n  video_id: v%d\n  speakers:\n", i, i, i)
	for s := range speakers {
		fmt.Fprintf(&b, "    - Person %d\n", s)
	}
	b.WriteString(extra)
	return b.String()
}

func rubyeventsCases() []scalingCase {
	ev := &talk.Event{ID: "tinyconf-2024", Title: "TinyConf 2024"}
	videos := func(b []byte) error { _, err := rubyevents.ParseVideos(b, "videos.yml", ev, nil); return err }
	manyVideos := func(n int) string {
		return strings.Join(eventsOf(n, func(i int) string { return yamlVideo(i, 2, "") }), "")
	}
	cases := []scalingCase{
		bytesCase("rubyevents.ParseVideos/many-videos", manyVideos, videos),
		bytesCase("rubyevents.ParseVideos/many-speakers", func(n int) string { return yamlVideo(1, n/20, "") }, videos),
		bytesCase("rubyevents.ParseVideos/long-description", func(n int) string {
			return yamlVideo(1, 1, "  description: |-\n"+fill("    some words: a, b; c\n", n))
		}, videos),
		bytesCase("rubyevents.ParseVideos/many-extras", func(n int) string {
			return yamlVideo(1, 1, fillf(n, "", func(i int) string { return "  x_" + strconv.Itoa(i) + ": [1, {a: b}]\n" }))
		}, videos),
		bytesCase("rubyevents.ParseVideos/nested-talks", func(n int) string {
			return strings.Join(eventsOf(n, func(i int) string {
				return yamlVideo(i, 1, "  talks:\n"+indentedYAMLTalks(7))
			}), "")
		}, videos),
		bytesCase("rubyevents.ParseVideos/many-resources", func(n int) string {
			return yamlVideo(1, 1, "  additional_resources:\n"+fillf(n, "", func(i int) string {
				return "    - {name: Slides, url: \"https://example.org/" + strconv.Itoa(i) + "\"}\n"
			}))
		}, videos),
		bytesCase("rubyevents.ParseVideos/merged-extras", func(n int) string {
			// A merge key into a mapping of many keys, from one of many.
			extras := func(prefix string) string {
				return fillf(n/2, "", func(i int) string { return "  " + prefix + strconv.Itoa(i) + ": 1\n" })
			}
			return "- &d\n  id: a\n  title: A\n" + extras("a_") + "- <<: *d\n  id: b\n  title: B\n" + extras("b_")
		}, videos),
		bytesCase("rubyevents.ParseVideos/aliased-extras", func(n int) string {
			return yamlVideo(1, 1, "  extra_a: &a [x, y, z]\n"+fillf(n, "", func(i int) string { return "  extra_" + strconv.Itoa(i) + ": *a\n" }))
		}, videos),
		// Each anchor refers to the one before twice: the document's
		// size grows with the number of anchors, its expansion doubles
		// with each. (The sizes are small: the anchors are what grows.)
		bytesCase("rubyevents.ParseVideos/alias-tree", func(n int) string {
			var b strings.Builder
			b.WriteString("  extra:\n    - &a0 [x, y]\n")
			for i := 1; b.Len() < n; i++ {
				fmt.Fprintf(&b, "    - &a%d [*a%d, *a%d]\n", i, i-1, i-1)
			}
			return yamlVideo(1, 1, b.String())
		}, func(b []byte) error {
			// Past the alias budget, the file's one error says so.
			err := videos(b)
			if err != nil && !strings.Contains(err.Error(), "rubyevents: aliases repeat more than") {
				return err
			}
			return nil
		}),
		bytesCase("rubyevents.ParseSpeakers/many-speakers", func(n int) string {
			return fillf(n, "", func(i int) string {
				return fmt.Sprintf("- name: Person %d\n  github: p%d\n  twitter: p%d\n  slug: person-%d\n  aliases:\n    - name: P %d\n      slug: p-%d\n", i, i, i, i, i, i)
			})
		}, func(b []byte) error { _, err := rubyevents.ParseSpeakers(b, "speakers.yml"); return err }),
		bytesCase("rubyevents.ParseEvent/long-description", func(n int) string {
			return "title: TinyConf 2024\nlocation: online\nstart_date: \"2024-04-16\"\ndescription: |-\n" + fill("  some words\n", n)
		}, func(b []byte) error { _, err := rubyevents.ParseEvent(b, "event.yml"); return err }),
		bytesCase("rubyevents.ParseVideos/syntax-error-at-end", func(n int) string { return manyVideos(n) + "- [\n" }, func(b []byte) error {
			return wantError(videos(b))
		}),
		// n is the number of events here, each with 800 bytes of talks.
		scalingCase{name: "rubyevents.Read/many-events", top: 256, build: func(n int) (func() error, int) {
			fsys := fstest.MapFS{"speakers.yml": {Data: []byte("- name: Person 0\n  github: p0\n")}}
			size := 0
			for e := range n {
				dir := fmt.Sprintf("series-%d/event-%d/", e%8, e)
				fsys[dir+"event.yml"] = &fstest.MapFile{Data: []byte("title: Event " + strconv.Itoa(e) + "\n")}
				// Each event's talks have ids of their own, as RubyEvents' do:
				// Read reports an id given again.
				data := []byte(strings.ReplaceAll(manyVideos(800), "- id: talk-", fmt.Sprintf("- id: event-%d-talk-", e)))
				fsys[dir+"videos.yml"] = &fstest.MapFile{Data: data}
				size += len(data)
			}
			return func() error { _, err := rubyevents.Read(fsys); return err }, size
		}},
	}
	return cases
}

// indentedYAMLTalks writes talks nested depth deep in YAML, each one's
// "talks" holding the next, indented below the "talks:" key of a talk at
// the top.
func indentedYAMLTalks(depth int) string {
	var b strings.Builder
	for d := range depth {
		in := strings.Repeat("    ", d+1)
		fmt.Fprintf(&b, "%s- title: Part %d\n%s  talks:\n", in, d, in)
	}
	return b.String()
}

func icalCases() []scalingCase {
	opt := ical.Options{Stamp: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), Name: "Talks"}
	var cases []scalingCase
	for _, s := range append(citeShapes[:len(citeShapes):len(citeShapes)], talkShape{name: "long-fold-unit", shape: func(t *talk.Talk, n int) {
		t.Description = fill("\u00e9\u00e9\u00e9\U0001F40D", n)
	}}) {
		cases = append(cases, talkCase("ical.WriteTalk/"+s.name, s, func(t *talk.Talk) error { return ical.WriteTalk(io.Discard, t, opt) }))
	}
	cases = append(cases,
		textCase("ical.EscapeText/specials", func(n int) string { return fill(";,\\\n\r\"", n) }, func(s string) error {
			ical.EscapeText(s)
			return nil
		}),
		eventCase("ical.WriteCalendar/many-talks", func(_ *talk.Event, talks []*talk.Talk) error {
			return ical.WriteCalendar(io.Discard, talks, opt)
		}),
		eventCase("ical.WriteCalendar/many-time-zones", func(_ *talk.Event, talks []*talk.Talk) error {
			zones := []string{"Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC", "Europe/London"}
			for i, t := range talks {
				t.Event.TimeZone = zones[i%len(zones)]
			}
			return ical.WriteCalendar(io.Discard, talks, opt)
		}),
		eventCase("ical.WriteCalendar/undated-talks", func(_ *talk.Event, talks []*talk.Talk) error {
			for _, t := range talks {
				t.Recorded = talk.Date{}
			}
			return wantError(ical.WriteCalendar(io.Discard, talks, opt))
		}),
	)
	return cases
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/schema"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// The cases of the scaling sweep, by package: each shape is a way a large
// input can be hostile (long runs of one character, many small elements,
// deep nesting within the limits, openers without closers, long words,
// many names). Limits are lifted where the point is the algorithm and
// kept where it is the default protection.

// scalingCases returns every case of the sweep; apa formats references.
func scalingCases(apa *csl.Processor) []scalingCase {
	var cases []scalingCase
	for _, group := range [][]scalingCase{
		jsonxCases(), pyvideoCases(), talkCases(), schemaCases(),
		rstCases(), markdownCases(), htmlCases(), jsonldCases(),
		citeCases(), cslCases(apa), scheduleCases(), rubyeventsCases(), icalCases(),
	} {
		cases = append(cases, group...)
	}
	return cases
}

// shapeNamed returns the shape called name; a name that is no shape's is a
// mistake in the sweep, which its test finds.
func shapeNamed(shapes []textShape, name string) textShape {
	for _, s := range shapes {
		if s.name == name {
			return s
		}
	}
	panic("bench: no shape " + name)
}

// talkShapeNamed is shapeNamed for talk shapes.
func talkShapeNamed(shapes []talkShape, name string) talkShape {
	for _, s := range shapes {
		if s.name == name {
			return s
		}
	}
	panic("bench: no talk shape " + name)
}

// textCase is a case whose input is one string: shape makes it about n
// bytes long, and run is the work on it.
func textCase(name string, shape func(n int) string, run func(s string) error) scalingCase {
	return scalingCase{name: name, build: func(n int) (func() error, int) {
		s := shape(n)
		return func() error { return run(s) }, len(s)
	}}
}

// bytesCase is textCase for work on bytes.
func bytesCase(name string, shape func(n int) string, run func(b []byte) error) scalingCase {
	return scalingCase{name: name, build: func(n int) (func() error, int) {
		b := []byte(shape(n))
		return func() error { return run(b) }, len(b)
	}}
}

// upTo sets a case's largest n.
func (c scalingCase) upTo(top int) scalingCase {
	c.top = top
	return c
}

// fill repeats unit to about n bytes, at least once.
func fill(unit string, n int) string {
	return strings.Repeat(unit, max(1, n/len(unit)))
}

// fillf joins the units item(0), item(1)... with sep up to about n bytes.
func fillf(n int, sep string, item func(i int) string) string {
	var b strings.Builder
	for i := 0; b.Len() < n || i == 0; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(item(i))
	}
	return b.String()
}

// wrap surrounds s with open and close.
func wrap(open, s, close string) string { return open + s + close }

// nested writes open n/len(open+close) times, then inner, then as many closes.
func nested(open, inner, close string, n int) string {
	k := max(1, n/(len(open)+len(close)))
	return strings.Repeat(open, k) + inner + strings.Repeat(close, k)
}

// quoteJSON writes s as a JSON string.
func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// wantError turns an expected failure into success and an unexpected
// success into the case's error: the shape must be rejected.
func wantError(err error) error {
	if err == nil {
		return errors.New("the input was accepted; the case expects its rejection")
	}
	return nil
}

// noLimits lifts every limit of a record.
var noLimits = talk.Limits{MaxRecordBytes: -1, MaxDepth: -1, MaxTextBytes: -1, MaxSpeakers: -1, MaxVideos: -1}

// withinRecordLimit is the top of the cases that keep the default record
// limit of 1 MiB: room for the record around the hostile member.
const withinRecordLimit = 1<<20 - 8<<10

// deepest is a nesting depth within the default limit of 64, with room
// for the record around it.
const deepest = 60

func jsonxCases() []scalingCase {
	check := func(b []byte) error { return jsonx.Check(b, 64) }
	checkFails := func(b []byte) error { return wantError(jsonx.Check(b, 64)) }
	decode := func(b []byte) error { _, err := jsonx.Decode(b, 64); return err }
	object := func(b []byte) error { _, err := jsonx.Object(b, 0); return err }
	array := func(b []byte) error { _, err := jsonx.Array(b, 0); return err }
	shapes := []textShape{
		{"long-string", func(n int) string { return quoteJSON(fill("a", n)) }},
		{"escapes", func(n int) string { return wrap(`"`, fill(`\\\"\u00e9\n`, n), `"`) }},
		{"non-ascii", func(n int) string { return quoteJSON(fill("日本語é", n)) }},
		{"many-members", func(n int) string {
			return wrap("{", fillf(n, ",", func(i int) string { return `"m` + strconv.Itoa(i) + `":0` }), "}")
		}},
		{"long-names", func(n int) string {
			return wrap("{", fillf(n, ",", func(i int) string { return `"` + fill("n", 200) + strconv.Itoa(i) + `":0` }), "}")
		}},
		{"many-elements", func(n int) string { return wrap("[", fill("0,", n), "0]") }},
		{"nested-arrays", func(n int) string {
			return wrap("[", fillf(n, ",", func(int) string { return nested("[", "0", "]", 2*deepest) }), "]")
		}},
		{"nested-objects", func(n int) string {
			return wrap("[", fillf(n, ",", func(int) string { return nested(`{"a":`, "0", "}", 6*deepest) }), "]")
		}},
		{"long-number", func(n int) string { return "-1." + fill("9", n) + "e+1" }},
		{"whitespace", func(n int) string { return wrap("[", fill(" \n\t\r", n), "]") }},
	}
	var cases []scalingCase
	for _, s := range shapes {
		cases = append(cases, bytesCase("jsonx.Check/"+s.name, s.shape, check))
	}
	for _, s := range shapes {
		// Decode builds values where Check only scans.
		if among("long-string escapes many-members many-elements nested-objects", s.name) {
			cases = append(cases, bytesCase("jsonx.Decode/"+s.name, s.shape, decode))
		}
	}
	cases = append(cases,
		bytesCase("jsonx.Check/unclosed-string", func(n int) string { return `["` + fill("a", n) }, checkFails),
		bytesCase("jsonx.Check/unclosed-arrays", func(n int) string { return strings.Repeat("[", deepest) + fill("0,", n) }, checkFails),
		bytesCase("jsonx.Check/too-deep-late", func(n int) string {
			return wrap("[", fill("0,", n), strings.Repeat("[", 100))
		}, checkFails),
		bytesCase("jsonx.Check/duplicate-at-end", func(n int) string {
			return wrap("{", fillf(n, ",", func(i int) string { return `"m` + strconv.Itoa(i) + `":0` }), `,"m0":1}`)
		}, checkFails),
		bytesCase("jsonx.Object/many-members", shapeNamed(shapes, "many-members").shape, object),
		bytesCase("jsonx.Object/nested-value", func(n int) string {
			return wrap(`{"a":[`, fillf(n, ",", func(int) string { return nested(`{"a":[`, `"x"`, "]}", 6*deepest) }), `]}`)
		}, object),
		bytesCase("jsonx.Array/many-elements", shapeNamed(shapes, "many-elements").shape, array),
		bytesCase("jsonx.Array/long-strings", func(n int) string {
			return wrap("[", fillf(n, ",", func(int) string { return quoteJSON(fill(`a"\`, 3000)) }), "]")
		}, array),
	)
	return cases
}

// pyvideoRecord writes a pyvideo talk record with the usual members, the
// values of members replacing or adding to them (raw JSON).
func pyvideoRecord(members map[string]string) string {
	m := map[string]string{
		"title":          `"A talk"`,
		"description":    `"What the talk is about."`,
		"speakers":       `["Ada Lovelace"]`,
		"recorded":       `"2020-01-02"`,
		"duration":       `1508`,
		"language":       `"eng"`,
		"tags":           `["python"]`,
		"videos":         `[{"type":"youtube","url":"https://www.youtube.com/watch?v=m28fiN9y_r8"}]`,
		"related_urls":   `["https://example.org/talk"]`,
		"thumbnail_url":  `"https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg"`,
		"copyright_text": `"CC BY"`,
	}
	for k, v := range members {
		m[k] = v
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString("{\n")
	for i, k := range names {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "  %q: %s", k, m[k])
	}
	b.WriteString("\n}\n")
	return b.String()
}

// jsonList writes a JSON array of about n bytes of item(i).
func jsonList(n int, item func(i int) string) string {
	return wrap("[", fillf(n, ",", item), "]")
}

// hostileRecords are pyvideo records of about n bytes, one hostile member
// each, by name.
var hostileRecords = []textShape{
	{"long-description", func(n int) string {
		return pyvideoRecord(map[string]string{"description": quoteJSON(fill("word, ", n))})
	}},
	{"escaped-description", func(n int) string {
		return pyvideoRecord(map[string]string{"description": wrap(`"`, fill(`line\n\"q\" \u00e9\\ `, n), `"`)})
	}},
	{"many-tags", func(n int) string {
		return pyvideoRecord(map[string]string{"tags": jsonList(n, func(i int) string { return `"tag` + strconv.Itoa(i) + `"` })})
	}},
	{"many-speakers", func(n int) string {
		return pyvideoRecord(map[string]string{"speakers": jsonList(n, func(i int) string { return `"Speaker Number` + strconv.Itoa(i) + `"` })})
	}},
	{"many-related-urls", func(n int) string {
		return pyvideoRecord(map[string]string{"related_urls": jsonList(n, func(i int) string {
			return `"https://example.org/talks/` + strconv.Itoa(i) + `"`
		})})
	}},
	{"many-labelled-urls", func(n int) string {
		return pyvideoRecord(map[string]string{"related_urls": jsonList(n, func(i int) string {
			return `{"label":"Slides ` + strconv.Itoa(i) + `","url":"https://example.org/s/` + strconv.Itoa(i) + `"}`
		})})
	}},
	{"many-videos", func(n int) string {
		return pyvideoRecord(map[string]string{"videos": jsonList(n, func(i int) string {
			return `{"type":"mp4","url":"https://example.org/v/` + strconv.Itoa(i) + `.mp4","length":60,"size":1000}`
		})})
	}},
	{"many-unknown-members", func(n int) string {
		members := map[string]string{}
		for size, i := 0, 0; size < n; i++ {
			name := "extra_" + strconv.Itoa(i)
			members[name] = `[1,{"a":"b"}]`
			size += len(name) + 20
		}
		return pyvideoRecord(members)
	}},
	{"nested-unknown-member", func(n int) string {
		return pyvideoRecord(map[string]string{"extra": jsonList(n, func(int) string { return nested(`{"a":[`, `"x"`, `]}`, 6*(deepest-4)) })})
	}},
	{"many-invalid-urls", func(n int) string {
		return pyvideoRecord(map[string]string{"related_urls": jsonList(n, func(i int) string { return `"not a url ` + strconv.Itoa(i) + `"` })})
	}},
	{"many-bad-tags", func(n int) string {
		return pyvideoRecord(map[string]string{"tags": jsonList(n, func(i int) string { return `"  "` })})
	}},
}

func pyvideoCases() []scalingCase {
	lifted := pyvideo.Reader{Limits: noLimits}
	parse := func(b []byte) error { _, err := lifted.ParseTalk(b, "event/videos/talk.json"); return err }
	var cases []scalingCase
	for _, r := range hostileRecords {
		cases = append(cases, bytesCase("pyvideo.ParseTalk/"+r.name, r.shape, parse))
	}
	cases = append(cases,
		bytesCase("pyvideo.ParseTalk/default-limits-many-tags", shapeNamed(hostileRecords, "many-tags").shape, func(b []byte) error {
			_, err := pyvideo.ParseTalk(b, "event/videos/talk.json")
			return err
		}).upTo(withinRecordLimit),
		bytesCase("pyvideo.ParseTalk/syntax-error-at-end", func(n int) string {
			return strings.TrimSuffix(shapeNamed(hostileRecords, "many-tags").shape(n), "}\n") + "x"
		}, func(b []byte) error { return wantError(parse(b)) }),
		bytesCase("pyvideo.ParseTalk/type-error-at-end", func(n int) string {
			return pyvideoRecord(map[string]string{"tags": wrap("[", fill(`"t",`, n), "1]")})
		}, func(b []byte) error { return wantError(parse(b)) }),
		bytesCase("pyvideo.Format/many-unknown-members", shapeNamed(hostileRecords, "many-unknown-members").shape, func(b []byte) error {
			_, err := pyvideo.Format(b, "event/videos/talk.json")
			return err
		}).upTo(withinRecordLimit),
		bytesCase("pyvideo.Format/many-tags", shapeNamed(hostileRecords, "many-tags").shape, func(b []byte) error {
			_, err := pyvideo.Format(b, "event/videos/talk.json")
			return err
		}).upTo(withinRecordLimit),
	)
	for _, s := range slugShapes {
		cases = append(cases, textCase("pyvideo.Slugify/"+s.name, s.shape, func(s string) error {
			pyvideo.Slugify(s)
			return nil
		}).upTo(256<<10))
	}
	cases = append(cases,
		bytesCase("pyvideo.ParseEvent/many-unknown-members", func(n int) string {
			return wrap(`{"title": "An Event",`, fillf(n, ",", func(i int) string { return `"x_` + strconv.Itoa(i) + `": [1, {"a": "b"}]` }), "}")
		}, func(b []byte) error {
			_, err := lifted.ParseEvent(b, "event/category.json")
			return err
		}),
		// n is the archive's bytes here, in talk files of about 2 KB.
		scalingCase{name: "pyvideo.Talks/many-files", build: func(n int) (func() error, int) {
			fsys, size := pyvideoArchive(n/2048, 1, 2048)
			return func() error {
				for _, err := range pyvideo.Talks(fsys) {
					if err != nil {
						return err
					}
				}
				return nil
			}, size
		}},
		scalingCase{name: "pyvideo.ArchiveFiles/same-title", top: 4096, build: func(n int) (func() error, int) {
			talks := make([]*talk.Talk, n)
			size := 0
			for i := range talks {
				talks[i] = &talk.Talk{Title: "Lightning talks", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}},
					Recorded: talk.MustParseDate("2020-01-02"), Event: talk.Event{ID: "event", Title: "An Event"}}
				size += len(talks[i].Title)
			}
			return func() error { _, err := pyvideo.ArchiveFiles(talks); return err }, size
		}},
	)
	return cases
}

// slugShapes are titles to make slugs of.
var slugShapes = []textShape{
	{"long-ascii-title", func(n int) string { return fill("Async IO in Python ", n) }},
	{"long-word", func(n int) string { return fill("a", n) }},
	{"punctuation-runs", func(n int) string { return fill("a!?-- ,;", n) }},
	{"non-ascii", func(n int) string { return fill("Ünïcödé 日本語 Ελληνικά Кириллица ", n) }},
	{"combining-marks", func(n int) string { return fill("e\u0301\u0308\u0323", n) }},
	{"unclosed-tags", func(n int) string { return fill("a <b ", n) }},
	{"many-tags", func(n int) string { return fill("<b>x</b> ", n) }},
	{"unclosed-comments", func(n int) string { return fill("<!-- a ", n) }},
	{"entities", func(n int) string { return fill("&amp;&#233;&#x41;&bogus; ", n) }},
	{"unterminated-entities", func(n int) string { return fill("&#12&am ", n) }},
	{"whitespace-runs", func(n int) string { return fill("a \t\n\u00a0\u2003 ", n) }},
	{"emoji", func(n int) string { return fill("🐍🚀 ", n) }},
}

func talkCases() []scalingCase {
	parseJSON := func(b []byte) error { _, err := talk.ParseJSON(b, "talk.json"); return err }
	talkRecord := func(members string) string {
		return `{"title":"A talk","speakers":[{"name":"Ada Lovelace"}],"recorded":"2020-01-02",` + members + `}`
	}
	cases := []scalingCase{
		bytesCase("talk.ParseJSON/long-description", func(n int) string {
			return talkRecord(`"description":` + quoteJSON(fill("word, ", n)))
		}, parseJSON),
		bytesCase("talk.ParseJSON/many-speakers", func(n int) string {
			// Not talkRecord, whose speakers a second member of the name
			// would repeat, which readers refuse.
			return `{"title":"A talk","recorded":"2020-01-02","tags":[],"links":[],"videos":[],"slides":[],"license":"x","speakers":` + jsonList(n, func(i int) string {
				return `{"name":"Speaker ` + strconv.Itoa(i) + `","affiliation":"A","x_` + strconv.Itoa(i) + `":1}`
			}) + `}`
		}, parseJSON),
		bytesCase("talk.ParseJSON/many-unknown-members", func(n int) string {
			return talkRecord(fillf(n, ",", func(i int) string { return `"x_` + strconv.Itoa(i) + `":[1,{"a":"b"}]` }))
		}, parseJSON),
		bytesCase("talk.ParseJSON/nested-parts", func(n int) string {
			return talkRecord(`"parts":[` + deepestParts("") + `],"tags":` + jsonList(n, func(i int) string { return `"t"` }))
		}, parseJSON),
		bytesCase("talk.ParseJSON/bulk-in-deepest-part", func(n int) string {
			return talkRecord(`"parts":[` + deepestParts(`{"title":"leaf","tags":`+jsonList(n, func(int) string { return `"t"` })+`}`) + `]`)
		}, parseJSON),
		// Parts nested without end are read again at every level: the
		// default depth limit refuses them at once.
		bytesCase("talk.ParseJSON/deep-parts", func(n int) string {
			return talkRecord(`"parts":[` + nested(`{"title":"p","parts":[`, "", "]}", max(n, 24*deepest*2)) + `]`)
		}, func(b []byte) error { return wantError(parseJSON(b)) }),
		bytesCase("talk.ParseJSON/type-error-at-end", func(n int) string {
			// Not talkRecord, whose speakers make these a second member
			// of the name, refused before the list is read.
			return `{"title":"A talk","recorded":"2020-01-02","speakers":` + jsonList(n, func(int) string { return `{"name":"A"}` }) +
				`,"videos":[{"url":"u","size":"big"}]}`
		}, func(b []byte) error { return wantError(parseJSON(b)) }),
		bytesCase("talk.ParseJSON/nested-type-error", func(n int) string {
			return talkRecord(`"parts":[` + jsonList(n, func(int) string { return `{"title":"p","parts":[{"title":"q"}]}` }) + `,{"title":"p","parts":[{"title":1}]}]`)
		}, func(b []byte) error { return wantError(parseJSON(b)) }),
		bytesCase("talk.ParseEventJSON/many-unknown-members", func(n int) string {
			return wrap(`{"title":"An Event",`, fillf(n, ",", func(i int) string { return `"x_` + strconv.Itoa(i) + `":[1,{"a":"b"}]` }), "}")
		}, func(b []byte) error { _, err := talk.ParseEventJSON(b, "event.json"); return err }),
		bytesCase("talk.ParseJSON/syntax-error-at-end", func(n int) string {
			return talkRecord(`"tags":` + wrap("[", fill(`"t",`, n), "]]"))
		}, func(b []byte) error { return wantError(parseJSON(b)) }),
		{name: "talk.Talk.MarshalJSON/many-unknown-members", build: func(n int) (func() error, int) {
			t := &talk.Talk{Title: "A talk", Extra: map[string]json.RawMessage{}}
			size := 0
			for i := 0; size < n; i++ {
				k := "x_" + strconv.Itoa(i)
				t.Extra[k] = json.RawMessage(`[1, {"a": "b"}]`)
				size += len(k) + 16
			}
			return func() error { _, err := json.Marshal(t); return err }, size
		}},
	}
	for i := range cases {
		cases[i].top = withinRecordLimit
	}
	for _, s := range slugShapes {
		cases = append(cases, textCase("talk.Slug/"+s.name, s.shape, func(s string) error {
			talk.Slug(s)
			return nil
		}).upTo(256<<10))
	}
	cases = append(cases,
		textCase("talk.Slugger.Make/cut-long-title", shapeNamed(slugShapes, "long-ascii-title").shape, func(s string) error {
			talk.Slugger{MaxLength: 50}.Make(s)
			return nil
		}).upTo(256<<10),
		textCase("talk.Slugger.Make/cut-long-word", shapeNamed(slugShapes, "long-word").shape, func(s string) error {
			talk.Slugger{MaxLength: 50, Language: "de"}.Make(s)
			return nil
		}).upTo(256<<10),
		// n is the number of talks here; the size is their slugs' bytes.
		scalingCase{name: "talk.SlugSet.Unique/same-slug", top: 64 << 10, build: func(n int) (func() error, int) {
			return func() error {
				var set talk.SlugSet
				for range n {
					set.Unique("lightning-talks")
				}
				return nil
			}, n * len("lightning-talks")
		}},
		scalingCase{name: "talk.SlugSet.Unique/suffixed-slugs-first", top: 64 << 10, build: func(n int) (func() error, int) {
			return func() error {
				var set talk.SlugSet
				for i := range n / 2 {
					set.Unique("intro-" + strconv.Itoa(i+2))
				}
				for range n / 2 {
					set.Unique("intro")
				}
				return nil
			}, n * len("intro-1000")
		}},
		textCase("talk.ParseDuration/long", func(n int) string { return "PT" + fill("1", n) + "S" }, func(s string) error {
			talk.ParseDuration(s)
			return nil
		}),
		textCase("talk.ParseLanguage/long", func(n int) string { return "en" + fill("-abcdefgh", n) }, func(s string) error {
			talk.ParseLanguage(s)
			return nil
		}),
		textCase("talk.ParseDate/long", func(n int) string { return "2020-01-02T10:00:00." + fill("9", n) + "Z" }, func(s string) error {
			talk.ParseDate(s)
			return nil
		}),
		textCase("talk.VideoID/long-url", func(n int) string {
			return "https://www.youtube.com/watch?" + fill("a=b&", n) + "v=m28fiN9y_r8"
		}, func(s string) error {
			talk.VideoID(s)
			return nil
		}),
	)
	return cases
}

// deepestParts writes parts within parts as deep as the default depth
// limit allows in a talk's parts, with inner in the deepest.
func deepestParts(inner string) string {
	const levels = deepest/2 - 1 // a part is an object in an array
	return strings.Repeat(`{"title":"p","parts":[`, levels) + inner + strings.Repeat("]}", levels)
}

func schemaCases() []scalingCase {
	pyvideoV := &schema.Validator{Profile: schema.Pyvideo, Limits: noLimits}
	defaults := &schema.Validator{Profile: schema.Pyvideo}
	talkmetaV := &schema.Validator{Limits: noLimits}
	var cases []scalingCase
	for _, r := range hostileRecords {
		cases = append(cases, bytesCase("schema.ValidateTalk/"+r.name, r.shape, func(b []byte) error {
			pyvideoV.ValidateTalk(b, "event/videos/talk.json")
			return nil
		}))
	}
	cases = append(cases,
		bytesCase("schema.ValidateTalk/default-limits-many-tags", shapeNamed(hostileRecords, "many-tags").shape, func(b []byte) error {
			defaults.ValidateTalk(b, "event/videos/talk.json")
			return nil
		}).upTo(withinRecordLimit),
		bytesCase("schema.ValidateTalk/rst-description", func(n int) string {
			return pyvideoRecord(map[string]string{"description": quoteJSON(shapeNamed(rstShapes, "paragraphs").shape(n))})
		}, func(b []byte) error {
			pyvideoV.ValidateTalk(b, "event/videos/talk.json")
			return nil
		}),
		bytesCase("schema.ValidateTalk/syntax-error-at-end", func(n int) string {
			return strings.TrimSuffix(shapeNamed(hostileRecords, "many-tags").shape(n), "}\n") + "x"
		}, func(b []byte) error {
			return wantError(pyvideoV.ValidateTalk(b, "event/videos/talk.json").Err())
		}),
		bytesCase("schema.ValidateTalk/talkmeta-many-speakers", func(n int) string {
			return `{"title":"A talk","speakers":` + jsonList(n, func(i int) string {
				return `{"name":"Speaker ` + strconv.Itoa(i) + `","homepage":"https://example.org/` + strconv.Itoa(i) + `"}`
			}) + `}`
		}, func(b []byte) error {
			talkmetaV.ValidateTalk(b, "talk.json")
			return nil
		}),
		bytesCase("schema.ValidateTalk/talkmeta-nested-parts", func(n int) string {
			return `{"title":"A talk","parts":[` + jsonList(n, func(int) string {
				return nested(`{"title":"p","parts":[`, "", "]}", 24*8)
			}) + `]}`
		}, func(b []byte) error {
			talkmetaV.ValidateTalk(b, "talk.json")
			return nil
		}),
		// n is the archive's bytes, in talk files of about 2 KB.
		scalingCase{name: "schema.CheckArchive/many-files", top: 1 << 20, build: func(n int) (func() error, int) {
			fsys, size := pyvideoArchive(n/2048, 1, 2048)
			return func() error { pyvideoV.CheckArchive(fsys, nil); return nil }, size
		}},
		scalingCase{name: "schema.CheckArchive/few-large-files", top: 4 << 20, build: func(n int) (func() error, int) {
			fsys, size := pyvideoArchive(4, 2, n/4)
			return func() error { pyvideoV.CheckArchive(fsys, nil); return nil }, size
		}},
		scalingCase{name: "schema.CheckArchive/same-titles", top: 1 << 20, build: func(n int) (func() error, int) {
			fsys, size := pyvideoArchive(n/2048, 0, 2048)
			return func() error { pyvideoV.CheckArchive(fsys, nil); return nil }, size
		}},
	)
	return cases
}

// pyvideoArchive makes a pyvideo archive of files talk records of about
// size bytes each, over a few events. With titles 0 every talk of an event
// has the same title; otherwise each its own.
func pyvideoArchive(files, titles, size int) (fstest.MapFS, int) {
	fsys := fstest.MapFS{}
	total := 0
	const events = 4
	for e := range events {
		dir := "event-" + strconv.Itoa(e)
		fsys[dir+"/category.json"] = &fstest.MapFile{Data: []byte(`{"title": "Event ` + strconv.Itoa(e) + `"}`)}
	}
	for i := range max(files, 1) {
		title := `"Lightning talks"`
		if titles != 0 {
			title = `"Talk number ` + strconv.Itoa(i) + `"`
		}
		data := pyvideoRecord(map[string]string{
			"title":       title,
			"id":          strconv.Itoa(i + 1),
			"slug":        quoteJSON("talk-" + strconv.Itoa(i)),
			"description": quoteJSON(fill("word ", size)),
		})
		name := fmt.Sprintf("event-%d/videos/talk-%d.json", i%events, i)
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
		total += len(data)
	}
	return fsys, total
}

package rubyevents_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
)

// edgeDirectory is the speakers.yml the videos of TestEdges are read with.
const edgeDirectory = `- name: Ada Lovelace
  slug: ada-lovelace
  github: "@ada"
  mastodon: http://m.example/@ada
  aliases:
    - name: Countess Lovelace
- name: Grace Hopper
  slug: grace_hopper
- name: Joséphine Baker
- name: Small Capitals
  slug: a-b-c
- name: "Pat Trailing "
  slug: pat
- name: R2 D2
  slug: r2-d2
- name: Дмитрий
- name: Every Service
  github: gh
  twitter: tw
  mastodon: "@m@example.social"
  bluesky: b.example
  linkedin: li
  speakerdeck: sd
  website: ""
- name: Empty Handles
  github: ""
  twitter: ~
`

// TestEdges reads small files that each hold one rule of the readers at
// its edge; edges.golden holds what each reads as, whole.
func TestEdges(t *testing.T) {
	// nested is a talk with parts depth deep.
	nested := func(depth int) string {
		var b strings.Builder
		b.WriteString("- id: top\n")
		indent := "  "
		for d := 1; d <= depth; d++ {
			fmt.Fprintf(&b, "%stalks:\n%s  - id: p%d\n", indent, indent, d)
			indent += "    "
		}
		return b.String()
	}
	videos := []struct{ name, data string }{
		{"a second document that is empty is no second document", "- id: a\n---\n"},
		{"booleans are read in each of YAML's spellings", "- id: a\n  x: True\n  y: TRUE\n  z: false\n"},
		{"numbers that JSON cannot write are kept as text", "- id: a\n  x: +12\n  y: .5\n  z: 12\n"},
		{"a key that differs from a model field only in case is kept under the prefix", "- id: a\n  Title: A\n  Speakers: B\n"},
		{"a date in GMT or Z is in UTC", "- id: a\n  date: 2024-04-16 10:00:00 GMT\n- id: b\n  date: 2024-04-16 10:00:00 Z\n"},
		{"a date ending in a space is reported", "- id: a\n  date: \"2024-04-16 10:00:00 \"\n"},
		{"talks without an id are reported as such, not as sharing one", "- title: A\n- title: B\n"},
		{"talks with an empty or null id are reported as without one, not as sharing one", "- id: \"\"\n- id: \"\"\n- id: ~\n- id: ~\n"},
		{"a negative duration_in_seconds is reported", "- id: a\n  duration_in_seconds: -5\n"},
		{"cues that end where they start are reported", "- id: a\n  start_cue: \"01:00\"\n  end_cue: \"01:00\"\n"},
		{"duration_in_seconds wins over the cues", "- id: a\n  duration_in_seconds: 600\n  start_cue: \"00:00\"\n  end_cue: \"05:00\"\n"},
		{"cues have minutes past 59 before the seconds, and two-digit seconds", "- id: a\n  start_cue: \"75:00\"\n  end_cue: \"80:00\"\n- id: b\n  start_cue: \"1:5\"\n"},
		{"thumbnail_lg is larger than thumbnail_md", "- id: a\n  thumbnail_md: https://e.org/md.jpg\n  thumbnail_lg: https://e.org/lg.jpg\n"},
		{"a part on its block's video keeps a video of its own", `- id: block
  video_provider: youtube
  video_id: abcdefghijk
  talks:
    - id: part
      video_provider: parent
      start_cue: "01:30"
      alternative_recordings:
        - video_provider: vimeo
          video_id: "123"
`},
		{"a file with a fragment is not given another", `- id: block
  video_provider: mp4
  video_id: https://e.org/a.mp4#t=5
  talks:
    - id: part
      video_provider: parent
      start_cue: "01:30"
`},
		{"a resource's title wins over its name", "- id: a\n  additional_resources:\n    - title: T\n      name: N\n      url: https://e.org/r\n"},
		{"an mp4 recording without a video_id is reported as one", "- id: a\n  alternative_recordings:\n    - video_provider: mp4\n"},
		{"parts nest eight deep", nested(8)},
		{"parts nested nine deep are reported", nested(9)},
		{"speakers are found by their slug, which Rails makes as parameterize does", `- id: a
  speakers:
    - Countess Lovelace
    - ADA LOVELACE!
    - Grace_Hopper
    - "Jose` + "\u0301" + `phine Baker"
    - Aᴀb C
`},
		{"a resource without a url and an empty slides_url are no links", "- id: a\n  slides_url: \"\"\n  additional_resources:\n    - title: T\n"},
		{"a recording's language the importer does not know is reported", "- id: a\n  alternative_recordings:\n    - video_provider: youtube\n      video_id: abcdefghijk\n      language: Klingon\n"},
		{"the first known of a language's ISO 639 names is its language", "- id: a\n  language: Klingon; Castilian \n"},
		{"a name is looked up trimmed, as RubyEvents strips it (so that a directory's name with spaces around is not found), then by slug (without the ends' separators, with digits)", `- id: a
  speakers:
    - "Pat Trailing "
    - " Grace Hopper"
    - (Grace_Hopper)
    - r2 d2
`},
		{"a name of no Latin letters has no slug, and names no speaker by it", "- id: a\n  speakers: [王, Dmitrii]\n"},
		{"a null talk is reported as null", "- ~\n- id: a\n"},
		{"null lists are empty lists, without a word", "- id: a\n  speakers:\n  talks: ~\n  alternative_recordings: null\n  additional_resources:\n"},
		{"a key that is an alias of a list is reported as a list", "- id: a\n  tags: &t [x]\n  *t : one\n"},
		{"a mapping nested more than 64 deep is cut as a list is", "- id: a\n  x: " + strings.Repeat("{a: ", 66) + "b" + strings.Repeat("}", 66) + "\n"},
		{"duration_in_seconds may be zero or a fraction, and is less than 1e9", `- id: zero
  duration_in_seconds: 0
- id: fraction
  duration_in_seconds: 90.5
- id: largest
  duration_in_seconds: 999999999
- id: too-large
  duration_in_seconds: 1e9
`},
		{"a null thumbnail is none, and thumbnail_sm is larger than thumbnail_xs", "- id: a\n  thumbnail_lg: ~\n  thumbnail_md: null\n  thumbnail_xs: https://e.org/xs.jpg\n  thumbnail_sm: https://e.org/sm.jpg\n"},
		{"a part on its block's video takes the block's own video, not an alternative", `- id: block
  video_provider: youtube
  video_id: abcdefghijk
  alternative_recordings:
    - video_provider: vimeo
      video_id: "123"
  talks:
    - id: part
      video_provider: parent
      start_cue: "01:30"
`},
		{"a part on its block's file has the media fragment of its start", `- id: block
  video_provider: mp4
  video_id: https://e.org/a.mp4
  talks:
    - id: part
      video_provider: parent
      start_cue: "1:01:30"
`},
		{"a provider without a video_id is reported", "- id: a\n  video_provider: youtube\n- id: b\n  video_provider: vimeo\n  video_id: \"\"\n- id: c\n  video_provider: mp4\n"},
		{"a cue is MM:SS or H:MM:SS, seconds and minutes below 60", `- {id: seconds-only, start_cue: "00:00", end_cue: "90"}
- {id: four-fields, start_cue: "00:00", end_cue: "1:00:00:00"}
- {id: three-digit-minutes, start_cue: "00:00", end_cue: "100:00"}
- {id: negative, start_cue: "-1:30", end_cue: "00:10"}
- {id: sixty-seconds, start_cue: "00:00", end_cue: "1:60"}
- {id: largest, start_cue: "00:00", end_cue: "99:59:59"}
`},
		{"a recording that is not a mapping is reported once", "- id: a\n  alternative_recordings: [oops]\n"},
		{"an id given a third time names the first's place", "- id: x\n- id: x\n- id: x\n"},
	}
	sp, err := rubyevents.ParseSpeakers([]byte(edgeDirectory), "speakers.yml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range videos {
		talks, err := rubyevents.ParseVideos([]byte(c.data), "ev/videos.yml", nil, sp)
		fmt.Fprintf(&b, "== videos: %s\n", c.name)
		for _, tk := range talkJSON(t, talks) {
			b.WriteString("talk: " + tk + "\n")
		}
		writeErrors(t, &b, err)
	}

	events := []struct{ name, path, data string }{
		{"Earth and unknown are no places", "s/e/event.yml", "location: Earth\n"},
		{"unknown is no place", "s/e/event.yml", "location: Unknown\n"},
		{"a location of more than three parts is a city of the rest", "s/e/event.yml", "location: Westminster, London, England, UK\n"},
		{"an event.yml at the root of the file system has no ID", "/event.yml", "title: T\n"},
		{"a key that differs from a model field only in case is kept under the prefix", "s/e/event.yml", "Title: T\n"},
		{"the keys that are the model's JSON members, and not read into it, are kept under the prefix", "s/e/event.yml",
			"id: x\nseries: s\nstart: a\nend: b\ntime_zone: z\nplace: p\nurl: u\n"},
		{"an empty timezone is none, without a word", "s/e/event.yml", "timezone: \"\"\n"},
		{"an event.yml in the current directory has no ID", "event.yml", "title: T\n"},
	}
	for _, c := range events {
		ev, err := rubyevents.ParseEvent([]byte(c.data), c.path)
		out, e := json.Marshal(ev)
		if e != nil {
			t.Fatal(e)
		}
		fmt.Fprintf(&b, "== event: %s\nevent: %s\n", c.name, out)
		writeErrors(t, &b, err)
	}

	s, ok := sp["Ada Lovelace"]
	fmt.Fprintf(&b, "== speakers: a handle written with @ is the handle without it, and a profile's URL ends in its handle\n%v %v\n", ok, s.Accounts)
	s, ok = sp["Every Service"]
	fmt.Fprintf(&b, "== speakers: each service's handle has its profile's URL, but mastodon's, whose server is not known\n%v %v\n", ok, s.Accounts)
	s, ok = sp["Empty Handles"]
	fmt.Fprintf(&b, "== speakers: an empty or null handle is no account\n%v %v %v\n", ok, s.Accounts, s.Extra)
	checkGolden(t, "edges.golden", b.String())
}

func writeErrors(t *testing.T, b *strings.Builder, err error) {
	t.Helper()
	for _, e := range errorList(t, err) {
		b.WriteString("error: " + e.Error() + "\n")
	}
	b.WriteString("\n")
}

// TestReadSeriesAndHidden: a directory whose name starts with a dot is no
// series, and series.yml, which each event keeps in Extra, gives way to
// an event's own member of that name.
func TestReadSeriesAndHidden(t *testing.T) {
	fsys := fstest.MapFS{
		"conf/series.yml":            {Data: []byte("name: Conf\nkind: conference\n")},
		"conf/conf-1/event.yml":      {Data: []byte("title: Conf 1\nseries: own\n")},
		"conf/conf-2/event.yml":      {Data: []byte("title: Conf 2\n")},
		".git/objects/event.yml":     {Data: []byte("title: Not an event\n")},
		".git/objects/videos.yml":    {Data: []byte("- id: not-a-talk\n")},
		"conf/conf-1/videos.yml":     {Data: []byte("- id: t\n")},
		".hidden/series.yml":         {Data: []byte("name: Hidden\n")},
		".hidden/hidden-1/event.yml": {Data: []byte("title: Hidden 1\n")},
	}
	a, err := rubyevents.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range a.Events {
		got = append(got, fmt.Sprintf("%s %q %s", ev.ID, ev.Series, ev.Extra["rubyevents_series"]))
	}
	for _, tk := range a.Talks {
		got = append(got, "talk "+tk.ID)
	}
	want := []string{`conf-1 "Conf" "own"`, `conf-2 "Conf" {"kind":"conference","name":"Conf"}`, "talk t"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestReadSeriesFiles: series.yml gives each event of its directory its
// Series (its name) and is kept whole in each event's Extra; one that is
// not a mapping is reported and not kept, and one that cannot be read is
// reported, its events read without it.
func TestReadSeriesFiles(t *testing.T) {
	tests := []struct {
		name   string
		series *fstest.MapFile
		want   []string
	}{
		{"a mapping", &fstest.MapFile{Data: []byte("name: Conf\nwebsite: https://conf.example\n")}, []string{
			`event conf-1 "Conf" {"name":"Conf","website":"https://conf.example"}`,
		}},
		{"a list", &fstest.MapFile{Data: []byte("- name: Conf\n")}, []string{
			`event conf-1 "" `,
			"conf/series.yml:1:1: rubyevents: want a mapping, got a list",
		}},
		{"a named pipe", &fstest.MapFile{Mode: fs.ModeNamedPipe}, []string{
			`event conf-1 "" `,
			"conf/series.yml: rubyevents: a named pipe, where a file was expected; not read",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := rubyevents.Read(fstest.MapFS{
				"conf/series.yml":       tt.series,
				"conf/conf-1/event.yml": {Data: []byte("title: Conf 1\n")},
			})
			var got []string
			for _, ev := range a.Events {
				got = append(got, fmt.Sprintf("event %s %q %s", ev.ID, ev.Series, ev.Extra["rubyevents_series"]))
			}
			var l talk.ErrorList
			errors.As(err, &l)
			for _, e := range l {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestAliasBudgetEdges: aliases may bring in four times the file's nodes,
// or 65536 when that is more, to the last node; beyond it, the alias that
// would pass it and every alias after it read as null.
func TestAliasBudgetEdges(t *testing.T) {
	// aliased is a talk whose Extra "a" is an anchored list of items
	// numbers (items+1 nodes), "c" an anchored list of one, and "b" a list
	// of n aliases of a, then those in tail.
	aliased := func(items, n int, tail string) string {
		return "- id: a\n  c: &c [1]\n  a: &a [" + strings.Repeat("0, ", items-1) + "0]\n  b: [" + strings.Repeat("*a, ", n-1) + "*a" + tail + "]\n"
	}
	cases := []struct{ name, data string }{
		{"16 aliases of 4096 nodes spend the 65536 to the last", aliased(4095, 16, "")},
		{"16 aliases of 4097 nodes do not, nor does an alias after them", aliased(4096, 16, ", *c")},
		{"3 aliases of 30001 nodes are within four times the file's nodes", aliased(30000, 3, "")},
		{"4 aliases of 30001 nodes are within four times the file's nodes, to the last", aliased(30000, 4, "")},
	}
	var got []string
	for _, c := range cases {
		talks, err := rubyevents.ParseVideos([]byte(c.data), "ev/videos.yml", nil, nil)
		var b []json.RawMessage
		if e := json.Unmarshal(talks[0].Extra["b"], &b); e != nil {
			t.Fatal(e)
		}
		var read []int // the length of each alias read
		for _, v := range b {
			var items []int
			if e := json.Unmarshal(v, &items); e != nil {
				t.Fatal(e)
			}
			read = append(read, len(items))
		}
		got = append(got, fmt.Sprintf("%s: b %v, %v", c.name, read, err))
	}
	full := func(n, items int) string { return strings.TrimSuffix(strings.Repeat(fmt.Sprint(items)+" ", n), " ") }
	want := []string{
		"16 aliases of 4096 nodes spend the 65536 to the last: b [" + full(16, 4095) + "], <nil>",
		"16 aliases of 4097 nodes do not, nor does an alias after them: b [" + full(15, 4096) + " 0 0], ev/videos.yml:4:67: rubyevents: aliases repeat more than 65536 values; this one, and each alias beyond the limit, read as null",
		"3 aliases of 30001 nodes are within four times the file's nodes: b [" + full(3, 30000) + "], <nil>",
		"4 aliases of 30001 nodes are within four times the file's nodes, to the last: b [" + full(4, 30000) + "], <nil>",
	}
	if len(got) != len(want) {
		t.Errorf("got %d results, want %d", len(got), len(want))
	}
	for i := range want {
		if i < len(got) && got[i] != want[i] {
			t.Errorf("got  %.300s\nwant %.300s", got[i], want[i])
		}
	}
}

// TestFileSizeEdge: a file of exactly 32 MiB is read, one byte more is
// not.
func TestFileSizeEdge(t *testing.T) {
	const limit = 32 << 20
	head := "- id: a\n#"
	var got []string
	for _, size := range []int{limit, limit + 1} {
		data := []byte(head + strings.Repeat("x", size-len(head)-1) + "\n")
		talks, err := rubyevents.ParseVideos(data, "ev/videos.yml", nil, nil)
		got = append(got, fmt.Sprintf("%d talks, %v", len(talks), err))
	}
	want := []string{"1 talks, <nil>", "0 talks, ev/videos.yml: file size 33554433 exceeds the limit of 33554432"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

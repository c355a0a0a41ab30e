package rubyevents_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/internal/memfs"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
)

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got))
}

func errorList(t testing.TB, err error) talk.ErrorList {
	t.Helper()
	if err == nil {
		return nil
	}
	var l talk.ErrorList
	if !errors.As(err, &l) {
		t.Fatalf("%T is not an ErrorList: %v", err, err)
	}
	for _, e := range l {
		var le *talk.LimitError
		if e.Line == 0 && !errors.As(e, &le) {
			t.Errorf("error without a line: %v", e)
		}
		if !strings.Contains(e.Error(), "rubyevents: ") {
			t.Errorf("error does not name the package: %v", e)
		}
	}
	return l
}

// TestRead reads the test data directory: events, talks with their parts,
// and every problem with its position.
func TestRead(t *testing.T) {
	a, err := rubyevents.Read(os.DirFS("testdata/data"))
	var b strings.Builder
	for _, ev := range a.Events {
		out, _ := json.MarshalIndent(ev, "", "  ")
		b.WriteString("event: " + string(out) + "\n")
	}
	for _, tk := range a.Talks {
		c := *tk
		c.Event = talk.Event{ID: tk.Event.ID}
		out, err := json.MarshalIndent(c, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("talk: " + string(out) + "\n")
		// Every talk is valid talkmeta JSON: it reads back.
		if _, err := talk.ParseJSON(out, tk.ID); err != nil {
			t.Errorf("talk %q does not read back: %v", tk.ID, err)
		}
	}
	for _, e := range errorList(t, err) {
		b.WriteString("error: " + e.Error() + "\n")
	}
	checkGolden(t, "read.golden", b.String())
}

// TestReadSymlinks reads the test data through symbolic links, to a
// series directory and to event directories: the same events and talks
// as without them.
func TestReadSymlinks(t *testing.T) {
	data, err := filepath.Abs(filepath.Join("testdata", "data"))
	if err != nil {
		t.Fatal(err)
	}
	// asJSON is an archive as the golden file of TestRead shows it.
	asJSON := func(a *rubyevents.Archive, err error) string {
		out, jerr := json.MarshalIndent(a, "", "  ")
		if jerr != nil {
			t.Fatal(jerr)
		}
		return string(out) + "\nerrors: " + fmt.Sprint(err)
	}
	want := asJSON(rubyevents.Read(os.DirFS(data)))
	linkedSeries, linkedEvents := t.TempDir(), t.TempDir()
	links := map[string]string{
		filepath.Join(linkedSeries, "speakers.yml"):              "speakers.yml",
		filepath.Join(linkedSeries, "tinyconf"):                  "tinyconf",
		filepath.Join(linkedEvents, "speakers.yml"):              "speakers.yml",
		filepath.Join(linkedEvents, "tinyconf", "series.yml"):    "tinyconf/series.yml",
		filepath.Join(linkedEvents, "tinyconf", "tinyconf-2024"): "tinyconf/tinyconf-2024",
		filepath.Join(linkedEvents, "tinyconf", "tinyconf-2025"): "tinyconf/tinyconf-2025",
	}
	if err := os.Mkdir(filepath.Join(linkedEvents, "tinyconf"), 0o755); err != nil {
		t.Fatal(err)
	}
	for link, target := range links {
		if err := os.Symlink(filepath.Join(data, target), link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	for _, dir := range []string{linkedSeries, linkedEvents} {
		if diff := cmp.Diff(want, asJSON(rubyevents.Read(os.DirFS(dir)))); diff != "" {
			t.Errorf("%s (-want +got):\n%s", dir, diff)
		}
	}
}

// TestReadHostileFiles reads the test data with a speakers.yml over the
// size limit and a videos.yml that is a named pipe: each is reported,
// without reading the one or waiting on the other, and the rest is read.
func TestReadHostileFiles(t *testing.T) {
	fsys := memfs.Copy(t, filepath.Join("testdata", "data"))
	fsys["speakers.yml"] = &fstest.MapFile{Data: bytes.Repeat([]byte(" "), 32<<20+1)}
	fsys["tinyconf/tinyconf-2025/videos.yml"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
	a, err := rubyevents.Read(fsys)
	var got []string
	var l talk.ErrorList
	if errors.As(err, &l) {
		for _, e := range l {
			if !strings.HasPrefix(e.Path, "tinyconf/tinyconf-2024/") { // the test data's own
				got = append(got, e.Error())
			}
		}
	}
	want := []string{
		"speakers.yml: file size 33554433 exceeds the limit of 33554432",
		"tinyconf/tinyconf-2025/videos.yml: rubyevents: a named pipe, where a file was expected; not read",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if len(a.Events) != 2 || len(a.Talks) == 0 {
		t.Errorf("read %d events and %d talks, want both events and tinyconf-2024's talks", len(a.Events), len(a.Talks))
	}
}

func TestLanguage(t *testing.T) {
	for in, want := range map[string]talk.Language{
		"English": "en", "japanese": "ja", "Spanish": "es", "Portuguese": "pt",
		"Brazilian Portuguese": "pt-BR", "ja": "ja", "pt-BR": "pt-BR", "eng": "en",
		// ISO 639-1's English names, as RubyEvents' schema lists them,
		// which CLDR lacks or reads otherwise.
		"Latin": "la", "Kurdish": "ku", "Panjabi": "pa", "Greek, Modern (1453-)": "el",
		"Bokmål, Norwegian": "nb", "Norwegian Bokmål": "nb", "Norwegian Nynorsk": "nn",
		"Central Khmer": "km", "Pushto": "ps", "Uighur": "ug", "Maori": "mi",
		"Spanish; Castilian": "es", "Flemish": "nl", "Moldovan": "ro",
		// Names CLDR and ISO 639 lack, and names with spaces around.
		"Mandarin": "zh", "Portuguese (Brazil)": "pt-BR", " Panjabi ": "pa", "Norwegian": "no",
	} {
		if got, ok := rubyevents.Language(in); !ok || got != want {
			t.Errorf("Language(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Klingon", "", "Englisch"} {
		if got, ok := rubyevents.Language(in); ok {
			t.Errorf("Language(%q) = %q, want not known", in, got)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	_, err := rubyevents.ParseVideos([]byte("- id: a\n  title: [unclosed\n"), "videos.yml", &talk.Event{}, nil)
	l := errorList(t, err)
	if len(l) != 1 || l[0].Line == 0 || !strings.Contains(l[0].Error(), "invalid YAML") {
		t.Errorf("got %v, want one positioned YAML error", err)
	}
}

// TestInvalidUTF8 places a byte that is not UTF-8 where it is, which
// go-yaml reports at a line after it, at column 1.
func TestInvalidUTF8(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"leading byte", "- id: a\n  title: Bad \xff byte\n  speakers: [x]\n",
			"videos.yml:2:14: rubyevents: invalid YAML: invalid UTF-8 (byte 0xff)"},
		{"cut sequence", "- id: a\n  title: x\xe9y\n", "videos.yml:2:11: rubyevents: invalid YAML: invalid UTF-8 (byte 0xe9)"},
		{"quoted, after a BOM", "\ufeff- id: a\n  title: \"ok\"\n  description: \"\xc3\"\n",
			"videos.yml:3:17: rubyevents: invalid YAML: invalid UTF-8 (byte 0xc3)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rubyevents.ParseVideos([]byte(tt.in), "videos.yml", &talk.Event{}, nil)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzParseVideos(f *testing.F) {
	for _, n := range []string{"testdata/data/tinyconf/tinyconf-2025/videos.yml", "testdata/data/tinyconf/tinyconf-2024/videos.yml", "testdata/data/speakers.yml"} {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		talks, err := rubyevents.ParseVideos(data, "fuzz.yml", &talk.Event{}, nil)
		errorList(t, err)
		for _, tk := range talks {
			if _, err := json.Marshal(tk); err != nil {
				t.Fatal(err)
			}
		}
		_, err = rubyevents.ParseSpeakers(data, "fuzz.yml")
		errorList(t, err)
		_, err = rubyevents.ParseEvent(data, "x/fuzz.yml")
		errorList(t, err)
	})
}

// aliasTree writes a talk whose member extra holds anchors each naming
// the one before twice: levels of them stand for 2^levels values.
func aliasTree(levels int) string {
	var b strings.Builder
	b.WriteString("- id: bomb\n  title: Bomb\n  extra:\n    - &a0 [x, y]\n")
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, "    - &a%d [*a%d, *a%d]\n", i, i-1, i-1)
	}
	return b.String()
}

// partsTree writes a talk whose parts are ten aliases of a list of ten
// talks, each with parts aliasing the list below: ten to the eighth talks.
func partsTree() string {
	var b strings.Builder
	b.WriteString("- id: l0\n  title: Leaf\n  anchors:\n    - &l0 [")
	for i := range 10 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{title: leaf}")
	}
	b.WriteString("]\n")
	for d := 1; d <= 8; d++ {
		fmt.Fprintf(&b, "    - &l%d [", d)
		for i := range 10 {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "{title: part, talks: *l%d}", d-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("- id: top\n  title: Top\n  talks: *l8\n")
	return b.String()
}

// talkJSON returns the JSON of each talk, without its event.
func talkJSON(t *testing.T, talks []*talk.Talk) []string {
	t.Helper()
	var got []string
	for _, tk := range talks {
		c := *tk
		c.Event = talk.Event{}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(out))
	}
	return got
}

func countParts(t *talk.Talk) int {
	n := len(t.Parts)
	for i := range t.Parts {
		n += countParts(&t.Parts[i])
	}
	return n
}

// TestAliasBudget holds the readers to a budget of what aliases may
// repeat: a file whose aliases stand for billions of values is read as
// far as the budget goes, with one error, instead of forever.
func TestAliasBudget(t *testing.T) {
	t.Run("extra", func(t *testing.T) {
		talks, err := rubyevents.ParseVideos([]byte(aliasTree(40)), "videos.yml", &talk.Event{}, nil)
		l := errorList(t, err)
		if len(l) != 1 || !strings.Contains(l[0].Error(), "aliases repeat more than 65536 values") || l[0].Line == 0 {
			t.Fatalf("got %v, want one positioned error about aliases", err)
		}
		if len(talks) != 1 || len(talks[0].Extra["extra"]) > 1<<20 {
			t.Errorf("got %d talks, extra of %d bytes; want 1 talk, extra within the budget", len(talks), len(talks[0].Extra["extra"]))
		}
	})
	t.Run("parts", func(t *testing.T) {
		talks, err := rubyevents.ParseVideos([]byte(partsTree()), "videos.yml", &talk.Event{}, nil)
		l := errorList(t, err)
		if len(l) != 1 || !strings.Contains(l[0].Error(), "aliases repeat more than") {
			t.Fatalf("got %v, want one error about aliases", err)
		}
		if len(talks) != 2 || countParts(talks[1]) > 1<<16 {
			t.Errorf("got %d talks, %d parts; want 2 talks, parts within the budget", len(talks), countParts(talks[1]))
		}
	})
	t.Run("within the budget", func(t *testing.T) {
		// Anchors used the way YAML files use them stay as they are.
		src := aliasTree(12) + "  more:\n" + strings.Repeat("    - *a3\n", 200)
		talks, err := rubyevents.ParseVideos([]byte(src), "videos.yml", &talk.Event{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var extra, more []json.RawMessage
		if err := json.Unmarshal(talks[0].Extra["extra"], &extra); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(talks[0].Extra["more"], &more); err != nil {
			t.Fatal(err)
		}
		if len(extra) != 12 || len(more) != 200 || len(extra[11]) != len(`[]`)+2*len(extra[10])+1 {
			t.Errorf("got %d and %d values, the last of %d bytes; want the aliases expanded", len(extra), len(more), len(extra[11]))
		}
	})
}

// TestDates reads the date forms of videos.yml: quoted and YAML
// timestamps, and date-times with their zone after a space as Ruby's
// Time#to_s and YAML write them, which keep that zone; one without a zone
// is in UTC, as RubyEvents reads it.
func TestDates(t *testing.T) {
	data := `
- {id: a, date: "2024-04-16"}
- {id: b, date: 2024-04-16}
- {id: c, date: "2024-04-16 UTC"}
- {id: d, date: "2024-04-16 10:00:00 UTC"}
- {id: e, date: 2024-04-16 10:00:00 +09:00}
- {id: f, date: "2024-04-16 10:00:00 +0900"}
- {id: g, date: 2001-12-14 21:59:43.10 -5}
- {id: h, date: 2024-04-16T10:00:00Z}
- {id: i, date: "2024-04-16 10:00:00"}
- {id: j, date: "2024-04-16 10:00:00 +9:00:00"}
- {id: k, date: 2024-04-16 23:30:00}
- {id: l, date: "2024-04-16T10:00:00.5"}
`
	talks, err := rubyevents.ParseVideos([]byte(data), "videos.yml", &talk.Event{}, nil)
	var got []string
	for _, tk := range talks {
		got = append(got, tk.ID+" "+tk.Recorded.String()+" "+tk.Recorded.Precision().String())
	}
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	want := []string{
		"a 2024-04-16 day",
		"b 2024-04-16 day",
		"c 2024-04-16 day",
		"d 2024-04-16T10:00:00Z date-time with offset",
		"e 2024-04-16T10:00:00+09:00 date-time with offset",
		"f 2024-04-16T10:00:00+09:00 date-time with offset",
		"g 2001-12-14T21:59:43.1-05:00 date-time with offset",
		"h 2024-04-16T10:00:00Z date-time with offset",
		"i 2024-04-16T10:00:00Z date-time with offset",
		"j  none",
		"k 2024-04-16T23:30:00Z date-time with offset",
		"l 2024-04-16T10:00:00.5Z date-time with offset",
		`videos.yml:11:17: rubyevents: date: "2024-04-16 10:00:00 +9:00:00" has unexpected text after the time`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMergeKeys reads YAML merge keys ("<<: *defaults"), which bring in
// the members of a mapping that the talk does not set itself, in fields
// and in Extra alike.
func TestMergeKeys(t *testing.T) {
	data := `
- &defaults
  id: a
  kind: keynote
  track: Main
  video_provider: youtube
  video_id: abc
  meta: &meta {room: A, floor: 1}
- <<: *defaults
  id: b
  video_id: def
  meta:
    <<: [*meta, {room: B, seats: 50}]
    floor: 2
`
	talks, err := rubyevents.ParseVideos([]byte(data), "videos.yml", &talk.Event{}, nil)
	errorList(t, err)
	got := talkJSON(t, talks)
	want := []string{
		`{"id":"a","title":"","kind":"keynote","track":"Main","videos":[{"provider":"youtube","url":"https://www.youtube.com/watch?v=abc","id":"abc"}],"meta":{"floor":1,"room":"A"},"video_id":"abc"}`,
		`{"id":"b","title":"","kind":"keynote","track":"Main","videos":[{"provider":"youtube","url":"https://www.youtube.com/watch?v=def","id":"def"}],"meta":{"floor":2,"room":"A","seats":50},"video_id":"def"}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDateErrors: a refused date is a *talk.DateError to errors.As, as
// talk.ParseJSON's is, with the message unchanged.
func TestDateErrors(t *testing.T) {
	var got []string
	_, err := rubyevents.ParseEvent([]byte("title: T\nstart_date: 2016-02-30\n"), "s/e/event.yml")
	var de *talk.DateError
	got = append(got, fmt.Sprintf("%v [%v]", err, errors.As(err, &de)))
	_, err = rubyevents.ParseVideos([]byte("- id: a\n  title: A\n  date: 2016-13-01\n"), "s/e/videos.yml", &talk.Event{ID: "e"}, nil)
	got = append(got, fmt.Sprintf("%v [%v]", err, errors.As(err, &de)))
	want := []string{
		`s/e/event.yml:2:13: rubyevents: start_date: "2016-02-30" is not a real date [true]`,
		`s/e/videos.yml:3:9: rubyevents: date: "2016-13-01" is not a real date [true]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTimeZones: an event's timezone is an IANA zone, and "Local", which
// Go's time package takes for the zone of the machine that reads the
// file, is none: it is reported and kept in Extra, not made the event's.
func TestTimeZones(t *testing.T) {
	var got []string
	for _, z := range []string{"Europe/Berlin", "Local", "/etc/localtime"} {
		ev, err := rubyevents.ParseEvent([]byte("title: T\ntimezone: "+z+"\n"), "s/e/event.yml")
		got = append(got, fmt.Sprintf("%q %s %v", ev.TimeZone, ev.Extra["timezone"], err))
	}
	want := []string{
		`"Europe/Berlin"  <nil>`,
		`"" "Local" s/e/event.yml:2:11: rubyevents: timezone "Local" is not an IANA time zone`,
		`"" "/etc/localtime" s/e/event.yml:2:11: rubyevents: timezone "/etc/localtime" is not an IANA time zone`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseVideosWithoutEvent: a videos.yml read without its event.yml
// (a nil event, as speakers may be nil) gives talks whose event has the
// ID ParseEvent would give it, instead of a nil pointer dereference.
func TestParseVideosWithoutEvent(t *testing.T) {
	talks, err := rubyevents.ParseVideos([]byte("- id: a\n  title: A\n  date: 2024-04-16\n"), "rubyconf/rubyconf-2024/videos.yml", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []*talk.Talk{{
		ID: "a", Title: "A", Recorded: talk.MustParseDate("2024-04-16"),
		Event:  talk.Event{ID: "rubyconf-2024"},
		Origin: talk.Origin{Format: rubyevents.FormatName, Path: "rubyconf/rubyconf-2024/videos.yml"},
	}}
	if diff := cmp.Diff(want, talks, cmp.Comparer(func(a, b talk.Date) bool { return a == b })); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReadFSErrors: problems of the file system are worded as the
// package's other errors are, with its prefix and the file's path once,
// where a missing directory used to give ".: open .: no such file or
// directory"; they wrap the cause, and a nil fs.FS is an error too.
func TestReadFSErrors(t *testing.T) {
	var got []string
	collect := func(err error) {
		var l talk.ErrorList
		if !errors.As(err, &l) {
			got = append(got, fmt.Sprintf("not an ErrorList: %v", err))
			return
		}
		for _, e := range l {
			got = append(got, e.Error())
		}
	}
	_, err := rubyevents.Read(os.DirFS(filepath.Join(t.TempDir(), "missing")))
	collect(err)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", err)
	}
	_, err = rubyevents.Read(nil)
	collect(err)
	// A directory where a file should be.
	_, err = rubyevents.Read(fstest.MapFS{"speakers.yml/x": &fstest.MapFile{}})
	collect(err)
	want := []string{
		"rubyevents: cannot open the data directory: no such file or directory",
		"rubyevents: nil fs.FS",
		"speakers.yml: rubyevents: read: invalid argument",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWrongKinds: a value of the wrong kind where the model has a field,
// or an item of the wrong kind in a list, is reported and kept in Extra,
// never dropped without a word. An alias that is not a mapping with a
// name (aliases: [1]) used to be passed over silently, and a speakers.yml
// or event.yml value of the wrong kind, a talk's language, provider,
// slides URL, duration, thumbnail or speaker of the wrong kind were
// reported but lost.
func TestWrongKinds(t *testing.T) {
	type result struct {
		Extra  map[string]string
		Errors []string
	}
	extras := func(m map[string]json.RawMessage) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			out[k] = string(v)
		}
		return out
	}
	errs := func(err error) []string {
		var l talk.ErrorList
		errors.As(err, &l)
		var out []string
		for _, e := range l {
			out = append(out, e.Error())
		}
		return out
	}
	got := map[string]result{}

	sp, err := rubyevents.ParseSpeakers([]byte(`- name: Ada
  aliases: [1, {slug: ada-l}, {name: A. Lovelace}, {name: [B]}]
  bio: [not, text]
  github: {user: ada}
`), "speakers.yml")
	got["speaker"] = result{extras(sp["Ada"].Extra), errs(err)}
	if _, ok := sp["A. Lovelace"]; !ok {
		t.Errorf("the named alias is not a key: %v", sp)
	}

	ev, err := rubyevents.ParseEvent([]byte("title: [T]\ntimezone: {z: 1}\nlocation: [Here]\nstart_date: [2024]\n"), "s/e/event.yml")
	got["event"] = result{extras(ev.Extra), errs(err)}

	talks, err := rubyevents.ParseVideos([]byte(`- id: a
  language: [en]
  video_provider: {p: 1}
  slides_url: [u]
  duration_in_seconds: [1]
  thumbnail_xl: {u: 1}
  speakers: [Ada, {name: Bob}]
  talks: [1]
- id: b
  speakers: {name: Bob}
- id: c
  talks: [{title: P}, oops, {title: Q}]
- id: d
  talks: oops
- id: e
  speakers: [Ada, ~, ""]
`), "s/e/videos.yml", nil, nil)
	for _, tk := range talks {
		got["talk "+tk.ID] = result{extras(tk.Extra), nil}
	}
	got["talks"] = result{nil, errs(err)}
	var parts []string
	for _, tk := range talks {
		for _, p := range tk.Parts {
			parts = append(parts, tk.ID+": "+p.Title)
		}
	}
	// Only the mappings are parts; the rest are Extra's, each once.
	if diff := cmp.Diff([]string{"c: P", "c: Q"}, parts); diff != "" {
		t.Errorf("parts (-want +got):\n%s", diff)
	}

	want := map[string]result{
		"speaker": {Extra: map[string]string{
			"aliases": `[1,{"slug":"ada-l"},{"name":"A. Lovelace"},{"name":["B"]}]`, "rubyevents_bio": `["not","text"]`, "github": `{"user":"ada"}`,
		}, Errors: []string{
			"speakers.yml:2:13: rubyevents: aliases: want a mapping with a name, got a scalar",
			"speakers.yml:2:16: rubyevents: aliases: an alias without a name",
			"speakers.yml:2:59: rubyevents: aliases: name: want text, got a list",
			"speakers.yml:3:8: rubyevents: bio: want text, got a list",
			"speakers.yml:4:11: rubyevents: github: want text, got a mapping",
		}},
		"event": {Extra: map[string]string{
			"rubyevents_title": `["T"]`, "timezone": `{"z":1}`, "location": `["Here"]`, "start_date": `[2024]`,
		}, Errors: []string{
			"s/e/event.yml:1:8: rubyevents: title: want text, got a list",
			"s/e/event.yml:2:11: rubyevents: timezone: want text, got a mapping",
			"s/e/event.yml:3:11: rubyevents: location: want text, got a list",
			"s/e/event.yml:4:13: rubyevents: start_date: want text, got a list",
		}},
		"talk a": {Extra: map[string]string{
			"rubyevents_language": `["en"]`, "video_provider": `{"p":1}`, "slides_url": `["u"]`,
			"duration_in_seconds": `[1]`, "thumbnail_xl": `{"u":1}`,
			// The items the model took are not kept again.
			"rubyevents_speakers": `[{"index":1,"item":{"name":"Bob"}}]`,
			"talks":               `[{"index":0,"item":1}]`,
		}},
		"talk b": {Extra: map[string]string{"rubyevents_speakers": `{"name":"Bob"}`}},
		"talk c": {Extra: map[string]string{"talks": `[{"index":1,"item":"oops"}]`}},
		"talk d": {Extra: map[string]string{"talks": `"oops"`}},
		// Empty speakers make none, and are kept without a word.
		"talk e": {Extra: map[string]string{"rubyevents_speakers": `[{"index":1,"item":null},{"index":2,"item":""}]`}},
		"talks": {Errors: []string{
			"s/e/videos.yml:2:13: rubyevents: language: want text, got a list",
			"s/e/videos.yml:3:19: rubyevents: video_provider: want text, got a mapping",
			"s/e/videos.yml:4:15: rubyevents: slides_url: want text, got a list",
			"s/e/videos.yml:5:24: rubyevents: duration_in_seconds: want text, got a list",
			"s/e/videos.yml:6:17: rubyevents: thumbnail_xl: want text, got a mapping",
			"s/e/videos.yml:7:19: rubyevents: speakers: speaker: want text, got a mapping",
			"s/e/videos.yml:8:11: rubyevents: talks: want a mapping, got a scalar",
			"s/e/videos.yml:10:13: rubyevents: speakers: want a list, got a mapping",
			"s/e/videos.yml:12:23: rubyevents: talks: want a mapping, got a scalar",
			"s/e/videos.yml:14:10: rubyevents: talks: want a list, got a scalar",
		}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSiblingsShareNothing: the talks ParseVideos returns each have
// their own Event.Extra, and their speakers from the directory their own
// Extra and Accounts, where all shared the event's and the directory's,
// so that changing one talk changed the others.
func TestSiblingsShareNothing(t *testing.T) {
	speakers, err := rubyevents.ParseSpeakers([]byte("- name: Ada\n  github: ada\n  pronouns: she/her\n"), "speakers.yml")
	if err != nil {
		t.Fatal(err)
	}
	ev := &talk.Event{ID: "e", Extra: map[string]json.RawMessage{"kind": json.RawMessage(`"conference"`)}}
	talks, err := rubyevents.ParseVideos([]byte("- id: a\n  speakers: [Ada]\n- id: b\n  speakers: [Ada]\n"), "s/e/videos.yml", ev, speakers)
	if err != nil {
		t.Fatal(err)
	}
	a := talks[0]
	a.Event.Extra["kind"] = json.RawMessage(`"meetup"`)
	a.Speakers[0].Extra["pronouns"] = json.RawMessage(`"they"`)
	a.Speakers[0].Accounts[0].Handle = "someone-else"
	var got []string
	for _, tk := range talks {
		got = append(got, fmt.Sprintf("%s %s %s %s", tk.ID, tk.Event.Extra["kind"], tk.Speakers[0].Extra["pronouns"], tk.Speakers[0].Accounts[0].Handle))
	}
	got = append(got, fmt.Sprintf("%s %s %s", ev.Extra["kind"], speakers["Ada"].Extra["pronouns"], speakers["Ada"].Accounts[0].Handle))
	want := []string{`a "meetup" "they" someone-else`, `b "conference" "she/her" ada`, `"conference" "she/her" ada`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestKeysAndDocuments: a key given twice is reported and read once,
// with its last value, as Psych reads it, where the second went on top
// of the first without a word (and a list given twice, such as speakers,
// was read twice); a key that is not text is reported, where its member
// was kept under "" and another such key's went on top of it; a second
// YAML document is reported, where it was left out without a word. A
// mapping read twice (kept whole in Extra too) or named by aliases is
// reported on once.
func TestKeysAndDocuments(t *testing.T) {
	data := `- id: a
  title: First
  title: Second
  speakers: [Ada]
  speakers: [Bob]
  ? [complex, key]
  : one
  [1, 2]: two
  additional_resources:
    - &r {url: "http://a", url: "http://b"}
    - *r
---
- id: b
  title: In the second document
`
	talks, err := rubyevents.ParseVideos([]byte(data), "s/e/videos.yml", &talk.Event{}, nil)
	got := talkJSON(t, talks)
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	want := []string{
		`{"id":"a","title":"Second","speakers":[{"name":"Bob"}],"links":[{"url":"http://b"},{"url":"http://b"}],"additional_resources":[{"url":"http://b"},{"url":"http://b"}]}`,
		`s/e/videos.yml:13:1: rubyevents: a second YAML document; only the first is read`,
		`s/e/videos.yml:3:3: rubyevents: title: given again (first at line 2, column 3); the last is read`,
		`s/e/videos.yml:5:3: rubyevents: speakers: given again (first at line 4, column 3); the last is read`,
		`s/e/videos.yml:6:5: rubyevents: a key must be text, got a list; its member is left out`,
		`s/e/videos.yml:8:3: rubyevents: a key must be text, got a list; its member is left out`,
		`s/e/videos.yml:10:28: rubyevents: url: given again (first at line 10, column 11); the last is read`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSpeakersNamedTwice: a speaker given twice, an alias that is
// another speaker's name and one that is another's alias too are
// reported, where the last speaker of a name, the name's speaker and the
// first alias's took the talks naming them without a word.
func TestSpeakersNamedTwice(t *testing.T) {
	data := `- name: Ada
  github: ada-first
- name: Bob
  aliases: [{name: Ada}, {name: Bobby}, {name: Bob}]
- name: Ada
  github: ada-last
- name: Robert
  aliases: [{name: Bobby}]
`
	sp, err := rubyevents.ParseSpeakers([]byte(data), "speakers.yml")
	var got []string
	for _, name := range []string{"Ada", "Bob", "Bobby", "Robert"} {
		s := sp[name]
		got = append(got, fmt.Sprintf("%s: %s %v", name, s.Name, s.Accounts))
	}
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	want := []string{
		"Ada: Ada [{github ada-last https://github.com/ada-last}]",
		"Bob: Bob []",
		"Bobby: Bob []",
		"Robert: Robert []",
		`speakers.yml:5:9: rubyevents: speaker "Ada" again (first at line 1, column 9); the last is read`,
		`speakers.yml:4:13: rubyevents: aliases: "Ada" is the name of another speaker; talks naming it are theirs, not "Bob"'s`,
		`speakers.yml:8:13: rubyevents: aliases: "Bobby" is an alias of "Bob" too; talks naming it are theirs, not "Robert"'s`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReadWithoutEventFile: an event directory with a videos.yml and no
// event.yml gives its talks, with their event's ID and series, and an
// error naming the missing file, where the directory was passed over
// without a word; a directory with neither is still no event's.
func TestReadWithoutEventFile(t *testing.T) {
	a, err := rubyevents.Read(fstest.MapFS{
		"conf/series.yml":             {Data: []byte("name: Conf\n")},
		"conf/conf-2024/videos.yml":   {Data: []byte("- id: a\n  title: A\n")},
		"conf/conf-2025/event.yml":    {Data: []byte("title: Conf 2025\n")},
		"conf/notes/README.md":        {Data: []byte("not an event\n")},
		"conf/conf-2026/schedule.yml": {Data: []byte("days: []\n")},
	})
	var got []string
	for _, ev := range a.Events {
		got = append(got, fmt.Sprintf("event %s %q %q", ev.ID, ev.Title, ev.Series))
	}
	for _, tk := range a.Talks {
		got = append(got, fmt.Sprintf("talk %s %q of %s %q", tk.ID, tk.Title, tk.Event.ID, tk.Event.Series))
	}
	var l talk.ErrorList
	errors.As(err, &l)
	for _, e := range l {
		got = append(got, e.Error())
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", err)
	}
	want := []string{
		`event conf-2024 "" "Conf"`,
		`event conf-2025 "Conf 2025" "Conf"`,
		`talk a "A" of conf-2024 "Conf"`,
		"conf/conf-2024/event.yml: rubyevents: missing beside videos.yml; its talks are read with their event's ID only",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDeepExtra: a value kept in Extra that is nested more than 64 deep
// keeps what lies above that, with null below, and an error where it is
// cut, which was made null without a word.
func TestDeepExtra(t *testing.T) {
	const levels = 70
	data := "- id: a\n  title: T\n  extra: " + strings.Repeat("[", levels) + "x" + strings.Repeat("]", levels) + "\n" +
		"  more: " + strings.Repeat("[", levels) + "y" + strings.Repeat("]", levels) + "\n"
	talks, err := rubyevents.ParseVideos([]byte(data), "s/e/videos.yml", &talk.Event{}, nil)
	got := talkJSON(t, talks)
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	nested := strings.Repeat("[", 65) + "null" + strings.Repeat("]", 65)
	want := []string{
		`{"id":"a","title":"T","extra":` + nested + `,"more":` + nested + `}`,
		"s/e/videos.yml:3:75: rubyevents: a value nested more than 64 deep; it and any other so deep in the file are kept as null",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestAlternativeRecordings: each of alternative_recordings that makes a
// video is one of the talk's Videos, after the talk's own; one that
// makes none is reported, where it was passed over without a word (the
// list is kept whole in Extra either way).
func TestAlternativeRecordings(t *testing.T) {
	data := `- id: a
  title: T
  video_provider: youtube
  video_id: main
  alternative_recordings:
    - {video_provider: vimeo, video_id: "123", language: Japanese}
    - {video_provider: youtube}
    - {video_id: orphan}
    - {video_provider: twitch, video_id: t1}
    - {video_provider: mp4, video_id: "https://cdn.example.org/a.mp4"}
`
	talks, err := rubyevents.ParseVideos([]byte(data), "s/e/videos.yml", &talk.Event{}, nil)
	var got []string
	for _, v := range talks[0].Videos {
		got = append(got, fmt.Sprintf("%s %s %s", v.Provider, v.URL, v.Language))
	}
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	want := []string{
		"youtube https://www.youtube.com/watch?v=main ",
		"vimeo https://vimeo.com/123 ja",
		"file https://cdn.example.org/a.mp4 ",
		"s/e/videos.yml:7:24: rubyevents: alternative_recordings: video_provider youtube without a video_id",
		"s/e/videos.yml:8:7: rubyevents: alternative_recordings: a recording without a video_provider",
		`s/e/videos.yml:9:24: rubyevents: alternative_recordings: video_provider "twitch" is not youtube, vimeo or mp4`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDuplicateIDs: a talk id given twice, in one videos.yml or in two,
// or a part's id that another talk or part has, is reported at the
// second with the place of the first, where both were read without a
// word (and an import wrote them as two records of one id, or RubyEvents
// one talk of two); both talks are read.
func TestDuplicateIDs(t *testing.T) {
	a, err := rubyevents.Read(fstest.MapFS{
		"conf/conf-2024/event.yml":  {Data: []byte("title: Conf 2024\n")},
		"conf/conf-2024/videos.yml": {Data: []byte("- id: a\n  title: A\n- id: b\n  title: B\n- id: a\n  title: A again\n")},
		"conf/conf-2025/event.yml":  {Data: []byte("title: Conf 2025\n")},
		"conf/conf-2025/videos.yml": {Data: []byte("- id: b\n  title: B in 2025\n")},
	})
	var got []string
	for _, tk := range a.Talks {
		got = append(got, fmt.Sprintf("%s %q of %s", tk.ID, tk.Title, tk.Event.ID))
	}
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	_, err = rubyevents.ParseVideos([]byte("- id: x\n  title: X\n- id: x\n  title: Y\n"), "s/e/videos.yml", nil, nil)
	got = append(got, fmt.Sprint(err))
	// A part is a talk of RubyEvents' too, whose id names it alone: one
	// that another talk or part has is reported, in the order of the file.
	_, err = rubyevents.ParseVideos([]byte(`- id: block
  talks:
    - id: p
    - id: block
    - id: q
      talks:
        - id: p
- id: q
`), "s/e/videos.yml", nil, nil)
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	want := []string{
		`a "A" of conf-2024`,
		`b "B" of conf-2024`,
		`a "A again" of conf-2024`,
		`b "B in 2025" of conf-2025`,
		`conf/conf-2024/videos.yml:5:3: rubyevents: id "a" is also the id of the talk at line 1, column 3; RubyEvents' ids name one talk each: give one of them another`,
		`conf/conf-2025/videos.yml:1:3: rubyevents: id "b" is also the id of the talk at conf/conf-2024/videos.yml:3:3; RubyEvents' ids name one talk each: give one of them another`,
		`s/e/videos.yml:3:3: rubyevents: id "x" is also the id of the talk at line 1, column 3; RubyEvents' ids name one talk each: give one of them another`,
		`s/e/videos.yml:4:7: rubyevents: id "block" is also the id of the talk at line 1, column 3; RubyEvents' ids name one talk each: give one of them another`,
		`s/e/videos.yml:7:11: rubyevents: id "p" is also the id of the talk at line 3, column 7; RubyEvents' ids name one talk each: give one of them another`,
		`s/e/videos.yml:8:3: rubyevents: id "q" is also the id of the talk at line 5, column 7; RubyEvents' ids name one talk each: give one of them another`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSpeakerLookup: a talk names a speaker of the directory as
// RubyEvents finds them, by name or alias, the name stripped of spaces,
// else by slug (the name parameterized as Rails does); a name of spaces
// only is none, and a slug two speakers share names neither.
func TestSpeakerLookup(t *testing.T) {
	directory := `- name: Ada Lovelace
  slug: ada-lovelace
  github: ada
- name: José Núñez
- name: Pat O'Brien
  slug: pat-o-brien
- name: Sam Lee
  slug: sam-lee
- name: Sam  Lee
  slug: sam-lee
`
	videos := `- id: one
  speakers:
    - "Ada Lovelace "
    - ADA  LOVELACE
    - jose nunez
    - "Pat O’Brien"
    - "   "
    - sam lee
    - " Unknown Person "
`
	sp, err := rubyevents.ParseSpeakers([]byte(directory), "speakers.yml")
	if err != nil {
		t.Fatal(err)
	}
	talks, err := rubyevents.ParseVideos([]byte(videos), "ev/videos.yml", nil, sp)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range talks[0].Speakers {
		got = append(got, fmt.Sprintf("%s %v", s.Name, s.Accounts))
	}
	got = append(got, string(talks[0].Extra["rubyevents_speakers"]))
	want := []string{
		"Ada Lovelace [{github ada https://github.com/ada}]",
		"Ada Lovelace [{github ada https://github.com/ada}]",
		"José Núñez []",
		"Pat O'Brien []",
		"sam lee []",
		"Unknown Person []",
		`[{"index":4,"item":"   "}]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPartDates: a part of a lightning-talk block without a date has the
// block's, at any depth, as RubyEvents reads it; a part's own date is
// its own, and one that was reported ("TODO") is not replaced.
func TestPartDates(t *testing.T) {
	videos := `- id: block
  talks:
    - id: a
      talks:
        - id: a1
    - id: b
      date: "2024-04-17"
    - id: c
      date: TODO
  date: "2024-04-16"
`
	talks, err := rubyevents.ParseVideos([]byte(videos), "ev/videos.yml", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(tk *talk.Talk)
	walk = func(tk *talk.Talk) {
		got = append(got, tk.ID+" "+tk.Recorded.String())
		for i := range tk.Parts {
			walk(&tk.Parts[i])
		}
	}
	walk(talks[0])
	want := []string{"block 2024-04-16", "a 2024-04-16", "a1 2024-04-16", "b 2024-04-17", "c "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestEventPlaces: event.yml's location as RubyEvents writes and reads
// it, a United States city with its state's code ("Detroit, MI", "San
// Diego, CA", where the code is no country), the locations that are no
// place ("online"), kept in Extra, and venue, the Place's Venue.
func TestEventPlaces(t *testing.T) {
	tests := []struct {
		yaml  string
		place talk.Place
		extra string
	}{
		{"location: Detroit, MI", talk.Place{City: "Detroit", Region: "MI", Country: "US"}, ""},
		{"location: San Diego, CA", talk.Place{City: "San Diego", Region: "CA", Country: "US"}, ""},
		{"location: Tokyo, Japan", talk.Place{City: "Tokyo", Country: "Japan"}, ""},
		{"location: Matsuyama, Ehime, Japan", talk.Place{City: "Matsuyama", Region: "Ehime", Country: "Japan"}, ""},
		{"location: London, UK", talk.Place{City: "London", Country: "UK"}, ""},
		{"location: Online", talk.Place{}, `"Online"`},
		{"venue: Cobo Center\nlocation: Detroit, MI", talk.Place{Venue: "Cobo Center", City: "Detroit", Region: "MI", Country: "US"}, ""},
		{"location: Detroit, MI\nvenue: Cobo Center", talk.Place{Venue: "Cobo Center", City: "Detroit", Region: "MI", Country: "US"}, ""},
	}
	for _, tt := range tests {
		ev, err := rubyevents.ParseEvent([]byte(tt.yaml), "s/e/event.yml")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.place, ev.Place); diff != "" {
			t.Errorf("%q: place (-want +got):\n%s", tt.yaml, diff)
		}
		if got := string(ev.Extra["location"]); got != tt.extra {
			t.Errorf("%q: Extra location = %s, want %s", tt.yaml, got, tt.extra)
		}
	}
}

// TestPartCues: a part's start_cue and end_cue give its Duration, as
// RubyEvents reads them, and a part recorded in its block's video
// (video_provider "parent") has that video, from its start; cues kept
// as written, and a cue that is no time in the video is reported.
func TestPartCues(t *testing.T) {
	videos := `- id: block
  video_provider: youtube
  video_id: abcdefghijk
  talks:
    - id: a
      video_provider: parent
      start_cue: "0:00"
      end_cue: "5:30"
    - id: b
      video_provider: parent
      start_cue: "1:05:30"
      end_cue: "1:10:00"
    - id: c
      video_provider: parent
      start_cue: TODO
      end_cue: "5 min"
    - id: d
      video_provider: youtube
      video_id: zyxwvutsrqp
      start_cue: "10:00"
      end_cue: "09:00"
- id: vimeo-block
  video_provider: vimeo
  video_id: "123"
  talks:
    - id: e
      video_provider: parent
      start_cue: "02:00"
`
	talks, err := rubyevents.ParseVideos([]byte(videos), "ev/videos.yml", nil, nil)
	var got []string
	for _, tk := range talks {
		for _, p := range tk.Parts {
			var urls []string
			for _, v := range p.Videos {
				urls = append(urls, v.URL)
			}
			got = append(got, fmt.Sprintf("%s %v %s %s %v", p.ID, time.Duration(p.Duration), p.Extra["start_cue"], p.Extra["end_cue"], urls))
		}
	}
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	want := []string{
		`a 5m30s "0:00" "5:30" [https://www.youtube.com/watch?v=abcdefghijk]`,
		`b 4m30s "1:05:30" "1:10:00" [https://www.youtube.com/watch?v=abcdefghijk&t=3930]`,
		`c 0s "TODO" "5 min" [https://www.youtube.com/watch?v=abcdefghijk]`,
		`d 0s "10:00" "09:00" [https://www.youtube.com/watch?v=zyxwvutsrqp]`,
		`e 0s "02:00"  [https://vimeo.com/123#t=120]`,
		`ev/videos.yml:16:16: rubyevents: end_cue "5 min" is not a time in the video (MM:SS or HH:MM:SS)`,
		`ev/videos.yml:21:16: rubyevents: end_cue is not after start_cue`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestThumbnails: Thumbnail is thumbnail_xl or, without it, the largest
// thumbnail given, as for a meetup's photo given in some sizes only.
func TestThumbnails(t *testing.T) {
	videos := `- id: xl
  thumbnail_xl: https://example.org/xl.jpg
  thumbnail_lg: https://example.org/lg.jpg
- id: md
  thumbnail_sm: https://example.org/sm.jpg
  thumbnail_md: https://example.org/md.jpg
- id: none
  thumbnail_lg: [not, text]
`
	talks, err := rubyevents.ParseVideos([]byte(videos), "ev/videos.yml", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range talks {
		got = append(got, tk.ID+" "+tk.Thumbnail+" "+string(tk.Extra["thumbnail_lg"]))
	}
	want := []string{
		`xl https://example.org/xl.jpg "https://example.org/lg.jpg"`,
		"md https://example.org/md.jpg ",
		`none  ["not","text"]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSyntaxErrorPlaces: a syntax error is placed at the line go-yaml
// names, which for its parser's errors counts from 0 and for its
// scanner's from 1, and which it leaves out for either on the first line;
// a control character, which go-yaml places nowhere, is placed where it
// is, as a byte that is not UTF-8 is, its column counted in characters
// as go-yaml counts its nodes' (a byte order mark is none).
func TestSyntaxErrorPlaces(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"an unclosed list, at the line it opens", "- id: a\n  title: [unclosed\n",
			`videos.yml:2:1: rubyevents: invalid YAML: did not find expected ',' or ']'`},
		{"an unclosed list at the end of a file without a newline, on the last line", "- id: a\n  title: [unclosed",
			`videos.yml:2:1: rubyevents: invalid YAML: did not find expected ',' or ']'`},
		{"an unclosed list on the only line, without a newline, on that line", "- id: [a",
			`videos.yml:1:1: rubyevents: invalid YAML: did not find expected ',' or ']'`},
		{"a list item in a mapping, at the item", "- id: a\n  title: T\n\n  - oops\n",
			`videos.yml:4:1: rubyevents: invalid YAML: did not find expected key`},
		{"a mapping after list items, at the mapping", "- id: a\n- id: b\n\n\nid: c\n",
			`videos.yml:5:1: rubyevents: invalid YAML: did not find expected '-' indicator`},
		{"a character that starts no token, on its line", "- id: a\n  title: @x\n",
			`videos.yml:2:1: rubyevents: invalid YAML: found character that cannot start any token`},
		{"a character that starts no token, on the first line", "- {id: a, title: @x}\n- id: b\n",
			`videos.yml:1:1: rubyevents: invalid YAML: found character that cannot start any token`},
		{"an undefined tag handle, on the first line", "- id: !x!y a\n- id: b\n",
			`videos.yml:1:1: rubyevents: invalid YAML: found undefined tag handle`},
		{"an unclosed quote, on the first line", `"`,
			`videos.yml:1:1: rubyevents: invalid YAML: found unexpected end of stream`},
		{"in a second document, at its line", "- id: a\n---\n- [unclosed\n",
			`videos.yml:3:1: rubyevents: invalid YAML: did not find expected ',' or ']'`},
		{"a control character, where it is", "- id: a\n  title: \"x\x01y\"\n",
			`videos.yml:2:12: rubyevents: invalid YAML: control character U+0001 is not allowed`},
		{"a control character after a replacement character, which YAML allows, where it is", "- id: a\n  title: \"a\ufffdb\"\n  description: \"x\x01y\"\n",
			`videos.yml:3:18: rubyevents: invalid YAML: control character U+0001 is not allowed`},
		{"a control character after a byte order mark, where it is", "\ufeff- id: \x7f\n",
			`videos.yml:1:7: rubyevents: invalid YAML: control character U+007F is not allowed`},
		{"a byte that is not UTF-8, at the column of its character, as go-yaml counts the nodes'", "- id: a\n  title: Café \xff\n",
			`videos.yml:2:15: rubyevents: invalid YAML: invalid UTF-8 (byte 0xff)`},
		// In UTF-16 the place of a character is not looked for.
		{"a control character in UTF-16, at the end", "\xff\xfe" + utf16le("- id: \x01\n"),
			`videos.yml:2:1: rubyevents: invalid YAML: control characters are not allowed`},
		// go-yaml names no place for an alias of no anchor.
		{"an unknown anchor, at the end", "- id: *nope\n- id: b\n",
			`videos.yml:3:1: rubyevents: invalid YAML: unknown anchor 'nope' referenced`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rubyevents.ParseVideos([]byte(tt.in), "videos.yml", nil, nil)
			if diff := cmp.Diff(tt.want, fmt.Sprint(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// utf16le returns s, which is ASCII, in UTF-16 little-endian.
func utf16le(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		b.WriteByte(0)
	}
	return b.String()
}

package schema

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/talkmeta/talkmeta/talk"
)

// TestTalkmetaFaults plants faults in a talk in talkmeta's JSON form made
// from the seed record (testdata/talk.json).
func TestTalkmetaFaults(t *testing.T) {
	const p = "talk.json:"
	seed, err := os.ReadFile("testdata/talk.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"clean", "", "", nil},
		{"orcid check digit", `"0000-0002-1825-0097"`, `"0000-0002-1825-0098"`,
			[]string{p + "8:16: orcid: speakers/0/orcid: \"0000-0002-1825-0098\" has a wrong check digit; copy the iD from orcid.org"}},
		{"orcid form", `"0000-0002-1825-0097"`, `"https://orcid.org/0000-0002-1825-0097"`,
			[]string{p + "8:16: pattern: speakers/0/orcid: \"https://orcid.org/0000-0002-1825-0097\" is not an ORCID iD such as 0000-0002-1825-0097"}},
		{"fractional seconds", `"PT25M8S"`, `"PT25M8.5S"`,
			[]string{p + "19:15: duration: duration: \"PT25M8.5S\" is not a whole number of seconds"}},
		{"duration in minutes", `"PT25M8S"`, `"25 min"`,
			[]string{p + "19:15: pattern: duration: \"25 min\" is not an ISO 8601 duration such as PT25M8S"}},
		{"unknown language", `"language": "en"`, `"language": "xx"`,
			[]string{p + "20:15: language: language: \"xx\" is not a known BCP 47 language tag (such as en, pt-BR)"}},
		{"language not in canonical form", `"language": "en"`, `"language": "ENG"`,
			[]string{p + "20:15: language: language: \"ENG\" is written \"en\" in its canonical form (warning)"}},
		// A date is refused for the reason the reader gives, not as
		// "not a real date" whatever is wrong with it.
		{"hour 24", `"recorded": "2016-08-04"`, `"recorded": "2016-08-04T24:00:00"`,
			[]string{p + "18:15: date: recorded: \"2016-08-04T24:00:00\" is not a real time of day"}},
		{"offset of 25 hours", `"recorded": "2016-08-04"`, `"recorded": "2016-08-04T10:00:00+25:00"`,
			[]string{p + "18:15: date: recorded: \"2016-08-04T10:00:00+25:00\" has a malformed UTC offset"}},
		{"event ends before it starts", `"2016-07-24"`, `"2016-07-01"`,
			[]string{p + "15:12: date: event/end: the event ends (2016-07-01) before it starts (2016-07-17)"}},
		{"unknown markup", `"markup": "rst"`, `"markup": "html"`,
			[]string{p + "22:13: enum: markup: \"html\" is not one of \"rst\", \"markdown\""}},
		{"script link", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"javascript:alert(1)"`,
			[]string{p + "32:14: url: links/0/url: \"javascript:alert(1)\" is not an http(s) URL"}},
		{"broken link", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"http://python-%20twiggy.googlecode.com"`,
			[]string{p + "32:14: url: links/0/url: \"http://python-%20twiggy.googlecode.com\" is not a well-formed URL"}},
		{"homepage without scheme", `"https://github.com/1st1"`, `"github.com/1st1"`,
			[]string{p + "7:19: format: speakers/0/homepage: \"github.com/1st1\" is not an absolute URL"}},
		{"speaker without name", `"name": "Yury Selivanov",`, ``,
			[]string{p + "5:5: required: speakers/0: the member \"name\" is required"}},
		{"recording and videos", `"license"`, `"recording": "not_recorded", "license"`,
			[]string{p + "36:16: recording: recording: \"not_recorded\" says there is no recording, but the talk has 1 video(s) (warning)"}},
		{"rst after a note is still an error", `\n\n-----\n\nThe talk`, `\n\n-----\n\n  --\nThe talk`,
			[]string{p + "21:94: rst: description line 6: Block quote ends without a blank line; unexpected unindent."}},
		{"extras are allowed", `"license"`, `"x_views": 1200, "license"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := seed
			if tt.old != "" {
				data = plant(t, seed, tt.old, tt.new)
			}
			got := lines((&Validator{}).ValidateTalk(data, "talk.json"))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTalkmetaSpeakerAndEvent(t *testing.T) {
	var v Validator
	got := lines(v.ValidateSpeaker([]byte(`{"name": " Ada ", "image": "data:image/png;base64,AAAA"}`), "speaker.json"))
	want := []string{
		`speaker.json:1:10: whitespace: name: " Ada " has leading or trailing white space (warning)`,
		`speaker.json:1:28: url: image: "data:image/png;base64,AAAA" is not an absolute http(s) URL`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("speaker problems (-want +got):\n%s", diff)
	}
	got = lines(v.ValidateEvent([]byte(`{"title": "PyCon", "start": "2024-02-30", "time_zone": "Pacific Time"}`), "event.json"))
	want = []string{
		`event.json:1:29: date: start: "2024-02-30" is not a real date`,
		`event.json:1:56: pattern: time_zone: "Pacific Time" is not an IANA time zone such as Europe/Madrid`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("event problems (-want +got):\n%s", diff)
	}
	got = lines((&Validator{Profile: Pyvideo}).ValidateSpeaker([]byte(`{}`), "s.json"))
	want = []string{"s.json: profile: the pyvideo profile has no speaker records; a speaker is a name in a talk's speakers"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pyvideo speaker (-want +got):\n%s", diff)
	}
}

// TestTalkmetaMemberCase: readers match member names as encoding/json
// does, without regard to case, so a member named like a known one but
// for case is no extra member: it is read as the known one. Each such
// record passed the schema, and the reader refused it or read it as
// other than it says.
func TestTalkmetaMemberCase(t *testing.T) {
	const record = `{
  "title": "T",
  "TITLE": "",
  "\u212Aind": 1,
  "speakers": [{"name": "A", "accounts": [{"URL": 1}]}],
  "event": {"title": "E", "place": {"City": 1}},
  "videos": [{"url": "https://example.org/v.mp4", "Size": "1"}],
  "thumbnail": "https://example.org/t.jpg",
  "links": [{"url": "https://example.org/", "LABEL": 2}],
  "legacy": {"ID": "1"},
  "parts": [{"title": "P", "Recorded": 2016}],
  "recorded": "2016",
  "x_views": 1200
}`
	const m = "readers match member names without regard to case"
	want := []string{
		`talk.json:3:12: member-case: the member "TITLE" is read as "title": ` + m + `; write "title", or give it a name of its own`,
		`talk.json:4:16: member-case: the member "\u212aind" is read as "kind": ` + m + `; write "kind", or give it a name of its own`,
		`talk.json:5:51: member-case: speakers/0/accounts/0: the member "URL" is read as "url": ` + m + `; write "url", or give it a name of its own`,
		`talk.json:6:45: member-case: event/place: the member "City" is read as "city": ` + m + `; write "city", or give it a name of its own`,
		`talk.json:7:59: member-case: videos/0: the member "Size" is read as "size": ` + m + `; write "size", or give it a name of its own`,
		`talk.json:9:54: member-case: links/0: the member "LABEL" is read as "label": ` + m + `; write "label", or give it a name of its own`,
		`talk.json:10:20: member-case: legacy: the member "ID" is read as "id": ` + m + `; write "id", or give it a name of its own`,
		`talk.json:11:13: no-date: parts/0/recorded is missing or null; pages and citations will show no date (warning)`,
		`talk.json:11:40: member-case: parts/0: the member "Recorded" is read as "recorded": ` + m + `; write "recorded", or give it a name of its own`,
	}
	if diff := cmp.Diff(want, lines((&Validator{}).ValidateTalk([]byte(record), "talk.json"))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, err := talk.ParseJSON([]byte(record), "talk.json"); err == nil {
		t.Error("talk.ParseJSON read the record; the test needs one it refuses")
	}

	var v Validator
	got := lines(v.ValidateSpeaker([]byte(`{"name": "Ada", "Homepage": 1}`), "speaker.json"))
	want = []string{`speaker.json:1:29: member-case: the member "Homepage" is read as "homepage": ` + m + `; write "homepage", or give it a name of its own`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("speaker problems (-want +got):\n%s", diff)
	}
	got = lines(v.ValidateEvent([]byte(`{"title": "PyCon", "\u017Ftart": "soon"}`), "event.json"))
	want = []string{`event.json:1:34: member-case: the member "\u017ftart" is read as "start": ` + m + `; write "start", or give it a name of its own`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("event problems (-want +got):\n%s", diff)
	}
}

// TestNoMembersFoldAlike holds what foldedMembers counts on: no object
// of any schema has two members whose names are the same but for case.
func TestNoMembersFoldAlike(t *testing.T) {
	cs, err := load()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[*jsonschema.Schema]bool{}
	var walk func(s *jsonschema.Schema)
	walk = func(s *jsonschema.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		folded := map[string]string{}
		for name, p := range s.Properties {
			if other, ok := folded[strings.ToLower(name)]; ok {
				t.Errorf("%s: members %q and %q fold alike", s.Location, name, other)
			}
			folded[strings.ToLower(name)] = name
			walk(p)
		}
		walk(s.Ref)
		walk(s.Items2020)
		for _, sub := range s.AllOf {
			walk(sub)
		}
		for _, sub := range s.AnyOf {
			walk(sub)
		}
		for _, sub := range s.OneOf {
			walk(sub)
		}
	}
	for _, s := range cs.schemas {
		walk(s)
	}
}

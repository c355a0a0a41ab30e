package schema

import (
	"encoding/json"
	"hash/maphash"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/internal/weburl"
)

// TestQuickCoversEverySchema keeps the fast path in use: an edit that
// gives a schema a keyword quickSchema does not check silently sends
// every record through jsonschema/v5 alone, which is correct but slow.
func TestQuickCoversEverySchema(t *testing.T) {
	cs, err := load()
	if err != nil {
		t.Fatal(err)
	}
	for id := range cs.schemas {
		if _, ok := cs.quick[id]; !ok {
			t.Errorf("%s has no quick check", id)
		}
	}
}

// TestQuickRefusesUnknownKeywords: a schema using a keyword quickSchema
// does not check gets no quick check at all, never a partial one.
func TestQuickRefusesUnknownKeywords(t *testing.T) {
	for _, schema := range []string{
		`{"type": "string", "maxLength": 3}`,
		`{"properties": {"a": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}`,
		`{"items": {"$ref": "#/$defs/x"}, "$defs": {"x": {"const": 1}}}`,
		`{"additionalProperties": {"type": "string"}}`,
		`{"additionalProperties": true}`,
	} {
		s := compileSchema(t, schema)
		if q := quick(s); q != nil {
			t.Errorf("%s: got a quick check, want none", schema)
		}
	}
}

// TestQuickClosedObjects holds the quick check of additionalProperties
// false to jsonschema/v5's: a member required but not in properties is
// not allowed either, and the keyword says nothing about other types.
func TestQuickClosedObjects(t *testing.T) {
	for schema, records := range map[string]map[string]bool{
		`{"additionalProperties": false}`: {`{}`: true, `{"a": 1}`: false, `"a"`: true, `[{"a": 1}]`: true},
		`{"properties": {"a": {"type": "integer"}}, "required": ["b"], "additionalProperties": false}`: {
			`{}`: false, `{"a": 1}`: false, `{"b": 1}`: false, `{"a": 1, "b": 1}`: false},
		`{"properties": {"a": {"type": "integer"}}, "additionalProperties": false}`: {
			`{}`: true, `{"a": 1}`: true, `{"a": "x"}`: false, `{"a": 1, "A": 1}`: false},
		`{"items": {"properties": {"a": {}}, "additionalProperties": false}}`: {`[{"a": 1}, {}]`: true, `[{"a": 1}, {"b": 1}]`: false},
	} {
		s := compileSchema(t, schema)
		q := quick(s)
		if q == nil {
			t.Fatalf("%s: no quick check", schema)
		}
		for record, valid := range records {
			doc, err := jsonx.Decode([]byte(record), 0)
			if err != nil {
				t.Fatalf("%s: %v", record, err)
			}
			full := s.Validate(doc) == nil
			fast := q.accepts([]byte(record))
			if diff := cmp.Diff([2]bool{valid, valid}, [2]bool{full, fast}); diff != "" {
				t.Errorf("%s against %s: [jsonschema/v5, quick] verdicts (-want +got):\n%s", record, schema, diff)
			}
		}
	}
}

// TestQuickAgreesWithJSONSchema plants one fault per keyword, and the
// values where JSON Schema's rules are easy to get wrong (1.0 is an
// integer; 1 and 1.0 are equal items; member order does not make objects
// differ; a character beyond the BMP counts once), and asks both checks.
func TestQuickAgreesWithJSONSchema(t *testing.T) {
	type tc struct {
		id, record string
		valid      bool
	}
	const videos = `"videos": [{"type": "youtube", "url": "https://youtu.be/x"}]`
	cases := []tc{
		{PyvideoTalkID, `{"title": "T", ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "", ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "𝔸", ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "T"}`, false},
		{PyvideoTalkID, `{"title": "T", "videos": []}`, false},
		{PyvideoTalkID, `{"title": 1, ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "duration": 1.0, ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "T", "duration": 1e2, ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "T", "duration": 1.5, ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "duration": -1, ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "duration": -0, ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "T", "duration": null, ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "T", "recorded": "2016-02-30", ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "T", "recorded": "July 2016", ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "speakers": ["A", "A"], ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "speakers": ["A", 1], ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "videos": [{"type": "a", "url": "https://x", "length": 1}, {"url": "https://x", "length": 1.0, "type": "a"}]}`, false},
		{PyvideoTalkID, `{"title": "T", "videos": [{"type": "a", "url": "https://x", "length": 1}, {"url": "https://x", "length": 2, "type": "a"}]}`, true},
		{PyvideoTalkID, `{"title": "T", "videos": [{"type": "a", "url": "/relative"}]}`, false},
		{PyvideoTalkID, `{"title": "T", "related_urls": ["https://x", {"url": "https://y"}], ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "T", "related_urls": [{"label": "slides"}], ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "related_urls": [true], ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "related_urls": [{"url": "https://y", "label": "L"}], ` + videos + `}`, true},
		{PyvideoTalkID, `{"title": "T", "related_urls": [{"url": "https://y", "type": "slides"}], ` + videos + `}`, false},
		{PyvideoTalkID, `{"title": "T", "related_urls": [{"\u0075rl": "https://y", "Label": "L"}], ` + videos + `}`, false},
		{PyvideoCategoryID, `{"title": "E", "start_date": "2016-07-17"}`, true},
		{PyvideoCategoryID, `{"title": "E", "start_date": "2016-02-30"}`, false},
		{TalkID, `{"title": "T", "markup": "rst"}`, true},
		{TalkID, `{"title": "T", "markup": "html"}`, false},
		{TalkID, `{"title": "T", "slug": "a b"}`, false},
		{TalkID, `{"title": "T", "parts": [{"title": "P", "parts": [{"title": ""}]}]}`, false},
		{TalkID, `{"title": "T", "parts": [{"title": "P", "parts": [{"title": "Q"}]}]}`, true},
		{TalkID, `{"title": "T", "speakers": [{"name": ""}]}`, false},
		{TalkID, `{"title": "T", "event": {"name": "E", "start": "2016-13"}}`, true}, // the pattern's; the checks find the month
		{TalkID, `{"title": "T", "event": {"name": "E", "start": "2016-1"}}`, false},
		{TalkID, `{"title": "T", "legacy": {"id": 3.0}}`, true}, // the schema's integer; the checks ask for digits
		{TalkID, `{"title": "T", "legacy": {"id": 9223372036854775807}}`, true},
		{TalkID, `{"title": "T", "legacy": {"id": 9223372036854775808}}`, false},
		{TalkID, `{"title": "T", "legacy": {"id": 1e1000000000}}`, false},
		{TalkID, `{"title": "T", "legacy": {"id": 1e-1000000000}}`, false},
		{TalkID, `{"title": "T", "x": [1e1000000000, {"y": -1e-1000000000}]}`, true},
		{PyvideoTalkID, `{"title": "T", "videos": [{"type": "x", "url": "https://x", "length": 9223372036}], "duration": 9223372036}`, true},
		{PyvideoTalkID, `{"title": "T", "videos": [{"type": "x", "url": "https://x"}], "duration": 9223372037}`, false},
		{PyvideoTalkID, `{"title": "T", "videos": [{"type": "x", "url": "https://x", "length": 1e400}]}`, false},
		{TalkID, `{"title": "T", "tags": ["a", ""]}`, false},
		{TalkID, `{"title": "T", "thumbnail": "https://x/y.jpg", "videos": [{"url": "https://x", "size": 0}]}`, true},
		// Nine videos, more than are compared pair by pair: the first and
		// the last are the same, their sizes written apart.
		{PyvideoTalkID, `{"title": "T", "videos": [{"type": "a", "url": "https://x", "size": -0}, {"type": "b", "url": "https://x"}, {"type": "c", "url": "https://x"}, ` +
			`{"type": "d", "url": "https://x"}, {"type": "e", "url": "https://x"}, {"type": "f", "url": "https://x"}, {"type": "g", "url": "https://x"}, ` +
			`{"type": "h", "url": "https://x"}, {"type": "a", "url": "https://x", "size": -0.0}]}`, false},
		{PyvideoCategoryID, `{"title": "E", "start_date": "https://example.org/"}`, false},
		{SpeakerID, `{"name": "A"}`, true},
		{EventID, `{"name": "E"}`, true},
	}
	cs, err := load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		doc, err := jsonx.Decode([]byte(c.record), 0)
		if err != nil {
			t.Fatalf("%s: %v", c.record, err)
		}
		full := cs.schemas[c.id].Validate(forJSONSchema(doc)) == nil
		fast := cs.quick[c.id].accepts([]byte(c.record))
		if diff := cmp.Diff([2]bool{c.valid, c.valid}, [2]bool{full, fast}); diff != "" {
			t.Errorf("%s in %s: [jsonschema/v5, quick] verdicts (-want +got):\n%s", c.record, c.id, diff)
		}
	}
}

// FuzzRawEqual holds rawEqual, which compares values as written, to
// jsonEqual, which compares them decoded; rawHash to rawEqual (equal
// values hash alike); and hasDuplicate, which compares only the items of
// a list that hash alike, to a comparison of every pair.
func FuzzRawEqual(f *testing.F) {
	for _, p := range [][2]string{
		{`"a"`, `"a"`}, {`"a"`, `"\u0061"`}, {`1`, `1.0`}, {`1`, `2`}, {`[1, "a"]`, `[1.0,"a"]`}, {`[1]`, `[1, 2]`},
		{`{"a": 1, "b": [true]}`, `{"b":[true], "a":1e0}`}, {`{"a": 1}`, `{"a": 1, "b": 2}`}, {`{"a": 1, "b": 2}`, `{"a": 1}`},
		{`{"\u0061": null}`, `{"a": null}`}, {`null`, `false`}, {`"1"`, `1`}, {`{}`, `[]`},
		{`[1, "a", 1.0]`, `[]`}, {`[{"a": [1, -0]}, {"a": [1e0, 0]}]`, `[]`}, {`["\u0061", "a", "b"]`, `[]`}, {`[-0, 0.0, 1e400, 2e400]`, `[]`},
		{`[1, 2, 3, 4, 5, 6, 7, 8, 9, "a", {"b": 1}, {"b": 1.0}]`, `[]`}, {`[1, 2, 3, 4, 5, 6, 7, 8, 9, "a", "\u0062", [1], "b"]`, `[]`},
		{`-1`, `-1.0`}, {`[1, 2, 3, 4, 5, 6, 7, 8, -1, -1.0]`, `[]`},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		da, errA := jsonx.Decode([]byte(a), 0)
		db, errB := jsonx.Decode([]byte(b), 0)
		if errA != nil || errB != nil {
			return
		}
		ra, rb := []byte(strings.TrimSpace(a)), []byte(strings.TrimSpace(b))
		if got, want := rawEqual(ra, rb), jsonEqual(da, db); got != want {
			t.Errorf("rawEqual(%s, %s) = %v, jsonEqual says %v", a, b, got, want)
		}
		seed := maphash.MakeSeed()
		if rawEqual(ra, rb) && rawHash(seed, ra) != rawHash(seed, rb) {
			t.Errorf("rawEqual(%s, %s), but their rawHash differs", a, b)
		}
		// hasDuplicate, which compares only items of the same hash, is
		// comparing every pair.
		var items [][]byte
		for e := range jsonx.Elements(ra, 0) {
			items = append(items, e.Raw)
		}
		want := false
		for i := range items {
			for j := range i {
				want = want || rawEqual(items[i], items[j])
			}
		}
		if got := hasDuplicate(items); got != want {
			t.Errorf("hasDuplicate(items of %s) = %v, want %v", a, got, want)
		}
	})
}

// FuzzPlainWebURL holds the shortcut for plain web addresses to what it
// stands for: every string it takes, jsonschema/v5 takes for a "uri"
// (the quick check), and weburl.Is takes as it is, without white space
// around it (the checks beyond the schema).
func FuzzPlainWebURL(f *testing.F) {
	for _, s := range []string{
		"https://www.youtube.com/watch?v=m28fiN9y_r8", "http://a", "https://a:80/", "https://[::1]/", "https://a/%zz",
		"https://a/b c", "https://a/\\", "https://a#f#g", "https://a?q=[x]", "ftp://a/", "https://", "http://a.b-c/é",
	} {
		f.Add(s)
	}
	isURI := jsonschema.Formats["uri"]
	f.Fuzz(func(t *testing.T, s string) {
		raw, _ := json.Marshal(s)
		if isPlainWebURL(raw) && !isURI(s) {
			t.Errorf("isPlainWebURL takes %q, jsonschema/v5 does not", s)
		}
		if isPlainWebURL(raw) && (!weburl.Is(s) || strings.TrimSpace(s) != s) {
			t.Errorf("isPlainWebURL takes %q, which is not a web address as it is", s)
		}
	})
}

// compileSchema compiles a draft 2020-12 schema given as text.
func compileSchema(t *testing.T, schema string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource("https://example.com/s.json", strings.NewReader(schema)); err != nil {
		t.Fatalf("%s: %v", schema, err)
	}
	s, err := c.Compile("https://example.com/s.json")
	if err != nil {
		t.Fatalf("%s: %v", schema, err)
	}
	return s
}

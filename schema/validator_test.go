package schema

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// seedPath is the record talkmeta started from: real, and clean.
const seedPath = "europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pyvideo", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// plant returns data with old replaced by new, once; the test fails if
// old is not there, so that a planted fault cannot silently miss.
func plant(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	if bytes.Count(data, []byte(old)) != 1 {
		t.Fatalf("%q is not in the record exactly once", old)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

func lines(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

func TestSeedIsClean(t *testing.T) {
	ps := (&Validator{Profile: Pyvideo}).ValidateTalk(readTestdata(t, seedPath), seedPath)
	if diff := cmp.Diff([]string(nil), lines(ps)); diff != "" {
		t.Errorf("problems in the seed record (-want +got):\n%s", diff)
	}
}

// TestPyvideoTalkFaults plants one fault per check in the seed record and
// asserts the exact finding: file, line, column, rule and message.
func TestPyvideoTalkFaults(t *testing.T) {
	const p = seedPath + ":"
	tests := []struct {
		name     string
		old, new string
		strict   bool
		want     []string
	}{
		{"trailing comma", `"eng",`, `"eng",,`, false,
			[]string{p + "5:21: json: invalid character ',', want a member name in quotes"}},
		{"duplicate member", `"language": "eng",`, `"language": "eng", "language": "spa",`, false,
			[]string{p + "5:22: json: language: duplicate member name \"language\""}},
		{"missing title", `"title": "async/await in Python 3.5 and why it is awesome",`, ``, false,
			[]string{p + "1:1: required: the record: the member \"title\" is required"}},
		{"title a number", `"title": "async/await in Python 3.5 and why it is awesome"`, `"title": 35`, false,
			[]string{p + "15:12: type: title: expected text, found 35"}},
		{"impossible date", `"2016-08-04"`, `"2016-02-30"`, false,
			[]string{p + "6:15: date: recorded: \"2016-02-30\" is not a real date"}},
		{"date in words", `"2016-08-04"`, `"August 4, 2016"`, false,
			[]string{p + "6:15: pattern: recorded: \"August 4, 2016\" is not a full date such as 2016-07-21 or 2016-07-21T10:30:00+02:00; write \"2016-08-04\""}},
		{"date day first", `"2016-08-04"`, `"24/08/2016"`, false,
			[]string{p + "6:15: pattern: recorded: \"24/08/2016\" is not a full date such as 2016-07-21 or 2016-07-21T10:30:00+02:00; write \"2016-08-24\""}},
		{"date day or month first", `"2016-08-04"`, `"04/08/2016"`, false,
			[]string{p + "6:15: pattern: recorded: \"04/08/2016\" is not a full date such as 2016-07-21 or 2016-07-21T10:30:00+02:00"}},
		{"month in words", `"2016-08-04"`, `"August 2016"`, false,
			[]string{p + "6:15: pattern: recorded: \"August 2016\" is not a full date such as 2016-07-21 or 2016-07-21T10:30:00+02:00"}},
		{"month only", `"2016-08-04"`, `"2016-07"`, false,
			[]string{p + "6:15: pattern: recorded: \"2016-07\" is only a month; pyvideo needs a full date such as 2016-07-21"}},
		{"year only", `"2016-08-04"`, `"2016"`, false,
			[]string{p + "6:15: pattern: recorded: \"2016\" is only a year; pyvideo needs a full date such as 2016-07-21"}},
		{"lower-case date-time", `"2016-08-04"`, `"2016-08-04t10:30:00z"`, false, nil},
		// pyvideo.org names a talk's page by its slug member as written.
		{"slug of two segments", `"title": "async`, `"slug": "async/await", "title": "async`, false,
			[]string{p + "15:11: slug: slug: \"async/await\" cannot name a page: '/' would be read as part of the URL, not of the name; write letters, digits, \"-\" and \"_\""}},
		{"slug with a space", `"title": "async`, `"slug": "async await", "title": "async`, false,
			[]string{p + "15:11: slug: slug: \"async await\" cannot name a page: ' ' is no part of a URL; write letters, digits, \"-\" and \"_\""}},
		{"slug of a directory", `"title": "async`, `"slug": "..", "title": "async`, false,
			[]string{p + "15:11: slug: slug: \"..\" cannot name a page: it names a directory; write letters, digits, \"-\" and \"_\""}},
		{"empty date", `"2016-08-04"`, `""`, false,
			[]string{p + "6:15: pattern: recorded: \"\" is not a full date such as 2016-07-21 or 2016-07-21T10:30:00+02:00; leave the member out when it has no value"}},
		{"negative duration", `"duration": 1508`, `"duration": -1508`, false,
			[]string{p + "4:15: minimum: duration: -1508 is less than 0"}},
		{"duration beyond int64", `"duration": 1508`, `"duration": 99999999999999999999999`, false,
			[]string{p + "4:15: maximum: duration: 99999999999999999999999 is out of range: readers take at most 9223372036"}},
		{"duration beyond float64", `"duration": 1508`, `"duration": 1e400`, false,
			[]string{p + "4:15: maximum: duration: 1e400 is out of range: readers take at most 9223372036"}},
		{"duration beyond big.Rat", `"duration": 1508`, `"duration": 1e1000000000`, false,
			[]string{p + "4:15: maximum: duration: 1e1000000000 is out of range: readers take at most 9223372036"}},
		{"duration beyond time.Duration", `"duration": 1508`, `"duration": 9223372037`, false,
			[]string{p + "4:15: maximum: duration: 9223372037 is out of range: readers take at most 9223372036"}},
		{"longest duration", `"duration": 1508`, `"duration": 9223372036`, false, nil},
		{"duration as a float", `"duration": 1508`, `"duration": 1508.0`, false, nil},
		{"id with an exponent", `"duration": 1508`, `"duration": 1508, "id": 1e2`, false,
			[]string{p + "4:27: integer: id: write 1e2 as 100: readers take a whole number only as digits, without a fraction or an exponent"}},
		{"size with a fraction", `"type": "youtube"`, `"type": "youtube", "size": 100.0`, false,
			[]string{p + "18:34: integer: videos/0/size: write 100.0 as 100: readers take a whole number only as digits, without a fraction or an exponent"}},
		{"size beyond int64", `"type": "youtube"`, `"type": "youtube", "size": 9223372036854775808`, false,
			[]string{p + "18:34: maximum: videos/0/size: 9223372036854775808 is out of range: readers take at most 9223372036854775807"}},
		{"length beyond float64", `"type": "youtube"`, `"type": "youtube", "length": -1e400`, false,
			[]string{p + "18:36: minimum: videos/0/length: -1e400 is less than 0"}},
		{"tags null", `"tags": []`, `"tags": null`, false,
			[]string{p + "13:11: type: tags: expected a list, found null; leave the member out when it has no value"}},
		{"speaker null", `"Yury Selivanov"`, `null`, false,
			[]string{p + "11:5: type: speakers/0: expected text, found null"}},
		{"duration in ISO 8601", `"duration": 1508`, `"duration": "PT25M8S"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"PT25M8S\"; write 1508, the duration in seconds"}},
		{"duration in quotes", `"duration": 1508`, `"duration": "1508"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"1508\"; write 1508, without quotes"}},
		{"duration with a unit", `"duration": 1508`, `"duration": "25 min"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"25 min\"; write 1500, the duration in seconds"}},
		{"duration in hours and minutes", `"duration": 1508`, `"duration": "1h30m"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"1h30m\"; write 5400, the duration in seconds"}},
		{"duration in centuries", `"duration": 1508`, `"duration": "999999h 999999h"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"999999h 999999h\""}},
		{"fractional duration", `"duration": 1508`, `"duration": 1508.5`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found 1508.5"}},
		{"unknown language", `"eng"`, `"xyz"`, false,
			[]string{p + "5:15: language: language: \"xyz\" is not an ISO 639-3 language code (such as eng, spa, jpn)"}},
		{"two-letter language", `"eng"`, `"en"`, false,
			[]string{p + "5:15: language: language: \"en\" is not an ISO 639-3 language code (such as eng, spa, jpn); write \"eng\""}},
		{"language by its own name", `"eng"`, `"日本語"`, false,
			[]string{p + "5:15: language: language: \"日本語\" is not an ISO 639-3 language code (such as eng, spa, jpn); write \"jpn\""}},
		{"language in capitals", `"eng"`, `"ENG"`, false,
			[]string{p + "5:15: language: language: \"ENG\" is not an ISO 639-3 language code (such as eng, spa, jpn); write \"eng\""}},
		{"ISO 639-2/B language", `"eng"`, `"ger"`, false,
			[]string{p + "5:15: language: language: \"ger\" is not an ISO 639-3 language code (such as eng, spa, jpn); write \"deu\""}},
		{"BCP 47 language", `"eng"`, `"pt-BR"`, false,
			[]string{p + "5:15: language: language: \"pt-BR\" is not an ISO 639-3 language code (such as eng, spa, jpn); write \"por\""}},
		{"video not http", `"https://www.youtube.com/watch?v=m28fiN9y_r8"`, `"ftp://example.org/talk.mp4"`, false,
			[]string{p + "19:14: url: videos/0/url: \"ftp://example.org/talk.mp4\" is not an absolute http(s) URL"}},
		{"video url relative", `"https://www.youtube.com/watch?v=m28fiN9y_r8"`, `"talk.mp4"`, false,
			[]string{p + "19:14: format: videos/0/url: \"talk.mp4\" is not an absolute URL"}},
		{"no videos", "[\n    {\n      \"type\": \"youtube\",\n      \"url\": \"https://www.youtube.com/watch?v=m28fiN9y_r8\"\n    }\n  ]", `[]`, false,
			[]string{p + "16:13: minItems: videos: needs at least 1 item, has none"}},
		{"speaker twice", `"Yury Selivanov"`, `"Yury Selivanov", "Yury Selivanov"`, false,
			[]string{p + "10:15: uniqueItems: speakers: \"Yury Selivanov\" appears twice (items 0 and 1)"}},
		{"speaker three times", `"Yury Selivanov"`, `"Yury Selivanov", "Ana", "Yury Selivanov", "Yury Selivanov"`, false,
			[]string{p + "10:15: uniqueItems: speakers: \"Yury Selivanov\" appears 3 times (items 0, 2 and 3)"}},
		{"video twice, its numbers written apart", `"url": "https://www.youtube.com/watch?v=m28fiN9y_r8"`,
			`"url": "https://www.youtube.com/watch?v=m28fiN9y_r8", "length": 1.0e3}, {"length": 1000, "type": "youtube", "url": "https://www.youtube.com/watch?v=m28fiN9y_r8"`, false,
			[]string{p + "16:13: uniqueItems: videos: items 0 and 1 are the same"}},
		{"disallowed name", `"Yury Selivanov"`, `"Glyph Lefkowitz"`, false,
			[]string{p + "11:5: speaker-name: speakers/0: write \"Glyph\", not \"Glyph Lefkowitz\""}},
		{"no speakers", "[\n    \"Yury Selivanov\"\n  ]", `[]`, false,
			[]string{p + "10:15: no-speakers: the talk names no speaker (warning)"}},
		{"title with trailing space", `awesome",`, `awesome ",`, false,
			[]string{p + "15:12: whitespace: title: \"async/await in Python 3.5 and why it is awesome \" has leading or trailing white space (warning)"}},
		{"title with an escape", `awesome",`, `awesome\u001b[2J",`, false,
			[]string{p + "15:12: control: title: \"async/await in Python 3.5 and why it is awesome\\x1b[2J\" holds the control character U+001B, which pages and citations cannot show; remove it (warning)"}},
		{"strict", `awesome",`, `awesome ",`, true,
			[]string{p + "15:12: whitespace: title: \"async/await in Python 3.5 and why it is awesome \" has leading or trailing white space"}},
		{"link without scheme", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"ep2016.europython.eu/conference/talks/asyncawait"`, false,
			[]string{p + "8:5: url: related_urls/0: \"ep2016.europython.eu/conference/talks/asyncawait\" is relative; it resolves against whichever page shows it; write \"https://ep2016.europython.eu/conference/talks/asyncawait\" (warning)"}},
		{"link to a file", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"slides.pdf"`, false,
			[]string{p + "8:5: url: related_urls/0: \"slides.pdf\" is relative; it resolves against whichever page shows it (warning)"}},
		{"video url without scheme", `"https://www.youtube.com/watch?v=m28fiN9y_r8"`, `"youtube.com/watch?v=m28fiN9y_r8"`, false,
			[]string{p + "19:14: format: videos/0/url: \"youtube.com/watch?v=m28fiN9y_r8\" is not an absolute URL; write \"https://youtube.com/watch?v=m28fiN9y_r8\""}},
		{"relative link", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"/conference/talks/asyncawait"`, false,
			[]string{p + "8:5: url: related_urls/0: \"/conference/talks/asyncawait\" is relative; it resolves against whichever page shows it (warning)"}},
		{"script link", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"javascript:alert(1)"`, false,
			[]string{p + "8:5: url: related_urls/0: \"javascript:alert(1)\" is not an http(s) URL"}},
		{"thumbnail without scheme", `"https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg"`, `"i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg"`, false,
			[]string{p + "14:20: url: thumbnail_url: \"i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg\" is not an absolute http(s) URL; write \"https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg\""}},
		{"no thumbnail", `"thumbnail_url": "https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg",`, ``, false,
			[]string{p + "1:1: no-thumbnail: thumbnail_url is missing or empty; link previews and video search results need a thumbnail (warning)"}},
		{"null description", `"description": "Yury`, `"description": null, "x": "Yury`, false,
			[]string{
				p + "3:18: null-description: description is null; write \"\" when there is none (warning)",
				p + "3:29: unknown: unknown member \"x\": pyvideo.org ignores it (warning)",
			}},
		{"empty speaker name", `"Yury Selivanov"`, `""`, false,
			[]string{p + "11:5: empty-name: speakers/0: the name is empty (warning)"}},
		{"no date", `"recorded": "2016-08-04"`, `"recorded": null`, false,
			[]string{p + "6:15: no-date: recorded is missing or null; pages and citations will show no date (warning)"}},
		{"carriage return after a link", `awesome"
  ],`, `awesome\r"
  ],`, false,
			[]string{p + "8:5: whitespace: related_urls/0: \"https://ep2016.europython.eu//conference/talks/asyncawait...\" has white space around it (warning)"}},
		{"rst emphasis without end", `explain the topic, show why`, `explain the *topic, show why`, false,
			[]string{p + "3:243: rst: description line 7: Inline emphasis start-string without end-string."}},
		{"rst quote ends without a blank line", `\n\n-----\n\nThe talk`, `\n\n-----\n\n  quoted\nThe talk`, false,
			[]string{p + "3:716: rst: description line 18: Block quote ends without a blank line; unexpected unindent."}},
		{"rst problem after a note pyvideo stops at", `\n\n-----\n\nThe talk`, `\n\n-----\n\n  --\nThe talk`, false,
			[]string{p + "3:712: rst: description line 18: Block quote ends without a blank line; unexpected unindent. (warning)"}},
		{"related link with a member the reader refuses", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `{"url": "https://ep2016.europython.eu/", "label": "Talk", "type": "schedule"}`, false,
			[]string{p + "8:71: additionalProperties: related_urls/0/type: unexpected member; related_urls/0 may have only label and url"}},
		{"related link with a member named in capitals", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `{"URL": "https://ep2016.europython.eu/", "url": "https://ep2016.europython.eu/"}`, false,
			[]string{p + "8:13: additionalProperties: related_urls/0/URL: unexpected member; related_urls/0 may have only label and url"}},
		{"typo in a required member's name", `"title":`, `"tilte":`, false,
			[]string{p + "15:12: required: the record: the member \"title\" is required; is \"tilte\" a misspelling of it?"}},
		{"typo in a member name", `"related_urls"`, `"related_url"`, false,
			[]string{
				p + "7:18: unknown: unknown member \"related_url\": pyvideo.org ignores it; did you mean \"related_urls\"? (warning)",
			}},
		// The pyvideo reader matches member names as written: "Title" is
		// no title there, whatever talkmeta's reader makes of it.
		{"required member in capitals", `"title":`, `"Title":`, false,
			[]string{p + "15:12: required: the record: the member \"title\" is required; is \"Title\" a misspelling of it?"}},
		{"duration in quotes with spaces", `"duration": 1508`, `"duration": " 1508 "`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \" 1508 \"; write 1508, without quotes"}},
		{"duration in ISO 8601 with a fraction of a second", `"duration": 1508`, `"duration": "PT25M8.5S"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"PT25M8.5S\""}},
		{"duration as a clock of no time", `"duration": 1508`, `"duration": "0:00:00"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"0:00:00\""}},
		{"duration as a clock of 60 seconds", `"duration": 1508`, `"duration": "0:25:60"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"0:25:60\""}},
		{"duration as a clock", `"duration": 1508`, `"duration": "0:25:08"`, false,
			[]string{p + "4:15: type: duration: expected a whole number or null, found the text \"0:25:08\"; write 1508, the duration in seconds"}},
		{"duration of 61 digits", `"duration": 1508`, `"duration": 1234567890123456789012345678901234567890123456789012345678901`, false,
			[]string{p + "4:15: maximum: duration: 123456789012345678901234567890123456789012345678901234567... is out of range: readers take at most 9223372036"}},
		// A video needs a type and a url: there is no one member to
		// wrap the text in.
		{"video as text", "{\n      \"type\": \"youtube\",\n      \"url\": \"https://www.youtube.com/watch?v=m28fiN9y_r8\"\n    }", `"https://www.youtube.com/watch?v=m28fiN9y_r8"`, false,
			[]string{p + "17:5: type: videos/0: expected an object, found the text \"https://www.youtube.com/watch?v=m28fiN9y_r8\""}},
		{"related link object relative", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `{"url": "slides.pdf"}`, false,
			[]string{p + "8:13: url: related_urls/0/url: \"slides.pdf\" is relative; it resolves against whichever page shows it (warning)"}},
		{"speaker name of spaces", `"Yury Selivanov"`, `"  "`, false,
			[]string{p + "11:5: empty-name: speakers/0: the name is empty (warning)"}},
		{"thumbnail of spaces", `"https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg"`, `"  "`, false,
			[]string{p + "14:20: no-thumbnail: thumbnail_url is missing or empty; link previews and video search results need a thumbnail (warning)"}},
		{"typo beside the member itself", `"related_urls"`, `"related_url": [], "related_urls"`, false,
			[]string{p + "7:18: unknown: unknown member \"related_url\": pyvideo.org ignores it (warning)"}},
		// Two edits away is too far for a name of four letters.
		{"short name two edits away", `"tags": []`, `"tgsa": []`, false,
			[]string{p + "13:11: unknown: unknown member \"tgsa\": pyvideo.org ignores it (warning)"}},
		{"size as a duration", `"type": "youtube"`, `"type": "youtube", "size": "PT5S"`, false,
			[]string{p + "18:34: type: videos/0/size: expected a whole number or null, found the text \"PT5S\""}},
		{"source not http", `"duration": 1508`, `"duration": 1508, "source_url": "ftp://example.org/talk.mp4"`, false,
			[]string{p + "4:35: url: source_url: \"ftp://example.org/talk.mp4\" is not an absolute http(s) URL"}},
		{"summary in broken rst", `"duration": 1508`, `"duration": 1508, "summary": "*emphasis"`, false,
			[]string{p + "4:33: rst: summary line 1: Inline emphasis start-string without end-string."}},
		// No thumbnail is needed where there is no video to show.
		{"no videos and no thumbnail", "\"thumbnail_url\": \"https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg\",\n  \"title\": \"async/await in Python 3.5 and why it is awesome\",\n  \"videos\": [\n    {\n      \"type\": \"youtube\",\n      \"url\": \"https://www.youtube.com/watch?v=m28fiN9y_r8\"\n    }\n  ]",
			"\"title\": \"async/await in Python 3.5 and why it is awesome\",\n  \"videos\": []", false,
			[]string{p + "15:13: minItems: videos: needs at least 1 item, has none"}},
		{"duration beyond big.Rat below zero", `"duration": 1508`, `"duration": -1e1000000000`, false,
			[]string{p + "4:15: minimum: duration: -1e1000000000 is less than 0"}},
		// Of two misspellings of a required member, the first in name
		// order is said to be it; the other is an unknown member.
		{"two typos of a required member", `"title":`, `"titel": "T", "tilte":`, false,
			[]string{
				p + "15:12: unknown: unknown member \"titel\": pyvideo.org ignores it; did you mean \"title\"? (warning)",
				p + "15:26: required: the record: the member \"title\" is required; is \"tilte\" a misspelling of it?",
			}},
	}
	seed := readTestdata(t, seedPath)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &Validator{Profile: Pyvideo, Strict: tt.strict}
			got := lines(v.ValidateTalk(plant(t, seed, tt.old, tt.new), seedPath))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLanguageList(t *testing.T) {
	seed := readTestdata(t, seedPath)
	v := &Validator{Profile: Pyvideo, Languages: []string{"spa", "por"}}
	want := []string{seedPath + ":5:15: language: language: \"eng\" is not in the list of allowed languages"}
	if diff := cmp.Diff(want, lines(v.ValidateTalk(seed, seedPath))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestPreferredNamesConfigurable(t *testing.T) {
	seed := readTestdata(t, seedPath)
	v := &Validator{Profile: Pyvideo, PreferredNames: map[string]string{"Yury Selivanov": "Yury"}}
	want := []string{seedPath + ":11:5: speaker-name: speakers/0: write \"Yury\", not \"Yury Selivanov\""}
	if diff := cmp.Diff(want, lines(v.ValidateTalk(seed, seedPath))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	glyph := plant(t, seed, `"Yury Selivanov"`, `"Glyph Lefkowitz"`)
	if ps := (&Validator{Profile: Pyvideo, PreferredNames: map[string]string{}}).ValidateTalk(glyph, seedPath); len(ps) != 0 {
		t.Errorf("an empty map should allow every name; got %v", ps)
	}
}

func TestProblemsAreErrors(t *testing.T) {
	seed := readTestdata(t, seedPath)
	ps := (&Validator{Profile: Pyvideo}).ValidateTalk(plant(t, seed, `"2016-08-04"`, `"2016-02-30"`), seedPath)
	var p *Problem
	if !errors.As(ps.Err(), &p) {
		t.Fatalf("errors.As found no *Problem in %v", ps.Err())
	}
	want := &Problem{Path: seedPath, Pointer: "/recorded", Line: 6, Column: 15, Rule: "date", Severity: Error,
		Message: `recorded: "2016-02-30" is not a real date`}
	if diff := cmp.Diff(want, p, cmpopts.IgnoreUnexported(Problem{})); diff != "" {
		t.Errorf("problem (-want +got):\n%s", diff)
	}
	// A warning before the error in the file is not what errors.As
	// finds: the error is.
	nullDescription := regexp.MustCompile(`(?m)^  "description": ".*",$`).ReplaceAll(seed, []byte(`  "description": null,`))
	ps = (&Validator{Profile: Pyvideo}).ValidateTalk(plant(t, nullDescription, `"2016-08-04"`, `"2016-02-30"`), seedPath)
	if ps.Errors() != 1 || ps.Warnings() != 1 || ps[0].Severity != Warning {
		t.Fatalf("want a warning, then an error; got\n%v", ps)
	}
	p = nil
	if !errors.As(ps.Err(), &p) {
		t.Fatalf("errors.As found no *Problem in %v", ps.Err())
	}
	if diff := cmp.Diff(want, p, cmpopts.IgnoreUnexported(Problem{})); diff != "" {
		t.Errorf("problem after a warning (-want +got):\n%s", diff)
	}
	if (&Validator{Profile: Pyvideo}).ValidateTalk(plant(t, seed, `awesome",`, `awesome ",`), seedPath).Err() != nil {
		t.Error("a record with only warnings is valid")
	}
}

// TestProblemErrorWithoutPlace: a problem without a file, line or
// severity (one a caller makes) is "rule: message", with no separator
// before it and no "(warning)" after it.
func TestProblemErrorWithoutPlace(t *testing.T) {
	got := []string{
		(&Problem{Rule: "r", Message: "m"}).Error(),
		(&Problem{Rule: "r", Message: "m", Severity: Warning}).Error(),
		(&Problem{Path: "t.json", Rule: "r", Message: "m", Severity: Error}).Error(),
	}
	want := []string{"r: m", "r: m (warning)", "t.json: r: m"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLimits(t *testing.T) {
	seed := readTestdata(t, seedPath)
	v := &Validator{Profile: Pyvideo, Limits: talk.Limits{MaxRecordBytes: 1000, MaxDepth: 3}}
	got := lines(v.ValidateTalk(seed, seedPath))
	_, err := pyvideo.Reader{Limits: v.Limits}.ParseTalk(seed, seedPath)
	got = append(got, fmt.Sprint(err))
	// The validator words a limit as the readers do: one *talk.LimitError.
	want := []string{
		seedPath + ": limit: record size 2634 exceeds the limit of 1000",
		seedPath + ": record size 2634 exceeds the limit of 1000",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("size, the validator's then the reader's (-want +got):\n%s", diff)
	}
	// A record of the limit's size is within it, as for the readers;
	// one byte more is not.
	atLimit := &Validator{Profile: Pyvideo, Limits: talk.Limits{MaxRecordBytes: int64(len(seed))}}
	if diff := cmp.Diff([]string(nil), lines(atLimit.ValidateTalk(seed, seedPath))); diff != "" {
		t.Errorf("a record of the limit's size (-want +got):\n%s", diff)
	}
	// A record over the limit is not read to place the problem, well-formed
	// as it is: it has no line, as the reader's error has none (it had
	// 1:1, and none only when the record failed the depth limit too).
	atLimit.Limits.MaxRecordBytes--
	got = lines(atLimit.ValidateTalk(seed, seedPath))
	_, err = pyvideo.Reader{Limits: atLimit.Limits}.ParseTalk(seed, seedPath)
	got = append(got, fmt.Sprint(err))
	want = []string{
		seedPath + ": limit: record size 2634 exceeds the limit of 2633",
		seedPath + ": record size 2634 exceeds the limit of 2633",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a well-formed record a byte over the limit, the validator's then the reader's (-want +got):\n%s", diff)
	}
	deep := []byte(`{"title": "x", "videos": [[[{}]]]}`)
	got = lines(v.ValidateTalk(deep, "deep.json"))
	_, err = pyvideo.Reader{Limits: v.Limits}.ParseTalk(deep, "deep.json")
	got = append(got, fmt.Sprint(err))
	want = []string{
		"deep.json:1:28: limit: nesting depth exceeds the limit of 3",
		"deep.json:1:28: nesting depth exceeds the limit of 3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("depth, the validator's then the reader's (-want +got):\n%s", diff)
	}
}

func TestPyvideoCategoryFaults(t *testing.T) {
	v := &Validator{Profile: Pyvideo}
	got := lines(v.ValidateEvent([]byte(`{"title": "PyCon 2024", "url": "", "start_date": "2024-05-17", "end_date": "2024-05-15"}`), "category.json"))
	want := []string{
		`category.json:1:32: empty-url: url is ""; leave it out when the event has no site (warning)`,
		`category.json:1:76: date: end_date: the event ends (2024-05-15) before it starts (2024-05-17)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	got = lines(v.ValidateEvent([]byte(`{"title": "PyCon 2024", "start_date": "2024-02-30"}`), "category.json"))
	want = []string{`category.json:1:39: format: start_date: "2024-02-30" is not a real date of the form 2016-07-21`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	got = lines(v.ValidateEvent([]byte(`{"title": "PyCon 2024", "start_date": "May 15, 2024", "end_date": "05/17/2024"}`), "category.json"))
	want = []string{
		`category.json:1:39: format: start_date: "May 15, 2024" is not a real date of the form 2016-07-21; write "2024-05-15"`,
		`category.json:1:67: format: end_date: "05/17/2024" is not a real date of the form 2016-07-21; write "2024-05-17"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A site of white space only is no site, as an empty one is: not a
	// malformed URL quoted as "".
	got = lines(v.ValidateEvent([]byte(`{"title": "PyCon 2024", "url": "  "}`), "category.json"))
	want = []string{
		`category.json:1:32: empty-url: url is "  "; leave it out when the event has no site (warning)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The title is checked as a talk's is, and members are known by
	// category.json's schema, not a talk's.
	got = lines(v.ValidateEvent([]byte(`{"title": " PyCon 2024", "videos": []}`), "category.json"))
	want = []string{
		`category.json:1:11: whitespace: title: " PyCon 2024" has leading or trailing white space (warning)`,
		`category.json:1:36: unknown: unknown member "videos": pyvideo.org ignores it (warning)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A month in words is no day to write instead.
	got = lines(v.ValidateEvent([]byte(`{"title": "PyCon 2024", "start_date": "July 2016"}`), "category.json"))
	want = []string{`category.json:1:39: format: start_date: "July 2016" is not a real date of the form 2016-07-21`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A web address is a "uri", but no "date".
	got = lines(v.ValidateEvent([]byte(`{"title": "PyCon 2024", "start_date": "https://example.org/"}`), "category.json"))
	want = []string{`category.json:1:39: format: start_date: "https://example.org/" is not a real date of the form 2016-07-21`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A month, or a date-time, is a date, but not the day pyvideo wants.
	got = lines(v.ValidateEvent([]byte(`{"title": "PyCon 2024", "start_date": "2024-05", "end_date": "2024-05-17T18:00:00+02:00"}`), "category.json"))
	want = []string{
		`category.json:1:39: format: start_date: "2024-05" is only a month; pyvideo needs a full date such as 2016-07-21`,
		`category.json:1:62: format: end_date: "2024-05-17T18:00:00+02:00" is a date-time with offset, not a date; write "2024-05-17"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLoneSurrogate warns of half a surrogate pair, which no reader can
// keep, at its place and the pointer of its string; a whole pair is a
// character like any other.
func TestLoneSurrogate(t *testing.T) {
	data := readTestdata(t, "chipy/videos/15260.json")
	v := &Validator{Profile: Pyvideo}
	if ps := v.ValidateTalk(bytes.Replace(data, []byte(`"title": "`), []byte(`"title": "\ud83d\ude00 `), 1), "t.json"); len(ps) != 0 {
		t.Errorf("a whole pair: %v", ps)
	}
	planted := bytes.Replace(data, []byte(`"title": "`), []byte(`"title": "\ud83d `), 1)
	off := bytes.Index(planted, []byte(`\ud83d`))
	line := 1 + bytes.Count(planted[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(planted[:off], '\n')
	var got []string
	for _, p := range v.ValidateTalk(planted, "t.json") {
		got = append(got, p.Pointer, p.Error())
	}
	want := []string{"/title", fmt.Sprintf(`t.json:%d:%d: json: title: \ud83d is half of a UTF-16 surrogate pair, without the other: no character; readers take it as U+FFFD, and fmt will not rewrite the file (warning)`, line, col)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCountAndTextLimits checks a record against the validator's Limits on speakers,
// videos and one text, as the pyvideo reader does: a record over one
// passes no reader, so it passes no check.
func TestCountAndTextLimits(t *testing.T) {
	data := readTestdata(t, "chipy/videos/15260.json")
	planted := bytes.Replace(data, []byte(`"speakers": [`), []byte(`"speakers": ["A B", "C D", `), 1)
	v := &Validator{Profile: Pyvideo, Limits: talk.Limits{MaxSpeakers: 3, MaxVideos: 2, MaxTextBytes: 300}}
	var got []string
	for _, p := range v.ValidateTalk(planted, "t.json") {
		if p.Severity == Error {
			got = append(got, p.Error())
		}
	}
	off := bytes.Index(planted, []byte(`"speakers": [`)) + len(`"speakers": `)
	desc := bytes.Index(planted, []byte(`"description": "`)) + len(`"description": `)
	pos := func(off int) string {
		return fmt.Sprintf("%d:%d", 1+bytes.Count(planted[:off], []byte("\n")), off-bytes.LastIndexByte(planted[:off], '\n'))
	}
	want := []string{
		"t.json:" + pos(desc) + ": limit: description: text length 316 exceeds the limit of 300",
		"t.json:" + pos(off) + ": limit: speakers 4 exceeds the limit of 3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The reader refuses the record in the validator's words, at the
	// place of one of its problems: first the text, then the speakers.
	_, err := pyvideo.Reader{Limits: v.Limits}.ParseTalk(planted, "t.json")
	lim := v.Limits
	lim.MaxTextBytes = -1
	_, err2 := pyvideo.Reader{Limits: lim}.ParseTalk(planted, "t.json")
	want = []string{
		"t.json:" + pos(desc) + ": /description: text length 316 exceeds the limit of 300",
		"t.json:" + pos(off) + ": /speakers: speakers 4 exceeds the limit of 3",
	}
	if diff := cmp.Diff(want, []string{fmt.Sprint(err), fmt.Sprint(err2)}); diff != "" {
		t.Errorf("the pyvideo reader's errors (-want +got):\n%s", diff)
	}
}

// TestTextLimitBound: a text as long as the limit is within it; one
// longer is said at its member, whose name in the pointer is escaped
// ("x/y" is /x~1y), so that the problem has its place.
func TestTextLimitBound(t *testing.T) {
	v := &Validator{Limits: talk.Limits{MaxTextBytes: 10}}
	var got []string
	for _, n := range []int{10, 11} {
		record := `{"title": "T", "speakers": [{"name": "A"}], "recorded": "2016", "x/y": "` + strings.Repeat("a", n) + `"}`
		for _, p := range v.ValidateTalk([]byte(record), "t.json") {
			got = append(got, p.Pointer+" "+p.Error())
		}
	}
	want := []string{"/x~1y t.json:1:72: limit: x/y: text length 11 exceeds the limit of 10"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestUnknownProfile: a Profile other than Talkmeta and Pyvideo is a
// configuration error reported for every record, as a speaker record in
// the Pyvideo profile is, where it used to be checked as Talkmeta without
// a word; CheckArchive reports it once, and a nil fs.FS too, and still
// calls progress at the end, as a progress display waits for.
func TestUnknownProfile(t *testing.T) {
	v := &Validator{Profile: Profile(7)}
	record := []byte(`{"title": "x", "recorded": "2016-07-21"}`)
	var got []string
	progress := func(done, total int) { got = append(got, fmt.Sprintf("progress %d of %d", done, total)) }
	for _, ps := range []Problems{v.ValidateTalk(record, "t.json"), v.ValidateEvent(record, "e.json"), v.ValidateSpeaker(record, "s.json"),
		v.CheckArchive(os.DirFS("testdata"), progress).Problems, (&Validator{}).CheckArchive(nil, progress).Problems} {
		got = append(got, fmt.Sprint(ps.Err()))
	}
	const msg = "profile: the Validator's profile Profile(7) is none of talkmeta and pyvideo; nothing was checked"
	want := []string{"progress 0 of 0", "progress 0 of 0", "t.json: " + msg, "e.json: " + msg, "s.json: " + msg, ".: " + msg, ".: read: nil fs.FS; nothing was checked"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if ps := (&Validator{}).ValidateTalk(record, "t.json"); ps.Err() != nil {
		t.Errorf("the zero Validator refuses a good record: %v", ps)
	}
	// Below the known profiles as well as above them.
	got = lines((&Validator{Profile: Profile(-1)}).ValidateTalk(record, "t.json"))
	want = []string{"t.json: profile: the Validator's profile Profile(-1) is none of talkmeta and pyvideo; nothing was checked"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("negative profile (-want +got):\n%s", diff)
	}
}

// TestDurationAgreesWithParseDuration: the Validator and
// talk.ParseDuration refuse the same durations, for the same reason in
// the same words: a negative one ("-PT5S", which ParseDuration used to
// take, and the Validator called no ISO 8601 duration) and one too long
// for a Go duration.
func TestDurationAgreesWithParseDuration(t *testing.T) {
	var v Validator
	var got []string
	for _, d := range []string{"PT5S", "-PT5S", "P106752D", "PT0S"} {
		_, perr := talk.ParseDuration(d)
		ps := v.ValidateTalk([]byte(`{"title": "x", "speakers": [{"name": "A"}], "recorded": "2016-07-21", "duration": "`+d+`"}`), "t.json")
		got = append(got, fmt.Sprintf("%s: ParseDuration ok %v, valid %v: %v", d, perr == nil, ps.Err() == nil, ps.Err()))
	}
	want := []string{
		"PT5S: ParseDuration ok true, valid true: <nil>",
		`-PT5S: ParseDuration ok false, valid false: t.json:1:83: pattern: duration: "-PT5S" is negative; a talk's duration is zero (unknown) or more`,
		`P106752D: ParseDuration ok false, valid false: t.json:1:83: duration: duration: "P106752D" is longer than a duration can be (about 292 years, what a Go time.Duration holds)`,
		"PT0S: ParseDuration ok true, valid true: <nil>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestBibliographicLanguageCodes: each ISO 639-2/B code is refused in the
// pyvideo profile, which wants ISO 639-3, with the code to write instead.
func TestBibliographicLanguageCodes(t *testing.T) {
	v := Validator{Profile: Pyvideo}
	var got []string
	for _, code := range []string{"alb", "arm", "baq", "bur", "chi", "cze", "dut", "fre", "geo", "ger",
		"gre", "ice", "mac", "mao", "may", "per", "rum", "slo", "tib", "wel"} {
		record := `{"title": "T", "speakers": ["A"], "recorded": "2016-07-21", "language": "` + code + `",
 "videos": [{"type": "youtube", "url": "https://youtu.be/x"}], "thumbnail_url": "https://i/x.jpg"}`
		for _, p := range v.ValidateTalk([]byte(record), "t.json") {
			got = append(got, p.Message)
		}
	}
	var want []string
	for _, c := range [][2]string{{"alb", "sqi"}, {"arm", "hye"}, {"baq", "eus"}, {"bur", "mya"}, {"chi", "zho"},
		{"cze", "ces"}, {"dut", "nld"}, {"fre", "fra"}, {"geo", "kat"}, {"ger", "deu"}, {"gre", "ell"}, {"ice", "isl"},
		{"mac", "mkd"}, {"mao", "mri"}, {"may", "msa"}, {"per", "fas"}, {"rum", "ron"}, {"slo", "slk"}, {"tib", "bod"}, {"wel", "cym"}} {
		want = append(want, fmt.Sprintf("language: %q is not an ISO 639-3 language code (such as eng, spa, jpn); write %q", c[0], c[1]))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

package schema

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
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
			[]string{p + "8:16: pattern: speakers/0/orcid: \"https://orcid.org/0000-0002-1825-0097\" is not an ORCID iD such as 0000-0002-1825-0097; write \"0000-0002-1825-0097\""}},
		{"orcid without hyphens", `"0000-0002-1825-0097"`, `"0000 0002 1825 0097"`,
			[]string{p + "8:16: pattern: speakers/0/orcid: \"0000 0002 1825 0097\" is not an ORCID iD such as 0000-0002-1825-0097; write \"0000-0002-1825-0097\""}},
		{"orcid without hyphens and a wrong check digit", `"0000-0002-1825-0097"`, `"0000000218250098"`,
			[]string{p + "8:16: pattern: speakers/0/orcid: \"0000000218250098\" is not an ORCID iD such as 0000-0002-1825-0097"}},
		{"orcid too short", `"0000-0002-1825-0097"`, `"0000-0002-1825"`,
			[]string{p + "8:16: pattern: speakers/0/orcid: \"0000-0002-1825\" is not an ORCID iD such as 0000-0002-1825-0097"}},
		{"fractional seconds", `"PT25M8S"`, `"PT25M8.5S"`,
			[]string{p + "19:15: duration: duration: \"PT25M8.5S\" is not a whole number of seconds"}},
		{"date with dots", `"2016-08-04"`, `"04.08.2016"`,
			[]string{p + "18:15: pattern: recorded: \"04.08.2016\" is not a date such as 2016-07-21, 2016-07 or 2016-07-21T10:30:00+02:00; write \"2016-08-04\""}},
		{"month in words", `"2016-08-04"`, `"august 2016"`,
			[]string{p + "18:15: pattern: recorded: \"august 2016\" is not a date such as 2016-07-21, 2016-07 or 2016-07-21T10:30:00+02:00; write \"2016-08\""}},
		{"impossible date in words", `"2016-08-04"`, `"February 30, 2016"`,
			[]string{p + "18:15: pattern: recorded: \"February 30, 2016\" is not a date such as 2016-07-21, 2016-07 or 2016-07-21T10:30:00+02:00"}},
		{"event start with slashes", `"2016-07-17"`, `"2016/7/17"`,
			[]string{p + "14:14: pattern: event/start: \"2016/7/17\" is not a date such as 2016-07-21, 2016-07 or 2016-07-21T10:30:00+02:00; write \"2016-07-17\""}},
		{"speakers as text", "[\n    {\n      \"name\": \"Yury Selivanov\",\n      \"homepage\": \"https://github.com/1st1\",\n      \"orcid\": \"0000-0002-1825-0097\"\n    }\n  ]", `"Yury Selivanov"`,
			[]string{p + "4:15: type: speakers: expected a list, found the text \"Yury Selivanov\"; write [{\"name\": \"Yury Selivanov\"}]"}},
		{"speaker as text", "{\n      \"name\": \"Yury Selivanov\",\n      \"homepage\": \"https://github.com/1st1\",\n      \"orcid\": \"0000-0002-1825-0097\"\n    }", `"Yury Selivanov"`,
			[]string{p + "5:5: type: speakers/0: expected an object, found the text \"Yury Selivanov\"; write {\"name\": \"Yury Selivanov\"}"}},
		{"link as text", "{\n      \"url\": \"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome\"\n    }", `"https://ep2016.europython.eu/"`,
			[]string{p + "31:5: type: links/0: expected an object, found the text \"https://ep2016.europython.eu/\"; write {\"url\": \"https://ep2016.europython.eu/\"}"}},
		{"tags repeated", `"markup": "rst",`, `"markup": "rst", "tags": ["go", "web", "go", "web", "asyncio", "web"],`,
			[]string{p + "22:28: uniqueItems: tags: \"go\" appears twice (items 0 and 2); \"web\" appears 3 times (items 1, 3 and 5)"}},
		{"year as a number", `"2016-08-04"`, `2016`,
			[]string{p + "18:15: type: recorded: expected text, found 2016; write \"2016\", in quotes"}},
		{"day as a number", `"2016-08-04"`, `20160804`,
			[]string{p + "18:15: type: recorded: expected text, found 20160804"}},
		{"video id as a number", `"m28fiN9y_r8"`, `148751763`,
			[]string{p + "27:13: type: videos/0/id: expected text, found 148751763; write \"148751763\", in quotes"}},
		{"slug of 200 bytes", `"markup": "rst",`, `"markup": "rst", "slug": "` + strings.Repeat("é", 100) + `",`, nil},
		{"slug too long for a file name", `"markup": "rst",`, `"markup": "rst", "slug": "` + strings.Repeat("a-", 100) + `b",`,
			[]string{p + "22:28: slug: slug: \"" + strings.Repeat("a-", 28) + "a...\" is 201 bytes long; talkmeta site names the page by its start and a hash of the whole, as every file system takes a name that short, not by the slug chosen: keep it to 200 (warning)"}},
		{"tags as text", `"markup": "rst",`, `"markup": "rst", "tags": "asyncio",`,
			[]string{p + "22:28: type: tags: expected a list, found the text \"asyncio\""}},
		{"event as text", "\"event\": {", "\"event\": \"EuroPython 2016\", \"x\": {",
			[]string{p + "11:12: type: event: expected an object, found the text \"EuroPython 2016\""}},
		{"duration in seconds", `"PT25M8S"`, `1508`,
			[]string{p + "19:15: type: duration: expected text, found 1508; write \"PT25M8S\", an ISO 8601 duration, for 1508 seconds"}},
		{"legacy id in quotes", `"license"`, `"legacy": {"id": "0042"}, "license"`,
			[]string{p + "36:20: type: legacy/id: expected a whole number, found the text \"0042\"; write 42, without quotes"}},
		{"duration in minutes", `"PT25M8S"`, `"25 min"`,
			[]string{p + "19:15: pattern: duration: \"25 min\" is not an ISO 8601 duration such as PT25M8S; write \"PT25M\""}},
		{"duration in words", `"PT25M8S"`, `"1 hour, 25 minutes and 8 seconds"`,
			[]string{p + "19:15: pattern: duration: \"1 hour, 25 minutes and 8 seconds\" is not an ISO 8601 duration such as PT25M8S; write \"PT1H25M8S\""}},
		{"duration as a clock", `"PT25M8S"`, `"0:25:08"`,
			[]string{p + "19:15: pattern: duration: \"0:25:08\" is not an ISO 8601 duration such as PT25M8S; write \"PT25M8S\""}},
		{"duration as minutes or hours", `"PT25M8S"`, `"25:08"`,
			[]string{p + "19:15: pattern: duration: \"25:08\" is not an ISO 8601 duration such as PT25M8S"}},
		{"unknown language", `"language": "en"`, `"language": "xx"`,
			[]string{p + "20:15: language: language: \"xx\" is not a known BCP 47 language tag (such as en, pt-BR)"}},
		{"language by its English name", `"language": "en"`, `"language": "German"`,
			[]string{p + "20:15: language: language: \"German\" is not a known BCP 47 language tag (such as en, pt-BR); write \"de\""}},
		{"language by its own name", `"language": "en"`, `"language": "Español"`,
			[]string{p + "20:15: pattern: language: \"Español\" is not a language tag such as en or pt-BR; write \"es\""}},
		{"language by a name of none", `"language": "en"`, `"language": "Elvish"`,
			[]string{p + "20:15: language: language: \"Elvish\" is not a known BCP 47 language tag (such as en, pt-BR)"}},
		// Readers take "" as a member left out, as writers leave it;
		// the schema wants it left out.
		{"empty recorded", `"2016-08-04"`, `""`,
			[]string{p + "18:15: pattern: recorded: \"\" is not a date such as 2016-07-21, 2016-07 or 2016-07-21T10:30:00+02:00; leave the member out when it has no value"}},
		{"empty duration", `"PT25M8S"`, `""`,
			[]string{p + "19:15: pattern: duration: \"\" is not an ISO 8601 duration such as PT25M8S; leave the member out when it has no value"}},
		{"empty language", `"language": "en"`, `"language": ""`,
			[]string{p + "20:15: pattern: language: \"\" is not a language tag such as en or pt-BR; leave the member out when it has no value"}},
		{"empty event site", `"https://ep2016.europython.eu/"`, `""`,
			[]string{p + "16:12: format: event/url: \"\" is not an absolute URL; leave the member out when it has no value"}},
		{"empty event title", `"EuroPython 2016"`, `""`,
			[]string{p + "12:14: minLength: event/title: must not be empty; leave the member out when it has no value"}},
		{"empty title", `"async/await in Python 3.5 and why it is awesome"`, `""`,
			[]string{p + "3:12: minLength: title: must not be empty"}},
		// A private-use tag is one talk.ParseLanguage makes and talkmeta's
		// form writes; the schema's pattern refused its one-letter "x".
		{"private-use language", `"language": "en"`, `"language": "x-klingon"`, nil},
		{"grandfathered language", `"language": "en"`, `"language": "i-klingon"`,
			[]string{p + "20:15: language: language: \"i-klingon\" is written \"tlh\" in its canonical form (warning)"}},
		{"lone private-use singleton", `"language": "en"`, `"language": "x"`,
			[]string{p + "20:15: pattern: language: \"x\" is not a language tag such as en or pt-BR"}},
		{"language not in canonical form", `"language": "en"`, `"language": "ENG"`,
			[]string{p + "20:15: language: language: \"ENG\" is written \"en\" in its canonical form (warning)"}},
		// A date is refused for the reason the reader gives, not as
		// "not a real date" whatever is wrong with it.
		{"hour 24", `"recorded": "2016-08-04"`, `"recorded": "2016-08-04T24:00:00"`,
			[]string{p + "18:15: date: recorded: \"2016-08-04T24:00:00\" is not a real time of day"}},
		{"offset of 25 hours", `"recorded": "2016-08-04"`, `"recorded": "2016-08-04T10:00:00+25:00"`,
			[]string{p + "18:15: date: recorded: \"2016-08-04T10:00:00+25:00\" has a malformed UTC offset"}},
		{"slug with a fragment", `"title": "async`, `"slug": "async#await", "title": "async`,
			[]string{p + "3:11: slug: slug: \"async#await\" cannot name a page: '#' would be read as part of the URL, not of the name; write letters, digits, \"-\" and \"_\""}},
		{"speaker slug with a query", `"name": "Yury Selivanov",`, `"name": "Yury Selivanov", "slug": "yury?s",`,
			[]string{p + "6:41: slug: speakers/0/slug: \"yury?s\" cannot name a page: '?' would be read as part of the URL, not of the name; write letters, digits, \"-\" and \"_\""}},
		// RFC 3339's lower-case t and z, which the readers take.
		{"lower-case date-time", `"recorded": "2016-08-04"`, `"recorded": "2016-08-04t10:30:00z"`, nil},
		{"event ends before it starts", `"2016-07-24"`, `"2016-07-01"`,
			[]string{p + "15:12: date: event/end: the event ends (2016-07-01) before it starts (2016-07-17)"}},
		{"unknown markup", `"markup": "rst"`, `"markup": "html"`,
			[]string{p + "22:13: enum: markup: \"html\" is not one of \"rst\", \"markdown\""}},
		{"markup in capitals", `"markup": "rst"`, `"markup": "RST"`,
			[]string{p + "22:13: enum: markup: \"RST\" is not one of \"rst\", \"markdown\"; did you mean \"rst\"?"}},
		{"markup misspelt", `"markup": "rst"`, `"markup": "markdwon"`,
			[]string{p + "22:13: enum: markup: \"markdwon\" is not one of \"rst\", \"markdown\"; did you mean \"markdown\"?"}},
		{"recording in words", `"markup": "rst"`, `"markup": "rst", "recording": "not recorded"`,
			[]string{p + "22:33: enum: recording: \"not recorded\" is not one of \"not_recorded\", \"scheduled\", \"not_published\"; did you mean \"not_recorded\"?"}},
		{"markup null", `"markup": "rst"`, `"markup": null`,
			[]string{p + "22:13: enum: markup: null is not one of \"rst\", \"markdown\"; leave the member out when it has no value"}},
		{"description null", `"markup": "rst"`, `"markup": "rst", "summary": null`,
			[]string{p + "22:31: type: summary: expected text, found null; leave the member out when it has no value"}},
		{"title null", `"async/await in Python 3.5 and why it is awesome"`, `null`,
			[]string{p + "3:12: type: title: expected text, found null"}},
		// The pattern lets any name of letters pass; readers and
		// calendars know only the zones of the IANA database.
		{"time zone abbreviated", `"url": "https://ep2016.europython.eu/"`, `"time_zone": "CEST", "url": "https://ep2016.europython.eu/"`,
			[]string{p + "16:18: time-zone: event/time_zone: \"CEST\" is not an IANA time zone such as Europe/Madrid"}},
		{"time zone of the machine", `"url": "https://ep2016.europython.eu/"`, `"time_zone": "Local", "url": "https://ep2016.europython.eu/"`,
			[]string{p + "16:18: time-zone: event/time_zone: \"Local\" is not an IANA time zone such as Europe/Madrid"}},
		{"time zone", `"url": "https://ep2016.europython.eu/"`, `"time_zone": "Europe/Madrid", "url": "https://ep2016.europython.eu/"`, nil},
		// A required member misspelt is one problem, not also an extra or
		// unexpected member.
		{"speaker name misspelt", `"name": "Yury Selivanov"`, `"nmae": "Yury Selivanov"`,
			[]string{p + "6:15: required: speakers/0: the member \"name\" is required; is \"nmae\" a misspelling of it?"}},
		{"link url misspelt", `"url": "https://ep2016.europython.eu//conference`, `"ulr": "https://ep2016.europython.eu//conference`,
			[]string{p + "32:14: required: links/0: the member \"url\" is required; is \"ulr\" a misspelling of it?"}},
		{"event site null", `"https://ep2016.europython.eu/"`, `null`,
			[]string{p + "16:12: type: event/url: expected text, found null; leave the member out when it has no value"}},
		{"markup a list", `"markup": "rst"`, `"markup": ["rst"]`,
			[]string{p + "22:13: enum: markup: a list is not one of \"rst\", \"markdown\""}},
		{"script link", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"javascript:alert(1)"`,
			[]string{p + "32:14: url: links/0/url: \"javascript:alert(1)\" is not an http(s) URL"}},
		{"broken link", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"http://python-%20twiggy.googlecode.com"`,
			[]string{p + "32:14: url: links/0/url: \"http://python-%20twiggy.googlecode.com\" is not a well-formed URL"}},
		{"homepage without scheme", `"https://github.com/1st1"`, `"github.com/1st1"`,
			[]string{p + "7:19: format: speakers/0/homepage: \"github.com/1st1\" is not an absolute URL; write \"https://github.com/1st1\""}},
		{"thumbnail without scheme", `"https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg"`, `"//i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg"`,
			[]string{p + "35:16: format: thumbnail: \"//i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg\" is not an absolute URL; write \"https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg\""}},
		{"event site without scheme", `"https://ep2016.europython.eu/"`, `"www.europython.eu"`,
			[]string{p + "16:12: format: event/url: \"www.europython.eu\" is not an absolute URL; write \"https://www.europython.eu\""}},
		{"event site a bare domain", `"https://ep2016.europython.eu/"`, `"europython.eu"`,
			[]string{p + "16:12: format: event/url: \"europython.eu\" is not an absolute URL; write \"https://europython.eu\""}},
		{"video a file name", `"https://www.youtube.com/watch?v=m28fiN9y_r8"`, `"talk.mp4"`,
			[]string{p + "26:14: format: videos/0/url: \"talk.mp4\" is not an absolute URL"}},
		{"link a file name", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"slides.pdf"`,
			[]string{p + "32:14: url: links/0/url: \"slides.pdf\" is relative; it resolves against whichever page shows it (warning)"}},
		{"speaker without name", `"name": "Yury Selivanov",`, ``,
			[]string{p + "5:5: required: speakers/0: the member \"name\" is required"}},
		{"recording and videos", `"license"`, `"recording": "not_recorded", "license"`,
			[]string{p + "36:16: recording: recording: \"not_recorded\" says there is no recording, but the talk has 1 video(s) (warning)"}},
		{"rst after a note is still an error", `\n\n-----\n\nThe talk`, `\n\n-----\n\n  --\nThe talk`,
			[]string{p + "21:94: rst: description line 6: Block quote ends without a blank line; unexpected unindent."}},
		{"extras are allowed", `"license"`, `"x_views": 1200, "license"`, nil},
		// Zero, which the model holds as unknown: fmt -w would drop it.
		{"duration of zero", `"PT25M8S"`, `"PT0S"`,
			[]string{p + "19:15: zero: duration: \"PT0S\" is read as unknown, as if left out, and fmt -w leaves it out; leave it out, or give the real value (warning)"}},
		{"video of zero bytes and seconds", `"id": "m28fiN9y_r8"`, `"id": "m28fiN9y_r8", "size": 0, "duration": "P0D"`,
			[]string{
				p + "27:36: zero: videos/0/size: 0 is read as unknown, as if left out, and fmt -w leaves it out; leave it out, or give the real value (warning)",
				p + "27:51: zero: videos/0/duration: \"P0D\" is read as unknown, as if left out, and fmt -w leaves it out; leave it out, or give the real value (warning)",
			}},
		{"legacy id zero", `"license"`, `"legacy": {"id": -0}, "license"`,
			[]string{p + "36:20: zero: legacy/id: -0 is read as unknown, as if left out, and fmt -w leaves it out; leave it out, or give the real value (warning)"}},
		// "" is in the markup enum to be taken as plain text, but is no
		// value to suggest for a misspelling: leaving the member out is.
		{"markup one letter off the empty one", `"markup": "rst"`, `"markup": "x"`,
			[]string{p + "22:13: enum: markup: \"x\" is not one of \"rst\", \"markdown\""}},
		{"duration zero seconds as a number", `"PT25M8S"`, `0`,
			[]string{p + "19:15: type: duration: expected text, found 0"}},
		{"id a fraction", `"id": "yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome"`, `"id": 1.5`,
			[]string{p + "2:9: type: id: expected text, found 1.5"}},
		{"duration as a clock of no time", `"PT25M8S"`, `"0:00:00"`,
			[]string{p + "19:15: pattern: duration: \"0:00:00\" is not an ISO 8601 duration such as PT25M8S"}},
		{"duration as a clock of 60 minutes", `"PT25M8S"`, `"0:60:00"`,
			[]string{p + "19:15: pattern: duration: \"0:60:00\" is not an ISO 8601 duration such as PT25M8S"}},
		{"duration as a clock of one-digit minutes", `"PT25M8S"`, `"0:5:08"`,
			[]string{p + "19:15: pattern: duration: \"0:5:08\" is not an ISO 8601 duration such as PT25M8S"}},
		{"recording without videos", "\"videos\": [\n    {\n      \"provider\": \"youtube\",\n      \"url\": \"https://www.youtube.com/watch?v=m28fiN9y_r8\",\n      \"id\": \"m28fiN9y_r8\"\n    }\n  ],",
			`"recording": "not_recorded",`, nil},
		// Only a description in reStructuredText is parsed as such.
		{"markdown is not parsed as rst", "coverage.\",\n  \"markup\": \"rst\"", "coverage *emphasis.\",\n  \"markup\": \"markdown\"", nil},
		{"slug with a percent sign", `"title": "async`, `"slug": "async%20await", "title": "async`,
			[]string{p + "3:11: slug: slug: \"async%20await\" cannot name a page: '%' would be read as part of the URL, not of the name; write letters, digits, \"-\" and \"_\""}},
		{"slug with a control character", `"title": "async`, `"slug": "async\u0001await", "title": "async`,
			[]string{p + "3:11: slug: slug: \"async\\x01await\" cannot name a page: '\\x01' is no part of a URL; write letters, digits, \"-\" and \"_\""}},
		{"title and Title", `"title": "async/await in Python 3.5 and why it is awesome"`, `"Title": "A", "title": "async/await in Python 3.5 and why it is awesome "`,
			[]string{
				p + "3:12: member-case: the member \"Title\" is read as \"title\", as is the member \"title\": readers match member names without regard to case, and keep only the last; remove one, or give it a name of its own",
				p + "3:26: whitespace: title: \"async/await in Python 3.5 and why it is awesome \" has leading or trailing white space (warning)",
			}},
		{"title with a two-byte control character", `3.5 and why`, `3.5\u0085and why`,
			[]string{p + "3:12: control: title: \"async/await in Python 3.5\\u0085and why it is awesome\" holds the control character U+0085, which pages and citations cannot show; remove it (warning)"}},
		{"speaker name of spaces", `"name": "Yury Selivanov"`, `"name": "  "`,
			[]string{p + "6:15: empty-name: speakers/0/name: the name is empty (warning)"}},
		{"link to a host without scheme", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"www.europython.eu"`,
			[]string{p + "32:14: url: links/0/url: \"www.europython.eu\" is relative; it resolves against whichever page shows it; write \"https://www.europython.eu\" (warning)"}},
		{"link without scheme but for its slashes", `"https://ep2016.europython.eu//conference/talks/asyncawait-in-python-35-an-why-it-is-awesome"`, `"//ep2016.europython.eu/"`,
			[]string{p + "32:14: url: links/0/url: \"//ep2016.europython.eu/\" is not an http(s) URL; write \"https://ep2016.europython.eu/\""}},
		{"homepage with a port and no scheme", `"https://github.com/1st1"`, `"github.com:8080/1st1"`,
			[]string{p + "7:19: url: speakers/0/homepage: \"github.com:8080/1st1\" is not an absolute http(s) URL"}},
		{"homepage of a one-letter top-level domain", `"https://github.com/1st1"`, `"github.c/1st1"`,
			[]string{p + "7:19: format: speakers/0/homepage: \"github.c/1st1\" is not an absolute URL"}},
		{"legacy id with a capital exponent", `"license"`, `"legacy": {"id": 1E2}, "license"`,
			[]string{p + "36:20: integer: legacy/id: write 1E2 as 100: readers take a whole number only as digits, without a fraction or an exponent"}},
		{"legacy id of 19 digits with an exponent", `"license"`, `"legacy": {"id": 9.2e18}, "license"`,
			[]string{p + "36:20: integer: legacy/id: write 9.2e18 as 9200000000000000000: readers take a whole number only as digits, without a fraction or an exponent"}},
		{"event end a year as a number", `"end": "2016-07-24"`, `"end": 2016`,
			[]string{p + "15:12: type: event/end: expected text, found 2016; write \"2016\", in quotes"}},
		{"title true", `"async/await in Python 3.5 and why it is awesome"`, `true`,
			[]string{p + "3:12: type: title: expected text, found true"}},
		{"slug with a space", `"title": "async`, `"slug": "async await", "title": "async`,
			[]string{p + "3:11: pattern: slug: \"async await\" is not a slug: one path segment without spaces"}},
		{"month with a slash", `"2016-08-04"`, `"8/2016"`,
			[]string{p + "18:15: pattern: recorded: \"8/2016\" is not a date such as 2016-07-21, 2016-07 or 2016-07-21T10:30:00+02:00; write \"2016-08\""}},
		{"slides a file name", `"license"`, `"slides": [{"url": "slides.pdf"}], "license"`,
			[]string{p + "36:22: url: slides/0/url: \"slides.pdf\" is relative; it resolves against whichever page shows it (warning)"}},
		{"title starting with a control character", `"title": "async`, `"title": "\u0007async`,
			[]string{p + "3:12: control: title: \"\\aasync/await in Python 3.5 and why it is awesome\" holds the control character U+0007, which pages and citations cannot show; remove it (warning)"}},
		{"homepage with an empty label", `"https://github.com/1st1"`, `"github..com/1st1"`,
			[]string{p + "7:19: format: speakers/0/homepage: \"github..com/1st1\" is not an absolute URL"}},
		{"homepage with a top-level domain not in a-z", `"https://github.com/1st1"`, `"github.cöm/1st1"`,
			[]string{p + "7:19: format: speakers/0/homepage: \"github.cöm/1st1\" is not an absolute URL"}},
		{"account not http", `"orcid": "0000-0002-1825-0097"`, `"orcid": "0000-0002-1825-0097", "accounts": [{"service": "x", "url": "ftp://example.org/ada"}]`,
			[]string{p + "8:76: url: speakers/0/accounts/0/url: \"ftp://example.org/ada\" is not an absolute http(s) URL"}},
		{"legacy id of minus zero with an exponent", `"license"`, `"legacy": {"id": -0e2}, "license"`,
			[]string{p + "36:20: integer: legacy/id: write -0e2 as 0: readers take a whole number only as digits, without a fraction or an exponent"}},
		{"speaker of a name only", "{\n      \"name\": \"Yury Selivanov\",\n      \"homepage\": \"https://github.com/1st1\",\n      \"orcid\": \"0000-0002-1825-0097\"\n    }", `{"name": "Yury Selivanov "}`,
			[]string{p + "5:14: whitespace: speakers/0/name: \"Yury Selivanov \" has leading or trailing white space (warning)"}},
		{"event title with spaces", `"EuroPython 2016"`, `" EuroPython 2016"`,
			[]string{p + "12:14: whitespace: event/title: \" EuroPython 2016\" has leading or trailing white space (warning)"}},
		{"event end not a real date", `"2016-07-24"`, `"2016-02-30"`,
			[]string{p + "15:12: date: event/end: \"2016-02-30\" is not a real date"}},
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
	got := lines(v.ValidateSpeaker([]byte(`{"name": " Ada\nLovelace ", "image": "data:image/png;base64,AAAA"}`), "speaker.json"))
	want := []string{
		`speaker.json:1:10: control: name: " Ada\nLovelace " holds the control character U+000A, which pages and citations cannot show; remove it (warning)`,
		`speaker.json:1:10: whitespace: name: " Ada\nLovelace " has leading or trailing white space (warning)`,
		`speaker.json:1:38: url: image: "data:image/png;base64,AAAA" is not an absolute http(s) URL`,
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

// TestTalkmetaMisspeltMembers: talkmeta's form keeps a member it does
// not know as an extra one, so a misspelt member lost its value to every
// page without a word. One near a member's name is a warning that names
// it; an extra member near none, near two alike, or near one the object
// has besides ("Titel" beside "title"), is left alone. A closed object's
// unexpected member names the one it is near too.
func TestTalkmetaMisspeltMembers(t *testing.T) {
	const record = `{
  "title": "T",
  "Titel": "T", "subtitel": "S",
  "descripton": "D",
  "licence": "CC-BY",
  "speaker": [{"name": "A", "affilation": "PSF"}], "summry": "S",
  "speakers": [{"name": "A", "homepgae": "https://example.org/"}],
  "event": {"title": "E", "strat": "2016-07-17", "x_sponsor": "ACME"},
  "videos": [{"url": "https://example.org/v.mp4", "langauge": "en"}],
  "place": {"venu": "V"},
  "recorded": "2016",
  "thumbnail": "https://example.org/t.jpg",
  "x_views": 1200,
  "ids": "1",
  "tracks": "A",
  "résumé": "R",
  "subtítulo": "S",
  "title\u200b": "T", "kind\u200b": "K", "kid": "K"
}`
	const kept = "kept as an extra member, which no page or citation shows"
	want := []string{
		`talk.json:3:29: unknown: unknown member "subtitel": ` + kept + `; did you mean "subtitle"? (warning)`,
		`talk.json:4:17: unknown: unknown member "descripton": ` + kept + `; did you mean "description"? (warning)`,
		`talk.json:5:14: unknown: unknown member "licence": ` + kept + `; did you mean "license"? (warning)`,
		`talk.json:6:62: unknown: unknown member "summry": ` + kept + `; did you mean "summary"? (warning)`,
		`talk.json:7:42: unknown: speakers/0: unknown member "homepgae": ` + kept + `; did you mean "homepage"? (warning)`,
		`talk.json:8:36: unknown: event: unknown member "strat": ` + kept + `; did you mean "start"? (warning)`,
		`talk.json:9:63: unknown: videos/0: unknown member "langauge": ` + kept + `; did you mean "language"? (warning)`,
		`talk.json:10:21: additionalProperties: place/venu: unexpected member; place may have only city, country, region, room and venue; did you mean "venue"?`,
		`talk.json:14:10: unknown: unknown member "ids": ` + kept + `; did you mean "id"? (warning)`,
		`talk.json:15:13: unknown: unknown member "tracks": ` + kept + `; did you mean "track"? (warning)`,
		`talk.json:18:37: unknown: unknown member "kind\u200b": ` + kept + `; did you mean "kind"? (warning)`,
	}
	if diff := cmp.Diff(want, lines((&Validator{}).ValidateTalk([]byte(record), "talk.json"))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
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
		`talk.json:3:12: member-case: the member "TITLE" is read as "title", as is the member "title": ` + m + `, and keep only the last; remove one, or give it a name of its own`,
		`talk.json:4:16: member-case: the member "\u212aind" is read as "kind": ` + m + `; write "kind", or give it a name of its own`,
		`talk.json:5:51: member-case: speakers/0/accounts/0: the member "URL" is read as "url": ` + m + `; write "url"`,
		`talk.json:6:45: member-case: event/place: the member "City" is read as "city": ` + m + `; write "city"`,
		`talk.json:7:59: member-case: videos/0: the member "Size" is read as "size": ` + m + `; write "size", or give it a name of its own`,
		`talk.json:9:54: member-case: links/0: the member "LABEL" is read as "label": ` + m + `; write "label"`,
		`talk.json:10:20: member-case: legacy: the member "ID" is read as "id": ` + m + `; write "id"`,
		`talk.json:11:40: member-case: parts/0: the member "Recorded" is read as "recorded": ` + m + `; write "recorded", or give it a name of its own`,
	}
	if diff := cmp.Diff(want, lines((&Validator{}).ValidateTalk([]byte(record), "talk.json"))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, err := talk.ParseJSON([]byte(record), "talk.json"); err == nil {
		t.Error("talk.ParseJSON read the record; the test needs one it refuses")
	}

	// A member named but for case is no missing one: neither the schema's
	// required nor a warning of a member left out repeats what
	// member-case says.
	const cased = `{"Title": "T", "Speakers": [{"name": "A"}], "Recorded": "2016",
 "videos": [{"url": "https://example.org/v.mp4"}], "Thumbnail": "https://example.org/t.jpg",
 "links": [{"URL": "https://example.org/"}]}`
	want = []string{
		`talk.json:1:11: member-case: the member "Title" is read as "title": ` + m + `; write "title", or give it a name of its own`,
		`talk.json:1:28: member-case: the member "Speakers" is read as "speakers": ` + m + `; write "speakers", or give it a name of its own`,
		`talk.json:1:57: member-case: the member "Recorded" is read as "recorded": ` + m + `; write "recorded", or give it a name of its own`,
		`talk.json:2:65: member-case: the member "Thumbnail" is read as "thumbnail": ` + m + `; write "thumbnail", or give it a name of its own`,
		`talk.json:3:20: member-case: links/0: the member "URL" is read as "url": ` + m + `; write "url"`,
	}
	if diff := cmp.Diff(want, lines((&Validator{}).ValidateTalk([]byte(cased), "talk.json"))); diff != "" {
		t.Errorf("problems of a record with members named but for case (-want +got):\n%s", diff)
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

// TestReaderAgrees holds the schema and talkmeta's reader to one
// complaint about a record the reader refuses, at one place: each record
// is refused by talk.ParseJSON and has an error from ValidateTalk at the
// line, column and pointer of the reader's error, so that check and every
// other verb, which read, send the user to the same value.
func TestReaderAgrees(t *testing.T) {
	for _, tt := range readerAgrees {
		t.Run(tt.name, func(t *testing.T) {
			_, err := talk.ParseJSON([]byte(tt.record), "t.json")
			var re *talk.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("ParseJSON = %v, want a *talk.RecordError", err)
			}
			var same []string
			for _, p := range (&Validator{}).ValidateTalk([]byte(tt.record), "t.json") {
				if p.Severity == Error && p.Line == re.Line && p.Column == re.Column && p.Pointer == re.Pointer {
					same = append(same, p.Error())
				}
			}
			if diff := cmp.Diff([]string{tt.reader, tt.schema}, append([]string{err.Error()}, same...)); diff != "" {
				t.Errorf("reader's error, then the schema's at its place (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzReaderAgrees holds, for any record that talkmeta's reader or
// pyvideo's refuses within its limits, that the schema of its profile has
// an error at the line and column of the reader's, as TestReaderAgrees
// holds it for its records; or, for a value within a talkmeta member
// named like a known one but for case, which the schema takes for an
// extra member and does not look into, at that member.
func FuzzReaderAgrees(f *testing.F) {
	seed, _ := os.ReadFile("testdata/talk.json")
	f.Add(seed, false)
	for _, tt := range readerAgrees {
		f.Add([]byte(tt.record), false)
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "pyvideo", "*", "videos", "*.json"))
	for _, name := range files {
		data, _ := os.ReadFile(name)
		f.Add(data, true)
	}
	f.Fuzz(func(t *testing.T, data []byte, isPyvideo bool) {
		v, read := &Validator{}, talk.ParseJSON
		if isPyvideo {
			v.Profile, read = Pyvideo, pyvideo.ParseTalk
		}
		_, err := read(data, "f.json")
		var re *talk.RecordError
		var le *talk.LimitError
		if !errors.As(err, &re) || errors.As(err, &le) {
			return
		}
		ps := v.ValidateTalk(data, "f.json")
		for _, p := range ps {
			if p.Severity == Error && (p.Line == re.Line && p.Column == re.Column ||
				p.Rule == "member-case" && strings.HasPrefix(re.Pointer, p.Pointer+"/")) {
				return
			}
		}
		t.Errorf("the reader refuses %q: %v\nthe schema has no error there: %v", data, err, ps)
	})
}

// readerAgrees are records talkmeta's reader refuses, with its error and
// the schema's at the same place.
var readerAgrees = []struct{ name, record, reader, schema string }{
	{"place member", `{"title": "T", "place": {"room": "A", "floor": 2}}`,
		`t.json:1:48: /place/floor: talk: a place has no member "floor" (only venue, room, city, region, country), and no place to keep one it does not know: remove it, or keep what it says in a member of the talk, which keeps those`,
		`t.json:1:48: additionalProperties: place/floor: unexpected member; place may have only city, country, region, room and venue`},
	{"account member", `{"title": "T", "speakers": [{"name": "A", "accounts": [{"service": "github", "verified": true}]}]}`,
		`t.json:1:90: /speakers/0/accounts/0/verified: talk: an account has no member "verified" (only service, handle, url), and no place to keep one it does not know: remove it, or keep what it says in a member of the talk, which keeps those`,
		"t.json:1:90: additionalProperties: speakers/0/accounts/0/verified: unexpected member; speakers/0/accounts/0 may have only handle, service and url"},
	{"link member", `{"title": "T", "links": [{"url": "https://x.org/"}, {"url": "https://y.org/", "kind": "slides"}]}`,
		`t.json:1:87: /links/1/kind: talk: a link has no member "kind" (only url, label), and no place to keep one it does not know: remove it, or keep what it says in a member of the talk, which keeps those`,
		"t.json:1:87: additionalProperties: links/1/kind: unexpected member; links/1 may have only label and url"},
	{"legacy member", `{"title": "T", "legacy": {"id": 3, "old": 1}}`,
		`t.json:1:43: /legacy/old: talk: legacy has no member "old" (only id, alias, category, quality_notes), and no place to keep one it does not know: remove it, or keep what it says in a member of the talk, which keeps those`,
		"t.json:1:43: additionalProperties: legacy/old: unexpected member; legacy may have only alias, category, id and quality_notes"},
	{"event place member", `{"title": "T", "event": {"title": "E", "place": {"city": "Bilbao", "zip": "48001"}}}`,
		`t.json:1:75: /event/place/zip: talk: a place has no member "zip" (only venue, room, city, region, country), and no place to keep one it does not know: remove it, or keep what it says in a member of the talk, which keeps those`,
		"t.json:1:75: additionalProperties: event/place/zip: unexpected member; event/place may have only city, country, region, room and venue"},
	{"duplicate", `{"title": "T", "title": "U"}`,
		`t.json:1:16: /title: invalid JSON: duplicate member name "title"`,
		`t.json:1:16: json: title: duplicate member name "title"`},
	{"folded twice", `{"title": "T", "Title": "U"}`,
		`t.json:1:25: /Title: talk: the member "Title" is read as "title", as is a member before it: readers match member names without regard to case, and keep only the last; remove one, or give it a name of its own`,
		`t.json:1:25: member-case: the member "Title" is read as "title", as is the member "title": readers match member names without regard to case, and keep only the last; remove one, or give it a name of its own`},
	{"folded twice in a place", `{"title": "T", "place": {"city": "C", "City": "D"}}`,
		`t.json:1:47: /place/City: talk: the member "City" is read as "city", as is a member before it: readers match member names without regard to case, and keep only the last; remove one`,
		`t.json:1:47: member-case: place: the member "City" is read as "city", as is the member "city": readers match member names without regard to case, and keep only the last; remove one`},
	{"not UTF-8", "{\"title\": \"caf\xe9\"}",
		"t.json:1:15: invalid JSON: invalid UTF-8 (byte 0xe9) in a string",
		"t.json:1:15: json: invalid UTF-8 (byte 0xe9) in a string"},
	{"title a number", `{"title": 5}`,
		"t.json:1:11: /title: talk: want a string, got number",
		"t.json:1:11: type: title: expected text, found 5"},
	{"size a fraction", `{"title": "T", "videos": [{"url": "https://x.org/", "size": 1.5}]}`,
		"t.json:1:61: /videos/0/size: talk: want a whole number, got 1.5",
		"t.json:1:61: type: videos/0/size: expected a whole number, found 1.5"},
	{"no real date", `{"title": "T", "recorded": "2016-02-30"}`,
		`t.json:1:28: /recorded: talk: "2016-02-30" is not a real date`,
		`t.json:1:28: date: recorded: "2016-02-30" is not a real date`},
	{"hour 24", `{"title": "T", "recorded": "2016-02-03T24:00:00"}`,
		`t.json:1:28: /recorded: talk: "2016-02-03T24:00:00" is not a real time of day`,
		`t.json:1:28: date: recorded: "2016-02-03T24:00:00" is not a real time of day`},
	// Below a nanosecond: the reader would have made it zero, unknown,
	// and fmt would have dropped it, where check found it whole.
	{"sub-nanosecond duration", `{"title": "T", "duration": "PT0.0000000001S"}`,
		`t.json:1:28: /duration: talk: "PT0.0000000001S" is more precise than a nanosecond, the finest a duration holds`,
		`t.json:1:28: duration: duration: "PT0.0000000001S" is more precise than a nanosecond, the finest a duration holds`},
	{"negative duration", `{"title": "T", "duration": "-PT5M"}`,
		`t.json:1:28: /duration: talk: "-PT5M" is negative; a talk's duration is zero (unknown) or more`,
		`t.json:1:28: pattern: duration: "-PT5M" is negative; a talk's duration is zero (unknown) or more`},
	{"minus zero duration", `{"title": "T", "duration": "-PT0S"}`,
		`t.json:1:28: /duration: talk: "-PT0S" has a minus sign, which no duration may have; write zero as PT0S`,
		`t.json:1:28: pattern: duration: "-PT0S" has a minus sign, which no duration may have; write zero as PT0S`},
	{"speakers an object", `{"title": "T", "speakers": {"name": "A"}}`,
		"t.json:1:28: /speakers: talk: want an array, got object",
		"t.json:1:28: type: speakers: expected a list, found an object"},
	{"an array", `[{"title": "T"}]`,
		"t.json:1:1: talk: want an object, got array",
		"t.json:1:1: type: the record: expected an object, found a list"},
	{"null", `null`,
		"t.json:1:1: talk: want an object, got null",
		"t.json:1:1: type: the record: expected an object, found null"},
	{"syntax", `{"title": "T",}`,
		"t.json:1:14: invalid JSON: a comma after the last member: JSON allows none before '}'",
		"t.json:1:14: json: a comma after the last member: JSON allows none before '}'"},
	{"deep", `{"title": "T", "x": ` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`,
		"t.json:1:84: nesting depth exceeds the limit of 64",
		"t.json:1:84: limit: nesting depth exceeds the limit of 64"},
}

// TestOtherProfile: a record of one form checked in the other profile,
// as when an archive being converted is checked before it is, says so
// once, where talkmeta's profile would otherwise keep pyvideo's members
// as extra ones without a word.
func TestOtherProfile(t *testing.T) {
	pyvideoRecord := readTestdata(t, seedPath)
	talkmetaRecord, err := os.ReadFile("testdata/talk.json")
	if err != nil {
		t.Fatal(err)
	}
	got := lines((&Validator{}).ValidateTalk(pyvideoRecord, "t.json"))
	want := []string{
		`t.json:1:1: profile: the record has members of pyvideo's form ("copyright_text", "related_urls" and "thumbnail_url"), which talkmeta's form does not know: check it in the pyvideo profile, or convert it (warning)`,
		`t.json:1:1: no-thumbnail: thumbnail is missing or empty; link previews and video search results need a thumbnail (warning)`,
		`t.json:4:15: type: duration: expected text, found 1508; write "PT25M8S", an ISO 8601 duration, for 1508 seconds`,
		`t.json:5:15: language: language: "eng" is written "en" in its canonical form (warning)`,
		`t.json:11:5: type: speakers/0: expected an object, found the text "Yury Selivanov"; write {"name": "Yury Selivanov"}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a pyvideo record in the talkmeta profile (-want +got):\n%s", diff)
	}
	got = lines((&Validator{Profile: Pyvideo}).ValidateTalk(talkmetaRecord, "t.json"))
	want = []string{
		`t.json:1:1: profile: the record has members of talkmeta's form ("event", "license", "links", "markup" and "thumbnail"), which pyvideo's form does not know: check it in the talkmeta profile, or convert it (warning)`,
		`t.json:1:1: no-thumbnail: thumbnail_url is missing or empty; link previews and video search results need a thumbnail (warning)`,
		`t.json:2:9: type: id: expected a whole number or null, found the text "yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome"`,
		`t.json:5:5: type: speakers/0: expected text, found an object`,
		`t.json:11:12: unknown: unknown member "event": pyvideo.org ignores it (warning)`,
		`t.json:19:15: type: duration: expected a whole number or null, found the text "PT25M8S"; write 1508, the duration in seconds`,
		`t.json:20:15: language: language: "en" is not an ISO 639-3 language code (such as eng, spa, jpn); write "eng"`,
		`t.json:22:13: unknown: unknown member "markup": pyvideo.org ignores it (warning)`,
		`t.json:24:5: required: videos/0: the member "type" is required`,
		`t.json:30:12: unknown: unknown member "links": pyvideo.org ignores it (warning)`,
		`t.json:35:16: unknown: unknown member "thumbnail": pyvideo.org ignores it (warning)`,
		`t.json:36:14: unknown: unknown member "license": pyvideo.org ignores it (warning)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a talkmeta record in the pyvideo profile (-want +got):\n%s", diff)
	}
	// Events are told apart as talks are.
	got = lines((&Validator{}).ValidateEvent([]byte(`{"title": "E", "start_date": "2016-07-17", "end_date": "2016-07-18"}`), "e.json"))
	want = []string{`e.json:1:1: profile: the record has members of pyvideo's form ("end_date" and "start_date"), which talkmeta's form does not know: check it in the pyvideo profile, or convert it (warning)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a pyvideo event in the talkmeta profile (-want +got):\n%s", diff)
	}
	got = lines((&Validator{Profile: Pyvideo}).ValidateEvent([]byte(`{"title": "E", "start": "2016-07-17", "end": "2016-07-18"}`), "category.json"))
	want = []string{
		`category.json:1:1: profile: the record has members of talkmeta's form ("end" and "start"), which pyvideo's form does not know: check it in the talkmeta profile, or convert it (warning)`,
		`category.json:1:25: unknown: unknown member "start": pyvideo.org ignores it (warning)`,
		`category.json:1:46: unknown: unknown member "end": pyvideo.org ignores it (warning)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a talkmeta event in the pyvideo profile (-want +got):\n%s", diff)
	}
	// One member of the other form is an extra member like any other.
	one := []byte(`{"title": "T", "speakers": [{"name": "A"}], "recorded": "2016", "related_urls": []}`)
	if diff := cmp.Diff([]string(nil), lines((&Validator{}).ValidateTalk(one, "t.json"))); diff != "" {
		t.Errorf("one member of pyvideo's form (-want +got):\n%s", diff)
	}
}

// TestEventDateRange: a year or a month is every day of it, so an event
// that starts on a day of the month it ends in does not end before it
// starts, and one that starts in a later month than the day it ends
// does.
func TestEventDateRange(t *testing.T) {
	var got []string
	for _, dates := range [][2]string{
		{"2016-07-17", "2016-07"}, {"2016-07-17", "2016"}, {"2016-12-15", "2016"}, {"2016-07", "2016-07-02"}, {"2016", "2016-03-01"},
		{"2016-07-17T18:00:00+02:00", "2016-07-17"}, {"2016-07-17", "2016-07-16"},
		{"2016-08", "2016-07-31"}, {"2017", "2016-12"}, {"2016-07-17", "2016-06"},
	} {
		record := `{"title": "E", "start": "` + dates[0] + `", "end": "` + dates[1] + `"}`
		got = append(got, dates[0]+" to "+dates[1]+":")
		got = append(got, lines((&Validator{}).ValidateEvent([]byte(record), "e.json"))...)
	}
	want := []string{
		"2016-07-17 to 2016-07:",
		"2016-07-17 to 2016:",
		"2016-12-15 to 2016:",
		"2016-07 to 2016-07-02:",
		"2016 to 2016-03-01:",
		"2016-07-17T18:00:00+02:00 to 2016-07-17:",
		"2016-07-17 to 2016-07-16:",
		"e.json:1:46: date: end: the event ends (2016-07-16) before it starts (2016-07-17)",
		"2016-08 to 2016-07-31:",
		"e.json:1:43: date: end: the event ends (2016-07-31) before it starts (2016-08)",
		"2017 to 2016-12:",
		"e.json:1:40: date: end: the event ends (2016-12) before it starts (2017)",
		"2016-07-17 to 2016-06:",
		"e.json:1:46: date: end: the event ends (2016-06) before it starts (2016-07-17)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTalkmetaParts: a part is a talk, checked as one, its problems
// said at its place: "parts/0/recording", not "recording", which is the
// whole talk's.
func TestTalkmetaParts(t *testing.T) {
	record := `{"title": "T", "speakers": [{"name": "A"}], "recorded": "2016", "thumbnail": "https://e.org/t.jpg", "videos": [{"url": "https://e.org/v"}],` +
		` "parts": [{"title": "P", "recorded": "2016", "thumbnail": "https://e.org/p.jpg", "event": {"title": "E", "start": "2016-07-17", "end": "2016-07-01"},` +
		` "recording": "scheduled", "videos": [{"url": "https://e.org/v", "language": "xx"}]}]}`
	want := []string{
		`t.json:1:276: date: parts/0/event/end: the event ends (2016-07-01) before it starts (2016-07-17)`,
		`t.json:1:304: recording: parts/0/recording: "scheduled" says there is no recording, but the talk has 1 video(s) (warning)`,
		`t.json:1:367: language: parts/0/videos/0/language: "xx" is not a known BCP 47 language tag (such as en, pt-BR)`,
	}
	if diff := cmp.Diff(want, lines((&Validator{}).ValidateTalk([]byte(record), "t.json"))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A part of a part.
	record = `{"title": "T", "speakers": [{"name": "A"}], "recorded": "2016", "parts": [{"title": "P", "recorded": "2016",` +
		` "parts": [{"title": "Q", "recorded": "2016"}, {"title": "R", "recorded": "2016", "language": "xx"}]}]}`
	want = []string{`t.json:1:203: language: parts/0/parts/1/language: "xx" is not a known BCP 47 language tag (such as en, pt-BR)`}
	if diff := cmp.Diff(want, lines((&Validator{}).ValidateTalk([]byte(record), "t.json"))); diff != "" {
		t.Errorf("a part of a part (-want +got):\n%s", diff)
	}
	// A part without a date or a thumbnail of its own has its block's,
	// and no page of its own to show them on: nothing to warn of. One
	// it has is checked.
	record = `{"title": "T", "speakers": [{"name": "A"}], "recorded": "2016", "thumbnail": "https://e.org/t.jpg", "videos": [{"url": "https://e.org/v"}],` +
		` "parts": [{"title": "P", "videos": [{"url": "https://e.org/v"}]}, {"title": "Q", "recorded": "2016-02-30", "thumbnail": "t.jpg"}]}`
	want = []string{
		`t.json:1:234: date: parts/1/recorded: "2016-02-30" is not a real date`,
		`t.json:1:261: format: parts/1/thumbnail: "t.jpg" is not an absolute URL`,
	}
	if diff := cmp.Diff(want, lines((&Validator{}).ValidateTalk([]byte(record), "t.json"))); diff != "" {
		t.Errorf("parts without a date or thumbnail (-want +got):\n%s", diff)
	}
}

// TestRecordAsText: a whole record that is text is no record to wrap in
// one, as a speaker given as text is ({"name": ...}).
func TestRecordAsText(t *testing.T) {
	var v Validator
	got := append(lines(v.ValidateTalk([]byte(`"async/await"`), "t.json")), lines(v.ValidateSpeaker([]byte(` "Ada"`), "s.json"))...)
	want := []string{
		`t.json:1:1: type: the record: expected an object, found the text "async/await"`,
		`s.json:1:2: type: the record: expected an object, found the text "Ada"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

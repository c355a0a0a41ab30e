package talk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // TestDateOf needs Amsterdam's zone even where the system has none

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/talkmeta/talkmeta/talk"
)

func TestParseDate(t *testing.T) {
	type result struct {
		Precision string
		String    string
		Time      string
		Err       string
	}
	tests := []struct {
		in   string
		want result
	}{
		{"", result{"none", "", "0001-01-01T00:00:00Z", ""}},
		{"2016", result{"year", "2016", "2016-01-01T00:00:00Z", ""}},
		{"2016-07", result{"month", "2016-07", "2016-07-01T00:00:00Z", ""}},
		{"2016-07-21", result{"day", "2016-07-21", "2016-07-21T00:00:00Z", ""}},
		{"2016-07-21T10:30", result{"date-time", "2016-07-21T10:30:00", "2016-07-21T10:30:00Z", ""}},
		{"2016-07-21T10:30:05", result{"date-time", "2016-07-21T10:30:05", "2016-07-21T10:30:05Z", ""}},
		{"2016-07-21 10:30:05", result{"date-time", "2016-07-21T10:30:05", "2016-07-21T10:30:05Z", ""}},
		{"2016-07-21T10:30:05.25", result{"date-time", "2016-07-21T10:30:05.25", "2016-07-21T10:30:05.25Z", ""}},
		{"2016-07-21T10:30:05+02:00", result{"date-time with offset", "2016-07-21T10:30:05+02:00", "2016-07-21T10:30:05+02:00", ""}},
		{"2016-07-21T10:30:05-05:30", result{"date-time with offset", "2016-07-21T10:30:05-05:30", "2016-07-21T10:30:05-05:30", ""}},
		{"2016-07-21T10:30:05Z", result{"date-time with offset", "2016-07-21T10:30:05Z", "2016-07-21T10:30:05Z", ""}},
		{"2016-02-29", result{"day", "2016-02-29", "2016-02-29T00:00:00Z", ""}},
		{"2015-02-29", result{Err: `talk: "2015-02-29" is not a real date`}},
		{"2016-02-30", result{Err: `talk: "2016-02-30" is not a real date`}},
		{"2016-13", result{Err: `talk: "2016-13" is not a real date`}},
		{"2016-00", result{Err: `talk: "2016-00" is not a real date`}},
		{"2016-00-10", result{Err: `talk: "2016-00-10" is not a real date`}},
		// RFC 3339 allows "t" and "z" for "T" and "Z".
		{"2016-07-21t10:30:05z", result{"date-time with offset", "2016-07-21T10:30:05Z", "2016-07-21T10:30:05Z", ""}},
		{"2016-07-21T10-30", result{Err: `talk: "2016-07-21T10-30" is not a date-time (want YYYY-MM-DDTHH:MM:SS)`}},
		{"2016-07-21T10:30:05+24:00", result{Err: `talk: "2016-07-21T10:30:05+24:00" has a malformed UTC offset`}},
		{"2016-07-21T24:00:00", result{Err: `talk: "2016-07-21T24:00:00" is not a real time of day`}},
		// A leap second is real, but no time.Time holds it.
		{"2016-12-31T23:59:60Z", result{Err: `talk: "2016-12-31T23:59:60Z" is a leap second, which a date-time here cannot hold (as Go's time.Time cannot); write :59 for it`}},
		{"2017-01-01T00:59:60.5+01:00", result{Err: `talk: "2017-01-01T00:59:60.5+01:00" is a leap second, which a date-time here cannot hold (as Go's time.Time cannot); write :59 for it`}},
		{"2016-07-21T10:30:00.Z", result{Err: `talk: "2016-07-21T10:30:00.Z" has a "." without fractional seconds after it`}},
		{"2016-07-21T10:30:00.1234567891Z", result{Err: `talk: "2016-07-21T10:30:00.1234567891Z" has fractional seconds of more than 9 digits, finer than a nanosecond, which a date-time here cannot hold`}},
		{"2016-07-21T10:30:60", result{Err: `talk: "2016-07-21T10:30:60" is not a real time of day`}},
		{"21/07/2016", result{Err: `talk: "21/07/2016" is not a date (want YYYY-MM-DD)`}},
		{"2016-07-21T10:30:05+2", result{Err: `talk: "2016-07-21T10:30:05+2" has a malformed UTC offset`}},
		{"2016-07-21T10:30:05+0200", result{Err: `talk: "2016-07-21T10:30:05+0200" has a malformed UTC offset`}},
		{"2016-07-21T10:30:05-02:00:00", result{Err: `talk: "2016-07-21T10:30:05-02:00:00" has a malformed UTC offset`}},
		{"2016-07-21T10:30:05 +02:00", result{Err: `talk: "2016-07-21T10:30:05 +02:00" has unexpected text after the time`}},
		// An ordinal or week date is a form not read, not a month out of
		// range.
		{"2016-203", result{Err: `talk: "2016-203" is not a date (want YYYY-MM-DD)`}},
		{"2016-07-2", result{Err: `talk: "2016-07-2" is not a date (want YYYY-MM-DD)`}},
		{"2016-7-21", result{Err: `talk: "2016-7-21" is not a date (want YYYY-MM-DD)`}},
		{"2016-07-21X", result{Err: `talk: "2016-07-21X" is not a date-time (want YYYY-MM-DDTHH:MM:SS)`}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := talk.ParseDate(tt.in)
			var got result
			if err != nil {
				var de *talk.DateError
				if !errors.As(err, &de) {
					t.Fatalf("error %v is not a *DateError", err)
				}
				got.Err = err.Error()
			} else {
				got = result{d.Precision().String(), d.String(), d.Time().Format(time.RFC3339Nano), ""}
				// String is the inverse of ParseDate.
				if back, err := talk.ParseDate(d.String()); err != nil || back != d {
					t.Errorf("ParseDate(%q) = %v, %v; want %v", d.String(), back, err, d)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDateOf(t *testing.T) {
	d, err := talk.DateOf(2016, time.July, 21)
	if err != nil || d != talk.MustParseDate("2016-07-21") {
		t.Errorf("DateOf = %v, %v", d, err)
	}
	if _, err := talk.DateOf(2016, time.February, 30); err == nil {
		t.Error("DateOf(2016-02-30) did not fail")
	}
	berlin := time.FixedZone("CEST", 2*3600)
	at := time.Date(2016, 7, 21, 10, 30, 0, 0, berlin)
	if got, want := talk.DateTimeOf(at, true).String(), "2016-07-21T10:30:00+02:00"; got != want {
		t.Errorf("DateTimeOf(offset) = %s, want %s", got, want)
	}
	if got, want := talk.DateTimeOf(at, false).String(), "2016-07-21T10:30:00"; got != want {
		t.Errorf("DateTimeOf(floating) = %s, want %s", got, want)
	}
	// Amsterdam kept its local mean time, +00:19:32, until 1937.
	amsterdam, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	old := time.Date(1900, 7, 21, 10, 30, 0, 0, amsterdam)
	d = talk.DateTimeOf(old, true)
	if got, want := d.String(), "1900-07-21T10:10:28Z"; got != want {
		t.Errorf("DateTimeOf(local mean time) = %s, want %s", got, want)
	}
	if back, err := talk.ParseDate(d.String()); err != nil || !back.Time().Equal(old) {
		t.Errorf("ParseDate(%s) = %v, %v; want the instant %v", d, back.Time(), err, old)
	}
	// Offsets of whole minutes that are not whole hours are kept:
	// India's, Nepal's.
	for _, off := range []string{"+05:30", "+05:45", "-09:30"} {
		d := talk.MustParseDate("2019-10-12T09:00:00" + off)
		if got := talk.DateTimeOf(d.Time(), true); got != d {
			t.Errorf("DateTimeOf(%v, true) = %s, want %s", d.Time(), got, d)
		}
	}
	var days []string
	for _, s := range []string{"2016-07-21T10:30:00+02:00", "2016-07-21T23:59:59", "2016-07-21", "2016-07", "2016", ""} {
		days = append(days, talk.MustParseDate(s).Day().String())
	}
	if diff := cmp.Diff([]string{"2016-07-21", "2016-07-21", "2016-07-21", "", "", ""}, days); diff != "" {
		t.Errorf("Day (-want +got):\n%s", diff)
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		d           talk.Duration
		iso, clock  string
		parseBackOK bool
	}{
		{0, "PT0S", "0:00", true},
		{talk.Duration(1508 * time.Second), "PT25M8S", "25:08", true},
		{talk.Duration(3723 * time.Second), "PT1H2M3S", "1:02:03", true},
		{talk.Duration(3600 * time.Second), "PT1H", "1:00:00", true},
		{talk.Duration(25 * time.Minute), "PT25M", "25:00", true},
		{talk.Duration(8500 * time.Millisecond), "PT8.5S", "0:09", true},
		// Negative durations print, for debugging, but do not read
		// back: a talk cannot last less than nothing.
		{talk.Duration(-90 * time.Second), "-PT1M30S", "-1:30", false},
		{talk.Duration(-time.Second), "-PT1S", "-0:01", false},
		// The extremes print and read back exactly, to the nanosecond.
		{talk.Duration(math.MaxInt64), "PT2562047H47M16.854775807S", "2562047:47:16", true},
		{talk.Duration(math.MinInt64), "-PT2562047H47M16.854775808S", "-2562047:47:16", false},
		{talk.Duration(3*time.Hour + 1), "PT3H0.000000001S", "3:00:00", true},
		// Seconds are written from the nanoseconds, not from a float64
		// of them, which is 3.9833519429999997 here: a form that
		// ParseDuration refuses as finer than a nanosecond.
		{talk.Duration(3983351943), "PT3.983351943S", "0:04", true},
		{talk.Duration(24*time.Hour + 23513010521), "PT24H23.513010521S", "24:00:24", true},
		{talk.Duration(1234567 * time.Microsecond), "PT1.234567S", "0:01", true},
		{talk.Duration(59*time.Second + 100), "PT59.0000001S", "0:59", true},
	}
	for _, tt := range tests {
		got := []string{tt.d.String(), tt.d.Clock()}
		if diff := cmp.Diff([]string{tt.iso, tt.clock}, got); diff != "" {
			t.Errorf("%v (-want +got):\n%s", time.Duration(tt.d), diff)
		}
		if !tt.parseBackOK {
			continue
		}
		back, err := talk.ParseDuration(tt.iso)
		if err != nil || back != tt.d {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tt.iso, back, err, tt.d)
		}
	}
	// Every Duration writes a text that reads back as itself (about one
	// in sixty of these did not).
	for i := range int64(100000) {
		d := talk.Duration(i * 7919 * 1000003 % (2 * int64(time.Hour)))
		if back, err := talk.ParseDuration(d.String()); err != nil || back != d {
			t.Fatalf("ParseDuration(%q) = %d, %v; want %d", d.String(), int64(back), err, int64(d))
		}
	}
	for in, want := range map[string]talk.Duration{
		"P1DT2H": talk.Duration(26 * time.Hour), "PT90M": talk.Duration(90 * time.Minute),
		"PT1H0.5M": talk.Duration(time.Hour + 30*time.Second), "PT0.3S": talk.Duration(300 * time.Millisecond),
		"P0.5D": talk.Duration(12 * time.Hour), "PT9223372036.854775807S": talk.Duration(math.MaxInt64),
		// Exact to the nanosecond, however many digits say so.
		"PT0.000000001S": 1, "PT1.5000000000000000000000S": talk.Duration(1500 * time.Millisecond),
		"P0.0000000000125D": 1080, "PT0.0000000000000000000S": 0,
	} {
		if got, err := talk.ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	const (
		syntax    = "is not an ISO 8601 duration such as PT25M8S"
		overflow  = "is longer than a duration can be (about 292 years, what a Go time.Duration holds)"
		negative  = "is negative; a talk's duration is zero (unknown) or more"
		minusZero = "has a minus sign, which no duration may have; write zero as PT0S"
		fine      = "is more precise than a nanosecond, the finest a duration holds"
	)
	got := map[string]string{}
	want := map[string]string{}
	for reason, bad := range map[string][]string{
		syntax: {"", "P", "PT", "25:08", "P1Y", "PT5X", "PT1H1H", "P1DT", "PT1.2.3S", "-", "-P",
			// Too long, but not well-formed either: the syntax is
			// what is wrong.
			"P106752DT", "PT99999999999999999999S1H",
			// A second "T"; a day within the time; a month, which
			// is not a minute.
			"PT1HT1M", "PT1D", "P1M"},
		// Past the range of a time.Duration: an error, not a wrapped
		// value, and one that says so (it used to say "not an ISO 8601
		// duration").
		overflow: {"PT9223372036.854775808S", "PT2562048H", "P106752D", "PT99999999999999999999S", "P1DT2562047H",
			// Half a nanosecond past the longest: too long, whichever
			// way it rounds.
			"PT9223372036.8547758075S"},
		// Negative: the JSON Schemas refuse it, and readers do too.
		negative: {"-PT5S", "-P1D", "-P106752D"},
		// Zero, but signed, which the schemas refuse: not "negative".
		minusZero: {"-PT0S", "-P0D", "-PT0.0S"},
		// Finer than a nanosecond: rounding would change it, and make
		// the first zero, unknown, so that a writer left it out.
		fine: {"PT0.0000000001S", "PT0.0000000015S", "P0.00000000000001D", "PT1.0000000000000000001S", "PT1H0.00000000001M"},
	} {
		for _, in := range bad {
			want[in] = reason
			_, err := talk.ParseDuration(in)
			var de *talk.DurationError
			switch {
			case err == nil:
				got[in] = "no error"
			case !errors.As(err, &de):
				got[in] = fmt.Sprintf("%T", err)
			case err.Error() != fmt.Sprintf("talk: %q %s", in, de.Reason):
				got[in] = "message " + err.Error()
			default:
				got[in] = de.Reason
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseDuration reasons (-want +got):\n%s", diff)
	}

	// What ParseDuration refuses is not written either.
	_, err := talk.Duration(-time.Second).MarshalText()
	var de *talk.DurationError
	if !errors.As(err, &de) || err.Error() != `talk: "-PT1S" `+negative {
		t.Errorf("MarshalText(-1s) = %v, want a *DurationError", err)
	}
	if _, err := json.Marshal(talk.Talk{Title: "t", Duration: talk.Duration(-time.Second)}); !errors.As(err, &de) {
		t.Errorf("MarshalJSON of a talk with a negative duration: %v, want a *DurationError", err)
	}
	if _, err := talk.ParseJSON([]byte(`{"title":"t","duration":"-PT5S"}`), "t.json"); !errors.As(err, &de) {
		t.Errorf("ParseJSON of a negative duration: %v, want a *DurationError", err)
	}
}

// TestLanguageName: a tag is named as CLDR names it where that names the
// tag's language, and from its parts where CLDR has no name for it, or
// one of another language: "sr-Latn" is Serbian, which CLDR called
// "Serbo-Croatian" (the deprecated "sh" it replaces), and "az-Arab" had
// no name at all.
func TestLanguageName(t *testing.T) {
	var got []string
	for _, l := range []talk.Language{"en", "en-US", "pt-BR", "zh-Hant", "de-CH", "es-419", "pa-Arab-PK",
		"az-Arab", "az-Arab-IR", "az-Latn", "sr-Latn", "sr-Latn-RS", "sr-Cyrl", "ro-MD", "nl-BE", "en-US-x-twain",
		"und", "und-Arab", "x-klingon", "sfb", "zz"} {
		got = append(got, fmt.Sprintf("%s: %q", l, l.Name()))
	}
	want := []string{
		`en: "English"`,
		`en-US: "American English"`,
		`pt-BR: "Brazilian Portuguese"`,
		`zh-Hant: "Traditional Chinese"`,
		`de-CH: "Swiss High German"`,
		`es-419: "Latin American Spanish"`,
		`pa-Arab-PK: "Punjabi (Arabic, Pakistan)"`,
		`az-Arab: "Azerbaijani (Arabic)"`,
		`az-Arab-IR: "Azerbaijani (Arabic, Iran)"`,
		`az-Latn: "Azerbaijani (Latin)"`,
		`sr-Latn: "Serbian (Latin)"`,
		`sr-Latn-RS: "Serbian (Latin, Serbia)"`,
		`sr-Cyrl: "Serbian (Cyrillic)"`,
		`ro-MD: "Romanian (Moldova)"`,
		`nl-BE: "Dutch (Belgium)"`,
		`en-US-x-twain: "American English"`,
		`und: "Unknown language"`,
		`und-Arab: "Unknown language (Arabic)"`,
		`x-klingon: ""`,
		`sfb: ""`,
		`zz: ""`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLanguageByName: names in English and in the language itself, in
// any case, and names that are no language's or two languages' are not
// read.
func TestLanguageByName(t *testing.T) {
	type read struct {
		Name string
		Lang talk.Language
		OK   bool
	}
	var got, want []read
	for _, tt := range []read{
		{"German", "de", true},
		{"deutsch", "de", true},
		{" English ", "en", true},
		{"ESPAÑOL", "es", true},
		{"日本語", "ja", true},
		{"العربية", "ar", true},
		{"Українська", "uk", true},
		{"Klingon!", "", false},
		{"en", "", false}, // a code, for ParseLanguage
		{"", "", false},
		{"Brazilian Portuguese", "", false}, // a regional form's name
		{"Latin", "la", true},               // ISO 639-1, without names of its own in CLDR
		{"kurdish", "ku", true},
		{"Maori", "mi", true},
		{"Norwegian Bokmål", "nb", true},
		{"norsk bokmål", "nb", true},
		{"Norwegian", "no", true},
		{"Norwegian Nynorsk", "nn", true},
		// ISO 639-1's deprecated codes, which CLDR names as the
		// languages that replaced them, do not make those names two
		// languages': a name is read as ParseLanguage reads its code.
		{"Hebrew", "he", true},
		{"עברית", "he", true},
		{"Indonesian", "id", true},
		{"Yiddish", "yi", true},
		{"Javanese", "jv", true},
		{"Filipino", "fil", true},
		{"română", "ro", true},
		{"Moldavian", "ro", true},
		// A name Twi shares with its macrolanguage is the macrolanguage's.
		{"Akan", "ak", true},
	} {
		want = append(want, tt)
		l, ok := talk.LanguageByName(tt.Name)
		got = append(got, read{tt.Name, l, ok})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LanguageByName (-want +got):\n%s", diff)
	}
}

func TestParseLanguage(t *testing.T) {
	got := map[string]string{}
	for _, in := range []string{"eng", "spa", "kor", "zho", "deu", "ger", "en", "EN-us", "pt-BR", "zh-hant", "", "xyz", "english"} {
		l, err := talk.ParseLanguage(in)
		if err != nil {
			got[in] = "error"
			continue
		}
		got[in] = string(l) + " " + l.ISO6393()
	}
	want := map[string]string{
		"eng": "en eng", "spa": "es spa", "kor": "ko kor", "zho": "zh zho", "deu": "de deu", "ger": "de deu",
		"en": "en eng", "EN-us": "en-US eng", "pt-BR": "pt-BR por", "zh-hant": "zh-Hant zho", "": " ",
		"xyz": "error", "english": "error",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// The error is a value that says which code it refused, as a date's
	// and a duration's are.
	_, err := talk.ParseLanguage("english")
	var le *talk.LanguageError
	if !errors.As(err, &le) {
		t.Fatalf("ParseLanguage(\"english\") = %v, want a *LanguageError", err)
	}
	wantErr := &talk.LanguageError{Text: "english", Reason: `is not a known language code (want BCP 47, e.g. "en", or ISO 639-3, e.g. "eng")`}
	if diff := cmp.Diff(wantErr, le); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(`talk: "english" `+wantErr.Reason, err.Error()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestVideoID(t *testing.T) {
	tests := map[string][2]string{
		"https://www.youtube.com/watch?v=m28fiN9y_r8":                 {"youtube", "m28fiN9y_r8"},
		"https://youtube.com/watch?feature=share&v=m28fiN9y_r8":       {"youtube", "m28fiN9y_r8"},
		"https://youtu.be/m28fiN9y_r8?t=10":                           {"youtube", "m28fiN9y_r8"},
		"https://www.youtube-nocookie.com/embed/m28fiN9y_r8":          {"youtube", "m28fiN9y_r8"},
		"https://m.youtube.com/shorts/abc123":                         {"youtube", "abc123"},
		"https://vimeo.com/123456":                                    {"vimeo", "123456"},
		"https://player.vimeo.com/video/123456?h=x":                   {"vimeo", "123456"},
		"https://vimeo.com/channels/staffpicks/99":                    {"vimeo", "99"},
		"https://vimeo.com/123456/7890123456":                         {"vimeo", "123456"}, // unlisted, with its hash
		"https://vimeo.com/showcase/7654321/video/123456":             {"vimeo", "123456"},
		"https://vimeo.com/showcase/7654321":                          {"", ""}, // a collection, not a video
		"https://vimeo.com/channels/1234":                             {"", ""},
		"https://www.youtube.com/embed/videoseries?list=PL8uoeex94":   {"", ""}, // a playlist's player
		"https://www.youtube.com/embed/live_stream?channel=UC1":       {"", ""}, // a channel's live stream
		"https://www.youtube.com/live/m28fiN9y_r8?si=x":               {"youtube", "m28fiN9y_r8"},
		"https://archive.org/details/pyvideo_1860___upgrading-django": {"archive.org", "pyvideo_1860___upgrading-django"},
		"https://archive.org/download/ep2016/talk.mp4":                {"archive.org", "ep2016"},
		"https://archive.org/embed/ep2016":                            {"archive.org", "ep2016"},
		" https://youtu.be/m28fiN9y_r8\n":                             {"youtube", "m28fiN9y_r8"}, // as a record may hold it
		"http://example.org/media/talk.WebM":                          {"file", "talk.WebM"},
		"media/talk.mp4":                                              {"", ""}, // no host: a path, not a URL
		"https://example.org/talk":                                    {"", ""},
		"not a url":                                                   {"", ""},
		"https://www.youtube.com/user/europython":                     {"", ""},
	}
	for in, want := range tests {
		p, id := talk.VideoID(in)
		if diff := cmp.Diff(want, [2]string{p, id}); diff != "" {
			t.Errorf("VideoID(%q) (-want +got):\n%s", in, diff)
		}
	}
}

// TestJSONZero runs the all-empty model through talkmeta's JSON form.
func TestJSONZero(t *testing.T) {
	got, err := json.Marshal(talk.Talk{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"title":""}`, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var back talk.Talk
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(talk.Talk{}, back); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestJSONNotHTML: talkmeta's JSON form writes "<", ">" and "&" as
// themselves, in every type's members and in Extra's names, and keeps
// U+2028 and U+2029 escaped, as encoding/json does; an Encoder that does
// not escape HTML passes them through.
func TestJSONNotHTML(t *testing.T) {
	tk := talk.Talk{
		Title:    "<b> & \u2028\u2029",
		Speakers: []talk.Speaker{{Name: "A & B", Accounts: []talk.Account{{Service: "<s>", Handle: "&h"}}}},
		Event:    talk.Event{Title: "E&E", Place: talk.Place{City: "<c>"}},
		Videos:   []talk.Video{{URL: "https://example.org/?a=1&b=2"}},
		Slides:   []talk.Link{{URL: "https://example.org/?a&b", Label: "<l>"}},
		Legacy:   talk.Legacy{Alias: "a&b"},
		Extra:    map[string]json.RawMessage{"x-<&>": json.RawMessage(`"<&>"`)},
	}
	got, err := tk.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"title":"<b> & \u2028\u2029","speakers":[{"name":"A & B","accounts":[{"service":"<s>","handle":"&h"}]}],` +
		`"event":{"title":"E&E","place":{"city":"<c>"}},"videos":[{"url":"https://example.org/?a=1&b=2"}],` +
		`"slides":[{"url":"https://example.org/?a&b","label":"<l>"}],"legacy":{"alias":"a&b"},"x-<&>":"<&>"}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("MarshalJSON (-want +got):\n%s", diff)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tk); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want+"\n", b.String()); diff != "" {
		t.Errorf("Encoder without HTML escaping (-want +got):\n%s", diff)
	}
}

// TestJSONEmptyEvent: an event about which nothing is known is not
// written, however the record said so, as an empty member is not; one
// with a member the model does not know is, without the title it lacks
// (the event schema refuses an empty one).
func TestJSONEmptyEvent(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"title":"T"}`, `{"title":"T"}`},
		{`{"title":"T","event":{}}`, `{"title":"T"}`},
		{`{"title":"T","event":null}`, `{"title":"T"}`},
		{`{"title":"T","event":{"title":"","place":{}}}`, `{"title":"T"}`},
		{`{"title":"T","event":{"x":1}}`, `{"title":"T","event":{"x":1}}`},
		{`{"title":"T","event":{"id":"e"}}`, `{"title":"T","event":{"id":"e"}}`},
		{`{"title":"T","event":{"end":"2016-07-24"}}`, `{"title":"T","event":{"end":"2016-07-24"}}`},
	} {
		t.Run(c.in, func(t *testing.T) {
			tk, err := talk.ParseJSON([]byte(c.in), "t.json")
			if err != nil {
				t.Fatal(err)
			}
			out, err := json.Marshal(tk)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, string(out)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONExtra checks that members the model does not know survive a
// round trip at every level.
func TestJSONExtra(t *testing.T) {
	in := `{"title":"T","x-rating":5,"speakers":[{"name":"A","pronouns":"she/her"}],` +
		`"event":{"title":"E","sponsor":{"name":"S"}},"videos":[{"url":"u","fps":25}],` +
		`"recorded":"2016-07-21T10:30:00+02:00","duration":"PT25M8S","parts":[{"title":"P","note":"n"}]}`
	var tk talk.Talk
	if err := json.Unmarshal([]byte(in), &tk); err != nil {
		t.Fatal(err)
	}
	want := talk.Talk{
		Title:    "T",
		Speakers: []talk.Speaker{{Name: "A", Extra: map[string]json.RawMessage{"pronouns": json.RawMessage(`"she/her"`)}}},
		Event:    talk.Event{Title: "E", Extra: map[string]json.RawMessage{"sponsor": json.RawMessage(`{"name":"S"}`)}},
		Videos:   []talk.Video{{URL: "u", Extra: map[string]json.RawMessage{"fps": json.RawMessage(`25`)}}},
		Recorded: talk.MustParseDate("2016-07-21T10:30:00+02:00"),
		Duration: talk.Duration(1508 * time.Second),
		Parts:    []talk.Talk{{Title: "P", Extra: map[string]json.RawMessage{"note": json.RawMessage(`"n"`)}}},
		Extra:    map[string]json.RawMessage{"x-rating": json.RawMessage(`5`)},
	}
	if diff := cmp.Diff(want, tk); diff != "" {
		t.Errorf("decode (-want +got):\n%s", diff)
	}
	out, err := json.Marshal(tk)
	if err != nil {
		t.Fatal(err)
	}
	wantOut := `{"title":"T","speakers":[{"name":"A","pronouns":"she/her"}],"event":{"title":"E","sponsor":{"name":"S"}},` +
		`"recorded":"2016-07-21T10:30:00+02:00","duration":"PT25M8S","videos":[{"url":"u","fps":25}],` +
		`"parts":[{"title":"P","note":"n"}],"x-rating":5}`
	if diff := cmp.Diff(wantOut, string(out)); diff != "" {
		t.Errorf("encode (-want +got):\n%s", diff)
	}
}

// TestJSONExtraSpelling holds what Talk.Extra's doc says: a value comes
// back in meaning, in one spelling, which further round trips keep.
func TestJSONExtraSpelling(t *testing.T) {
	tk := talk.Talk{Title: "T", Extra: map[string]json.RawMessage{"x": json.RawMessage(`{ "a" : "\u00e9\/" , "b": [1, 2] }`)}}
	var spelled []string
	for range 3 {
		b, err := json.Marshal(tk)
		if err != nil {
			t.Fatal(err)
		}
		tk = talk.Talk{}
		if err := json.Unmarshal(b, &tk); err != nil {
			t.Fatal(err)
		}
		spelled = append(spelled, string(tk.Extra["x"]))
	}
	want := []string{`{"a":"é/","b":[1,2]}`, `{"a":"é/","b":[1,2]}`, `{"a":"é/","b":[1,2]}`}
	if diff := cmp.Diff(want, spelled); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseJSONErrors(t *testing.T) {
	const twice = "readers match member names without regard to case, and keep only the last; remove one, or give it a name of its own"
	const lost = "remove it, or keep what it says in a member of the talk, which keeps those"
	tests := []struct{ in, want string }{
		{"{\n  \"title\": \"x\",\n  \"recorded\": \"2016-02-30\"\n}", `t.json:3:15: /recorded: talk: "2016-02-30" is not a real date`},
		// Errors of the text parsers are placed like encoding/json's own.
		{"{\n  \"duration\": \"25:08\"\n}", `t.json:2:15: /duration: talk: "25:08" is not an ISO 8601 duration such as PT25M8S`},
		{"{\"parts\": [{\"recorded\": \"2016\"},\n {\"recorded\": \"2016-13\"}]}", `t.json:2:15: /parts/1/recorded: talk: "2016-13" is not a real date`},
		{"{\"event\": {\"start\": \"2016-07-17\",\n \"End\": \"July\"}}", `t.json:2:9: /event/End: talk: "July" is not a date (want YYYY-MM-DD)`},
		{"{\"videos\": [{\"url\": \"u\", \"duration\": \"PT1H\"},\n {\"url\": \"v\", \"duration\": \"1h\"}]}", `t.json:2:27: /videos/1/duration: talk: "1h" is not an ISO 8601 duration such as PT25M8S`},
		// An empty duration is none, as an empty date is: the fault is
		// the date after it.
		{"{\"duration\": \"\", \"videos\": [{\"url\": \"u\", \"duration\": \"\"}],\n \"recorded\": \"2016-02-30\"}", `t.json:2:14: /recorded: talk: "2016-02-30" is not a real date`},
		// A number that does not fit is found by its kind.
		{"{\"videos\": [{\"url\": \"u\"},\n {\"url\": \"v\", \"size\": 1.5}]}", `t.json:2:23: /videos/1/size: talk: want a whole number, got 1.5`},
		// And by its text, from the numbers before it that fit.
		{"{\"videos\": [{\"url\": \"u\", \"size\": 3},\n {\"url\": \"v\", \"size\": 1.5}]}", `t.json:2:23: /videos/1/size: talk: want a whole number, got 1.5`},
		{"{\"parts\": [{\"legacy\": {\"id\": 7}},\n {\"legacy\": {\"id\": 99999999999999999999}}]}", `t.json:2:20: /parts/1/legacy/id: talk: want a whole number, got 99999999999999999999`},
		{"{\n  \"title\": 5\n}", `t.json:2:12: /title: talk: want a string, got number`},
		{"{\n  \"Title\": 5\n}", `t.json:2:12: /Title: talk: want a string, got number`}, // as the record spells it
		{"{\n  \"tags\": [\"a\", \"b\\\\\\\"c\", 7]\n}", `t.json:2:27: /tags/2: talk: want a string, got number`},
		{"{\n  \"speakers\": [{\"name\": \"x\\\"y\"}, {\"name\": 5}],\n  \"legacy\": {\"id\": \"12\"}\n}", `t.json:2:43: /speakers/1/name: talk: want a string, got number`},
		{"{\n  \"legacy\": {\"id\": \"12\"}\n}", `t.json:2:20: /legacy/id: talk: want a whole number, got string`},
		{"{\n  \"speakers\": [{\"name\": \"x\\\"y\"}],\n  \"duration\": true\n}", `t.json:3:15: /duration: talk: want an ISO 8601 duration as a string, such as PT25M8S, got boolean`},
		{"{\n  \"title\": \"x\"\n  \"tags\": []\n}", `t.json:3:3: invalid JSON: invalid character '"', want ',' or '}' after an object member`},
		// What encoding/json reads without a word, but not as written:
		// it keeps the last of two members of one name, and reads a
		// byte that is not UTF-8 as U+FFFD.
		{"{\"title\": \"A\",\n \"title\": \"B\"}", `t.json:2:2: /title: invalid JSON: duplicate member name "title"`},
		{"{\"title\": \"A\", \"x-notes\": {\"a\": 1,\n \"a\": 2}}", `t.json:2:2: /x-notes/a: invalid JSON: duplicate member name "a"`},
		{"{\"title\": \"caf\xe9\"}", `t.json:1:15: invalid JSON: invalid UTF-8 (byte 0xe9) in a string`},
		// Nor may two members be read into one field, as encoding/json
		// reads names, without regard to case: it keeps the last.
		{"{\"title\": \"x\",\n \"Title\": \"y\"}", `t.json:2:11: /Title: talk: the member "Title" is read as "title", as is a member before it: ` + twice},
		{"{\"kind\": \"talk\", \"\\u212aind\": \"keynote\"}", `t.json:1:31: /Kind: talk: the member "\u212aind" is read as "kind", as is a member before it: ` + twice},
		{"{\"parts\": [{\"title\": \"a\"}, {\"speakers\": [{\"name\": \"A\", \"NAME\": \"B\"}]}]}", `t.json:1:64: /parts/1/speakers/0/NAME: talk: the member "NAME" is read as "name", as is a member before it: ` + twice},
		{"{\"event\": {\"place\": {\"city\": \"Bilbao\", \"City\": \"\"}}}", `t.json:1:48: /event/place/City: talk: the member "City" is read as "city", as is a member before it: readers match member names without regard to case, and keep only the last; remove one`}, // a place keeps no member of another name
		{"\uFEFF{\"title\": \"x\"}", `t.json:1:1: invalid JSON: the file starts with a byte order mark (U+FEFF), which JSON must not; save it as UTF-8 without one`},
		{"{\x00\"\x00}\x00", `t.json:1:1: invalid JSON: the file is UTF-16 (little-endian); JSON must be UTF-8`},
		// A place, an account, a link and legacy have no Extra to keep a
		// member they do not know: encoding/json passed it over.
		{"{\"place\": {\"room\": \"A\",\n \"floor\": 2}}", `t.json:2:11: /place/floor: talk: a place has no member "floor" (only venue, room, city, region, country), and no place to keep one it does not know: ` + lost},
		{"{\"place\": {\"città\": \"Firenze\"}}", `t.json:1:22: /place/città: talk: a place has no member "citt\u00e0" (only venue, room, city, region, country), and no place to keep one it does not know: ` + lost},
		{"{\"speakers\": [{\"name\": \"A\", \"x-pronouns\": \"she\", \"accounts\": [{\"service\": \"github\", \"verified\": true}]}]}", `t.json:1:97: /speakers/0/accounts/0/verified: talk: an account has no member "verified" (only service, handle, url), and no place to keep one it does not know: ` + lost},
		{"{\"links\": [{\"url\": \"u\"}, {\"url\": \"v\", \"kind\": \"slides\"}]}", `t.json:1:47: /links/1/kind: talk: a link has no member "kind" (only url, label), and no place to keep one it does not know: ` + lost},
		{"{\"parts\": [{\"legacy\": {\"id\": 3, \"old\": 1}}]}", `t.json:1:40: /parts/0/legacy/old: talk: legacy has no member "old" (only id, alias, category, quality_notes), and no place to keep one it does not know: ` + lost},
		// A member of another kind than its field's is not looked into
		// for members: its kind is what is wrong with it.
		{"{\"slides\": {\"url\": \"u\", \"x\": 1}}", `t.json:1:12: /slides: talk: want an array, got object`},
		{"{\"place\": [{\"url\": \"u\"}]}", `t.json:1:11: /place: talk: want an object, got array`},
		// Go's names of the wire types are no help to whoever writes
		// the JSON.
		{"[{\"title\": \"x\"}]", `t.json:1:1: talk: want an object, got array`},
		// The record is placed where it starts, after any white space.
		{"\n  [{\"title\": \"x\"}]", `t.json:2:3: talk: want an object, got array`},
		{" \"\" ", `t.json:1:2: talk: want an object, got string`},
		{"\t5", `t.json:1:2: talk: want an object, got number`},
		{"{\"speakers\": {\"name\": \"A\"}}", `t.json:1:14: /speakers: talk: want an array, got object`},
		{"{\"event\": \"PyCon\"}", `t.json:1:11: /event: talk: want an object, got string`},
		{"{\"recorded\": 20160721}", `t.json:1:14: /recorded: talk: want a date as a string, such as 2016-07-21, got number`},
		{"{\"legacy\": {\"id\": 99999999999999999999}}", `t.json:1:19: /legacy/id: talk: want a whole number, got 99999999999999999999`},
		// Nor is null an element of a list: encoding/json read it as an
		// empty speaker, tag or link, which was written back so.
		{"{\"speakers\": [{\"name\": \"A\"},\n null]}", `t.json:2:2: /speakers/1: talk: want a speaker, got null, which readers would take for an empty one and writers write so; remove it from the list`},
		{"{\"tags\": [\"a\", null]}", `t.json:1:16: /tags/1: talk: want a string, got null, which readers would take for an empty one and writers write so; remove it from the list`},
		{"{\"parts\": [{\"slides\": [null]}]}", `t.json:1:24: /parts/0/slides/0: talk: want a link, got null, which readers would take for an empty one and writers write so; remove it from the list`},
		{"{\"speakers\": [{\"name\": \"A\", \"accounts\": [null]}]}", `t.json:1:42: /speakers/0/accounts/0: talk: want an account, got null, which readers would take for an empty one and writers write so; remove it from the list`},
		// null is no record: encoding/json read it as an empty talk,
		// without a word.
		{"null", `t.json:1:1: talk: want an object, got null`},
		{"\n  null \n", `t.json:2:3: talk: want an object, got null`},
	}
	for _, tt := range tests {
		_, err := talk.ParseJSON([]byte(tt.in), "t.json")
		var re *talk.RecordError
		if !errors.As(err, &re) {
			t.Fatalf("ParseJSON(%q) = %v, want a *RecordError", tt.in, err)
		}
		if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	}
}

// TestReaderLimits checks that talkmeta's JSON form is read within a
// Reader's size and depth limits, counting brackets in strings as text,
// and in full where they are lifted: parts within parts are read again at
// every level, so depth must be bounded for the time to be.
// TestParseEventJSONErrors: an event's dates are placed too.
func TestParseEventJSONErrors(t *testing.T) {
	_, err := talk.ParseEventJSON([]byte("{\"title\": \"E\",\n  \"end\": \"2016-02-30\"}"), "e.json")
	if diff := cmp.Diff(`e.json:2:10: /end: talk: "2016-02-30" is not a real date`, fmt.Sprint(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	_, err = talk.ParseEventJSON([]byte("{\"start\": \"2016-07-17\",\n \"START\": \"2016-07-18\"}"), "e.json")
	want := `e.json:2:11: /START: talk: the member "START" is read as "start", as is a member before it: readers match member names without regard to case, and keep only the last; remove one, or give it a name of its own`
	if diff := cmp.Diff(want, fmt.Sprint(err)); diff != "" {
		t.Errorf("folded twice (-want +got):\n%s", diff)
	}
	_, err = talk.ParseEventJSON([]byte(`{"title": "E", "x-sponsor": "S", "place": {"city": "Bilbao", "zip": "48001"}}`), "e.json")
	want = `e.json:1:69: /place/zip: talk: a place has no member "zip" (only venue, room, city, region, country), and no place to keep one it does not know: remove it, or keep what it says in a member of the talk, which keeps those`
	if diff := cmp.Diff(want, fmt.Sprint(err)); diff != "" {
		t.Errorf("unknown place member (-want +got):\n%s", diff)
	}
	_, err = talk.ParseEventJSON([]byte("null"), "e.json")
	if diff := cmp.Diff(`e.json:1:1: talk: want an object, got null`, fmt.Sprint(err)); diff != "" {
		t.Errorf("null (-want +got):\n%s", diff)
	}
}

func TestReaderLimits(t *testing.T) {
	parts := func(depth int, inner string) []byte {
		return []byte(strings.Repeat(`{"title":"[{","parts":[`, depth) + inner + strings.Repeat("]}", depth))
	}
	tests := []struct {
		name string
		r    talk.Reader
		in   []byte
		want string // "" for no error
	}{
		{"deepest allowed", talk.Reader{}, parts(32, ""), ""},
		{"one deeper", talk.Reader{}, parts(32, "{}"), "t.json:1:737: nesting depth exceeds the limit of 64"},
		{"escaped quotes", talk.Reader{}, parts(32, `{"title":"\\\"{{"}`), "t.json:1:737: nesting depth exceeds the limit of 64"},
		{"own depth", talk.Reader{Limits: talk.Limits{MaxDepth: 4}}, parts(2, "{}"), "t.json:1:47: nesting depth exceeds the limit of 4"},
		{"deep, lifted", talk.Reader{Limits: talk.Limits{MaxDepth: -1}}, parts(200, ""), ""},
		{"size", talk.Reader{Limits: talk.Limits{MaxRecordBytes: 100}}, parts(5, ""), "t.json: record size 125 exceeds the limit of 100"},
		{"size at the limit", talk.Reader{Limits: talk.Limits{MaxRecordBytes: 125}}, parts(5, ""), ""},
		{"large, default", talk.Reader{}, []byte(`{"title":"` + strings.Repeat("x", 1<<20) + `"}`), "t.json: record size 1048588 exceeds the limit of 1048576"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.r.ParseJSON(tt.in, "t.json")
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var le *talk.LimitError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a *LimitError", err)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := talk.ParseEventJSON(parts(40, ""), "e.json"); err == nil {
		t.Error("ParseEventJSON read an event nested 80 deep")
	}
}

// TestJSONExtraClash checks that an extra member that would clash with a
// model field is an error, not silently dropped.
func TestJSONExtraClash(t *testing.T) {
	_, err := json.Marshal(talk.Talk{Title: "T", Extra: map[string]json.RawMessage{"ID": json.RawMessage(`7`)}})
	want := `json: error calling MarshalJSON for type talk.Talk: /ID: talk: Extra member "ID" has the name of a field of the model; set the field, or give the member another name`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestLanguageBaseSubtags holds Valid and Name, which compose a lone
// primary subtag instead of parsing it, to language.Parse and the display
// names over every two- and three-letter lower-case code.
func TestLanguageBaseSubtags(t *testing.T) {
	var codes []string
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			codes = append(codes, string([]rune{a, b}))
			for c := 'a'; c <= 'z'; c++ {
				codes = append(codes, string([]rune{a, b, c}))
			}
		}
	}
	for _, code := range codes {
		tag, err := language.Parse(code)
		want := ""
		if err == nil {
			want = display.English.Tags().Name(tag)
		}
		l := talk.Language(code)
		if l.Valid() != (err == nil) || l.Name() != want {
			t.Errorf("Language(%q): Valid %v, Name %q; language.Parse: error %v, name %q", code, l.Valid(), l.Name(), err, want)
		}
	}
}

// TestDateStringParses: the String of every Date reads back to the same
// Date, including zero fractional seconds, which String leaves out.
func TestDateStringParses(t *testing.T) {
	var got []string
	for _, in := range []string{"2016-07-21T10:30:00.0", "2016-07-21T10:30:00.000Z", "2016-07-21T10:30:00.5+14:00", "0000-02-29T00:00:00.000000000-12:00", "1969-12-31T23:59:59.999999999"} {
		d := talk.MustParseDate(in)
		back, err := talk.ParseDate(d.String())
		got = append(got, fmt.Sprintf("%s %v %v", d, back == d, err))
	}
	want := []string{
		"2016-07-21T10:30:00 true <nil>",
		"2016-07-21T10:30:00Z true <nil>",
		"2016-07-21T10:30:00.5+14:00 true <nil>",
		"0000-02-29T00:00:00-12:00 true <nil>",
		"1969-12-31T23:59:59.999999999 true <nil>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestJSONFoldedNames reads member names that encoding/json matches to
// fields by Unicode's simple case folding, with the Kelvin sign (U+212A)
// for "k" and the long s (U+017F) for "s": each goes to its field, and is
// not kept again as an Extra member, which would write it twice.
func TestJSONFoldedNames(t *testing.T) {
	in := `{"title":"T","\u212Aind":"talk","ſlug":"t","Speakers":[{"name":"A"}],"x-note":"kept"}`
	var tk talk.Talk
	if err := json.Unmarshal([]byte(in), &tk); err != nil {
		t.Fatal(err)
	}
	want := talk.Talk{Title: "T", Kind: "talk", Slug: "t", Speakers: []talk.Speaker{{Name: "A"}},
		Extra: map[string]json.RawMessage{"x-note": json.RawMessage(`"kept"`)}}
	if diff := cmp.Diff(want, tk); diff != "" {
		t.Errorf("decode (-want +got):\n%s", diff)
	}
	// ParseJSON reads them so too: it refuses only two members read
	// into one field, not a name in another case alone.
	parsed, err := talk.ParseJSON([]byte(in), "t.json")
	if err != nil {
		t.Fatal(err)
	}
	parsed.Origin = talk.Origin{}
	if diff := cmp.Diff(want, *parsed); diff != "" {
		t.Errorf("ParseJSON (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(talk.Talk{Title: "T", Extra: map[string]json.RawMessage{"\u212Aind": json.RawMessage(`"x"`)}}); err == nil {
		t.Error("an Extra member named like a field, but for the case of its letters, was written")
	}
}

// TestJSONLanguage reads a talk's language into its canonical form, and
// keeps one that names no language as written, for check to report.
func TestJSONLanguage(t *testing.T) {
	for in, want := range map[string]talk.Language{
		`"ENG"`: "en", `"pt_br"`: "pt-BR", `"zh-hant"`: "zh-Hant", `"en"`: "en", `""`: "", `"xx-nonsense"`: "xx-nonsense",
	} {
		tk, err := talk.ParseJSON([]byte(`{"title": "T", "language": `+in+`}`), "t.json")
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if tk.Language != want {
			t.Errorf("language %s read as %q, want %q", in, tk.Language, want)
		}
	}
}

func TestLanguageRightToLeft(t *testing.T) {
	for l, want := range map[talk.Language]bool{
		"ar": true, "he": true, "fa": true, "ur": true, "az-Arab": true, "yi": true,
		"en": false, "az": false, "zh-Hant": false, "": false, "xx-nonsense": false,
	} {
		if got := l.RightToLeft(); got != want {
			t.Errorf("Language(%q).RightToLeft() = %v, want %v", l, got, want)
		}
	}
}

// TestJSONUnwritablePlace: what MarshalJSON refuses is placed by the
// record's path and the member's JSON pointer, wherever it is, and stays
// a value errors.As finds. encoding/json's own words named only a Go
// type ("error calling MarshalText for type talk.Duration"), not which of
// a talk's many durations.
func TestJSONUnwritablePlace(t *testing.T) {
	far := talk.DateTimeOf(time.Date(12345, 6, 1, 10, 0, 0, 0, time.UTC), false)
	clash := map[string]json.RawMessage{"x-fine": json.RawMessage(`1`), "Name": json.RawMessage(`"B"`)}
	origin := talk.Origin{Path: "e/t.json"}
	var got []string
	for _, tk := range []talk.Talk{
		{Title: "T", Origin: origin, Videos: []talk.Video{{URL: "u"}, {URL: "v", Duration: -1}}},
		{Title: "T", Origin: origin, Parts: []talk.Talk{{Title: "P"}, {Title: "Q", Recorded: far}}},
		{Title: "T", Origin: origin, Event: talk.Event{Title: "E", End: far}},
		{Title: "T", Speakers: []talk.Speaker{{Name: "A"}, {Name: "B", Extra: clash}}},
		{Title: "T", Parts: []talk.Talk{{Title: "P", Videos: []talk.Video{{URL: "u", Extra: map[string]json.RawMessage{"URL": nil}}}}}},
		{Title: "T", Extra: map[string]json.RawMessage{"ſlug": json.RawMessage(`"intro"`)}}, // read back as "slug"
		{Title: "T", Origin: origin, Extra: map[string]json.RawMessage{"a": nil, "x": json.RawMessage(`{not}`), "z": json.RawMessage(`[`)}},
		{Title: "T", Origin: origin, Videos: []talk.Video{{URL: "u", Extra: map[string]json.RawMessage{"x-dup": json.RawMessage(`{"a":1,"a":2}`)}}}},
	} {
		_, err := json.Marshal(tk)
		var re *talk.RecordError
		got = append(got, fmt.Sprintf("%v %v", errors.As(err, &re), err))
	}
	_, err := json.Marshal(talk.Event{Title: "E", Start: far, Origin: origin})
	var de *talk.DateError
	got = append(got, fmt.Sprintf("%v %v", errors.As(err, &de), err))
	_, err = json.Marshal(talk.Speaker{Name: "A", Extra: map[string]json.RawMessage{"x": json.RawMessage(`1 2`)}})
	got = append(got, fmt.Sprint(err))
	const calling = "json: error calling MarshalJSON for type "
	want := []string{
		"true " + calling + `talk.Talk: e/t.json: /videos/1/duration: talk: "-PT0.000000001S" is negative; a talk's duration is zero (unknown) or more`,
		"true " + calling + `talk.Talk: e/t.json: /parts/1/recorded: talk: "12345-06-01T10:00:00" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		"true " + calling + `talk.Talk: e/t.json: /event/end: talk: "12345-06-01T10:00:00" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		"true " + calling + `talk.Talk: /speakers/1/Name: talk: Extra member "Name" has the name of a field of the model; set the field, or give the member another name`,
		"true " + calling + `talk.Talk: /parts/0/videos/0/URL: talk: Extra member "URL" has the name of a field of the model; set the field, or give the member another name`,
		"true " + calling + `talk.Talk: /ſlug: talk: Extra member "ſlug" has the name of a field of the model; set the field, or give the member another name`,
		"true " + calling + `talk.Talk: e/t.json: /x: talk: Extra member "x" is not one JSON value (member name not without quotes: write it as "not"); give it one, such as null or "text"`,
		"true " + calling + `talk.Talk: e/t.json: /videos/0/x-dup/a: talk: Extra member "x-dup" is not one JSON value (duplicate member name "a"); give it one, such as null or "text"`,
		"true " + calling + `talk.Event: e/t.json: /start: talk: "12345-06-01T10:00:00" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		calling + `talk.Speaker: /x: talk: Extra member "x" is not one JSON value (unexpected data after the JSON value); give it one, such as null or "text"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDateYearRange: a Date with a year ParseDate cannot read (it reads
// four digits) is refused where it is made by DateOf, and where it is
// written by MarshalText, rather than written into a record that no reader
// would then take back.
func TestDateYearRange(t *testing.T) {
	var got []string
	for _, y := range []int{0, 9999, 10000, -1} {
		d, err := talk.DateOf(y, time.January, 1)
		got = append(got, fmt.Sprintf("DateOf(%d): %q %v", y, d, err))
	}
	for _, y := range []int{9999, 12345, -5} {
		tk := talk.Talk{Title: "T", Recorded: talk.DateTimeOf(time.Date(y, 6, 1, 10, 0, 0, 0, time.UTC), true)}
		b, err := json.Marshal(tk)
		var de *talk.DateError
		got = append(got, fmt.Sprintf("Marshal(%d): %s %v %v", y, b, err, errors.As(err, &de)))
	}
	want := []string{
		`DateOf(0): "0000-01-01" <nil>`,
		`DateOf(9999): "9999-01-01" <nil>`,
		`DateOf(10000): "" talk: "10000-01-01" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		`DateOf(-1): "" talk: "-001-01-01" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		`Marshal(9999): {"title":"T","recorded":"9999-06-01T10:00:00Z"} <nil> false`,
		`Marshal(12345):  json: error calling MarshalJSON for type talk.Talk: /recorded: talk: "12345-06-01T10:00:00Z" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold true`,
		`Marshal(-5):  json: error calling MarshalJSON for type talk.Talk: /recorded: talk: "-0005-06-01T10:00:00Z" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold true`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDateTimeOfZero: the zero time.Time, "not set" in Go, is the zero
// Date, "unknown", not the first of January of the year 1.
func TestDateTimeOfZero(t *testing.T) {
	for _, offset := range []bool{false, true} {
		if d := talk.DateTimeOf(time.Time{}, offset); d != (talk.Date{}) {
			t.Errorf("DateTimeOf(time.Time{}, %v) = %q (%v), want the zero Date", offset, d, d.Precision())
		}
	}
	if d := talk.DateTimeOf(talk.Date{}.Time(), true); !d.IsZero() {
		t.Errorf("DateTimeOf(Date{}.Time()) = %q, want the zero Date", d)
	}
}

// TestErrorListError counts the problems after the first in words that
// agree with their number.
func TestErrorListError(t *testing.T) {
	e := &talk.RecordError{Path: "s.json", Line: 1, Column: 2, Err: errors.New("bad")}
	var got []string
	for n := range 4 {
		list := make(talk.ErrorList, n)
		for i := range list {
			list[i] = e
		}
		got = append(got, list.Error())
	}
	want := []string{
		"talk: no errors",
		"s.json:1:2: bad",
		"s.json:1:2: bad (and 1 more error)",
		"s.json:1:2: bad (and 2 more errors)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// An empty list, nil or not, is no error.
	for _, l := range []talk.ErrorList{nil, {}} {
		if err := l.Err(); err != nil {
			t.Errorf("ErrorList(%#v).Err() = %v, want nil", l, err)
		}
	}
}

// TestRecordErrorParts: a RecordError leaves out what it does not know,
// and a record read without a path (a request's body) is placed by its
// line and column alone, not ":3:15", and a line without its column is
// not given a column 0.
func TestRecordErrorParts(t *testing.T) {
	_, err := talk.ParseJSON([]byte("{\n  \"title\": \"x\",\n  \"recorded\": \"2016-02-30\"\n}"), "")
	got := []string{err.Error()}
	for _, e := range []*talk.RecordError{
		{Err: errors.New("bad")},
		{Path: "a.json", Err: errors.New("bad")},
		{Pointer: "/title", Err: errors.New("bad")},
		{Line: 2, Column: 7, Err: errors.New("bad")},
		{Path: "a.json", Pointer: "/title", Line: 2, Column: 7, Err: errors.New("bad")},
		{Path: "a.json", Line: 3, Err: errors.New("bad")},
		{Line: 3, Err: errors.New("bad")},
		{ID: "pycon/keynote", Pointer: "/title", Err: errors.New("bad")},
		{Path: "a.json", ID: "pycon/keynote", Pointer: "/title", Err: errors.New("bad")},
		{ID: "pycon/keynote", Line: 2, Column: 7, Err: errors.New("bad")},
	} {
		got = append(got, e.Error())
	}
	want := []string{
		`3:15: /recorded: talk: "2016-02-30" is not a real date`,
		"bad",
		"a.json: bad",
		"/title: bad",
		"2:7: bad",
		"a.json:2:7: /title: bad",
		"a.json:3: bad",
		"3: bad",
		`id "pycon/keynote": /title: bad`,
		"a.json: /title: bad",
		`id "pycon/keynote":2:7: bad`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWritersNameFilelessRecords: a record a program made, which has no
// file to be named by, is named by its ID when a writer or a check
// refuses it, so that one among many can be found.
func TestWritersNameFilelessRecords(t *testing.T) {
	made := &talk.Talk{ID: "pycon/keynote", Title: "Caf\xe9"}
	read := &talk.Talk{ID: "pycon/keynote", Title: "Caf\xe9", Origin: talk.Origin{Path: "k.json"}}
	event := talk.Event{ID: "pycon", Title: "PyCon", End: talk.DateTimeOf(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), true)}
	_, marshalTalk := json.Marshal(made)
	_, marshalEvent := json.Marshal(event)
	var got []string
	for _, err := range []error{
		made.CheckUTF8(),
		read.CheckUTF8(),
		talk.CheckTalks("x", []*talk.Talk{{ID: "a"}, made}),
		(&talk.Event{ID: "pycon", Title: "Caf\xe9"}).CheckUTF8(),
		marshalTalk,
		marshalEvent,
	} {
		got = append(got, fmt.Sprint(err))
	}
	const cafe = `/title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8`
	want := []string{
		`id "pycon/keynote": ` + cafe,
		"k.json: " + cafe,
		`id "pycon/keynote": ` + cafe,
		`id "pycon": ` + cafe,
		`json: error calling MarshalJSON for type *talk.Talk: id "pycon/keynote": ` + cafe,
		`json: error calling MarshalJSON for type talk.Event: id "pycon": /end: talk: "10000-01-01T00:00:00Z" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestOriginFormat: the readers of talkmeta's JSON name their records'
// form with the package's FormatName, as the other readers do with
// theirs, so that callers need not spell "talkmeta" themselves.
func TestOriginFormat(t *testing.T) {
	tk, err := talk.ParseJSON([]byte(`{"title":"T"}`), "t.json")
	if err != nil {
		t.Fatal(err)
	}
	ev, err := talk.ParseEventJSON([]byte(`{"title":"E"}`), "e.json")
	if err != nil {
		t.Fatal(err)
	}
	got := []talk.Origin{tk.Origin, ev.Origin}
	want := []talk.Origin{
		{Format: talk.FormatName, Path: "t.json", Raw: []byte(`{"title":"T"}`)},
		{Format: "talkmeta", Path: "e.json", Raw: []byte(`{"title":"E"}`)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestJSONExtraClashDeterministic: of several Extra members that clash
// with fields, the error names the same one on every run (the first in
// name order), not whichever map iteration met first.
func TestJSONExtraClashDeterministic(t *testing.T) {
	extra := map[string]json.RawMessage{}
	for _, k := range []string{"title", "id", "slug", "kind", "track", "tags", "x-fine"} {
		extra[k] = json.RawMessage(`1`)
	}
	want := `json: error calling MarshalJSON for type talk.Talk: /id: talk: Extra member "id" has the name of a field of the model; set the field, or give the member another name`
	for range 20 {
		_, err := json.Marshal(talk.Talk{Title: "T", Extra: extra})
		if diff := cmp.Diff(want, fmt.Sprint(err)); diff != "" {
			t.Fatalf("(-want +got):\n%s", diff)
		}
	}
}

// TestDateEqual holds Date.Equal to ==, and shows that go-cmp compares
// talks with it, without options: the same instant at other offsets is
// another Date.
func TestDateEqual(t *testing.T) {
	a := talk.MustParseDate("2016-07-21T10:30:00+02:00")
	b := talk.MustParseDate("2016-07-21T08:30:00Z")
	if !a.Equal(a) || a.Equal(b) || !a.Time().Equal(b.Time()) {
		t.Errorf("Equal: %v, %v; the instants equal: %v", a.Equal(a), a.Equal(b), a.Time().Equal(b.Time()))
	}
	if !cmp.Equal(talk.Talk{Recorded: a}, talk.Talk{Recorded: a}) || cmp.Equal(talk.Talk{Recorded: a}, talk.Talk{Recorded: b}) {
		t.Error("cmp.Equal does not compare talks' dates with Date.Equal")
	}
}

// TestLanguageBase: Base, ISO6393 and Name say what BCP 47 says of a tag
// with no primary language subtag of its own. A private-use tag has no
// language, where Base gave "x" and Name "Unknown language"; a
// grandfathered tag has that of the tag the registry prefers for it,
// where Base gave "i" for "i-klingon" and "art" (artificial languages)
// for "art-lojban".
func TestLanguageBase(t *testing.T) {
	var got []string
	for _, l := range []talk.Language{"", "en", "pt-BR", "zh-Hant-TW", "und", "qaa", "en-x-foo", "EN-us",
		"x-klingon", "X-private", "i-klingon", "i-enochian", "i-default", "art-lojban", "ART-LOJBAN", "zh-min-nan",
		"en-GB-oed", "sgn-BE-FR", "zh-Hakka", "en-", "-", "1x", "abcd"} {
		got = append(got, fmt.Sprintf("%s: %q %q %q", l, l.Base(), l.ISO6393(), l.Name()))
	}
	want := []string{
		`: "" "" ""`,
		`en: "en" "eng" "English"`,
		`pt-BR: "pt" "por" "Brazilian Portuguese"`,
		`zh-Hant-TW: "zh" "zho" "Traditional Chinese (Taiwan)"`,
		`und: "und" "und" "Unknown language"`,
		`qaa: "qaa" "qaa" ""`,
		`en-x-foo: "en" "eng" "English"`,
		`EN-us: "en" "eng" "American English"`,
		`x-klingon: "" "" ""`,
		`X-private: "" "" ""`,
		`i-klingon: "tlh" "tlh" "Klingon"`,
		`i-enochian: "" "" ""`,
		`i-default: "en" "eng" "English"`,
		`art-lojban: "jbo" "jbo" "Lojban"`,
		`ART-LOJBAN: "jbo" "jbo" "Lojban"`,
		`zh-min-nan: "nan" "nan" "Min Nan Chinese"`,
		`en-GB-oed: "en" "eng" "British English"`,
		`sgn-BE-FR: "sfb" "sfb" ""`,
		`zh-Hakka: "hak" "hak" "Hakka Chinese"`,
		`en-: "en" "eng" ""`,
		`-: "" "" ""`,
		`1x: "" "" ""`,
		`abcd: "" "" ""`, // four letters: a subtag BCP 47 reserves
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWhere: a talk's room lies within its event's place, and a talk's own
// place that says more than a room stands alone.
func TestWhere(t *testing.T) {
	event := talk.Event{Place: talk.Place{Venue: "Euskalduna", City: "Bilbao", Country: "Spain"}}
	tests := []struct {
		name string
		t    talk.Talk
		want talk.Place
	}{
		{"nothing", talk.Talk{}, talk.Place{}},
		{"the event's place", talk.Talk{Event: event}, event.Place},
		{"a room within it", talk.Talk{Event: event, Place: talk.Place{Room: "A1"}},
			talk.Place{Room: "A1", Venue: "Euskalduna", City: "Bilbao", Country: "Spain"}},
		{"a room alone", talk.Talk{Place: talk.Place{Room: "A1"}}, talk.Place{Room: "A1"}},
		{"a place of its own", talk.Talk{Event: event, Place: talk.Place{Room: "Mitxelena", Venue: "Bizkaia Aretoa", City: "Bilbao"}},
			talk.Place{Room: "Mitxelena", Venue: "Bizkaia Aretoa", City: "Bilbao"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.t.Where()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	var places []string
	for _, p := range []talk.Place{
		{Room: " A1 ", City: "Bilbao", Country: "Spain"},
		// From the room out.
		{Venue: "Euskalduna", Room: "A1", City: "Bilbao", Region: "Basque Country", Country: "Spain"},
		// A room of one letter.
		{Room: "B", Venue: "Euskalduna"},
		{Region: "Bizkaia", Room: " "},
		{},
	} {
		places = append(places, p.String())
	}
	if diff := cmp.Diff([]string{"A1, Bilbao, Spain", "A1, Euskalduna, Bilbao, Basque Country, Spain", "B, Euskalduna", "Bizkaia", ""}, places); diff != "" {
		t.Errorf("Place.String (-want +got):\n%s", diff)
	}
}

// TestDateCheck refuses, as MarshalText does, a Date whose year ParseDate
// cannot read back, and passes the others without allocating.
func TestDateCheck(t *testing.T) {
	far := talk.DateTimeOf(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), false)
	var de *talk.DateError
	if err := far.Check(); !errors.As(err, &de) || de.Text != "10000-01-01T00:00:00" {
		t.Errorf("Check(year 10000) = %v, want a *DateError for 10000-01-01T00:00:00", err)
	}
	if _, err := far.MarshalText(); err == nil || err.Error() != far.Check().Error() {
		t.Errorf("MarshalText(year 10000) = %v, want Check's error", err)
	}
	d := talk.MustParseDate("2016-07-21T10:30:00+02:00")
	if allocs := testing.AllocsPerRun(100, func() { _ = d.Check() }); allocs != 0 || d.Check() != nil {
		t.Errorf("Check(%s) = %v, with %v allocations", d, d.Check(), allocs)
	}
}

// TestJSONExtraNil: an Extra value that is nil or empty is written as
// null, as encoding/json writes a nil json.RawMessage, where MarshalJSON
// failed with "unexpected end of JSON input", anywhere in the talk.
func TestJSONExtraNil(t *testing.T) {
	tk := talk.Talk{Title: "T", Extra: map[string]json.RawMessage{"a": nil, "b": json.RawMessage{}},
		Speakers: []talk.Speaker{{Name: "A", Extra: map[string]json.RawMessage{"c": nil}}},
		Event:    talk.Event{Extra: map[string]json.RawMessage{"d": nil}},
		Parts:    []talk.Talk{{Videos: []talk.Video{{URL: "u", Extra: map[string]json.RawMessage{"e": nil}}}}}}
	b, err := tk.MarshalJSON()
	got := string(b) + " " + fmt.Sprint(err)
	want := `{"title":"T","speakers":[{"name":"A","c":null}],"event":{"d":null},"parts":[{"title":"","videos":[{"url":"u","e":null}]}],"a":null,"b":null} <nil>`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestAllSpeakers: a block's speakers come first, then its parts', at
// any depth, in order; leaving the loop stops it.
func TestAllSpeakers(t *testing.T) {
	block := talk.Talk{
		Speakers: []talk.Speaker{{Name: "Host"}},
		Parts: []talk.Talk{
			{Speakers: []talk.Speaker{{Name: "A"}, {Name: "B"}}},
			{Parts: []talk.Talk{{Speakers: []talk.Speaker{{Name: "C"}}}}},
			{Speakers: []talk.Speaker{{Name: "A"}}},
		},
	}
	var got, firstTwo []string
	for s := range block.AllSpeakers() {
		got = append(got, s.Name)
	}
	for s := range block.AllSpeakers() {
		if firstTwo = append(firstTwo, s.Name); len(firstTwo) == 2 {
			break
		}
	}
	if diff := cmp.Diff([][]string{{"Host", "A", "B", "C", "A"}, {"Host", "A"}}, [][]string{got, firstTwo}); diff != "" {
		t.Errorf("AllSpeakers (-want +got):\n%s", diff)
	}
	for s := range block.AllSpeakers() {
		s.Slug = "x" // the speakers themselves, not copies
	}
	if block.Parts[1].Parts[0].Speakers[0].Slug != "x" {
		t.Error("AllSpeakers yielded a copy of a part's speaker")
	}
}

// TestMarkupCase: a record's "RST" or "Markdown" is the markup a page
// renders, and is written back as its canonical name; another name is
// kept as it is. "RST" was kept, and its description shown as plain text.
func TestMarkupCase(t *testing.T) {
	var got []string
	for _, in := range []string{"rst", "RST", "Markdown", "MARKDOWN", "asciidoc", ""} {
		var tk talk.Talk
		if err := json.Unmarshal([]byte(`{"title": "T", "markup": "`+in+`"}`), &tk); err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(tk)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, in+" → "+string(tk.Markup)+" "+string(out))
	}
	want := []string{
		`rst → rst {"title":"T","markup":"rst"}`,
		`RST → rst {"title":"T","markup":"rst"}`,
		`Markdown → markdown {"title":"T","markup":"markdown"}`,
		`MARKDOWN → markdown {"title":"T","markup":"markdown"}`,
		`asciidoc → asciidoc {"title":"T","markup":"asciidoc"}`,
		` →  {"title":"T"}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDateIn: a date-time with an offset moves to the zone's clocks, on
// the day its audience met it; a day, a floating date-time, a nil zone,
// the zone's own offset and a year outside 0000-9999 stay as written.
func TestDateIn(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip(err)
	}
	kiritimati, err := time.LoadLocation("Pacific/Kiritimati")
	if err != nil {
		t.Skip(err)
	}
	var got []string
	for _, tt := range []struct {
		in  string
		loc *time.Location
	}{
		{"2024-06-01T22:30:00Z", tokyo},
		{"2024-06-02T07:30:00+09:00", tokyo},
		{"2024-06-01T22:30:00.5-01:00", tokyo},
		{"2024-06-01", tokyo},
		{"2024-06-01T22:30:00", tokyo},
		{"2024-06-01T22:30:00Z", nil},
		{"9999-12-31T23:00:00Z", kiritimati},
		// Tokyo's local mean time (+09:18:59) is written in UTC, where
		// this instant is in year -1.
		{"0000-01-01T00:30:00+01:00", tokyo},
	} {
		got = append(got, tt.in+" → "+talk.MustParseDate(tt.in).In(tt.loc).String())
	}
	want := []string{
		"2024-06-01T22:30:00Z → 2024-06-02T07:30:00+09:00",
		"2024-06-02T07:30:00+09:00 → 2024-06-02T07:30:00+09:00",
		"2024-06-01T22:30:00.5-01:00 → 2024-06-02T08:30:00.5+09:00",
		"2024-06-01 → 2024-06-01",
		"2024-06-01T22:30:00 → 2024-06-01T22:30:00",
		"2024-06-01T22:30:00Z → 2024-06-01T22:30:00Z",
		"9999-12-31T23:00:00Z → 9999-12-31T23:00:00Z",
		"0000-01-01T00:30:00+01:00 → 0000-01-01T00:30:00+01:00",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("In (-want +got):\n%s", diff)
	}
}

// TestSpeakerNames holds the name a speaker is shown by, and the text
// their slug is made from, for a name, the name's parts alone (in Latin
// and in CJK scripts, one of them alone, and beside a handle), a handle
// with or without its "@", a name of spaces, and nothing at all.
func TestSpeakerNames(t *testing.T) {
	cases := []struct {
		s                   talk.Speaker
		display, slugSource string
	}{
		{talk.Speaker{Name: "Ada Lovelace", Accounts: []talk.Account{{Handle: "ada"}}}, "Ada Lovelace", "Ada Lovelace"},
		{talk.Speaker{Name: "Ada King", GivenName: "Augusta Ada", FamilyName: "Lovelace"}, "Ada King", "Ada King"},
		{talk.Speaker{GivenName: " Ada ", FamilyName: "Lovelace", Accounts: []talk.Account{{Handle: "ada"}}}, "Ada Lovelace", "Ada Lovelace"},
		{talk.Speaker{GivenName: "太郎", FamilyName: "山田"}, "山田太郎", "山田太郎"},
		{talk.Speaker{GivenName: "철수", FamilyName: "김"}, "김철수", "김철수"},
		{talk.Speaker{GivenName: "Tarō", FamilyName: "Yamada"}, "Tarō Yamada", "Tarō Yamada"},
		{talk.Speaker{GivenName: "Ada", FamilyName: "山田"}, "Ada 山田", "Ada 山田"},
		{talk.Speaker{GivenName: "1", FamilyName: "2"}, "1 2", "1 2"},
		{talk.Speaker{FamilyName: "Plato"}, "Plato", "Plato"},
		{talk.Speaker{GivenName: "Sappho", FamilyName: " "}, "Sappho", "Sappho"},
		{talk.Speaker{Accounts: []talk.Account{{Service: "github", Handle: "ghopper"}}}, "@ghopper", "ghopper"},
		{talk.Speaker{Accounts: []talk.Account{{Handle: " "}, {Service: "mastodon", Handle: "@ada@example.social"}}}, "@ada@example.social", "ada@example.social"},
		{talk.Speaker{Name: "  ", Accounts: []talk.Account{{Handle: "x"}}}, "@x", "x"},
		{talk.Speaker{}, "", ""},
	}
	var got, want []string
	for _, c := range cases {
		got = append(got, c.s.DisplayName(), c.s.SlugSource())
		want = append(want, c.display, c.slugSource)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DisplayName and SlugSource, pairwise (-want +got):\n%s", diff)
	}
}

// TestParseJSONRawClipped: the record a talk or an event keeps as its
// Origin.Raw is the caller's data with its capacity cut to its length,
// so that appending to it copies rather than writes over what the
// caller's buffer holds after the record.
func TestParseJSONRawClipped(t *testing.T) {
	buf := append(make([]byte, 0, 64), `{"title":"T"}`...)
	tk, err := talk.ParseJSON(buf, "t.json")
	if err != nil {
		t.Fatal(err)
	}
	ev, err := talk.ParseEventJSON(buf, "e.json")
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]int
	for _, raw := range [][]byte{tk.Origin.Raw, ev.Origin.Raw} {
		got = append(got, [2]int{len(raw), cap(raw)})
	}
	if diff := cmp.Diff([][2]int{{13, 13}, {13, 13}}, got); diff != "" {
		t.Errorf("len, cap of Origin.Raw (-want +got):\n%s", diff)
	}
	if &tk.Origin.Raw[0] != &buf[0] || &ev.Origin.Raw[0] != &buf[0] {
		t.Error("Origin.Raw is a copy, not the data read")
	}
}

// TestCheckTalks: what a writer refuses before it writes anything is the
// first nil talk, or else the first talk with text that is not UTF-8,
// wherever it is in the list.
func TestCheckTalks(t *testing.T) {
	ok, bad := &talk.Talk{Title: "A"}, &talk.Talk{Title: "Caf\xe9", Origin: talk.Origin{Path: "b.json"}}
	var got []string
	for _, talks := range [][]*talk.Talk{{ok, bad}, {ok, bad, nil}, {ok}, nil} {
		got = append(got, fmt.Sprint(talk.CheckTalks("html", talks)))
	}
	want := []string{
		`b.json: /title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8`,
		"html: talks[2] is nil",
		"<nil>",
		"<nil>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCheckDates: the first date of a talk, its event or its parts (at
// any depth) with a year outside 0000-9999 is placed by its JSON pointer,
// as MarshalJSON places it, and a talk that holds none, whatever else it
// holds that JSON could not write (a negative duration), passes; so do
// CheckTalks, after the text of every talk.
func TestCheckDates(t *testing.T) {
	far := talk.DateTimeOf(time.Date(12345, 6, 1, 10, 0, 0, 0, time.UTC), false)
	origin := talk.Origin{Path: "e/t.json"}
	var got []string
	add := func(err error) {
		var re *talk.RecordError
		var de *talk.DateError
		got = append(got, fmt.Sprintf("%v %v %v", errors.As(err, &re), errors.As(err, &de), err))
	}
	for _, tk := range []*talk.Talk{
		{Title: "T", Origin: origin, Recorded: talk.MustParseDate("2016-07-20"), Duration: -1},
		{Title: "T", Origin: origin, Recorded: far, Event: talk.Event{End: far}},
		{Title: "T", ID: "t", Event: talk.Event{Start: talk.MustParseDate("2016-07-17"), End: far}},
		{Title: "T", Parts: []talk.Talk{{Title: "P"}, {Title: "Q", Parts: []talk.Talk{{Event: talk.Event{Start: far}}}}}},
	} {
		add(tk.CheckDates())
	}
	add((&talk.Event{ID: "e", Start: talk.MustParseDate("2016-07-17"), End: far}).CheckDates())
	add((&talk.Event{ID: "e"}).CheckDates())
	add(talk.CheckTalks("x", []*talk.Talk{{Title: "A", Recorded: far}, {Title: "Caf\xe9"}}))
	const reason = `has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`
	want := []string{
		"false false <nil>",
		`true true e/t.json: /recorded: talk: "12345-06-01T10:00:00" ` + reason,
		`true true id "t": /event/end: talk: "12345-06-01T10:00:00" ` + reason,
		`true true /parts/1/parts/0/event/start: talk: "12345-06-01T10:00:00" ` + reason,
		`true true id "e": /end: talk: "12345-06-01T10:00:00" ` + reason,
		"false false <nil>",
		`true false /title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

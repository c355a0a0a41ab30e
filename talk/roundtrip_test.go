package talk_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk"
)

// oddText is a string of pieces odd but legal in a record: non-ASCII,
// NUL, U+2028, a right-to-left mark, a combining accent, U+FFFD itself.
func oddText(r *rand.Rand) string {
	pieces := []string{"", "a", "Zoë", "日本語", "\u2028", "\x00", "😀", " ", "<&>", `"\`, "\u200f", "e\u0301", "\ufffd", "\t\n"}
	s := ""
	for range r.IntN(4) {
		s += pieces[r.IntN(len(pieces))]
	}
	return s
}

// oddDate is a Date of any precision, year 0000 to 9999, with
// nanoseconds and half-hour offsets.
func oddDate(r *rand.Rand) talk.Date {
	switch r.IntN(6) {
	case 0:
		return talk.Date{}
	case 1:
		return talk.MustParseDate(fmt.Sprintf("%04d", r.IntN(10000)))
	case 2:
		return talk.MustParseDate(fmt.Sprintf("%04d-%02d", r.IntN(10000), 1+r.IntN(12)))
	case 3:
		d, _ := talk.DateOf(r.IntN(10000), time.Month(1+r.IntN(12)), 1+r.IntN(28))
		return d
	}
	tm := time.Date(1+r.IntN(9998), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60),
		r.IntN(3)*r.IntN(1e9), time.FixedZone("", (r.IntN(48)-24)*1800))
	return talk.DateTimeOf(tm, r.IntN(2) == 0)
}

// oddTalk is a random talk with every field of the model, parts within
// parts, Extra members with numbers no float64 holds, and empty lists
// beside absent ones.
func oddTalk(r *rand.Rand, depth int) talk.Talk {
	langs := []talk.Language{"", "en", "de-CH", "pt-BR", "zh-Hant", "und", "xx-bad", "English", "tlh"}
	tk := talk.Talk{ID: oddText(r), Title: oddText(r), Subtitle: oddText(r), Slug: oddText(r), Kind: oddText(r), Track: oddText(r),
		Description: oddText(r), Summary: oddText(r), Markup: talk.Markup([]string{"", "rst", "markdown", "textile"}[r.IntN(4)]),
		Recorded: oddDate(r), Duration: talk.Duration(r.Int64N(math.MaxInt64)), Language: langs[r.IntN(len(langs))],
		Thumbnail: oddText(r), License: oddText(r), Recording: talk.RecordingStatus(oddText(r)),
		Place:  talk.Place{Room: oddText(r), City: oddText(r), Country: oddText(r)},
		Legacy: talk.Legacy{ID: r.Int64() - r.Int64(), Alias: oddText(r), Category: oddText(r), QualityNotes: oddText(r)}}
	if r.IntN(2) == 0 {
		tk.Event = talk.Event{ID: oddText(r), Title: oddText(r), Series: oddText(r), Start: oddDate(r), End: oddDate(r),
			TimeZone: oddText(r), URL: oddText(r), Place: talk.Place{Venue: oddText(r), Region: oddText(r)},
			Extra: map[string]json.RawMessage{"x" + oddText(r): json.RawMessage(`[1e400,1e-400,-0]`)}}
	}
	for range r.IntN(3) {
		tk.Speakers = append(tk.Speakers, talk.Speaker{Name: oddText(r), GivenName: oddText(r), FamilyName: oddText(r),
			Bio: oddText(r), ORCID: oddText(r), Accounts: []talk.Account{{Service: oddText(r), Handle: oddText(r), URL: oddText(r)}},
			Extra: map[string]json.RawMessage{"pronouns" + oddText(r): json.RawMessage(`"they"`)}})
		tk.Tags = append(tk.Tags, oddText(r))
		tk.Slides = append(tk.Slides, talk.Link{URL: oddText(r), Label: oddText(r)})
	}
	if r.IntN(4) == 0 {
		tk.Tags, tk.Links = []string{}, []talk.Link{}
	}
	for range r.IntN(3) {
		v := talk.Video{URL: oddText(r), Provider: oddText(r), ID: oddText(r), Format: oddText(r), Language: langs[r.IntN(len(langs))],
			Duration: talk.Duration(r.Int64N(math.MaxInt64)), Size: r.Int64() - r.Int64()}
		if r.IntN(3) == 0 {
			v.Extra = map[string]json.RawMessage{oddText(r) + "x": json.RawMessage(`[1.50,{"a":null},0.1234567890123456789]`)}
		}
		tk.Videos = append(tk.Videos, v)
	}
	if depth < 2 {
		for range r.IntN(2) {
			tk.Parts = append(tk.Parts, oddTalk(r, depth+1))
		}
	}
	if r.IntN(2) == 0 {
		tk.Extra = map[string]json.RawMessage{"x" + oddText(r): json.RawMessage(`{"b":-0.0,"a":"é","c":123456789012345678901234567890}`)}
	}
	return tk
}

// TestJSONRoundTripProperty writes random talks, every field of the
// model set to odd but legal values, in talkmeta's form and reads each
// back: the model, Extra members byte for byte, must come back as it
// was, and a second write must give the same bytes.
func TestJSONRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for n := range 1000 {
		tk := oddTalk(r, 0)
		b, err := json.Marshal(tk)
		if err != nil {
			t.Fatalf("talk %d: %v", n, err)
		}
		back, err := talk.ParseJSON(b, "t.json")
		if err != nil {
			t.Fatalf("talk %d: %v\n%s", n, err, b)
		}
		back.Origin = talk.Origin{}
		if diff := cmp.Diff(&tk, back); diff != "" {
			t.Fatalf("talk %d read back (-written +read):\n%s\n%s", n, diff, b)
		}
		if again, _ := json.Marshal(back); string(again) != string(b) {
			t.Fatalf("talk %d: a second write changed it:\n%s\n%s", n, b, again)
		}
	}
}

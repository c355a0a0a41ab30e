package talk_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/internal/oddvalue"
	"github.com/talkmeta/talkmeta/talk"
)

// oddTalk is a random talk with every field of the model, parts within
// parts, Extra members with numbers no float64 holds, and empty lists
// beside absent ones.
func oddTalk(r *rand.Rand, depth int) talk.Talk {
	langs := []talk.Language{"", "en", "de-CH", "pt-BR", "zh-Hant", "und", "xx-bad", "English", "tlh"}
	tk := talk.Talk{ID: oddvalue.Text(r), Title: oddvalue.Text(r), Subtitle: oddvalue.Text(r), Slug: oddvalue.Text(r), Kind: oddvalue.Text(r), Track: oddvalue.Text(r),
		Description: oddvalue.Text(r), Summary: oddvalue.Text(r), Markup: talk.Markup([]string{"", "rst", "markdown", "textile"}[r.IntN(4)]),
		Recorded: oddvalue.Date(r), Duration: talk.Duration(r.Int64N(math.MaxInt64)), Language: langs[r.IntN(len(langs))],
		Thumbnail: oddvalue.Text(r), License: oddvalue.Text(r), Recording: talk.RecordingStatus(oddvalue.Text(r)),
		Place:  talk.Place{Room: oddvalue.Text(r), City: oddvalue.Text(r), Country: oddvalue.Text(r)},
		Legacy: talk.Legacy{ID: r.Int64() - r.Int64(), Alias: oddvalue.Text(r), Category: oddvalue.Text(r), QualityNotes: oddvalue.Text(r)}}
	if r.IntN(2) == 0 {
		tk.Event = talk.Event{ID: oddvalue.Text(r), Title: oddvalue.Text(r), Series: oddvalue.Text(r), Start: oddvalue.Date(r), End: oddvalue.Date(r),
			TimeZone: oddvalue.Text(r), URL: oddvalue.Text(r), Place: talk.Place{Venue: oddvalue.Text(r), Region: oddvalue.Text(r)},
			Extra: map[string]json.RawMessage{"x" + oddvalue.Text(r): json.RawMessage(`[1e400,1e-400,-0]`)}}
	}
	for range r.IntN(3) {
		tk.Speakers = append(tk.Speakers, talk.Speaker{Name: oddvalue.Text(r), GivenName: oddvalue.Text(r), FamilyName: oddvalue.Text(r),
			Bio: oddvalue.Text(r), ORCID: oddvalue.Text(r), Accounts: []talk.Account{{Service: oddvalue.Text(r), Handle: oddvalue.Text(r), URL: oddvalue.Text(r)}},
			Extra: map[string]json.RawMessage{"pronouns" + oddvalue.Text(r): json.RawMessage(`"they"`)}})
		tk.Tags = append(tk.Tags, oddvalue.Text(r))
		tk.Slides = append(tk.Slides, talk.Link{URL: oddvalue.Text(r), Label: oddvalue.Text(r)})
	}
	if r.IntN(4) == 0 {
		tk.Tags, tk.Links = []string{}, []talk.Link{}
	}
	for range r.IntN(3) {
		v := talk.Video{URL: oddvalue.Text(r), Provider: oddvalue.Text(r), ID: oddvalue.Text(r), Format: oddvalue.Text(r), Language: langs[r.IntN(len(langs))],
			Duration: talk.Duration(r.Int64N(math.MaxInt64)), Size: r.Int64() - r.Int64()}
		if r.IntN(3) == 0 {
			v.Extra = map[string]json.RawMessage{oddvalue.Text(r) + "x": json.RawMessage(`[1.50,{"a":null},0.1234567890123456789]`)}
		}
		tk.Videos = append(tk.Videos, v)
	}
	if depth < 2 {
		for range r.IntN(2) {
			tk.Parts = append(tk.Parts, oddTalk(r, depth+1))
		}
	}
	if r.IntN(2) == 0 {
		tk.Extra = map[string]json.RawMessage{"x" + oddvalue.Text(r): json.RawMessage(`{"b":-0.0,"a":"é","c":123456789012345678901234567890}`)}
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

package talk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
)

// IsMediaFormat takes an extension as a record's video "type" gives it:
// in lower case, without the dot. A host's name is no media format.
func ExampleIsMediaFormat() {
	for _, format := range []string{"mp4", "webm", "opus", "MP4", ".mp4", "youtube"} {
		fmt.Println(format, talk.IsMediaFormat(format))
	}
	// Output:
	// mp4 true
	// webm true
	// opus true
	// MP4 false
	// .mp4 false
	// youtube false
}

// A writer calls FirstNil before it writes anything, so that a hole in
// the caller's slice is named, not a panic half-way through a file.
func ExampleFirstNil() {
	talks := []*talk.Talk{{Title: "Intro"}, {Title: "Outro"}, nil}
	err := talk.FirstNil("mywriter", talks)
	fmt.Println(err)
	var ne *talk.NilError
	if errors.As(err, &ne) {
		fmt.Printf("package %q, %q\n", ne.Package, ne.What)
	}
	fmt.Println(talk.FirstNil("mywriter", talks[:2]))
	// Output:
	// mywriter: talks[2] is nil
	// package "mywriter", "talks[2]"
	// <nil>
}

// The zero Limits is the defaults; a negative field means no limit.
func ExampleLimits() {
	var def talk.Limits
	fmt.Println(def.RecordBytes(), def.Depth(), def.TextBytes(), def.Speakers(), def.Videos())
	l := talk.Limits{MaxDepth: 8, MaxSpeakers: -1}
	fmt.Println(l.Depth(), l.Speakers(), l.Videos())
	// Output:
	// 1048576 64 262144 500 500
	// 8 -1 500
}

// CheckJSON refuses what encoding/json would read without a word but not
// as written, and a record beyond the limits, as a *RecordError with the
// place; errors.As finds the *LimitError of a record too large.
func ExampleLimits_CheckJSON() {
	var def talk.Limits
	fmt.Println(def.CheckJSON([]byte("{\n  \"title\": \"A\",\n  \"title\": \"B\"\n}"), "a.json"))
	fmt.Println(talk.Limits{MaxDepth: 2}.CheckJSON([]byte(`{"speakers": [{"accounts": []}]}`), "b.json"))

	err := talk.Limits{MaxRecordBytes: 8}.CheckJSON([]byte(`{"title": "Intro"}`), "c.json")
	var le *talk.LimitError
	if errors.As(err, &le) {
		fmt.Printf("%s: %d > %d\n", le.What, le.Got, le.Limit)
	}
	// Output:
	// a.json:3:3: /title: invalid JSON: duplicate member name "title"
	// b.json:1:15: nesting depth exceeds the limit of 2
	// record size: 18 > 8
}

// TestCheckText holds CheckText to its doc: nil, without allocating, for
// UTF-8, which every writer checks every string for; a *TextError with
// the offset of the first bad byte otherwise.
func TestCheckText(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = talk.CheckText("Café — ¿Qué tal? 🐍") }); n != 0 {
		t.Errorf("CheckText of UTF-8 allocates %v times, want 0", n)
	}
	if err := talk.CheckText("Café"); err != nil {
		t.Errorf("CheckText(%q) = %v, want nil", "Café", err)
	}
	var te *talk.TextError
	if err := talk.CheckText("Caf\xe9 au lait"); !errors.As(err, &te) || te.Offset != 3 || te.Text != "Caf\xe9 au lait" {
		t.Errorf("CheckText(Latin-1) = %#v, want a *TextError at offset 3", err)
	}
}

// TestConcurrentUse holds the package doc and Reader to their word: a
// Reader parses from many goroutines at once, and a Talk may be read by
// many goroutines at once (marshalled, its place and speakers looked up).
// It means something under -race.
func TestConcurrentUse(t *testing.T) {
	data := []byte(`{
  "id": "intro",
  "title": "Intro",
  "speakers": [{"name": "Ann", "accounts": [{"service": "github", "handle": "ann"}]}],
  "event": {"id": "ev", "title": "Ev", "place": {"city": "Bilbao"}, "x-ev": [1]},
  "recorded": "2016-07-21T10:30:00+02:00",
  "place": {"room": "A1"},
  "parts": [{"title": "Part", "speakers": [{"name": "Bob"}]}],
  "x-notes": {"a": 1}
}`)
	var r talk.Reader
	shared, err := r.ParseJSON(data, "intro.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(shared)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			own, err := r.ParseJSON(data, "intro.json")
			if err != nil {
				t.Error(err)
				return
			}
			for _, tk := range []*talk.Talk{own, shared} {
				got, err := json.Marshal(tk)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("Marshal = %s, %v; want %s", got, err, want)
				}
				if place := tk.Where().String(); place != "A1, Bilbao" {
					t.Errorf("Where = %q, want %q", place, "A1, Bilbao")
				}
				n := 0
				for range tk.AllSpeakers() {
					n++
				}
				if n != 2 {
					t.Errorf("AllSpeakers yields %d speakers, want 2", n)
				}
			}
		})
	}
	wg.Wait()
}

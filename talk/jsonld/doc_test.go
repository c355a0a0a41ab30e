package jsonld_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

// TestConcurrentMarshal holds the package doc's word on concurrency and
// determinism: the graphs of a talk, its event and its speaker, made from
// many goroutines at once, are the same bytes each time. It means
// something under -race.
func TestConcurrentMarshal(t *testing.T) {
	tk := &talk.Talk{
		ID: "intro", Title: "Intro", Language: "en",
		Speakers: []talk.Speaker{{Name: "Ann", ORCID: "0000-0002-1825-0097", Accounts: []talk.Account{{Service: "github", Handle: "ann"}}}},
		Event:    talk.Event{ID: "ev", Title: "Ev", TimeZone: "Asia/Tokyo", Place: talk.Place{City: "Tokyo"}},
		Recorded: talk.MustParseDate("2024-06-01T08:00:00Z"),
		Videos:   []talk.Video{{Provider: talk.YouTube, ID: "m28fiN9y_r8", URL: "https://www.youtube.com/watch?v=m28fiN9y_r8&t=90"}},
		Parts:    []talk.Talk{{Title: "Part", Speakers: []talk.Speaker{{Name: "Bob"}}}},
	}
	opt := jsonld.Options{
		BaseURL:    "https://talks.example.org",
		SpeakerURL: func(s *talk.Speaker) string { return "https://talks.example.org/speaker/" + s.Name },
		TalkURL:    func(t *talk.Talk) string { return "https://talks.example.org/" + t.ID },
	}
	marshal := func() []byte {
		var all []byte
		b, _, err := jsonld.Marshal(tk, opt)
		if err != nil {
			t.Error(err)
		}
		all = append(all, b...)
		if b, err = jsonld.MarshalEvent(&tk.Event, []*talk.Talk{tk}, opt); err != nil {
			t.Error(err)
		}
		all = append(all, b...)
		if b, err = jsonld.MarshalSpeaker(&tk.Speakers[0], []*talk.Talk{tk}, opt); err != nil {
			t.Error(err)
		}
		return append(all, b...)
	}
	want := marshal()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := marshal(); !bytes.Equal(got, want) {
				t.Errorf("concurrent graphs differ:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	wg.Wait()
}

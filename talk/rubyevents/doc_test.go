package rubyevents_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/talkmeta/talkmeta/talk/rubyevents"
)

// TestConcurrentRead holds the package doc's word on concurrency: Read
// (and so the Parse functions it calls) may run in many goroutines at
// once, each reading what it reads alone. It means something under -race.
func TestConcurrentRead(t *testing.T) {
	fsys := os.DirFS("testdata/data")
	read := func() string {
		a, err := rubyevents.Read(fsys)
		var b strings.Builder
		fmt.Fprintln(&b, err)
		for _, ev := range a.Events {
			j, err := json.Marshal(ev)
			fmt.Fprintf(&b, "%s %v\n", j, err)
		}
		for _, tk := range a.Talks {
			j, err := json.Marshal(tk)
			fmt.Fprintf(&b, "%s %v\n", j, err)
		}
		return b.String()
	}
	want := read()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := read(); got != want {
				t.Errorf("concurrent Read differs:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	wg.Wait()
}

// TestConcurrentParseVideos holds the package doc's word that a Speakers
// map is only read: one serves ParseVideos calls in many goroutines at
// once, which resolve the same speakers through it. It means something
// under -race.
func TestConcurrentParseVideos(t *testing.T) {
	data, err := os.ReadFile("testdata/data/speakers.yml")
	if err != nil {
		t.Fatal(err)
	}
	speakers, err := rubyevents.ParseSpeakers(data, "speakers.yml")
	if err != nil {
		t.Fatal(err)
	}
	const path = "tinyconf/tinyconf-2025/videos.yml"
	videos, err := os.ReadFile("testdata/data/" + path)
	if err != nil {
		t.Fatal(err)
	}
	parse := func() string {
		talks, err := rubyevents.ParseVideos(videos, path, nil, speakers)
		var b strings.Builder
		fmt.Fprintln(&b, err)
		for _, tk := range talks {
			j, err := json.Marshal(tk)
			fmt.Fprintf(&b, "%s %v\n", j, err)
		}
		return b.String()
	}
	want := parse()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := parse(); got != want {
				t.Errorf("concurrent ParseVideos differs:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	wg.Wait()
}

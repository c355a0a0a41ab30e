package rubyevents_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
)

// Read goes on after a broken record: what it could read comes back with
// a talk.ErrorList of every problem, each with its file and line:column.
func ExampleRead() {
	a, err := rubyevents.Read(os.DirFS("testdata/data"))
	var problems talk.ErrorList
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Printf("%s:%d:%d: %v\n", p.Path, p.Line, p.Column, p.Err)
		}
	}
	for _, t := range a.Talks {
		if t.Event.ID != "tinyconf-2025" {
			continue
		}
		fmt.Printf("%s %s %q %s, %d parts, %d videos\n", t.Recorded, t.Kind, t.Title, t.Language, len(t.Parts), len(t.Videos))
	}
	// Output:
	// tinyconf/tinyconf-2024/event.yml:4:11: rubyevents: timezone "Mars/Base" is not an IANA time zone
	// tinyconf/tinyconf-2024/event.yml:6:13: rubyevents: start_date: "2024-13-01" is not a real date
	// tinyconf/tinyconf-2024/videos.yml:10:5: rubyevents: title: want text, got a list
	// tinyconf/tinyconf-2024/videos.yml:13:24: rubyevents: duration_in_seconds "long" is not a number of seconds
	// tinyconf/tinyconf-2024/videos.yml:12:19: rubyevents: unknown video_provider "dailymotion"
	// tinyconf/tinyconf-2024/videos.yml:9:3: rubyevents: a talk without an id
	// tinyconf/tinyconf-2024/videos.yml:16:13: rubyevents: speakers: want a list, got a scalar
	// tinyconf/tinyconf-2025/videos.yml:53:17: rubyevents: language "Klingon" is not one the importer knows
	// 2025-04-16 keynote "Keynote: Engines of Thought" ja, 0 parts, 2 videos
	// 2025-04-17 lightning_talk "Lightning Talks" , 2 parts, 0 videos
	// 2025-04-18  "Ruby on Small Boards" es, 0 parts, 0 videos
}

package rubyevents_test

import (
	"fmt"
	"os"

	"github.com/talkmeta/talkmeta/talk/rubyevents"
)

func ExampleRead() {
	a, _ := rubyevents.Read(os.DirFS("testdata/data"))
	for _, t := range a.Talks {
		if t.Event.ID != "tinyconf-2025" {
			continue
		}
		fmt.Printf("%s %s %q %s, %d parts, %d videos\n", t.Recorded, t.Kind, t.Title, t.Language, len(t.Parts), len(t.Videos))
	}
	// Output:
	// 2025-04-16 keynote "Keynote: Engines of Thought" ja, 0 parts, 2 videos
	// 2025-04-17 lightning_talk "Lightning Talks" , 2 parts, 0 videos
	// 2025-04-18  "Ruby on Small Boards" es, 0 parts, 0 videos
}

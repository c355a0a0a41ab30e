package jsonld_test

import (
	"fmt"
	"os"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

func ExampleWrite() {
	t := &talk.Talk{
		ID:       "yury-selivanov-asyncawait",
		Title:    "async/await in Python 3.5 and why it is awesome",
		Speakers: []talk.Speaker{{Name: "Yury Selivanov"}},
		Event:    talk.Event{ID: "europython-2016", Title: "EuroPython 2016"},
		Recorded: talk.MustParseDate("2016-07-21"),
		Duration: talk.Duration(1508 * time.Second),
		Videos:   []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=m28fiN9y_r8", ID: "m28fiN9y_r8"}},
	}
	warnings, err := jsonld.Write(os.Stdout, t, jsonld.Options{BaseURL: "https://talks.example.org", Indent: "  "})
	fmt.Println(warnings, err)
	// Output:
	// {
	//   "@context": "https://schema.org",
	//   "@graph": [
	//     {
	//       "@type": "Event",
	//       "@id": "https://talks.example.org/europython-2016/yury-selivanov-asyncawait#talk",
	//       "name": "async/await in Python 3.5 and why it is awesome",
	//       "startDate": "2016-07-21",
	//       "duration": "PT25M8S",
	//       "eventStatus": "https://schema.org/EventScheduled",
	//       "performer": [
	//         {
	//           "@type": "Person",
	//           "@id": "https://talks.example.org/speakers/yury-selivanov#person",
	//           "name": "Yury Selivanov"
	//         }
	//       ],
	//       "superEvent": {
	//         "@type": "Event",
	//         "@id": "https://talks.example.org/europython-2016#event",
	//         "name": "EuroPython 2016"
	//       }
	//     },
	//     {
	//       "@type": "VideoObject",
	//       "@id": "https://talks.example.org/europython-2016/yury-selivanov-asyncawait#video-1",
	//       "name": "async/await in Python 3.5 and why it is awesome",
	//       "thumbnailUrl": "https://i.ytimg.com/vi/m28fiN9y_r8/hqdefault.jpg",
	//       "uploadDate": "2016-07-21",
	//       "duration": "PT25M8S",
	//       "embedUrl": "https://www.youtube-nocookie.com/embed/m28fiN9y_r8",
	//       "author": [
	//         {
	//           "@id": "https://talks.example.org/speakers/yury-selivanov#person"
	//         }
	//       ],
	//       "recordedAt": {
	//         "@id": "https://talks.example.org/europython-2016/yury-selivanov-asyncawait#talk"
	//       }
	//     }
	//   ]
	// }
	// [] <nil>
}

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

func ExampleWriteEvent() {
	ev := &talk.Event{ID: "europython-2016", Title: "EuroPython 2016",
		Start: talk.MustParseDate("2016-07-17"), End: talk.MustParseDate("2016-07-24"),
		Place: talk.Place{City: "Bilbao", Country: "Spain"}}
	t := &talk.Talk{ID: "yury-selivanov-asyncawait", Title: "async/await in Python 3.5 and why it is awesome",
		Speakers: []talk.Speaker{{Name: "Yury Selivanov"}}, Event: *ev, Recorded: talk.MustParseDate("2016-07-21")}
	err := jsonld.WriteEvent(os.Stdout, ev, []*talk.Talk{t}, jsonld.Options{
		BaseURL: "https://talks.example.org",
		PageURL: "https://talks.example.org/events/europython-2016.html",
		TalkURL: func(t *talk.Talk) string { return "https://talks.example.org/europython-2016/" + t.ID + ".html" },
	})
	fmt.Println(err)
	// Output:
	// {"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"https://talks.example.org/europython-2016#event","name":"EuroPython 2016","startDate":"2016-07-17","endDate":"2016-07-24","location":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Bilbao","addressCountry":"Spain"}},"mainEntityOfPage":"https://talks.example.org/events/europython-2016.html","subEvent":[{"@type":"Event","@id":"https://talks.example.org/europython-2016/yury-selivanov-asyncawait#talk","name":"async/await in Python 3.5 and why it is awesome","startDate":"2016-07-21","url":"https://talks.example.org/europython-2016/yury-selivanov-asyncawait.html","performer":[{"@id":"https://talks.example.org/speakers/yury-selivanov#person"}]}]}]}
	// <nil>
}

func ExampleWriteSpeaker() {
	s := &talk.Speaker{Name: "Yury Selivanov", Homepage: "https://github.com/1st1", Bio: "Python core developer."}
	t := &talk.Talk{ID: "yury-selivanov-asyncawait", Title: "async/await in Python 3.5 and why it is awesome",
		Speakers: []talk.Speaker{*s}, Event: talk.Event{ID: "europython-2016"}}
	err := jsonld.WriteSpeaker(os.Stdout, s, []*talk.Talk{t}, jsonld.Options{BaseURL: "https://talks.example.org"})
	fmt.Println(err)
	// Output:
	// {"@context":"https://schema.org","@graph":[{"@type":"Person","@id":"https://talks.example.org/speakers/yury-selivanov#person","name":"Yury Selivanov","sameAs":["https://github.com/1st1"],"description":"Python core developer.","performerIn":[{"@type":"Event","@id":"https://talks.example.org/europython-2016/yury-selivanov-asyncawait#talk","name":"async/await in Python 3.5 and why it is awesome","performer":[{"@id":"https://talks.example.org/speakers/yury-selivanov#person"}]}]}]}
	// <nil>
}

// Marshal returns the graph with what a consumer needs that the talk
// lacks: a video search needs a recording's thumbnail and upload date.
// The graph is written all the same; each Warning names the node and the
// schema.org property.
func ExampleMarshal() {
	t := &talk.Talk{
		ID:     "intro",
		Title:  "Intro",
		Event:  talk.Event{ID: "pycon-2024"},
		Videos: []talk.Video{{URL: "https://media.example.org/intro.mp4"}},
	}
	graph, warnings, err := jsonld.Marshal(t, jsonld.Options{BaseURL: "https://talks.example.org"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(graph) > 0)
	for _, w := range warnings {
		fmt.Printf("%s %s: %s\n", w.Node, w.Property, w.Reason)
	}
	// Output:
	// true
	// https://talks.example.org/pycon-2024/intro#video-1 thumbnailUrl: the talk has no thumbnail and the provider has none to derive
	// https://talks.example.org/pycon-2024/intro#video-1 uploadDate: the talk has no recorded date
	// https://talks.example.org/pycon-2024/intro#video-1 contentUrl: the recording's address is a page of an unnamed host, not a player or a media file (a file's Provider is "file"), so there is no embedUrl either
}

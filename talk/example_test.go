package talk_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/talkmeta/talkmeta/talk"
)

// Dates keep the precision their source gave.
func ExampleParseDate() {
	for _, s := range []string{"2016", "2016-07-21", "2016-07-21T10:30:00", "2016-07-21T10:30:00+02:00", "2016-02-30"} {
		d, err := talk.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-25s %s\n", d, d.Precision())
	}
	// Output:
	// 2016                      year
	// 2016-07-21                day
	// 2016-07-21T10:30:00       date-time
	// 2016-07-21T10:30:00+02:00 date-time with offset
	// talk: "2016-02-30" is not a real date
}

// A talk in talkmeta's own JSON form. Members the model does not know,
// such as "x-room-capacity" here, are kept and written back.
func ExampleTalk_MarshalJSON() {
	t := talk.Talk{
		ID:       "yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome",
		Title:    "async/await in Python 3.5 and why it is awesome",
		Speakers: []talk.Speaker{{Name: "Yury Selivanov"}},
		Event:    talk.Event{ID: "europython-2016", Title: "EuroPython 2016", Place: talk.Place{City: "Bilbao", Country: "Spain"}},
		Recorded: talk.MustParseDate("2016-07-21"),
		Duration: talk.Duration(1508 * time.Second),
		Language: "en",
		Videos:   []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=m28fiN9y_r8", ID: "m28fiN9y_r8"}},
		Extra:    map[string]json.RawMessage{"x-room-capacity": json.RawMessage(`350`)},
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(t); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "id": "yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome",
	//   "title": "async/await in Python 3.5 and why it is awesome",
	//   "speakers": [
	//     {
	//       "name": "Yury Selivanov"
	//     }
	//   ],
	//   "event": {
	//     "id": "europython-2016",
	//     "title": "EuroPython 2016",
	//     "place": {
	//       "city": "Bilbao",
	//       "country": "Spain"
	//     }
	//   },
	//   "recorded": "2016-07-21",
	//   "duration": "PT25M8S",
	//   "language": "en",
	//   "videos": [
	//     {
	//       "provider": "youtube",
	//       "url": "https://www.youtube.com/watch?v=m28fiN9y_r8",
	//       "id": "m28fiN9y_r8"
	//     }
	//   ],
	//   "x-room-capacity": 350
	// }
}

// VideoID finds the provider's id in the URL forms people paste.
func ExampleVideoID() {
	fmt.Println(talk.VideoID("https://youtu.be/m28fiN9y_r8?t=42"))
	fmt.Println(talk.VideoID("https://player.vimeo.com/video/123456"))
	// Output:
	// youtube m28fiN9y_r8
	// vimeo 123456
}

// Languages come from archives in several code systems; ParseLanguage
// makes a canonical tag, which names itself.
func ExampleLanguage_Name() {
	for _, code := range []string{"eng", "pt-BR", "zh-hant"} {
		l, err := talk.ParseLanguage(code)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s\n", l, l.Name())
	}
	// Output:
	// en: English
	// pt-BR: Brazilian Portuguese
	// zh-Hant: Traditional Chinese
}

// A record that cannot be read is a *RecordError: errors.As gets at its
// file, JSON pointer and line:column, and, through it, at the cause, such
// as the *DateError of a day the calendar lacks.
func ExampleParseJSON() {
	data := []byte(`{
  "id": "intro",
  "title": "Intro",
  "recorded": "2016-02-30"
}`)
	_, err := talk.ParseJSON(data, "talks/intro.json")
	fmt.Println(err)
	var re *talk.RecordError
	if errors.As(err, &re) {
		fmt.Printf("file %s, line %d, column %d, at %s\n", re.Path, re.Line, re.Column, re.Pointer)
	}
	var de *talk.DateError
	if errors.As(err, &de) {
		fmt.Printf("date %q %s\n", de.Text, de.Reason)
	}
	// Output:
	// talks/intro.json:4:15: /recorded: talk: "2016-02-30" is not a real date
	// file talks/intro.json, line 4, column 15, at /recorded
	// date "2016-02-30" is not a real date
}

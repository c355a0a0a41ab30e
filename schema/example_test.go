package schema_test

import (
	"fmt"

	"github.com/talkmeta/talkmeta/schema"
)

func ExampleValidator_ValidateTalk() {
	record := []byte(`{
  "title": "async/await in Python 3.5 and why it is awesome ",
  "speakers": ["Yury Selivanov"],
  "recorded": "2016-02-30",
  "language": "english",
  "videos": [{"type": "youtube", "url": "https://www.youtube.com/watch?v=m28fiN9y_r8"}]
}`)
	v := schema.Validator{Profile: schema.Pyvideo}
	problems := v.ValidateTalk(record, "talk.json")
	for _, p := range problems {
		fmt.Println(p)
	}
	fmt.Println("valid:", problems.Err() == nil)
	// Output:
	// talk.json:1:1: no-thumbnail: thumbnail_url is missing or empty; link previews and video search results need a thumbnail (warning)
	// talk.json:2:12: whitespace: title: "async/await in Python 3.5 and why it is awesome " has leading or trailing white space (warning)
	// talk.json:4:15: date: recorded: "2016-02-30" is not a real date
	// talk.json:5:15: language: language: "english" is not an ISO 639-3 language code (such as eng, spa, jpn); write "eng"
	// valid: false
}

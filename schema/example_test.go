package schema_test

import (
	"errors"
	"fmt"
	"testing/fstest"

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

// CheckArchive checks a whole archive: its layout, every record, and the
// ids and slugs that must be unique. Each Problem is an error with its
// file, JSON pointer, line:column and rule; errors.As finds one in
// Problems.Err, and errors.Is sees through a problem to the file system's
// error of a file that could not be read.
func ExampleValidator_CheckArchive() {
	archive := fstest.MapFS{
		"europython-2016/category.json": {Data: []byte(`{"title": "EuroPython 2016"}`)},
		"europython-2016/videos/a.json": {Data: []byte(`{
  "title": "Intro",
  "speakers": ["Ann"],
  "recorded": "2016-07-18",
  "videos": [{"type": "youtube", "url": "https://www.youtube.com/watch?v=m28fiN9y_r8"}],
  "thumbnail_url": "https://i.ytimg.com/vi/m28fiN9y_r8/hqdefault.jpg"
}`)},
		"europython-2016/videos/b.json": {Data: []byte(`{
  "title": "Intro",
  "speakers": ["Bob"],
  "recorded": "2016-07-19",
  "videos": [{"type": "youtube", "url": "http://"}],
  "thumbnail_url": "https://i.ytimg.com/vi/m28fiN9y_r8/hqdefault.jpg"
}`)},
	}
	v := schema.Validator{Profile: schema.Pyvideo}
	report := v.CheckArchive(archive, nil)
	fmt.Println(report.Events, "event,", report.Talks, "talks")
	for _, p := range report.Problems {
		fmt.Printf("%s %d:%d %s [%s] %s\n", p.Path, p.Line, p.Column, p.Pointer, p.Rule, p.Severity)
	}
	var first *schema.Problem
	if errors.As(report.Problems.Err(), &first) {
		fmt.Println(first)
	}
	// Output:
	// 1 event, 2 talks
	// europython-2016/videos/b.json 2:12 /title [unique-slug] error
	// europython-2016/videos/b.json 5:41 /videos/0/url [url] error
	// europython-2016/videos/b.json:2:12: unique-slug: the URL slug "intro" is also the slug of europython-2016/videos/a.json; give one of them a slug member
}

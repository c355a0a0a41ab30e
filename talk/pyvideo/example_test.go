package pyvideo_test

import (
	"errors"
	"fmt"
	"os"
	"testing/fstest"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// Read a pyvideo talk file, change it, and write it back: only the changed
// member differs from the file.
func ExampleParseTalk() {
	src := []byte(`{
  "copyright_text": null,
  "duration": 1508.0,
  "recorded": "2016-08-04",
  "speakers": ["Yury Selivanov"],
  "title": "async/await in Python 3.5 and why it is awesome",
  "videos": [{"type": "youtube", "url": "https://www.youtube.com/watch?v=m28fiN9y_r8"}]
}`)
	t, err := pyvideo.ParseTalk(src, "europython-2016/videos/yury-selivanov.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Event.ID, t.ID, t.Recorded, t.Duration.Clock(), t.Videos[0].ID)

	t.Tags = append(t.Tags, "asyncio")
	if err := pyvideo.WriteTalk(os.Stdout, t); err != nil {
		fmt.Println(err)
	}
	// Output:
	// europython-2016 yury-selivanov 2016-08-04 25:08 m28fiN9y_r8
	// {
	//   "copyright_text": null,
	//   "duration": 1508.0,
	//   "recorded": "2016-08-04",
	//   "speakers": [
	//     "Yury Selivanov"
	//   ],
	//   "tags": [
	//     "asyncio"
	//   ],
	//   "title": "async/await in Python 3.5 and why it is awesome",
	//   "videos": [
	//     {
	//       "type": "youtube",
	//       "url": "https://www.youtube.com/watch?v=m28fiN9y_r8"
	//     }
	//   ]
	// }
}

// Iterate over every talk of an archive; broken files are reported and
// the loop goes on.
func ExampleTalks() {
	for t, err := range pyvideo.Talks(os.DirFS("../../testdata/pyvideo")) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		if t.Event.ID == "europython-2016" {
			fmt.Printf("%s: %q by %s\n", t.Event.Title, t.Title, t.Speakers[0].Name)
		}
	}
	// Output:
	// EuroPython 2016: "async/await in Python 3.5 and why it is awesome" by Yury Selivanov
}

// A record that cannot be read is yielded as an error, and the iteration
// goes on: errors.As tells a broken record (*talk.RecordError, with its
// file, JSON pointer and line:column) from a file out of place
// (*LayoutError).
func ExampleTalks_errors() {
	archive := fstest.MapFS{
		"pycon-2024/category.json":     {Data: []byte(`{"title": "PyCon 2024"}`)},
		"pycon-2024/videos/intro.json": {Data: []byte("{\n  \"title\": \"Intro\",\n  \"recorded\": \"2024-02-30\"\n}")},
		"pycon-2024/videos/talk.json":  {Data: []byte(`{"title": "A talk"}`)},
		"pycon-2024/stray.json":        {Data: []byte(`{"title": "Misplaced"}`)},
	}
	for t, err := range pyvideo.Talks(archive) {
		var re *talk.RecordError
		var le *pyvideo.LayoutError
		switch {
		case errors.As(err, &re):
			fmt.Printf("%s line %d column %d at %s: %v\n", re.Path, re.Line, re.Column, re.Pointer, re.Err)
		case errors.As(err, &le):
			fmt.Printf("%s: %s\n", le.Path, le.Reason)
		case err != nil:
			fmt.Println(err)
		default:
			fmt.Printf("%s: %q\n", t.ID, t.Title)
		}
	}
	// Output:
	// pycon-2024/stray.json: unexpected in an event directory, which holds category.json and videos/ only
	// pycon-2024/videos/intro.json line 3 column 15 at /recorded: "2024-02-30" is not a real date
	// talk: "A talk"
}

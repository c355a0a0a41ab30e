package html_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
)

// Render a talk page and show its title and embedded player.
func ExampleRenderer_WriteTalk() {
	t := &talk.Talk{
		ID:       "yury-selivanov-asyncawait",
		Title:    "async/await in Python 3.5 and why it is awesome",
		Speakers: []talk.Speaker{{Name: "Yury Selivanov"}},
		Event:    talk.Event{ID: "europython-2016", Title: "EuroPython 2016"},
		Recorded: talk.MustParseDate("2016-07-21"),
		Videos:   []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=m28fiN9y_r8", ID: "m28fiN9y_r8"}},
	}
	var page strings.Builder
	r := html.Renderer{BaseURL: "https://talks.example.org"}
	if err := r.WriteTalk(&page, t, html.PageOptions{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.HasPrefix(line, "<h1>") || strings.HasPrefix(line, "<iframe") || strings.HasPrefix(line, "<link rel=\"canonical\"") {
			fmt.Println(line)
		}
	}
	// Output:
	// <link rel="canonical" href="https://talks.example.org/europython-2016/yury-selivanov-asyncawait.html">
	// <h1>async/await in Python 3.5 and why it is awesome</h1>
	// <iframe src="https://www.youtube-nocookie.com/embed/m28fiN9y_r8" title="Recording of async/await in Python 3.5 and why it is awesome" loading="lazy" allow="fullscreen; picture-in-picture" referrerpolicy="strict-origin-when-cross-origin"></iframe>
}

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
		if strings.HasPrefix(line, "<h1") || strings.HasPrefix(line, "<iframe") || strings.HasPrefix(line, "<link rel=\"canonical\"") {
			fmt.Println(line)
		}
	}
	// Output:
	// <link rel="canonical" href="https://talks.example.org/europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html">
	// <h1 dir="auto">async/await in Python 3.5 and why it is awesome</h1>
	// <iframe src="https://www.youtube-nocookie.com/embed/m28fiN9y_r8" title="Recording of async/await in Python 3.5 and why it is awesome" loading="lazy" allow="fullscreen; picture-in-picture" referrerpolicy="strict-origin-when-cross-origin"></iframe>
}

// Render an event page and show its title, the first talk's link and its
// speaker's link, which lead to the talk's and the speaker's pages.
func ExampleRenderer_WriteEvent() {
	ep := talk.Event{ID: "europython-2016", Title: "EuroPython 2016", Start: talk.MustParseDate("2016-07-17"), End: talk.MustParseDate("2016-07-24")}
	talks := []*talk.Talk{{
		ID:       "yury-selivanov-asyncawait",
		Title:    "async/await in Python 3.5 and why it is awesome",
		Speakers: []talk.Speaker{{Name: "Yury Selivanov"}},
		Event:    ep,
	}}
	var page strings.Builder
	r := html.Renderer{BaseURL: "https://talks.example.org"}
	if err := r.WriteEvent(&page, &ep, talks, html.PageOptions{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.HasPrefix(line, "<title>") || strings.HasPrefix(line, "<h3") || strings.HasPrefix(line, "<p class=\"speakers\">") {
			fmt.Println(line)
		}
	}
	// Output:
	// <title>EuroPython 2016</title>
	// <h3 dir="auto"><a href="https://talks.example.org/europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html">async/await in Python 3.5 and why it is awesome</a></h3>
	// <p class="speakers"><a href="https://talks.example.org/speaker/yury-selivanov.html" dir="auto">Yury Selivanov</a></p>
}

// Render a speaker's page from their talks, which may come from many
// events; each talk is listed with its event.
func ExampleRenderer_WriteSpeaker() {
	yury := talk.Speaker{Name: "Yury Selivanov"}
	talks := []*talk.Talk{
		{Title: "async/await in Python 3.5 and why it is awesome", Speakers: []talk.Speaker{yury}, Event: talk.Event{Title: "EuroPython 2016"}},
		{Title: "uvloop: Fast Python networking", Speakers: []talk.Speaker{yury}, Event: talk.Event{Title: "PyCon US 2017"}},
	}
	var page strings.Builder
	var r html.Renderer // root-relative links, pyvideo.org's URLs
	if err := r.WriteSpeaker(&page, &yury, talks, html.PageOptions{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.HasPrefix(line, "<link rel=\"canonical\"") || strings.HasPrefix(line, "<p class=\"meta\">") {
			fmt.Println(line)
		}
	}
	// Output:
	// <link rel="canonical" href="/speaker/yury-selivanov.html">
	// <p class="meta"><span dir="auto"><a href="/events/europython-2016.html">EuroPython 2016</a></span></p>
	// <p class="meta"><span dir="auto"><a href="/events/pycon-us-2017.html">PyCon US 2017</a></span></p>
}

// Render the index of a site: its events with their number of talks.
func ExampleRenderer_WriteIndex() {
	events := []html.IndexEntry{
		{Event: talk.Event{Title: "EuroPython 2016", Start: talk.MustParseDate("2016-07-17")}, Talks: 181},
		{Event: talk.Event{Title: "ChiPy"}, Talks: 1},
	}
	var page strings.Builder
	r := html.Renderer{SiteName: "Python talks"}
	if err := r.WriteIndex(&page, events, html.PageOptions{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.HasPrefix(line, "<h1>") || strings.HasPrefix(line, "<li>") {
			fmt.Println(line)
		}
	}
	// Output:
	// <h1>Python talks</h1>
	// <li><a href="/events/europython-2016.html" dir="auto">EuroPython 2016</a> <span class="meta"><span><time datetime="2016-07-17">17 July 2016</time></span><span>181 talks</span></span></li>
	// <li><a href="/events/chipy.html" dir="auto">ChiPy</a> <span class="meta"><span>1 talk</span></span></li>
}

// Serve the style once for a whole site: pages link to it instead of
// carrying it inline.
func ExampleRenderer_WriteStyle() {
	r := html.Renderer{StyleSheet: "/style.css"}
	var css, page strings.Builder
	if err := r.WriteStyle(&css); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	if err := r.WriteIndex(&page, nil, html.PageOptions{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Println(strings.Contains(css.String(), "color-scheme: light dark;"))
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.Contains(line, "stylesheet") {
			fmt.Println(line)
		}
	}
	// Output:
	// true
	// <link rel="stylesheet" href="/style.css">
}

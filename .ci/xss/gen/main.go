// Command gen renders two talk pages per hostile string in hostile.json,
// with the string in every field a page shows, for run.mjs to load in
// Chromium: the talk given in a room at its event's place, and away from
// it at a place of its own, the two places a talk page may name.
//
//	go run ./.ci/xss/gen -o DIR .ci/xss/hostile.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/html"
)

func main() {
	out := flag.String("o", "", "directory for the pages")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gen -o DIR hostile.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	must(err)
	var hostile []string
	must(json.Unmarshal(data, &hostile))
	var r html.Renderer
	for i, s := range hostile {
		t := &talk.Talk{
			ID: s, Title: s, Subtitle: s, Summary: s, Description: s, Thumbnail: s, License: s,
			Kind: s, Track: s, Language: talk.Language(s), Tags: []string{s, s},
			Speakers: []talk.Speaker{{Name: s, Homepage: s, Image: s, Affiliation: s, ORCID: s}},
			Event:    talk.Event{ID: s, Title: s, URL: s, Place: talk.Place{Venue: s, Room: s, City: s, Region: s, Country: s}},
			Place:    talk.Place{Room: s},
			Videos: []talk.Video{
				{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=x", ID: s},
				{Provider: talk.Vimeo, URL: "https://vimeo.com/1", ID: s},
				{Provider: talk.File, URL: s},
				{Provider: s, URL: s},
			},
			Links:  []talk.Link{{URL: s, Label: s}},
			Slides: []talk.Link{{URL: s}},
		}
		write(&r, t, filepath.Join(*out, fmt.Sprintf("hostile-%03d.html", i+1)))
		// A talk page names the talk's own place instead of the
		// event's when it gives more than a room.
		t.Place = talk.Place{Venue: s, Room: s, City: s, Region: s, Country: s}
		write(&r, t, filepath.Join(*out, fmt.Sprintf("hostile-%03d-away.html", i+1)))
	}
	fmt.Printf("%d hostile pages\n", 2*len(hostile))
}

// write writes t's page, with its citations, to the file name.
func write(r *html.Renderer, t *talk.Talk, name string) {
	var bib, ris strings.Builder
	_ = cite.WriteBibTeX(&bib, t, cite.Options{})
	_ = cite.WriteRIS(&ris, t)
	f, err := os.Create(name)
	must(err)
	must(r.WriteTalk(f, t, html.PageOptions{Citations: []html.Citation{{Label: t.Title, Text: bib.String()}, {Label: "RIS", Text: ris.String()}}}))
	must(f.Close())
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

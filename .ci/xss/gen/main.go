// Command gen renders one talk page per hostile string in hostile.json,
// with the string in every field a page shows, for run.mjs to load in
// Chromium.
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
			Language: talk.Language(s), Tags: []string{s, s},
			Speakers: []talk.Speaker{{Name: s, Homepage: s, Image: s, Affiliation: s, ORCID: s}},
			Event:    talk.Event{ID: s, Title: s, URL: s, Place: talk.Place{Venue: s, City: s}},
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
		var bib, ris strings.Builder
		_ = cite.WriteBibTeX(&bib, t, cite.Options{})
		_ = cite.WriteRIS(&ris, t)
		f, err := os.Create(filepath.Join(*out, fmt.Sprintf("hostile-%03d.html", i+1)))
		must(err)
		must(r.WriteTalk(f, t, html.PageOptions{Citations: []html.Citation{{Label: s, Text: bib.String()}, {Label: "RIS", Text: ris.String()}}}))
		must(f.Close())
	}
	fmt.Printf("%d hostile pages\n", len(hostile))
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

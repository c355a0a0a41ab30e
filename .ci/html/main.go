// Command html renders every talk of a pyvideo archive to a page in a
// directory, for the W3C checker and the browser checks to read.
//
//	go run ./.ci/html -o DIR CORPUS
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func main() {
	out := flag.String("o", "", "directory for the pages")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: html -o DIR CORPUS")
		os.Exit(2)
	}
	r := html.Renderer{BaseURL: "https://talks.example.org"}
	n := 0
	for t, err := range pyvideo.Talks(os.DirFS(flag.Arg(0))) {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		dir := filepath.Join(*out, t.Event.ID)
		must(os.MkdirAll(dir, 0o755))
		f, err := os.Create(filepath.Join(dir, t.ID+".html"))
		must(err)
		w := bufio.NewWriter(f)
		must(r.WriteTalk(w, t, html.PageOptions{Citations: citations(t)}))
		must(w.Flush())
		must(f.Close())
		n++
	}
	fmt.Printf("%d pages\n", n)
}

// citations gives each page its BibTeX and RIS, as a site would.
func citations(t *talk.Talk) []html.Citation {
	var bib, ris strings.Builder
	if cite.WriteBibTeX(&bib, t, cite.Options{}) != nil || cite.WriteRIS(&ris, t) != nil {
		return nil
	}
	return []html.Citation{{Label: "BibTeX", Text: bib.String()}, {Label: "RIS", Text: ris.String()}}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

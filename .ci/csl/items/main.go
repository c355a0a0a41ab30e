// Command items writes the talks of a pyvideo archive as CSL-JSON with
// talk/cite's mapping (the one talkmeta ships), so that talk/cite/csl can
// be checked against citeproc-js on exactly what users will format.
//
//	go run ./.ci/csl/items [-event-date] CORPUS > items.json
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func main() {
	eventDate := flag.Bool("event-date", false, "add event-date (see cite.Options.EventDate)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: items [-event-date] CORPUS")
		os.Exit(2)
	}
	var talks []*talk.Talk
	for t, err := range pyvideo.Talks(os.DirFS(flag.Arg(0))) {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		talks = append(talks, t)
	}
	w := bufio.NewWriter(os.Stdout)
	if err := cite.WriteAll(w, cite.CSLJSON, talks, cite.Options{EventDate: *eventDate}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

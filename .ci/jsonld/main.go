// Command jsonld writes the JSON-LD of every talk, event and speaker of a
// pyvideo archive (the graphs of their pages) as
// TypeScript declarations typed with schema-dts, in batches, so that tsc
// --strict can check that every property exists and has the right type.
//
// Type checking depends on a graph's shape (its properties, @types and
// kinds of values), not on the text of its strings, and most talks share a
// shape; checking all 13,239 graphs takes tsc minutes. So each graph is
// reduced to its shape (every string but @type and @context values made
// empty, one element of each shape in an array), and each distinct shape
// is written once, with the path of the first talk that has it.
//
// Files named after the corpus, such as talk/jsonld's golden files, add
// the graphs they hold (one or more JSON documents each): constructed
// talks have shapes the corpus lacks (parts, zones, several providers).
//
//	go run ./.ci/jsonld -o DIR CORPUS [GRAPHS.jsonld...]
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func main() {
	out := flag.String("o", "", "directory for the .ts files")
	batch := flag.Int("batch", 2000, "talks per file")
	flag.Parse()
	if *out == "" || flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: jsonld -o DIR CORPUS [GRAPHS.jsonld...]")
		os.Exit(2)
	}
	var f *os.File
	var w *bufio.Writer
	n, files, talks := 0, 0, 0
	seen := make(map[string]bool)
	closeFile := func() {
		if f != nil {
			must(w.Flush())
			must(f.Close())
		}
	}
	emit := func(label string, b []byte) {
		key := shape(b)
		if seen[key] {
			return
		}
		seen[key] = true
		if n%*batch == 0 {
			closeFile()
			var err error
			f, err = os.Create(filepath.Join(*out, fmt.Sprintf("talks%03d.ts", files)))
			must(err)
			w = bufio.NewWriter(f)
			fmt.Fprintln(w, `import type { Graph } from "schema-dts";`)
			files++
		}
		fmt.Fprintf(w, "// %s\nexport const t%d: Graph = %s;\n", label, n, b)
		n++
	}
	opt := jsonld.Options{BaseURL: "https://talks.example.org", PageURL: "https://talks.example.org/page.html",
		TalkURL: func(t *talk.Talk) string { return "https://talks.example.org/" + t.Event.ID + "/" + t.ID + ".html" }}
	events := map[string]*talk.Event{}
	eventTalks := map[string][]*talk.Talk{}
	speakers := map[string]*talk.Speaker{}
	speakerTalks := map[string][]*talk.Talk{}
	for t, err := range pyvideo.Talks(os.DirFS(flag.Arg(0))) {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		b, _, err := jsonld.Marshal(t, opt)
		must(err)
		talks++
		emit(t.Origin.Path, b)
		// Keep what the event and speaker graphs read, not the whole talk.
		slim := &talk.Talk{ID: t.ID, Title: t.Title, Recorded: t.Recorded, Speakers: t.Speakers, Event: talk.Event{ID: t.Event.ID, TimeZone: t.Event.TimeZone}}
		if _, ok := events[t.Event.ID]; !ok {
			ev := t.Event
			events[t.Event.ID] = &ev
		}
		eventTalks[t.Event.ID] = append(eventTalks[t.Event.ID], slim)
		for i := range t.Speakers {
			name := t.Speakers[i].Name
			if _, ok := speakers[name]; !ok {
				speakers[name] = &t.Speakers[i]
			}
			speakerTalks[name] = append(speakerTalks[name], slim)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(events)) {
		b, err := jsonld.MarshalEvent(events[id], eventTalks[id], opt)
		must(err)
		emit("event "+id, b)
	}
	for _, name := range slices.Sorted(maps.Keys(speakers)) {
		b, err := jsonld.MarshalSpeaker(speakers[name], speakerTalks[name], opt)
		must(err)
		emit("speaker "+name, b)
	}
	graphs := 0
	for _, name := range flag.Args()[1:] {
		data, err := os.ReadFile(name)
		must(err)
		// The graphs, one after another, until the text that follows
		// them (a golden file's warnings).
		rest := bytes.TrimSpace(data)
		for i := 0; bytes.HasPrefix(rest, []byte("{")); i++ {
			dec := json.NewDecoder(bytes.NewReader(rest))
			var graph json.RawMessage
			must(dec.Decode(&graph))
			emit(fmt.Sprintf("%s #%d", name, i), graph)
			graphs++
			rest = bytes.TrimSpace(rest[dec.InputOffset():])
		}
	}
	closeFile()
	fmt.Printf("%d talks, %d events, %d speakers and %d graphs from files: %d distinct shapes in %d files\n", talks, len(events), len(speakers), graphs, n, files)
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// shape returns the graph with every string value emptied except those of
// @type and @context, which the types depend on.
func shape(doc []byte) string {
	var v any
	must(json.Unmarshal(doc, &v))
	var strip func(key string, v any) any
	strip = func(key string, v any) any {
		switch v := v.(type) {
		case string:
			if key == "@type" || key == "@context" {
				return v
			}
			return ""
		case []any:
			// The types depend on the shapes of the elements, not on how
			// many there are: keep one element of each shape.
			var kept []any
			have := map[string]bool{}
			for i := range v {
				e := strip(key, v[i])
				k, err := json.Marshal(e)
				must(err)
				if !have[string(k)] {
					have[string(k)] = true
					kept = append(kept, e)
				}
			}
			return kept
		case map[string]any:
			for k := range v {
				v[k] = strip(k, v[k])
			}
		}
		return v
	}
	b, err := json.Marshal(strip("", v))
	must(err)
	return string(b)
}

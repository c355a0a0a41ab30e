// Command jsonld writes the JSON-LD of every talk of a pyvideo archive as
// TypeScript declarations typed with schema-dts, in batches, so that tsc
// --strict can check that every property exists and has the right type.
//
// Type checking depends on a graph's shape (its properties, @types and
// kinds of values), not on the text of its strings, and most talks share a
// shape; checking all 13,239 graphs takes tsc minutes. So each graph is
// reduced to its shape (every string but @type and @context values made
// empty), and each distinct shape is written once, with the path of the
// first talk that has it.
//
//	go run ./.ci/jsonld -o DIR CORPUS
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func main() {
	out := flag.String("o", "", "directory for the .ts files")
	batch := flag.Int("batch", 2000, "talks per file")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: jsonld -o DIR CORPUS")
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
	for t, err := range pyvideo.Talks(os.DirFS(flag.Arg(0))) {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		b, _, err := jsonld.Marshal(t, jsonld.Options{BaseURL: "https://talks.example.org"})
		must(err)
		talks++
		key := shape(b)
		if seen[key] {
			continue
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
		fmt.Fprintf(w, "// %s\nexport const t%d: Graph = %s;\n", t.Origin.Path, n, b)
		n++
	}
	closeFile()
	fmt.Printf("%d talks, %d distinct shapes in %d files\n", talks, n, files)
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
			for i := range v {
				v[i] = strip(key, v[i])
			}
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

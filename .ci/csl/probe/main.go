// Command probe formats CSL-JSON items in one style with talk/cite/csl
// every way probe.mjs formats them with citeproc-js, and prints the same
// JSON, so the two can be diffed (see probe.sh). Run by hand; CI does
// not use it.
//
//	go run ./.ci/csl/probe STYLE.csl LOCALE.xml ITEMS.json > OUT.json
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

type pair struct {
	Text string `json:"text"`
	HTML string `json:"html"`
}

type itemOut struct {
	ID       string `json:"id"`
	Entry    pair   `json:"entry"`
	Citation pair   `json:"citation"`
}

type out struct {
	Items        []itemOut `json:"items"`
	Bibliography pair      `json:"bibliography"`
	Cluster      pair      `json:"cluster"`
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: probe STYLE.csl LOCALE.xml ITEMS.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(stylePath, localePath, itemsPath string) error {
	data, err := os.ReadFile(stylePath)
	if err != nil {
		return err
	}
	style, err := csl.ParseStyle(data)
	if err != nil {
		return err
	}
	if data, err = os.ReadFile(localePath); err != nil {
		return err
	}
	loc, err := csl.ParseLocale(data)
	if err != nil {
		return err
	}
	pr, err := csl.New(style, loc)
	if err != nil {
		return err
	}
	if data, err = os.ReadFile(itemsPath); err != nil {
		return err
	}
	items, err := csl.ParseItems(data)
	if err != nil {
		return err
	}
	var o out
	both := func(fn func(csl.Format) (string, error)) pair {
		var p pair
		for _, f := range []csl.Format{csl.Text, csl.HTML} {
			s, err := fn(f)
			if err != nil {
				s = "ERROR " + err.Error()
			}
			if f == csl.Text {
				p.Text = s
			} else {
				p.HTML = s
			}
		}
		return p
	}
	for _, it := range items {
		io := itemOut{ID: it.ID, Citation: both(func(f csl.Format) (string, error) { return pr.Citation(f, it) })}
		if pr.HasBibliography() {
			io.Entry = both(func(f csl.Format) (string, error) { return pr.Entry(f, it) })
		}
		o.Items = append(o.Items, io)
	}
	o.Bibliography = both(func(f csl.Format) (string, error) {
		if !pr.HasBibliography() {
			return "", nil
		}
		return pr.Bibliography(f, items...)
	})
	o.Cluster = both(func(f csl.Format) (string, error) { return pr.Cite(f, items...) })
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(o)
}

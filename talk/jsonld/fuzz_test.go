package jsonld_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// FuzzWrite renders any readable pyvideo record and asserts that the
// output is valid JSON whose strings cannot end a script element, with a
// graph whose first node is the talk and whose nodes all carry its
// description.
func FuzzWrite(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(archive, "*", "videos", "*.json"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tk, err := pyvideo.ParseTalk(data, "ev/videos/t.json")
		if err != nil {
			return
		}
		out, _, err := jsonld.Marshal(tk, jsonld.Options{BaseURL: "https://x.example"})
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(string(out), "<>&\u2028\u2029") {
			t.Fatalf("unsafe character in output: %s", out)
		}
		var doc struct {
			Graph []map[string]any `json:"@graph"`
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, out)
		}
		if len(doc.Graph) != 1+len(tk.Videos) || doc.Graph[0]["@type"] != "Event" {
			t.Fatalf("graph has %d nodes for %d videos", len(doc.Graph), len(tk.Videos))
		}
		if tk.Title != "" && doc.Graph[0]["name"] != tk.Title {
			t.Fatalf("name %q, want %q", doc.Graph[0]["name"], tk.Title)
		}
		// Every node repeats the talk's description (written once, then
		// copied).
		for i, n := range doc.Graph[1:] {
			if n["description"] != doc.Graph[0]["description"] {
				t.Fatalf("video node %d has description %q, the talk %q", i+1, n["description"], doc.Graph[0]["description"])
			}
		}
	})
}

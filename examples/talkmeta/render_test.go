package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRenderMany renders several talks: as one JSON-LD document, one
// calendar named neutrally when its talks are of several events, and no
// stream of HTML pages.
func TestRenderMany(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"jsonld.txt", []string{"-to", "jsonld", "-base", "https://talks.example.org", archive + "/chipy", archive + "/europython-2016"}},
		{"ics.txt", []string{"-to", "ics", archive + "/chipy", archive + "/europython-2016"}},
		{"html.txt", []string{"-to", "html", archive + "/chipy"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "render-many/"+tt.name, runCommand("", append([]string{"render"}, tt.args...)...))
		})
	}
}

// TestRenderJSONLDArray checks that the JSON-LD of several talks is one
// JSON document whose elements are the documents of each talk alone.
func TestRenderJSONLDArray(t *testing.T) {
	files, _ := filepath.Glob(archive + "/*/videos/*.json")
	if len(files) < 2 {
		t.Fatalf("%d talk files, want several", len(files))
	}
	all := runCommand("", append([]string{"render", "-to", "jsonld"}, files...)...)
	if all.status != 0 || all.stderr != "" {
		t.Fatalf("render = %+v", all)
	}
	var got []any
	if err := json.Unmarshal([]byte(all.stdout), &got); err != nil {
		t.Fatalf("not one JSON document: %v", err)
	}
	var want []any
	for _, f := range files {
		one := runCommand("", "render", "-to", "jsonld", f)
		var doc any
		if err := json.Unmarshal([]byte(one.stdout), &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want = append(want, doc)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-each alone +all at once):\n%s", diff)
	}
}

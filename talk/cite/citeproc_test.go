package cite

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
)

// sharedCSL holds the official styles and locales.
const sharedCSL = "../../../shared/csl"

// citeprocStyles are the styles the talkmeta command offers by name.
var citeprocStyles = []string{"apa", "modern-language-association", "chicago-author-date", "ieee", "harvard-cite-them-right"}

// TestCiteprocEventDate formats the seed talk and the hostile talk with
// citeproc-js (.ci/bibtex/render-csl.mjs, which TALKMETA_BIBTEX_CHECK
// names) in every shared style, with and without event-date, and keeps
// the references in testdata/citeproc.txt: they show the trade-off
// Options.EventDate documents, and are what a CSL engine must print.
func TestCiteprocEventDate(t *testing.T) {
	dir, _ := bibtexCheck(t, "node", "render-csl.mjs, with node_modules installed", ".ci/bibtex/check.sh runs it where node is")
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skipf("the shared CSL styles are not at %s", sharedCSL)
	}
	var seed *talk.Talk
	for _, tk := range archiveTalks(t) {
		if tk.Event.ID == "europython-2016" {
			seed = tk
		}
	}
	talks := []*talk.Talk{seed, hostileTalk()}
	var out bytes.Buffer
	refs := map[string][]string{} // style and event-date → the seed's text, the hostile talk's text
	for _, eventDate := range []bool{false, true} {
		var items bytes.Buffer
		if err := WriteAll(&items, CSLJSON, talks, Options{EventDate: eventDate}); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "items.json")
		if err := os.WriteFile(file, items.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, style := range citeprocStyles {
			got, err := runNode(filepath.Join(dir, "render-csl.mjs"),
				filepath.Join(sharedCSL, style+".csl"), filepath.Join(sharedCSL, "locales-en-US.xml"), file)
			if err != nil {
				t.Fatal(err)
			}
			var entries []struct{ ID, Text, HTML string }
			if err := json.Unmarshal(got, &entries); err != nil {
				t.Fatal(err)
			}
			name := style
			if eventDate {
				name += " with event-date"
			}
			out.WriteString("== " + name + "\n")
			for _, e := range entries {
				out.WriteString(e.Text + "\n" + e.HTML + "\n")
				refs[name] = append(refs[name], e.Text)
			}
		}
	}
	goldenFile(t, "citeproc.txt", out.Bytes())

	// The trade-off, on the seed talk.
	for name, want := range map[string]int{"apa": 1, "apa with event-date": 2,
		"chicago-author-date": 1, "chicago-author-date with event-date": 2,
		"modern-language-association": 0, "modern-language-association with event-date": 1} {
		got := refs[name][0]
		if n := strings.Count(got, "August 4") + strings.Count(got, "4 Aug."); n != want {
			t.Errorf("%s: the day %d times, want %d: %q", name, n, want, got)
		}
	}
}

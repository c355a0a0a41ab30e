package rst

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// message is a diagnostic as testdata/docutils-expect.py records one:
// [level, line, text].
type message [3]any

func messagesOf(d *Document) []message {
	var out []message
	for _, m := range d.Diagnostics {
		out = append(out, message{float64(m.Level), float64(m.Line), m.Message})
	}
	return out
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestCasesMatchDocutils holds Parse to what docutils 0.19 reports, at
// every level, for texts that exercise each construct and each message
// (testdata/cases.json, expectations made by testdata/docutils-expect.py),
// and, when TALKMETA_RST_CASES names one, for a file of texts that
// docutils-expect.py made expectations of (testdata/random-cases.py
// writes random ones).
func TestCasesMatchDocutils(t *testing.T) {
	type docutilsCase struct {
		Text     string
		Messages []message
	}
	var cases []docutilsCase
	readJSON(t, "cases-docutils.json", &cases)
	if len(cases) < 100 {
		t.Fatalf("only %d cases", len(cases))
	}
	if name := os.Getenv("TALKMETA_RST_CASES"); name != "" {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var more []docutilsCase
		if err := json.Unmarshal(data, &more); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cases = append(cases, more...)
	}
	for _, c := range cases {
		if diff := cmp.Diff(c.Messages, messagesOf(Parse(c.Text)), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%q (-docutils +rst):\n%s", c.Text, diff)
		}
		if diff := cmp.Diff(Parse(c.Text).Diagnostics, Check(c.Text), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%q: Check differs from Parse (-Parse +Check):\n%s", c.Text, diff)
		}
	}
}

// TestCorpusMatchesDocutils parses every description and summary of the
// pyvideo corpus and requires the messages docutils reports for it, no
// more and no fewer, at every level.
func TestCorpusMatchesDocutils(t *testing.T) {
	dir := os.Getenv("TALKMETA_CORPUS")
	if dir == "" {
		t.Skip("TALKMETA_CORPUS is not set; set it to the pyvideo corpus (../shared/corpus/pyvideo) to hold the parser to docutils over it")
	}
	var want struct {
		Fields   int
		Messages []struct {
			File, Field string
			Messages    []message
		}
	}
	readJSON(t, "corpus-docutils.json", &want)
	expected := map[[2]string][]message{}
	for _, m := range want.Messages {
		expected[[2]string{m.File, m.Field}] = m.Messages
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "videos", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	fields, agree := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rec map[string]any
		if err := json.Unmarshal(data, &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		rel, _ := filepath.Rel(dir, f)
		for _, field := range []string{"description", "summary"} {
			fields++
			text, _ := rec[field].(string)
			doc := Parse(text)
			got := messagesOf(doc)
			if diff := cmp.Diff(doc.Diagnostics, Check(text), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s %s: Check differs from Parse (-Parse +Check):\n%s", rel, field, diff)
			}
			if diff := cmp.Diff(expected[[2]string{filepath.ToSlash(rel), field}], got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s %s (-docutils +rst):\n%s", rel, field, diff)
				continue
			}
			agree++
		}
	}
	if fields != want.Fields {
		t.Errorf("%d fields parsed; docutils parsed %d (has the corpus changed? rerun testdata/docutils-expect.py)", fields, want.Fields)
	}
	t.Logf("%d of %d descriptions and summaries: the same messages as docutils", agree, fields)
}

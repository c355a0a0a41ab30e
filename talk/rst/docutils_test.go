package rst

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

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
	fields, agree := 0, 0
	eachCorpusField(t, dir, "*", func(rel, field, text string) {
		fields++
		doc := Parse(text)
		got := messagesOf(doc)
		if diff := cmp.Diff(doc.Diagnostics, Check(text), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s %s: Check differs from Parse (-Parse +Check):\n%s", rel, field, diff)
		}
		if diff := cmp.Diff(expected[[2]string{rel, field}], got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s %s (-docutils +rst):\n%s", rel, field, diff)
			return
		}
		agree++
	})
	if fields != want.Fields {
		t.Errorf("%d fields parsed; docutils parsed %d (has the corpus changed? rerun testdata/docutils-expect.py)", fields, want.Fields)
	}
	t.Logf("%d of %d descriptions and summaries: the same messages as docutils", agree, fields)
}

// TestCorpusTextMatchesDocutils renders every description and summary of
// the pyvideo corpus and requires the text a reader sees, white space
// aside, to be the text docutils' HTML5 writer shows of it: nothing left
// out (a block an empty comment was taken to hold), nothing changed (a
// reference shown without its "_"). testdata/corpus-text-docutils.json
// holds a digest of each event's fields' texts, so that the test needs
// no docutils; for an event that differs, docutils-expect.py lists its
// fields' digests, to set beside the ones this test logs.
func TestCorpusTextMatchesDocutils(t *testing.T) {
	dir := os.Getenv("TALKMETA_CORPUS")
	if dir == "" {
		t.Skip("TALKMETA_CORPUS is not set; set it to the pyvideo corpus (../shared/corpus/pyvideo) to hold the rendered text to docutils' over it")
	}
	var want struct{ Events map[string]string }
	readJSON(t, "corpus-text-docutils.json", &want)
	events, err := filepath.Glob(filepath.Join(dir, "*", "videos"))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != len(want.Events) {
		t.Errorf("%d events; docutils read %d (has the corpus changed? rerun testdata/docutils-expect.py)", len(events), len(want.Events))
	}
	for _, videos := range events {
		event := filepath.Base(filepath.Dir(videos))
		lines := fieldTextLines(t, dir, event)
		if got := digest(strings.Join(lines, "")); got != want.Events[event] {
			t.Errorf("%s: the text shown differs from docutils'; its fields (python3 testdata/docutils-expect.py text %s %s):\n%s",
				event, dir, event, strings.Join(lines, ""))
		}
	}
}

// fieldTextLines is docutils-expect.py's field_lines: a line for each
// description and summary of the event's talks, with a digest of the
// text rendered, but for those with math, which docutils writes as
// MathML and WriteHTML as its source.
func fieldTextLines(t *testing.T, dir, event string) []string {
	var lines []string
	eachCorpusField(t, dir, event, func(rel, field, text string) {
		if strings.Contains(text, ":math:") || strings.Contains(text, "math::") {
			return
		}
		var b strings.Builder
		if err := WriteHTML(&b, Parse(text), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, rel+"\t"+field+"\t"+digest(shownText(b.String()))+"\n")
	})
	slices.Sort(lines)
	return lines
}

// eachCorpusField calls f with the description and then the summary of
// each talk of the events under dir that event matches ("*" for all):
// the talk file's path within dir, with slashes, the field's name and
// its text.
func eachCorpusField(t *testing.T, dir, event string, f func(rel, field, text string)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, event, "videos", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var rec map[string]any
		if err := json.Unmarshal(data, &rec); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		rel, _ := filepath.Rel(dir, file)
		for _, field := range []string{"description", "summary"} {
			text, _ := rec[field].(string)
			f(filepath.ToSlash(rel), field, text)
		}
	}
}

// markupRE is what shownText drops of HTML: comments and tags.
var markupRE = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)

// shownText is the text HTML shows, without white space (Python's, as
// docutils-expect.py drops it: the information separators too), so that
// two writers' layouts of the same text compare equal.
func shownText(h string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f {
			return -1
		}
		return r
	}, html.UnescapeString(markupRE.ReplaceAllString(h, "")))
}

// digest is docutils-expect.py's: the first 16 hex digits of SHA-256.
func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

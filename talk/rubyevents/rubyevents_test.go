package rubyevents_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

func errorList(t testing.TB, err error) talk.ErrorList {
	t.Helper()
	if err == nil {
		return nil
	}
	var l talk.ErrorList
	if !errors.As(err, &l) {
		t.Fatalf("%T is not an ErrorList: %v", err, err)
	}
	for _, e := range l {
		var le *talk.LimitError
		if e.Line == 0 && !errors.As(e, &le) {
			t.Errorf("error without a line: %v", e)
		}
		if !strings.Contains(e.Error(), "rubyevents: ") {
			t.Errorf("error does not name the package: %v", e)
		}
	}
	return l
}

// TestRead reads the test data directory: events, talks with their parts,
// and every problem with its position.
func TestRead(t *testing.T) {
	a, err := rubyevents.Read(os.DirFS("testdata/data"))
	var b strings.Builder
	for _, ev := range a.Events {
		out, _ := json.MarshalIndent(ev, "", "  ")
		b.WriteString("event: " + string(out) + "\n")
	}
	for _, tk := range a.Talks {
		c := *tk
		c.Event = talk.Event{ID: tk.Event.ID}
		out, err := json.MarshalIndent(c, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("talk: " + string(out) + "\n")
		// Every talk is valid talkmeta JSON: it reads back.
		if _, err := talk.ParseJSON(out, tk.ID); err != nil {
			t.Errorf("talk %q does not read back: %v", tk.ID, err)
		}
	}
	for _, e := range errorList(t, err) {
		b.WriteString("error: " + e.Error() + "\n")
	}
	golden(t, "read.golden", b.String())
}

func TestLanguage(t *testing.T) {
	for in, want := range map[string]talk.Language{
		"English": "en", "japanese": "ja", "Spanish": "es", "Portuguese": "pt",
		"Brazilian Portuguese": "pt-BR", "ja": "ja", "pt-BR": "pt-BR", "eng": "en",
	} {
		if got, ok := rubyevents.Language(in); !ok || got != want {
			t.Errorf("Language(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Klingon", "", "Englisch"} {
		if got, ok := rubyevents.Language(in); ok {
			t.Errorf("Language(%q) = %q, want not known", in, got)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	_, err := rubyevents.ParseVideos([]byte("- id: a\n  title: [unclosed\n"), "videos.yml", &talk.Event{}, nil)
	l := errorList(t, err)
	if len(l) != 1 || l[0].Line == 0 || !strings.Contains(l[0].Error(), "invalid YAML") {
		t.Errorf("got %v, want one positioned YAML error", err)
	}
}

func FuzzParseVideos(f *testing.F) {
	for _, n := range []string{"testdata/data/tinyconf/tinyconf-2025/videos.yml", "testdata/data/tinyconf/tinyconf-2024/videos.yml", "testdata/data/speakers.yml"} {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		talks, err := rubyevents.ParseVideos(data, "fuzz.yml", &talk.Event{}, nil)
		errorList(t, err)
		for _, tk := range talks {
			if _, err := json.Marshal(tk); err != nil {
				t.Fatal(err)
			}
		}
		_, err = rubyevents.ParseSpeakers(data, "fuzz.yml")
		errorList(t, err)
		_, err = rubyevents.ParseEvent(data, "x/fuzz.yml")
		errorList(t, err)
	})
}

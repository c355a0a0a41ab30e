package pyvideo_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// jsonValue compares Extra members as the JSON values they hold: the
// canonical form sorts the keys of nested objects, as Python's sort_keys
// does, so their order is not kept.
var jsonValue = cmp.Transformer("jsonValue", func(raw json.RawMessage) any {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return string(raw)
	}
	return v
})

// FuzzParseTalk asserts, for any input: no panic; a failure is a
// *talk.RecordError whose line and column lie within the input; a success
// writes back canonical JSON that reads again to the same model, and
// writing that again changes nothing.
func FuzzParseTalk(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(archive, "*", "videos", "*.json"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"related_urls": ["x", {"label": "l", "url": "u"}], "duration": 1.5e3, "recorded": "2016-07-21T10:00:00+02:00"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "ev/videos/t.json"
		tk, err := pyvideo.ParseTalk(data, path)
		if err != nil {
			var re *talk.RecordError
			if !errors.As(err, &re) || re.Path != path {
				t.Fatalf("error %v is not a *talk.RecordError for %s", err, path)
			}
			if re.Line > bytes.Count(data, []byte("\n"))+1 || re.Line < 0 || re.Column < 0 {
				t.Fatalf("error %v points outside the input", err)
			}
			return
		}
		out, err := pyvideo.MarshalTalk(tk)
		if err != nil {
			t.Fatalf("MarshalTalk: %v", err)
		}
		back, err := pyvideo.ParseTalk(out, path)
		if err != nil {
			t.Fatalf("canonical output does not read back: %v\n%s", err, out)
		}
		if diff := cmp.Diff(tk, back, cmp.AllowUnexported(talk.Date{}), cmp.FilterPath(func(p cmp.Path) bool {
			return p.Last().String() == ".Origin"
		}, cmp.Ignore()), jsonValue); diff != "" {
			t.Fatalf("model changed through canonical output (-first +second):\n%s", diff)
		}
		again, err := pyvideo.MarshalTalk(back)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("writing the canonical form again changed it:\n%s\n---\n%s", out, again)
		}
	})
}

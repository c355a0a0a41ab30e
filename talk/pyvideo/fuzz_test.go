package pyvideo_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/jsonx"
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
// writes back canonical JSON that is the same JSON value as the input, as
// MarshalTalk promises, and reads again to the same model, and writing
// that again changes nothing.
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
	// Numbers whose float64 is another value: the writer once wrote them so.
	f.Add([]byte(`{"duration": 1508.00000000000000001, "x": [1e-400, 0.1234567890123456789, 1e400, -0.0]}`))
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
			// A member given twice is placed at its second name, where
			// the pointer leads to both of its values.
			var dup *jsonx.SyntaxError
			if re.Pointer != "" && !errors.As(err, &dup) && !slices.Contains(pointerPositions(data, re.Pointer), [2]int{re.Line, re.Column}) {
				t.Fatalf("error %v: its pointer leads to %v, not to its line and column", err, pointerPositions(data, re.Pointer))
			}
			return
		}
		out, err := pyvideo.MarshalTalk(tk)
		if err != nil {
			t.Fatalf("MarshalTalk: %v", err)
		}
		if diff := cmp.Diff(decodeValue(t, data), decodeValue(t, out)); diff != "" {
			t.Fatalf("canonical output is not the same JSON value as the input (-in +out):\n%s", diff)
		}
		back, err := pyvideo.ParseTalk(out, path)
		if err != nil {
			t.Fatalf("canonical output does not read back: %v\n%s", err, out)
		}
		if diff := cmp.Diff(tk, back, cmp.FilterPath(func(p cmp.Path) bool {
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

// pointerPositions returns the line and column of every value the JSON
// pointer ptr can lead to in data: more than one where an object repeats
// a member's name.
func pointerPositions(data []byte, ptr string) [][2]int {
	values := []jsonx.Value{{Raw: data}}
	for _, tok := range strings.Split(ptr, "/")[1:] {
		var next []jsonx.Value
		for _, v := range values {
			if ms, err := jsonx.Object(v.Raw, v.Offset); err == nil {
				for _, m := range ms {
					if m.Name == jsonx.UnescapePointerToken(tok) {
						next = append(next, m.Value)
					}
				}
			} else if es, err := jsonx.Array(v.Raw, v.Offset); err == nil {
				if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(es) {
					next = append(next, es[i])
				}
			}
		}
		values = next
	}
	var out [][2]int
	for _, v := range values {
		line, col := jsonx.Position(data, v.Offset)
		out = append(out, [2]int{line, col})
	}
	return out
}

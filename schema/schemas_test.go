package schema

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
)

// TestSchemasDescribeEveryProperty walks every embedded schema: its $id is
// the stable URL the package promises, and every property says what it
// is for, since the schemas are published as documentation.
func TestSchemasDescribeEveryProperty(t *testing.T) {
	ids := map[string]string{
		"talk.json": TalkID, "speaker.json": SpeakerID, "event.json": EventID,
		"pyvideo/talk.json": PyvideoTalkID, "pyvideo/category.json": PyvideoCategoryID,
	}
	n := 0
	err := fs.WalkDir(Files(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		data, err := fs.ReadFile(Files(), p)
		if err != nil {
			return err
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if doc["$id"] != ids[p] {
			t.Errorf("%s: $id %v, want %s", p, doc["$id"], ids[p])
		}
		if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema %v, want draft 2020-12", p, doc["$schema"])
		}
		checkDescribed(t, p, "", doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(ids) {
		t.Errorf("%d schema files, want %d", n, len(ids))
	}
	if _, err := load(); err != nil {
		t.Fatalf("the schemas do not compile: %v", err)
	}
}

func checkDescribed(t *testing.T, file, ptr string, v any) {
	obj, ok := v.(map[string]any)
	if !ok {
		if list, ok := v.([]any); ok {
			for i, e := range list {
				checkDescribed(t, file, at(ptr).item(i).String(), e)
			}
		}
		return
	}
	if props, ok := obj["properties"].(map[string]any); ok {
		for name, p := range props {
			if d, _ := p.(map[string]any)["description"].(string); d == "" {
				t.Errorf("%s#%s/properties/%s has no description", file, ptr, name)
			}
		}
	}
	for k, e := range obj {
		checkDescribed(t, file, pointerJoin(ptr, k), e)
	}
}

// TestSchemasDescribeTheChecks holds descriptions to what the validator
// checks beyond the schema's own constraints, which other validators
// reading the published schemas do not: each slug's description names
// what a slug must not hold, and a link's says it may be relative (a
// warning, not an error).
func TestSchemasDescribeTheChecks(t *testing.T) {
	descriptions := map[string]string{}
	for _, f := range []struct{ file, ptr string }{
		{"talk.json", "/properties/slug"},
		{"speaker.json", "/properties/slug"},
		{"talk.json", "/$defs/link/properties/url"},
	} {
		data, err := fs.ReadFile(Files(), f.file)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		for _, tok := range strings.Split(f.ptr, "/")[1:] {
			v = v.(map[string]any)[tok]
		}
		descriptions[f.file+"#"+f.ptr], _ = v.(map[string]any)["description"].(string)
	}
	for at, d := range descriptions {
		want := []string{"/", "?", "#", "%", `\`, "white space", ". or .."}
		if strings.HasSuffix(at, "/url") {
			want = []string{"absolute http(s)", "relative"}
		}
		for _, w := range want {
			if !strings.Contains(d, w) {
				t.Errorf("%s: the description %q does not say %q", at, d, w)
			}
		}
	}
}

package schema

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// FuzzValue holds the checks' view of a record's bytes (value and
// object) to the tree jsonx.Decode builds of them, which the checks read
// before: every string, null, list, member and unknown name the same.
func FuzzValue(f *testing.F) {
	for _, s := range []string{
		`{"title": "T", "speakers": ["A", "B\u00e9"], "videos": [{"url": "https://x", "type": "a"}], "description": null}`,
		`{"a\u0062": 1.5e3, "c": [[], {}, [1, {"d": "\"e\""}]], "f": true, "g": false, "h": "", "related_urls": ["x", {"url": "y"}]}`,
		`[1, "a", null]`, `"text"`, `12`, ` {"x" : { "y" : [ "z" ] } } `,
	} {
		f.Add([]byte(s))
	}
	props := map[string]*jsonschema.Schema{"title": nil, "speakers": nil, "c": nil}
	f.Fuzz(func(t *testing.T, data []byte) {
		tree, err := jsonx.Decode(data, 0)
		if err != nil {
			return
		}
		obj, isObject := readObject(data)
		m, isMap := tree.(map[string]any)
		if isObject != isMap {
			t.Fatalf("readObject(%q) says object=%v, the tree is %T", data, isObject, tree)
		}
		if isObject {
			holdObject(t, obj, m, props)
		}
	})
}

func holdObject(t *testing.T, obj object, m map[string]any, props map[string]*jsonschema.Schema) {
	t.Helper()
	if len(obj.members) != len(m) {
		t.Fatalf("%d members, the tree has %d", len(obj.members), len(m))
	}
	for name, want := range m {
		v, ok := obj.lookup(name)
		if !ok {
			t.Fatalf("no member %q", name)
		}
		holdValue(t, v, want, props)
	}
	if _, ok := obj.lookup("\x00absent"); ok {
		t.Fatal("found a member that is not there")
	}
	var unknown []string
	for name := range m {
		if _, ok := props[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	got := obj.unknown(props)
	slices.Sort(unknown)
	slices.Sort(got)
	if diff := cmp.Diff(unknown, got); diff != "" {
		t.Fatalf("unknown members (-tree +object):\n%s", diff)
	}
}

func holdValue(t *testing.T, v value, want any, props map[string]*jsonschema.Schema) {
	t.Helper()
	if diff := cmp.Diff(want, v.decode()); diff != "" {
		t.Fatalf("%s decodes (-tree +value):\n%s", v, diff)
	}
	s, ok := v.text()
	if ws, wok := want.(string); s != ws || ok != wok {
		t.Fatalf("%s.text() = %q, %v; the tree has %#v", v, s, ok, want)
	}
	if v.isNull() != (want == nil) {
		t.Fatalf("%s.isNull() = %v; the tree has %#v", v, v.isNull(), want)
	}
	list, _ := want.([]any)
	if v.count() != len(list) {
		t.Fatalf("%s.count() = %d; the tree has %d items", v, v.count(), len(list))
	}
	n := 0
	for i, item := range v.items() {
		if i != n {
			t.Fatalf("%s: item %d yielded as %d", v, n, i)
		}
		holdValue(t, item, list[i], props)
		n++
	}
	obj, isObject := v.object()
	m, isMap := want.(map[string]any)
	if isObject != isMap {
		t.Fatalf("%s.object() says object=%v; the tree has %T", v, isObject, want)
	}
	if isObject {
		holdObject(t, obj, m, props)
	}
	if _, isNumber := want.(json.Number); isNumber != (v[0] == '-' || v[0] >= '0' && v[0] <= '9') {
		t.Fatalf("%s: the tree has %#v", v, want)
	}
}

// FuzzHasEdgeSpace holds hasEdgeSpace, which looks at a string's first
// and last characters, to strings.TrimFunc, which the check used.
func FuzzHasEdgeSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a\u00a0", "\u3000a", "\xff", "a\xe2\x80", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasEdgeSpace([]byte(s)), strings.TrimFunc(s, unicode.IsSpace) != s; got != want {
			t.Errorf("hasEdgeSpace(%q) = %v, want %v", s, got, want)
		}
	})
}

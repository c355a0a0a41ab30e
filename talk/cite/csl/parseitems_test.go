package csl_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// TestParseItemsErrors reports a malformed item at its syntax error's
// own line and column, not at where the item starts, and an item that
// reads but is wrong at where it starts.
func TestParseItemsErrors(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"first item", `[{"id":"a","type":"book","title":"x" "y"}]`,
			`csl: item (1:38): invalid character '"' after object key:value pair`},
		{"second item", "[{\"id\":\"a\",\"type\":\"book\"},\n {\"id\":\"b\",\n  \"title\": tru}]",
			`csl: item (3:15): invalid character '}' in literal true (expecting 'e')`},
		{"nested", `[{"id":"a","author":[{"family":"x" "y"}]}]`,
			`csl: item (1:36): invalid character '"' after object key:value pair`},
		{"one object", "\n  {\"id\":\"a\",\"title\":\"x\" \"y\"}",
			`csl: item (2:25): invalid character '"' after object key:value pair`},
		{"cut short", "[{\"id\":\"a\",\n", `csl: item (2:1): unexpected end of JSON input`},
		{"not JSON", "  x", `csl: item (1:3): invalid character 'x' looking for beginning of value`},
		{"wrong type", `[{"id":"a"}, {"id":"b","type":"book","title":5}]`,
			`csl: item "b" (1:14) /title: must be a string`},
		{"one object of a wrong type", ` {"id":"a","title":5}`,
			`csl: item "a" (1:2) /title: must be a string`},
		// The pointer of a name's error lacked the name's index
		// ("/author/family").
		{"second name", `[{"id":"a","author":[{"family":"x"},{"family":5}]}]`,
			`csl: item "a" (1:2) /author/1/family: must be a string`},
		{"name not an object", `[{"id":"a","editor":[{"family":"x"},{"given":"y"},"z"]}]`,
			`csl: item "a" (1:2) /editor/2: a name must be an object`},
		// null was read as an empty item, without a word.
		{"null item", "[{\"id\":\"a\"},\n null]", `csl: item (2:2): want an object, got null`},
		// A date part that is no number made the date none, without a
		// word.
		{"date part not a number", `[{"id":"x","type":"book","issued":{"date-parts":[["2016", "x"]]}}]`,
			`csl: item "x" (1:2) /issued/date-parts/0/1: "x" is not a number; write one such as 2016`},
		// Text that is not UTF-8 was read with U+FFFD in place of its
		// bad bytes, without a word.
		{"Latin-1", "[{\"id\":\"a\",\n  \"title\":\"Caf\xe9\"}]", `csl: item (2:15): invalid UTF-8 (byte 0xe9); CSL-JSON must be UTF-8`},
		{"byte order mark", "\ufeff[{\"id\":\"a\"}]", `csl: item (1:1): invalid JSON: the file starts with a byte order mark (U+FEFF), which JSON must not; save it as UTF-8 without one`},
		{"UTF-16", "[\x00{\x00}\x00]\x00", `csl: item (1:1): invalid JSON: the file is UTF-16 (little-endian); JSON must be UTF-8`},
		// Pointers escape "/" and "~" in keys, and go down into names
		// and dates by index.
		{"key with a slash", `[{"id":"a","ti/tle":"x"}]`, `csl: item "a" (1:2) /ti~1tle: unknown variable`},
		{"name key with a tilde", `[{"id":"a","author":[{"fa~mily":"x"}]}]`, `csl: item "a" (1:2) /author/0/fa~0mily: unknown name property`},
		{"date key with a slash", `[{"id":"a","issued":{"li/t":"x"}}]`, `csl: item "a" (1:2) /issued/li~1t: unknown date property`},
		{"end of a range", `[{"id":"a","issued":{"date-parts":[[2016],[2017,"x"]]}}]`,
			`csl: item "a" (1:2) /issued/date-parts/1/1: "x" is not a number; write one such as 2016`},
		{"date part an object", `[{"id":"a","issued":{"date-parts":[[2016,{}]]}}]`,
			`csl: item "a" (1:2) /issued/date-parts/0/1: must be a string or a number`},
		{"season an array", `[{"id":"a","issued":{"season":[1]}}]`, `csl: item "a" (1:2) /issued/season: must be a string or a number`},
		{"circa an array", `[{"id":"a","issued":{"circa":[1]}}]`, `csl: item "a" (1:2) /issued/circa: must be a string, number or boolean`},
		{"comma-suffix an array", `[{"id":"a","author":[{"family":"x","comma-suffix":[]}]}]`,
			`csl: item "a" (1:2) /author/0/comma-suffix: must be a string, number or boolean`},
		{"date not an object", `[{"id":"a","issued":5}]`, `csl: item "a" (1:2) /issued: a date must be an object`},
		{"names not an array", `[{"id":"a","author":"x"}]`, `csl: item "a" (1:2) /author: must be an array of name objects`},
		{"id a boolean", `[{"id":true}]`, `csl: item (1:2) /id: must be a string or a number`},
		{"type a number", `[{"id":"a","type":5}]`, `csl: item "a" (1:2) /type: must be a string`},
		{"number variable a boolean", `[{"id":"a","volume":true}]`, `csl: item "a" (1:2) /volume: must be a string or a number`},
		{"after CRLF and tabs", "[\r\n\t{\"id\":\"a\"},\r\n\t{\"id\":\"b\",\"x\":1}]", `csl: item "b" (3:2) /x: unknown variable`},
		{"not an array", `5`, `csl: item (1:1): CSL-JSON must be an array of items`},
		{"not an array, after blank lines", "\n\n  \"items\"", `csl: item (3:3): CSL-JSON must be an array of items`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := csl.ParseItems([]byte(tt.in))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestItemErrorParts: an ItemError leaves out what it does not know, a
// column among them, which it wrote as 0.
func TestItemErrorParts(t *testing.T) {
	var got []string
	for _, e := range []*csl.ItemError{
		{Message: "bad"},
		{ID: "x", Pointer: "/title", Message: "bad"},
		{ID: "x", Line: 2, Message: "bad"},
		{Line: 2, Column: 7, Pointer: "/title", Message: "bad"},
	} {
		got = append(got, e.Error())
	}
	want := []string{`csl: item: bad`, `csl: item "x" /title: bad`, `csl: item "x" (2): bad`, `csl: item (2:7) /title: bad`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseItemsValues reads values as citeproc-js does: a numeric id as
// text, date parts as parseInt reads them ("+2016" is 2016, " 5 " 5),
// an empty part as the end of the date (an end of empty parts as no
// end), and name flags as JavaScript
// tests them ("false" is true, 0 false, -1 true).
func TestParseItemsValues(t *testing.T) {
	in := `[{"id":7,"issued":{"date-parts":[["+2016","-3"," 5 "]]},"accessed":{"date-parts":[[2016,7],["",""]]},` +
		`"author":[{"family":"x","parse-names":"false","comma-suffix":0,"static-ordering":"x"},{"family":"y","parse-names":0,"comma-suffix":-1}]}]`
	items, err := csl.ParseItems([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []*csl.Item{{
		ID: "7",
		Names: map[string][]csl.Name{"author": {
			{Family: "x", StaticOrdering: true},
			{Family: "y", NoParse: true, CommaSuffix: true},
		}},
		Dates: map[string]csl.Date{
			"issued":   {Parts: [][]int{{2016, -3, 5}}},
			"accessed": {Parts: [][]int{{2016, 7}}},
		},
	}}
	if diff := cmp.Diff(want, items); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Written back, the end of no parts is gone, not null, which
	// citeproc-js could not read.
	out, err := items[0].MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := `{"id":"7","type":"","author":[{"family":"x","static-ordering":true},{"family":"y","comma-suffix":true,"parse-names":false}],` +
		`"accessed":{"date-parts":[[2016,7]]},"issued":{"date-parts":[[2016,-3,5]]}}`
	if diff := cmp.Diff(wantJSON, string(out)); diff != "" {
		t.Errorf("MarshalJSON (-want +got):\n%s", diff)
	}
}

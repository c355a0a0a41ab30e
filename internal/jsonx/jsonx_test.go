package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var seeds = []string{
	`{"title": "x", "n": [1, 2.5, -0, 1e9, {"a": null}], "t": true, "f": false, "s": "\u00e9\n\"\\/"}`,
	`[]`, `{}`, `""`, `0`, `-1.5E+3`, `null`,
	`{"a": 1,}`, `[1,]`, `{"a" 1}`, `01`, `1.`, `.5`, `"\x"`, "\"a\tb\"", `"\ud800"`, `{"a":1} x`, `[`, `nul`,
	"\xff", `"` + "\xff" + `"`, `{"a":[1,2,{"b":"c"}]}`, " \n{ } \n",
	`{"a\\":"b\\\"}\\","c":[":",{"]":"}"}],"d":-1e-3}`, `[true , null ,"x\"y"]`, `{"a":}`, `[:]`,
	// Strings long enough to be checked a word at a time, with a fault
	// in the middle of a word, at its end, and past the last word.
	`["0123456789abcdef0123456789", "0123456\u00e9789abcdef\n\"x\\"]`, "[\"0123456789\x01abcdef\"]",
	"[\"0123456789abcdef\xc3\"]", `["0123456789abc\q"]`, `["0123456789abcdef\u12"]`, `["0123456789\\\"]`,
	"{\"0123456789abcdef\x1f\": 1}", "[\"\xf0\x9f\x98\x80 0123456789 \xed\xa0\x80\"]", `"0123456789abcdef\`,
}

// FuzzCheck holds the scanner to encoding/json's verdict on validity, and
// Object/Array to the members encoding/json finds.
func FuzzCheck(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Check(data, 0)
		holdCursor(t, data, err)
		var se *SyntaxError
		if errors.As(err, &se) && strings.HasPrefix(se.Msg, "invalid JSON: duplicate member name") {
			return // valid to encoding/json, refused on purpose
		}
		if !utf8.Valid(data) {
			return // encoding/json accepts and replaces bad UTF-8; Check refuses it
		}
		if valid := json.Valid(data); (err == nil) != valid {
			t.Fatalf("Check(%q) = %v, json.Valid = %v", data, err, valid)
		}
		if err != nil {
			if se, ok := err.(*SyntaxError); ok && (se.Offset < 0 || se.Offset > int64(len(data))) {
				t.Fatalf("Check(%q) = %#v, want a *SyntaxError within the input", data, err)
			}
			// Object and Array want checked input, but must still
			// return on anything else; so must Members and Elements.
			Object(data, 0)
			Array(data, 0)
			for range Members(data, 0) {
			}
			for range Elements(data, 0) {
			}
			return
		}
		holdIterators(t, data)
		switch Kind(data) {
		case "object":
			ms, err := Object(data, 0)
			if err != nil {
				t.Fatal(err)
			}
			var want map[string]json.RawMessage
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			got := map[string]json.RawMessage{}
			for _, m := range ms {
				if !bytes.Equal(data[m.Offset:m.Offset+int64(len(m.Raw))], m.Raw) {
					t.Fatalf("member %q: offset %d does not point at its value", m.Name, m.Offset)
				}
				got[m.Name] = m.Raw
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("Object(%q) (-encoding/json +got):\n%s", data, diff)
			}
		case "array":
			es, err := Array(data, 0)
			if err != nil {
				t.Fatal(err)
			}
			var want []json.RawMessage
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			got := []json.RawMessage{}
			for _, e := range es {
				got = append(got, e.Raw)
			}
			if diff := cmp.Diff(want, got, cmpEmpty); diff != "" {
				t.Fatalf("Array(%q) (-encoding/json +got):\n%s", data, diff)
			}
		}
	})
}

// holdCursor holds a Cursor to Check: reading data through it, into
// every object and past every other value (read or left unread), ends
// in the error Check finds, and at limits of depth too.
func holdCursor(t *testing.T, data []byte, checked error) {
	t.Helper()
	for _, depth := range []int{0, 1, 2, 3} {
		want := checked
		if depth > 0 {
			want = Check(data, depth)
		}
		c := NewCursor(data, depth)
		readAll(c)
		if got := c.End(); fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
			t.Fatalf("a Cursor on %q (depth %d) ends in %#v, Check says %#v", data, depth, got, want)
		}
	}
}

// readAll reads the next value of c: an object member by member, each
// second member's value left for the cursor to skip.
func readAll(c *Cursor) {
	if c.Peek() != '{' {
		c.Skip()
		return
	}
	i := 0
	for range c.Object() {
		if i%2 == 0 {
			readAll(c)
		}
		i++
	}
}

// holdIterators holds Members and Elements to Object and Array, which
// they read without building.
func holdIterators(t *testing.T, data []byte) {
	t.Helper()
	ms, _ := Object(data, 3)
	var got []Member
	for name, v := range Members(data, 3) {
		s, ok := String(name)
		if !ok {
			t.Fatalf("Members(%q) yields the name %q, not a JSON string", data, name)
		}
		got = append(got, Member{Name: s, Value: v})
	}
	if diff := cmp.Diff(ms, got); diff != "" {
		t.Fatalf("Members(%q) (-Object +Members):\n%s", data, diff)
	}
	es, _ := Array(data, 3)
	var elems []Value
	for v := range Elements(data, 3) {
		elems = append(elems, v)
	}
	if diff := cmp.Diff(es, elems); diff != "" {
		t.Fatalf("Elements(%q) (-Array +Elements):\n%s", data, diff)
	}
}

var cmpEmpty = cmp.FilterValues(func(a, b []json.RawMessage) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())

func TestPosition(t *testing.T) {
	data := []byte("{\n  \"a\": 1,\n  \"b\": x\n}")
	type pos struct{ Line, Col int }
	var got []pos
	for _, off := range []int64{0, 1, 2, 9, 19, 100, -1} {
		l, c := Position(data, off)
		got = append(got, pos{l, c})
	}
	want := []pos{{1, 1}, {1, 2}, {2, 1}, {2, 8}, {3, 8}, {4, 2}, {1, 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestWritePython(t *testing.T) {
	v, err := Decode([]byte(`{"b": [], "a": {"z": 1.50, "é": "<&> \u2028 😀 \u0007"}, "c": [true, null, "x"], "d": {}}`), 0)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WritePython(&b, v); err != nil {
		t.Fatal(err)
	}
	want := `{
  "a": {
    "z": 1.50,
    "\u00e9": "<&> \u2028 \ud83d\ude00 \u0007"
  },
  "b": [],
  "c": [
    true,
    null,
    "x"
  ],
  "d": {}
}`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCheckEmpty: a document of nothing, or of white space only, is
// said to be empty, not cut off (which "unexpected end of input" says),
// for the Check and the Cursor that readers use alike; one cut off is
// still said to be.
func TestCheckEmpty(t *testing.T) {
	const empty = "invalid JSON: the file is empty, or only white space; want a JSON value"
	for _, tc := range []struct {
		doc  string
		want error
	}{
		{"", &SyntaxError{Offset: 0, Msg: empty}},
		{" \r\n\t\n", &SyntaxError{Offset: 0, Msg: empty}},
		{"{", &SyntaxError{Offset: 1, Msg: "invalid JSON: unexpected end of input"}},
	} {
		if diff := cmp.Diff(tc.want, Check([]byte(tc.doc), 0)); diff != "" {
			t.Errorf("Check(%q) (-want +got):\n%s", tc.doc, diff)
		}
		c := NewCursor([]byte(tc.doc), 0)
		c.Skip()
		if diff := cmp.Diff(tc.want, c.End()); diff != "" {
			t.Errorf("Cursor on %q (-want +got):\n%s", tc.doc, diff)
		}
	}
}

func TestCheckDuplicates(t *testing.T) {
	// members writes an object of n members k0, k1... and then extra.
	members := func(n int, extra string) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, `"k%d":%d,`, i, i)
		}
		b.WriteString(extra + "}")
		return b.String()
	}
	for _, tc := range []struct {
		name, doc string
		want      error
	}{
		{"escaped", `{"a": {"b": 1, "\u0062": 2}}`, &SyntaxError{Offset: 15, Msg: `invalid JSON: duplicate member name "b"`, Pointer: "/a/b"}},
		{"deep", `{"a": [0, {"x/y~": ["{", "}]", {"c\"": 1, "c\"": 2}]}]}`,
			&SyntaxError{Offset: 42, Msg: `invalid JSON: duplicate member name "c\""`, Pointer: `/a/1/x~1y~0/2/c"`}},
		{"among the first", members(10, `"k3":0`), &SyntaxError{Offset: 71, Msg: `invalid JSON: duplicate member name "k3"`, Pointer: "/k3"}},
		// Past the names kept in place, duplicates are found in a set:
		// of a name kept in place, and of one in the set.
		{"of a first", members(100, `"k3":0`), &SyntaxError{Offset: 881, Msg: `invalid JSON: duplicate member name "k3"`, Pointer: "/k3"}},
		{"of a later", members(100, `"k99":0`), &SyntaxError{Offset: 881, Msg: `invalid JSON: duplicate member name "k99"`, Pointer: "/k99"}},
		{"none", members(100, `"k":0`), nil},
	} {
		err := Check([]byte(tc.doc), 0)
		if diff := cmp.Diff(tc.want, err); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestContainerPointer: the pointer of the object or array an offset
// lies in, and of the value it lies in, through names with escapes and
// brackets in strings.
func TestContainerPointer(t *testing.T) {
	doc := `{"a": [10, {"b\u002fc": "[{,", "d": [[], 7]}], "e": "x\ud800"}`
	type place struct {
		At        string // the text the offset starts
		Container string
		Value     string
	}
	var got, want []place
	for _, tt := range []place{
		{`{"a"`, "", ""},
		{`a"`, "", "/a"}, // within a name: its member
		{`10`, "/a", "/a/0"},
		{`"[{,"`, "/a/1", "/a/1/b~1c"},
		{`{,"`, "/a/1", "/a/1/b~1c"}, // brackets within a string
		{`[], 7`, "/a/1/d", "/a/1/d/0"},
		{`7]`, "/a/1/d", "/a/1/d/1"},
		{`]}], "e"`, "/a/1/d", "/a/1/d/1"}, // on the closer, still inside
		{`\ud800`, "", "/e"},
	} {
		want = append(want, tt)
		off := strings.Index(doc, tt.At)
		if off < 0 {
			t.Fatalf("%q is not in the document", tt.At)
		}
		got = append(got, place{tt.At, ContainerPointer([]byte(doc), int64(off)), ValuePointer([]byte(doc), int64(off))})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ContainerPointer, ValuePointer (-want +got):\n%s", diff)
	}
}

func TestCheckDepth(t *testing.T) {
	deep := bytes.Repeat([]byte("["), 5)
	deep = append(deep, bytes.Repeat([]byte("]"), 5)...)
	if err := Check(deep, 5); err != nil {
		t.Errorf("depth 5 with limit 5: %v", err)
	}
	err := Check(deep, 4)
	de, ok := err.(*DepthError)
	if !ok || de.Offset != 4 || de.Limit != 4 {
		t.Errorf("depth 5 with limit 4: %#v, want a *DepthError at offset 4", err)
	}
}

// TestCheckDepthWithoutLimit: a caller with no limit of its own (0, or
// -1 as talk.Limits gives for none) still meets the scanner's, 10,000
// levels as encoding/json allows, and the error names that limit, not
// the -1 or 0 it was given.
func TestCheckDepthWithoutLimit(t *testing.T) {
	doc := func(n int) []byte {
		return append(bytes.Repeat([]byte("["), n), bytes.Repeat([]byte("]"), n)...)
	}
	for _, limit := range []int{0, -1} {
		if err := Check(doc(maxDepth), limit); err != nil {
			t.Errorf("limit %d, depth %d: %v", limit, maxDepth, err)
		}
		want := &DepthError{Offset: maxDepth, Limit: maxDepth}
		if diff := cmp.Diff(want, Check(doc(maxDepth+1), limit)); diff != "" {
			t.Errorf("limit %d, depth %d (-want +got):\n%s", limit, maxDepth+1, diff)
		}
	}
}

// TestDecodeAgreesWithEncodingJSON decodes documents both ways: the
// scanner builds what encoding/json with UseNumber builds.
func TestDecodeAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range []string{
		`{"title": "async/await", "speakers": ["Yury"], "duration": 1508, "x": -1.5e3, "n": null, "t": true, "f": false}`,
		`[{}, [], "", "\u00e9\ud83d\ude00\n\"", 0, {"a": {"b": [1, [2, [3]]]}}]`,
		` "just a string" `,
	} {
		got, err := Decode([]byte(doc), 0)
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		dec := json.NewDecoder(strings.NewReader(doc))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-encoding/json +Decode):\n%s", doc, diff)
		}
	}
	for doc, msg := range map[string]string{
		`{"a": 1, "a": 2}`: `invalid JSON: duplicate member name "a"`,
		`{"a": 1} x`:       "invalid JSON: unexpected data after the JSON value",
		"[\"\xff\"]":       "invalid JSON: invalid UTF-8 (byte 0xff) in a string",
	} {
		if _, err := Decode([]byte(doc), 0); err == nil || err.Error() != msg {
			t.Errorf("Decode(%q) = %v, want %s", doc, err, msg)
		}
	}
}

// FuzzString checks String against encoding/json on any well-formed
// value, as String requires.
func FuzzString(f *testing.F) {
	for _, s := range []string{`"a\nb"`, `"\u00e9\ud83d\ude00"`, `"\ud800x"`, `"\ud800\u0041"`, `"\udc00"`, `"é\t\"\\\/"`, "\"\xff\"", `"\x"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if Check(raw, 0) != nil {
			return // String takes only what Check accepts
		}
		var want string
		wantErr := json.Unmarshal(raw, &want)
		got, ok := String(bytes.Trim(raw, " \t\r\n")) // JSON white space only
		if ok != (wantErr == nil) || ok && got != want {
			t.Errorf("String(%q) = %q, %v; encoding/json: %q, %v", raw, got, ok, want, wantErr)
		}
		appended, ok := AppendString([]byte("pre"), bytes.Trim(raw, " \t\r\n"))
		if ok != (wantErr == nil) || ok && string(appended) != "pre"+want {
			t.Errorf("AppendString(pre, %q) = %q, %v; encoding/json: %q, %v", raw, appended, ok, want, wantErr)
		}
	})
}

func TestPointerToken(t *testing.T) {
	for name, tok := range map[string]string{"": "", "a": "a", "a/b": "a~1b", "m~n": "m~0n", "~1": "~01", "/~/": "~1~0~1"} {
		if got := PointerToken(name); got != tok {
			t.Errorf("PointerToken(%q) = %q, want %q", name, got, tok)
		}
		if got := UnescapePointerToken(tok); got != name {
			t.Errorf("UnescapePointerToken(%q) = %q, want %q", tok, got, name)
		}
	}
}

// BenchmarkCheck checks the seed record, and an object of 60,000 members
// (650 kB, within the default record size), whose duplicate search took
// quadratic time before names past the first few went into a set.
func BenchmarkCheck(b *testing.B) {
	record, err := os.ReadFile("../../testdata/pyvideo/europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json")
	if err != nil {
		b.Fatal(err)
	}
	var many bytes.Buffer
	many.WriteString("{")
	for i := range 60000 {
		fmt.Fprintf(&many, `"k%d":0,`, i)
	}
	many.WriteString(`"x":0}`)
	for _, bc := range []struct {
		name string
		data []byte
	}{{"record", record}, {"many-members", many.Bytes()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := Check(bc.data, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzValidCharacters holds validCharacters, which looks at words of
// bytes, to its definition: UTF-8, and no byte below 0x20.
func FuzzValidCharacters(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := utf8.Valid(b) && !bytes.ContainsFunc(b, func(r rune) bool { return r < 0x20 })
		if got := validCharacters(b); got != want {
			t.Errorf("validCharacters(%q) = %v, want %v", b, got, want)
		}
	})
}

// TestCompact: extra members are kept in talkmeta's one spelling, each
// string as Plain writes it, whatever the source's spelling.
func TestCompact(t *testing.T) {
	for in, want := range map[string]string{
		`{ "a" : [ "<b>", "&" ] }`:           `{"a":["<b>","&"]}`,
		`"\u003c\u003e\u0026 \u0041 \/"`:     `"<>& A /"`,
		`"\\u0041 \" \n \u2028` + "\u2029\"": `"\\u0041 \" \n \u2028\u2029"`,
		`"\ud83d\ude00"`:                     `"😀"`,
		`[1.0, -0, 1e3, true, null]`:         `[1.0,-0,1e3,true,null]`,
		`{"k":`:                              `{"k":`,
	} {
		if diff := cmp.Diff(want, string(Compact([]byte(in)))); diff != "" {
			t.Errorf("Compact(%s) (-want +got):\n%s", in, diff)
		}
	}
}

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
	// White space as Windows and editors write it: CRLF line ends and
	// tabs, before and after numbers, which end at the white space.
	"{\r\n\t\"a\": 1\r\n,\t\"b\": [2\r\n,\t3.5\t]\r\n}\r\n", "[\r\n\t-1e+2\r\n]",
	`"\/ \b\f\r \u00C9 \uFFFD"`, "\"\uFFFD\"",
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
	doc := `{"a": [10, {"b\u002fc": "[{,", "d": [[], 7]}], "e": "x\ud800", "f": "q\"{[", "g": [8]}`
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
		{`8]`, "/g", "/g/0"},
		{`]}], "e"`, "/a/1/d", "/a/1/d/1"}, // on the closer, still inside
		{`\ud800`, "", "/e"},
		{`{[", "g"`, "", "/f"}, // after a quote escaped within the string
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

// TestDepthCountsContainers: the depth limit bounds the nesting of
// arrays and objects, as talk.Limits.MaxDepth promises and encoding/json
// counts it: a string or number inside the deepest array or object
// allowed is within the limit, as an empty array there is, for Check,
// Decode and a Cursor alike.
func TestDepthCountsContainers(t *testing.T) {
	nested := func(n int, inner string) string {
		return strings.Repeat("[", n) + inner + strings.Repeat("]", n)
	}
	for _, tt := range []struct {
		doc   string
		limit int
		want  error
	}{
		{`{"a": []}`, 2, nil},
		{`{"a": [1]}`, 2, nil},
		{`{"a": ["x", {}]}`, 2, &DepthError{Offset: 12, Limit: 2}},
		{`{"a": [[]]}`, 2, &DepthError{Offset: 7, Limit: 2}},
		{`{"a": "x"}`, 1, nil},
		{`{"a": {}}`, 1, &DepthError{Offset: 6, Limit: 1}},
		{`"x"`, 1, nil},
		{nested(maxDepth, "1"), 0, nil}, // json.Valid takes it
		{nested(maxDepth, `"x"`), -1, nil},
		{nested(maxDepth, "[]"), 0, &DepthError{Offset: maxDepth, Limit: maxDepth}},
	} {
		data := []byte(tt.doc)
		name := tt.doc
		if len(name) > 20 {
			name = name[:20] + "..."
		}
		c := NewCursor(data, tt.limit)
		readAll(c)
		_, decodeErr := Decode(data, tt.limit)
		for reader, err := range map[string]error{"Check": Check(data, tt.limit), "Decode": decodeErr, "Cursor": c.End()} {
			if diff := cmp.Diff(tt.want, err); diff != "" {
				t.Errorf("%s of %s, limit %d (-want +got):\n%s", reader, name, tt.limit, diff)
			}
		}
	}
}

// TestCheckDepthWithoutLimit: a caller with no limit of its own (0, or
// -1 as talk.Limits gives for none) still meets the scanner's, 10,000
// levels as encoding/json allows, and the error names that limit, not
// the -1 or 0 it was given; nor a limit above it, which it does not
// allow.
func TestCheckDepthWithoutLimit(t *testing.T) {
	doc := func(n int) []byte {
		return append(bytes.Repeat([]byte("["), n), bytes.Repeat([]byte("]"), n)...)
	}
	for _, limit := range []int{0, -1, 2 * maxDepth} {
		if err := Check(doc(maxDepth), limit); err != nil {
			t.Errorf("limit %d, depth %d: %v", limit, maxDepth, err)
		}
		want := &DepthError{Offset: maxDepth, Limit: maxDepth}
		if diff := cmp.Diff(want, Check(doc(maxDepth+1), limit)); diff != "" {
			t.Errorf("limit %d, depth %d (-want +got):\n%s", limit, maxDepth+1, diff)
		}
	}
}

// decodesAsEncodingJSON checks that Decode builds of doc what
// encoding/json with UseNumber builds.
func decodesAsEncodingJSON(t *testing.T, doc string) {
	t.Helper()
	got, err := Decode([]byte(doc), 0)
	if err != nil {
		t.Fatalf("%q: %v", doc, err)
	}
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var want any
	if err := dec.Decode(&want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%q (-encoding/json +Decode):\n%s", doc, diff)
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
		decodesAsEncodingJSON(t, doc)
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
		"\"a \u2028 b\"":                     `"a \u2028 b"`, // no backslash to be found, still escaped
		"[\"a\xffb\"]":                       `["a\ufffdb"]`, // as encoding/json writes bad UTF-8
	} {
		if diff := cmp.Diff(want, string(Compact([]byte(in)))); diff != "" {
			t.Errorf("Compact(%s) (-want +got):\n%s", in, diff)
		}
	}
}

// TestPositionCountsBytes: a column counts bytes from the line's start,
// as Go's own positions do: a two-byte "é" and a tab are two columns and
// one, a four-byte emoji four, and the CR of a CRLF ends the line it is
// on.
func TestPositionCountsBytes(t *testing.T) {
	data := []byte("{\r\n\t\"é\": x,\r\n\"b\": \"😀\" y}")
	type pos struct {
		At        string
		Line, Col int
	}
	var got, want []pos
	for _, p := range []pos{{"\r\n\t", 1, 2}, {"\t", 2, 1}, {"x,", 2, 8}, {"\r\n\"b", 2, 10}, {`"b"`, 3, 1}, {"y}", 3, 13}} {
		want = append(want, p)
		l, c := Position(data, int64(bytes.Index(data, []byte(p.At))))
		got = append(got, pos{p.At, l, c})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDocumentAndKind: a document's value is placed at its first byte
// that is not white space, CR and tab among white space, and its kind is
// read from that byte.
func TestDocumentAndKind(t *testing.T) {
	type doc struct {
		Data, Raw, Kind string
		Offset          int64
		Null            bool
	}
	var got, want []doc
	for _, d := range []doc{
		{"\r\n\t{}", "{}", "object", 3, false},
		{" [1]", "[1]", "array", 1, false},
		{"\"x\"", "\"x\"", "string", 0, false},
		{"\r\nfalse", "false", "boolean", 2, false},
		{"true", "true", "boolean", 0, false},
		{"\t\r\nnull\r\n", "null\r\n", "null", 3, true},
		{"-1", "-1", "number", 0, false},
		{" \r\n", "", "nothing", 3, false},
	} {
		want = append(want, d)
		v := Document([]byte(d.Data))
		got = append(got, doc{d.Data, string(v.Raw), Kind([]byte(d.Data)), v.Offset, IsNull([]byte(d.Data))})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Document, Kind, IsNull (-want +got):\n%s", diff)
	}
}

// TestFirstInvalid: of the members a writer would write into a record no
// reader takes back, the first by name is named, with the pointer of the
// fault, its name's "/" and "~" escaped; an empty value is none; and of
// the names that are not UTF-8, the first.
func TestFirstInvalid(t *testing.T) {
	members := map[string]json.RawMessage{
		"a":   nil, // written as null
		"b/~": json.RawMessage(`{"x/y": 1, "x/y": 2}`),
		"c":   json.RawMessage(`[1,]`),
		"d":   json.RawMessage(`1`),
	}
	name, at, err := FirstInvalid(members)
	type found struct {
		Name, At string
		Err      error
	}
	want := found{"b/~", "/b~1~0/x~1y", &SyntaxError{Offset: 11, Msg: `invalid JSON: duplicate member name "x/y"`, Pointer: "/x~1y"}}
	if diff := cmp.Diff(want, found{name, at, err}); diff != "" {
		t.Errorf("FirstInvalid (-want +got):\n%s", diff)
	}
	delete(members, "b/~")
	name, at, err = FirstInvalid(members)
	want = found{"c", "/c", &SyntaxError{Offset: 2, Msg: "invalid JSON: a comma after the last element: JSON allows none before ']'"}}
	if diff := cmp.Diff(want, found{name, at, err}); diff != "" {
		t.Errorf("FirstInvalid (-want +got):\n%s", diff)
	}
	// The empty name is the first of all, whatever order the map gives
	// the names in.
	for range 50 {
		name, at, err = FirstInvalid(map[string]json.RawMessage{"": json.RawMessage(`[1,]`), "b": json.RawMessage(`{`), "c": json.RawMessage(`}`)})
		want = found{"", "/", &SyntaxError{Offset: 2, Msg: "invalid JSON: a comma after the last element: JSON allows none before ']'"}}
		if diff := cmp.Diff(want, found{name, at, err}); diff != "" {
			t.Fatalf("FirstInvalid with an empty name (-want +got):\n%s", diff)
		}
	}
	type notUTF8 struct {
		Name  string
		Found bool
	}
	n, ok := FirstNameNotUTF8(map[string]json.RawMessage{"\xff b": nil, "\xfe a": nil, "ok": nil, "é": nil})
	if diff := cmp.Diff(notUTF8{"\xfe a", true}, notUTF8{n, ok}); diff != "" {
		t.Errorf("FirstNameNotUTF8 (-want +got):\n%s", diff)
	}
	n, ok = FirstNameNotUTF8(map[string]json.RawMessage{"ok": nil, "é": nil})
	if diff := cmp.Diff(notUTF8{}, notUTF8{n, ok}); diff != "" {
		t.Errorf("FirstNameNotUTF8 of UTF-8 names (-want +got):\n%s", diff)
	}
}

// TestWritePythonEscapes: every character Python's ensure_ascii escapes
// is escaped as Python escapes it (DEL and U+FFFF as \u escapes, a
// character past U+FFFF as a surrogate pair, backspace and form feed by
// their letters); checked against Python 3's json.dumps.
func TestWritePythonEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := WritePython(&b, map[string]any{"s": "\x7f\b\f\r\uffff\U00010000\U0010ffff\x1f", "n": json.RawMessage(`[1, "\u00e9"]`)}); err != nil {
		t.Fatal(err)
	}
	want := `{
  "n": [
    1,
    "\u00e9"
  ],
  "s": "\u007f\b\f\r\uffff\ud800\udc00\udbff\udfff\u001f"
}`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSyntaxErrorPlaces: each syntax error says what is wrong and where,
// after CRLFs and tabs as after spaces, in words for what people write,
// and every reader of a document (Check, Decode and a Cursor, which
// reads member names and values a word at a time) says the same.
func TestSyntaxErrorPlaces(t *testing.T) {
	long := strings.Repeat("a", 64)
	for _, tt := range []struct {
		name, data string
		want       *SyntaxError
	}{
		{"trailing comma before a CRLF", "{\"a\": 1,\r\n}", &SyntaxError{Offset: 7, Msg: "invalid JSON: a comma after the last member: JSON allows none before '}'"}},
		{"trailing comma before a tab", "{\"a\": [1,\t]}", &SyntaxError{Offset: 8, Msg: "invalid JSON: a comma after the last element: JSON allows none before ']'"}},
		{"an unquoted name as long as is quoted back", "{" + long + ": 1}", &SyntaxError{Offset: 1, Msg: "invalid JSON: member name " + long + ` without quotes: write it as "` + long + `"`}},
		{"a number for a name", `{1: 2}`, &SyntaxError{Offset: 1, Msg: "invalid JSON: invalid character '1', want a member name in quotes"}},
		{"a CR in a string", "{\"a\": \"x\ry\"}", &SyntaxError{Offset: 8, Msg: `invalid JSON: invalid control character byte 0x0d in a string; write it as \r`}},
		{"a unit separator in a string", "{\"a\": \"x\x1fy\"}", &SyntaxError{Offset: 8, Msg: `invalid JSON: invalid control character byte 0x1f in a string; write it as \u001f`}},
		{"a control character early in a long string", "{\"a\": \"0123456789\x1fabcdefghij\"}", &SyntaxError{Offset: 17, Msg: `invalid JSON: invalid control character byte 0x1f in a string; write it as \u001f`}},
		{"DEL for a value", "{\"a\": \x7f}", &SyntaxError{Offset: 6, Msg: "invalid JSON: invalid character byte 0x7f looking for the beginning of a value"}},
		{"a fraction without digits", `{"a": 1.}`, &SyntaxError{Offset: 8, Msg: `invalid JSON: invalid number "1."`}},
		{"an exponent without digits", `{"a": 1e}`, &SyntaxError{Offset: 8, Msg: `invalid JSON: invalid number "1e"`}},
		{"a signed exponent without digits", `{"a": [1E+]}`, &SyntaxError{Offset: 10, Msg: `invalid JSON: invalid number "1E+"`}},
		{"a minus alone", `{"a": -}`, &SyntaxError{Offset: 7, Msg: "invalid JSON: invalid number"}},
		{"a bad \\u escape", `{"a": "\uzzzz"}`, &SyntaxError{Offset: 7, Msg: `invalid JSON: invalid \u escape`}},
		{"a bad \\u escape in a long string", `{"a": "0123456789abcdef\u00zz"}`, &SyntaxError{Offset: 23, Msg: `invalid JSON: invalid \u escape`}},
		{"a \\u escape cut off", `"\u0041`, &SyntaxError{Offset: 7, Msg: "invalid JSON: unexpected end of input"}},
		{"a string cut off at its quote", `{"a": "`, &SyntaxError{Offset: 7, Msg: "invalid JSON: unexpected end of input"}},
		{"a name cut off at its quote", `{"`, &SyntaxError{Offset: 2, Msg: "invalid JSON: unexpected end of input"}},
		{"no comma between members", `{"a": 1 "b": 2}`, &SyntaxError{Offset: 8, Msg: `invalid JSON: invalid character '"', want ',' or '}' after an object member`}},
		{"no comma between elements", `{"a": [1 2]}`, &SyntaxError{Offset: 9, Msg: "invalid JSON: invalid character '2', want ',' or ']' after an array element"}},
		{"a name given twice, once escaped", `{"b": 1, "\u0062": 2}`, &SyntaxError{Offset: 9, Msg: `invalid JSON: duplicate member name "b"`, Pointer: "/b"}},
		{"a name with / and ~ given twice", `{"a": {"x/y~": 1, "x/y~": 2}}`, &SyntaxError{Offset: 18, Msg: `invalid JSON: duplicate member name "x/y~"`, Pointer: "/a/x~1y~0"}},
		{"a file of zero bytes", "\x00\x00\x00\x00\x00\x00\x00\x00", &SyntaxError{Offset: 0, Msg: "invalid JSON: invalid character byte 0x00 looking for the beginning of a value"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			c := NewCursor(data, 0)
			readAll(c)
			_, decodeErr := Decode(data, 0)
			for name, err := range map[string]error{"Check": Check(data, 0), "Decode": decodeErr, "Cursor": c.End()} {
				if diff := cmp.Diff(tt.want, err); diff != "" {
					t.Errorf("%s (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}

// TestAccepted: documents with CRLFs and tabs, every escape JSON has
// (upper-case hex digits, "\/", a surrogate pair, half of one before
// "\b", whose letter is a hex digit), and a literal U+FFFD, which is no
// bad UTF-8, are read by every reader as encoding/json reads them, and
// their members and elements end where their values end.
func TestAccepted(t *testing.T) {
	doc := "{\r\n\t\"s\":\t\"\\/ \\b\\f\\n\\r\\t \\u00C9 \\uD83D\\uDE00 \\ud83d\\bde00 \uFFFD\",\r\n\t\"n\": [1\r\n,\t-2.5E+3\t]\r\n}\r\n"
	decodesAsEncodingJSON(t, doc)
	c := NewCursor([]byte(doc), 0)
	readAll(c)
	if err := c.End(); err != nil {
		t.Errorf("Cursor: %v", err)
	}
	ms, err := Object(Document([]byte(doc)).Raw, 0)
	if err != nil {
		t.Fatal(err)
	}
	es, err := Array(ms[1].Raw, ms[1].Offset)
	if err != nil {
		t.Fatal(err)
	}
	type value struct {
		Raw    string
		Offset int64
	}
	var gotValues []value
	for _, v := range []Value{ms[0].Value, ms[1].Value, es[0], es[1]} {
		gotValues = append(gotValues, value{string(v.Raw), v.Offset})
	}
	s := strings.Index(doc, `"\/`)
	wantValues := []value{
		{doc[s:strings.Index(doc, ",\r\n\t\"n\"")], int64(s)},
		{"[1\r\n,\t-2.5E+3\t]", int64(strings.Index(doc, "[1"))},
		{"1", int64(strings.Index(doc, "1\r"))},
		{"-2.5E+3", int64(strings.Index(doc, "-2.5"))},
	}
	if diff := cmp.Diff(wantValues, gotValues); diff != "" {
		t.Errorf("Object, Array (-want +got):\n%s", diff)
	}
}

// TestCursorDepth: a Cursor that reads objects member by member meets
// the depth limit where Check does.
func TestCursorDepth(t *testing.T) {
	data := []byte(`{"a": {"b": {"c": 1}}}`)
	for _, limit := range []int{1, 2, 3} {
		c := NewCursor(data, limit)
		for range c.Object() {
			for range c.Object() {
				for range c.Object() {
				}
			}
		}
		if diff := cmp.Diff(Check(data, limit), c.End()); diff != "" {
			t.Errorf("limit %d (-Check +Cursor):\n%s", limit, diff)
		}
	}
	if diff := cmp.Diff(&DepthError{Offset: 6, Limit: 1}, Check(data, 1)); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
}

// TestCursorStopped: a reader that breaks out of an object's members
// leaves the rest unread, and End says so instead of that the document
// is well-formed.
func TestCursorStopped(t *testing.T) {
	c := NewCursor([]byte(`{"a": 1, "b": 2}`), 0)
	for range c.Object() {
		break
	}
	if err := c.End(); err != errStopped {
		t.Errorf("End = %v, want %v", err, errStopped)
	}
}

// TestMemberName: a member name as Members yields it, quoted, stands
// for its text with the escapes decoded, wherever they are.
func TestMemberName(t *testing.T) {
	got := map[string]string{}
	want := map[string]string{`"plain"`: "plain", `"\u0062c"`: "bc", `"a\/b"`: "a/b", `"\"q\""`: `"q"`, `""`: ""}
	for quoted := range want {
		got[quoted] = string(MemberName([]byte(quoted)))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MemberName (-want +got):\n%s", diff)
	}
}

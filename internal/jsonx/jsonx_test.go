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
}

// FuzzCheck holds the scanner to encoding/json's verdict on validity, and
// Object/Array to the members encoding/json finds.
func FuzzCheck(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Check(data, 0)
		var se *SyntaxError
		if errors.As(err, &se) && strings.HasPrefix(se.Msg, "duplicate member name") {
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
			// return on anything else.
			Object(data, 0)
			Array(data, 0)
			return
		}
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
		{"escaped", `{"a": {"b": 1, "\u0062": 2}}`, &SyntaxError{Offset: 15, Msg: `duplicate member name "b"`}},
		{"among the first", members(10, `"k3":0`), &SyntaxError{Offset: 71, Msg: `duplicate member name "k3"`}},
		// Past the names kept in place, duplicates are found in a set:
		// of a name kept in place, and of one in the set.
		{"of a first", members(100, `"k3":0`), &SyntaxError{Offset: 881, Msg: `duplicate member name "k3"`}},
		{"of a later", members(100, `"k99":0`), &SyntaxError{Offset: 881, Msg: `duplicate member name "k99"`}},
		{"none", members(100, `"k":0`), nil},
	} {
		err := Check([]byte(tc.doc), 0)
		if diff := cmp.Diff(tc.want, err); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tc.name, diff)
		}
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
		`{"a": 1, "a": 2}`: `duplicate member name "a"`,
		`{"a": 1} x`:       "unexpected data after the JSON value",
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

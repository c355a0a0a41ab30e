package schema

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// TestPointer holds pointers, which are made into strings only when a
// problem needs one, to the JSON pointers the checks made at once before.
func TestPointer(t *testing.T) {
	for _, tt := range []struct {
		ptr  pointer
		want string
	}{
		{pointer{}, ""},
		{at("/title"), "/title"},
		{at("/speakers").item(0), "/speakers/0"},
		{at("/videos").item(12).child("/url"), "/videos/12/url"},
		{pointer{}.child("/parts").item(1).child("/speakers").item(2).child("/name"), "/parts/1/speakers/2/name"},
		{pointer{}.child("/parts").item(1).child("/parts").item(0), "/parts/1/parts/0"},
		{at(pointerJoin("", "a/b~c")), "/" + jsonx.PointerToken("a/b~c")},
		{at("/event").child("/end"), "/event/end"},
	} {
		if got := tt.ptr.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.ptr, got, tt.want)
		}
	}
	if !(pointer{}).isRoot() || at("/title").isRoot() || at("").item(0).isRoot() {
		t.Error("isRoot is wrong")
	}
}

// FuzzLocateAll holds locateAll, which walks a record once for all the
// pointers asked about, to locate, which walks it from the top for each:
// ptrs is the pointers, one a line.
func FuzzLocateAll(f *testing.F) {
	seed, err := os.ReadFile("testdata/talk.json")
	if err != nil {
		f.Fatal(err)
	}
	ptrs := "\n/title\n/speakers/0/name\n/speakers/0/orcid\n/speakers/1\n/speakers/00/name\n/speakers/+0\n/speakers/-1\n" +
		"/videos/0/url\n/videos/x\n/title/x\n/nope/deeper\n/links/0/url\n/event/end\n/a~1b\n/~0"
	f.Add(seed, ptrs)
	f.Add([]byte(` {"a": [1, {"b": 2}, [3]], "a": 4, "a/b": 5, "~": 6, "\u0062": {"": 7}} `), "/a/1/b\n/a/2/0\n/a/01\n/a/3\n/a/1/c\n/a\n/b//\n/a~1b\n/~0\n/b/\n/b/x\n")
	f.Add([]byte(`[[0, 1], [2, [3, 4]]]`), "/0/1\n/1/1/1\n/1/1/2\n/2\n/1/1\n/01/1/01\n/0/0/0")
	f.Fuzz(func(t *testing.T, data []byte, ptrs string) {
		if jsonx.Check(data, 0) != nil {
			return
		}
		list := strings.Split(ptrs, "\n")
		got := locateAll(data, list)
		for i, ptr := range list {
			if want := locate(data, ptr); got[i] != want {
				t.Errorf("locateAll(%q) finds %q at %d, locate at %d", data, ptr, got[i], want)
			}
		}
	})
}

// FuzzLineCounter holds lineCounter, which counts lines from the offset
// asked about last, to jsonx.Position, which counts from the start, for
// offsets that mostly grow, as in sorted findings, and sometimes do not.
func FuzzLineCounter(f *testing.F) {
	f.Add([]byte("{\n  \"a\": 1,\n\n  \"b\": [\n2]\n}\n"), []byte{0, 1, 2, 5, 3, 0, 9, 200, 4})
	f.Add([]byte("no breaks"), []byte{3, 3, 0, 255})
	f.Fuzz(func(t *testing.T, data []byte, steps []byte) {
		lc := lineCounter{data: data}
		off := int64(-1)
		for _, step := range steps {
			off += int64(step) - 8
			line, col := lc.position(off)
			wantLine, wantCol := jsonx.Position(data, off)
			if line != wantLine || col != wantCol {
				t.Fatalf("position(%d) in %q = %d:%d, want %d:%d", off, data, line, col, wantLine, wantCol)
			}
		}
	})
}

// TestManyFindingsLocated validates a record with more findings than
// locateEach, which are located together, and holds each finding's line
// and column to locating it alone.
func TestManyFindingsLocated(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\n  \"title\": \"A talk\",\n  \"speakers\": [\"Ada\"],\n  \"videos\": [{\"type\": \"x\", \"url\": \"https://example.org/v\"}],\n")
	b.WriteString("  \"related_urls\": [\n")
	for i := range 40 {
		fmt.Fprintf(&b, "    \"not a url %d\",\n    {\"label\": \"l\", \"url\": \"ftp:// %d\"},\n", i, i)
	}
	b.WriteString("    \"https://example.org/\"\n  ],\n")
	for i := range 40 {
		fmt.Fprintf(&b, "  \"extra_%d\": [1, {\"a\": \"b\"}],\n", i)
	}
	b.WriteString("  \"recorded\": \"2016-02-30\"\n}\n")
	data := []byte(b.String())
	ps := (&Validator{Profile: Pyvideo}).ValidateTalk(data, "talk.json")
	if len(ps) <= 2*locateEach {
		t.Fatalf("%d findings, want many:\n%v", len(ps), ps)
	}
	for _, p := range ps {
		line, col := jsonx.Position(data, locate(data, p.Pointer))
		if p.Line != line || p.Column != col {
			t.Errorf("%v: at %d:%d, locating %q alone gives %d:%d", p, p.Line, p.Column, p.Pointer, line, col)
		}
	}
}

// TestPositionsCountBytes holds the line and column convention Problem
// documents in files people write by hand: lines end at "\n" (a CRLF
// file's "\r" is the last column of its line), and columns count bytes
// from 1, so that a tab is one column and "é" two, as Go's compiler and
// editors' "file:line:col" links count them; the same for the schema's
// problems, the checks beyond it, syntax errors and a place within a
// description.
func TestPositionsCountBytes(t *testing.T) {
	tests := []struct {
		name, record string
		want         []string
	}{
		{"CRLF and tabs", "{\r\n\t\"title\": \"Caf\u00e9\",\r\n\t\"speakers\": [{\"name\": \"A\"}],\r\n\t\"recorded\": \"2016-02-30\",\r\n\t\"duration\": 5\r\n}\r\n",
			[]string{
				`t.json:4:14: date: recorded: "2016-02-30" is not a real date`,
				`t.json:5:14: type: duration: expected text, found 5; write "PT5S", an ISO 8601 duration, for 5 seconds`,
			}},
		{"multi-byte text before the value", "{\"title\": \"\u65e5\u672c\u8a9e\u306e\u8a71\", \"speakers\": [{\"name\": \"\u00c9mile\", \"homepage\": \"example.org\"}], \"recorded\": \"2016\"}",
			[]string{`t.json:1:74: format: speakers/0/homepage: "example.org" is not an absolute URL; write "https://example.org"`}},
		{"syntax error after multi-byte text", "{\n\t\"title\": \"\u00e9\u00e9\u00e9\" \"recorded\": \"2016\"\n}",
			[]string{`t.json:2:20: json: invalid character '"', want ',' or '}' after an object member`}},
		{"a place within a description", "{\r\n\t\"title\": \"T\", \"speakers\": [{\"name\": \"A\"}], \"recorded\": \"2016\", \"markup\": \"rst\",\r\n\t\"description\": \"\u00e9\u00e9 \\u00e9\\n\\n`unclosed\"\r\n}",
			[]string{"t.json:3:33: rst: description line 3: Inline interpreted text or phrase reference start-string without end-string."}},
		// A surrogate pair is one character of four bytes; a low
		// surrogate alone is U+FFFD, three, and pairs with no escape
		// after it.
		{"a place within a description after escaped surrogates", "{\"title\": \"T\", \"speakers\": [{\"name\": \"A\"}], \"recorded\": \"2016\", \"markup\": \"rst\",\n\"description\": \"\\ud83d\\ude00 \\udc00\\u00e9\\n\\n`unclosed\"}",
			[]string{
				`t.json:2:30: json: description: \udc00 is half of a UTF-16 surrogate pair, without the other: no character; readers take it as U+FFFD, and fmt will not rewrite the file (warning)`,
				"t.json:2:46: rst: description line 3: Inline interpreted text or phrase reference start-string without end-string.",
			}},
		{"a record after a blank line", "\r\n{\"speakers\": [{\"name\": \"A\"}], \"recorded\": \"2016\"}",
			[]string{`t.json:2:1: required: the record: the member "title" is required`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, lines((&Validator{}).ValidateTalk([]byte(tt.record), "t.json"))); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

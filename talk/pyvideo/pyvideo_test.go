package pyvideo_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// archive is a copy of real records that show every quirk of pyvideo's data.
const archive = "../../testdata/pyvideo"

// decodeValue decodes JSON into a generic value with numbers kept as
// written, to compare documents as JSON values.
func decodeValue(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return normalizeNumbers(v)
}

// normalizeNumbers makes 1508 and 1508.0 compare equal: the same JSON
// number value spelled two ways. It compares exact values, not float64s,
// which would take 0.1234567890123456789 and 0.12345678901234568, or
// 1e-400 and 0.0, for the same. A number of an exponent beyond ±400,
// which big.Rat would take long to read, is compared as spelled.
func normalizeNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		_, exp, _ := strings.Cut(strings.ToLower(string(v)), "e")
		if n, err := strconv.Atoi(exp); exp != "" && (err != nil || n > 400 || n < -400) {
			return "spelled " + string(v)
		}
		r, ok := new(big.Rat).SetString(string(v))
		if !ok {
			return "unreadable " + string(v)
		}
		return r.RatString()
	case []any:
		for i := range v {
			v[i] = normalizeNumbers(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = normalizeNumbers(v[k])
		}
	}
	return v
}

// isCanonical reports whether data is in the form Python's
// json.dumps(indent=2, sort_keys=True) + "\n" writes, checked
// independently of the package's writer: the layout is what json.Indent
// makes, keys are sorted at every level, and every escape is one Python
// makes (non-ASCII and control characters as lower-case \uXXXX).
func isCanonical(data []byte) bool {
	var b bytes.Buffer
	if json.Indent(&b, bytes.TrimSuffix(data, []byte("\n")), "", "  ") != nil {
		return false
	}
	b.WriteByte('\n')
	if !bytes.Equal(b.Bytes(), data) {
		return false
	}
	for _, c := range data {
		if c >= 0x80 {
			return false
		}
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		i++
		switch data[i] {
		case '"', '\\', 'n', 'r', 't', 'b', 'f':
		case 'u':
			hex := string(data[i+1 : i+5])
			if strings.ToLower(hex) != hex {
				return false
			}
			var r rune
			for _, h := range hex {
				r = r*16 + rune(strings.IndexRune("0123456789abcdef", h))
			}
			if r >= 0x20 && r < 0x7f || strings.ContainsRune("\n\r\t\b\f", r) {
				return false
			}
			i += 4
		default:
			return false
		}
	}
	return keysSorted(json.NewDecoder(bytes.NewReader(data)))
}

// keysSorted walks the document's tokens and reports whether the keys of
// every object are in sorted order.
func keysSorted(dec *json.Decoder) bool {
	type frame struct {
		object, atKey bool
		last          string
		seen          bool
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		n := len(stack)
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if n > 0 && stack[n-1].object {
					stack[n-1].atKey = true // this value ends the member
				}
				stack = append(stack, frame{object: d == '{', atKey: d == '{'})
			default:
				stack = stack[:n-1]
			}
			continue
		}
		if n == 0 || !stack[n-1].object {
			continue
		}
		f := &stack[n-1]
		if f.atKey {
			k := tok.(string)
			if f.seen && f.last > k {
				return false
			}
			f.last, f.seen = k, true
		}
		f.atKey = !f.atKey
	}
}

// checkRoundTrip asserts the package's promise for one file: canonical
// files come back byte for byte, others as the same JSON value.
func checkRoundTrip(t *testing.T, path string, raw []byte, tk *talk.Talk) (identical bool) {
	t.Helper()
	out, err := pyvideo.MarshalTalk(tk)
	if err != nil {
		t.Fatalf("%s: MarshalTalk: %v", path, err)
	}
	if bytes.Equal(out, raw) {
		return true
	}
	if again, err := pyvideo.Format(out, path); err != nil || !bytes.Equal(again, out) {
		t.Errorf("%s: formatting the output again changed it (%v):\n%s", path, err, cmp.Diff(string(out), string(again)))
	}
	if isCanonical(raw) {
		t.Errorf("%s is in canonical form but did not come back byte for byte:\n%s", path, cmp.Diff(string(raw), string(out)))
	}
	if diff := cmp.Diff(decodeValue(t, raw), decodeValue(t, out)); diff != "" {
		t.Errorf("%s did not come back as the same JSON value (-want +got):\n%s", path, diff)
	}
	if !reflect.DeepEqual(uncanonical(raw), uncanonical(out)) {
		t.Errorf("%s: the writer changed number spelling", path)
	}
	return false
}

// uncanonical returns the number literals of a document, which must
// survive even when the layout changes.
func uncanonical(data []byte) []string {
	var nums []string
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if n, ok := tok.(json.Number); ok {
			nums = append(nums, string(n))
		}
	}
	return nums
}

func TestRoundTripTestdata(t *testing.T) {
	var got []string
	for tk, err := range pyvideo.Talks(os.DirFS(archive)) {
		if err != nil {
			t.Fatal(err)
		}
		if checkRoundTrip(t, tk.Origin.Path, tk.Origin.Raw, tk) {
			got = append(got, tk.Origin.Path+" identical")
		} else {
			got = append(got, tk.Origin.Path+" same value")
		}
	}
	want := []string{
		"bostonpy/videos/boston-python-meetup--how-to-test-the-hard-stuff.json identical",
		"caipyra-2018/videos/caipyra-2018-computacao-neuromorfica-caroline-dantas.json identical",
		"chicago-djangonauts/videos/consuming-tasks-with-celery.json identical",
		"chicago-djangonauts/videos/upgrading-django.json identical",
		"chipy/videos/15260.json same value",
		"chipy/videos/asynchronous-vs--threaded-python.json identical",
		"djangocon-au-2019/videos/rust-s-recipes-for-code-and-community-e-dunham-pycon-au-2019.json identical",
		"europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json identical",
		"europython-2020/videos/aaron-ma-machine-learning-for-everyone.json identical",
		"north-bay-python-2018/videos/2fa-wtf.json identical",
		"pycascades-2019/videos/josh-weissbock-distributed-web-scraping-in-python.json identical",
		"pycode-conference-2018/videos/adam-jurkiewicz-python-in-schools-in-poland-pycode-conference-2018.json identical",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// TestRoundTripCorpus proves the round trip over the whole shared corpus.
func TestRoundTripCorpus(t *testing.T) {
	dir := os.Getenv("TALKMETA_CORPUS")
	if dir == "" {
		t.Skip("TALKMETA_CORPUS is not set; set it to the pyvideo corpus (../shared/corpus/pyvideo) to run this test")
	}
	var talks, identical, canonical, events, eventsIdentical int
	for tk, err := range pyvideo.Talks(os.DirFS(dir)) {
		if err != nil {
			t.Error(err)
			continue
		}
		talks++
		if isCanonical(tk.Origin.Raw) {
			canonical++
		}
		if checkRoundTrip(t, tk.Origin.Path, tk.Origin.Raw, tk) {
			identical++
		}
	}
	// Every canonical file came back identical (checkRoundTrip says which
	// did not); no other file can, since the writer only writes canonical.
	if identical != canonical {
		t.Errorf("%d files came back byte-identical, but %d are in canonical form", identical, canonical)
	}
	cats, _ := fs.Glob(os.DirFS(dir), "*/category.json")
	for _, c := range cats {
		raw, err := os.ReadFile(filepath.Join(dir, c))
		if err != nil {
			t.Fatal(err)
		}
		out, err := pyvideo.FormatEvent(raw, c)
		if err != nil {
			t.Errorf("%s: %v", c, err)
			continue
		}
		if diff := cmp.Diff(decodeValue(t, raw), decodeValue(t, out)); diff != "" {
			t.Errorf("%s did not come back as the same JSON value (-want +got):\n%s", c, diff)
		}
		switch again, err := pyvideo.FormatEvent(out, c); {
		case bytes.Equal(out, raw):
			eventsIdentical++
		case isCanonical(raw):
			t.Errorf("%s is in canonical form but did not come back byte for byte:\n%s", c, cmp.Diff(string(raw), string(out)))
		case err != nil || !bytes.Equal(again, out):
			t.Errorf("%s: formatting the output again changed it (%v):\n%s", c, err, cmp.Diff(string(out), string(again)))
		}
		events++
	}
	// The files that do not come back byte for byte differ in layout
	// alone: indented by four, keys not sorted, no final newline, CRLF
	// line ends, non-ASCII text unescaped (1,971 talks and 26 events of
	// the shared corpus); checkRoundTrip has held each to the same JSON
	// value, numbers exact, and its output to a second Format.
	t.Logf("%d talks: %d in canonical form came back byte-identical, %d others as the same JSON value; %d events, %d byte-identical",
		talks, identical, talks-identical, events, eventsIdentical)
	if talks == 0 {
		t.Error("no talks found in TALKMETA_CORPUS")
	}
}

// TestParseTalk pins the model each quirky record becomes, as talkmeta
// JSON, in golden files.
func TestParseTalk(t *testing.T) {
	for tk, err := range pyvideo.Talks(os.DirFS(archive)) {
		if err != nil {
			t.Fatal(err)
		}
		t.Run(tk.Event.ID+"/"+tk.ID, func(t *testing.T) {
			got, err := json.MarshalIndent(tk, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, filepath.Join("testdata", "model", tk.Event.ID, tk.ID+".json"), got)
			// The talkmeta form reads back to the same model.
			var back talk.Talk
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			tk.Origin = talk.Origin{}
			tk.Event.Origin = talk.Origin{}
			if diff := cmp.Diff(*tk, back); diff != "" {
				t.Errorf("talkmeta JSON round trip (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMarshalChanged checks that a changed member is written from the
// model while the untouched ones keep the file's spelling.
func TestMarshalChanged(t *testing.T) {
	raw := []byte(`{"title": "Old", "duration": 1508.0, "copyright_text": null, "speakers": ["A"], "description": "", "recorded": "2016-08-04", "videos": [], "related_urls": ["https://example.org/x"]}`)
	tk, err := pyvideo.ParseTalk(raw, "ev/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	tk.Title = "New"
	tk.Tags = []string{"python"}
	got, err := pyvideo.MarshalTalk(tk)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "copyright_text": null,
  "description": "",
  "duration": 1508.0,
  "recorded": "2016-08-04",
  "related_urls": [
    "https://example.org/x"
  ],
  "speakers": [
    "A"
  ],
  "tags": [
    "python"
  ],
  "title": "New",
  "videos": []
}
`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Without an origin the model alone decides.
	tk.Origin = talk.Origin{}
	got, _ = pyvideo.MarshalTalk(tk)
	want = `{
  "description": "",
  "duration": 1508,
  "recorded": "2016-08-04",
  "related_urls": [
    {
      "label": "",
      "url": "https://example.org/x"
    }
  ],
  "speakers": [
    "A"
  ],
  "tags": [
    "python"
  ],
  "title": "New",
  "videos": []
}
`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("without origin (-want +got):\n%s", diff)
	}
}

func TestParseTalkErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     talk.RecordError
	}{
		{"syntax", "{\n  \"title\": \"x\",\n  \"speakers\": [\"a\" \"b\"]\n}", talk.RecordError{Line: 3, Column: 20, Err: errors.New("invalid JSON: invalid character '\"', want ',' or ']' after an array element")}},
		{"not an object", `["x"]`, talk.RecordError{Line: 1, Column: 1, Err: errors.New("want an object, got array")}},
		{"byte order mark", "\uFEFF{\"title\": \"x\"}", talk.RecordError{Line: 1, Column: 1, Err: errors.New("invalid JSON: the file starts with a byte order mark (U+FEFF), which JSON must not; save it as UTF-8 without one")}},
		{"UTF-16", "\x00{\x00\"\x00}", talk.RecordError{Line: 1, Column: 1, Err: errors.New("invalid JSON: the file is UTF-16 (big-endian); JSON must be UTF-8")}},
		{"trailing data", `{"title": "x"} {}`, talk.RecordError{Line: 1, Column: 16, Err: errors.New("invalid JSON: unexpected data after the JSON value")}},
		{"wrong type", "{\n  \"title\": 12\n}", talk.RecordError{Pointer: "/title", Line: 2, Column: 12, Err: errors.New("want a string, got number")}},
		{"speaker not a string", `{"speakers": ["a", {"name": "b"}]}`, talk.RecordError{Pointer: "/speakers/1", Line: 1, Column: 20, Err: errors.New("want a string, got object")}},
		{"bad date", `{"recorded": "2016-02-30"}`, talk.RecordError{Pointer: "/recorded", Line: 1, Column: 14, Err: errors.New(`"2016-02-30" is not a real date`)}},
		{"duration string", `{"duration": "25:08"}`, talk.RecordError{Pointer: "/duration", Line: 1, Column: 14, Err: errors.New("want a number of seconds, got string")}},
		{"duration beyond a float64", `{"duration": 1e400}`, talk.RecordError{Pointer: "/duration", Line: 1, Column: 14, Err: errors.New("1e400 seconds is out of range")}},
		{"duration below a nanosecond", `{"duration": 1e-10}`, talk.RecordError{Pointer: "/duration", Line: 1, Column: 14, Err: errors.New("1e-10 seconds is less than a nanosecond, the finest a duration holds, and would be read as zero, which means unknown")}},
		{"duration of twenty digits of nanoseconds", `{"duration": 99999999999}`, talk.RecordError{Pointer: "/duration", Line: 1, Column: 14, Err: errors.New("99999999999 seconds is out of range")}},
		{"duration a twentieth of a nanosecond", `{"duration": 5e-11}`, talk.RecordError{Pointer: "/duration", Line: 1, Column: 14, Err: errors.New("5e-11 seconds is less than a nanosecond, the finest a duration holds, and would be read as zero, which means unknown")}},
		{"length beyond a Duration", `{"videos": [{"length": 99999999999999999999999}]}`, talk.RecordError{Pointer: "/videos/0/length", Line: 1, Column: 24, Err: errors.New("99999999999999999999999 seconds is out of range")}},
		{"video url", "{\"videos\": [\n  {\"type\": \"youtube\", \"url\": 5}]}", talk.RecordError{Pointer: "/videos/0/url", Line: 2, Column: 30, Err: errors.New("want a string, got number")}},
		// A bad url is reported, though a good label follows it.
		{"related url not a string", `{"related_urls": [{"url": 5, "label": "Slides"}]}`, talk.RecordError{Pointer: "/related_urls/0/url", Line: 1, Column: 27, Err: errors.New("want a string, got number")}},
		{"related url member", `{"related_urls": [{"href": "x"}]}`, talk.RecordError{Pointer: "/related_urls/0/href", Line: 1, Column: 28, Err: errors.New(`unexpected member "href" in a related URL (want label and url)`)}},
		{"id not whole", `{"id": 1.5}`, talk.RecordError{Pointer: "/id", Line: 1, Column: 8, Err: errors.New("want a whole number, got 1.5")}},
		{"second video size", `{"videos": [{"url": "a"}, {"size": "big"}]}`, talk.RecordError{Pointer: "/videos/1/size", Line: 1, Column: 36, Err: errors.New(`want a whole number, got "big"`)}},
		{"tag eleven", `{"tags": ["0","1","2","3","4","5","6","7","8","9","10",11]}`, talk.RecordError{Pointer: "/tags/11", Line: 1, Column: 56, Err: errors.New("want a string, got number")}},
		{"escaped member", `{"related_urls": ["u", {"a/b~c": "x"}]}`, talk.RecordError{Pointer: "/related_urls/1/a~1b~0c", Line: 1, Column: 34, Err: errors.New(`unexpected member "a/b~c" in a related URL (want label and url)`)}},
		{"empty member", `{"related_urls": [{"": "x"}]}`, talk.RecordError{Pointer: "/related_urls/0/", Line: 1, Column: 24, Err: errors.New(`unexpected member "" in a related URL (want label and url)`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pyvideo.ParseTalk([]byte(tt.in), "ev/videos/t.json")
			var got *talk.RecordError
			if !errors.As(err, &got) {
				t.Fatalf("got %v, want a *talk.RecordError", err)
			}
			tt.want.Path = "ev/videos/t.json"
			if diff := cmp.Diff(tt.want.Error(), got.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]any{tt.want.Pointer, tt.want.Line, tt.want.Column}, []any{got.Pointer, got.Line, got.Column}); diff != "" {
				t.Errorf("position (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTalksLayout(t *testing.T) {
	talkJSON := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`{"title": "` + title + `", "speakers": [], "videos": [], "description": "", "recorded": "2020-01-01"}`)}
	}
	fsys := fstest.MapFS{
		"README.md":                 {Data: []byte("not an event")},
		".git/config":               {Data: []byte("hidden")},
		"a-conf/category.json":      {Data: []byte(`{"title": "A Conf"}`)},
		"a-conf/videos/b.json":      talkJSON("B"),
		"a-conf/videos/a.json":      talkJSON("A"),
		"a-conf/videos/broken.json": {Data: []byte(`{"title": `)},
		"a-conf/videos/notes.txt":   {Data: []byte("x")},
		"a-conf/videos/pipe.json":   {Mode: fs.ModeNamedPipe},
		"a-conf/stray.json":         {Data: []byte("{}")},
		"b-conf/videos/c.json":      talkJSON("C"),
		"c-conf/category.json":      {Data: []byte(`{"title": 3}`)},
		"c-conf/videos/d.json":      talkJSON("D"),
		"d-conf/category.json/x":    {Data: []byte(`{"title": "D Conf"}`)},
		"d-conf/videos/e.json":      talkJSON("E"),
		"e-conf/category.json":      {Data: []byte(`{"title": "E Conf"}`)},
		"e-conf/videos":             {Data: []byte("x")},
	}
	var got []string
	for tk, err := range pyvideo.Talks(fsys) {
		if err != nil {
			got = append(got, "error: "+err.Error())
			continue
		}
		got = append(got, tk.Event.ID+"/"+tk.ID+" "+tk.Title+" @ "+tk.Event.Title)
	}
	want := []string{
		"error: pyvideo: a-conf/stray.json: unexpected in an event directory, which holds category.json and videos/ only",
		"a-conf/a A @ A Conf",
		"a-conf/b B @ A Conf",
		"error: a-conf/videos/broken.json:1:11: invalid JSON: unexpected end of input",
		"error: pyvideo: a-conf/videos/notes.txt: unexpected in videos/, which holds talk records (*.json) only",
		"error: pyvideo: a-conf/videos/pipe.json: a named pipe, where a file was expected; not read",
		"error: pyvideo: b-conf: the event has no category.json",
		"b-conf/c C @ ",
		"error: c-conf/category.json:1:11: /title: want a string, got number",
		"c-conf/d D @ ",
		"error: pyvideo: d-conf/category.json: a directory, where the event's record, the file category.json, belongs",
		"d-conf/e E @ ",
		"error: pyvideo: e-conf/videos: a file, where the event's directory of talks, videos/, belongs",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Breaking out of the loop stops the readers (the race detector and
	// the test's end would report a leaked, blocked goroutine's writes).
	for range pyvideo.Talks(fsys) {
		break
	}
}

// TestTalksStop stops reading an archive after each number of talks and
// errors: every goroutine the reading started has ended when the loop
// is left.
func TestTalksStop(t *testing.T) {
	fsys := os.DirFS(archive)
	all := 0
	for range pyvideo.Talks(fsys) {
		all++
	}
	before := runtime.NumGoroutine()
	for stop := range all {
		n := 0
		for range pyvideo.Talks(fsys) {
			if n == stop {
				break
			}
			n++
		}
		if n != stop {
			t.Fatalf("stopped after %d of %d, want %d", n, all, stop)
		}
		// A goroutine that has signalled its end may still be leaving.
		for wait := time.Millisecond; runtime.NumGoroutine() > before && wait < time.Second; wait *= 2 {
			time.Sleep(wait)
		}
		if now := runtime.NumGoroutine(); now > before {
			t.Fatalf("stopped after %d: %d goroutines, %d before", stop, now, before)
		}
	}
}

// TestTalksSymlinks reads an archive whose event directory and videos/
// directory are symbolic links to others: their talks are read, not
// passed over.
func TestTalksSymlinks(t *testing.T) {
	elsewhere, archive := t.TempDir(), t.TempDir()
	if err := os.CopyFS(elsewhere, os.DirFS(filepath.Join("..", "..", "testdata", "pyvideo"))); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(archive, "europython-2020"), 0o755); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"ep16":                          "europython-2016",
		"europython-2020/category.json": "europython-2020/category.json",
		"europython-2020/videos":        "europython-2020/videos",
	} {
		if err := os.Symlink(filepath.Join(elsewhere, target), filepath.Join(archive, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	got := archiveLines(archive)
	want := []string{
		"ep16/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome @ EuroPython 2016", // the event as the archive names it
		"europython-2020/aaron-ma-machine-learning-for-everyone @ EuroPython 2020",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestFormatNumbers checks that Format writes numbers as Python's
// json.dumps does, whatever their spelling in the source or in Extra: the
// output is canonical, not merely the same JSON value. The wants are
// Python's json.dumps(json.loads(src), indent=2, sort_keys=True).
func TestFormatNumbers(t *testing.T) {
	raw := []byte(`{"title": "t", "description": "", "recorded": null, "speakers": [], "duration": 1e3,
"videos": [{"type": "mp4", "url": "https://example.org/a.mp4", "length": 12.50, "size": 100, "bitrate": 2E5}],
"abstract": null, "score": -0, "ratio": 1.5e-7, "big": 1e16, "small": 0.0001, "tiny": 0.00001, "whole": 1508.0,
"nested": {"b": [1E+2, -0.0, 12345678901234567890123]}}`)
	got, err := pyvideo.Format(raw, "ev/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "abstract": null,
  "big": 1e+16,
  "description": "",
  "duration": 1000.0,
  "nested": {
    "b": [
      100.0,
      -0.0,
      12345678901234567890123
    ]
  },
  "ratio": 1.5e-07,
  "recorded": null,
  "score": 0,
  "small": 0.0001,
  "speakers": [],
  "tiny": 1e-05,
  "title": "t",
  "videos": [
    {
      "bitrate": 200000.0,
      "length": 12.5,
      "size": 100,
      "type": "mp4",
      "url": "https://example.org/a.mp4"
    }
  ],
  "whole": 1508.0
}
`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMarshalUnreadableDate: a date whose year has no four-digit form is
// refused by the writer, which would otherwise write a file its own reader
// refuses ("not a date (want YYYY-MM-DD)").
func TestMarshalUnreadableDate(t *testing.T) {
	far := talk.DateTimeOf(time.Date(12345, 6, 1, 10, 0, 0, 0, time.UTC), false)
	var got []string
	_, err := pyvideo.MarshalTalk(&talk.Talk{Title: "T", Recorded: far})
	got = append(got, fmt.Sprint(err))
	_, err = pyvideo.MarshalEvent(&talk.Event{Title: "E", Start: talk.MustParseDate("2016-07-17"), End: far})
	got = append(got, fmt.Sprint(err))
	var de *talk.DateError
	got = append(got, fmt.Sprint(errors.As(err, &de)))
	// A record read from a file is named by its path, as by talk's
	// MarshalJSON, and placed by its pointer.
	_, err = pyvideo.MarshalTalk(&talk.Talk{Title: "T", Recorded: far, Origin: talk.Origin{Path: "ev/videos/t.json"}})
	var re *talk.RecordError
	got = append(got, fmt.Sprint(err), fmt.Sprint(errors.As(err, &re) && re.Path == "ev/videos/t.json" && re.Pointer == "/recorded"))
	// In an archive, the talk is named once, and the package once.
	_, err = pyvideo.ArchiveFiles([]*talk.Talk{{Title: "T", Event: talk.Event{ID: "ev", Title: "Ev"}, Recorded: far}})
	got = append(got, fmt.Sprint(err), fmt.Sprint(errors.As(err, &de)))
	want := []string{
		`/recorded: pyvideo: "12345-06-01T10:00:00" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		`/end_date: pyvideo: "12345-06-01T10:00:00" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		"true",
		`ev/videos/t.json: /recorded: pyvideo: "12345-06-01T10:00:00" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		"true",
		`pyvideo: talk "t": /recorded: "12345-06-01T10:00:00" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`,
		"true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseTalkDateError: a refused date is a *talk.DateError to
// errors.As, as talk.ParseJSON's is, with the message unchanged.
func TestParseTalkDateError(t *testing.T) {
	_, err := pyvideo.ParseTalk([]byte(`{"recorded": "2016-02-30"}`), "ev/videos/t.json")
	var de *talk.DateError
	got := []string{fmt.Sprint(err), fmt.Sprint(errors.As(err, &de))}
	if de != nil {
		got = append(got, de.Text, de.Reason)
	}
	want := []string{`ev/videos/t.json:1:14: /recorded: "2016-02-30" is not a real date`, "true", "2016-02-30", "is not a real date"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMarshalExtraClash: an Extra member named like a member written from
// the model is refused, as talk's MarshalJSON refuses one, rather than
// silently replacing the model's value ("title" was written as "B").
// Names that differ in case are other members in pyvideo's form, which
// Python's json reads case-sensitively.
func TestMarshalExtraClash(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	var got []string
	_, err := pyvideo.MarshalTalk(&talk.Talk{Title: "A", Extra: map[string]json.RawMessage{"title": raw(`"B"`), "tags": raw(`[]`), "x": raw(`1`)}})
	got = append(got, fmt.Sprint(err))
	_, err = pyvideo.MarshalTalk(&talk.Talk{Title: "A", Origin: talk.Origin{Path: "e/videos/a.json"}, Videos: []talk.Video{{URL: "https://a.example/v.mp4"}, {URL: "https://b.example/v.mp4", Extra: map[string]json.RawMessage{"url": raw(`"x"`)}}}})
	got = append(got, fmt.Sprint(err))
	// A *talk.RecordError, as every other refusal of the writer's.
	var re *talk.RecordError
	if !errors.As(err, &re) || re.Path != "e/videos/a.json" || re.Pointer != "/videos/1/url" {
		t.Errorf("error %v: want a *talk.RecordError at e/videos/a.json /videos/1/url", err)
	}
	_, err = pyvideo.MarshalEvent(&talk.Event{Title: "E", Extra: map[string]json.RawMessage{"start_date": raw(`"2016-07-17"`)}})
	got = append(got, fmt.Sprint(err))
	b, err := pyvideo.MarshalTalk(&talk.Talk{Title: "A", Extra: map[string]json.RawMessage{"Title": raw(`"B"`)}})
	got = append(got, string(b), fmt.Sprint(err))
	for _, tk := range []*talk.Talk{
		{Title: "A", Extra: map[string]json.RawMessage{"duration": raw(`1508`)}},
		{Title: "A", Videos: []talk.Video{{URL: "u", Extra: map[string]json.RawMessage{"size": raw(`1`)}}}},
	} {
		_, err = pyvideo.MarshalTalk(tk)
		got = append(got, fmt.Sprint(err))
	}
	_, err = pyvideo.MarshalEvent(&talk.Event{Title: "E", Extra: map[string]json.RawMessage{"end_date": raw(`"2016-07-24"`)}})
	got = append(got, fmt.Sprint(err))
	want := []string{
		`/tags: pyvideo: Extra member "tags" has the name of a member written from the model; set the field, or give the member another name`,
		`e/videos/a.json: /videos/1/url: pyvideo: Extra member "url" has the name of a member written from the model; set the field, or give the member another name`,
		`/start_date: pyvideo: Extra member "start_date" has the name of a member written from the model; set the field, or give the member another name`,
		"{\n  \"Title\": \"B\",\n  \"description\": \"\",\n  \"recorded\": null,\n  \"speakers\": [],\n  \"title\": \"A\",\n  \"videos\": []\n}\n",
		"<nil>",
		`/duration: pyvideo: Extra member "duration" has the name of a member written from the model; set the field, or give the member another name`,
		`/videos/0/size: pyvideo: Extra member "size" has the name of a member written from the model; set the field, or give the member another name`,
		`/end_date: pyvideo: Extra member "end_date" has the name of a member written from the model; set the field, or give the member another name`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestEventDirectoryRoot: an fsys rooted at one event's directory is read
// by EventTalks(fsys, ".") (which opened "./category.json", an invalid
// fs.FS path) and by Talks (which took videos/ for an event without a
// category.json), as schema's CheckArchive checks such a directory.
func TestEventDirectoryRoot(t *testing.T) {
	fsys := fstest.MapFS{
		"category.json":  {Data: []byte(`{"title": "EuroPython 2016"}`)},
		"videos/a.json":  {Data: []byte(`{"title": "A", "speakers": [], "videos": [], "description": "", "recorded": "2016-07-18"}`)},
		"videos/b.json":  {Data: []byte(`{"title": "B", "speakers": [], "videos": [], "description": "", "recorded": null}`)},
		"videos/.hidden": {Data: []byte(`x`)},
	}
	read := func(seq func(func(*talk.Talk, error) bool)) []string {
		var got []string
		for tk, err := range seq {
			if err != nil {
				got = append(got, "error: "+err.Error())
				continue
			}
			got = append(got, fmt.Sprintf("%q %q %q %q", tk.Event.ID, tk.Event.Title, tk.ID, tk.Origin.Path))
		}
		return got
	}
	want := []string{
		`"" "EuroPython 2016" "a" "videos/a.json"`,
		`"" "EuroPython 2016" "b" "videos/b.json"`,
	}
	if diff := cmp.Diff(want, read(pyvideo.EventTalks(fsys, "."))); diff != "" {
		t.Errorf("EventTalks(fsys, \".\") (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, read(pyvideo.Talks(fsys))); diff != "" {
		t.Errorf("Talks (-want +got):\n%s", diff)
	}
}

// TestOriginRawClipped: a record's Origin.Raw is the caller's data, but
// appending to it does not write into the spare room of the caller's
// buffer, where the next file read into it may be; so for every reader
// of talks and events, pyvideo's and talkmeta's.
func TestOriginRawClipped(t *testing.T) {
	const rec = `{"title":"T"}`
	raw := map[string]func([]byte) ([]byte, error){
		"talk.ParseJSON": func(b []byte) ([]byte, error) {
			tk, err := talk.ParseJSON(b, "t.json")
			if err != nil {
				return nil, err
			}
			return tk.Origin.Raw, nil
		},
		"talk.ParseEventJSON": func(b []byte) ([]byte, error) {
			ev, err := talk.ParseEventJSON(b, "e.json")
			if err != nil {
				return nil, err
			}
			return ev.Origin.Raw, nil
		},
		"pyvideo.ParseTalk": func(b []byte) ([]byte, error) {
			tk, err := pyvideo.ParseTalk(b, "e/videos/t.json")
			if err != nil {
				return nil, err
			}
			return tk.Origin.Raw, nil
		},
		"pyvideo.ParseEvent": func(b []byte) ([]byte, error) {
			ev, err := pyvideo.ParseEvent(b, "e/category.json")
			if err != nil {
				return nil, err
			}
			return ev.Origin.Raw, nil
		},
	}
	for name, read := range raw {
		buf := make([]byte, len(rec), 64)
		copy(buf, rec)
		r, err := read(buf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_ = append(r, "XX"...)
		got := []string{string(r), string(buf[:len(rec)+2])}
		if diff := cmp.Diff([]string{rec, rec + "\x00\x00"}, got); diff != "" {
			t.Errorf("%s: Origin.Raw, then the caller's buffer (-want +got):\n%s", name, diff)
		}
	}
}

// archiveLines reads the archive in the directory dir as pyvideo.Talks
// gives it: "event/talk @ event title" for each talk, "error: ..." for
// each error, in order.
func archiveLines(dir string) []string {
	var lines []string
	for tk, err := range pyvideo.Talks(osfs.DirFS(dir)) {
		if err != nil {
			lines = append(lines, "error: "+err.Error())
			continue
		}
		lines = append(lines, tk.Event.ID+"/"+tk.ID+" @ "+tk.Event.Title)
	}
	return lines
}

// TestDurationDigits: a duration in seconds is read from its digits, to
// the nearest nanosecond, not through a float64, whose product with 1e9
// a conversion cut to 1.004999999 s for 1.005.
func TestDurationDigits(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"1508", 1508 * time.Second},
		{"1508.0", 1508 * time.Second},
		{"1.005", 1005 * time.Millisecond},
		{"4.35", 4350 * time.Millisecond},
		{"0.000000001", 1},
		{"1e-9", 1},
		{"5e-10", 1}, // a half rounds up, not to zero
		{"1.5e3", 1500 * time.Second},
		{"150000e-2", 1500 * time.Second},
		{"-0.0", 0},
		{"-0.0E5", 0},
		{"1.0000000004", time.Second},
		{"9223372036.854775807", math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			in := `{"duration": ` + tt.in + `, "videos": [{"length": ` + tt.in + `}]}`
			got, err := pyvideo.ParseTalk([]byte(in), "ev/videos/t.json")
			if err != nil {
				t.Fatal(err)
			}
			want := talk.Duration(tt.want)
			if diff := cmp.Diff([]talk.Duration{want, want}, []talk.Duration{got.Duration, got.Videos[0].Duration}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestMarshalExtraValues: an Extra value that is nil is written as null,
// as talk's MarshalJSON and encoding/json write it, where MarshalTalk
// failed with "the file is empty"; one that is not JSON is refused with
// the record's path and the member's pointer.
func TestMarshalExtraValues(t *testing.T) {
	var got []string
	for _, tk := range []*talk.Talk{
		{Title: "T", Extra: map[string]json.RawMessage{"a": nil}, Videos: []talk.Video{{URL: "u", Extra: map[string]json.RawMessage{"b": {}}}}},
		{Title: "T", Extra: map[string]json.RawMessage{"z": json.RawMessage(`{`), "y": json.RawMessage(`1 2`)}, Origin: talk.Origin{Path: "e/videos/t.json"}},
		{Title: "T", Videos: []talk.Video{{URL: "u"}, {URL: "v", Extra: map[string]json.RawMessage{"x": json.RawMessage(`{"a":1,"a":2}`)}}}},
	} {
		b, err := pyvideo.MarshalTalk(tk)
		var re *talk.RecordError
		if errors.As(err, &re) {
			got = append(got, re.Pointer)
		}
		got = append(got, string(b)+fmt.Sprint(err))
	}
	ev, err := pyvideo.MarshalEvent(&talk.Event{Title: "E", Extra: map[string]json.RawMessage{"x": nil}})
	got = append(got, string(ev)+fmt.Sprint(err))
	want := []string{
		"{\n  \"a\": null,\n  \"description\": \"\",\n  \"recorded\": null,\n  \"speakers\": [],\n  \"title\": \"T\",\n  \"videos\": [\n    {\n      \"b\": null,\n      \"type\": \"\",\n      \"url\": \"u\"\n    }\n  ]\n}\n<nil>",
		"/y", `e/videos/t.json: /y: pyvideo: Extra member "y" is not one JSON value (unexpected data after the JSON value); give it one, such as null or "text"`,
		"/videos/1/x/a", `/videos/1/x/a: pyvideo: Extra member "x" is not one JSON value (duplicate member name "a"); give it one, such as null or "text"`,
		"{\n  \"title\": \"E\",\n  \"x\": null\n}\n<nil>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseTalkNulls: null stands for nothing in every member, the lists
// among them, as older records write it.
func TestParseTalkNulls(t *testing.T) {
	in := `{"title": "T", "speakers": null, "tags": null, "videos": null, "related_urls": null, "description": null,
"summary": null, "recorded": null, "duration": null, "language": null, "id": null, "copyright_text": null}`
	tk, err := pyvideo.ParseTalk([]byte(in), "ev/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(tk)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"id":"t","title":"T","event":{"id":"ev"},"markup":"rst"}`, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseEvent reads each member of a category.json into its field,
// and gives the event the name of the directory above it as its ID, and
// none when there is none: a talk's event is the directory above its
// videos/.
func TestParseEvent(t *testing.T) {
	in := []byte(`{"title": "EuroPython 2016", "description": "Bilbao", "url": "https://ep2016.europython.eu/",
"start_date": "2016-07-17", "end_date": "2016-07-24", "x-venue": {"city": "Bilbao"}}`)
	var got []string
	for _, p := range []string{"europython-2016/category.json", "/category.json", "category.json"} {
		ev, err := pyvideo.ParseEvent(in, p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(b))
	}
	for _, p := range []string{"ev/videos/t.json", "/videos/t.json", "videos/t.json", "t.json"} {
		tk, err := pyvideo.ParseTalk([]byte(`{"title": "T"}`), p)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s: %q %q", p, tk.Event.ID, tk.ID))
	}
	const rest = `"title":"EuroPython 2016","description":"Bilbao","start":"2016-07-17","end":"2016-07-24","url":"https://ep2016.europython.eu/","x-venue":{"city":"Bilbao"}}`
	want := []string{
		`{"id":"europython-2016",` + rest,
		`{` + rest,
		`{` + rest,
		`ev/videos/t.json: "ev" "t"`,
		`/videos/t.json: "" "t"`,
		`videos/t.json: "" "t"`,
		`t.json: "" "t"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMarshalOtherOrigin: a talk read from another format (talkmeta's
// JSON) is written from the model alone, though its Origin.Raw, which
// is no pyvideo record, would read as one: "en" was kept as the source
// spelled it, where pyvideo's form has "eng".
func TestMarshalOtherOrigin(t *testing.T) {
	tk, err := talk.ParseJSON([]byte(`{"title":"T","language":"en"}`), "t.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := pyvideo.MarshalTalk(tk)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"description\": \"\",\n  \"language\": \"eng\",\n  \"recorded\": null,\n  \"speakers\": [],\n  \"title\": \"T\",\n  \"videos\": []\n}\n"
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMarshalEventEndAlone: an event known by its last day alone is
// written with it.
func TestMarshalEventEndAlone(t *testing.T) {
	b, err := pyvideo.MarshalEvent(&talk.Event{Title: "E", End: talk.MustParseDate("2016-07-24")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("{\n  \"end_date\": \"2016-07-24\",\n  \"title\": \"E\"\n}\n", string(b)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTalksHiddenAndRootless: a hidden directory at an archive's top
// (".git") is passed over, JSON files and all; the talks of an event
// directory read as "." without a category.json have an event without
// an ID, as with one, not "."; and an event directory without a
// category.json is reported, whether it has videos/ or not.
func TestTalksHiddenAndRootless(t *testing.T) {
	rec := &fstest.MapFile{Data: []byte(`{"title": "A"}`)}
	read := func(seq func(func(*talk.Talk, error) bool)) []string {
		var got []string
		for tk, err := range seq {
			if err != nil {
				got = append(got, "error: "+err.Error())
				continue
			}
			got = append(got, fmt.Sprintf("%q %q", tk.Event.ID, tk.Origin.Path))
		}
		return got
	}
	got := read(pyvideo.Talks(fstest.MapFS{".git/config.json": rec, "ev/category.json": {Data: []byte(`{"title": "Ev"}`)}, "ev/videos/a.json": rec}))
	got = append(got, read(pyvideo.EventTalks(fstest.MapFS{"videos/a.json": rec}, "."))...)
	// An event directory with neither category.json nor videos/.
	got = append(got, read(pyvideo.EventTalks(fstest.MapFS{"ev/notes.txt": rec}, "ev"))...)
	want := []string{
		`"ev" "ev/videos/a.json"`,
		"error: pyvideo: .: the event has no category.json",
		`"" "videos/a.json"`,
		"error: pyvideo: ev/notes.txt: unexpected in an event directory, which holds category.json and videos/ only",
		"error: pyvideo: ev: the event has no category.json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseTalkVideoProvider: a video's type names its provider, and its
// URL gives the video's ID when it is that provider's, or the type names
// none; a URL of another host never overrides the type.
func TestParseTalkVideoProvider(t *testing.T) {
	in := `{"title": "T", "videos": [{"type": "youtube", "url": "https://youtu.be/abc"}, {"type": "", "url": "https://youtu.be/abc"},
{"type": "vimeo", "url": "https://youtu.be/abc"}, {"type": "youtube", "url": "https://example.org/talk.mp4"}]}`
	tk, err := pyvideo.ParseTalk([]byte(in), "ev/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(tk.Videos)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"provider":"youtube","url":"https://youtu.be/abc","id":"abc"},{"provider":"youtube","url":"https://youtu.be/abc","id":"abc"},` +
		`{"provider":"vimeo","url":"https://youtu.be/abc"},{"provider":"youtube","url":"https://example.org/talk.mp4"}]`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

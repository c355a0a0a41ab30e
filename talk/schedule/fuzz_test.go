package schedule_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// fuzz checks what must hold for any input: no panic, every error a
// positioned RecordError, the event and every talk marshal, and what
// WriteXML writes reads back without a syntax error and with as many
// talks; for an input read without a problem, with the same talks, less
// what WriteXML's documentation lists (see talkViews). WriteXML may
// refuse a schedule only for a date it cannot write (a talk at
// 9999-12-31T23:00Z falls on 10000-01-01 in a zone east of UTC), and then
// writes nothing.
func fuzz(t *testing.T, data []byte, parse func([]byte, string) (*schedule.Schedule, error)) {
	s, err := parse(data, "fuzz")
	clean := err == nil
	if s == nil {
		t.Fatal("nil schedule")
	}
	errorList(t, err)
	if _, err := json.Marshal(s.Event); err != nil {
		t.Fatalf("event does not marshal: %v", err)
	}
	for _, tk := range s.Talks {
		if _, err := json.Marshal(tk); err != nil {
			t.Fatalf("talk does not marshal: %v", err)
		}
	}
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, s); err != nil {
		var de *talk.DateError
		if !errors.As(err, &de) || b.Len() != 0 {
			t.Fatalf("WriteXML: %v, having written %d bytes", err, b.Len())
		}
		return
	}
	back, err := schedule.ParseXML(b.Bytes(), "written")
	for _, e := range errorList(t, err) {
		if strings.Contains(e.Error(), "invalid XML") {
			t.Fatalf("WriteXML wrote malformed XML: %v\n%s", e, b.Bytes())
		}
	}
	if len(back.Talks) != len(s.Talks) {
		t.Fatalf("%d talks written, %d read back", len(s.Talks), len(back.Talks))
	}
	if diff := cmp.Diff(talkViews(t, s, nil), talkViews(t, back, nil)); clean && diff != "" {
		t.Fatalf("talks differ (-first +back):\n%s\n%s", diff, b.Bytes())
	}
}

func seeds(f *testing.F, ext string) {
	names, _ := filepath.Glob("testdata/*." + ext)
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzParseJSON(f *testing.F) {
	seeds(f, "json")
	f.Fuzz(func(t *testing.T, data []byte) { fuzz(t, data, schedule.ParseJSON) })
}

func FuzzParseXML(f *testing.F) {
	seeds(f, "xml")
	f.Fuzz(func(t *testing.T, data []byte) { fuzz(t, data, schedule.ParseXML) })
}

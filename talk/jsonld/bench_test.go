package jsonld_test

import (
	"bytes"
	"io"
	"os"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/internal/corpustest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// BenchmarkWrite writes the seed talk's graph; bytes are those of the
// JSON-LD.
func BenchmarkWrite(b *testing.B) {
	var tk *talk.Talk
	for t, err := range pyvideo.EventTalks(os.DirFS(archive), "europython-2016") {
		if err != nil {
			b.Fatal(err)
		}
		tk = t
		break
	}
	opt := jsonld.Options{BaseURL: "https://talks.example.org"}
	var buf bytes.Buffer
	if _, err := jsonld.Write(&buf, tk, opt); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if _, err := jsonld.Write(&buf, tk, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteZoned writes the seed talk's graph as a schedule gives
// it: at a wall-clock time in its event's IANA zone, which the graph
// names for the talk's start and end and the event's first and last day.
func BenchmarkWriteZoned(b *testing.B) {
	var tk talk.Talk
	for t, err := range pyvideo.EventTalks(os.DirFS(archive), "europython-2016") {
		if err != nil {
			b.Fatal(err)
		}
		tk = *t
		break
	}
	tk.Recorded = talk.DateTimeOf(time.Date(2016, 7, 21, 11, 0, 0, 0, time.UTC), false)
	tk.Duration = talk.Duration(45 * time.Minute)
	tk.Event.TimeZone = "Europe/Madrid"
	tk.Event.Start = talk.DateTimeOf(time.Date(2016, 7, 17, 9, 0, 0, 0, time.UTC), false)
	tk.Event.End = talk.DateTimeOf(time.Date(2016, 7, 24, 18, 0, 0, 0, time.UTC), false)
	opt := jsonld.Options{BaseURL: "https://talks.example.org"}
	var buf bytes.Buffer
	if _, err := jsonld.Write(&buf, &tk, opt); err != nil {
		b.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"startDate":"2016-07-21T11:00:00+02:00"`)) {
		b.Fatalf("the talk's start is not in its zone:\n%s", buf.Bytes())
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if _, err := jsonld.Write(&buf, &tk, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteCorpus writes the graphs of the corpus that
// $TALKMETA_CORPUS names, as the bench program's pipeline does (no
// options): one graph an operation, going round the corpus, so that the
// figures are those of an average talk rather than of the seed.
func BenchmarkWriteCorpus(b *testing.B) {
	talks := corpustest.Talks(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := jsonld.Write(io.Discard, talks[i], jsonld.Options{}); err != nil {
			b.Fatal(err)
		}
		i = (i + 1) % len(talks)
	}
}

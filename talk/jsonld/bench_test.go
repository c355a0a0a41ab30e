package jsonld_test

import (
	"bytes"
	"os"
	"testing"

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

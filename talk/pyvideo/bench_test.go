package pyvideo_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

const seedPath = "europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"

func readSeed(b *testing.B) []byte {
	data, err := os.ReadFile(filepath.Join(archive, seedPath))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkParseTalk(b *testing.B) {
	data := readSeed(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pyvideo.ParseTalk(data, seedPath); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalTalk(b *testing.B) {
	data := readSeed(b)
	t, err := pyvideo.ParseTalk(data, seedPath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pyvideo.MarshalTalk(t); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTalks reads the repository's small archive through the
// concurrent iterator; TALKMETA_CORPUS selects a bigger one.
func BenchmarkTalks(b *testing.B) {
	dir := archive
	if c := os.Getenv("TALKMETA_CORPUS"); c != "" {
		dir = c
	}
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range pyvideo.Talks(fsys) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		b.ReportMetric(float64(n), "talks/op")
	}
}

// BenchmarkArchiveFiles lays the seed talk out as an archive of many
// talks, most with one title, as an import of a schedule does.
func BenchmarkArchiveFiles(b *testing.B) {
	t, err := pyvideo.ParseTalk(readSeed(b), seedPath)
	if err != nil {
		b.Fatal(err)
	}
	talks := make([]*talk.Talk, 64)
	for i := range talks {
		c := *t
		if i%2 == 0 {
			c.Title = fmt.Sprintf("%s %d", t.Title, i)
		}
		talks[i] = &c
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pyvideo.ArchiveFiles(talks); err != nil {
			b.Fatal(err)
		}
	}
}

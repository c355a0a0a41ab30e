package talk_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// BenchmarkParseJSON reads the seed talk in talkmeta's own JSON form.
func BenchmarkParseJSON(b *testing.B) {
	const path = "europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"
	src, err := os.ReadFile("../testdata/pyvideo/" + path)
	if err != nil {
		b.Fatal(err)
	}
	seed, err := pyvideo.ParseTalk(src, path)
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(seed)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := talk.ParseJSON(data, "seed.json"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckUTF8 checks the seed talk's text, as every renderer does
// before it writes the talk: the cost each page, graph and citation pays.
func BenchmarkCheckUTF8(b *testing.B) {
	const path = "europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"
	src, err := os.ReadFile("../testdata/pyvideo/" + path)
	if err != nil {
		b.Fatal(err)
	}
	tk, err := pyvideo.ParseTalk(src, path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := tk.CheckUTF8(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLanguageValid checks a lone primary subtag, as most talks'
// languages are, and a tag with a region.
func BenchmarkLanguageValid(b *testing.B) {
	for _, l := range []talk.Language{"en", "pt-BR"} {
		b.Run(string(l), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.Valid()
			}
		})
	}
}

// BenchmarkParseLanguage parses an ISO 639-3 code, as pyvideo's records
// carry, and a BCP 47 tag with a region.
func BenchmarkParseLanguage(b *testing.B) {
	for _, code := range []string{"eng", "pt-BR"} {
		b.Run(code, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := talk.ParseLanguage(code); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package talk_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/talkmeta/talkmeta/talk"
)

// FuzzParseJSON asserts, for any input: no panic; a failure is a
// *talk.RecordError; a success marshals to talkmeta JSON that reads back
// to the same model and marshals to the same bytes again.
func FuzzParseJSON(f *testing.F) {
	golden, _ := filepath.Glob(filepath.Join("pyvideo", "testdata", "model", "*", "*.json"))
	for _, name := range golden {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"title":"T","recorded":"2016-07-21T10:30:00+02:00","duration":"PT25M8S","parts":[{"title":"P","x":1}],"x-y":[1,2]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tk, err := talk.ParseJSON(data, "t.json")
		if err != nil {
			var re *talk.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("error %v is not a *talk.RecordError", err)
			}
			return
		}
		out, err := json.Marshal(tk)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		back, err := talk.ParseJSON(out, "t.json")
		if err != nil {
			t.Fatalf("output does not read back: %v\n%s", err, out)
		}
		tk.Origin, back.Origin = talk.Origin{}, talk.Origin{}
		if diff := cmp.Diff(tk, back); diff != "" {
			t.Fatalf("model changed through its JSON (-first +second):\n%s", diff)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("marshalling again changed the output:\n%s\n%s", out, again)
		}
	})
}

// FuzzLanguageValid holds Language.Valid, which looks up a lone primary
// subtag without parsing a tag, to language.Parse, for tags of up to 255
// bytes: longer ones are never valid (TestLongLanguageTag).
func FuzzLanguageValid(f *testing.F) {
	for _, s := range []string{"", "en", "eng", "xx", "qaa", "und", "EN", "pt-BR", "zh-Hant", "i-klingon", "en-", "e", "abcd", "iw", "tl", "sh",
		"x-" + strings.Repeat("abcdefgh-", 28) + "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := language.Parse(s)
		if got, want := talk.Language(s).Valid(), s != "" && err == nil && len(s) <= 255; got != want {
			t.Errorf("Language(%q).Valid() = %v, language.Parse says %v", s, got, want)
		}
	})
}

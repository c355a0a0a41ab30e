package talk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/talkmeta/talkmeta/talk"
)

// FuzzParseJSON asserts, for any input: no panic; a failure is a
// *talk.RecordError; a success marshals to talkmeta JSON that keeps every
// value the input gave (see lostLeaves), reads back to the same model and
// marshals to the same bytes again.
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
	// What ParseJSON once read and fmt -w then wrote without: a place's
	// member it has no field for, and the first of two members read
	// into one field.
	f.Add([]byte(`{"title":"T","place":{"room":"A","floor":2},"links":[{"url":"u","kind":"slides"}]}`))
	f.Add([]byte(`{"title":"T","Title":"U"}`))
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
		if lost := lostLeaves(data, out); len(lost) > 0 {
			t.Fatalf("values of the input not in its output: %q\n%s\n%s", lost, data, out)
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

// lostLeaves returns the paths of the values of the JSON document in,
// which ParseJSON read, that its output out has no value at: the strings,
// numbers and booleans, each at its path of member names, folded as the
// reader matches them, and array indices. Only what the model leaves
// out as nothing known is let go: an empty string, a zero number, false,
// null, and a zero duration (PT0S), which the model cannot tell from no
// duration. A member read, then written back, is at its place however it
// is spelled ("ENG" as "en", 1E3 as 1000); one passed over is lost.
func lostLeaves(in, out []byte) []string {
	have, had := map[string]any{}, map[string]any{}
	leaves(decodeAny(out), "", have)
	leaves(decodeAny(in), "", had)
	var lost []string
	for p, v := range had {
		if _, ok := have[p]; !ok && !isNothing(p, v) {
			lost = append(lost, p)
		}
	}
	slices.Sort(lost)
	return lost
}

func decodeAny(data []byte) any {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	return v
}

// isNothing reports whether the leaf v at path p is what the model holds
// as nothing known.
func isNothing(p string, v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case bool:
		return !v
	case string:
		if v == "" {
			return true
		}
		if strings.HasSuffix(p, "/duration") {
			d, err := talk.ParseDuration(v)
			return err == nil && d == 0
		}
	case json.Number:
		f, err := v.Float64()
		return err == nil && f == 0
	}
	return false
}

// leaves puts each string, number, boolean and null of v in into, by
// its path, member names folded as encoding/json matches them.
func leaves(v any, path string, into map[string]any) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			leaves(e, path+"/"+cases.Fold().String(k), into)
		}
	case []any:
		for i, e := range v {
			leaves(e, path+"/"+strconv.Itoa(i), into)
		}
	default:
		into[path] = v
	}
}

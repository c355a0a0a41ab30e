package jsonld

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// FuzzAppendString holds appendString to its definition: encoding/json's
// HTML-safe encoding, with every rune HTML forbids in a page then written
// as a \u escape.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "Yury Selivanov", "https://www.youtube.com/watch?v=m28fiN9y_r8", `a"b\c`, "<&>", "\u2028 é \x7f \x00 \xff", "~ !",
		"\b\f\n\r\t\x01\x1f", "\u0085 \ufdd0 \uffff \U0001fffe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		encoded, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		for _, r := range string(encoded) {
			if needsEscape(r) {
				fmt.Fprintf(&want, "\\u%04x", r)
			} else {
				want.WriteRune(r)
			}
		}
		if got := appendString(nil, s); string(got) != want.String() {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want.String())
		}
	})
}

// FuzzAppendSegment holds appendSegment, which copies a segment that
// needs no escaping as it is, to escaping every segment.
func FuzzAppendSegment(f *testing.F) {
	for _, s := range []string{"", "europython-2016", "yury-selivanov", "a b", "a&b", "a/b", "~$+:=@._-", "é", "%41", "a;b,c?d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendSegment(nil, s)), string(appendEscaped(nil, url.PathEscape(s))); got != want {
			t.Errorf("appendSegment(%q) = %q, want %q", s, got, want)
		}
	})
}

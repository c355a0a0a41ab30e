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

// FuzzPlainWord holds plainWord, appendEscaped's test of eight bytes at
// once, to looking each byte up in jsonPlain.
func FuzzPlainWord(f *testing.F) {
	for _, s := range []string{"abcdefgh", "https://", "a\"bcdefg", "abcdefg\\", "<abcdefg", "abc>defg", "abc&defg", "\x1fabcdefg", "abcdefg\x7f", "abcdef\u00e9", "~~~~~~~~", "        "} {
		f.Add(load64(s, 0))
	}
	f.Fuzz(func(t *testing.T, x uint64) {
		want := true
		for i := range 8 {
			want = want && jsonPlain[byte(x>>(8*i))]
		}
		if got := plainWord(x); got != want {
			t.Errorf("plainWord(%#016x) = %v, want %v", x, got, want)
		}
	})
}

// TestPlainWordBytes puts every byte at every place of a plain word, the
// cases where a borrow or carry between bytes could hide one.
func TestPlainWordBytes(t *testing.T) {
	for c := range 256 {
		for i := range 8 {
			for _, fill := range []uint64{0x6161616161616161, 0x2020202020202020, 0x7e7e7e7e7e7e7e7e} {
				x := fill&^(0xff<<(8*i)) | uint64(c)<<(8*i)
				if got, want := plainWord(x), jsonPlain[c]; got != want {
					t.Errorf("plainWord(%#016x) = %v, want %v", x, got, want)
				}
			}
		}
	}
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

package jsonld

import (
	"net/url"
	"testing"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// FuzzAppendSegment holds appendSegment, which copies a segment that
// needs no escaping as it is, to escaping every segment.
func FuzzAppendSegment(f *testing.F) {
	for _, s := range []string{"", "europython-2016", "yury-selivanov", "a b", "a&b", "a/b", "~$+:=@._-", "é", "%41", "a;b,c?d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendSegment(nil, s)), string(jsonx.HTMLSafe.AppendInside(nil, url.PathEscape(s))); got != want {
			t.Errorf("appendSegment(%q) = %q, want %q", s, got, want)
		}
	})
}

package rst

import "testing"

// TestURIStarts holds uriStarts to what docutils 0.19's Inliner
// patterns.uri.match says of embedded aliases (recorded with it; a random
// sweep of 20,000 short strings agreed too).
func TestURIStarts(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"http://y/a_", true},
		{"a_", false},
		{"http:a_", true},
		{"a/b_", false},
		{"x@y.org_", true},
		{"x@y_", true},
		{"http://a b_", true},
		{"1http:a_", false},
		{"a+b:c_", true},
		{"http://a.\x00_", true},
		{"h:_", true},
		{"h:/_", true},
		{"h://_", true},
		{"x@y._", true},
		{"mailto:a_", true},
		{"http://a,_", true},
		{"http://a._", true},
		{"a:b c_", true},
		{"http://a\x00 b_", true},
		{"\u00e9:a_", false},
		{"a:\u00e9_", false},
		{"x@y\x00_", true},
	} {
		if got := uriStarts(c.s); got != c.want {
			t.Errorf("uriStarts(%q) = %v, docutils %v", c.s, got, c.want)
		}
	}
}

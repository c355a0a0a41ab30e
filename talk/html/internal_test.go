package html

import (
	"bytes"
	"net/url"
	"os"
	"strings"
	"testing"
)

// FuzzMayHoldForbidden holds the byte-table pre-check to the exact test:
// whenever a page holds a forbidden code point, mayHoldForbidden says it
// may, so replaceForbidden never skips one.
func FuzzMayHoldForbidden(f *testing.F) {
	for _, s := range []string{"plain", "a\x01", "\x7f", "\u0085", "\u00a0", "\ufdd0", "\uffff", "\U0001fffe", "\U0010ffff", "\xc2", "\xef\xbf", "tab\tcr\rlf\nff\f"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		if bytes.ContainsFunc(page, forbidden) && !mayHoldForbidden(page) {
			t.Errorf("mayHoldForbidden(%q) = false, but it holds a forbidden code point", page)
		}
	})
}

// FuzzHref holds href, which parses only what may be an absolute URL, to
// its definition: parse every path, and link to an absolute URL as it is.
func FuzzHref(f *testing.F) {
	for _, s := range []string{"", "/", "/europython-2016/yury-selivanov.html", "//example.org/x", "https://example.org/a b", "mailto:x@example.org", "a:b", "/a:b", "/%zz", "javascript:alert(1)"} {
		f.Add(s)
	}
	r := &Renderer{BaseURL: "https://talks.example.org/"}
	f.Fuzz(func(t *testing.T, p string) {
		want := ""
		if u, err := url.Parse(p); err == nil && (u.Scheme != "" || u.Host != "") {
			want = safeURL(p)
		} else if p != "" {
			segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
			for i, s := range segs {
				segs[i] = url.PathEscape(s)
			}
			want = "https://talks.example.org/" + strings.Join(segs, "/")
		}
		if got := r.href(p); got != want {
			t.Errorf("href(%q) = %q, want %q", p, got, want)
		}
	})
}

// FuzzSafeURL holds safeURL's shortcut for plain addresses to parsing.
func FuzzSafeURL(f *testing.F) {
	for _, s := range []string{"", "https://www.youtube.com/watch?v=ZfgeENJxj3A", "http://a.b/c#d#e", "https://docs..org/", "https://.org/",
		"https://x.org./", "https://x.org../", "HTTPS://x.org/", "https://x.org/a|b", "https://x.org/[x]", "https://x.org:80/", "https://u@x.org/",
		"https://x.org?q=1#f?g/h", "https://x.org/'()*!", "https://x.org/%41", "mailto:a@b.org", " https://x.org/", "https://x.org/a b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := safeURL(s), parsedSafeURL(s); got != want {
			t.Errorf("safeURL(%q) = %q, parsing gives %q", s, got, want)
		}
	})
}

// FuzzShorten holds shorten, which stops collapsing white space once it
// has enough, to its definition: collapse all of it, then cut.
func FuzzShorten(f *testing.F) {
	f.Add("short")
	f.Add(strings.Repeat("word \t\n ", 60))
	f.Add(strings.Repeat("é", 150) + " x")
	f.Fuzz(func(t *testing.T, s string) {
		want := cutAtWord(strings.Join(strings.Fields(s), " "))
		if got := shorten(s); got != want {
			t.Errorf("shorten(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkMayHoldForbidden scans the seed talk's page, which like most
// pages holds no forbidden code point, so the whole page is read: the
// case the eight-bytes-at-a-time skip is for.
func BenchmarkMayHoldForbidden(b *testing.B) {
	page, err := os.ReadFile("testdata/seed.html")
	if err != nil {
		b.Fatal(err)
	}
	if mayHoldForbidden(page) {
		b.Fatal("testdata/seed.html holds a forbidden code point")
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		mayHoldForbidden(page)
	}
}

package weburl

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// byParse is Is's definition.
func byParse(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return false
	}
	port, err := strconv.Atoi(u.Port())
	return u.Port() == "" || err == nil && port <= 65535
}

var examples = []string{
	"", "https://", "http://", "https://example.org", "http://example.org/", "https://www.youtube.com/watch?v=ZfgeENJxj3A",
	"HTTPS://Example.org/", "https://example.org:8080/x", "https://example.org:port/", "https://user@example.org/",
	"https://[::1]/", "https://exa mple.org/", "https://example.org/a b", "https://example.org/%zz", "https://example.org/%41",
	"https://example.org/#frag%", "https://example.org/?q=%zz", "https://example.org/\x7f", "https://пример.рф/", "https:///path",
	"https://?q", "https://#f", "ftp://example.org/", "javascript:alert(1)", "//example.org/", "example.org", "https:example.org",
	"https://example.org\\@evil.example/", "https://a/\\", "http://a.b-c.d/é",
	"Http:", "hTTpS://Example.org", "https:", " https://example.org/", "http:/example.org/", "httpx://example.org/", "http",
	"https://example.org:65535/", "https://example.org:65536/", "https://example.org:99999999999999999999/", "https://example.org:0/",
	"https://example.org:/", "https://[::1]:70000/", "HTTP://Example.org/", "http://a-b.example?q", "http://x.org#f",
}

// TestIs compares Is with its definition over addresses real data has
// and the edges of the fast path.
func TestIs(t *testing.T) {
	got, want := map[string]bool{}, map[string]bool{}
	for _, s := range examples {
		got[s], want[s] = Is(s), byParse(s)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Is differs from url.Parse (-url.Parse +Is):\n%s", diff)
	}
}

// FuzzIs holds Is to its definition.
func FuzzIs(f *testing.F) {
	for _, s := range examples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Is(s), byParse(s); got != want {
			t.Errorf("Is(%q) = %v, url.Parse says %v", s, got, want)
		}
	})
}

// BenchmarkIs checks a plain video address, as most are.
func BenchmarkIs(b *testing.B) {
	for b.Loop() {
		Is("https://www.youtube.com/watch?v=ZfgeENJxj3A")
	}
}

// BenchmarkIsEmpty checks the empty string, as a record's missing image
// or homepage is.
func BenchmarkIsEmpty(b *testing.B) {
	for b.Loop() {
		Is("")
	}
}

// BenchmarkByParse is BenchmarkIs through url.Parse, for comparison.
func BenchmarkByParse(b *testing.B) {
	for b.Loop() {
		byParse("https://www.youtube.com/watch?v=ZfgeENJxj3A")
	}
}

func TestValidHost(t *testing.T) {
	for host, want := range map[string]bool{
		"example.org": true, "example.org.": true, "127.0.0.1": true, "::1": true, "localhost": true,
		"": false, "docs..org": false, ".example.org": false, "exa mple.org": false, "a%20b.org": false, "example.org..": false,
		"exa\tmple.org": false,
	} {
		if got := ValidHost(host); got != want {
			t.Errorf("ValidHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestEscaped(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://x.org/a%20b", "https://x.org/a%20b"},
		{"https://x.org/a b", "https://x.org/a%20b"},
		{"https://x.org/100%", "https://x.org/100%25"},
		{"https://x.org/%zz%4", "https://x.org/%25zz%254"},
		{"https://x.org/%41%", "https://x.org/%41%25"},
		{"https://x.org/%4A%4a%4z%z4", "https://x.org/%4A%4a%254z%25z4"},
		{"", ""},
	} {
		if got := Escaped(tt.in); got != tt.want {
			t.Errorf("Escaped(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzWeb holds Web, which skips Escaped for plain addresses, to Escaped
// and Is, and Escaped to its promise: no space, every "%" an escape, and
// nothing more to escape after it.
func FuzzWeb(f *testing.F) {
	for _, s := range []string{"https://x.org/", "http://x.org/a b", "https://x.org/100%", "https://x.org/%zz", "javascript:alert(1)", "https://[::1]:8080/%41", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escaped(s)
		if u, ok := Web(s); ok != Is(e) || ok && u != e {
			t.Errorf("Web(%q) = %q, %v; want %q, %v", s, u, ok, e, Is(e))
		}
		if needsEscape(e) || Escaped(e) != e {
			t.Errorf("Escaped(%q) = %q, which has more to escape", s, e)
		}
	})
}

// TestStartSeconds reads the start of a recording within a longer
// stream as YouTube, Vimeo, PeerTube and media fragments write it.
func TestStartSeconds(t *testing.T) {
	got := map[string]int64{}
	for _, u := range []string{
		"https://www.youtube.com/watch?v=X&t=3600", "https://youtu.be/X?t=1h2m3s", "https://youtu.be/X?t=90s",
		"https://vimeo.com/1#t=90", "https://vimeo.com/1#t=1m30s", "https://v.example/w/abc?start=1m30s",
		"https://e.org/talk.mp4#t=12,30", "https://www.youtube.com/watch?v=X&t=soon", "https://www.youtube.com/watch?v=X",
		"https://e.org/?t=2h", "https://e.org/?t=1m2h", "https://e.org/?t=9999999h", "", "%zz t=5",
		" https://youtu.be/X?t=90\n", "https://e.org/?start=10&t=20", "https://e.org/?t=2147483647", "https://e.org/?t=2147483648",
		"https://e.org/?t=1h30", "https://e.org/?t=999999h",
	} {
		got[u] = StartSeconds(u)
	}
	want := map[string]int64{
		"https://www.youtube.com/watch?v=X&t=3600": 3600, "https://youtu.be/X?t=1h2m3s": 3723, "https://youtu.be/X?t=90s": 90,
		"https://vimeo.com/1#t=90": 90, "https://vimeo.com/1#t=1m30s": 90, "https://v.example/w/abc?start=1m30s": 90,
		"https://e.org/talk.mp4#t=12,30": 12, "https://www.youtube.com/watch?v=X&t=soon": 0, "https://www.youtube.com/watch?v=X": 0,
		"https://e.org/?t=2h": 7200, "https://e.org/?t=1m2h": 0, "https://e.org/?t=9999999h": 0, "": 0, "%zz t=5": 0,
		" https://youtu.be/X?t=90\n":   90, // as pasted, with white space around
		"https://e.org/?start=10&t=20": 20, // "t" first
		"https://e.org/?t=2147483647":  2147483647,
		"https://e.org/?t=2147483648":  0, // past what a player takes
		"https://e.org/?t=1h30":        0, // a number without its unit
		"https://e.org/?t=999999h":     999999 * 3600,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("StartSeconds (-want +got):\n%s", diff)
	}
}

// TestCheckBase: a site's base URL is an absolute http or https URL
// that its pages' paths can follow, written as links have it.
func TestCheckBase(t *testing.T) {
	got := map[string]string{}
	for _, base := range []string{
		"https://talks.example.org", "http://talks.example.org/archive/", "HTTPS://Talks.Example.org:8443/a",
		"talks.example.org", "javascript:alert(1)//", "ftp://x.org",
		"https://x.org/?lang=en", "https://x.org/#top", "https://user:secret@x.org/",
		"https://talks.example.org/my talks", "https://x.org/a|b{c}", "https://例え.jp/トーク/",
	} {
		got[base] = "ok"
		if err := CheckBase(base); err != nil {
			got[base] = err.Error()
		}
	}
	follow := " cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment"
	want := map[string]string{
		"https://talks.example.org":          "ok",
		"http://talks.example.org/archive/":  "ok",
		"HTTPS://Talks.Example.org:8443/a":   "ok",
		"talks.example.org":                  `"talks.example.org" is not an absolute http or https URL`,
		"javascript:alert(1)//":              `"javascript:alert(1)//" is not an absolute http or https URL`,
		"ftp://x.org":                        `"ftp://x.org" is not an absolute http or https URL`,
		"https://x.org/?lang=en":             `"https://x.org/?lang=en"` + follow,
		"https://x.org/#top":                 `"https://x.org/#top"` + follow,
		"https://user:secret@x.org/":         `"https://user:secret@x.org/"` + follow,
		"https://talks.example.org/my talks": `"https://talks.example.org/my talks" has " ", which a URL must percent-encode, and every link of every page would have it as it is: write "https://talks.example.org/my%20talks"`,
		"https://x.org/a|b{c}":               `"https://x.org/a|b{c}" has "|", which a URL must percent-encode, and every link of every page would have it as it is: write "https://x.org/a%7Cb%7Bc%7D"`,
		"https://例え.jp/トーク/":                 "ok",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckBase (-want +got):\n%s", diff)
	}
}

// TestSplitPlain: a plain address splits into its host and the rest,
// after either scheme, whatever ends the host; anything else is for
// url.Parse.
func TestSplitPlain(t *testing.T) {
	type split struct {
		In, Host, Rest string
		OK             bool
	}
	var got, want []split
	for _, tt := range []split{
		{"https://www.youtube.com/watch?v=X", "www.youtube.com", "/watch?v=X", true},
		{"http://a-b.example.org", "a-b.example.org", "", true},
		{"https://x.org?q=1", "x.org", "?q=1", true},
		{"https://x.org#top", "x.org", "#top", true},
		{"https://x.org:8080/", "", "", false},
		{"https://user@x.org/", "", "", false},
		{"HTTPS://x.org/", "", "", false},
		{"https:///x", "", "", false},
		{"ftp://x.org/", "", "", false},
	} {
		want = append(want, tt)
		host, rest, ok := SplitPlain(tt.In)
		got = append(got, split{tt.In, host, rest, ok})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SplitPlain (-want +got):\n%s", diff)
	}
}

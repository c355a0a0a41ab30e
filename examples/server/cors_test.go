package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCrossOrigin pins whole responses to scripts of other origins: none
// may read them by default; with -cors, the origins named (or any, with
// "*") may, and a browser's preflight is answered for any path, so that
// a script can read a 404 too. With "*", a response to a request without
// Origin said nothing of it, and a CDN gave that copy to every origin.
func TestCrossOrigin(t *testing.T) {
	h := testHandler(t)
	serverOf := func(flag string) *archiveServer {
		c, err := parseOrigins(flag)
		if err != nil {
			t.Fatal(err)
		}
		a := &archiveServer{cors: c}
		a.current.Store(h)
		return a
	}
	none, listed, anyOrigin := serverOf(""), serverOf("https://Conf.Example.org:443/, http://localhost:3000"), serverOf("*")
	const conf, other = "https://conf.example.org", "https://evil.example"
	preflight := []string{"Origin", conf, "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match"}
	got := strings.Join([]string{
		do(none, "HEAD", "/style.css", "Origin", conf),
		do(none, "OPTIONS", "/style.css", preflight...),
		do(listed, "HEAD", "/style.css", "Origin", conf),
		do(listed, "HEAD", "/style.css", "Origin", "http://localhost:3000"),
		do(listed, "HEAD", "/style.css", "Origin", other),
		do(listed, "HEAD", "/style.css"),
		do(listed, "OPTIONS", "/no/such/page.html", preflight...),
		do(listed, "GET", "/no/such/page.html", "Origin", conf),
		do(listed, "OPTIONS", "/style.css", "Origin", conf),
		do(anyOrigin, "HEAD", "/style.css", "Origin", other),
		// Without an Origin, the same: a cache gives this response to
		// other origins' scripts too, which without the header a browser
		// refuses.
		do(anyOrigin, "HEAD", "/style.css"),
	}, "----\n")
	etag := header(do(h, "HEAD", "/style.css"), "Etag")
	const common = "Referrer-Policy: " + referrerPolicy + "\n"
	const style = "Cache-Control: no-cache\nContent-Length: %LEN%\nContent-Type: text/css; charset=utf-8\n"
	styleLen := header(do(h, "HEAD", "/style.css"), "Content-Length")
	plain := func(extra, vary string) string {
		return "HTTP/1.1 200 OK\nAccept-Ranges: bytes\n" + extra + strings.ReplaceAll(style, "%LEN%", styleLen) + "Etag: " + etag + "\nLast-Modified: Tue, 01 Dec 2026 09:30:00 GMT\n" + common + vary + "X-Content-Type-Options: nosniff\n\n"
	}
	const exposed = "Access-Control-Expose-Headers: ETag, Content-Range, Accept-Ranges\n"
	want := strings.Join([]string{
		plain("", "Vary: Accept\n"),
		"HTTP/1.1 204 No Content\nAllow: GET, HEAD, OPTIONS\nCache-Control: no-cache\n" + common + "X-Content-Type-Options: nosniff\n\n",
		plain("Access-Control-Allow-Origin: "+conf+"\n"+exposed, "Vary: Origin\nVary: Accept\n"),
		plain("Access-Control-Allow-Origin: http://localhost:3000\n"+exposed, "Vary: Origin\nVary: Accept\n"),
		plain("", "Vary: Origin\nVary: Accept\n"),
		plain("", "Vary: Origin\nVary: Accept\n"),
		"HTTP/1.1 204 No Content\nAccess-Control-Allow-Headers: " + preflightHeaders + "\nAccess-Control-Allow-Methods: GET, HEAD\nAccess-Control-Allow-Origin: " + conf +
			"\nAccess-Control-Max-Age: 600\nCache-Control: no-cache\n" + common + "Vary: Origin\nX-Content-Type-Options: nosniff\n\n",
		"HTTP/1.1 404 Not Found\nAccess-Control-Allow-Origin: " + conf + "\n" + exposed + "Cache-Control: no-cache\nContent-Type: text/plain; charset=utf-8\n" + common +
			"Vary: Origin\nX-Content-Type-Options: nosniff\n\n404 not found: no page at /no/such/page.html\n",
		"HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: " + conf + "\n" + exposed + "Allow: GET, HEAD, OPTIONS\nCache-Control: no-cache\n" + common + "Vary: Origin\nX-Content-Type-Options: nosniff\n\n",
		plain("Access-Control-Allow-Origin: *\n"+exposed, "Vary: Accept\n"),
		plain("Access-Control-Allow-Origin: *\n"+exposed, "Vary: Accept\n"),
	}, "----\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("responses (-want +got):\n%s", diff)
	}
}

// TestParseOrigins: -cors takes origins as people write them, and keeps
// them as browsers send them; anything else is refused, saying why.
func TestParseOrigins(t *testing.T) {
	var got []string
	for _, flag := range []string{
		"",
		"*",
		" * ",
		"https://",
		" https://Conf.Example.org , http://localhost:3000,",
		"https://conf.example.org:443/,http://example.org:80,http://example.org:8080",
		"http://[::1]:3000,https://[2001:DB8::1]",
		"conf.example.org",
		"ftp://conf.example.org",
		"https://conf.example.org/talks",
		"https://user@conf.example.org",
		"https://conf.example.org?x",
		"https://conf.example.org#",
		"https://[::1",
	} {
		c, err := parseOrigins(flag)
		switch {
		case err != nil:
			got = append(got, flag+" → "+err.Error())
		case c.any:
			got = append(got, flag+" → any")
		default:
			var origins []string
			for o := range c.origins {
				origins = append(origins, o)
			}
			slices.Sort(origins)
			got = append(got, flag+" → "+strings.Join(origins, " "))
		}
	}
	want := []string{
		" → ",
		"* → any",
		" *  → any",
		`https:// → -cors: "https://" is not an origin: it needs http:// or https:// and a host, as https://conf.example.org`,
		" https://Conf.Example.org , http://localhost:3000, → http://localhost:3000 https://conf.example.org",
		"https://conf.example.org:443/,http://example.org:80,http://example.org:8080 → http://example.org http://example.org:8080 https://conf.example.org",
		"http://[::1]:3000,https://[2001:DB8::1] → http://[::1]:3000 https://[2001:db8::1]",
		`conf.example.org → -cors: "conf.example.org" is not an origin: it needs http:// or https:// and a host, as https://conf.example.org`,
		`ftp://conf.example.org → -cors: "ftp://conf.example.org" is not an origin: it needs http:// or https:// and a host, as https://conf.example.org`,
		`https://conf.example.org/talks → -cors: "https://conf.example.org/talks" is not an origin, which is a scheme, a host and a port only: no user, path, query or fragment`,
		`https://user@conf.example.org → -cors: "https://user@conf.example.org" is not an origin, which is a scheme, a host and a port only: no user, path, query or fragment`,
		`https://conf.example.org?x → -cors: "https://conf.example.org?x" is not an origin, which is a scheme, a host and a port only: no user, path, query or fragment`,
		`https://conf.example.org# → -cors: "https://conf.example.org#" is not an origin, which is a scheme, a host and a port only: no user, path, query or fragment`,
		`https://[::1 → -cors: "https://[::1" is not an origin: missing ']' in host`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseOrigins (-want +got):\n%s", diff)
	}
}

// TestPreflightOnly: with any origin allowed, an OPTIONS request that
// names no Origin is no browser's preflight, and is answered as the
// handler answers OPTIONS (here a 404, for a path with no page); a
// preflight is told the request headers a script may send.
func TestPreflightOnly(t *testing.T) {
	c, err := parseOrigins("*")
	if err != nil {
		t.Fatal(err)
	}
	a := &archiveServer{cors: c}
	a.current.Store(testHandler(t))
	got := do(a, "OPTIONS", "/no/such/page.html", "Access-Control-Request-Method", "GET")
	want := "HTTP/1.1 404 Not Found\nAccess-Control-Allow-Origin: *\nAccess-Control-Expose-Headers: ETag, Content-Range, Accept-Ranges\nCache-Control: no-cache\n" +
		"Content-Type: text/plain; charset=utf-8\nReferrer-Policy: " + referrerPolicy + "\nX-Content-Type-Options: nosniff\n\n404 not found: no page at /no/such/page.html\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("OPTIONS without Origin (-want +got):\n%s", diff)
	}
	got = header(do(a, "OPTIONS", "/style.css", "Origin", "https://conf.example.org", "Access-Control-Request-Method", "GET"), "Access-Control-Allow-Headers")
	if want := "Accept, If-Match, If-Modified-Since, If-None-Match, If-Range, If-Unmodified-Since, Range"; got != want {
		t.Errorf("Access-Control-Allow-Headers: %s, want %s", got, want)
	}
}

// Package weburl decides whether a string is a web address: an absolute
// http or https URL with a host, as net/url parses it.
//
// Validation checks every link, video and image of a record and JSON-LD
// writes only the addresses that are web addresses, a dozen strings per
// talk; url.Parse builds a URL for each, which was a seventh of a talk's
// graph. Nearly all of them are plain: a lower-case scheme, a host of
// letters, digits, dots and hyphens, then printable ASCII without escapes.
// Is accepts those by looking at their bytes, refuses at once what does not
// start with an http or https scheme (the empty strings of fields a record
// leaves out, most of the refusals), and asks url.Parse about the rest.
// FuzzIs holds it to url.Parse.
package weburl

import (
	"net/url"
	"strconv"
	"strings"
)

// Is reports whether s is an absolute http or https URL with a host:
// url.Parse(s) succeeds, its Scheme is "http" or "https", its Host is
// not empty, and its port, if any, is one browsers take (at most 65535;
// url.Parse takes any digits).
func Is(s string) bool {
	if plain(s) {
		return true
	}
	if !hasWebScheme(s) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && validPort(u.Port())
}

// validPort reports whether port, digits as url.URL.Port gives them, is
// none or a TCP port's number.
func validPort(port string) bool {
	_, err := strconv.ParseUint(port, 10, 16) // refuses more than 65535
	return port == "" || err == nil
}

// hasWebScheme reports whether s starts with "http:" or "https:" in any
// case, as every string url.Parse gives an http or https Scheme does: it
// reads the scheme from the first byte and lower-cases it.
func hasWebScheme(s string) bool {
	return len(s) >= 5 && strings.EqualFold(s[:5], "http:") || len(s) >= 6 && strings.EqualFold(s[:6], "https:")
}

// plain reports whether s is a web address that url.Parse cannot refuse:
// a plain scheme and host (see SplitPlain), then printable ASCII but "%"
// (whose escapes url.Parse checks).
func plain(s string) bool {
	_, rest, ok := SplitPlain(s)
	if !ok {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c >= 0x7f || c == '%' {
			return false
		}
	}
	return true
}

// SplitPlain splits s, when it starts "http://" or "https://" and a host
// name of ASCII letters, digits, dots and hyphens that ends s or is
// followed by "/", "?" or "#", into that host and the rest. The host has
// no user, port or brackets, so url.Parse reads it as it is; whether the
// rest is well-formed is the caller's to decide.
func SplitPlain(s string) (host, rest string, ok bool) {
	after, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if after, ok = strings.CutPrefix(s, "http://"); !ok {
			return "", "", false
		}
	}
	i := 0
	for i < len(after) && hostByte[after[i]] {
		i++
	}
	if i == 0 || i < len(after) && after[i] != '/' && after[i] != '?' && after[i] != '#' {
		return "", "", false
	}
	return after[:i], after[i:], true
}

// hostByte marks the bytes of a plain host name.
var hostByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
	}
	return t
}()

// ValidHost reports whether host, as url.URL.Hostname gives it, is a
// domain name whose labels (all but a final empty one) are not empty and
// hold no spaces, or an IP address: what browsers and calendar programs
// take, where url.Parse also takes "docs..org". The renderers write links
// only to such hosts.
func ValidHost(host string) bool {
	if host == "" || strings.ContainsAny(host, " \t%") {
		return false
	}
	for label := range strings.SplitSeq(strings.TrimSuffix(host, "."), ".") {
		if label == "" {
			return false
		}
	}
	return true
}

// Escaped returns s with the two things escaped that keep an address a
// person wrote from parsing as a URL, as browsers read them: a space as
// "%20", and a "%" that starts no escape ("100%", "%zz") as "%25". A
// reference manager, a link checker or a search engine that decodes
// escapes would otherwise refuse the address, or read the two characters
// after a stray "%" as one byte. s is returned as it is, without a copy,
// when it has neither, as nearly every address has.
func Escaped(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			b.WriteString("%20")
		case c == '%' && !EscapeAt(s, i):
			b.WriteString("%25")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Web returns s as a web address, Escaped, and true, or false when it is
// not one once escaped (Is): writers of links write the first, and leave
// out the address when the second is false. What does not start with an
// http or https scheme, such as a licence's name, is not escaped only to
// be refused.
func Web(s string) (string, bool) {
	if plain(s) {
		return s, true
	}
	if !hasWebScheme(s) {
		return "", false
	}
	s = Escaped(s)
	return s, Is(s)
}

// needsEscape reports whether Escaped changes s: it has a space, or a
// "%" that starts no escape.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '%' && !EscapeAt(s, i) {
			return true
		}
	}
	return false
}

// EscapeAt reports whether a percent escape, "%" and two hexadecimal
// digits, starts at s[i]: the test every writer of an address makes
// before it keeps a "%" as it is.
func EscapeAt(s string, i int) bool {
	return i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

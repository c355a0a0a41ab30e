package weburl

import (
	"fmt"
	"net/url"
	"strings"
)

// CheckBase returns an error saying why base cannot be the base URL of a
// site's pages, which their paths are written after, or nil if it can:
// an absolute http or https URL ("talks.example.org" would make every
// canonical link and @id a relative path) without a user, a query or a
// fragment. The paths would go into a query or fragment
// ("https://x.org/?lang=en/events/chipy.html" is the home page, for
// every link), and a user's password into every link of every page; nor
// with a character a URL must percent-encode ("/my talks"), which every
// link would have as it is. The error names base and reads after the
// flag that gave it ("-base ").
func CheckBase(base string) error {
	if !Is(base) {
		return fmt.Errorf("%q is not an absolute http or https URL", base)
	}
	u, err := url.Parse(base)
	if err != nil || u.User != nil || strings.ContainsAny(base, "?#") {
		return fmt.Errorf("%q cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment", base)
	}
	if i := strings.IndexFunc(base, mustEscape); i >= 0 {
		return fmt.Errorf("%q has %q, which a URL must percent-encode, and every link of every page would have it as it is: write %q", base, base[i:i+1], u.String())
	}
	return nil
}

// mustEscape reports whether a URL must have r percent-encoded: white
// space and the characters the URL standard leaves out of a valid URL
// string (as HTML checkers report a link with one); letters past ASCII
// are the IRIs' and browsers', and may stay.
func mustEscape(r rune) bool {
	return r <= ' ' || r == 0x7f || strings.ContainsRune("\"<>\\^`{|}", r)
}

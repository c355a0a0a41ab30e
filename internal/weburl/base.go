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
// every link), and a user's password into every link of every page. The
// error names base and reads after the flag that gave it ("-base ").
func CheckBase(base string) error {
	if !Is(base) {
		return fmt.Errorf("%q is not an absolute http or https URL", base)
	}
	if u, err := url.Parse(base); err != nil || u.User != nil || strings.ContainsAny(base, "?#") {
		return fmt.Errorf("%q cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment", base)
	}
	return nil
}

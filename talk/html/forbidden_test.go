package html

import (
	"bytes"
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

package rst

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestLineLengthLimit holds Parse and Check to what docutils 0.19 reports
// of a text with a line longer than its line_length_limit, 10,000
// characters (tabs expanded, trailing white space cut): that error alone,
// and nothing parsed. docutils names no line but in its message; the
// Diagnostic names that line. (Texts too long for cases.json; recorded
// with docutils.)
func TestLineLengthLimit(t *testing.T) {
	long := strings.Repeat("x", 10001)
	for _, c := range []struct {
		src  string
		want []Diagnostic
	}{
		{strings.Repeat("x", 10000) + "\n", nil},
		{strings.Repeat("é", 5001) + "\n", nil},
		{"a\n\n" + long + "\n\n*b\n", []Diagnostic{{Line: 3, Offset: 3, Level: Error, Message: "Line 3 exceeds the line-length-limit."}}},
		{"a\n" + strings.Repeat("\t", 1251) + "b\n", []Diagnostic{{Line: 2, Offset: 2, Level: Error, Message: "Line 2 exceeds the line-length-limit."}}},
		{"*a\n\n" + strings.Repeat("x ", 5001) + "\n", []Diagnostic{{Line: 3, Offset: 4, Level: Error, Message: "Line 3 exceeds the line-length-limit."}}},
	} {
		doc := Parse(c.src)
		if diff := cmp.Diff(c.want, doc.Diagnostics, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%.20q… (-want +got):\n%s", c.src, diff)
		}
		if diff := cmp.Diff(c.want, Check(c.src), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Check(%.20q…) (-want +got):\n%s", c.src, diff)
		}
		if got := LineTooLong(c.src); got != (c.want != nil) {
			t.Errorf("LineTooLong(%.20q…) = %v", c.src, got)
		}
		if c.want != nil && len(doc.Children) > 0 {
			t.Errorf("%.20q…: %d blocks parsed, want none", c.src, len(doc.Children))
		}
	}
}

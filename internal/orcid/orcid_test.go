package orcid

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParse: the forms hand-written records give an iD in, read as one;
// text that only holds one, or holds two, or is near one, is none.
func TestParse(t *testing.T) {
	type read struct {
		In, ID string
		OK     bool
	}
	var got, want []read
	for _, tt := range []read{
		{"0000-0002-1825-0097", "0000-0002-1825-0097", true},
		{"  0000000218250097 ", "0000-0002-1825-0097", true},
		{"0000 0002 1825 0097", "0000-0002-1825-0097", true},
		{"000000021694233x", "0000-0002-1694-233X", true},
		{"https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097", true},
		{"HTTP://ORCID.ORG/0000-0002-1825-0097/", "0000-0002-1825-0097", true},
		{"https://www.orcid.org/0000-0001-5109-3700/", "0000-0001-5109-3700", true},
		{"orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097", true},
		{"www.orcid.org/0000000218250097", "0000-0002-1825-0097", true},
		{"0000-0002 1825-0097", "", false}, // groups parted two ways
		{"0000-0002-1825 0097", "", false},
		{"0000-0002-1825_0097", "", false},
		{"0000-0002-1825", "", false},
		{"0000-0002-1825-00977", "", false},
		{"X000-0002-1825-0097", "", false},
		{"ftp://orcid.org/0000-0002-1825-0097", "", false},
		{"https://orcid.org/http://orcid.org/0000-0002-1825-0097", "", false},
		{"see orcid.org/0000-0002-1825-0097", "", false},
		{"https://example.org/0000-0002-1825-0097", "", false},
		{"", "", false},
	} {
		want = append(want, tt)
		id, ok := Parse(tt.In)
		got = append(got, read{tt.In, id, ok})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

// TestValid: the check digit of ORCID's own example iDs, an X among
// them, and of iDs with one digit changed.
func TestValid(t *testing.T) {
	got := map[string]bool{}
	want := map[string]bool{
		"0000-0002-1825-0097": true, "0000-0001-5109-3700": true, "0000-0002-1694-233X": true,
		"0000-0002-1825-0098": false, "0000-0002-1694-2330": false, "0000-0002-1825": false, "000A-0002-1825-0097": false,
		"000A-0002-1825-0095": false, // its digit were A worth 17
	}
	for id := range want {
		got[id] = Valid(id)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Valid (-want +got):\n%s", diff)
	}
}

package schema

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLanguageListCanonical: the allowed codes and the record's are
// compared in canonical form, so that an ISO 639-3 code in a pyvideo
// record is allowed by its BCP 47 tag, and the other way round.
func TestLanguageListCanonical(t *testing.T) {
	seed := readTestdata(t, seedPath) // language "eng"
	for _, allowed := range [][]string{{"en"}, {"EN"}, {"spa", "eng"}, {"es", "en"}} {
		v := &Validator{Profile: Pyvideo, Languages: allowed}
		if diff := cmp.Diff([]string(nil), lines(v.ValidateTalk(seed, seedPath))); diff != "" {
			t.Errorf("allowed %q (-want +got):\n%s", allowed, diff)
		}
	}
	v := &Validator{Profile: Pyvideo, Languages: []string{"en-GB", "es"}}
	want := []string{seedPath + ":5:15: language: language: \"eng\" is not in the list of allowed languages"}
	if diff := cmp.Diff(want, lines(v.ValidateTalk(seed, seedPath))); diff != "" {
		t.Errorf("allowed en-GB, es (-want +got):\n%s", diff)
	}
}

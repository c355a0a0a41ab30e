package pageslug

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFit: a slug within Max is kept; a longer one is cut at a "-", or
// at a character's start, and ends with the hash of the whole, so that
// slugs alike up to the cut stay apart.
func TestFit(t *testing.T) {
	words := strings.Repeat("word-", 50)
	var got []string
	for _, s := range []string{"short", words + "a", words + "b", strings.Repeat("é", 150)} {
		got = append(got, Fit(s))
	}
	want := []string{
		"short",
		strings.Repeat("word-", 38) + "35381d92",
		strings.Repeat("word-", 38) + "34381bff",
		strings.Repeat("é", 95) + "-dfd25bad",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

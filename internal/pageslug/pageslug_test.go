package pageslug

import (
	"fmt"
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

// TestOther: a record whose page another has takes its ID's slug after
// the slug, or else the next number free from the one given.
func TestOther(t *testing.T) {
	taken := map[string]bool{"/e/c.html": true, "/e/c-cpp.html": true, "/e/c-2.html": true}
	var got []string
	for _, id := range []string{"cpp", "", "C#!", "?"} {
		page, next := Other("/e/c.html", id, func(p string) bool { return taken[p] }, 0)
		got = append(got, fmt.Sprintf("%s %d", page, next))
	}
	page, next := Other("/e/c.html", "", func(string) bool { return false }, 7)
	got = append(got, fmt.Sprintf("%s %d", page, next))
	want := []string{"/e/c-3.html 4", "/e/c-3.html 4", "/e/c-c.html 2", "/e/c-3.html 4", "/e/c-7.html 8"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

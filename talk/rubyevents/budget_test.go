package rubyevents_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
)

// TestAliasBudgetInLists: in the lists the model reads item by item, an
// alias beyond the budget reads as null, as the budget's error says: in
// a talk's talks it is no part and is kept in Extra with its index; in a
// speaker's aliases it is reported as a null alias is, at its own place.
func TestAliasBudgetInLists(t *testing.T) {
	// junk is a flow list of 20000 numbers: with it, an anchored mapping
	// has about a quarter of the file's nodes, so that the fifth alias of
	// it is beyond the budget of four times the file's nodes.
	junk := "[" + strings.Repeat("0, ", 19999) + "0]"
	var got []string

	talks, err := rubyevents.ParseVideos([]byte("- id: block\n  talks: [&p {title: P, junk: "+junk+"}, *p, *p, *p, *p, *p]\n"), "ev/videos.yml", nil, nil)
	var titles []string
	for _, p := range talks[0].Parts {
		titles = append(titles, p.Title)
	}
	got = append(got, fmt.Sprintf("parts %q, talks kept %s", titles, talks[0].Extra["talks"]))
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}

	sp, err := rubyevents.ParseSpeakers([]byte("- name: Ada\n  aliases: [&a {name: A, junk: "+junk+"}, *a, *a, *a, *a, *a]\n"), "speakers.yml")
	got = append(got, fmt.Sprintf("alias A: %q", sp["A"].Name))
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}

	at := len("  talks: [&p {title: P, junk: "+junk+"}, *p, *p, *p, *p, ") + 1
	atAlias := len("  aliases: [&a {name: A, junk: "+junk+"}, *a, *a, *a, *a, ") + 1
	want := []string{
		`parts ["P" "P" "P" "P" "P"], talks kept [{"index":5,"item":null}]`,
		fmt.Sprintf("ev/videos.yml:2:%d: rubyevents: aliases repeat more than 80068 values; this one, and each alias beyond the limit, read as null", at),
		`alias A: "Ada"`,
		fmt.Sprintf("speakers.yml:2:%d: rubyevents: aliases repeat more than 80068 values; this one, and each alias beyond the limit, read as null", atAlias),
		fmt.Sprintf("speakers.yml:2:%d: rubyevents: aliases: want a mapping with a name, got null", atAlias),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

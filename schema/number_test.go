package schema

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestHugeExponents: numbers of huge or tiny magnitude, which big.Rat
// reads only by multiplying out the exponent (26 ms for 1e-999990), in
// the places the schema bounds or compares them, are checked at once
// and said as before. The record took 37 s.
func TestHugeExponents(t *testing.T) {
	var videos, tags []string
	for i := range 500 {
		videos = append(videos, fmt.Sprintf(`{"url": "https://e.org/%d", "size": 1e-999990}`, i))
	}
	for i := range 200 {
		tags = append(tags, fmt.Sprintf("%de-999990", i%100+1))
	}
	record := `{"title": "x", "speakers": [{"name": "a"}], "recorded": "2016", "thumbnail": "https://e.org/t.jpg", "legacy": {"id": 1e999990},` +
		` "videos": [` + strings.Join(videos, ", ") + `], "tags": [` + strings.Join(tags, ", ") + `]}`
	start := time.Now()
	ps := new(Validator).ValidateTalk([]byte(record), "t.json")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	got := lines(ps)
	want := []string{
		"t.json:1:118: maximum: legacy/id: 1e999990 is out of range: readers take at most 9223372036854775807",
		"t.json:1:175: type: videos/0/size: expected a whole number, found 1e-999990",
	}
	if len(got) != 500+200+2 {
		t.Fatalf("got %d problems, want 702:\n%s", len(got), strings.Join(got[:min(len(got), 5)], "\n"))
	}
	if diff := cmp.Diff(want, got[:2]); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	tagsWant := []string{}
	for i := range 100 {
		tagsWant = append(tagsWant, fmt.Sprintf("items %d and %d are the same", i, i+100))
	}
	if s := got[501]; !strings.HasSuffix(s, "uniqueItems: tags: "+strings.Join(tagsWant, "; ")) {
		t.Errorf("tags: %.300s", s)
	}
}

// TestHugeNumbersStayApart: the numbers jsonschema/v5 gets in place of
// huge ones keep apart those that differ and together those that are
// equal, so that its uniqueItems says what the quick check does. The
// records have another error, for jsonschema/v5 to run at all.
func TestHugeNumbersStayApart(t *testing.T) {
	var got []string
	for _, pair := range [][2]string{{"1e401", "2e401"}, {"1e401", "10e400"}, {"-1e-999999", "-1e-999998"}, {"-1e-999999", "-0.1e-999998"}} {
		record := `{"title": "", "speakers": ["a"], "recorded": "2016-01-01", "thumbnail_url": "https://e.org/t.jpg", "videos": [` +
			`{"type": "a", "url": "https://e.org/v", "x": ` + pair[0] + `}, {"type": "a", "url": "https://e.org/v", "x": ` + pair[1] + `}]}`
		ps := (&Validator{Profile: Pyvideo}).ValidateTalk([]byte(record), pair[0]+"-"+pair[1]+".json")
		got = append(got, fmt.Sprintf("%s %s: %v", pair[0], pair[1], ps))
	}
	const title = ".json:1:11: minLength: title: must not be empty"
	want := []string{
		"1e401 2e401: 1e401-2e401" + title,
		"1e401 10e400: 1e401-10e400" + title + "\n1e401-10e400.json:1:110: uniqueItems: videos: items 0 and 1 are the same",
		"-1e-999999 -1e-999998: -1e-999999--1e-999998" + title,
		"-1e-999999 -0.1e-999998: -1e-999999--0.1e-999998" + title + "\n-1e-999999--0.1e-999998.json:1:110: uniqueItems: videos: items 0 and 1 are the same",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLongNumbersStayApart: long fractions that differ get stand-ins
// that differ, however many there are (the eleventh's is not the
// second's with a 0 after it), so that jsonschema/v5's uniqueItems finds
// no repeat the quick check does not. The record has another error, for
// jsonschema/v5 to run at all.
func TestLongNumbersStayApart(t *testing.T) {
	var videos []string
	for i := range 11 {
		videos = append(videos, fmt.Sprintf(`{"type": "a", "url": "https://e.org/v", "x": 0.%s%02d}`, strings.Repeat("1", 1001), i))
	}
	record := `{"title": "", "speakers": ["a"], "recorded": "2016-01-01", "thumbnail_url": "https://e.org/t.jpg", "videos": [` + strings.Join(videos, ", ") + `]}`
	got := lines((&Validator{Profile: Pyvideo}).ValidateTalk([]byte(record), "t.json"))
	want := []string{"t.json:1:11: minLength: title: must not be empty"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLongNumbers: a number of a million digits, which big.Rat reads in
// 1.5 s, is checked at once, and said by its first digits, not in a
// message of a megabyte.
func TestLongNumbers(t *testing.T) {
	long := "-0." + strings.Repeat("3", 1_000_000)
	record := `{"title": "x", "speakers": [{"name": "a"}], "recorded": "2016", "thumbnail": "https://e.org/t.jpg", "videos": [{"url": "https://e.org/v", "size": ` + long + `}]}`
	start := time.Now()
	ps := new(Validator).ValidateTalk([]byte(record), "t.json")
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
	var got []string
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%d:%d: %s: %s", p.Line, p.Column, p.Rule, p.Message))
	}
	want := []string{
		"1:147: type: videos/0/size: expected a whole number, found -0.333333333333333333333333333333333333333333333333333333...",
	}
	// Long and huge: a whole number, past the maximum.
	record = strings.Replace(record, long, "1."+strings.Repeat("3", 1001)+"e1000000000", 1)
	for _, p := range new(Validator).ValidateTalk([]byte(record), "t.json") {
		got = append(got, fmt.Sprintf("%d:%d: %s: %s", p.Line, p.Column, p.Rule, p.Message))
	}
	want = append(want, "1:147: maximum: videos/0/size: 1.3333333333333333333333333333333333333333333333333333333... is out of range: readers take at most 9223372036854775807")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

package main

import (
	"strings"
	"testing"
)

// TestRenderOptions renders what the golden tests leave out: -ascii
// with biblatex, which it applies to as it does to bibtex; and a
// calendar of talks of two events that have no IDs, named neutrally, not
// after the first of them.
func TestRenderOptions(t *testing.T) {
	inTempDir(t)
	plantFile(t, "cafe.json", `{"id": "cafe", "title": "Café", "speakers": [{"name": "José Núñez"}], "recorded": "2024-06-01"}`)
	plantFile(t, "a.json", `{"title": "A", "event": {"title": "Conf A"}, "recorded": "2024-06-01"}`)
	plantFile(t, "b.json", `{"title": "B", "event": {"title": "Conf B"}, "recorded": "2024-06-02"}`)
	wantResult(t, runCommand("", "render", "-to", "biblatex", "-ascii", "cafe.json"), 0, []string{
		"@unpublished{nunez2024cafe,",
		`  author = {N{\'u}{\~n}ez, Jos{\'e}},`,
		`  title = {Caf{\'e}},`,
		"  type = {Conference presentation},",
		"  date = {2024-06-01},",
		"}",
	}, nil)
	for _, tt := range []struct {
		files []string
		name  string
	}{
		{[]string{"a.json"}, "Conf A"},
		{[]string{"a.json", "b.json"}, "Talks"},
	} {
		r := runCommand("", append([]string{"render", "-to", "ics"}, tt.files...)...)
		var names []string
		for line := range strings.Lines(r.stdout) {
			if strings.HasPrefix(line, "NAME:") || strings.HasPrefix(line, "X-WR-CALNAME:") {
				names = append(names, strings.TrimSpace(line))
			}
		}
		want := []string{"NAME:" + tt.name, "X-WR-CALNAME:" + tt.name}
		if r.status != 0 || r.stderr != "" || strings.Join(names, "|") != strings.Join(want, "|") {
			t.Errorf("render -to ics %s: status %d, stderr %q, names %q; want 0, \"\", %q", tt.files, r.status, r.stderr, names, want)
		}
	}
}

// TestRenderCalendarLeftOutInOrder renders a calendar of three talks,
// the first without a date and the second at a time past the year 9999
// in UTC: both are left out, and said so in the order of the talks,
// though the calendar writer finds the second first.
func TestRenderCalendarLeftOutInOrder(t *testing.T) {
	inTempDir(t)
	plantFile(t, "r0.json", `{"title": "A"}`)
	plantFile(t, "r1.json", `{"title": "B", "recorded": "9999-12-31T23:30:00-02:00"}`)
	plantFile(t, "r2.json", `{"title": "C", "recorded": "2024-01-01"}`)
	r := runCommand("", "render", "-to", "ics", "r0.json", "r1.json", "r2.json")
	if n := strings.Count(r.stdout, "BEGIN:VEVENT"); n != 1 {
		t.Errorf("the calendar holds %d events, want 1:\n%s", n, r.stdout)
	}
	r.stdout = ""
	wantResult(t, r, 1, nil, []string{
		"r0.json: left out of the calendar: it has no recorded date",
		`r1.json: left out of the calendar: DTSTART "10000-01-01T01:30:00Z" has a year outside 0000-9999, which iCalendar dates cannot hold`,
	})
}

package schedule_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// TestWriteXMLLeavesSchedule holds the package doc's word that WriteXML
// only reads the Schedule it writes: a talk outside the days of the
// event's "days" gets a day of its own in the XML, and the event's Extra
// keeps the days it had, so that concurrent writers of one Schedule do
// not race.
func TestWriteXMLLeavesSchedule(t *testing.T) {
	const js = `{"schedule": {"version": "1", "conference": {"acronym": "c", "title": "C", "time_zone_name": "Europe/Berlin",
 "days": [{"index": 1, "date": "2024-01-01", "day_start": "2024-01-01T08:00:00+01:00", "day_end": "2024-01-01T20:00:00+01:00",
  "rooms": {"A": [{"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "id": 1, "title": "T", "date": "2024-01-01T10:00:00+01:00", "duration": "00:30", "room": "A"}]}}]}}}`
	s, err := schedule.ParseJSON([]byte(js), "s.json")
	if err != nil {
		t.Fatal(err)
	}
	s.Talks = append(s.Talks, &talk.Talk{ID: "later", Title: "Later", Event: s.Event,
		Recorded: talk.MustParseDate("2024-01-05T10:00:00+01:00"), Place: talk.Place{Room: "A"}})
	days := string(s.Event.Extra["days"])
	var b strings.Builder
	if err := schedule.WriteXML(&b, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `date="2024-01-05"`) {
		t.Errorf("no day of its own for the later talk in\n%s", b.String())
	}
	if diff := cmp.Diff(days, string(s.Event.Extra["days"])); diff != "" {
		t.Errorf("WriteXML changed the event's days (-before +after):\n%s", diff)
	}
}

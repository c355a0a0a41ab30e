package jsonld

import (
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
)

// TestDateInAsTalk holds a graph's date-time with an offset to
// talk.Date.In's, which the HTML pages show, for times near the ends of
// the four-digit years and in local mean time: the graph keeps a copy of
// it (inZone, minuteOffset) that moves no Date and makes no zone of its
// own.
func TestDateInAsTalk(t *testing.T) {
	zones := []string{"", "UTC", "Asia/Tokyo", "America/New_York", "Europe/Madrid", "Etc/GMT+5", "Etc/GMT-14",
		"Asia/Kolkata", "Pacific/Kiritimati", "Europe/Amsterdam", "Africa/Monrovia", "America/Sao_Paulo"}
	dates := []string{"2024-06-01T22:30:00Z", "2024-06-01T22:30:00.5+02:00", "1850-01-01T00:00:00Z", "1800-06-01T12:00:00+01:00",
		"0001-01-01T02:00:00Z", "0000-01-01T00:30:00+01:00", "0000-01-01T12:00:00Z", "9999-12-31T23:00:00Z",
		"9999-12-31T12:00:00-05:00", "0001-01-01T00:00:00+14:00", "0000-06-01T00:00:00Z", "1937-06-30T23:59:00Z",
		"1910-01-01T00:00:00Z", "0000-01-01T00:10:00Z"}
	for _, tz := range zones {
		var zones zone.Memo
		loc, _ := zones.Load(tz)
		for _, s := range dates {
			d := talk.MustParseDate(s)
			g := graph{t: &talk.Talk{}}
			got := g.dateIn(d, tz)
			want := d.In(loc).Time()
			if got != want.Format(time.RFC3339) {
				t.Errorf("%s in %q: %s, talk.Date.In %s", s, tz, got, want.Format(time.RFC3339))
			}
		}
	}
}

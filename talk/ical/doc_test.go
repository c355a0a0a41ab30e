package ical_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
)

// TestConcurrentWriters holds the package doc's word that the package has
// no state and its functions may be called concurrently: calendars with
// time zones (whose VTIMEZONEs are worked out from the zone database) and
// events, written from many goroutines, are what each writes alone. It
// means something under -race.
func TestConcurrentWriters(t *testing.T) {
	opt := ical.Options{Stamp: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Name: "Talks"}
	talks := []*talk.Talk{
		{ID: "a", Title: "A", Event: talk.Event{ID: "ep", TimeZone: "Europe/Madrid"}, Recorded: talk.MustParseDate("2016-07-21T10:30:00")},
		{ID: "b", Title: "B", Event: talk.Event{ID: "pc", TimeZone: "America/Mexico_City"}, Recorded: talk.MustParseDate("2021-05-14T09:00:00"), Duration: talk.Duration(time.Hour)},
		{ID: "c", Title: "C", Event: talk.Event{ID: "kc"}, Recorded: talk.MustParseDate("2024-06-01")},
	}
	event := &talk.Event{ID: "ep", Title: "EuroPython 2016", Start: talk.MustParseDate("2016-07-17"), End: talk.MustParseDate("2016-07-24")}
	write := func() string {
		var b strings.Builder
		if err := ical.WriteCalendar(&b, talks, opt); err != nil {
			t.Error(err)
		}
		if err := ical.WriteEvent(&b, event, opt); err != nil {
			t.Error(err)
		}
		b.WriteString(ical.EscapeText("a;b,c\nd"))
		return b.String()
	}
	want := write()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := write(); got != want {
				t.Errorf("concurrent output differs:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	wg.Wait()
}

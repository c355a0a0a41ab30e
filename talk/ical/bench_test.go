package ical_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
)

// BenchmarkWriteCalendar writes the dated test talks (zones, offsets,
// floating times, escaping and folding) as one calendar; bytes are those
// of the output.
func BenchmarkWriteCalendar(b *testing.B) {
	var talks []*talk.Talk
	for _, t := range testTalks() {
		if t.Recorded.Precision() >= talk.Day {
			talks = append(talks, t)
		}
	}
	benchmarkCalendar(b, talks)
}

// BenchmarkWriteCalendarOneZone writes a conference's schedule as one
// calendar: a hundred talks at wall-clock times in their event's zone,
// which each names.
func BenchmarkWriteCalendarOneZone(b *testing.B) {
	talks := make([]*talk.Talk, 100)
	for i := range talks {
		talks[i] = &talk.Talk{
			ID: fmt.Sprintf("talk-%d", i), Title: fmt.Sprintf("Talk %d", i),
			Recorded: talk.DateTimeOf(time.Date(2024, 6, 1+i/10, 9+i%10, 0, 0, 0, time.UTC), false),
			Duration: talk.Duration(45 * time.Minute),
			Event:    talk.Event{ID: "con", Title: "Con", TimeZone: "Europe/Berlin"},
		}
	}
	benchmarkCalendar(b, talks)
}

// benchmarkCalendar writes talks as one calendar b.N times; bytes are
// those of the output.
func benchmarkCalendar(b *testing.B, talks []*talk.Talk) {
	var buf bytes.Buffer
	if err := ical.WriteCalendar(&buf, talks, ical.Options{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := ical.WriteCalendar(&buf, talks, ical.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(talks)), "ns/talk")
}

package ical_test

import (
	"bytes"
	"testing"

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

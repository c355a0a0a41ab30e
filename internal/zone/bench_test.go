package zone

import (
	"testing"
	"time"
)

// BenchmarkLoad is what loading a zone costs each time it is named.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Load("Europe/Berlin"); !ok {
			b.Fatal("no zone")
		}
	}
}

// BenchmarkMemoLoad is what naming a zone costs a writer with a Memo,
// for a talk's graph, which names its event's zone four times.
func BenchmarkMemoLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var m Memo
		for range 4 {
			if _, ok := m.Load("Europe/Berlin"); !ok {
				b.Fatal("no zone")
			}
		}
	}
}

// BenchmarkWall is what reading a talk's wall clock costs, in a zone
// whose clocks change, far from a change (as most talks are) and within
// a day of one.
func BenchmarkWall(b *testing.B) {
	loc, ok := Load("Europe/Berlin")
	if !ok {
		b.Fatal("no zone")
	}
	for _, w := range []time.Time{
		time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC),
		time.Date(2024, 10, 27, 2, 30, 0, 0, time.UTC),
	} {
		b.Run(w.Format("Jan02"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Wall(w, loc)
			}
		})
	}
}

package zone

import "testing"

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

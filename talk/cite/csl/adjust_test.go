package csl

import "testing"

// TestMergedPunct holds the table of mergedPunct to ltoR, and to its
// inverse, for every pair of marks, spaces and letters.
func TestMergedPunct(t *testing.T) {
	marks := []string{"!", "?", ".", ":", ",", ";", " ", "a", "", "…", "!!"}
	for _, l := range marks {
		for _, r := range marks {
			want, ok := ltoR[l][r]
			got, gotOK := mergedPunct(l, r)
			if got != want || gotOK != ok {
				t.Errorf("mergedPunct(%q, %q) = %q, %v; ltoR has %q, %v", l, r, got, gotOK, want, ok)
			}
			if _, isKey := ltoR[l]; isKey != (punctIndex(l) >= 0) {
				t.Errorf("punctIndex(%q) = %d", l, punctIndex(l))
			}
		}
	}
}

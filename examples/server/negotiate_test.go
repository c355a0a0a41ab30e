package main

import "testing"

// TestNegotiateSpecificity: each offer takes the weight of the most
// specific range that matches it, wherever the ranges stand in the
// header; a weight is read in any case and with spaces around it, and
// one above 1, or a range without a subtype, is malformed.
func TestNegotiateSpecificity(t *testing.T) {
	offers := []string{typeHTML, typeJSONLD, typeBibTeX}
	tests := []struct {
		accept string
		want   string
		ok     bool
	}{
		// text/* over */*, though */* comes first.
		{"*/*, text/*;q=0", typeJSONLD, true},
		{"*/*;q=0.1, text/*;q=0.5, application/ld+json;q=0.3", typeHTML, true},
		// text/html over text/*, though text/* comes first.
		{"text/*, text/html;q=0, application/x-bibtex;q=0.2", typeBibTeX, true},
		{"text/html;Q=0, */*", typeJSONLD, true},
		{"text/html;q= 0.5 , application/x-bibtex;q=0.4", typeHTML, true},
		{"text/html;q=2, application/ld+json;q=0.5", typeJSONLD, true},
		// No range can be read: the header is disregarded.
		{"text/", typeHTML, true},
		{"/html", typeHTML, true},
	}
	for _, tt := range tests {
		got, ok := negotiate([]string{tt.accept}, offers)
		if got != tt.want || ok != tt.ok {
			t.Errorf("negotiate(%q) = %q, %v; want %q, %v", tt.accept, got, ok, tt.want, tt.ok)
		}
	}
}

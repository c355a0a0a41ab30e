package main

import "testing"

// seedTalk is the seed talk's record in the repository's copy of the
// pyvideo corpus.
const seedTalk = archive + "/europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"

func TestCite(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"bibtex.txt", []string{"-format", "bibtex", seedTalk}},
		{"bibtex-ascii.txt", []string{"-format", "bibtex", "-ascii", seedTalk}},
		{"biblatex.txt", []string{"-format", "biblatex", seedTalk}},
		{"ris.txt", []string{"-format", "ris", seedTalk}},
		{"csl-json.txt", []string{"-format", "csl-json", seedTalk}},
		{"csl-json-event-date.txt", []string{"-format", "csl-json", "-event-date", seedTalk}},
		{"archive-bibtex.txt", []string{"-format", "bibtex", archive}},
		{"archive-twice-ris.txt", []string{"-format", "ris", seedTalk, seedTalk}},
		{"usage.txt", nil},
		{"bad-format.txt", []string{"-format", "endnote", seedTalk}},
		{"format-and-style.txt", []string{"-format", "ris", "-style", "mla", seedTalk}},
		{"ascii-without-format.txt", []string{"-ascii", seedTalk}},
		{"apa.txt", []string{"-style", "apa", seedTalk}},
		{"mla-html.txt", []string{"-style", "mla", "-html", "-event-date", seedTalk}},
		{"archive-chicago.txt", []string{"-style", "chicago", archive}},
		{"ieee-harvard.txt", []string{"-style", "ieee", seedTalk}},
		{"bad-style.txt", []string{"-style", "vancouver", seedTalk}},
		{"items-bibliography.txt", []string{"-style", "apa", "-csl-json", "testdata/cite/items.json"}},
		{"items-citation.txt", []string{"-style", "chicago", "-csl-json", "testdata/cite/items.json", "-mode", "citation"}},
		{"items-citations.txt", []string{"-style", "chicago", "-csl-json", "testdata/cite/items.json", "-mode", "citations"}},
		{"items-bad-mode.txt", []string{"-csl-json", "testdata/cite/items.json", "-mode", "cluster"}},
		{"items-and-talks.txt", []string{"-csl-json", "testdata/cite/items.json", seedTalk}},
		{"missing-file.txt", []string{"-format", "ris", "testdata/cite/no-such-talk.json", seedTalk}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "cite/"+tt.name, runCommand("", append([]string{"cite"}, tt.args...)...))
		})
	}
}

package main

import "testing"

// TestImportWrongFormatHint gives -from frab a JSON schedule that is an
// array, and -from c3voc an XML schedule after a byte-order mark, as
// editors on Windows save one: each is named as the other kind, with the
// -from that reads it.
func TestImportWrongFormatHint(t *testing.T) {
	out := t.TempDir()
	wantResult(t, runCommand(`[{"schedule": 1}]`, "import", "-from", "frab", "-o", out, "-"), 1,
		[]string{"0 talks of 0 events written to " + out + " (talkmeta layout)"},
		[]string{
			"<stdin>:1:1: schedule: invalid XML: text outside the root element",
			"<stdin>: looks like a JSON schedule; did you mean -from c3voc?",
		})
	wantResult(t, runCommand("\ufeff<?xml version=\"1.0\"?><schedule/>", "import", "-from", "c3voc", "-o", out, "-"), 1,
		[]string{"0 talks of 0 events written to " + out + " (talkmeta layout)"},
		[]string{
			"<stdin>:1:1: schedule: invalid JSON: invalid character '<' looking for the beginning of a value",
			"<stdin>: looks like an XML schedule; did you mean -from frab?",
		})
}

package main

import (
	"os"
	"strings"
	"testing"
)

// TestCheckFindingsKept checks what the -profile auto picks for a file
// or an archive, and that a directory's findings are kept: an event
// record named is checked as an event; a file in videos/ is checked as
// pyvideo's, though its record alone would read as talkmeta's; an
// archive whose event has videos/ and no category.json is pyvideo's; and
// an archive whose only record is out of place reports that, not that it
// holds no records.
func TestCheckFindingsKept(t *testing.T) {
	pkg := inTempDir(t)
	importPair(t, pkg, "tm")
	copyEvent(t, pkg, "chipy", "novid/ev")
	if err := os.Remove("novid/ev/category.json"); err != nil {
		t.Fatal(err)
	}
	plantFile(t, "py/ev/videos/x.json", `{"title": "x", "language": "en"}`)
	plantFile(t, "novid/notes.json", "{}\n")
	plantFile(t, "only/notes.json", "{}\n")
	for _, tt := range []struct {
		arg    string
		status int
		stdout []string
	}{
		{"tm/tinycon2024/event.json", 0, []string{"1 record (1 event, 0 talks): 0 errors, 0 warnings, in 0s"}},
		{"py/ev/videos/x.json", 1, []string{
			`py/ev/videos/x.json:1:1: required: the record: the member "videos" is required`,
			"py/ev/videos/x.json:1:1: no-date: recorded is missing or null; pages and citations will show no date (warning)",
			"py/ev/videos/x.json:1:1: no-speakers: the talk names no speaker (warning)",
			`py/ev/videos/x.json:1:28: language: language: "en" is not an ISO 639-3 language code (such as eng, spa, jpn); write "eng"`,
			"1 record (0 events, 1 talk): 2 errors, 2 warnings, in 0s",
		}},
		{"novid", 1, []string{
			"novid/ev: layout: the event has no category.json",
			"novid/ev/videos/asynchronous-vs--threaded-python.json:12:15: no-speakers: the talk names no speaker (warning)",
			"novid/notes.json: layout: a record outside any event; talks go in <event>/videos/ and events in <event>/category.json",
			"2 records (0 events, 2 talks): 2 errors, 1 warning, in 0s",
		}},
		{"only", 1, []string{
			"only/notes.json: layout: a record outside any event; talks go in <event>/talks/ and events in <event>/event.json",
			"0 records (0 events, 0 talks): 1 error, 0 warnings, in 0s",
		}},
	} {
		t.Run(tt.arg, func(t *testing.T) {
			wantResult(t, runCommand("", "check", tt.arg), tt.status, tt.stdout, nil)
		})
	}
}

// TestStdinRecordLimit gives standard input a record of exactly the
// record size limit, which is read, and one a byte longer, which is
// refused in the words the readers use for a file, without a size,
// which standard input does not give.
func TestStdinRecordLimit(t *testing.T) {
	rec := `{"title": "x"}`
	exact := rec + strings.Repeat(" ", 1<<20-len(rec))
	wantResult(t, runCommand(exact, "fmt", "-"), 0, []string{"{\n  \"title\": \"x\"\n}"}, nil)
	wantResult(t, runCommand(exact+"\n", "fmt", "-"), 1, nil, []string{"<stdin>: record size exceeds the limit of 1048576"})
	wantResult(t, runCommand(exact+"\n", "check", "-"), 1, []string{
		"<stdin>: limit: record size exceeds the limit of 1048576",
		"1 record (0 events, 1 talk): 1 error, 0 warnings, in 0s",
	}, nil)
}

// TestCheckStdinTwice names standard input twice: its record is checked
// once, and the second name is an error.
func TestCheckStdinTwice(t *testing.T) {
	wantResult(t, runCommand(`{"title": "x"}`, "check", "-", "-"), 1, []string{
		"<stdin>:1:1: no-date: recorded is missing or null; pages and citations will show no date (warning)",
		"<stdin>:1:1: no-speakers: the talk names no speaker (warning)",
		"<stdin>: read: named twice; standard input holds one record, and it is read once",
		"1 record (0 events, 1 talk): 1 error, 2 warnings, in 0s",
	}, nil)
}

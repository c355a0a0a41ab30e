package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// editJSON rewrites the JSON object in the file name as edit changes it.
func editJSON(t *testing.T, name string, edit func(m map[string]any) any) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(readFile(t, name)), &m); err != nil {
		t.Fatal(err)
	}
	data, err := json.MarshalIndent(edit(m), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	plantFile(t, name, string(data)+"\n")
}

// TestImportAgainEdited imports a schedule over an archive whose talk
// files were edited since, each in one way, and reads the JSON pointers
// that say where each differs: a speaker removed is the array of
// speakers; a member added (which makes the file larger than the
// import's) is named with its "/" and "~" escaped; three changes are
// named all three; a file that is no longer an object is "/", the
// whole document.
func TestImportAgainEdited(t *testing.T) {
	pkg := inTempDir(t)
	importPair(t, pkg, "out")
	talks := "out/tinycon2024/talks/"
	editJSON(t, talks+"0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json", func(m map[string]any) any {
		m["speakers"] = m["speakers"].([]any)[:1]
		return m
	})
	editJSON(t, talks+"1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json", func(m map[string]any) any {
		m["notes/2024~draft"] = strings.Repeat("a long note ", 10)
		return m
	})
	editJSON(t, talks+"2d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json", func(m map[string]any) any {
		m["title"], m["summary"], m["track"] = "Soldering", "Bring an iron.", "Making"
		return m
	})
	editJSON(t, talks+"3d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json", func(map[string]any) any { return []any{} })
	if err := os.Mkdir(talks+"drafts.json", 0o755); err != nil { // no talk's file, left or not
		t.Fatal(err)
	}
	wantResult(t, runCommand("", "import", "-from", "c3voc", "-o", "out", filepath.Join(pkg, "testdata", "import", "pair.json")), 1,
		[]string{"0 talks of 0 events written to out (talkmeta layout); 1 file the same as before; 4 files differing from the import kept"},
		[]string{
			talks + "0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: exists and differs from the import at /speakers; kept (-replace replaces it)",
			talks + "1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: exists and differs from the import at /notes~12024~0draft; kept (-replace replaces it)",
			talks + "2d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: exists and differs from the import at /summary, /title, /track; kept (-replace replaces it)",
			talks + "3d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: exists and differs from the import at /; kept (-replace replaces it)",
		})
}

// TestImportCancelledTalks imports a schedule whose talks were all
// cancelled: its event is written all the same (an event of no talks
// is an event), and over an earlier import of the schedule, the event
// is the same as before and the talk files are named and kept.
func TestImportCancelledTalks(t *testing.T) {
	pkg := inTempDir(t)
	var schedule map[string]any
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(pkg, "testdata", "import", "pair.json"))), &schedule); err != nil {
		t.Fatal(err)
	}
	full, err := json.Marshal(schedule) // in the order the cancelled one has
	if err != nil {
		t.Fatal(err)
	}
	conference := schedule["schedule"].(map[string]any)["conference"].(map[string]any)
	for _, day := range conference["days"].([]any) {
		rooms := day.(map[string]any)["rooms"].(map[string]any)
		for room := range rooms {
			rooms[room] = []any{}
		}
	}
	data, err := json.Marshal(schedule)
	if err != nil {
		t.Fatal(err)
	}
	wantResult(t, runCommand(string(data), "import", "-from", "c3voc", "-o", "new", "-"), 0,
		[]string{"0 talks of 1 event written to new (talkmeta layout)"}, nil)
	if diff := dirNames(t, "new/tinycon2024"); len(diff) != 1 || diff[0] != "event.json" {
		t.Errorf("new/tinycon2024 holds %q, want event.json alone", diff)
	}

	if r := runCommand(string(full), "import", "-from", "c3voc", "-o", "out", "-"); r.status != 0 {
		t.Fatal(r)
	}
	var gone []string
	for _, id := range []string{"0d6a", "1d6a", "2d6a", "3d6a"} {
		gone = append(gone, "out/tinycon2024/talks/"+id+"1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: no talk of the schedule has this file; kept (remove it if its talk was cancelled)")
	}
	wantResult(t, runCommand(string(data), "import", "-from", "c3voc", "-o", "out", "-"), 0,
		[]string{"0 talks of 0 events written to out (talkmeta layout); 1 file the same as before; 4 files of talks not in the schedule kept"}, gone)
	if _, err := os.Stat("out/tinycon2024/talks/0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json"); err != nil {
		t.Error(err)
	}
}

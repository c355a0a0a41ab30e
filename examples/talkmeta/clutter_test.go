package main

import (
	"os"
	"testing"
)

// TestArchiveClutter reads an archive holding what archives gather
// besides records: an editor's settings (.vscode/settings.json, a
// .prettierrc.json), macOS's .DS_Store in an event and in its talks/, a
// file named videos in a talkmeta event, and a directory named old.json
// among a pyvideo event's talks. The hidden entries are passed over by
// every verb; the file named videos is out of place in a talkmeta event,
// which does not make the event one of both layouts; the directory is
// out of place among the talks, not a talk that cannot be read.
func TestArchiveClutter(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "arch/chipy")
	importPair(t, pkg, "arch")
	plantFile(t, "arch/.vscode/settings.json", "{}\n")
	plantFile(t, "arch/.prettierrc.json", "{}\n")
	plantFile(t, "arch/tinycon2024/.DS_Store", "")
	plantFile(t, "arch/tinycon2024/talks/.DS_Store", "")
	plantFile(t, "arch/tinycon2024/videos", "x\n")
	if err := os.Mkdir("arch/chipy/videos/old.json", 0o755); err != nil {
		t.Fatal(err)
	}
	wantResult(t, runCommand("", "urls", "arch"), 1,
		append(append([]string{}, chipyURLs...), tinyconURLs...),
		[]string{
			"arch/chipy/videos/old.json: unexpected in videos/, which holds talk records (*.json) only",
			"arch/tinycon2024/videos: unexpected in an event directory, which holds event.json and talks/ only",
		})
	wantResult(t, runCommand("", "check", "arch"), 1, []string{
		"arch/chipy/videos/asynchronous-vs--threaded-python.json:12:15: no-speakers: the talk names no speaker (warning)",
		"arch/chipy/videos/old.json: layout: unexpected in videos/, which holds talk records (*.json) only",
		"arch/tinycon2024/talks/1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json:1:1: no-speakers: the talk names no speaker (warning)",
		"arch/tinycon2024/videos: layout: unexpected in an event directory, which holds event.json and talks/ only",
		"8 records (2 events, 6 talks): 2 errors, 2 warnings, in 0s",
	}, nil)
	// A directory of talks named alone: its .DS_Store is passed over
	// too, by check as by the readers, and its directory is out of place.
	wantResult(t, runCommand("", "check", "arch/tinycon2024/talks"), 0, []string{
		"arch/tinycon2024/talks/1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json:1:1: no-speakers: the talk names no speaker (warning)",
		"4 records (0 events, 4 talks): 0 errors, 1 warning, in 0s",
	}, nil)
	wantResult(t, runCommand("", "urls", "arch/tinycon2024/talks"), 0, tinyconURLs, nil)
	wantResult(t, runCommand("", "urls", "arch/chipy/videos"), 1, chipyURLs,
		[]string{"arch/chipy/videos/old.json: unexpected in videos/, which holds talk records (*.json) only"})
}

package main

import (
	"os"
	"testing"
)

// TestPyvideoEventWithoutRecord reads pyvideo events whose category.json
// is missing or broken, named as an event, as its videos/ directory and
// as a talk file: the missing record is reported of the event as the
// user named it (not by its absolute path); the talks' event is the
// event's directory (not "videos"), however they are named; and a
// broken record is reported once per argument that reads it, its talks
// read all the same.
func TestPyvideoEventWithoutRecord(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/nocat")
	copyEvent(t, pkg, "chipy", "a/badcat")
	if err := os.Remove("a/nocat/category.json"); err != nil {
		t.Fatal(err)
	}
	plantFile(t, "a/badcat/category.json", `{"title": 5}`)
	nocat := []string{
		"nocat/15260\t/chipy/Learning_Sprint_An_Experiment.html",
		"nocat/asynchronous-vs--threaded-python\t/chipy/asynchronous-vs--threaded-python.html",
	}
	wantResult(t, runCommand("", "urls", "a/nocat", "a/nocat/videos", "a/nocat/videos/15260.json"), 1,
		append(append(nocat, nocat...), nocat[0]),
		[]string{"a/nocat: the event has no category.json"})
	wantResult(t, runCommand("", "urls", "a/badcat/videos", "a/badcat/videos/15260.json"), 1, []string{
		"badcat/15260\t/chipy/Learning_Sprint_An_Experiment.html",
		"badcat/asynchronous-vs--threaded-python\t/chipy/asynchronous-vs--threaded-python.html",
		"badcat/15260\t/chipy/Learning_Sprint_An_Experiment.html",
	}, []string{
		"a/badcat/category.json:1:11: /title: want a string, got number",
		"a/badcat/category.json:1:11: /title: want a string, got number",
	})
}

package main

import "testing"

// TestShowMany shows an event's two talks: each as show-file.txt shows
// one, with an empty line between them and none after the last.
func TestShowMany(t *testing.T) {
	wantResult(t, runCommand("", "show", archive+"/chipy"), 0, []string{
		"Learning Sprint - An Experiment",
		"  speakers:  Eve Qiao, Ray Berg",
		"  event:     ChiPy",
		"  recorded:  2023-05-11T19:00:00",
		"  duration:  43:38",
		"  language:  en",
		"  video:     youtube https://youtu.be/JIMSp2Vqjgc",
		"  video:     archive.org https://archive.org/details/may_2023-Learning_Sprint_An_Experiment/Learning_Sprint_An_Experiment.mp4",
		"  link:      archive https://archive.org/details/may_2023-Learning_Sprint_An_Experiment",
		"  link:      conf https://www.chipy.org/meetings/223/",
		"  license:   CC BY",
		"  id:        chipy/15260",
		"  url:       /chipy/Learning_Sprint_An_Experiment.html",
		"",
		"Asynchronous vs. Threaded Python",
		"  event:     ChiPy",
		"  recorded:  2009-06-11",
		"  language:  en",
		"  video:     archive.org https://archive.org/details/pyvideo_589___asynchronous-vs-threaded-python",
		"  tags:      asynchronous, chipy, gil, threads",
		"  license:   Creative Commons Attribution-NonCommercial-ShareAlike 3.0",
		"  id:        chipy/asynchronous-vs--threaded-python",
		"  url:       /chipy/asynchronous-vs--threaded-python.html",
	}, nil)
}

// TestShowShortTalk shows a talk of 45 seconds, and a speaker known by
// an affiliation alone beside one with a name: the duration is shown, as
// any duration is, and the list of speakers holds the names there are,
// with no empty one.
func TestShowShortTalk(t *testing.T) {
	inTempDir(t)
	plantFile(t, "short.json", `{"title": "T", "speakers": [{"affiliation": "ACME"}, {"name": "Ada"}], "duration": "PT45S"}`)
	wantResult(t, runCommand("", "show", "short.json"), 0, []string{
		"T",
		"  speakers:  Ada",
		"  duration:  0:45",
		"  url:       /undefined/t.html",
	}, nil)
}

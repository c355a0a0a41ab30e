package main

import "testing"

// TestCiteStyleModes runs cite with styles and modes the golden tests
// leave out: a style of citations only formats talks with -mode
// citation, which needs no bibliography; a style whose attribute has a
// value CSL does not know is reported at its line and column, with the
// element and the attribute; and -mode bibliography of no talk it could
// read writes no empty line.
func TestCiteStyleModes(t *testing.T) {
	pkg := inTempDir(t)
	plantFile(t, "shout.csl", `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Shouting</title><id>shouting</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title" text-case="shouting"/></layout></citation>
</style>
`)
	plantFile(t, "empty/README", "no talks\n")
	only := pkg + "/testdata/cite-files/citations-only.csl"
	seed := pkg + "/" + seedTalk
	wantResult(t, runCommand("", "cite", "-style", only, "-mode", "citation", seed, pkg+"/"+archive+"/chipy/videos/15260.json"), 0,
		[]string{"async/await in Python 3.5 and why it is awesomeLearning Sprint - An Experiment"}, nil)
	wantResult(t, runCommand("", "cite", "-style", "shout.csl", "-mode", "citation", seed), 1, nil,
		[]string{`shout.csl:4:21: <text> text-case: invalid value "shouting" (want one of lowercase, uppercase, capitalize-first, capitalize-all, sentence, title)`})
	wantResult(t, runCommand("", "cite", "-mode", "bibliography", "empty"), 1, nil,
		[]string{"empty: no talk records here"})
}

// TestCiteTogetherTwice names one talk twice for a bibliography and a
// citation: its two items have keys of their own, so that they are two
// entries told apart as the style tells apart two works of an author in
// a year, not one.
func TestCiteTogetherTwice(t *testing.T) {
	const ref = ", August 4). async/await in Python 3.5 and why it is awesome [Conference presentation]. EuroPython 2016. https://www.youtube.com/watch?v=m28fiN9y_r8"
	wantResult(t, runCommand("", "cite", "-mode", "bibliography", seedTalk, seedTalk), 0,
		[]string{"Selivanov, Y. (2016a" + ref, "Selivanov, Y. (2016b" + ref}, nil)
	wantResult(t, runCommand("", "cite", "-mode", "citation", seedTalk, seedTalk), 0,
		[]string{"(Selivanov, 2016a, 2016b)"}, nil)
}

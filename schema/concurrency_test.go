package schema

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestConcurrentUse holds what the Validator's documentation promises:
// one Validator, its zero value included, checks records from many
// goroutines at once (run the test with -race), each getting the
// problems it gets alone.
func TestConcurrentUse(t *testing.T) {
	talkmeta, err := os.ReadFile("testdata/talk.json")
	if err != nil {
		t.Fatal(err)
	}
	pyvideo := readTestdata(t, seedPath)
	type job struct {
		v    *Validator
		data []byte
		kind string
	}
	var zero Validator // the zero value, shared
	py := &Validator{Profile: Pyvideo, Languages: []string{"eng"}}
	jobs := []job{
		{&zero, talkmeta, "talk"},
		{&zero, []byte(`{"Title": 1, "descripton": "", "recorded": "2016-02-30", "videos": [{"url": "youtube.com"}]}`), "talk"},
		{&zero, []byte(`{"title": "PyCon", "start": "2024-02-30"}`), "event"},
		{&zero, []byte(`{"name": " Ada ", "orcid": "0000-0002-1825-0098"}`), "speaker"},
		{&zero, []byte("{\"title\": \"x\",,}"), "talk"},
		{py, pyvideo, "talk"},
		{py, []byte(`{"title": "T", "speakers": ["Glyph Lefkowitz"], "language": "spa", "videos": []}`), "talk"},
	}
	run := func(j job) []string {
		switch j.kind {
		case "event":
			return lines(j.v.ValidateEvent(j.data, "r.json"))
		case "speaker":
			return lines(j.v.ValidateSpeaker(j.data, "r.json"))
		}
		return lines(j.v.ValidateTalk(j.data, "r.json"))
	}
	want := make([][]string, len(jobs))
	for i, j := range jobs {
		want[i] = run(j)
	}
	var wg sync.WaitGroup
	diffs := make(chan string, 8*len(jobs))
	for g := range 8 {
		wg.Go(func() {
			for k := range 20 * len(jobs) {
				i := (g + k) % len(jobs)
				if diff := cmp.Diff(want[i], run(jobs[i])); diff != "" {
					diffs <- fmt.Sprintf("job %d (-alone +concurrent):\n%s", i, diff)
					return
				}
			}
		})
	}
	wg.Wait()
	close(diffs)
	for d := range diffs {
		t.Error(d)
	}
}

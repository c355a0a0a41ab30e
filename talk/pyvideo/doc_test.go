package pyvideo_test

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestConcurrentUse holds the package doc's word on concurrency: a Reader
// (the zero one of the package's functions) reads from many goroutines at
// once, a talk it read may be written by many, and the Slugifier slugs
// from many; each gives what it gives alone. It means something under
// -race.
func TestConcurrentUse(t *testing.T) {
	fsys := os.DirFS("../../testdata/pyvideo")
	run := func() string {
		var b strings.Builder
		for tk, err := range pyvideo.Talks(fsys) {
			if err != nil {
				fmt.Fprintln(&b, err)
				continue
			}
			out, err := pyvideo.MarshalTalk(tk)
			fmt.Fprintf(&b, "%s %s %v\n%s", tk.Event.ID, tk.ID, err, out)
			fmt.Fprintln(&b, pyvideo.TalkURLPath(tk), pyvideo.Slugifier{Pelican42: true}.Slugify(tk.Title))
		}
		return b.String()
	}
	want := run()
	if want == "" {
		t.Fatal("no talks read")
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := run(); got != want {
				t.Errorf("concurrent reading and writing differ:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	wg.Wait()
}

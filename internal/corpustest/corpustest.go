// Package corpustest gives tests and benchmarks the talks of the pyvideo
// corpus that $TALKMETA_CORPUS names, and skips them, saying how to run
// them, when it is not set: the repository alone must pass its tests.
package corpustest

import (
	"os"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// Dir returns the corpus directory $TALKMETA_CORPUS names, and skips tb
// when it is not set.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("TALKMETA_CORPUS")
	if dir == "" {
		tb.Skip("TALKMETA_CORPUS is not set; set it to the pyvideo corpus (../shared/corpus/pyvideo) to run this over it")
	}
	return dir
}

// Talks returns the talks of the corpus that load, in the corpus's
// order. The records that do not load are left out: reporting them is
// talk/pyvideo's tests' concern. It skips tb as Dir does, and fails it
// when no talk loads.
func Talks(tb testing.TB) []*talk.Talk {
	tb.Helper()
	var talks []*talk.Talk
	for tk, err := range pyvideo.Talks(os.DirFS(Dir(tb))) {
		if err == nil {
			talks = append(talks, tk)
		}
	}
	if len(talks) == 0 {
		tb.Fatal("no talks load from TALKMETA_CORPUS")
	}
	return talks
}

package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// shortWriter is a standard output that takes all but the last byte of
// each write and says nothing of it, as a broken io.Writer may.
type shortWriter struct{ bytes.Buffer }

func (w *shortWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return w.Buffer.Write(p[:len(p)-1])
}

// TestOutputShortWrite: a write that takes less than it was given,
// without an error, fails the output as an error would, reported once,
// and nothing more is written after it.
func TestOutputShortWrite(t *testing.T) {
	var stderr bytes.Buffer
	out := &shortWriter{}
	e := &env{stdin: strings.NewReader(""), stdout: out, stderr: &stderr, now: fixedNow}
	got := result{status: run(e, []string{"urls", archive + "/chipy"}), stdout: out.String(), stderr: stderr.String()}
	want := result{status: 1, stdout: chipyURLs[0], stderr: "talkmeta urls: writing output: short write\n"}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

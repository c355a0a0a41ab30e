package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// interruptingStderr is a standard error that delivers SIGINT to the
// run on the first line written to it, as a user does who presses
// Ctrl-C on seeing an error scroll by.
type interruptingStderr struct {
	bytes.Buffer
	c chan<- os.Signal
}

func (w *interruptingStderr) Write(p []byte) (int, error) {
	if w.c != nil {
		w.c <- os.Interrupt
		w.c = nil
	}
	return w.Buffer.Write(p)
}

// runInterruptedAfterError runs the command in-process as runCommand
// does, interrupted as soon as it writes to stderr.
func runInterruptedAfterError(args ...string) result {
	var out bytes.Buffer
	errOut := &interruptingStderr{}
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: errOut, now: fixedNow,
		notify: func(c chan<- os.Signal) func() {
			errOut.c = c
			return func() {}
		}}
	status := run(e, args)
	return result{status, out.String(), errOut.String()}
}

// compactFile rewrites the JSON file name on one line, out of its
// canonical form, and returns what it holds then.
func compactFile(t *testing.T, name string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(readFile(t, name))); err != nil {
		t.Fatal(err)
	}
	plantFile(t, name, b.String())
	return b.String()
}

// TestFmtInterruptedMidRun interrupts fmt -w after it has reported a
// record it cannot read: it stops before the next file, whether that is
// the next talk of the same event or the next argument, an event record
// named, and leaves it as it was.
func TestFmtInterruptedMidRun(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "ev")
	plantFile(t, "ev/videos/0-broken.json", "{")
	talk := compactFile(t, "ev/videos/15260.json")
	event := compactFile(t, "ev/category.json")
	plantFile(t, "broken.json", "{")
	const interrupted = "talkmeta fmt: interrupted; each file is either rewritten or as it was"

	wantResult(t, runInterruptedAfterError("fmt", "-w", "ev"), 130, nil, []string{
		"ev/videos/0-broken.json:1:2: invalid JSON: unexpected end of input",
		interrupted,
	})
	wantResult(t, runInterruptedAfterError("fmt", "-w", "broken.json", "ev/category.json"), 130, nil, []string{
		"broken.json:1:2: invalid JSON: unexpected end of input",
		interrupted,
	})
	if got := readFile(t, "ev/videos/15260.json"); got != talk {
		t.Errorf("ev/videos/15260.json was rewritten after the interrupt:\n%s", got)
	}
	if got := readFile(t, "ev/category.json"); got != event {
		t.Errorf("ev/category.json was rewritten after the interrupt:\n%s", got)
	}
}

package main

import (
	"os"
	"testing"
)

// TestWelcomesProgress: progress lines, drawn with ANSI escapes, go to a
// terminal (a character device, as /dev/null is too), but not to one
// whose TERM says it is dumb, nor to a file.
func TestWelcomesProgress(t *testing.T) {
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer dev.Close()
	if !isTerminal(dev) {
		t.Skipf("%s is no character device here", os.DevNull)
	}
	file, err := os.Create(t.TempDir() + "/err")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for _, tt := range []struct {
		f    *os.File
		term string
		want bool
	}{
		{dev, "xterm-256color", true},
		{dev, "", true},
		{dev, "dumb", false},
		{file, "xterm-256color", false},
	} {
		if got := welcomesProgress(tt.f, tt.term); got != tt.want {
			t.Errorf("welcomesProgress(%s, TERM=%q) = %v, want %v", tt.f.Name(), tt.term, got, tt.want)
		}
	}
}

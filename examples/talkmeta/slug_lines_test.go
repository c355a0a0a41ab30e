package main

import (
	"strings"
	"testing"
)

// TestSlugLongTitleLine reads a title line of 100,000 bytes from
// standard input, longer than a bufio.Scanner takes by default (64 KiB)
// but within maxTitleLine: it is slugged like any other, and the titles
// after it are read.
func TestSlugLongTitleLine(t *testing.T) {
	title := strings.Repeat("word ", 20000)
	wantResult(t, runCommand("Go\n"+title+"\nRust\n", "slug", "-max", "20"), 0,
		[]string{"go", "word-word-word-word", "rust"}, nil)
}

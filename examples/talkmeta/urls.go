package main

import (
	"fmt"

	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func runURLs(e *env, args []string) int {
	fs := e.flags("urls")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	if fs.NArg() == 0 {
		return usageError(fs, "no file or directory given")
	}
	status := 0
	for t, err := range e.talks(fs.Args()) {
		if e.outputFailed() {
			break // run reports it
		}
		if err != nil {
			fmt.Fprintln(e.stderr, errorLine(err))
			status = 1
			continue
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", forTerminal(talkID(t)), forTerminal(pyvideo.TalkURLPath(t)))
	}
	return status
}

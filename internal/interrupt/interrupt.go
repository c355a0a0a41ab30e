// Package interrupt relays the signals that ask a program to stop to the
// program, as signal.Notify does, but leaves alone a signal the program
// was started with ignored: nohup starts a program with SIGHUP ignored,
// so that it outlives the terminal, and a shell without job control
// starts a background job with SIGINT ignored, so that Ctrl-C stops the
// foreground one only. signal.Notify would stop ignoring either, and a
// "nohup talkmeta site" would be interrupted when its user logged out.
package interrupt

import (
	"os"
	"os/signal"
)

// Notify relays each of sigs that the process was not started with
// ignored to c, until stop is called, as signal.Notify and signal.Stop
// do. Unlike signal.Notify, it relays none when sigs holds none, or only
// ignored ones, rather than every signal.
func Notify(c chan<- os.Signal, sigs ...os.Signal) (stop func()) {
	for _, sig := range sigs {
		if !signal.Ignored(sig) {
			signal.Notify(c, sig)
		}
	}
	return func() { signal.Stop(c) }
}

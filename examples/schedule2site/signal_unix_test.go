//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestNotifyKeepsIgnored starts the program's signal handling in a
// process started with SIGHUP ignored, as nohup starts one, or SIGINT, as
// a shell starts a background job: the signal stays ignored, where
// signal.Notify made it interrupt the build (a "nohup schedule2site" was
// interrupted, its site left as it was, when the user logged out); and a
// SIGTERM is caught, in any case. The child's report is compared whole.
func TestNotifyKeepsIgnored(t *testing.T) {
	if os.Getenv("SCHEDULE2SITE_NOTIFY_CHILD") == "1" {
		c := make(chan os.Signal, 1)
		notifyInterrupts(c)
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGHUP} {
			fmt.Printf("%v ignored: %v\n", sig, signal.Ignored(sig))
		}
		if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
			fmt.Println(err)
		}
		select {
		case sig := <-c:
			fmt.Printf("caught: %v\n", sig)
		case <-time.After(10 * time.Second):
			fmt.Println("SIGTERM not caught")
		}
		return
	}
	// A process inherits the signals its parent ignores: the parent's
	// are the least a child has ignored.
	parent := [2]bool{signal.Ignored(syscall.SIGINT), signal.Ignored(syscall.SIGHUP)}
	self := []string{os.Args[0], "-test.run=^TestNotifyKeepsIgnored$"}
	for _, tt := range []struct {
		name    string
		argv    []string
		ignored [2]bool // SIGINT, SIGHUP
	}{
		{"run as it is", self, parent},
		{"run with nohup", append([]string{"nohup"}, self...), [2]bool{parent[0], true}},
		{"run as a shell's background job", append([]string{"sh", "-c", `"$0" "$1" & wait`}, self...), [2]bool{true, parent[1]}},
	} {
		cmd := exec.Command(tt.argv[0], tt.argv[1:]...)
		cmd.Env = append(os.Environ(), "SCHEDULE2SITE_NOTIFY_CHILD=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v: %s", tt.name, err, out)
		}
		want := fmt.Sprintf("interrupt ignored: %v\nhangup ignored: %v\ncaught: terminated\nPASS\n", tt.ignored[0], tt.ignored[1])
		if diff := cmp.Diff(want, string(out)); diff != "" {
			t.Errorf("%s: the child's report (-want +got):\n%s", tt.name, diff)
		}
	}
}

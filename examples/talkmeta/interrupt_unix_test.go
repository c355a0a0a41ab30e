//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNotifyKeepsIgnored starts the command's signal handling in a
// process started with SIGHUP ignored, as nohup starts one: SIGHUP stays
// ignored, where signal.Notify would have made it end a "nohup talkmeta
// site" at logout.
func TestNotifyKeepsIgnored(t *testing.T) {
	if os.Getenv("TALKMETA_NOTIFY_CHILD") == "1" {
		stop := notifyInterrupts(make(chan os.Signal, 1))
		defer stop()
		fmt.Printf("SIGHUP ignored: %v\n", signal.Ignored(syscall.SIGHUP))
		return
	}
	signal.Ignore(syscall.SIGHUP)
	defer signal.Reset(syscall.SIGHUP)
	cmd := exec.Command(os.Args[0], "-test.run=^TestNotifyKeepsIgnored$")
	cmd.Env = append(os.Environ(), "TALKMETA_NOTIFY_CHILD=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if diff := cmp.Diff("SIGHUP ignored: true\nPASS\n", string(out)); diff != "" {
		t.Errorf("child's output (-want +got):\n%s", diff)
	}
}

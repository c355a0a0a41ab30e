//go:build unix

package interrupt

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

// TestNotifyKeepsIgnored calls Notify for SIGINT, SIGTERM and SIGHUP in
// a process started with SIGHUP ignored, as nohup starts one, or SIGINT,
// as a shell without job control starts a background job: the signal
// stays ignored, where signal.Notify would stop ignoring it; and a
// SIGTERM is relayed, in any case. The child's report is compared whole.
func TestNotifyKeepsIgnored(t *testing.T) {
	if os.Getenv("TALKMETA_INTERRUPT_CHILD") == "1" {
		c := make(chan os.Signal, 1)
		Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGHUP} {
			fmt.Printf("%v ignored: %v\n", sig, signal.Ignored(sig))
		}
		if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
			fmt.Println(err)
		}
		select {
		case sig := <-c:
			fmt.Printf("relayed: %v\n", sig)
		case <-time.After(10 * time.Second):
			fmt.Println("SIGTERM not relayed")
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
		cmd.Env = append(os.Environ(), "TALKMETA_INTERRUPT_CHILD=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v: %s", tt.name, err, out)
		}
		want := fmt.Sprintf("interrupt ignored: %v\nhangup ignored: %v\nrelayed: terminated\nPASS\n", tt.ignored[0], tt.ignored[1])
		if diff := cmp.Diff(want, string(out)); diff != "" {
			t.Errorf("%s: the child's report (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestNotifyNone relays no signal when given none, where signal.Notify
// would relay every one: a SIGUSR1 the test sends itself, caught by a
// channel of its own, does not reach Notify's.
func TestNotifyNone(t *testing.T) {
	c := make(chan os.Signal, 1)
	stop := Notify(c)
	defer stop()
	own := make(chan os.Signal, 1)
	signal.Notify(own, syscall.SIGUSR1)
	defer signal.Stop(own)
	if err := syscall.Kill(os.Getpid(), syscall.SIGUSR1); err != nil {
		t.Fatal(err)
	}
	select {
	case <-own:
	case <-time.After(10 * time.Second):
		t.Fatal("SIGUSR1 not caught")
	}
	select {
	case sig := <-c: // relayed to every channel at once, or nearly
		t.Errorf("Notify() relayed %v", sig)
	case <-time.After(100 * time.Millisecond):
	}
}

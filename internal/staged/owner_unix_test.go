//go:build unix

package staged

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReplaceKeepsOwner rewrites, as root, a file another user
// owns: it stays theirs, with its group and its setgid bit, where the
// renamed file was root's, which its owner could then no longer write.
func TestReplaceKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root may give a file to another user")
	}
	name := filepath.Join(t.TempDir(), "a.json")
	if err := os.WriteFile(name, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	const uid, gid = 65534, 65534 // nobody, nogroup
	if err := os.Chown(name, uid, gid); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o640|os.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	if err := Replace(name, []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	sys := st.Sys().(*syscall.Stat_t)
	if sys.Uid != uid || sys.Gid != gid || st.Mode() != 0o640|os.ModeSetgid {
		t.Errorf("after Replace: owner %d, group %d, mode %v; want %d, %d, %v", sys.Uid, sys.Gid, st.Mode(), uid, gid, 0o640|os.ModeSetgid)
	}
}

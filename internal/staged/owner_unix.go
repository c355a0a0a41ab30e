//go:build unix

package staged

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the file name the owner and group of the file whose
// info old is, as far as the process may (see [Replace]). Nothing is
// done, and no error given, where it may not.
func keepOwner(name string, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if err := os.Lchown(name, int(st.Uid), int(st.Gid)); err != nil {
		os.Lchown(name, -1, int(st.Gid)) // the group alone, where the owner may not be given
	}
}

//go:build !unix

package osfs

import "io/fs"

// Open is os.DirFS's where no cheaper way is known.
func (d dirFS) Open(name string) (fs.File, error) { return d.fsWithAll.Open(name) }

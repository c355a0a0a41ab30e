package main

import "io/fs"

// mustSub returns the subtree dir of an embedded file system, which exists
// by construction.
func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

//go:build !unix || aix || solaris

package main

import "errors"

// mkfifo says that there are no named pipes to make here: aix and
// solaris have no syscall.Mkfifo, and other systems no named pipes in
// their file systems.
func mkfifo(string) error { return errors.New("no syscall.Mkfifo") }

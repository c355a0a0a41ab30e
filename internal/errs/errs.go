// Package errs holds the error types the readers share.
package errs

import (
	"errors"
	"io/fs"
	"os"
)

// Worded is an error worded as its reader words its other problems
// ("/recorded: "2016-02-30" is not a real date"), that keeps the error it
// words, such as a *talk.DateError, for errors.Is and errors.As.
type Worded struct {
	Msg   string
	Cause error // nil for a problem without one
}

// Error returns Msg alone: the cause's own wording would repeat it.
func (e *Worded) Error() string { return e.Msg }

// Unwrap returns the cause.
func (e *Worded) Unwrap() error { return e.Cause }

// Prefixed is Err with Prefix before its message ("pyvideo: " before a
// *fs.PathError's), as fmt.Errorf(prefix+"%w", err) words it, but made
// each time it is asked for: a caller that renames the file Err names
// (as a program names it to its user) finds the new name in the message
// of every error that wraps Err so.
type Prefixed struct {
	Prefix string
	Err    error
}

// Error returns Prefix followed by Err's message.
func (e *Prefixed) Error() string { return e.Prefix + e.Err.Error() }

// Unwrap returns Err.
func (e *Prefixed) Unwrap() error { return e.Err }

// WithoutPath returns the cause of err without the name of the file it
// is about, when it has one (an *fs.PathError's or an *os.LinkError's):
// "permission denied", not "open ev/.a.json.tmp2074762335: permission
// denied", for a message that names the file in words of its own.
func WithoutPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	if le, ok := errors.AsType[*os.LinkError](err); ok {
		return le.Err
	}
	return err
}

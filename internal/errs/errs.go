// Package errs holds the error types the readers share.
package errs

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

// Package pagecheck holds what talk/html's and talk/jsonld's pages refuse
// before they write anything, so that the two renderers of one page, an
// HTML page and the JSON-LD it carries, refuse the same records in the
// same words.
package pagecheck

import "github.com/talkmeta/talkmeta/talk"

// Check returns what a page written by the package pkg ("html",
// "jsonld") refuses of the record it is about (what: "talk", "event",
// "speaker") and of the talks it lists: a nil record, as a
// [*talk.NilError] naming what; else the first error of the record's own
// checks, in the order given (its text, its dates); else
// [talk.CheckTalks]' error for the talks. The checks are the record's
// methods, not called when isNil.
func Check(pkg, what string, isNil bool, talks []*talk.Talk, checks ...func() error) error {
	if isNil {
		return &talk.NilError{Package: pkg, What: what}
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return talk.CheckTalks(pkg, talks)
}

// Package layout words the faults of an archive's layout (an event
// directory per event, holding the event's record and its directory of
// talks), so that schema's check and the readers, pyvideo's and the
// talkmeta command's, say each fault in one way, whichever finds it.
package layout

import "fmt"

// Names are the names a form gives an event's record and its directory of
// talks: category.json and videos/ in pyvideo's, event.json and talks/ in
// talkmeta's.
type Names struct {
	Form      string // "pyvideo", "talkmeta"
	EventFile string
	TalksDir  string
}

// Pyvideo returns the names of pyvideo's layout.
func Pyvideo() Names { return Names{"pyvideo", "category.json", "videos"} }

// Talkmeta returns the names of talkmeta's layout.
func Talkmeta() Names { return Names{"talkmeta", "event.json", "talks"} }

// InEvent says that a file is out of place in an event directory.
func (n Names) InEvent() string {
	return fmt.Sprintf("unexpected in an event directory, which holds %s and %s/ only", n.EventFile, n.TalksDir)
}

// InTalks says that a file or directory is out of place in a directory of
// talks.
func (n Names) InTalks() string {
	return fmt.Sprintf("unexpected in %s/, which holds talk records (*.json) only", n.TalksDir)
}

// EventFileNotFile says that what has the name of the event's record
// is a directory.
func (n Names) EventFileNotFile() string {
	return fmt.Sprintf("a directory, where the event's record, the file %s, belongs", n.EventFile)
}

// TalksDirNotDir says that what has the name of the event's directory of
// talks is a file.
func (n Names) TalksDirNotDir() string {
	return fmt.Sprintf("a file, where the event's directory of talks, %s/, belongs", n.TalksDir)
}

// NoEventFile says that an event directory lacks the event's record.
func (n Names) NoEventFile() string { return "the event has no " + n.EventFile }

// NoTalksDir says that an event directory lacks its directory of talks.
func (n Names) NoTalksDir() string { return fmt.Sprintf("the event has no %s/ directory", n.TalksDir) }

// Outside says that a record lies at an archive's top, outside any event.
func (n Names) Outside() string {
	return fmt.Sprintf("a record outside any event; talks go in <event>/%s/ and events in <event>/%s", n.TalksDir, n.EventFile)
}

// NotAnEvent says that a directory holds records but is no event in any
// of the forms given: one, where the form is known, as schema's check
// knows its profile, or several, where it is not.
func NotAnEvent(forms ...Names) string {
	if len(forms) == 1 {
		return fmt.Sprintf("a directory of records without %s or %s/; is it an event?", forms[0].EventFile, forms[0].TalksDir)
	}
	s := "a directory of records without "
	for i, n := range forms {
		if i > 0 {
			s += ", nor "
		}
		s += fmt.Sprintf("%s or %s/ (%s)", n.EventFile, n.TalksDir, n.Form)
	}
	return s + "; is it an event?"
}

// OfTalksDir returns the names of the form whose directory of talks is
// named name ("videos", "talks"), and whether there is one.
func OfTalksDir(name string) (Names, bool) {
	for _, n := range []Names{Pyvideo(), Talkmeta()} {
		if n.TalksDir == name {
			return n, true
		}
	}
	return Names{}, false
}

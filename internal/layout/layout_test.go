package layout

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	p, m := Pyvideo(), Talkmeta()
	got := []string{p.InEvent(), m.InTalks(), p.NoEventFile(), m.NoTalksDir(), p.Outside(), NotAnEvent(m), NotAnEvent(p, m)}
	want := []string{
		"unexpected in an event directory, which holds category.json and videos/ only",
		"unexpected in talks/, which holds talk records (*.json) only",
		"the event has no category.json",
		"the event has no talks/ directory",
		"a record outside any event; talks go in <event>/videos/ and events in <event>/category.json",
		"a directory of records without event.json or talks/; is it an event?",
		"a directory of records without category.json or videos/ (pyvideo), nor event.json or talks/ (talkmeta); is it an event?",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

package talk

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RecordError reports a problem with one record in a source: which file,
// where in it, and what is wrong. Readers in talkmeta return it (possibly
// wrapped) for every record they cannot read, so a caller can print a
// useful message or use [errors.As] to get at the position.
type RecordError struct {
	Path    string // slash-separated file path; "" when the record has none
	Pointer string // JSON pointer (RFC 6901) to the value at fault; "" for the whole record
	Line    int    // 1-based line of the value in the source; 0 when unknown
	Column  int    // 1-based byte column; 0 when unknown
	// ID is the record's ID ([Talk.ID], [Event.ID]), which the writers
	// and renderers give, so that a record read from no file, which Path
	// cannot name (one a program made, among the many it writes), is
	// named by it. Readers leave it "".
	ID  string
	Err error // what is wrong
}

// Error formats the problem as "path:line:col: pointer: message", leaving
// out the parts that are unknown, the way compilers report errors so that
// editors can jump to them. A record without a path (one read from a
// request's body) is placed by "line:col: " alone, and one a writer
// refuses by its ID instead: `id "pycon-2024/keynote": /title: ...`.
func (e *RecordError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Path == "" && e.ID != "" {
		b.WriteString("id " + strconv.Quote(e.ID))
	}
	if e.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(":" + strconv.Itoa(e.Column))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Pointer != "" {
		b.WriteString(e.Pointer + ": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// ErrorList is every problem found in one source, in the order found.
// Readers that go on after a bad record (a schedule with one broken talk
// still has many good ones) return it beside what they could read.
type ErrorList []*RecordError

// Error formats the first problem and how many more there are; range over
// the list to report them all.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "talk: no errors"
	case 1:
		return l[0].Error()
	}
	if len(l) == 2 {
		return l[0].Error() + " (and 1 more error)"
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Unwrap returns the problems, so that errors.As finds a [*RecordError].
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns the list as an error: nil when it is empty, so that an empty
// list never becomes a non-nil error interface.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// NilError reports a nil record where a writer needed one: a nil *[Talk]
// in the slice it was given, or a nil *[Event] or *[Speaker]. The writers
// in talkmeta return it, before they write anything, rather than panic
// part-way through a file, so that one hole in a caller's slice names its
// place instead of taking the program down.
type NilError struct {
	Package string // the reporting package, "schedule"
	What    string // the argument or element that was nil, "talks[3]"
}

// Error formats the error as "package: what is nil".
func (e *NilError) Error() string { return e.Package + ": " + e.What + " is nil" }

// FirstNil returns a [*NilError] of the package pkg naming the first nil
// talk of talks ("talks[3]"), or nil when there is none: the check a
// writer makes before it writes anything.
func FirstNil(pkg string, talks []*Talk) error {
	for i, t := range talks {
		if t == nil {
			return &NilError{Package: pkg, What: "talks[" + strconv.Itoa(i) + "]"}
		}
	}
	return nil
}

// CheckTalks returns what a writer of the package pkg refuses before it
// writes anything of talks: a [*NilError] naming the first nil talk
// ("talks[3]"), or else the first [Talk.CheckUTF8] error among them, or
// else the first [Talk.CheckDates] error.
func CheckTalks(pkg string, talks []*Talk) error {
	if err := FirstNil(pkg, talks); err != nil {
		return err
	}
	for _, t := range talks {
		if err := t.CheckUTF8(); err != nil {
			return err
		}
	}
	for _, t := range talks {
		if err := t.CheckDates(); err != nil {
			return err
		}
	}
	return nil
}

// CheckDates returns a [*RecordError], with t.Origin.Path (or t.ID) and
// the JSON pointer of the date ("/event/start", "/parts/2/recorded"),
// holding [Date.Check]'s error for the first date of t, its event or its
// parts whose year is outside 0000-9999. Only a Go program makes one
// (DateTimeOf of a time 10,000 years on), and no format holds it: ISO
// 8601's, RFC 5545's, EDTF's and RIS's years have four digits, and
// talkmeta's readers would not read the record back. So every writer
// and renderer refuses it, rather than write a date its readers reject
// or leave the date out without a word.
func (t *Talk) CheckDates() error {
	if ptr, err := talkDates(t, ""); err != nil {
		return &RecordError{Path: t.Origin.Path, ID: t.ID, Pointer: ptr, Err: err}
	}
	return nil
}

// CheckDates is [Talk.CheckDates] for an event's start and end.
func (e *Event) CheckDates() error {
	if ptr, err := eventDates(e, ""); err != nil {
		return &RecordError{Path: e.Origin.Path, ID: e.ID, Pointer: ptr, Err: err}
	}
	return nil
}

// TextError reports a string of the model that is not UTF-8: "Caf\xe9",
// Latin-1 read as it was, or a title cut in the middle of a character.
// A writer of JSON would write U+FFFD in place of each bad byte, so that
// the record would read back as other text; a page would be malformed
// HTML; a citation would lose the bytes. The writers of talkmeta's and
// pyvideo's forms and every renderer refuse it, as a [*RecordError] with
// its JSON pointer (see [Talk.CheckUTF8]), rather than change it without
// a word.
type TextError struct {
	Text   string // the string as the model holds it
	Offset int    // the byte offset of its first byte that is not UTF-8
}

// Error quotes the text and says where it stops being UTF-8.
func (e *TextError) Error() string {
	return fmt.Sprintf("talk: %s is not UTF-8 text (byte %#02x at offset %d); convert it to UTF-8",
		strconv.Quote(e.Text), e.Text[e.Offset], e.Offset)
}

// CheckText returns a [*TextError] for s when it is not UTF-8, and nil
// otherwise, without allocating: the check the writers make of every
// string they write.
func CheckText(s string) error {
	if utf8.ValidString(s) {
		return nil
	}
	return &TextError{Text: s, Offset: firstInvalid(s)}
}

// CheckUTF8 returns a [*RecordError], with t.Origin.Path (or t.ID) and
// the JSON pointer of the string ("/speakers/0/name"), holding a [*TextError] for
// the first string of t that is not UTF-8: in t, its speakers, event,
// place, tags, videos, slides, links, legacy keys and parts, and the
// names of their Extra members. It returns nil when every one is UTF-8.
// Every writer and renderer of talkmeta refuses such a talk with it
// before it writes anything: what each would write instead (U+FFFD in
// JSON and on pages, nothing in a citation) is the talk changed without
// a word.
func (t *Talk) CheckUTF8() error {
	if ptr, err := talkText(t, ""); err != nil {
		return &RecordError{Path: t.Origin.Path, ID: t.ID, Pointer: ptr, Err: err}
	}
	return nil
}

// CheckUTF8 is [Talk.CheckUTF8] for an event, as its pages and calendars
// refuse it.
func (e *Event) CheckUTF8() error {
	if ptr, err := eventText(e, ""); err != nil {
		return &RecordError{Path: e.Origin.Path, ID: e.ID, Pointer: ptr, Err: err}
	}
	return nil
}

// CheckUTF8 is [Talk.CheckUTF8] for a speaker, as its pages refuse it.
func (s *Speaker) CheckUTF8() error {
	if ptr, err := speakerText(s, ""); err != nil {
		return &RecordError{Pointer: ptr, Err: err}
	}
	return nil
}

// firstInvalid returns the offset of the first byte of s that does not
// begin a valid UTF-8 sequence, or len(s).
func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(s)
}

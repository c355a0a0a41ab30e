package cite

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// TestNilTalk: a nil talk is an error naming its place, before anything
// is written, where each writer used to dereference it; the functions
// with no error to return take it for an empty talk.
func TestNilTalk(t *testing.T) {
	one := &talk.Talk{Title: "Fine", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}}}
	var b bytes.Buffer
	var got []string
	add := func(err error) {
		var ne *talk.NilError
		got = append(got, fmt.Sprintf("%v %v", err, errors.As(err, &ne)))
	}
	for _, f := range []Format{BibTeX, BibLaTeX, RIS, CSLJSON} {
		add(WriteAll(&b, f, []*talk.Talk{one, nil}, Options{}))
	}
	// A list's nil talk is named before another's bad text, as every
	// writer of a list (talk.CheckTalks) names it.
	add(WriteAll(&b, RIS, []*talk.Talk{{Title: "Caf\xe9"}, nil}, Options{}))
	// And a later talk's bad text before an earlier one's year past 9999.
	far := talk.DateTimeOf(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), true)
	add(WriteAll(&b, RIS, []*talk.Talk{{Title: "Far", Recorded: far}, {Title: "Caf\xe9"}}, Options{}))
	add(WriteCSLJSON(&b, nil, one))
	add(WriteBibTeX(&b, nil, Options{}))
	add(WriteBibLaTeX(&b, nil, Options{}))
	add(WriteRIS(&b, nil))
	_, err := Reference(nil, csl.Text, nil, Options{})
	add(err)
	want := []string{
		"cite: talks[1] is nil true", "cite: talks[1] is nil true", "cite: talks[1] is nil true", "cite: talks[1] is nil true",
		"cite: talks[1] is nil true",
		`/title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8 false`,
		"cite: talks[0] is nil true", "cite: talk is nil true", "cite: talk is nil true", "cite: talk is nil true", "cite: talk is nil true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}

	// A Writer names each nil by its place among the talks given to it,
	// as WriteAll names it in its slice, writes
	// nothing for it, and goes on.
	w := NewWriter(&b, CSLJSON, Options{})
	got = []string{fmt.Sprint(w.Write(one)), fmt.Sprint(w.Write(nil)), fmt.Sprint(w.Write(nil)), fmt.Sprint(w.Write(one)), fmt.Sprint(w.Write(nil)), fmt.Sprint(w.Close())}
	if diff := cmp.Diff([]string{"<nil>", "cite: talks[1] is nil", "cite: talks[2] is nil", "<nil>", "cite: talks[4] is nil", "<nil>"}, got); diff != "" {
		t.Errorf("Writer (-want +got):\n%s", diff)
	}
	var again bytes.Buffer
	if err := WriteAll(&again, CSLJSON, []*talk.Talk{one, one}, Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(again.String(), b.String()); diff != "" {
		t.Errorf("Writer output with a nil in between (-want +got):\n%s", diff)
	}

	got = []string{Key(nil), Genre(nil), fmt.Sprint(Names(nil))}
	if diff := cmp.Diff([]string{"anon", "Conference presentation", "[]"}, got); diff != "" {
		t.Errorf("Key, Genre, Names (-want +got):\n%s", diff)
	}
	if it, err := CSLItem(nil, "x", Options{}); it != nil || fmt.Sprint(err) != "cite: talk is nil" {
		t.Errorf("CSLItem(nil) = %v, %v; want a *talk.NilError", it, err)
	}
}

// TestReferenceZeroProcessor: a nil or zero processor is csl's
// ErrNoStyle, not a nil pointer dereference.
func TestReferenceZeroProcessor(t *testing.T) {
	for _, pr := range []*csl.Processor{nil, {}} {
		if _, err := Reference(pr, csl.Text, &talk.Talk{Title: "x"}, Options{}); !errors.Is(err, csl.ErrNoStyle) {
			t.Errorf("Reference(%v): %v, want csl.ErrNoStyle", pr, err)
		}
	}
}

// TestWriterClosed: after Close, Write and a second Close write nothing
// and say that the Writer is closed, where a second Close said "Write after
// Close"; the zero Writer is a *FormatError, not a panic on its nil
// io.Writer.
func TestWriterClosed(t *testing.T) {
	tk := &talk.Talk{ID: "x", Title: "T"}
	var b strings.Builder
	w := NewWriter(&b, CSLJSON, Options{})
	got := []string{fmt.Sprint(w.Write(tk)), fmt.Sprint(w.Close()), fmt.Sprint(w.Write(tk)), fmt.Sprint(w.Close())}
	var zero Writer
	err := zero.Write(tk)
	_, isFormat := errors.AsType[*FormatError](err)
	got = append(got, fmt.Sprint(err, " ", isFormat))
	want := []string{"<nil>", "<nil>", "cite: the Writer is closed", "cite: the Writer is closed",
		`cite: unknown format "Format(0)" (want bibtex, biblatex, ris or csl-json) true`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if n := strings.Count(b.String(), `"id"`); n != 1 || !strings.HasSuffix(b.String(), "}\n]\n") {
		t.Errorf("wrote %q", b.String())
	}
}

// TestRefused: what no format can cite as it is, text that is not UTF-8
// and a year past 9999 (anywhere in the talk, as every writer refuses
// it), is refused by every writer, Reference and CSLItem with the same
// error, before anything is written, where BibTeX, RIS and CSL-JSON
// dropped the bad bytes and cited "Caf\xe9" as "Caf", and BibLaTeX and
// RIS wrote a five-digit year no reader takes; a Writer writes nothing
// for it and goes on.
func TestRefused(t *testing.T) {
	tenThousandYearsOn := time.Date(12016, 8, 4, 10, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		bad  talk.Talk
		want string
	}{{
		name: "text not UTF-8",
		bad:  talk.Talk{Title: "Caf\xe9", Speakers: []talk.Speaker{{Name: "Jos\xe9"}}, Origin: talk.Origin{Path: "cafe.json"}},
		want: `cafe.json: /title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8 (*talk.TextError)`,
	}, {
		name: "recorded past 9999",
		bad:  talk.Talk{ID: "far", Title: "Later", Recorded: talk.DateTimeOf(tenThousandYearsOn, true)},
		want: `id "far": /recorded: talk: "12016-08-04T10:30:00Z" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold (*talk.DateError)`,
	}, {
		name: "event start past 9999, the talk undated",
		bad:  talk.Talk{Title: "Later", Event: talk.Event{Start: talk.DateTimeOf(tenThousandYearsOn, false)}, Origin: talk.Origin{Path: "later.json"}},
		want: `later.json: /event/start: talk: "12016-08-04T10:30:00" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold (*talk.DateError)`,
	}, {
		name: "event end past 9999",
		bad: talk.Talk{Title: "Later", Recorded: talk.MustParseDate("2016-08-04"),
			Event: talk.Event{Start: talk.MustParseDate("2016-07-17"), End: talk.DateTimeOf(tenThousandYearsOn, true)}},
		want: `/event/end: talk: "12016-08-04T10:30:00Z" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold (*talk.DateError)`,
	}, {
		// Not cited, but no reader would read the record back either.
		name: "a part's date past 9999",
		bad:  talk.Talk{ID: "block", Title: "Lightning talks", Parts: []talk.Talk{{Title: "One", Recorded: talk.DateTimeOf(tenThousandYearsOn, true)}}},
		want: `id "block": /parts/0/recorded: talk: "12016-08-04T10:30:00Z" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold (*talk.DateError)`,
	}} {
		t.Run(tc.name, func(t *testing.T) { refusedByEveryWriter(t, &tc.bad, tc.want) })
	}
}

// refusedByEveryWriter checks that every writer and Reference refuse bad
// with the error want (its message, then the type errors.As finds in
// it), write nothing, and that a Writer goes on after it.
func refusedByEveryWriter(t *testing.T, bad *talk.Talk, want string) {
	t.Helper()
	one := &talk.Talk{Title: "Fine", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}}}
	var b bytes.Buffer
	var got []string
	add := func(err error) {
		kind := "neither"
		var te *talk.TextError
		var de *talk.DateError
		if errors.As(err, &te) {
			kind = "*talk.TextError"
		} else if errors.As(err, &de) {
			kind = "*talk.DateError"
		}
		got = append(got, fmt.Sprintf("%v (%s)", err, kind))
	}
	for _, f := range []Format{BibTeX, BibLaTeX, RIS, CSLJSON} {
		add(WriteAll(&b, f, []*talk.Talk{one, bad}, Options{}))
	}
	add(WriteCSLJSON(&b, bad, one))
	add(WriteBibTeX(&b, bad, Options{}))
	add(WriteBibLaTeX(&b, bad, Options{}))
	add(WriteRIS(&b, bad))
	style, err := csl.BuiltinStyle("apa")
	if err != nil {
		t.Fatal(err)
	}
	pr, err := csl.New(style)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Reference(pr, csl.Text, bad, Options{})
	add(err)
	it, err := CSLItem(bad, "x", Options{})
	add(err)
	if it != nil {
		t.Errorf("CSLItem gave %v with its error", it)
	}
	wantAll := make([]string, 10)
	for i := range wantAll {
		wantAll[i] = want
	}
	if diff := cmp.Diff(wantAll, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}

	w := NewWriter(&b, BibTeX, Options{})
	got = []string{fmt.Sprint(w.Write(one)), fmt.Sprint(w.Write(bad) != nil), fmt.Sprint(w.Write(one)), fmt.Sprint(w.Close())}
	if diff := cmp.Diff([]string{"<nil>", "true", "<nil>", "<nil>"}, got); diff != "" {
		t.Errorf("Writer (-want +got):\n%s", diff)
	}
	var again bytes.Buffer
	if err := WriteAll(&again, BibTeX, []*talk.Talk{one, one}, Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(again.String(), b.String()); diff != "" {
		t.Errorf("Writer output with a bad talk in between (-want +got):\n%s", diff)
	}
}

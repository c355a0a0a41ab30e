package pyvideo

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/talk"
)

// MarshalTalk returns t in pyvideo's canonical form: the form of Python's
// json.dumps(indent=2, sort_keys=True) with a final newline (two-space
// indent, keys sorted, non-ASCII as \uXXXX, "<", ">" and "&" as they are).
//
// When t was read by [ParseTalk] and a member means the same as it did in
// the file, the member is written as the file spelled it: a null stays
// null, 1508.0 stays 1508.0, a bare related URL stays bare; and in a list
// the program changed, so is each element it did not (the other videos,
// when it appends one). So a file
// already in canonical form comes back byte for byte, and any other comes
// back as the same JSON value. Numbers are spelled as Python writes the
// value it reads from them, wherever they come from: 1508.0 stays 1508.0,
// but 1e3 becomes 1000.0 and -0 becomes 0; a number whose value Python
// would change keeps its spelling (1e-400, which Python reads as 0.0, and
// 0.1234567890123456789, more digits than its float holds), as a
// duration is written to the nanosecond. One thing does not come back:
// half a UTF-16 surrogate pair escaped on its own ("\ud800"), which is
// no character, and which the reader, as encoding/json, reads as U+FFFD
// and the writer writes so; schema's Validator warns of such a record.
//
// The pyvideo form has no place for a talk's subtitle, kind, track, place,
// markup, recording status, parts, a video's ID, format of a provider's
// video, or language, or a speaker's details other than the name; they
// are not written. Nor has it a place for the region or script of a
// talk's language: pyvideo's "language" is an ISO 639-3 code, and
// "pt-BR" and "zh-Hant" are written as "por" and "zho" (a code that names
// no language is written as it is). Slides are written among the related URLs, labelled
// "Slides" when they have no label, and so read back as [talk.Talk.Links].
// [talk.Talk.Extra] members (and a video's) are written as the JSON values
// they hold, in the canonical form: the keys of their objects sorted too.
// One named like a member written from the model ("title", "related_urls";
// a video's "url") is an error, as in talk's MarshalJSON: it would replace
// the field's value.
//
// A recorded date with a year outside 0000-9999 is an error, and so is a
// negative duration, since no reader would take the file back, and a
// string to be written that is not UTF-8, which would be written with
// U+FFFD in place of its bad bytes: a [*talk.RecordError] with
// t.Origin.Path (or, for a talk read from no file, t.ID) and the JSON pointer of the member in the pyvideo form
// ("/videos/0/length"), that holds the [*talk.DateError],
// [*talk.DurationError] or [*talk.TextError]. A nil t is a
// [*talk.NilError].
func MarshalTalk(t *talk.Talk) ([]byte, error) {
	if t == nil {
		return nil, &talk.NilError{Package: "pyvideo", What: "talk"}
	}
	if err := checkTalk(t); err != nil {
		return nil, withID(err, t.ID)
	}
	return marshal(talkMembers(t), t.Origin, t.Extra, func() (map[string]any, error) {
		read, err := noLimits().ParseTalk(t.Origin.Raw, t.Origin.Path)
		if err != nil {
			return nil, err
		}
		return talkMembers(read), nil
	})
}

// WriteTalk writes [MarshalTalk]'s output to w.
func WriteTalk(w io.Writer, t *talk.Talk) error {
	b, err := MarshalTalk(t)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// MarshalEvent returns e as a canonical category.json, keeping the
// spelling of unchanged members as [MarshalTalk] does. The pyvideo form
// holds only an event's title, description, URL and dates, and its Extra
// members, of which one named like one of those is an error, as a date
// with a year outside 0000-9999 is, and text that is not UTF-8, as for
// [MarshalTalk]. A nil e is a [*talk.NilError].
func MarshalEvent(e *talk.Event) ([]byte, error) {
	if e == nil {
		return nil, &talk.NilError{Package: "pyvideo", What: "event"}
	}
	if err := checkEvent(e); err != nil {
		return nil, withID(err, e.ID)
	}
	return marshal(eventMembers(e), e.Origin, e.Extra, func() (map[string]any, error) {
		read, err := noLimits().ParseEvent(e.Origin.Raw, e.Origin.Path)
		if err != nil {
			return nil, err
		}
		return eventMembers(read), nil
	})
}

// checkEvent refuses what MarshalEvent will not write, as checkTalk
// does for a talk.
func checkEvent(e *talk.Event) error {
	if err := textUnwritable(e.Origin.Path, "/title", e.Title, "/description", e.Description, "/url", e.URL); err != nil {
		return err
	}
	if err := extraNames(e.Origin.Path, e.Extra, func() string { return "" }); err != nil {
		return err
	}
	if err := writable(e.Origin.Path, "/start_date", e.Start); err != nil {
		return err
	}
	if err := writable(e.Origin.Path, "/end_date", e.End); err != nil {
		return err
	}
	if err := clash(e.Origin.Path, "", e.Extra, eventMember); err != nil {
		return err
	}
	return invalidExtra(e.Origin.Path, "", e.Extra)
}

// withID gives the *talk.RecordError of a record's check, err, the
// record's id, as talk's MarshalJSON gives it, which names a record read
// from no file.
func withID(err error, id string) error {
	if re, ok := errors.AsType[*talk.RecordError](err); ok {
		re.ID = id
	}
	return err
}

// checkTalk refuses what MarshalTalk will not write: a date or duration
// no reader takes back, and Extra members that clash with the model's.
// It allocates nothing for a talk it accepts (ArchiveFiles calls it for
// every talk of an archive): a video's place is formatted only for an
// error.
func checkTalk(t *talk.Talk) error {
	if err := checkText(t); err != nil {
		return err
	}
	if err := writable(t.Origin.Path, "/recorded", t.Recorded); err != nil {
		return err
	}
	if err := nonNegative(t.Origin.Path, "/duration", t.Duration); err != nil {
		return err
	}
	if err := clash(t.Origin.Path, "", t.Extra, talkMember); err != nil {
		return err
	}
	if err := invalidExtra(t.Origin.Path, "", t.Extra); err != nil {
		return err
	}
	for i, v := range t.Videos {
		if v.Duration < 0 {
			return nonNegative(t.Origin.Path, fmt.Sprintf("/videos/%d/length", i), v.Duration)
		}
		if len(v.Extra) == 0 {
			continue // no error, so no place to name
		}
		if err := clash(t.Origin.Path, fmt.Sprintf("/videos/%d", i), v.Extra, videoMember); err != nil {
			return err
		}
		if err := invalidExtra(t.Origin.Path, fmt.Sprintf("/videos/%d", i), v.Extra); err != nil {
			return err
		}
	}
	return nil
}

// checkText refuses, at its JSON pointer in the pyvideo form, the first
// string MarshalTalk writes from t that is not UTF-8, with
// talk.CheckText's *talk.TextError: written, it would hold U+FFFD in
// place of its bad bytes, and read back as other text. It allocates
// nothing for a talk it accepts.
func checkText(t *talk.Talk) error {
	path := t.Origin.Path
	if err := textUnwritable(path, "/title", t.Title, "/description", t.Description, "/summary", t.Summary,
		"/language", string(t.Language), "/thumbnail_url", t.Thumbnail, "/copyright_text", t.License,
		"/slug", t.Slug, "/alias", t.Legacy.Alias, "/category", t.Legacy.Category,
		"/quality_notes", t.Legacy.QualityNotes); err != nil {
		return err
	}
	for i := range t.Speakers {
		if err := talk.CheckText(speakerName(&t.Speakers[i])); err != nil {
			return unwritable(path, fmt.Sprintf("/speakers/%d", i), err)
		}
	}
	for i, tag := range t.Tags {
		if err := talk.CheckText(tag); err != nil {
			return unwritable(path, fmt.Sprintf("/tags/%d", i), err)
		}
	}
	for i := range t.Videos {
		v := &t.Videos[i]
		for _, f := range [...]struct{ name, text string }{{"type", v.Provider}, {"type", v.Format}, {"url", v.URL}} {
			if err := talk.CheckText(f.text); err != nil {
				return unwritable(path, fmt.Sprintf("/videos/%d/%s", i, f.name), err)
			}
		}
		if err := extraNames(path, v.Extra, func() string { return fmt.Sprintf("/videos/%d", i) }); err != nil {
			return err
		}
	}
	// Related URLs are the links, then the slides (see talkMembers).
	for n, links := range [...][]talk.Link{t.Links, t.Slides} {
		for i, l := range links {
			for _, f := range [...]struct{ name, text string }{{"url", l.URL}, {"label", l.Label}} {
				if err := talk.CheckText(f.text); err != nil {
					if n == 1 {
						i += len(t.Links)
					}
					return unwritable(path, fmt.Sprintf("/related_urls/%d/%s", i, f.name), err)
				}
			}
		}
	}
	return extraNames(path, t.Extra, func() string { return "" })
}

// textUnwritable refuses, as checkText does, the first of fields, pairs
// of a JSON pointer and the string written there, that is not UTF-8.
func textUnwritable(path string, fields ...string) error {
	for i := 0; i+1 < len(fields); i += 2 {
		if err := talk.CheckText(fields[i+1]); err != nil {
			return unwritable(path, fields[i], err)
		}
	}
	return nil
}

// extraNames refuses, as checkText does, the first member of extra, in
// name order, whose name is not UTF-8, at its pointer below the one
// prefix returns, which is made only for the error.
func extraNames(path string, extra map[string]json.RawMessage, prefix func() string) error {
	first, found := jsonx.FirstNameNotUTF8(extra)
	if !found {
		return nil
	}
	return unwritable(path, prefix()+"/"+jsonx.PointerToken(first), talk.CheckText(first))
}

// writable refuses, at the JSON pointer ptr of the record from path, a
// date the reader would refuse to read back (a year outside 0000-9999),
// rather than write a file that cannot be read.
func writable(path, ptr string, d talk.Date) error {
	if err := d.Check(); err != nil {
		return unwritable(path, ptr, err)
	}
	return nil
}

// nonNegative refuses, at the JSON pointer ptr of the record from path, a
// negative duration, which the reader refuses to read back, with
// Duration.MarshalText's *talk.DurationError.
func nonNegative(path, ptr string, d talk.Duration) error {
	if d >= 0 {
		return nil
	}
	_, err := d.MarshalText()
	return unwritable(path, ptr, err)
}

// unwritable is the error for a value at ptr of the record from path that
// no reader would take back, which err, a *talk.DateError or
// *talk.DurationError, says why: a *talk.RecordError, placed as
// talk's MarshalJSON places it, worded as this package's.
func unwritable(path, ptr string, err error) error {
	return &talk.RecordError{Path: path, Pointer: ptr,
		Err: &errs.Worded{Msg: "pyvideo: " + strings.TrimPrefix(err.Error(), "talk: "), Cause: err}}
}

// clash refuses an Extra member named like a member the writer fills from
// the model (model reports which), as talk's MarshalJSON does: written,
// it would silently replace the field's value, or be read back into the
// field. The refusal is a [*talk.RecordError] at the member's JSON
// pointer below prefix in the record from path. Of several, the first in
// name order is reported, so the error is the same on every run.
func clash(path, prefix string, extra map[string]json.RawMessage, model func(string) bool) error {
	first := ""
	for k := range extra {
		if model(k) && (first == "" || k < first) {
			first = k
		}
	}
	if first == "" {
		return nil
	}
	return &talk.RecordError{Path: path, Pointer: prefix + "/" + jsonx.PointerToken(first),
		Err: fmt.Errorf("pyvideo: Extra member %q has the name of a member written from the model; set the field, or give the member another name", first)}
}

// invalidExtra refuses, as a [*talk.RecordError] at its JSON pointer below
// prefix in the record from path, the first member of extra, in name
// order, whose value is not one JSON value the reader would take back (a
// duplicate member name, text that is not UTF-8), as talk's MarshalJSON
// refuses it; an empty value is none, and is written as null (see [extraValue]).
func invalidExtra(path, prefix string, extra map[string]json.RawMessage) error {
	first, at, why := jsonx.FirstInvalid(extra)
	if why == nil {
		return nil
	}
	return &talk.RecordError{Path: path, Pointer: prefix + at,
		Err: fmt.Errorf("pyvideo: Extra member %q is not one JSON value (%s); give it one, such as null or \"text\"",
			first, strings.TrimPrefix(why.Error(), "invalid JSON: "))}
}

// extraValue is the value of an Extra member as the writer writes it: a
// nil or empty json.RawMessage is null, as encoding/json, and so talk's
// MarshalJSON, writes it.
func extraValue(v json.RawMessage) any {
	if len(v) == 0 {
		return nil
	}
	return v
}

// talkMember reports whether name is a member of a talk file that
// [MarshalTalk] writes from the model's fields.
func talkMember(name string) bool {
	switch name {
	case "title", "description", "summary", "speakers", "videos", "recorded", "duration", "language",
		"tags", "related_urls", "thumbnail_url", "copyright_text", "slug", "id", "alias", "category", "quality_notes":
		return true
	}
	return false
}

// videoMember is [talkMember] for the objects of a talk's "videos".
func videoMember(name string) bool {
	switch name {
	case "type", "url", "length", "size":
		return true
	}
	return false
}

// eventMember is [talkMember] for category.json.
func eventMember(name string) bool {
	switch name {
	case "title", "description", "url", "start_date", "end_date":
		return true
	}
	return false
}

// noLimits re-reads a record's own source: it was read once already, under
// whatever limits its reader had.
func noLimits() Reader {
	return Reader{Limits: talk.Limits{MaxRecordBytes: -1, MaxDepth: -1, MaxTextBytes: -1, MaxSpeakers: -1, MaxVideos: -1}}
}

// WriteEvent writes [MarshalEvent]'s output to w.
func WriteEvent(w io.Writer, e *talk.Event) error {
	b, err := MarshalEvent(e)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Format rewrites a pyvideo talk file in canonical form; see [MarshalTalk].
// path names the record in errors.
func Format(data []byte, path string) ([]byte, error) {
	t, err := ParseTalk(data, path)
	if err != nil {
		return nil, err
	}
	return MarshalTalk(t)
}

// FormatEvent rewrites a category.json in canonical form.
func FormatEvent(data []byte, path string) ([]byte, error) {
	e, err := ParseEvent(data, path)
	if err != nil {
		return nil, err
	}
	return MarshalEvent(e)
}

// marshal writes members in canonical form. When the record came from a
// pyvideo file, readSource returns the members the model had when it was
// read, so that unchanged ones keep the source's spelling.
func marshal(members map[string]any, origin talk.Origin, extra map[string]json.RawMessage, readSource func() (map[string]any, error)) ([]byte, error) {
	if origin.Format == FormatName && origin.Raw != nil {
		if read, err := readSource(); err == nil {
			if err := keepSpelling(members, read, origin.Raw, extra); err != nil {
				return nil, err
			}
		}
	}
	for k, v := range members {
		members[k] = pythonNumbers(v)
	}
	var b bytes.Buffer
	if err := jsonx.WritePython(&b, members); err != nil {
		return nil, fmt.Errorf("pyvideo: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// pythonNumbers returns v with every number spelled as Python's
// json.dumps spells the value json.loads reads from it: an integer without
// a sign on zero ("-0" is 0), any other number as repr of a float ("1e3"
// is 1000.0, "1.50" is 1.5, "1.5e-7" is 1.5e-07). Kept spellings of a
// non-canonical source and members in Extra would otherwise go out as they
// came in, and the output would not be canonical. A number whose value
// that repr would change keeps its spelling: one beyond a float64's range
// (1e400, which Python would write as Infinity, which is not JSON; 1e-400,
// which it would write as 0.0) or with more digits than a float64 holds
// (0.1234567890123456789, which it would write as 0.12345678901234568),
// since the writer rewrites a record's form, never its values. Extra's raw
// values are decoded here, once, in place of WritePython's decoding them.
func pythonNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		return pythonNumber(v)
	case json.RawMessage:
		w, err := jsonx.Decode(v, 0)
		if err != nil {
			return v // WritePython reports it
		}
		return pythonNumbers(w)
	case []any:
		for i, e := range v {
			v[i] = pythonNumbers(e)
		}
	case map[string]any:
		for k, e := range v {
			v[k] = pythonNumbers(e)
		}
	}
	return v
}

func pythonNumber(n json.Number) json.Number {
	s := string(n)
	if !strings.ContainsAny(s, ".eE") {
		if s == "-0" {
			return "0"
		}
		return n
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return n
	}
	// repr writes the shortest digits that read back as f, in positional
	// notation when the decimal point falls 4 places before the first
	// digit to 16 after it, and else as d.ddde±XX, as Go's 'e' format does.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	p := e
	if exp >= -4 && exp < 16 {
		if p = strconv.FormatFloat(f, 'f', -1, 64); !strings.Contains(p, ".") {
			p += ".0"
		}
	}
	if !sameNumber(s, p) {
		return n
	}
	return json.Number(p)
}

// sameNumber reports whether the well-formed JSON numbers a and b have
// the same value: 1e3 and 1000.0 do; 1e-400 and 0.0 do not. It compares
// their decimal digits, not float64s, which would call every pair that
// rounds alike the same.
func sameNumber(a, b string) bool {
	return jsonx.ParseDecimal(a).Key() == jsonx.ParseDecimal(b).Key()
}

// keepSpelling makes every member whose encoding from the model is the
// same as when the record was read (read) appear as the source spelled it,
// or not at all where the source did not have it; in a list the program
// changed (a video appended), so does every element that is the same (see
// [keepElements]). Members in extra are the model's own and are written as
// they are.
func keepSpelling(members, read map[string]any, raw []byte, extra map[string]json.RawMessage) error {
	src, err := jsonx.Decode(raw, 0)
	if err != nil {
		return err
	}
	source, _ := src.(map[string]any)
	names := make(map[string]bool)
	for _, m := range []map[string]any{members, read, source} {
		for n := range m {
			names[n] = true
		}
	}
	for name := range names {
		if _, ok := extra[name]; ok {
			continue
		}
		if !reflect.DeepEqual(members[name], read[name]) {
			keepElements(members[name], read[name], source[name])
			continue
		}
		if v, ok := source[name]; ok {
			members[name] = v
		} else {
			delete(members, name)
		}
	}
	return nil
}

// elementReach is how far past the last element kept keepElements looks
// for the next: far enough for the few elements a program takes out of a
// list, and a bound on its time for a long list of which it changed all.
const elementReach = 16

// keepElements gives each element of the list now, a member's encoding
// from the model that differs from its encoding when read (read), the
// source's spelling (in src) of the element read that encodes the same,
// matched in order: a talk's other videos keep their "archive" type, null
// size and 1508.0 length when the program appends one, and its other
// related URLs their bare string form. The pyvideo reader reads every
// element of its lists on its own, so the source's spelling of one means
// what the model's does. Members that are not lists are left alone.
func keepElements(now, read, src any) {
	nowList, ok1 := now.([]any)
	readList, ok2 := read.([]any)
	srcList, ok3 := src.([]any)
	if !ok1 || !ok2 || !ok3 || len(readList) != len(srcList) {
		return
	}
	next := 0
	for i, e := range nowList {
		for j := next; j < len(readList) && j <= next+elementReach; j++ {
			if reflect.DeepEqual(e, readList[j]) {
				nowList[i], next = srcList[j], j+1
				break
			}
		}
	}
}

// Required members are written even when empty, because pyvideo's own
// tools expect them in every talk file.
func talkMembers(t *talk.Talk) map[string]any {
	m := map[string]any{
		"title":       t.Title,
		"description": t.Description,
		"speakers":    speakerNames(t.Speakers),
		"videos":      videoList(t.Videos),
		"recorded":    dateOrNull(t.Recorded),
	}
	setString(m, "summary", t.Summary)
	setString(m, "thumbnail_url", t.Thumbnail)
	setString(m, "copyright_text", t.License)
	setString(m, "slug", t.Slug)
	setString(m, "alias", t.Legacy.Alias)
	setString(m, "category", t.Legacy.Category)
	setString(m, "quality_notes", t.Legacy.QualityNotes)
	if t.Legacy.ID != 0 {
		m["id"] = json.Number(strconv.FormatInt(t.Legacy.ID, 10))
	}
	if t.Language != "" {
		code := t.Language.ISO6393()
		if code == "" {
			code = string(t.Language)
		}
		m["language"] = code
	}
	if t.Duration != 0 {
		m["duration"] = seconds(t.Duration)
	}
	if len(t.Tags) > 0 {
		m["tags"] = stringList(t.Tags)
	}
	links := append(append([]talk.Link(nil), t.Links...), slidesLinks(t.Slides)...)
	if len(links) > 0 {
		list := make([]any, len(links))
		for i, l := range links {
			list[i] = map[string]any{"label": l.Label, "url": l.URL}
		}
		m["related_urls"] = list
	}
	for k, v := range t.Extra {
		m[k] = extraValue(v)
	}
	return m
}

// slidesLinks writes slides as related URLs labelled "Slides", the way
// pyvideo's records carry them.
func slidesLinks(slides []talk.Link) []talk.Link {
	out := make([]talk.Link, len(slides))
	for i, s := range slides {
		out[i] = talk.Link{URL: s.URL, Label: s.Label}
		if s.Label == "" {
			out[i].Label = "Slides"
		}
	}
	return out
}

func eventMembers(e *talk.Event) map[string]any {
	m := map[string]any{"title": e.Title}
	setString(m, "description", e.Description)
	setString(m, "url", e.URL)
	if !e.Start.IsZero() {
		m["start_date"] = e.Start.String()
	}
	if !e.End.IsZero() {
		m["end_date"] = e.End.String()
	}
	for k, v := range e.Extra {
		m[k] = extraValue(v)
	}
	return m
}

func setString(m map[string]any, name, v string) {
	if v != "" {
		m[name] = v
	}
}

func dateOrNull(d talk.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// seconds writes whole seconds as an integer and keeps any fraction,
// to the nanosecond, counting in integers: d.Seconds, a float64, holds
// about 16 digits, and would write 123456789.123456789 s as
// 123456789.12345679, which reads back as another duration, and the
// longest Duration as a number its reader refuses. d is not negative.
func seconds(d talk.Duration) json.Number {
	whole := strconv.FormatInt(int64(time.Duration(d)/time.Second), 10)
	frac := int64(time.Duration(d) % time.Second)
	if frac == 0 {
		return json.Number(whole)
	}
	nines := strconv.FormatInt(frac+int64(time.Second), 10)[1:] // nine digits, with leading zeros
	return json.Number(whole + "." + strings.TrimRight(nines, "0"))
}

// speakerNames are the speakers' names, or, for a speaker without one,
// the name pages show ([talk.Speaker.DisplayName]): the pyvideo form
// holds nothing else of a speaker, so one a program made with the name's
// parts alone, or a handle, is written by it, not as "".
func speakerNames(speakers []talk.Speaker) []any {
	out := make([]any, len(speakers))
	for i := range speakers {
		out[i] = speakerName(&speakers[i])
	}
	return out
}

// speakerName is the name speakerNames writes for s.
func speakerName(s *talk.Speaker) string { return cmp.Or(s.Name, s.DisplayName()) }

func stringList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func videoList(videos []talk.Video) []any {
	out := make([]any, len(videos))
	for i, v := range videos {
		// A file's type is its format, whether the video names its
		// provider as a file or not at all (a format without a
		// provider was written as "", and lost).
		typ := v.Provider
		if (v.Provider == talk.File || v.Provider == "") && v.Format != "" {
			typ = v.Format
		}
		m := map[string]any{"type": typ, "url": v.URL}
		if v.Duration != 0 {
			m["length"] = seconds(v.Duration)
		}
		if v.Size != 0 {
			m["size"] = json.Number(strconv.FormatInt(v.Size, 10))
		}
		for k, x := range v.Extra {
			m[k] = extraValue(x)
		}
		out[i] = m
	}
	return out
}

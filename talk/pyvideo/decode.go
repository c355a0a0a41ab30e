package pyvideo

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/talk"
)

// FormatName is the [talk.Origin.Format] of records this package reads.
const FormatName = "pyvideo"

// decoder reads one record, turning every problem into a
// [talk.RecordError] that points at the offending value.
type decoder struct {
	data   []byte
	path   string
	limits talk.Limits
}

func (d *decoder) fail(ptr pointer, off int64, format string, args ...any) error {
	line, col := jsonx.Position(d.data, off)
	return &talk.RecordError{Path: d.path, Pointer: ptr.String(), Line: line, Column: col, Err: fmt.Errorf(format, args...)}
}

// pointer is a JSON pointer into a pyvideo record, made a string only for
// an error: a record is at most three levels deep ("/videos/0/url"), and
// building every member's and element's pointer as it was read was a
// third of a talk's allocations. Names are as [jsonx.MemberName] gives
// them. The zero pointer is the whole document.
type pointer struct {
	name  []byte // the top-level member
	index int    // the element of name's array
	sub   []byte // the member of that element
	depth int    // 0: the document; 1: /name; 2: /name/index; 3: /name/index/sub
}

// member returns the pointer to the top-level member name.
func member(name []byte) pointer { return pointer{name: name, depth: 1} }

// elem returns the pointer to element i of the array at p.
func (p pointer) elem(i int) pointer { return pointer{name: p.name, index: i, depth: 2} }

// member returns the pointer to the member name of the element at p.
func (p pointer) member(name []byte) pointer {
	p.sub, p.depth = name, 3
	return p
}

// String returns the pointer as RFC 6901 writes it.
func (p pointer) String() string {
	s := ""
	if p.depth >= 1 {
		s += "/" + jsonx.PointerToken(string(p.name))
	}
	if p.depth >= 2 {
		s += "/" + strconv.Itoa(p.index)
	}
	if p.depth >= 3 {
		s += "/" + jsonx.PointerToken(string(p.sub))
	}
	return s
}

// check checks that the document is well-formed JSON, within d's
// limits, and an object, whose members jsonx.Members can then read.
// Ranging over jsonx.Members itself, rather than a slice of members or
// an iterator of d's, lets the compiler keep it all on the stack: no
// slice, no string of each name.
func (d *decoder) check() error {
	if err := d.limits.CheckJSON(d.data, d.path); err != nil {
		return err
	}
	return d.object(pointer{}, jsonx.Document(d.data))
}

// object checks that v is an object.
func (d *decoder) object(ptr pointer, v jsonx.Value) error {
	if k := jsonx.Kind(v.Raw); k != "object" {
		return d.fail(ptr, v.Offset, "want an object, got %s", k)
	}
	return nil
}

func (d *decoder) string(ptr pointer, v jsonx.Value) (string, error) {
	if jsonx.IsNull(v.Raw) {
		return "", nil
	}
	s, ok := jsonx.String(v.Raw)
	if !ok {
		return "", d.fail(ptr, v.Offset, "want a string, got %s", jsonx.Kind(v.Raw))
	}
	if max := d.limits.TextBytes(); max >= 0 && len(s) > max {
		return "", d.limitError(ptr, v.Offset, "text length", max, len(s))
	}
	return s, nil
}

func (d *decoder) limitError(ptr pointer, off int64, what string, limit, got int) error {
	line, col := jsonx.Position(d.data, off)
	return &talk.RecordError{Path: d.path, Pointer: ptr.String(), Line: line, Column: col,
		Err: &talk.LimitError{What: what, Limit: int64(limit), Got: int64(got)}}
}

// checkCount enforces a limit on the number of items in a list.
func (d *decoder) checkCount(ptr pointer, v jsonx.Value, what string, limit, n int) error {
	if limit >= 0 && n > limit {
		return d.limitError(ptr, v.Offset, what, limit, n)
	}
	return nil
}

func (d *decoder) array(ptr pointer, v jsonx.Value) ([]jsonx.Value, error) {
	if jsonx.IsNull(v.Raw) {
		return nil, nil
	}
	vs, err := jsonx.Array(v.Raw, v.Offset)
	if err != nil {
		return nil, d.fail(ptr, v.Offset, "%v", err)
	}
	return vs, nil
}

func (d *decoder) strings(ptr pointer, v jsonx.Value) ([]string, error) {
	vs, err := d.array(ptr, v)
	if err != nil || vs == nil {
		return nil, err
	}
	out := make([]string, len(vs))
	for i, e := range vs {
		if out[i], err = d.string(ptr.elem(i), e); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// seconds reads a number of seconds. pyvideo writes whole numbers,
// sometimes spelled as floats (1508.0); fractions are kept too, to the
// nearest nanosecond, as [nanoseconds] reads them from the number's
// digits. A negative number is refused, as pyvideo's schema and
// talk.ParseDuration refuse it: a talk cannot last less than nothing. So
// is one above zero that is less than half a nanosecond, which would be
// read as zero, and zero means unknown.
func (d *decoder) seconds(ptr pointer, v jsonx.Value) (talk.Duration, error) {
	if jsonx.IsNull(v.Raw) {
		return 0, nil
	}
	if jsonx.Kind(v.Raw) != "number" {
		return 0, d.fail(ptr, v.Offset, "want a number of seconds, got %s", jsonx.Kind(v.Raw))
	}
	if negative(v.Raw) {
		return 0, d.fail(ptr, v.Offset, "%s seconds is negative; a talk's duration is zero (unknown) or more", v.Raw)
	}
	ns, ok, tiny := nanoseconds(v.Raw)
	switch {
	case !ok:
		return 0, d.fail(ptr, v.Offset, "%s seconds is out of range", v.Raw)
	case tiny:
		return 0, d.fail(ptr, v.Offset, "%s seconds is less than a nanosecond, the finest a duration holds, and would be read as zero, which means unknown", v.Raw)
	}
	return talk.Duration(ns), nil
}

// nanoseconds returns the well-formed JSON number n of seconds, which is
// not below zero, in nanoseconds, rounded to the nearest (a half up). It
// counts with the number's decimal digits, not a float64's: 1.005 is
// 1005000000 ns, where 1.005*1e9 in a float64 is 1004999999.9999999,
// which a conversion to an integer cuts to 1004999999. ok is false when
// the number is beyond what a Duration holds; tiny reports a number above
// zero that rounds to zero.
func nanoseconds(n []byte) (ns int64, ok, tiny bool) {
	start := 0
	if len(n) > 0 && n[0] == '-' {
		start = 1 // "-0"; negative refuses any other
	}
	// The mantissa is n[start:i]: whole digits, then perhaps a point and
	// fraction digits.
	i, whole, frac := start, 0, 0
	for ; i < len(n) && n[i] >= '0' && n[i] <= '9'; i++ {
		whole++
	}
	if i < len(n) && n[i] == '.' {
		for i++; i < len(n) && n[i] >= '0' && n[i] <= '9'; i++ {
			frac++
		}
	}
	exp := 0
	if i < len(n) && (n[i] == 'e' || n[i] == 'E') {
		i++
		neg := n[i] == '-'
		if n[i] == '-' || n[i] == '+' {
			i++
		}
		for ; i < len(n); i++ {
			if exp < 1<<30 { // beyond any record's digits: the same answer
				exp = exp*10 + int(n[i]-'0')
			}
		}
		if neg {
			exp = -exp
		}
	}
	digit := func(j int) byte { // the j-th digit of the mantissa, past the point
		if j < whole {
			return n[start+j]
		}
		return n[start+j+1]
	}
	// The value is the mantissa's digits from first to last (without
	// the zeros around them) times 10^scale nanoseconds.
	first, last := 0, whole+frac
	for first < last && digit(first) == '0' {
		first++
	}
	for last > first && digit(last-1) == '0' {
		last--
	}
	if first == last {
		return 0, true, false
	}
	scale := exp - frac + 9 + (whole + frac - last)
	// wholeDigits is how many of the digits make whole nanoseconds.
	wholeDigits := last - first + scale
	const maxDigits = 19 // of math.MaxInt64
	switch {
	case wholeDigits > maxDigits:
		return 0, false, false
	case wholeDigits < 0:
		return 0, true, true
	}
	var v uint64
	for j := range wholeDigits {
		d := uint64(0)
		if first+j < last {
			d = uint64(digit(first+j) - '0')
		}
		v = v*10 + d // cannot overflow a uint64 in 19 digits
	}
	if first+wholeDigits < last && digit(first+wholeDigits) >= '5' {
		v++
	}
	switch {
	case v > math.MaxInt64:
		return 0, false, false
	case v == 0:
		return 0, true, true
	}
	return int64(v), true, false
}

// negative reports whether the JSON number n is below zero: "-0" and
// "-0.0e5" are zero, as pyvideo's schema takes them.
func negative(n []byte) bool {
	if len(n) == 0 || n[0] != '-' {
		return false
	}
	for _, c := range n[1:] {
		switch {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}

func (d *decoder) integer(ptr pointer, v jsonx.Value) (int64, error) {
	if jsonx.IsNull(v.Raw) {
		return 0, nil
	}
	n, err := strconv.ParseInt(string(v.Raw), 10, 64)
	if err != nil {
		return 0, d.fail(ptr, v.Offset, "want a whole number, got %s", v.Raw)
	}
	return n, nil
}

func (d *decoder) date(ptr pointer, v jsonx.Value) (talk.Date, error) {
	s, err := d.string(ptr, v)
	if err != nil {
		return talk.Date{}, err
	}
	date, err := talk.ParseDate(s)
	if err != nil {
		var de *talk.DateError
		errors.As(err, &de)
		re := d.fail(ptr, v.Offset, "%q %s", s, de.Reason).(*talk.RecordError)
		// Worded as the reader's other problems, without ParseDate's
		// "talk: ", and kept for errors.As, as talk.ParseJSON keeps it.
		re.Err = &errs.Worded{Msg: re.Err.Error(), Cause: de}
		return talk.Date{}, re
	}
	return date, nil
}

// extra keeps a member the model has no field for, at ptr, compacted:
// its layout in the file is not part of its meaning, and the writers lay
// it out anew. A string within it longer than d's text limit is refused,
// as one of a member the model knows is, and as schema's Validator, which
// checks every string of a record, refuses it.
func (d *decoder) extra(m map[string]json.RawMessage, ptr pointer, name []byte, v jsonx.Value) (map[string]json.RawMessage, error) {
	// No string is longer than the value that holds it: most values
	// are not walked.
	if max := d.limits.TextBytes(); max >= 0 && len(v.Raw) > max {
		if sub, at, n, ok := longString(v, max); ok {
			line, col := jsonx.Position(d.data, at)
			return m, &talk.RecordError{Path: d.path, Pointer: ptr.String() + sub, Line: line, Column: col,
				Err: &talk.LimitError{What: "text length", Limit: int64(max), Got: int64(n)}}
		}
	}
	if m == nil {
		m = make(map[string]json.RawMessage)
	}
	m[string(name)] = jsonx.Compact(v.Raw)
	return m, nil
}

// longString finds the first string within v, in the order of the
// document, longer than max bytes: its JSON pointer below v, its offset
// and its length. It looks into no value of max bytes or fewer, which
// can hold no such string.
func longString(v jsonx.Value, max int) (ptr string, at int64, n int, ok bool) {
	if len(v.Raw) <= max {
		return "", 0, 0, false
	}
	switch jsonx.Kind(v.Raw) {
	case "string":
		if s, _ := jsonx.String(v.Raw); len(s) > max {
			return "", v.Offset, len(s), true
		}
	case "object":
		for quoted, m := range jsonx.Members(v.Raw, v.Offset) {
			if p, at, n, ok := longString(m, max); ok {
				return "/" + jsonx.PointerToken(string(jsonx.MemberName(quoted))) + p, at, n, true
			}
		}
	case "array":
		i := 0
		for e := range jsonx.Elements(v.Raw, v.Offset) {
			if p, at, n, ok := longString(e, max); ok {
				return "/" + strconv.Itoa(i) + p, at, n, true
			}
			i++
		}
	}
	return "", 0, 0, false
}

// Reader reads pyvideo records within [talk.Limits]. The zero Reader
// uses the default limits; the package-level functions use a zero Reader.
// A Reader is safe for concurrent use.
type Reader struct {
	Limits talk.Limits // the zero Limits is the defaults
}

// ParseTalk reads a pyvideo talk file with the default limits; see
// [Reader.ParseTalk].
func ParseTalk(data []byte, path string) (*talk.Talk, error) { return Reader{}.ParseTalk(data, path) }

// ParseEvent reads an event's category.json with the default limits; see
// [Reader.ParseEvent].
func ParseEvent(data []byte, path string) (*talk.Event, error) {
	return Reader{}.ParseEvent(data, path)
}

// ParseTalk reads a pyvideo talk file. path is the file's slash-separated
// path within the archive ("europython-2016/videos/some-talk.json"): it
// names the record in errors, and gives the talk its [talk.Talk.ID] (the
// file name without ".json") and the ID of its event (the directory above
// "videos"). The event's other fields come from its category.json; see
// [Reader.ParseEvent] and [Reader.Talks].
//
// Every variant found in pyvideo's data is accepted: null for any field,
// durations written as floats, related URLs as strings or {label, url}
// objects, and dates with or without a time and offset. Members the model
// has no field for go to [talk.Talk.Extra]. The returned talk keeps data
// itself, not a copy, in its [talk.Origin], so that [WriteTalk] reproduces
// the file: do not change data afterwards. Its capacity is clipped, so that
// appending to Origin.Raw copies rather than writes into data's spare room.
//
// An error is a [*talk.RecordError] with the JSON pointer, line and
// column of the first problem; one whose Err is a [*talk.LimitError] when the
// record exceeds r.Limits.
func (r Reader) ParseTalk(data []byte, path string) (*talk.Talk, error) {
	d := &decoder{data: data, path: path, limits: r.Limits}
	if err := d.check(); err != nil {
		return nil, err
	}
	t := &talk.Talk{
		ID:     talkID(path),
		Markup: talk.ReStructuredText,
		Event:  talk.Event{ID: eventID(path)},
		Origin: talk.Origin{Format: FormatName, Path: path, Raw: slices.Clip(data)},
	}
	for name, v := range jsonx.Members(data, 0) {
		if err := d.talkMember(t, jsonx.MemberName(name), v); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (d *decoder) talkMember(t *talk.Talk, name []byte, v jsonx.Value) (err error) {
	ptr := member(name)
	switch string(name) {
	case "title":
		t.Title, err = d.string(ptr, v)
	case "description":
		t.Description, err = d.string(ptr, v)
	case "summary":
		t.Summary, err = d.string(ptr, v)
	case "recorded":
		t.Recorded, err = d.date(ptr, v)
	case "duration":
		t.Duration, err = d.seconds(ptr, v)
	case "language":
		var s string
		if s, err = d.string(ptr, v); err == nil {
			t.Language = language(s)
		}
	case "speakers":
		var names []string
		names, err = d.strings(ptr, v)
		if err == nil {
			err = d.checkCount(ptr, v, "speakers", d.limits.Speakers(), len(names))
		}
		for _, n := range names {
			t.Speakers = append(t.Speakers, talk.Speaker{Name: n})
		}
	case "tags":
		t.Tags, err = d.strings(ptr, v)
	case "videos":
		t.Videos, err = d.videos(ptr, v)
	case "related_urls":
		t.Links, err = d.links(ptr, v)
	case "thumbnail_url":
		t.Thumbnail, err = d.string(ptr, v)
	case "copyright_text":
		t.License, err = d.string(ptr, v)
	case "slug":
		t.Slug, err = d.string(ptr, v)
	case "id":
		t.Legacy.ID, err = d.integer(ptr, v)
	case "alias":
		t.Legacy.Alias, err = d.string(ptr, v)
	case "category":
		t.Legacy.Category, err = d.string(ptr, v)
	case "quality_notes":
		t.Legacy.QualityNotes, err = d.string(ptr, v)
	default:
		t.Extra, err = d.extra(t.Extra, ptr, name, v)
	}
	return err
}

// language keeps a code that names no language as it is, so that nothing
// is lost and validation can report it.
func language(s string) talk.Language {
	l, err := talk.ParseLanguage(s)
	if err != nil {
		return talk.Language(s)
	}
	return l
}

func (d *decoder) videos(ptr pointer, v jsonx.Value) ([]talk.Video, error) {
	vs, err := d.array(ptr, v)
	if err != nil {
		return nil, err
	}
	if err := d.checkCount(ptr, v, "videos", d.limits.Videos(), len(vs)); err != nil {
		return nil, err
	}
	var out []talk.Video
	for i, e := range vs {
		p := ptr.elem(i)
		if err := d.object(p, e); err != nil {
			return nil, err
		}
		var video talk.Video
		for quoted, m := range jsonx.Members(e.Raw, e.Offset) {
			name := jsonx.MemberName(quoted)
			mp := p.member(name)
			switch string(name) {
			case "type":
				var typ string
				if typ, err = d.string(mp, m); err == nil {
					video.Provider, video.Format = providerOf(typ)
				}
			case "url":
				video.URL, err = d.string(mp, m)
			case "length":
				video.Duration, err = d.seconds(mp, m)
			case "size":
				video.Size, err = d.integer(mp, m)
			default:
				video.Extra, err = d.extra(video.Extra, mp, name, m)
			}
			if err != nil {
				return nil, err
			}
		}
		if provider, id := talk.VideoID(video.URL); provider != "" && (provider == video.Provider || video.Provider == "") {
			video.Provider, video.ID = provider, id
		}
		out = append(out, video)
	}
	return out, nil
}

// providerOf maps pyvideo's video type, which is either a host ("youtube",
// "archive.org") or a file container ("mp4"), to a provider and format.
// The containers are those talk.VideoID takes for files, so that every
// file format the writer writes as a type is read back as one ("opus"
// was read as the name of a host).
func providerOf(typ string) (provider, format string) {
	switch t := strings.ToLower(typ); {
	case talk.IsMediaFormat(t):
		return talk.File, t
	case t == "archive":
		return talk.ArchiveOrg, ""
	default:
		return t, ""
	}
}

func (d *decoder) links(ptr pointer, v jsonx.Value) ([]talk.Link, error) {
	vs, err := d.array(ptr, v)
	if err != nil {
		return nil, err
	}
	var out []talk.Link
	for i, e := range vs {
		p := ptr.elem(i)
		var link talk.Link
		switch jsonx.Kind(e.Raw) {
		case "string":
			link.URL, err = d.string(p, e)
		case "object":
			for quoted, m := range jsonx.Members(e.Raw, e.Offset) {
				name := jsonx.MemberName(quoted)
				switch string(name) {
				case "url":
					link.URL, err = d.string(p.member(name), m)
				case "label":
					link.Label, err = d.string(p.member(name), m)
				default:
					err = d.fail(p.member(name), m.Offset, "unexpected member %q in a related URL (want label and url)", name)
				}
				if err != nil {
					break
				}
			}
		default:
			err = d.fail(p, e.Offset, "want a URL string or a {label, url} object, got %s", jsonx.Kind(e.Raw))
		}
		if err != nil {
			return nil, err
		}
		out = append(out, link)
	}
	return out, nil
}

// ParseEvent reads an event's category.json. path is its slash-separated
// path within the archive ("europython-2016/category.json"); the
// directory gives the event its [talk.Event.ID].
func (r Reader) ParseEvent(data []byte, path string) (*talk.Event, error) {
	d := &decoder{data: data, path: path, limits: r.Limits}
	if err := d.check(); err != nil {
		return nil, err
	}
	e := &talk.Event{
		ID:     dirName(path),
		Origin: talk.Origin{Format: FormatName, Path: path, Raw: slices.Clip(data)},
	}
	for quoted, m := range jsonx.Members(data, 0) {
		name := jsonx.MemberName(quoted)
		ptr := member(name)
		var err error
		switch string(name) {
		case "title":
			e.Title, err = d.string(ptr, m)
		case "description":
			e.Description, err = d.string(ptr, m)
		case "url":
			e.URL, err = d.string(ptr, m)
		case "start_date":
			e.Start, err = d.date(ptr, m)
		case "end_date":
			e.End, err = d.date(ptr, m)
		default:
			e.Extra, err = d.extra(e.Extra, ptr, name, m)
		}
		if err != nil {
			return nil, err
		}
	}
	return e, nil
}

// talkID is the file name without ".json".
func talkID(p string) string {
	if p == "" {
		return ""
	}
	return strings.TrimSuffix(path.Base(p), ".json")
}

// eventID is the name of the directory that holds "videos/<talk>.json".
func eventID(p string) string {
	dir := path.Dir(p)
	if path.Base(dir) == "videos" {
		dir = path.Dir(dir)
	}
	return dirName(path.Join(dir, "x"))
}

func dirName(p string) string {
	dir := path.Dir(p)
	if dir == "." || dir == "/" {
		return ""
	}
	return path.Base(dir)
}

package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/internal/orcid"
	"github.com/talkmeta/talkmeta/talk"
)

// Profile names the JSON form a Validator checks.
type Profile int

const (
	// Talkmeta is talkmeta's own JSON form of talks, speakers and events
	// (see package talk), checked against talk.json, speaker.json and
	// event.json.
	Talkmeta Profile = iota
	// Pyvideo is the form of a pyvideo.org data archive: talk files and
	// category.json, checked against pyvideo/talk.json and
	// pyvideo/category.json and the rules pyvideo's own CI applies.
	Pyvideo
)

// String returns "talkmeta" or "pyvideo".
func (p Profile) String() string {
	switch p {
	case Talkmeta:
		return "talkmeta"
	case Pyvideo:
		return "pyvideo"
	}
	return fmt.Sprintf("Profile(%d)", int(p))
}

// ParseProfile returns the profile named s: "talkmeta" or "pyvideo".
func ParseProfile(s string) (Profile, error) {
	switch s {
	case "talkmeta":
		return Talkmeta, nil
	case "pyvideo":
		return Pyvideo, nil
	}
	return 0, fmt.Errorf("schema: unknown profile %q (want talkmeta or pyvideo)", s)
}

// PyvideoPreferredNames returns the speaker names pyvideo's CI refuses,
// each mapped to the name to use instead.
func PyvideoPreferredNames() map[string]string {
	names := map[string]string{}
	for _, n := range pyvideoPreferredNames() {
		names[n.name] = n.preferred
	}
	return names
}

// pyvideoPreferredNames lists PyvideoPreferredNames without a map to
// make for every record checked.
func pyvideoPreferredNames() [1]struct{ name, preferred string } {
	return [...]struct{ name, preferred string }{{"Glyph Lefkowitz", "Glyph"}}
}

// preferredName returns the name to write instead of name, when name is
// not allowed: see PreferredNames.
func (v *Validator) preferredName(name []byte) (string, bool) {
	if v.PreferredNames != nil || v.Profile != Pyvideo {
		to, ok := v.PreferredNames[string(name)]
		return to, ok
	}
	for _, n := range pyvideoPreferredNames() {
		if n.name == string(name) {
			return n.preferred, true
		}
	}
	return "", false
}

// A Validator checks records against the embedded schemas and the rules
// beyond what a schema can say: real calendar dates, absolute http(s)
// URLs, language codes that exist, whole seconds, reStructuredText that
// parses.
//
// The zero Validator checks talkmeta's JSON form with the default rules,
// as each zero field means: the zero Profile is Talkmeta, nil Languages
// and PreferredNames are the profile's defaults, and the zero Limits are
// talk's default limits. No constructor is needed, and none is there.
//
// A Validator is safe for concurrent use: its methods only read its
// fields, each call checks with state of its own, and the schemas,
// compiled once per process on first use, are never written after. So
// one Validator may serve every goroutine; but do not change its fields,
// or the map and slice they hold, while it is in use, which would race
// with those reads.
type Validator struct {
	// Profile is the JSON form checked; the zero Profile is Talkmeta.
	// Another value is a configuration error: every record is reported
	// with a problem of rule "profile", as a Pyvideo Validator reports
	// speaker records, rather than checked in a form nobody asked for.
	Profile Profile
	// Strict reports warnings as errors.
	Strict bool
	// Languages, when not nil, is the list of language codes a talk may
	// use, compared in canonical form (talk.ParseLanguage): "en" in the
	// list allows "eng" in a record, and "eng" allows "en"; and a code
	// allows the narrower tags that begin with it, as a language range
	// does (RFC 4647's basic filtering): "pt" allows "pt-BR", but
	// "pt-BR" does not allow "pt" nor "pt-PT". The list
	// narrows what the profile allows and does not widen it: a record's
	// code must exist in the profile's form all the same, an ISO 639-3
	// code in the Pyvideo profile ("EN" is none, whatever the list), a
	// BCP 47 tag in the Talkmeta profile. When nil, any such code is
	// allowed.
	Languages []string
	// PreferredNames maps speaker names that are not allowed to the names
	// to use instead. When nil, the profile's default applies: pyvideo's
	// (see PyvideoPreferredNames) in the Pyvideo profile, none in the
	// Talkmeta profile. An empty map allows every name.
	PreferredNames map[string]string
	// Limits bounds the size and nesting of one record; see talk.Limits.
	Limits talk.Limits
	// AnyLayout makes CheckArchive check an event directory in the other
	// profile's layout (a talkmeta event.json and talks/ in a pyvideo
	// archive, or a category.json and videos/ in a talkmeta one) by that
	// profile's rules, as talkmeta's readers take both forms in one
	// archive; talk ids are still unique across the whole. When false,
	// such an event is reported as a layout error: an archive meant for
	// pyvideo.org must hold its form only.
	AnyLayout bool
}

// ValidateTalk checks one talk record, the bytes of a file named path
// (used in the problems only), and returns every problem found, sorted by
// position. Use Problems.Err to ask whether the record is valid.
func (v *Validator) ValidateTalk(data []byte, path string) Problems {
	if ps := v.misconfigured(path); ps != nil {
		return ps
	}
	return v.validateRecord(path, data, v.talkSchema(), (*checker).talk)
}

// ValidateEvent checks one event record: a talkmeta event, or a pyvideo
// category.json in the Pyvideo profile.
func (v *Validator) ValidateEvent(data []byte, path string) Problems {
	if ps := v.misconfigured(path); ps != nil {
		return ps
	}
	return v.validateRecord(path, data, v.eventSchema(), (*checker).event)
}

// ValidateSpeaker checks one talkmeta speaker record. The Pyvideo profile
// has no speaker records (a speaker there is a name in a talk) and
// reports that as a problem.
func (v *Validator) ValidateSpeaker(data []byte, path string) Problems {
	if ps := v.misconfigured(path); ps != nil {
		return ps
	}
	if v.Profile == Pyvideo {
		return Problems{{Path: path, Rule: "profile", Severity: Error, offset: -1,
			Message: "the pyvideo profile has no speaker records; a speaker is a name in a talk's speakers"}}
	}
	return v.validateRecord(path, data, SpeakerID, (*checker).speaker)
}

// misconfigured reports a Validator that cannot check anything, as the
// one problem of the record at path: a Profile other than Talkmeta and
// Pyvideo, which the checks below would take for Talkmeta. It returns
// nil for a Validator that is fine.
func (v *Validator) misconfigured(path string) Problems {
	if v.Profile == Talkmeta || v.Profile == Pyvideo {
		return nil
	}
	return Problems{{Path: path, Rule: "profile", Severity: Error, offset: -1,
		Message: fmt.Sprintf("the Validator's profile %v is none of talkmeta and pyvideo; nothing was checked", v.Profile)}}
}

// validate runs the whole pipeline on one record: well-formed JSON, the
// schema with the given $id, then the checks in semantic, which run when
// the record is an object. It returns the record's members too (none
// when it is not an object), for archive-wide checks.
//
// One pass over the bytes checks the syntax, runs the quick check and
// finds the members, whose values the checks then read as written. Only
// a record the quick check refuses is decoded, for jsonschema/v5 to
// explain.
func (v *Validator) validate(file string, data []byte, id string, semantic func(*checker, object)) (ps Problems, obj object) {
	return v.validateWith(new(checker), file, data, id, semantic)
}

// validateRecord is validate for a caller that needs only the problems:
// its checker, whose members array the record's members would otherwise
// alias, is lent by a pool. A checker was the largest of the allocations
// validating a record made (BenchmarkValidateTalk).
func (v *Validator) validateRecord(file string, data []byte, id string, semantic func(*checker, object)) Problems {
	c := checkers.Get().(*checker)
	ps, _ := v.validateWith(c, file, data, id, semantic)
	*c = checker{} // holds on to nothing: the problems are the caller's
	checkers.Put(c)
	return ps
}

var checkers = sync.Pool{New: func() any { return new(checker) }}

// validateWith is validate with c, a zero checker, to check with.
func (v *Validator) validateWith(c *checker, file string, data []byte, id string, semantic func(*checker, object)) (ps Problems, obj object) {
	c.v, c.path, c.data, c.id = v, file, data, id
	defer func() { c.finish(); ps = c.problems }()
	if n := v.Limits.RecordBytes(); n > 0 && int64(len(data)) > n {
		le := &talk.LimitError{What: "record size", Limit: n, Got: int64(len(data))}
		c.add("", "limit", Error, le.Error()).cause = le
		// Not read past its size, not even to place the problem: it is
		// the whole record's, without a line, as the readers and
		// CheckArchive say it, whatever the record holds.
		c.data = nil
		return nil, object{}
	}
	cs, err := load()
	if err != nil {
		// The embedded schemas are tested to compile; this is a broken build.
		panic(err)
	}
	cur := jsonx.NewCursor(data, v.Limits.Depth())
	obj, isObject, valid := cs.quick[id].read(cur, c.members[:])
	if err := cur.End(); err != nil {
		c.syntax(err)
		return nil, object{}
	}
	c.wellFormed = true
	if cur.Surrogates() {
		c.loneSurrogate(data)
	}
	if q := cs.quick[id]; q == nil || !valid {
		// jsonschema/v5 checks the schemas quick could not reduce, and
		// explains why a record fails.
		doc, _ := jsonx.Decode(data, v.Limits.Depth()) // well-formed: no error
		var verr *jsonschema.ValidationError
		if err := cs.schemas[id].Validate(forJSONSchema(doc)); errors.As(err, &verr) {
			for _, leaf := range leaves(verr) {
				c.schemaProblem(cs, doc, leaf)
			}
		} else if err != nil {
			c.add("", "schema", Error, err.Error())
		}
	}
	if isObject {
		semantic(c, obj)
		c.otherProfile(cs, id, obj)
	}
	c.texts(data)
	return nil, obj
}

// otherProfile warns, once for the record, when it has members that the
// other profile's schema of its kind defines and its own does not: a
// pyvideo record checked as talkmeta's (whose "thumbnail_url" and
// "related_urls" would be kept as extra members without a word), or the
// other way round. Two such members are needed, so that one extra
// member of a record in its own form is not taken for a sign.
func (c *checker) otherProfile(cs *compiled, id string, obj object) {
	var other string
	switch id {
	case TalkID:
		other = PyvideoTalkID
	case EventID:
		other = PyvideoCategoryID
	case PyvideoTalkID:
		other = TalkID
	case PyvideoCategoryID:
		other = EventID
	default:
		return // a speaker, which pyvideo's form has no record of
	}
	name := Pyvideo
	if c.v.Profile == Pyvideo {
		name = Talkmeta
	}
	own, theirs := cs.schemas[id].Properties, cs.schemas[other].Properties
	var members []string
	for _, m := range obj.members {
		if _, ok := theirs[string(m.name)]; ok {
			if _, ok := own[string(m.name)]; !ok {
				members = append(members, strconv.Quote(string(m.name)))
			}
		}
	}
	if len(members) < 2 {
		return
	}
	slices.Sort(members)
	c.add("", "profile", Warning, fmt.Sprintf("the record has members of %s's form (%s), which %s's form does not know: check it in the %s profile, or convert it", name, andList(members), c.v.Profile, name))
}

// loneSurrogate warns of the first half of a surrogate pair in data
// without its other half, at the string it is in: in a long description
// a line and column leave it to be found by hand.
func (c *checker) loneSurrogate(data []byte) {
	if off := jsonx.LoneSurrogate(data); off >= 0 {
		ptr := jsonx.ValuePointer(data, off)
		c.add(ptr, "json", Warning, inValue(ptr, fmt.Sprintf("%s is half of a UTF-16 surrogate pair, without the other: no character; readers take it as U+FFFD, and fmt will not rewrite the file", data[off:off+6]))).offset = off
	}
}

// forJSONSchema returns doc, or a copy of it in which each number far
// past every bound of the schemas (of an order past ±boundOrder:
// 1e1000000000, 1e-999999) is one near 1e400 for one of magnitude 1 or
// more, near 1e-400 for a smaller one, of the same sign, and whole when
// it is; numbers equal in value get the same stand-in, and others
// others. A number of more than longDigits digits, a fraction, gets
// one as short that compares with every whole number alike
// (decimal.shortFor). jsonschema/v5 reads numbers with big.Rat to check "integer",
// "minimum" and "maximum", and to compare and hash them for
// "uniqueItems": it panicked on a number big.Rat cannot read (an
// exponent past a million), and took 26 ms on each it can but only by
// multiplying out its exponent, minutes for a small hostile record.
// Every integer in talkmeta's schemas has a maximum, which a stand-in
// passes no more than the number it stands for.
func forJSONSchema(doc any) any {
	v, _ := tame(doc, map[string]int{})
	return v
}

// tame is forJSONSchema, reporting whether it changed anything; given
// numbers the stand-in for each, by decimal.key, the number it has.
func tame(doc any, given map[string]int) (any, bool) {
	switch v := doc.(type) {
	case json.Number:
		if strings.ContainsAny(string(v), ".eE") {
			if d := jsonx.ParseDecimal(string(v)); !d.Within(boundOrder) || isLong(d) {
				k, ok := given[d.Key()]
				if !ok {
					k = len(given)
					given[d.Key()] = k
				}
				if isLong(d) && d.Within(boundOrder) {
					return json.Number(shortFor(d, k)), true
				}
				return standIn(d, k), true
			}
		}
	case []any:
		var out []any
		for i, e := range v {
			t, changed := tame(e, given)
			if changed && out == nil {
				out = slices.Clone(v)
			}
			if out != nil {
				out[i] = t
			}
		}
		if out != nil {
			return out, true
		}
	case map[string]any:
		var out map[string]any
		for k, e := range v {
			if t, changed := tame(e, given); changed {
				if out == nil {
					out = maps.Clone(v)
				}
				out[k] = t
			}
		}
		if out != nil {
			return out, true
		}
	}
	return doc, false
}

// standIn returns the k-th number forJSONSchema puts for d, a number far
// past every bound: (10^12+k)·10^388, a whole number about 1e400, for d
// of magnitude 1 or more, and (10^12+k)·10^-412, about 1e-400 and no
// whole number, for a smaller one, with d's sign.
func standIn(d jsonx.Decimal, k int) json.Number {
	sign := ""
	if d.Neg {
		sign = "-"
	}
	exp := 388
	if d.Order().Sign() < 0 {
		exp = -412
	}
	return json.Number(fmt.Sprintf("%s%de%d", sign, 1_000_000_000_000+k, exp))
}

// leaves returns the innermost causes of a validation error: the failures
// of single keywords.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// checker collects the problems of one record.
type checker struct {
	v        *Validator
	path     string
	data     []byte
	id       string // the $id of the record's schema
	problems Problems
	// schemaAt holds the pointers already faulted, by the schema or as
	// a member named but for case, at which check reports nothing more.
	schemaAt map[string]bool
	// wellFormed says data is known to be well-formed JSON, so that
	// finish need not check it again to locate a problem.
	wellFormed bool
	// members holds a record's members, as many as most have, in the
	// checker's own allocation.
	members [16]member
}

// add records a problem at ptr.
func (c *checker) add(ptr, rule string, sev Severity, msg string) *Problem {
	if sev == Warning && c.v.Strict {
		sev = Error
	}
	p := &Problem{Path: c.path, Pointer: ptr, Rule: rule, Severity: sev, Message: msg, offset: -1}
	c.problems = append(c.problems, p)
	return p
}

// check records a problem found beyond the schema, unless the schema
// already reported the value it is about.
func (c *checker) check(ptr pointer, rule string, sev Severity, msg string) *Problem {
	s := ptr.String()
	if c.schemaAt[s] {
		return nil
	}
	return c.add(s, rule, sev, msg)
}

// faulted marks ptr as reported, so that check adds nothing there.
func (c *checker) faulted(ptr pointer) {
	if c.schemaAt == nil {
		c.schemaAt = map[string]bool{}
	}
	c.schemaAt[ptr.String()] = true
}

// syntax records why data is not one well-formed JSON value.
func (c *checker) syntax(err error) {
	var (
		syn   *jsonx.SyntaxError
		depth *jsonx.DepthError
	)
	switch {
	case errors.As(err, &syn):
		c.add(syn.Pointer, "json", Error, inValue(syn.Pointer, strings.TrimPrefix(syn.Msg, "invalid JSON: "))).offset = syn.Offset
	case errors.As(err, &depth):
		le := &talk.LimitError{What: "nesting depth", Limit: int64(depth.Limit)}
		p := c.add("", "limit", Error, le.Error())
		p.offset, p.cause = depth.Offset, le
	default:
		c.add("", "json", Error, "not valid JSON: "+err.Error()).offset = 0
	}
}

// inValue is msg about the text of the value at ptr, found by reading
// the record's JSON rather than checking its values: after the words for
// ptr ("videos/0/url: ..."), as the checks word theirs, or alone for the
// document itself, whose place the line and column give.
func inValue(ptr, msg string) string {
	if ptr == "" {
		return msg
	}
	return describePointer(ptr) + ": " + msg
}

// finish sorts the problems and gives each its line and column.
func (c *checker) finish() {
	c.locate()
	// The order does not depend on lines and columns, and in it they are
	// counted from one problem to the next.
	sortProblems(c.problems)
	lines := lineCounter{data: c.data}
	for _, p := range c.problems {
		if p.offset >= 0 {
			p.Line, p.Column = lines.position(p.offset)
		}
	}
}

// locate gives the problems found without an offset the offset of the
// value their pointer names, when the record is well-formed.
func (c *checker) locate() {
	unlocated := 0
	for _, p := range c.problems {
		if p.offset < 0 {
			unlocated++
		}
	}
	if unlocated == 0 {
		return
	}
	if !c.wellFormed && len(c.data) > 0 {
		c.wellFormed = jsonx.Check(c.data, c.v.Limits.Depth()) == nil
	}
	if !c.wellFormed {
		return
	}
	if unlocated <= locateEach {
		for _, p := range c.problems {
			if p.offset < 0 {
				p.offset = locate(c.data, p.Pointer)
			}
		}
		return
	}
	ptrs := make([]string, 0, unlocated)
	for _, p := range c.problems {
		if p.offset < 0 {
			ptrs = append(ptrs, p.Pointer)
		}
	}
	offsets := locateAll(c.data, ptrs)
	for _, p := range c.problems {
		if p.offset < 0 {
			p.offset, offsets = offsets[0], offsets[1:]
		}
	}
}

// schemaProblem turns one failed keyword into a problem a person can act
// on, naming the value and saying what was expected in words.
func (c *checker) schemaProblem(cs *compiled, doc any, e *jsonschema.ValidationError) {
	ptr := e.InstanceLocation
	if c.schemaAt == nil {
		c.schemaAt = map[string]bool{}
	}
	c.schemaAt[ptr] = true
	keyword := path.Base(e.KeywordLocation)
	param := schemaValue(cs, e.AbsoluteKeywordLocation)
	value, _ := lookup(doc, ptr)
	where := describePointer(ptr)
	switch keyword {
	case "required":
		obj, _ := value.(map[string]any)
		props, _ := schemaValue(cs, strings.TrimSuffix(e.AbsoluteKeywordLocation, "required")+"properties").(map[string]any)
		for _, name := range names(param) {
			if _, ok := obj[name]; ok {
				continue
			}
			if c.v.Profile == Talkmeta && hasFoldedMember(obj, name) {
				// The reader reads "Title" as the title it requires:
				// member-case says to write "title", once.
				continue
			}
			msg := fmt.Sprintf("%s: the member %q is required", where, name)
			at := ptr
			if m, ok := misspelling(obj, props, name); ok {
				// Said at the misspelt member, where a reader refusing
				// it places its error, and not again as an unknown or
				// unexpected member.
				msg += fmt.Sprintf("; is %q a misspelling of it?", m)
				at = pointerJoin(ptr, m)
				c.schemaAt[at] = true
			}
			c.add(at, keyword, Error, msg)
		}
	case "additionalProperties":
		// jsonschema/v5 points at the object; point at each member it
		// refused, and name those the object may have.
		obj, _ := value.(map[string]any)
		props, _ := schemaValue(cs, strings.TrimSuffix(e.AbsoluteKeywordLocation, "additionalProperties")+"properties").(map[string]any)
		required := names(schemaValue(cs, strings.TrimSuffix(e.AbsoluteKeywordLocation, "additionalProperties")+"required"))
		allowed := slices.Sorted(maps.Keys(props))
		for _, name := range slices.Sorted(maps.Keys(obj)) {
			if slices.ContainsFunc(required, func(r string) bool { m, ok := misspelling(obj, props, r); return ok && m == name }) {
				continue // the required member's problem names it
			}
			if _, ok := props[name]; !ok {
				if c.v.Profile == Talkmeta && slices.ContainsFunc(allowed, func(a string) bool { return strings.EqualFold(a, name) }) {
					// talkmeta's reader reads it as the member it is but
					// for case: member-case says so.
					continue
				}
				at := pointerJoin(ptr, name)
				c.schemaAt[at] = true
				msg := fmt.Sprintf("%s: unexpected member; %s may have only %s", describePointer(at), where, andList(allowed))
				if near, ok := nearestName(name, slices.Values(allowed)); ok {
					if _, there := obj[near]; !there {
						msg += fmt.Sprintf("; did you mean %q?", near)
					}
				}
				c.add(at, keyword, Error, msg)
			}
		}
	case "type":
		msg := fmt.Sprintf("%s: expected %s, found %s", where, typeWords(names(param)), valueWords(value))
		if hint := c.typeHint(ptr, names(param), value); hint != "" {
			msg += "; " + hint
		}
		c.add(ptr, keyword, Error, msg)
	case "minLength":
		c.add(ptr, keyword, Error, fmt.Sprintf("%s: must not be empty", where)+c.emptyHint(ptr, value))
	case "minItems":
		c.add(ptr, keyword, Error, fmt.Sprintf("%s: needs at least %s, has %s", where, itemCount(param), itemCount(len(asList(value)))))
	case "uniqueItems":
		c.add(ptr, keyword, Error, fmt.Sprintf("%s: %s", where, duplicateWords(asList(value))))
	case "minimum":
		c.add(ptr, keyword, Error, fmt.Sprintf("%s: %s is less than %v", where, valueWords(value), param))
	case "maximum":
		c.add(ptr, keyword, Error, fmt.Sprintf("%s: %s is out of range: readers take at most %v", where, valueWords(value), param))
	case "enum":
		var quoted []string
		for _, n := range names(param) {
			if n != "" {
				quoted = append(quoted, fmt.Sprintf("%q", n))
			}
		}
		msg := fmt.Sprintf("%s: %s is not one of %s", where, valueText(value), strings.Join(quoted, ", "))
		if s, ok := value.(string); ok && s != "" {
			if near, ok := nearestName(s, slices.Values(names(param))); ok && near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
		} else if hint := c.leaveOutHint(ptr); value == nil && hint != "" {
			msg += "; " + hint
		}
		c.add(ptr, keyword, Error, msg)
	case "pattern":
		c.add(ptr, keyword, Error, fmt.Sprintf("%s: %s %s", where, valueText(value), c.patternWords(ptr, value))+c.emptyHint(ptr, value))
	case "format":
		msg := fmt.Sprintf("%s: %s is not %s", where, valueText(value), formatWords(param)) + c.emptyHint(ptr, value)
		if s, ok := value.(string); ok && param == "uri" {
			msg += schemeHint(s, true)
		} else if ok && param == "date" {
			// A year or a month, or a date-time, is a date all the same,
			// but not the day the format wants.
			switch d, err := talk.ParseDate(s); {
			case err != nil || d.IsZero():
				msg += dateHint(s, talk.Day)
			case d.Precision() < talk.Day:
				msg = fmt.Sprintf("%s: %s is only a %s; pyvideo needs a full date such as 2016-07-21", where, valueText(value), d.Precision())
			default:
				msg = fmt.Sprintf("%s: %s is a %s, not a date; write %q", where, valueText(value), d.Precision(), d.Day().String())
			}
		}
		c.add(ptr, keyword, Error, msg)
	default:
		c.add(ptr, keyword, Error, fmt.Sprintf("%s: %s", where, e.Message))
	}
}

// itemCount words a number of items n, a count or a schema's bound:
// "none", "1 item", "2 items".
func itemCount(n any) string {
	switch fmt.Sprint(n) {
	case "0":
		return "none"
	case "1":
		return "1 item"
	}
	return fmt.Sprintf("%v items", n)
}

// misspelling returns the member of obj that is a misspelling of the
// member name that obj lacks: one props does not define, nearest to name
// of props' members (see nearestName). Of several, the first in name
// order.
func misspelling(obj, props map[string]any, name string) (string, bool) {
	if _, ok := obj[name]; ok {
		return "", false
	}
	for _, m := range slices.Sorted(maps.Keys(obj)) {
		if _, ok := props[m]; ok {
			continue
		}
		if near, ok := nearestName(m, maps.Keys(props)); ok && near == name {
			return m, true
		}
	}
	return "", false
}

// hasFoldedMember reports whether obj has a member whose name is name
// but for case, which talkmeta's reader reads as name.
func hasFoldedMember(obj map[string]any, name string) bool {
	for m := range obj {
		if strings.EqualFold(m, name) {
			return true
		}
	}
	return false
}

// typeHint says what to write for value, which is not of the types
// expected at ptr, when the value says it in another form: a number in
// quotes ("12"), or a talk's duration in seconds where talkmeta's form
// wants ISO 8601 (2700, "PT45M") and the other way round in pyvideo's.
// It returns "" when there is nothing to say.
func (c *checker) typeHint(ptr string, types []string, value any) string {
	wantsNumber := slices.Contains(types, "integer") || slices.Contains(types, "number")
	toks := pointerTokens(ptr)
	name := ""
	if len(toks) > 0 {
		name = toks[len(toks)-1]
	}
	seconds := name == "duration" || c.v.Profile == Pyvideo && name == "length"
	switch v := value.(type) {
	case nil:
		return c.leaveOutHint(ptr)
	case string:
		if !wantsNumber {
			return c.wrapHint(ptr, types, v)
		}
		t := strings.TrimSpace(v)
		if n, err := strconv.ParseInt(t, 10, 64); err == nil {
			return fmt.Sprintf("write %d, without quotes", n)
		}
		if !seconds {
			return ""
		}
		if d, err := talk.ParseDuration(t); err == nil && d.Seconds() == math.Trunc(d.Seconds()) {
			return fmt.Sprintf("write %d, the duration in seconds", int64(d.Seconds()))
		}
		if d, ok := wordedDuration(t); ok {
			return fmt.Sprintf("write %d, the duration in seconds", int64(d/time.Second))
		}
	case json.Number:
		if !slices.Contains(types, "string") {
			return ""
		}
		if hint := c.quoteHint(name, string(v)); hint != "" {
			return hint
		}
		if !seconds {
			return ""
		}
		if n, err := strconv.ParseInt(string(v), 10, 64); err == nil && n > 0 && n <= math.MaxInt64/int64(time.Second) {
			return fmt.Sprintf("write %q, an ISO 8601 duration, for %d seconds", talk.Duration(time.Duration(n)*time.Second).String(), n)
		}
	}
	return ""
}

// quoteHint says to quote n, a number written where the member name
// wants text, when the text would mean what the number says: a year in
// a talkmeta date (recorded, start, end), which may be a year alone, or
// the digits of a talkmeta id, as pyvideo's numeric ids are carried
// over. It returns "" for any other member or number.
func (c *checker) quoteHint(name, n string) string {
	if c.v.Profile != Talkmeta || strings.Trim(n, "0123456789") != "" {
		return ""
	}
	switch {
	case (name == "recorded" || name == "start" || name == "end") && len(n) == 4,
		name == "id":
		return fmt.Sprintf("write %q, in quotes", n)
	}
	return ""
}

// emptyHint is leaveOutHint, after "; ", for value "", and "" for any
// other value.
func (c *checker) emptyHint(ptr string, value any) string {
	if value != "" {
		return ""
	}
	if hint := c.leaveOutHint(ptr); hint != "" {
		return "; " + hint
	}
	return ""
}

// leaveOutHint says what to write for null or "" at ptr, where the
// schema wants a value: to leave the member out, as readers take such a
// member and as writers write none, unless the member is required (or
// no member but an item of a list). It returns "" then.
func (c *checker) leaveOutHint(ptr string) string {
	i := strings.LastIndexByte(ptr, '/')
	cs, err := load()
	if i < 0 || err != nil {
		return ""
	}
	name := jsonx.UnescapePointerToken(ptr[i+1:])
	parent := schemaAtPointer(cs.schemas[c.id], ptr[:i])
	if parent == nil || parent.Properties[name] == nil || slices.Contains(parent.Required, name) {
		return ""
	}
	return "leave the member out when it has no value"
}

// wrapHint says what to write for s, text where the schema at ptr wants
// an object or a list of objects that need one text member and no
// other, as talkmeta's speakers need a name and its links and videos a
// url: "Ana" is {"name": "Ana"}, and where the list is wanted, ["Ana"]
// is [{"name": "Ana"}]. It returns "" for any other schema.
func (c *checker) wrapHint(ptr string, types []string, s string) string {
	cs, err := load()
	if err != nil || ptr == "" {
		return "" // a whole record that is text is no record at all
	}
	at := schemaAtPointer(cs.schemas[c.id], ptr)
	if at == nil || len(types) != 1 {
		return ""
	}
	inList := types[0] == "array"
	if inList {
		at = resolve(at.Items2020)
	} else if types[0] != "object" {
		return ""
	}
	if at == nil || len(at.Required) != 1 || !slices.Equal(at.Types, []string{"object"}) {
		return ""
	}
	name := at.Required[0]
	if member := resolve(at.Properties[name]); member == nil || !slices.Equal(member.Types, []string{"string"}) {
		return ""
	}
	obj := "{" + string(jsonx.Plain.AppendString(nil, name)) + ": " + string(jsonx.Plain.AppendString(nil, s)) + "}"
	if inList {
		obj = "[" + obj + "]"
	}
	return "write " + obj
}

// schemaAtPointer returns the schema, within root, of the value ptr
// points at, following $refs; nil when the schema says nothing of it.
func schemaAtPointer(root *jsonschema.Schema, ptr string) *jsonschema.Schema {
	s := resolve(root)
	for _, tok := range pointerTokens(ptr) {
		if s == nil {
			return nil
		}
		if p, ok := s.Properties[tok]; ok {
			s = resolve(p)
		} else if _, err := strconv.Atoi(tok); err == nil && s.Items2020 != nil {
			s = resolve(s.Items2020)
		} else {
			return nil
		}
	}
	return s
}

// wordedDuration reads a duration as people write it in words or as a
// clock: "45 min", "1h 30m", "1 hour, 5 minutes and 8 seconds",
// "1:05:08" (hours, minutes and seconds; "45:00" could be minutes or
// hours, and is not read). It reports false for anything else, and for
// a duration of no time.
func wordedDuration(s string) (time.Duration, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if parts := strings.Split(s, ":"); len(parts) == 3 {
		var n [3]int
		for i, p := range parts {
			v, err := strconv.Atoi(p)
			if err != nil || v < 0 || len(p) > 6 || i > 0 && (len(p) != 2 || v > 59) {
				return 0, false
			}
			n[i] = v
		}
		d := time.Duration(n[0])*time.Hour + time.Duration(n[1])*time.Minute + time.Duration(n[2])*time.Second
		return d, d > 0
	}
	var total time.Duration
	for s != "" {
		digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
		if digits == 0 || digits > 6 {
			return 0, false
		}
		n, _ := strconv.Atoi(s[:digits])
		s = strings.TrimLeft(s[digits:], " ")
		letters := len(s) - len(strings.TrimLeft(s, "abcdefghijklmnopqrstuvwxyz"))
		var unit time.Duration
		switch s[:letters] {
		case "h", "hr", "hrs", "hour", "hours":
			unit = time.Hour
		case "m", "min", "mins", "minute", "minutes":
			unit = time.Minute
		case "s", "sec", "secs", "second", "seconds":
			unit = time.Second
		default:
			return 0, false
		}
		if total += time.Duration(n) * unit; total > 100000*time.Hour {
			return 0, false // no talk, and no sum that wraps around
		}
		s = strings.TrimLeft(s[letters:], " ,.")
		s = strings.TrimPrefix(s, "and ")
	}
	return total, total > 0
}

// schemaValue returns the value at an absolute keyword location such as
// https://.../talk.json#/properties/videos/minItems.
func schemaValue(cs *compiled, loc string) any {
	id, ptr, _ := strings.Cut(loc, "#")
	v, _ := lookup(cs.docs[id], ptr)
	return v
}

// describePointer names the value ptr points at the way a person reads a
// record: "videos/0/url", or "the record" for the whole of it.
func describePointer(ptr string) string {
	if ptr == "" {
		return "the record"
	}
	return strings.Join(pointerTokens(ptr), "/")
}

// names returns a keyword's value as strings: "string" or ["string", "null"].
func names(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// andList joins words as a person lists them: "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func asList(v any) []any { l, _ := v.([]any); return l }

// typeWords says JSON types as a person would: "text or null".
func typeWords(types []string) string {
	words := make([]string, len(types))
	for i, t := range types {
		words[i] = map[string]string{
			"string": "text", "integer": "a whole number", "number": "a number",
			"array": "a list", "object": "an object", "boolean": "true or false", "null": "null",
		}[t]
	}
	return strings.Join(words, " or ")
}

// valueWords describes a value's kind and, for short ones, the value.
func valueWords(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprint(v)
	case string:
		return "the text " + valueText(v)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	// A json.Number, shortened as valueText shortens text: a number of
	// a million digits is said by its first ones.
	n := fmt.Sprint(v)
	if len(n) > 60 {
		n = n[:57] + "..."
	}
	return n
}

// valueText quotes a string value, shortened to what fits in a message,
// and names any other as valueWords does: null, not Go's <nil>.
func valueText(v any) string {
	s, ok := v.(string)
	if !ok {
		return valueWords(v)
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

// duplicateWords names every item a list repeats, each with how often
// and where, so that one run shows every repeat to remove: "\"go\"
// appears twice (items 0 and 2); \"web\" appears 3 times (items 1, 3 and
// 4)". Items are the same as uniqueItems finds them: numbers by value (1
// and 1.0 are one number), objects whatever the order of their members.
func duplicateWords(items []any) string {
	// Items are grouped by a key that equal items share (bucketKey),
	// then compared as uniqueItems does (jsonEqual) within a bucket, so
	// that a long list takes time in proportion to its length.
	type group struct{ at []int }
	buckets := map[string][]*group{}
	var groups []*group // in the order of each group's first item
	for i, it := range items {
		key := bucketKey(it)
		var g *group
		for _, b := range buckets[key] {
			if jsonEqual(items[b.at[0]], it) {
				g = b
				break
			}
		}
		if g == nil {
			g = &group{}
			buckets[key] = append(buckets[key], g)
			groups = append(groups, g)
		}
		g.at = append(g.at, i)
	}
	var said []string
	for _, g := range groups {
		if len(g.at) < 2 {
			continue
		}
		where := make([]string, len(g.at))
		for i, n := range g.at {
			where[i] = strconv.Itoa(n)
		}
		times := "twice"
		if len(g.at) > 2 {
			times = strconv.Itoa(len(g.at)) + " times"
		}
		if s, ok := items[g.at[0]].(string); ok {
			said = append(said, fmt.Sprintf("%s appears %s (items %s)", valueText(s), times, andList(where)))
		} else {
			said = append(said, fmt.Sprintf("items %s are the same", andList(where)))
		}
	}
	if len(said) == 0 {
		return "has repeated items"
	}
	return strings.Join(said, "; ")
}

// bucketKey is a text that JSON values equal as uniqueItems finds them
// (jsonEqual) share: a number by its value (decimal.key), and an object
// whatever the order of its members (fmt prints a map's keys sorted).
// Values of one key may still differ.
func bucketKey(v any) string {
	switch v := v.(type) {
	case json.Number:
		return "n" + jsonx.ParseDecimal(string(v)).Key()
	case []any:
		keys := make([]string, len(v))
		for i, it := range v {
			keys[i] = bucketKey(it)
		}
		return fmt.Sprintf("%#v", keys)
	case map[string]any:
		keys := make(map[string]string, len(v))
		for k, it := range v {
			keys[k] = bucketKey(it)
		}
		return fmt.Sprintf("%#v", keys)
	}
	return fmt.Sprintf("%#v", v)
}

// patternWords says what is wrong with value, which the pattern of the
// member ptr names refused, and what the pattern asks for: "is not a
// date such as ...".
func (c *checker) patternWords(ptr string, value any) string {
	toks := pointerTokens(ptr)
	name := ""
	if len(toks) > 0 {
		name = toks[len(toks)-1]
	}
	switch name {
	case "recorded", "start", "end":
		s, _ := value.(string)
		if c.v.Profile != Pyvideo {
			return "is not a date such as 2016-07-21, 2016-07 or 2016-07-21T10:30:00+02:00" + dateHint(s, talk.Month)
		}
		// pyvideo's site needs the day: a year or a month, which
		// talkmeta's form takes, is a date all the same.
		if d, err := talk.ParseDate(s); err == nil && d.Precision() != talk.NoDate && d.Precision() < talk.Day {
			return fmt.Sprintf("is only a %s; pyvideo needs a full date such as 2016-07-21", d.Precision())
		}
		return "is not a full date such as 2016-07-21 or 2016-07-21T10:30:00+02:00" + dateHint(s, talk.Day)
	case "duration":
		s, _ := value.(string)
		if d, ok := wordedDuration(s); ok {
			return fmt.Sprintf("is not an ISO 8601 duration such as PT25M8S; write %q", talk.Duration(d).String())
		}
		// In the reader's words, which say why ("is negative; ..."):
		// "-PT5M" is a duration in ISO 8601's form all the same.
		if _, err := talk.ParseDuration(s); err != nil {
			if de, ok := errors.AsType[*talk.DurationError](err); ok {
				return de.Reason
			}
		}
		return "is not an ISO 8601 duration such as PT25M8S"
	case "language":
		s, _ := value.(string)
		return "is not a language tag such as en or pt-BR" + c.languageNameHint(s)
	case "orcid":
		s, _ := value.(string)
		if id, ok := orcid.Parse(s); ok && orcid.Valid(id) {
			return fmt.Sprintf("is not an ORCID iD such as 0000-0002-1825-0097; write %q", id)
		}
		return "is not an ORCID iD such as 0000-0002-1825-0097"
	case "slug":
		return "is not a slug: one path segment without spaces"
	case "time_zone":
		return "is not an IANA time zone such as Europe/Madrid"
	}
	return "is not in the expected form"
}

// dateHint returns what to write for s, a date in another common form
// than ISO 8601's ("21.07.2016", "July 21, 2016", "2016/7/21"), when it
// names one day (or one month, when finest is talk.Month) and no other:
// "; write \"2016-07-21\"". A date that reads as two, as "04/08/2016"
// does, day first or month first, gets none; nor does any other s.
func dateHint(s string, finest talk.Precision) string {
	// The forms, as time.Parse layouts, in which people write a day or a
	// month other than ISO 8601's, and the precision of each.
	forms := [...]struct {
		layout string
		prec   talk.Precision
	}{
		{"2006/1/2", talk.Day}, {"2006.1.2", talk.Day}, {"2006-1-2", talk.Day}, {"20060102", talk.Day},
		{"2.1.2006", talk.Day}, {"2/1/2006", talk.Day}, {"1/2/2006", talk.Day},
		{"January 2, 2006", talk.Day}, {"January 2 2006", talk.Day}, {"Jan 2, 2006", talk.Day}, {"Jan 2 2006", talk.Day},
		{"2 January 2006", talk.Day}, {"2 Jan 2006", talk.Day}, {"Monday, January 2, 2006", talk.Day},
		{"Mon, 2 Jan 2006", talk.Day}, {"Monday, 2 January 2006", talk.Day},
		{"January 2006", talk.Month}, {"Jan 2006", talk.Month}, {"2006/1", talk.Month}, {"1/2006", talk.Month},
	}
	s = strings.TrimSpace(s)
	found := ""
	for _, f := range forms {
		if f.prec < finest {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			continue
		}
		iso := t.Format("2006-01-02")
		if f.prec == talk.Month {
			iso = t.Format("2006-01")
		}
		if found != "" && found != iso {
			return "" // day first or month first: nobody can tell
		}
		found = iso
	}
	if found == "" {
		return ""
	}
	return fmt.Sprintf("; write %q", found)
}

// formatWords says what a format asks for.
func formatWords(format any) string {
	switch format {
	case "uri":
		return "an absolute URL"
	case "date":
		return "a real date of the form 2016-07-21"
	case "date-time":
		return "a date-time such as 2016-07-21T10:30:00+02:00"
	}
	return fmt.Sprintf("a valid %v", format)
}

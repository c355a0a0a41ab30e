package schema

import (
	"bytes"
	"cmp"
	"encoding/json"
	"hash/maphash"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// A quickSchema answers one question fast: does a record pass its schema?
// It is built from the schema jsonschema/v5 compiled, keeps only the
// keywords talkmeta's schemas use and checks them as jsonschema/v5 does,
// without the bookkeeping jsonschema/v5 keeps to explain a failure (about
// 7 kB of allocations per record, two fifths of `talkmeta check`'s CPU
// time; see BenchmarkValidateTalk), and on the record's bytes, without
// the tree of maps and strings jsonschema/v5 reads (which took longer to
// build than the checks took). A record it accepts is valid; a
// record it refuses is validated again by jsonschema/v5, which says why.
// So its only duty is never to accept what jsonschema/v5 refuses, and
// FuzzValidateTalk holds it to agreeing exactly.
type quickSchema struct {
	types     typeSet
	enum      []any
	format    func(any) bool
	uri       bool // format is "uri"; see isPlainWebURL
	ref       *quickSchema
	required  []string
	props     []quickProp // sorted by name
	closed    bool        // additionalProperties is false: props' defined members only
	items     *quickSchema
	minItems  int
	unique    bool
	minLength int
	pattern   *regexp.Regexp
	minimum   *big.Rat
	maximum   *big.Rat
}

// typeSet is a set of JSON types, one bit each; the zero set allows all.
type typeSet uint8

const (
	typeNull typeSet = 1 << iota
	typeBoolean
	typeNumber
	typeInteger
	typeString
	typeArray
	typeObject
)

var typeBits = map[string]typeSet{
	"null": typeNull, "boolean": typeBoolean, "number": typeNumber, "integer": typeInteger,
	"string": typeString, "array": typeArray, "object": typeObject,
}

// quick reduces a compiled schema and every schema it refers to. It
// returns nil when any of them uses a keyword quickSchema does not check,
// so that an edited schema can never be checked short: the record then
// always goes to jsonschema/v5.
func quick(s *jsonschema.Schema) *quickSchema {
	seen := map[*jsonschema.Schema]*quickSchema{}
	q, ok := reduce(s, seen)
	if !ok {
		return nil
	}
	return q
}

func reduce(s *jsonschema.Schema, seen map[*jsonschema.Schema]*quickSchema) (*quickSchema, bool) {
	if s == nil {
		return nil, true
	}
	if q, ok := seen[s]; ok {
		return q, true // a cycle, such as parts' "$ref": "#"
	}
	if !onlyQuickKeywords(s) || len(s.Required) > 64 {
		return nil, false
	}
	q := &quickSchema{
		enum:      s.Enum,
		required:  s.Required,
		minItems:  s.MinItems,
		unique:    s.UniqueItems,
		minLength: s.MinLength,
		pattern:   s.Pattern,
		minimum:   s.Minimum,
		maximum:   s.Maximum,
		closed:    s.AdditionalProperties == false,
	}
	seen[s] = q
	for _, t := range s.Types {
		bit, ok := typeBits[t]
		if !ok {
			return nil, false
		}
		q.types |= bit
	}
	if s.Format != "" {
		// AssertFormat is on, so jsonschema/v5 asserts every format it knows
		// and ignores the others; so do we.
		q.format = jsonschema.Formats[s.Format]
		q.uri = s.Format == "uri"
	}
	var ok bool
	if q.ref, ok = reduce(s.Ref, seen); !ok {
		return nil, false
	}
	if q.items, ok = reduce(s.Items2020, seen); !ok {
		return nil, false
	}
	byName := map[string]*quickProp{}
	prop := func(name string) *quickProp {
		if byName[name] == nil {
			byName[name] = &quickProp{name: name}
		}
		return byName[name]
	}
	for name, ps := range s.Properties {
		p := prop(name)
		p.defined = true
		if p.schema, ok = reduce(ps, seen); !ok {
			return nil, false
		}
	}
	for i, name := range s.Required {
		prop(name).required |= 1 << i
	}
	for _, p := range byName {
		q.props = append(q.props, *p)
	}
	slices.SortFunc(q.props, func(a, b quickProp) int { return strings.Compare(a.name, b.name) })
	return q, true
}

// A quickProp is a member an object schema names, in properties or in
// required.
type quickProp struct {
	name     string
	schema   *quickSchema // nil when properties does not define it
	defined  bool         // properties defines it
	required uint64       // bit i for required[i] (reduce keeps to 64)
}

// prop returns what q says about the member name, nil when nothing. It
// tries first the name after the one found last (*next), as a record
// whose members are in order, as json.dumps(sort_keys=True) writes them,
// has it; then it looks the name up.
func (q *quickSchema) prop(name []byte, next *int) *quickProp {
	if i := *next; i < len(q.props) && q.props[i].name == string(name) {
		*next = i + 1
		return &q.props[i]
	}
	lo, hi := 0, len(q.props)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); q.props[m].name < string(name) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(q.props) && q.props[lo].name == string(name) {
		*next = lo + 1
		return &q.props[lo]
	}
	return nil
}

// onlyQuickKeywords reports whether every keyword s uses, beyond
// annotations, is one quickSchema checks: type, enum, format, $ref,
// required, properties, additionalProperties (false only), items,
// minItems, uniqueItems, minLength, pattern, minimum and maximum. The defaults compared with are jsonschema/v5's for an
// absent keyword.
func onlyQuickKeywords(s *jsonschema.Schema) bool {
	return s.Always == nil && s.RecursiveRef == nil && !s.RecursiveAnchor &&
		s.DynamicRef == nil && s.DynamicAnchor == "" &&
		len(s.Constant) == 0 && s.Not == nil && len(s.AllOf) == 0 && len(s.AnyOf) == 0 &&
		len(s.OneOf) == 0 && s.If == nil &&
		s.MinProperties == -1 && s.MaxProperties == -1 && s.PropertyNames == nil &&
		!s.RegexProperties && len(s.PatternProperties) == 0 &&
		(s.AdditionalProperties == nil || s.AdditionalProperties == false) &&
		len(s.Dependencies) == 0 && len(s.DependentRequired) == 0 &&
		len(s.DependentSchemas) == 0 && s.UnevaluatedProperties == nil &&
		s.MaxItems == -1 && s.Items == nil && s.AdditionalItems == nil &&
		len(s.PrefixItems) == 0 && s.Contains == nil && s.UnevaluatedItems == nil &&
		s.MaxLength == -1 && s.ContentEncoding == "" && s.ContentMediaType == "" &&
		s.ContentSchema == nil &&
		s.ExclusiveMinimum == nil && s.ExclusiveMaximum == nil &&
		s.MultipleOf == nil && len(s.Extensions) == 0
}

// accepts reports whether raw, a well-formed JSON value (see
// jsonx.Check) from its first byte on, passes the schema. It reads the
// value as written, decoding only what a keyword compares: a valid
// record is checked without building it.
func (q *quickSchema) accepts(raw []byte) bool {
	if q == nil {
		return true
	}
	if q.types != 0 && !q.types.has(raw) {
		return false
	}
	if len(q.enum) > 0 && !inEnum(value(raw).decode(), q.enum) {
		return false
	}
	if q.format != nil && !(q.uri && isPlainWebURL(raw)) && !q.format(value(raw).decode()) {
		return false
	}
	if !q.ref.accepts(raw) {
		return false
	}
	switch raw[0] {
	case '{':
		return q.acceptsObject(raw)
	case '[':
		return q.acceptsArray(raw)
	case '"':
		return q.acceptsString(raw)
	case 'n', 't', 'f':
		return true
	}
	return (q.minimum == nil || atLeast(raw, q.minimum)) && (q.maximum == nil || atMost(raw, q.maximum))
}

func (q *quickSchema) acceptsObject(raw []byte) bool {
	if len(q.props) == 0 && !q.closed {
		return true
	}
	var found uint64
	next := 0
	for name, v := range jsonx.Members(raw, 0) {
		if _, ok := q.acceptsMember(jsonx.MemberName(name), v.Raw, &found, &next); !ok {
			return false
		}
	}
	return q.foundRequired(found)
}

// acceptsMember checks the member name of an object against the schema
// of the object, q: its value, raw, against the schema of the member, and
// whether it is a required one, to note in found: bit i for q.required[i]
// (reduce keeps to 64). It reports whether the schema defines the member
// (known), and whether it passes. next is for prop.
func (q *quickSchema) acceptsMember(name, raw []byte, found *uint64, next *int) (known, ok bool) {
	p := q.prop(name, next)
	if p == nil {
		return false, !q.closed
	}
	*found |= p.required
	return p.defined, (p.defined || !q.closed) && p.schema.accepts(raw)
}

// foundRequired reports whether found, as acceptsMember notes it, has
// every required member.
func (q *quickSchema) foundRequired(found uint64) bool {
	return found == 1<<len(q.required)-1
}

// read reads a record through cur, checking it against q on the way,
// and returns its members when it is an object (isObject), and whether
// it passes q (valid). It reads the record to its end, whatever it
// finds, so that cur.End says whether the record is well-formed; valid
// and the members mean nothing when it is not. So a record's bytes are
// looked at once for its syntax, its schema and the checks beyond it.
//
// The members go in members, a buffer the caller lends.
func (q *quickSchema) read(cur *jsonx.Cursor, members []member) (obj object, isObject, valid bool) {
	if cur.Peek() != '{' || q == nil || len(q.enum) > 0 || q.format != nil || q.ref != nil {
		// Not a plain object schema over an object: check the value
		// whole.
		raw := cur.Skip()
		if raw == nil {
			return object{}, false, false
		}
		obj, isObject = value(raw).object()
		return obj, isObject, q.accepts(raw)
	}
	valid = q.types == 0 || q.types&typeObject != 0
	var found uint64
	next := 0
	obj.members = members[:0]
	for name := range cur.Object() {
		raw := cur.Skip()
		if raw == nil {
			break
		}
		m := member{name: jsonx.MemberName(name), value: raw}
		if valid {
			m.known, valid = q.acceptsMember(m.name, raw, &found, &next)
		}
		obj.members = append(obj.members, m)
	}
	return obj, true, valid && q.foundRequired(found)
}

func (q *quickSchema) acceptsArray(raw []byte) bool {
	// A record's lists are short: their items fit on the stack.
	var buf [16][]byte
	items := buf[:0]
	n := 0
	for v := range jsonx.Elements(raw, 0) {
		if !q.items.accepts(v.Raw) {
			return false
		}
		if q.unique {
			items = append(items, v.Raw)
		}
		n++
	}
	return (q.minItems == -1 || n >= q.minItems) && !(q.unique && hasDuplicate(items))
}

func (q *quickSchema) acceptsString(raw []byte) bool {
	if q.minLength == -1 && q.pattern == nil {
		return true
	}
	text := raw[1 : len(raw)-1]
	if bytes.IndexByte(text, '\\') >= 0 {
		s, _ := jsonx.String(raw)
		text = []byte(s)
	}
	return (q.minLength == -1 || utf8.RuneCount(text) >= q.minLength) &&
		(q.pattern == nil || q.pattern.Match(text))
}

// isPlainWebURL reports whether raw is a JSON string that jsonschema/v5
// takes for a "uri" without asking url.Parse: a web address as plain as
// nearly every one a record holds, "http://" or "https://", a host of
// ASCII letters, digits, dots and hyphens, then nothing or "/", "?" or
// "#" and printable ASCII but "%" and "\\". url.Parse cannot refuse such
// an address (see weburl.Is, which takes the same fast path) and finds
// it absolute, with a host that is no IPv6 address. Looking at the bytes
// spares decoding the string and parsing it, which were most of the
// schema's share of checking a record.
func isPlainWebURL(raw []byte) bool {
	if len(raw) < 2 || raw[0] != '"' {
		return false
	}
	s := raw[1 : len(raw)-1]
	switch {
	case bytes.HasPrefix(s, []byte("https://")):
		s = s[len("https://"):]
	case bytes.HasPrefix(s, []byte("http://")):
		s = s[len("http://"):]
	default:
		return false
	}
	host := 0
	for host < len(s) && plainURLBytes[s[host]]&plainHost != 0 {
		host++
	}
	if host == 0 || host < len(s) && s[host] != '/' && s[host] != '?' && s[host] != '#' {
		return false
	}
	for _, c := range s[host:] {
		if plainURLBytes[c]&plainRest == 0 {
			return false
		}
	}
	return true
}

// plainURLBytes marks the bytes isPlainWebURL takes in a host (ASCII
// letters, digits, dots and hyphens) and after it (printable ASCII but
// "%" and "\\"): a table look-up a byte, where the tests it replaces were
// a sixth of the checks beyond the schema.
var plainURLBytes = func() (t [256]uint8) {
	for c := range 256 {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' {
			t[c] |= plainHost
		}
		if c > ' ' && c < 0x7f && c != '%' && c != '\\' {
			t[c] |= plainRest
		}
	}
	return t
}()

const (
	plainHost = 1 << iota
	plainRest
)

// atLeast reports whether the number n is at least min, atMost whether
// it is at most max. An integer that fits an int64, as nearly every number
// of a record is, is compared as one: parsing it as an exact rational was
// a quarter of the schema pass. A number big.Rat cannot read (an exponent
// past a million) is within no bound.
func atLeast(n []byte, min *big.Rat) bool {
	c, ok := compare(n, min)
	return ok && c >= 0
}

func atMost(n []byte, max *big.Rat) bool {
	c, ok := compare(n, max)
	return ok && c <= 0
}

// compare compares the number n with the bound b, as -1, 0 or +1, and
// reports whether it could.
func compare(n []byte, b *big.Rat) (int, bool) {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil && b.IsInt() && b.Num().IsInt64() {
		return cmp.Compare(i, b.Num().Int64()), true
	}
	if d := jsonx.ParseDecimal(string(n)); !d.Within(boundOrder) && b.Num().BitLen() < 1300 && b.Denom().BitLen() < 1300 {
		// Far past b, whose 1300 bits are under 10^392 and over
		// 10^-392, and which big.Rat would take long to read: a huge
		// number is beyond b, on its side of zero, and a tiny one is
		// as close to zero as to make no difference.
		if d.Order().Sign() > 0 {
			return d.Sign(), true
		}
		if b.Sign() != 0 {
			return -b.Sign(), true
		}
		return d.Sign(), true
	}
	text := string(n)
	if d := jsonx.ParseDecimal(text); isLong(d) && b.IsInt() {
		text = shortFor(d, 0) // as far from b, which is whole
	}
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return 0, false
	}
	return r.Cmp(b), true
}

// has reports whether the value raw is of a type in the set. A number is
// an integer when its value is whole, however it is written (1.0 and 1e2
// are), as in jsonschema/v5.
func (t typeSet) has(raw []byte) bool {
	switch raw[0] {
	case 'n':
		return t&typeNull != 0
	case 't', 'f':
		return t&typeBoolean != 0
	case '"':
		return t&typeString != 0
	case '[':
		return t&typeArray != 0
	case '{':
		return t&typeObject != 0
	}
	if t&typeNumber != 0 {
		return true
	}
	return t&typeInteger != 0 && isWhole(raw)
}

// isWhole reports whether a JSON number has no fractional part.
func isWhole(n []byte) bool {
	digits := true
	for i, c := range n {
		if (c < '0' || c > '9') && !(i == 0 && c == '-') {
			digits = false
			break
		}
	}
	if digits {
		return true
	}
	return jsonx.ParseDecimal(string(n)).IsWhole()
}

func inEnum(v any, enum []any) bool {
	for _, e := range enum {
		if jsonEqual(v, e) {
			return true
		}
	}
	return false
}

// hasDuplicate reports whether two items of a list, well-formed JSON
// values, are equal (rawEqual). Only items of the same rawHash are
// compared: comparing every pair took time growing with the square of a
// list's length, seconds for a record of thousands of tags.
func hasDuplicate(items [][]byte) bool {
	if len(items) <= 8 {
		// A few items, as most lists have, are compared pair by pair
		// sooner than hashed.
		for i := 1; i < len(items); i++ {
			for j := range i {
				if rawEqual(items[i], items[j]) {
					return true
				}
			}
		}
		return false
	}
	seed := maphash.MakeSeed()
	seen := make(map[uint64][]int, len(items))
	for i, item := range items {
		h := rawHash(seed, item)
		for _, j := range seen[h] {
			if rawEqual(item, items[j]) {
				return true
			}
		}
		seen[h] = append(seen[h], i)
	}
	return false
}

// rawHash hashes a well-formed JSON value so that values rawEqual finds
// equal hash alike: a string by its decoded text, a number by its value
// as a float64 (values equal as rationals round to the same one), an
// object by its members in any order, an array by its items in order.
func rawHash(seed maphash.Seed, raw []byte) uint64 {
	switch kind(raw) {
	case '"':
		text, _ := value(raw).textBytes()
		return maphash.Bytes(seed, text)
	case '0':
		return mix(maphash.String(seed, jsonx.ParseDecimal(string(raw)).Key()), 0x6e756d)
	case '[':
		h := uint64(0x5b)
		for v := range jsonx.Elements(raw, 0) {
			h = mix(h, rawHash(seed, v.Raw))
		}
		return h
	case '{':
		h := uint64(0x7b)
		for name, v := range jsonx.Members(raw, 0) {
			h += mix(maphash.Bytes(seed, jsonx.MemberName(name)), rawHash(seed, v.Raw)) // any order
		}
		return h
	}
	return maphash.Bytes(seed, raw) // true, false, null
}

// mix combines two hashes, in order.
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + h<<6 + h>>2
	return h * 0xff51afd7ed558ccd
}

// rawEqual reports whether the well-formed JSON values a and b are
// equal as jsonEqual says, looking at them as written: only a string
// with escapes, or a number not written alike, is decoded to compare.
func rawEqual(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	switch ka, kb := kind(a), kind(b); {
	case ka != kb:
		return false
	case ka == '"':
		if bytes.IndexByte(a, '\\') < 0 && bytes.IndexByte(b, '\\') < 0 {
			return false
		}
	case ka == '[':
		ea, _ := jsonx.Array(a, 0)
		eb, _ := jsonx.Array(b, 0)
		if len(ea) != len(eb) {
			return false
		}
		for i := range ea {
			if !rawEqual(ea[i].Raw, eb[i].Raw) {
				return false
			}
		}
		return true
	case ka == '{':
		n := 0
		for name, ma := range jsonx.Members(a, 0) {
			mb, ok := value(b).member(string(jsonx.MemberName(name)))
			if !ok || !rawEqual(ma.Raw, mb) {
				return false
			}
			n++
		}
		return n == value(b).countMembers()
	}
	return jsonEqual(value(a).decode(), value(b).decode())
}

// kind returns the first byte of a JSON value, '0' for any number.
func kind(raw []byte) byte {
	if c := raw[0]; c == '-' || c >= '0' && c <= '9' {
		return '0'
	}
	return raw[0]
}

// jsonEqual reports whether two JSON values are equal as JSON Schema
// defines it: numbers by value (1 equals 1.0), objects regardless of
// member order.
func jsonEqual(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		b, ok := b.(bool)
		return ok && a == b
	case string:
		b, ok := b.(string)
		return ok && a == b
	case json.Number:
		b, ok := b.(json.Number)
		if !ok {
			return false
		}
		if a == b {
			return true
		}
		return jsonx.ParseDecimal(string(a)).Key() == jsonx.ParseDecimal(string(b)).Key()
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !jsonEqual(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, av := range a {
			bv, ok := b[k]
			if !ok || !jsonEqual(av, bv) {
				return false
			}
		}
		return true
	}
	return false
}

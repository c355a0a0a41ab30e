package schema

import (
	"encoding/json"
	"math/big"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// A quickSchema answers one question fast: does a record pass its schema?
// It is built from the schema jsonschema/v5 compiled, keeps only the
// keywords talkmeta's schemas use and checks them as jsonschema/v5 does,
// without the bookkeeping jsonschema/v5 keeps to explain a failure (about
// 7 kB of allocations per record, two fifths of `talkmeta check`'s CPU
// time; see BenchmarkValidateTalk). A record it accepts is valid; a
// record it refuses is validated again by jsonschema/v5, which says why.
// So its only duty is never to accept what jsonschema/v5 refuses, and
// FuzzValidateTalk holds it to agreeing exactly.
type quickSchema struct {
	types     typeSet
	enum      []any
	format    func(any) bool
	ref       *quickSchema
	required  []string
	props     map[string]*quickSchema
	items     *quickSchema
	minItems  int
	unique    bool
	minLength int
	pattern   *regexp.Regexp
	minimum   *big.Rat
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
	if !onlyQuickKeywords(s) {
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
	}
	var ok bool
	if q.ref, ok = reduce(s.Ref, seen); !ok {
		return nil, false
	}
	if q.items, ok = reduce(s.Items2020, seen); !ok {
		return nil, false
	}
	if len(s.Properties) > 0 {
		q.props = make(map[string]*quickSchema, len(s.Properties))
		for name, ps := range s.Properties {
			if q.props[name], ok = reduce(ps, seen); !ok {
				return nil, false
			}
		}
	}
	return q, true
}

// onlyQuickKeywords reports whether every keyword s uses, beyond
// annotations, is one quickSchema checks: type, enum, format, $ref,
// required, properties, items, minItems, uniqueItems, minLength, pattern
// and minimum. The defaults compared with are jsonschema/v5's for an
// absent keyword.
func onlyQuickKeywords(s *jsonschema.Schema) bool {
	return s.Always == nil && s.RecursiveRef == nil && !s.RecursiveAnchor &&
		s.DynamicRef == nil && s.DynamicAnchor == "" &&
		len(s.Constant) == 0 && s.Not == nil && len(s.AllOf) == 0 && len(s.AnyOf) == 0 &&
		len(s.OneOf) == 0 && s.If == nil &&
		s.MinProperties == -1 && s.MaxProperties == -1 && s.PropertyNames == nil &&
		!s.RegexProperties && len(s.PatternProperties) == 0 && s.AdditionalProperties == nil &&
		len(s.Dependencies) == 0 && len(s.DependentRequired) == 0 &&
		len(s.DependentSchemas) == 0 && s.UnevaluatedProperties == nil &&
		s.MaxItems == -1 && s.Items == nil && s.AdditionalItems == nil &&
		len(s.PrefixItems) == 0 && s.Contains == nil && s.UnevaluatedItems == nil &&
		s.MaxLength == -1 && s.ContentEncoding == "" && s.ContentMediaType == "" &&
		s.ContentSchema == nil &&
		s.ExclusiveMinimum == nil && s.Maximum == nil && s.ExclusiveMaximum == nil &&
		s.MultipleOf == nil && len(s.Extensions) == 0
}

// accepts reports whether v, a value as jsonx.Decode returns it, passes
// the schema.
func (q *quickSchema) accepts(v any) bool {
	if q == nil {
		return true
	}
	if q.types != 0 && !q.types.has(v) {
		return false
	}
	if len(q.enum) > 0 && !inEnum(v, q.enum) {
		return false
	}
	if q.format != nil && !q.format(v) {
		return false
	}
	if !q.ref.accepts(v) {
		return false
	}
	switch v := v.(type) {
	case map[string]any:
		for _, name := range q.required {
			if _, ok := v[name]; !ok {
				return false
			}
		}
		if q.props != nil {
			for name, member := range v {
				if p, ok := q.props[name]; ok && !p.accepts(member) {
					return false
				}
			}
		}
	case []any:
		if q.minItems != -1 && len(v) < q.minItems {
			return false
		}
		if q.items != nil {
			for _, item := range v {
				if !q.items.accepts(item) {
					return false
				}
			}
		}
		if q.unique && hasDuplicate(v) {
			return false
		}
	case string:
		if q.minLength != -1 && utf8.RuneCountInString(v) < q.minLength {
			return false
		}
		if q.pattern != nil && !q.pattern.MatchString(v) {
			return false
		}
	case json.Number:
		if q.minimum != nil && !atLeast(v, q.minimum) {
			return false
		}
	}
	return true
}

// atLeast reports whether n is at least min. An integer that fits an
// int64, as nearly every number of a record is, is compared as one:
// parsing it as an exact rational was a quarter of the schema pass.
func atLeast(n json.Number, min *big.Rat) bool {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil && min.IsInt() && min.Num().IsInt64() {
		return i >= min.Num().Int64()
	}
	r, ok := new(big.Rat).SetString(string(n))
	return ok && r.Cmp(min) >= 0
}

// has reports whether v is of a type in the set. A number is an integer
// when its value is whole, however it is written (1.0 and 1e2 are), as in
// jsonschema/v5.
func (t typeSet) has(v any) bool {
	switch v := v.(type) {
	case nil:
		return t&typeNull != 0
	case bool:
		return t&typeBoolean != 0
	case string:
		return t&typeString != 0
	case []any:
		return t&typeArray != 0
	case map[string]any:
		return t&typeObject != 0
	case json.Number:
		if t&typeNumber != 0 {
			return true
		}
		return t&typeInteger != 0 && isWhole(v)
	}
	return false
}

// isWhole reports whether a JSON number has no fractional part.
func isWhole(n json.Number) bool {
	digits := true
	for i := 0; i < len(n); i++ {
		if c := n[i]; (c < '0' || c > '9') && !(i == 0 && c == '-') {
			digits = false
			break
		}
	}
	if digits {
		return true
	}
	r, ok := new(big.Rat).SetString(string(n))
	return ok && r.IsInt()
}

func inEnum(v any, enum []any) bool {
	for _, e := range enum {
		if jsonEqual(v, e) {
			return true
		}
	}
	return false
}

// hasDuplicate reports whether two items of a list are equal JSON values.
func hasDuplicate(items []any) bool {
	for i := 1; i < len(items); i++ {
		for j := 0; j < i; j++ {
			if jsonEqual(items[i], items[j]) {
				return true
			}
		}
	}
	return false
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
		x, okA := new(big.Rat).SetString(string(a))
		y, okB := new(big.Rat).SetString(string(b))
		return okA && okB && x.Cmp(y) == 0
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

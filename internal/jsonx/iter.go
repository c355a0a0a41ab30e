package jsonx

import (
	"bytes"
	"iter"
)

// Members returns an iterator over the members of the JSON object raw,
// which must be well-formed (see [Check]), in source order: each name as
// written, quotes and escapes included (see [String]), and each value
// with its offset counted from base. It yields nothing for a value that
// is not an object.
//
// It is [Object] for a reader that looks at each member once: it builds
// no slice of members and no string of each name, which for a record's
// dozen members were most of what reading them cost.
func Members(raw []byte, base int64) iter.Seq2[[]byte, Value] {
	return func(yield func([]byte, Value) bool) {
		s := scanner{data: raw}
		s.skipSpace()
		if s.pos >= len(raw) || raw[s.pos] != '{' {
			return
		}
		s.pos++
		for {
			s.skipSpace()
			if s.pos >= len(raw) || raw[s.pos] == '}' {
				return
			}
			if raw[s.pos] == ',' {
				s.pos++
				continue
			}
			start := s.pos
			s.skipString()
			name := raw[start:s.pos]
			s.skipSpace()
			if s.pos >= len(raw) {
				return
			}
			s.pos++ // the colon
			s.skipSpace()
			vstart := s.pos
			if !s.skipValue() {
				return
			}
			if !yield(name, Value{Raw: raw[vstart:s.pos], Offset: base + int64(vstart)}) {
				return
			}
		}
	}
}

// MemberName returns the name a quoted member name from [Members] stands
// for, without copying it unless it has escapes.
func MemberName(quoted []byte) []byte {
	inner := quoted[1 : len(quoted)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return inner
	}
	s, _ := String(quoted)
	return []byte(s)
}

// Elements returns an iterator over the elements of the JSON array raw,
// which must be well-formed, with offsets counted from base: [Array]
// without the slice. It yields nothing for a value that is not an array.
func Elements(raw []byte, base int64) iter.Seq[Value] {
	return func(yield func(Value) bool) {
		s := scanner{data: raw}
		s.skipSpace()
		if s.pos >= len(raw) || raw[s.pos] != '[' {
			return
		}
		s.pos++
		for {
			s.skipSpace()
			if s.pos >= len(raw) || raw[s.pos] == ']' {
				return
			}
			if raw[s.pos] == ',' {
				s.pos++
				continue
			}
			start := s.pos
			if !s.skipValue() {
				return
			}
			if !yield(Value{Raw: raw[start:s.pos], Offset: base + int64(start)}) {
				return
			}
		}
	}
}

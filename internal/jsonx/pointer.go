package jsonx

import (
	"bytes"
	"strconv"
	"strings"
)

// A Replacer is safe for concurrent use, and building one on every call
// cost more than the rest of decoding an item.
var (
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// PointerToken escapes s as one reference token of a JSON pointer (RFC
// 6901): "~" as "~0" and "/" as "~1".
func PointerToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return pointerEscaper.Replace(s)
}

// UnescapePointerToken returns the member name a reference token stands
// for, undoing [PointerToken].
func UnescapePointerToken(tok string) string {
	if !strings.Contains(tok, "~") {
		return tok
	}
	return pointerUnescaper.Replace(tok)
}

// A Pointer is a JSON pointer (RFC 6901) into a record, made into a string
// only when an error or a finding needs one. Readers and checks visit
// every member and element of a record and find fault with few of them;
// building each one's pointer string as it was visited was a third of
// what reading a talk allocated, and a fifth of what checking a valid
// one did.
//
// So a Pointer is a value that holds its pointer in two parts: a prefix,
// already written as RFC 6901 text, and up to pointerRoom steps not yet
// written, each a member name as the record spells it, an escaped
// reference token, or an element's index. Adding a step copies the
// Pointer and allocates nothing: a name keeps aliasing the record it came
// from, and is escaped only by [Pointer.String]. Only a pointer deeper
// than the room writes its steps into the prefix, which allocates. The
// room holds what the readers and checks build in the common case: a
// record's members, their elements and the elements' members
// ("/videos/0/url"), and a list in a list after a first token
// ("/parts/1/speakers/2/name"), which the zero Pointer takes as its
// prefix, as it is, leaving the room to the steps after it.
//
// The zero Pointer points at the whole document.
type Pointer struct {
	prefix string
	steps  [pointerRoom]step
	n      int // the steps in use
}

// pointerRoom is the number of steps a Pointer holds before writing them
// into its prefix: enough for the common case (see [Pointer]), few enough
// that copying a Pointer, as each step and each call that passes one
// does, stays cheap.
const pointerRoom = 4

// A step is one reference token of a [Pointer], in one of three forms.
type step struct {
	kind  stepKind
	token string // the escaped token, with its leading "/", of a tokenStep
	name  []byte // the member name of a nameStep, not yet escaped
	index int    // the element index of an indexStep
}

// A stepKind says which of its forms a step is in.
type stepKind uint8

const (
	tokenStep stepKind = iota
	nameStep
	indexStep
)

// Token returns the pointer to what tok names in the value at p. tok is
// escaped as RFC 6901 writes it, each reference token with its leading
// "/", as in "/url" or "/videos/0": usually a constant, which needs no
// escaping when the pointer is written.
func (p Pointer) Token(tok string) Pointer {
	if p.prefix == "" && p.n == 0 {
		// The pointer is tok itself: no string to build, and the room
		// stays free for the steps below it.
		p.prefix = tok
		return p
	}
	return p.add(step{kind: tokenStep, token: tok})
}

// Member returns the pointer to the member name of the object at p. name
// is unescaped, as [MemberName] gives it, and is kept, not copied, until
// [Pointer.String] escapes it: it must not change while p is in use.
func (p Pointer) Member(name []byte) Pointer {
	return p.add(step{kind: nameStep, name: name})
}

// Element returns the pointer to element i of the array at p.
func (p Pointer) Element(i int) Pointer {
	return p.add(step{kind: indexStep, index: i})
}

// add returns p with s after its steps, writing them into the prefix first
// when there is no room for s.
func (p Pointer) add(s step) Pointer {
	if p.n == len(p.steps) {
		p = Pointer{prefix: p.String()}
	}
	p.steps[p.n] = s
	p.n++
	return p
}

// IsRoot reports whether p points at the whole document.
func (p Pointer) IsRoot() bool { return p.prefix == "" && p.n == 0 }

// String returns the pointer as RFC 6901 writes it: "" for the whole
// document, "/videos/0/url" for a member of an element of a member.
func (p Pointer) String() string {
	if p.n == 0 {
		return p.prefix
	}
	// Most pointers fit buf, which then stays on the stack: the string is
	// the only allocation.
	var buf [64]byte
	b := append(buf[:0], p.prefix...)
	for _, s := range p.steps[:p.n] {
		switch s.kind {
		case tokenStep:
			b = append(b, s.token...)
		case nameStep:
			b = append(b, '/')
			if bytes.ContainsAny(s.name, "~/") {
				b = append(b, PointerToken(string(s.name))...)
			} else {
				b = append(b, s.name...)
			}
		case indexStep:
			b = append(b, '/')
			b = strconv.AppendInt(b, int64(s.index), 10)
		}
	}
	return string(b)
}

package jsonx

import (
	"fmt"
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

// ContainerPointer returns the JSON pointer of the innermost object or
// array that the byte at off of data lies within ("" for the document
// itself, or for an offset outside every container): the place an error
// found at off belongs to. data must be well-formed up to off, as it is
// where a reader stops at a member given twice. It reads data again from
// the start, so it is for errors, not for every value.
func ContainerPointer(data []byte, off int64) string { return pointerAt(data, off, false) }

// ValuePointer returns the JSON pointer of the innermost value whose text
// holds the byte at off of data: a string's, when off lies within one
// (for one that is a member's name, the member's), or the value's that
// starts at off. data must be well-formed up to off. Like
// [ContainerPointer], it is for errors: a finding within a string, such
// as half a surrogate pair, which an offset alone leaves to be worked out
// in a long line.
func ValuePointer(data []byte, off int64) string { return pointerAt(data, off, true) }

// pointerAt is ContainerPointer, or with value ValuePointer.
func pointerAt(data []byte, off int64, value bool) string {
	type frame struct {
		array bool
		name  string // in an object, the member being read
		index int    // in an array, the element being read
	}
	var stack []frame
	expectName := false
	for i := 0; i < len(data) && int64(i) < off; i++ {
		switch c := data[i]; c {
		case '"':
			start := i
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			if n := len(stack); n > 0 && !stack[n-1].array && expectName && i < len(data) {
				stack[n-1].name, _ = unquote(data[start+1 : i])
				expectName = false
			}
		case '{':
			stack = append(stack, frame{})
			expectName = true
		case '[':
			stack = append(stack, frame{array: true})
			expectName = false
		case ',':
			if n := len(stack); n > 0 {
				if stack[n-1].array {
					stack[n-1].index++
				} else {
					expectName = true
				}
			}
		case '}', ']':
			if n := len(stack); n > 0 {
				stack = stack[:n-1]
			}
			expectName = false
		}
	}
	if !value {
		stack = stack[:max(len(stack)-1, 0)]
	}
	var b strings.Builder
	for _, f := range stack {
		b.WriteByte('/')
		if f.array {
			b.WriteString(strconv.Itoa(f.index))
		} else {
			b.WriteString(PointerToken(f.name))
		}
	}
	return b.String()
}

// duplicateMember is the error for the member name given twice whose
// second showing starts at off of data. Its pointer is the member's,
// which a line and column alone leave to be worked out in a long line.
func duplicateMember(data []byte, off int, name []byte) *SyntaxError {
	return &SyntaxError{
		Offset:  int64(off),
		Msg:     fmt.Sprintf("invalid JSON: duplicate member name %q", name),
		Pointer: ContainerPointer(data, int64(off)) + "/" + PointerToken(string(name)),
	}
}

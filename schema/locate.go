package schema

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// pointerTokens splits a JSON pointer into its unescaped reference tokens.
func pointerTokens(ptr string) []string {
	if ptr == "" {
		return nil
	}
	toks := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, t := range toks {
		toks[i] = jsonx.UnescapePointerToken(t)
	}
	return toks
}

// pointerJoin appends a token to a JSON pointer, escaping it.
func pointerJoin(ptr string, tok string) string {
	return ptr + "/" + jsonx.PointerToken(tok)
}

// A pointer is where a value is in a record: a JSON pointer, made into a
// string only when a problem is found there. The checks visit every
// speaker, video and link of a record and find a problem with few of
// them; making each one's pointer was a fifth of what checking a valid
// record allocated.
type pointer struct {
	list  string // the pointer up to an index, or the whole pointer
	index int    // an index after list, when inList
	rest  string // what follows the index, such as "/url"
	// inList says that the pointer has an index.
	inList bool
}

// at returns the pointer ptr.
func at(ptr string) pointer { return pointer{list: ptr} }

// isRoot reports whether p points at the whole record.
func (p pointer) isRoot() bool { return p == pointer{} }

// item returns the pointer to element i of the list at p.
func (p pointer) item(i int) pointer {
	if p.inList {
		p = at(p.String()) // a list in a list: rare, made at once
	}
	return pointer{list: p.list, index: i, inList: true}
}

// child returns the pointer to the member of the object at p that token,
// an escaped reference token with its leading "/", names.
func (p pointer) child(token string) pointer {
	if p.inList {
		p.rest += token
		return p
	}
	p.list += token
	return p
}

// String returns the JSON pointer.
func (p pointer) String() string {
	if !p.inList {
		return p.list
	}
	return p.list + "/" + strconv.Itoa(p.index) + p.rest
}

// words names the value p points at for a person; see describePointer.
func (p pointer) words() string { return describePointer(p.String()) }

// locate returns the offset in data of the value ptr points at, or of the
// deepest value on its way that exists, so that a finding about a missing
// member points at the object that lacks it. data must be well-formed.
func locate(data []byte, ptr string) int64 {
	return locateValue(data, ptr).Offset
}

// locateValue is locate returning the value itself, with its offset.
func locateValue(data []byte, ptr string) jsonx.Value {
	v := jsonx.Value{Raw: data, Offset: 0}
	// Skip leading white space so that the whole record's offset is its
	// first byte.
	for len(v.Raw) > 0 && strings.IndexByte(" \t\r\n", v.Raw[0]) >= 0 {
		v.Raw, v.Offset = v.Raw[1:], v.Offset+1
	}
	for _, tok := range pointerTokens(ptr) {
		next, ok := child(v, tok)
		if !ok {
			break
		}
		v = next
	}
	return v
}

// child returns the member or element tok of v.
func child(v jsonx.Value, tok string) (jsonx.Value, bool) {
	switch jsonx.Kind(v.Raw) {
	case "object":
		for name, m := range jsonx.Members(v.Raw, v.Offset) {
			if string(memberName(name)) == tok {
				return m, true
			}
		}
	case "array":
		i, err := strconv.Atoi(tok)
		if err != nil {
			return v, false
		}
		n := 0
		for e := range jsonx.Elements(v.Raw, v.Offset) {
			if n == i {
				return e, true
			}
			n++
		}
	}
	return v, false
}

// lookup returns the value ptr points at in a decoded document.
func lookup(doc any, ptr string) (any, bool) {
	for _, tok := range pointerTokens(ptr) {
		switch d := doc.(type) {
		case map[string]any:
			v, ok := d[tok]
			if !ok {
				return nil, false
			}
			doc = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(d) {
				return nil, false
			}
			doc = d[i]
		default:
			return nil, false
		}
	}
	return doc, true
}

// rawOffset maps an offset in the decoded text of the JSON string raw to
// the offset in raw of the character it came from, so that a finding
// inside a description (an rst line) points at its place in the file.
func rawOffset(raw []byte, decoded int) int {
	i, n := 1, 0 // skip the opening quote
	for i < len(raw)-1 && n < decoded {
		c := raw[i]
		switch {
		case c != '\\':
			_, size := utf8.DecodeRune(raw[i:])
			i += size
			n += size
		case i+1 < len(raw) && raw[i+1] == 'u' && i+6 <= len(raw):
			r, err := strconv.ParseUint(string(raw[i+2:i+6]), 16, 32)
			i += 6
			if err != nil {
				n++
				continue
			}
			if r >= 0xD800 && r < 0xDC00 && i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
				i += 6 // a surrogate pair: one 4-byte character
				n += 4
				continue
			}
			n += utf8.RuneLen(rune(r))
			if utf8.RuneLen(rune(r)) < 0 {
				n += 4 // U+FFFD's three bytes, and then some: never stall
			}
		default:
			i += 2
			n++
		}
	}
	return i
}

package schema

import (
	"bytes"
	"encoding/json"
	"iter"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// A value is a JSON value of a well-formed record (see jsonx.Check) as
// written, from its first byte to its last; nil stands for a member the
// record leaves out. The checks beyond the schema read a record this way,
// a member at a time: they look at a dozen of its values, and decoding
// the whole record into a tree of maps and strings first was most of what
// validating it cost.
type value []byte

// text returns the string v is, decoded, and whether it is a string.
func (v value) text() (string, bool) {
	if len(v) == 0 || v[0] != '"' {
		return "", false
	}
	return jsonx.String(v)
}

// textBytes is text as bytes: those of v itself when it has no escapes,
// without a copy.
func (v value) textBytes() ([]byte, bool) {
	if len(v) == 0 || v[0] != '"' {
		return nil, false
	}
	if inner := v[1 : len(v)-1]; bytes.IndexByte(inner, '\\') < 0 {
		return inner, true
	}
	return jsonx.AppendString(nil, v)
}

// longText is text for a long string, such as a description: decoded in
// a pooled buffer and copied out once, where text's decoding makes a
// buffer of its own and copies it out again; for a record's description,
// that copy was a third of the bytes checking it allocated.
func (v value) longText() (string, bool) {
	if len(v) == 0 || v[0] != '"' {
		return "", false
	}
	buf := bufpool.Get()
	defer bufpool.Put(buf)
	text, ok := jsonx.AppendString(buf.AvailableBuffer(), v)
	return string(text), ok
}

// isNull reports whether v is the literal null; a missing value is not.
func (v value) isNull() bool { return len(v) > 0 && v[0] == 'n' }

// items returns an iterator over the elements of v, with their indexes;
// it yields nothing when v is not an array.
func (v value) items() iter.Seq2[int, value] {
	return func(yield func(int, value) bool) {
		i := 0
		for e := range jsonx.Elements(v, 0) {
			if !yield(i, value(e.Raw)) {
				return
			}
			i++
		}
	}
}

// count returns the number of elements of v, 0 when v is not an array.
func (v value) count() int {
	n := 0
	for range jsonx.Elements(v, 0) {
		n++
	}
	return n
}

// countMembers returns the number of members of v, 0 when v is not an
// object.
func (v value) countMembers() int {
	n := 0
	for range jsonx.Members(v, 0) {
		n++
	}
	return n
}

// object returns the members of v, and whether it is an object.
func (v value) object() (object, bool) {
	if len(v) == 0 || v[0] != '{' {
		return object{}, false
	}
	var o object
	for name, m := range jsonx.Members(v, 0) {
		if o.members == nil {
			o.members = make([]member, 0, 8)
		}
		o.members = append(o.members, member{name: jsonx.MemberName(name), value: value(m.Raw)})
	}
	return o, true
}

// isObject reports whether v is an object.
func (v value) isObject() bool { return len(v) > 0 && v[0] == '{' }

// member returns the value of the member name of v, and whether v is an
// object with that member. It looks for the member afresh each time: for
// the one or two members looked at in each of a list of objects.
func (v value) member(name string) (value, bool) {
	for quoted, m := range jsonx.Members(v, 0) {
		if string(jsonx.MemberName(quoted)) == name {
			return value(m.Raw), true
		}
	}
	return nil, false
}

// decode returns v as jsonx.Decode decodes it; nil when v is missing.
func (v value) decode() any {
	if len(v) == 0 {
		return nil
	}
	switch v[0] {
	case '"':
		s, _ := jsonx.String(v)
		return s
	case 'n':
		return nil
	case 't':
		return true
	case 'f':
		return false
	case '{', '[':
		d, _ := jsonx.Decode(v, 0)
		return d
	}
	return json.Number(v)
}

// An object is the members of a JSON object, looked up by name.
type object struct{ members []member }

type member struct {
	name  []byte // unquoted and unescaped
	value value
	// known says the record's schema defines the member, as the quick
	// check found on its way; when not set, unknown asks the schema.
	known bool
}

// readObject returns the members of the well-formed JSON value raw, and
// whether it is an object.
func readObject(raw []byte) (object, bool) {
	return value(bytes.TrimLeft(raw, " \t\r\n")).object()
}

// lookup returns the value of the member name, and whether there is one.
func (o object) lookup(name string) (value, bool) {
	for _, m := range o.members {
		if string(m.name) == name {
			return m.value, true
		}
	}
	return nil, false
}

// get returns the value of the member name, nil when there is none.
func (o object) get(name string) value {
	v, _ := o.lookup(name)
	return v
}

// text returns the member name when it is a string.
func (o object) text(name string) (string, bool) { return o.get(name).text() }

// longText is text for a long string; see value.longText.
func (o object) longText(name string) (string, bool) { return o.get(name).longText() }

// unknown returns the names of the members that props does not define,
// in source order.
func (o object) unknown(props map[string]*jsonschema.Schema) []string {
	var out []string
	for _, m := range o.members {
		if m.known {
			continue
		}
		if _, ok := props[string(m.name)]; !ok {
			out = append(out, string(m.name))
		}
	}
	return out
}

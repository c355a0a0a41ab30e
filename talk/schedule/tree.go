package schedule

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strconv"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// The JSON and the XML form are both decoded into one tree of nodes shaped
// like the JSON form (an XML <person id="1">Ada</person> becomes the object
// {"id": 1, "name": "Ada"}), and a single mapping turns that tree into the
// model. So the two forms cannot drift apart, and a schedule written in
// either imports to the same talks.

// kind is the JSON kind of a node.
type kind uint8

const (
	nullNode kind = iota
	boolNode
	numberNode
	stringNode
	arrayNode
	objectNode
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

func (k kind) String() string { return kindNames[k] }

// article is the kind's name with its article, as a type error wants it.
func (k kind) article() string {
	if k == arrayNode || k == objectNode {
		return "an " + k.String()
	}
	return "a " + k.String()
}

// node is one value of the tree with where it starts in the source.
type node struct {
	kind    kind
	text    string // a string's value, a number's spelling, "true" or "false"
	items   []*node
	members []member
	// index holds the position of every member by name once set has
	// given the object more than indexAbove members; nil before.
	index map[string]int
	line  int // 1-based; 0 when the node was made rather than read
	col   int
	// unread is what the XML element of a conference or an event held
	// that the tree has no place for (text among a list's elements, a
	// room's second guid), by the name of the list or member; the XML
	// reader has reported it, and the mapping keeps it in the Extra
	// "unparsed" of the event or talk. nil when there is none.
	unread *node
}

// indexAbove is the number of members an object is searched through
// before it gets an index: a schedule's objects have a few dozen at most,
// but an element of thousands of attributes or children must not take
// time in the square of their number to build.
const indexAbove = 32

// member is a member of an object node.
type member struct {
	name  string
	value *node
}

// get returns the value of the member called name, or nil.
func (n *node) get(name string) *node {
	if n == nil || n.kind != objectNode {
		return nil
	}
	if i := n.find(name); i >= 0 {
		return n.members[i].value
	}
	return nil
}

// find returns the position of the member called name, or -1.
func (n *node) find(name string) int {
	if n.index != nil {
		if i, ok := n.index[name]; ok {
			return i
		}
		return -1
	}
	for i, m := range n.members {
		if m.name == name {
			return i
		}
	}
	return -1
}

// set adds or replaces a member of an object node. Members are only ever
// added by set once a node is made, so that its index stays whole.
func (n *node) set(name string, v *node) {
	if i := n.find(name); i >= 0 {
		n.members[i].value = v
		return
	}
	n.members = append(n.members, member{name, v})
	switch {
	case n.index != nil:
		n.index[name] = len(n.members) - 1
	case len(n.members) > indexAbove:
		n.index = make(map[string]int, 2*len(n.members))
		for i, m := range n.members {
			n.index[m.name] = i
		}
	}
}

func str(s string) *node        { return &node{kind: stringNode, text: s} }
func num(s string) *node        { return &node{kind: numberNode, text: s} }
func object(ms ...member) *node { return &node{kind: objectNode, members: ms} }

// isEmpty reports whether the node is null or an empty string, which
// schedules write for "not given".
func (n *node) isEmpty() bool {
	return n == nil || n.kind == nullNode || n.kind == stringNode && n.text == ""
}

// equal reports whether n and o are the same JSON value, with their
// members in the same order, wherever they are in the source.
func (n *node) equal(o *node) bool {
	if n.kind != o.kind || n.text != o.text || len(n.items) != len(o.items) || len(n.members) != len(o.members) {
		return false
	}
	for i, it := range n.items {
		if !it.equal(o.items[i]) {
			return false
		}
	}
	for i, m := range n.members {
		if m.name != o.members[i].name || !m.value.equal(o.members[i].value) {
			return false
		}
	}
	return true
}

// raw returns the node as compact JSON in the form encoding/json writes
// (see [jsonx.Compact]), for the model's Extra maps.
func (n *node) raw() json.RawMessage {
	var b bytes.Buffer
	n.writeJSON(&b)
	return jsonx.Compact(b.Bytes())
}

func (n *node) writeJSON(b *bytes.Buffer) {
	switch n.kind {
	case nullNode:
		b.WriteString("null")
	case boolNode, numberNode:
		b.WriteString(n.text)
	case stringNode:
		s, _ := json.Marshal(n.text) // a string always marshals
		b.Write(s)
	case arrayNode:
		b.WriteByte('[')
		for i, it := range n.items {
			if i > 0 {
				b.WriteByte(',')
			}
			it.writeJSON(b)
		}
		b.WriteByte(']')
	case objectNode:
		b.WriteByte('{')
		for i, m := range n.members {
			if i > 0 {
				b.WriteByte(',')
			}
			s, _ := json.Marshal(m.name)
			b.Write(s)
			b.WriteByte(':')
			m.value.writeJSON(b)
		}
		b.WriteByte('}')
	}
}

// fromRaw builds a node from JSON the model holds (an Extra member); it
// returns nil for JSON that does not parse.
func fromRaw(raw json.RawMessage) *node {
	if jsonx.Check(raw, maxDepth) != nil {
		return nil
	}
	n, err := jsonTree(raw, 0, nil)
	if err != nil {
		return nil
	}
	return n
}

// lines maps byte offsets to 1-based line and column numbers.
type lines []int // the offset of the start of each line

func newLines(data []byte) lines {
	l := lines{0}
	for i, c := range data {
		if c == '\n' {
			l = append(l, i+1)
		}
	}
	return l
}

func (l lines) position(off int64) (line, col int) {
	i := sort.Search(len(l), func(i int) bool { return int64(l[i]) > off }) - 1
	if i < 0 {
		return 1, 1
	}
	return i + 1, int(off) - l[i] + 1
}

// jsonTree builds the tree of a well-formed JSON value (see [jsonx.Check])
// that starts at offset base of its document.
func jsonTree(raw []byte, base int64, ls lines) (*node, error) {
	start := base + int64(len(raw)-len(bytes.TrimLeft(raw, " \t\r\n")))
	n := &node{}
	if ls != nil {
		n.line, n.col = ls.position(start)
	}
	switch jsonx.Kind(raw) {
	case "null":
		n.kind = nullNode
	case "boolean":
		n.kind, n.text = boolNode, string(bytes.TrimSpace(raw))
	case "number":
		n.kind, n.text = numberNode, string(bytes.TrimSpace(raw))
	case "string":
		s, ok := jsonx.String(bytes.TrimSpace(raw))
		if !ok {
			return nil, errors.New("invalid JSON string")
		}
		n.kind, n.text = stringNode, s
	case "array":
		vs, err := jsonx.Array(raw, base)
		if err != nil {
			return nil, err
		}
		n.kind = arrayNode
		n.items = make([]*node, 0, len(vs))
		for _, v := range vs {
			c, err := jsonTree(v.Raw, v.Offset, ls)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, c)
		}
	case "object":
		ms, err := jsonx.Object(raw, base)
		if err != nil {
			return nil, err
		}
		n.kind = objectNode
		n.members = make([]member, 0, len(ms))
		for _, m := range ms {
			c, err := jsonTree(m.Raw, m.Offset, ls)
			if err != nil {
				return nil, err
			}
			n.members = append(n.members, member{m.Name, c})
		}
	default:
		return nil, errors.New("invalid JSON value")
	}
	return n, nil
}

func index(i int) string { return strconv.Itoa(i) }

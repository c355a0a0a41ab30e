package schema

import (
	"bytes"
	"cmp"
	"slices"
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

// locateEach is the number of findings up to which a record's are each
// located from its top (locate); more are located together (locateAll).
// A record's few findings are found soonest one by one, without the
// tables a walk for many builds.
const locateEach = 4

// locateAll returns the offsets in data that locate returns for each of
// ptrs. Each object and list on the pointers' ways is read once for all
// of them: locating each from the top read a record of thousands of
// findings, such as a member or a link each, thousands of times. data
// must be well-formed.
func locateAll(data []byte, ptrs []string) []int64 {
	l := locator{
		tokens:  make([][]string, len(ptrs)),
		offsets: make([]int64, len(ptrs)),
		index:   make([]int, len(ptrs)),
	}
	which := make([]int, len(ptrs))
	for i, ptr := range ptrs {
		l.tokens[i] = pointerTokens(ptr)
		which[i] = i
	}
	l.walk(locateValue(data, ""), 0, which)
	return l.offsets
}

// locator locates many pointers in one record: see locateAll. Pointers
// are known by their number in the list asked about.
type locator struct {
	tokens  [][]string // each pointer's reference tokens
	offsets []int64    // each pointer's offset, as found
	index   []int      // each pointer's element index in the list walked, or -1
}

// walk locates the pointers numbered which, whose first depth tokens
// lead to v: each at the value its tokens lead to, or at the deepest
// value on the way that exists. It reorders which.
func (l *locator) walk(v jsonx.Value, depth int, which []int) {
	// Every pointer points at v until a deeper value is found for it;
	// those that go on past v are moved to the front.
	on := 0
	for k, i := range which {
		l.offsets[i] = v.Offset
		if depth < len(l.tokens[i]) {
			which[on], which[k] = which[k], which[on]
			on++
		}
	}
	next := which[:on]
	if len(next) == 0 {
		return
	}
	token := func(i int) string { return l.tokens[i][depth] }
	switch jsonx.Kind(v.Raw) {
	case "object":
		// Sorted, the pointers that go on to one member are a run of
		// next, which starts where runs says.
		slices.SortFunc(next, func(a, b int) int { return strings.Compare(token(a), token(b)) })
		runs := make(map[string]int, len(next))
		for k := len(next) - 1; k >= 0; k-- {
			runs[token(next[k])] = k
		}
		for name, m := range jsonx.Members(v.Raw, v.Offset) {
			start, ok := runs[string(jsonx.MemberName(name))]
			if !ok {
				continue
			}
			// The first member of a name is the one a pointer names.
			tok := token(next[start])
			delete(runs, tok)
			end := start + 1
			for end < len(next) && token(next[end]) == tok {
				end++
			}
			l.walk(m, depth+1, next[start:end])
			if len(runs) == 0 {
				break
			}
		}
	case "array":
		// Sorted by index, the pointers that go on to one element are a
		// run of next, met in the order of the elements. A token that
		// strconv.Atoi refuses, or a negative one, names no element; tokens
		// such as "1" and "01" name the same.
		for _, i := range next {
			l.index[i] = -1
			if n, err := strconv.Atoi(token(i)); err == nil && n >= 0 {
				l.index[i] = n
			}
		}
		slices.SortFunc(next, func(a, b int) int { return cmp.Compare(l.index[a], l.index[b]) })
		start := 0
		for start < len(next) && l.index[next[start]] < 0 {
			start++
		}
		n := 0
		for e := range jsonx.Elements(v.Raw, v.Offset) {
			if start == len(next) {
				break
			}
			if l.index[next[start]] == n {
				end := start + 1
				for end < len(next) && l.index[next[end]] == n {
					end++
				}
				l.walk(e, depth+1, next[start:end])
				start = end
			}
			n++
		}
	}
}

// A lineCounter gives the lines and columns of offsets in data, as
// jsonx.Position does, counting the lines from the offset it was asked
// about last when the next is not before it: counting from the start of
// the record for each of thousands of findings in a row took time
// growing with the square of its size. The zero lineCounter of data is
// at its start.
type lineCounter struct {
	data      []byte
	off       int64 // the offset asked about last
	breaks    int   // the line breaks before off
	lineStart int64 // where the line that holds off starts
}

// position returns the 1-based line and byte column of offset off.
func (lc *lineCounter) position(off int64) (line, col int) {
	off = min(max(off, 0), int64(len(lc.data)))
	if off < lc.off {
		return jsonx.Position(lc.data, off)
	}
	between := lc.data[lc.off:off]
	if n := bytes.Count(between, []byte{'\n'}); n > 0 {
		lc.breaks += n
		lc.lineStart = lc.off + int64(bytes.LastIndexByte(between, '\n')) + 1
	}
	lc.off = off
	return lc.breaks + 1, int(off-lc.lineStart) + 1
}

// child returns the member or element tok of v.
func child(v jsonx.Value, tok string) (jsonx.Value, bool) {
	switch jsonx.Kind(v.Raw) {
	case "object":
		for name, m := range jsonx.Members(v.Raw, v.Offset) {
			if string(jsonx.MemberName(name)) == tok {
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

package jsonx

import (
	"errors"
	"iter"
)

// A Cursor reads a JSON document in one pass and checks it as [Check]
// does on the way: a reader that looks at some values closely and at the
// rest not at all learns, by the end, that the whole document is
// well-formed, without a second pass over its bytes (which, for a
// validator, was as long as the first). It builds nothing.
//
// A Cursor reads the document's values in order: [Cursor.Skip] reads one
// whole, [Cursor.Object] one member at a time. After the last value,
// [Cursor.End] reports whether the document was well-formed. The first
// problem stops the reading; Peek then returns 0 and Skip nil, and End
// returns the problem.
type Cursor struct {
	s     scanner
	depth int  // of the next value
	read  bool // the document's value has been read
	err   error
}

// errStopped is End's answer when a loop over an object's members was
// broken off: the rest of the document went unread.
var errStopped = errors.New("jsonx: the document was not read to its end")

// NewCursor returns a Cursor at the start of data, which may nest values
// at most maxDepth deep as in [Check].
func NewCursor(data []byte, maxDepth int) *Cursor {
	return &Cursor{s: scanner{data: data, maxDepth: maxDepth}}
}

// str skips the string at the cursor, a word at a time (see strByWords)
// when it can. Check, Decode and the values nested in what Skip reads
// keep str's byte-at-a-time loop: Check's speed is the decode floor the
// project's speed target is measured against, and a record's long
// strings (its description) are its members, which a Cursor reads.
func (c *Cursor) str() (escapes bool, err error) {
	if escapes, ok := c.s.strByWords(); ok {
		return escapes, nil
	}
	return c.s.str()
}

// Surrogates reports whether a string read so far holds the \u escape of
// half a UTF-16 surrogate pair, with its other half or without: whether
// [LoneSurrogate] can find anything in the document.
func (c *Cursor) Surrogates() bool { return c.s.surrogate }

// Peek returns the first byte of the next value: '{', '[', '"', 't', 'f'
// or 'n', or a digit or '-' for a number. It returns 0 at the end of the
// input and after a problem.
func (c *Cursor) Peek() byte {
	if c.err != nil {
		return 0
	}
	c.s.skipSpace()
	if c.s.pos >= len(c.s.data) {
		return 0
	}
	return c.s.data[c.s.pos]
}

// Skip checks the next value and moves past it. It returns the value as
// written, or nil when it is not well-formed.
func (c *Cursor) Skip() []byte {
	if c.err != nil {
		return nil
	}
	c.s.skipSpace()
	start := c.s.pos
	var err error
	if start < len(c.s.data) && c.s.data[start] == '"' {
		// As s.value would, but a word at a time.
		_, err = c.str()
	} else {
		_, err = c.s.value(c.depth)
	}
	if err != nil {
		c.err = err
		return nil
	}
	c.read = c.read || c.depth == 0
	return c.s.data[start:c.s.pos]
}

// Object returns an iterator over the members of the next value, when it
// is an object: each member's name as written, quotes and escapes
// included (see [String]), with the Cursor at the member's value. The
// loop body may read the value; what it leaves unread, the iterator
// skips. For a value that is not an object it yields nothing and leaves
// the value unread. Breaking out of the loop leaves the Cursor inside the
// object, where it can read no further.
func (c *Cursor) Object() iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		if c.Peek() != '{' {
			return
		}
		s := &c.s
		if c.err = s.tooDeep(c.depth); c.err != nil {
			return
		}
		s.pos++
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == '}' {
			s.pos++
			c.read = c.read || c.depth == 0
			return
		}
		c.depth++
		defer func() {
			c.depth--
			c.read = c.read || c.depth == 0
		}()
		var names memberNames
		for {
			s.skipSpace()
			if s.pos >= len(s.data) || s.data[s.pos] != '"' {
				c.err = s.expected("a member name in quotes")
				return
			}
			start := s.pos
			escapes, err := c.str()
			if err != nil {
				c.err = err
				return
			}
			name := s.data[start:s.pos]
			// As Check does, refuse a name given twice.
			unquoted := name[1 : len(name)-1]
			if escapes {
				u, _ := unquote(unquoted)
				unquoted = []byte(u)
			}
			if !names.add(unquoted) {
				s.pos = start
				c.err = duplicateMember(s.data, start, unquoted)
				return
			}
			s.skipSpace()
			if s.pos >= len(s.data) || s.data[s.pos] != ':' {
				c.err = s.expected("':' after a member name")
				return
			}
			s.pos++
			s.skipSpace()
			at := s.pos
			if !yield(name) {
				if c.err == nil {
					c.err = errStopped
				}
				return
			}
			if c.err != nil {
				return
			}
			if s.pos == at && c.Skip() == nil {
				return
			}
			if more, err := s.more('}'); !more {
				c.err = err
				return
			}
		}
	}
}

// End reads what is left of the document's value, when the reader left
// it unread, and reports whether the document is well-formed: the first
// problem met, data after the value, or a loop over an object's members
// broken off before its end.
func (c *Cursor) End() error {
	if !c.read {
		c.Skip()
	}
	if c.err != nil {
		if _, ok := c.err.(*SyntaxError); ok {
			return explained(c.s.data, c.err)
		}
		return c.err
	}
	c.s.skipSpace()
	if c.s.pos < len(c.s.data) {
		return &SyntaxError{Offset: int64(c.s.pos), Msg: "invalid JSON: unexpected data after the JSON value"}
	}
	return nil
}

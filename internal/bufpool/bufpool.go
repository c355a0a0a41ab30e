// Package bufpool lends the buffers renderers build their output in, for
// the next output to reuse.
//
// A page is 10 to 20 kB and a talk's JSON-LD a few: a fresh buffer for
// each, even one grown to that size at once, was over 40% of the bytes a
// page allocated and a tenth of the corpus pipeline's, and the garbage
// collector's work grows with those bytes. The pool is shared by every
// renderer and safe for concurrent use, as encoding/json's encoders' is;
// only the buffers' memory is shared, never their content.
package bufpool

import (
	"bytes"
	"sync"
)

var buffers = sync.Pool{New: func() any {
	b := new(bytes.Buffer)
	b.Grow(16 << 10)
	return b
}}

// Get returns an empty buffer; give it back with Put when done with its
// bytes.
func Get() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

// Put gives b back to the pool, unless an output too big to be usual made
// it so: the pool would keep that memory for every output after. b's bytes
// must not be used after.
func Put(b *bytes.Buffer) {
	if b.Cap() > 256<<10 {
		return
	}
	b.Reset()
	buffers.Put(b)
}

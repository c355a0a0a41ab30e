package csl

import (
	"strconv"
	"strings"
)

// The output model follows citeproc-js's output queue closely, because
// its character-level results (which punctuation survives where two
// affixes meet, where a quote mark goes, which formatting wraps what)
// come from the shape of that tree and the order of its passes:
//
//  1. rendering the style appends blobs to a tree: a blob is a piece of
//     text, or a list of blobs, each with a prefix, suffix, delimiter and
//     decorations (formatting);
//  2. empty blobs are pruned;
//  3. punctuation is moved and merged at blob boundaries (adjust.go);
//  4. the tree is flattened to a string, escaping text and applying the
//     decorations of the chosen output format (format.go).

// decoration is one formatting attribute and its value, named as in
// citeproc-js ("@font-style", "italic").
type decoration struct{ attr, value string }

// The decoration attributes, in the order citeproc-js applies them.
const (
	decStripPeriods = "@strip-periods"
	decFontStyle    = "@font-style"
	decFontVariant  = "@font-variant"
	decFontWeight   = "@font-weight"
	decTextDecor    = "@text-decoration"
	decVertical     = "@vertical-align"
	decQuotes       = "@quotes"
	decDisplay      = "@display"
	decBibliography = "@bibliography"
	decClass        = "@class"
)

// numAttrs is the number of decoration attributes, and of attrIndex's
// numbers.
const numAttrs = 11

// attrIndex numbers the decoration attributes, and "" (a nocase span's,
// which has none), from 0; it returns -1 for any other string.
func attrIndex(attr string) int {
	switch attr {
	case "":
		return 0
	case decStripPeriods:
		return 1
	case decFontStyle:
		return 2
	case decFontVariant:
		return 3
	case decFontWeight:
		return 4
	case decTextDecor:
		return 5
	case decVertical:
		return 6
	case decQuotes:
		return 7
	case decDisplay:
		return 8
	case decBibliography:
		return 9
	case decClass:
		return 10
	}
	return -1
}

// attrBits is a set of decoration attributes, a bit for each.
type attrBits uint16

// attrBit returns attr's bit in an attrBits, or 0 if attrIndex does not
// number it.
func attrBit(attr string) attrBits {
	if i := attrIndex(attr); i >= 0 {
		return 1 << i
	}
	return 0
}

// numStatus is the range state of a number in a run of numbers.
type numStatus int

const (
	numStart numStatus = iota
	numEnd
	numSuccessor
	numSuccessorOfSuccessor
	numSeen
	numSuppress
)

// numInfo makes a blob a number that may join a range (citation numbers,
// numeric variables).
type numInfo struct {
	n               int
	str             string // the value when it is not a plain integer
	particle        string
	format          func(n int, gender string) string
	gender          string
	status          numStatus
	successorPrefix string
	rangePrefix     string
	splicePrefix    string
	ugly            bool // citeproc-js's UGLY_DELIMITER_SUPPRESS_HACK
	suppressSplice  bool
	// undefinedPrefixes marks the prefixes above that citeproc-js leaves
	// undefined, as on a number variable's values (their token is a clone
	// that does not carry them): false when tested, nothing in an entry,
	// but "undefined" in a sort key, whose text citeproc-js does not
	// escape. The prefix the writer sets itself is no longer undefined.
	undefinedPrefixes numPrefixes
}

// numPrefixes is a set of a number's prefixes.
type numPrefixes uint8

const (
	spliceUndefined numPrefixes = 1 << iota
	successorUndefined
	rangeUndefined
	allPrefixesUndefined = spliceUndefined | successorUndefined | rangeUndefined
)

// blob is one node of the output tree.
type blob struct {
	text string
	kids []*blob

	prefix, suffix, delimiter string
	textCase                  string
	decorations               []decoration
	// alldecor is citeproc-js's alldecor: the blob's own decorations
	// (as they were when it was made), then those of the levels it was
	// pushed into, innermost first. See decorLink.
	alldecor *decorLink
	own      decorLink // alldecor's first link, for a new blob

	num *numInfo

	// The flags are together, in one word of the blob: an entry clears
	// some hundred blobs for the next.
	isText        bool
	shared        bool // another blob's alldecor links to own: it must not change
	isInverted    bool
	isInstitution bool
	root          bool // the queue's top level: children pushed here do not inherit decorations
}

// fmtToken is what a blob is made from: affixes, delimiter, text case and
// decorations of a style element.
type fmtToken struct {
	prefix, suffix, delimiter string
	textCase                  string
	decorations               []decoration
}

var emptyToken = &fmtToken{}

// decorLink is one set of decorations in a blob's alldecor. citeproc-js
// copies the array of its parent's sets into every blob pushed; these
// links share the parent's list as their tail instead, which saved most
// of the bytes allocated per entry. Links are never changed once another
// list can reach them (see blob.shared), so sharing keeps the copies'
// meaning.
type decorLink struct {
	set  []decoration
	next *decorLink
	// summed says that nonNormal has the bits of the attributes to which
	// a set of this link or of one after it gives a value other than
	// "normal": a list the flip-flop makes is as long as the spans
	// nested in a title, and normalIsOrphan asks it of each.
	summed    bool
	nonNormal attrBits
}

// copyOnto returns a copy of the links of l, in order, in front of tail,
// made in arena a.
func (l *decorLink) copyOnto(tail *decorLink, a *blobArena) *decorLink {
	if l == nil {
		return tail
	}
	c := a.link()
	c.set, c.next = l.set, l.next.copyOnto(tail, a)
	return c
}

// linkDecor returns b's alldecor for another blob to share.
func (b *blob) linkDecor() *decorLink {
	b.shared = true
	return b.alldecor
}

// newBlob makes a blob from tok (nil for none), out of the renderer's
// arena.
func (r *renderer) newBlob(tok *fmtToken) *blob {
	b := r.arena.alloc()
	if tok != nil {
		b.prefix, b.suffix, b.delimiter, b.textCase = tok.prefix, tok.suffix, tok.delimiter, tok.textCase
		// Decorations are never changed in place (only replaced), so
		// the token's may be shared; the cap keeps appends off them.
		if n := len(tok.decorations); n > 0 {
			b.decorations = tok.decorations[:n:n]
		}
	}
	b.own.set = b.decorations
	b.alldecor = &b.own
	return b
}

// blobArena hands out a renderer's blobs from slabs. An entry makes some
// 150 blobs, a fifth of its allocations when each was its own and nearly
// half its bytes as slabs; its output tree is garbage once the entry's
// string is written, so a renderer that is done goes back to the
// processor with its arena (Processor.release), cleared, for the next
// rendering to reuse. A blob may outlive a renderer that is not released (a cluster
// keeps its cites'); its arena then lives as long.
type blobArena struct {
	blobs slabs[blob]
	// The decoration links that pushing a blob copies, as many as its
	// blobs, are handed out the same way.
	links slabs[decorLink]
}

func (a *blobArena) alloc() *blob { return a.blobs.take() }

// link returns a cleared decorLink.
func (a *blobArena) link() *decorLink { return a.links.take() }

// reset clears the blobs and links handed out, so that they hold on to
// nothing, and makes them the arena's to hand out again.
func (a *blobArena) reset() {
	a.links.reset(func(l []decorLink) { clear(l) })
	a.blobs.reset(clearBlobs)
}

// slabs hands out values of T from slabs of slabSize.
type slabs[T any] struct {
	all  [][]T
	slab int // the slab in use
	next int // values handed out of it
}

// slabSize is how many values a slab holds.
const slabSize = 32

// take returns the next value, as the last reset left it.
func (s *slabs[T]) take() *T {
	if s.next == slabSize {
		s.slab, s.next = s.slab+1, 0
	}
	if s.slab == len(s.all) {
		s.all = append(s.all, make([]T, slabSize))
	}
	v := &s.all[s.slab][s.next]
	s.next++
	return v
}

// reset clears the values handed out with clearSlab and makes them the
// slabs' to hand out again.
func (s *slabs[T]) reset(clearSlab func([]T)) {
	for i := 0; i < s.slab; i++ {
		clearSlab(s.all[i])
	}
	if s.slab < len(s.all) {
		clearSlab(s.all[s.slab][:s.next])
	}
	s.slab, s.next = 0, 0
}

// clearBlobs clears bs but keeps each blob's array of kids, emptied, for
// the blob handed out in its place to fill: growing every blob's kids
// from nothing was a fifth of an entry's allocations. No two blobs share
// an array (a blob's kids are only appended to, cut, or replaced by a
// new slice), so the reused ones cannot overlap either.
func clearBlobs(bs []blob) {
	for i := range bs {
		kids := bs[i].kids[:cap(bs[i].kids)]
		clear(kids)
		bs[i] = blob{kids: kids[:0]}
	}
}

func (r *renderer) newTextBlob(s string, tok *fmtToken) *blob {
	b := r.newBlob(tok)
	b.text, b.isText = s, true
	return b
}

// empty reports whether the blob has nothing in it (citeproc-js's
// !blob.blobs || !blob.blobs.length).
func (b *blob) empty() bool {
	if b.isText {
		return b.text == ""
	}
	return len(b.kids) == 0
}

// push adds child to b, and b's decorations to those the child sees
// around it; a copy of the child's is made in arena a.
func (b *blob) push(child *blob, a *blobArena) {
	if !b.root {
		tail := b.linkDecor()
		switch {
		case child.alldecor == nil:
			child.alldecor = tail
		case child.alldecor == &child.own && child.own.next == nil && !child.shared:
			// A new blob, whose list no other reaches: link in place.
			child.own.next = tail
		default:
			child.alldecor = child.alldecor.copyOnto(tail, a)
		}
	}
	b.kids = append(b.kids, child)
}

// queue is the output tree being built, with the stack of open levels.
type queue struct {
	r     *renderer
	top   *blob
	stack []level
}

// level is an open level: its blob, or, for a level opened lazily that
// nothing has been appended to yet, only the token to make it from.
type level struct {
	b   *blob
	tok *fmtToken
}

// reset empties q for a new rendering, its top level a new blob.
func (q *queue) reset() {
	q.top = q.r.arena.alloc()
	q.top.root = true
	clear(q.stack[:cap(q.stack)])
	q.stack = append(q.stack[:0], level{b: q.top})
}

// current returns the innermost open level, making it (and the levels
// around it) if it was opened lazily.
func (q *queue) current() *blob { return q.blobAt(len(q.stack) - 1) }

// blobAt returns the blob of the level at i, making it first if the level
// was opened lazily.
func (q *queue) blobAt(i int) *blob {
	l := &q.stack[i]
	if l.b == nil {
		parent := q.blobAt(i - 1)
		l.b = q.r.newBlob(l.tok)
		parent.push(l.b, q.r.arena)
	}
	return l.b
}

// openLevel starts a new level made from tok; what is appended until
// closeLevel goes inside it.
func (q *queue) openLevel(tok *fmtToken) *blob {
	b := q.r.newBlob(tok)
	q.current().push(b, q.r.arena)
	q.stack = append(q.stack, level{b: b})
	return b
}

// openLazyLevel is openLevel for a level that may well stay empty (a
// group whose variables are missing): its blob is made when something
// is appended to it, as it would have been pushed at the same place,
// and not at all otherwise: a sixth of the blobs an APA entry of a
// corpus talk made were such levels, made only to be dropped.
func (q *queue) openLazyLevel(tok *fmtToken) {
	q.stack = append(q.stack, level{tok: tok})
}

// closeLevel ends the innermost level; made reports whether it has a
// blob, which a lazily opened level has only if something was appended.
func (q *queue) closeLevel() (made bool) {
	made = q.stack[len(q.stack)-1].b != nil
	q.stack = q.stack[:len(q.stack)-1]
	return made
}

// pop removes and returns the last blob of the current level.
func (q *queue) pop() *blob {
	c := q.stack[len(q.stack)-1].b
	if c == nil || len(c.kids) == 0 {
		return nil
	}
	b := c.kids[len(c.kids)-1]
	c.kids = c.kids[:len(c.kids)-1]
	return b
}

// appendBlob adds an already built blob, wrapped in a level made from tok.
func (q *queue) appendBlob(b *blob, tok *fmtToken) {
	if b == nil {
		return
	}
	w := q.r.newBlob(tok)
	w.kids = append(w.kids, b) // into the array an arena blob keeps
	q.current().push(w, q.r.arena)
}

// appendLiteral adds an already built blob as it is.
func (q *queue) appendLiteral(b *blob) {
	if b == nil {
		return
	}
	q.current().push(b, q.r.arena)
}

// appendText adds a string made into a blob from tok, as citeproc-js's
// append does: spaces before some punctuation become narrow no-break
// spaces, leading terminal punctuation moves to the prefix, text case and
// strip-periods apply, italics are dropped from text without Latin-like
// letters, and inline markup and quotes in the string become blobs.
// notSerious appends (parts of names) do not count as output that a
// following term must not be capitalised after.
func (q *queue) appendText(str string, tok *fmtToken, notSerious, ignorePredecessor, noStripPeriods bool) *blob {
	return q.appendTextIn(nil, str, tok, notSerious, ignorePredecessor, noStripPeriods)
}

// appendTextIn is appendText into level, or the current level if nil.
func (q *queue) appendTextIn(level *blob, str string, tok *fmtToken, notSerious, ignorePredecessor, noStripPeriods bool) *blob {
	r := q.r
	if r.sortKey && r.macroWithDate && !notSerious {
		// citeproc-js keeps only names and dates in a sort key made by
		// a macro with a date.
		return q.r.newTextBlob(str, tok)
	}
	if notSerious {
		ignorePredecessor = true
	}
	if str != "" {
		str = narrowSpaces(str)
		str = spaceApostrophe(str)
		if !notSerious && strings.HasPrefix(str, "'") {
			str = " " + str
		}
		if !ignorePredecessor {
			r.termPredecessor = true
		} else if notSerious {
			r.termPredecessorName = true
		}
	}
	b := q.r.newTextBlob(str, tok)
	if !strings.HasPrefix(b.text, " ") {
		i := 0
		for i < len(b.text) && strings.IndexByte(":.;!? ", b.text[i]) >= 0 {
			i++
		}
		if i > 0 && i < len(b.text) {
			b.prefix += b.text[:i]
			b.text = b.text[i:]
		}
	}
	if b.textCase != "" {
		b.text = r.caseCtx().textCase(b.textCase, str)
	}
	if r.stripPeriods > 0 && !noStripPeriods {
		b.text = stripPeriods(b.text)
	}
	if !hasRomanesque(b.text) {
		for i := len(b.decorations) - 1; i >= 0; i-- {
			if b.decorations[i].attr == decFontStyle {
				b.decorations = append(b.decorations[:i:i], b.decorations[i+1:]...)
			}
		}
	}
	if level == nil {
		level = q.current()
	}
	level.push(b, q.r.arena)
	r.flip.processTags(b)
	return b
}

// narrowSpaces turns a space before ":;?!»" and after "«" into a narrow
// no-break space, as citeproc-js does for every string it outputs. Most
// strings have spaces and none to narrow, so they are returned as they
// are rather than copied.
func narrowSpaces(s string) string {
	var b []byte // s so far with its spaces narrowed, once one is
	done := 0    // the bytes of s in b
	for i := strings.IndexByte(s, ' '); i >= 0; {
		rest := s[i+1:]
		if narrowedSpace(s[:i], rest) {
			if b == nil {
				b = make([]byte, 0, len(s)+8)
			}
			b = append(b, s[done:i]...)
			b = append(b, "\u202f"...)
			done = i + 1
		}
		j := strings.IndexByte(rest, ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if b == nil {
		return s
	}
	return string(append(b, s[done:]...))
}

// narrowedSpace reports whether narrowSpaces narrows a space between
// before and after.
func narrowedSpace(before, after string) bool {
	if strings.HasSuffix(before, "«") || strings.HasPrefix(after, "»") {
		return true
	}
	if after == "" {
		return false
	}
	switch after[0] {
	case ':', ';', '?', '!':
		return true
	}
	return false
}

// spaceApostrophe collapses white space before an apostrophe to one
// space (citeproc-js's /\s+'/ → " '").
func spaceApostrophe(s string) string {
	if !strings.Contains(s, "'") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if isJSSpace(rs[i]) {
			j := i
			for j < len(rs) && isJSSpace(rs[j]) {
				j++
			}
			if j < len(rs) && rs[j] == '\'' {
				b.WriteByte(' ')
				i = j - 1
				continue
			}
			b.WriteString(string(rs[i:j]))
			i = j - 1
			continue
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// stripPeriods removes periods not followed by a lower-case ASCII letter
// (/\.([^a-z]|$)/g).
func stripPeriods(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			if i+1 < len(s) && s[i+1] >= 'a' && s[i+1] <= 'z' {
				// /\.([^a-z]|$)/ consumes the character after a removed
				// period, so "..a" keeps its second period: mirror that.
				b.WriteByte('.')
				continue
			}
			if i+1 < len(s) {
				b.WriteByte(s[i+1])
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isRomanesque reports whether r is one of the characters citeproc-js
// counts as Latin-like (ROMANESQUE_REGEXP).
func isRomanesque(r rune) bool {
	switch {
	case r == '-', r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	}
	return isRomanesqueLetter(r)
}

// isRomanesqueLetter is the letter part of ROMANESQUE_REGEXP, without
// digits and hyphen.
func isRomanesqueLetter(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r >= 0x0e01 && r <= 0x0e5b, r >= 0xc0 && r <= 0x17f, r >= 0x370 && r <= 0x3ff,
		r >= 0x400 && r <= 0x52f, r >= 0x590 && r <= 0x5d4, r >= 0x5d6 && r <= 0x5ff,
		r >= 0x1f00 && r <= 0x1fff, r >= 0x600 && r <= 0x6ff, r >= 0x200c && r <= 0x200e,
		r >= 0x218 && r <= 0x21b, r >= 0x202a && r <= 0x202e:
		return true
	}
	return false
}

func hasRomanesque(s string) bool {
	for _, r := range s {
		if isRomanesque(r) {
			return true
		}
	}
	return false
}

// piece is a rendered part: text, or a number still waiting to be
// joined into a range. Its text is a chain of fragments in the writer
// (see frag), so that affixes, delimiters and markup go around and
// between pieces without copying their text: copying it at every level
// was a third of an entry's allocations.
type piece struct {
	head, tail int32 // the first and last fragment, 1-based; 0 for no text
	n          int   // the text's length in bytes
	b          *blob
	// dollars: in HTML, the text has a "$" pattern ("$$", "$&", "$`"
	// or "$'") that decorate expands as JavaScript's replace does; one
	// without leaves the text as it is. Kept as the text is put
	// together, for looking through it at every level of a title's
	// nested markup took time quadratic in the depth; and a text's
	// patterns are gone once expanded, but for a "$$" that leaves a
	// pattern behind, which takes a run of 2^k dollars k levels.
	dollars bool
}

// frag is a fragment of a piece's text, with the next in the chain
// (1-based; 0 ends it).
type frag struct {
	s    string
	next int32
}

func (p piece) isStr() bool { return p.b == nil }

// text returns a piece of the text s.
func (w *writer) text(s string) piece {
	if s == "" {
		return piece{}
	}
	w.frags = append(w.frags, frag{s: s})
	i := int32(len(w.frags))
	return piece{head: i, tail: i, n: len(s), dollars: w.f == HTML && hasDollarPattern(s)}
}

// hasDollarPattern reports whether s has a "$" pattern of JavaScript's
// replace: "$" and one of "$&`'".
func hasDollarPattern(s string) bool {
	for i := strings.IndexByte(s, '$'); i >= 0 && i+1 < len(s); {
		if isDollarPatternByte(s[i+1]) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '$')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// isDollarPatternByte reports whether c makes a "$" pattern of
// JavaScript's replace after a "$".
func isDollarPatternByte(c byte) bool { return c == '$' || c == '&' || c == '`' || c == '\'' }

// joinMakesDollarPattern reports whether the texts of p and q, nonempty,
// have a "$" pattern where they meet, p's text before q's.
func (w *writer) joinMakesDollarPattern(p, q piece) bool {
	if w.f != HTML {
		return false
	}
	last, first := w.frags[p.tail-1].s, w.frags[q.head-1].s
	return last[len(last)-1] == '$' && isDollarPatternByte(first[0])
}

// prepend puts s before p's text.
func (w *writer) prepend(p *piece, s string) {
	if s == "" {
		return
	}
	q := w.text(s)
	p.dollars = p.dollars || q.dollars || p.n > 0 && w.joinMakesDollarPattern(q, *p)
	w.frags[q.head-1].next = p.head
	p.head = q.head
	if p.tail == 0 {
		p.tail = p.head
	}
	p.n += len(s)
}

// appendText puts s after p's text.
func (w *writer) appendText(p *piece, s string) {
	w.appendPiece(p, w.text(s))
}

// appendPiece puts q's text after p's; q is p's from then on.
func (w *writer) appendPiece(p *piece, q piece) {
	switch {
	case q.n == 0:
		return
	case p.n == 0:
		p.head, p.tail = q.head, q.tail
		p.dollars = q.dollars
	default:
		p.dollars = p.dollars || q.dollars || w.joinMakesDollarPattern(*p, q)
		w.frags[p.tail-1].next = q.head
		p.tail = q.tail
	}
	p.n += q.n
}

// str returns p's text.
func (w *writer) str(p piece) string {
	switch {
	case p.n == 0:
		return ""
	case p.head == p.tail:
		return w.frags[p.head-1].s
	}
	var b strings.Builder
	b.Grow(p.n)
	w.writeTo(&b, p)
	return b.String()
}

// writeTo writes p's text to b.
func (w *writer) writeTo(b *strings.Builder, p piece) {
	if p.n == 0 {
		return
	}
	for i := p.head; ; i = w.frags[i-1].next {
		b.WriteString(w.frags[i-1].s)
		if i == p.tail {
			return
		}
	}
}

// decoratePiece is decorate for a piece's text.
func (w *writer) decoratePiece(d decoration, p piece, b *blob) piece {
	if p.dollars {
		return w.text(w.decorate(d, w.str(p), b))
	}
	before, after := w.wraps(d, p.n == 0)
	w.prepend(&p, before)
	w.appendText(&p, after)
	return p
}

// render flattens blobs to pieces, as citeproc-js's output.string does.
// parent is the blob whose children these are, or nil at the top. The
// pieces are the writer's until the writer is done: they stay valid
// after later calls.
func (w *writer) render(blobs []*blob, parent *blob) []piece {
	base := len(w.pieces)
	w.renderInto(blobs, parent)
	return w.pieces[base:len(w.pieces):len(w.pieces)]
}

// renderInto is render, with the pieces appended to w.pieces: each
// level's pieces follow those of the levels around it on the one stack,
// where the children's pieces are left in place as the parent's rather
// than copied into a list of each level's own.
func (w *writer) renderInto(blobs []*blob, parent *blob) {
	if len(blobs) == 0 {
		return
	}
	base := len(w.pieces)
	delim := ""
	if parent != nil {
		delim = parent.delimiter
	}
	var last *blob
	for _, b := range blobs {
		last = b
		if b.isText {
			if b.num != nil {
				w.pieces = append(w.pieces, piece{b: b})
			} else if b.text != "" {
				s := w.esc(b.text)
				for _, d := range b.decorations {
					if w.normalIsOrphan(b, d) {
						continue
					}
					s = w.decorate(d, s, b)
				}
				if s != "" {
					p := w.text(s)
					w.prepend(&p, w.esc(b.prefix))
					w.appendText(&p, w.esc(b.suffix))
					w.pieces = append(w.pieces, p)
				}
			}
		} else if len(b.kids) > 0 {
			from := len(w.pieces)
			w.renderInto(b.kids, b)
			add := w.pieces[from:]
			if parent != nil && len(add) > 1 && b.delimiter != "" {
				numberSeen := false
				for j := range add {
					if !add[j].isStr() {
						numberSeen = true
					} else if numberSeen {
						w.prepend(&add[j], b.delimiter)
					}
				}
			}
		}
	}
	ret := w.pieces[base:]
	for i := 0; i+1 < len(ret); i++ {
		if !ret[i].isStr() && !ret[i+1].isStr() && !ret[i+1].b.num.ugly {
			ret[i].b.suffix += delim
			ret[i+1].b.num.successorPrefix = ""
			ret[i+1].b.num.undefinedPrefixes &^= successorUndefined
			ret[i+1].b.num.ugly = true
		}
	}
	split := 0
	for i := range ret {
		if ret[i].isStr() {
			split = i + 1
			if i < len(ret)-1 && !ret[i+1].isStr() {
				if delim != "" && !ret[i+1].b.num.ugly {
					w.appendText(&ret[i], w.esc(delim))
				}
				ret[i+1].b.num.ugly = true
			}
		}
	}
	if parent != nil && (len(parent.decorations) > 0 || parent.suffix != "") {
		split = len(ret)
	} else if parent != nil && parent.prefix != "" {
		for i := range ret {
			if !ret[i].isStr() {
				split = i
				if i == 0 {
					ret[i].b.prefix = parent.prefix + ret[i].b.prefix
				}
				break
			}
		}
	}
	// renderPieces may render a number's text through the queue, which
	// appends pieces past ret's: they are dropped with the rest below.
	start := w.renderPieces(ret[:split], delim, parent)
	if !start.empty() && parent != nil && (len(parent.decorations) > 0 || parent.suffix != "" || parent.prefix != "") {
		if start.isStr() {
			p := piece{head: start.head, tail: start.tail, n: start.n, dollars: start.dollars}
			for _, d := range parent.decorations {
				switch d.attr {
				case decBibliography, decDisplay:
					continue
				}
				if w.normalIsOrphan(last, d) {
					continue
				}
				p = w.decoratePiece(d, p, parent)
			}
			if p.n > 0 {
				w.prepend(&p, w.esc(parent.prefix))
				w.appendText(&p, w.esc(parent.suffix))
			}
			for _, d := range parent.decorations {
				if d.attr != decBibliography && d.attr != decDisplay {
					continue
				}
				p = w.decoratePiece(d, p, parent)
			}
			start = p
		}
	}
	// start stands for ret[:split], and split > 0 where it is not
	// empty: it takes the last place of those pieces, and the pieces
	// left move down to base.
	from := split
	if !start.empty() {
		ret[split-1] = start
		from = split - 1
	}
	n := copy(w.pieces[base:], ret[from:])
	w.pieces = w.pieces[:base+n]
}

func (p piece) empty() bool { return p.b == nil && p.n == 0 }

// renderPieces joins pieces with delim (citeproc-js's renderBlobs). In a
// citation, a lone number takes its parent's affixes and stays a number.
func (w *writer) renderPieces(ps []piece, delim string, parent *blob) piece {
	if w.citation && len(ps) == 1 && !ps[0].isStr() && parent != nil {
		b := ps[0].b
		b.prefix = parent.prefix + b.prefix
		b.suffix += parent.suffix
		b.decorations = append(append([]decoration(nil), b.decorations...), parent.decorations...)
		return ps[0]
	}
	if len(ps) == 1 && ps[0].isStr() {
		p := ps[0]
		return piece{head: p.head, tail: p.tail, n: p.n, dollars: p.dollars} // nothing to join: most levels hold one piece
	}
	w.checkRanges(ps)
	checkLast(ps)
	var ret piece
	for i, p := range ps {
		useDelim := ""
		if ret.n > 0 {
			useDelim = delim
		}
		if p.isStr() {
			w.appendText(&ret, w.esc(useDelim))
			w.appendPiece(&ret, p)
			continue
		}
		b := p.b
		if b.num.status == numSuppress {
			continue
		}
		w.appendText(&ret, w.renderNumber(b, i))
	}
	return ret
}

// checkRanges sets the range status of consecutive numbers.
func (w *writer) checkRanges(ps []piece) {
	start := true
	for i, p := range ps {
		if p.isStr() {
			// A number that follows and has a splice prefix is not
			// the start of a run (citeproc-js's renderBlobs).
			start = i+1 >= len(ps) || ps[i+1].isStr() || ps[i+1].b.num.splicePrefix == ""
			continue
		}
		var next *blob
		if i+1 < len(ps) && !ps[i+1].isStr() {
			next = ps[i+1].b
		}
		n := p.b.num
		if start {
			n.status = numStart
			if next != nil {
				if next.num.n == n.n+1 {
					next.num.status = numSuccessor
				} else {
					next.num.status = numSeen
				}
			}
			start = false
			continue
		}
		if next == nil || next.num.n != n.n+1 {
			if n.status == numSuccessorOfSuccessor {
				n.status = numEnd
			}
			if next != nil {
				next.num.status = numSeen
			}
		} else {
			switch n.status {
			case numStart, numSeen:
				next.num.status = numSuccessor
			case numSuccessor, numSuccessorOfSuccessor:
				if n.rangePrefix != "" {
					next.num.status = numSuccessorOfSuccessor
					n.status = numSuppress
				} else {
					next.num.status = numSuccessor
				}
			}
		}
	}
}

// checkLast is citeproc-js's "fix last non-range join": going back
// from the end, the last number of each run of numbers that is not the
// successor of the one before it is joined with its successor prefix
// rather than its splice prefix ("2016b, d, a; c" with collapse=
// "year-suffix" and a layout delimiter of "; ").
func checkLast(ps []piece) {
	doit := true
	for i := len(ps) - 1; i > 0; i-- {
		if ps[i].isStr() {
			doit = true
			continue
		}
		if !doit {
			continue
		}
		n := ps[i].b.num
		lastIsPrev := !ps[i-1].isStr() && ps[i-1].b.num.n == n.n-1
		if n.status == numSeen || !lastIsPrev && n.status == numSuccessor {
			n.status = numSuccessor
			doit = false
		}
	}
}

// renderNumber writes one number with its affixes and decorations.
func (w *writer) renderNumber(b *blob, pos int) string {
	n := b.num
	var str string
	if n.particle != "" {
		str = n.particle + n.plain()
	} else if n.format != nil && n.str == "" {
		str = n.format(n.n, n.gender)
	} else {
		str = n.plain()
	}
	str = w.renderInline(str)
	if b.textCase != "" {
		str = w.r.caseCtx().textCase(b.textCase, str)
	}
	if str != "" && w.r.stripPeriods > 0 {
		str = stripPeriods(str)
	}
	for _, d := range b.decorations {
		if w.normalIsOrphan(b, d) {
			continue
		}
		str = w.decorate(d, str, b)
	}
	str = w.esc(b.prefix) + str + w.esc(b.suffix)
	add := ""
	switch n.status {
	case numEnd:
		add = w.numPrefix(n, n.rangePrefix, rangeUndefined)
	case numSuccessor:
		add = w.numPrefix(n, n.successorPrefix, successorUndefined)
	case numStart:
		if pos > 0 && !n.suppressSplice {
			add = w.numPrefix(n, n.splicePrefix, spliceUndefined)
		}
	case numSeen:
		add = w.numPrefix(n, n.splicePrefix, spliceUndefined)
	}
	return add + str
}

// numPrefix is the prefix s of number n, or "undefined" in a sort key
// where citeproc-js leaves that prefix undefined (which, unescaped,
// prints as the word and so counts in the sort).
func (w *writer) numPrefix(n *numInfo, s string, which numPrefixes) string {
	if w.r.sortKey && n.undefinedPrefixes&which != 0 {
		return "undefined"
	}
	return w.esc(s)
}

func (n *numInfo) plain() string {
	if n.str != "" {
		return n.str
	}
	return strconv.Itoa(n.n)
}

// renderInline renders a bare string through the queue, as citeproc-js
// does for numbers: the string's own markup is honoured.
func (w *writer) renderInline(s string) string {
	q := w.r.out
	b := q.appendText(s, emptyToken, true, true, false)
	q.pop()
	return w.joinPieces(w.render([]*blob{b}, nil))
}

func (w *writer) joinPieces(ps []piece) string {
	if len(ps) == 1 && ps[0].isStr() {
		return w.str(ps[0])
	}
	var sb strings.Builder
	for _, p := range ps {
		if p.isStr() {
			w.writeTo(&sb, p)
		} else {
			sb.WriteString(w.renderNumber(p.b, 0))
		}
	}
	return sb.String()
}

// normalIsOrphan reports whether a "normal" decoration has nothing to
// undo around it, in which case it produces no markup.
func (w *writer) normalIsOrphan(b *blob, d decoration) bool {
	if d.value != "normal" {
		return false
	}
	check := func(set []decoration) bool {
		for _, x := range set {
			if x.attr == d.attr && x.value != "normal" {
				return true
			}
		}
		return false
	}
	if w.citation && check(w.r.layoutDecorations()) {
		return false
	}
	if b != nil {
		bit := attrBit(d.attr)
		for l := b.alldecor; l != nil; l = l.next {
			if l.summed && bit != 0 {
				return l.nonNormal&bit == 0
			}
			if check(l.set) {
				return false
			}
		}
	}
	return true
}

// purgeEmpty removes empty blobs, bottom up.
func purgeEmpty(parent *blob) {
	if parent == nil || parent.isText || len(parent.kids) == 0 {
		return
	}
	for i := len(parent.kids) - 1; i >= 0; i-- {
		purgeEmpty(parent.kids[i])
		if parent.kids[i].empty() {
			parent.kids = append(parent.kids[:i], parent.kids[i+1:]...)
		}
	}
}

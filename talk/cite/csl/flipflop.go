package csl

import (
	"regexp"
	"strings"
)

// Inline markup and quotes inside field values (a title containing
// <i>Python</i> or "quotes") become blobs with decorations, flipped
// against the formatting around them: italics inside an italic title
// turn roman, double quotes inside a quoted title turn single. This is
// citeproc-js's FlipFlopper, ported rule by rule.

type nestSpec struct {
	kind      string // "nocase", "nodecor", "tag", "quote"
	closer    string
	attr      string
	attrIndex int // attrIndex(attr)
	outer     string
	flip      map[string]string
}

// flipSpecs is built once per processor: the locale's quote marks join
// the straight quotes as openers.
type flipSpecs struct {
	specs   map[string]*nestSpec
	openers map[string]bool
	closers map[string]bool
	// tags are the openers, then the closers, in the order citeproc-js
	// puts them in the regular expression it finds them with: where
	// more than one starts at a place, the first is the one there.
	// startingWith has them by their first byte (see findTags).
	tags         []string
	startingWith [256][]string
	// lastBytes holds the last byte of every opener and closer, and of
	// "’" (which may become a straight apostrophe): a string without any
	// of them has no markup, which spares most strings the regexp.
	lastBytes [256]bool
}

// mayHaveTags reports whether s may contain markup or quotes.
func (fs *flipSpecs) mayHaveTags(s string) bool {
	for i := 0; i < len(s); i++ {
		if fs.lastBytes[s[i]] {
			return true
		}
	}
	return false
}

var (
	italicFlip  = map[string]string{"italic": "normal", "normal": "italic"}
	boldFlip    = map[string]string{"bold": "normal", "normal": "bold"}
	scFlip      = map[string]string{"small-caps": "normal", "normal": "small-caps"}
	quoteFlip   = map[string]string{"true": "inner", "inner": "true", "false": "true"}
	nodecorFlip = map[string]string{"nodecor": "nodecor"}
)

func newFlipSpecs(openQuote, closeQuote, openInner, closeInner string) *flipSpecs {
	type kv struct {
		key  string
		spec nestSpec
	}
	list := []kv{
		{`<span class="nocase">`, nestSpec{kind: "nocase", closer: "</span>"}},
		{`<span class="nodecor">`, nestSpec{kind: "nodecor", closer: "</span>", attr: decClass, outer: "nodecor", flip: nodecorFlip}},
		{`<span style="font-variant:small-caps;">`, nestSpec{kind: "tag", closer: "</span>", attr: decFontVariant, outer: "small-caps", flip: scFlip}},
		{"<sc>", nestSpec{kind: "tag", closer: "</sc>", attr: decFontVariant, outer: "small-caps", flip: scFlip}},
		{"<i>", nestSpec{kind: "tag", closer: "</i>", attr: decFontStyle, outer: "italic", flip: italicFlip}},
		{"<b>", nestSpec{kind: "tag", closer: "</b>", attr: decFontWeight, outer: "bold", flip: boldFlip}},
		{"<sup>", nestSpec{kind: "tag", closer: "</sup>", attr: decVertical, outer: "sup", flip: map[string]string{"sub": "sup", "sup": "sup"}}},
		{"<sub>", nestSpec{kind: "tag", closer: "</sub>", attr: decVertical, outer: "sub", flip: map[string]string{"sup": "sub", "sub": "sub"}}},
		{` "`, nestSpec{kind: "quote", closer: `"`, attr: decQuotes, outer: "true", flip: quoteFlip}},
		{` '`, nestSpec{kind: "quote", closer: `'`, attr: decQuotes, outer: "inner", flip: quoteFlip}},
	}
	fs := &flipSpecs{specs: map[string]*nestSpec{}, openers: map[string]bool{}, closers: map[string]bool{}}
	var keys []string
	for _, e := range list {
		s := e.spec
		s.attrIndex = attrIndex(s.attr)
		fs.specs[e.key] = &s
		keys = append(keys, e.key)
	}
	// "(" followed by a quote opens a quote too; the space or
	// parenthesis is put back in front of the quote afterwards.
	fs.specs[`("`] = fs.specs[` "`]
	fs.specs[`('`] = fs.specs[` '`]
	keys = append(keys, `("`, `('`)
	straight := func(q string) bool { return q == ` "` || q == ` '` || q == `"` || q == `'` }
	if openQuote != "" && closeQuote != "" && !straight(openQuote) {
		s := *fs.specs[` "`]
		s.closer = closeQuote
		fs.specs[openQuote] = &s
		keys = append(keys, openQuote)
	}
	if openInner != "" && closeInner != "" && !straight(openInner) {
		s := *fs.specs[` '`]
		s.closer = closeInner
		fs.specs[openInner] = &s
		keys = append(keys, openInner)
	}
	var closerList []string
	seen := map[string]bool{}
	for _, k := range keys {
		fs.openers[k] = true
		c := fs.specs[k].closer
		if !seen[c] {
			seen[c] = true
			closerList = append(closerList, c)
		}
	}
	for _, c := range closerList {
		fs.closers[c] = true
	}
	fs.tags = append(keys, closerList...)
	for _, k := range fs.tags {
		fs.startingWith[k[0]] = append(fs.startingWith[k[0]], k)
		fs.lastBytes[k[len(k)-1]] = true
	}
	fs.lastBytes["’"[len("’")-1]] = true
	return fs
}

// findTags appends to locs the start and end of each opener and closer
// in s, left to right: at each place, the first of fs.tags that starts
// there, then on from its end. This is what the leftmost-first match of
// a regular expression of fs.tags as alternatives finds, as citeproc-js
// does, which took most of the flip-flop's time. Every tag starts with
// a byte that no character's encoding in UTF-8 has inside it, so going
// byte by byte finds only tags that begin a character, as the regular
// expression's going character by character does.
func (fs *flipSpecs) findTags(s string, locs [][2]int) [][2]int {
	for i := 0; i < len(s); {
		n := 0
		for _, tag := range fs.startingWith[s[i]] {
			if strings.HasPrefix(s[i:], tag) {
				n = len(tag)
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		locs = append(locs, [2]int{i, i + n})
		i += n
	}
	return locs
}

// flipper processes the strings of one rendering. The outer quote form
// (double or single) follows the first quote of each string.
type flipper struct {
	fs *flipSpecs
	r  *renderer
}

type flipDoppel struct {
	tags, strings []string
	forcedSpaces  []bool
}

var (
	spanSmallCapsRe = regexp.MustCompile(`(<span)\s+(style="font-variant:)\s*(small-caps);?"[^>]*(>)`)
	spanNoCaseRe    = regexp.MustCompile(`(<span)\s+(class="no(?:case|decor)")[^>]*(>)`)
	leadingQuoteRe  = regexp.MustCompile(`^` + jsSpaceClass + `+['"]`)
)

func (f *flipper) doppelString(s string) *flipDoppel {
	if strings.Contains(s, "<span") {
		s = replaceAll(spanSmallCapsRe, s, `$1 $2$3;"$4`)
		s = replaceAll(spanNoCaseRe, s, "$1 $2$3")
	}
	var locsSpace [16][2]int
	locs := f.fs.findTags(s, locsSpace[:0])
	d := &flipDoppel{}
	if len(locs) == 0 {
		d.strings = []string{s}
		return d
	}
	d.strings = make([]string, 0, len(locs)+1)
	d.tags = make([]string, 0, len(locs))
	prev := 0
	for _, l := range locs {
		d.strings = append(d.strings, s[prev:l[0]])
		d.tags = append(d.tags, s[l[0]:l[1]])
		prev = l[1]
	}
	d.strings = append(d.strings, s[prev:])
	for i := 0; i < len(d.tags)-1; i++ {
		if f.fs.specs[d.tags[i]] != nil {
			if d.strings[i+1] == "" && (d.tags[i+1] == `"` || d.tags[i+1] == "'") {
				d.tags[i+1] = " " + d.tags[i+1]
				d.forcedSpaces = append(d.forcedSpaces, true)
			} else {
				d.forcedSpaces = append(d.forcedSpaces, false)
			}
		}
	}
	return d
}

func (d *flipDoppel) forced(i int) bool {
	return i >= 0 && i < len(d.forcedSpaces) && d.forcedSpaces[i]
}

// straightenApostrophes turns a typographic apostrophe between two
// Latin-like letters into a straight one, so that the quote parser sees
// it as an apostrophe (it is made typographic again on output). Like
// citeproc-js's global replace, a match takes the letter after the
// apostrophe, which cannot start the next: "rock’n’roll" becomes
// "rock'n’roll".
func straightenApostrophes(s string) string {
	if !strings.Contains(s, "’") {
		return s
	}
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '’' && isRomanesque(rs[i-1]) && isRomanesque(rs[i+1]) {
			rs[i] = '\''
			i += 2 // the following letter was consumed by the match
		}
	}
	return string(rs)
}

type nestFrame struct {
	kind, closer string
	pos          int
}

func apostropheForce(tag, str string) string {
	if tag == "'" {
		if str != "" && !strings.ContainsAny(str[:1], ",.?:; ") {
			return "’"
		}
	} else if tag == " '" && strings.HasPrefix(str, " ") {
		return " ’"
	}
	return ""
}

// processTags turns the markup in b's text into child blobs.
func (f *flipper) processTags(b *blob) {
	d, leadingSpace := f.pairTags(b.text)
	if d == nil {
		return
	}
	d.dropEmptyTags()
	outerDouble, outerSingle := d.outerQuotes()
	f.undoppel(b, d, leadingSpace, outerDouble, outerSingle)
}

// pairTags splits str into text and tags, and pairs each opening tag
// with its closer: a tag left without one, or dropped for another
// reason, is emptied and its text given back to the string after it.
// It returns nil when str has no tags, and whether str's leading space
// is its own.
func (f *flipper) pairTags(str string) (d *flipDoppel, leadingSpace bool) {
	if !f.fs.mayHaveTags(str) {
		return nil, false
	}
	leadingSpace = strings.HasPrefix(str, " ") && !leadingQuoteRe.MatchString(str)
	str = " " + straightenApostrophes(str)
	d = f.doppelString(str)
	if len(d.tags) == 0 {
		return nil, false
	}
	var state []nestFrame
	for i := 0; i < len(d.tags); i++ {
		tag := d.tags[i]
		if ap := apostropheForce(tag, d.strings[i+1]); ap != "" {
			d.strings[i+1] = ap + d.strings[i+1]
			d.tags[i] = ""
			continue
		}
		fixtag, hasFix := 0, false
		for {
			hasFix = false
			if f.fs.openers[tag] {
				s := f.fs.specs[tag]
				state = append(state, nestFrame{kind: s.kind, closer: s.closer, pos: i})
				break
			}
			// a closer
			var top *nestFrame
			if len(state) > 0 {
				top = &state[len(state)-1]
			}
			if top != nil && tag == top.closer {
				state = state[:len(state)-1]
				if top.kind == "nocase" {
					d.tags[top.pos] = ""
					d.tags[i] = ""
				}
				break
			}
			if top != nil {
				fixtag = top.pos
			} else {
				fixtag = i
			}
			hasFix = true
			if f.fs.closers[tag] && tag == "'" {
				d.strings[i+1] = "’" + d.strings[i+1]
				d.tags[i] = ""
			} else {
				failed := d.tags[fixtag]
				if d.forced(fixtag - 1) {
					failed = dropFirst(failed)
				}
				d.strings[fixtag+1] = failed + d.strings[fixtag+1]
				d.tags[fixtag] = ""
			}
			if len(state) > 0 && tag != "'" {
				state = state[:len(state)-1]
				continue
			}
			break
		}
		if hasFix {
			d.strings[i+1] = d.tags[i] + d.strings[i+1]
			d.tags[i] = ""
		}
	}
	for i := len(state) - 1; i >= 0; i-- {
		pos := state[i].pos
		tag := d.tags[pos]
		if tag == " '" || tag == "'" {
			d.strings[pos+1] = " ’" + d.strings[pos+1]
		} else {
			d.strings[pos+1] = tag + d.strings[pos+1]
		}
		d.tags[pos] = ""
	}
	return d, leadingSpace
}

// outerQuotes returns which quotes are outer: the first quote decides.
// The space or "(" a quote opener swallowed goes back into the text.
func (d *flipDoppel) outerQuotes() (outerDouble, outerSingle string) {
	outerDouble, outerSingle = "true", "inner"
	seen := false
	for i, tag := range d.tags {
		switch tag {
		case ` "`, ` '`, `("`, `('`:
			if !seen {
				if tag == ` "` || tag == `("` {
					outerDouble, outerSingle = "true", "inner"
				} else {
					outerDouble, outerSingle = "inner", "true"
				}
				seen = true
			}
			if !d.forced(i - 1) {
				d.strings[i] += tag[:1]
			}
		}
	}
	return outerDouble, outerSingle
}

// dropEmptyTags removes the tags emptied (dropped as text), each
// joining the strings on either side of it. A run of them is joined at
// once: joining and removing one at a time took time quadratic in the
// run, and a title of apostrophes is one long run.
func (d *flipDoppel) dropEmptyTags() {
	kept := 0  // the tags kept so far, moved down to d.tags[:kept]
	first := 0 // the first string of the run being joined
	for i := 0; i <= len(d.tags); i++ {
		if i < len(d.tags) && d.tags[i] == "" {
			continue
		}
		// The strings from first to i are one now, before tag i (or
		// at the end).
		joined := d.strings[first]
		if i > first {
			joined = strings.Join(d.strings[first:i+1], "")
		}
		d.strings[kept] = joined
		if i < len(d.tags) {
			d.tags[kept] = d.tags[i]
		}
		kept++
		first = i + 1
	}
	d.tags = d.tags[:kept-1]
	d.strings = d.strings[:kept]
}

// flipFrame is a span open in undoppel: the blob made for it and what
// the decorations around its contents (its own and those of the spans
// and blobs around it) tell a nested span.
type flipFrame struct {
	b *blob
	// fonts are the font attributes (weight, style, variant) that some
	// decoration around sets, in the order citeproc-js finds them when
	// it searches its list of those decorations from the end back: a
	// <span class="nodecor"> sets them to normal in that order.
	fonts  [3]string
	nFonts int
	// nonNormal has the bits (attrBit) of the attributes that some
	// decoration around sets to a value other than "normal".
	nonNormal attrBits
}

// toFront moves the font attribute attr to the front of fr.fonts:
// going through decorations from the outermost in, each moved to the
// front, leaves them in the order a search from the innermost out finds
// them.
func (fr *flipFrame) toFront(attr string) {
	i := 0
	for i < fr.nFonts && fr.fonts[i] != attr {
		i++
	}
	if i == fr.nFonts {
		fr.nFonts++
	}
	copy(fr.fonts[1:i+1], fr.fonts[:i])
	fr.fonts[0] = attr
}

// take adds what the decorations of set tell: set is inside all the
// decorations fr has taken so far.
func (fr *flipFrame) take(set []decoration) {
	for _, d := range set {
		switch d.attr {
		case decFontWeight, decFontStyle, decFontVariant:
			fr.toFront(d.attr)
		}
		if d.value != "normal" {
			fr.nonNormal |= attrBit(d.attr)
		}
	}
}

// flipOuter is what undoppel knows of the decorations around the blob
// it splits (those of the layout, then of the blob's alldecor): the
// value the innermost of them gives each attribute (the last of a
// search from the outermost in), and its frame.
type flipOuter struct {
	value [numAttrs]string
	has   [numAttrs]bool
	frame flipFrame
}

// outerDecorations gathers what undoppel needs of the decorations
// around b in one walk of them, which the flip-flop used to copy and
// search for every span it made.
func (f *flipper) outerDecorations(b *blob) (o flipOuter) {
	o.frame.b = b
	add := func(set []decoration) {
		for _, d := range set {
			if i := attrIndex(d.attr); i >= 0 {
				o.value[i], o.has[i] = d.value, true
			}
		}
	}
	// citeproc-js's list of the decorations around is the layout's, then
	// the blob's alldecor from its own outward; it searches it from the
	// end back.
	layout := f.r.layoutDecorations()
	add(layout)
	for _, d := range layout {
		switch d.attr {
		case decFontWeight, decFontStyle, decFontVariant:
			o.frame.toFront(d.attr)
		}
	}
	for l := b.alldecor; l != nil; l = l.next {
		add(l.set)
		o.frame.take(l.set)
	}
	return o
}

// openDecoration is the decoration of a span open in undoppel: its
// value, the attrIndex of its attribute, and 1 + the index of the
// innermost span of the same attribute around it (0 for none).
type openDecoration struct {
	value string
	attr  int
	prev  int
}

// undoppel makes b's children from d: the text between the tags, in a
// blob for each span the tags open, whose decoration is flipped against
// the nearest of the same attribute around it (italic in italic turns
// normal). Every step takes constant time, however deep the spans nest:
// each span's alldecor links to its parent's rather than copying it,
// and what a nested span asks of the decorations around it is kept on
// the stack of open spans, not searched for.
func (f *flipper) undoppel(b *blob, d *flipDoppel, leadingSpace bool, outerDouble, outerSingle string) {
	outer := f.outerDecorations(b)
	b.kids = b.kids[:0]
	b.isText = false
	b.text = ""
	stack := []flipFrame{outer.frame}
	// reg holds the decorations of the open spans, innermost last;
	// innermost[a] is 1 + the index of the innermost of attribute a.
	var reg []openDecoration
	var innermost [numAttrs]int
	// Each span's decoration is a slice of one of decs, so that they
	// are one allocation.
	decs := make([]decoration, 0, len(d.tags))

	// decorationFor returns the decoration the opener tag gives its
	// span, and pushes it.
	decorationFor := func(tag string) decoration {
		s := f.fs.specs[tag]
		var dec decoration
		switch {
		case innermost[s.attrIndex] > 0:
			dec = decoration{s.attr, s.flip[reg[innermost[s.attrIndex]-1].value]}
		case outer.has[s.attrIndex]:
			dec = decoration{s.attr, s.flip[outer.value[s.attrIndex]]}
		default:
			v := s.outer
			switch tag {
			case ` "`, `("`:
				v = outerDouble
			case ` '`, `('`:
				v = outerSingle
			}
			dec = decoration{s.attr, v}
		}
		reg = append(reg, openDecoration{value: dec.value, attr: s.attrIndex, prev: innermost[s.attrIndex]})
		innermost[s.attrIndex] = len(reg)
		return dec
	}
	addText := func(parent *blob, str string) {
		if str != "" {
			c := f.r.arena.alloc()
			c.text, c.isText = str, true
			c.alldecor = parent.linkDecor()
			parent.kids = append(parent.kids, c)
		}
	}
	// open starts a span decorated with dec inside the innermost.
	open := func(dec decoration) {
		parent := &stack[len(stack)-1]
		var set []decoration
		if dec.attr == decClass && dec.value == "nodecor" {
			// nodecor sets each font attribute around to normal.
			for _, attr := range parent.fonts[:parent.nFonts] {
				set = append(set, decoration{attr, "normal"})
			}
		} else {
			decs = append(decs, dec)
			set = decs[len(decs)-1 : len(decs) : len(decs)]
		}
		nb := f.r.arena.alloc()
		nb.decorations = set
		frame := *parent
		frame.b = nb
		frame.take(set)
		// The span's alldecor is its set, then its parent's, which no
		// one changes once linked: nonNormal sums the list for
		// normalIsOrphan.
		nb.own = decorLink{set: set, next: parent.b.linkDecor(), summed: true, nonNormal: frame.nonNormal}
		nb.alldecor = &nb.own
		parent.b.kids = append(parent.b.kids, nb)
		stack = append(stack, frame)
	}

	// The space processTags put in front goes, and the text's own
	// leading space with it unless it was to stay.
	s0 := strings.TrimPrefix(d.strings[0], " ")
	if !leadingSpace {
		s0 = strings.TrimPrefix(s0, " ")
	}
	addText(b, s0)
	for i, tag := range d.tags {
		if f.fs.openers[tag] {
			open(decorationFor(tag))
		} else {
			if len(reg) > 0 {
				top := reg[len(reg)-1]
				innermost[top.attr] = top.prev
				reg = reg[:len(reg)-1]
			}
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		}
		addText(stack[len(stack)-1].b, d.strings[i+1])
	}
}

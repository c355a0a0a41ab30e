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
	kind   string // "nocase", "nodecor", "tag", "quote"
	closer string
	attr   string
	outer  string
	flip   map[string]string
}

// flipSpecs is built once per processor: the locale's quote marks join
// the straight quotes as openers.
type flipSpecs struct {
	specs   map[string]*nestSpec
	tagRe   *regexp.Regexp
	openers map[string]bool
	closers map[string]bool
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
	var alts []string
	for _, k := range append(keys, closerList...) {
		alts = append(alts, regexp.QuoteMeta(k))
		fs.lastBytes[k[len(k)-1]] = true
	}
	fs.lastBytes["’"[len("’")-1]] = true
	fs.tagRe = regexp.MustCompile("(?:" + strings.Join(alts, "|") + ")")
	return fs
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
	locs := f.fs.tagRe.FindAllStringIndex(s, -1)
	d := &flipDoppel{}
	if len(locs) == 0 {
		d.strings = []string{s}
		return d
	}
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
// it as an apostrophe (it is made typographic again on output).
func straightenApostrophes(s string) string {
	if !strings.Contains(s, "’") {
		return s
	}
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '’' && isRomanesque(rs[i-1]) && isRomanesque(rs[i+1]) {
			rs[i] = '\''
			i++ // the following letter was consumed by the match
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
	str := b.text
	if !f.fs.mayHaveTags(str) {
		return
	}
	leadingSpace := strings.HasPrefix(str, " ") && !leadingQuoteRe.MatchString(str)
	str = " " + straightenApostrophes(str)
	d := f.doppelString(str)
	if len(d.tags) == 0 {
		return
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
			_ = fixtag
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
	d.dropEmptyTags()
	// The first quote decides which form is outer; the space or "(" a
	// quote opener swallowed goes back into the text.
	outerDouble := "true"
	outerSingle := "inner"
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
	f.undoppel(b, d, leadingSpace, outerDouble, outerSingle)
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

func (f *flipper) undoppel(b *blob, d *flipDoppel, leadingSpace bool, outerDouble, outerSingle string) {
	orig := b
	b.kids = nil
	b.isText = false
	b.text = ""
	first := true
	stack := []*blob{b}
	var reg []decoration
	layout := f.r.layoutDecorations()

	outerFor := func(tag string) string {
		s := f.fs.specs[tag]
		switch tag {
		case ` "`, `("`:
			return outerDouble
		case ` '`, `('`:
			return outerSingle
		}
		return s.outer
	}
	set := func(tag string) decoration {
		s := f.fs.specs[tag]
		var found *decoration
		for i := len(reg) - 1; i >= 0; i-- {
			if reg[i].attr == s.attr {
				found = &reg[i]
				break
			}
		}
		if found == nil {
			all := append([][]decoration{layout}, orig.alldecor.decorSets()...)
		outer:
			for i := len(all) - 1; i >= 0; i-- {
				for j := len(all[i]) - 1; j >= 0; j-- {
					if all[i][j].attr == s.attr {
						x := all[i][j]
						found = &x
						break outer
					}
				}
			}
		}
		var dec decoration
		if found == nil {
			dec = decoration{s.attr, outerFor(tag)}
		} else {
			dec = decoration{s.attr, s.flip[found.value]}
		}
		reg = append(reg, dec)
		return dec
	}
	add := func(str string, dec *decoration) {
		if first {
			str = strings.TrimPrefix(str, " ")
			str = strings.TrimPrefix(str, " ")
			first = false
		}
		latest := stack[len(stack)-1]
		if dec != nil {
			nb := &blob{}
			alldecor := latest.alldecor.decorSets()
			if dec.attr == decClass && dec.value == "nodecor" {
				var set []decoration
				seenAttr := map[string]bool{}
				all := append([][]decoration{layout}, alldecor...)
				for i := len(all) - 1; i >= 0; i-- {
					for j := len(all[i]) - 1; j >= 0; j-- {
						od := all[i][j]
						if (od.attr == decFontWeight || od.attr == decFontStyle || od.attr == decFontVariant) && !seenAttr[od.attr] {
							nb.decorations = append(nb.decorations, decoration{od.attr, "normal"})
							set = append(set, decoration{od.attr, "normal"})
							seenAttr[od.attr] = true
						}
					}
				}
				nb.alldecor = decorList(append(alldecor, set))
			} else {
				nb.decorations = append(nb.decorations, *dec)
				nb.alldecor = decorList(append(alldecor, []decoration{*dec}))
			}
			latest.kids = append(latest.kids, nb)
			stack = append(stack, nb)
			latest = nb
			if str != "" {
				c := &blob{text: str, isText: true}
				c.alldecor = latest.linkDecor()
				latest.kids = append(latest.kids, c)
			}
			return
		}
		if str != "" {
			c := &blob{text: str, isText: true}
			c.alldecor = latest.linkDecor()
			latest.kids = append(latest.kids, c)
		}
	}
	s0 := d.strings[0]
	if leadingSpace {
		s0 = " " + s0
	}
	add(s0, nil)
	for i, tag := range d.tags {
		str := d.strings[i+1]
		if f.fs.openers[tag] {
			dec := set(tag)
			add(str, &dec)
		} else {
			if len(reg) > 0 {
				reg = reg[:len(reg)-1]
			}
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			add(str, nil)
		}
	}
}

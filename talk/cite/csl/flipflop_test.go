package csl

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFlipFlop holds processTags, which joins the text of dropped tags in
// one pass and links each span's decorations to those around it, to the
// way it was ported from citeproc-js and is kept here as the definition
// (processTagsPlain): one tag dropped at a time, and every span given a
// copy of all the decorations around it. For any text, in every locale's
// quotes and inside each set of decorations around, both make the same
// tree: the same text, the same decorations, and the same list of the
// decorations around each blob (alldecor), in citeproc-js's order. And
// it holds findTags to the regular expression citeproc-js finds the
// tags with, on any text, valid UTF-8 or not.
func FuzzFlipFlop(f *testing.F) {
	for _, s := range flipFlopSeeds(f) {
		f.Add(s)
	}
	type quotes struct{ open, close, openInner, closeInner string }
	var flippers []*flipper
	for _, q := range []quotes{{"“", "”", "‘", "’"}, {"«", "»", "“", "”"}, {"„", "“", "‚", "‘"}, {`"`, `"`, `'`, `'`}} {
		for _, layout := range [][]decoration{nil, {{decFontStyle, "italic"}, {decFontWeight, "bold"}}} {
			r := &renderer{a: &area{layoutTok: fmtToken{decorations: layout}}, arena: new(blobArena)}
			flippers = append(flippers, &flipper{fs: newFlipSpecs(q.open, q.close, q.openInner, q.closeInner), r: r})
		}
	}
	// The decorations of the blob and of the levels around it, from
	// its own out.
	arounds := [][][]decoration{
		{nil},
		{{{decFontStyle, "italic"}}},
		{{{decQuotes, "true"}}, {{decFontWeight, "bold"}, {decFontVariant, "small-caps"}}},
		{nil, {{decFontStyle, "normal"}}, {{decVertical, "sup"}, {decFontStyle, "italic"}}, {{decQuotes, "inner"}, {decClass, "nodecor"}}},
	}
	var tagRes []*regexp.Regexp
	for _, fl := range flippers {
		var alts []string
		for _, tag := range fl.fs.tags {
			alts = append(alts, regexp.QuoteMeta(tag))
		}
		tagRes = append(tagRes, regexp.MustCompile("(?:"+strings.Join(alts, "|")+")"))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, fl := range flippers {
			var want [][2]int
			for _, loc := range tagRes[i].FindAllStringIndex(s, -1) {
				want = append(want, [2]int{loc[0], loc[1]})
			}
			if got := fl.fs.findTags(s, nil); !slices.Equal(got, want) {
				t.Fatalf("findTags(%q) = %v, want %v (%s)", s, got, want, tagRes[i])
			}
		}
		if len(s) > 512 {
			// The seeds hold the hostile shapes; the plain way takes
			// time quadratic in them, and the comparison more.
			return
		}
		for _, fl := range flippers {
			for _, around := range arounds {
				var tail *decorLink
				for i := len(around) - 1; i >= 1; i-- {
					tail = &decorLink{set: around[i], next: tail}
				}
				got, want := &blob{text: s, isText: true}, &blob{text: s, isText: true}
				for _, b := range []*blob{got, want} {
					b.decorations = around[0]
					b.own = decorLink{set: around[0], next: tail}
					b.alldecor = &b.own
				}
				fl.processTags(got)
				processTagsPlain(fl, want)
				if w, g, ok := sameBlobs(flattenBlob(t, want, false), flattenBlob(t, got, true)); !ok {
					t.Fatalf("processTags(%q), layout %v, around %v: the first blob to differ is\n%s\nwhere the plain way's is\n%s", s, fl.r.layoutDecorations(), around, g, w)
				}
			}
		}
	})
}

// romanesqueApostrophe is citeproc-js's pattern for a typographic
// apostrophe between two letters (ROMANESQUE_REGEXP on either side),
// which processTags makes straight with a global replace: each match
// takes the letter after the apostrophe, so "rock’n’roll" becomes
// "rock'n’roll", not "rock'n'roll".
var romanesqueApostrophe = regexp.MustCompile("([-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e])\u2019([-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e])")

// FuzzStraightenApostrophes holds straightenApostrophes to citeproc-js's
// replace, on any text of valid UTF-8 (item fields are: encoding/json
// makes them so).
func FuzzStraightenApostrophes(f *testing.F) {
	for _, s := range []string{"", "Don’t", "rock’n’roll", "a’b’c’d", "a’b c’d", "l’état O’Neil 90’s", "’a’", "x’’y", "Ж’ж’ж", "a’-’b", "1’2’3’4’5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := straightenApostrophes(s), romanesqueApostrophe.ReplaceAllString(s, "$1'$2"); got != want {
			t.Errorf("straightenApostrophes(%q) = %q, citeproc-js's replace gives %q", s, got, want)
		}
	})
}

// flipFlopSeeds are the titles of the test items that have markup or
// quotes, and hostile shapes: quotes and markup nested, unbalanced and
// unclosed, and runs of apostrophes.
func flipFlopSeeds(t testing.TB) []string {
	seeds := []string{
		`"a 'b "c" d' e"`, `"a 'b `, "don't it's 'tis ", `<i>a <b>b <sup>c `, `<i>a <b>b c</b></i>`,
		`<span class="nocase">iOS</span> and <span class="nodecor">x <i>y</i></span>`,
		`<span style="font-variant:small-caps;">SC</span> <sc>sc</sc> <sub>2</sub>`,
		`“a ‘b’ c” «d» „e“ ‚f‘ (“g”) ('h') ("i")`, ` 'lead`, ` "lead"`, `'`, `"`, `</i>`, `a</i> <i>b`,
		`<i><i><i>x</i></i></i>`, `<b><i>x</i><i>y</i></b> <i><b>z</b></i>`, `‘’ l’état O’Neil 90’s`,
		`<span class="nodecor"><span class="nodecor">x</span></span>`, `<sup><sub>x</sub></sup>`,
		`'a' "b" 'c "d' e"`, `" ' " ' '`, `x '' y "" z`, `(<i>x</i>)`, `"<i>"</i>`,
		"\xe2\x80 \xe2\x80\x9c\xff “x\xe2”", "\xf0\xe2\x80\x9cy\xe2\x80\x9d", "<sup<sub></su</sup>", "<span class=\"nocase\"</span>",
	}
	nest := func(open, inner, close string, k int) string {
		return strings.Repeat(open, k) + inner + strings.Repeat(close, k)
	}
	seeds = append(seeds,
		nest(`"a 'b `, "c", ` b' a"`, 20), nest("<i>a <b>b ", "c", "</b></i>", 20),
		nest(`<span class="nodecor"><i>`, "x", "</i></span>", 8), nest("<sup>", "x", "</sup>", 8)+" <sup>y</sup>",
		strings.Repeat(`"a 'b `, 20), strings.Repeat("don't it's 'tis ", 20), strings.Repeat("<i>a <b>b <sup>c ", 20),
		"<i>"+strings.Repeat("<b>", 10)+strings.Repeat("<i>x</i>", 5),
	)
	for _, it := range testItems(t, "fixtures.json", "general.json") {
		if title := it.Fields["title"]; strings.ContainsAny(title, `<"'“‘`) {
			seeds = append(seeds, title)
		}
	}
	return seeds
}

// flatBlob is a blob as FuzzFlipFlop compares it: its depth in the
// tree, its text and decorations, and its alldecor as a list of sets.
type flatBlob struct {
	depth       int
	text        string
	isText      bool
	decorations []decoration
	alldecor    [][]decoration
}

func (fb flatBlob) String() string {
	return fmt.Sprintf("%s%q text %v decorations %v alldecor %v", strings.Repeat(" ", fb.depth), fb.text, fb.isText, fb.decorations, fb.alldecor)
}

// flattenBlob lists b and the blobs under it, depth first. linked tells
// that b was made by processTags, whose lists of decorations start with
// its spans' own (summed links), innermost first, where the plain way's
// end with them, outermost first: they are put in the plain way's
// order, and the sums checked.
func flattenBlob(t *testing.T, b *blob, linked bool) []flatBlob {
	var list []flatBlob
	var walk func(b *blob, depth int)
	walk = func(b *blob, depth int) {
		fb := flatBlob{depth: depth, text: b.text, isText: b.isText, decorations: b.decorations}
		if l := b.alldecor; linked && l != nil && l.summed {
			// The first link's sum is that of the list, and each
			// summed link is the first of its span's list.
			var sum attrBits
			for m := l; m != nil; m = m.next {
				for _, d := range m.set {
					if d.value != "normal" {
						sum |= attrBit(d.attr)
					}
				}
			}
			if sum != l.nonNormal {
				t.Errorf("the alldecor of %q sums %b, its sets %b", b.text, l.nonNormal, sum)
			}
		}
		var spans [][]decoration
		for l := b.alldecor; l != nil; l = l.next {
			if !linked || !l.summed {
				fb.alldecor = append(fb.alldecor, l.set)
				continue
			}
			if len(fb.alldecor) > 0 {
				t.Errorf("a summed link of %q follows one that is not", b.text)
			}
			spans = append(spans, l.set)
		}
		for i := len(spans) - 1; i >= 0; i-- {
			fb.alldecor = append(fb.alldecor, spans[i])
		}
		list = append(list, fb)
		for _, k := range b.kids {
			walk(k, depth+1)
		}
	}
	walk(b, 0)
	return list
}

// sameBlobs compares two flattened trees; on a difference it returns
// the blob of each that differs (or "none" past the end).
func sameBlobs(want, got []flatBlob) (w, g string, same bool) {
	for i := 0; i < max(len(want), len(got)); i++ {
		if i >= len(want) || i >= len(got) ||
			want[i].depth != got[i].depth || want[i].text != got[i].text || want[i].isText != got[i].isText ||
			!slices.Equal(want[i].decorations, got[i].decorations) ||
			!slices.EqualFunc(want[i].alldecor, got[i].alldecor, slices.Equal) {
			w, g = "none", "none"
			if i < len(want) {
				w = want[i].String()
			}
			if i < len(got) {
				g = got[i].String()
			}
			return w, g, false
		}
	}
	return "", "", true
}

// processTagsPlain is processTags as it was ported from citeproc-js,
// the definition FuzzFlipFlop holds it to: each dropped tag joined to
// the text after it and removed from the lists on its own, and each
// span given a copy of all the decorations around it (undoppelPlain).
// Pairing the tags and finding the outer quotes are processTags's own:
// the two ways differ only after.
func processTagsPlain(f *flipper, b *blob) {
	d, leadingSpace := f.pairTags(b.text)
	if d == nil {
		return
	}
	for i := len(d.tags) - 1; i >= 0; i-- {
		if d.tags[i] == "" {
			d.strings[i] += d.strings[i+1]
			d.tags = append(d.tags[:i], d.tags[i+1:]...)
			d.strings = append(d.strings[:i+1], d.strings[i+2:]...)
		}
	}
	outerDouble, outerSingle := d.outerQuotes()
	undoppelPlain(f, b, d, leadingSpace, outerDouble, outerSingle)
}

// undoppelPlain is undoppel as it was ported from citeproc-js.
func undoppelPlain(f *flipper, b *blob, d *flipDoppel, leadingSpace bool, outerDouble, outerSingle string) {
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

// decorSets returns the sets of l in order, as citeproc-js's alldecor
// array.
func (l *decorLink) decorSets() [][]decoration {
	var sets [][]decoration
	for ; l != nil; l = l.next {
		sets = append(sets, l.set)
	}
	return sets
}

// decorList makes a list of sets.
func decorList(sets [][]decoration) *decorLink {
	var l *decorLink
	for i := len(sets) - 1; i >= 0; i-- {
		l = &decorLink{set: sets[i], next: l}
	}
	return l
}

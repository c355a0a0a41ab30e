package csl

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// FuzzFlipFlop holds processTags, which joins the text of dropped tags in
// one pass, to the way it was ported from citeproc-js and is kept here
// as the definition (processTagsPlain): one tag dropped at a time. For
// any text, in every locale's quotes and inside each set of decorations
// around, both make the same tree: the same text, the same decorations,
// and the same list of the decorations around each blob (alldecor).
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
	f.Fuzz(func(t *testing.T, s string) {
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
				if w, g, ok := sameBlobs(flattenBlob(want), flattenBlob(got)); !ok {
					t.Fatalf("processTags(%q), layout %v, around %v: the first blob to differ is\n%s\nwhere the plain way's is\n%s", s, fl.r.layoutDecorations(), around, g, w)
				}
			}
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
	for _, name := range []string{"testdata/fixtures.json", "testdata/general.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		items, err := ParseItems(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if title := it.Fields["title"]; strings.ContainsAny(title, `<"'“‘`) {
				seeds = append(seeds, title)
			}
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

// flattenBlob lists b and the blobs under it, depth first.
func flattenBlob(b *blob) []flatBlob {
	var list []flatBlob
	var walk func(b *blob, depth int)
	walk = func(b *blob, depth int) {
		fb := flatBlob{depth: depth, text: b.text, isText: b.isText, decorations: b.decorations}
		for l := b.alldecor; l != nil; l = l.next {
			fb.alldecor = append(fb.alldecor, l.set)
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
// the text after it and removed from the lists on its own.
func processTagsPlain(f *flipper, b *blob) {
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
	for i := len(d.tags) - 1; i >= 0; i-- {
		if d.tags[i] == "" {
			d.strings[i] += d.strings[i+1]
			d.tags = append(d.tags[:i], d.tags[i+1:]...)
			d.strings = append(d.strings[:i+1], d.strings[i+2:]...)
		}
	}
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

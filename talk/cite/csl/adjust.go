package csl

import "strings"

// Punctuation at blob boundaries is merged and moved in four passes over
// the output tree, exactly as citeproc-js's CSL.Output.Queue.adjust does:
// "upward" lifts leading and trailing spaces out of children, "leftward"
// merges a sibling's leading punctuation into the previous suffix,
// "downward" pushes delimiters and suffixes onto children and removes
// duplicates (".." → "."), and "fix" moves punctuation into or out of
// quotation marks as the locale wants ("Title." or "Title".).

// ltoR is citeproc-js's PUNCTUATION_MERGE: what a mark (the key) and the
// mark after it become when they meet.
var ltoR = map[string]map[string]string{
	"!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
	"?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
	".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
	":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
	",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
	";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}

// mergingPunct are the marks of ltoR, numbered for punctMerges.
const mergingPunct = "!?.:,;"

// punctMerges is ltoR as a table, by the numbers of the left and the
// right mark (punctIndex): looking marks up by hashing them was most of
// the time the passes took.
var punctMerges = func() (t [len(mergingPunct)][len(mergingPunct)]string) {
	for l, sub := range ltoR {
		for r, v := range sub {
			t[punctIndex(l)][punctIndex(r)] = v
		}
	}
	return t
}()

// punctIndex returns the number of a mark of mergingPunct, or -1.
func punctIndex(c string) int {
	if len(c) != 1 {
		return -1
	}
	return strings.IndexByte(mergingPunct, c[0])
}

// mergedPunct returns ltoR[left][right] (rtoL[right][left]); ok is
// false when left or right is not a mark of mergingPunct, or both are
// the same.
func mergedPunct(left, right string) (merged string, ok bool) {
	l, r := punctIndex(left), punctIndex(right)
	if l < 0 || r < 0 || l == r {
		return "", false
	}
	return punctMerges[l][r], true
}

func isPunct(c string) bool {
	switch c {
	case "!", "?", ".", ":", ",", ";":
		return true
	}
	return false
}

func isPunctOrSpace(c string) bool { return isPunct(c) || c == " " || c == "\u00a0" }

func isSwapIn(c string) bool  { return c == "!" || c == "?" || c == "." || c == "," }
func isSwapOut(c string) bool { return c == ":" || c == "," || c == ";" }

// mergeChars merges the last character of *first with the first of
// *second; mergeRight moves the result to the right-hand string.
func mergeChars(first, second *string, mergeRight bool) {
	fc, sc := lastRune(*first), firstRune(*second)
	if fc == sc {
		if mergeRight {
			*first = dropLast(*first)
		} else {
			*second = dropFirst(*second)
		}
		return
	}
	if mergeRight {
		if punctIndex(fc) < 0 {
			return
		}
		if chr, ok := mergedPunct(fc, sc); ok {
			*first = dropLast(*first)
			*second = chr + dropFirst(*second)
		} else {
			*second = fc + *second
			*first = dropLast(*first)
		}
		return
	}
	if punctIndex(sc) < 0 {
		return
	}
	if chr, ok := mergedPunct(fc, sc); ok {
		*first = dropLast(*first) + chr
		*second = dropFirst(*second)
	} else {
		*first += sc
		*second = dropFirst(*second)
	}
}

func hasFormatting(b *blob, withQuotes bool) bool {
	for _, d := range b.decorations {
		switch d.attr {
		case decFontStyle, decFontVariant, decFontWeight, decTextDecor, decVertical:
			return true
		case decQuotes:
			if withQuotes {
				return true
			}
		}
	}
	return false
}

func hasDescendantQuotes(b *blob) bool {
	for _, d := range b.decorations {
		if d.attr == decQuotes && d.value != "false" {
			return true
		}
	}
	if b.isText || len(b.kids) == 0 {
		return false
	}
	return hasDescendantQuotes(b.kids[len(b.kids)-1])
}

func hasDescendantMergingPunct(parentChar string, b *blob) bool {
	childChar := lastRune(b.suffix)
	if childChar == "" && b.isText {
		childChar = lastRune(b.text)
	}
	if v, ok := mergedPunct(childChar, parentChar); ok && len(v) == 1 {
		return true
	}
	if b.isText || len(b.kids) == 0 {
		return false
	}
	return hasDescendantMergingPunct(parentChar, b.kids[len(b.kids)-1])
}

func isNumberBlob(b *blob) bool {
	return b.num != nil || (!b.isText && len(b.kids) == 1 && b.kids[0].num != nil)
}

func endsInNumber(b *blob) bool {
	if b.num != nil {
		return true
	}
	if b.isText || len(b.kids) == 0 {
		return false
	}
	return endsInNumber(b.kids[len(b.kids)-1])
}

func matchLastChar(b *blob, chr string) bool {
	if !isPunct(chr) {
		return false
	}
	if b.isText {
		return lastRune(b.text) == chr
	}
	if len(b.kids) == 0 {
		return false
	}
	c := b.kids[len(b.kids)-1]
	cc := lastRune(c.suffix)
	if cc == "" {
		return matchLastChar(c, chr)
	}
	return cc == chr
}

func adjustUpward(p *blob) {
	if p.isText {
		if p.text != "" {
			if c := firstRune(p.suffix); isPunct(c) && c == lastRune(p.text) {
				p.suffix = dropFirst(p.suffix)
			}
		}
		return
	}
	if len(p.kids) == 0 {
		return
	}
	pDec := hasFormatting(p, true)
	for i := len(p.kids) - 1; i >= 0; i-- {
		c := p.kids[i]
		adjustUpward(c)
		if i == 0 {
			if lastRune(p.prefix) == " " && firstRune(c.prefix) == " " {
				c.prefix = dropFirst(c.prefix)
			}
			if ch := firstRune(c.prefix); !pDec && isPunctOrSpace(ch) && p.prefix == "" {
				p.prefix += ch
				c.prefix = dropFirst(c.prefix)
			}
		}
		if i == len(p.kids)-1 {
			if ch := lastRune(c.suffix); !pDec && ch == " " {
				if firstRune(p.suffix) != ch {
					p.suffix = ch + p.suffix
				}
				c.suffix = dropLast(c.suffix)
			}
		}
		if p.delimiter != "" && i > 0 {
			if d := lastRune(p.delimiter); isPunctOrSpace(d) && d == firstRune(c.prefix) {
				c.prefix = dropFirst(c.prefix)
			}
		}
	}
}

func adjustLeftward(p *blob) {
	if p.isText || len(p.kids) == 0 {
		return
	}
	for i := len(p.kids) - 1; i >= 0; i-- {
		adjustLeftward(p.kids[i])
		if i < len(p.kids)-1 && p.delimiter == "" {
			c, s := p.kids[i], p.kids[i+1]
			sc := firstRune(s.prefix)
			if !hasFormatting(c, false) && !hasFormatting(s, false) && isPunct(sc) {
				prefixMatch := sc == lastRune(c.suffix)
				fieldMatch := c.suffix == "" && c.isText && lastRune(c.text) == sc
				if !prefixMatch && !fieldMatch {
					mergeChars(&c.suffix, &s.prefix, false)
				} else {
					s.prefix = dropFirst(s.prefix)
				}
			}
		}
	}
}

func adjustDownward(p *blob, punctInQuote bool) {
	if p.isText {
		if p.text != "" {
			if c := firstRune(p.suffix); isPunct(c) && c == lastRune(p.text) {
				p.suffix = dropFirst(p.suffix)
			}
		}
		return
	}
	if len(p.kids) == 0 {
		return
	}
	if d := firstRune(p.delimiter); p.delimiter != "" && isPunct(d) {
		for i := len(p.kids) - 2; i >= 0; i-- {
			c := p.kids[i]
			if lastRune(c.suffix) != d {
				c.suffix += d
			}
		}
		p.delimiter = dropFirst(p.delimiter)
	}
	for i := len(p.kids) - 1; i >= 0; i-- {
		c := p.kids[i]
		cDec := hasFormatting(c, true)
		cNum := isNumberBlob(c)
		if i == len(p.kids)-1 {
			pc := firstRune(p.suffix)
			allow := false
			if isPunct(pc) {
				allow = hasDescendantMergingPunct(pc, c)
				if !allow && punctInQuote {
					allow = hasDescendantQuotes(c)
				}
			}
			if allow && !endsInNumber(c) {
				if c.isText {
					mergeChars(&c.text, &p.suffix, false)
				} else {
					mergeChars(&c.suffix, &p.suffix, false)
				}
				if firstRune(p.suffix) == "." {
					c.suffix += "."
					p.suffix = dropFirst(p.suffix)
				}
			}
			// citeproc-js drops the parent's leading space after a
			// child's suffix that ends in a no-break space, not in a
			// space: one of those is dropped below.
			if lastRune(c.suffix) == "\u00a0" && firstRune(p.suffix) == " " {
				p.suffix = dropFirst(p.suffix)
			}
			if isPunctOrSpace(firstRune(c.suffix)) {
				if c.isText && lastRune(c.text) == firstRune(c.suffix) {
					c.suffix = dropFirst(c.suffix)
				}
				if lastRune(c.suffix) == firstRune(p.suffix) {
					// citeproc-js drops the last character here, not the
					// first: a suffix " x" after a suffix " " of a child
					// in formatting (which keeps its space) is " ".
					p.suffix = dropLast(p.suffix)
				}
			}
			if matchLastChar(p, firstRune(p.suffix)) {
				p.suffix = dropFirst(p.suffix)
			}
		} else if p.delimiter != "" {
			if d := firstRune(p.delimiter); isPunctOrSpace(d) && d == lastRune(c.suffix) {
				c.suffix = dropLast(c.suffix)
			}
		} else {
			s := p.kids[i+1]
			if ch := lastRune(c.suffix); !isNumberBlob(c) && !cDec && isPunctOrSpace(ch) && ch == firstRune(s.prefix) {
				s.prefix = dropFirst(s.prefix)
			}
		}
		if !cNum && !cDec && isPunct(firstRune(c.suffix)) && c.isText {
			mergeChars(&c.text, &c.suffix, false)
		}
		adjustDownward(c, punctInQuote)
	}
}

func swapToTheLeft(c *blob) {
	for isSwapIn(firstRune(c.suffix)) {
		if c.isText {
			mergeChars(&c.text, &c.suffix, false)
		} else {
			mergeChars(&c.kids[len(c.kids)-1].suffix, &c.suffix, false)
		}
	}
}

func swapToTheRight(c *blob) {
	if c.isText {
		for isSwapOut(lastRune(c.text)) {
			mergeChars(&c.text, &c.suffix, true)
		}
		return
	}
	if len(c.kids) == 0 {
		return
	}
	last := c.kids[len(c.kids)-1]
	for isSwapOut(lastRune(last.suffix)) {
		mergeChars(&last.suffix, &c.suffix, true)
	}
}

func adjustFix(p *blob, punctInQuote bool) {
	if p.isText || len(p.kids) == 0 {
		return
	}
	for _, c := range p.kids {
		swap := false
		for _, d := range c.decorations {
			if d.attr == decQuotes && d.value != "false" {
				swap = true
			}
		}
		if swap {
			if punctInQuote {
				swapToTheLeft(c)
			} else {
				swapToTheRight(c)
			}
		}
		adjustFix(c, punctInQuote)
	}
}

// adjustPunctuation runs the four passes on one entry or citation.
func adjustPunctuation(b *blob, punctInQuote bool) {
	adjustUpward(b)
	adjustLeftward(b)
	adjustDownward(b, punctInQuote)
	adjustFix(b, punctInQuote)
}

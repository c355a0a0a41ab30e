package csl

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// doppel is a string split at "tags" (markup, quotes, punctuation or
// spaces, depending on the splitter): strings[i] lies before tags[i].
// A tag emptied by the splitter's apostrophe rule stays as "" so that
// positions keep their meaning.
type doppel struct {
	tags, strings, orig []string
}

// doppeler splits strings where find says and joins them again, like
// citeproc-js's CSL.Doppeler with its regular expression: find returns
// the expression's matches, as regexp's FindAllStringIndex does.
type doppeler struct {
	find   func(s string) [][]int
	mangle func(string) string
}

func (d *doppeler) split(s string) *doppel {
	if d.mangle != nil {
		s = d.mangle(s)
	}
	locs := d.find(s)
	out := &doppel{}
	if len(locs) == 0 {
		both := []string{s, s} // one allocation for the two
		out.strings, out.orig = both[:1:1], both[1:]
		return out
	}
	out.tags = make([]string, len(locs))
	out.strings = make([]string, len(locs)+1)
	prev := 0
	for i, l := range locs {
		out.strings[i] = s[prev:l[0]]
		out.tags[i] = s[l[0]:l[1]]
		prev = l[1]
	}
	out.strings[len(locs)] = s[prev:]
	for i := len(out.tags) - 1; i >= 0; i-- {
		if out.tags[i] == "'" && out.strings[i+1] != "" {
			out.strings[i+1] = "'" + out.strings[i+1]
			out.tags[i] = ""
		}
	}
	out.orig = append([]string(nil), out.strings...)
	return out
}

func (d *doppel) join() string {
	var b strings.Builder
	for i, s := range d.strings {
		b.WriteString(s)
		if i < len(d.tags) {
			b.WriteString(d.tags[i])
		}
	}
	return b.String()
}

var (
	smallCapsSpanRe = regexp.MustCompile(`(<span)\s+(style="font-variant:)\s*(small-caps);?(")[^>]*(>)`)
	noCaseSpanRe    = regexp.MustCompile(`(<span)\s+(class="no(?:case|decor)")[^>]*(>)`)

	// tagDoppel splits a field at what text-case must see: quotes,
	// punctuation and inline markup.
	tagDoppel = &doppeler{
		find: findTags,
		mangle: func(s string) string {
			if !strings.Contains(s, "<span") {
				return s
			}
			s = replaceAll(noCaseSpanRe, s, "$1 $2$3")
			return replaceAll(smallCapsSpanRe, s, "$1 $2 $3;$4$5")
		},
	}
	// wordDoppel splits at runs of spaces, and only of the space
	// characters citeproc-js lists (not tabs or line breaks).
	wordDoppel = &doppeler{find: findSpaceRuns}
	// nameDoppel splits a given name at spaces, hyphens and markup, for
	// initials.
	// (citeproc-js's pattern loses the backslash of "span\s+class", so
	// it reads "spans+class": kept.)
	nameDoppel  = &doppeler{find: findNameSplits}
	nameSplitRe = regexp.MustCompile(`(?:[-` + jsSpaceChars + `]*</*(?:spans+class="no(?:case|decor)"|i|sc|b|sub|sup)>[-` + jsSpaceChars + `]*|[-` + jsSpaceChars + `]+)`)
)

// findNameSplits returns the matches of nameSplitRe in s. Every match
// holds a "<", a "-" or a space, and most given names have none of them:
// those skip the expression, which was 1% of an APA entry.
func findNameSplits(s string) [][]int {
	if !strings.ContainsAny(s, "<-") && !strings.ContainsFunc(s, isJSSpace) {
		return nil
	}
	return nameSplitRe.FindAllStringIndex(s, -1)
}

// tags are what citeproc-js's tag splitter matches, in the order of its
// expression's alternatives (‘|’|“|”| "| '|"|'|[-–—/.,;?!:]|\[|\]|\(|\)|
// <span style="font-variant: small-caps;">|<span class="no(?:case|decor)">|
// </span>|</?(?:i|sc|b|sub|sup)>): all fixed strings, so a scan that tries
// them in that order at each byte finds the matches the expression finds
// (each starts with ASCII or with the lead byte 0xE2, never inside a
// character). text-case runs it on every field it changes; with the
// space splitter's, the expression was 4% of an APA entry's time.
var tags = [...]string{
	"‘", "’", "“", "”", ` "`, ` '`, `"`, `'`,
	"-", "–", "—", "/", ".", ",", ";", "?", "!", ":",
	"[", "]", "(", ")",
	`<span style="font-variant: small-caps;">`, `<span class="nocase">`, `<span class="nodecor">`, "</span>",
	"<i>", "</i>", "<sc>", "</sc>", "<b>", "</b>", "<sub>", "</sub>", "<sup>", "</sup>",
}

// tagStarts marks the first bytes of tags.
var tagStarts = func() (t [256]bool) {
	for _, tag := range tags {
		t[tag[0]] = true
	}
	return t
}()

// findTags returns where tags occur in s, leftmost first, as
// FindAllStringIndex of citeproc-js's expression does.
func findTags(s string) [][]int {
	var flat []int
	for i := 0; i < len(s); i++ {
		if !tagStarts[s[i]] {
			continue
		}
		for _, tag := range tags {
			if strings.HasPrefix(s[i:], tag) {
				flat = append(flat, i, i+len(tag))
				i += len(tag) - 1
				break
			}
		}
	}
	return pairs(flat)
}

// pairs makes the [][]int of FindAllStringIndex from the start and end
// offsets in flat, in one allocation beside flat's, rather than one per
// match.
func pairs(flat []int) [][]int {
	if len(flat) == 0 {
		return nil
	}
	locs := make([][]int, len(flat)/2)
	for k := range locs {
		locs[k] = flat[2*k : 2*k+2 : 2*k+2]
	}
	return locs
}

// findSpaceRuns returns where runs of U+0020, U+00A0, U+2000-U+200B,
// U+205F and U+3000 occur in s, as FindAllStringIndex of
// "[\u00A0\u0020\u2000-\u200B\u205F\u3000]+" does.
func findSpaceRuns(s string) [][]int {
	var flat []int
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		space := r == ' ' || r == '\u00a0' || r >= '\u2000' && r <= '\u200b' || r == '\u205f' || r == '\u3000'
		switch {
		case space && start < 0:
			start = i
		case !space && start >= 0:
			flat = append(flat, start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		flat = append(flat, start, len(s))
	}
	return pairs(flat)
}

// stopWordMatcher tells whether a lower-cased word is a title-case stop
// word with citeproc-js's expression: the word (where "." in the list
// matches any character) starting the string or following a space or a
// hyphen, and followed by the end, a hyphen, or optional "!?:" and a
// space.
type stopWordMatcher struct {
	words [][]rune
}

func newStopWordMatcher(words []string) *stopWordMatcher {
	m := &stopWordMatcher{}
	for _, w := range words {
		m.words = append(m.words, []rune(w))
	}
	return m
}

func (m *stopWordMatcher) match(s string) bool {
	rs := []rune(s)
	for p := 0; p < len(rs); p++ {
		if p > 0 && rs[p-1] != '-' && !isJSSpace(rs[p-1]) {
			continue
		}
		for _, w := range m.words {
			if p+len(w) > len(rs) {
				continue
			}
			ok := true
			for k, c := range w {
				r := rs[p+k]
				if c == '.' {
					if isLineTerminator(r) {
						ok = false
						break
					}
				} else if r != c {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			q := p + len(w)
			if q == len(rs) || rs[q] == '-' {
				return true
			}
			for q < len(rs) && (rs[q] == '!' || rs[q] == '?' || rs[q] == ':') {
				q++
			}
			if q < len(rs) && isJSSpace(rs[q]) {
				return true
			}
		}
	}
	return false
}

// caseCtx carries what case mapping depends on: the languages of the item
// and style, and the locale's stop words.
type caseCtx struct {
	langs []string
	stop  *stopWordMatcher
}

// capitalise upper-cases the first character of a word after leading
// space, leaving a lone Greek letter alone. Like the JavaScript it
// mirrors, the rest of the word is kept only up to a line break.
func (c *caseCtx) capitalise(word string) string {
	i := 0
	for i < len(word) {
		r, n := utf8.DecodeRuneInString(word[i:])
		if !isJSSpace(r) {
			break
		}
		i += n
	}
	if i >= len(word) {
		return word
	}
	r, n := utf8.DecodeRuneInString(word[i:])
	rest := word[i+n:]
	if k := strings.IndexFunc(rest, isLineTerminator); k >= 0 {
		rest = rest[:k]
	}
	if r >= 0x370 && r <= 0x3ff && rest == "" {
		return word
	}
	return word[:i] + jsUpper(string(r), c.langs) + rest
}

func (c *caseCtx) lower(s string) string { return jsLower(s, c.langs) }
func (c *caseCtx) upper(s string) string { return jsUpper(s, c.langs) }

var tagCloseFor = map[string]string{
	`<span style="font-variant: small-caps;">`: "</span>",
	`<span class="nocase">`:                    "</span>",
	`<span class="nodecor">`:                   "</span>",
	"<sc>":                                     "</sc>",
	"<sub>":                                    "</sub>",
	"<sup>":                                    "</sup>",
}

type quoteFrame struct {
	opener, closer string
	pos            int
	hasPos         bool
}

var quoteParams = map[string][2]string{
	` "`: {` '`, `"`},
	` '`: {` "`, `'`},
	"‘":  {"‘", "’"},
	"“":  {"“", "”"},
}

// caseRun is one pass of citeproc-js's text-case engine over a string.
type caseRun struct {
	*caseCtx
	words        func(r *caseRun, s string, i int, followingTag string, hasFollowing bool) string
	quotes       bool // track quotes (sentence, title, capitalize-*)
	afterPunctOn bool
	afterPunct   bool
	isFirst      bool
	quoteState   []quoteFrame
	lastWordPos  *[2]int
	d            *doppel
}

func (r *caseRun) run(s string) string {
	if s == "" {
		return ""
	}
	r.d = tagDoppel.split(s)
	d := r.d
	if len(d.strings) > 0 && jsTrim(d.strings[0]) != "" {
		tag, has := "", false
		if len(d.tags) > 0 {
			tag, has = d.tags[0], true
		}
		d.strings[0] = r.words(r, d.strings[0], 0, tag, has)
	}
	var tagState []string
	for i, tag := range d.tags {
		str := d.strings[i+1]
		if closer, ok := tagCloseFor[tag]; ok {
			tagState = append(tagState, closer)
		} else if len(tagState) > 0 && tag == tagState[len(tagState)-1] {
			tagState = tagState[:len(tagState)-1]
		}
		if r.afterPunctOn && tag != "" {
			switch tag[len(tag)-1] {
			case '!', '?', ':':
				r.afterPunct = true
			}
		}
		if len(tagState) == 0 {
			// citeproc-js passes the whole split here where the following
			// tag is expected, so a hyphen never counts after the first
			// string: keep that.
			d.strings[i+1] = r.words(r, str, i+1, "", false)
		} else if jsTrim(d.strings[i+1]) != "" {
			r.lastWordPos = nil
		}
		if r.quotes {
			if qp, ok := r.quoteFix(tag, i); ok {
				d.strings[qp+1] = firstRune(d.orig[qp+1]) + dropFirst(d.strings[qp+1])
				r.lastWordPos = nil
			}
		}
		if r.isFirst && jsTrim(str) != "" {
			r.isFirst = false
		}
		if r.afterPunct && jsTrim(str) != "" {
			r.afterPunct = false
		}
	}
	for _, q := range r.quoteState {
		if q.hasPos {
			d.strings[q.pos+1] = firstRune(d.orig[q.pos+1]) + dropFirst(d.strings[q.pos+1])
		}
	}
	if r.lastWordPos != nil {
		w := wordDoppel.split(d.strings[r.lastWordPos[0]])
		if r.lastWordPos[1] < len(w.strings) {
			last := w.strings[r.lastWordPos[1]]
			if utf16Len(last) > 1 && r.stop.match(r.lower(last)) {
				w.strings[r.lastWordPos[1]] = r.capitalise(last)
			}
		}
		d.strings[r.lastWordPos[0]] = w.join()
	}
	return d.join()
}

var quoteTagRe = regexp.MustCompile(`(^(?:‘|’|“|”|"|')|(?: "| ')$)`)

// quoteFix follows quotes through the string; it returns the position of
// a string whose first character must be restored.
func (r *caseRun) quoteFix(tag string, pos int) (int, bool) {
	m := quoteTagRe.FindStringSubmatch(tag)
	if m == nil {
		return 0, false
	}
	q := m[1]
	switch q {
	case "“", "‘", ` "`, ` '`:
		p := quoteParams[q]
		if len(r.quoteState) == 0 || q == r.quoteState[len(r.quoteState)-1].opener {
			r.quoteState = append(r.quoteState, quoteFrame{opener: p[0], closer: p[1], pos: pos, hasPos: true})
			return 0, false
		}
		prev := r.quoteState[len(r.quoteState)-1]
		r.quoteState = r.quoteState[:len(r.quoteState)-1]
		r.quoteState = append(r.quoteState, quoteFrame{opener: p[0], closer: p[1]})
		return prev.pos, prev.hasPos
	default:
		if len(r.quoteState) > 0 && q == r.quoteState[len(r.quoteState)-1].closer {
			r.quoteState = r.quoteState[:len(r.quoteState)-1]
			return 0, false
		}
		return pos, true
	}
}

// textCase applies a CSL text-case value, as citeproc-js's formatters do.
func (c *caseCtx) textCase(tc, s string) string {
	switch tc {
	case "lowercase":
		return c.lowercase(s)
	case "uppercase":
		return c.uppercase(s)
	case "capitalize-first":
		return c.capitalizeFirst(s)
	case "capitalize-all":
		return c.capitalizeAll(s)
	case "sentence":
		return c.sentence(s)
	case "title":
		return c.title(s)
	}
	return s
}

func (c *caseCtx) lowercase(s string) string {
	r := &caseRun{caseCtx: c, words: func(r *caseRun, s string, _ int, _ string, _ bool) string {
		ws := strings.Split(s, " ")
		for i, w := range ws {
			if w != "" {
				ws[i] = r.lower(w)
			}
		}
		return strings.Join(ws, " ")
	}}
	return r.run(s)
}

func (c *caseCtx) uppercase(s string) string {
	r := &caseRun{caseCtx: c, words: func(r *caseRun, s string, _ int, _ string, _ bool) string {
		ws := strings.Split(s, " ")
		for i, w := range ws {
			if w != "" {
				ws[i] = r.upper(w)
			}
		}
		return strings.Join(ws, " ")
	}}
	return r.run(s)
}

func (c *caseCtx) sentence(s string) string {
	r := &caseRun{caseCtx: c, quotes: true, isFirst: true, words: func(r *caseRun, s string, _ int, _ string, _ bool) string {
		ws := strings.Split(s, " ")
		for i, w := range ws {
			if w == "" {
				continue
			}
			if r.isFirst {
				ws[i] = r.capitalise(w)
				r.isFirst = false
			} else {
				ws[i] = r.lower(w)
			}
		}
		return strings.Join(ws, " ")
	}}
	return r.run(s)
}

func (c *caseCtx) capitalizeFirst(s string) string {
	// A string that starts with a capital starts with a word that is not
	// lower case, which is all the pass below could change: most titles,
	// names and terms. No tag starts with a letter, and only "<span" is
	// rewritten before the pass. FuzzCapitalizeFirst holds this to it.
	if s != "" && 'A' <= s[0] && s[0] <= 'Z' && !strings.Contains(s, "<span") {
		return s
	}
	// Lower-case words and single spaces, as terms are ("original work
	// published"), have no markup or quotes, and the first word is all
	// lower case: its first letter is upper-cased.
	if lowerWords(s) {
		return c.upper(s[:1]) + s[1:]
	}
	return c.capitalizeFirstRun(s)
}

// lowerWords reports whether s is words of ASCII lower-case letters
// joined by single spaces.
func lowerWords(s string) bool {
	if s == "" || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
		case c == ' ' && i > 0 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// capitalizeFirstRun is citeproc-js's capitalize-first pass.
func (c *caseCtx) capitalizeFirstRun(s string) string {
	r := &caseRun{caseCtx: c, quotes: true, isFirst: true, words: func(r *caseRun, s string, _ int, _ string, _ bool) string {
		w := wordDoppel.split(s)
		for i, word := range w.strings {
			if word == "" {
				continue
			}
			if r.isFirst {
				if word == r.lower(word) {
					w.strings[i] = r.capitalise(word)
				}
				r.isFirst = false
				break
			}
		}
		return w.join()
	}}
	return r.run(s)
}

func (c *caseCtx) capitalizeAll(s string) string {
	r := &caseRun{caseCtx: c, quotes: true, words: func(r *caseRun, s string, _ int, _ string, _ bool) string {
		w := wordDoppel.split(s)
		for i, word := range w.strings {
			if word != "" && word == r.lower(word) {
				w.strings[i] = r.capitalise(word)
			}
		}
		return w.join()
	}}
	return r.run(s)
}

func (c *caseCtx) title(s string) string {
	r := &caseRun{caseCtx: c, quotes: true, isFirst: true, afterPunctOn: true}
	r.words = func(r *caseRun, s string, i int, followingTag string, hasFollowing bool) string {
		if jsTrim(s) == "" {
			return s
		}
		w := wordDoppel.split(s)
		for j, word := range w.strings {
			if word == "" {
				continue
			}
			lc := r.lower(word)
			capitalize := false
			switch {
			case utf16Len(word) > 1 && !r.stop.match(lc):
				capitalize = true
			case j == len(w.strings)-1 && hasFollowing && followingTag == "-":
				capitalize = true
			case r.isFirst:
				capitalize = true
			case r.afterPunct:
				capitalize = true
			}
			if capitalize && word == lc {
				w.strings[j] = r.capitalise(word)
			}
			r.afterPunct = false
			r.isFirst = false
			r.lastWordPos = &[2]int{i, j}
		}
		return w.join()
	}
	return r.run(s)
}

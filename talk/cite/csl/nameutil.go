package csl

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/ascii"
)

// Particles and initials, as citeproc-js reads them out of names.

// particleEnds are what ends a particle in particleFamilyRe and
// particleGivenRe: a name without one of them has no particle.
const particleEnds = " -'ʻ’"

var (
	particleFamilyRe = regexp.MustCompile(`^([^ ]+(?:-|ʻ|’| |') *)(.+)$`)
	particleGivenRe  = regexp.MustCompile(`^([^ ]+(?:ʻ |’ | |' ) *)(.+)$`)
	particleFirstRe  = regexp.MustCompile(`^[-'ʻ’` + jsSpaceChars + `]*(.)`)
	suffixCommaRe    = regexp.MustCompile(`(` + jsSpaceClass + `*,!*` + jsSpaceClass + `*)`)
)

func reverseString(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// splitParticles takes lower-case particles off the front of a family
// name, or (given) off the end of a given name.
func splitParticles(value string, given bool) (string, []string) {
	// Both expressions need a space, hyphen or apostrophe after the
	// particle; most names have none.
	if !strings.ContainsAny(value, particleEnds) {
		return value, nil
	}
	orig := value
	var list []string
	re := particleFamilyRe
	if given {
		value = reverseString(value)
		re = particleGivenRe
	}
	for {
		m := re.FindStringSubmatch(value)
		if m == nil {
			break
		}
		m1 := m[1]
		if given {
			m1 = reverseString(m1)
		}
		first := ""
		if fm := particleFirstRe.FindStringSubmatch(m1); fm != nil && !strings.ContainsAny(fm[1], "\n\r\u2028\u2029") {
			first = fm[1]
		} else {
			first = m1
		}
		if first == "" || strings.ToUpper(first) == first {
			break
		}
		if given {
			list = append(list, orig[len(orig)-len(m1):])
			orig = orig[:len(orig)-len(m1)]
		} else {
			list = append(list, orig[:len(m1)])
			orig = orig[len(m1):]
		}
		value = m[2]
	}
	if given {
		value = reverseString(value)
		for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
			list[i], list[j] = list[j], list[i]
		}
		for i := 1; i < len(list); i++ {
			if strings.HasPrefix(list[i], " ") {
				list[i-1] += " "
			}
		}
		for i := range list {
			list[i] = strings.TrimPrefix(list[i], " ")
		}
		return orig[:min(len(value), len(orig))], list
	}
	return orig[len(orig)-min(len(value), len(orig)):], list
}

// parseParticles moves particles written into the family and given names
// to their own parts, and a comma-separated suffix out of the given name.
func parseParticles(n *normName) {
	fam, fl := splitParticles(n.family, false)
	n.family = fam
	ndp := strings.Join(fl, "")
	last := lastRune(ndp)
	ndp = jsTrim(ndp)
	if last == " " && (strings.HasSuffix(ndp, "'") || strings.HasSuffix(ndp, "’")) {
		ndp += " "
	}
	if ndp != "" {
		n.ndp, n.hasNDP = ndp, true
	}
	if !n.hasSuffix && strings.Contains(n.given, ",") { // suffixCommaRe matches a comma
		if loc := suffixCommaRe.FindStringIndex(n.given); loc != nil {
			possible := n.given[loc[1]:]
			comma := strings.Map(func(r rune) rune {
				if isJSSpace(r) {
					return -1
				}
				return r
			}, n.given[loc[0]:loc[1]])
			if strings.ReplaceAll(possible, ".", "") == "et al" && !n.hasDP {
				n.dp, n.hasDP = possible, true
				n.commaDP = ","
			} else {
				if len(comma) == 2 {
					n.commaSuffix = true
				}
				n.suffix, n.hasSuffix = possible, true
			}
			n.given = n.given[:loc[0]]
		}
	}
	giv, gl := splitParticles(n.given, true)
	n.given = giv
	if dp := jsTrim(strings.Join(gl, "")); dp != "" {
		n.dp, n.hasDP = dp, true
	}
}

// Initials.

var (
	anyFirstRe      = regexp.MustCompile(`^(.)(.*)`)
	leadingTagsRe   = regexp.MustCompile(`^(?:<[^>]+>)*`)
	spaceHyphenRe   = regexp.MustCompile(jsSpaceClass + `*-` + jsSpaceClass + `*`)
	spacesRe        = regexp.MustCompile(jsSpaceClass + `+`)
	hyphenLowerRe   = regexp.MustCompile(`-([a-z])`)
	enDashLowerRe   = regexp.MustCompile(`\x{2013}([a-z])`)
	asciiSpacesRe   = regexp.MustCompile(`[\t\n\v\f\r ]+`)
	mergeTagRe      = regexp.MustCompile(`(?:-*<[^>]+>-*)`)
	trailSpaceSplit = regexp.MustCompile(`^(.*[^` + jsSpaceChars + `])?(` + jsSpaceClass + `+)$`)
	tagsOnlyRe      = regexp.MustCompile(`(?:<[^>]+>)+`)
	notDotsTailRe   = regexp.MustCompile(`[^.]+$`)
	lastDotRe       = regexp.MustCompile(`^(.*)\.(.*)$`)
)

// trailingSpaces are the white space finishInitials trims off the end
// (citeproc-js's /[\t\n\v\f\r \u{feff}\u{a0}]+$/).
const trailingSpaces = "\t\n\v\f\r \ufeff\u00a0"

// initializeWith turns a given name into initials followed by
// terminator ("Yury" → "Y."); normalizeOnly only tidies names that are
// initials already (initialize="false", and name suffixes).
func initializeWith(name, terminator string, normalizeOnly, hyphen bool, cc *caseCtx) string {
	if name == "" {
		return ""
	}
	if name == "Lord" || name == "Lady" {
		return name
	}
	if s, ok := initialsOfPlainWords(name, terminator, normalizeOnly); ok {
		return s
	}
	return initializeWithPattern(name, terminator, normalizeOnly, hyphen, cc)
}

// initialsOfPlainWords is initializeWith for the most common given
// names, words of an ASCII capital and lower-case letters joined by
// single spaces ("Kevin", "Mary Ann"): each word gives its capital,
// followed by the terminator, or put in its place when it has a "%s"
// (where the words keep their spaces); names normalised only stay as
// they are. ok is false for any other name. FuzzInitializeWith holds it
// to initializeWithPattern.
func initialsOfPlainWords(name, terminator string, normalizeOnly bool) (string, bool) {
	words := 1
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == ' ':
			// a space between two words
			if i == 0 || name[i-1] == ' ' || i+1 == len(name) {
				return "", false
			}
			words++
		case i == 0 || name[i-1] == ' ':
			// a word's capital, and a lower-case letter after it
			if c < 'A' || c > 'Z' || i+1 == len(name) || name[i+1] < 'a' || name[i+1] > 'z' {
				return "", false
			}
		case c < 'a' || c > 'z':
			return "", false
		}
	}
	if normalizeOnly {
		return name, true
	}
	i := strings.Index(terminator, "%s")
	var b strings.Builder
	b.Grow(words * (len(terminator) + 2))
	for w := 0; w < len(name); {
		end := strings.IndexByte(name[w:], ' ')
		if end < 0 {
			end = len(name)
		} else {
			end += w
		}
		if i < 0 {
			b.WriteByte(name[w])
			b.WriteString(terminator)
		} else {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(terminator[:i])
			b.WriteByte(name[w])
			b.WriteString(terminator[i+2:])
		}
		w = end + 1
	}
	return finishInitials(b.String()), true
}

// initializeWithPattern is initializeWith as citeproc-js writes it,
// pattern by pattern.
func initializeWithPattern(name, terminator string, normalizeOnly, hyphen bool, cc *caseCtx) string {
	if name == "" {
		return ""
	}
	if name == "Lord" || name == "Lady" {
		return name
	}
	if !startsRomanesque(dropLeadingTags(name)) && !strings.Contains(terminator, "%s") {
		return name
	}
	if !hyphen {
		name = strings.ReplaceAll(name, "-", " ")
	}
	// Both hyphen patterns need a hyphen, which most given names have
	// not: a look for one spares two regular expressions a name.
	hyphenated := strings.Contains(name, "-")
	if hyphenated {
		name = replaceAll(spaceHyphenRe, name, "-")
	}
	name = collapseSpaces(name)
	if hyphenated {
		name = replaceAll(hyphenLowerRe, name, "\u2013$1")
	}
	// "J.R." → "J. R."
	for i := len(name) - 2; i >= 0; i-- {
		if name[i] == '.' && name[i+1] != ' ' {
			name = name[:i] + ". " + name[i+1:]
		}
	}
	d := nameDoppel.split(name)
	list := []string{d.strings[0]}
	if len(d.tags) == 0 {
		if m := notDotsTailRe.FindString(list[0]); utf16Len(m) == 1 && m != cc.lower(m) {
			list[0] += "."
		}
	}
	for i := 1; i < len(d.strings); i++ {
		list = append(list, d.tags[i-1], d.strings[i])
	}
	var ret string
	if normalizeOnly {
		ret = doNormalize(list, terminator)
	} else {
		ret = doInitialize(list, terminator, cc)
	}
	if !strings.Contains(ret, "\u2013") {
		return ret
	}
	return replaceAll(enDashLowerRe, ret, "-$1")
}

func mergeTag(tagstr, newstr string) string {
	m := mergeTagRe.FindAllString(tagstr, -1)
	if m == nil {
		return newstr
	}
	tags := strings.Join(m, "")
	if mm := trailSpaceSplit.FindStringSubmatch(newstr); mm != nil {
		return mm[1] + tags + mm[2]
	}
	return newstr + tags
}

func tagOnly(s string) string {
	m := tagsOnlyRe.FindString(s)
	if m == "" {
		return s
	}
	return m
}

func finishInitials(s string) string {
	s = strings.TrimRight(s, trailingSpaces)
	if strings.Contains(s, "-") {
		s = replaceAll(spaceHyphenRe, s, "-")
	}
	if singleSpaces(s, isASCIISpace) {
		return s
	}
	return asciiSpacesRe.ReplaceAllString(s, " ")
}

func doInitialize(list []string, terminator string, cc *caseCtx) string {
	ilen := len(list)
	for i := 0; i < ilen; i += 2 {
		n := list[i]
		if n == "" {
			continue
		}
		m := nameInitial(n)
		hasDot := m != nil && m[3] != ""
		if m == nil && !startsRomanesque(n) && utf16Len(n) > 1 && strings.Contains(terminator, "%s") {
			m = anyFirstRe.FindStringSubmatch(n)
			hasDot = false
		}
		if m != nil && m[2] != "" && hasDot {
			m[1] += m[2]
			m[2] = ""
		}
		if m != nil && firstRune(m[1]) == jsUpperSimple(firstRune(m[1])) {
			extra := ""
			if m[2] != "" {
				s := ""
				for _, c := range m[2] {
					if string(c) == jsUpperSimple(string(c)) {
						s += string(c)
					} else {
						break
					}
				}
				if utf16Len(s) < utf16Len(m[2]) {
					extra = cc.lower(s)
				}
			}
			list[i] = m[1] + extra
			if i < ilen-1 {
				if strings.Contains(terminator, "%s") {
					list[i] = strings.Replace(terminator, "%s", list[i], 1)
				} else if strings.Contains(list[i+1], "-") {
					list[i+1] = mergeTag(strings.Replace(list[i+1], "-", "", 1), terminator) + "-"
				} else {
					list[i+1] = mergeTag(list[i+1], terminator)
				}
			} else {
				if strings.Contains(terminator, "%s") {
					list[i] = strings.Replace(terminator, "%s", list[i], 1)
				} else {
					list = append(list, terminator)
				}
			}
		} else if hasRomanesque(n) && (m == nil || !hasDot) {
			list[i] = " " + n
		}
	}
	return finishInitials(strings.Join(list, ""))
}

// jsUpperSimple upper-cases with the default mapping, for comparisons.
func jsUpperSimple(s string) string {
	if ascii.String(s) {
		return strings.ToUpper(s)
	}
	return jsUpper(s, nil)
}

func doNormalize(list []string, terminator string) string {
	isAbbrev := make([]bool, len(list))
	for i, s := range list {
		notag := dropLeadingTags(s)
		switch {
		case utf16Len(notag) > 1 && strings.HasSuffix(notag, "."):
			list[i] = replaceAll(lastDotRe, s, "$1$2")
			isAbbrev[i] = true
		case utf16Len(s) == 1 && jsUpperSimple(s) == s:
			isAbbrev[i] = true
		}
	}
	for i := 0; i < len(list); i += 2 {
		if !isAbbrev[i] {
			continue
		}
		if i < len(list)-2 {
			list[i+1] = tagOnly(list[i+1])
			if !isAbbrev[i+2] {
				list[i+1] = tagOnly(list[i+1]) + " "
			}
			if utf16Len(list[i+2]) > 1 {
				list[i+1] = strings.TrimSuffix(terminator, "\ufeff") + list[i+1]
			} else {
				list[i+1] = mergeTag(list[i+1], terminator)
			}
		}
		if i == len(list)-1 {
			list[i] += terminator
		}
	}
	return finishInitials(strings.Join(list, ""))
}

// replaceAll is re.ReplaceAllString, without the copy ReplaceAllString
// makes of a string it does not change: most names and strings have
// nothing to replace, and these copies were a tenth of an entry's
// allocations.
func replaceAll(re *regexp.Regexp, s, repl string) string {
	if !re.MatchString(s) {
		return s
	}
	return re.ReplaceAllString(s, repl)
}

// collapseSpaces is spacesRe replaced by one space: runs of JavaScript
// white space become " ". Most strings have none to collapse.
func collapseSpaces(s string) string {
	if singleSpaces(s, isJSSpace) {
		return s
	}
	return spacesRe.ReplaceAllString(s, " ")
}

// singleSpaces reports whether every space of s (as isSpace tells) is a
// lone " ", so that collapsing runs of spaces changes nothing.
func singleSpaces(s string, isSpace func(rune) bool) bool {
	prev := false
	for _, c := range s {
		sp := isSpace(c)
		if sp && (c != ' ' || prev) {
			return false
		}
		prev = sp
	}
	return true
}

func isASCIISpace(c rune) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	}
	return false
}

// dropLeadingTags removes the tags leading s (leadingTagsRe).
func dropLeadingTags(s string) string {
	if !strings.HasPrefix(s, "<") {
		return s
	}
	return leadingTagsRe.ReplaceAllString(s, "")
}

// nameInitial matches citeproc-js's initial pattern,
// ^([A-Z...])([a-zA-Z...]*|)(\.)*, at the start of n: an upper-case
// letter of the scripts it knows, the letters after it, and any dots. It
// returns what regexp's FindStringSubmatch would (the match, the three
// groups, "" for the dots' when there are none), or nil. Names are
// initialized word by word, and the regexp was a tenth of an APA entry;
// FuzzNameInitial holds the two together.
func nameInitial(n string) []string {
	first, size := utf8.DecodeRuneInString(n)
	if size == 0 || !initialFirst(first) {
		return nil
	}
	rest := size
	for rest < len(n) {
		r, w := utf8.DecodeRuneInString(n[rest:])
		if !initialRest(r) {
			break
		}
		rest += w
	}
	end := rest
	for end < len(n) && n[end] == '.' {
		end++
	}
	dot := ""
	if end > rest {
		dot = "."
	}
	return []string{n[:end], n[:size], n[size:rest], dot}
}

// initialFirst is the class of the initial pattern's first letter.
func initialFirst(r rune) bool {
	switch {
	case 'A' <= r && r <= 'Z', 0x0e01 <= r && r <= 0x0e5b, 0x00c0 <= r && r <= 0x017f, 0x0400 <= r && r <= 0x042f,
		0x0590 <= r && r <= 0x05d4, 0x05d6 <= r && r <= 0x05ff, 0x0600 <= r && r <= 0x06ff,
		r == 0x0370, r == 0x0372, r == 0x0376, r == 0x0386, 0x0388 <= r && r <= 0x03ab,
		r == 0x03e2, r == 0x03e4, r == 0x03e6, r == 0x03e8, r == 0x03ea, r == 0x03ec, r == 0x03ee,
		r == 0x03f4, r == 0x03f7, 0x03fd <= r && r <= 0x03ff:
		return true
	}
	return false
}

// initialRest is the class of the letters after the first.
func initialRest(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', 0x0e01 <= r && r <= 0x0e5b, 0x00c0 <= r && r <= 0x017f,
		0x0400 <= r && r <= 0x052f, 0x0600 <= r && r <= 0x06ff, 0x0370 <= r && r <= 0x03ff, 0x1f00 <= r && r <= 0x1fff:
		return true
	}
	return false
}

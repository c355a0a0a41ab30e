package csl

import (
	"regexp"
	"strconv"
	"strings"
)

// Numbers (volume, issue, page, edition, number, ...) are parsed into
// values and joiners the way citeproc-js does for plain values: "12",
// "12-15", "1, 3 & 5", "2nd", "12a-c". Of citeproc-js's embedded labels,
// only a page's own leading "p. " or "pp. " is read ("pp. 3-5"); the
// others ("sec. 3", a label inside a value) of legal locators are not.

type numberValue struct {
	particle, value string
	joiner          string
	numeric         bool
}

type numberInfo struct {
	values []numberValue
	// numeric: every value is a number, and so "-" between two of
	// them is a range.
	numeric bool
	// leadNumeric: the first value is a number, which is all
	// citeproc-js asks of a variable for is-numeric and for a list of
	// values to take a plural label ("12, 14a" and "101-105,110" are
	// pages, "pp.").
	leadNumeric bool
	plural      int
}

// shadowNumber is a number variable as parsed for a rendering
// (citeproc-js's shadow_numbers).
type shadowNumber struct {
	v    varID
	info *numberInfo
}

var (
	numJoinerRe  = regexp.MustCompile(`\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[-\x{2013}]+\s*`)
	numPartRe    = regexp.MustCompile(`^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$`)
	numValueRe   = regexp.MustCompile(`^(?:[0-9]+|[ixv]+)([-,:a-zA-Z]*|-[-0-9]+)$`)
	posIntRe     = regexp.MustCompile(`^[1-9][0-9]*$`)
	digitsRe     = regexp.MustCompile(`^[0-9]+$`)
	subsectionRe = regexp.MustCompile(`^[0-9]+[,a-zA-Z]+$`)
	lettersRe    = regexp.MustCompile(`^[,a-zA-Z]+$`)
	pageLabelRe  = regexp.MustCompile(`^pp?\.(?: +|$)`)
	slashNumRe   = regexp.MustCompile(`^[0-9]+(?:/[0-9]+)+$`)
	romanRe      = regexp.MustCompile(`^[ivxlcmIVXLCM]+$`)
	// collapsibleRe: what citeproc-js's parseInt reads a number from,
	// or a roman numeral.
	collapsibleRe = regexp.MustCompile(`^(?:\s*[-+]?[0-9]|[ivxlcmIVXLCM]+$)`)
)

func (r *renderer) numberInfo(v varID) *numberInfo {
	for _, s := range r.shadowNumbers {
		if s.v == v {
			return s.info
		}
	}
	val := strings.TrimSpace(r.it.field(v))
	if val == "" {
		return &r.noNumber
	}
	info := &numberInfo{}
	r.shadowNumbers = append(r.shadowNumbers, shadowNumber{v, info})
	if v == varPage {
		val = strings.ReplaceAll(val, "\u2013", "-")
		// A page value that carries its own label ("pp. 3-5", "p. 7")
		// is read without it, as citeproc-js reads it: the style
		// prints the label it wants ("p." alone is a label and no page).
		val = strings.TrimPrefix(val, pageLabelRe.FindString(val))
	}
	locs := numJoinerRe.FindAllStringIndex(val, -1)
	prev := 0
	var parts, joiners []string
	for _, l := range locs {
		parts = append(parts, val[prev:l[0]])
		joiners = append(joiners, val[l[0]:l[1]])
		prev = l[1]
	}
	parts = append(parts, val[prev:])
	// A subsection "12a-c" is one value, not a range of "12a" and "c"
	// (citeproc-js's fixupSubsections).
	for i := len(joiners) - 1; i >= 0; i-- {
		if joiners[i] == "-" && subsectionRe.MatchString(parts[i]) && lettersRe.MatchString(parts[i+1]) {
			parts[i] += joiners[i] + parts[i+1]
			parts = append(parts[:i+1], parts[i+2:]...)
			joiners = append(joiners[:i], joiners[i+1:]...)
		}
	}
	for i, p := range parts {
		nv := numberValue{value: p}
		if m := numPartRe.FindStringSubmatch(p); m != nil {
			nv.particle, nv.value = m[1], m[2]
		}
		if i < len(joiners) {
			j := joiners[i]
			switch {
			case strings.TrimSpace(j) == "&":
				j = " & "
			case strings.Contains(j, "-") || strings.Contains(j, "\u2013"):
				j = "-"
			}
			nv.joiner = j
		}
		nv.numeric = numValueRe.MatchString(nv.value) && nv.value != ""
		info.values = append(info.values, nv)
	}
	info.numeric = true
	for _, nv := range info.values {
		if !nv.numeric {
			info.numeric = false
		}
	}
	info.leadNumeric = info.values[0].numeric
	if len(info.values) == 1 && slashNumRe.MatchString(info.values[0].value) {
		info.numeric, info.leadNumeric = true, true
	}
	if info.leadNumeric && len(info.values) > 1 {
		info.plural = 1
	}
	if info.leadNumeric && r.p.vars.is(v, numberOfVar) {
		if n, err := strconv.Atoi(leadingInt(r.it.field(v))); err == nil && n > 1 {
			info.plural = 1
		}
	}
	return info
}

// numericVariable renders a number variable with the styling of b; form
// is the <number> form ("" for <text>).
func (r *renderer) numericVariable(b *baseNode, v varID, form string, isNumber bool) {
	info := r.numberInfo(v)
	if len(info.values) == 0 {
		return
	}
	values := info.values
	ranges := r.rangePairs(info)
	if v == varPage && ranges != nil {
		values = append([]numberValue(nil), values...)
		for i, isRange := range ranges {
			if !isRange || !digitsRe.MatchString(values[i].value) || !digitsRe.MatchString(values[i+1].value) {
				continue
			}
			var ranged bool
			values[i+1].value, ranged = pageRange(r.p.pageRangeFormat, values[i].value, values[i+1].value)
			switch r.p.pageRangeFormat {
			case "minimal", "minimal-two", "chicago", "chicago-15", "chicago-16":
				// citeproc-js's PageRangeMangler writes a prefix shared
				// by both ends once: "S1–12", not "S1–S12".
				if ranged {
					values[i+1].particle = ""
				}
			}
			// citeproc-js reads the formatted end back into particle
			// and value, its leading zeros into the particle: "05" of
			// "101–05" stays the number 5, which joins the numbers
			// around it as a number does (and takes their prefixes in
			// a sort key).
			if end := values[i+1].value; strings.TrimLeft(end, "0") != "" {
				zeros := len(end) - len(strings.TrimLeft(end, "0"))
				values[i+1].particle += end[:zeros]
				values[i+1].value = end[zeros:]
			}
		}
	}
	master := &fmtToken{prefix: b.tok.prefix, suffix: b.tok.suffix, decorations: b.tok.decorations}
	r.out.openLevel(master)
	for i, nv := range values {
		joiner := nv.joiner
		// as given: a formatted end ("05" of "101–05") has its zeros as a particle
		plain := i+1 < len(values) && plainRangeEnd(info.values[i]) && plainRangeEnd(info.values[i+1])
		// ends with different prefixes ("A1-B5") are left as they are
		sameParticle := i+1 < len(values) && info.values[i].particle == info.values[i+1].particle
		if joiner == "-" && sameParticle && (info.numeric || plain) && (ranges == nil || ranges[i]) {
			// citeproc-js's fixRanges: numbers joined by "-" take the
			// page range delimiter, and so does a range of two bare
			// numbers, arabic or roman, in any of its variables
			switch name := r.p.vars.name(v); {
			case name == "page" || name == "locator" || name == "locator-extra" || name == "issue" ||
				name == "volume" || name == "edition" || name == "number" ||
				plain && (name == "number-of-pages" || name == "number-of-volumes" || name == "chapter-number"):
				joiner = r.term("page-range-delimiter", "long", 0)
				if joiner == "" {
					joiner = "\u2013"
				}
			case name == "collection-number":
				joiner = r.term("year-range-delimiter", "long", 0)
			}
		}
		tok := &fmtToken{textCase: b.tok.textCase, suffix: joiner}
		if posIntRe.MatchString(nv.value) && nv.numeric {
			n, err := strconv.Atoi(nv.value)
			if err == nil {
				nb := r.newTextBlob(nv.value, tok)
				nb.num = &numInfo{n: n, particle: nv.particle, undefinedPrefixes: allPrefixesUndefined}
				if i == 0 || isNumber {
					nb.num.format = r.numberFormatter(form)
				}
				if tok.textCase != "" {
					cc := r.caseCtx()
					nb.num.particle = cc.textCase(tok.textCase, nb.num.particle)
				}
				r.out.current().push(nb, r.arena)
				r.termPredecessor = true
				continue
			}
		}
		r.out.appendText(nv.particle+nv.value, tok, false, false, false)
		r.termPredecessor = true
	}
	r.out.closeLevel()
}

// rangePairs reports, for each value of a collapsible number (such as
// "101-105, 110-115", "9a, 101-105" or "IV, 321-328"), whether it begins
// a range with the next one, as citeproc-js's fixRanges pairs them: a
// value joined by "-" to a value that is not itself joined by "-"
// ("1-3-5" ranges only "3-5"). citeproc-js makes the list collapsible,
// numeric or not, when its first value begins with a number for
// parseInt or is a roman numeral. It returns nil for a number citeproc-js
// does not collapse, whose "-" joiners each take the range delimiter.
func (r *renderer) rangePairs(info *numberInfo) []bool {
	values := info.values
	if len(values) < 2 || !collapsibleRe.MatchString(values[0].value) {
		return nil
	}
	ranges := make([]bool, len(values))
	count := 1
	for i := 1; i < len(values); i++ {
		if values[i].joiner == "-" {
			count = 1
			continue
		}
		count++
		if count != 2 || values[i-1].particle != values[i].particle {
			continue
		}
		if values[i-1].joiner != "-" {
			count = 1
			continue
		}
		ranges[i-1] = true
		count = 0
	}
	return ranges
}

// plainRangeEnd reports whether nv is a bare number, arabic or roman,
// which citeproc-js joins to another with the page range delimiter.
func plainRangeEnd(nv numberValue) bool {
	return nv.particle == "" && nv.value != "" && (strings.Trim(nv.value, "0123456789") == "" || romanRe.MatchString(nv.value))
}

func (r *renderer) numberFormatter(form string) func(int, string) string {
	switch form {
	case "ordinal":
		return func(n int, g string) string { return r.ordinal(n, g) }
	case "long-ordinal":
		return func(n int, g string) string { return r.longOrdinal(n, g) }
	case "roman":
		return func(n int, _ string) string { return roman(n) }
	}
	return nil
}

func (r *renderer) number(n *numberNode) {
	live := r.live(n.variable)
	r.checkOutput(n.variable, live, "", nil)
	if !live || r.it.field(n.variable) == "" {
		return
	}
	r.numericVariable(&n.baseNode, n.variable, n.form, true)
}

// pageRange formats the end of a page range "begin–end" the way the
// style's page-range-format asks (citeproc-js's PageRangeMangler), and
// reports whether it is a range the format applies to (the end, written
// out in full, is after the beginning).
func pageRange(format string, begin, end string) (string, bool) {
	if ranged := pageRangeEnd(format, begin, end); ranged != "" {
		return ranged, true
	}
	return end, false
}

// pageRangeEnd is pageRange's end, "" when the format does not apply.
func pageRangeEnd(format string, begin, end string) string {
	b, errB := strconv.Atoi(begin)
	e, errE := strconv.Atoi(end)
	if errB != nil || errE != nil {
		return ""
	}
	if format == "" && b > e {
		// Without a page-range-format, citeproc-js leaves an end
		// that reads as smaller ("321–28") as it is.
		return ""
	}
	// An abbreviated end ("321–28") is first written out in full.
	if len(end) < len(begin) {
		end = begin[:len(begin)-len(end)] + end
		e, _ = strconv.Atoi(end)
	}
	if b >= e {
		return ""
	}
	minimize := func(minchars int) string {
		if len(begin) != len(end) {
			return end
		}
		ret := end
		for i := 0; i < len(begin); i++ {
			if begin[i] == end[i] && len(ret) > minchars {
				ret = ret[1:]
			} else {
				break
			}
		}
		return ret
	}
	switch format {
	case "minimal":
		return minimize(0)
	case "minimal-two":
		return minimize(2)
	case "chicago", "chicago-15":
		if b > 100 && b%100 != 0 && b/100 == e/100 {
			return strconv.Itoa(e % 100)
		} else if b >= 10000 {
			return strconv.Itoa(e % 1000)
		}
	case "chicago-16":
		if b > 100 && b%100 != 0 {
			for i := 2; i < len(end); i++ {
				div := 1
				for range i {
					div *= 10
				}
				if b/div == e/div {
					return strconv.Itoa(e % div)
				}
			}
		}
	}
	return end
}

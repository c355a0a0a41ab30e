package csl

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

func (r *renderer) date(n *dateNode) {
	live := r.live(n.variable)
	r.checkOutput(n.variable, live, "", n.dateparts)
	if !live {
		return
	}
	d := r.it.date(n.variable)
	if r.sortKey {
		// citeproc-js's dateMacroAsSortKey: the date's parts as
		// fixed-width numbers, each appended on its own.
		for _, s := range dateSortParts(d, n.dateparts) {
			r.out.appendLiteral(r.newTextBlob(s, nil))
		}
		if d != nil {
			// citeproc-js then opens the date's output level, and a
			// sort key's date never closes it: each group that ends
			// after it closes the level inside its own, so what
			// follows lands a level out (no delimiter joins a volume
			// to the page after it: "J 3100"), as there.
			r.out.openLevel(emptyToken)
		}
		return
	}
	if d == nil || !d.truthy() {
		return
	}
	r.donesies = r.donesies[:0]
	// Ranges collapse at the first part that differs.
	r.dateCollapse = nil
	if d.hasEnd {
		// citeproc-js looks only at the shown parts the range's end
		// has: a part it lacks ("2011–2013" has no end month) would
		// never be rendered, and the range would never be written.
		dp := make([]string, 0, len(n.dateparts))
		for _, part := range n.dateparts {
			if d.endSet[partIndex(part)] {
				dp = append(dp, part)
			}
		}
		pos := 2
		for i, part := range dp {
			k := partIndex(part)
			if d.parts[0][k] != d.parts[1][k] {
				pos = i
				break
			}
		}
		if pos < len(dp) {
			r.dateCollapse = dp[pos:]
		}
	}
	tok := n.tok
	r.out.openLevel(&tok)
	var pendingEnd []*blob
	for _, p := range n.parts {
		r.datePart(p, d, &pendingEnd)
	}
	r.out.closeLevel()
}

// datePart renders one part of a date; for a range, the end values wait
// in pending until the part where the dates start to differ is done.
func (r *renderer) datePart(p *datePartNode, d *dateValue, pending *[]*blob) {
	r.donesies = append(r.donesies, p.name)
	if d.literal != "" && p.name == "year" {
		r.out.appendText(d.literal, &p.tok, false, false, false)
	}
	k := partIndex(p.name)
	val := d.parts[0][k]
	valEnd := 0
	if d.hasEnd {
		valEnd = d.parts[1][k]
	}
	if val == 0 {
		// citeproc-js still gives a year it left out, or lacks, the
		// suffix when the cite is collapsing.
		r.implicitYearSuffix(p, "")
		if p.name == "month" && d.season != "" {
			s := d.season
			if len(s) == 1 && s[0] >= '1' && s[0] <= '4' {
				r.tip().variableSuccess = true
				r.out.appendText(r.term("season-0"+s, "long", 0), &p.tok, false, false, false)
			} else {
				r.out.appendText(s, &p.tok, false, false, false)
			}
		}
		return
	}
	dropped := p.name == "year" && r.cluster.dropYear(val)
	bc, ad := "", ""
	if p.name == "year" && !dropped {
		if val > 0 && val < 500 {
			ad = r.term("ad", "long", 0)
		}
		if val < 0 {
			bc = r.term("bc", "long", 0)
			val = -val
		}
		// The era follows the start year only (citeproc-js finds
		// the end's and never writes it).
		if valEnd < 0 {
			valEnd = -valEnd
		}
	}
	form, formEnd := p.form, p.form
	if p.name == "day" && form == "ordinal" && r.p.loc.limitDayOrdinals {
		if val != 1 {
			form = "numeric"
		}
		if valEnd != 1 {
			formEnd = "numeric"
		}
	}
	gender := r.p.loc.monthGender(d.parts[0][1])
	value := ""
	if !dropped {
		value = r.formatDatePart(p, form, val, gender)
	}
	valueEnd := ""
	if valEnd != 0 {
		valueEnd = r.formatDatePart(p, formEnd, valEnd, gender)
	}
	r.out.openLevel(emptyToken)
	if len(r.dateCollapse) > 0 {
		ready := true
		for _, c := range r.dateCollapse {
			found := false
			for _, x := range r.donesies {
				if x == c {
					found = true
				}
			}
			if !found {
				ready = false
			}
		}
		inCollapse := false
		for _, c := range r.dateCollapse {
			if c == p.name {
				inCollapse = true
			}
		}
		if ready {
			vb := r.out.appendText(value, &p.tok, false, false, false)
			vb.suffix = ""
			delim := ""
			if p.hasRangeDelim {
				delim = p.rangeDelimiter
			} else {
				delim = r.term("year-range-delimiter", "long", 0)
			}
			r.out.appendText(delim, emptyToken, false, false, false)
			if inCollapse && valueEnd != "" {
				eb := r.out.appendText(valueEnd, &p.tok, false, false, false)
				r.out.pop()
				*pending = append(*pending, eb)
			}
			for i, b := range *pending {
				if i == 0 {
					b.prefix = ""
				}
				r.out.appendLiteral(b)
			}
			*pending = nil
			r.dateCollapse = nil
		} else {
			r.out.appendText(value, &p.tok, false, false, false)
			if inCollapse && valueEnd != "" {
				// citeproc-js's dateput queue: an end value waiting
				// for a later part loses its prefix ("20/Dec./30–21Jan./2"),
				// and is followed by the start's era, not the end's.
				eb := r.out.appendText(valueEnd, &p.tok, false, false, false)
				r.out.pop()
				eb.prefix = ""
				*pending = append(*pending, eb)
				if bc != "" {
					*pending = append(*pending, r.newTextBlob(bc, nil))
				}
				if ad != "" {
					*pending = append(*pending, r.newTextBlob(ad, nil))
				}
			}
		}
	} else {
		r.out.appendText(value, &p.tok, false, false, false)
	}
	if bc != "" {
		r.out.appendText(bc, emptyToken, false, false, false)
	}
	if ad != "" {
		r.out.appendText(ad, emptyToken, false, false, false)
	}
	r.out.closeLevel()
	r.implicitYearSuffix(p, value)
}

// implicitYearSuffix appends the item's year suffix after the first
// year part of a cite or entry, when the style disambiguates with year
// suffixes but never places them with <text variable="year-suffix"/>:
// the CSL specification puts the suffix on the first year cs:date
// renders, and citeproc-js does it here, after the year part's level
// ("Smith 2016a"). value is the year as rendered, "" when it was left
// out (collapse="year-suffix" drops a year equal to the previous
// cite's, and the suffix then joins the previous cite's: "2016a, b").
// Like citeproc-js's NumericBlob, the suffix takes the year part's
// affixes, decorations and text-case.
func (r *renderer) implicitYearSuffix(p *datePartNode, value string) {
	if p.name != "year" || r.p.rendersYearSuffix || r.justLooking || r.doneYearSuffix {
		return
	}
	if value == "" && (r.cluster == nil || !r.cluster.haveCollapsed) {
		return
	}
	if r.regItem == nil || r.regItem.disambig.yearSuffix < 0 {
		return
	}
	r.doneYearSuffix = true
	n := r.regItem.disambig.yearSuffix
	b := r.newTextBlob(yearSuffix(n), &p.tok)
	b.num = &numInfo{n: n, format: func(n int, _ string) string { return yearSuffix(n) },
		successorPrefix: r.a.layoutTok.delimiter, ugly: true}
	if cs := r.cluster; cs != nil {
		switch {
		case cs.groupDelim != "":
			b.num.successorPrefix = cs.groupDelim
		case cs.suffixDelim != "":
			b.num.successorPrefix = cs.suffixDelim
		}
		if cs.collapse == "year-suffix-ranged" {
			b.num.rangePrefix = r.term("citation-range-delimiter", "long", 0)
		}
	}
	r.out.appendLiteral(b)
}

func pad2(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}

// formatDatePart writes one date value in a date-part form.
func (r *renderer) formatDatePart(p *datePartNode, form string, v int, gender string) string {
	var s string
	switch p.name {
	case "year":
		switch form {
		case "short":
			s = strconv.Itoa(v)
			if len(s) == 4 {
				s = s[2:]
			} else {
				s = "undefined" // what citeproc-js prints
			}
		default:
			s = strconv.Itoa(v)
		}
	case "month":
		switch form {
		case "numeric":
			if v >= 1 && v <= 12 {
				s = strconv.Itoa(v)
			}
		case "numeric-leading-zeros":
			if v >= 1 && v <= 12 {
				s = pad2(v)
			}
		default:
			stub, num := "month-", v
			if num < 1 || num > 24 {
				num = 0
			} else {
				for num > 16 {
					num -= 4
				}
				if num > 12 {
					stub, num = "season-", num-12
				}
			}
			if num != 0 {
				f := "long"
				if form == "short" {
					f = "short"
				}
				s, _ = r.p.loc.term(stub+pad2(num), f, 0, "")
			}
		}
		if r.stripPeriods > 0 || p.stripPeriods {
			s = strings.ReplaceAll(s, ".", "")
		}
	case "day":
		switch form {
		case "numeric-leading-zeros":
			s = pad2(v)
		case "ordinal":
			s = r.ordinal(v, gender)
		default:
			s = strconv.Itoa(v)
		}
	}
	return s
}

// ordinal writes n with the locale's ordinal suffix ("21st").
func (r *renderer) ordinal(n int, gender string) string {
	loc := r.p.loc
	str := strconv.Itoa(n)
	suffix := ""
	if loc.ord != nil {
		suffix, _ = loc.term("ordinal", "long", 0, gender)
		try := []string{}
		if gender != "" {
			try = append(try, gender)
		}
		try = append(try, "neuter")
		for _, g := range try {
			last2 := str
			if len(str) > 2 {
				last2 = str[len(str)-2:]
			}
			last1 := str[len(str)-1:]
			var name string
			if m := loc.ord.whole[str]; m != nil && m[g] != "" {
				name = m[g]
			} else if m := loc.ord.lastTwo[last2]; m != nil && m[g] != "" {
				name = m[g]
			} else if m := loc.ord.lastDigit[last1]; m != nil && m[g] != "" {
				name = m[g]
			}
			if name != "" {
				suffix, _ = loc.term(name, "long", 0, gender)
			}
			// As citeproc-js: a suffix, the "ordinal" term's among them,
			// ends the search, so that a month's gender without an
			// ordinal-NN of its own takes "ordinal", not the neuter
			// ordinal-NN.
			if suffix != "" {
				break
			}
		}
		return str + suffix
	}
	var sfx [4]string
	for i := range sfx {
		sfx[i], _ = loc.term("ordinal-0"+strconv.Itoa(i+1), "long", -1, gender)
	}
	switch {
	case (n/10)%10 == 1 || (n > 10 && n < 20):
		suffix = sfx[3]
	case n%10 == 1 && n%100 != 11:
		suffix = sfx[0]
	case n%10 == 2 && n%100 != 12:
		suffix = sfx[1]
	case n%10 == 3 && n%100 != 13:
		suffix = sfx[2]
	default:
		suffix = sfx[3]
	}
	return str + suffix
}

// longOrdinal writes n as a word ("first") for 1 to 10, else as ordinal.
func (r *renderer) longOrdinal(n int, gender string) string {
	key := strconv.Itoa(n)
	if n < 10 {
		key = "0" + key
	}
	if s, _ := r.p.loc.term("long-ordinal-"+key, "long", 0, gender); s != "" {
		return s
	}
	return r.ordinal(n, gender)
}

var romanDigits = [4][10]string{
	{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"},
	{"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"},
	{"", "c", "cc", "ccc", "cd", "d", "dc", "dcc", "dccc", "cm"},
	{"", "m", "mm", "mmm", "mmmm", "mmmmm", "", "", "", ""},
}

func roman(n int) string {
	if n >= 6000 || n < 0 {
		return ""
	}
	s := strconv.Itoa(n)
	out := ""
	for pos := 0; pos < len(s); pos++ {
		d := s[len(s)-1-pos] - '0'
		out = romanDigits[pos][d] + out
	}
	return out
}

// dateSortParts is citeproc-js's dateAsSortKey: year, month, day, then
// the range end's, each 0 unless among parts; nothing without a year.
func dateSortParts(d *dateValue, parts []string) []string {
	if d == nil || d.parts[0][0] == 0 {
		return nil
	}
	var out []string
	for end := range 2 {
		for k, name := range []string{"year", "month", "day"} {
			v := 0
			if (end == 0 || d.hasEnd) && slices.Contains(parts, name) {
				v = d.parts[end][k]
			}
			switch {
			case k > 0:
				out = append(out, fmt.Sprintf("%02d", v))
			case v < 0:
				out = append(out, fmt.Sprintf("0%04d", 9999+v))
			default:
				out = append(out, fmt.Sprintf("1%04d", v))
			}
		}
	}
	return out
}

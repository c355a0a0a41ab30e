package csl

import (
	"regexp"
	"strconv"
	"strings"
)

// rawDateParts is a date read from text by parseRawDate: each part as
// citeproc-js's parser leaves it ("" when absent).
type rawDateParts struct {
	start, end [3]string // year, month, day
	season     string
	circa      bool
}

// parseRawDate reads an unparsed date ("raw" in CSL-JSON) as
// citeproc-js 2.4.63's DateParser.parseDateToObject does, so that a
// style prints it as citeproc-js does: ISO and numeric dates
// ("2016-07-21", "12/25/2019" month first, "25/12/2019" when the first
// number cannot be a month), month and season names in English
// ("21 July 2016", "Jan-Mar 2010", "Summer 2019"), ranges joined by
// "-" or "/", eras ("44 BC"), "?", "~" and "circa" for an uncertain
// date, Japanese dates, and "\"...\"" for a literal. A text it cannot
// read (no year, or a day without a month) is the date's literal.
func parseRawDate(raw string) (d dateValue) {
	d.raw = raw
	p, literal, ok := parseRawDateParts(raw)
	if !ok {
		d.literal = literal
		return d
	}
	d.season, d.circa = p.season, p.circa
	for k := range 3 {
		d.parts[0][k], _ = strconv.Atoi(p.start[k])
		if p.end[k] != "" {
			d.parts[1][k], _ = strconv.Atoi(p.end[k])
			d.hasEnd, d.endSet[k] = true, true
		}
	}
	return d
}

var (
	rawTimeRe         = regexp.MustCompile(`^(.*[0-9])T[0-9].*`)
	rawClockRe        = regexp.MustCompile(`\s*[0-9]{2}:[0-9]{2}(?::[0-9]+)`)
	rawShortYearRe    = regexp.MustCompile(`^[0-9]{1,3}$`)
	rawAbbrevDotRe    = regexp.MustCompile(`([A-Za-z])\.`)
	rawKanjiRe        = regexp.MustCompile(`月|年`)
	rawEpochRe        = regexp.MustCompile(`(明治|大正|昭和|平成)([0-9]+)`)
	rawSpaceRe        = regexp.MustCompile(`\s+`)
	rawTrailingDashRe = regexp.MustCompile(`\s*-\s*$`)
	rawDashSlashRe    = regexp.MustCompile(`\s*-\s*/`)
	rawTrailingDotRe  = regexp.MustCompile(`\.\s*$`)
	// rawElementRe is citeproc-js's test of a piece of the split date;
	// \s stands for JavaScript's whitespace.
	rawElementRe = regexp.MustCompile(`^[\s\v\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]*` +
		`([\-/]|[^\-/~?0-9]+|[\-~?0-9]+)` +
		`[\s\v\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]*$`)
	rawYearRe   = regexp.MustCompile(`[0-9]{4}`)
	rawDigitsRe = regexp.MustCompile(`^[0-9]+$`)
	rawCruftRe  = regexp.MustCompile(`mic|tri|hil|eas`)
	// rawMonths are citeproc-js's month and season abbreviations, found
	// anywhere in a word: month k+1 (13 to 16 are seasons; the last two
	// repeat spring and summer as 17 and 18).
	rawMonths = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
		"spr", "sum", "fal", "win", "spr", "sum"}
	rawEpochs = map[string]int{"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988}
)

// parseRawDateParts is parseDateToObject: the parts, or the literal
// text and false.
func parseRawDateParts(orig string) (p rawDateParts, literal string, ok bool) {
	txt := orig
	negative := false
	slashPos, dashPos := -1, -1
	if txt != "" {
		txt = rawTimeRe.ReplaceAllString(txt, "$1")
		if strings.HasPrefix(txt, "-") {
			negative = true
			txt = txt[1:]
		}
		if rawShortYearRe.MatchString(txt) {
			for len(txt) < 4 {
				txt = "0" + txt
			}
		}
		if loc := rawClockRe.FindStringIndex(txt); loc != nil {
			txt = txt[:loc[0]] + txt[loc[1]:]
		}
		if rawKanjiRe.MatchString(txt) {
			txt = rawSpaceRe.ReplaceAllString(txt, "")
			txt = strings.ReplaceAll(txt, "日", "")
			txt = rawKanjiRe.ReplaceAllString(txt, "-")
			txt = strings.ReplaceAll(txt, "〜", "/")
			txt = strings.ReplaceAll(txt, "-/", "/")
			txt = strings.TrimSuffix(txt, "-")
			txt = rawEpochRe.ReplaceAllStringFunc(txt, func(s string) string {
				m := rawEpochRe.FindStringSubmatch(s)
				n, _ := strconv.Atoi(m[2])
				return strconv.Itoa(rawEpochs[m[1]] + n)
			})
			txt = rawTrailingDashRe.ReplaceAllString(txt, "")
			if loc := rawDashSlashRe.FindStringIndex(txt); loc != nil {
				txt = txt[:loc[0]] + "/" + txt[loc[1]:]
			}
			txt = rawTrailingDotRe.ReplaceAllString(txt, "")
			if i := firstDotNotBeforeSpace(txt); i >= 0 {
				txt = txt[:i] + txt[i+1:]
			}
			slashPos, dashPos = strings.Index(txt, "/"), strings.Index(txt, "-")
		}
	}
	txt = rawAbbrevDotRe.ReplaceAllString(txt, "$1")
	if strings.HasPrefix(txt, `"`) && strings.HasSuffix(txt, `"`) {
		if len(txt) < 2 {
			return p, "", false
		}
		return p, txt[1 : len(txt)-1], false
	}
	var rangeDelim, dateDelim string
	var pieces []string
	if slashPos > -1 && dashPos > -1 {
		if strings.Count(txt, "/") > 2 {
			rangeDelim, dateDelim = "-", "/"
			txt = strings.ReplaceAll(txt, "_", "-")
		} else {
			rangeDelim, dateDelim = "/", "-"
			txt = strings.ReplaceAll(txt, "_", "/")
		}
	} else {
		txt = strings.ReplaceAll(txt, "/", "-")
		txt = strings.ReplaceAll(txt, "_", "-")
		rangeDelim, dateDelim = "-", "-"
	}
	pieces = splitRawDate(txt, dateDelim[0], rangeDelim[0])
	var elems []string
	for _, piece := range pieces {
		if m := rawElementRe.FindStringSubmatch(piece); m != nil {
			elems = append(elems, m[1])
		}
	}
	sides := [][]string{elems}
	isRange := false
	for i, e := range elems {
		if e == rangeDelim {
			sides = [][]string{elems[:i], elems[i+1:]}
			isRange = true
			break
		}
	}
	var note, seasonEnd string
	for s, side := range sides {
		part := &p.start
		season := &p.season
		if s == 1 {
			part, season = &p.end, &seasonEnd
		}
		number := ""
	elements:
		for _, e := range side {
			if strings.Contains(e, dateDelim) {
				parseNumericRawDate(part, dateDelim, e)
				continue
			}
			if rawYearRe.MatchString(e) {
				part[0] = strings.TrimLeft(e, "0")
				continue
			}
			lower := strings.ToLower(e)
			if e == "~" || e == "?" || e == "c" || strings.HasPrefix(e, "cir") {
				p.circa = true
			}
			for k, m := range rawMonths {
				if strings.Contains(lower, m) {
					part[1] = strconv.Itoa(k + 1)
					continue elements
				}
			}
			if rawDigitsRe.MatchString(e) {
				number = e
			}
			if strings.HasPrefix(lower, "bc") && number != "" {
				n, _ := strconv.Atoi(number)
				part[0] = strconv.Itoa(-n)
				number = ""
				continue
			}
			if strings.HasPrefix(lower, "ad") && number != "" {
				part[0] = number
				number = ""
				continue
			}
			if rawCruftRe.MatchString(lower) && *season == "" {
				note = e
				continue
			}
		}
		if number != "" {
			part[2] = number
		}
		if note != "" && *season == "" {
			*season = strings.TrimSpace(note)
			note = ""
		}
	}
	if isRange {
		for k := range 3 {
			switch {
			case p.start[k] != "" && p.end[k] == "":
				p.end[k] = p.start[k]
			case p.start[k] == "" && p.end[k] != "":
				p.start[k] = p.end[k]
			}
		}
		if p.season == "" {
			p.season = seasonEnd
		}
	}
	if p.start[0] == "" || p.start[2] != "" && p.start[1] == "" {
		return rawDateParts{}, orig, false
	}
	// A year is a number (citeproc-js keeps one with "?" in it as text,
	// which this engine cannot: such a date stays as it was written).
	for _, part := range []*[3]string{&p.start, &p.end} {
		for k, v := range part {
			if v == "" {
				continue
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return rawDateParts{}, orig, false
			}
			if k == 0 && negative {
				n = -n
			}
			part[k] = strconv.Itoa(n)
		}
	}
	return p, "", true
}

// firstDotNotBeforeSpace is the index of the first "." not followed by a
// space, or -1.
func firstDotNotBeforeSpace(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && (i+1 == len(s) || s[i+1] != ' ') {
			return i
		}
	}
	return -1
}

// parseNumericRawDate is citeproc-js's _parseNumericDate: of numbers
// joined by delim, the four-digit one is the year, and of the others
// before it (or after it, when it comes first), the first is the month
// and the second the day, unless the first cannot be a month.
func parseNumericRawDate(part *[3]string, delim, txt string) {
	lst := strings.Split(txt, delim)
	for i, s := range lst {
		if len(s) == 4 {
			part[0] = strings.TrimLeft(s, "0")
			if i == 0 {
				lst = lst[1:]
			} else {
				lst = lst[:i]
			}
			break
		}
	}
	nums := make([]int, len(lst)) // 0 stands for JavaScript's NaN and 0 alike: both are false
	for i, s := range lst {
		nums[i] = jsParseInt(s)
	}
	switch {
	case len(nums) == 1 || len(nums) == 2 && nums[1] == 0:
		if nums[0] != 0 {
			part[1] = strconv.Itoa(nums[0])
		}
	case len(nums) == 2:
		month, day := nums[0], nums[1]
		if nums[0] > 12 {
			month, day = nums[1], nums[0]
		}
		if month != 0 {
			part[1] = strconv.Itoa(month)
			if day != 0 {
				part[2] = strconv.Itoa(day)
			}
		}
	}
}

// jsParseInt is JavaScript's parseInt(s, 10) for the digits and "?" of a
// date: the leading digits' value, 0 when there are none.
func jsParseInt(s string) int {
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
		if n > 1e9 {
			break
		}
	}
	return n
}

// splitRawDate is JavaScript's txt.split(rex) with citeproc-js's date
// tokenizer rex, whose one group is the whole match: the tokens (years
// with their numeric month and day, numbers, range delimiters, "?" and
// "~", runs of other characters), and between them what no token
// matched. numDelim joins a numeric date's parts, rangeDelim two dates.
func splitRawDate(txt string, numDelim, rangeDelim byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(txt); {
		n := matchRawToken(txt, i, numDelim, rangeDelim)
		if n == 0 {
			i++
			continue
		}
		out = append(out, txt[start:i], txt[i:i+n])
		i += n
		start = i
	}
	return append(out, txt[start:])
}

func isRawDigit(c byte) bool { return c == '?' || c >= '0' && c <= '9' }

// matchRawToken is the length of citeproc-js's date token at txt[i:],
// 0 for none; its alternatives are tried in order, each backtracking as
// a JavaScript regular expression does:
//
//	[?0-9]{4}(?:D[?0-9]{1,2}){0,2}(?![0-9])   a year first
//	(?:[?0-9]{1,2}D){0,2}[?0-9]{4}(?![0-9])   a year last
//	[?0-9]{1,3} | [R] | [?~] | [^-/~?0-9]+
func matchRawToken(txt string, i int, numDelim, rangeDelim byte) int {
	digits := func(at, n int) bool {
		if at+n > len(txt) {
			return false
		}
		for j := at; j < at+n; j++ {
			if !isRawDigit(txt[j]) {
				return false
			}
		}
		return true
	}
	endsHere := func(at int) bool { return at >= len(txt) || txt[at] < '0' || txt[at] > '9' }
	// groupsAfter tries up to left more "D" + 1 or 2 digits from at,
	// greedily, and returns the end of the first way that ends the token.
	var groupsAfter func(at, left int) int
	groupsAfter = func(at, left int) int {
		if left > 0 && at < len(txt) && txt[at] == numDelim {
			for _, w := range []int{2, 1} {
				if digits(at+1, w) {
					if e := groupsAfter(at+1+w, left-1); e >= 0 {
						return e
					}
				}
			}
		}
		if endsHere(at) {
			return at
		}
		return -1
	}
	if digits(i, 4) {
		if e := groupsAfter(i+4, 2); e >= 0 {
			return e - i
		}
	}
	var groupsBefore func(at, left int) int
	groupsBefore = func(at, left int) int {
		if left > 0 {
			for _, w := range []int{2, 1} {
				if digits(at, w) && at+w < len(txt) && txt[at+w] == numDelim {
					if e := groupsBefore(at+w+1, left-1); e >= 0 {
						return e
					}
				}
			}
		}
		if digits(at, 4) && endsHere(at+4) {
			return at + 4
		}
		return -1
	}
	if e := groupsBefore(i, 2); e >= 0 {
		return e - i
	}
	c := txt[i]
	switch {
	case isRawDigit(c):
		n := 1
		for n < 3 && i+n < len(txt) && isRawDigit(txt[i+n]) {
			n++
		}
		return n
	case c == rangeDelim:
		return 1
	case c == '~':
		return 1
	case c == '-' || c == '/':
		return 0
	}
	n := 0
	for i+n < len(txt) {
		c := txt[i+n]
		if c == '-' || c == '/' || c == '~' || isRawDigit(c) {
			break
		}
		n++
	}
	return n
}

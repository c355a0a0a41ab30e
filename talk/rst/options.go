package rst

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A directive's options are a field list after its arguments, which
// docutils checks against the directive class's option_spec: each name
// must be known (compared in lower case), none given twice, and each
// value must pass the option's conversion function, whose complaint
// docutils reports. The functions here say what docutils 0.19's say.

// optionCheck is an option's conversion function: it returns what
// docutils reports of the value (nil for a field with no body), "" for
// none.
type optionCheck func(v *string) string

// optionSpecs are docutils 0.19's directives' option_specs, each a
// list of "name=check" (check "unchanged" when left out).
var optionSpecs = func() map[string]map[string]optionCheck {
	const (
		common = "class=class name"
		image  = "alt height=length width=lengthpct scale=percentage align=imagealign target=required " + common
		table  = common + " align=align width=lengthpct"
	)
	specs := map[string]string{
		"admonition": common, "topic": common, "rubric": common, "compound": common,
		"sidebar": common + " subtitle=required", "container": "name",
		"code": common + " number-lines", "parsed-literal": common, "math": common,
		"image": image, "figure": strings.Replace(image, "align=imagealign", "align=align", 1) + " figwidth=figwidth figclass=class",
		"table": table + " widths=gridwidths",
		"csv-table": table + " widths=widths header-rows=nonnegative stub-columns=nonnegative header file=required url=required " +
			"encoding=encoding delim=charorspace quote=char escape=char keepspace=flag",
		"list-table":   table + " widths=widths header-rows=nonnegative stub-columns=nonnegative",
		"contents":     "depth=nonnegative local=flag backlinks=backlinks class=class",
		"sectnum":      "depth=int start=int prefix=required suffix=required",
		"target-notes": common, "line-block": common,
		"raw": "file=required url=required encoding=encoding class=class",
		"include": "literal=flag code encoding=encoding parser=required tab-width=int start-line=int end-line=int " +
			"start-after=required end-before=required number-lines " + common,
		"unicode":                         "trim=flag ltrim=flag rtrim=flag",
		"restructuredtext-test-directive": "option=required",
		// The options the role directive takes for the roles it makes
		// (see roleDef).
		"role": "class=class", "role code": "class=class language", "role raw": "class=class format",
	}
	for _, a := range []string{"attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning"} {
		specs[a] = common
	}
	specs["code-block"], specs["sourcecode"] = specs["code"], specs["code"]
	specs["section-numbering"] = specs["sectnum"]
	checks := map[string]optionCheck{
		"unchanged": func(*string) string { return "" },
		"required":  required,
		"flag": func(v *string) string {
			if v != nil && strings.TrimSpace(*v) != "" {
				return `no argument is allowed; "` + *v + `" supplied`
			}
			return ""
		},
		"class": func(v *string) string {
			if v == nil {
				return required(v)
			}
			for _, w := range strings.Fields(*v) {
				if makeID(w) == "" {
					return `cannot make "` + w + `" into a class name`
				}
			}
			return ""
		},
		"int":         func(v *string) string { _, msg := pyInt(v); return msg },
		"nonnegative": nonnegative,
		"percentage": func(v *string) string {
			if v == nil {
				return nonnegative(v)
			}
			s := strings.TrimRight(*v, " %")
			return nonnegative(&s)
		},
		"length":    func(v *string) string { return measure(v, lengthUnits+` ""`) },
		"lengthpct": func(v *string) string { return lengthOrPercentage(v) },
		"figwidth": func(v *string) string {
			if v != nil && strings.ToLower(*v) == "image" {
				return ""
			}
			return lengthOrPercentage(v)
		},
		"char": singleChar,
		"charorspace": func(v *string) string {
			if v != nil && (*v == "tab" || *v == "space") {
				return ""
			}
			return singleChar(v)
		},
		"align":      choice("left", "center", "right"),
		"imagealign": choice("top", "middle", "bottom", "left", "center", "right"),
		"backlinks":  choice("top", "entry", "none"),
		// The table directive's widths may be "grid" too.
		"widths":     widths("auto"),
		"gridwidths": widths("auto", "grid"),
		"encoding": func(v *string) string {
			switch {
			case v == nil:
				return "lookup() argument must be str, not None"
			case !pythonEncoding(*v):
				return `unknown encoding: "` + *v + `"`
			}
			return ""
		},
	}
	out := map[string]map[string]optionCheck{}
	for d, spec := range specs {
		out[d] = map[string]optionCheck{}
		for _, f := range strings.Fields(spec) {
			name, check, _ := strings.Cut(f, "=")
			if check == "" {
				check = "unchanged"
			}
			if checks[check] == nil {
				panic("rst: no option check " + check)
			}
			out[d][name] = checks[check]
		}
	}
	return out
}()

// lengthUnits are docutils' length_units, quoted as its messages list
// them.
const lengthUnits = `"em" "ex" "px" "in" "cm" "mm" "pt" "pc"`

func required(v *string) string {
	if v == nil {
		return "argument required but none supplied"
	}
	return ""
}

// widths is docutils' value_or(words, positive_int_list): one of the
// words as written, or positive integers apart by commas or white space.
func widths(words ...string) optionCheck {
	return func(v *string) string {
		if v == nil {
			return "argument of type 'NoneType' is not iterable"
		}
		if slices.Contains(words, *v) {
			return ""
		}
		sep := strings.Fields
		if strings.Contains(*v, ",") {
			sep = func(s string) []string { return strings.Split(s, ",") }
		}
		for _, e := range sep(*v) {
			n, msg := pyInt(&e)
			if msg == "" && n < 1 {
				msg = "negative or zero value; must be positive"
			}
			if msg != "" {
				return msg
			}
		}
		return ""
	}
}

// noneType is Python's complaint about None where a string was wanted.
const noneType = "expected string or bytes-like object, got 'NoneType'"

// pyInt is Python's int() of the value: surrounding white space, a sign,
// decimal digits with single underscores between them. It returns the
// value, held at ±2⁶² past that, and Python's complaint.
func pyInt(v *string) (int, string) {
	if v == nil {
		return 0, "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"
	}
	bad := func() (int, string) { return 0, "invalid literal for int() with base 10: " + pyRepr(*v) }
	s := strings.TrimFunc(*v, unicode.IsSpace)
	sign := 1
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return bad()
	}
	n := 0
	for _, r := range s {
		switch {
		case r == '_':
		case unicode.Is(unicode.Nd, r):
			n = min(n, 1<<62/10)*10 + int(digitValue(r))
		default:
			return bad()
		}
	}
	return sign * n, ""
}

// pyIntText is the value of a nonnegative number that pyInt takes, as
// Python prints it: ASCII digits, no underscores, no leading zeros.
func pyIntText(s string) string {
	var b []byte
	for _, r := range s {
		if unicode.Is(unicode.Nd, r) && (len(b) > 0 || digitValue(r) != 0) {
			b = append(b, byte('0'+digitValue(r)))
		}
	}
	if len(b) == 0 {
		return "0"
	}
	return string(b)
}

func nonnegative(v *string) string {
	n, msg := pyInt(v)
	if msg == "" && n < 0 {
		msg = "negative value; must be positive or zero"
	}
	return msg
}

// measure is docutils' get_measure: a number of digits and dots that
// Python's float takes, spaces, then one of units (a list as its message
// gives it, "" for none).
func measure(v *string, units string) string {
	if v == nil {
		return noneType
	}
	s := *v
	i := 0
	for i < len(s) && (s[i] == '.' || '0' <= s[i] && s[i] <= '9') {
		i++
	}
	number, unit := s[:i], strings.TrimLeft(s[i:], " ")
	// One of units, whole: a unit with quotes in it must not match
	// across two of them (`1em" "ex` is no length).
	if i > 0 && strings.Count(number, ".") <= 1 && number != "." &&
		slices.Contains(strings.Fields(units), `"`+unit+`"`) {
		return ""
	}
	return "not a positive measure of one of the following units:\n" + units
}

// lengthOrPercentage is docutils' length_or_percentage_or_unitless.
func lengthOrPercentage(v *string) string {
	if measure(v, `""`) == "" {
		return ""
	}
	return measure(v, lengthUnits+` "%"`)
}

// unicodeCodeRE is docutils' unicode_pattern, a character's code in
// hexadecimal.
var unicodeCodeRE = regexp.MustCompile(`(?i)^(?:(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)|&#x([0-9a-f]+);)$`)

// singleChar is docutils' single_char_or_unicode: one character, or the
// code of one (see unicodeCode).
func singleChar(v *string) string {
	if v == nil {
		return "" // docutils fails with an AttributeError of its own
	}
	_, isCode, msg := unicodeCode(*v)
	if !isCode && utf8.RuneCountInString(*v) > 1 {
		return pyRepr(*v) + " invalid; must be a single character or a Unicode code"
	}
	return msg
}

// unicodeCode is docutils' unicode_code: s is a character's code in
// digits (Python's isdigit, which takes superscripts and other digits
// that int then refuses) or as unicodeCodeRE has it, or else text as it
// is. It returns isCode false for text, or the character, or Python's
// complaint about the code (chr of it: a C int, and a code point).
func unicodeCode(s string) (char rune, isCode bool, msg string) {
	code, base := s, 0
	if code != "" && strings.IndexFunc(code, func(r rune) bool { return !unicode.In(r, unicode.Nd, otherDigits) }) < 0 {
		if strings.IndexFunc(code, func(r rune) bool { return unicode.Is(otherDigits, r) }) >= 0 {
			return 0, true, "invalid literal for int() with base 10: " + pyRepr(code)
		}
		base = 10
	} else if m := unicodeCodeRE.FindStringSubmatch(code); m != nil {
		code, base = m[1]+m[2], 16
	}
	if base == 0 {
		return 0, false, ""
	}
	n := 0
	for _, r := range code {
		d := int(digitValue(r))
		if base == 16 {
			d = strings.IndexRune("0123456789abcdef", unicode.ToLower(r))
		}
		if n = n*base + d; n > math.MaxInt32 {
			return 0, true, "code too large (Python int too large to convert to C int)"
		}
	}
	if n > unicode.MaxRune {
		return 0, true, "chr() arg not in range(0x110000)"
	}
	return rune(n), true, ""
}

// otherDigits are the characters Python's isdigit takes that are not
// decimal digits (Unicode 14, Python 3.11's): superscripts, circled
// digits and the like.
var otherDigits = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0xb2, 0xb3, 1}, {0xb9, 0xb9, 1}, {0x1369, 0x1371, 1}, {0x19da, 0x19da, 1}, {0x2070, 0x2070, 1},
		{0x2074, 0x2079, 1}, {0x2080, 0x2089, 1}, {0x2460, 0x2468, 1}, {0x2474, 0x247c, 1}, {0x2488, 0x2490, 1},
		{0x24ea, 0x24ea, 1}, {0x24f5, 0x24fd, 1}, {0x24ff, 0x24ff, 1}, {0x2776, 0x277e, 1}, {0x2780, 0x2788, 1},
		{0x278a, 0x2792, 1},
	},
	R32: []unicode.Range32{
		{0x10a40, 0x10a43, 1}, {0x10e60, 0x10e68, 1}, {0x11052, 0x1105a, 1}, {0x1f100, 0x1f10a, 1},
	},
	LatinOffset: 2,
}

// digitValue is the value of a decimal digit of any script: they come
// in runs of ten from a zero.
func digitValue(r rune) rune {
	start := r
	for unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return (r - start) % 10
}

// choice is docutils' choice of one of values, in any case, white space
// around it.
func choice(values ...string) optionCheck {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = `"` + v + `"`
	}
	list := strings.Join(quoted[:len(quoted)-1], ", ") + ", or " + quoted[len(quoted)-1]
	return func(v *string) string {
		if v == nil {
			return "must supply an argument; choose from " + list
		}
		for _, c := range values {
			if strings.TrimSpace(strings.ToLower(*v)) == c {
				return ""
			}
		}
		return `"` + *v + `" unknown; choose from ` + list
	}
}

// optionValues returns a directive's options (the lines of its field
// list, dedented) by their names in lower case, nil for one given
// without a value, or what docutils reports of them: a field name of
// more or fewer than one word, an unknown option, one given twice, a
// value its conversion refuses. fieldName gives a field name's text as
// docutils' astext gives it.
func optionValues(spec map[string]optionCheck, opts []string, fieldName func(string) string) (map[string]*string, string) {
	type field struct {
		name  string
		value *string
	}
	var fields []field
	for k := 0; k < len(opts); k++ {
		m := fieldMarker(opts[k])
		if m == "" {
			continue
		}
		name := fieldName(opts[k][1:strings.LastIndexByte(strings.TrimRight(m, " "), ':')])
		if len(strings.Fields(name)) != 1 {
			return nil, "invalid option data: extension option field name may not contain multiple words"
		}
		// The body: the rest of the line, then the lines indented under
		// it, dedented, as one paragraph; none when all are empty.
		var body []string
		if rest := opts[k][len(m):]; rest != "" {
			body = append(body, rest)
		}
		end := k + 1
		for end < len(opts) && fieldMarker(opts[end]) == "" {
			end++
		}
		indent := -1
		for _, c := range opts[k+1 : end] {
			if indent < 0 || indentOf(c) < indent {
				indent = indentOf(c)
			}
		}
		for _, c := range opts[k+1 : end] {
			body = append(body, c[indent:])
		}
		f := field{name: pyLower(name)}
		if len(body) > 0 {
			v := strings.Join(body, "\n")
			f.value = &v
		}
		fields = append(fields, f)
		k = end - 1
	}
	values := map[string]*string{}
	for _, f := range fields {
		check, ok := spec[f.name]
		if !ok {
			return nil, `unknown option: "` + f.name + `"`
		}
		if _, ok := values[f.name]; ok {
			return nil, `invalid option data: duplicate option "` + f.name + `"`
		}
		values[f.name] = f.value
		if msg := check(f.value); msg != "" {
			value := "None"
			if f.value != nil {
				value = pyRepr(*f.value)
			}
			return nil, fmt.Sprintf("invalid option value: (option: \"%s\"; value: %s)\n%s", f.name, value, msg)
		}
	}
	return values, ""
}

// pyRepr is Python's repr of a string: in single quotes unless it has
// one and no double quote, with backslash escapes for the quote, the
// backslash, and what Python does not print.
func pyRepr(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		if e, ok := pyEscapes[r]; ok {
			b.WriteString(e)
			continue
		}
		switch {
		case r == quote:
			b.WriteByte('\\')
			b.WriteRune(r)
		case strconv.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

// pyEscapes are the characters Python's repr escapes by name.
var pyEscapes = map[rune]string{'\\': `\\`, '\n': `\n`, '\r': `\r`, '\t': `\t`}

// makeID is docutils' make_id: the name in lower case, transliterated
// to ASCII, runs of anything but letters and digits made one hyphen, and
// no digits or hyphens at the start or hyphens at the end.
func makeID(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		if t, ok := idDigraphs[r]; ok {
			b.WriteString(t)
		} else if t, ok := idTranslate[r]; ok {
			b.WriteByte(t)
		} else {
			b.WriteRune(r)
		}
	}
	// Python drops what is not ASCII after NFKD, then makes each run of
	// anything but letters and digits a hyphen.
	var id []byte
	for _, r := range norm.NFKD.String(b.String()) {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			id = append(id, byte(r))
		case r < utf8.RuneSelf && (len(id) == 0 || id[len(id)-1] != '-'):
			id = append(id, '-')
		}
	}
	return strings.TrimRight(strings.TrimLeft(string(id), "-0123456789"), "-")
}

// idTranslate and idDigraphs are docutils' _non_id_translate and
// _non_id_translate_digraphs.
var (
	idTranslate = map[rune]byte{
		0x00f8: 'o', 0x0111: 'd', 0x0127: 'h', 0x0131: 'i', 0x0142: 'l', 0x0167: 't', 0x0180: 'b',
		0x0183: 'b', 0x0188: 'c', 0x018c: 'd', 0x0192: 'f', 0x0199: 'k', 0x019a: 'l', 0x019e: 'n',
		0x01a5: 'p', 0x01ab: 't', 0x01ad: 't', 0x01b4: 'y', 0x01b6: 'z', 0x01e5: 'g', 0x0225: 'z',
		0x0234: 'l', 0x0235: 'n', 0x0236: 't', 0x0237: 'j', 0x023c: 'c', 0x023f: 's', 0x0240: 'z',
		0x0247: 'e', 0x0249: 'j', 0x024b: 'q', 0x024d: 'r', 0x024f: 'y',
	}
	idDigraphs = map[rune]string{0x00df: "sz", 0x00e6: "ae", 0x0153: "oe", 0x0238: "db", 0x0239: "qp"}
)

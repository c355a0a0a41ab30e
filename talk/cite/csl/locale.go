package csl

import (
	"io/fs"
	"strings"
)

// Locale is a parsed CSL locale file (locales-xx-XX.xml): the terms, date
// formats and options of one language. A Locale is immutable and may be
// shared by any number of processors.
type Locale struct {
	// Lang is the locale's language tag (xml:lang), such as "en-US".
	Lang string
	root *element
}

// ParseLocale reads a CSL locale file.
func ParseLocale(data []byte) (*Locale, error) {
	root, err := parseXML(data, "locale")
	if err != nil {
		return nil, err
	}
	if root.name != "locale" {
		return nil, styleErr("locale", root, "", "the root element must be <locale>")
	}
	if err := checkLocaleElement(root, "locale"); err != nil {
		return nil, err
	}
	return &Locale{Lang: root.get("xml:lang"), root: root}, nil
}

// LoadLocale reads the locale file name from fsys. An error reading it
// is wrapped, so errors.Is finds fs.ErrNotExist; an error in the locale
// (see ParseLocale) names the file.
func LoadLocale(fsys fs.FS, name string) (*Locale, error) {
	data, err := readFile(fsys, name)
	if err != nil {
		return nil, err
	}
	loc, err := ParseLocale(data)
	return loc, inFile(err, name)
}

// checkLocaleElement validates a <locale> element, from a locale file or
// inside a style.
func checkLocaleElement(loc *element, kind string) error {
	for _, c := range loc.children {
		switch c.name {
		case "info":
		case "style-options":
		case "date":
			if f := c.get("form"); f != "text" && f != "numeric" {
				return styleErr(kind, c, "form", "must be \"text\" or \"numeric\", not %q", f)
			}
			for _, p := range c.children {
				if p.name != "date-part" {
					return styleErr(kind, p, "", "unexpected element in <date>")
				}
			}
		case "terms":
			for _, t := range c.children {
				if t.name != "term" {
					return styleErr(kind, t, "", "unexpected element in <terms>")
				}
				if _, ok := t.attr("name"); !ok {
					return styleErr(kind, t, "name", "missing")
				}
				switch t.get("form") {
				case "", "long", "short", "verb", "verb-short", "symbol":
				default:
					return styleErr(kind, t, "form", "unknown form %q", t.get("form"))
				}
				for _, s := range t.children {
					if s.name != "single" && s.name != "multiple" {
						return styleErr(kind, s, "", "unexpected element in <term>")
					}
				}
			}
		default:
			return styleErr(kind, c, "", "unexpected element in <locale>")
		}
	}
	return nil
}

// termText is one form of a term: a single text, or singular and plural.
type termText struct {
	single, multiple string
	plural           bool // has <single>/<multiple>
}

// termEntry is every form of a term, with the forms specific to a
// grammatical gender (for ordinals in gendered languages).
type termEntry struct {
	forms   map[string]termText
	genders map[string]map[string]termText // "masculine", "feminine"
}

// ordinalSpec maps a number (or its last one or two digits) and a gender
// to the name of the ordinal term that applies, as CSL 1.0.1 defines.
type ordinalSpec struct {
	lastDigit, lastTwo, whole map[string]map[string]string
}

// localeData is a locale merged with the locale sections of a style, as
// the processor uses it. It is built once per processor and then only read.
type localeData struct {
	lang    string
	terms   map[string]*termEntry
	ordKeys map[string]bool // ordinal term names defined
	ord     *ordinalSpec    // nil: CSL 1.0 ordinals (ordinal-01 ... ordinal-04)
	dates   map[string]*element
	genders map[string]string // term name → gender of the noun
	// monthGenders are the genders of month-00 to month-12 (monthGender)
	monthGenders [13]string

	punctuationInQuote bool
	limitDayOrdinals   bool
	skipWords          []string
	leadingNoiseWords  []string
	hasPlaceholderTerm bool
	skipWordMatcher    *stopWordMatcher
}

func newLocaleData(lang string) *localeData {
	return &localeData{
		lang:              lang,
		terms:             map[string]*termEntry{},
		ordKeys:           map[string]bool{},
		dates:             map[string]*element{},
		genders:           map[string]string{},
		skipWords:         citeprocSkipWords,
		leadingNoiseWords: nil,
	}
}

// apply merges one <locale> element into d, the way citeproc-js's
// localeSet does: terms replace terms form by form, dates replace dates,
// options are set when present.
func (d *localeData) apply(loc *element) {
	// A locale that defines the "ordinal" term starts ordinals afresh.
	if terms := loc.child("terms"); terms != nil {
		for _, t := range terms.children {
			if t.get("name") == "ordinal" {
				for k := range d.ordKeys {
					delete(d.terms, k)
				}
				d.ordKeys = map[string]bool{}
				d.ord = nil
				break
			}
		}
	}
	ord := &ordinalSpec{lastDigit: map[string]map[string]string{}, lastTwo: map[string]map[string]string{}, whole: map[string]map[string]string{}}
	ordToggle := false
	genderized := map[string]bool{}
	for _, terms := range loc.children {
		if terms.name != "terms" {
			continue
		}
		for _, t := range terms.children {
			name := t.get("name")
			if name == "sub verbo" {
				name = "sub-verbo"
			}
			if strings.HasPrefix(name, "ordinal") {
				if name == "ordinal" {
					ordToggle = true
				} else {
					match := t.get("match")
					stub := strings.TrimPrefix(name, "ordinal-")
					gf := t.get("gender-form")
					if gf == "" {
						gf = "neuter"
					}
					if match == "" {
						match = "last-two-digits"
						if strings.HasPrefix(stub, "0") {
							match = "last-digit"
						}
					}
					stub = strings.TrimPrefix(stub, "0")
					m := ord.lastTwo
					switch match {
					case "last-digit":
						m = ord.lastDigit
					case "whole-number":
						m = ord.whole
					}
					if m[stub] == nil {
						m[stub] = map[string]string{}
					}
					m[stub][gf] = name
				}
				d.ordKeys[name] = true
			}
			e := d.terms[name]
			if e == nil {
				e = &termEntry{forms: map[string]termText{}}
				d.terms[name] = e
			}
			form := t.get("form")
			if form == "" {
				form = "long"
			}
			if g := t.get("gender"); g != "" {
				d.genders[name] = g
			}
			var tt termText
			if single, multiple := t.child("single"), t.child("multiple"); multiple != nil || single != nil {
				tt.plural = true
				if single != nil {
					tt.single = single.text
				}
				if multiple != nil {
					tt.multiple = multiple.text
				}
			} else {
				tt.single = t.text
			}
			if strings.Contains(tt.single, "%s") || strings.Contains(tt.multiple, "%s") {
				d.hasPlaceholderTerm = true
			}
			if gf := t.get("gender-form"); gf != "" {
				if e.genders == nil {
					e.genders = map[string]map[string]termText{}
				}
				e.genders[gf] = map[string]termText{form: tt}
				genderized[name] = true
			} else {
				e.forms[form] = tt
			}
		}
	}
	if d.terms["supplement"] == nil {
		d.terms["supplement"] = &termEntry{forms: map[string]termText{}}
	}
	if _, ok := d.terms["supplement"].forms["long"]; !ok {
		d.terms["supplement"].forms["long"] = termText{single: "supplement", multiple: "supplements", plural: true}
	}
	if ordToggle {
		for name := range genderized {
			e := d.terms[name]
			if len(e.forms) == 0 {
				src := e.genders["feminine"]
				if src == nil {
					src = e.genders["masculine"]
				}
				for f, v := range src {
					e.forms[f] = v
				}
			}
		}
		d.ord = ord
	}
	// Gender-specific forms fall back to the main forms.
	for _, e := range d.terms {
		for _, g := range []string{"masculine", "feminine"} {
			if gm := e.genders[g]; gm != nil {
				for f, v := range e.forms {
					if _, ok := gm[f]; !ok {
						gm[f] = v
					}
				}
			}
		}
	}
	for _, so := range loc.children {
		if so.name != "style-options" {
			continue
		}
		for _, a := range so.attrs {
			switch a.name {
			case "punctuation-in-quote":
				d.punctuationInQuote = a.value == "true"
			case "limit-day-ordinals-to-day-1":
				d.limitDayOrdinals = a.value == "true"
			case "skip-words":
				d.skipWords = splitComma(a.value)
			case "leading-noise-words":
				d.leadingNoiseWords = splitComma(a.value)
			}
			// name-as-sort-order, name-as-reverse-order and
			// name-never-short are left out: citeproc-js reads them
			// only for transliterated and translated names (its
			// getNameParams), which this engine does not make.
		}
	}
	for _, dt := range loc.children {
		if dt.name == "date" {
			d.dates[dt.get("form")] = dt
		}
	}
}

// finish fills in the defaults citeproc-js supplies after merging.
func (d *localeData) finish() {
	def := func(name, v string) {
		if d.terms[name] == nil {
			d.terms[name] = &termEntry{forms: map[string]termText{"long": {single: v}}}
		}
	}
	if strings.HasPrefix(strings.ToLower(d.lang), "fr") || strings.HasPrefix(strings.ToLower(d.lang), "pt") {
		def("page-range-delimiter", "-")
	} else {
		def("page-range-delimiter", "\u2013")
	}
	def("year-range-delimiter", "\u2013")
	def("citation-range-delimiter", "\u2013")
	d.skipWordMatcher = newStopWordMatcher(d.skipWords)
	for m := range d.monthGenders {
		d.monthGenders[m] = d.genders["month-"+pad2(m)]
	}
}

// monthGender returns the gender of the term of month m ("month-07"),
// for ordinal days.
func (d *localeData) monthGender(m int) string {
	if m >= 0 && m < len(d.monthGenders) {
		return d.monthGenders[m]
	}
	return d.genders["month-"+pad2(m)]
}

func splitComma(s string) []string {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// term looks a term up as citeproc-js's getField does: the requested
// form, falling back to shorter relatives and then to "long"; plural < 0
// means "the first form given" (no number known). ok is false when the
// locale has no such term at all.
func (d *localeData) term(name, form string, plural int, gender string) (string, bool) {
	e := d.terms[name]
	if e == nil {
		return "", false
	}
	forms := e.forms
	if gender != "" && e.genders[gender] != nil {
		forms = e.genders[gender]
	}
	var space [3]string
	try := space[:0]
	switch form {
	case "symbol":
		try = append(try, "symbol", "short")
	case "verb-short":
		try = append(try, "verb-short", "verb")
	case "long", "":
	default:
		try = append(try, form)
	}
	try = append(try, "long")
	for _, f := range try {
		if t, ok := forms[f]; ok {
			if !t.plural {
				return t.single, true
			}
			if plural == 1 {
				return t.multiple, true
			}
			return t.single, true
		}
	}
	return "", true
}

// termOr returns the term, or "" when it is missing (citeproc-js's
// "tolerant" mode).
func (d *localeData) termOr(name, form string, plural int) string {
	s, _ := d.term(name, form, plural, "")
	return s
}

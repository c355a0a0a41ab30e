package csl

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Style is a parsed CSL 1.0.2 style. It is immutable; a [Processor] made
// from it renders references. The same Style may back any number of
// processors, with different locales.
type Style struct {
	Info StyleInfo // what the style's <style> and <info> say about it
	root *element
	// macros by name
	macros map[string]*element
}

// StyleInfo is what a style says about itself.
type StyleInfo struct {
	ID            string // <info><id>
	Title         string // <info><title>
	Class         string // "in-text" or "note"
	DefaultLocale string // the style's default-locale attribute, if any
	Version       string // the CSL version it is written in, "1.0"
}

// ParseStyle reads a CSL style. Errors are *SyntaxError for malformed
// XML and *StyleError for a style that breaks CSL's rules, both with the
// line of the problem.
func ParseStyle(data []byte) (*Style, error) {
	root, err := parseXML(data, "style")
	if err != nil {
		return nil, err
	}
	if root.name != "style" {
		return nil, styleErr("style", root, "", "the root element must be <style>")
	}
	s := &Style{root: root, macros: map[string]*element{}}
	s.Info.Class = root.get("class")
	s.Info.DefaultLocale = root.get("default-locale")
	s.Info.Version = root.get("version")
	if s.Info.Class != "in-text" && s.Info.Class != "note" {
		return nil, styleErr("style", root, "class", "must be \"in-text\" or \"note\", not %q", s.Info.Class)
	}
	var citation, bibliography *element
	for _, c := range root.children {
		switch c.name {
		case "info":
			if id := c.child("id"); id != nil {
				s.Info.ID = strings.TrimSpace(id.text)
			}
			if t := c.child("title"); t != nil {
				s.Info.Title = strings.TrimSpace(t.text)
			}
		case "locale":
			if err := checkLocaleElement(c, "style"); err != nil {
				return nil, err
			}
		case "macro":
			name, ok := c.attr("name")
			if !ok || name == "" {
				return nil, styleErr("style", c, "name", "missing")
			}
			if s.macros[name] != nil {
				return nil, styleErr("style", c, "name", "macro %q defined twice", name)
			}
			s.macros[name] = c
		case "citation":
			if citation != nil {
				return nil, styleErr("style", c, "", "a second <citation> (line %d has one)", citation.line)
			}
			citation = c
		case "bibliography":
			if bibliography != nil {
				return nil, styleErr("style", c, "", "a second <bibliography> (line %d has one)", bibliography.line)
			}
			bibliography = c
		default:
			return nil, styleErr("style", c, "", "unexpected element in <style>")
		}
	}
	if citation == nil {
		return nil, styleErr("style", root, "", "no <citation>")
	}
	v := &validator{s: s}
	for _, c := range root.children {
		switch c.name {
		case "macro":
			if err := v.children(c, c.children); err != nil {
				return nil, err
			}
		case "citation", "bibliography":
			if err := v.area(c); err != nil {
				return nil, err
			}
		}
	}
	// In document order, so that a style with several faults always
	// reports the same one.
	if err := v.countVariables(root, map[string]bool{}); err != nil {
		return nil, err
	}
	done := map[string]bool{}
	for _, c := range root.children {
		if c.name == "macro" {
			if err := v.loop(c.get("name"), done, nil); err != nil {
				return nil, err
			}
		}
	}
	costs := map[string]int{}
	for _, c := range root.children {
		if c.name == "citation" || c.name == "bibliography" {
			if _, err := v.cost(c, costs); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// LoadStyle reads the style file name from fsys. An error reading it
// is wrapped, so errors.Is finds fs.ErrNotExist; an error in the style
// (see ParseStyle) names the file.
func LoadStyle(fsys fs.FS, name string) (*Style, error) {
	data, err := readFile(fsys, name)
	if err != nil {
		return nil, err
	}
	s, err := ParseStyle(data)
	return s, inFile(err, name)
}

// readFile reads a style or locale file, with the package's prefix on
// its errors and a nil fsys refused rather than dereferenced.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	if fsys == nil {
		return nil, fmt.Errorf("csl: reading %q: nil fs.FS", name)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("csl: %w", err)
	}
	return data, nil
}

// HasBibliography reports whether the style defines a bibliography; the
// zero Style (and a nil one) has none.
func (s *Style) HasBibliography() bool {
	return s != nil && s.root != nil && s.root.child("bibliography") != nil
}

type validator struct{ s *Style }

func (v *validator) err(e *element, attrName, format string, args ...any) error {
	return styleErr("style", e, attrName, format, args...)
}

var attrValues = map[string][]string{
	"font-style":                   {"normal", "italic", "oblique"},
	"font-variant":                 {"normal", "small-caps"},
	"font-weight":                  {"normal", "bold", "light"},
	"text-decoration":              {"none", "underline"},
	"vertical-align":               {"baseline", "sup", "sub"},
	"text-case":                    {"lowercase", "uppercase", "capitalize-first", "capitalize-all", "sentence", "title"},
	"display":                      {"block", "left-margin", "right-inline", "indent"},
	"quotes":                       {"true", "false"},
	"strip-periods":                {"true", "false"},
	"match":                        {"all", "any", "none"},
	"and":                          {"text", "symbol"},
	"delimiter-precedes-last":      {"contextual", "after-inverted-name", "always", "never"},
	"delimiter-precedes-et-al":     {"contextual", "after-inverted-name", "always", "never"},
	"name-as-sort-order":           {"first", "all"},
	"initialize":                   {"true", "false"},
	"et-al-use-last":               {"true", "false"},
	"demote-non-dropping-particle": {"never", "sort-only", "display-and-sort"},
}

// checkAttrs checks the values of the attributes that take a fixed set.
func (v *validator) checkAttrs(e *element) error {
	for _, a := range e.attrs {
		if allowed, ok := attrValues[a.name]; ok && !slices.Contains(allowed, a.value) {
			return v.err(e, a.name, "invalid value %q (want one of %s)", a.value, strings.Join(allowed, ", "))
		}
		switch a.name {
		case "et-al-min", "et-al-use-first", "et-al-subsequent-min", "et-al-subsequent-use-first", "names-min", "names-use-first":
			if _, ok := parseIntAttr(a.value); !ok {
				return v.err(e, a.name, "must be a number, not %q", a.value)
			}
		}
	}
	return nil
}

func (v *validator) area(a *element) error {
	if err := v.checkAttrs(a); err != nil {
		return err
	}
	var layout *element
	for _, c := range a.children {
		switch c.name {
		case "layout":
			if layout != nil {
				return v.err(c, "", "more than one <layout>")
			}
			layout = c
		case "sort":
			for _, k := range c.children {
				if k.name != "key" {
					return v.err(k, "", "unexpected element in <sort>")
				}
				_, hasVar := k.attr("variable")
				m, hasMacro := k.attr("macro")
				if hasVar == hasMacro {
					return v.err(k, "", "needs exactly one of variable and macro")
				}
				if hasMacro && v.s.macros[m] == nil {
					return v.err(k, "macro", "undefined macro %q", m)
				}
				if err := v.checkAttrs(k); err != nil {
					return err
				}
			}
		default:
			return v.err(c, "", "unexpected element in <%s>", a.name)
		}
	}
	if layout == nil {
		return v.err(a, "", "no <layout>")
	}
	if err := v.checkAttrs(layout); err != nil {
		return err
	}
	return v.children(layout, layout.children)
}

func (v *validator) children(parent *element, kids []*element) error {
	for _, c := range kids {
		if err := v.rendering(parent, c); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) rendering(parent, e *element) error {
	if err := v.checkAttrs(e); err != nil {
		return err
	}
	switch e.name {
	case "text", "number", "label":
		if len(e.children) > 0 {
			return v.err(e.children[0], "", "unexpected element in <%s>", e.name)
		}
	}
	if val, ok := e.attr("variable"); ok && strings.TrimSpace(val) == "" {
		return v.err(e, "variable", "names no variable")
	}
	switch e.name {
	case "text":
		n := 0
		for _, k := range []string{"variable", "macro", "term", "value"} {
			if _, ok := e.attr(k); ok {
				n++
			}
		}
		if n != 1 {
			return v.err(e, "", "needs exactly one of variable, macro, term and value")
		}
		if m, ok := e.attr("macro"); ok && v.s.macros[m] == nil {
			return v.err(e, "macro", "undefined macro %q", m)
		}
		if f := e.get("form"); f != "" && !slices.Contains([]string{"long", "short", "verb", "verb-short", "symbol"}, f) {
			return v.err(e, "form", "invalid value %q", f)
		}
	case "number":
		if strings.TrimSpace(e.get("variable")) == "" {
			return v.err(e, "variable", "missing")
		}
		if f := e.get("form"); f != "" && !slices.Contains([]string{"numeric", "ordinal", "long-ordinal", "roman"}, f) {
			return v.err(e, "form", "invalid value %q", f)
		}
	case "label":
		if f := e.get("form"); f != "" && !slices.Contains([]string{"long", "short", "verb", "verb-short", "symbol"}, f) {
			return v.err(e, "form", "invalid value %q", f)
		}
		if p := e.get("plural"); p != "" && !slices.Contains([]string{"contextual", "always", "never"}, p) {
			return v.err(e, "plural", "invalid value %q", p)
		}
		if parent.name != "names" && strings.TrimSpace(e.get("variable")) == "" {
			return v.err(e, "variable", "missing")
		}
	case "group":
		return v.children(e, e.children)
	case "choose":
		if len(e.children) == 0 || e.children[0].name != "if" {
			return v.err(e, "", "must start with <if>")
		}
		for i, b := range e.children {
			switch b.name {
			case "if", "else-if":
				if i > 0 && b.name == "if" {
					return v.err(b, "", "only the first branch is <if>")
				}
				if err := v.checkAttrs(b); err != nil {
					return err
				}
				tests := 0
				for _, a := range b.attrs {
					switch a.name {
					case "type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate":
						tests++
					case "match":
					}
				}
				if tests == 0 {
					return v.err(b, "", "a condition needs at least one test")
				}
			case "else":
				if i != len(e.children)-1 {
					return v.err(b, "", "<else> must be the last branch")
				}
			default:
				return v.err(b, "", "unexpected element in <choose>")
			}
			if err := v.children(b, b.children); err != nil {
				return err
			}
		}
	case "names":
		if strings.TrimSpace(e.get("variable")) == "" {
			return v.err(e, "variable", "missing")
		}
		for _, c := range e.children {
			if err := v.checkAttrs(c); err != nil {
				return err
			}
			switch c.name {
			case "name":
				if f := c.get("form"); f != "" && !slices.Contains([]string{"long", "short", "count"}, f) {
					return v.err(c, "form", "invalid value %q", f)
				}
				for _, p := range c.children {
					if p.name != "name-part" {
						return v.err(p, "", "unexpected element in <name>")
					}
					if n := p.get("name"); n != "given" && n != "family" {
						return v.err(p, "name", "must be \"given\" or \"family\"")
					}
					if err := v.checkAttrs(p); err != nil {
						return err
					}
				}
			case "et-al", "institution":
			case "label":
				if err := v.rendering(e, c); err != nil {
					return err
				}
			case "substitute":
				if err := v.children(c, c.children); err != nil {
					return err
				}
			default:
				return v.err(c, "", "unexpected element in <names>")
			}
		}
	case "date":
		if strings.TrimSpace(e.get("variable")) == "" {
			return v.err(e, "variable", "missing")
		}
		if f := e.get("form"); f != "" && f != "text" && f != "numeric" {
			return v.err(e, "form", "invalid value %q", f)
		}
		if dp := e.get("date-parts"); dp != "" && !slices.Contains([]string{"year-month-day", "year-month", "year"}, dp) {
			return v.err(e, "date-parts", "invalid value %q", dp)
		}
		for _, p := range e.children {
			if p.name != "date-part" {
				return v.err(p, "", "unexpected element in <date>")
			}
			if err := v.checkAttrs(p); err != nil {
				return err
			}
			name := p.get("name")
			forms := map[string][]string{
				"year":  {"long", "short"},
				"month": {"long", "short", "numeric", "numeric-leading-zeros"},
				"day":   {"numeric", "numeric-leading-zeros", "ordinal"},
			}[name]
			if forms == nil {
				return v.err(p, "name", "must be year, month or day")
			}
			if f := p.get("form"); f != "" && !slices.Contains(forms, f) {
				return v.err(p, "form", "invalid value %q for %s", f, name)
			}
		}
	default:
		return v.err(e, "", "unexpected element in <%s>", parent.name)
	}
	return nil
}

// loop reports a macro that calls itself, directly or not. done holds
// the macros already checked (each is walked once: forty macros that
// each call the next twice would otherwise be walked 2^40 times), stack
// the calls that lead to name.
func (v *validator) loop(name string, done map[string]bool, stack []string) error {
	if done[name] {
		return nil
	}
	m := v.s.macros[name]
	if slices.Contains(stack, name) {
		return v.err(m, "name", "macro %q calls itself (%s)", name, strings.Join(append(stack, name), " → "))
	}
	stack = append(stack, name)
	var walk func(e *element) error
	walk = func(e *element) error {
		for _, c := range e.children {
			if c.name == "text" {
				if mn, ok := c.attr("macro"); ok {
					if err := v.loop(mn, done, stack); err != nil {
						return err
					}
				}
			}
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(m); err != nil {
		return err
	}
	done[name] = true
	return nil
}

// maxStyleVariables bounds the variables a style may name: CSL has
// about 150, and the engine numbers each (with its short form) in 16 bits.
const maxStyleVariables = 10000

// countVariables reports a style that names more than maxStyleVariables
// variables, at the element that names one too many; seen holds those
// named so far.
func (v *validator) countVariables(e *element, seen map[string]bool) error {
	for _, a := range e.attrs {
		switch a.name {
		case "variable", "is-numeric", "is-uncertain-date":
			for _, name := range strings.Fields(a.value) {
				seen[name] = true
			}
			if len(seen) > maxStyleVariables {
				return v.err(e, a.name, "the style names more than %d variables", maxStyleVariables)
			}
		}
	}
	for _, c := range e.children {
		if err := v.countVariables(c, seen); err != nil {
			return err
		}
	}
	return nil
}

// maxRenderedElements bounds the elements one rendering of a style's
// citation or bibliography can visit, its macros expanded and one branch
// of each <choose> taken: forty macros that each call the next twice
// are a few lines of style and 2^40 elements, which would hang whatever
// rendered them. The official APA and Chicago styles visit at most
// about 2,400.
const maxRenderedElements = 1 << 20

// cost returns the most elements a rendering of e can visit (see
// maxRenderedElements), or an error on the macro, or area, that can
// visit more. costs holds the macros already measured; the macros must
// not call themselves (loop).
func (v *validator) cost(e *element, costs map[string]int) (int, error) {
	n := 1
	if mn, ok := e.attr("macro"); ok && (e.name == "text" || e.name == "key") {
		mc, ok := costs[mn]
		if !ok {
			m := v.s.macros[mn]
			for _, k := range m.children {
				kc, err := v.cost(k, costs)
				if err != nil {
					return 0, err
				}
				if mc += kc; mc > maxRenderedElements {
					return 0, v.err(m, "name", "macro %q can render more than %d elements (each call renders the whole macro called)", mn, maxRenderedElements)
				}
			}
			costs[mn] = mc
		}
		n += mc
	}
	most := 0
	for _, k := range e.children {
		kc, err := v.cost(k, costs)
		if err != nil {
			return 0, err
		}
		if e.name == "choose" {
			most = max(most, kc) // one branch is taken
		} else {
			n += kc
		}
		if n+most > maxRenderedElements {
			return 0, v.err(e, "", "can render more than %d elements, its macros expanded (each call renders the whole macro called)", maxRenderedElements)
		}
	}
	return n + most, nil
}

// parseIntAttr reads a number attribute as parseInt does.
func parseIntAttr(s string) (int, bool) {
	t := leadingInt(s)
	if t == "" {
		return 0, false
	}
	n := 0
	neg := false
	for i, c := range t {
		if i == 0 && (c == '-' || c == '+') {
			neg = c == '-'
			continue
		}
		n = n*10 + int(c-'0')
		if n > 1<<30 {
			n = 1 << 30
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

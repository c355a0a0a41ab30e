package csl

import (
	"strconv"
	"strings"
)

// Format is an output format: plain text or HTML, as citeproc-js writes
// them.
type Format int

const (
	// Text is plain text: formatting is dropped, quotes are kept.
	Text Format = iota
	// HTML escapes &, < and > as numeric entities and formats with <i>,
	// <b>, <sup>, <sub> and styled spans; a bibliography entry is a
	// <div class="csl-entry">.
	HTML
)

// String returns "text" or "html", and "Format(n)" for another value.
func (f Format) String() string {
	switch f {
	case Text:
		return "text"
	case HTML:
		return "html"
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// writer flattens an output tree in one format.
type writer struct {
	r        *renderer
	f        Format
	citation bool
	plain    bool // no decorations, as citeproc-js's suppress_decorations
	// pieces is the stack render flattens blobs onto, and frags their
	// texts' fragments.
	pieces []piece
	frags  []frag
}

var htmlEscaper = strings.NewReplacer("&", "&#38;", "<", "&#60;", ">", "&#62;")

var superscripts = map[rune]string{
	'\u00AA': "a", '\u00B2': "2", '\u00B3': "3", '\u00B9': "1", '\u00BA': "o",
	'\u02B0': "h", '\u02B1': "\u0266", '\u02B2': "j", '\u02B3': "r", '\u02B4': "\u0279",
	'\u02B5': "\u027B", '\u02B6': "\u0281", '\u02B7': "w", '\u02B8': "y", '\u02E0': "\u0263",
	'\u02E1': "l", '\u02E2': "s", '\u02E3': "x", '\u02E4': "\u0295", '\u1D2C': "A",
	'\u1D2D': "\u00C6", '\u1D2E': "B", '\u1D30': "D", '\u1D31': "E", '\u1D32': "\u018E",
	'\u1D33': "G", '\u1D34': "H", '\u1D35': "I", '\u1D36': "J", '\u1D37': "K",
	'\u1D38': "L", '\u1D39': "M", '\u1D3A': "N", '\u1D3C': "O", '\u1D3D': "\u0222",
	'\u1D3E': "P", '\u1D3F': "R", '\u1D40': "T", '\u1D41': "U", '\u1D42': "W",
	'\u1D43': "a", '\u1D44': "\u0250", '\u1D45': "\u0251", '\u1D46': "\u1D02", '\u1D47': "b",
	'\u1D48': "d", '\u1D49': "e", '\u1D4A': "\u0259", '\u1D4B': "\u025B", '\u1D4C': "\u025C",
	'\u1D4D': "g", '\u1D4F': "k", '\u1D50': "m", '\u1D51': "\u014B", '\u1D52': "o",
	'\u1D53': "\u0254", '\u1D54': "\u1D16", '\u1D55': "\u1D17", '\u1D56': "p", '\u1D57': "t",
	'\u1D58': "u", '\u1D59': "\u1D1D", '\u1D5A': "\u026F", '\u1D5B': "v", '\u1D5C': "\u1D25",
	'\u1D5D': "\u03B2", '\u1D5E': "\u03B3", '\u1D5F': "\u03B4", '\u1D60': "\u03C6", '\u1D61': "\u03C7",
	'\u2070': "0", '\u2071': "i", '\u2074': "4", '\u2075': "5", '\u2076': "6",
	'\u2077': "7", '\u2078': "8", '\u2079': "9", '\u207A': "+", '\u207B': "\u2212",
	'\u207C': "=", '\u207D': "(", '\u207E': ")", '\u207F': "n", '\u2120': "SM",
	'\u2122': "TM", '\u3192': "\u4E00", '\u3193': "\u4E8C", '\u3194': "\u4E09", '\u3195': "\u56DB",
	'\u3196': "\u4E0A", '\u3197': "\u4E2D", '\u3198': "\u4E0B", '\u3199': "\u7532", '\u319A': "\u4E59",
	'\u319B': "\u4E19", '\u319C': "\u4E01", '\u319D': "\u5929", '\u319E': "\u5730", '\u319F': "\u4EBA",
	'\u02C0': "\u0294", '\u02C1': "\u0295", '\u06E5': "\u0648", '\u06E6': "\u064A",
}

// esc escapes text for the format (citeproc-js's text_escape).
func (w *writer) esc(s string) string {
	if w.f != HTML || s == "" {
		return s
	}
	s = htmlEscaper.Replace(s)
	// Two white-space characters in a row become a no-break space and a
	// space, so that HTML does not collapse them.
	if n := len(s); n > 1 {
		var b strings.Builder
		rs := []rune(s)
		changed := false
		for i := 0; i < len(rs); i++ {
			if i+1 < len(rs) && isJSSpace(rs[i]) && isJSSpace(rs[i+1]) {
				b.WriteString("\u00a0 ")
				i++
				changed = true
				continue
			}
			if sup, ok := superscripts[rs[i]]; ok {
				b.WriteString("<sup>" + sup + "</sup>")
				changed = true
				continue
			}
			b.WriteRune(rs[i])
		}
		if changed {
			return b.String()
		}
		return s
	}
	if sup, ok := superscripts[[]rune(s)[0]]; ok {
		return "<sup>" + sup + "</sup>"
	}
	return s
}

var htmlTemplates = map[decoration]string{
	{decFontStyle, "italic"}:       "<i>%%STRING%%</i>",
	{decFontStyle, "oblique"}:      "<em>%%STRING%%</em>",
	{decFontStyle, "normal"}:       `<span style="font-style:normal;">%%STRING%%</span>`,
	{decFontVariant, "small-caps"}: `<span style="font-variant:small-caps;">%%STRING%%</span>`,
	{decFontVariant, "normal"}:     `<span style="font-variant:normal;">%%STRING%%</span>`,
	{decFontWeight, "bold"}:        "<b>%%STRING%%</b>",
	{decFontWeight, "normal"}:      `<span style="font-weight:normal;">%%STRING%%</span>`,
	{decTextDecor, "none"}:         `<span style="text-decoration:none;">%%STRING%%</span>`,
	{decTextDecor, "underline"}:    `<span style="text-decoration:underline;">%%STRING%%</span>`,
	{decVertical, "sup"}:           "<sup>%%STRING%%</sup>",
	{decVertical, "sub"}:           "<sub>%%STRING%%</sub>",
	{decVertical, "baseline"}:      `<span style="baseline">%%STRING%%</span>`,
}

// decorate applies one formatting attribute to s.
func (w *writer) decorate(d decoration, s string, b *blob) string {
	if w.f == HTML && s != "" && strings.IndexByte(s, '$') >= 0 {
		// The template's replace expands "$" patterns in s.
		if t, ok := htmlTemplates[d]; ok && !w.plain {
			return jsReplaceOnce(t, "%%STRING%%", s)
		}
	}
	before, after := w.wraps(d, s == "")
	return before + s + after
}

// wraps returns the markup decoration d puts before and after a text
// (empty tells whether the text is empty): quotes, the divs of display
// and of an entry, and for HTML the formatting templates, as
// citeproc-js's formats write them.
func (w *writer) wraps(d decoration, empty bool) (before, after string) {
	if w.plain {
		return "", ""
	}
	loc := w.r.p.loc
	switch d.attr {
	case decQuotes:
		switch d.value {
		case "true":
			return loc.termOr("open-quote", "long", -1), loc.termOr("close-quote", "long", -1)
		case "inner":
			return loc.termOr("open-inner-quote", "long", -1), loc.termOr("close-inner-quote", "long", -1)
		}
		return "", ""
	case decDisplay:
		if w.f == HTML {
			switch d.value {
			case "block":
				return "\n\n    <div class=\"csl-block\">", "</div>\n"
			case "left-margin":
				return "\n    <div class=\"csl-left-margin\">", "</div>"
			case "right-inline":
				return "<div class=\"csl-right-inline\">", "</div>\n  "
			case "indent":
				return "<div class=\"csl-indent\">", "</div>\n  "
			}
			return "", ""
		}
		switch d.value {
		case "block":
			return "\n", ""
		case "left-margin":
			return "", " "
		case "indent":
			return "\n    ", ""
		}
		return "", ""
	case decBibliography:
		if w.f == HTML {
			return "  <div class=\"csl-entry\">", "</div>\n"
		}
		return "", "\n"
	}
	if w.f != HTML || empty {
		return "", ""
	}
	t, ok := htmlTemplates[d]
	if !ok {
		return "", ""
	}
	i := strings.Index(t, "%%STRING%%")
	return t[:i], t[i+len("%%STRING%%"):]
}

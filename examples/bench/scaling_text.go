package main

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/rst"
)

// descriptionTop is the largest description of the text cases: 256 KiB,
// the default limit of one text (talk.Limits.MaxTextBytes).
const descriptionTop = 256 << 10

// textShape is one hostile description.
type textShape struct {
	name  string
	shape func(n int) string
}

// numbered fills about n bytes with lines made by line(i), numbered from 1.
func numbered(n int, line func(i string) string) string {
	return fillf(n, "", func(i int) string { return line(strconv.Itoa(i + 1)) })
}

// indentedRuns nests items by indentation, one step of indent deeper each
// time up to depth, then starts again at the left margin.
func indentedRuns(n int, depth int, indent, item string) string {
	return fillf(n, "", func(i int) string { return strings.Repeat(indent, i%depth) + item })
}

// nestedTableDirectives is a table directive whose grid table has one
// cell, which holds a table directive, levels deep: each level's check
// that its content is one table must not parse all the levels below.
func nestedTableDirectives(levels int) string {
	table := []string{"===  ===", "a    b", "===  ==="}
	for range levels {
		body := append([]string{".. table::", ""}, indentLines(table)...)
		width := 0
		for _, l := range body {
			width = max(width, len(l))
		}
		border := "+" + strings.Repeat("-", width+2) + "+"
		table = []string{border}
		for _, l := range body {
			table = append(table, "| "+l+strings.Repeat(" ", width-len(l))+" |")
		}
		table = append(table, border)
	}
	return strings.Join(append([]string{".. table::", ""}, indentLines(table)...), "\n") + "\n"
}

// nestedListTables is a list-table whose last cell holds a list-table,
// levels deep: each level's check of its rows must not parse the levels
// below.
func nestedListTables(levels int) string {
	table := []string{"x"}
	for range levels {
		body := []string{".. list-table::", "", "   * - a", "     - " + table[0]}
		for _, l := range table[1:] {
			body = append(body, "       "+l)
		}
		table = body
	}
	return strings.Join(table, "\n") + "\n\n"
}

// indentLines indents each line by three spaces, as a directive's
// content is.
func indentLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = "   " + l
	}
	return out
}

var rstShapes = []textShape{
	{"paragraphs", func(n int) string {
		return fill("A paragraph with *emphasis*, **strong**, ``literal`` and a `link <https://example.org/>`_.\n\n", n)
	}},
	{"long-line", func(n int) string { return fill("word ", n) }},
	{"unclosed-emphasis", func(n int) string { return rstLines(fill("*a ", n)) }},
	{"unclosed-strong", func(n int) string { return rstLines(fill("**a ", n)) }},
	{"unclosed-literal", func(n int) string { return rstLines(fill("``a ", n)) }},
	{"unclosed-interpreted", func(n int) string { return rstLines(fill("`a ", n)) }},
	{"unclosed-substitution", func(n int) string { return rstLines(fill("|a ", n)) }},
	{"unclosed-phrase-reference", func(n int) string { return rstLines(fill("`a <b ", n)) }},
	{"unclosed-inline-target", func(n int) string { return rstLines(fill("_`a ", n)) }},
	{"unclosed-emphasis-lines", func(n int) string { return fill("*a\n", n) }},
	{"nested-inline", func(n int) string { return rstLines(fill("*a **b** ``c`` `d`_ e* ", n)) }},
	{"inline-markup-runs", func(n int) string { return rstLines(fill("**", n)) }},
	{"backslashes", func(n int) string { return rstLines(fill(`\\`, n)) }},
	{"escaped-markup", func(n int) string { return rstLines(fill(`\*a\* \`+"`b\\` ", n)) }},
	{"long-underline", func(n int) string { return "Title\n" + fill("=", n) + "\n\ntext\n" }},
	{"long-title", func(n int) string { return fill("T", n/2) + "\n" + fill("=", n/2) + "\n" }},
	{"long-transition", func(n int) string { return "a\n\n" + fill("-", n) + "\n\nb\n" }},
	{"many-sections", func(n int) string { return fill("Title\n=====\n\ntext\n\n", n) }},
	{"nested-sections", func(n int) string {
		return fillf(n, "", func(i int) string {
			c := string("=-~^\"'`#*+:."[i%12])
			return "Title\n" + strings.Repeat(c, 5) + "\n\ntext\n\n"
		})
	}},
	{"many-bullets", func(n int) string { return fill("- item\n", n) }},
	{"many-enumerated", func(n int) string { return numbered(n, func(i string) string { return i + ". item\n" }) }},
	{"nested-bullets", func(n int) string { return indentedRuns(n, 20, "  ", "- item\n\n") }},
	{"nested-quotes", func(n int) string { return indentedRuns(n, 20, "  ", "quote\n\n") }},
	{"many-definitions", func(n int) string { return fill("term\n  definition\n", n) }},
	{"many-fields", func(n int) string { return fill(":field: value\n", n) }},
	{"many-line-blocks", func(n int) string { return fill("| line\n", n) }},
	{"literal-block", func(n int) string { return "::\n\n" + fill("    code line\n", n) }},
	{"doctest", func(n int) string { return fill(">>> 1 + 1\n2\n\n", n) }},
	{"grid-table-rows", func(n int) string { return "+---+---+\n" + fill("| a | b |\n+---+---+\n", n) + "\n" }},
	{"grid-table-columns", func(n int) string {
		k := max(1, n/16)
		return strings.Repeat("+---", k) + "+\n" + strings.Repeat("| a ", k) + "|\n" + strings.Repeat("+---", k) + "+\n"
	}},
	{"grid-table-cells", func(n int) string { return "+-----+-----+\n" + fill("| *a* | `b  |\n+-----+-----+\n", n) + "\n" }},
	{"grid-table-wide-cells", func(n int) string {
		k := max(1, n/24)
		return strings.Repeat("+-----", k) + "+\n" + strings.Repeat("| *a  ", k) + "|\n" + strings.Repeat("+-----", k) + "+\n"
	}},
	{"simple-table-rows", func(n int) string { return "===  ===\n" + fill("a    b\n", n) + "===  ===\n" }},
	{"simple-table-columns", func(n int) string {
		k := max(1, n/15)
		return strings.Repeat("===  ", k) + "\n" + strings.Repeat("a    ", k) + "\n" + strings.Repeat("===  ", k) + "\n"
	}},
	{"nested-figures", func(n int) string {
		// A caption, then a figure in the legend, as deep as nesting
		// goes: what the caption is must not be parsed again at each
		// level.
		return fillf(n, "", func(i int) string {
			indent := strings.Repeat("   ", i%30)
			return indent + ".. figure:: a.png\n\n" + indent + "   caption *a\n\n"
		})
	}},
	{"nested-table-directives", func(n int) string { return fill(nestedTableDirectives(14)+"\n", n) }},
	{"nested-list-tables", func(n int) string { return fill(nestedListTables(15), n) }},
	{"long-option-values", func(n int) string {
		return fill(".. image:: a.png\n   :alt: a\n"+strings.Repeat("      b\n", 20)+"   :width: 3 \\px\n      b\n\n", n)
	}},
	{"many-notes", func(n int) string { return fill(".. note::\n\n   text\n\n", n) }},
	{"code-directive", func(n int) string { return ".. code-block:: python\n\n" + fill("   x = 1\n", n) }},
	{"unknown-directives", func(n int) string { return fill(".. frobnicate:: x\n\n", n) }},
	{"many-targets", func(n int) string {
		return rstLines(numbered(n/2, func(i string) string { return "t" + i + "_ " })) + "\n\n" +
			numbered(n/2, func(i string) string { return ".. _t" + i + ": https://example.org/" + i + "\n" })
	}},
	{"anonymous-references", func(n int) string {
		return rstLines(fill("`a`__ ", n/2)) + "\n\n" + fill("__ https://example.org/\n", n/2)
	}},
	{"undefined-references", func(n int) string { return numbered(n, func(i string) string { return "r" + i + "_\n" }) }},
	{"duplicate-targets", func(n int) string { return fill(".. _a: https://example.org/\n", n) }},
	{"duplicate-target-urls", func(n int) string {
		return numbered(n, func(i string) string { return ".. _a: https://example.org/" + i + "\n" })
	}},
	{"duplicate-sections", func(n int) string { return fill("Title\n=====\n\n", n) }},
	{"duplicate-inline-targets", func(n int) string {
		return rstLines(numbered(n, func(i string) string { return "`a <https://example.org/" + i + ">`_ " }))
	}},
	{"duplicate-title-targets", func(n int) string {
		return fill("T `x <https://example.org/a>`_ `x <https://example.org/b>`_\n===\n\n*a\n\n", n)
	}},
	{"long-target-name", func(n int) string { return ".. _" + fill("name\n   ", n) }},
	{"standalone-urls", func(n int) string { return rstLines(fill("https://example.org/a/b?c=d ", n)) }},
	{"emails", func(n int) string { return rstLines(fill("a@example.org ", n)) }},
	{"footnotes", func(n int) string { return rstLines(fill("[1]_ ", n)) + "\n\n.. [1] A note.\n" }},
	{"comments", func(n int) string { return fill(".. a comment\n", n) }},
	{"footnote-bodies", func(n int) string { return fill(".. [1] A *note*.\n\n   More.\n\n", n) }},
	{"option-lists", func(n int) string { return fill("-a, --all  Show *all*.\n", n) }},
	{"option-lists-unfinished", func(n int) string { return fill("-a  desc\ntext\n\n", n) }},
	{"simple-table-no-bottom", func(n int) string { return "=====  =====\n" + fill("a      b\n", n) }},
	{"simple-table-cells", func(n int) string { return "=====  =====\n" + fill("a      *b*\n", n) + "=====  =====\n" }},
	{"simple-table-wide-row", func(n int) string {
		k := max(1, n/15)
		return strings.Repeat("===  ", k) + "\n" + strings.Repeat("a    ", k) + "x\n" + strings.Repeat("===  ", k) + "\n"
	}},
	{"simple-table-combining", func(n int) string {
		return "=====  =====\n" + fill("a\u0306      *b*\n", n) + "=====  =====\n"
	}},
	{"grid-table-combining", func(n int) string { return "+-----+-----+\n" + fill("| a\u0306  | *b* |\n+-----+-----+\n", n) + "\n" }},
	{"unexpected-indentation", func(n int) string { return fill("a\n  b\n", n) }},
	{"roles", func(n int) string { return rstLines(fill(":code:`x` :bogus:`y` ", n)) }},
	{"substitutions", func(n int) string { return rstLines(fill("|a| ", n/2)) + "\n\n" + fill(".. |a| replace:: b\n", n/2) }},
	{"undefined-substitutions", func(n int) string {
		return numbered(n, func(i string) string { return "|s" + i + "| |d|\n" }) + "\n\n.. |d| date::\n"
	}},
	{"unmatched-footnote-references", func(n int) string { return numbered(n, func(i string) string { return "[" + i + "]_\n" }) }},
	{"empty-comments", func(n int) string { return fill("..\n\n   quote\n\n", n) }},
	{"headers-and-footers", func(n int) string { return fill(".. header:: *h*\n\n.. footer:: f\n\ntext\n\n", n) }},
	{"topics-and-rubrics", func(n int) string { return fill(".. topic:: T\n\n   t\n\n.. rubric:: R\n\n", n) }},
	{"pep-and-rfc-roles", func(n int) string { return fill(":pep:`8` :rfc:`2822#section-3`\n", n) }},
}

// rstLines breaks s, text of one line, into lines of about 72 bytes at
// its spaces (every 200 bytes where it has none), so that a shape grows
// past docutils' line-length limit as a paragraph of many lines, as
// descriptions are written: a line of more than 10,000 characters is
// refused at once, and a shape of one line timed only that refusal
// beyond it. Its units are ASCII.
func rstLines(s string) string {
	var b strings.Builder
	col := 0
	for i := 0; i < len(s); i++ {
		switch {
		case col >= 72 && s[i] == ' ':
			b.WriteByte('\n')
			col = 0
			continue
		case col >= 200:
			b.WriteByte('\n')
			col = 0
		}
		b.WriteByte(s[i])
		col++
	}
	return b.String()
}

// rstOneLineShapes are the shapes that must be one long line (a table's
// row, a title), grown no further than docutils' line-length limit
// lets them be parsed.
const rstOneLineShapes = "long-title grid-table-columns grid-table-wide-cells simple-table-columns simple-table-wide-row"

// Check takes its own way through inline markup and reports the
// diagnostics of blocks; WriteHTML writes every kind of element. Each is
// swept on the shapes that reach what is its own.
const (
	rstCheckShapes = "paragraphs long-line unclosed-emphasis unclosed-strong unclosed-literal unclosed-interpreted " +
		"unclosed-substitution unclosed-phrase-reference unclosed-inline-target unclosed-emphasis-lines nested-inline " +
		"inline-markup-runs backslashes escaped-markup long-underline nested-sections many-targets anonymous-references " +
		"undefined-references duplicate-targets duplicate-target-urls duplicate-sections duplicate-inline-targets duplicate-title-targets long-target-name " +
		"unknown-directives standalone-urls footnotes footnote-bodies option-lists option-lists-unfinished simple-table-no-bottom " +
		"simple-table-cells simple-table-wide-row grid-table-cells grid-table-wide-cells unexpected-indentation roles substitutions " +
		"nested-figures nested-table-directives nested-list-tables long-option-values simple-table-combining grid-table-combining"
	rstWriteShapes = "paragraphs nested-inline many-sections nested-sections many-bullets many-enumerated nested-bullets nested-quotes " +
		"many-definitions many-fields many-line-blocks literal-block grid-table-rows grid-table-columns simple-table-rows " +
		"simple-table-columns many-notes code-directive many-targets anonymous-references standalone-urls footnotes roles substitutions " +
		"option-lists"
)

func rstCases() []scalingCase {
	var cases []scalingCase
	for _, s := range rstShapes {
		top := descriptionTop
		if among(rstOneLineShapes, s.name) {
			top = 8 << 10
		}
		cases = append(cases, textCase("rst.Parse/"+s.name, s.shape, func(s string) error { rst.Parse(s); return nil }).upTo(top))
		if among(rstCheckShapes, s.name) {
			cases = append(cases, textCase("rst.Check/"+s.name, s.shape, func(s string) error { rst.Check(s); return nil }).upTo(top))
		}
		if among(rstWriteShapes, s.name) {
			cases = append(cases, scalingCase{name: "rst.WriteHTML/" + s.name, top: top, build: func(n int) (func() error, int) {
				src := s.shape(n)
				doc := rst.Parse(src)
				return func() error { return rst.WriteHTML(io.Discard, doc, rst.HTMLOptions{}) }, len(src)
			}})
		}
	}
	return cases
}

// among reports whether name is one of the space-separated names.
func among(names, name string) bool { return slices.Contains(strings.Fields(names), name) }

var markdownShapes = []textShape{
	{"paragraphs", func(n int) string {
		return fill("A paragraph with *emphasis*, **strong**, `code` and a [link](https://example.org/).\n\n", n)
	}},
	{"long-line", func(n int) string { return fill("word ", n) }},
	{"unclosed-emphasis", func(n int) string { return rstLines(fill("*a ", n)) }},
	{"unclosed-underscores", func(n int) string { return fill("_a ", n) }},
	{"nested-emphasis", func(n int) string { return nested("*a _b **c ", "d", " c** b_ a*", n) }},
	{"emphasis-runs", func(n int) string { return fill("*a**b***c", n) }},
	{"unclosed-strikethrough", func(n int) string { return fill("~~a ", n) }},
	{"unclosed-brackets", func(n int) string { return fill("[a ", n) }},
	{"unclosed-links", func(n int) string { return fill("[a](b ", n) }},
	{"unclosed-images", func(n int) string { return fill("![a ", n) }},
	{"nested-brackets", func(n int) string { return nested("[", "a", "]", n) }},
	{"nested-links", func(n int) string { return nested("[a ", "b", "](https://example.org/)", n) }},
	{"many-links", func(n int) string { return fill("[a](https://example.org/) ", n) }},
	{"unsafe-links", func(n int) string { return fill("[a](javascript:alert(1)) ", n) }},
	{"reference-links", func(n int) string {
		return numbered(n/2, func(i string) string { return "[r" + i + "] " }) + "\n\n" +
			numbered(n/2, func(i string) string { return "[r" + i + "]: https://example.org/" + i + "\n" })
	}},
	{"unclosed-code", func(n int) string { return fill("`a ", n) }},
	{"code-span-lengths", func(n int) string {
		return fillf(n, " ", func(i int) string { return strings.Repeat("`", 1+i%30) + "a" })
	}},
	{"unclosed-angles", func(n int) string { return fill("<a ", n) }},
	{"autolinks", func(n int) string { return fill("<https://example.org/> ", n) }},
	{"bare-urls", func(n int) string { return fill("https://example.org/a www.example.org ", n) }},
	{"bare-url-prefixes", func(n int) string { return fill("www.", n) }},
	{"nested-quotes", func(n int) string { return fill(strings.Repeat(">", 50)+" a\n", n) }},
	{"deep-quote", func(n int) string { return fill(">", n) + " a\n" }},
	{"deep-spaced-quote", func(n int) string { return fill("> ", n) + "a\n" }},
	{"deep-list", func(n int) string { return fill("- ", n) + "a\n" }},
	{"deep-ordered-list", func(n int) string { return fill("1. ", n) + "a\n" }},
	{"unclosed-destinations", func(n int) string { return fill("[a](", n) }},
	{"many-list-items", func(n int) string { return fill("- item\n", n) }},
	{"nested-lists", func(n int) string { return indentedRuns(n, 30, "  ", "- item\n") }},
	{"headings", func(n int) string { return fill("# h\n", n) }},
	{"long-setext-underline", func(n int) string { return "Title\n" + fill("=", n) + "\n" }},
	{"table-rows", func(n int) string { return "| a | b |\n|---|---|\n" + fill("| c | d |\n", n) }},
	{"table-columns", func(n int) string {
		k := max(1, n/8)
		return strings.Repeat("| a ", k) + "|\n" + strings.Repeat("|---", k) + "|\n" + strings.Repeat("| b ", k) + "|\n"
	}},
	{"html-blocks", func(n int) string { return fill("<div>\n", n) }},
	{"entities", func(n int) string { return fill("&amp; &#233; &bogus ", n) }},
	{"backslashes", func(n int) string { return rstLines(fill(`\\`, n)) }},
	{"fenced-code", func(n int) string { return "```\n" + fill("code\n", n) }},
}

func markdownCases() []scalingCase {
	var cases []scalingCase
	for _, s := range markdownShapes {
		cases = append(cases, descriptionCase("html.WriteTalk/markdown-"+s.name, s.shape, talk.Markdown))
	}
	return cases
}

// descriptionCase renders a talk page whose description has the shape.
func descriptionCase(name string, shape func(n int) string, markup talk.Markup) scalingCase {
	return scalingCase{name: name, top: descriptionTop, build: func(n int) (func() error, int) {
		t := plainTalk()
		t.Description, t.Markup = shape(n), markup
		var r html.Renderer
		return func() error { return r.WriteTalk(io.Discard, t, html.PageOptions{}) }, len(t.Description)
	}}
}

// plainTalk is an ordinary talk for the renderers' cases to change.
func plainTalk() *talk.Talk {
	return &talk.Talk{
		ID: "talk", Title: "Async IO in Python", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}},
		Event:    talk.Event{ID: "event", Title: "PyCon 2020", TimeZone: "Europe/Berlin"},
		Recorded: talk.MustParseDate("2020-01-02T10:00:00+01:00"), Duration: talk.Duration(1800e9),
		Language: "en", Description: "What the talk is about.", Tags: []string{"python"},
		Videos: []talk.Video{{Provider: talk.YouTube, ID: "m28fiN9y_r8", URL: "https://www.youtube.com/watch?v=m28fiN9y_r8"}},
		Links:  []talk.Link{{URL: "https://example.org/talk", Label: "Schedule"}},
		Slides: []talk.Link{{URL: "https://example.org/slides.pdf"}},
	}
}

// talkShape changes an ordinary talk to be about n bytes larger; the
// talk's renderers are timed on it.
type talkShape struct {
	name string
	// top is the shape's largest n; 0 means descriptionTop.
	top   int
	shape func(t *talk.Talk, n int)
}

// Counts of speakers and videos stay within talk.Limits' default of 500:
// the shapes' tops are 500 items of their size.
var talkShapes = []talkShape{
	{name: "long-title", shape: func(t *talk.Talk, n int) { t.Title = fill("Async IO in Python ", n) }},
	{name: "long-word-title", shape: func(t *talk.Talk, n int) { t.Title = fill("a", n) }},
	{name: "special-characters", shape: func(t *talk.Talk, n int) {
		t.Title = fill(`<a href="x">&amp;</a> {}%$#_^~\ 'q' `, n/2)
		t.Description = fill("<script>&\u2028\u0000\ufffe'\" ", n/2)
	}},
	{name: "plain-paragraphs", shape: func(t *talk.Talk, n int) { t.Description = fill("Some words.\n\n", n) }},
	{name: "plain-newlines", shape: func(t *talk.Talk, n int) { t.Description = fill("\r\n", n) }},
	{name: "rst-description", shape: func(t *talk.Talk, n int) {
		t.Description, t.Markup = shapeNamed(rstShapes, "paragraphs").shape(n), talk.ReStructuredText
	}},
	{name: "many-speakers", top: 500 * 32, shape: func(t *talk.Talk, n int) {
		t.Speakers = nil
		for i := 0; i*32 < n; i++ {
			t.Speakers = append(t.Speakers, talk.Speaker{Name: "Speaker Number " + strconv.Itoa(i), Affiliation: "A Place"})
		}
	}},
	{name: "same-speakers", top: 500 * 32, shape: func(t *talk.Talk, n int) {
		t.Speakers = nil
		for i := 0; i*32 < n; i++ {
			t.Speakers = append(t.Speakers, talk.Speaker{Name: "Guido van Rossum", Affiliation: "Python Software"})
		}
	}},
	{name: "long-speaker-name", shape: func(t *talk.Talk, n int) {
		t.Speakers = []talk.Speaker{{Name: fill("Ada Augusta King Countess of Lovelace ", n)}}
	}},
	{name: "many-videos", top: 500 * 48, shape: func(t *talk.Talk, n int) {
		t.Videos = nil
		for i := 0; i*48 < n; i++ {
			t.Videos = append(t.Videos, talk.Video{Provider: talk.File, Format: "mp4", URL: "https://example.org/v/" + strconv.Itoa(i) + ".mp4"})
		}
	}},
	{name: "many-links", shape: func(t *talk.Talk, n int) {
		t.Links = nil
		for i := 0; i*40 < n; i++ {
			t.Links = append(t.Links, talk.Link{URL: "https://example.org/l/" + strconv.Itoa(i), Label: "Link " + strconv.Itoa(i)})
		}
	}},
	{name: "many-tags", shape: func(t *talk.Talk, n int) {
		t.Tags = nil
		for i := 0; i*8 < n; i++ {
			t.Tags = append(t.Tags, "tag"+strconv.Itoa(i))
		}
	}},
	{name: "long-url", shape: func(t *talk.Talk, n int) {
		t.Links = []talk.Link{{URL: "https://example.org/" + fill("a%20b/", n)}}
		t.Thumbnail = "https://example.org/" + fill("x", n/4) + ".jpg"
	}},
	{name: "long-host", shape: func(t *talk.Talk, n int) {
		t.Links = []talk.Link{{URL: "https://" + fill("a.", n) + "org/"}}
	}},
	{name: "many-parts", top: 64 << 10, shape: func(t *talk.Talk, n int) {
		for i := 0; i*40 < n; i++ {
			t.Parts = append(t.Parts, talk.Talk{Title: "Lightning talk " + strconv.Itoa(i), Speakers: []talk.Speaker{{Name: "Ada"}}})
		}
	}},
}

func htmlCases() []scalingCase {
	var r html.Renderer
	templates, err := html.DefaultTemplates()
	if err != nil {
		panic(err) // the embedded templates parse, as the package's tests hold
	}
	withTemplates := html.Renderer{Templates: templates}
	var cases []scalingCase
	for _, s := range talkShapes {
		cases = append(cases, talkCase("html.WriteTalk/"+s.name, s, func(t *talk.Talk) error { return r.WriteTalk(io.Discard, t, html.PageOptions{}) }))
		// Pages from a Renderer's own templates are executed, not
		// written out: the same values through html/template.
		if among("long-title special-characters plain-paragraphs many-speakers many-links", s.name) {
			cases = append(cases, talkCase("html.WriteTalk/templates-"+s.name, s, func(t *talk.Talk) error {
				return withTemplates.WriteTalk(io.Discard, t, html.PageOptions{})
			}))
		}
	}
	cases = append(cases,
		descriptionCase("html.WriteTalk/rst-unclosed-emphasis", shapeNamed(rstShapes, "unclosed-emphasis").shape, talk.ReStructuredText),
		eventCase("html.WriteEvent/many-talks", func(ev *talk.Event, talks []*talk.Talk) error {
			return r.WriteEvent(io.Discard, ev, talks, html.PageOptions{})
		}),
		eventCase("html.WriteSpeaker/many-talks", func(ev *talk.Event, talks []*talk.Talk) error {
			return r.WriteSpeaker(io.Discard, &talks[0].Speakers[0], talks, html.PageOptions{})
		}),
	)
	return cases
}

// talkCase times run on an ordinary talk changed by s.
func talkCase(name string, s talkShape, run func(t *talk.Talk) error) scalingCase {
	top := s.top
	if top == 0 {
		top = descriptionTop
	}
	return scalingCase{name: name, top: top, build: func(n int) (func() error, int) {
		t := plainTalk()
		s.shape(t, n)
		return func() error { return run(t) }, talkBytes(t)
	}}
}

// talkBytes is the size of a talk's text, to divide the time by.
func talkBytes(t *talk.Talk) int {
	n := len(t.Title) + len(t.Description) + len(t.Thumbnail)
	for _, s := range t.Speakers {
		n += len(s.Name) + len(s.Affiliation)
	}
	for _, v := range t.Videos {
		n += len(v.URL)
	}
	for _, l := range t.Links {
		n += len(l.URL) + len(l.Label)
	}
	for _, tag := range t.Tags {
		n += len(tag)
	}
	for _, p := range t.Parts {
		n += talkBytes(&p)
	}
	return n
}

// eventCase times run on an event of n/64 talks, all given by the same
// speaker.
func eventCase(name string, run func(ev *talk.Event, talks []*talk.Talk) error) scalingCase {
	return scalingCase{name: name, top: 256 << 10, build: func(n int) (func() error, int) {
		ev := &talk.Event{ID: "event", Title: "PyCon 2020"}
		var talks []*talk.Talk
		size := 0
		for i := 0; size < n; i++ {
			t := plainTalk()
			t.Title = "Talk number " + strconv.Itoa(i)
			if i%2 == 0 {
				t.Title = "Lightning talks"
			}
			t.Event = *ev
			talks = append(talks, t)
			size += talkBytes(t)
		}
		return func() error { return run(ev, talks) }, size
	}}
}

func jsonldCases() []scalingCase {
	var cases []scalingCase
	for _, s := range talkShapes {
		if !among("long-title special-characters plain-paragraphs many-speakers long-speaker-name many-videos long-url many-parts", s.name) {
			continue
		}
		cases = append(cases, talkCase("jsonld.Write/"+s.name, s, func(t *talk.Talk) error {
			_, err := jsonld.Write(io.Discard, t, jsonld.Options{BaseURL: "https://talks.example.org"})
			return err
		}))
	}
	cases = append(cases,
		talkCase("jsonld.Write/indented-many-speakers", talkShapeNamed(talkShapes, "many-speakers"), func(t *talk.Talk) error {
			_, err := jsonld.Write(io.Discard, t, jsonld.Options{Indent: "  "})
			return err
		}),
		eventCase("jsonld.WriteEvent/many-talks", func(ev *talk.Event, talks []*talk.Talk) error {
			return jsonld.WriteEvent(io.Discard, ev, talks, jsonld.Options{})
		}),
		eventCase("jsonld.WriteSpeaker/many-talks", func(ev *talk.Event, talks []*talk.Talk) error {
			return jsonld.WriteSpeaker(io.Discard, &talks[0].Speakers[0], talks, jsonld.Options{})
		}),
	)
	return cases
}

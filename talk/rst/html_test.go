package rst

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
)

// TestHTMLGolden renders real descriptions from the pyvideo corpus
// (testdata/html/*.rst, CC0), and texts written for a construct
// (tables.rst: its HTML is docutils' 0.19 but for classes and compact
// paragraphs), and compares the whole HTML.
func TestHTMLGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/html/*.rst")
	if err != nil || len(files) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteHTML(&b, Parse(string(src)), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, strings.TrimSuffix(f, ".rst")+".html", b.Bytes())
	}
}

func TestHTMLSafety(t *testing.T) {
	src := "`x <javascript:alert(1)>`_ `y <JaVaScRiPt:alert(1)>`_ `z <java\tscript:x>`_ `d <data:text/html,x>`_ `h <http:>`_ `p <https:/x>`_\n\n" +
		".. raw:: html\n\n   <script>alert(1)</script>\n\n" +
		"<script>alert(2)</script> `ok <https://example.org/?a=1&b=\"2\">`_ `rel <talks/next.html>`_ mail@example.org\n"
	var b bytes.Buffer
	if err := WriteHTML(&b, Parse(src), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "<p>x y z d h p</p>\n" +
		"<p>&lt;script&gt;alert(2)&lt;/script&gt; <a href=\"https://example.org/?a=1&amp;b=%222%22\" rel=\"nofollow noopener\">ok</a> " +
		"<a href=\"talks/next.html\" rel=\"nofollow noopener\">rel</a> <a href=\"mailto:mail@example.org\" rel=\"nofollow noopener\">mail@example.org</a></p>\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestHeadingLevels(t *testing.T) {
	src := "Title\n=====\n\nSub\n---\n\ntext\n"
	var b bytes.Buffer
	if err := WriteHTML(&b, Parse(src), HTMLOptions{HeadingLevel: 3}); err != nil {
		t.Fatal(err)
	}
	want := "<h3 id=\"title\">Title</h3>\n<h4 id=\"sub\">Sub</h4>\n<p>text</p>\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestNoNestedLinks(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, Parse("`http://x.org <http://x.org>`_ and `see http://y.org <http://z.org>`__\n"), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `<p><a href="http://x.org" rel="nofollow noopener">http://x.org</a> and <a href="http://z.org" rel="nofollow noopener">see http://y.org</a></p>` + "\n"
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

func TestURLsAreEscaped(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, Parse("[slides](https://github.com/x/talk](https://github.com/x/talk))\n"), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `<p>[slides](<a href="https://github.com/x/talk%5D(https://github.com/x/talk" rel="nofollow noopener">https://github.com/x/talk](https://github.com/x/talk</a>))</p>` + "\n"
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

// TestIDPrefix: the ids of named elements, and the links to them, take
// the prefix, as does a target's "#" URL that is one of them; another
// "#" URL is left as written.
func TestIDPrefix(t *testing.T) {
	src := "See about_, same_ and top_.\n\n.. note::\n   :name: about\n\n   Text.\n\n.. _same: #about\n.. _top: #top\n"
	var b bytes.Buffer
	if err := WriteHTML(&b, Parse(src), HTMLOptions{IDPrefix: "d-"}); err != nil {
		t.Fatal(err)
	}
	want := `<p>See <a href="#d-about" rel="nofollow noopener">about</a>, <a href="#d-about" rel="nofollow noopener">same</a> and <a href="#top" rel="nofollow noopener">top</a>.</p>` + "\n" +
		`<aside id="d-about" class="admonition note" role="note">` + "\n<p class=\"admonition-title\">Note</p>\n<p>Text.</p>\n</aside>\n"
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

// TestIDPrefixOddText: a prefix with a colon ("talk:") or a percent sign
// keeps its links, percent-encoded so that they lead to the ids, where the
// colon made every link within the text look like one of an unknown scheme
// and be dropped, and "%41" made links to "A..."; white space, which no
// HTML id may hold and which links dropped, is dropped from the ids too.
func TestIDPrefixOddText(t *testing.T) {
	src := "See about_ and [1]_.\n\n.. note::\n   :name: about\n\n   Text.\n\n.. [1] A note.\n"
	var got []string
	for _, prefix := range []string{"talk:", "50%41", "a b\t", `"<q>`} {
		var b bytes.Buffer
		if err := WriteHTML(&b, Parse(src), HTMLOptions{IDPrefix: prefix}); err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(b.String()) {
			if strings.Contains(line, "id=") || strings.Contains(line, "href=") {
				got = append(got, strings.TrimSpace(line))
			}
		}
	}
	want := []string{
		`<p>See <a href="#talk:about" rel="nofollow noopener">about</a> and <a href="#talk:footnote-1" rel="nofollow noopener">[1]</a>.</p>`,
		`<aside id="talk:about" class="admonition note" role="note">`,
		`<aside id="talk:footnote-1" class="footnote" role="doc-footnote">`,
		`<p>See <a href="#50%2541about" rel="nofollow noopener">about</a> and <a href="#50%2541footnote-1" rel="nofollow noopener">[1]</a>.</p>`,
		`<aside id="50%41about" class="admonition note" role="note">`,
		`<aside id="50%41footnote-1" class="footnote" role="doc-footnote">`,
		`<p>See <a href="#ababout" rel="nofollow noopener">about</a> and <a href="#abfootnote-1" rel="nofollow noopener">[1]</a>.</p>`,
		`<aside id="ababout" class="admonition note" role="note">`,
		`<aside id="abfootnote-1" class="footnote" role="doc-footnote">`,
		`<p>See <a href="#%22%3Cq%3Eabout" rel="nofollow noopener">about</a> and <a href="#%22%3Cq%3Efootnote-1" rel="nofollow noopener">[1]</a>.</p>`,
		`<aside id="&#34;&lt;q&gt;about" class="admonition note" role="note">`,
		`<aside id="&#34;&lt;q&gt;footnote-1" class="footnote" role="doc-footnote">`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDirectiveContentShown: the class directive's content is shown as
// it is, and the text on the first line of a directive that takes no
// argument (an epigraph, a note) is its content, as in docutils.
func TestDirectiveContentShown(t *testing.T) {
	src := ".. class:: special\n\n   First *paragraph*.\n\n   Second.\n\n.. epigraph:: No argument,\n   all content.\n\n.. note:: A note.\n"
	var b bytes.Buffer
	if err := WriteHTML(&b, Parse(src), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "<p>First <em>paragraph</em>.</p>\n<p>Second.</p>\n" +
		"<blockquote>\n<p>No argument,\nall content.</p>\n</blockquote>\n" +
		"<aside class=\"admonition note\" role=\"note\">\n<p class=\"admonition-title\">Note</p>\n<p>A note.</p>\n</aside>\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestRoles: a role the role directive makes shows its text as its base
// role does (a raw role's as text), and the default role is the one the
// default-role directive sets, as in docutils.
func TestRoles(t *testing.T) {
	src := ".. role:: hl(strong)\n.. role:: html(raw)\n   :format: html\n\n:hl:`bold` :html:`<b>x</b>` `cite`\n\n" +
		".. default-role:: emphasis\n\n`em` :pep:`8`\n"
	doc := Parse(src)
	if len(doc.Diagnostics) > 0 {
		t.Errorf("diagnostics: %v", doc.Diagnostics)
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, doc, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "<p><strong>bold</strong> &lt;b&gt;x&lt;/b&gt; <cite>cite</cite></p>\n" +
		`<p><em>em</em> <a href="https://peps.python.org/pep-0008" rel="nofollow noopener">PEP 8</a></p>` + "\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestAdmonitionTitles: an admonition shows its title, as docutils'
// writer does: a note's or a warning's kind, the generic admonition's
// argument (which is not a paragraph of its content).
func TestAdmonitionTitles(t *testing.T) {
	src := ".. warning:: Mind the *gap*.\n\n.. admonition:: Slides *online*\n\n   At the URL.\n"
	want := "<aside class=\"admonition warning\" role=\"note\">\n<p class=\"admonition-title\">Warning</p>\n<p>Mind the <em>gap</em>.</p>\n</aside>\n" +
		"<aside class=\"admonition admonition\" role=\"note\">\n<p class=\"admonition-title\">Slides <em>online</em></p>\n<p>At the URL.</p>\n</aside>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	doc := Parse(src)
	if n := len(doc.Children[1].(*Admonition).Children); n != 1 {
		t.Errorf("the generic admonition has %d blocks, want 1: its title is no paragraph of it", n)
	}
}

// TestOnlyExportedBlocks: the tree Parse returns holds only the Block
// types the package exports, which a caller can switch on: a paragraph
// and the literal block it introduces, or a run of directives, were an
// unexported sequence.
func TestOnlyExportedBlocks(t *testing.T) {
	src := "Code::\n\n   x = 1\n\n- Item::\n\n     y\n\n.. note:: a\n.. note:: b\n\n" +
		".. admonition:: T\n\n   Then::\n\n      z\n\n.. [1]\n   Note::\n\n      w\n"
	var walk func(bs []Block) []string
	walk = func(bs []Block) []string {
		var kinds []string
		for _, b := range bs {
			switch b := b.(type) {
			case *Paragraph:
				kinds = append(kinds, "p")
			case *LiteralBlock:
				kinds = append(kinds, "pre")
			case *BulletList:
				kinds = append(kinds, "ul(")
				for _, it := range b.Items {
					kinds = append(kinds, walk(it)...)
				}
				kinds = append(kinds, ")")
			case *Admonition:
				kinds = append(kinds, "aside(")
				kinds = append(kinds, walk(b.Children)...)
				kinds = append(kinds, ")")
			case *Footnote:
				kinds = append(kinds, "footnote(")
				kinds = append(kinds, walk(b.Children)...)
				kinds = append(kinds, ")")
			default:
				kinds = append(kinds, fmt.Sprintf("%T", b))
			}
		}
		return kinds
	}
	want := []string{"p", "pre", "ul(", "p", "pre", ")", "aside(", "p", ")", "aside(", "p", ")", "aside(", "p", "pre", ")", "footnote(", "p", "pre", ")"}
	if diff := cmp.Diff(want, walk(Parse(src).Children)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestAttributions: a block quote's last paragraph that starts with a
// dash is its attribution, and ends it, as in docutils (its HTML, 0.19):
// lines after it make another quote; a misshapen one is a paragraph.
func TestAttributions(t *testing.T) {
	src := "Para.\n\n    Quote one.\n\n    -- Author *Name*\n\n    Quote two.\n\n    --- Second Author\n       continued\n\n" +
		"Para.\n\n    Quote.\n\n    \u2014 Em Dash\n\nPara.\n\n    Quote.\n\n    -- Not\n      an\n    attribution\n"
	want := "<p>Para.</p>\n<blockquote>\n<p>Quote one.</p>\n<p class=\"attribution\">\u2014Author <em>Name</em></p>\n</blockquote>\n" +
		"<blockquote>\n<p>Quote two.</p>\n<p class=\"attribution\">\u2014Second Author\ncontinued</p>\n</blockquote>\n" +
		"<p>Para.</p>\n<blockquote>\n<p>Quote.</p>\n<p class=\"attribution\">\u2014Em Dash</p>\n</blockquote>\n" +
		"<p>Para.</p>\n<blockquote>\n<p>Quote.</p>\n<dl>\n<dt>-- Not</dt>\n<dd>\n<p>an</p>\n</dd>\n</dl>\n<p>attribution</p>\n</blockquote>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// An epigraph (a pull-quote, highlights) is a block quote too.
	src = ".. epigraph::\n\n   Simple is better.\n\n   -- Tim Peters\n"
	want = "<blockquote>\n<p>Simple is better.</p>\n<p class=\"attribution\">\u2014Tim Peters</p>\n</blockquote>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLineBlockIndentation: an indented line of a line block keeps its
// indentation, which HTML would collapse, as no-break spaces (docutils
// nests a line block for it).
func TestLineBlockIndentation(t *testing.T) {
	src := "| Roses are red,\n|    violets *blue*.\n|  Sugar\n| is sweet.\n"
	want := "<p class=\"lines\">Roses are red,<br>\n\u00a0\u00a0\u00a0violets <em>blue</em>.<br>\n\u00a0Sugar<br>\nis sweet.</p>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSectionLinks: a reference to a section's title links to the
// section, as in docutils (its hrefs, 0.19), with HTMLOptions.IDPrefix;
// an explicit target of the same name keeps it, and a title two
// sections share links to neither.
func TestSectionLinks(t *testing.T) {
	src := "Intro\n=====\n\nSee `Intro`_, setup_, `Other  part`_, A_ and B_.\n\nSetup\n-----\n\nOther part\n----------\n\n" +
		"A\n-\n\nA\n-\n\nB\n-\n\n.. _b: http://b.org\n"
	var b strings.Builder
	if err := WriteHTML(&b, Parse(src), HTMLOptions{IDPrefix: "d-"}); err != nil {
		t.Fatal(err)
	}
	want := "<h2 id=\"d-intro\">Intro</h2>\n<p>See <a href=\"#d-intro\" rel=\"nofollow noopener\">Intro</a>, " +
		"<a href=\"#d-setup\" rel=\"nofollow noopener\">setup</a>, <a href=\"#d-other-part\" rel=\"nofollow noopener\">Other  part</a>, " +
		"A_ and <a href=\"http://b.org\" rel=\"nofollow noopener\">B</a>.</p>\n" +
		"<h3 id=\"d-setup\">Setup</h3>\n<h3 id=\"d-other-part\">Other part</h3>\n<h3 id=\"d-a\">A</h3>\n<h3 id=\"d-id1\">A</h3>\n<h3 id=\"d-b\">B</h3>\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNonASCIIMarkers: a field's or a citation's body starts after its
// marker counted in characters, not bytes: ":Schlüssel: Wert" lost the
// "W" of its body (and a multi-byte name lost more).
func TestNonASCIIMarkers(t *testing.T) {
	src := ":Schlüssel: Wert und mehr\n:日本語: 本文\n\n.. [Müller2020] Some text.\n"
	want := "<dl class=\"fields\">\n<dt>Schlüssel:</dt>\n<dd>\n<p>Wert und mehr</p>\n</dd>\n<dt>日本語:</dt>\n<dd>\n<p>本文</p>\n</dd>\n</dl>\n" +
		"<aside id=\"muller2020\" class=\"citation\" role=\"note\">\n<span class=\"label\">[Müller2020]</span>\n<p>Some text.</p>\n</aside>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestEscapes: a backslash ending a line escapes the line break, which
// goes, as does one ending the text (docutils' escape2null, checked
// with its HTML); interpreted text may end after an escaped space.
func TestEscapes(t *testing.T) {
	src := "foo\\\nbar and `x\\ ` b\\\n\n.. _t: http://x.org\\\n\nt_\n"
	want := "<p>foobar and <cite>x</cite> b</p>\n<p><a href=\"http://x.org\" rel=\"nofollow noopener\">t</a></p>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSubscripts: the subscript and superscript roles, and roles made of
// them, are written as docutils writes them, not as plain text ("H2O").
func TestSubscripts(t *testing.T) {
	src := "H\\ :sub:`2`\\ O and E = mc\\ :sup:`2` and `x`:sup:\n\n.. role:: low(sub)\n\n:low:`y`\n"
	want := "<p>H<sub>2</sub>O and E = mc<sup>2</sup> and <sup>x</sup></p>\n<p><sub>y</sub></p>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestStubColumns: a list-table's or csv-table's stub columns are
// headers of their rows, as docutils writes them.
func TestStubColumns(t *testing.T) {
	src := ".. list-table::\n   :header-rows: 1\n   :stub-columns: 1\n\n   * - a\n     - b\n   * - c\n     - d\n\n" +
		".. csv-table::\n   :stub-columns: 1\n\n   x, y\n"
	want := "<table>\n<thead>\n<tr><th>a</th><th>b</th></tr>\n</thead>\n<tbody>\n<tr><th>c</th><td>d</td></tr>\n</tbody>\n</table>\n" +
		"<table>\n<tbody>\n<tr><th>x</th><td>y</td></tr>\n</tbody>\n</table>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestImages: images, figures and substitution images show as docutils
// shows them (its HTML5 writer, 0.19: <img>, <figure>, <figcaption>,
// the URL as the default alternative text), but only from http and
// https URLs, which the page's policy lets load, lazily and without a
// referrer; another URL shows the alternative text. They showed nothing.
func TestImages(t *testing.T) {
	src := ".. image:: https://example.org/a/pic.png\n   :alt: A *pic*\n   :width: 200px\n   :height: 10em\n   :target: https://example.org/\n\n" +
		".. image:: https://example.org/a/\n   b.png\n   :width: 120\n   :scale: 50 %\n   :target: home_\n\n" +
		".. figure:: http://example.org/c.png\n   :name: fig\n\n   Caption *here*.\n\n   Legend.\n\n" +
		".. figure:: https://example.org/d.png\n\n   ..\n\n   Only a legend.\n\n" +
		"A |logo| in text, |bad|_ and fig_.\n\n.. |logo| image:: https://example.org/logo.svg\n" +
		".. |bad| image:: javascript:alert(1)\n.. _bad: https://example.org/\n.. _home: https://example.org/home\n\n" +
		".. image:: data:image/png;base64,AAAA\n   :alt: data\n\n.. image:: pic.png\n\n.. image:: https\n"
	want := "<a href=\"https://example.org/\" rel=\"nofollow noopener\"><img src=\"https://example.org/a/pic.png\" alt=\"A *pic*\" width=\"200\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></a>\n" +
		"<a href=\"https://example.org/home\" rel=\"nofollow noopener\"><img src=\"https://example.org/a/b.png\" alt=\"https://example.org/a/b.png\" width=\"60\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></a>\n" +
		"<figure>\n<img src=\"http://example.org/c.png\" alt=\"http://example.org/c.png\" id=\"fig\" loading=\"lazy\" referrerpolicy=\"no-referrer\">\n" +
		"<figcaption>\n<p>Caption <em>here</em>.</p>\n<div class=\"legend\">\n<p>Legend.</p>\n</div>\n</figcaption>\n</figure>\n" +
		"<figure>\n<img src=\"https://example.org/d.png\" alt=\"https://example.org/d.png\" loading=\"lazy\" referrerpolicy=\"no-referrer\">\n" +
		"<figcaption>\n<div class=\"legend\">\n<p>Only a legend.</p>\n</div>\n</figcaption>\n</figure>\n" +
		"<p>A <img src=\"https://example.org/logo.svg\" alt=\"logo\" loading=\"lazy\" referrerpolicy=\"no-referrer\"> in text, " +
		"<a href=\"https://example.org/\" rel=\"nofollow noopener\">bad</a> and <a href=\"#fig\" rel=\"nofollow noopener\">fig</a>.</p>\n" +
		"data\npic.png\nhttps\n" // a relative URL of that name, no scheme
	doc := Parse(src)
	if len(doc.Diagnostics) > 0 {
		t.Errorf("diagnostics: %v", doc.Diagnostics)
	}
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// An empty :alt: is an empty text, in a substitution too.
	src = ".. image:: https://x.org/a.png\n   :alt:\n\n|s|\n\n.. |s| image:: https://x.org/b.png\n   :alt:\n"
	want = "<img src=\"https://x.org/a.png\" alt=\"\" loading=\"lazy\" referrerpolicy=\"no-referrer\">\n" +
		"<p><img src=\"https://x.org/b.png\" alt=\"\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></p>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestInlineTargets: an inline internal target (_`name`) is an element
// with an id, which references to its name link to, as in docutils (its
// HTML, 0.19, with this package's ids); the name taken from a section's
// title goes to the target. It was text, and the references led nowhere.
func TestInlineTargets(t *testing.T) {
	src := "Intro\n=====\n\nSee _`intro` and _`Other  Place`, then `other place`_ and intro_.\n"
	var b strings.Builder
	if err := WriteHTML(&b, Parse(src), HTMLOptions{IDPrefix: "d-"}); err != nil {
		t.Fatal(err)
	}
	want := "<h2 id=\"d-intro\">Intro</h2>\n<p>See <span id=\"d-id1\">intro</span> and <span id=\"d-other-place\">Other  Place</span>, " +
		"then <a href=\"#d-other-place\" rel=\"nofollow noopener\">other place</a> and <a href=\"#d-id1\" rel=\"nofollow noopener\">intro</a>.</p>\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestClassifiers: a definition list term's classifiers (" : " after
// it, outside its markup, not escaped) are split off as docutils splits
// them (its HTML, 0.19), each a span of class "classifier". They were
// part of the term.
func TestClassifiers(t *testing.T) {
	src := "a \\: b\n   d\n\n*x* : y *z* : w\n   d\n\na\\  : b\n   d\n\nt :c\n   d\n\nt  :  c1 :  : c3\n   d\n\n``a : b`` : c\n   d\n"
	want := "<dl>\n<dt>a : b</dt>\n<dd>\n<p>d</p>\n</dd>\n" +
		"<dt><em>x</em> : <span class=\"classifier\">y <em>z</em></span> : <span class=\"classifier\">w</span></dt>\n<dd>\n<p>d</p>\n</dd>\n" +
		"<dt>a : <span class=\"classifier\">b</span></dt>\n<dd>\n<p>d</p>\n</dd>\n" +
		"<dt>t :c</dt>\n<dd>\n<p>d</p>\n</dd>\n" +
		"<dt>t : <span class=\"classifier\">c1</span> : <span class=\"classifier\">: c3</span></dt>\n<dd>\n<p>d</p>\n</dd>\n" +
		"<dt><code>a : b</code> : <span class=\"classifier\">c</span></dt>\n<dd>\n<p>d</p>\n</dd>\n</dl>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestEscapedEmailAddresses: an e-mail address with an escaped
// character is a mailto link, the character without its backslash, as
// docutils links it (its HTML, 0.19); an escaped "@" makes no address.
// It was text.
func TestEscapedEmailAddresses(t *testing.T) {
	src := "Mail me\\_x@example.org or a\\*b@example.org or x@ex\\_y.org or no\\@x.org or me\\.x@e.org or x@e\\.org or (me\\_x@example.org).\n"
	link := func(a string) string {
		return "<a href=\"mailto:" + a + "\" rel=\"nofollow noopener\">" + a + "</a>"
	}
	want := "<p>Mail " + link("me_x@example.org") + " or " + link("a*b@example.org") + " or " + link("x@ex_y.org") +
		" or no@x.org or " + link("me.x@e.org") + " or " + link("x@e.org") + " or (" + link("me_x@example.org") + ").</p>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLiteralBlocksKeepText: literal blocks and code directives keep
// their text exactly, indentation and blank lines inside, as docutils
// does (its HTML, 0.19, less Pygments' spans); a parsed-literal shows
// its inline markup as docutils does, where it showed the asterisks.
func TestLiteralBlocksKeepText(t *testing.T) {
	src := "Code::\n\n      indented more\n    base <a> & \"q\"\n\n\n    after two blanks\n\tx\n\n" +
		".. code:: python\n   :number-lines:\n\n     def f():\n         return 1\n\n" +
		".. parsed-literal::\n\n   *bold*   text <x>\n     ``lit``  and http://x.org/\n\n   after blank\n\n::\n\n    a\\\\b \\n x\n"
	want := "<p>Code:</p>\n<pre>  indented more\nbase &lt;a&gt; &amp; &#34;q&#34;\n\n\nafter two blanks\n    x</pre>\n" +
		"<pre>  def f():\n      return 1</pre>\n" +
		"<pre><em>bold</em>   text &lt;x&gt;\n  <code>lit</code>  and <a href=\"http://x.org/\" rel=\"nofollow noopener\">http://x.org/</a>\n\nafter blank</pre>\n" +
		"<pre>a\\\\b \\n x</pre>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWriteHTMLNil: a nil document is a *talk.NilError, as a nil record
// is for talkmeta's other writers, where WriteHTML used to panic; nothing
// is written.
func TestWriteHTMLNil(t *testing.T) {
	var b bytes.Buffer
	err := WriteHTML(&b, nil, HTMLOptions{})
	var ne *talk.NilError
	got := fmt.Sprintf("%v %v %q", err, errors.As(err, &ne), b.String())
	if want := `rst: document is nil true ""`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestHTMLListsAndHeadings: an enumerated list keeps its enumerator's
// style (upper-case Roman numerals as type="I") and a start other than 1,
// 0 too; and sections deeper than h6 stay h6, the last heading HTML has.
func TestHTMLListsAndHeadings(t *testing.T) {
	src := "A\n=\n\nB\n-\n\nC\n~\n\nD\n^\n\nI. one\nII. two\n\n0. zero\n1. one\n"
	var b bytes.Buffer
	if err := WriteHTML(&b, Parse(src), HTMLOptions{HeadingLevel: 4}); err != nil {
		t.Fatal(err)
	}
	want := `<h4 id="a">A</h4>
<h5 id="b">B</h5>
<h6 id="c">C</h6>
<h6 id="d">D</h6>
<ol type="I">
<li>one</li>
<li>two</li>
</ol>
<ol start="0">
<li>zero</li>
<li>one</li>
</ol>
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSafeURL: what a link's href may not hold as it is after the host
// ("|", brackets, braces, a space, in the path, the query or a fragment
// right after the host) is percent-encoded, so that the href is a valid
// URL; the host is left as it is.
func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://x.org/a|b":         "https://x.org/a%7Cb",
		"https://x.org#frag[1]":     "https://x.org#frag%5B1%5D",
		"https://x.org?q={a}":       "https://x.org?q=%7Ba%7D",
		"https://x.org":             "https://x.org",
		" mailto:a@example.org ":    "mailto:a@example.org",
		"talks/next.html#see[also]": "talks/next.html#see%5Balso%5D",
		// A host's brackets (IPv6) are the URL's, not characters to
		// encode: only what follows the host is.
		"http://[::1]": "http://[::1]",
		// A colon before any slash makes a scheme look-alike, even in
		// a query or fragment url.Parse takes for a relative reference.
		"?a:b": "",
		"#a:b": "",
		// A space within is percent-encoded, as a browser sends it;
		// tabs and line breaks are dropped, as a browser drops them,
		// also from a scheme; another control character makes no URL.
		"http://b.org/a b?q=c d":  "http://b.org/a%20b?q=c%20d",
		"my talk.html":            "my%20talk.html",
		"http://b.org/a\n b\tc":   "http://b.org/a%20bc",
		"JaVa\tScript:alert(1)":   "",
		"java script:alert(1)":    "",
		"java\x0bscript:alert(1)": "",
		"http://b.org/a\x01b":     "",
		"http://b .org/":          "",
	} {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLinkedImageNames: an image that is all of a link, by its :target:
// or as a substitution a reference links, has the link's URL for its
// alternative text when its :alt: is empty, so that the link has a name
// (axe-core's link-name rule found such links without one); an image
// with its own text, or not in a link, keeps its :alt:.
func TestLinkedImageNames(t *testing.T) {
	src := "See |logo|_ and |logo|.\n\n" +
		".. |logo| image:: https://x.org/l.png\n   :alt:\n\n.. _logo: https://example.org/\n\n" +
		".. image:: https://x.org/i.png\n   :alt: \n   :target: https://example.org/t\n\n" +
		".. image:: https://x.org/j.png\n   :alt: Logo\n   :target: https://example.org/t\n\n" +
		".. image:: https://x.org/k.png\n   :alt:\n"
	want := `<p>See <a href="https://example.org/" rel="nofollow noopener"><img src="https://x.org/l.png" alt="https://example.org/" loading="lazy" referrerpolicy="no-referrer"></a> and ` +
		`<img src="https://x.org/l.png" alt="" loading="lazy" referrerpolicy="no-referrer">.</p>` + "\n" +
		`<a href="https://example.org/t" rel="nofollow noopener"><img src="https://x.org/i.png" alt="https://example.org/t" loading="lazy" referrerpolicy="no-referrer"></a>` + "\n" +
		`<a href="https://example.org/t" rel="nofollow noopener"><img src="https://x.org/j.png" alt="Logo" loading="lazy" referrerpolicy="no-referrer"></a>` + "\n" +
		`<img src="https://x.org/k.png" alt="" loading="lazy" referrerpolicy="no-referrer">` + "\n"
	var b strings.Builder
	if err := WriteHTML(&b, Parse(src), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

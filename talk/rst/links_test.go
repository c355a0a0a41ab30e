package rst

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// htmlOf renders src with the default options.
func htmlOf(t *testing.T, src string) string {
	t.Helper()
	var b strings.Builder
	if err := WriteHTML(&b, Parse(src), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLinksAsDocutils: anonymous references link to the anonymous
// targets in the same order, and a target that refers to another takes
// its URI, as docutils links them (its HTML, checked with docutils 0.19).
func TestLinksAsDocutils(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{
			"anonymous in order",
			"x `b`__ and c__ and d__.\n\n__ http://t1.org\n.. __: http://t2.org\n__ alias_\n\n.. _alias: http://al.org\n",
			`<p>x <a href="http://t1.org" rel="nofollow noopener">b</a> and <a href="http://t2.org" rel="nofollow noopener">c</a> and <a href="http://al.org" rel="nofollow noopener">d</a>.</p>` + "\n",
		},
		{
			// An embedded URI or alias takes no anonymous target.
			"anonymous with embedded URIs",
			"`a <http://u.org>`__, `d <alias_>`__ and e__\n\n__ http://e.org\n\n.. _alias: http://al.org\n",
			`<p><a href="http://u.org" rel="nofollow noopener">a</a>, <a href="http://al.org" rel="nofollow noopener">d</a> and <a href="http://e.org" rel="nofollow noopener">e</a></p>` + "\n",
		},
		{
			// docutils links none when the numbers differ; nor does an
			// anonymous reference take a named target of its name.
			"anonymous mismatch",
			"x `b`__ and c__\n\n__ http://t1.org\n\n.. _c: http://c.org\n",
			"<p>x `b`__ and c__</p>\n",
		},
		{
			"anonymous in nested blocks",
			"- item b__\n\n  term c__\n     def d__\n\n.. note:: e__\n\n__ http://2.org\n__ http://3.org\n__ http://4.org\n__ http://5.org\n",
			"<ul>\n<li>\n<p>item <a href=\"http://2.org\" rel=\"nofollow noopener\">b</a></p>\n<dl>\n" +
				"<dt>term <a href=\"http://3.org\" rel=\"nofollow noopener\">c</a></dt>\n<dd>\n<p>def <a href=\"http://4.org\" rel=\"nofollow noopener\">d</a></p>\n</dd>\n</dl>\n</li>\n</ul>\n" +
				"<aside class=\"admonition note\" role=\"note\">\n<p class=\"admonition-title\">Note</p>\n<p><a href=\"http://5.org\" rel=\"nofollow noopener\">e</a></p>\n</aside>\n",
		},
		{
			"indirect chain",
			"see a_ and `B c`_\n\n.. _a: `b c`_\n.. _b c: d_\n.. _d: http://d.org\n",
			`<p>see <a href="http://d.org" rel="nofollow noopener">a</a> and <a href="http://d.org" rel="nofollow noopener">B c</a></p>` + "\n",
		},
		{
			// An internal target before another target takes its URI,
			// or refers where it refers (docutils' PropagateTargets),
			// even when the next one's name is taken twice.
			"chained targets",
			"see a_, c_ and d_ and `x`__\n\n.. _a:\n.. _c:\n.. _b: http://b.org\n.. _b: http://other.org\n\n__\n.. _d:\n\n.. _e: f_\n.. _f: http://f.org\n",
			`<p>see <a href="http://b.org" rel="nofollow noopener">a</a>, <a href="http://b.org" rel="nofollow noopener">c</a> and ` +
				`<a href="http://f.org" rel="nofollow noopener">d</a> and <a href="http://f.org" rel="nofollow noopener">x</a></p>` + "\n",
		},
		{
			// An indirect target takes the name of a section title,
			// before it or after it.
			"indirect target and title",
			"A\n=\n\nsee a_ and b_\n\n.. _a: c_\n.. _b: c_\n.. _c: http://c.org\n\nB\n=\n",
			"<h2 id=\"a\">A</h2>\n<p>see <a href=\"http://c.org\" rel=\"nofollow noopener\">a</a> and <a href=\"http://c.org\" rel=\"nofollow noopener\">b</a></p>\n<h2 id=\"b\">B</h2>\n",
		},
		{
			// An anonymous target without a URI names the element
			// after it, as a named one does.
			"anonymous internal targets",
			"`x`__ and `y`__\n\n__\n\nSection\n=======\n\n.. __:\n\n.. note:: n\n",
			"<p><a href=\"#section\" rel=\"nofollow noopener\">x</a> and <a href=\"#id1\" rel=\"nofollow noopener\">y</a></p>\n<h2 id=\"section\">Section</h2>\n" +
				"<aside id=\"id1\" class=\"admonition note\" role=\"note\">\n<p class=\"admonition-title\">Note</p>\n<p>n</p>\n</aside>\n",
		},
		{
			"indirect circle",
			"see a_\n\n.. _a: b_\n.. _b: a_\n",
			"<p>see a_</p>\n",
		},
		{
			// Each name is followed once: a chain of 20,000 took
			// quadratic time.
			"long chain",
			"see a0_\n\n" + longChain(20000),
			`<p>see <a href="http://end.org" rel="nofollow noopener">a0</a></p>` + "\n",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, htmlOf(t, c.src)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", c.src, diff)
			}
		})
	}
}

// TestDuplicateNames: a name two explicit targets share (but for the
// same URI), or two section titles, links nowhere, as docutils takes it
// from both (its "Duplicate ... target name" messages, its HTML checked
// with docutils 0.19); an explicit target takes a title's name; a
// footnote or citation holds its name as a target too.
func TestDuplicateNames(t *testing.T) {
	link := func(href, text string) string {
		return `<a href="` + href + `" rel="nofollow noopener">` + text + `</a>`
	}
	for _, c := range []struct{ name, src, want string }{
		{"two URIs", ".. _a: http://x\n.. _a: http://y\n\nsee a_\n", "<p>see a_</p>\n"},
		{"the same URI", ".. _a: http://x\n.. _a: http://x\n\nsee a_\n", "<p>see " + link("http://x", "a") + "</p>\n"},
		{"the same URI after another", ".. _a: http://x\n.. _a: http://y\n.. _a: http://x\n\nsee a_\n", "<p>see a_</p>\n"},
		{"a URI and an alias", ".. _a: http://x\n.. _a: b_\n\n.. _b: http://z\n\nsee a_\n", "<p>see a_</p>\n"},
		{"an alias to a duplicate", ".. _a: http://x\n.. _a: http://y\n\n.. _c: a_\n\nsee c_ and `z`__\n\n__ a_\n", "<p>see c_ and `z`__</p>\n"},
		{"embedded URIs", "`a <http://x>`_ and `a <http://y>`_ and a_\n",
			"<p>" + link("http://x", "a") + " and " + link("http://y", "a") + " and a_</p>\n"},
		{"inline targets", "_`a` and _`a` see a_\n", `<p><span id="a">a</span> and <span id="id1">a</span> see a_</p>` + "\n"},
		{"a target and a name option", ".. _a: http://x\n\n.. note:: hi\n   :name: a\n\nsee a_\n",
			"<aside id=\"a\" class=\"admonition note\" role=\"note\">\n<p class=\"admonition-title\">Note</p>\n<p>hi</p>\n</aside>\n<p>see a_</p>\n"},
		{"two titles", "A\n=\n\nA\n=\n\nsee A_\n", "<h2 id=\"a\">A</h2>\n<h2 id=\"id1\">A</h2>\n<p>see A_</p>\n"},
		{"two titles and a target", "A\n=\n\nA\n=\n\n.. _a: http://x\n\nsee a_\n",
			"<h2 id=\"a\">A</h2>\n<h2 id=\"id1\">A</h2>\n<p>see " + link("http://x", "a") + "</p>\n"},
		{"two footnotes", ".. [1] one\n.. [1] two\n\nsee [1]_\n",
			"<aside id=\"footnote-1\" class=\"footnote\" role=\"doc-footnote\">\n<span class=\"label\">[1]</span>\n<p>one</p>\n</aside>\n" +
				"<aside id=\"footnote-2\" class=\"footnote\" role=\"doc-footnote\">\n<span class=\"label\">[1]</span>\n<p>two</p>\n</aside>\n<p>see [1]_</p>\n"},
		{"a citation and a target", ".. [c] one\n\n.. _c: http://a\n\nsee [c]_ c_\n",
			"<aside id=\"c\" class=\"citation\" role=\"note\">\n<span class=\"label\">[c]</span>\n<p>one</p>\n</aside>\n<p>see [c]_ c_</p>\n"},
		{"a citation before a title", ".. [c] one\n\nC\n=\n\nsee [c]_ c_ d_\n\n.. _d: c_\n",
			"<aside id=\"id1\" class=\"citation\" role=\"note\">\n<span class=\"label\">[c]</span>\n<p>one</p>\n</aside>\n<h2 id=\"c\">C</h2>\n" +
				"<p>see " + link("#id1", "[c]") + " " + link("#id1", "c") + " " + link("#id1", "d") + "</p>\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, htmlOf(t, c.src)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", c.src, diff)
			}
		})
	}
}

// longChain is n indirect targets, each referring to the next, and the
// last to a URI.
func longChain(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, ".. _a%d: a%d_\n", i, i+1)
	}
	fmt.Fprintf(&b, ".. _a%d: http://end.org\n", n)
	return b.String()
}

// TestFootnotes: footnotes and citations are shown where they stand, and
// references link to them, numbered and given symbols as docutils does
// (its labels and hrefs, checked with docutils 0.19); a reference
// docutils cannot match shows its markup, "[3]_". Their ids take
// HTMLOptions.IDPrefix.
func TestFootnotes(t *testing.T) {
	src := "a [#]_ [#]_ [*]_ [*]_ [#x]_ [2]_ [3]_ [*]_ [CIT]_\n\n" +
		".. [#] one\n.. [2] two\n.. [#x] ex\n.. [*] s1\n.. [*] s2\n.. [#] auto\n\n.. [CIT] A *book*.\n"
	ref := func(id, label string) string {
		return `<a href="#n-` + id + `" rel="nofollow noopener">[` + label + `]</a>`
	}
	note := func(class, id, label, body string) string {
		role := "doc-footnote"
		if class == "citation" {
			role = "note"
		}
		return `<aside id="n-` + id + `" class="` + class + `" role="` + role + "\">\n<span class=\"label\">[" + label + "]</span>\n<p>" + body + "</p>\n</aside>\n"
	}
	want := "<p>a " + ref("footnote-1", "1") + " " + ref("footnote-5", "4") + " " + ref("footnote-3", "*") + " " +
		ref("footnote-4", "\u2020") + " " + ref("x", "3") + " " + ref("footnote-2", "2") + " [3]_ [*]_ " + ref("cit", "CIT") + "</p>\n" +
		note("footnote", "footnote-1", "1", "one") + note("footnote", "footnote-2", "2", "two") + note("footnote", "x", "3", "ex") +
		note("footnote", "footnote-3", "*", "s1") + note("footnote", "footnote-4", "\u2020", "s2") + note("footnote", "footnote-5", "4", "auto") +
		note("citation", "cit", "CIT", "A <em>book</em>.")
	var b strings.Builder
	if err := WriteHTML(&b, Parse(src), HTMLOptions{IDPrefix: "n-"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A footnote no reference names is shown all the same (a description
	// of pyvideo's corpus has one).
	src = "With (almost[*]_) no cost.\n\n.. [*] CPU consumption not included\n"
	want = "<p>With (almost[*]_) no cost.</p>\n<aside id=\"footnote-1\" class=\"footnote\" role=\"doc-footnote\">\n<span class=\"label\">[*]</span>\n<p>CPU consumption not included</p>\n</aside>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSubstitutions: a substitution reference shows what its replace or
// unicode definition gives (by its name, or else the name in lower
// case), and "|name|_" links as docutils links it; one whose definition
// this package does not show (an image, a date, in any case) shows its
// name, and one that is undefined its markup. (docutils' HTML, 0.19, but
// for the image and the date, which it shows.)
func TestSubstitutions(t *testing.T) {
	src := "Sub |name| and |Name| and |uni| and |logo| and |link|_ and |nope| and |Today|.\n\n" +
		".. |name| replace:: *replacement* text\n.. |uni| unicode:: U+2014 foo 0x41 .. comment\n" +
		".. |logo| image:: logo.png\n.. |link| replace:: Python\n.. _link: http://python.org\n.. |today| date::\n"
	want := "<p>Sub <em>replacement</em> text and <em>replacement</em> text and \u2014fooA and logo and " +
		`<a href="http://python.org" rel="nofollow noopener">Python</a> and |nope| and Today.</p>` + "\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSubstitutionsBounded: the text substitutions add is bounded, so
// that a long replacement used many times cannot make a page many times
// the text's size; past the bound, references show their names.
func TestSubstitutionsBounded(t *testing.T) {
	long := strings.Repeat("x", 5000)
	src := strings.Repeat("|a| |a| |a| |a|\n", 2000) + "\n.. |a| replace:: " + long + "\n"
	got := htmlOf(t, src)
	if n, limit := strings.Count(got, long), (16*len(src)+1<<16)/len(long); n != limit {
		t.Errorf("%d replacements, want %d", n, limit)
	}
	if !strings.HasSuffix(got, " a</p>\n") {
		t.Errorf("the last reference is not shown by its name: …%s", got[len(got)-20:])
	}
}

// TestInternalTargets: a target without a URI (".. _install:") names
// the element after it, which references link to, as docutils'
// PropagateTargets gives that element the target's id (its hrefs,
// 0.19, but that an element with an id of its own is linked by that
// one); an element that takes no id in HTML, a paragraph, no link.
func TestInternalTargets(t *testing.T) {
	src := "See install_, `the note`_, alias_ and para_.\n\n.. _install:\n\nInstallation\n------------\n\n" +
		".. _the note:\n.. _second name:\n\n.. note:: N\n\n.. _alias: install_\n\n.. _para:\n\nA paragraph.\n"
	want := `<p>See <a href="#installation" rel="nofollow noopener">install</a>, <a href="#the-note" rel="nofollow noopener">the note</a>, ` +
		`<a href="#installation" rel="nofollow noopener">alias</a> and para.</p>` + "\n" +
		"<h2 id=\"installation\">Installation</h2>\n<aside id=\"the-note\" class=\"admonition note\" role=\"note\">\n<p class=\"admonition-title\">Note</p>\n<p>N</p>\n</aside>\n<p>A paragraph.</p>\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestStandaloneURLsAsDocutils: a standalone URI or e-mail address is
// what docutils' pattern takes of the text, ASCII only, and a URI of a
// scheme docutils does not know leaves the rest of its text unlinked
// (docutils 0.19's links; the first four from pyvideo's corpus, where
// the URI took the Chinese text after it, or a zero-width space).
func TestStandaloneURLsAsDocutils(t *testing.T) {
	link := func(u string) string { return `<a href="` + u + `" rel="nofollow noopener">` + u + `</a>` }
	for _, c := range []struct{ src, want string }{
		{"see (https://github.com/GitYCC/g2pW)，這是一個基於BERT\n", "see (" + link("https://github.com/GitYCC/g2pW") + ")，這是一個基於BERT"},
		{"(https://creatorlist.tech\u200b) was born\n", "(" + link("https://creatorlist") + ".tech\u200b) was born"},
		{"https://github.com/hettie-d/postgres_air)- ok\n", link("https://github.com/hettie-d/postgres_air") + ")- ok"},
		{"mail mailto:hello@example.com)\n", "mail " + link("mailto:hello@example.com") + ")"},
		{"https://ja.wikipedia.org/wiki/日本 ok\n", link("https://ja.wikipedia.org/wiki") + "/日本 ok"},
		{"see http://x.org/a- and https://x.org/a{b}c\n", "see " + link("http://x.org/a") + "- and " + link("https://x.org") + "/a{b}c"},
		{"太郎@example.jp and ü@x.de are no addresses, a+b@x.co.uk is\n",
			"太郎@example.jp and ü@x.de are no addresses, " + `<a href="mailto:a+b@x.co.uk" rel="nofollow noopener">a+b@x.co.uk</a> is`},
		{"Time:10am, see http://x.org\n", "Time:10am, see http://x.org"},
		{"std::vector and git://x.org/r, not http://x.org\n", "std::vector and git://x.org/r, not http://x.org"},
		{"http://x.org and then xmpp:me@x.org and http://y.org\n", link("http://x.org") + " and then xmpp:me@x.org and http://y.org"},
		{"12:30 at http://x.org\n", "12:30 at " + link("http://x.org")},
	} {
		if diff := cmp.Diff("<p>"+c.want+"</p>\n", htmlOf(t, c.src)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", c.src, diff)
		}
	}
	// A scheme docutils knows that a page may not link to is text there,
	// but a link in the tree.
	ref := Parse("irc://irc.libera.chat/python\n").Children[0].(*Paragraph).Content[0].(*Reference)
	if ref.URL != "irc://irc.libera.chat/python" {
		t.Errorf("URL %q", ref.URL)
	}
}

// TestSubstitutionNamesBeyondASCII: a substitution's name of characters
// wider than a byte, or holding "::", is defined by its directive, as in
// docutils (0.19's HTML). The directive's argument was cut a column for
// each byte of the name: "|日| replace:: x" found no content.
func TestSubstitutionNamesBeyondASCII(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{".. |日本| replace:: にほん\n\n|日本| です\n", "<p>にほん です</p>\n"},
		{".. |日| replace:: x\n\n|日| x\n", "<p>x x</p>\n"},
		{".. |a::b| replace:: x\n\n|a::b| y\n", "<p>x y</p>\n"},
		{".. |日本| unicode:: U+2020 U+2021\n\n|日本| x\n", "<p>†‡ x</p>\n"},
	} {
		doc := Parse(c.src)
		if len(doc.Diagnostics) > 0 {
			t.Errorf("%q: %v", c.src, doc.Diagnostics)
		}
		if diff := cmp.Diff(c.want, htmlOf(t, c.src)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", c.src, diff)
		}
	}
}

// TestStandaloneURLEscapes: an escaped character in a standalone URL
// is the character, in its text as in its link; its escape marker, a
// NUL, was written into the page (a description of pyvideo's corpus
// has "fsf\_patent\_anims.tar.gz").
func TestStandaloneURLEscapes(t *testing.T) {
	src := "http://patentabsurdity.com/fsf\\_patent\\_anims.tar.gz has the sources.\n"
	want := `<p><a href="http://patentabsurdity.com/fsf_patent_anims.tar.gz" rel="nofollow noopener">http://patentabsurdity.com/fsf_patent_anims.tar.gz</a> has the sources.</p>` + "\n"
	if diff := cmp.Diff(want, htmlOf(t, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	ref := Parse(src).Children[0].(*Paragraph).Content[0].(*Reference)
	if ref.URL != "http://patentabsurdity.com/fsf_patent_anims.tar.gz" {
		t.Errorf("URL %q", ref.URL)
	}
}

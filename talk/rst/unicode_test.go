package rst

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNamesLikeDocutils holds references to what docutils 0.19 links them
// to when names are written in other scripts: docutils compares names
// in Python's lower case, which keeps the dot of "İ" ("i̇") and gives a
// word-final capital sigma its final form ("ς"). Each want is docutils'
// HTML (publish_parts' body) but for the attributes this package writes.
// TestDirectiveNamesLikeDocutils holds directive names to docutils'
// pattern: a simplename in any script, and "::" after it or after one
// space (checked in testdata/cases.json, where ".. 日本語:: x" is
// an unknown directive, not a comment); here what that space shows.
func TestDirectiveNamesLikeDocutils(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{".. note :: x\n", `<aside class="admonition note" role="note">` + "\n" + `<p class="admonition-title">Note</p>` + "\n<p>x</p>\n</aside>"},
		{".. image :: http://x/y.png\n", `<img src="http://x/y.png" alt="http://x/y.png" loading="lazy" referrerpolicy="no-referrer">`},
		{".. note  :: x\n", ""},                  // a comment
		{".. a__b:: x\n\ntext\n", "<p>text</p>"}, // a comment
	} {
		var b bytes.Buffer
		if err := WriteHTML(&b, Parse(c.text), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		want := c.want
		if want != "" {
			want += "\n"
		}
		if diff := cmp.Diff(want, b.String()); diff != "" {
			t.Errorf("%q (-docutils +rst):\n%s", c.text, diff)
		}
	}
}

// TestSubstitutionsLikeDocutils holds substitution references to the
// definitions docutils 0.19 gives them: the last of a name defined twice
// (docutils reports the first and keeps the last), and for a reference
// in another case the last definition whose name is the same in lower
// case (its substitution_names), white space collapsed in both.
func TestSubstitutionsLikeDocutils(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{".. |a| replace:: 1\n.. |a| replace:: 2\n\n|a|\n", "<p>2</p>"},
		{".. |Ab| replace:: 1\n.. |aB| replace:: 2\n\n|ab|\n", "<p>2</p>"},
		{".. |aB| replace:: 2\n.. |Ab| replace:: 1\n\n|ab|\n", "<p>1</p>"},
		{".. |x| replace:: 1\n.. |X| replace:: 2\n\n|x| |X|\n", "<p>1 2</p>"},
		{".. |a  b| replace:: 1\n\n|a b| |A B| |a\nb|\n", "<p>1 1 1</p>"},
		{".. |日本語| replace:: にほんご\n.. |日本語| replace:: 日本\n\n|日本語|\n", "<p>日本</p>"},
		// The name as docutils' pattern ends it: at a bar before a space
		// or the line's end, on a later line if not on the first; the
		// directive after it, or on the next line.
		{".. |x|y| replace:: z\n\n|x|y|\n", "<p>z</p>"},
		{".. |a\n   b| replace:: x\n\n|a b|\n", "<p>x</p>"},
		{".. |a |\n   b| replace:: x\n\n|a | b|\n", "<p>x</p>"},
		{".. |a|\n   replace:: x\n\n|a|\n", "<p>x</p>"},
		{".. |名前|\n   replace:: 値\n\n|名前|\n", "<p>値</p>"},
	} {
		// (Many times, as the order of a map's keys changed the answer.)
		for range 20 {
			var b bytes.Buffer
			if err := WriteHTML(&b, Parse(c.text), HTMLOptions{}); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want+"\n", b.String()); diff != "" {
				t.Errorf("%q (-docutils +rst):\n%s", c.text, diff)
				break
			}
		}
	}
}

func TestNamesLikeDocutils(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{".. _ΣΊΣΥΦΟΣ: http://a\n\n`σίσυφος`_ `σίσυφοσ`_\n",
			`<p><a href="http://a" rel="nofollow noopener">σίσυφος</a> ` + "`" + `σίσυφοσ` + "`" + `_</p>`},
		{".. _İstanbul: http://a\n\n`i̇stanbul`_ `istanbul`_\n",
			`<p><a href="http://a" rel="nofollow noopener">i̇stanbul</a> ` + "`" + `istanbul` + "`" + `_</p>`},
		{".. _a\x1fb: http://a\n\n`a b`_\n",
			`<p><a href="http://a" rel="nofollow noopener">a b</a></p>`},
		{"|ΣΙΣΥΦΟΣ| |σισυφος| |σισυφοσ|\n\n.. |ΣΙΣΥΦΟΣ| replace:: 1\n", `<p>1 1 |σισυφοσ|</p>`},
		{"|İ| |i| |i̇|\n\n.. |İ| replace:: 1\n", `<p>1 |i| 1</p>`},
		{"Σοφός\n=====\n\ntext\n\n`ΣΟΦΌΣ`_\n",
			`<h2 id="id1">Σοφός</h2>` + "\n<p>text</p>\n" + `<p><a href="#id1" rel="nofollow noopener">ΣΟΦΌΣ</a></p>`},
	} {
		var b bytes.Buffer
		if err := WriteHTML(&b, Parse(c.text), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want+"\n", b.String()); diff != "" {
			t.Errorf("%q (-docutils +rst):\n%s", c.text, diff)
		}
	}
}

// TestEscapedSpacesLikeDocutils holds backslash-escaped white space to
// docutils' unescape, which drops an escaped space or line feed but
// keeps other white space escaped: an ideographic space in Japanese
// text, a no-break space.
func TestEscapedSpacesLikeDocutils(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"日本\\\u3000語 x\\\u00a0y a\\ b\n", "<p>日本\u3000語 x\u00a0y ab</p>"},
		{"これは\\\u3000*強調*\\\u3000です\n", "<p>これは\u3000<em>強調</em>\u3000です</p>"},
		{"これは\\ *強調*\\ です\n", "<p>これは<em>強調</em>です</p>"},
	} {
		var b bytes.Buffer
		if err := WriteHTML(&b, Parse(c.text), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want+"\n", b.String()); diff != "" {
			t.Errorf("%q (-docutils +rst):\n%s", c.text, diff)
		}
	}
}

// TestMarkupAtPythonWhiteSpace holds inline markup to docutils' rules of
// start- and end-strings at white space, which is Python's: the unit
// separator U+001F among it (the file, group and record separators
// break lines).
func TestMarkupAtPythonWhiteSpace(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"x\x1f*y*\x1f z\n", "<p>x\x1f<em>y</em>\x1f z</p>"},
		{"x\x1f|y|\x1f z\n\n.. |y| replace:: Y\n", "<p>x\x1fY\x1f z</p>"},
		{"term\x1f : classifier\n   def\n", "<dl>\n<dt>term : <span class=\"classifier\">classifier</span></dt>\n<dd>\n<p>def</p>\n</dd>\n</dl>"},
	} {
		var b bytes.Buffer
		if err := WriteHTML(&b, Parse(c.text), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want+"\n", b.String()); diff != "" {
			t.Errorf("%q (-docutils +rst):\n%s", c.text, diff)
		}
	}
}

// TestEmbeddedURIsLikeDocutils holds phrase references to docutils'
// embedded_link pattern: a URI only after a space or a line feed (or
// alone), and with no white space, an ideographic space among it, just
// inside its brackets; otherwise the reference is to a name, which the
// text does not define, and its markup is shown as written.
func TestEmbeddedURIsLikeDocutils(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"`名前 <http://x/>`_\n", `<p><a href="http://x/" rel="nofollow noopener">名前</a></p>`},
		{"`<http://x/>`_\n", `<p><a href="http://x/" rel="nofollow noopener">http://x/</a></p>`},
		{"`a <b\\<c>`_\n", `<p><a href="b%3Cc" rel="nofollow noopener">a</a></p>`},
		{"`a <b<c>`_\n", "<p>`a &lt;b&lt;c&gt;`_</p>"},
		{"`名前\u3000<http://x/>`_\n", "<p>`名前\u3000&lt;http://x/&gt;`_</p>"},
		{"`名前 <\u3000http://x/>`_\n", "<p>`名前 &lt;\u3000http://x/&gt;`_</p>"},
	} {
		var b bytes.Buffer
		if err := WriteHTML(&b, Parse(c.text), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want+"\n", b.String()); diff != "" {
			t.Errorf("%q (-docutils +rst):\n%s", c.text, diff)
		}
	}
}

// TestBlankLinesLikeDocutils holds lines of white space to docutils'
// string2lines, which strips Python's white space from line ends: a line
// of an ideographic space, an Ogham space mark or a unit separator is
// blank.
func TestBlankLinesLikeDocutils(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"段落一\n\u3000\n段落二\n", "<p>段落一</p>\n<p>段落二</p>"},
		{"段落一\n\u1680\n段落二\n", "<p>段落一</p>\n<p>段落二</p>"},
		{"段落一\n\x1f\n段落二\n", "<p>段落一</p>\n<p>段落二</p>"},
		{"Title\u1680\u1680\n=====\n", `<h2 id="title">Title</h2>`},
	} {
		var b bytes.Buffer
		if err := WriteHTML(&b, Parse(c.text), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want+"\n", b.String()); diff != "" {
			t.Errorf("%q (-docutils +rst):\n%s", c.text, diff)
		}
	}
}

// TestIDsOfNamesInOtherScripts holds the ids of elements whose names make
// none (docutils' make_id keeps only ASCII letters and digits) to being
// valid and unique beside ids that names make, "id1" and "footnote-1"
// among them, and references to the elements docutils 0.19 links them
// to (an explicit target, the footnote "#日本", takes the name from the
// section "日本"). docutils' own ids differ ("section-1", "note-1"): see
// identify.
func TestIDsOfNamesInOtherScripts(t *testing.T) {
	src := "id1\n===\n\n日本\n====\n\n_`id2` _`中文` _`Straße` _`strasze`\n\n" +
		".. [#footnote-1] x\n\n.. [#] y\n\n.. [#日本] z\n\n.. note:: n\n   :name: Σοφός\n\n" +
		"[#]_ [#日本]_ [#footnote-1]_ `Σοφός`_ `日本`_\n"
	want := `<h2 id="id1">id1</h2>
<h2 id="id2">日本</h2>
<p><span id="id3">id2</span> <span id="id4">中文</span> <span id="strasze">Straße</span> <span id="id5">strasze</span></p>
<aside id="footnote-1" class="footnote" role="doc-footnote">
<span class="label">[1]</span>
<p>x</p>
</aside>
<aside id="id7" class="footnote" role="doc-footnote">
<span class="label">[2]</span>
<p>y</p>
</aside>
<aside id="id8" class="footnote" role="doc-footnote">
<span class="label">[3]</span>
<p>z</p>
</aside>
<aside id="id6" class="admonition note" role="note">
<p class="admonition-title">Note</p>
<p>n</p>
</aside>
<p><a href="#id7" rel="nofollow noopener">[2]</a> <a href="#id8" rel="nofollow noopener">[3]</a> <a href="#footnote-1" rel="nofollow noopener">[1]</a> <a href="#id6" rel="nofollow noopener">Σοφός</a> <a href="#id8" rel="nofollow noopener">日本</a></p>
`
	var b bytes.Buffer
	if err := WriteHTML(&b, Parse(src), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

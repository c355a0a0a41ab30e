package rst

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMarkupAsDocutils holds the HTML of inline and block markup to the
// document docutils 0.19 makes of the same text (its pseudo-XML, checked
// by hand): which characters may stand around markup, what a literal, a
// term's classifiers, a substitution reference, a list or a table hold.
func TestMarkupAsDocutils(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{
			"braces may stand around markup",
			"a {*x*} b\n",
			"<p>a {<em>x</em>} b</p>\n",
		},
		{
			"a start-string between hyphens is markup: no quote pair",
			"a -*- b *c*\n",
			"<p>a -<em>- b *c</em></p>\n",
		},
		{
			"a term's text after markup keeps its space before a classifier",
			"term *a* b : c\n   def\n",
			"<dl>\n<dt>term <em>a</em> b : <span class=\"classifier\">c</span></dt>\n<dd>\n<p>def</p>\n</dd>\n</dl>\n",
		},
		{
			"a literal keeps its backslashes",
			"``C:\\path a\\ b``\n",
			"<p><code>C:\\path a\\ b</code></p>\n",
		},
		{
			// docutils' code and math roles unescape with
			// restore_backslashes; literal, as other roles, without.
			"code and math keep their backslashes, literal not",
			"a :code:`C:\\path` :math:`a\\ b` :literal:`C:\\path` :code:`x\\ y\\\\z`\n\n" +
				".. role:: py(code)\n\n:py:`a\\b`\n\n.. default-role:: math\n\n`x\\y`\n",
			"<p>a <code>C:\\path</code> <code>a\\ b</code> <code>C:path</code> <code>x\\ y\\\\z</code></p>\n" +
				"<p><code>a\\b</code></p>\n<p><code>x\\y</code></p>\n",
		},
		{
			"a substitution reference links to the target of its name in any case",
			"see |Name|_\n\n.. |Name| replace:: n\n.. _name: http://n.org\n",
			"<p>see <a href=\"http://n.org\" rel=\"nofollow noopener\">n</a></p>\n",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, htmlOf(t, c.src)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", c.src, diff)
			}
		})
	}
}

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
func TestNamesLikeDocutils(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{".. _ΣΊΣΥΦΟΣ: http://a\n\n`σίσυφος`_ `σίσυφοσ`_\n",
			`<p><a href="http://a" rel="nofollow noopener">σίσυφος</a> σίσυφοσ</p>`},
		{".. _İstanbul: http://a\n\n`i̇stanbul`_ `istanbul`_\n",
			`<p><a href="http://a" rel="nofollow noopener">i̇stanbul</a> istanbul</p>`},
		{".. _a\x1fb: http://a\n\n`a b`_\n",
			`<p><a href="http://a" rel="nofollow noopener">a b</a></p>`},
		{"|ΣΙΣΥΦΟΣ| |σισυφος| |σισυφοσ|\n\n.. |ΣΙΣΥΦΟΣ| replace:: 1\n", `<p>1 1 σισυφοσ</p>`},
		{"|İ| |i| |i̇|\n\n.. |İ| replace:: 1\n", `<p>1 i 1</p>`},
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

package rst_test

import (
	"fmt"
	"os"

	"github.com/talkmeta/talkmeta/talk/rst"
)

func Example() {
	doc := rst.Parse("async/await is *here*; see `PEP 492 <https://peps.python.org/pep-0492/>`_.\n\n" +
		"* asyncio\n* curio\nTwisted\n")
	for _, d := range doc.Diagnostics {
		fmt.Println(d)
	}
	if err := rst.WriteHTML(os.Stdout, doc, rst.HTMLOptions{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 5: (WARNING/2) Bullet list ends without a blank line; unexpected unindent.
	// <p>async/await is <em>here</em>; see <a href="https://peps.python.org/pep-0492/" rel="nofollow noopener">PEP 492</a>.</p>
	// <ul>
	// <li>asyncio</li>
	// <li>curio</li>
	// </ul>
	// <p>Twisted</p>
}

// Check reports what docutils' parser would about a description, each
// diagnostic with its level and 1-based line, without rendering it: what a
// validator or an editor shows beside the text. A reference to a target
// the text does not define ("the docs"), which docutils' transforms report
// after parsing, is not among them.
func ExampleCheck() {
	src := "Title\n===\n\nSee `the docs`_ and *this.\n"
	for _, d := range rst.Check(src) {
		fmt.Println(d)
	}
	// Output:
	// 2: (INFO/1) Possible title underline, too short for the title.
	// Treating it as ordinary text because it's so short.
	// 4: (WARNING/2) Inline emphasis start-string without end-string.
}

// WriteHTML writes a fragment for a page whose own title is its h1 and
// its h2 (HeadingLevel 3), and keeps the ids that the text's sections
// and directives take apart from the page's own (IDPrefix).
func ExampleWriteHTML() {
	doc := rst.Parse("Setup\n-----\n\n.. note::\n   :name: laptop\n\n   Bring a laptop.\n\nSee laptop_.\n")
	if err := rst.WriteHTML(os.Stdout, doc, rst.HTMLOptions{HeadingLevel: 3, IDPrefix: "desc-"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <h3 id="desc-setup">Setup</h3>
	// <aside id="desc-laptop" class="admonition note" role="note">
	// <p class="admonition-title">Note</p>
	// <p>Bring a laptop.</p>
	// </aside>
	// <p>See <a href="#desc-laptop" rel="nofollow noopener">laptop</a>.</p>
}

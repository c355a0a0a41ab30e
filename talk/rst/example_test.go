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

package rst_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/talkmeta/talkmeta/talk/rst"
)

// TestConcurrentUse holds the package doc's word on concurrency: Parse
// and Check may run in many goroutines at once, and one Document be
// written by many, with the same output as alone. It means something
// under -race.
func TestConcurrentUse(t *testing.T) {
	const src = `Title
=====

A *paragraph* with ` + "``code``" + `, a |sub|, a footnote [#]_ and a link to Python_.

.. |sub| replace:: substitution
.. _Python: https://www.python.org/
.. [#] The note.

.. note:: A note.
   :name: the-note

See the-note_ and the table:

=====  =====
a      b
=====  =====
1      2
=====  =====

.. image:: https://example.org/slide.png
   :alt: A slide
`
	shared := rst.Parse(src)
	write := func(d *rst.Document) string {
		var b strings.Builder
		if err := rst.WriteHTML(&b, d, rst.HTMLOptions{IDPrefix: "talk-"}); err != nil {
			t.Error(err)
		}
		return b.String()
	}
	want, wantDiags := write(shared), shared.Diagnostics
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, d := range []*rst.Document{shared, rst.Parse(src)} {
				if got := write(d); got != want {
					t.Errorf("concurrent output differs:\n%s\nwant:\n%s", got, want)
				}
			}
			if got := rst.Check(src); !slices.Equal(got, wantDiags) {
				t.Errorf("Check = %v, want %v", got, wantDiags)
			}
		})
	}
	wg.Wait()
}

package csl_test

import (
	"fmt"
	"os"

	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// A reference list of three talks in the built-in APA style: sorted by
// speaker and date, and the two talks Yury Selivanov gave in 2016 told
// apart by year suffixes, as citeproc-js does.
func ExampleProcessor_WriteBibliography() {
	style, err := csl.BuiltinStyle("apa")
	if err != nil {
		fmt.Println(err)
		return
	}
	pr, err := csl.New(style) // the built-in en-US locale
	if err != nil {
		fmt.Println(err)
		return
	}
	talk := func(id, title, event string, date csl.Date, speakers ...csl.Name) *csl.Item {
		it := &csl.Item{ID: id, Type: "speech"}
		it.Set("title", title)
		it.Set("event-title", event)
		it.Set("event", event)
		it.Set("genre", "Conference presentation")
		it.SetDate("issued", date)
		it.SetNames("author", speakers...)
		return it
	}
	yury := csl.Name{Family: "Selivanov", Given: "Yury"}
	items := []*csl.Item{
		talk("uvloop", "uvloop: make asyncio fast", "PyCon US 2016", csl.DateOf(2016, 5, 29), yury),
		talk("async", "async/await in Python 3.5 and why it is awesome", "EuroPython 2016", csl.DateOf(2016, 7, 21), yury),
		talk("gil", "Understanding the Python GIL", "PyCon US 2010", csl.DateOf(2010, 2, 20), csl.Name{Family: "Beazley", Given: "David"}),
	}
	if err := pr.WriteBibliography(os.Stdout, csl.Text, items...); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Beazley, D. (2010, February 20). Understanding the Python GIL [Conference presentation]. PyCon US 2010.
	// Selivanov, Y. (2016a, May 29). uvloop: make asyncio fast [Conference presentation]. PyCon US 2016.
	// Selivanov, Y. (2016b, July 21). async/await in Python 3.5 and why it is awesome [Conference presentation]. EuroPython 2016.
}

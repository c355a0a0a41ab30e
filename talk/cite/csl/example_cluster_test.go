package csl_test

import (
	"fmt"

	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// Three talks cited at one place in the built-in APA style: sorted by
// speaker, Yury Selivanov's two talks of 2016 told apart by year
// suffixes and his name written once, all in one pair of parentheses,
// as citeproc-js cites them.
func ExampleProcessor_Cite() {
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
	talk := func(id, title string, date csl.Date, speaker csl.Name) *csl.Item {
		it := &csl.Item{ID: id, Type: "speech"}
		it.Set("title", title)
		it.SetDate("issued", date)
		it.SetNames("author", speaker)
		return it
	}
	yury := csl.Name{Family: "Selivanov", Given: "Yury"}
	s, err := pr.Cite(csl.Text,
		talk("uvloop", "uvloop: make asyncio fast", csl.DateOf(2016, 5, 29), yury),
		talk("robots", "Making robots walk with Python", csl.DateOf(2019, 10, 10), csl.Name{Literal: "Rixx"}),
		talk("async", "async/await in Python 3.5 and why it is awesome", csl.DateOf(2016, 7, 21), yury),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	// Output:
	// (Rixx, 2019; Selivanov, 2016a, 2016b)
}

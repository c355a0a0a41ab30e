package pyvideo_test

import (
	"fmt"

	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func ExampleSlugify() {
	fmt.Println(pyvideo.Slugify("async/await in Python 3.5 and why it is awesome"))
	fmt.Println(pyvideo.Slugify("What's new in <em>Python</em> 3.13?"))
	fmt.Println(pyvideo.Slugify("Асинхронный Python"))
	fmt.Println(pyvideo.Slugify("__init__ -- and friends"))
	fmt.Printf("%q\n", pyvideo.Slugify("🐍?!"))
	// Output:
	// asyncawait-in-python-35-and-why-it-is-awesome
	// whats-new-in-python-313
	// asinkhronnyi-python
	// __init__-and-friends
	// ""
}

func ExampleURLPath() {
	// No slug member: the talk's slug comes from its title.
	fmt.Println(pyvideo.URLPath("EuroPython 2016", "", "Asynchronous I/O"))
	// A legacy slug member is used as it is.
	fmt.Println(pyvideo.URLPath("ChiPy", "Micropython_gpio", "MicroPython GPIO Electronics Edition"))
	// Output:
	// /europython-2016/asynchronous-io.html
	// /chipy/Micropython_gpio.html
}

func ExampleSlugifier() {
	// ポ written as ホ followed by the combining sound mark U+309A, as in
	// a pyvideo title: Pelican 4.5 and later normalize to NFKC first.
	title := "PYCON\u30db\u309a\u30b9\u30bf\u30fc"
	fmt.Println(pyvideo.Slugifier{}.Slugify(title))
	fmt.Println(pyvideo.Slugifier{Pelican42: true}.Slugify(title))
	// Output:
	// pyconposuta
	// pyconhosuta
}

package cite_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// seed returns the seed talk from the repository's copy of the pyvideo
// corpus, with its event, as talkmeta reads it.
func seed() *talk.Talk {
	const dir = "../../testdata/pyvideo/europython-2016/"
	data, err := os.ReadFile(dir + "videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json")
	if err != nil {
		panic(err)
	}
	t, err := pyvideo.ParseTalk(data, "europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json")
	if err != nil {
		panic(err)
	}
	data, err = os.ReadFile(dir + "category.json")
	if err != nil {
		panic(err)
	}
	e, err := pyvideo.ParseEvent(data, "europython-2016/category.json")
	if err != nil {
		panic(err)
	}
	t.Event = *e
	t.Description = "" // keep the examples short
	return t
}

func ExampleWriteBibTeX() {
	if err := cite.WriteBibTeX(os.Stdout, seed(), cite.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @misc{selivanov2016asyncawait,
	//   author = {Selivanov, Yury},
	//   title = {async/await in {Python} 3.5 and why it is awesome},
	//   howpublished = {Conference presentation at EuroPython 2016},
	//   month = aug,
	//   year = {2016},
	//   note = {\url{https://www.youtube.com/watch?v=m28fiN9y_r8}},
	//   url = {https://www.youtube.com/watch?v=m28fiN9y_r8},
	//   language = {English},
	// }
}

// With ASCII, accented letters become LaTeX commands.
func ExampleWriteBibTeX_ascii() {
	t := &talk.Talk{
		Title:    "Straßenbahn: Python für Anfänger",
		Speakers: []talk.Speaker{{Name: "Jürgen Müller-Lüdenscheidt"}, {Name: "Stéfan van der Walt"}},
		Recorded: talk.MustParseDate("2019-10-09"),
	}
	if err := cite.WriteBibTeX(os.Stdout, t, cite.Options{ASCII: true, Key: "mueller2019"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @misc{mueller2019,
	//   author = {M{\"u}ller-L{\"u}denscheidt, J{\"u}rgen and van der Walt, St{\'e}fan},
	//   title = {Stra{\ss}enbahn: {Python} f{\"u}r {Anf{\"a}nger}},
	//   howpublished = {Conference presentation},
	//   month = oct,
	//   year = {2019},
	// }
}

func ExampleWriteBibLaTeX() {
	if err := cite.WriteBibLaTeX(os.Stdout, seed(), cite.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @unpublished{selivanov2016asyncawait,
	//   author = {Selivanov, Yury},
	//   title = {async/await in {Python} 3.5 and why it is awesome},
	//   type = {Conference presentation},
	//   eventtitle = {{EuroPython} 2016},
	//   date = {2016-08-04},
	//   url = {https://www.youtube.com/watch?v=m28fiN9y_r8},
	//   langid = {english},
	// }
}

func ExampleWriteRIS() {
	var b strings.Builder
	if err := cite.WriteRIS(&b, seed()); err != nil {
		fmt.Println(err)
	}
	// Lines end in CRLF; show them without the CR.
	fmt.Print(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	// Output:
	// TY  - SLIDE
	// AU  - Selivanov, Yury
	// TI  - async/await in Python 3.5 and why it is awesome
	// T2  - EuroPython 2016
	// DA  - 2016/08/04/
	// PY  - 2016
	// M3  - Conference presentation
	// UR  - https://www.youtube.com/watch?v=m28fiN9y_r8
	// LA  - en
	// ER  -
}

func ExampleWriteCSLJSON() {
	if err := cite.WriteCSLJSON(os.Stdout, seed()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// [
	//   {
	//     "id": "selivanov2016asyncawait",
	//     "type": "speech",
	//     "citation-key": "selivanov2016asyncawait",
	//     "title": "async/await in Python 3.5 and why it is awesome",
	//     "author": [
	//       {
	//         "family": "Selivanov",
	//         "given": "Yury"
	//       }
	//     ],
	//     "event-title": "EuroPython 2016",
	//     "event": "EuroPython 2016",
	//     "issued": {
	//       "date-parts": [
	//         [
	//           2016,
	//           8,
	//           4
	//         ]
	//       ]
	//     },
	//     "genre": "Conference presentation",
	//     "dimensions": "25:08",
	//     "URL": "https://www.youtube.com/watch?v=m28fiN9y_r8",
	//     "language": "en"
	//   }
	// ]
}

// A KeySet gives talks with the same key the suffixes a, b, ...
func ExampleKeySet() {
	t := seed()
	var keys cite.KeySet
	for range 3 {
		fmt.Println(keys.Key(t))
	}
	// Output:
	// selivanov2016asyncawait
	// selivanov2016asyncawaita
	// selivanov2016asyncawaitb
}

// A Writer writes many talks as one file, with unique keys.
func ExampleWriter() {
	w := cite.NewWriter(os.Stdout, cite.BibLaTeX, cite.Options{})
	for _, title := range []string{"Async I/O", "Async generators"} {
		t := &talk.Talk{Title: title, Speakers: []talk.Speaker{{Name: "Yury Selivanov"}}, Recorded: talk.MustParseDate("2017")}
		if err := w.Write(t); err != nil {
			fmt.Println(err)
		}
	}
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @unpublished{selivanov2017async,
	//   author = {Selivanov, Yury},
	//   title = {Async {I}/{O}},
	//   type = {Conference presentation},
	//   date = {2017},
	// }
	//
	// @unpublished{selivanov2017asynca,
	//   author = {Selivanov, Yury},
	//   title = {Async generators},
	//   type = {Conference presentation},
	//   date = {2017},
	// }
}

func ExampleParseNames() {
	for _, s := range []string{
		"Guido van Rossum",
		"Richard D. Copeland, Jr.",
		`Andy "Pandy" Knight`,
		"Anna Spysz and Chase Douglas",
		"Various speakers",
		"三津田 哲雄",
	} {
		for _, n := range cite.ParseNames(s) {
			fmt.Printf("%s: %q\n", s, n.Inverted())
		}
	}
	// Output:
	// Guido van Rossum: "van Rossum, Guido"
	// Richard D. Copeland, Jr.: "Copeland, Richard D., Jr."
	// Andy "Pandy" Knight: "Knight, Andy"
	// Anna Spysz and Chase Douglas: "Spysz, Anna"
	// Anna Spysz and Chase Douglas: "Douglas, Chase"
	// Various speakers: "Various speakers"
	// 三津田 哲雄: "三津田, 哲雄"
}

func ExampleKey() {
	fmt.Println(cite.Key(seed()))
	// Output: selivanov2016asyncawait
}

// A talk formatted as a reference with the CSL engine's built-in MLA
// style, with the event date MLA needs to print the day of the talk.
func ExampleReference() {
	style, err := csl.BuiltinStyle("mla")
	if err != nil {
		fmt.Println(err)
		return
	}
	mla, err := csl.New(style)
	if err != nil {
		fmt.Println(err)
		return
	}
	ref, err := cite.Reference(mla, csl.HTML, seed(), cite.Options{EventDate: true})
	fmt.Println(ref, err)
	// Output:
	// <div class="csl-entry">Selivanov, Yury. “Async/Await in Python 3.5 and Why It Is Awesome.” Conference presentation. EuroPython 2016, 4 Aug. 2016, https://www.youtube.com/watch?v=m28fiN9y_r8.</div> <nil>
}

func ExampleCSLItem() {
	t := seed()
	item, err := cite.CSLItem(t, cite.Key(t), cite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	style, err := csl.BuiltinStyle("apa")
	if err != nil {
		fmt.Println(err)
		return
	}
	apa, err := csl.New(style)
	if err != nil {
		fmt.Println(err)
		return
	}
	entry, err := apa.Entry(csl.Text, item)
	fmt.Println(entry, err)
	// Output:
	// Selivanov, Y. (2016, August 4). async/await in Python 3.5 and why it is awesome [Conference presentation]. EuroPython 2016. https://www.youtube.com/watch?v=m28fiN9y_r8 <nil>
}

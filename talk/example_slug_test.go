package talk_test

import (
	"fmt"

	"github.com/talkmeta/talkmeta/talk"
)

func ExampleSlug() {
	fmt.Println(talk.Slug("async/await in Python 3.5 and why it is awesome"))
	fmt.Println(talk.Slug("Асинхронный Python"))
	fmt.Println(talk.Slug("Café — ¿Qué tal?"))
	fmt.Printf("%q\n", talk.Slug("???"))
	// Output:
	// async-await-in-python-3-5-and-why-it-is-awesome
	// asinkhronnyi-python
	// cafe-que-tal
	// ""
}

func ExampleSlugger() {
	short := talk.Slugger{MaxLength: 20}
	fmt.Println(short.Make("async/await in Python 3.5 and why it is awesome"))

	german := talk.Slugger{Language: "de"}
	fmt.Println(german.Make("Straße über Äpfel & Birnen"))
	// Output:
	// async-await-in
	// strasse-ueber-aepfel-und-birnen
}

func ExampleSlugSet() {
	var set talk.SlugSet
	for _, title := range []string{"Intro", "Intro", "Intro 2", "Intro", "???", "!!!"} {
		fmt.Println(set.Unique(talk.Slug(title)))
	}
	// Output:
	// intro
	// intro-2
	// intro-2-2
	// intro-3
	// talk
	// talk-2
}

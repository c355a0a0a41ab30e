package csl

import (
	"fmt"
	"math/rand/v2"
)

// talkVariants returns talks and videos that vary every field a talk
// can have, one at a time and in seeded random combinations: the space
// the built-in styles must agree with the official ones on.
func talkVariants() []*Item {
	authors := [][]Name{
		nil,
		{{Family: "Selivanov", Given: "Yury"}},
		{{Literal: "Various speakers"}},
		{{Family: "Rixx"}},
		{{Family: "Shaw", Given: "Anthony"}, {Family: "Shannon", Given: "Mark"}},
		{{Family: "Langa", Given: "Łukasz"}, {Family: "Lehtosalo", Given: "Jukka"}, {Family: "Levkivskyi", Given: "Ivan"}},
		{{Family: "A", Given: "Ann"}, {Family: "B", Given: "Bob"}, {Family: "C", Given: "Cy"}, {Family: "D", Given: "Di"}},
		{{Family: "Rossum", Given: "Guido", NonDroppingParticle: "van"}, {Family: "Beethoven", Given: "Ludwig", DroppingParticle: "van"}, {Family: "Copeland", Given: "Richard D.", Suffix: "Jr."}},
		{{Family: "van Rossum", Given: "Guido"}},
		{{Family: "Dupré la Tour", Given: "Tom"}, {Literal: "PyCon Team"}},
		{{Family: "三津田", Given: "哲雄"}},
		{{Family: "Cha", Given: "Jessica Earl"}, {Family: "Cha", Given: "James Earl"}},
		{{Family: "Smith", Given: "J."}, {Family: "Smith", Given: "John"}},
	}
	for _, n := range []int{7, 8, 20, 21, 22} {
		var ns []Name
		for i := 1; i <= n; i++ {
			ns = append(ns, Name{Family: fmt.Sprintf("Family%d", i), Given: fmt.Sprintf("Given%d", i)})
		}
		authors = append(authors, ns)
	}
	titles := []string{
		"async/await in Python 3.5 and why it is awesome",
		"Is Python fast enough?",
		"Ending with a period.",
		"Wow!",
		"Type hints: a survey",
		`Why "async" is hard & what <b> can't do`,
		"The <i>requests</i> library",
		"lowercase start: from NASA to iPython, and back",
		"Python (and friends)",
		"",
	}
	dates := []*Date{nil, {Parts: [][]int{{2016, 7, 21}}}, {Parts: [][]int{{2016, 7}}}, {Parts: [][]int{{2016}}}, {Parts: [][]int{{2016, 1, 1}}}}
	genres := []string{"Conference presentation", "", "keynote address", "Lightning talk."}
	langs := []string{"en", "", "es", "eng", "de-DE"}
	base := func(id string) *Item {
		it := &Item{ID: id, Type: "speech"}
		it.Set("title", titles[0])
		it.SetNames("author", authors[1]...)
		it.Set("event-title", "EuroPython 2016")
		it.Set("event", "EuroPython 2016")
		it.Set("event-place", "Bilbao, Spain")
		it.SetDate("issued", *dates[1])
		it.Set("genre", genres[0])
		it.Set("URL", "https://www.youtube.com/watch?v=m28fiN9y_r8")
		it.Set("dimensions", "25:08")
		it.Set("language", "en")
		return it
	}
	var out []*Item
	add := func(it *Item) { out = append(out, it) }
	for _, typ := range []string{"speech", "motion_picture"} {
		p := typ + "-"
		for i, a := range authors {
			it := base(fmt.Sprintf("%sauthors-%d", p, i))
			it.Type = typ
			it.SetNames("author", a...)
			add(it)
		}
		for i, t := range titles {
			it := base(fmt.Sprintf("%stitle-%d", p, i))
			it.Type = typ
			it.Set("title", t)
			add(it)
		}
		for i, d := range dates {
			it := base(fmt.Sprintf("%sdate-%d", p, i))
			it.Type = typ
			if d == nil {
				delete(it.Dates, "issued")
			} else {
				it.SetDate("issued", *d)
			}
			add(it)
			ev := base(fmt.Sprintf("%sevent-date-%d", p, i))
			ev.Type = typ
			if d == nil {
				delete(ev.Dates, "issued")
			} else {
				ev.SetDate("issued", *d)
				ev.SetDate("event-date", *d)
			}
			add(ev)
		}
		for i, g := range genres {
			it := base(fmt.Sprintf("%sgenre-%d", p, i))
			it.Type = typ
			it.Set("genre", g)
			add(it)
		}
		for i, l := range langs {
			it := base(fmt.Sprintf("%slang-%d", p, i))
			it.Type = typ
			it.Set("language", l)
			add(it)
		}
		for _, f := range []string{"event-title", "event", "event-place", "URL", "dimensions"} {
			it := base(p + "no-" + f)
			it.Type = typ
			it.Set(f, "")
			add(it)
		}
		it := base(p + "no-event-at-all")
		it.Type = typ
		it.Set("event", "")
		it.Set("event-title", "")
		add(it)
		it = base(p + "only-event-title")
		it.Type = typ
		it.Set("event", "")
		add(it)
		it = base(p + "bare")
		it.Type = typ
		it.Fields = map[string]string{"title": "Bare talk"}
		it.Names = nil
		it.Dates = nil
		add(it)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		it := base(fmt.Sprintf("mix-%d", i))
		if rng.IntN(5) == 0 {
			it.Type = "motion_picture"
		}
		it.SetNames("author", authors[rng.IntN(len(authors))]...)
		it.Set("title", titles[rng.IntN(len(titles))])
		if d := dates[rng.IntN(len(dates))]; d == nil {
			delete(it.Dates, "issued")
		} else {
			it.SetDate("issued", *d)
			if rng.IntN(3) == 0 {
				it.SetDate("event-date", *d)
			}
		}
		it.Set("genre", genres[rng.IntN(len(genres))])
		it.Set("language", langs[rng.IntN(len(langs))])
		for _, f := range []string{"event-place", "URL", "dimensions"} {
			if rng.IntN(3) == 0 {
				it.Set(f, "")
			}
		}
		if rng.IntN(6) == 0 {
			it.Set("event", "")
			it.Set("event-title", "")
		}
		add(it)
	}
	return out
}

package schedule_test

import (
	"fmt"
	"os"

	"github.com/talkmeta/talkmeta/talk/schedule"
)

func ExampleParseJSON() {
	data, err := os.ReadFile("testdata/pair.json")
	if err != nil {
		panic(err)
	}
	s, err := schedule.ParseJSON(data, "pair.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Event.ID, s.Event.TimeZone)
	for _, t := range s.Talks {
		fmt.Printf("%s %s %s %q\n", t.Recorded, t.Duration, t.Place.Room, t.Title)
	}
	// Output:
	// tinycon2024 Europe/Berlin
	// 2024-06-01T10:00:00+02:00 PT45M Saal 1 "Opening: small, fast; and \\ escaped"
	// 2024-06-01T11:00:00+02:00 PT1H30M Saal 1 "Lightning talks"
	// 2024-06-01T23:30:00+02:00 PT2H Werkstatt "Soldering after midnight"
	// 2024-06-02T16:00:00+02:00 PT25M Saal 1 "Closing"
}

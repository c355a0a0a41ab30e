package schedule_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/talkmeta/talkmeta/talk"
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

// A schedule with broken talks is still read: the error is a
// talk.ErrorList beside the schedule, one *talk.RecordError per problem
// with its place in the file, and the talks keep what could be read.
func ExampleParseXML() {
	data, err := os.ReadFile("testdata/bad.xml")
	if err != nil {
		panic(err)
	}
	s, err := schedule.ParseXML(data, "bad.xml")
	var list talk.ErrorList
	if errors.As(err, &list) {
		for _, re := range list {
			fmt.Printf("%s line %d, column %d: %v\n", re.Path, re.Line, re.Column, re.Err)
		}
	}
	fmt.Println(len(s.Talks), "talk:", s.Talks[0].Title)
	// Output:
	// bad.xml line 7, column 5: schedule: days: want an integer, got "two"
	// bad.xml line 8, column 5: schedule: time_zone_name "Europe/Nowhere" is not an IANA time zone
	// bad.xml line 13, column 7: schedule: id: want a positive integer, got "abc"
	// bad.xml line 15, column 9: schedule: date: "2024-03-01T25:00:00+01:00" is not a real time of day
	// bad.xml line 16, column 9: schedule: duration "0:7" is not a clock duration such as 00:45
	// bad.xml line 17, column 42: schedule: optout: want a boolean, got "maybe"
	// bad.xml line 19, column 18: schedule: id: want an integer, got "x"
	// bad.xml line 19, column 18: schedule: a person without a name
	// 1 talk: An optout that is neither true nor false
}

// WriteXML writes a schedule, from either form, as frab's XML.
func ExampleWriteXML() {
	s := &schedule.Schedule{Event: talk.Event{ID: "tinycon2024", Title: "TinyCon 2024", TimeZone: "Europe/Berlin"}}
	s.Talks = []*talk.Talk{{
		ID:       "5d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f",
		Title:    "Opening",
		Speakers: []talk.Speaker{{Name: "Ada Lovelace"}},
		Recorded: talk.MustParseDate("2024-06-01T10:00:00+02:00"),
		Duration: talk.Duration(45 * time.Minute),
		Place:    talk.Place{Room: "Saal 1"},
		Event:    s.Event,
	}}
	if err := schedule.WriteXML(os.Stdout, s); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <schedule>
	//   <version/>
	//   <conference>
	//     <acronym>tinycon2024</acronym>
	//     <title>TinyCon 2024</title>
	//     <time_zone_name>Europe/Berlin</time_zone_name>
	//   </conference>
	//   <day index="1" date="2024-06-01" start="2024-06-01T00:00:00+02:00" end="2024-06-01T23:59:59+02:00">
	//     <room name="Saal 1">
	//       <event guid="5d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f">
	//         <room>Saal 1</room>
	//         <title>Opening</title>
	//         <subtitle/>
	//         <type/>
	//         <date>2024-06-01T10:00:00+02:00</date>
	//         <start>10:00</start>
	//         <duration>00:45</duration>
	//         <abstract/>
	//         <track/>
	//         <persons>
	//           <person>Ada Lovelace</person>
	//         </persons>
	//         <recording>
	//           <license/>
	//           <optout>false</optout>
	//         </recording>
	//       </event>
	//     </room>
	//   </day>
	// </schedule>
}

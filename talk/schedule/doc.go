// Package schedule reads conference schedules in the two forms the CCC
// tooling, frab and pretalx publish: the c3voc schedule JSON
// ([ParseJSON]) and the older frab schedule XML ([ParseXML]), and writes
// the XML form ([WriteXML]).
//
// Both forms are decoded into one tree and mapped to the model by one
// mapping, so a schedule written as XML and as JSON imports to the same
// talks.
//
// # Mapping
//
// The conference becomes the [talk.Event] of every talk:
//
//	acronym                 ID
//	title, description      Title, Description
//	start, end              Start, End (a date or a date-time, as given)
//	time_zone_name          TimeZone (checked against the IANA database)
//	url                     URL; base_url when there is no url
//	venue, city             Place.Venue, Place.City (pentabarf's)
//	day_change              kept in Extra; and for a day without day_start
//	                        (pentabarf's), the time the day starts, so a
//	                        talk's start before it is on the next calendar
//	                        day (see start below)
//	base_url, version, daysCount, timeslot_duration, logo, colors,
//	tracks, rooms, keywords, meta, generator
//	                        Extra, under the same names
//	events, persons         (at the schedule's level: the c3voc schedule 2
//	                        form, schema2.json, that the 38C3 hub exports)
//	                        Extra, under the same names; this reader does
//	                        not import that form's items, so non-empty
//	                        events are reported rather than read as a
//	                        schedule without talks
//	days                    Extra "days": each day's index, date, day_start
//	                        and day_end, without its rooms' items (but with
//	                        what of them is not an item, which is reported)
//
// Each scheduled item (an "event" in the format's words) becomes a
// [talk.Talk]:
//
//	guid                    ID (it is stable across schedule versions); an
//	                        item with another's (in any case) is reported;
//	                        for an item without one, see "IDs without a
//	                        guid" below
//	id                      Legacy.ID (the format deprecates it); an item
//	                        with another's is reported, unless both have
//	                        the same code: pretalx gives each slot of a
//	                        submission (a talk given twice, a workshop in
//	                        parts) the submission's id and code, and a
//	                        guid of its own, so such talks share Legacy.ID
//	title, subtitle, slug   Title, Subtitle, Slug
//	track, tracks           Track, the first track the item names, and
//	                        Tags, each further one (after any tags): a
//	                        track is a string or, in an array (repeated
//	                        <track>s), a string or an object with a name;
//	                        a string names several tracks joined by
//	                        commas only when the conference's tracks
//	                        include each and not the whole ("Security,
//	                        Hardware"; but "Ethics, Society & Politics"
//	                        is one track of 36C3's, and without the
//	                        conference's tracks a string is one track);
//	                        an array with an object of other members than
//	                        a name (a color), or with an item of another
//	                        kind (which is reported), is kept in Extra
//	type                    Kind, lower-cased with "_" for spaces
//	                        ("Lightning Talk" → "lightning_talk"); the
//	                        original spelling in Extra "type" when it differs
//	language                Language (BCP 47); of a tag that is not BCP 47
//	                        but starts with a language that is, such as
//	                        pretalx's "de-formal", that language, with the
//	                        tag as written in Extra "c3voc_language"
//	abstract, description   Summary, Description; Markup Markdown when
//	                        the schedule's generator is pretalx, which
//	                        takes and renders Markdown there, else plain:
//	                        the format does not say, and frab's and hand-
//	                        made texts are plain or HTML alike
//	the room key            Place.Room; the item's room when the key is
//	                        "" (an XML <event> outside a <room>, which is
//	                        reported); an item's room that differs from
//	                        the key is reported and kept in Extra "room"
//	date                    Recorded: a date-time with its UTC offset, or
//	                        in the conference's time zone when it has none
//	                        (a time the clocks skip or show twice is
//	                        reported, and read as iCalendar reads it);
//	                        reported when outside the day's day_start to
//	                        day_end (the model keeps no day of its own);
//	                        the day's date when the item has no date or
//	                        start that reads
//	start                   used only when date has no time (with the
//	                        item's date, or else the day's date or the next
//	                        one for a time before the day's day_start, and
//	                        the time zone); kept in Extra when it disagrees
//	                        with date, or date is a month or a year
//	duration ("HH:MM")      Duration ("1:30" and "01:30:00" too; a bare
//	                        number, which has no unit, is reported)
//	end                     Duration when there is none; kept in Extra when
//	                        it disagrees, and reported when before date
//	url                     the first of Links, labelled ScheduleLabel
//	links                   Links; those of type "slides" go to Slides; a
//	                        link's other type or members go to Extra
//	                        "link_attributes", by URL (a list for a URL
//	                        that several links share)
//	logo                    Thumbnail, made absolute against base_url
//	recording_license       License
//	do_not_record           Recording = talk.NotRecorded when true; an
//	                        item that has a recording all the same keeps
//	                        it in Videos, and is reported, so that an
//	                        archive does not publish it unawares
//	persons                 Speakers: name (or public_name when name is
//	                        empty or missing), biography (Bio), avatar
//	                        (Image); id, guid, code, url, links and
//	                        answers in the speaker's Extra
//	attachments, code, feedback_url, origin_url, do_not_stream, answers
//	                        Extra, under the same names
//
// The URLs of a talk's page, links, attachments and recordings, and its
// logo and its speakers' avatars, are made absolute against base_url when
// they are relative. In a schedule without a base_url, such a URL
// relative to its host ("/talk/1", "talk/1") is reported and kept as
// written: the conference's url is its website, not always the host of
// its schedule's pages, so it is not taken for the base.
//
// In the XML form the same data is spelled differently; the reader gives
// it the JSON form's names: <days> is daysCount, <color> is colors,
// <track> elements are tracks, a day's start and end attributes are
// day_start and day_end, <recording><license> and <optout> are
// recording_license and do_not_record, <recording><url> and
// <video_download_url> become Videos, <recording><link> is kept in Extra
// "recording_link", and <person> text is the name. An element repeated
// where the JSON form has one value (two <title>s) is read as an array of
// its values, which is reported and kept as unparsed (except an event's
// <track>s, which are its tracks: see track above), and a repeated list
// (<persons>, <links>, <attachments>) as one list. A second <conference>
// is read into the first, as if its children were the first's.
//
// The attributes of a <room> other than its name, and its children other
// than its events, are the conference's "rooms" entry for it, added to
// the room of that name that <conference><rooms> or an earlier day gives:
// a detail that differs from the one given first (two guids for a room)
// is reported and kept in the event's Extra "unparsed" "rooms", and the
// first stays. Text where the format has only elements (in <schedule>,
// <conference>, <day>, <room>, <event>, <recording>) is reported and kept
// as the member "text" ("recording_text"), as the text of an element the
// reader has no rule for is. A list (<persons>, <links>, <attachments>,
// <conference><rooms>) takes only its items: its attributes, text and
// other elements are reported and kept in the Extra "unparsed" of the
// talk or event under the list's name, except text alone in <persons>,
// which is reported and read as one person's name. Problems are reported
// in the order of the document.
//
// A value an XML writer put on lines of its own, as in
//
//	<title>
//	  Opening
//	</title>
//
// is read without those line breaks and that indentation; a long text
// (abstract, description) so laid out loses the indentation its lines
// share, and keeps the rest, which may be Markdown.
//
// # IDs without a guid
//
// Pentabarf's exports, and frab's before 2013, have no guids; nor do some
// hand-made schedules. Such an item gets the ID the c3voc tools'
// converters (voc/schedule's csv2schedule scripts) give an item they make
// a guid for, which depends only on what identifies the item from one
// version of the schedule to the next:
//
//	uuid5(0c9a24b4-72aa-4202-9f91-5a2b6bff2e6f, hex(md5(acronym + id)))
//
// in lower case, where the namespace is theirs (voc/tools.py), acronym is
// the conference's acronym as written (its url when it has none, or the
// schedule's base_url when it has neither), and id
// the item's id in decimal ("penta" and 101 give
// 6b2faee9-1b1d-506a-bffd-1c9eec91fe32). An item without an id takes its
// pretalx code in the id's place. Neither title, room nor time goes in,
// so a talk renamed or moved keeps its ID. frab gave the events it had
// before it had guids random ones, and pretalx derives its guids from a
// secret of its instance, so no other rule could match theirs.
//
// An item without a guid, an id and a code, or in a conference with
// neither an acronym nor a url, is reported and has no ID. Two items that
// get the same ID (two guid-less items with one id, as two slots of one
// pretalx submission have, or a guid that another item's derived ID
// equals) are reported, naming both places.
//
// # Nothing is lost
//
// A member the model has no field for is kept in the Extra map of the
// event, talk or speaker under its own name, except where that name is one
// of the model's own JSON members (which the model's writer would drop),
// one the mapping fills itself ("unparsed", a talk's "link_attributes"),
// or, in the event's Extra, which the document's top level, schedule and
// conference share, one that another of them has in the schema (a
// schedule's "days" is not the conference's): then it gets the prefix
// "schedule_", "conference_" or "c3voc_". A value the mapping cannot read
// (a duration of "1h", an id of "2814") is reported and kept in the Extra
// member "unparsed", an object by source member name. A member kept under
// its own name whose kind the schema gives (a track that is not an
// object, a code that is not a string) is reported when it has another,
// and kept as written. Empty values (null, "" and []) carry nothing and
// are not kept.
//
// # Errors
//
// The readers go on after a problem and return what they could read with
// a [talk.ErrorList], each of whose problems is a [*talk.RecordError]:
// file, line and column, and for JSON the pointer of the value at fault.
// Only malformed JSON or XML stops a read.
//
// # Concurrency
//
// The package has no mutable state: a [Reader] reads, and [WriteXML]
// writes, from many goroutines at once. WriteXML only reads the
// [Schedule] it is given: the days it adds for talks outside the event's
// "days" are written, not added to the event's Extra.
package schedule

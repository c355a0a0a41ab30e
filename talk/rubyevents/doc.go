// Package rubyevents reads RubyEvents' public data (rubyevents.org,
// formerly RubyVideo.dev): a data directory of YAML files,
//
//	data/speakers.yml                 the speaker directory
//	data/<series>/series.yml          a recurring conference or meetup
//	data/<series>/<event>/event.yml   one edition
//	data/<series>/<event>/videos.yml  its talks
//
// [Read] reads a whole directory; [ParseSpeakers], [ParseEvent] and
// [ParseVideos] read one file each. YAML is read with go.yaml.in/yaml/v3's
// Node API, so that every problem is reported with its line and column.
// The other files of an event directory (schedule.yml, venue.yml,
// sponsors.yml, cfp.yml, involvements.yml, transcripts.yml...) and of a
// series (playlists.yml) are not read: their talk times, venue addresses
// and coordinates have to be read apart.
//
// # Mapping
//
// An event (event.yml):
//
//	(directory name)      ID
//	title, description    Title, Description
//	location              Place: "City, Region, Country", "City, Country",
//	                      or "City, ST" for the United States (Region
//	                      "ST", Country "US", as RubyEvents reads it);
//	                      "online", "earth" and "unknown", which are no
//	                      place, are kept in Extra
//	venue                 Place.Venue
//	timezone              TimeZone (checked against the IANA database)
//	start_date, end_date  Start, End
//	website               URL
//	(series.yml name)     Series
//	(series.yml, whole)   Extra "rubyevents_series": its website, kind,
//	                      frequency... (unless event.yml has a member
//	                      of that name)
//	id, kind, year, coordinates, ...
//	                      Extra (id as "rubyevents_id")
//
// A talk (an item of videos.yml):
//
//	id, title, slug       ID, Title, Slug
//	kind                  Kind (talk, keynote, lightning_talk, workshop, panel...)
//	track                 Track
//	date                  Recorded: a day, or a date-time with its zone as
//	                      Ruby or YAML write it ("2024-04-16 10:00:00 UTC",
//	                      "... +0900"); without a zone, in UTC, as
//	                      RubyEvents reads it (see Dates); a part (in
//	                      talks) without one has its block's, as
//	                      RubyEvents gives it
//	description           Description (plain text)
//	speakers              Speakers, resolved through speakers.yml as
//	                      RubyEvents resolves them: by name or alias, the
//	                      name stripped of spaces, else by slug (the name
//	                      as Rails' parameterize makes it, "jose nunez"
//	                      for José Núñez, against each speaker's slug);
//	                      from there name, slug, bio, website (Homepage),
//	                      github, twitter, mastodon, bluesky, linkedin and
//	                      speakerdeck (Accounts). A name of spaces only
//	                      is none.
//	language              Language: an English name mapped to BCP 47
//	                      (see Language); an unknown name is reported and kept
//	video_provider, video_id
//	                      youtube, vimeo, mp4: the first of Videos;
//	                      not_recorded, scheduled, not_published: Recording;
//	                      children, parent: kept in Extra; a part whose
//	                      video_provider is parent has its block's first
//	                      Video, its URL from the part's start_cue
//	                      ("&t=90" on YouTube, "#t=90" on Vimeo and for
//	                      files), as RubyEvents links it
//	start_cue, end_cue    kept in Extra; Duration is their difference
//	                      (unless duration_in_seconds gives it), as
//	                      RubyEvents reads it
//	alternative_recordings
//	                      more Videos, each with its Language
//	slides_url            Slides
//	additional_resources  Links (and kept whole in Extra for their types)
//	duration_in_seconds   Duration
//	thumbnail_xl          Thumbnail; without it, the largest of
//	                      thumbnail_lg, _md, _sm and _xs (all kept in Extra)
//	location              Place.Room
//	talks                 Parts: the talks of a lightning-talk block or panel
//	raw_title, original_title, event_name, published_at, announced_at,
//	time, ...             Extra, under the same names
//
// # Dates
//
// A date-time written without a zone ("2024-04-16 10:00:00", quoted or
// not) is read in UTC, here as in the talk's and the event's dates alike:
// that is how RubyEvents' own code reads its data. Ruby's YAML loader
// (Psych) reads such a YAML timestamp in UTC, as YAML 1.1 defines it, and
// Rails reads such text in the application's Time.zone, which RubyEvents
// leaves at its default, UTC. It is not read in the event's timezone: a
// file means what RubyEvents makes of it, and a talk's day (RubyEvents
// keeps a talk's date as a day) stays the day written.
//
// A talk's time (VideoSchema's "Time of the talk") is kept in Extra and
// not combined with its date: RubyEvents' code never reads it (a talk's
// times come from schedule.yml, which this package does not read), so
// neither its form nor its zone is settled.
//
// # Errors
//
// The readers go on after a problem and return a [talk.ErrorList], each
// of whose problems is a [*talk.RecordError] with file, line and column.
//
// A file larger than 32 MiB (RubyEvents' speakers.yml, the largest, is
// about 0.5 MiB) is reported with a [*talk.LimitError] and not read. A
// file holds one YAML document: a second ("---" and more after it) is
// reported and not read. A key given twice in a mapping is reported and
// read once, with its last value, as Ruby's Psych reads it; a key that is
// not text ("[a, b]: x") is reported and its member left out.
//
// Nothing is dropped without a word: a value of the wrong kind where the
// model has a field (a list for a title, text for a talk's talks) is
// reported and kept whole in Extra, under its own name or, where that is
// one of the model's JSON members, with the prefix "rubyevents_"
// ("rubyevents_speakers"). In a list the model reads item by item (a
// talk's speakers and talks), an item of the wrong kind is reported and
// kept there with its index in the list (an empty speaker, null or "",
// which makes no speaker, is kept so without a report), and the others
// are read into the model and not kept again, so that each is kept once
// and the two together make the list as it was:
//
//	speakers: [Ada, {name: Bob}]  Speakers: Ada
//	                              Extra: "rubyevents_speakers":
//	                                [{"index": 1, "item": {"name": "Bob"}}]
//
// Under those two names, Extra holds a list of such items, or else a value
// of the wrong kind, kept whole, which is never a list. A speaker's alias
// that is not a mapping with a name is reported, since no talk could name
// the speaker by it; the aliases are kept in Extra as they are. A speaker
// named twice is reported (the last is read), and so is an alias that is
// another speaker's name, or an alias of another speaker given before,
// since talks naming it are that other's.
//
// A value kept in Extra holds at most 64 levels of lists and mappings:
// below that it is kept as null, and the file gets one error, at the
// first such place.
//
// # Aliases
//
// Merge keys ("<<: *defaults", or a list of aliases) bring in the members
// of their mappings that a mapping does not set itself, as YAML 1.1 and
// Ruby's Psych read them.
//
// YAML aliases (*name) repeat what their anchor (&name) holds, so that a
// file of a few hundred bytes can stand for billions of values. The
// aliases of one file may bring in four times the file's own values (and
// 65,536 in any file); past that an alias reads as null and the file gets
// one error, so that reading takes time in proportion to the file's size.
//
// # Concurrency
//
// The package has no mutable state: its functions may be called from many
// goroutines at once. A [Speakers] map is only read by [ParseVideos], so one
// may serve many calls, as long as nobody changes it meanwhile.
package rubyevents

// Package talk holds talkmeta's model of conference talks: [Talk],
// [Speaker] and [Event], with what they need ([Video], [Link], [Place],
// [Date] with its [Precision], [Duration], [Language]), talkmeta's own JSON
// form of them, and URL slugs.
//
// The model knows no output or input format. Readers for the formats
// archives publish (pyvideo, c3voc schedules, RubyEvents...) and renderers
// (HTML, JSON-LD, citations, iCalendar) live in packages beside it, each
// knowing one format, so that a program imports only what it uses.
//
// # Zero values
//
// Every type's zero value is valid and means "nothing known": an empty
// string, a zero [Date] (see [Date.IsZero]), a zero [Duration]. Renderers
// leave out what is unknown rather than invent it.
//
// # Nothing is lost
//
// Members of a JSON record that the model has no field for are kept in the
// Extra map of [Talk], [Speaker], [Event] and [Video] and written back by
// every JSON writer. A [Place], [Account], [Link] or [Legacy] has no Extra:
// [ParseJSON] refuses a member of one that it does not know, as it refuses
// two members that would be read into one field, rather than read the
// record without it (encoding/json alone passes over such a member).
// A record's [Origin] keeps the bytes it was read from,
// so that a writer of the same format can keep the spelling of every member
// the program did not change (see talk/pyvideo).
//
// One thing a JSON reader takes but cannot keep: half a UTF-16 surrogate
// pair escaped on its own ("\ud800"), which is valid JSON but no
// character, and which the readers, as encoding/json, read as U+FFFD, and
// the writers then write so. schema's Validator warns of such a record, with its
// line and column, and talkmeta fmt leaves it as it is.
//
// # talkmeta's JSON form
//
// A [Talk] marshals with encoding/json to an object with these members;
// empty ones are left out, but for those the schemas require, a talk's
// "title", a speaker's "name" and a video's or link's "url", which are
// written even when empty (as "title": ""); unknown ones are kept in
// [Talk.Extra]:
//
//	{
//	  "id": "yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome",
//	  "title": "async/await in Python 3.5 and why it is awesome",
//	  "subtitle": "", "slug": "", "kind": "talk", "track": "",
//	  "speakers": [{"name": "Yury Selivanov", "given_name": "Yury", "family_name": "Selivanov",
//	                "slug": "", "affiliation": "", "bio": "", "homepage": "https://...",
//	                "orcid": "0000-0002-1825-0097",
//	                "accounts": [{"service": "github", "handle": "1st1", "url": "https://github.com/1st1"}],
//	                "image": "https://..."}],
//	  "event": {"id": "europython-2016", "title": "EuroPython 2016", "series": "EuroPython",
//	            "description": "", "start": "2016-07-17", "end": "2016-07-24",
//	            "time_zone": "Europe/Madrid",
//	            "place": {"venue": "", "room": "", "city": "Bilbao", "region": "", "country": "Spain"},
//	            "url": "https://ep2016.europython.eu/"},
//	  "recorded": "2016-07-21",            // a Date: "2016", "2016-07", "2016-07-21", "2016-07-21T10:30:00", "...+02:00"
//	  "duration": "PT25M8S",               // ISO 8601
//	  "language": "en",                    // BCP 47
//	  "place": {"room": "A1"},
//	  "summary": "", "description": "...", "markup": "rst",   // "" (plain), "rst" or "markdown"
//	  "tags": ["asyncio"],
//	  "videos": [{"provider": "youtube", "url": "https://www.youtube.com/watch?v=m28fiN9y_r8",
//	              "id": "m28fiN9y_r8", "format": "", "language": "", "duration": "", "size": 0}],
//	  "slides": [{"url": "...", "label": ""}],
//	  "links": [{"url": "...", "label": "Schedule"}],
//	  "thumbnail": "https://i.ytimg.com/vi/m28fiN9y_r8/maxresdefault.jpg",
//	  "license": "Creative Commons Attribution license (reuse allowed)",
//	  "recording": "not_recorded",       // "", "not_recorded", "scheduled" or "not_published"
//	  "parts": [{"title": "..."}],       // talks within this one (lightning talks of a block)
//	  "legacy": {"id": 0, "alias": "", "category": "", "quality_notes": ""}
//	}
//
// [Speaker] and [Event] marshal to the objects shown under "speakers" and
// "event". [ParseJSON] and [ParseEventJSON] read them with errors that give
// the line and column, refusing records larger or nested deeper than the
// default [Limits]; a [Reader] reads within limits of its own. The schema
// package holds JSON Schemas for this form.
//
// # Identity
//
// A talk's [Talk.ID] and its event's [Event.ID] are its stable identity:
// in a pyvideo archive, the file name and the event's directory name. They
// are never rebuilt from the title, so fixing a typo in a title changes no
// URL that uses them.
//
// # Concurrency
//
// The package has no mutable package-level state. Values are plain data: a
// Talk may be read from many goroutines at once, and written by one.
package talk

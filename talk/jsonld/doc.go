// Package jsonld renders a talk as schema.org structured data in JSON-LD,
// the form search engines read from a page's
// <script type="application/ld+json"> element.
//
// # The graph
//
// A talk becomes a small linked graph under "@context": "https://schema.org":
//
//   - the talk itself, an Event: name, description, startDate, endDate,
//     duration, inLanguage, url (its first link that is an absolute
//     http(s) URL, as talk/ical's URL), image (its thumbnail),
//     mainEntityOfPage (with [Options.PageURL]), keywords, its parts
//     (the lightning talks of a block) as subEvents, with @ids
//     "#part-1", "#part-1.2"..., its speakers as performer (each a
//     Person with sameAs links to ORCID, homepage and social profiles,
//     affiliation, and with [Options.SpeakerURL] the url of their page on
//     the site), its slides as workFeatured, and superEvent, the
//     conference: an Event with its dates, url and location (a Place
//     with a PostalAddress);
//   - each recording, a VideoObject: name, description, thumbnailUrl,
//     uploadDate, duration (ISO 8601, "PT25M8S"), embedUrl and contentUrl
//     as the provider allows (YouTube, Vimeo and archive.org players from
//     the video's ID, a PeerTube player from its watch page, each
//     starting where the recording's address starts ("&t=1h2m3s",
//     "#t=90"), a "file" recording's address as contentUrl; or else url,
//     the recording's page),
//     inLanguage, keywords, license or copyrightNotice, author (the
//     speakers), and recordedAt, the talk.
//
// A description is the talk's summary, or else its description, which
// in reStructuredText or Markdown is written as it is, markup and all,
// unless [Options.PlainDescription] gives its text: talk/html's pages
// give the text they show, which they have rendered already.
//
// An event page's graph ([MarshalEvent]) is the event with its talks as
// subEvents, and a speaker page's ([MarshalSpeaker]) the Person with the
// talks they gave as performerIn (or, for a talk they speak in only in
// its parts, those parts, "#part-2"); the talks appear there by
// reference, with the same @ids as in their own graphs.
//
// Nodes that pages link to have stable "@id"s built from [Options.BaseURL]
// and the talk's and event's IDs: <base>/<event>/<talk>#talk,
// <base>/<event>/<talk>#video-1, <base>/<event>#event and
// <base>/speakers/<slug>#person. A talk or event without an ID is
// identified by its slug (the talk's own, or [talk.Slug] of its title),
// so that talks or events without IDs are not taken for one node.
// Without a base URL, @ids are references relative to the site's root
// ("/<event>/<talk>#talk", or "#talk" with neither), which a consumer
// resolves against the page's address: they link the nodes within a page,
// and across pages of one site.
//
// # Dates
//
// A recorded date keeps its precision: a day is written as a date
// ("2016-08-04", which schema.org and Google accept for startDate and
// uploadDate); a date-time with an offset as a full ISO 8601 date-time,
// the same instant as the event's time zone shows it when the event has
// one ("08:00:00Z" as "17:00:00+09:00", as talk/html's pages show it); a
// date-time without offset gets the offset of the event's time zone when it
// has one (from Go's embedded zone database; "Local", which would be the
// zone of whatever machine runs the program, counts as none), and is
// otherwise written as its day, because a date-time with no zone is the
// error search engines report most. A time whose offset in the zone has
// seconds (local mean time before the zone's standard time, which RFC
// 3339's offsets cannot say) is written in UTC instead.
//
// A talk (or a part of one) whose startDate is a date-time and whose
// duration is known has an endDate too, as Google recommends for an
// Event: the start plus the duration, with the offset in force then. A
// talk known by its day alone has none, since it may have run past
// midnight.
//
// # What is missing
//
// Nothing is invented: a property whose data the model lacks is left out.
// Google's VideoObject rich result requires name, thumbnailUrl, uploadDate
// (a day or a date-time) and embedUrl or contentUrl; when a recording's
// node lacks one, [Write] returns a [Warning] naming the node, the
// property and what the record would need. It warns too of a language
// that is not a BCP 47 tag (left out: readers keep what a source wrote,
// "English"), and of a talk with nothing to tell its @id from other
// talks' (no ID, slug or title with letters or digits).
//
// Some of what Google's Event guidelines ask for the model does not hold,
// and is never written: eventAttendanceMode (whether a talk is online,
// in person or both: an event without a place may be either), a
// VirtualLocation for an online event, organizer, offers, and an
// eventStatus other than EventScheduled (cancelled, postponed, moved
// online), which is written only for a talk with a date or recordings.
// location is written when the talk or its event has a place; none is
// warned of, nor are an Event's required properties: an archive's talks
// are past events, which Google's Event results do not show. A part's
// recordings, slides and links are not written. Event and speaker graphs
// return no warnings.
//
// # Safe to inline
//
// The output escapes "<", ">", "&", U+2028 and U+2029 as \u sequences
// (encoding/json's HTML-safe escaping), so no string in it can end a
// <script> element or a JavaScript string. Output is deterministic: the same
// talk gives the same bytes.
//
// # Concurrency
//
// The package has no mutable state: its functions may be called from many
// goroutines at once, on the same talks too, which they only read. The
// functions of an [Options] are called from the goroutine that writes
// the graph.
package jsonld

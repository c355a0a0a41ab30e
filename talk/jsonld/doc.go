// Package jsonld renders a talk as schema.org structured data in JSON-LD,
// the form search engines read from a page's
// <script type="application/ld+json"> element.
//
// # The graph
//
// A talk becomes a small linked graph under "@context": "https://schema.org":
//
//   - the talk itself, an Event: name, description, startDate, endDate,
//     duration, inLanguage, url, mainEntityOfPage (with
//     [Options.PageURL]), keywords, its speakers as performer (each a
//     Person with sameAs links to ORCID, homepage and social profiles,
//     affiliation, and with [Options.SpeakerURL] the url of their page on
//     the site), its slides as workFeatured, and superEvent, the
//     conference: an Event with its dates, url and location (a Place
//     with a PostalAddress);
//   - each recording, a VideoObject: name, description, thumbnailUrl,
//     uploadDate, duration (ISO 8601, "PT25M8S"), embedUrl and contentUrl
//     as the provider allows (or else url, the recording's page),
//     inLanguage, keywords, license or copyrightNotice, author (the
//     speakers), and recordedAt, the talk.
//
// An event page's graph ([MarshalEvent]) is the event with its talks as
// subEvents, and a speaker page's ([MarshalSpeaker]) the Person with the
// talks they gave as performerIn; the talks appear there by reference,
// with the same @ids as in their own graphs.
//
// Nodes that pages link to have stable "@id"s built from [Options.BaseURL]
// and the talk's and event's IDs: <base>/<event>/<talk>#talk,
// <base>/<event>/<talk>#video-1, <base>/<event>#event and
// <base>/speakers/<slug>#person. A talk or event without an ID is
// identified by its slug (the talk's own, or [talk.Slug] of its title),
// so that talks or events without IDs are not taken for one node. Without a base URL, @ids are relative
// fragments of the same form, which still link the nodes within a page.
//
// # Dates
//
// A recorded date keeps its precision: a day is written as a date
// ("2016-08-04", which schema.org and Google accept for startDate and
// uploadDate); a date-time with an offset as a full ISO 8601 date-time; a
// date-time without offset gets the offset of the event's time zone when it
// has one (from Go's embedded zone database; "Local", which would be the
// zone of whatever machine runs the program, counts as none), and is
// otherwise written as its day, because a date-time with no zone is the
// error search engines report most.
//
// A talk whose startDate is a date-time and whose duration is known has
// an endDate too, as Google recommends for an Event: the start plus the
// duration, with the offset in force then. A talk known by its day alone
// has none, since it may have run past midnight.
//
// # What is missing
//
// Google's VideoObject rich result requires name, thumbnailUrl and
// uploadDate. When a talk's data lacks one, the property is left out (never
// invented) and [Write] returns a [Warning] naming it.
//
// # Safe to inline
//
// The output escapes "<", ">", "&", U+2028 and U+2029 as \u sequences
// (encoding/json's HTML-safe escaping), so no string in it can end a
// <script> element or a JavaScript string. Output is deterministic: the same
// talk gives the same bytes.
package jsonld

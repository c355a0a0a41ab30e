// Package schema validates talk records: against JSON Schemas (draft
// 2020-12) written for talkmeta and embedded in the package, and against
// the rules a schema cannot state, with findings a person can act on.
//
// # Profiles
//
// A [Validator] checks one of two JSON forms. [Talkmeta] is talkmeta's own
// form of talks, speakers and events (see package talk), described by
// talk.json, speaker.json and event.json. [Pyvideo] is the form of a
// pyvideo.org data archive, <event>/category.json and
// <event>/videos/*.json, described by pyvideo/talk.json and
// pyvideo/category.json. [Files] returns the schemas for publishing; their
// $ids ([TalkID] and the others) are stable URLs. A record with members
// only the other form has ("thumbnail_url" and "related_urls" in a
// talkmeta talk) is warned of once, with rule "profile".
//
// # Problems
//
// Validating a record returns every [Problem] at once, sorted by position.
// Each names the file, the JSON pointer and the line and column of the
// value at fault, the rule (a schema keyword such as "required", or a check
// such as "date"), and says what is wrong in words:
//
//	talk.json:6:15: date: recorded: "2016-02-30" is not a real date
//
// Where the value says what it means in another form than the one
// wanted, the problem ends with the value to write: a date in words or
// with slashes, a duration in minutes, a language by its name or another
// standard's code, a web address without its scheme, a number in quotes,
// a speaker or link as text, a misspelt member or enum value:
//
//	talk.json:4:15: pattern: recorded: "August 4, 2016" is not a date such as 2016-07-21, 2016-07 or 2016-07-21T10:30:00+02:00; write "2016-08-04"
//
// A value open to two readings ("04/08/2016") gets no guess.
//
// Beyond the schemas, a Validator checks that dates are real calendar
// dates, that video, thumbnail and speaker URLs are absolute http(s), that
// language codes exist (ISO 639-3 in the pyvideo profile, BCP 47 in
// talkmeta's) and, when a list is configured, are in it, that an event's
// time zone is one of the IANA database, as importers require, that
// durations are whole seconds, that numbers are within what readers take
// (the schemas' maximum) and whole numbers written as digits, as they
// read them, that no member of a talkmeta record is named like a known
// one but for case (readers match names without regard to case, so
// "Title" is no extra member but the title), that no member the record
// keeps as an extra one is a misspelling of a known one ("descripton": a
// warning that names "description"), that a slug can name a page (one
// segment of a URL's path, which no "/", "?" or "#" ends), that ORCID iDs
// have their check digit, that speaker names are not ones the archive
// replaces, and that descriptions in reStructuredText parse (see
// talk/rst).
//
// Problems are errors (the record is wrong) or warnings (legal but
// probably a mistake: no speakers, no thumbnail, a null description, a
// relative link, spaces around a title or a name, a member the archive's
// site ignores). [Validator.Strict] makes warnings errors.
//
// # Archives
//
// [Validator.CheckArchive] checks a whole archive the way pyvideo's own
// CI does, and more: the layout, every record, file name lengths, ids
// unique across the archive and URL slugs unique within an event. On the
// pyvideo.org data, which pyvideo's CI passes, the pyvideo profile finds
// no error.
//
// # Concurrency
//
// The schemas are compiled once per process, on first use, and shared,
// never written after. A Validator, its zero value included, is safe for
// concurrent use, as its methods only read its fields: one may serve
// every goroutine, as long as nobody changes its fields meanwhile.
//
// # Speed
//
// jsonschema/v5 keeps what it needs to explain a failure while it
// validates, which costs more than the rest of the schema pass. So a
// record first meets a quick check reduced from the same compiled schema,
// which only says yes or no, and agrees with jsonschema/v5 on every
// record (the tests and the fuzz target hold it to that). jsonschema/v5
// runs on the records the quick check refuses, to say why.
package schema

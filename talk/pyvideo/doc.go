// Package pyvideo reads and writes talk archives in the form of
// pyvideo.org's public data (github.com/pyvideo/data), and reproduces
// pyvideo.org's URLs.
//
// # Layout
//
// An archive is a directory of events, each with a category.json and a
// videos directory of talk files:
//
//	europython-2016/category.json
//	europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json
//
// [Talks] iterates over every talk of an archive given as an [io/fs.FS];
// [ParseTalk] and [ParseEvent] read one file.
//
// # Reading
//
// Real data varies, and all of it is accepted: any member may be null,
// durations are integers or floats (1508.0, or with a fraction, which is
// kept, though pyvideo's schema wants whole seconds), related URLs are
// strings or {label, url} objects, recorded dates are dates, date-times or
// date-times with an offset, and languages are ISO 639-3 codes. Members the
// model has no field for are kept in the talk's Extra map.
//
// The mapping to [talk.Talk]:
//
//	title, description, summary   Title, Description, Summary (Markup is reStructuredText)
//	speakers                      Speakers (names only)
//	recorded                      Recorded, at the precision given
//	duration                      Duration (seconds)
//	language                      Language (ISO 639-3 "eng" becomes BCP 47 "en")
//	videos [{type, url, length, size}]
//	                              Videos: type is a provider ("youtube") or a file format ("mp4")
//	related_urls                  Links
//	thumbnail_url, copyright_text Thumbnail, License
//	tags, slug                    Tags, Slug
//	id, alias, category, quality_notes
//	                              Legacy
//
// # Writing
//
// [MarshalTalk] and [MarshalEvent] write pyvideo's canonical form, which
// is what Python's json.dumps(indent=2, sort_keys=True) writes, plus a
// final newline. A record read with [ParseTalk] keeps its source in its
// [talk.Origin]; every member the program has not changed is written as
// the source spelled it. So a file already in canonical form comes back
// byte for byte, any other comes back as the same JSON value, and a changed
// title changes only the title.
//
// # URLs
//
// pyvideo.org builds a talk's URL from its event's title and its slug (or
// title) with Pelican's slugify; see [Slugify] and [URLPath].
//
// # Concurrency
//
// The package has no mutable state: its functions, a [Reader] and a
// [Slugifier] may be used from many goroutines at once, and the writers
// only read the talks and events they are given.
package pyvideo

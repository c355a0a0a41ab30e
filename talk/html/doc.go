// Package html renders a talk archive as web pages with html/template: a page
// per talk, per event and per speaker, and an index of events, linked to each
// other.
//
// A talk page has the title, speakers and event, then its facts: date,
// duration, place, kind ("Keynote", "Lightning talk"), track and language;
// then the recording embedded (or, where the talk's Recording says, why
// there is none), the description, the talks within it (the lightning
// talks of a block, [talk.Talk.Parts], with their speakers), tags, links
// and licence,
// with the talk's schema.org JSON-LD inlined and Open Graph and Twitter
// card meta tags for link previews ([Renderer.WriteTalk]). The place is
// the one the JSON-LD's location names: the talk's room within its
// event's venue, city, region and country ("A1, Euskalduna Conference
// Centre, Bilbao, Spain"), as many of them as are known, or the talk's own
// place, whole, when it gives more than a room (a talk away from the
// event's venue). An event page lists its talks with their speakers,
// kinds (but "talk", which most are), dates, durations and thumbnails,
// under the event's dates, place, description and website, with the
// event's JSON-LD ([Renderer.WriteEvent]). A speaker page lists a
// person's talks across events, with a schema.org Person
// ([Renderer.WriteSpeaker]). The index lists events with their number of
// talks ([Renderer.WriteIndex]). With a BaseURL, the JSON-LD gives each
// speaker the address of their page, and an event's or a speaker's
// talks the addresses of theirs.
//
// Every page is HTML5 with a lang attribute, one h1 and headings in order, and
// a canonical link when the page has a URL. The talk's own words on its
// page (title, subtitle, description, tags and track), and its title in
// lists of talks, carry the talk's language as their lang, and dir="rtl"
// when it is written right to left (Arabic, Hebrew, Persian, Urdu...),
// dir="ltr" when left to right, or dir="auto" when the title's first
// letter is written the other way (a Hebrew title of a talk a schedule
// says is in its event's English), unless the language is written right
// to left and the title holds letters of its own ("Python للمبتدئين"
// is Arabic); the subtitle and track take their
// direction so from their own first letters, and so does each tag in the
// list of tags ("C++" in an Arabic talk's list is not "++C"); the
// page's own labels keep the page's language, and so do the talk's kind,
// which is talkmeta's word for it, and place, which is its event's, as is
// the event's title. Where no markup can isolate the talk's title from
// the words around it, in a talk page's <title> beside its event's title,
// Unicode's isolating controls (U+2066 to U+2069) do, when either title
// holds letters written right to left or controls of direction.
//
// # URLs
//
// Where each page lives is a [URLs] value; the default, [PyvideoURLs], is
// pyvideo.org's scheme ("/<event>/<talk>.html", "/events/<event>.html",
// "/speaker/<name>.html"). Pages link to each other with these paths below
// [Renderer.BaseURL]: a talk page links its speakers and its event. To build
// a whole site, see the talkmeta command's site verb.
//
// # Descriptions
//
// A talk's description is rendered in its [talk.Markup]: Markdown with
// goldmark (CommonMark with tables, strikethrough and bare URLs as links),
// reStructuredText, the markup of pyvideo's records, with talk/rst (the
// subset talk descriptions use; raw HTML, images and includes are left
// out); plain text as paragraphs. Markdown that goldmark would take too
// long to render, whose time grows with the square of a line's nesting of
// quotes and lists or of a paragraph's unclosed links, is shown as plain
// paragraphs too, all of it: a description over 64 KiB, a paragraph over
// 4 KiB, or a line opening more than 32 quotes and list items.
//
// # Templates
//
// Pages come from embedded templates that a [Renderer] can replace, one block
// or all, without a fork: parse definitions into the set [DefaultTemplates]
// returns and pass it as [Renderer.Templates]. The pages are "page" (a
// talk), "event-page", "speaker-page" and "index-page"; their blocks are
// "head", "nav", "style", "talk", "lang" (a talk's lang and dir
// attributes), "video", "event", "speaker", "index", "talklist",
// "talkitem", "parts", "people" and "site-links". An error while writing a page
// names the template's file, line and column; nothing is written then.
//
// Every page's data has a Head: the facts of the document's head, which
// the "head" and "nav" blocks get as their data: Lang (the page's lang),
// Title (the <title>), Description, Canonical and Thumbnail (URLs, ""
// when none), OGURL and OGImage (Canonical and Thumbnail when absolute,
// as link previews want them; "" otherwise), OGType, OGTitle, Locale
// (og:locale, a talk's language and territory as Open Graph writes them,
// "ja_JP"; "" for Open Graph's default, en_US, on other pages and where
// the language has no likely territory), JSONLD (the graph, an
// html/template JS value for the <script type="application/ld+json">
// element), StyleSheet
// (the style sheet's URL; "" to inline the "style" block), Home (the
// index's URL; "" on the index), SiteName, and SiteLinks (PageOptions.Links,
// each a link). Head is a field, not an embedded struct, because
// templates look up fields of embedded structs by a slow search (a tenth
// of a page's time when they did).
//
// The values the pages share:
//   - a link has URL, Text, Safe and Dir: Safe is false when URL is not
//     one a page may link to, and the template shows Text alone; Dir is
//     the dir attribute of its list item, "auto" for a label a record
//     gives that holds letters written right to left, "" otherwise;
//   - a person (a speaker, or an event in a list) has Name, and URL, ""
//     for no page to link to;
//   - a date or duration is a pointer, nil when unknown, with Machine (for
//     a time element's datetime) and Human ("21 July 2016", "1 h 02 min",
//     "20 s"); a date-time with an offset is in its event's time zone
//     ([talk.Event.TimeZone]) when that is known, so that a talk a record
//     times in UTC shows on the day and at the hour of the programme;
//   - ContentLang and Lang are a talk's language for a lang attribute,
//     "" when unknown; ContentDir and Dir its direction for a dir
//     attribute: "rtl", "ltr", or "auto" when the language is unknown or
//     the title is written the other way.
//
// A talk page ("page", "talk") has Head; Talk (the [talk.Talk]); Heading
// (the title, or "Untitled talk"); ContentLang, ContentDir (the title's
// direction), LangDir (the language's, the tags' list's), SubtitleDir,
// TrackDir and DescriptionDir; Tags, each with Text and Dir ("auto", or "" for the
// list's direction); EventURL;
// EventTitle (the event's title, or its ID when it has none, "" for
// neither);
// Speakers (persons); Date, Duration; Place, Kind (in words), Track and
// Language (its name), strings ("" when unknown); Videos, each with Title
// (for the player's title), Provider, and one of Embed (a player's URL),
// File (a video file, with Poster) or Link, and Title's parts for a
// link's words: Number (0 for a recording shown alone), Heading, with
// its Lang and Dir, and Language (the recording's, when not the
// talk's); Recording (why there is no
// recording, or ""); DescriptionHTML or Paragraphs (plain text's); Parts
// ("parts"), each with Title, Lang, Dir, Speakers, Kind, Date, Duration
// and Parts of its own, as a talk in Talks has them but with no page to
// link to; Links; and Citations.
//
// An event page ("event-page", "event") has Head; Event (the
// [talk.Event]); Start, End (End nil when the same day); Place; Website
// (a safe URL or ""); DescriptionHTML or Paragraphs; and Talks. A speaker
// page ("speaker-page", "speaker") has Head; Speaker (the
// [talk.Speaker]); Image (a portrait's URL or ""); Paragraphs (the
// biography); Links (profiles); and Talks. A talk in Talks ("talkitem")
// has Title, URL, Lang, Dir, Speakers, Event (a person, nil on its event's
// page), Kind ("" for a plain talk), Date, Duration and Thumbnail. The
// index ("index-page", "index") has Head and Events, each with Title,
// URL, Start, End, Place and Talks (how many). DefaultTemplates shows how
// each is used.
//
// # Safety
//
// Escaping is html/template's, contextual. The one exception is the talk
// page of a Renderer without Templates, the page a site makes thousands
// of: the package writes it out as the embedded templates would, each
// value through the escaper html/template gives it there, which halves a
// page's time; tests and a fuzz target hold it to the templates' output
// byte for byte. Markup goes in unescaped in two places only: the JSON-LD, whose
// output escapes "<", ">" and "&", and Markdown descriptions, which goldmark
// renders without the source's raw HTML and with links only to http, https,
// mailto and relative URLs (images from http and https only).
//
// Elsewhere only http, https and mailto URLs become links or embeds, besides
// the site's own pages; anything else (javascript:, data:...) is shown as text
// or left out. Videos are embedded with privacy-minded players:
// youtube-nocookie.com, Vimeo with dnt=1.
package html

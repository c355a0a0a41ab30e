// Package html renders a talk archive as web pages with html/template: a page
// per talk, per event and per speaker, and an index of events, linked to each
// other.
//
// A talk page has the title, speakers and event, then its facts: date,
// duration, place, kind ("Keynote", "Lightning talk"), track and language;
// then the recording embedded (or, where the talk's Recording says, why
// there is none), the description, tags, links and licence,
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
// when it is written right to left (Arabic, Hebrew, Persian, Urdu...); the
// page's own labels keep the page's language, and so do the talk's kind,
// which is talkmeta's word for it, and place, which is its event's, as is
// the event's title.
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
// or all, without a fork: pass a template set with [Renderer.Templates] that
// redefines a block. The pages are "page" (a talk), "event-page",
// "speaker-page" and "index-page"; their blocks are "head", "nav", "style",
// "talk", "video", "event", "speaker", "index", "talklist", "talkitem" and
// "people".
//
// Every page's data has a Head: the facts of the document's head (Lang,
// Title, Description, Canonical, OGType, OGTitle, Thumbnail, JSONLD,
// StyleSheet, Home, SiteName, SiteLinks), which the "head" and "nav"
// blocks get as their data. A talk page's data also has Talk (the
// [talk.Talk]), Heading, Speakers, Date, Duration, Place, Kind (in words),
// Track, Language, Videos, DescriptionHTML or Paragraphs, Links and
// Citations; a talk in a list of talks ("talkitem") has its Kind too,
// but for a plain talk. DefaultTemplates shows how each is used. Head is
// a field, not an embedded struct, because templates look up fields of
// embedded structs by a slow search (a tenth of a page's time when they
// did).
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

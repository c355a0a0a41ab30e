// Package html renders a talk as a web page with html/template: the title,
// speakers, event, date and duration, the recording embedded, the
// description, tags, links and licence, with the talk's schema.org JSON-LD
// inlined and Open Graph and Twitter card meta tags for link previews.
//
// Escaping is html/template's, contextual; the package writes no markup by
// hand. The only markup it inserts unescaped is the JSON-LD from talk/jsonld,
// whose output escapes "<", ">" and "&".
//
// # Templates
//
// The page comes from embedded templates ("page", "head", "talk", "video",
// "style") that a [Renderer] can replace, one block or all, without a fork:
// pass a template set with [Renderer.Templates] that redefines a block.
//
// # Safety
//
// Only http, https and mailto URLs become links or embeds; anything else
// (javascript:, data:...) is shown as text or left out. Videos are embedded
// with privacy-minded players: youtube-nocookie.com, Vimeo with dnt=1.
// Descriptions are shown as plain text paragraphs.
package html

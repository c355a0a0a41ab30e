// Package rst parses reStructuredText, the markup of talk descriptions on
// pyvideo.org and in Python's documentation, into a document tree, reports
// the problems docutils would report, and writes the tree as HTML.
//
// No Go package parsed reStructuredText; talkmeta needs it twice: to
// check descriptions the way pyvideo's CI does (package schema), and to
// show them on pages (package talk/html).
//
// # What is parsed
//
// The body elements descriptions use: paragraphs, section titles (with
// underline, or overline and underline, levels in the order the styles
// first appear), transitions, bullet and enumerated lists, definition
// lists (their terms' classifiers split off, "name : str"), field and
// option lists, literal blocks ("::" and quoted), doctest and
// line blocks, block quotes and their attributions, grid and simple
// tables (their rows and cells, spans and header rows, wide characters
// taking two columns as in docutils), comments, hyperlink targets,
// footnotes and citations (numbered and given symbols as docutils does),
// and directives: admonitions and containers show their content (topics
// and sidebars with their titles, a rubric as a line of its own), tables
// (table, csv-table, list-table) their rows and title, code shows as a
// literal block (a parsed-literal with its inline markup), images and
// figures (their captions and legends) show as docutils' HTML writer
// shows them, images that substitutions define where they are
// referenced, headers and footers before and after the text; the rest
// (raw HTML, includes) is left out, and no
// directive reads a file or a URL.
//
// Links go where docutils' transforms send them: references by name to
// targets (through indirect ones), to section titles, and to the element
// after a target without a URI, or to a directive's :name: (when that
// element is a section, table, literal block, block quote, admonition,
// image or figure: a paragraph or a list has no id here, and a
// reference to its target shows as text, where docutils links it);
// anonymous references to the anonymous targets in order; footnote and
// citation references to their notes. A reference docutils cannot
// resolve (to a name, a footnote or a citation the text does not
// define, or defines twice, or anonymous ones that do not match the
// anonymous targets in number) shows its markup as written ("python_",
// "[1]_"), as docutils shows it. Inline: emphasis, strong, literals,
// interpreted text and roles (subscript and superscript among them, and
// PEP and RFC references, linked to peps.python.org and tools.ietf.org as
// docutils 0.19 links them),
// inline targets (_`name`, with ids references link to), phrase and
// named references, embedded URLs, substitution references
// (replaced as replace and unicode directives define them, others shown
// by name, and one the text does not define as written, "|name|"), and
// standalone URLs and e-mail addresses.
//
// # Diagnostics
//
// Parse reports what docutils' parser reports for the same text, with
// docutils' levels (Info, Warning, Error, Severe), messages and line
// numbers: a start-string without end-string, a title underline too short,
// a list or quote that ends without a blank line, unexpected indentation,
// a malformed table, an unknown directive or role (those the role
// directive makes are known), a PEP or RFC number that is none, a
// directive option docutils does not know or whose value it refuses, a
// figure caption that is not a paragraph, a list-table that is not a list
// of rows, a csv-table whose data Python's csv reader refuses (docutils
// reads it with one) or that has fewer rows or columns than its header
// rows and stub columns, a directive where docutils takes none (a topic in
// a list, a note as a substitution), an inconsistent title level, a target
// name taken twice, a file an include, raw or csv-table names by a
// relative path (a description has none beside it, and none is read; an
// absolute path and a URL are left unreported). What docutils reports
// only later, from its transforms, is not reported: a reference to a
// target the text does not define (docutils' ERROR "Unknown target name",
// whose markup [WriteHTML] shows as written).
// pyvideo's CI fails a
// description at Warning and above; Info notes, such as an enumerated
// list starting at 3, are not failures. The package's tests hold it to
// docutils 0.19 on every description of the pyvideo corpus and on a list
// of constructs.
//
// # Safety
//
// WriteHTML escapes all text and writes links only for http, https and
// mailto URLs and relative references; the raw directive is never
// rendered. An image is an <img> element only when its URL is an http or
// https one, as a page's Content-Security-Policy would allow (img-src
// http: https:) and as talk/html shows a Markdown description's images:
// a description is the speaker's, who may show a slide or a diagram
// where pyvideo does; its alternative text (the :alt: option, or as in
// docutils the URL or a substitution's name) shows instead otherwise.
// The element has loading="lazy", so that a third-party image loads only
// when a reader scrolls to it, and referrerpolicy="no-referrer", so that
// its host does not learn which page shows it; width and height only in
// pixels, as HTML's attributes take them (docutils' style attribute
// would need a policy's 'unsafe-inline'). Nesting is bounded, so hostile
// input cannot exhaust the stack.
//
// # Concurrency
//
// The package has no mutable package-level state: [Parse], [Check] and
// [WriteHTML] may be called from many goroutines at once, and a
// [Document] may be written by many at once, since writing only reads it.
package rst

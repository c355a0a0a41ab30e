// Package cite turns talks into the citation data researchers paste into
// papers and reference managers: BibTeX, BibLaTeX, RIS and CSL-JSON.
//
// Each format has a writer for one talk that writes to an [io.Writer]
// ([WriteBibTeX], [WriteBibLaTeX], [WriteRIS]); a [Writer] (or
// [WriteAll], [WriteCSLJSON]) writes many talks as one file, with
// citation keys unique among them.
//
// # Names
//
// Talk archives hold speakers' names as one display string. [ParseNames]
// reads it into the parts citation formats need ([Name]: given, family,
// particles, suffix, or a literal for groups), by BibTeX's and
// citeproc-js's rules plus what real archives contain: particles ("Guido
// van Rossum"), suffixes ("Jr."), nicknames, several people in one
// string, CJK names written family first, organisations kept literal.
// When a source gives the parts ([talk.Speaker.GivenName],
// [talk.Speaker.FamilyName]) they are used as given ([SpeakerNames]). A
// speaker known only by a profile is cited by its handle, "@ghopper"
// ([talk.Speaker.DisplayName]), as a literal name.
//
// # Citation keys
//
// [Key] makes a readable key from the first speaker's family name, the
// year and the first significant word of the title:
// "selivanov2016asyncawait". The key of a talk changes only when one of
// those three changes. [KeySet] makes keys unique within a file by adding
// "a", "b", ... to later talks with the same key, so the same talks in the
// same order always get the same keys (pyvideo archives are read in a
// fixed order).
//
// # BibTeX and BibLaTeX
//
// Classic BibTeX gets a @misc entry: author, title (with the subtitle),
// howpublished ("Conference presentation at EuroPython 2016, Bilbao,
// Spain"), month as a macro (month = jul), year, the URL both as
// \url{...} in note (which every style prints) and in url, language,
// keywords and abstract; a talk without speakers gets key, its title (or
// its event's), which BibTeX's styles sort by and make labels of when
// there is no author. BibLaTeX gets an @unpublished entry, the type the
// biblatex manual uses for a talk: title, subtitle, type (the [Genre]),
// eventtitle, eventdate (the event's dates), venue, date (the talk's day),
// url, langid (babel's and polyglossia's name for the language, by its
// script where babel's name does, "serbianc" for Serbian in Cyrillic; or,
// for a language without a name here, its English name in language,
// which biblatex prints as it is), keywords and abstract.
// A language of "und" (BCP 47 for "not known") is left out.
// Nothing is ever written between entries but a blank line, since BibTeX
// reads any "@" there as the start of an entry.
//
// Values are in braces. LaTeX's special characters & % $ # _ { } ~ ^ \ are
// escaped (\&, \%, ..., \textasciitilde{}); braces as \{ and \} when they
// pair up, else as \textbraceleft{} and \textbraceright{}, since BibTeX
// counts an escaped brace like any other. "<" and ">" are escaped too
// (\textless{}), as LaTeX's default font encoding prints them as "¡" and
// "¿". Two hyphens, two backquotes, two apostrophes, two commas, and "!" or
// "?" before a backquote get an empty group between them ("-{}-"), since
// LaTeX would print each pair as one dash, quote or inverted mark. In
// titles, every word with a capital that a style could lower-case is
// protected by braces ("{Python}", "{PEP} 492"), the first word too when
// punctuation comes before it ("¿{Qué} es?"); a family name in which
// BibTeX would find a "von" part, a word or a hyphenated part before the
// last that starts in lower case as BibTeX sees case (in ASCII letters
// only), is braced ("{Dupré la Tour}", "{al-Khwarizmi}", "{Álvarez
// Pérez}"), as is a name part with a comma ("{John, Jr}") and a family
// name of several words without a given name ("{Mary Ann}", which BibTeX
// would read as a first and a last name), and literal names are
// double-braced (author = {{Various speakers}}). Unicode is
// kept, which biber and BibTeX since 2018 read; [Options.ASCII] writes
// accented letters and typographic symbols as LaTeX commands instead
// ({\"u}, {\'e}, {\ss}, ---), as LaTeX's own UTF-8 input spells them:
// the accents below a letter around those above it ({\d{\^a}} for
// Vietnamese "ậ") and an i dotless under a tilde, macron, breve or caron
// ({\={\i}}); it keeps characters LaTeX's standard font encodings have no
// command for (CJK, Cyrillic, Greek, Vietnamese ơ, ư and đ, emoji) as
// UTF-8, which a document then reads as UTF-8. URLs are written verbatim, with braces,
// backslashes and spaces percent-encoded (and, with [Options.ASCII],
// non-ASCII characters, as RFC 3987 maps an IRI to a URI), and "%" and
// "#" escaped inside note's \url{}. A "%" that starts no escape ("100%")
// is written "%25" in every format, as talk/ical writes it.
// Keywords, which BibTeX readers take verbatim, are written as they are
// (without braces that do not pair up) but for "#", "%" and "\", written
// \#, \% and \textbackslash{}: biber copies keywords into the .bbl as they
// are, and LaTeX stops there at any of the three ("c#" is an "Illegal
// parameter number").
//
// The repository's CI reads every talk of the pyvideo corpus back with
// @retorquere/bibtex-parser, the parser of Better BibTeX for Zotero, and
// checks that each field means what the model says; and runs BibTeX 0.99d
// itself over them, which must warn of nothing, split every name as the
// CSL-JSON does and leave every title as written when a style changes
// its case (.ci/bibtex).
//
// # RIS
//
// [WriteRIS] writes a record of type SLIDE, which Zotero imports as a
// presentation: AU "Family, Given" for each speaker, TI, T2 (the event),
// CY, DA and PY, M3 (the [Genre]), UR, LA, AB and one KW per tag, ending
// with "ER  - ". Lines end in CRLF, as Zotero writes them; values never
// hold a line break. The CI reads the corpus back with citation-js's RIS
// plugin.
//
// # CSL-JSON
//
// CSL-JSON items have type speech (a talk; paper-conference is for
// papers in proceedings) and these variables: title, author, event-title
// and its deprecated alias event (read by ieee.csl and citeproc-js),
// event-place (city, region, country), issued (the talk's date), genre,
// dimensions (the duration, "25:08"; CSL has no duration variable), URL,
// language, abstract, keyword, and citation-key. medium is never set:
// APA would print "[Conference presentation; Video]".
//
// event-date is left out unless [Options.EventDate] is set, when it is
// the talk's day. It is a trade-off between styles, measured with
// citeproc-js and the official styles: with it, MLA prints the day the
// talk was given, which it prints nowhere else, but APA and Chicago print
// that date twice; IEEE and Harvard print the same either way. Without
// it, APA's reference for the seed talk is
//
//	Selivanov, Y. (2016, August 4). async/await in Python 3.5 and why it
//	is awesome [Conference presentation]. EuroPython 2016.
//	https://www.youtube.com/watch?v=m28fiN9y_r8
//
// The CI formats the repository's records with citeproc-js in the five
// shared styles, with and without event-date, and keeps the references
// as golden files (testdata/citeproc.txt).
//
// # Parts
//
// Every format cites the talk itself, with its own speakers: a block of
// lightning talks or a panel whose [talk.Talk.Parts] hold the
// contributions is one entry, and a block without speakers of its own is
// cited under its parts' speakers, each person once, as its page lists
// them ([Names]), rather than without authors. The parts are not written; to make one citable,
// give it to a writer as a talk of its own, with the block's event, date
// and recording where it has none, which a part's record often leaves to
// the block.
//
// # Dates
//
// A talk is cited under the day it was recorded ([talk.Talk.Recorded]);
// a date-time counts as its local day, and one with an offset as its day
// in the event's time zone ([talk.Event.TimeZone]) when that is known, as
// pages show it: 2024-06-01T22:30:00Z at an event in Tokyo is 2 June. The
// event's dates are read the same way. A talk with no date is cited under
// the year its event started, and one without either under no date.
//
// # Links
//
// The URL of a citation, in every format, is the talk's first video,
// else its first link (a schedule page), else its first slides, of those
// that are web addresses: absolute http or https URLs, as JSON-LD and
// iCalendar write them. A relative URL (a schedule without a base_url)
// or a javascript: one is passed over, since it leads a reader nowhere.
//
// # Concurrency
//
// The package has no mutable state: its functions may be called
// concurrently. A [KeySet] or a [Writer] is for one goroutine at a time.
package cite

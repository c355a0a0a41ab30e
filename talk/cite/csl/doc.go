// Package csl formats citations and bibliographies with Citation Style
// Language 1.0.2 styles, character for character as citeproc-js (the
// reference CSL processor, version 2.4.63) formats them, in plain text
// and HTML.
//
// # Styles and locales
//
// [ParseStyle] and [LoadStyle] read a CSL style, [ParseLocale] and
// [LoadLocale] a locale. [BuiltinStyle] returns one of talkmeta's
// built-in styles (APA, MLA, Chicago author-date, IEEE, Harvard), written
// for conference talks and their videos, for which they print what the
// official styles print; [BuiltinLocale] is their en-US locale.
//
// # Rendering
//
// [New] makes a [Processor] for a style and locales. A Processor is safe
// for concurrent use:
//
//   - [Processor.Entry] and [Processor.Citation] render one [Item] alone,
//     cited for the first time;
//   - [Processor.WriteBibliography] and [Processor.Bibliography] render
//     several items as one bibliography, as citeproc-js's updateItems and
//     makeBibliography do: sorted by the style's keys, numbered, with
//     repeated authors replaced when the style asks for it (MLA's "———"),
//     and disambiguated as the style's citations are: year suffixes
//     ("2016a", "2016b"), names added to tell items apart, given names.
//
// # Conformance
//
// The package's tests compare it with citeproc-js's output stored in
// testdata/citeproc, and .ci/csl/check.sh with citeproc-js itself on a
// sample of the shared corpus of talks, official and built-in styles
// alike.
package csl

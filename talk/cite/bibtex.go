package cite

import (
	"io"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/talk"
)

// Options say how entries are written. The zero Options are valid.
type Options struct {
	// Key is the entry's citation key; "" means the talk's [Key]. Writers
	// of several talks ([WriteAll]) give each its key from a [KeySet] and
	// ignore Key. Characters BibTeX does not allow in keys (space, comma,
	// quotes, braces, parentheses, "=", "#", "%", "~", "\") are dropped
	// from BibTeX and BibLaTeX keys, and a Key of none but those means the
	// talk's Key there.
	Key string

	// ASCII writes non-ASCII characters as LaTeX commands ({\"u}, {\'e},
	// {\ss}, --- for an em dash), for BibTeX installations that are not
	// 8-bit clean or documents without UTF-8 input, and percent-encodes
	// them in URLs. Characters LaTeX's standard font encodings have no
	// command for (CJK, Cyrillic, Greek, Vietnamese ơ, ư and đ, emoji)
	// stay UTF-8 in text, so a file with them still needs UTF-8 input.
	// Without ASCII, Unicode is kept, which is what biber and BibTeX since
	// 2018 expect.
	// It is for BibTeX and BibLaTeX only: RIS and CSL-JSON are UTF-8 by
	// definition, and their writers ignore it.
	ASCII bool

	// EventDate adds CSL-JSON's event-date, the day the talk was given,
	// which MLA needs to print any date for a talk but which makes APA
	// and Chicago print the date twice. See the package documentation.
	// It is for CSL-JSON and the CSL items of [CSLItem] and [Reference]
	// only; BibTeX, BibLaTeX and RIS have a date of their own and ignore
	// it, and [WriteCSLJSON], which takes no Options, never writes it
	// (write with [WriteAll] or a [Writer] for it).
	EventDate bool
}

// field is one "name = value" of an entry; a macro value (a month) is
// written without braces.
type field struct {
	name, value string
	macro       bool
}

// WriteBibTeX writes a talk as a classic BibTeX @misc entry, which every
// BibTeX style can print:
//
//	@misc{selivanov2016asyncawait,
//	  author = {Selivanov, Yury},
//	  title = {async/await in {Python} 3.5 and why it is awesome},
//	  howpublished = {Conference presentation at EuroPython 2016},
//	  month = aug,
//	  year = {2016},
//	  note = {\url{https://www.youtube.com/watch?v=m28fiN9y_r8}},
//	  url = {https://www.youtube.com/watch?v=m28fiN9y_r8},
//	  language = {English},
//	  ...
//	}
//
// See the package documentation for what each field holds and how values
// are escaped. Only errors from w are returned, a [*talk.NilError] for a
// nil t, [talk.Talk.CheckUTF8]'s error for text that is not UTF-8, which
// BibTeX would otherwise lose, and a [*talk.RecordError] for a date with
// a year outside 0000-9999 (see [Writer.Write]); nothing is written for
// any of them.
func WriteBibTeX(w io.Writer, t *talk.Talk, opt Options) error {
	if err := checkTalk(t, -1); err != nil {
		return err
	}
	return writeBibTeX(w, t, opt)
}

// writeBibTeX is WriteBibTeX of a talk checkTalk has passed.
func writeBibTeX(w io.Writer, t *talk.Talk, opt Options) error {
	names := Names(t)
	var room [maxFields]field
	return writeEntry(w, "misc", entryKey(t, names, opt), bibtexFields(room[:0], t, names, opt.ASCII))
}

// WriteBibLaTeX writes a talk as a BibLaTeX @unpublished entry, the type
// the biblatex manual gives for the script of a talk, with the event in
// eventtitle, venue and eventdate:
//
//	@unpublished{selivanov2016asyncawait,
//	  author = {Selivanov, Yury},
//	  title = {async/await in {Python} 3.5 and why it is awesome},
//	  type = {Conference presentation},
//	  eventtitle = {{EuroPython} 2016},
//	  date = {2016-08-04},
//	  url = {https://www.youtube.com/watch?v=m28fiN9y_r8},
//	  langid = {english},
//	  ...
//	}
//
// It returns what [WriteBibTeX] returns.
func WriteBibLaTeX(w io.Writer, t *talk.Talk, opt Options) error {
	if err := checkTalk(t, -1); err != nil {
		return err
	}
	return writeBibLaTeX(w, t, opt)
}

// writeBibLaTeX is WriteBibLaTeX of a talk checkTalk has passed.
func writeBibLaTeX(w io.Writer, t *talk.Talk, opt Options) error {
	names := Names(t)
	var room [maxFields]field
	return writeEntry(w, "unpublished", entryKey(t, names, opt), biblatexFields(room[:0], t, names, opt.ASCII))
}

func entryKey(t *talk.Talk, names []Name, opt Options) string {
	if k := cleanKey(opt.Key); k != "" {
		return k
	}
	return key(t, names)
}

// cleanKey drops what BibTeX and biber do not accept in a citation key.
func cleanKey(k string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || strings.ContainsRune(`,"'{}()=#%~\`, r) {
			return -1
		}
		return r
	}, k)
}

// bibtexNames returns the author field: each name as "von Last, Jr,
// First", joined by " and ", with literal names in braces so that BibTeX
// neither splits nor inverts them, and a name with a suffix but no first
// name ("{O'Brien, Jr.}") too, since BibTeX has no form for it.
func bibtexNames(names []Name, ascii bool) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(" and ")
		}
		if n.Literal != "" {
			b.WriteString("{")
			b.WriteString(texString(n.Literal, ascii))
			b.WriteString("}")
			continue
		}
		if n.Suffix != "" && n.Given == "" {
			// "Last, Jr," is an error to BibTeX ("has a comma at the
			// end") and biber drops the comma, both then reading Jr. as
			// the first name: the name is kept whole in braces.
			b.WriteString("{")
			if p := joinNonEmpty(" ", n.DroppingParticle, n.NonDroppingParticle); p != "" {
				b.WriteString(texString(p, ascii))
				b.WriteString(" ")
			}
			b.WriteString(texString(n.Family, ascii))
			b.WriteString(", ")
			b.WriteString(texString(n.Suffix, ascii))
			b.WriteString("}")
			continue
		}
		if p := joinNonEmpty(" ", n.DroppingParticle, n.NonDroppingParticle); p != "" {
			b.WriteString(namePart(texString(p, ascii)))
			b.WriteString(" ")
		}
		if family := texString(n.Family, ascii); familyBraced(n, family) {
			b.WriteString("{")
			b.WriteString(family)
			b.WriteString("}")
		} else {
			b.WriteString(braceAnd(family))
		}
		if n.Suffix != "" {
			b.WriteString(", ")
			b.WriteString(namePart(texString(n.Suffix, ascii)))
		}
		if n.Given != "" {
			b.WriteString(", ")
			b.WriteString(namePart(texString(n.Given, ascii)))
		}
	}
	return b.String()
}

// familyBraced reports whether bibtexNames braces n's family name, family
// as escaped: where BibTeX would find a "von" part in it (needsBraces),
// where it holds a comma, and where, without a given name, BibTeX would
// read "Mary Ann" as a first and a last name.
func familyBraced(n Name, family string) bool {
	return needsBraces(family) || strings.Contains(family, ",") ||
		n.Given == "" && strings.ContainsAny(family, " ~")
}

// namePart returns a part of a name other than the family name, escaped
// (tex), as BibTeX reads it whole: in braces when it has a comma, which
// BibTeX would read as the start of the next part (a given name "John, Jr"
// from a source that gives the parts would make "Jr" the given name), else
// with its words "and" braced (braceAnd).
func namePart(tex string) string {
	if strings.Contains(tex, ",") {
		return "{" + tex + "}"
	}
	return braceAnd(tex)
}

// needsBraces reports whether a family name, escaped as it is written
// (tex), would be split by BibTeX's name parser, and so must be braced: a
// word "and" (in any case) among several is read as the start of the next
// name, and a lower-case token before the last as a "von" particle
// (bibtexSplits).
func needsBraces(tex string) bool {
	words, and := 0, false
	for w := range strings.FieldsSeq(tex) {
		words++
		and = and || isAnd(w)
	}
	return words > 1 && and || bibtexSplits(tex)
}

// bibtexSplits reports whether BibTeX would read a "von" part in tex, a
// family name escaped as it is written before ", Given". BibTeX splits the
// name into tokens at spaces, hyphens and ties ("~") outside braces, and
// takes every token up to the last one before the final that starts in
// lower case for the von part: "al-Khwarizmi" would be al + Khwarizmi,
// printed "al Khwarizmi", and "Dupré la Tour" Dupré la + Tour. A token's
// case is that of its first ASCII letter outside braces, or, in a group
// that starts with a command ({'E}, {\ss}), of the command's letter:
// BibTeX knows no case outside ASCII, so "Álvarez Pérez" is Álvarez +
// Pérez, as "l" is lower case. Biber, which knows Unicode, reads all of
// these as they are meant; braced, both do.
func bibtexSplits(tex string) bool {
	var (
		lowerBefore bool // a token before the current one starts in lower case
		lowerDone   bool // a token finished so far starts in lower case
		inToken     bool
		decided     bool // the current token's case is known
		lower       bool // and it is lower case
	)
	for i := 0; i < len(tex); i++ {
		c := tex[i]
		if c == ' ' || c == '-' || c == '~' {
			if inToken {
				lowerDone = lowerDone || lower
				inToken, decided, lower = false, false, false
			}
			continue
		}
		if !inToken {
			inToken, lowerBefore = true, lowerDone // a separator at the end starts no token
		}
		switch {
		case c == '{':
			end := groupEnd(tex, i)
			if !decided && i+2 <= end && tex[i+1] == '\\' {
				decided, lower = specialCase(tex[i+2 : end])
			}
			i = end
		case !decided && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'):
			decided, lower = true, 'a' <= c
		}
	}
	return lowerBefore
}

// groupEnd returns the index of the brace that closes the group opening at
// tex[i], or the last index when it is not closed.
func groupEnd(tex string, i int) int {
	depth := 0
	for ; i < len(tex); i++ {
		switch tex[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(tex) - 1
}

// specialCase returns the case BibTeX gives a special character, the group
// "{\cmd...}" of which cmd is the text after the backslash: the case of
// the foreign letters \ss, \ae, \OE..., else of the first ASCII letter
// after the command's name ({\'E}, {\v{S}}); decided is false when there
// is none.
func specialCase(cmd string) (decided, lower bool) {
	n := 0
	for n < len(cmd) && ('a' <= cmd[n] && cmd[n] <= 'z' || 'A' <= cmd[n] && cmd[n] <= 'Z') {
		n++
	}
	switch cmd[:n] {
	case "i", "j", "oe", "ae", "aa", "o", "l", "ss":
		return true, true
	case "OE", "AE", "AA", "O", "L":
		return true, false
	}
	for _, c := range []byte(cmd[n:]) {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return true, 'a' <= c
		}
	}
	return false, false
}

// isAnd reports whether w is "and" in any case, which BibTeX's name
// parser (and biber's) reads as the end of one name and the start of the
// next: "Tom AND Jerry" is two names.
func isAnd(w string) bool { return len(w) == 3 && strings.EqualFold(w, "and") }

// braceAnd returns a part of a name, already escaped, with each word that
// is "and" in any case braced ("JOHN {AND} MARY"), so that it stays in
// the name.
func braceAnd(s string) string {
	found := false
	for w := range strings.FieldsSeq(s) {
		found = found || isAnd(w)
	}
	if !found {
		return s // as nearly every name is
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		if isAnd(w) {
			words[i] = "{" + w + "}"
		}
	}
	return strings.Join(words, " ")
}

// months are BibTeX's month macros, which styles print in the document's
// language.
var months = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// issued returns the date a talk is cited under: when it was recorded,
// else the year its event started, with at most a day's precision, the
// day in the event's time zone (see inEventZone).
func issued(t *talk.Talk) talk.Date {
	if !t.Recorded.IsZero() {
		if rec := inEventZone(t.Recorded, t); rec.Precision() > talk.Day {
			return rec.Day()
		}
		return t.Recorded
	}
	if !t.Event.Start.IsZero() {
		d, err := talk.ParseDate(inEventZone(t.Event.Start, t).Time().Format("2006"))
		if err == nil {
			return d
		}
	}
	return talk.Date{}
}

// eventDates returns the event's dates as a BibLaTeX/EDTF range
// "2016-07-17/2016-07-24", or one day, or "".
func eventDates(t *talk.Talk) string {
	start, end := t.Event.Start, t.Event.End
	if start.Precision() == talk.DateTimeOffset || end.Precision() == talk.DateTimeOffset {
		loc := eventZone(t) // loaded once for both ends
		start, end = start.In(loc), end.In(loc)
	}
	from, to := dayOrLess(start), dayOrLess(end)
	switch {
	case from == "":
		return ""
	case to == "" || to == from:
		return from
	}
	return from + "/" + to
}

func dayOrLess(d talk.Date) string {
	if d.Precision() > talk.Day {
		d = d.Day()
	}
	return d.String()
}

// maxFields is room for every field of a full talk's entry, which the
// writers lend the functions that make the fields: kept on the stack, it
// spares each entry a slice on the heap (BibLaTeX's grew one four
// times), two fifths of the bytes an entry allocated
// (BenchmarkWriteRecords).
const maxFields = 16

// bibtexFields appends a talk's BibTeX fields to fs.
func bibtexFields(fs []field, t *talk.Talk, names []Name, ascii bool) []field {
	add := func(name, value string) {
		if value != "" {
			fs = append(fs, field{name: name, value: value})
		}
	}
	add("author", bibtexNames(names, ascii))
	if len(names) == 0 {
		// What BibTeX's styles sort by, and alpha and apalike make the
		// label of, when there is no author: without it plain, alpha,
		// abbrv, apalike, acm and siam warn "to sort, need author or key".
		// A reference without an author starts with its title, and one
		// without either with the event.
		k := title(t)
		if k == "" {
			k = clean(t.Event.Title)
		}
		add("key", texString(k, ascii))
	}
	add("title", texTitle(title(t), ascii))
	how := Genre(t)
	if ev := clean(t.Event.Title); ev != "" {
		if p := cityCountry(t); p != "" {
			how += " at " + ev + ", " + p
		} else {
			how += " at " + ev
		}
	}
	add("howpublished", texString(how, ascii))
	if d := issued(t); !d.IsZero() {
		if d.Precision() >= talk.Month {
			fs = append(fs, field{name: "month", value: months[d.Time().Month()-time.January], macro: true})
		}
		add("year", d.Time().Format("2006"))
	}
	if u := urlOf(t, ascii); u != "" {
		add("note", `\url{`+texURLArg(u)+`}`)
		add("url", texURL(u))
	}
	add("language", texString(languageName(t.Language), ascii))
	add("keywords", texKeywords(strings.Join(tags(t), ", ")))
	add("abstract", texString(abstract(t), ascii))
	return fs
}

// urlOf returns the talk's link, in ASCII when ascii is set.
func urlOf(t *talk.Talk, ascii bool) string {
	if ascii {
		return asciiURL(link(t))
	}
	return link(t)
}

// biblatexFields appends a talk's BibLaTeX fields to fs.
func biblatexFields(fs []field, t *talk.Talk, names []Name, ascii bool) []field {
	add := func(name, value string) {
		if value != "" {
			fs = append(fs, field{name: name, value: value})
		}
	}
	add("author", bibtexNames(names, ascii))
	ti, sub := clean(t.Title), clean(t.Subtitle)
	if ti == "" {
		// A subtitle alone is the title, as the other formats cite it:
		// biber would want a title, and biblatex print no subtitle
		// without one.
		ti, sub = sub, ""
	}
	add("title", texTitle(ti, ascii))
	add("subtitle", texTitle(sub, ascii))
	add("type", texString(Genre(t), ascii))
	add("eventtitle", texTitle(clean(t.Event.Title), ascii))
	add("eventdate", eventDates(t))
	add("venue", texString(eventPlace(t), ascii))
	add("date", issued(t).String())
	add("url", texURL(urlOf(t, ascii)))
	if id := babelName(t.Language); id != "" {
		add("langid", id)
	} else {
		// A language babel has no name for is still the work's
		// language: biblatex prints a language given by name as it is.
		add("language", texString(languageName(t.Language), ascii))
	}
	add("keywords", texKeywords(strings.Join(tags(t), ", ")))
	add("abstract", texString(abstract(t), ascii))
	return fs
}

// writeEntry writes one entry and a blank line after it: nothing else, so
// that no "@" can stand between entries.
func writeEntry(w io.Writer, typ, key string, fs []field) error {
	size := len(typ) + len(key) + 6
	for _, f := range fs {
		size += len(f.name) + len(f.value) + 9
	}
	b := bufpool.Get()
	defer bufpool.Put(b)
	b.Grow(size)
	b.WriteString("@")
	b.WriteString(typ)
	b.WriteString("{")
	b.WriteString(key)
	b.WriteString(",\n")
	for _, f := range fs {
		b.WriteString("  ")
		b.WriteString(f.name)
		if f.macro {
			b.WriteString(" = ")
			b.WriteString(f.value)
		} else {
			b.WriteString(" = {")
			b.WriteString(f.value)
			b.WriteString("}")
		}
		b.WriteString(",\n")
	}
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}

package schema

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"maps"
	"math"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"golang.org/x/text/language"

	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/internal/orcid"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
)

// talk checks what the schema cannot say about a talk record.
func (c *checker) talk(obj object) {
	if c.v.Profile == Pyvideo {
		c.pyvideoTalk(obj)
		return
	}
	c.talkmetaTalk(pointer{}, obj)
}

// count checks the n items of a talk's list at ptr (its speakers, its
// videos: what) against the validator's limit on them, as the readers
// count them: a talk over a limit passes no reader, whose *talk.LimitError
// words the problem. A list within a part is named by its place too.
func (c *checker) count(ptr pointer, what string, n, limit int) {
	if limit >= 0 && n > limit {
		le := &talk.LimitError{What: what, Limit: int64(limit), Got: int64(n)}
		msg := le.Error()
		if w := ptr.words(); w != what {
			msg = w + ": " + msg
		}
		if p := c.check(ptr, "limit", Error, msg); p != nil {
			p.cause = le
		}
	}
}

// texts checks every string of the record against the validator's
// Limits on one text, as the pyvideo reader does. No string can be
// longer than the record, so a record within the limit is not walked.
func (c *checker) texts(data []byte) {
	limit := c.v.Limits.TextBytes()
	if limit < 0 || len(data) <= limit {
		return
	}
	doc, err := jsonx.Decode(data, -1)
	if err != nil {
		return // reported as the record's syntax
	}
	var walk func(ptr pointer, v any)
	walk = func(ptr pointer, v any) {
		switch v := v.(type) {
		case string:
			if len(v) > limit {
				le := &talk.LimitError{What: "text length", Limit: int64(limit), Got: int64(len(v))}
				if p := c.check(ptr, "limit", Error, ptr.words()+": "+le.Error()); p != nil {
					p.cause = le
				}
			}
		case []any:
			for i, e := range v {
				walk(ptr.item(i), e)
			}
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(v)) {
				walk(ptr.child("/"+jsonx.PointerToken(k)), v[k])
			}
		}
	}
	walk(pointer{}, doc)
}

// event checks what the schema cannot say about an event record.
func (c *checker) event(obj object) {
	if c.v.Profile == Pyvideo {
		c.spaces(at("/title"), obj.get("title"))
		// White space alone is no site either, not a malformed one.
		if url, ok := obj.text("url"); ok && strings.TrimSpace(url) == "" {
			c.check(at("/url"), "empty-url", Warning, "url is "+valueText(url)+"; leave it out when the event has no site")
		} else {
			c.webURL(at("/url"), obj.get("url"))
		}
		c.dateRange(pointer{}, obj, "start_date", "end_date")
		c.unknownMembers(obj, PyvideoCategoryID, "pyvideo.org ignores it")
		return
	}
	c.talkmetaEvent(pointer{}, obj)
}

func (c *checker) pyvideoTalk(obj object) {
	c.spaces(at("/title"), obj.get("title"))
	speakers := 0
	for i, s := range obj.get("speakers").items() {
		c.speakerName(at("/speakers").item(i), s)
		speakers++
	}
	if speakers == 0 {
		c.check(at("/speakers"), "no-speakers", Warning, "the talk names no speaker")
	}
	c.count(at("/speakers"), "speakers", speakers, c.v.Limits.Speakers())
	c.recorded(at("/recorded"), obj.get("recorded"), true)
	if lang, ok := obj.text("language"); ok {
		c.language(at("/language"), lang)
	}
	c.integer(at("/id"), obj.get("id"))
	c.slug(at("/slug"), obj.get("slug"))
	videos := 0
	for i, v := range obj.get("videos").items() {
		if url, ok := v.member("url"); ok {
			c.webURL(at("/videos").item(i).child("/url"), url)
		}
		if size, ok := v.member("size"); ok {
			c.integer(at("/videos").item(i).child("/size"), size)
		}
		videos++
	}
	c.count(at("/videos"), "videos", videos, c.v.Limits.Videos())
	c.thumbnail(at("/thumbnail_url"), obj.get("thumbnail_url"), videos > 0)
	for i, l := range obj.get("related_urls").items() {
		ptr := at("/related_urls").item(i)
		if l.isObject() {
			l, _ = l.member("url")
			ptr = ptr.child("/url")
		}
		c.linkURL(ptr, l)
	}
	c.webURL(at("/source_url"), obj.get("source_url"))
	if obj.get("description").isNull() {
		c.check(at("/description"), "null-description", Warning, `description is null; write "" when there is none`)
	}
	if s, ok := obj.longText("description"); ok {
		c.rst(at("/description"), s)
	}
	if s, ok := obj.longText("summary"); ok {
		c.rst(at("/summary"), s)
	}
	c.unknownMembers(obj, PyvideoTalkID, "pyvideo.org ignores it")
}

func (c *checker) talkmetaTalk(here pointer, obj object) {
	talkSchema := c.schema(TalkID)
	c.foldedMembers(here, obj, talkSchema)
	c.spaces(here.child("/title"), obj.get("title"))
	c.slug(here.child("/slug"), obj.get("slug"))
	speakers := obj.get("speakers")
	n := speakers.count()
	if n == 0 && here.isRoot() {
		c.check(here.child("/speakers"), "no-speakers", Warning, "the talk names no speaker")
	}
	c.count(here.child("/speakers"), "speakers", n, c.v.Limits.Speakers())
	for i, s := range speakers.items() {
		if s, ok := s.object(); ok {
			c.speakerAt(here.child("/speakers").item(i), s)
		}
	}
	if ev, ok := obj.get("event").object(); ok {
		c.talkmetaEvent(here.child("/event"), ev)
	}
	// A part (a lightning talk of a block) has no page of its own: the
	// date and the thumbnail it lacks are its block's, which are checked.
	whole := here.isRoot()
	c.recorded(here.child("/recorded"), obj.get("recorded"), whole)
	c.duration(here.child("/duration"), obj.get("duration"))
	if lang, ok := obj.text("language"); ok {
		c.language(here.child("/language"), lang)
	}
	videos := obj.get("videos")
	nVideos := videos.count()
	c.count(here.child("/videos"), "videos", nVideos, c.v.Limits.Videos())
	for i, v := range videos.items() {
		v, ok := v.object()
		if !ok {
			continue
		}
		ptr := here.child("/videos").item(i)
		c.foldedMembers(ptr, v, itemSchema(talkSchema, "videos"))
		c.webURL(ptr.child("/url"), v.get("url"))
		c.duration(ptr.child("/duration"), v.get("duration"))
		c.integer(ptr.child("/size"), v.get("size"))
		c.zeroInteger(ptr.child("/size"), v.get("size"))
		if lang, ok := v.text("language"); ok {
			c.language(ptr.child("/language"), lang)
		}
	}
	for _, list := range []string{"slides", "links"} {
		for i, l := range obj.get(list).items() {
			if url, ok := l.member("url"); ok {
				c.linkURL(here.child("/"+list).item(i).child("/url"), url)
			}
			c.foldedMembersOf(here.child("/"+list).item(i), l, itemSchema(talkSchema, list))
		}
	}
	c.thumbnail(here.child("/thumbnail"), obj.get("thumbnail"), whole && nVideos > 0)
	if rec, _ := obj.text("recording"); rec != "" && nVideos > 0 {
		ptr := here.child("/recording")
		c.check(ptr, "recording", Warning,
			fmt.Sprintf("%s: %q says there is no recording, but the talk has %d video(s)", ptr.words(), rec, nVideos))
	}
	if markup, _ := obj.text("markup"); markup == "rst" {
		for _, field := range []string{"summary", "description"} {
			if s, ok := obj.longText(field); ok {
				c.rst(here.child("/"+field), s)
			}
		}
	}
	if legacy, ok := obj.get("legacy").object(); ok {
		c.integer(here.child("/legacy").child("/id"), legacy.get("id"))
		c.zeroInteger(here.child("/legacy").child("/id"), legacy.get("id"))
		c.foldedMembers(here.child("/legacy"), legacy, itemSchema(talkSchema, "legacy"))
	}
	c.foldedMembersOf(here.child("/place"), obj.get("place"), itemSchema(talkSchema, "place"))
	for i, p := range obj.get("parts").items() {
		if p, ok := p.object(); ok {
			c.talkmetaTalk(here.child("/parts").item(i), p)
		}
	}
}

// speaker checks a talkmeta speaker record or a talk's speaker object.
func (c *checker) speaker(obj object) { c.speakerAt(pointer{}, obj) }

func (c *checker) speakerAt(here pointer, obj object) {
	speakerSchema := c.schema(SpeakerID)
	c.foldedMembers(here, obj, speakerSchema)
	c.speakerName(here.child("/name"), obj.get("name"))
	c.slug(here.child("/slug"), obj.get("slug"))
	c.webURL(here.child("/homepage"), obj.get("homepage"))
	c.webURL(here.child("/image"), obj.get("image"))
	for i, a := range obj.get("accounts").items() {
		if url, ok := a.member("url"); ok {
			c.webURL(here.child("/accounts").item(i).child("/url"), url)
		}
		c.foldedMembersOf(here.child("/accounts").item(i), a, itemSchema(speakerSchema, "accounts"))
	}
	if id, ok := obj.text("orcid"); ok && !orcid.Valid(id) {
		ptr := here.child("/orcid")
		c.check(ptr, "orcid", Error,
			fmt.Sprintf("%s: %q has a wrong check digit; copy the iD from orcid.org", ptr.words(), id))
	}
}

func (c *checker) talkmetaEvent(here pointer, obj object) {
	eventSchema := c.schema(EventID)
	c.foldedMembers(here, obj, eventSchema)
	c.foldedMembersOf(here.child("/place"), obj.get("place"), itemSchema(eventSchema, "place"))
	c.spaces(here.child("/title"), obj.get("title"))
	c.webURL(here.child("/url"), obj.get("url"))
	if name, ok := obj.text("time_zone"); ok && name != "" {
		if _, ok := zone.Load(name); !ok {
			// The pattern lets pass "Local", the zone of whichever
			// machine reads the record, and names of no zone ("CEST").
			ptr := here.child("/time_zone")
			c.check(ptr, "time-zone", Error, fmt.Sprintf("%s: %s is not an IANA time zone such as Europe/Madrid", ptr.words(), valueText(name)))
		}
	}
	for _, f := range []string{"start", "end"} {
		if s, ok := obj.text(f); ok {
			c.date(here.child("/"+f), s)
		}
	}
	c.dateRange(here, obj, "start", "end")
}

// speakerName checks a speaker's name: not empty, no stray spaces, not
// one the archive replaces.
func (c *checker) speakerName(ptr pointer, v value) {
	name, ok := v.textBytes()
	if !ok {
		return
	}
	if len(bytes.TrimSpace(name)) == 0 {
		c.check(ptr, "empty-name", Warning, ptr.words()+": the name is empty")
		return
	}
	c.spacesIn(ptr, name)
	if to, ok := c.v.preferredName(name); ok {
		c.check(ptr, "speaker-name", Error, fmt.Sprintf("%s: write %q, not %q", ptr.words(), to, name))
	}
}

// spaces warns about leading or trailing white space around a string,
// which makes titles and names sort and compare wrongly, and about
// control characters in it.
func (c *checker) spaces(ptr pointer, v value) {
	if s, ok := v.textBytes(); ok {
		c.spacesIn(ptr, s)
	}
}

func (c *checker) spacesIn(ptr pointer, s []byte) {
	if hasEdgeSpace(s) {
		c.check(ptr, "whitespace", Warning, fmt.Sprintf("%s: %s has leading or trailing white space", ptr.words(), valueText(string(s))))
	}
	// A title or a name is one line of text. A control character in it
	// (a line break, an escape, a bell) is no part of it: pages and
	// citations cannot show it, and terminals that list it act on it.
	if i := bytes.IndexFunc(s, unicode.IsControl); i >= 0 {
		r, _ := utf8.DecodeRune(s[i:])
		c.check(ptr, "control", Warning, fmt.Sprintf("%s: %s holds the control character U+%04X, which pages and citations cannot show; remove it", ptr.words(), valueText(string(s)), r))
	}
}

// hasEdgeSpace reports whether s starts or ends with white space:
// whether strings.TrimFunc(s, unicode.IsSpace) would change it.
func hasEdgeSpace(s []byte) bool {
	first, _ := utf8.DecodeRune(s)
	last, _ := utf8.DecodeLastRune(s)
	return len(s) > 0 && (unicode.IsSpace(first) || unicode.IsSpace(last))
}

// slug checks a slug member, which names a page: it must be one segment
// of a URL's path, which no character of it ends or changes. "/" starts
// another segment, "?" and "#" end the path, "%" starts an escape, a
// browser takes "\" for "/", white space and control characters are no
// part of a URL, and "." and ".." name directories, not pages.
func (c *checker) slug(ptr pointer, v value) {
	s, ok := v.textBytes()
	if !ok {
		return
	}
	why := ""
	if string(s) == "." || string(s) == ".." {
		why = "it names a directory"
	} else if i := bytes.IndexFunc(s, func(r rune) bool {
		return strings.ContainsRune(`/?#%\`, r) || unicode.IsSpace(r) || unicode.IsControl(r)
	}); i >= 0 {
		r, _ := utf8.DecodeRune(s[i:])
		why = fmt.Sprintf("%s would be read as part of the URL, not of the name", strconv.QuoteRuneToASCII(r))
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			why = fmt.Sprintf("%s is no part of a URL", strconv.QuoteRuneToASCII(r))
		}
	}
	if why != "" {
		c.check(ptr, "slug", Error, fmt.Sprintf("%s: %s cannot name a page: %s; write letters, digits, \"-\" and \"_\"", ptr.words(), valueText(string(s)), why))
		return
	}
	if len(s) > pageslug.Max {
		// talkmeta site cuts it (pageslug.Fit), so that the page's
		// file name fits every file system: the URL is not the one
		// chosen.
		c.check(ptr, "slug", Warning, fmt.Sprintf("%s: %s is %d bytes long; talkmeta site names the page by its start and a hash of the whole, as every file system takes a name that short, not by the slug chosen: keep it to %d", ptr.words(), valueText(string(s)), len(s), pageslug.Max))
	}
}

// recorded checks a talk's date: a real one, and present where needed
// is true.
func (c *checker) recorded(ptr pointer, v value, needed bool) {
	if v == nil || v.isNull() {
		if needed {
			c.check(ptr, "no-date", Warning, ptr.words()+" is missing or null; pages and citations will show no date")
		}
		return
	}
	if s, ok := v.text(); ok {
		c.date(ptr, s)
	}
}

// date checks that s names a real day (2016-02-30 does not), at a real
// time of day with a real offset, saying why not as ParseDate, which
// readers read it with, says it.
func (c *checker) date(ptr pointer, s string) {
	if _, err := talk.ParseDate(s); err != nil {
		c.check(ptr, "date", Error, fmt.Sprintf("%s: %s %s", ptr.words(), valueText(s), reason(err)))
	}
}

// reason is why ParseDate or ParseDuration refused a text, as its error
// says it but without its "talk: " and the quoted text, to be worded as
// the other problems are.
func reason(err error) string {
	var de *talk.DateError
	var ue *talk.DurationError
	switch {
	case errors.As(err, &de):
		return de.Reason
	case errors.As(err, &ue):
		return ue.Reason
	}
	return err.Error()
}

// dateRange checks that an event does not end before it starts.
func (c *checker) dateRange(here pointer, obj object, startName, endName string) {
	s, _ := obj.text(startName)
	e, _ := obj.text(endName)
	start, err1 := talk.ParseDate(s)
	end, err2 := talk.ParseDate(e)
	if err1 != nil || err2 != nil || start.IsZero() || end.IsZero() {
		return
	}
	// A year or a month is every day of it: "2016-07" ends no earlier
	// than the last of July, and starts no later than the first.
	startFirst, _ := days(start)
	if _, endLast := days(end); endLast.Before(startFirst) {
		ptr := here.child("/" + endName)
		c.check(ptr, "date", Error,
			fmt.Sprintf("%s: the event ends (%s) before it starts (%s)", ptr.words(), e, s))
	}
}

// days returns the first and the last day that d names, as written (in
// its own offset): the day itself, or every day of its month or year.
func days(d talk.Date) (first, last time.Time) {
	y, m, day := d.Time().Date()
	switch d.Precision() {
	case talk.Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	case talk.Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
	}
	t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	return t, t
}

// duration checks an ISO 8601 duration: whole seconds.
func (c *checker) duration(ptr pointer, v value) {
	s, ok := v.text()
	if !ok {
		return
	}
	d, err := talk.ParseDuration(s)
	if err != nil {
		c.check(ptr, "duration", Error, fmt.Sprintf("%s: %s %s", ptr.words(), valueText(s), reason(err)))
		return
	}
	if sec := d.Seconds(); sec != math.Trunc(sec) {
		c.check(ptr, "duration", Error, fmt.Sprintf("%s: %s is not a whole number of seconds", ptr.words(), valueText(s)))
	}
	if d == 0 {
		c.zero(ptr, valueText(s))
	}
}

// zero warns of a value that the reader takes as zero, which the model
// holds as unknown, as if the member were left out: talkmeta's form then
// writes it out, so that fmt -w drops it. The warning makes the drop no
// silent one.
func (c *checker) zero(ptr pointer, shown string) {
	c.check(ptr, "zero", Warning, fmt.Sprintf("%s: %s is read as unknown, as if left out, and fmt -w leaves it out; leave it out, or give the real value", ptr.words(), shown))
}

// zeroInteger is zero for a whole number a reader takes as zero.
func (c *checker) zeroInteger(ptr pointer, v value) {
	if n := string(v); n == "0" || n == "-0" {
		c.zero(ptr, n)
	}
}

// integer checks a number that readers take as an int64 (pyvideo's
// reader with strconv.ParseInt, talkmeta's with encoding/json): a whole
// number the schema's "integer" allows, such as 1e2 or 100.0, they refuse
// unless it is written as digits. Out of range is the schema's maximum,
// and a fraction its type, to say.
func (c *checker) integer(ptr pointer, v value) {
	if len(v) == 0 || v[0] != '-' && (v[0] < '0' || v[0] > '9') || !bytes.ContainsAny(v, ".eE") {
		return // no number, or digits
	}
	if d := jsonx.ParseDecimal(string(v)); !d.IsWhole() || !d.Within(19) {
		return // a fraction, or past an int64 (the schema's maximum says so) at once
	}
	r, ok := new(big.Rat).SetString(string(v))
	if ok && r.IsInt() && r.Num().IsInt64() {
		c.check(ptr, "integer", Error, fmt.Sprintf("%s: write %s as %s: readers take a whole number only as digits, without a fraction or an exponent", ptr.words(), v, r.Num()))
	}
}

// language checks that a language code exists in the profile's form,
// and that it is in the allowed list, when there is one.
func (c *checker) language(ptr pointer, code string) {
	// The list narrows the codes the profile takes, and does not widen
	// them: "EN" is no pyvideo code, whatever the list.
	if c.languageForm(ptr, code) && c.v.Languages != nil && !allowedLanguage(c.v.Languages, code) {
		c.check(ptr, "language", Error, fmt.Sprintf("%s: %q is not in the list of allowed languages", ptr.words(), code))
	}
}

// languageForm checks that a language code exists, in the profile's
// form: ISO 639-3 in the pyvideo profile, BCP 47 otherwise (where a code
// not in canonical form is a warning). It reports whether the code is
// one to look for in the list of allowed languages: one without error.
func (c *checker) languageForm(ptr pointer, code string) bool {
	if c.v.Profile == Pyvideo {
		base, err := language.ParseBase(code)
		if len(code) != 3 || err != nil || base.ISO3() != code || isBibliographicCode(code) {
			msg := fmt.Sprintf("%s: %q is not an ISO 639-3 language code (such as eng, spa, jpn)", ptr.words(), code)
			// A code of another standard, or in capitals ("en", "ENG",
			// "ger", "pt-BR"), names a language that has one.
			if l, err := talk.ParseLanguage(code); err == nil {
				if iso := l.ISO6393(); iso != "" && iso != code {
					msg += fmt.Sprintf("; write %q", iso)
				}
			} else {
				msg += c.languageNameHint(code)
			}
			c.check(ptr, "language", Error, msg)
			return false
		}
		return true
	}
	if !talk.Language(code).Valid() {
		c.check(ptr, "language", Error, fmt.Sprintf("%s: %q is not a known BCP 47 language tag (such as en, pt-BR)%s", ptr.words(), code, c.languageNameHint(code)))
		return false
	}
	if canonical, err := talk.ParseLanguage(code); err == nil && string(canonical) != code {
		// Readers take it in its canonical form, and fmt writes that.
		c.check(ptr, "language", Warning, fmt.Sprintf("%s: %q is written %q in its canonical form", ptr.words(), code, canonical))
	}
	return true
}

// languageNameHint returns, for a language given by its name rather than
// its code ("English", "Español"), what to write instead, in the form
// the profile wants ("; write \"en\"", or "eng" in the pyvideo profile);
// "" for any other text.
func (c *checker) languageNameHint(text string) string {
	l, ok := talk.LanguageByName(text)
	if !ok {
		return ""
	}
	code := string(l)
	if c.v.Profile == Pyvideo {
		code = l.ISO6393()
	}
	return fmt.Sprintf("; write %q", code)
}

// isBibliographicCode reports whether code is one of the ISO 639-2/B
// codes that library catalogues (MARC) use and that differ from the
// language's ISO 639-2/T code, which ISO 639-3 has: "ger", not "deu".
// golang.org/x/text takes each for a language of its own.
func isBibliographicCode(code string) bool {
	switch code {
	case "alb", "arm", "baq", "bur", "chi", "cze", "dut", "fre", "geo", "ger",
		"gre", "ice", "mac", "mao", "may", "per", "rum", "slo", "tib", "wel":
		return true
	}
	return false
}

// allowedLanguage reports whether code is one of the allowed codes, as
// written or in canonical form (talk.ParseLanguage), so that "eng" is
// "en", or a narrower tag of one, as RFC 4647's basic filtering matches a
// language range: "pt" allows "pt-BR", "zh-Hant" allows "zh-Hant-TW".
func allowedLanguage(allowed []string, code string) bool {
	if slices.Contains(allowed, code) {
		return true
	}
	l, err := talk.ParseLanguage(code)
	if err != nil || l == "" {
		return false
	}
	return slices.ContainsFunc(allowed, func(a string) bool {
		al, err := talk.ParseLanguage(a)
		return err == nil && al != "" && (al == l || strings.HasPrefix(string(l), string(al)+"-"))
	})
}

// thumbnail checks a thumbnail URL, and warns when a talk with videos
// (hasVideos) has none: link previews and video search results need one.
func (c *checker) thumbnail(ptr pointer, v value, hasVideos bool) {
	if isPlainWebURL(v) {
		return // as nearly every thumbnail is: see webURL
	}
	// Anything but a string (null, or a value the schema refused) is no
	// thumbnail.
	if s, _ := v.text(); strings.TrimSpace(s) == "" {
		if hasVideos {
			c.check(ptr, "no-thumbnail", Warning, ptr.words()+" is missing or empty; link previews and video search results need a thumbnail")
		}
		return
	}
	c.webURL(ptr, v)
}

// webURL checks a URL that pages embed or link to as is: it must be
// absolute http or https.
func (c *checker) webURL(ptr pointer, v value) {
	if isPlainWebURL(v) {
		// An absolute http(s) URL without white space, as weburl.Is
		// would find after decoding it.
		return
	}
	s, ok := c.urlText(ptr, v)
	if ok && !weburl.Is(s) {
		c.check(ptr, "url", Error, fmt.Sprintf("%s: %s is not an absolute http(s) URL%s", ptr.words(), valueText(s), schemeHint(s, true)))
	}
}

// schemeHint returns what to write for s when s is a web address without
// its scheme, as addresses are copied from a browser's bar or a printed
// page: "; write \"https://www.example.org/\"" for "www.example.org/",
// "youtube.com/watch?v=x" or "//cdn.example.org/t.jpg". For a link,
// which may be relative (absolute false), only a host that starts with
// "www." or is followed by a path counts, so that a file name such as
// "slides.pdf", a relative link, gets no scheme put before it; where the
// URL must be absolute, a bare domain ("europython.eu") counts too. It
// returns "" for any other s.
func schemeHint(s string, absolute bool) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "://") || strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return ""
	}
	withScheme := "https://" + strings.TrimPrefix(s, "//")
	u, err := url.Parse(withScheme)
	if err != nil || !weburl.Is(withScheme) || u.Port() != "" || u.User != nil {
		return ""
	}
	host := u.Hostname()
	labels := strings.Split(host, ".")
	tld := labels[len(labels)-1]
	if len(labels) < 2 || slices.Contains(labels, "") || len(tld) < 2 ||
		strings.ContainsFunc(tld, func(r rune) bool { return r < 'a' || r > 'z' }) ||
		fileExtensions[tld] && u.Path == "" {
		return "" // no domain name: "localhost", "talk.mp4", "1.5", "thumb.jpg"
	}
	if !absolute && !strings.HasPrefix(host, "www.") && !strings.HasPrefix(s, "//") && u.Path == "" {
		return ""
	}
	return fmt.Sprintf("; write %q", withScheme)
}

// fileExtensions are the ends of file names a thumbnail, a slide deck or
// a page is given by, which no top-level domain is: "thumb.jpg" alone is
// a file, not a host to put "https://" before.
var fileExtensions = map[string]bool{
	"jpg": true, "jpeg": true, "png": true, "gif": true, "webp": true, "svg": true,
	"pdf": true, "htm": true, "html": true, "txt": true, "json": true, "webm": true, "mkv": true,
}

// linkURL checks a related link: absolute http(s), or relative (legal,
// but it resolves against whichever page shows it: a warning). A link
// that does not parse is an error, except in the pyvideo profile, whose
// site links it as written and whose CI lets it pass: a warning there.
func (c *checker) linkURL(ptr pointer, v value) {
	if isPlainWebURL(v) {
		return // see webURL
	}
	s, ok := c.urlText(ptr, v)
	if !ok || weburl.Is(s) {
		return
	}
	where := ptr.words()
	u, err := url.Parse(s)
	switch {
	case s == "":
		c.check(ptr, "url", Warning, where+": the URL is empty")
	case err != nil:
		sev := Error
		if c.v.Profile == Pyvideo {
			sev = Warning
		}
		c.check(ptr, "url", sev, fmt.Sprintf("%s: %s is not a well-formed URL", where, valueText(s)))
	case u.Scheme == "" && u.Host == "":
		c.check(ptr, "url", Warning, fmt.Sprintf("%s: %s is relative; it resolves against whichever page shows it%s", where, valueText(s), schemeHint(s, false)))
	default:
		c.check(ptr, "url", Error, fmt.Sprintf("%s: %s is not an http(s) URL%s", where, valueText(s), schemeHint(s, false)))
	}
}

// urlText returns the URL at ptr without surrounding white space, warning
// when there is some: browsers strip it, other programs do not.
func (c *checker) urlText(ptr pointer, v value) (string, bool) {
	s, ok := v.text()
	if !ok {
		return "", false
	}
	if t := strings.TrimSpace(s); t != s {
		c.check(ptr, "whitespace", Warning, fmt.Sprintf("%s: %s has white space around it", ptr.words(), valueText(s)))
		s = t
	}
	return s, true
}

// unknownMembers warns about members of a record the schema does not
// know, which the archive's site ignores: often a typo ("related_url").
func (c *checker) unknownMembers(obj object, id, consequence string) {
	cs, err := load()
	if err != nil {
		return
	}
	unknown := obj.unknown(cs.schemas[id].Properties)
	slices.Sort(unknown)
	for _, name := range unknown {
		msg := fmt.Sprintf("unknown member %q: %s", name, consequence)
		if near, ok := nearestName(name, maps.Keys(cs.schemas[id].Properties)); ok && !has(obj, near) {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		c.check(at(pointerJoin("", name)), "unknown", Warning, msg)
	}
}

// has reports whether obj has the member name: a misspelling of a member
// the object has besides is no misspelling to point out.
func has(obj object, name string) bool {
	_, ok := obj.lookup(name)
	return ok
}

// hasFoldedName reports whether props defines a member named name but
// for case.
func hasFoldedName(props map[string]*jsonschema.Schema, name string) bool {
	for p := range props {
		if strings.EqualFold(p, name) {
			return true
		}
	}
	return false
}

// nearestName returns the one of names (a schema's members, or the
// values of an enum) that name is most likely a misspelling of: the one
// fewest edits away (a letter added, dropped, changed, or two swapped,
// without regard to case), at most one edit for a name of up to four
// letters and two for a longer one, and only when no other is as near.
// "descripton" is "description", "speaker" is "speakers", "licence" is
// "license".
func nearestName(name string, names iter.Seq[string]) (string, bool) {
	n := utf8.RuneCountInString(name)
	limit := 2
	if n <= 4 {
		limit = 1
	}
	lower := strings.ToLower(name)
	best, bestDist, ties := "", limit+1, 0
	for p := range names {
		// No fewer edits than the difference in length: most names
		// are ruled out without building a table.
		if diff := n - utf8.RuneCountInString(p); diff > limit || -diff > limit {
			continue
		}
		switch d := editDistance(lower, strings.ToLower(p)); {
		case d < bestDist:
			best, bestDist, ties = p, d, 0
		case d == bestDist:
			ties++
		}
	}
	return best, best != "" && ties == 0
}

// editDistance is the number of edits that make a into b: a rune added,
// dropped or changed, or two neighbours swapped (the optimal string
// alignment distance).
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// Three rows of the table: the one before the last, the last, this;
	// on the stack for the names of a schema (every record with a
	// member the schema does not know asks for each of them).
	var rows [3][32]int
	prev2, prev, cur := rows[0][:0], rows[1][:0], rows[2][:0]
	if len(y)+1 > len(rows[0]) {
		prev2, prev, cur = make([]int, 0, len(y)+1), make([]int, 0, len(y)+1), make([]int, 0, len(y)+1)
	}
	prev2, prev, cur = prev2[:len(y)+1], prev[:len(y)+1], cur[:len(y)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

// schema returns the compiled schema with the given $id.
func (c *checker) schema(id string) *jsonschema.Schema {
	cs, err := load()
	if err != nil {
		return nil
	}
	return cs.schemas[id]
}

// itemSchema returns the schema of the member name of an object that s
// describes, or of each item when the member is a list, following $refs;
// nil when there is none.
func itemSchema(s *jsonschema.Schema, name string) *jsonschema.Schema {
	s = resolve(s)
	if s == nil {
		return nil
	}
	m := resolve(s.Properties[name])
	if m != nil && m.Items2020 != nil {
		m = resolve(m.Items2020)
	}
	return m
}

// resolve follows s's $refs to the schema that says something itself.
func resolve(s *jsonschema.Schema) *jsonschema.Schema {
	for s != nil && s.Ref != nil && s.Properties == nil && s.Items2020 == nil && len(s.Types) == 0 {
		s = s.Ref
	}
	return s
}

// foldedMembers reports the members of obj, an object of talkmeta's form
// that s describes, whose names are those of members s defines but for
// case ("Title", "URL", or "\u212Aind" with the Kelvin sign): readers,
// which match member names as encoding/json does, without regard to
// case, take them for those members, not as extra members, so that a
// record the schema accepts could fail to read ("Title": 1) or read as
// other than it says ("title": "A", "TITLE": "").
func (c *checker) foldedMembers(here pointer, obj object, s *jsonschema.Schema) {
	s = resolve(s)
	if s == nil {
		return
	}
	// An object that takes extra members keeps a misspelt one without a
	// word; a closed one refuses it, naming the members it may have.
	open := s.AdditionalProperties == nil
	for i, m := range obj.members {
		if _, ok := s.Properties[string(m.name)]; ok || m.known {
			continue
		}
		if open && !hasFoldedName(s.Properties, string(m.name)) {
			if near, ok := nearestName(string(m.name), maps.Keys(s.Properties)); ok && !has(obj, near) {
				where := ""
				if !here.isRoot() {
					where = here.words() + ": "
				}
				c.check(here.child("/"+jsonx.PointerToken(string(m.name))), "unknown", Warning,
					fmt.Sprintf("%sunknown member %q: kept as an extra member, which no page or citation shows; did you mean %q?", where, m.name, near))
			}
			continue
		}
		// No two of the model's member names fold alike, so at most one
		// matches and the map's order does not matter.
		for name := range s.Properties {
			if strings.EqualFold(string(m.name), name) {
				where := ""
				if !here.isRoot() {
					where = here.words() + ": "
				}
				// A closed object (a place, an account, a link, legacy)
				// has no place for a member of another name.
				elsewhere := ""
				if open {
					elsewhere = ", or give it a name of its own"
				}
				msg := fmt.Sprintf("%sthe member %s is read as %q: readers match member names without regard to case; write %q%s", where, strconv.QuoteToASCII(string(m.name)), name, name, elsewhere)
				for j, o := range obj.members {
					if j != i && strings.EqualFold(string(o.name), name) {
						// Another member is read as name too: writing
						// name would make two of one name. As the
						// readers say it.
						msg = fmt.Sprintf("%sthe member %s is read as %q, as is the member %s: readers match member names without regard to case, and keep only the last; remove one%s", where, strconv.QuoteToASCII(string(m.name)), name, strconv.QuoteToASCII(string(o.name)), elsewhere)
						break
					}
				}
				c.check(here.child("/"+jsonx.PointerToken(string(m.name))), "member-case", Error, msg)
				if _, ok := obj.lookup(name); !ok {
					// The member is there, but for case: a check that
					// finds it missing (no-date, no-speakers) would say
					// what member-case has said, and wrongly.
					c.faulted(here.child("/" + jsonx.PointerToken(name)))
				}
				break
			}
		}
	}
}

// foldedMembersOf is foldedMembers for a value that may be an object.
func (c *checker) foldedMembersOf(here pointer, v value, s *jsonschema.Schema) {
	if obj, ok := v.object(); ok {
		c.foldedMembers(here, obj, s)
	}
}

package schema

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/talk"
)

// talk checks what the schema cannot say about a talk record.
func (c *checker) talk(doc any) {
	obj, ok := doc.(map[string]any)
	if !ok {
		return
	}
	if c.v.Profile == Pyvideo {
		c.pyvideoTalk(obj)
		return
	}
	c.talkmetaTalk("", obj)
}

// event checks what the schema cannot say about an event record.
func (c *checker) event(doc any) {
	obj, ok := doc.(map[string]any)
	if !ok {
		return
	}
	if c.v.Profile == Pyvideo {
		c.spaces("/title", obj["title"])
		if obj["url"] == "" {
			c.check("/url", "empty-url", Warning, `url is ""; leave it out when the event has no site`)
		} else {
			c.webURL("/url", obj["url"])
		}
		c.dateRange("", obj, "start_date", "end_date")
		c.unknownMembers("", obj, PyvideoCategoryID, "pyvideo.org ignores it")
		return
	}
	c.talkmetaEvent("", obj)
}

func (c *checker) pyvideoTalk(obj map[string]any) {
	c.spaces("/title", obj["title"])
	speakers := asList(obj["speakers"])
	if len(speakers) == 0 {
		c.check("/speakers", "no-speakers", Warning, "the talk names no speaker")
	}
	preferred := c.v.PreferredNames
	if preferred == nil {
		preferred = PyvideoPreferredNames()
	}
	for i, s := range speakers {
		c.speakerName(index("/speakers", i), s, preferred)
	}
	c.recorded("/recorded", obj["recorded"])
	if lang, ok := obj["language"].(string); ok {
		c.language("/language", lang)
	}
	for i, v := range asList(obj["videos"]) {
		if v, ok := v.(map[string]any); ok {
			c.webURL(index("/videos", i)+"/url", v["url"])
		}
	}
	c.thumbnail("/thumbnail_url", obj["thumbnail_url"], len(asList(obj["videos"])) > 0)
	for i, l := range asList(obj["related_urls"]) {
		ptr := index("/related_urls", i)
		if obj, ok := l.(map[string]any); ok {
			l, ptr = obj["url"], ptr+"/url"
		}
		c.linkURL(ptr, l)
	}
	c.webURL("/source_url", obj["source_url"])
	if d, ok := obj["description"]; ok && d == nil {
		c.check("/description", "null-description", Warning, `description is null; write "" when there is none`)
	}
	for _, field := range []string{"description", "summary"} {
		if s, ok := obj[field].(string); ok {
			c.rst("/"+field, s)
		}
	}
	c.unknownMembers("", obj, PyvideoTalkID, "pyvideo.org ignores it")
}

func (c *checker) talkmetaTalk(at string, obj map[string]any) {
	c.spaces(at+"/title", obj["title"])
	speakers := asList(obj["speakers"])
	if len(speakers) == 0 && at == "" {
		c.check(at+"/speakers", "no-speakers", Warning, "the talk names no speaker")
	}
	for i, s := range speakers {
		c.speakerAt(index(at+"/speakers", i), s)
	}
	if ev, ok := obj["event"].(map[string]any); ok {
		c.talkmetaEvent(at+"/event", ev)
	}
	c.recorded(at+"/recorded", obj["recorded"])
	c.duration(at+"/duration", obj["duration"])
	if lang, ok := obj["language"].(string); ok {
		c.language(at+"/language", lang)
	}
	videos := asList(obj["videos"])
	for i, v := range videos {
		v, ok := v.(map[string]any)
		if !ok {
			continue
		}
		ptr := index(at+"/videos", i)
		c.webURL(ptr+"/url", v["url"])
		c.duration(ptr+"/duration", v["duration"])
		if lang, ok := v["language"].(string); ok {
			c.language(ptr+"/language", lang)
		}
	}
	for _, list := range []string{"slides", "links"} {
		for i, l := range asList(obj[list]) {
			if l, ok := l.(map[string]any); ok {
				c.linkURL(index(at+"/"+list, i)+"/url", l["url"])
			}
		}
	}
	c.thumbnail(at+"/thumbnail", obj["thumbnail"], len(videos) > 0)
	if rec, _ := obj["recording"].(string); rec != "" && len(videos) > 0 {
		c.check(at+"/recording", "recording", Warning,
			fmt.Sprintf("recording: %q says there is no recording, but the talk has %d video(s)", rec, len(videos)))
	}
	if obj["markup"] == "rst" {
		for _, field := range []string{"summary", "description"} {
			if s, ok := obj[field].(string); ok {
				c.rst(at+"/"+field, s)
			}
		}
	}
	for i, p := range asList(obj["parts"]) {
		if p, ok := p.(map[string]any); ok {
			c.talkmetaTalk(index(at+"/parts", i), p)
		}
	}
}

// speaker checks a talkmeta speaker record or a talk's speaker object.
func (c *checker) speaker(at string, doc any) { c.speakerAt(at, doc) }

func (c *checker) speakerAt(at string, doc any) {
	obj, ok := doc.(map[string]any)
	if !ok {
		return
	}
	c.speakerName(at+"/name", obj["name"], c.v.PreferredNames)
	c.webURL(at+"/homepage", obj["homepage"])
	c.webURL(at+"/image", obj["image"])
	for i, a := range asList(obj["accounts"]) {
		if a, ok := a.(map[string]any); ok {
			c.webURL(index(at+"/accounts", i)+"/url", a["url"])
		}
	}
	if id, ok := obj["orcid"].(string); ok && !validORCID(id) {
		c.check(at+"/orcid", "orcid", Error,
			fmt.Sprintf("%s: %q has a wrong check digit; copy the iD from orcid.org", describePointer(at+"/orcid"), id))
	}
}

func (c *checker) talkmetaEvent(at string, obj map[string]any) {
	c.spaces(at+"/title", obj["title"])
	c.webURL(at+"/url", obj["url"])
	for _, f := range []string{"start", "end"} {
		if s, ok := obj[f].(string); ok {
			c.date(at+"/"+f, s)
		}
	}
	c.dateRange(at, obj, "start", "end")
}

// speakerName checks a speaker's name: not empty, no stray spaces, not
// one the archive replaces.
func (c *checker) speakerName(ptr string, v any, preferred map[string]string) {
	name, ok := v.(string)
	if !ok {
		return
	}
	if strings.TrimSpace(name) == "" {
		c.check(ptr, "empty-name", Warning, describePointer(ptr)+": the name is empty")
		return
	}
	c.spaces(ptr, name)
	if to, ok := preferred[name]; ok {
		c.check(ptr, "speaker-name", Error, fmt.Sprintf("%s: write %q, not %q", describePointer(ptr), to, name))
	}
}

// spaces warns about leading or trailing white space, which makes titles
// and names sort and compare wrongly.
func (c *checker) spaces(ptr string, v any) {
	s, ok := v.(string)
	if !ok || s == "" {
		return
	}
	if strings.TrimFunc(s, unicode.IsSpace) != s {
		c.check(ptr, "whitespace", Warning, fmt.Sprintf("%s: %s has leading or trailing white space", describePointer(ptr), valueText(s)))
	}
}

// recorded checks a talk's date: present, and a real one.
func (c *checker) recorded(ptr string, v any) {
	if v == nil {
		c.check(ptr, "no-date", Warning, describePointer(ptr)+" is missing or null; pages and citations will show no date")
		return
	}
	if s, ok := v.(string); ok {
		c.date(ptr, s)
	}
}

// date checks that s names a real day (2016-02-30 does not).
func (c *checker) date(ptr, s string) {
	if _, err := talk.ParseDate(s); err != nil {
		c.check(ptr, "date", Error, fmt.Sprintf("%s: %s is not a real date", describePointer(ptr), valueText(s)))
	}
}

// dateRange checks that an event does not end before it starts.
func (c *checker) dateRange(at string, obj map[string]any, startName, endName string) {
	s, _ := obj[startName].(string)
	e, _ := obj[endName].(string)
	start, err1 := talk.ParseDate(s)
	end, err2 := talk.ParseDate(e)
	if err1 != nil || err2 != nil || start.IsZero() || end.IsZero() {
		return
	}
	if end.Time().Before(start.Day().Time()) {
		c.check(at+"/"+endName, "date", Error,
			fmt.Sprintf("%s: the event ends (%s) before it starts (%s)", describePointer(at+"/"+endName), e, s))
	}
}

// duration checks an ISO 8601 duration: whole seconds.
func (c *checker) duration(ptr string, v any) {
	s, ok := v.(string)
	if !ok {
		return
	}
	d, err := talk.ParseDuration(s)
	if err != nil {
		c.check(ptr, "duration", Error, fmt.Sprintf("%s: %s: %v", describePointer(ptr), valueText(s), err))
		return
	}
	if sec := d.Seconds(); sec != math.Trunc(sec) {
		c.check(ptr, "duration", Error, fmt.Sprintf("%s: %s is not a whole number of seconds", describePointer(ptr), valueText(s)))
	}
}

// language checks a language code against the allowed list, or, without
// one, that it exists: ISO 639-3 in the pyvideo profile, BCP 47 otherwise.
func (c *checker) language(ptr, code string) {
	where := describePointer(ptr)
	if c.v.Languages != nil {
		if !slices.Contains(c.v.Languages, code) {
			c.check(ptr, "language", Error, fmt.Sprintf("%s: %q is not in the list of allowed languages", where, code))
		}
		return
	}
	if c.v.Profile == Pyvideo {
		base, err := language.ParseBase(code)
		if len(code) != 3 || err != nil || base.ISO3() != code {
			c.check(ptr, "language", Error, fmt.Sprintf("%s: %q is not an ISO 639-3 language code (such as eng, spa, jpn)", where, code))
		}
		return
	}
	if !talk.Language(code).Valid() {
		c.check(ptr, "language", Error, fmt.Sprintf("%s: %q is not a known BCP 47 language tag (such as en, pt-BR)", where, code))
	}
}

// thumbnail checks a thumbnail URL, and warns when a talk with videos has
// none: link previews and video search results need one.
func (c *checker) thumbnail(ptr string, v any, hasVideos bool) {
	if s, _ := v.(string); v == nil || strings.TrimSpace(s) == "" {
		if hasVideos {
			c.check(ptr, "no-thumbnail", Warning, describePointer(ptr)+" is missing or empty; link previews and video search results need a thumbnail")
		}
		return
	}
	c.webURL(ptr, v)
}

// webURL checks a URL that pages embed or link to as is: it must be
// absolute http or https.
func (c *checker) webURL(ptr string, v any) {
	s, ok := c.urlText(ptr, v)
	if ok && !weburl.Is(s) {
		c.check(ptr, "url", Error, fmt.Sprintf("%s: %s is not an absolute http(s) URL", describePointer(ptr), valueText(s)))
	}
}

// linkURL checks a related link: absolute http(s), or relative (legal,
// but it resolves against whichever page shows it: a warning). A link
// that does not parse is an error, except in the pyvideo profile, whose
// site links it as written and whose CI lets it pass: a warning there.
func (c *checker) linkURL(ptr string, v any) {
	s, ok := c.urlText(ptr, v)
	if !ok || weburl.Is(s) {
		return
	}
	where := describePointer(ptr)
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
		c.check(ptr, "url", Warning, fmt.Sprintf("%s: %s is relative; it resolves against whichever page shows it", where, valueText(s)))
	default:
		c.check(ptr, "url", Error, fmt.Sprintf("%s: %s is not an http(s) URL", where, valueText(s)))
	}
}

// urlText returns the URL at ptr without surrounding white space, warning
// when there is some: browsers strip it, other programs do not.
func (c *checker) urlText(ptr string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		return "", false
	}
	if t := strings.TrimSpace(s); t != s {
		c.check(ptr, "whitespace", Warning, fmt.Sprintf("%s: %s has white space around it", describePointer(ptr), valueText(s)))
		s = t
	}
	return s, true
}

// validORCID checks an ORCID iD's ISO 7064 11,2 check digit.
func validORCID(id string) bool {
	digits := strings.ReplaceAll(id, "-", "")
	if len(digits) != 16 {
		return false
	}
	total := 0
	for _, r := range digits[:15] {
		if r < '0' || r > '9' {
			return false
		}
		total = (total + int(r-'0')) * 2
	}
	check := (12 - total%11) % 11
	want := byte('0' + check)
	if check == 10 {
		want = 'X'
	}
	return digits[15] == want
}

// unknownMembers warns about members the schema does not know, which the
// archive's site ignores: often a typo ("related_url").
func (c *checker) unknownMembers(at string, obj map[string]any, id, consequence string) {
	cs, err := load()
	if err != nil {
		return
	}
	props, _ := schemaValue(cs, id+"#/properties").(map[string]any)
	for _, name := range sortedKeys(obj) {
		if _, ok := props[name]; !ok {
			c.check(pointerJoin(at, name), "unknown", Warning, fmt.Sprintf("unknown member %q: %s", name, consequence))
		}
	}
}

package html

import (
	"net/url"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// URLs says where a site's pages are: the path of the index and of each
// event's, talk's and speaker's page, such as "/events/europython-2016.html".
// Paths are relative to [Renderer.BaseURL] (which may itself end in a
// directory, "https://example.org/talks"); a path that is an absolute
// http(s) URL is used as it is. A method returns "" for a page the site
// does not have, and pages then do not link to it.
//
// Implementations must be safe for concurrent use; [PyvideoURLs], the
// default, is.
type URLs interface {
	// Index returns the path of the index of events.
	Index() string
	// Event returns the path of e's page, which lists its talks.
	Event(e *talk.Event) string
	// Talk returns the path of t's page; t.Event is the talk's event.
	Talk(t *talk.Talk) string
	// Speaker returns the path of the page that lists s's talks.
	Speaker(s *talk.Speaker) string
}

// PyvideoURLs lays a site out as pyvideo.org does, and is what a
// [Renderer] uses when its URLs field is nil:
//
//	/index.html                       the index of events
//	/events/<event slug>.html         an event
//	/<event slug>/<talk slug>.html    a talk: pyvideo.URLPath
//	/speaker/<speaker slug>.html      a speaker
//
// The event slug is [pyvideo.Slugify] of the event's title; the talk slug
// is the talk's own Slug, or Slugify of its title; the speaker slug is the
// speaker's own Slug, or Slugify of the name. So whenever an event and a
// talk have a title with letters or digits, a talk's path is exactly
// [pyvideo.URLPath], unless its Slug is not one safe path segment (below).
// Where pyvideo.org would make an empty slug ("/x/.html"
// for a title of emoji only), PyvideoURLs falls back to the Slugified
// ID (of the event, of the talk) and otherwise has no page; an event with
// neither gets pyvideo's "undefined", but a talk whose event has no title
// is placed, as pyvideo.org places it, by its legacy category when it has
// one ([pyvideo.TalkURLPath]). A talk or speaker slug from the
// source that is not one safe path segment (it holds "/", "\" or a
// control character, or is "." or "..") is Slugified: pyvideo.URLPath
// keeps "a/b", a page in another directory, where PyvideoURLs makes "ab".
//
// Two talks or speakers can share a path ("C" and "C++" both slug to "c");
// a site builder should check for that. Speakers who share a slug share a
// page, which is what makes a speaker page list talks across events.
type PyvideoURLs struct{}

// Index returns "/index.html".
func (PyvideoURLs) Index() string { return "/index.html" }

// Event returns "/events/<event slug>.html", or "" for a nil e.
func (PyvideoURLs) Event(e *talk.Event) string {
	if e == nil {
		return ""
	}
	return pyvideoEventPath(eventSlug(e))
}

// pyvideoEventPath is PyvideoURLs.Event, given the event's slug.
func pyvideoEventPath(eventSlug string) string {
	return "/events/" + eventSlug + ".html"
}

// Talk returns "/<event slug>/<talk slug>.html", or "" when the talk has
// no title, slug or ID to make a slug of. For an event without a title the
// event slug is, as on pyvideo.org ([pyvideo.TalkURLPath]), that of the
// talk's legacy category when it has one. A nil t has no page: "".
func (PyvideoURLs) Talk(t *talk.Talk) string {
	if t == nil {
		return ""
	}
	forTalk, _ := eventSlugs(t)
	return pyvideoTalkPath(t, forTalk)
}

// pyvideoTalkPath is PyvideoURLs.Talk, given the event's slug.
func pyvideoTalkPath(t *talk.Talk, eventSlug string) string {
	s := segment(t.Slug)
	if s == "" {
		s = pyvideo.Slugify(t.Title)
	}
	if s == "" {
		s = pyvideo.Slugify(t.ID)
	}
	if s == "" {
		return ""
	}
	return "/" + eventSlug + "/" + s + ".html"
}

// Speaker returns "/speaker/<speaker slug>.html", the slug of the
// speaker's slug member or else of [talk.Speaker.SlugSource] (the name
// pages show, a handle without its "@"), or "" for a name that has no
// letters or digits, or for a nil s.
func (PyvideoURLs) Speaker(s *talk.Speaker) string {
	if s == nil {
		return ""
	}
	slug := segment(s.Slug)
	if slug == "" {
		slug = pyvideo.Slugify(s.SlugSource())
	}
	if slug == "" {
		return ""
	}
	return "/speaker/" + slug + ".html"
}

func eventSlug(e *talk.Event) string {
	if s := pyvideo.Slugify(e.Title); s != "" {
		return s
	}
	return eventSlugByID(e)
}

// eventSlugByID is the slug of an event without a title.
func eventSlugByID(e *talk.Event) string {
	if s := pyvideo.Slugify(e.ID); s != "" {
		return s
	}
	return "undefined"
}

// eventSlugs returns the event slug of t's path and that of its event's
// page. They differ for an event without a title, whose talks' paths take,
// as on pyvideo.org, the slug of their legacy category when they have one.
func eventSlugs(t *talk.Talk) (forTalk, forEvent string) {
	if s := pyvideo.Slugify(t.Event.Title); s != "" {
		return s, s
	}
	forEvent = eventSlugByID(&t.Event)
	if s := pyvideo.Slugify(t.Legacy.Category); s != "" {
		return s, forEvent
	}
	return forEvent, forEvent
}

// segment returns a slug given by a source, trimmed, when it can be one
// path segment as it is, and otherwise its Slugified form.
func segment(slug string) string {
	slug = strings.TrimSpace(slug)
	if slug == "" {
		return ""
	}
	if slug == "." || slug == ".." || strings.ContainsFunc(slug, func(r rune) bool {
		return r == '/' || r == '\\' || r < 0x20 || r == 0x7f
	}) {
		return pyvideo.Slugify(slug)
	}
	return slug
}

// talkPaths returns the paths of t's page and of its event's ("" for no
// event) from the Renderer's URLs: with PyvideoURLs, from one slug of the
// event's title for both, which is most of what either costs.
func (r *Renderer) talkPaths(t *talk.Talk) (talkPath, eventPath string) {
	if t == nil {
		return "", ""
	}
	if r.URLs != nil {
		talkPath = r.URLs.Talk(t)
		if !t.Event.IsZero() {
			eventPath = r.URLs.Event(&t.Event)
		}
		return talkPath, eventPath
	}
	forTalk, forEvent := eventSlugs(t)
	if !t.Event.IsZero() {
		eventPath = pyvideoEventPath(forEvent)
	}
	return pyvideoTalkPath(t, forTalk), eventPath
}

func (r *Renderer) urls() URLs {
	if r.URLs != nil {
		return r.URLs
	}
	return PyvideoURLs{}
}

// href turns a page path from URLs into the URL pages link to: the path
// below BaseURL with each segment percent-encoded, or an absolute http(s)
// URL as it is. It returns "" for no page.
func (r *Renderer) href(p string) string {
	if p == "" {
		return ""
	}
	// A path from the root, what URLs gives, has neither scheme nor host;
	// anything else may be an absolute URL.
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		if u, err := url.Parse(p); err == nil && (u.Scheme != "" || u.Host != "") {
			return safeURL(p)
		}
	}
	rest := strings.TrimPrefix(p, "/")
	base := strings.TrimSuffix(r.BaseURL, "/")
	if !pathNeedsEscape(rest) {
		// Most paths: each segment is its own escape, and a path from the
		// root below no BaseURL is its own URL.
		if base == "" && len(rest) < len(p) {
			return p
		}
		return base + "/" + rest
	}
	segs := strings.Split(rest, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return base + "/" + strings.Join(segs, "/")
}

// pathNeedsEscape reports whether url.PathEscape changes a segment of
// path, the segments' "/" aside: whether it holds a byte other than the
// letters, digits and "-._~$&+:=@" that it leaves as they are.
func pathNeedsEscape(path string) bool {
	for i := 0; i < len(path); i++ {
		if !pathKeeps[path[i]] {
			return true
		}
	}
	return false
}

// pathKeeps marks the bytes pathNeedsEscape passes: those url.PathEscape
// leaves as they are, and "/".
var pathKeeps = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~$&+:=@/", byte(c)) >= 0
	}
	return t
}()

package html

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strings"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

// The JSON-LD of pages comes from talk/jsonld, with the addresses only
// this package knows: the page's own and its talks'. jsonld escapes "<",
// ">" and "&" in its output, so it cannot end the script element.

// ldOptions are talk/jsonld's options for a page at pagePath.
func (r *Renderer) ldOptions(pagePath string) jsonld.Options {
	urls := r.urls()
	return jsonld.Options{
		BaseURL:    r.BaseURL,
		PageURL:    r.absoluteURL(pagePath),
		TalkURL:    func(t *talk.Talk) string { return r.absoluteURL(urls.Talk(t)) },
		SpeakerURL: r.speakerURLs(),
	}
}

// JSONLDOptions returns the options t's page (as [Renderer.WriteTalk]
// writes it with opt) writes its JSON-LD with: the site's base URL, the
// page's own address, its speakers' pages, and its description as the
// text the page shows of it. A server that offers a
// talk's graph apart from its page, as application/ld+json, writes it
// with them, so that both say the same.
func (r *Renderer) JSONLDOptions(t *talk.Talk, opt PageOptions) jsonld.Options {
	talkPath, _ := r.talkPaths(t)
	return r.talkLDOptions(r.canonical(talkPath, opt))
}

// EventJSONLDOptions returns the options ev's page (as
// [Renderer.WriteEvent] writes it) writes its JSON-LD with, as
// JSONLDOptions does for a talk's: a server that offers the event's
// graph apart from its page writes it with them, so that both say the
// same.
func (r *Renderer) EventJSONLDOptions(ev *talk.Event) jsonld.Options {
	return r.ldOptions(r.urls().Event(ev))
}

// SpeakerJSONLDOptions returns the options s's page (as
// [Renderer.WriteSpeaker] writes it) writes its JSON-LD with, as
// EventJSONLDOptions does for an event's.
func (r *Renderer) SpeakerJSONLDOptions(s *talk.Speaker) jsonld.Options {
	return r.ldOptions(r.urls().Speaker(s))
}

// talkLDOptions are JSONLDOptions, given the page's canonical URL.
func (r *Renderer) talkLDOptions(canonical string) jsonld.Options {
	opt := jsonld.Options{BaseURL: r.BaseURL, SpeakerURL: r.speakerURLs(), PlainDescription: plainDescription}
	if strings.HasPrefix(canonical, "http://") || strings.HasPrefix(canonical, "https://") {
		opt.PageURL = canonical
	}
	return opt
}

// describeMarkup sets what p, pageTalk's page, says of its description
// in markup, rendered as the HTML rendered: the meta description, unless
// the summary is that, and the graph's plain descriptions. Without a
// summary both are the text the page shows, which is read once for the
// two.
func describeMarkup[T ~string | []byte](p *page, pageTalk *talk.Talk, rendered T) {
	if p.Head.Description != "" {
		return // the summary's, as is the graph's description of pageTalk
	}
	text := visibleText(rendered)
	p.Head.Description = shorten(text)
	p.ldOptions.PlainDescription = func(t *talk.Talk) string {
		if t == pageTalk {
			return text
		}
		return plainDescription(t)
	}
}

// plainDescription is a graph's PlainDescription: a description in
// markup as the text a reader sees of it on a page, any other as it is.
func plainDescription(t *talk.Talk) string {
	if !isMarkup(t.Description, t.Markup) {
		return t.Description
	}
	b := bufpool.Get()
	defer bufpool.Put(b)
	if err := writeMarkup(b, t.Description, t.Markup, descriptionLevel); err != nil {
		// Only a write error, which a buffer has not: the text as
		// written says all the markup would.
		return t.Description
	}
	return visibleText(b.Bytes())
}

// speakerURLs gives the absolute addresses of speakers' pages for the
// JSON-LD's Persons; nil without a BaseURL, when pages have no absolute
// address to give.
func (r *Renderer) speakerURLs() func(*talk.Speaker) string {
	if r.BaseURL == "" {
		return nil
	}
	urls := r.urls()
	return func(s *talk.Speaker) string { return r.absoluteURL(urls.Speaker(s)) }
}

// talkJSONLD is the graph of t's page.
func talkJSONLD(t *talk.Talk, opt jsonld.Options) (htmltemplate.JS, error) {
	return scriptJSON(func(w io.Writer) error {
		_, err := jsonld.Write(w, t, opt)
		return err
	})
}

func (r *Renderer) eventJSONLD(ev *talk.Event, talks []*talk.Talk) (htmltemplate.JS, error) {
	return scriptJSON(func(w io.Writer) error {
		return jsonld.WriteEvent(w, ev, talks, r.EventJSONLDOptions(ev))
	})
}

func (r *Renderer) speakerJSONLD(s *talk.Speaker, talks []*talk.Talk) (htmltemplate.JS, error) {
	return scriptJSON(func(w io.Writer) error {
		return jsonld.WriteSpeaker(w, s, talks, r.SpeakerJSONLDOptions(s))
	})
}

// scriptJSON returns what write writes, for a script element: written into
// a pooled buffer, so that the page keeps one copy of exactly its size.
func scriptJSON(write func(io.Writer) error) (htmltemplate.JS, error) {
	b := bufpool.Get()
	defer bufpool.Put(b)
	if err := write(b); err != nil {
		return "", fmt.Errorf("html: %w", err)
	}
	return htmltemplate.JS(bytes.TrimSpace(b.Bytes())), nil
}

// absoluteURL is href for JSON-LD, which wants absolute URLs: "" unless
// BaseURL makes it absolute.
func (r *Renderer) absoluteURL(p string) string {
	u := r.href(p)
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return ""
	}
	return u
}

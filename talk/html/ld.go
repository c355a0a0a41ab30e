package html

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

// The JSON-LD of event and speaker pages comes from talk/jsonld, with the
// addresses only this package knows: the page's own and its talks'.
// jsonld escapes "<", ">" and "&" in its output, so it cannot end the
// script element.

// ldOptions are talk/jsonld's options for a page at pagePath.
func (r *Renderer) ldOptions(pagePath string) jsonld.Options {
	urls := r.urls()
	return jsonld.Options{
		BaseURL: r.BaseURL,
		PageURL: r.absoluteURL(pagePath),
		TalkURL: func(t *talk.Talk) string { return r.absoluteURL(urls.Talk(t)) },
	}
}

func (r *Renderer) eventJSONLD(ev *talk.Event, talks []*talk.Talk) (htmltemplate.JS, error) {
	b, err := jsonld.MarshalEvent(ev, talks, r.ldOptions(r.urls().Event(ev)))
	if err != nil {
		return "", fmt.Errorf("html: %w", err)
	}
	return htmltemplate.JS(bytes.TrimSpace(b)), nil
}

func (r *Renderer) speakerJSONLD(s *talk.Speaker, talks []*talk.Talk) (htmltemplate.JS, error) {
	b, err := jsonld.MarshalSpeaker(s, talks, r.ldOptions(r.urls().Speaker(s)))
	if err != nil {
		return "", fmt.Errorf("html: %w", err)
	}
	return htmltemplate.JS(bytes.TrimSpace(b)), nil
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

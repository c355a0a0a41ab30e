package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// crossOrigin is which other origins' web pages may read the server's
// responses from a script ("cross-origin resource sharing", in the Fetch
// standard's words), as a conference's own site might fetch a talk's
// citations or JSON-LD from the archive: none unless the -cors flag
// names them. Its zero value allows none, and adds nothing to a response.
type crossOrigin struct {
	any     bool            // every origin ("*")
	origins map[string]bool // the origins allowed, serialized as browsers send them
}

// parseOrigins reads the -cors flag: "*", or a comma-separated list of
// origins (scheme, host and port, as "https://conf.example.org" or
// "http://localhost:3000"). An origin's host is compared in lower case,
// and a scheme's default port may be given or not, as a browser's Origin
// header leaves it out.
func parseOrigins(s string) (crossOrigin, error) {
	var c crossOrigin
	if strings.TrimSpace(s) == "*" {
		c.any = true
		return c, nil
	}
	for o := range strings.SplitSeq(s, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		origin, err := serializeOrigin(o)
		if err != nil {
			return crossOrigin{}, fmt.Errorf("-cors: %w", err)
		}
		if c.origins == nil {
			c.origins = make(map[string]bool)
		}
		c.origins[origin] = true
	}
	return c, nil
}

// serializeOrigin returns the origin o as a browser's Origin header names
// it, or an error saying why o is not an http or https origin.
func serializeOrigin(o string) (string, error) {
	u, err := url.Parse(o)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", fmt.Errorf("%q is not an origin: %w", o, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("%q is not an origin: it needs http:// or https:// and a host, as https://conf.example.org", o)
	}
	if u.User != nil || u.Path != "" && u.Path != "/" || strings.ContainsAny(o, "?#") {
		return "", fmt.Errorf("%q is not an origin, which is a scheme, a host and a port only: no user, path, query or fragment", o)
	}
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // an IPv6 address
	}
	if port := u.Port(); port != "" && !(u.Scheme == "http" && port == "80" || u.Scheme == "https" && port == "443") {
		host += ":" + port
	}
	return u.Scheme + "://" + host, nil
}

// allows reports whether a page of origin, as a request's Origin header
// names it, may read the responses.
func (c crossOrigin) allows(origin string) bool {
	return origin != "" && (c.any || c.origins[origin])
}

// preflightHeaders are the request headers a script may send, which a
// browser asks leave for first: the conditional and range requests the
// handler answers (Accept and a plain Range need none, but are listed
// for browsers that ask all the same).
const preflightHeaders = "Accept, If-Match, If-Modified-Since, If-None-Match, If-Range, If-Unmodified-Since, Range"

// serve serves req with next, saying which origins may read the response.
// A browser's preflight request (OPTIONS with
// Access-Control-Request-Method) from an allowed origin is answered here,
// for any path: whether the path has a page is for the request itself to
// find out, as a 404 a script can read.
//
// With any origin allowed, every response says so, whether the request
// named an origin or not: the response does not depend on it, and says
// no "Vary: Origin", so a cache (a CDN's, or the browser's own, after the
// page of the archive's own origin fetched it) gives its copy of a
// response to a request without Origin to scripts of other origins too.
func (c crossOrigin) serve(w http.ResponseWriter, req *http.Request, next http.Handler) {
	if !c.any && len(c.origins) == 0 {
		next.ServeHTTP(w, req)
		return
	}
	hd := w.Header()
	if !c.any {
		// A cache must not give one origin's response to another.
		hd.Add("Vary", "Origin")
	}
	origin := req.Header.Get("Origin")
	switch {
	case c.any:
		hd.Set("Access-Control-Allow-Origin", "*")
	case c.allows(origin):
		hd.Set("Access-Control-Allow-Origin", origin)
	default:
		next.ServeHTTP(w, req)
		return
	}
	if origin != "" && req.Method == http.MethodOptions && req.Header.Get("Access-Control-Request-Method") != "" {
		setCommonHeaders(hd)
		hd.Set("Access-Control-Allow-Methods", "GET, HEAD")
		hd.Set("Access-Control-Allow-Headers", preflightHeaders)
		hd.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	// A script reads the safelisted headers (Content-Type, Last-Modified,
	// Cache-Control...) without leave; these it needs for conditional
	// and range requests.
	hd.Set("Access-Control-Expose-Headers", "ETag, Content-Range, Accept-Ranges")
	next.ServeHTTP(w, req)
}

package talk

import (
	"encoding/json"
	"net/url"
	"path"
	"strings"
)

// Video is one recording of a talk.
type Video struct {
	// Provider names who hosts the recording, in lower case: one of the
	// Provider constants, or another host's name as the source gives it.
	Provider string
	URL      string // the player's page, or the file for a download
	// ID is the provider's identifier of the video ("m28fiN9y_r8" on
	// YouTube); see [VideoID].
	ID string
	// Format is the container of a file download ("mp4", "webm"), "" for
	// players.
	Format   string
	Language Language // when the recording's language differs from the talk's
	Duration Duration // the recording's length, when the source gives it; zero when unknown
	Size     int64    // bytes; 0 when unknown

	// Extra holds JSON members the model has no field for; see [Talk.Extra].
	Extra map[string]json.RawMessage
}

// Well-known video providers. [Video.Provider] may hold others.
const (
	YouTube    = "youtube"
	Vimeo      = "vimeo"
	ArchiveOrg = "archive.org"
	PeerTube   = "peertube"
	File       = "file" // a plain media file; see [Video.Format]
)

// VideoID returns the provider and the provider's video id for a video URL:
// YouTube (watch, youtu.be, embed, shorts, live and nocookie forms), Vimeo
// (vimeo.com/123 and player URLs), archive.org (details and download
// URLs) and direct media files (the file name). It returns two empty
// strings for a URL it does not recognise.
func VideoID(rawURL string) (provider, id string) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Host == "" {
		return "", ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	switch host {
	case "youtube.com", "youtube-nocookie.com", "music.youtube.com":
		if v := u.Query().Get("v"); v != "" {
			return YouTube, v
		}
		if len(segs) == 2 && (segs[0] == "embed" || segs[0] == "v" || segs[0] == "shorts" || segs[0] == "live") &&
			segs[1] != "videoseries" && segs[1] != "live_stream" { // a playlist's and a channel's player
			return YouTube, segs[1]
		}
	case "youtu.be":
		if len(segs) >= 1 {
			return YouTube, segs[0]
		}
	case "vimeo.com", "player.vimeo.com":
		// vimeo.com/123 and an unlisted vimeo.com/123/0a1b2c (whose hash
		// may be all digits); otherwise the last number that is not a
		// collection's: vimeo.com/showcase/7/video/123, channels/x/123.
		if len(segs) > 0 && isDigits(segs[0]) {
			return Vimeo, segs[0]
		}
		for i := len(segs) - 1; i > 0; i-- {
			if isDigits(segs[i]) && !vimeoCollections[segs[i-1]] {
				return Vimeo, segs[i]
			}
		}
	case "archive.org":
		if len(segs) >= 2 && (segs[0] == "details" || segs[0] == "download" || segs[0] == "embed") {
			return ArchiveOrg, segs[1]
		}
	}
	if ext := strings.TrimPrefix(strings.ToLower(path.Ext(u.Path)), "."); IsMediaFormat(ext) {
		return File, path.Base(u.Path)
	}
	return "", ""
}

// vimeoCollections are the Vimeo paths whose next segment is the number
// of something other than a video.
var vimeoCollections = map[string]bool{
	"showcase": true, "album": true, "channels": true, "groups": true, "event": true, "user": true,
}

// IsMediaFormat reports whether format, a file extension in lower case
// without the dot ("mp4", "webm", "opus"), names a media container that
// browsers or players can play directly: the files [VideoID] recognises
// (as [File]), and the values of [Video.Format] a reader takes for a file
// rather than a host, as pyvideo's video "type" gives either.
func IsMediaFormat(format string) bool {
	switch format {
	case "mp4", "m4v", "webm", "ogv", "ogg", "mkv", "flv", "mov", "avi", "mp3", "m4a", "opus":
		return true
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

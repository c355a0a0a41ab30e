package rubyevents

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
	"go.yaml.in/yaml/v3"
)

// idPlace is where a talk's id is: its file and the line and column of
// its item.
type idPlace struct {
	path      string
	line, col int
}

// idError reports a talk whose id an earlier talk has, at first, as
// "id "a" is also the id of the talk at line 1, column 3" in the same
// file, and with first's file in another. The place of the first is a
// [*talk.RecordError], which Unwrap returns and the message is made of
// when asked for, so that a caller that names the files of errors anew
// (as a program names them to its user, below the directory it read)
// finds the new name in the message too.
type idError struct {
	id    string
	at    *talk.RecordError // the error of the talk reported, which holds this one
	first *talk.RecordError
}

func (e *idError) Error() string {
	at := fmt.Sprintf("line %d, column %d", e.first.Line, e.first.Column)
	if e.first.Path != e.at.Path {
		at = fmt.Sprintf("%s:%d:%d", e.first.Path, e.first.Line, e.first.Column)
	}
	return fmt.Sprintf("rubyevents: id %q is also the id of the talk at %s; RubyEvents' ids name one talk each: give one of them another", e.id, at)
}

// Unwrap returns the place of the first talk of the id.
func (e *idError) Unwrap() error { return e.first }

// ParseVideos reads data/<series>/<event>/videos.yml: the event's talks,
// each with the event ev and its speakers resolved through speakers
// (which may be nil). path names the file in errors. ev may be nil, for
// a videos.yml read without its event.yml: the talks' event then has only
// its ID, the name of the directory the file is in, as [ParseEvent] would
// give it. A talk or a part of one whose id another talk or part of the
// file has is reported (RubyEvents' ids name one talk each), and read.
func ParseVideos(data []byte, path string, ev *talk.Event, speakers Speakers) ([]*talk.Talk, error) {
	return parseVideos(data, path, ev, &lookup{speakers: speakers}, map[string]idPlace{})
}

// parseVideos is ParseVideos, with the directory's lookup, which every
// file of a data directory shares, and the place of each talk id read so
// far, in this file or others, which it adds to.
func parseVideos(data []byte, path string, ev *talk.Event, speakers *lookup, ids map[string]idPlace) ([]*talk.Talk, error) {
	var errs talk.ErrorList
	f := &file{path: path, errs: &errs}
	if ev == nil {
		ev = &talk.Event{ID: dirName(path)}
	}
	f.ids = ids
	var talks []*talk.Talk
	for _, item := range f.list(f.parse(data), "videos") {
		t := f.talk(item, speakers, 0)
		// Each talk its own Extra map, so that changing one talk's
		// event changes no other's.
		t.Event = *ev
		t.Event.Extra = maps.Clone(ev.Extra)
		t.Event.Origin.Raw = slices.Clip(ev.Origin.Raw)
		talks = append(talks, t)
	}
	return talks, errs.Err()
}

// maxParts bounds the nesting of talks within talks.
const maxParts = 8

func (f *file) talk(n *yaml.Node, speakers *lookup, depth int) *talk.Talk {
	t := &talk.Talk{Origin: talk.Origin{Format: FormatName, Path: f.path}}
	var provider, videoID string
	var providerNode *yaml.Node
	start, end := -1, -1           // start_cue and end_cue in seconds; -1 when not given
	smaller := map[string]string{} // thumbnail_lg, _md, _sm and _xs given as text
	var endNode *yaml.Node
	// text reads a scalar, keeping a value of the wrong kind in Extra.
	text := func(v *yaml.Node, k string) string {
		s, _ := f.keptText(v, k, &t.Extra, talkFields)
		return s
	}
	members := f.pairs(n)
	f.noteID(n, members)
	for _, kv := range members {
		k, v := kv[0].Value, kv[1]
		switch k {
		case "id":
			t.ID = text(v, k)
		case "title":
			t.Title = text(v, k)
		case "slug":
			t.Slug = text(v, k)
		case "kind":
			t.Kind = text(v, k)
		case "track":
			t.Track = text(v, k)
		case "description":
			t.Description = text(v, k)
		case "location":
			t.Place.Room = text(v, k)
		case "date":
			t.Recorded = f.date(v, k, &t.Extra)
		case "language":
			if s := text(v, k); s != "" {
				if l, ok := Language(s); ok {
					t.Language = l
				} else {
					f.add(v, "language %q is not one the importer knows", s)
					f.setExtra(&t.Extra, talkFields, k, v)
				}
			}
		case "speakers":
			// A value of the wrong kind is reported and kept whole in
			// Extra; so is an item of the wrong kind, with its index,
			// and an empty one (null, ""), which makes no speaker, is
			// kept so too, so that the list can be made again.
			if !isList(v) {
				f.setExtra(&t.Extra, talkFields, k, v)
			}
			list := f.list(v, k)
			var left []int
			for i, s := range list {
				name, ok := f.text(s, "speakers: speaker")
				// A name of spaces only is none, as RubyEvents reads it.
				if !ok || strings.TrimSpace(name) == "" {
					left = append(left, i)
					continue
				}
				sp, known := speakers.find(name)
				if !known {
					sp = talk.Speaker{Name: strings.TrimSpace(name)}
				}
				// The directory's speaker is every talk's of theirs:
				// each gets its own Extra and Accounts to change.
				sp.Extra, sp.Accounts = maps.Clone(sp.Extra), slices.Clone(sp.Accounts)
				t.Speakers = append(t.Speakers, sp)
			}
			f.setExtraItems(&t.Extra, talkFields, k, list, left)
		case "video_provider":
			provider = text(v, k)
			providerNode = v
		case "video_id":
			videoID, _ = f.text(v, k)
			f.setExtra(&t.Extra, talkFields, k, v)
		case "slides_url":
			if s := text(v, k); s != "" {
				t.Slides = append(t.Slides, talk.Link{URL: s})
			}
		case "duration_in_seconds":
			if s := text(v, k); s != "" {
				if secs, err := strconv.ParseFloat(s, 64); err == nil && secs >= 0 && secs < 1e9 {
					t.Duration = talk.Duration(secs * float64(time.Second))
				} else {
					f.add(v, "duration_in_seconds %q is not a number of seconds", s)
					f.setExtra(&t.Extra, talkFields, k, v)
				}
			}
		case "start_cue", "end_cue":
			// Kept as written; read for the part's Duration and the
			// place of its video in its block's.
			cue := text(v, k)
			f.setExtra(&t.Extra, talkFields, k, v)
			secs, ok := cueSeconds(cue)
			switch {
			case ok && k == "start_cue":
				start = secs
			case ok:
				end, endNode = secs, v
			case cue != "" && cue != "TODO":
				f.add(v, "%s %q is not a time in the video (MM:SS or HH:MM:SS)", k, cue)
			}
		case "thumbnail_xl":
			t.Thumbnail = text(v, k)
		case "thumbnail_lg", "thumbnail_md", "thumbnail_sm", "thumbnail_xs":
			f.setExtra(&t.Extra, talkFields, k, v)
			if v != nil && v.Kind == yaml.ScalarNode && v.ShortTag() != "!!null" {
				smaller[k] = v.Value
			}
		case "alternative_recordings":
			for _, r := range f.list(v, k) {
				t.Videos = append(t.Videos, f.recording(r)...)
			}
			f.setExtra(&t.Extra, talkFields, k, v)
		case "additional_resources":
			for _, r := range f.list(v, k) {
				var l talk.Link
				for _, rkv := range f.pairs(r) {
					switch rkv[0].Value {
					case "url":
						l.URL, _ = f.text(rkv[1], "url")
					case "title":
						l.Label, _ = f.text(rkv[1], "title")
					case "name":
						if l.Label == "" {
							l.Label, _ = f.text(rkv[1], "name")
						}
					}
				}
				if l.URL != "" {
					t.Links = append(t.Links, l)
				}
			}
			// Kept whole too: the resources' types have no place in a Link.
			f.setExtra(&t.Extra, talkFields, k, v)
		case "talks":
			if depth >= maxParts {
				f.add(v, "talks nested more than %d deep", maxParts)
				continue
			}
			if !isList(v) {
				f.setExtra(&t.Extra, talkFields, k, v)
			}
			list := f.list(v, k)
			var left []int
			for i, p := range list {
				if p == nil || p.Kind != yaml.MappingNode {
					// Not a talk: reported, and kept in Extra with its
					// index, rather than made an empty part.
					if p != nil {
						f.add(p, "talks: want a mapping, got %s", kindName(p))
					}
					left = append(left, i)
					continue
				}
				t.Parts = append(t.Parts, *f.talk(p, speakers, depth+1))
			}
			f.setExtraItems(&t.Extra, talkFields, k, list, left)
		default:
			f.setExtra(&t.Extra, talkFields, k, v)
		}
	}
	f.provider(t, provider, videoID, providerNode)
	if t.Thumbnail == "" {
		// Without thumbnail_xl, the largest given (all kept in Extra).
		t.Thumbnail = cmp.Or(smaller["thumbnail_lg"], smaller["thumbnail_md"], smaller["thumbnail_sm"], smaller["thumbnail_xs"])
	}
	if start >= 0 && end >= 0 {
		if end <= start {
			f.add(endNode, "end_cue is not after start_cue")
		} else if t.Duration == 0 {
			t.Duration = talk.Duration(time.Duration(end-start) * time.Second)
		}
	}
	if len(t.Videos) > 0 {
		// A part whose video_provider is "parent" is recorded in its
		// block's video, from its start_cue: RubyEvents links it so.
		for i := range t.Parts {
			p := &t.Parts[i]
			if string(p.Extra["video_provider"]) == `"parent"` && len(p.Videos) == 0 {
				p.Videos = []talk.Video{atCue(t.Videos[0], p.Extra["start_cue"])}
			}
		}
	}
	if t.ID == "" && depth == 0 {
		f.add(n, "a talk without an id")
	}
	if depth == 0 {
		inheritDate(t)
	}
	return t
}

// noteID notes the place of the id of the talk n, whose members are
// members, in f.ids, or reports it as another talk's there: a part of a
// talk is a talk of RubyEvents' too, whose id names it alone. It is noted
// before the talk's parts are read, so that ids are noted in the order of
// the file. An id that is not text is reported as the talk's member.
func (f *file) noteID(n *yaml.Node, members [][2]*yaml.Node) {
	if n == nil {
		return
	}
	for _, kv := range members {
		v := kv[1]
		if kv[0].Value != "id" || v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" || v.Value == "" {
			continue
		}
		if first, dup := f.ids[v.Value]; dup {
			e := &talk.RecordError{Path: f.path, Line: n.Line, Column: n.Column}
			e.Err = &idError{id: v.Value, at: e, first: &talk.RecordError{Path: first.path, Line: first.line, Column: first.col}}
			*f.errs = append(*f.errs, e)
		} else {
			f.ids[v.Value] = idPlace{f.path, n.Line, n.Column}
		}
	}
}

// inheritDate gives each part of t without a date of its own the date of
// the talk it is part of, as RubyEvents reads a lightning talk's or a
// panel contribution's date (its own, or else its parent's): the parts of
// a block are usually written without one. A part whose date was
// reported (kept in Extra as "date") is left without.
func inheritDate(t *talk.Talk) {
	for i := range t.Parts {
		p := &t.Parts[i]
		if _, kept := p.Extra["date"]; p.Recorded.IsZero() && !kept {
			p.Recorded = t.Recorded
		}
		inheritDate(p)
	}
}

// isList reports whether n is a list, or null, which reads as an empty
// one: what list takes without an error.
func isList(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.SequenceNode || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// provider turns video_provider and video_id into a Video or a recording
// status.
func (f *file) provider(t *talk.Talk, provider, id string, n *yaml.Node) {
	switch provider {
	case "":
	case "youtube", "vimeo", "mp4":
		if v, ok := video(provider, id); ok {
			t.Videos = append([]talk.Video{v}, t.Videos...)
		} else {
			f.add(n, "video_provider %s without a video_id", provider)
		}
	case "not_recorded":
		t.Recording = talk.NotRecorded
	case "scheduled":
		t.Recording = talk.Scheduled
	case "not_published":
		t.Recording = talk.NotPublished
	case "children", "parent":
		// The recording is the block's: Parts, or the talk's parent.
		f.setExtra(&t.Extra, talkFields, "video_provider", n)
	default:
		f.add(n, "unknown video_provider %q", provider)
		f.setExtra(&t.Extra, talkFields, "video_provider", n)
	}
}

// cueSeconds reads a time in a video as RubyEvents writes start_cue and
// end_cue ("MM:SS", "H:MM:SS", "HH:MM:SS"), in seconds.
func cueSeconds(s string) (int, bool) {
	fields := strings.Split(s, ":")
	if len(fields) < 2 || len(fields) > 3 {
		return 0, false
	}
	secs := 0
	for i, f := range fields {
		if len(f) == 0 || len(f) > 2 || i > 0 && len(f) != 2 {
			return 0, false
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || i > 0 && n > 59 {
			return 0, false
		}
		secs = secs*60 + n
	}
	return secs, true
}

// atCue returns the video v of a block, for one of its parts that starts
// at the cue (a start_cue kept as JSON, or nil): its player's URL starts
// there, as RubyEvents links it ("&t=90" on YouTube, "#t=90" on Vimeo),
// and a file's has the media fragment "#t=90".
func atCue(v talk.Video, cue json.RawMessage) talk.Video {
	var s string
	if json.Unmarshal(cue, &s) != nil {
		return v
	}
	secs, ok := cueSeconds(s)
	if !ok || secs == 0 {
		return v
	}
	t := strconv.Itoa(secs)
	switch v.Provider {
	case talk.YouTube:
		v.URL += "&t=" + t
	case talk.Vimeo, talk.File:
		if !strings.Contains(v.URL, "#") {
			v.URL += "#t=" + t
		}
	}
	return v
}

// video makes a Video of a provider and its video id.
func video(provider, id string) (talk.Video, bool) {
	if id == "" {
		return talk.Video{}, false
	}
	switch provider {
	case "youtube":
		return talk.Video{Provider: talk.YouTube, ID: id, URL: "https://www.youtube.com/watch?v=" + id}, true
	case "vimeo":
		return talk.Video{Provider: talk.Vimeo, ID: id, URL: "https://vimeo.com/" + id}, true
	case "mp4":
		return talk.Video{Provider: talk.File, URL: id, Format: "mp4"}, true
	}
	return talk.Video{}, false
}

// recording reads one of alternative_recordings: another video of the
// talk, often in another language. One that makes no video (no
// video_id, a provider that is not youtube, vimeo or mp4) is reported;
// the list is kept whole in Extra.
func (f *file) recording(n *yaml.Node) []talk.Video {
	var provider, id, lang string
	var langNode, providerNode *yaml.Node
	for _, kv := range f.pairs(n) {
		switch kv[0].Value {
		case "video_provider":
			provider, _ = f.text(kv[1], "video_provider")
			providerNode = kv[1]
		case "video_id":
			id, _ = f.text(kv[1], "video_id")
		case "language":
			lang, _ = f.text(kv[1], "language")
			langNode = kv[1]
		}
	}
	v, ok := video(provider, id)
	if !ok {
		switch {
		case n == nil || n.Kind != yaml.MappingNode: // pairs reported it
		case provider == "youtube" || provider == "vimeo" || provider == "mp4":
			f.add(providerNode, "alternative_recordings: video_provider %s without a video_id", provider)
		case provider == "":
			f.add(n, "alternative_recordings: a recording without a video_provider")
		default:
			f.add(providerNode, "alternative_recordings: video_provider %q is not youtube, vimeo or mp4", provider)
		}
		return nil
	}
	if lang != "" {
		if l, ok := Language(lang); ok {
			v.Language = l
		} else {
			f.add(langNode, "language %q is not one the importer knows", lang)
		}
	}
	return []talk.Video{v}
}

// Archive is what a RubyEvents data directory holds, in the model's terms.
type Archive struct {
	Events []*talk.Event // in series and directory order, with and without talks
	Talks  []*talk.Talk  // of every event, each carrying its Event, in the order read
}

// Read reads a RubyEvents data directory: speakers.yml at its root, and
// <series>/series.yml, <series>/<event>/event.yml and
// <series>/<event>/videos.yml below. An event's Series is its series'
// name. A directory with a videos.yml but no event.yml is an event too,
// with its ID and series only, and an error naming the missing file. A
// talk id (or a part's) given again, in any videos.yml, is reported with
// the first's place. It goes on after problems and returns a
// [talk.ErrorList] with them.
// A problem reading the file system is a [*talk.RecordError] too, naming
// the file or directory (none for the data directory itself), and wrap
// the file system's error, so that errors.Is finds fs.ErrNotExist. A nil
// fsys is such an error.
func Read(fsys fs.FS) (*Archive, error) {
	var errs talk.ErrorList
	a := &Archive{}
	if fsys == nil {
		return a, append(errs, &talk.RecordError{Err: errors.New("rubyevents: nil fs.FS")})
	}
	var speakers Speakers
	if data, err := readFile(fsys, "speakers.yml"); err == nil {
		s, err := ParseSpeakers(data, "speakers.yml")
		speakers = s
		appendErrs(&errs, err)
	} else if !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, &talk.RecordError{Path: "speakers.yml", Err: fsError(err)})
	}
	ids := map[string]idPlace{} // where each talk id was read first
	directory := &lookup{speakers: speakers}
	series, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return a, append(errs, &talk.RecordError{Err: fsError(err)})
	}
	for _, s := range series {
		if strings.HasPrefix(s.Name(), ".") || !osfs.Is(fsys, s.Name(), s, fs.FileMode.IsDir) {
			continue
		}
		seriesName := ""
		var seriesExtra map[string]json.RawMessage // series.yml whole, for each event's Extra
		if data, err := readFile(fsys, path.Join(s.Name(), "series.yml")); err == nil {
			var serrs talk.ErrorList
			f := &file{path: path.Join(s.Name(), "series.yml"), errs: &serrs}
			n := f.parse(data)
			for _, kv := range f.pairs(n) {
				if kv[0].Value == "name" {
					seriesName, _ = f.text(kv[1], "name")
				}
			}
			if n != nil && n.Kind == yaml.MappingNode {
				f.setExtra(&seriesExtra, eventFields, "series", n)
			}
			errs = append(errs, serrs...)
		} else if !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, &talk.RecordError{Path: path.Join(s.Name(), "series.yml"), Err: fsError(err)})
		}
		events, err := fs.ReadDir(fsys, s.Name())
		if err != nil {
			errs = append(errs, &talk.RecordError{Path: s.Name(), Err: fsError(err)})
			continue
		}
		for _, e := range events {
			dir := path.Join(s.Name(), e.Name())
			if !osfs.Is(fsys, dir, e, fs.FileMode.IsDir) {
				continue
			}
			ev := &talk.Event{ID: e.Name(), Origin: talk.Origin{Format: FormatName, Path: dir}}
			evErr := error(nil)
			if data, err := readFile(fsys, path.Join(dir, "event.yml")); err == nil {
				parsed, err := ParseEvent(data, path.Join(dir, "event.yml"))
				appendErrs(&errs, err)
				ev = parsed
			} else {
				evErr = err
			}
			data, err := readFile(fsys, path.Join(dir, "videos.yml"))
			switch {
			case evErr == nil:
			case !errors.Is(evErr, fs.ErrNotExist):
				errs = append(errs, &talk.RecordError{Path: path.Join(dir, "event.yml"), Err: fsError(evErr)})
			case errors.Is(err, fs.ErrNotExist):
				continue // not an event directory
			default:
				// Talks without their event.yml are read with the
				// event's ID, rather than left out without a word.
				errs = append(errs, &talk.RecordError{Path: path.Join(dir, "event.yml"), Err: missingEvent(evErr)})
			}
			if ev.Series == "" {
				ev.Series = seriesName
			}
			// The series' website, kind, frequency... have no place in
			// the model: each event keeps them in Extra, unless it has
			// a member of that name itself.
			for k, v := range seriesExtra {
				if _, own := ev.Extra[k]; !own {
					if ev.Extra == nil {
						ev.Extra = map[string]json.RawMessage{}
					}
					ev.Extra[k] = v
				}
			}
			a.Events = append(a.Events, ev)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				errs = append(errs, &talk.RecordError{Path: path.Join(dir, "videos.yml"), Err: fsError(err)})
				continue
			}
			talks, err := parseVideos(data, path.Join(dir, "videos.yml"), ev, directory, ids)
			appendErrs(&errs, err)
			a.Talks = append(a.Talks, talks...)
		}
	}
	return a, errs.Err()
}

// missingEvent words the error err of an event.yml not found beside a
// videos.yml.
func missingEvent(err error) error {
	return &errs.Worded{Msg: "rubyevents: missing beside videos.yml; its talks are read with their event's ID only", Cause: err}
}

// readFile reads a file of the data directory, refusing one larger than
// maxBytes before reading it, and a named pipe or a device, which could
// keep the reader waiting or reading without end.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	data, err := osfs.ReadFile(fsys, name, maxBytes)
	var large *osfs.TooLargeError
	var special *osfs.NotRegularError
	switch {
	case errors.As(err, &large):
		return nil, &talk.LimitError{What: "file size", Limit: maxBytes, Got: max(large.Size, 0)}
	case errors.As(err, &special):
		return nil, &errs.Worded{Msg: "rubyevents: " + special.Describe(), Cause: err}
	}
	return data, err
}

// fsError words an error of the file system as the package's others are
// worded, for a RecordError that names the file: with the package's
// prefix, without the path again, and "the data directory" for fsys's
// root ("."), which an fs.FS cannot name otherwise. It wraps err, so
// that errors.Is and errors.As find what it holds. The errors readFile
// words itself are left as they are.
func fsError(err error) error {
	var limit *talk.LimitError
	var worded *errs.Worded
	if errors.As(err, &limit) || errors.As(err, &worded) {
		return err
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Op + ": " + pe.Err.Error()
		if pe.Path == "." {
			msg = "cannot " + pe.Op + " the data directory: " + pe.Err.Error()
		}
	}
	return &errs.Worded{Msg: "rubyevents: " + msg, Cause: err}
}

func appendErrs(errs *talk.ErrorList, err error) {
	var l talk.ErrorList
	if errors.As(err, &l) {
		*errs = append(*errs, l...)
	}
}

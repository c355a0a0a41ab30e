package talk

import "fmt"

// Limits bounds what a reader accepts from one record, so that a huge or
// hostile file fails with a clear error instead of exhausting memory or
// time. A zero field means the default; a negative one means no limit.
// The zero Limits is the defaults.
//
// pyvideo's Reader and schema's Validator apply every field. [Reader],
// for talkmeta's JSON form, applies MaxRecordBytes and MaxDepth only, the
// two that bound its time and memory, and leaves the lengths and counts
// within a record to validation (see [Reader.ParseJSON]): validate a
// record with schema's Validator, with the same Limits, to enforce them.
type Limits struct {
	MaxRecordBytes int64 // the size of one file; default 1 MiB
	MaxDepth       int   // nesting of JSON arrays and objects; default 64
	MaxTextBytes   int   // one string such as a description; default 256 KiB
	MaxSpeakers    int   // default 500
	MaxVideos      int   // default 500
}

// The defaults are generous for real talks: the largest record in
// pyvideo's 13,239 is under 64 KiB, with at most a few dozen speakers.
const (
	defaultMaxRecordBytes = 1 << 20
	defaultMaxDepth       = 64
	defaultMaxTextBytes   = 256 << 10
	defaultMaxItems       = 500
)

// RecordBytes returns the effective maximum record size; -1 for none.
func (l Limits) RecordBytes() int64 { return pick(l.MaxRecordBytes, defaultMaxRecordBytes) }

// Depth returns the effective maximum nesting depth; -1 for none.
func (l Limits) Depth() int { return pick(l.MaxDepth, defaultMaxDepth) }

// TextBytes returns the effective maximum length of one string; -1 for none.
func (l Limits) TextBytes() int { return pick(l.MaxTextBytes, defaultMaxTextBytes) }

// Speakers returns the effective maximum number of speakers; -1 for none.
func (l Limits) Speakers() int { return pick(l.MaxSpeakers, defaultMaxItems) }

// Videos returns the effective maximum number of videos; -1 for none.
func (l Limits) Videos() int { return pick(l.MaxVideos, defaultMaxItems) }

// pick applies the zero-means-default, negative-means-none rule.
func pick[T int | int64](v, def T) T {
	switch {
	case v == 0:
		return def
	case v < 0:
		return -1
	}
	return v
}

// LimitError reports a record that exceeds one of its reader's [Limits].
type LimitError struct {
	What  string // "record size", "nesting depth", "text length", "speakers", "videos"
	Limit int64  // the limit the record exceeds
	Got   int64  // what the record has, or at least has; 0 when not counted
}

// Error says what exceeds which limit: "speakers 3 exceeds the limit of
// 2".
func (e *LimitError) Error() string {
	if e.Got > 0 {
		return fmt.Sprintf("%s %d exceeds the limit of %d", e.What, e.Got, e.Limit)
	}
	return fmt.Sprintf("%s exceeds the limit of %d", e.What, e.Limit)
}

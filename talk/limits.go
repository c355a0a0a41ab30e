package talk

import (
	"errors"
	"fmt"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

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

// CheckJSON refuses, as a [*RecordError] naming path, a JSON record that
// is larger or nested deeper than l allows (a [*LimitError]), or that is
// not well-formed JSON, with the line and column of the problem. It
// refuses what encoding/json would read without a word but not as
// written: an object with two members of the same name, of which it
// keeps the last, and text that is not UTF-8, which it reads as U+FFFD.
// The readers of JSON records (talkmeta's own, pyvideo's) call it before
// they decode one, so that they refuse the same records in the same
// words.
func (l Limits) CheckJSON(data []byte, path string) error {
	if max := l.RecordBytes(); max >= 0 && int64(len(data)) > max {
		return &RecordError{Path: path, Err: &LimitError{What: "record size", Limit: max, Got: int64(len(data))}}
	}
	if err := jsonx.Check(data, l.Depth()); err != nil {
		return jsonCheckError(data, path, err)
	}
	return nil
}

// jsonCheckError is CheckJSON's error for err, jsonx.Check's error for
// data. It is a function of its own so that the targets of errors.As,
// which escape, are made only for a record that has an error.
func jsonCheckError(data []byte, path string, err error) error {
	var de *jsonx.DepthError
	if errors.As(err, &de) {
		line, col := jsonx.Position(data, de.Offset)
		return &RecordError{Path: path, Line: line, Column: col, Err: &LimitError{What: "nesting depth", Limit: int64(de.Limit)}}
	}
	re := &RecordError{Path: path, Err: err}
	var se *jsonx.SyntaxError
	if errors.As(err, &se) {
		re.Pointer = se.Pointer
		re.Line, re.Column = jsonx.Position(data, se.Offset)
	}
	return re
}

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

// LimitError reports a record that exceeds one of its reader's [Limits],
// or a file larger than a reader without Limits takes (a RubyEvents YAML
// file, a schedule beyond its reader's MaxBytes), so that errors.As tells
// a file refused for its size from a malformed one.
type LimitError struct {
	// What names what is too large: "record size", "nesting depth",
	// "text length", "speakers" or "videos" for [Limits]; "file size"
	// from talk/rubyevents and "schedule size" from talk/schedule.
	What  string
	Limit int64 // the limit the record exceeds
	Got   int64 // what the record has, or at least has; 0 when not counted
}

// Error says what exceeds which limit: "speakers 3 exceeds the limit of
// 2".
func (e *LimitError) Error() string {
	if e.Got > 0 {
		return fmt.Sprintf("%s %d exceeds the limit of %d", e.What, e.Got, e.Limit)
	}
	return fmt.Sprintf("%s exceeds the limit of %d", e.What, e.Limit)
}

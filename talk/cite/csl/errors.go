package csl

import (
	"errors"
	"fmt"
)

// SyntaxError reports a style or locale file that is not well-formed XML.
type SyntaxError struct {
	Kind    string // "style" or "locale"
	File    string // the file LoadStyle or LoadLocale read; "" from ParseStyle and ParseLocale
	Line    int    // 1-based
	Column  int    // 1-based, in bytes; 0 when unknown
	Message string // what is wrong, from the XML parser
}

// Error formats the error as "csl: style:line:col: message", with the
// file's name in place of the kind when it is known.
func (e *SyntaxError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("csl: %s:%d:%d: %s", where(e.Kind, e.File), e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("csl: %s:%d: %s", where(e.Kind, e.File), e.Line, e.Message)
}

// where is the file an error is in, else its kind ("style").
func where(kind, file string) string {
	if file != "" {
		return file
	}
	return kind
}

// inFile names the file of a *SyntaxError or *StyleError err, which
// LoadStyle or LoadLocale read.
func inFile(err error, file string) error {
	var se *SyntaxError
	if errors.As(err, &se) {
		se.File = file
	}
	var ste *StyleError
	if errors.As(err, &ste) {
		ste.File = file
	}
	return err
}

// StyleError reports well-formed XML that is not a valid CSL 1.0.2 style
// or locale: an unknown element, a missing or invalid attribute, a macro
// that is called but never defined.
type StyleError struct {
	Kind    string // "style" or "locale"
	File    string // the file LoadStyle or LoadLocale read; "" from ParseStyle and ParseLocale
	Line    int    // of the element's start tag, 1-based
	Column  int    // 1-based, in bytes
	Element string // the element's name, such as "text"
	Attr    string // the attribute at fault, if any
	Message string // what is wrong
}

// Error formats the error as "csl: style:line:col: <element> attr:
// message", with the file's name in place of the kind when it is known.
func (e *StyleError) Error() string {
	elem := "<" + e.Element + ">"
	if e.Attr != "" {
		elem += " " + e.Attr
	}
	return fmt.Sprintf("csl: %s:%d:%d: %s: %s", where(e.Kind, e.File), e.Line, e.Column, elem, e.Message)
}

// ItemError reports a CSL-JSON item that does not follow the CSL-JSON
// schema (csl-data.json): an unknown variable, a value of the wrong type.
// Pointer is the JSON pointer of the offending value inside the item
// ("/author/0/given"); Line and Column locate it in the input when the
// item was read with [ParseItems].
type ItemError struct {
	ID      string // the item's id, when known
	Pointer string // within the item; "" for the whole item
	Line    int    // 1-based, in the input of ParseItems; 0 when unknown
	Column  int    // 1-based, in bytes; 0 when unknown
	Message string // what is wrong
}

// Error formats the error as `csl: item "id" (line:col) pointer: message`,
// leaving out what is unknown.
func (e *ItemError) Error() string {
	s := "csl: item"
	if e.ID != "" {
		s += " " + fmt.Sprintf("%q", e.ID)
	}
	if e.Line > 0 && e.Column > 0 {
		s += fmt.Sprintf(" (%d:%d)", e.Line, e.Column)
	} else if e.Line > 0 {
		s += fmt.Sprintf(" (%d)", e.Line)
	}
	if e.Pointer != "" {
		s += " " + e.Pointer
	}
	return s + ": " + e.Message
}

// ErrUnknownStyle is returned by [BuiltinStyle] for a name it does not
// know; the error wraps it with the name.
var ErrUnknownStyle = errors.New("csl: unknown built-in style")

func styleErr(kind string, e *element, attrName, format string, args ...any) *StyleError {
	return &StyleError{Kind: kind, Line: e.line, Column: e.col, Element: e.name, Attr: attrName, Message: fmt.Sprintf(format, args...)}
}

package csl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// cslNamespace is the namespace of CSL styles and locales. Elements in
// another namespace (extensions) are skipped.
const cslNamespace = "http://purl.org/net/xbiblio/csl"

// element is one parsed XML element of a style or locale file, with the
// position of its start tag.
type element struct {
	name     string
	attrs    []attr
	children []*element
	// text is the element's own character data, with line breaks turned
	// into spaces as citeproc-js's parser does, so that a term written
	// over several lines reads the same.
	text      string
	line, col int
}

type attr struct{ name, value string }

// attr returns the value of the attribute name, and whether it is set.
func (e *element) attr(name string) (string, bool) {
	for _, a := range e.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// get returns the value of the attribute name, or "".
func (e *element) get(name string) string {
	v, _ := e.attr(name)
	return v
}

// child returns the first child element called name, or nil.
func (e *element) child(name string) *element {
	for _, c := range e.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// clone copies e and its descendants, so that the copy can be edited.
func (e *element) clone() *element {
	c := *e
	c.attrs = append([]attr(nil), e.attrs...)
	c.children = make([]*element, len(e.children))
	for i, k := range e.children {
		c.children[i] = k.clone()
	}
	return &c
}

// set sets the attribute name to value, adding it when missing.
func (e *element) set(name, value string) {
	for i := range e.attrs {
		if e.attrs[i].name == name {
			e.attrs[i].value = value
			return
		}
	}
	e.attrs = append(e.attrs, attr{name, value})
}

// parseXML reads an XML document into a tree of elements in the CSL
// namespace. kind names the document ("style", "locale") in errors.
func parseXML(data []byte, kind string) (*element, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []*element
	var root *element
	skip := 0 // depth inside a foreign-namespace element
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &SyntaxError{Kind: kind, Line: se.Line, Message: se.Msg}
			}
			l, c := dec.InputPos()
			return nil, &SyntaxError{Kind: kind, Line: l, Column: c, Message: err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip == 0 && len(stack) == 0 && root == nil && t.Name.Space != "" && t.Name.Space != cslNamespace {
				// Skipped as foreign, it would leave the document
				// without a root, which is not what is wrong.
				return nil, &SyntaxError{Kind: kind, Line: line, Column: col,
					Message: fmt.Sprintf("the root element <%s> is in the namespace %q; a CSL %s's is %q", t.Name.Local, t.Name.Space, kind, cslNamespace)}
			}
			if skip > 0 || (t.Name.Space != "" && t.Name.Space != cslNamespace) {
				skip++
				continue
			}
			e := &element{name: t.Name.Local, line: line, col: col}
			for _, a := range t.Attr {
				name := a.Name.Local
				switch a.Name.Space {
				case "", cslNamespace:
				case "http://www.w3.org/XML/1998/namespace", "xml":
					name = "xml:" + name
				default:
					continue
				}
				if name == "xmlns" {
					continue
				}
				e.attrs = append(e.attrs, attr{name, a.Value})
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, &SyntaxError{Kind: kind, Line: line, Column: col, Message: "more than one root element"}
				}
				root = e
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if skip > 0 || len(stack) == 0 {
				continue
			}
			e := stack[len(stack)-1]
			s := string(t)
			s = strings.ReplaceAll(s, "\r\n", " ")
			s = strings.ReplaceAll(s, "\n", " ")
			s = strings.ReplaceAll(s, "\r", " ")
			e.text += s
		}
	}
	if root == nil {
		return nil, &SyntaxError{Kind: kind, Line: 1, Column: 1, Message: "no root element"}
	}
	trimLayoutSpace(root)
	return root, nil
}

// trimLayoutSpace clears the indentation between elements, which is not
// content: only elements without children keep their text (terms,
// single, multiple).
func trimLayoutSpace(e *element) {
	if len(e.children) > 0 {
		e.text = ""
		for _, c := range e.children {
			trimLayoutSpace(c)
		}
	}
}

package rst

import (
	"strconv"
	"strings"
)

// image makes the image an image or figure directive shows, of its
// argument and options, raw as written (escapes in place), as docutils'
// Image.run makes it; alt is a substitution's name, the alternative text
// docutils gives an image that defines one.
func image(argument string, options map[string]*string, alt string) *Image {
	img := &Image{URL: uriArgument(unescape(argument)), Alt: alt}
	option := func(name string) string {
		if v := options[name]; v != nil {
			return *v
		}
		return ""
	}
	if _, ok := options["alt"]; ok {
		img.Alt = option("alt") // (an empty :alt: is an empty text, as in docutils)
	} else if alt == "" {
		img.Alt = img.URL // docutils' HTML writer's default
	}
	img.Width, img.Height = strings.TrimSpace(option("width")), strings.TrimSpace(option("height"))
	img.Scale = strings.TrimSpace(strings.TrimRight(option("scale"), " %"))
	if v := option("target"); v != "" {
		// As docutils' parse_target reads it: a reference by name, or
		// a URI, taken as it is (the directive, unlike a named target,
		// makes no mailto URI of an e-mail address).
		var parts []string
		for _, l := range strings.Split(unescape(v), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				parts = append(parts, l)
			}
		}
		if len(parts) > 0 {
			if name, ok := indirectTarget(parts); ok {
				img.Target = &Reference{Name: name}
			} else if u := uriArgument(strings.Join(parts, "")); u != "" {
				img.Target = &Reference{URL: u}
			}
		}
	}
	return img
}

// figure makes a figure directive's figure: its image, and of its
// content's blocks, the first paragraph its caption (unless an empty
// comment comes first, as in docutils) and the rest its legend.
func figure(img *Image, content []line, blocks []Block) *Figure {
	f := &Figure{Image: img}
	if c := skipBlank(content); len(c) > 0 && strings.HasPrefix(c[0].text, "..") {
		f.Legend = blocks // an empty comment instead of a caption
		return f
	}
	if len(blocks) > 0 {
		if p, ok := blocks[0].(*Paragraph); ok {
			f.Caption, blocks = p.Content, blocks[1:]
		}
	}
	f.Legend = blocks
	return f
}

// imageHTML writes an image: an <img> element when its URL is an http
// or https URL, its alternative text as text otherwise. The HTML width
// and height attributes take pixels only: a length in other units, or a
// percentage, is left out (a page's Content-Security-Policy may forbid
// the style attribute docutils writes them in); :scale: scales the
// pixels given. loading="lazy" and referrerpolicy="no-referrer" keep a
// third-party image from loading before a reader scrolls to it, and
// from learning which page shows it.
func (hw *htmlWriter) image(img *Image) {
	w := hw.w
	src := SafeURL(img.URL)
	if scheme, _, ok := strings.Cut(src, ":"); !ok || !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") {
		if img.ID != "" {
			w.WriteString("<span")
			hw.id(img.ID)
			w.WriteString(">")
			writeEscaped(w, img.Alt)
			w.WriteString("</span>")
			return
		}
		writeEscaped(w, img.Alt)
		return
	}
	link := ""
	if img.Target != nil && !hw.inLink {
		link = hw.href(img.Target)
	}
	if link != "" {
		w.WriteString(`<a href="`)
		writeEscaped(w, link)
		w.WriteString(`" rel="nofollow noopener">`)
	}
	w.WriteString(`<img src="`)
	writeEscaped(w, src)
	w.WriteString(`" alt="`)
	writeEscaped(w, img.Alt)
	w.WriteString(`"`)
	hw.id(img.ID)
	for _, dim := range [2][2]string{{"width", img.Width}, {"height", img.Height}} {
		if px, ok := pixels(dim[1], img.Scale); ok {
			w.WriteString(" " + dim[0] + `="` + strconv.Itoa(px) + `"`)
		}
	}
	w.WriteString(` loading="lazy" referrerpolicy="no-referrer">`)
	if link != "" {
		w.WriteString("</a>")
	}
}

// pixels returns a width or height option's value in whole pixels, a
// number with or without "px", scaled by scale percent ("" for none);
// false for another unit or a percentage.
func pixels(v, scale string) (int, bool) {
	v = strings.TrimSpace(strings.TrimSuffix(v, "px"))
	n, err := strconv.ParseFloat(v, 64)
	if v == "" || err != nil || n < 0 || strings.ContainsAny(v, "eEinfINFxX+-") {
		return 0, false
	}
	if s, err := strconv.ParseFloat(scale, 64); scale != "" && err == nil && s >= 0 {
		n = n * s / 100
	}
	if n > 1<<20 {
		return 0, false
	}
	return int(n + 0.5), true
}

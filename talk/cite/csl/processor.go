package csl

import (
	"errors"
	"io"
	"strings"
	"sync"
)

// Processor renders items with one style and locale. It is safe for
// concurrent use: every rendering works on its own state.
//
// Make one with [New]. The zero Processor, and a nil one, has no style:
// its methods that render return [ErrNoStyle], Uses and HasBibliography
// report false and Style returns the zero StyleInfo.
type Processor struct {
	p *program
	// renderers holds renderers that are done, with their blob arenas
	// and stacks, for the next rendering to reuse (see release).
	renderers sync.Pool
	// items holds the loaded items of entries and citations that are
	// done, with their lone registries, for the next to load into.
	items sync.Pool
}

// loneItem is an item loaded for one entry or citation, and a registry
// of it alone, unregistered: the item's token with default
// disambiguation settings and an empty name registry.
type loneItem struct {
	data     itemData
	reg      registry
	names    nameReg
	tok      regItem
	disambig ambigConfig
}

// loadItem loads it for one entry or citation, into a loneItem done
// with if there is one; releaseItem gives it back.
func (pr *Processor) loadItem(it *Item) *loneItem {
	l, _ := pr.items.Get().(*loneItem)
	if l == nil {
		l = new(loneItem)
	}
	pr.p.loadInto(&l.data, it)
	l.disambig = ambigConfig{yearSuffix: -1}
	l.names.init(pr.p.givennameRule)
	l.reg = registry{pr: pr, names: &l.names}
	l.tok = regItem{data: &l.data, seq: 1, disambig: &l.disambig}
	return l
}

// releaseItem gives l back for another entry or citation to load into.
// Nothing may hold l, or its item, any longer.
func (pr *Processor) releaseItem(l *loneItem) {
	pr.items.Put(l)
}

// langBases maps a bare language to the locale citeproc-js falls back to.
var langBases = map[string]string{
	"af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ", "da": "da-DK",
	"de": "de-DE", "el": "el-GR", "en": "en-US", "es": "es-ES", "et": "et-EE", "eu": "eu",
	"fa": "fa-IR", "fi": "fi-FI", "fr": "fr-FR", "he": "he-IL", "hr": "hr-HR", "hu": "hu-HU",
	"is": "is-IS", "it": "it-IT", "ja": "ja-JP", "km": "km-KH", "ko": "ko-KR", "lt": "lt-LT",
	"lv": "lv-LV", "mn": "mn-MN", "nb": "nb-NO", "nl": "nl-NL", "nn": "nn-NO", "pl": "pl-PL",
	"pt": "pt-PT", "ro": "ro-RO", "ru": "ru-RU", "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS",
	"sv": "sv-SE", "th": "th-TH", "tr": "tr-TR", "uk": "uk-UA", "vi": "vi-VN", "zh": "zh-CN",
}

// New makes a processor for style. Each locale overrides the terms of the
// locales before it, and the last one gives the language, so New(style,
// enUS, enGB) writes British English with American terms filling any
// gaps. Without locales, the built-in en-US locale is used. The style's
// own <locale> sections apply on top, as CSL specifies.
func New(style *Style, locales ...*Locale) (*Processor, error) {
	// Refused here, not met as a nil pointer below: a Style or Locale
	// whose loader's error was ignored is nil, and a literal one is empty.
	switch {
	case style == nil:
		return nil, errors.New("csl: nil style")
	case style.root == nil:
		return nil, errors.New("csl: an empty Style; make one with ParseStyle, LoadStyle or BuiltinStyle")
	}
	for _, l := range locales {
		switch {
		case l == nil:
			return nil, errors.New("csl: nil locale")
		case l.root == nil:
			return nil, errors.New("csl: an empty Locale; make one with ParseLocale, LoadLocale or BuiltinLocale")
		}
	}
	if len(locales) == 0 {
		l, err := BuiltinLocale()
		if err != nil {
			return nil, err
		}
		locales = []*Locale{l}
	}
	lang := locales[len(locales)-1].Lang
	if lang == "" {
		lang = "en-US"
	}
	d := newLocaleData(lang)
	for _, l := range locales {
		d.apply(l.root)
	}
	bare := strings.SplitN(lang, "-", 2)[0]
	base := langBases[bare]
	if base == "" {
		base = "en-US"
	}
	apply := func(want string) {
		for _, c := range style.root.children {
			if c.name == "locale" && c.get("xml:lang") == want {
				d.apply(c)
				return
			}
		}
	}
	apply("")
	apply(bare)
	if base != lang {
		apply(base)
	}
	apply(lang)
	d.finish()
	p := compile(style, d)
	if p.citation != nil {
		p.citeShort = map[string]bool{}
		for _, typ := range itemTypes {
			p.citeShort[typ] = shortNamesOnly(p.citation, typ)
		}
	}
	p.flip = newFlipSpecs(d.termOr("open-quote", "long", -1), d.termOr("close-quote", "long", -1),
		d.termOr("open-inner-quote", "long", -1), d.termOr("close-inner-quote", "long", -1))
	return &Processor{p: p}, nil
}

// ErrNoStyle is returned by the methods of a Processor not made by [New]
// (the zero Processor, or a nil one), which has no style to render with.
var ErrNoStyle = errors.New("csl: the Processor has no style; make one with New")

// FormatError reports a [Format] other than [Text] and [HTML].
type FormatError struct {
	Format Format
}

// Error names the format and the ones there are.
func (e *FormatError) Error() string {
	return "csl: unknown format " + e.Format.String() + " (want Text or HTML)"
}

// check refuses what a rendering cannot be done with: a Processor
// without a style, and an unknown format, which would otherwise be
// rendered as text without a word.
func (pr *Processor) check(f Format) error {
	if pr == nil || pr.p == nil {
		return ErrNoStyle
	}
	if f != Text && f != HTML {
		return &FormatError{Format: f}
	}
	return nil
}

// Style returns information about the processor's style.
func (pr *Processor) Style() StyleInfo {
	if pr == nil || pr.p == nil {
		return StyleInfo{}
	}
	return pr.p.style.Info
}

// Uses reports whether the processor's style can read the item variable
// named variable ("abstract", "title", "author"): a caller that builds
// items only to format them may leave out a costly variable the style
// never reads, and the output is the same. It errs on the side of true:
// the style names the variable, or its short or long form, or the
// engine reads it for every item (language).
func (pr *Processor) Uses(variable string) bool {
	return pr != nil && pr.p != nil && pr.p.reads[variable]
}

// HasBibliography reports whether the style defines a bibliography.
func (pr *Processor) HasBibliography() bool {
	return pr != nil && pr.p != nil && pr.p.bibliography != nil
}

func (pr *Processor) newRenderer(a *area, it *itemData, cite bool) *renderer {
	r, _ := pr.renderers.Get().(*renderer)
	if r == nil {
		r = &renderer{arena: new(blobArena)}
		r.out = &queue{r: r}
		r.flip = &flipper{fs: pr.p.flip, r: r}
	}
	r.p, r.a, r.it, r.cite = pr.p, a, it, cite
	r.out.reset()
	r.groups = append(r.groups, groupCtx{})
	r.canSubst = append(r.canSubst, false)
	// The languages go at the end of langSpace, leaving room for a
	// field's language before them (multiField).
	r.langs = r.langSpace[1:1]
	if lang := it.lang; lang != "" {
		i := 0
		for i < len(lang) && isASCIILetter(lang[i]) {
			i++
		}
		if i > 0 {
			r.langs = append(r.langs, strings.ToLower(lang[:i]))
		}
	}
	r.langs = append(r.langs, pr.p.loc.lang)
	r.subsequentAuthorOK = true
	r.citationNumber = 1
	r.ownSettings.yearSuffix = -1
	r.settings = &r.ownSettings
	return r
}

// release gives r back for another rendering, its blob arena and
// stacks emptied and cleared. Only a renderer whose blobs nothing holds
// any longer, its output written, may be released; it must not be used
// after. A renderer that is not released (a sort key's, a cluster's
// cites') is left to the garbage collector.
func (pr *Processor) release(r *renderer) {
	r.arena.reset()
	*r = renderer{
		arena:            r.arena,
		out:              r.out,
		flip:             r.flip,
		ownSettings:      ambigConfig{names: r.ownSettings.names[:0], givens: cleared(r.ownSettings.givens)},
		doneVars:         r.doneVars[:0],
		groups:           r.groups[:0],
		canSubst:         r.canSubst[:0],
		namesMax:         r.namesMax[:0],
		donesies:         r.donesies[:0],
		normalized:       cleared(r.normalized),
		renderedName:     cleared(r.renderedName),
		nameNodeChildren: cleared(r.nameNodeChildren),
		shadowNumbers:    cleared(r.shadowNumbers),
		wr:               writer{pieces: cleared(r.wr.pieces), frags: cleared(r.wr.frags)},
	}
	pr.renderers.Put(r)
}

// cleared returns s emptied, with what its array held cleared so that
// it holds on to nothing.
func cleared[S ~[]E, E any](s S) S {
	clear(s[:cap(s)])
	return s[:0]
}

// ErrNoBibliography is returned when an entry is asked of a style
// without a bibliography.
var ErrNoBibliography = errors.New("csl: the style has no bibliography")

// entry renders the bibliography entry of tok, with citeproc-js's
// outer newlines and indentation (the caller trims them for a lone
// entry).
func (pr *Processor) entry(reg *registry, tok *regItem, f Format, subst *substState) string {
	s, _ := pr.renderEntry(reg, tok, f, subst, false)
	return s
}

// renderEntry is entry; with lone, it renders an entry whose item was
// not registered, and reports false if the output could have depended
// on the registry.
func (pr *Processor) renderEntry(reg *registry, tok *regItem, f Format, subst *substState, lone bool) (string, bool) {
	a := pr.p.bibliography
	r := pr.newRenderer(a, tok.data, false)
	defer pr.release(r)
	r.reg, r.regItem = reg.names, tok
	r.lone = lone
	if lone && r.nameKeysShared() {
		return "", false
	}
	// citeproc-js's citeStart for a bibliography entry: the names the
	// citation added, and its given-name levels.
	if pr.p.addNames {
		r.settings.names = append(r.settings.names[:0], tok.disambig.names...)
	}
	if pr.p.addGivenname {
		r.request = r.settings
		r.settings.givens = cloneGivensInto(r.settings.givens[:0], tok.disambig.givens)
	}
	r.subst = subst
	r.citationNumber = reg.number(tok)
	entry := r.out.openLevel(&a.entryTok)
	r.termPredecessor = false
	r.runLayout()
	if r.needRegistry {
		return "", false
	}
	r.out.closeLevel()
	if len(entry.kids) > 0 && len(entry.kids[0].kids) > 0 {
		top := entry.kids[0].kids[0]
		top.prefix = a.layoutTok.prefix + top.prefix
	}
	purgeEmpty(r.out.top)
	for _, b := range r.out.top.kids {
		adjustPunctuation(b, pr.p.loc.punctuationInQuote)
	}
	w := r.writer(f, false)
	ps := w.render(r.out.top.kids, nil)
	if len(ps) == 0 {
		return "", true
	}
	return w.joinPieces(ps[:1]), true
}

// citation renders the citation of tok, cited for the first time.
func (pr *Processor) citation(reg *registry, tok *regItem, f Format) string {
	a := pr.p.citation
	r := pr.newRenderer(a, tok.data, true)
	defer pr.release(r)
	r.reg, r.regItem = reg.names, tok
	r.request, r.settings = tok.disambig, tok.disambig
	r.firstPosition = true
	r.runLayout()
	suffix := a.layoutTok.suffix
	if s := firstRune(suffix); s == ":" || s == "." || s == ";" || s == "!" || s == "?" {
		suffix = s
	}
	purgeEmpty(r.out.top)
	w := r.writer(f, true)
	if len(r.out.top.kids) == 0 {
		return w.esc(a.layoutTok.prefix) + "[CSL STYLE ERROR: reference with no printed form.]" + w.esc(a.layoutTok.suffix)
	}
	lay := r.out.top.kids[0]
	lay.suffix = suffix
	lay.prefix = a.layoutTok.prefix
	adjustPunctuation(lay, pr.p.loc.punctuationInQuote)
	ps := w.render(r.out.top.kids, nil)
	if len(ps) == 0 {
		return w.esc(a.layoutTok.prefix) + "[CSL STYLE ERROR: reference with no printed form.]" + w.esc(a.layoutTok.suffix)
	}
	res := w.str(w.renderPieces(ps, "", nil))
	return w.decorateLayout(a, res)
}

// Entry returns the bibliography entry for it: for HTML, a
// <div class="csl-entry">. An item the style does not print returns "".
func (pr *Processor) Entry(f Format, it *Item) (string, error) {
	if err := pr.check(f); err != nil {
		return "", err
	}
	if pr.p.bibliography == nil {
		return "", ErrNoBibliography
	}
	if it == nil {
		return "", errors.New("csl: nil item")
	}
	lone := pr.loadItem(it)
	defer pr.releaseItem(lone)
	d := &lone.data
	// Registering a lone item renders its citation twice (the
	// ambiguous cite, then disambiguation), for settings that rarely
	// change its entry: render the entry without them first, and
	// register only if they could have mattered. This made apa Entry
	// about twice as fast.
	if s, ok := pr.renderEntry(&lone.reg, &lone.tok, f, nil, true); ok {
		return strings.TrimSpace(s), nil
	}
	reg := pr.newRegistry([]*itemData{d})
	return strings.TrimSpace(pr.entry(reg, reg.reflist[0], f, nil)), nil
}

// Citation returns the in-text citation (or note) for it, cited alone
// and for the first time.
func (pr *Processor) Citation(f Format, it *Item) (string, error) {
	if err := pr.check(f); err != nil {
		return "", err
	}
	if it == nil {
		return "", errors.New("csl: nil item")
	}
	lone := pr.loadItem(it)
	defer pr.releaseItem(lone)
	d := &lone.data
	if !needsNameReg(d) && !pr.p.subsequentEtAl {
		// Alone, and without two names to tell apart, the item's
		// disambiguation settings are the defaults: no need to
		// register it. (Unless the subsequent et-al settings are
		// others: see program.subsequentEtAl.)
		return pr.citation(&lone.reg, &lone.tok, f), nil
	}
	reg := pr.newRegistry([]*itemData{d})
	return pr.citation(reg, reg.reflist[0], f), nil
}

// WriteEntry writes the bibliography entry for it to w.
func (pr *Processor) WriteEntry(w io.Writer, f Format, it *Item) error {
	s, err := pr.Entry(f, it)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, s)
	return err
}

// WriteCitation writes the citation of it to w.
func (pr *Processor) WriteCitation(w io.Writer, f Format, it *Item) error {
	s, err := pr.Citation(f, it)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, s)
	return err
}

// substState carries the previous entry's names from one entry to the
// next, for subsequent-author-substitute.
type substState struct {
	last     string
	hasLast  bool
	lastList []string
}

// decorateLayout applies the layout's formatting to a rendered citation,
// or gives citeproc-js's placeholder for one with no printed form.
func (w *writer) decorateLayout(a *area, res string) string {
	if res == "" {
		return "[NO_PRINTED_FORM]"
	}
	for _, d := range a.layoutTok.decorations {
		if d.value == "normal" {
			continue
		}
		res = w.decorate(d, res, nil)
	}
	return res
}

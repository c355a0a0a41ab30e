package csl

import (
	"slices"
	"strings"
)

// nameReg is citeproc-js's name registry: the names the items render,
// family name → initials → given names. With disambiguate-add-givenname
// a name shares its family name with another shows initials or its given
// name.
//
// A registry holds the names of one entry or citation, or of a whole
// bibliography. The few of the former are kept in lists searched in
// order, and only past smallReg of them in maps: an entry's maps were a
// fifth of the bytes it allocated.
type nameReg struct {
	rule  string // givenname-disambiguation-rule
	limit int    // how many keys and cached names the lists hold (smallReg)

	// the registered keys: in list, each (p, ik, s) once, with ik or s
	// left empty where register stopped; once list is past limit, in
	// keys, family key → initials key → given key.
	list []nameKey
	keys map[string]map[string]map[string]bool
	// nameKeys by name and language: in cacheList, then cache.
	cacheList []cachedNameKey
	cache     map[nameCacheKey]nameKey
	// room for the lists of a lone item (see init)
	listSpace  [4]nameKey
	cacheSpace [4]cachedNameKey
}

type nameKey struct{ p, i, s string }

// nameCacheKey is what a name's keys are made from.
type nameCacheKey struct{ family, given, ndp, lang string }

type cachedNameKey struct {
	name nameCacheKey
	keys nameKey
}

// smallReg is how many keys, and how many cached names, a registry
// keeps in lists.
const smallReg = 16

func newNameReg(rule string) *nameReg {
	return &nameReg{rule: rule, limit: smallReg}
}

// init readies g for rule, its lists in the room it has for the keys
// of a few names.
func (g *nameReg) init(rule string) {
	*g = nameReg{rule: rule, limit: smallReg, list: g.listSpace[:0], cacheList: g.cacheSpace[:0]}
}

// cached returns the keys cached for name.
func (g *nameReg) cached(name nameCacheKey) (nameKey, bool) {
	if g.cache != nil {
		k, ok := g.cache[name]
		return k, ok
	}
	for _, c := range g.cacheList {
		if c.name == name {
			return c.keys, true
		}
	}
	return nameKey{}, false
}

// setCached caches the keys of name.
func (g *nameReg) setCached(name nameCacheKey, k nameKey) {
	if g.cache == nil && len(g.cacheList) < g.limit {
		g.cacheList = append(g.cacheList, cachedNameKey{name, k})
		return
	}
	if g.cache == nil {
		g.cache = make(map[nameCacheKey]nameKey, 2*len(g.cacheList))
		for _, c := range g.cacheList {
			g.cache[c.name] = c.keys
		}
		g.cacheList = nil
	}
	g.cache[name] = k
}

// add registers a family key p, with initials key ik and given key s
// under it unless they are empty, as citeproc-js's addNameKeys does.
func (g *nameReg) add(p, ik, s string) {
	if ik == "" {
		s = ""
	}
	if g.keys == nil {
		k := nameKey{p, ik, s}
		if slices.Contains(g.list, k) {
			return
		}
		if len(g.list) < g.limit {
			g.list = append(g.list, k)
			return
		}
		g.keys = map[string]map[string]map[string]bool{}
		for _, k := range g.list {
			g.addToMaps(k.p, k.i, k.s)
		}
		g.list = nil
	}
	g.addToMaps(p, ik, s)
}

func (g *nameReg) addToMaps(p, ik, s string) {
	if g.keys[p] == nil {
		g.keys[p] = map[string]map[string]bool{}
	}
	if ik == "" {
		return
	}
	if g.keys[p][ik] == nil {
		g.keys[p][ik] = map[string]bool{}
	}
	if s != "" {
		g.keys[p][ik][s] = true
	}
}

// lookup reports whether initials key ik is registered under family key
// p, how many initials keys p has, and how many given keys ik has under
// it.
func (g *nameReg) lookup(p, ik string) (found bool, initials, givens int) {
	if g.keys != nil {
		byIK := g.keys[p]
		if byIK == nil || byIK[ik] == nil {
			return false, 0, 0
		}
		return true, len(byIK), len(byIK[ik])
	}
	if ik == "" {
		return false, 0, 0
	}
	for i, k := range g.list {
		if k.p != p || k.i == "" {
			continue
		}
		// count each initials key of p once, where it is first listed
		first := true
		for _, e := range g.list[:i] {
			if e.p == p && e.i == k.i {
				first = false
				break
			}
		}
		if first {
			initials++
		}
		if k.i == ik {
			found = true
			if k.s != "" {
				givens++ // each (p, ik, s) is listed once
			}
		}
	}
	if !found {
		return false, 0, 0
	}
	return found, initials, givens
}

// givenSuffix finds citeproc-js's /[,!]* ([^,]+)$/ in s: where the
// match starts, and its group, the words after the first space that no
// comma follows.
func givenSuffix(s string) (start int, group string, ok bool) {
	from := strings.LastIndexByte(s, ',') + 1
	k := strings.IndexByte(s[from:], ' ')
	if k < 0 {
		return 0, "", false
	}
	k += from
	if k+1 == len(s) {
		return 0, "", false
	}
	start = k
	for start > 0 && (s[start-1] == ',' || s[start-1] == '!') {
		start--
	}
	return start, s[k+1:], true
}

func collapseDots(s string) string {
	s = strings.ReplaceAll(s, ".", " ")
	s = collapseSpaces(s)
	return strings.TrimRightFunc(s, isJSSpace)
}

// nameKeys are citeproc-js's keys for a name: family, initials, given.
func (r *renderer) nameKeys(n normName) (pkey, ikey, skey string) {
	ck := nameCacheKey{n.family, n.given, n.ndp, r.it.lang}
	k, ok := r.reg.cached(ck)
	if !ok {
		k.p = collapseDots(n.family)
		if r.p.demote == "never" && n.ndp != "" && n.family != "" {
			k.p += " " + n.ndp
		}
		k.s = collapseDots(n.given)
		if start, group, ok := givenSuffix(k.s); ok && group == r.caseCtx().lower(group) {
			k.s = k.s[:start]
		}
		k.i = initializeWith(k.s, "%s", false, r.p.initializeWithHyphen, r.caseCtx())
		r.reg.setCached(ck, k)
	}
	pkey, ikey, skey = k.p, k.i, k.s
	if r.reg.rule == "by-cite" {
		pkey = r.it.id + pkey
	}
	return
}

func (r *renderer) register(n normName, i int) {
	if strings.HasPrefix(r.reg.rule, "primary-") && i != 0 {
		return
	}
	p, ik, s := r.nameKeys(n)
	if p == "" {
		return
	}
	r.reg.add(p, ik, s)
}

// evalName is citeproc-js's evalname: the given-name level the
// registry asks for, 0 family only, 1 initials, 2 full given name; -1
// for none (an item not yet registered, with a long form).
func (r *renderer) evalName(n normName, i int, form string, hasInit bool, base int) int {
	param := 2
	if form == "short" {
		param = 0
	} else if hasInit {
		param = 1
	}
	p, ik, _ := r.nameKeys(n)
	found, initials, givens := r.reg.lookup(p, ik)
	if !found {
		return param
	}
	rule := r.reg.rule
	if rule == "by-cite" && param <= base {
		return base
	}
	if !r.p.addGivenname {
		return param
	}
	if strings.HasPrefix(rule, "primary-name") && i > 0 {
		return param
	}
	switch rule {
	case "all-names-with-initials", "primary-name-with-initials":
		if initials > 1 {
			param = 1
		} else {
			param = 0
		}
	case "by-cite", "all-names", "primary-name":
		if initials > 1 {
			param = 1
		}
		if givens > 1 || (initials > 1 && !hasInit) {
			param = 2
		}
	}
	// Sort keys are rendered without the item's token, but only for
	// items in the registry, as citeproc-js's are (after its
	// doinserts), so they keep the level the name registry gives.
	if r.regItem == nil && !r.sortKey {
		switch {
		case form == "short":
			return 0
		case hasInit:
			return 1
		}
		return -1
	}
	return param
}

// disambigNames is citeproc-js's _runDisambigNames for one nameset: it
// registers the names and sets the given-name level of each in the
// settings.
func (r *renderer) disambigNames(list []Name, pos int, form string, hasInit bool) {
	s := r.settings
	// A lone entry rendered without its citation's settings (r.lone)
	// starts with no given-name levels where the citation would have
	// left some (val below). A name with a given name gets the same
	// level anyway, from evalName, except under by-cite, which keeps the
	// citation's level when higher: there, short names in the citation
	// (citeShortNames) leave levels of 0 or -1, never higher. A name
	// without a given name keeps val, and max(its form's level, val) is
	// the form's level alike when val is 0 or -1 and the form short or
	// long; by-cite turns a level of 1 into 2 for it. A name without
	// family or given name leaves its slot to the next name's append: a
	// literal name alone, rendered as an institution, reads no level.
	check := r.lone && r.request != nil
	byCite := r.p.givennameRule == "by-cite"
	for i, nm := range list {
		if nm.Given == "" && nm.Family == "" {
			if check && (nm.Literal == "" || len(list) > 1) {
				r.needRegistry = true
			}
			continue
		}
		n := r.normalize(nm)
		if check {
			if n.given == "" {
				if byCite || !r.p.citeShortNames(r.it.typ) || form != "short" && form != "long" {
					r.needRegistry = true
				}
			} else if byCite && !r.p.citeShortNames(r.it.typ) {
				r.needRegistry = true
			}
		}
		r.register(n, i)
		for len(s.givens) <= pos {
			s.givens = append(s.givens, nil)
		}
		if s.given(pos, i) < 0 {
			s.givens[pos] = append(s.givens[pos], r.evalName(n, i, form, hasInit, 0))
		}
		paramx := r.evalName(n, i, form, hasInit, 0)
		param := paramx
		if r.request != nil {
			val := s.given(pos, i)
			if val == 1 && r.p.givennameRule == "by-cite" && (!hasInit || nm.Given == "") {
				val = 2
			}
			param = val
			if r.p.addGivenname && n.given != "" {
				param = r.evalName(n, i, form, hasInit, param)
			}
		}
		if !r.justLooking && r.firstPosition && paramx > param {
			param = paramx
		}
		if !r.sortKey {
			for len(s.givens[pos]) <= i {
				s.givens[pos] = append(s.givens[pos], -1)
			}
			s.givens[pos][i] = param
		}
	}
}

// needsNameReg reports whether two names of the item share a family
// name, the only case where registering a lone item's names changes
// anything.
func needsNameReg(it *itemData) bool {
	seen := map[string]bool{}
	for ns := range it.nameLists() {
		for _, n := range ns {
			if n.Literal != "" || n.Family == "" {
				continue
			}
			k := strings.ToLower(collapseDots(n.Family))
			if seen[k] {
				return true
			}
			seen[k] = true
		}
	}
	return false
}

// nameKeysShared reports whether two of the item's names (in any
// variables) have the same registry key. Otherwise every name is alone
// under its key, and evalName gives it the same level whether or not
// other renderings of the item (its citation) registered names before.
func (r *renderer) nameKeysShared() bool {
	var space [8]string
	seen := space[:0]
	for list := range r.it.nameLists() {
		for _, nm := range list {
			if nm.Given == "" && nm.Family == "" {
				continue
			}
			p, _, _ := r.nameKeys(r.normalize(nm))
			if p == "" {
				continue
			}
			if slices.Contains(seen, p) {
				return true
			}
			seen = append(seen, p)
		}
	}
	return false
}

// shortNamesOnly reports whether every name that area may render for
// an item of type typ has the short form, so that its rendering leaves
// given-name levels of 0 (or -1) for an item whose names have distinct
// keys: what a lone entry may do without (see disambigNames). Branches
// chosen by type alone are followed for typ; any other may be taken.
func shortNamesOnly(a *area, typ string) bool {
	seen := map[*macroNode]bool{}
	var walk func(ns []node) bool
	walk = func(ns []node) bool {
		for _, n := range ns {
			switch n := n.(type) {
			case *textNode:
				if n.macro != nil && !seen[n.macro] {
					seen[n.macro] = true
					if !walk(n.macro.children) {
						return false
					}
				}
			case *groupNode:
				if !walk(n.children) {
					return false
				}
			case *chooseNode:
				for _, b := range n.branches {
					taken, known := typeOnly(b.cond, typ)
					if known && !taken {
						continue
					}
					if !walk(b.children) {
						return false
					}
					if known {
						break
					}
				}
			case *namesNode:
				if n.name != nil {
					form, ok := n.name.attrs["form"]
					if !ok {
						form, ok = a.inherit["name-form"]
					}
					if !ok || form != "short" {
						return false
					}
				}
				if !walk(n.substitute) {
					return false
				}
			}
		}
		return true
	}
	return walk(a.layout)
}

// typeOnly evaluates a condition made of type tests alone, as
// renderer.test does, for an item of type typ; known is false for other
// conditions. An <else> (nil) is always taken.
func typeOnly(c *condition, typ string) (taken, known bool) {
	if c == nil {
		return true, true
	}
	var results []bool
	for _, t := range c.tests {
		if t.kind != testType {
			return false, false
		}
		results = append(results, slices.Contains(t.values, typ))
	}
	switch c.match {
	case "any":
		return slices.Contains(results, true), true
	case "none":
		return !slices.Contains(results, true), true
	}
	return !slices.Contains(results, false), true
}

// citeShortNames is shortNamesOnly of the citation for an item of type
// typ, made at New for the CSL types; false for others.
func (p *program) citeShortNames(typ string) bool { return p.citeShort[typ] }

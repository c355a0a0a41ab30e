package csl

import (
	"regexp"
	"strings"
)

// nameReg is citeproc-js's name registry: the names the items render,
// family name → initials → given names. With disambiguate-add-givenname
// a name shares its family name with another shows initials or its given
// name.
type nameReg struct {
	rule  string // givenname-disambiguation-rule
	keys  map[string]map[string]map[string]bool
	cache map[string]nameKey // nameKeys by name and language
}

type nameKey struct{ p, i, s string }

func newNameReg(rule string) *nameReg {
	return &nameReg{rule: rule, keys: map[string]map[string]map[string]bool{}, cache: map[string]nameKey{}}
}

var givenSuffixRe = regexp.MustCompile(`[,!]* ([^,]+)$`)

func collapseDots(s string) string {
	s = strings.ReplaceAll(s, ".", " ")
	s = spacesRe.ReplaceAllString(s, " ")
	return strings.TrimRightFunc(s, isJSSpace)
}

// nameKeys are citeproc-js's keys for a name: family, initials, given.
func (r *renderer) nameKeys(n normName) (pkey, ikey, skey string) {
	ck := n.family + "\x00" + n.given + "\x00" + n.ndp + "\x00" + r.it.fields["language"]
	k, ok := r.reg.cache[ck]
	if !ok {
		k.p = collapseDots(n.family)
		if r.p.demote == "never" && n.ndp != "" && n.family != "" {
			k.p += " " + n.ndp
		}
		k.s = collapseDots(n.given)
		if m := givenSuffixRe.FindStringSubmatch(k.s); m != nil && m[1] == r.caseCtx().lower(m[1]) {
			k.s = givenSuffixRe.ReplaceAllString(k.s, "")
		}
		k.i = initializeWith(k.s, "%s", false, r.p.initializeWithHyphen, r.caseCtx())
		r.reg.cache[ck] = k
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
	if r.reg.keys[p] == nil {
		r.reg.keys[p] = map[string]map[string]bool{}
	}
	if ik == "" {
		return
	}
	if r.reg.keys[p][ik] == nil {
		r.reg.keys[p][ik] = map[string]bool{}
	}
	if s != "" {
		r.reg.keys[p][ik][s] = true
	}
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
	byIK, ok := r.reg.keys[p]
	if !ok || byIK[ik] == nil {
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
		if len(byIK) > 1 {
			param = 1
		} else {
			param = 0
		}
	case "by-cite", "all-names", "primary-name":
		if len(byIK) > 1 {
			param = 1
		}
		if len(byIK[ik]) > 1 || (len(byIK) > 1 && !hasInit) {
			param = 2
		}
	}
	if r.regItem == nil {
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
	for i, nm := range list {
		if nm.Given == "" && nm.Family == "" {
			continue
		}
		n := r.normalize(nm)
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
	for _, ns := range it.names {
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

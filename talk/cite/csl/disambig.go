package csl

import (
	"regexp"
	"strings"
)

// Disambiguation is only as deep as a single item needs: when two names
// of the same item share a family name, a style with
// disambiguate-add-givenname shows their initials or given names, as
// citeproc-js's name registry does. Items are never compared with each
// other.

// nameReg registers the names an item renders: family name → initials
// → given names.
type nameReg struct {
	rule   string // givenname-disambiguation-rule
	keys   map[string]map[string]map[string]bool
	levels map[string]int // given-name level the citation used, by name
}

func newNameReg(rule string) *nameReg {
	return &nameReg{rule: rule, keys: map[string]map[string]map[string]bool{}, levels: map[string]int{}}
}

var givenSuffixRe = regexp.MustCompile(`[,!]* ([^,]+)$`)

func collapseDots(s string) string {
	s = strings.ReplaceAll(s, ".", " ")
	s = spacesRe.ReplaceAllString(s, " ")
	return strings.TrimRightFunc(s, isJSSpace)
}

// nameKeys are citeproc-js's keys for a name: family, initials, given.
func (r *renderer) nameKeys(n normName) (pkey, ikey, skey string) {
	pkey = collapseDots(n.family)
	if r.p.demote == "never" && n.ndp != "" && n.family != "" {
		pkey += " " + n.ndp
	}
	skey = collapseDots(n.given)
	if m := givenSuffixRe.FindStringSubmatch(skey); m != nil && m[1] == r.caseCtx().lower(m[1]) {
		skey = givenSuffixRe.ReplaceAllString(skey, "")
	}
	ikey = initializeWith(skey, "%s", false, r.p.initializeWithHyphen, r.caseCtx())
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

// evalName is the given-name level the registry asks for: 0 family
// only, 1 initials, 2 full given name.
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
	default:
		if len(byIK) > 1 {
			param = 1
		}
		if len(byIK[ik]) > 1 || (len(byIK) > 1 && !hasInit) {
			param = 2
		}
	}
	return param
}

func (r *renderer) levelKey(n normName) string {
	p, _, s := r.nameKeys(n)
	return p + "\x00" + s
}

// needsNameReg reports whether two names of the item share a family
// name, the only case where the registry changes anything.
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

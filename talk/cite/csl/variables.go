package csl

import "strings"

// Variables are numbered when a style is compiled: every variable the
// style names, and those the engine reads by name, gets a varID in the
// program's table, and an item's values are looked up by it (see
// itemData) rather than by hashing the name on every test and text
// element, which was a sixth of an entry's time.

// varID is a variable's number in a program's variable table.
type varID uint16

// The variables the engine reads by name have fixed numbers, the same in
// every table.
const (
	varLanguage varID = iota
	varPage
	varPageFirst
	varTitle
	varTitleShort
	varShortTitle // the CSL-JSON alias citeproc-js reads title-short from
	varContainerTitle
	varContainerTitleShort
	varJournalAbbreviation // the alias of container-title-short
	varLocator
	varLocatorExtra
	varYearSuffix
	varCitationNumber
	varCitationLabel
	varFirstReferenceNoteNumber
	varFirstContainerReferenceNoteNumber
	varURL
	varDOI
	varSection
	varHereinafter
	varVersion
	fixedVars // the number of fixed variables
)

// noVar stands for no variable (a text element without a short form).
const noVar varID = 1<<16 - 1

// fixedVarNames are the names of the fixed variables, by number.
var fixedVarNames = [fixedVars]string{
	varLanguage: "language", varPage: "page", varPageFirst: "page-first",
	varTitle: "title", varTitleShort: "title-short", varShortTitle: "shortTitle",
	varContainerTitle: "container-title", varContainerTitleShort: "container-title-short",
	varJournalAbbreviation: "journalAbbreviation", varLocator: "locator", varLocatorExtra: "locator-extra",
	varYearSuffix: "year-suffix", varCitationNumber: "citation-number", varCitationLabel: "citation-label",
	varFirstReferenceNoteNumber:          "first-reference-note-number",
	varFirstContainerReferenceNoteNumber: "first-container-reference-note-number",
	varURL:                               "URL", varDOI: "DOI", varSection: "section",
	varHereinafter: "hereinafter", varVersion: "version",
}

// typeBits numbers the CSL item types: an item's type, and a type
// condition's, are tested as bits of a mask.
var typeBits = func() map[string]uint64 {
	m := make(map[string]uint64, len(itemTypes))
	for i, t := range itemTypes {
		m[t] = 1 << i
	}
	return m
}()

// typeMask returns the mask of the CSL types among types.
func typeMask(types []string) uint64 {
	var m uint64
	for _, t := range types {
		m |= typeBits[t]
	}
	return m
}

// varKind holds what the engine knows of a variable from its name.
type varKind uint8

const (
	multiFieldVar  varKind = 1 << iota // citeproc-js's MULTI_FIELDS (multiFields)
	numericTextVar                     // rendered as a number by <text> (numericTextVars)
	numericVar                         // tested by is-numeric as a number (numericVariables)
	dateVar                            // a date variable (isDateVariable)
	numberOfVar                        // number-of-pages, number-of-volumes: plural when over 1
)

// varTable numbers the variables of one program. It is filled while the
// style is compiled and only read after.
type varTable struct {
	ids   map[string]varID
	names []string
	kinds []varKind
}

func newVarTable() *varTable {
	t := &varTable{ids: make(map[string]varID, 2*fixedVars)}
	for _, name := range fixedVarNames {
		t.intern(name)
	}
	return t
}

// intern returns name's number, numbering it if it has none yet.
func (t *varTable) intern(name string) varID {
	if v, ok := t.ids[name]; ok {
		return v
	}
	v := varID(len(t.names))
	if v == noVar {
		panic("csl: more variables than a style can name")
	}
	var k varKind
	if multiFields[name] {
		k |= multiFieldVar
	}
	if numericTextVars[name] {
		k |= numericTextVar
	}
	if numericVariables[name] {
		k |= numericVar
	}
	if isDateVariable(name) {
		k |= dateVar
	}
	if strings.HasPrefix(name, "number-of-") {
		k |= numberOfVar
	}
	t.ids[name] = v
	t.names = append(t.names, name)
	t.kinds = append(t.kinds, k)
	return v
}

// internAll numbers each of names.
func (t *varTable) internAll(names []string) []varID {
	if len(names) == 0 {
		return nil
	}
	ids := make([]varID, len(names))
	for i, name := range names {
		ids[i] = t.intern(name)
	}
	return ids
}

// lookup returns name's number, and false for a variable the style
// never names.
func (t *varTable) lookup(name string) (varID, bool) {
	v, ok := t.ids[name]
	return v, ok
}

// name returns the name of variable v.
func (t *varTable) name(v varID) string { return t.names[v] }

func (t *varTable) is(v varID, k varKind) bool { return t.kinds[v]&k != 0 }

func (t *varTable) len() int { return len(t.names) }

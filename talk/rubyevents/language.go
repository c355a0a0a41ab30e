package rubyevents

import (
	"strings"

	"github.com/talkmeta/talkmeta/talk"
)

// languages maps the language names RubyEvents uses (in any case) that
// CLDR, whence [talk.LanguageByName] takes names, does not give the
// language: a regional form's names and older English names.
var languages = map[string]talk.Language{
	"brazilian portuguese": "pt-BR", "portuguese (brazil)": "pt-BR", "mandarin": "zh",
	"bengali": "bn", "tagalog": "tl", "norwegian": "no",
}

// iso639Names maps each English name of an ISO 639-1 language, in lower
// case, to its code. RubyEvents checks a talk's language against these
// names (its Language.english_names are their first, "Spanish" of
// "Spanish; Castilian") and finds a language by any of them (ISO_639.search),
// where CLDR, whence [talk.LanguageByName] takes names, spells many
// otherwise ("Panjabi", "Greek, Modern (1453-)", "Central Khmer") or
// gives only one of their names ("Spanish; Castilian").
var iso639Names = func() map[string]talk.Language {
	m := map[string]talk.Language{}
	for _, line := range strings.Split(strings.TrimSpace(iso639Table), "\n") {
		code, names, _ := strings.Cut(strings.TrimSpace(line), "|")
		for _, name := range strings.Split(names, ";") {
			m[strings.ToLower(strings.TrimSpace(name))] = talk.Language(code)
		}
	}
	return m
}()

// iso639Table is ISO 639-1 as the Library of Congress names its
// languages in English (ISO 639-2's list): code|name; other name...
const iso639Table = `
	aa|Afar
	ab|Abkhazian
	ae|Avestan
	af|Afrikaans
	ak|Akan
	am|Amharic
	an|Aragonese
	ar|Arabic
	as|Assamese
	av|Avaric
	ay|Aymara
	az|Azerbaijani
	ba|Bashkir
	be|Belarusian
	bg|Bulgarian
	bh|Bihari languages
	bi|Bislama
	bm|Bambara
	bn|Bengali
	bo|Tibetan
	br|Breton
	bs|Bosnian
	ca|Catalan; Valencian
	ce|Chechen
	ch|Chamorro
	co|Corsican
	cr|Cree
	cs|Czech
	cu|Church Slavic; Old Slavonic; Church Slavonic; Old Bulgarian; Old Church Slavonic
	cv|Chuvash
	cy|Welsh
	da|Danish
	de|German
	dv|Divehi; Dhivehi; Maldivian
	dz|Dzongkha
	ee|Ewe
	el|Greek, Modern (1453-)
	en|English
	eo|Esperanto
	es|Spanish; Castilian
	et|Estonian
	eu|Basque
	fa|Persian
	ff|Fulah
	fi|Finnish
	fj|Fijian
	fo|Faroese
	fr|French
	fy|Western Frisian
	ga|Irish
	gd|Gaelic; Scottish Gaelic
	gl|Galician
	gn|Guarani
	gu|Gujarati
	gv|Manx
	ha|Hausa
	he|Hebrew
	hi|Hindi
	ho|Hiri Motu
	hr|Croatian
	ht|Haitian; Haitian Creole
	hu|Hungarian
	hy|Armenian
	hz|Herero
	ia|Interlingua (International Auxiliary Language Association)
	id|Indonesian
	ie|Interlingue; Occidental
	ig|Igbo
	ii|Sichuan Yi; Nuosu
	ik|Inupiaq
	io|Ido
	is|Icelandic
	it|Italian
	iu|Inuktitut
	ja|Japanese
	jv|Javanese
	ka|Georgian
	kg|Kongo
	ki|Kikuyu; Gikuyu
	kj|Kuanyama; Kwanyama
	kk|Kazakh
	kl|Kalaallisut; Greenlandic
	km|Central Khmer
	kn|Kannada
	ko|Korean
	kr|Kanuri
	ks|Kashmiri
	ku|Kurdish
	kv|Komi
	kw|Cornish
	ky|Kirghiz; Kyrgyz
	la|Latin
	lb|Luxembourgish; Letzeburgesch
	lg|Ganda
	li|Limburgan; Limburger; Limburgish
	ln|Lingala
	lo|Lao
	lt|Lithuanian
	lu|Luba-Katanga
	lv|Latvian
	mg|Malagasy
	mh|Marshallese
	mi|Maori
	mk|Macedonian
	ml|Malayalam
	mn|Mongolian
	mr|Marathi
	ms|Malay
	mt|Maltese
	my|Burmese
	na|Nauru
	nb|Bokmål, Norwegian; Norwegian Bokmål
	nd|Ndebele, North; North Ndebele
	ne|Nepali
	ng|Ndonga
	nl|Dutch; Flemish
	nn|Norwegian Nynorsk; Nynorsk, Norwegian
	no|Norwegian
	nr|Ndebele, South; South Ndebele
	nv|Navajo; Navaho
	ny|Chichewa; Chewa; Nyanja
	oc|Occitan (post 1500)
	oj|Ojibwa
	om|Oromo
	or|Oriya
	os|Ossetian; Ossetic
	pa|Panjabi; Punjabi
	pi|Pali
	pl|Polish
	ps|Pushto; Pashto
	pt|Portuguese
	qu|Quechua
	rm|Romansh
	rn|Rundi
	ro|Romanian; Moldavian; Moldovan
	ru|Russian
	rw|Kinyarwanda
	sa|Sanskrit
	sc|Sardinian
	sd|Sindhi
	se|Northern Sami
	sg|Sango
	si|Sinhala; Sinhalese
	sk|Slovak
	sl|Slovenian
	sm|Samoan
	sn|Shona
	so|Somali
	sq|Albanian
	sr|Serbian
	ss|Swati
	st|Sotho, Southern
	su|Sundanese
	sv|Swedish
	sw|Swahili
	ta|Tamil
	te|Telugu
	tg|Tajik
	th|Thai
	ti|Tigrinya
	tk|Turkmen
	tl|Tagalog
	tn|Tswana
	to|Tonga (Tonga Islands)
	tr|Turkish
	ts|Tsonga
	tt|Tatar
	tw|Twi
	ty|Tahitian
	ug|Uighur; Uyghur
	uk|Ukrainian
	ur|Urdu
	uz|Uzbek
	ve|Venda
	vi|Vietnamese
	vo|Volapük
	wa|Walloon
	wo|Wolof
	xh|Xhosa
	yi|Yiddish
	yo|Yoruba
	za|Zhuang; Chuang
	zh|Chinese
	zu|Zulu
`

// Language returns the BCP 47 tag of a language as RubyEvents writes it:
// a name in English, as ISO 639-1 names it ("Japanese", "english",
// "Panjabi", "Greek, Modern (1453-)", or the whole "Spanish; Castilian")
// or as CLDR does, a name in the language itself ("Español"; see
// [talk.LanguageByName]) or a language code ("ja", "pt-BR"). It reports
// false for names it does not know.
func Language(s string) (talk.Language, bool) {
	if strings.TrimSpace(s) == "" {
		return "", false
	}
	key := strings.ToLower(strings.TrimSpace(s))
	if l, ok := languages[key]; ok {
		return l, true
	}
	if l, ok := iso639Names[key]; ok {
		return l, true
	}
	if strings.Contains(key, ";") {
		// ISO 639's names of one language, all given: the first known.
		for _, name := range strings.Split(key, ";") {
			if l, ok := iso639Names[strings.TrimSpace(name)]; ok {
				return l, true
			}
		}
	}
	if l, ok := talk.LanguageByName(s); ok {
		return l, true
	}
	if len(s) <= 3 || strings.ContainsRune(s, '-') {
		if l, err := talk.ParseLanguage(s); err == nil {
			return l, true
		}
	}
	return "", false
}

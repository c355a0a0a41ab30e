package csl

// StopWords returns the words that title case leaves in lower case (unless
// first or after a colon), as the CSL project lists them
// (citation-style-language/schema, stop-words.json). The slice is a new
// copy on every call.
func StopWords() []string { return append([]string(nil), stopWords...) }

var stopWords = []string{
	"a", "according to", "across", "afore", "after", "against", "ahead of", "along", "alongside",
	"amid", "amidst", "among", "amongst", "an", "and", "anenst", "apart from", "apropos", "apud",
	"around", "as", "as regards", "aside", "astride", "at", "athwart", "atop", "back to",
	"barring", "because of", "before", "behind", "below", "beneath", "beside", "besides",
	"between", "beyond", "but", "by", "c", "ca", "circa", "close to", "d'", "de", "despite",
	"down", "due to", "during", "et", "except", "far from", "for", "forenenst", "from", "given",
	"in", "inside", "instead of", "into", "lest", "like", "modulo", "near", "next", "nor",
	"notwithstanding", "of", "off", "on", "onto", "or", "out", "outside of", "over", "per",
	"plus", "prior to", "pro", "pursuant to", "qua", "rather than", "regardless of", "sans",
	"since", "so", "such as", "than", "that of", "the", "through", "throughout", "thru",
	"thruout", "till", "to", "toward", "towards", "under", "underneath", "until", "unto", "up",
	"upon", "v.", "van", "versus", "via", "vis-à-vis", "von", "vs.", "where as", "with", "within",
	"without", "yet",
}

// citeprocSkipWords is the stop-word list citeproc-js applies, which
// output must match: the CSL list with "thru" written " thru" (so it
// never matches a word) and these additions.
var citeprocSkipWords = func() []string {
	var out []string
	for _, w := range stopWords {
		if w == "thru" {
			w = " thru"
		}
		out = append(out, w)
	}
	return append(out, "about", "above", "al", "vs", "v", "as for", "as of", "as per",
		"aside from", "except for", "inside of", "near to", "next to", "on to", "out from",
		"out of", "up to")
}()

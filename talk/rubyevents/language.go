package rubyevents

import (
	"strings"

	"github.com/talkmeta/talkmeta/talk"
)

// languages maps the English language names RubyEvents uses (in any case)
// to BCP 47 tags: every language its talks are given in, and their
// neighbours.
var languages = map[string]talk.Language{
	"english": "en", "japanese": "ja", "spanish": "es", "portuguese": "pt",
	"brazilian portuguese": "pt-BR", "portuguese (brazil)": "pt-BR", "french": "fr",
	"german": "de", "italian": "it", "russian": "ru", "chinese": "zh", "mandarin": "zh",
	"cantonese": "yue", "korean": "ko", "dutch": "nl", "polish": "pl", "ukrainian": "uk",
	"czech": "cs", "slovak": "sk", "turkish": "tr", "hebrew": "he", "indonesian": "id",
	"thai": "th", "vietnamese": "vi", "swedish": "sv", "norwegian": "no", "danish": "da",
	"finnish": "fi", "greek": "el", "hungarian": "hu", "romanian": "ro", "bulgarian": "bg",
	"croatian": "hr", "serbian": "sr", "slovenian": "sl", "lithuanian": "lt", "latvian": "lv",
	"estonian": "et", "catalan": "ca", "basque": "eu", "galician": "gl", "arabic": "ar",
	"persian": "fa", "hindi": "hi", "bengali": "bn", "tamil": "ta", "malay": "ms",
	"filipino": "fil", "tagalog": "tl", "belarusian": "be", "georgian": "ka", "armenian": "hy",
}

// Language returns the BCP 47 tag of a language as RubyEvents writes it:
// an English name ("Japanese", "english") or a language code ("ja", "pt-BR").
// It reports false for names it does not know.
func Language(s string) (talk.Language, bool) {
	if strings.TrimSpace(s) == "" {
		return "", false
	}
	if l, ok := languages[strings.ToLower(strings.TrimSpace(s))]; ok {
		return l, true
	}
	if len(s) <= 3 || strings.ContainsRune(s, '-') {
		if l, err := talk.ParseLanguage(s); err == nil {
			return l, true
		}
	}
	return "", false
}

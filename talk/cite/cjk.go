package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/cjk"
)

// compoundFamilies are two-character family names, which would otherwise
// be split after their first character.
var compoundFamilies = map[string]bool{
	"歐陽": true, "欧阳": true, "司馬": true, "司马": true, "諸葛": true, "诸葛": true,
	"上官": true, "東方": true, "东方": true, "皇甫": true, "令狐": true, "慕容": true,
	"夏侯": true, "尉遲": true, "尉迟": true, "公孫": true, "公孙": true, "長孫": true,
	"长孙": true, "宇文": true, "司徒": true, "西門": true, "西门": true,
	"남궁": true, "황보": true, "제갈": true, "선우": true, "독고": true,
}

// chineseFamilies are the commonest one-character Chinese family names,
// in traditional and simplified characters. A name written "信屹 陳" puts
// one of them last, in Western order; Japanese names with a one-character
// given name ("山田 剛") put a character that is rarely one of them last.
var chineseFamilies = func() map[string]bool {
	const names = "陳陈李王張张劉刘楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧田董袁潘于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟熊秦邱江尹薛閻阎段雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤駱骆游柯莊庄簡简施翁洪溫温顏颜賴赖"
	m := make(map[string]bool, len(names)/3)
	for _, r := range names {
		m[string(r)] = true
	}
	return m
}()

// parseCJK splits a name written (at least partly) in a CJK script; see
// [ParseNames] for the rules.
func parseCJK(s string) Name {
	var words []string
	for _, w := range strings.Fields(s) {
		if cjk.Has(w) {
			words = append(words, w)
		}
	}
	switch len(words) {
	case 0:
		return Name{Literal: s}
	case 1:
		return splitCJKWord(words[0])
	}
	if isKatakana(words[0]) && isKatakana(words[len(words)-1]) {
		return Name{Given: strings.Join(words[:len(words)-1], " "), Family: words[len(words)-1]}
	}
	if len(words) == 2 && chineseFamilies[words[1]] && utf8.RuneCountInString(words[0]) == 2 {
		return Name{Given: words[0], Family: words[1]}
	}
	return Name{Family: words[0], Given: strings.Join(words[1:], " ")}
}

// splitCJKWord splits a CJK name written without a space.
func splitCJKWord(w string) Name {
	runes := []rune(w)
	if strings.IndexFunc(w, func(r rune) bool { return unicode.In(r, unicode.Han, unicode.Hangul) }) < 0 ||
		strings.IndexFunc(w, func(r rune) bool { return unicode.In(r, unicode.Hiragana, unicode.Katakana) }) >= 0 {
		return Name{Literal: w} // Kana: a nickname, or a Japanese name we cannot split
	}
	if len(runes) >= 3 && compoundFamilies[string(runes[:2])] {
		return Name{Family: string(runes[:2]), Given: string(runes[2:])}
	}
	if len(runes) < 2 || len(runes) > 4 {
		return Name{Literal: w}
	}
	hangul := strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Han, r) }) < 0
	if !hangul && (len(runes) == 4 || len(runes) == 3 && !chineseFamilies[string(runes[0])]) {
		// Japanese, whose family names take one to three characters,
		// or Chinese with a rarer family name: no telling. Two
		// characters are a Chinese name ("傅群").
		return Name{Literal: w}
	}
	return Name{Family: string(runes[:1]), Given: string(runes[1:])}
}

func isKatakana(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Katakana, r) && r != '・' && r != 'ー' {
			return false
		}
	}
	return w != ""
}

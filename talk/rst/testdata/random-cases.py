#!/usr/bin/env python3
"""Writes random reStructuredText in many scripts, for holding talk/rst to
docutils beyond the fixed cases (the differential run that found the
width, name, directive and substitution disagreements fixed in 2026):

  python3 random-cases.py SEED N > /tmp/random.json
  python3 docutils-expect.py cases /tmp/random.json > /tmp/random-docutils.json
  TALKMETA_RST_CASES=/tmp/random-docutils.json go test -run TestCasesMatchDocutils ./talk/rst/

Each text is a few blocks: titles (over- and underlined, adornments a
little short or long for East Asian widths), grid and simple tables of
wide, combining and right-to-left text, lists, definition and field
lists, targets, substitutions, directives, and paragraphs whose inline
markup stands beside CJK, Arabic and other punctuation and spaces.
"""
import json, random, sys
from unicodedata import combining, east_asian_width

CHARS = list("日本語中文한국어שלוםمرحباabcxyz") + [
    "e\u0301", "か\u3099", "✅", "🚀", "🌡", "ＡＢ", "ｱ", "ß", "İ", "Σ", "ǅ", "\u0928\u094d", "١", "Ⅻ",
    "\u00a0", "\u3000", "\u2003", "\u200b", "\u200f", "\u202e", "«", "»", "„", "“", "‘", "’", "「", "」",
    "（", "）", "、", "。", "：", "–", "—", "¡", "¿", "§", "·", "\u061f", "\u060c"]
MARKS = ["*", "**", "``", "`", "|", "_", "__", ":emphasis:`", "`_", "[#]_", "\\"]


def width(s):
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in s) - sum(1 for c in s if combining(c))


def word(n=3):
    return "".join(random.choice(CHARS) for _ in range(random.randint(1, n))).strip() or "x"


def pad(s, n):
    return s + " " * max(0, n - width(s))


def inline():
    out = []
    for _ in range(random.randint(1, 6)):
        r = random.random()
        if r < 0.5:
            out.append(word())
        elif r < 0.8:
            m = random.choice(MARKS)
            out.append(m + word() + (m if random.random() < 0.7 else ""))
        else:
            out.append(random.choice(CHARS) + random.choice(MARKS) + word() + random.choice(MARKS) + random.choice(CHARS))
        out.append(random.choice([" ", " ", "", "\u3000"]))
    return "".join(out).strip() or "x"


def title():
    t, ch = inline(), random.choice("=-~#")
    n = max(1, width(t) + random.choice([-1, 0, 0, 1]))
    if random.random() < 0.4:
        return ch * n + "\n" + random.choice(["", " "]) + t + "\n" + ch * (n + random.choice([0, 0, 1])) + "\n"
    return t + "\n" + ch * n + "\n"


def table():
    ncol, nrow = random.randint(1, 3), random.randint(1, 3)
    cells = [[word() for _ in range(ncol)] for _ in range(nrow)]
    widths = [max(1, max(width(r[c]) for r in cells) + random.choice([0, 0, 0, 1, -1])) for c in range(ncol)]
    if random.random() < 0.5:
        sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        rows = [sep]
        for k, r in enumerate(cells):
            rows += ["| " + " | ".join(pad(c, w) for c, w in zip(r, widths)) + " |",
                     sep.replace("-", "=") if k == 0 and nrow > 1 and random.random() < 0.4 else sep]
        return "\n".join(rows) + "\n"
    border = "  ".join("=" * w for w in [*widths, 1][:max(2, ncol)])
    rows = [border] + ["  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells] + [border]
    return "\n".join(rows) + "\n"


def other():
    t = inline()
    return random.choice([
        "* " + t + "\n* " + inline() + "\n",
        random.choice(["1.", "a)", "(i)", "#.", "一."]) + " " + t + "\n",
        word() + " : " + word() + "\n    " + t + "\n",
        ":" + word() + ": " + t + "\n",
        ".. _" + word() + ": " + random.choice(["http://x/", word() + "_"]) + "\n",
        ".. |" + word() + random.choice(["", " ", "\u3000"]) + "| " + random.choice(["replace:: " + t, "unicode:: U+65E5", "image:: http://x/y.png"]) + "\n",
        ".. " + random.choice(["note", "image", word()]) + random.choice(["::", " ::"]) + " " + t + "\n",
        "| " + t + "\n| " + inline() + "\n",
        "    " + t + "\n\n    -- " + word() + "\n",
        t + "\n",
    ])


random.seed(int(sys.argv[1]))
texts = ["\n".join(random.choice([title, table, other, other])() for _ in range(random.randint(1, 4)))
         for _ in range(int(sys.argv[2]))]
json.dump(texts, sys.stdout, ensure_ascii=False)
print()

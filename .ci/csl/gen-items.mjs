// Scaffold: maps a pyvideo archive (<event>/category.json,
// <event>/videos/*.json) to CSL-JSON items the way /work/shared/CITATIONS.md
// describes, so talk/cite/csl can be checked against citeproc-js on the
// whole corpus. talk/cite holds the real mapping (cmd items-go.go uses it);
// this one is deliberately independent and simple, so the two give the
// engine different inputs. Usage:
//
//	node gen-items.mjs CORPUS_DIR > items.json
import fs from "node:fs";
import path from "node:path";

const root = process.argv[2];
if (!root) {
  console.error("usage: node gen-items.mjs CORPUS_DIR");
  process.exit(2);
}

const particles = new Set(["van", "von", "der", "den", "de", "da", "di", "du",
  "la", "le", "dos", "das", "del", "della", "ter", "ten", "zu", "af", "av"]);
const suffixes = /^(Jr\.?|Sr\.?|II|III|IV)$/;
const iso6393 = { eng: "en", spa: "es", por: "pt", fra: "fr", deu: "de",
  ita: "it", rus: "ru", jpn: "ja", zho: "zh", kor: "ko", pol: "pl",
  lit: "lt", eus: "eu", ces: "cs", glg: "gl" };

// name splits a display name by simple rules: one word, or words that
// look like a group, stay literal; a trailing Jr./Sr./II is the suffix;
// lower-case particles before the last word are non-dropping.
function name(display) {
  const s = display.replace(/\s+/g, " ").trim();
  if (!s) return null;
  let words = s.split(" ");
  if (words.length === 1 || /[&\d@]|\band\b|\bteam\b|various/i.test(s)) {
    return { literal: s };
  }
  const n = {};
  const last = words[words.length - 1];
  if (words.length > 2 && suffixes.test(last)) {
    n.suffix = last;
    words = words.slice(0, -1);
    words[words.length - 1] = words[words.length - 1].replace(/,$/, "");
  }
  n.family = words.pop();
  const parts = [];
  while (words.length > 1 && particles.has(words[words.length - 1])) {
    parts.unshift(words.pop());
  }
  if (parts.length) n["non-dropping-particle"] = parts.join(" ");
  if (words.length) n.given = words.join(" ");
  return n;
}

function clock(sec) {
  sec = Math.round(sec);
  const h = Math.floor(sec / 3600), m = Math.floor((sec % 3600) / 60), s = sec % 60;
  const pad = (x) => String(x).padStart(2, "0");
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

function videoURL(v) {
  return typeof v === "string" ? v : v && v.url;
}

const items = [];
for (const ev of fs.readdirSync(root).sort()) {
  const catFile = path.join(root, ev, "category.json");
  if (!fs.existsSync(catFile)) continue;
  const cat = JSON.parse(fs.readFileSync(catFile, "utf8"));
  const dir = path.join(root, ev, "videos");
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith(".json")) continue;
    const t = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    const it = { id: `${ev}/${f.slice(0, -5)}`, type: "speech" };
    if (t.title) it.title = t.title.trim();
    const authors = (t.speakers || []).map(name).filter(Boolean);
    if (authors.length) it.author = authors;
    if (cat.title) {
      it["event-title"] = cat.title;
      it.event = cat.title;
    }
    const m = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(t.recorded || "");
    if (m) {
      it.issued = { "date-parts": [[m[1], m[2], m[3]].filter(Boolean).map(Number)] };
    }
    it.genre = "Conference presentation";
    const url = videoURL((t.videos || [])[0]);
    if (url) it.URL = url;
    if (t.duration) it.dimensions = clock(Number(t.duration));
    if (t.language) it.language = iso6393[t.language] || t.language;
    if (t.description) it.abstract = t.description;
    if (t.tags && t.tags.length) it.keyword = t.tags.join(", ");
    items.push(it);
  }
}
process.stdout.write(JSON.stringify(items, null, 1) + "\n");

// Picks a deterministic, stratified sample of CSL-JSON items (talks
// from talk/cite's mapping of the corpus) for check.sh, since running
// citeproc-js on every talk in five styles takes far longer than CI's
// budget (about 6 ms per talk and style for single entries, as much
// again for a bibliography). The sample is:
//
//   - every STEP-th talk, for the corpus's ordinary shapes;
//   - the first talk of every shape: number of speakers (0, 1, 2,
//     3, 4, 5-6, 7-20, 21+), literal names, particles, suffixes, date
//     precision or none, language, URL, event, place, genre, type;
//   - every talk of about one in 32 (first speaker's family name,
//     year) groups with two talks or more, for year suffixes and added
//     names;
//   - up to six talks of about one in 32 family names shared by
//     speakers with different given names, for given-name
//     disambiguation.
//
// Usage: node sample.mjs ITEMS.json [STEP] > SAMPLE.json (STEP: 80)
import fs from "node:fs";

const [itemsPath, stepArg] = process.argv.slice(2);
if (!itemsPath) {
  console.error("usage: node sample.mjs ITEMS.json [STEP]");
  process.exit(2);
}
const step = Number(stepArg || 80);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));

// hash is FNV-1a, so the groups chosen do not depend on the platform.
function hash(s) {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(s, "utf8")) {
    h ^= c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function bucket(n) {
  if (n <= 4) return String(n);
  if (n <= 6) return "5-6";
  if (n <= 20) return "7-20";
  return "21+";
}

function shape(it) {
  const a = it.author || [];
  const d = it.issued && it.issued["date-parts"] ? it.issued["date-parts"][0].length : 0;
  return [
    it.type, bucket(a.length),
    a.some((n) => n.literal) ? "lit" : "",
    a.some((n) => n["non-dropping-particle"] || n["dropping-particle"]) ? "part" : "",
    a.some((n) => n.suffix) ? "suf" : "",
    a.some((n) => n.family && !n.given) ? "famonly" : "",
    "d" + d, it.language || "-", it.URL ? "url" : "", it["event-title"] ? "ev" : "",
    it["event-place"] ? "pl" : "", it.genre || "",
  ].join("|");
}

const pick = new Set();
const seenShape = new Map();
const groups = new Map();
const givens = new Map();
items.forEach((it, i) => {
  if (i % step === 0) pick.add(i);
  const s = shape(it);
  const n = seenShape.get(s) || 0;
  if (n < 1) pick.add(i);
  seenShape.set(s, n + 1);
  const first = (it.author || [])[0];
  if (first && first.family) {
    const year = it.issued && it.issued["date-parts"] ? it.issued["date-parts"][0][0] : "";
    const key = first.family + "\u0000" + year;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
    if (!givens.has(first.family)) givens.set(first.family, new Map());
    const byGiven = givens.get(first.family);
    if (!byGiven.has(first.given || "")) byGiven.set(first.given || "", []);
    byGiven.get(first.given || "").push(i);
  }
});
for (const [key, idx] of groups) {
  if (idx.length >= 2 && hash(key) % 32 === 0) idx.forEach((i) => pick.add(i));
}
for (const [family, byGiven] of givens) {
  if (byGiven.size >= 2 && hash(family) % 32 === 0) {
    [...byGiven.values()].flatMap((idx) => idx.slice(0, 2)).slice(0, 6).forEach((i) => pick.add(i));
  }
}
const out = [...pick].sort((a, b) => a - b).map((i) => items[i]);
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
console.error(`sample: ${out.length} of ${items.length} talks`);

// Formats all the items of one or more CSL-JSON files as one
// bibliography with citeproc-js, the way a user's reference list is made
// (updateItems, then makeBibliography): sorted as the style sorts,
// disambiguated (year suffixes, added names), numbered, with repeated
// authors substituted. It prints JSON:
//
//	{"style": "apa", "locale": "en-US", "items": ["a.json", ...],
//	 "text": ..., "html": ...}
//
// Usage:
//
//	node citeproc-bib.mjs STYLE.csl LOCALE.xml ITEMS.json [MORE.json...] > OUT.json
//
// talk/cite/csl checks WriteBibliography against it.
import fs from "node:fs";
import path from "node:path";
import CSL from "citeproc";

const [stylePath, localePath, ...itemsPaths] = process.argv.slice(2);
if (!itemsPaths.length) {
  console.error("usage: node citeproc-bib.mjs STYLE.csl LOCALE.xml ITEMS.json [MORE.json...]");
  process.exit(2);
}
const style = fs.readFileSync(stylePath, "utf8");
const locale = fs.readFileSync(localePath, "utf8");
const lang = (locale.match(/<locale[^>]*xml:lang="([^"]+)"/) || [, "en-US"])[1];
const items = itemsPaths.flatMap((p) => JSON.parse(fs.readFileSync(p, "utf8")));
const byID = new Map(items.map((it) => [String(it.id), it]));
const out = {
  style: path.basename(stylePath, ".csl"),
  locale: lang,
  items: itemsPaths.map((p) => path.basename(p)),
};
// With CITEPROC_TIMING=N, the bibliographies are made N times (the
// first runs warm the JIT up) and the last run's time per item and
// format goes to stderr, for comparison with Go's BenchmarkBibliography.
const reps = Math.max(Number(process.env.CITEPROC_TIMING) || 1, 1);
let ns = 0n;
for (let rep = 0; rep < reps; rep++) {
  // A fresh engine per run, made before the clock starts: Go's
  // Processor, too, compiles its style once.
  const engines = ["text", "html"].map((format) => {
    const e = new CSL.Engine(
      { retrieveLocale: () => locale, retrieveItem: (id) => byID.get(String(id)) },
      style, lang, true);
    e.setOutputFormat(format);
    return [format, e];
  });
  const start = process.hrtime.bigint();
  for (const [format, e] of engines) {
    e.updateItems(items.map((it) => String(it.id)));
    const [params, entries] = e.makeBibliography();
    out[format] = params.bibstart + entries.join("") + params.bibend;
  }
  ns = process.hrtime.bigint() - start;
}
if (process.env.CITEPROC_TIMING) {
  const ms = Number(ns) / 1e6 / 2 / Math.max(items.length, 1);
  console.error(`${out.style}: ${items.length} items, bibliography ${ms.toFixed(3)} ms per item and format`);
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");

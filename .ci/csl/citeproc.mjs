// Formats every item of a CSL-JSON file with citeproc-js, the reference
// CSL processor (Zotero's), one item at a time as talk/cite/csl does, and
// prints for each its bibliography entry and its citation, as plain text
// and as HTML:
//
//	{"style": "apa", "locale": "en-US", "items": [
//	  {"id": ..., "bibliography": {"text": ..., "html": ...},
//	   "citation": {"text": ..., "html": ...}}, ...]}
//
// Usage:
//
//	node citeproc.mjs STYLE.csl LOCALE.xml ITEMS.json > OUT.json
//
// Each item is processed alone (the processor state is reset before it), so
// nothing is disambiguated against other items and a citation number is
// always 1: that is the single-item behaviour the Go engine promises.
// Entries are trimmed of the newline and indentation citeproc-js puts
// around each one; the inner layout (second-field-align's divs) is kept.
import fs from "node:fs";
import path from "node:path";
import CSL from "citeproc";

const [stylePath, localePath, itemsPath] = process.argv.slice(2);
if (!itemsPath) {
  console.error("usage: node citeproc.mjs STYLE.csl LOCALE.xml ITEMS.json");
  process.exit(2);
}
const style = fs.readFileSync(stylePath, "utf8");
const locale = fs.readFileSync(localePath, "utf8");
const lang = (locale.match(/<locale[^>]*xml:lang="([^"]+)"/) || [, "en-US"])[1];
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byID = new Map(items.map((it) => [String(it.id), it]));

function engine(format) {
  const e = new CSL.Engine(
    { retrieveLocale: () => locale, retrieveItem: (id) => byID.get(String(id)) },
    style,
    lang,
    true, // forceLang: use the given locale whatever the style's default-locale says
  );
  e.setOutputFormat(format);
  return e;
}

const engines = { text: engine("text"), html: engine("html") };
// With CITEPROC_TIMING=N, everything runs N times (the first runs warm
// the JIT up) and the last run's time per item and format goes to
// stderr, for comparison with Go's BenchmarkCitation and BenchmarkEntry.
const reps = Math.max(Number(process.env.CITEPROC_TIMING) || 1, 1);
let out, citeNs, bibNs;
for (let rep = 0; rep < reps; rep++) {
  out = [];
  citeNs = 0n;
  bibNs = 0n;
  for (const it of items) {
    const id = String(it.id);
    const rec = { id, bibliography: {}, citation: {} };
    for (const [format, e] of Object.entries(engines)) {
      const t0 = process.hrtime.bigint();
      e.restoreProcessorState([]);
      e.updateItems([id]);
      const [, cites] = e.processCitationCluster(
        { citationItems: [{ id }], properties: { noteIndex: 0 } }, [], []);
      const t1 = process.hrtime.bigint();
      rec.citation[format] = cites.length ? cites[0][1] : "";
      const bib = e.bibliography.tokens.length ? e.makeBibliography() : null;
      bibNs += process.hrtime.bigint() - t1;
      citeNs += t1 - t0;
      rec.bibliography[format] = bib ? bib[1].join("").trim() : "";
    }
    out.push(rec);
  }
}
if (process.env.CITEPROC_TIMING) {
  const per = (ns) => (Number(ns) / 1e6 / 2 / Math.max(items.length, 1)).toFixed(3);
  console.error(`${path.basename(stylePath, ".csl")}: ${items.length} items, per item and format: ` +
    `citation (updateItems + processCitationCluster) ${per(citeNs)} ms, entry (makeBibliography) ${per(bibNs)} ms`);
}
process.stdout.write(JSON.stringify({
  style: path.basename(stylePath, ".csl"),
  locale: lang,
  items: out,
}, null, 1) + "\n");

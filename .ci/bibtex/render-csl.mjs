// Formats a CSL-JSON file with citeproc-js (the reference CSL processor)
// and prints one bibliography entry per item, in the order of the file, as
// JSON: [{"id": ..., "text": ..., "html": ...}]. Usage:
//
//	node render-csl.mjs STYLE.csl LOCALE.xml ITEMS.json
//
// talk/cite's TestCiteprocEventDate uses it to show what event-date does
// in each style.
import fs from "node:fs";
import CSL from "citeproc";

const [stylePath, localePath, itemsPath] = process.argv.slice(2);
if (!itemsPath) {
  console.error("usage: node render-csl.mjs STYLE.csl LOCALE.xml ITEMS.json");
  process.exit(2);
}
const style = fs.readFileSync(stylePath, "utf8");
const locale = fs.readFileSync(localePath, "utf8");
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byID = Object.fromEntries(items.map((it) => [it.id, it]));
const out = [];
for (const format of ["text", "html"]) {
  const engine = new CSL.Engine(
    { retrieveLocale: () => locale, retrieveItem: (id) => byID[id] },
    style,
    "en-US",
  );
  engine.setOutputFormat(format);
  items.forEach((it, i) => {
    engine.updateItems([it.id]);
    const [, entries] = engine.makeBibliography();
    out[i] = out[i] || { id: it.id };
    out[i][format] = entries.join("").trim();
  });
}
process.stdout.write(JSON.stringify(out) + "\n");

// Formats citation clusters with citeproc-js, the reference CSL
// processor (Zotero's), as talk/cite/csl's Processor.Cite does: for each
// cluster, a fresh processor state, updateItems with the cluster's items
// (in the cluster's order, which gives numeric styles their citation
// numbers), and one processCitationCluster citing them all for the
// first time. It prints each cluster's citation as plain text and HTML:
//
//	{"style": "apa", "locale": "en-US", "clusters": [
//	  {"ids": [...], "text": ..., "html": ...}, ...]}
//
// Usage:
//
//	node citeproc-cluster.mjs STYLE.csl LOCALE.xml CLUSTERS.json ITEMS.json... > OUT.json
//
// CLUSTERS.json is a list of clusters, each a list of item IDs found in
// the ITEMS.json files (CSL-JSON lists; a later file's item replaces an
// earlier one's of the same ID).
import fs from "node:fs";
import path from "node:path";
import CSL from "citeproc";

const [stylePath, localePath, clustersPath, ...itemsPaths] = process.argv.slice(2);
if (!itemsPaths.length) {
  console.error("usage: node citeproc-cluster.mjs STYLE.csl LOCALE.xml CLUSTERS.json ITEMS.json...");
  process.exit(2);
}
const style = fs.readFileSync(stylePath, "utf8");
const locale = fs.readFileSync(localePath, "utf8");
const lang = (locale.match(/<locale[^>]*xml:lang="([^"]+)"/) || [, "en-US"])[1];
const byID = new Map();
for (const p of itemsPaths) {
  for (const it of JSON.parse(fs.readFileSync(p, "utf8"))) {
    byID.set(String(it.id), it);
  }
}
const clusters = JSON.parse(fs.readFileSync(clustersPath, "utf8"));

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
const out = [];
for (const ids of clusters) {
  const rec = { ids };
  for (const id of ids) {
    if (!byID.has(String(id))) {
      console.error(`no item ${id}`);
      process.exit(1);
    }
  }
  for (const [format, e] of Object.entries(engines)) {
    e.restoreProcessorState([]);
    e.updateItems(ids.map(String));
    const [, cites] = e.processCitationCluster(
      { citationItems: ids.map((id) => ({ id: String(id) })), properties: { noteIndex: 0 } }, [], []);
    rec[format] = cites.length ? cites[0][1] : "";
  }
  out.push(rec);
}
process.stdout.write(JSON.stringify({
  style: path.basename(stylePath, ".csl"),
  locale: lang,
  clusters: out,
}, null, 1) + "\n");

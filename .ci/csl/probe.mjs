// Formats CSL-JSON items in one style with citeproc-js every way
// talk/cite/csl can: each item alone (entry and citation, as
// citeproc.mjs), all of them as one bibliography (as citeproc-bib.mjs)
// and all of them as one citation cluster (as citeproc-cluster.mjs), as
// text and HTML. probe/main.go prints the same with the Go engine, so a
// hand-written style can be checked against citeproc-js by diffing the
// two (see probe.sh). Run by hand; CI does not use it.
//
//	node probe.mjs STYLE.csl LOCALE.xml ITEMS.json > OUT.json
import fs from "node:fs";
import CSL from "citeproc";

const [stylePath, localePath, itemsPath] = process.argv.slice(2);
const style = fs.readFileSync(stylePath, "utf8");
const locale = fs.readFileSync(localePath, "utf8");
const lang = (locale.match(/<locale[^>]*xml:lang="([^"]+)"/) || [, "en-US"])[1];
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byID = new Map(items.map((it) => [String(it.id), it]));
const ids = items.map((it) => String(it.id));

function engine(format) {
  const e = new CSL.Engine(
    { retrieveLocale: () => locale, retrieveItem: (id) => byID.get(String(id)) },
    style, lang, true);
  e.setOutputFormat(format);
  return e;
}

const out = { items: [], bibliography: {}, cluster: {} };
for (const id of ids) {
  const rec = { id, entry: {}, citation: {} };
  for (const format of ["text", "html"]) {
    try {
      const e = engine(format);
      e.updateItems([id]);
      const [, cites] = e.processCitationCluster(
        { citationItems: [{ id }], properties: { noteIndex: 0 } }, [], []);
      rec.citation[format] = cites.length ? cites[0][1] : "";
      const bib = e.bibliography.tokens.length ? e.makeBibliography() : null;
      rec.entry[format] = bib ? bib[1].join("").trim() : "";
    } catch (err) {
      rec.citation[format] = "ERROR " + err; if (process.env.PROBE_DEBUG) console.error(err);
    }
  }
  out.items.push(rec);
}
for (const format of ["text", "html"]) {
  try {
    let e = engine(format);
    e.updateItems(ids);
    if (e.bibliography.tokens.length) {
      const [params, entries] = e.makeBibliography();
      out.bibliography[format] = params.bibstart + entries.join("") + params.bibend;
    } else {
      out.bibliography[format] = "";
    }
    e = engine(format);
    e.updateItems(ids);
    const [, cites] = e.processCitationCluster(
      { citationItems: ids.map((id) => ({ id })), properties: { noteIndex: 0 } }, [], []);
    out.cluster[format] = cites.length ? cites[0][1] : "";
  } catch (err) {
    out.bibliography[format] = "ERROR " + err.message;
  }
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");

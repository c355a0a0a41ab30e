// citeproc.mjs times citeproc-js, the reference CSL processor (Zotero's),
// on the same work as examples/bench's style comparisons: each CSL-JSON
// item of ITEMS.json formatted alone as a plain-text bibliography entry,
// as a site does for a talk's "cite this" box, in each of the styles.
//
//	node .ci/bench/citeproc.mjs LOCALE.xml ITEMS.json STYLE.csl...
//
// For each style, one pass warms the JIT up and the best of three timed
// passes counts. It prints one JSON line per style: {"tool", "stage",
// "records", "wall", "cpu"} (seconds), the stage being "<style> entry".
import { readFileSync } from "node:fs";
import { basename, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import CSL from "citeproc";

const [localePath, itemsPath, ...stylePaths] = process.argv.slice(2);
if (stylePaths.length === 0) {
  console.error("usage: node citeproc.mjs LOCALE.xml ITEMS.json STYLE.csl...");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const version = JSON.parse(readFileSync(join(here, "node_modules", "citeproc", "package.json"), "utf8")).version;
const locale = readFileSync(localePath, "utf8");
const items = JSON.parse(readFileSync(itemsPath, "utf8"));
const byID = new Map(items.map((it) => [String(it.id), it]));

for (const stylePath of stylePaths) {
  const engine = new CSL.Engine(
    { retrieveLocale: () => locale, retrieveItem: (id) => byID.get(String(id)) },
    readFileSync(stylePath, "utf8"),
    "en-US",
    true,
  );
  engine.setOutputFormat("text");

  // entries formats every item's entry. An item that gets no entry, or
  // one with errors, stops the run: timed as if it had, it would make
  // citeproc-js look faster for work it did not do.
  const entries = () => {
    let chars = 0;
    for (const it of items) {
      engine.restoreProcessorState([]);
      engine.updateItems([String(it.id)]);
      const bib = engine.makeBibliography();
      if (!bib || bib[1].length !== 1 || bib[0].bibliography_errors.length > 0) {
        const errors = bib ? JSON.stringify(bib[0].bibliography_errors) : "no bibliography";
        console.error(`citeproc.mjs: ${basename(stylePath)}: item ${it.id} got ${bib ? bib[1].length : 0} entries, not 1: ${errors}`);
        process.exit(1);
      }
      chars += bib[1][0].length;
    }
    return chars;
  };

  // One run warms the JIT up; the best of the three timed runs counts, as
  // in examples/bench.
  entries();
  let best;
  for (let i = 0; i < 3; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    entries();
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    if (!best || wall < best.wall) best = { wall, cpu: (cpu.user + cpu.system) / 1e6 };
  }
  console.log(JSON.stringify({
    tool: `citeproc-js ${version}`,
    stage: `${basename(stylePath, ".csl")} entry`,
    records: items.length,
    ...best,
  }));
}

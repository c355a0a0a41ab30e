// Reduces citeproc.mjs runs over the whole corpus to one line per talk:
// its CSL item id, then per style the FNV-1a (32-bit) hash of the
// bibliography entry as text and as HTML and the citation as text and as
// HTML, joined by NUL characters. talk/cite/csl's TestCorpusDigests
// computes the same hashes from its own output, so CI can hold every
// talk of the corpus to citeproc-js's output without running citeproc-js
// on all of them (which takes longer than CI's budget).
//
// Usage: node digest.mjs VERSION RUN.json... > DIGESTS.tsv
// (one run per style, all over the same items, in the column order).
import fs from "node:fs";

const [version, ...runPaths] = process.argv.slice(2);
if (runPaths.length === 0) {
  console.error("usage: node digest.mjs VERSION RUN.json...");
  process.exit(2);
}

// fnv1a hashes the UTF-8 bytes of s.
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, "utf8")) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

const runs = runPaths.map((p) => JSON.parse(fs.readFileSync(p, "utf8")));
const lines = [
  `# citeproc-js ${version} (locale ${runs[0].locale}) on talk/cite's CSL-JSON of every talk of the shared pyvideo corpus, recorded by .ci/csl/record.sh.`,
  "# Per style: FNV-1a 32 of entry text, entry HTML, citation text and citation HTML, joined by NUL.",
  ["id", ...runs.map((r) => r.style)].join("\t"),
];
const n = runs[0].items.length;
for (let i = 0; i < n; i++) {
  const id = runs[0].items[i].id;
  const cols = [id];
  for (const r of runs) {
    const it = r.items[i];
    if (it.id !== id) throw new Error(`${r.style}: item ${i} is ${it.id}, not ${id}`);
    cols.push(fnv1a([it.bibliography.text, it.bibliography.html, it.citation.text, it.citation.html].join("\0")));
  }
  lines.push(cols.join("\t"));
}
process.stdout.write(lines.join("\n") + "\n");

// Reads a .bib file with @retorquere/bibtex-parser (the parser of Better
// BibTeX for Zotero), an independent reader, and prints every entry's type,
// key and fields as JSON for talk/cite's TestIndependentParsers to compare
// with the model. Case protection and sentence casing are turned off, so
// the fields are the text a reader of the bibliography sees.
import fs from "node:fs";
import { parse } from "@retorquere/bibtex-parser";

const file = process.argv[2];
if (!file) {
  console.error("usage: node parse-bib.mjs FILE.bib");
  process.exit(2);
}
const lib = parse(fs.readFileSync(file, "utf8"), {
  sentenceCase: false,
  english: false,
  caseProtection: false,
});
const out = {
  errors: lib.errors.map((e) => String(e.error ?? e.message ?? JSON.stringify(e))),
  comments: lib.comments,
  entries: lib.entries.map((e) => ({ type: e.type, key: e.key, fields: e.fields })),
};
process.stdout.write(JSON.stringify(out) + "\n");

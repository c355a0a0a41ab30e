// Reads an RIS file with citation-js's RIS plugin, an independent reader,
// and prints the records as the CSL-JSON it makes of them, for talk/cite's
// TestIndependentParsers to compare with the model.
import fs from "node:fs";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-ris";

const file = process.argv[2];
if (!file) {
  console.error("usage: node parse-ris.mjs FILE.ris");
  process.exit(2);
}
const items = plugins.input.chain(fs.readFileSync(file, "utf8"), {
  generateGraph: false,
  forceType: "@ris/file",
});
process.stdout.write(JSON.stringify(items) + "\n");

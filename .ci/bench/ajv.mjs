// ajv.mjs times ajv, the usual JavaScript JSON Schema validator, on the
// same work as examples/bench's "validate" stage: read every talk file of
// a pyvideo corpus, parse it and validate it against talkmeta's pyvideo
// schema (schema/pyvideo/talk.json, draft 2020-12, formats asserted).
//
//	node .ci/bench/ajv.mjs DIR
//
// It prints one JSON line for reading the files alone, one for read +
// parse + validate and one for validation alone (records parsed
// beforehand), which examples/bench -peers sets beside talkmeta's
// numbers.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const corpus = process.argv[2];
if (!corpus) {
  console.error("usage: node ajv.mjs DIR");
  process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(root, "schema", "pyvideo", "talk.json"), "utf8")));

// The talk files, listed as examples/bench lists them (talkFiles) and
// pyvideo.Talks reads them: those of the corpus itself when it is one
// event (it holds category.json or videos/), else of its directories,
// hidden ones and hidden files left out.
const isDir = (p) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
const root0 = readdirSync(corpus);
const events = root0.includes("category.json") || isDir(join(corpus, "videos"))
  ? ["."]
  : root0.filter((name) => !name.startsWith(".") && isDir(join(corpus, name)));
const files = [];
for (const event of events) {
  const videos = join(corpus, event, "videos");
  if (!isDir(videos)) continue;
  for (const name of readdirSync(videos).sort()) {
    if (name.endsWith(".json") && !name.startsWith(".")) files.push(join(videos, name));
  }
}

const version = JSON.parse(readFileSync(join(root, ".ci", "bench", "node_modules", "ajv", "package.json"), "utf8")).version;

// time runs fn once to warm the JIT up, then times ten runs and prints
// the best as one JSON line: {"tool", "stage", "records", "invalid",
// "wall", "cpu"} (seconds). examples/bench takes the best of ten too
// (validationRuns): a run is short, and this VM's slow spells are not.
function time(stage, fn) {
  fn();
  let best;
  for (let i = 0; i < 10; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const [records, invalid] = fn();
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    if (!best || wall < best.wall) best = { records, invalid, wall, cpu: (cpu.user + cpu.system) / 1e6 };
  }
  console.log(JSON.stringify({ tool: `ajv ${version}`, stage, ...best }));
}

// Reading alone is the floor under read+parse+validate, on both sides:
// what no validator can go below.
time("read only", () => {
  let bytes = 0;
  for (const f of files) bytes += readFileSync(f, "utf8").length;
  return [files.length, bytes < 0 ? 1 : 0];
});
time("read+parse+validate", () => {
  let invalid = 0;
  for (const f of files) if (!validate(JSON.parse(readFileSync(f, "utf8")))) invalid++;
  return [files.length, invalid];
});
const docs = files.map((f) => JSON.parse(readFileSync(f, "utf8")));
time("validate only", () => {
  let invalid = 0;
  for (const d of docs) if (!validate(d)) invalid++;
  return [docs.length, invalid];
});

// check.mjs holds talkmeta's embedded schemas to ajv, an independent
// JSON Schema implementation: every schema compiles in ajv's strict mode
// as draft 2020-12; every talk and category.json of the corpus is valid,
// as talkmeta's pyvideo profile finds it; talkmeta's own sample talk is
// valid; and records with planted faults are invalid to ajv too.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const corpus = process.argv[2];
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
const load = (p) => JSON.parse(readFileSync(join(root, "schema", p), "utf8"));
for (const p of ["event.json", "speaker.json", "talk.json", "pyvideo/talk.json", "pyvideo/category.json"]) {
  ajv.addSchema(load(p));
}
const v = (id) => ajv.getSchema("https://talkmeta.github.io/schema/v1/" + id);
const pyTalk = v("pyvideo/talk.json"), pyEvent = v("pyvideo/category.json"), tmTalk = v("talk.json");

let failures = 0;
const expect = (ok, what, validate) => {
  if (ok) return;
  failures++;
  console.error(`schema: ${what}: ${JSON.stringify(validate.errors)}`);
};

let talks = 0, events = 0;
for (const event of readdirSync(corpus)) {
  const cat = join(corpus, event, "category.json");
  if (!existsSync(cat)) continue;
  events++;
  expect(pyEvent(JSON.parse(readFileSync(cat, "utf8"))), cat, pyEvent);
  for (const name of readdirSync(join(corpus, event, "videos"))) {
    const p = join(corpus, event, "videos", name);
    talks++;
    expect(pyTalk(JSON.parse(readFileSync(p, "utf8"))), p, pyTalk);
  }
}
expect(tmTalk(JSON.parse(readFileSync(join(root, "schema", "testdata", "talk.json"), "utf8"))), "schema/testdata/talk.json", tmTalk);

const seed = JSON.parse(readFileSync(join(root, "testdata", "pyvideo", "europython-2016", "videos", "yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"), "utf8"));
const planted = {
  "title a number": { ...seed, title: 35 },
  "no title": (({ title, ...rest }) => rest)(seed),
  "no videos": { ...seed, videos: [] },
  "date in words": { ...seed, recorded: "August 4, 2016" },
  "negative duration": { ...seed, duration: -1 },
  "fractional duration": { ...seed, duration: 1.5 },
  "speaker twice": { ...seed, speakers: ["A", "A"] },
  "relative video URL": { ...seed, videos: [{ type: "mp4", url: "talk.mp4" }] },
};
for (const [what, record] of Object.entries(planted)) {
  if (pyTalk(record)) {
    failures++;
    console.error(`schema: ajv accepts the planted fault "${what}"`);
  }
}
if (failures > 0) {
  console.error(`schema: ${failures} disagreement(s) with ajv`);
  process.exit(1);
}
console.log(`schema: ajv compiles all 5 schemas strictly; ${talks} talks and ${events} events valid; ${Object.keys(planted).length} planted faults refused`);

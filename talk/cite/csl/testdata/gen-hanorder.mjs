// Writes hanorder.bin: every Unified_Ideograph in the order of ICU's
// root collation, which citeproc-js's localeCompare uses and which
// orders Han by radical and stroke count (CLDR's "unihan" order), as
// runs of consecutive code points: for each run, in collation order,
// the distance from the previous run's end as a zigzag varint, then the
// run's length less one as a varint. talk/cite/csl compares with
// golang.org/x/text/collate, whose tables (CLDR 23) put Han in code
// point order instead. Regenerate with a Node whose ICU matches the one
// citeproc-js runs on:
//
//	node testdata/gen-hanorder.mjs > hanorder.bin
import process from "node:process";

const collator = new Intl.Collator("en-US", { sensitivity: "base", numeric: true });
const ideograph = /\p{Unified_Ideograph}/u;
const cps = [];
for (let cp = 0x3400; cp < 0x40000; cp++) {
  if (ideograph.test(String.fromCodePoint(cp))) cps.push(cp);
}
cps.sort((a, b) => collator.compare(String.fromCodePoint(a), String.fromCodePoint(b)) || a - b);
const bytes = [];
const varint = (n) => {
  while (n >= 0x80) {
    bytes.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
};
let prevEnd = 0;
for (let i = 0; i < cps.length; ) {
  let j = i;
  while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
  const delta = cps[i] - prevEnd;
  varint(delta >= 0 ? delta * 2 : -delta * 2 - 1);
  varint(j - i);
  prevEnd = cps[j];
  i = j + 1;
}
process.stdout.write(Buffer.from(bytes));
console.error(`${cps.length} ideographs, ICU ${process.versions.icu}, Unicode ${process.versions.unicode}`);

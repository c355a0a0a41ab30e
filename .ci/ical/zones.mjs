// Reads an .ics with ical.js and checks each VEVENT's start and end
// instants, through the file's own VTIMEZONEs, against the lines
// "UID start end" (RFC 3339, UTC) of the instants file. See zones.sh.
import fs from "node:fs";
import ICAL from "ical.js";

const [file, instants] = process.argv.slice(2);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
const want = fs.readFileSync(instants, "utf8").trim().split("\n");
for (const tz of comp.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
const iso = (t) => new Date(t.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
let failures = 0;
const events = comp.getAllSubcomponents("vevent");
if (events.length !== want.length) {
  console.log(`FAIL ${file}: ${events.length} VEVENTs, want ${want.length}`);
  failures++;
}
events.forEach((ve, i) => {
  const ev = new ICAL.Event(ve);
  const got = `${ev.uid} ${iso(ev.startDate)} ${iso(ev.endDate)}`;
  if (got !== want[i]) {
    console.log(`FAIL ${ev.summary}: ical.js reads ${got}, Go says ${want[i]}`);
    failures++;
  }
});
console.log(`${events.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);

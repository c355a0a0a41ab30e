// Parses each .ics with ical.js and checks every VEVENT's UID, SUMMARY,
// DTSTART (as an instant, through its VTIMEZONE) and length against
// what talkmeta's model says (the .expect.json beside it).
import fs from "node:fs";
import ICAL from "ical.js";

let failures = 0;
const fail = (msg) => { console.log("FAIL " + msg); failures++; };

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8");
  const want = JSON.parse(fs.readFileSync(file.replace(/\.ics$/, ".expect.json"), "utf8"));
  const comp = new ICAL.Component(ICAL.parse(text));
  // Register the calendar's own VTIMEZONEs, so that TZIDs resolve through
  // what the file says rather than through any built-in rules.
  for (const tz of comp.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(tz);
  }
  const events = comp.getAllSubcomponents("vevent");
  if (events.length !== want.length) fail(`${file}: ${events.length} VEVENTs, want ${want.length}`);
  events.forEach((ve, i) => {
    const w = want[i];
    if (!w) return;
    const ev = new ICAL.Event(ve);
    const where = `${file}: VEVENT ${i + 1} (${w.uid})`;
    if (ev.uid !== w.uid) fail(`${where}: UID ${ev.uid}`);
    if (ev.summary !== w.summary) fail(`${where}: SUMMARY ${JSON.stringify(ev.summary)}, want ${JSON.stringify(w.summary)}`);
    const start = ev.startDate;
    const tzid = ve.getFirstProperty("dtstart").getParameter("tzid") || "";
    if (tzid !== w.tzid) fail(`${where}: TZID ${tzid}, want ${w.tzid}`);
    const got = new Date(start.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
    if (got !== w.start) fail(`${where}: DTSTART is ${got}, want ${w.start}`);
    // DURATION, or DTEND for a talk across a change of the clocks.
    const secs = ev.endDate.toUnixTime() - start.toUnixTime();
    if (secs !== w.duration) fail(`${where}: DURATION ${secs}s, want ${w.duration}s`);
  });
  console.log(`${file}: ${events.length} VEVENTs parsed by ical.js`);
}
if (failures > 0) {
  console.log(`${failures} failed`);
  process.exit(1);
}
console.log("ical.js: all VEVENTs agree with the model");

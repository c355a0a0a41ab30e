// Checks pages with axe-core in headless Chromium, all in one browser
// session, and can take screenshots at desktop and phone widths.
//
// Usage: node axe.mjs [--map URL=DIR]... [--shots PREFIX] [--json FILE] PAGE.html...
//
// Each page is checked with axe's default rules (WCAG 2.x A and AA and
// best practices) four times: at a desktop width (1280 px) and a phone's
// (390 px), each in the light and the dark colour scheme, as the pages'
// colours and layout change with both. A violation is reported once per
// page with the views it was seen in.
//
// --map URL=DIR serves what a page asks for under URL (such as a site's
// base, https://talks.example.org/) from the files under DIR, so a site
// built with -base loads its own style sheet; everything else off the
// machine is blocked (embedded players come from the network, which CI
// does not have). --shots takes the screenshots of the first page only.
// --json writes every violation as JSON lines, one a node.
//
// Exits 1 if any page has a violation.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const maps = [];
const pages = [];
let shots = '';
let json = '';
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--map') {
    const [url, dir] = args[++i].split(/=(.*)/s);
    maps.push([url.endsWith('/') ? url : url + '/', resolve(dir)]);
  } else if (a === '--shots') shots = args[++i];
  else if (a === '--json') json = args[++i];
  else pages.push(resolve(a));
}
if (pages.length === 0) {
  console.error('usage: node axe.mjs [--map URL=DIR]... [--shots PREFIX] [--json FILE] PAGE.html...');
  process.exit(2);
}

const views = [
  { name: 'desktop', width: 1280, scheme: 'light' },
  { name: 'phone', width: 390, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, scheme: 'dark' },
  { name: 'phone-dark', width: 390, scheme: 'dark' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext();
await context.route('**/*', (r) => {
  const url = r.request().url();
  if (url.startsWith('file:')) return r.continue();
  for (const [base, dir] of maps) {
    if (url.startsWith(base)) {
      const path = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
      return r.fulfill({ path: join(dir, path) }).catch(() => r.abort());
    }
  }
  return r.abort();
});
const page = await context.newPage();
const lines = [];
let violations = 0;
for (const [i, file] of pages.entries()) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(pathToFileURL(file).href);
  await page.addScriptTag({ content: axeSource });
  const found = new Map();
  for (const view of views) {
    await page.setViewportSize({ width: view.width, height: 900 });
    await page.emulateMedia({ colorScheme: view.scheme });
    const result = await page.evaluate(async () => await window.axe.run(document));
    for (const v of result.violations) {
      for (const n of v.nodes) {
        const key = `${v.id} ${n.target.join(' ')}`;
        const seen = found.get(key);
        if (seen) {
          seen.views.push(view.name);
          continue;
        }
        found.set(key, { rule: v.id, impact: v.impact, help: v.help, target: n.target.join(' '),
          html: n.html, summary: n.failureSummary, views: [view.name] });
      }
    }
  }
  for (const f of found.values()) {
    console.log(`axe: ${file}: ${f.rule} (${f.impact}, ${f.views.join(' ')}): ${f.help}\n  ${f.target}`);
    lines.push(JSON.stringify({ page: file, ...f }));
  }
  violations += found.size;
  if (shots && i === 0) {
    for (const [name, width] of [['desktop', 1280], ['phone', 390]]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.screenshot({ path: `${shots}-${name}.png`, fullPage: true });
    }
  }
}
await browser.close();
if (json) writeFileSync(json, lines.map((l) => l + '\n').join(''));
console.log(`axe: ${violations} violations in ${pages.length} pages, each at ${views.map((v) => v.name).join(', ')}`);
process.exit(violations === 0 ? 0 : 1);

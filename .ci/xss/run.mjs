// Loads every .html file under a directory in headless Chromium and fails if
// any script ran that the page did not mean to run, or if the page holds
// anything that would run script on a click.
//
// Usage: node run.mjs DIR
//
// The hostile strings call __xss(n) when they manage to run. An init
// script defines __xss before any page script, so a call records the hit.
// Navigation away from the page, dialogs and popups count as hits too.
// After load, the DOM is audited: event-handler attributes, script
// elements other than JSON-LD, and javascript:/data:/vbscript: URLs in
// href, src, action, formaction, data or srcdoc attributes.
import { chromium } from 'playwright-core';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? '.');
const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.html')) files.push(p);
  }
})(dir);
if (files.length === 0) {
  console.error(`xss: no .html files under ${dir}`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext();
const hits = [];
await context.exposeBinding('__xssHit', ({ page }, n, how) => hits.push({ file: page.url(), n, how }));
await context.addInitScript(() => {
  window.__xss = (n) => window.__xssHit(n, 'script ran');
});
// Nothing may leave the machine; anything that is not a local file is
// refused (which also keeps embeds from loading).
await context.route('**/*', (route) => {
  const url = route.request().url();
  return url.startsWith('file:') ? route.continue() : route.abort();
});

const audit = () => {
  const bad = [];
  const danger = /^\s*(javascript|vbscript|data)\s*:/i;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) bad.push(`${el.tagName} has event handler ${name}`);
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster'].includes(name) &&
          danger.test(attr.value.replace(/[\u0000-\u001f]/g, ''))) {
        bad.push(`${el.tagName} ${name}=${attr.value.slice(0, 60)}`);
      }
      if (name === 'srcdoc') bad.push(`${el.tagName} has srcdoc`);
    }
    if (el.tagName === 'SCRIPT' && el.type !== 'application/ld+json') bad.push(`script element type=${el.type || 'text/javascript'}`);
    if (['OBJECT', 'EMBED', 'BASE', 'FORM'].includes(el.tagName)) bad.push(`${el.tagName} element`);
    if (el.tagName === 'META' && /refresh/i.test(el.getAttribute('http-equiv') || '')) bad.push('meta refresh');
  }
  return bad;
};

let checked = 0;
// A few pages at a time: most of the time goes to waiting on the browser.
const queue = [...files];
async function worker() {
  for (let file; (file = queue.shift()) !== undefined; ) await check(file);
}
async function check(file) {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  page.on('dialog', (d) => { hits.push({ file: url, how: `dialog ${d.type()}` }); d.dismiss(); });
  page.on('popup', (p) => hits.push({ file: url, how: `popup ${p.url()}` }));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && f.url() !== url && f.url() !== 'about:blank') hits.push({ file: url, how: `navigated to ${f.url()}` });
  });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15000 });
    await page.waitForTimeout(100);
    for (const b of await page.evaluate(audit)) hits.push({ file: url, how: b });
  } catch (e) {
    hits.push({ file: url, how: `failed to load: ${e.message.split('\n')[0]}` });
  }
  await page.close();
  checked++;
}
await Promise.all(Array.from({ length: 4 }, worker));
await browser.close();

for (const h of hits) console.log(`xss: ${h.file}: ${h.how}${h.n ? ` (payload ${h.n})` : ''}`);
console.log(`xss: ${checked} pages loaded, ${hits.length} script executions, navigations or dangerous constructs`);
process.exit(hits.length === 0 ? 0 : 1);

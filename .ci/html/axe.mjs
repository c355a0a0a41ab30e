// Checks a page with axe-core in headless Chromium and takes screenshots
// at desktop and phone widths.
//
// Usage: node axe.mjs PAGE.html [SCREENSHOT-PREFIX]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const page_ = resolve(process.argv[2]);
const shots = process.argv[3];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext();
// Embedded players come from the network, which CI does not have.
await context.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
const page = await context.newPage();
await page.goto(pathToFileURL(page_).href);
await page.addScriptTag({ content: axeSource });
const result = await page.evaluate(async () => await window.axe.run(document));
for (const v of result.violations) {
  console.log(`axe: ${v.id} (${v.impact}): ${v.help}`);
  for (const n of v.nodes) console.log(`  ${n.target.join(' ')}`);
}
if (shots) {
  for (const [name, width] of [['desktop', 1280], ['phone', 390]]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}-${name}.png`, fullPage: true });
  }
}
await browser.close();
console.log(`axe: ${result.violations.length} violations, ${result.passes.length} rules passed`);
process.exit(result.violations.length === 0 ? 0 : 1);

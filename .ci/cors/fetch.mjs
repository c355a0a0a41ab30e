// Serves an empty page on two origins, one that the server lists in -cors
// and one it does not, and from each has Chromium fetch what a script of a
// conference site would: a talk's JSON-LD and BibTeX, the same again with
// If-None-Match (a header that needs a preflight), a range, and a page
// that does not exist. A listed origin must read every answer as the
// server gave it; another must read none.
//
// Usage: node fetch.mjs SERVER LISTED_PORT OTHER_PORT
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';

const [server, listedPort, otherPort] = process.argv.slice(2);
const talk = '/europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html';

const origins = await Promise.all([listedPort, otherPort].map((port) => new Promise((ok) => {
  const s = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><title>origin</title>');
  });
  s.listen(Number(port), '127.0.0.1', () => ok(s));
})));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// fetches runs in the page: each request, and what the script could read
// of its answer, or the error the browser gave it instead.
const fetches = async ({ server, talk }) => {
  const read = async (path, headers) => {
    try {
      const r = await fetch(server + path, { headers });
      const body = await r.text();
      return { status: r.status, type: r.headers.get('content-type'), etag: r.headers.get('etag'),
        range: r.headers.get('content-range'), start: body.slice(0, 20) };
    } catch (e) {
      return { error: e.name };
    }
  };
  const ld = await read(talk, { Accept: 'application/ld+json' });
  return {
    ld,
    bibtex: await read(talk, { Accept: 'application/x-bibtex' }),
    again: await read(talk, { Accept: 'application/ld+json', 'If-None-Match': ld.etag ?? '"none"' }),
    range: await read(talk, { Accept: 'application/ld+json', Range: 'bytes=0-4' }),
    missing: await read('/no/such/page.html', { Accept: 'application/ld+json' }),
  };
};

const failures = [];
for (const [port, allowed] of [[listedPort, true], [otherPort, false]]) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const got = await page.evaluate(fetches, { server, talk });
  await page.close();
  const want = allowed
    ? {
      ld: { status: 200, type: 'application/ld+json', etag: got.ld.etag, range: null, start: '{\n  "@context": "htt' },
      bibtex: { status: 200, type: 'application/x-bibtex; charset=utf-8', etag: got.bibtex.etag, range: null, start: got.bibtex.start },
      again: { status: 304, type: null, etag: got.ld.etag, range: null, start: '' },
      range: { status: 206, type: 'application/ld+json', etag: got.ld.etag, range: got.range.range, start: '{\n  "' },
      missing: { status: 404, type: 'text/plain; charset=utf-8', etag: null, range: null, start: '404 not found: no pa' },
    }
    : Object.fromEntries(Object.keys(got).map((k) => [k, { error: 'TypeError' }]));
  if (allowed && !((got.bibtex.start ?? '').startsWith('@') && /^[0-9a-f"]/.test(got.ld.etag ?? '') && /^bytes 0-4\/\d+$/.test(got.range.range ?? ''))) {
    failures.push(`origin ${port}: unexpected BibTeX, ETag or range: ${JSON.stringify(got)}`);
  }
  for (const k of Object.keys(want)) {
    if (JSON.stringify(got[k]) !== JSON.stringify(want[k])) {
      failures.push(`origin ${port} (${allowed ? 'listed' : 'not listed'}), ${k}: got ${JSON.stringify(got[k])}, want ${JSON.stringify(want[k])}`);
    }
  }
}
await browser.close();
origins.forEach((s) => s.close());
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log('cors: Chromium read all 5 answers from the listed origin, and none from another');

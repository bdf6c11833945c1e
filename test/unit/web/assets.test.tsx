import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAssets } from '../../../src/web/assets.ts';

// How fast the build is belongs in a benchmark, not here: a busy test machine would make it flaky.
test('buildAssets returns hashed css, js and fonts that all exist in files', async () => {
  const bundle = await buildAssets();
  assert.match(bundle.newsroom.css, /^\/assets\/newsroom-[0-9a-f]{10}\.css$/);
  assert.match(bundle.newsroom.js, /^\/assets\/newsroom-[0-9a-f]{10}\.js$/);
  assert.equal(bundle.files.get(bundle.newsroom.js)?.contentType, 'text/javascript; charset=utf-8');

  assert.match(bundle.css, /^\/assets\/styles-[0-9a-f]{10}\.css$/);
  assert.match(bundle.js, /^\/assets\/main-[0-9a-f]{10}\.js$/);
  assert.equal(bundle.files.get(bundle.css)?.contentType, 'text/css; charset=utf-8');
  assert.equal(bundle.files.get(bundle.js)?.contentType, 'text/javascript; charset=utf-8');
  assert.ok(bundle.fontPreload.length >= 1);
  for (const url of bundle.fontPreload) assert.equal(bundle.files.get(url)?.contentType, 'font/woff2', url);

  const fonts = [...bundle.files.entries()].filter(([url]) => url.endsWith('.woff2'));
  const fontBytes = fonts.reduce((sum, [, file]) => sum + file.body.length, 0);
  assert.ok(fonts.length >= 4 && fontBytes < 250_000, `${fonts.length} fonts, ${fontBytes} bytes`);
  for (const [, file] of fonts) assert.equal(file.body.subarray(0, 4).toString('latin1'), 'wOF2');
});

test('the stylesheet is small and refers only to hashed fonts that the bundle serves', async () => {
  const bundle = await buildAssets();
  const css = bundle.files.get(bundle.css)!.body.toString('utf8');
  assert.ok(css.length < 15_000, `${css.length} bytes of CSS`);
  const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/^["']|["']$/g, ''));
  assert.ok(urls.length >= 4);
  for (const url of urls) {
    assert.match(url, /^\/assets\/[a-z-]+-\d{3}-normal-[0-9a-f]{10}\.woff2$/);
    assert.ok(bundle.files.has(url), url);
  }
  assert.equal((css.match(/@font-face/g) ?? []).length, urls.length);
  assert.equal((css.match(/font-display:swap/g) ?? []).length, urls.length);
  assert.equal((css.match(/unicode-range:/g) ?? []).length, urls.length);
  // The page is RTL: physical left/right in the CSS would be a layout bug.
  assert.doesNotMatch(css, /\b(left|right)\b/);
});

test('the same sources build to the same URLs, so caches stay valid across restarts', async () => {
  const [a, b] = await Promise.all([buildAssets(), buildAssets()]);
  assert.deepEqual([...a.files.keys()].sort(), [...b.files.keys()].sort());
});

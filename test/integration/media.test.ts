import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { Parser } from 'htmlparser2';
import sharp from 'sharp';
import { documentFromParagraphs, type ArticleDocument } from '../../src/content/articles/article-document.ts';
import { MEDIA_LIMITS } from '../../src/content/media/media.ts';
import { ERROR_CATALOG, type ErrorCode } from '../../src/errors.ts';
import { signedIn, type TestSession, type TestUser } from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';
import {
  avifImage,
  declaredBombPng,
  exifHasGps,
  gifImage,
  HTML_PAGE,
  onePixelPng,
  plainJpeg,
  SHELL_SCRIPT,
  sidewaysJpegWithGps,
  SVG_WITH_SCRIPT,
  translucentPng,
  truncatedJpeg,
  webpImage,
} from '../helpers/media-fixtures.ts';

interface FilePart {
  bytes: Buffer;
  filename: string;
  type: string;
}

/** A multipart/form-data body as a browser sends it (the platform's own FormData encoder). */
async function multipart(parts: [string, string | FilePart][]): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.filename);
  }
  const request = new Request('http://midad.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

/**
 * What in a page could run or restyle it, read by a real HTML parser (as a browser tokenizes it):
 * script and svg and style elements, on* attributes, javascript: URLs and style attributes.
 */
function activeMarkup(html: string) {
  const found = { scripts: 0, handlers: [] as string[], svg: 0, style: 0, javascriptUrls: 0, styleAttributes: 0 };
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script') found.scripts += 1;
      if (name === 'svg') found.svg += 1;
      if (name === 'style') found.style += 1;
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/i.test(attribute)) found.handlers.push(`${name} ${attribute}`);
        if (attribute === 'style') found.styleAttributes += 1;
        if (/^(href|src|action|formaction)$/i.test(attribute) && /^\s*javascript:/i.test(value)) found.javascriptUrls += 1;
      }
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

// The same rules as the reader pages' validity test.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': 'off', 'doctype-style': 'off', 'no-trailing-whitespace': 'off', 'long-title': 'off' },
});

async function assertValidHtml(html: string, what: string): Promise<void> {
  const report = await validator.validateString(html);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
  assert.deepEqual(problems, [], `${what} has HTML problems`);
}

/** assert.ok with a message: without one, Node re-reads the test's source to describe the failure. */
function assertIncludes(text: string, fragment: string): void {
  assert.ok(text.includes(fragment), `expected to find: ${fragment}`);
}

const jpegFile = (bytes: Buffer, filename = 'photo.jpg'): FilePart => ({ bytes, filename, type: 'image/jpeg' });

type Users = Record<'writer' | 'editor' | 'admin', TestUser & { session: TestSession }>;

async function counts(site: TestSite) {
  const media = await site.db.kysely.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const variants = await site.db.kysely.selectFrom('media_variants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const audit = await site.services.audit.list({ actions: ['media.uploaded'], limit: 1000 });
  return { media: Number(media.n), variants: Number(variants.n), uploads: audit.length };
}

/** Hostile text for alt, caption and credit: stored as text, shown escaped, never run. */
const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">انقر</a>',
  '<svg><script>alert(1)</script></svg>',
  '<div style="width: expression(alert(1))">',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '</figcaption></figure><script>alert(1)</script>',
  '<<b>وسم مكسور <i',
  "' onmouseover='alert(1)",
  'صورة \u202Egpj.exe\u202C مقلوبة',
] as const;

forEachDialect('media library', {}, (site) => {
  let users: Users;
  let seed = 1000;
  const freshJpeg = () => plainJpeg(24, 16, seed++);

  before(async () => {
    users = {
      writer: await signedIn(site(), 'writer'),
      editor: await signedIn(site(), 'editor'),
      admin: await signedIn(site(), 'admin'),
    };
  });

  async function apiUpload(session: TestSession | null, parts: [string, string | FilePart][], options: { csrf?: boolean } = {}) {
    const { payload, contentType } = await multipart(parts);
    const headers: Record<string, string> = { 'content-type': contentType, accept: 'application/json' };
    if (session) headers.cookie = session.cookie;
    if (session && options.csrf !== false) headers['x-csrf-token'] = session.csrfToken;
    return site().app.inject({ method: 'POST', url: '/newsroom/api/media', headers, payload });
  }

  async function formUpload(session: TestSession, parts: [string, string | FilePart][]) {
    const { payload, contentType } = await multipart([['_csrf', session.csrfToken], ...parts]);
    return site().app.inject({ method: 'POST', url: '/newsroom/media', headers: { 'content-type': contentType, cookie: session.cookie }, payload });
  }

  function assertRefused(res: { statusCode: number; json(): unknown }, code: ErrorCode) {
    assert.equal(res.statusCode, ERROR_CATALOG[code].status, `status for ${code}`);
    assert.equal((res.json() as { error: { code: string } }).error.code, code);
  }

  test('a sideways phone photo with GPS is stored once, upright, with every variant and no metadata; the same file again gives the same item', async () => {
    const photo = await sidewaysJpegWithGps(700, 400);
    assert.ok(exifHasGps((await sharp(photo).metadata()).exif), 'the fixture carries a GPS position');
    const before = await counts(site());

    const first = await apiUpload(users.writer.session, [['alt', 'متظاهرون في ساحة المدينة'], ['caption', 'من مظاهرة الأمس'], ['credit', 'Reuters'], ['file', jpegFile(photo, 'IMG_0001.JPG')]]);
    assert.equal(first.statusCode, 201, first.body);
    const { item } = first.json() as { item: { id: number; width: number; height: number; widths: number[]; format: string; alt: string; caption: string; credit: string; url: string } };
    assert.equal(item.format, 'jpeg');
    // 700×400 stored sideways is 400×700 upright: variants at 320 and at its own 400.
    assert.equal(item.width, 400);
    assert.equal(item.height, 700);
    assert.deepEqual(item.widths, [320, 400]);
    assert.equal(item.alt, 'متظاهرون في ساحة المدينة');
    assert.equal(item.credit, 'Reuters');
    assert.equal(item.url, `/media/${item.id}/640.webp`);

    const again = await apiUpload(users.editor.session, [['alt', 'نص آخر'], ['file', jpegFile(photo, 'copy.jpeg')]]);
    assert.equal(again.statusCode, 200);
    const second = again.json() as { item: { id: number; alt: string }; created: boolean };
    assert.equal(second.created, false);
    assert.equal(second.item.id, item.id);
    assert.equal(second.item.alt, 'متظاهرون في ساحة المدينة');

    const after = await counts(site());
    assert.equal(after.media, before.media + 1);
    assert.equal(after.variants, before.variants + 4, 'two widths in two formats, stored once');
    assert.equal(after.uploads, before.uploads + 1);

    for (const format of ['webp', 'avif'] as const) {
      for (const width of [320, 400]) {
        const res = await site().app.inject({ method: 'GET', url: `/media/${item.id}/${width}.${format}` });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], format === 'avif' ? 'image/avif' : 'image/webp');
        const meta = await sharp(res.rawPayload).metadata();
        assert.equal(meta.width, width);
        assert.equal(meta.height, Math.round((700 * width) / 400));
        assert.equal(meta.exif, undefined, `${width}.${format} carries no EXIF`);
        assert.equal(meta.xmp, undefined);
      }
    }
  });

  test('the same new file uploaded twice at the same moment is stored once; both uploads get the same item', async () => {
    const photo = await freshJpeg();
    const before = await counts(site());
    const [a, b] = await Promise.all([
      apiUpload(users.writer.session, [['alt', 'الأولى'], ['file', jpegFile(photo)]]),
      apiUpload(users.editor.session, [['alt', 'الثانية'], ['file', jpegFile(photo)]]),
    ]);
    const results = [a, b].map((res) => res.json() as { item: { id: number }; created: boolean });
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 201]);
    assert.equal(results[0]!.item.id, results[1]!.item.id);
    assert.deepEqual(results.map((r) => r.created).sort(), [false, true]);
    const after = await counts(site());
    assert.equal(after.media, before.media + 1);
    assert.equal(after.variants, before.variants + 2);
  });

  test('the public image route: a year of immutable caching, the right type, an ETag, nosniff; 304 on a match; Arabic 404 for anything else', async () => {
    const upload = await apiUpload(users.writer.session, [['alt', 'شعار'], ['file', { bytes: await translucentPng(60, 40), filename: 'logo.png', type: 'image/png' }]]);
    const { item } = upload.json() as { item: { id: number } };
    const res = await site().app.inject({ method: 'GET', url: `/media/${item.id}/60.webp` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(res.headers['content-type'], 'image/webp');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    // Feed readers and partners' pages may show published pictures.
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(res.headers['content-encoding'], undefined);
    const etag = String(res.headers.etag);
    assert.match(etag, /^"[0-9a-f]{16}-60-webp"$/);
    assert.equal((await sharp(res.rawPayload).metadata()).hasAlpha, true);

    const cached = await site().app.inject({ method: 'GET', url: `/media/${item.id}/60.webp`, headers: { 'if-none-match': etag } });
    assert.equal(cached.statusCode, 304);
    assert.equal(cached.rawPayload.length, 0);

    // A standard width always answers: a 60 px picture asked for at 640 is served at its own 60.
    const standard = await site().app.inject({ method: 'GET', url: `/media/${item.id}/640.avif` });
    assert.equal(standard.statusCode, 200);
    assert.equal(standard.headers['content-type'], 'image/avif');
    assert.equal((await sharp(standard.rawPayload).metadata()).width, 60);

    for (const url of [`/media/${item.id}/61.webp`, `/media/${item.id}/60.png`, `/media/${item.id}/60.jpg`, '/media/999999/320.webp', '/media/abc/320.webp', `/media/${item.id}/..%2F320.webp`]) {
      const missing = await site().app.inject({ method: 'GET', url });
      assert.equal(missing.statusCode, 404, url);
      assert.match(missing.headers['content-type'] as string, /^text\/html/);
      assert.match(missing.body, /<html lang="ar" dir="rtl">/);
      assertIncludes(missing.body, ERROR_CATALOG.MEDIA_NOT_FOUND.message.ar);
    }
  });

  test('PNG with alpha, WebP, AVIF and a one-pixel image are accepted, never upscaled', async () => {
    const cases: [FilePart, number[]][] = [
      [{ bytes: await translucentPng(50, 30), filename: 'a.png', type: 'image/png' }, [50]],
      [{ bytes: await webpImage(360, 200), filename: 'b.webp', type: 'image/webp' }, [320, 360]],
      [{ bytes: await avifImage(30, 20), filename: 'c.avif', type: 'image/avif' }, [30]],
      [{ bytes: await onePixelPng(), filename: 'dot.png', type: 'image/png' }, [1]],
    ];
    for (const [file, widths] of cases) {
      const res = await apiUpload(users.writer.session, [['alt', `صورة ${file.filename}`], ['file', file]]);
      assert.equal(res.statusCode, 201, `${file.filename}: ${res.body}`);
      assert.deepEqual((res.json() as { item: { widths: number[] } }).item.widths, widths, file.filename);
    }
  });

  test('disguised, broken, oversized and alt-less uploads are refused with their code, and nothing is stored', async () => {
    const cases: [string, [string, string | FilePart][], ErrorCode][] = [
      ['a shell script named photo.jpg', [['alt', 'صورة'], ['file', jpegFile(SHELL_SCRIPT, 'photo.jpg')]], 'MEDIA_TYPE_UNSUPPORTED'],
      ['an SVG sent as image/png', [['alt', 'صورة'], ['file', { bytes: SVG_WITH_SCRIPT, filename: 'x.png', type: 'image/png' }]], 'MEDIA_TYPE_UNSUPPORTED'],
      ['an HTML page sent as image/png', [['alt', 'صورة'], ['file', { bytes: HTML_PAGE, filename: 'x.png', type: 'image/png' }]], 'MEDIA_TYPE_UNSUPPORTED'],
      ['a GIF', [['alt', 'صورة'], ['file', { bytes: await gifImage(), filename: 'x.gif', type: 'image/gif' }]], 'MEDIA_TYPE_UNSUPPORTED'],
      ['a truncated JPEG', [['alt', 'صورة'], ['file', jpegFile(await truncatedJpeg())]], 'MEDIA_INVALID'],
      ['a PNG declaring 30000×30000 pixels', [['alt', 'صورة'], ['file', { bytes: declaredBombPng(), filename: 'bomb.png', type: 'image/png' }]], 'MEDIA_INVALID'],
      ['an empty file', [['alt', 'صورة'], ['file', jpegFile(Buffer.alloc(0), 'empty.jpg')]], 'MEDIA_INVALID'],
      ['no file at all', [['alt', 'صورة']], 'VALIDATION_FAILED'],
      ['a photo without alt text', [['file', jpegFile(await freshJpeg())]], 'VALIDATION_FAILED'],
      ['a photo whose alt text is only spaces and controls', [['alt', ' \u200f\t\u202e '], ['file', jpegFile(await freshJpeg())]], 'VALIDATION_FAILED'],
      ['alt text over the limit', [['alt', 'ص'.repeat(MEDIA_LIMITS.altMax + 1)], ['file', jpegFile(await freshJpeg())]], 'VALIDATION_FAILED'],
      ['two files', [['alt', 'صورة'], ['file', jpegFile(await freshJpeg())], ['file2', jpegFile(await freshJpeg())]], 'VALIDATION_FAILED'],
    ];
    const overLimit = Buffer.alloc(MEDIA_LIMITS.maxBytes + 1);
    (await freshJpeg()).copy(overLimit);
    cases.push(['a file of 20 MB and one byte', [['alt', 'صورة'], ['file', jpegFile(overLimit)]], 'MEDIA_TOO_LARGE']);

    const before = await counts(site());
    for (const [name, parts, code] of cases) {
      const res = await apiUpload(users.editor.session, parts);
      assert.equal(res.statusCode, ERROR_CATALOG[code].status, `${name}: ${res.body.slice(0, 200)}`);
      const error = (res.json() as { error: { code: string; fields?: Record<string, string> } }).error;
      assert.equal(error.code, code, name);
      if (name.includes('alt')) assert.match(error.fields?.alt ?? '', /[\u0600-\u06ff]/, `${name}: an Arabic message for the alt field`);
    }
    assert.deepEqual(await counts(site()), before, 'nothing stored, nothing audited');
  });

  test('a 3 MB upload passes (the app body limit of 1 MB is not the upload limit), and a script hidden after the picture never reaches a variant', async () => {
    const marker = '<script>alert("polyglot")</script>';
    const polyglot = Buffer.concat([await freshJpeg(), Buffer.from(marker), randomBytes(3_000_000)]);
    const res = await apiUpload(users.writer.session, [['alt', 'صورة كبيرة'], ['file', jpegFile(polyglot)]]);
    assert.equal(res.statusCode, 201, res.body);
    const { item } = res.json() as { item: { id: number; bytes: number; widths: number[] } };
    assert.equal(item.bytes, polyglot.length);
    for (const format of ['webp', 'avif']) {
      const variant = await site().app.inject({ method: 'GET', url: `/media/${item.id}/${item.widths[0]}.${format}` });
      assert.equal(variant.statusCode, 200);
      assert.ok(variant.rawPayload.length < 5_000, `a ${format} variant holds the picture only (${variant.rawPayload.length} bytes)`);
      assert.equal(variant.rawPayload.includes(Buffer.from(marker)), false);
    }
  });

  test('a body far over the limit is refused from its Content-Length, before it is read', async () => {
    const res = await site().app.inject({
      method: 'POST',
      url: '/newsroom/api/media',
      headers: {
        cookie: users.writer.session.cookie,
        'x-csrf-token': users.writer.session.csrfToken,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(MEDIA_LIMITS.maxBytes * 3),
      },
      payload: Buffer.alloc(1024),
    });
    assertRefused(res, 'MEDIA_TOO_LARGE');
  });

  test('without a session an upload is refused with 401, and without the CSRF token with 403; nothing stored', async () => {
    const before = await counts(site());
    const parts: [string, string | FilePart][] = [['alt', 'صورة'], ['file', jpegFile(await freshJpeg())]];
    assertRefused(await apiUpload(null, parts), 'AUTH_REQUIRED');
    assertRefused(await apiUpload(users.editor.session, parts, { csrf: false }), 'CSRF_INVALID');
    const wrongToken = await apiUpload({ cookie: users.editor.session.cookie, csrfToken: 'forged-token' }, parts);
    assertRefused(wrongToken, 'CSRF_INVALID');
    // Another person's token with my cookie is no better.
    assertRefused(await apiUpload({ cookie: users.editor.session.cookie, csrfToken: users.writer.session.csrfToken }, parts), 'CSRF_INVALID');
    // The no-JavaScript form: no session → 401 page, no _csrf field → 403 page.
    const { payload, contentType } = await multipart(parts);
    const signedOut = await site().app.inject({ method: 'POST', url: '/newsroom/media', headers: { 'content-type': contentType }, payload });
    assert.equal(signedOut.statusCode, 401);
    assert.match(signedOut.body, /<html lang="ar" dir="rtl"/);
    const noToken = await site().app.inject({ method: 'POST', url: '/newsroom/media', headers: { 'content-type': contentType, cookie: users.editor.session.cookie }, payload });
    assert.equal(noToken.statusCode, 403);
    assertIncludes(noToken.body, ERROR_CATALOG.CSRF_INVALID.message.ar);
    // Listing and deleting need a session too.
    assert.equal((await site().app.inject({ method: 'GET', url: '/newsroom/api/media' })).statusCode, 401);
    assert.equal((await site().app.inject({ method: 'GET', url: '/newsroom/media' })).statusCode, 303);
    assert.deepEqual(await counts(site()), before);
  });

  test('the library page uploads without JavaScript (multipart form, then a redirect) and shows every picture with its alt text', async () => {
    const session = users.writer.session;
    const page = await site().app.inject({ method: 'GET', url: '/newsroom/media', headers: { cookie: session.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post" action="\/newsroom\/media" enctype="multipart\/form-data"/);
    assert.match(page.body, /<input type="hidden" name="_csrf" value="[^"]+"/);
    assert.match(page.body, /<label for="media-alt">/);

    const res = await formUpload(session, [['alt', 'مئذنة الجامع الكبير عند الغروب'], ['caption', 'المدينة القديمة'], ['credit', 'AFP'], ['file', jpegFile(await freshJpeg(), 'minaret.jpg')]]);
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    assert.match(location, /^\/newsroom\/media\?done=uploaded#media-\d+$/);
    const id = Number(/#media-(\d+)/.exec(location)![1]);

    const library = await site().app.inject({ method: 'GET', url: '/newsroom/media?done=uploaded', headers: { cookie: session.cookie } });
    assert.equal(library.statusCode, 200);
    assert.match(library.body, /role="status">رُفعت الصورة/);
    assert.match(library.body, new RegExp(`<li id="media-${id}" class="media-library-item">`));
    assertIncludes(library.body, 'alt="مئذنة الجامع الكبير عند الغروب"');
    assertIncludes(library.body, `srcset="/media/${id}/24.avif 24w"`);
    // A writer may not delete, so no delete buttons are offered.
    assert.doesNotMatch(library.body, /\/delete"/);

    await assertValidHtml(library.body, 'the media library page');

    const search = await site().app.inject({ method: 'GET', url: `/newsroom/media?q=${encodeURIComponent('الجامع')}`, headers: { cookie: session.cookie } });
    assertIncludes(search.body, `id="media-${id}"`);
    assert.match(search.body, /<p class="media-total" role="status">1 صورة<\/p>/);
    const none = await site().app.inject({ method: 'GET', url: `/newsroom/media?q=${encodeURIComponent('%_لا شيء')}`, headers: { cookie: session.cookie } });
    assert.match(none.body, /لا صور تطابق البحث/);

    const api = await site().app.inject({ method: 'GET', url: `/newsroom/api/media?q=${encodeURIComponent('الجامع')}`, headers: { cookie: session.cookie } });
    assert.equal(api.statusCode, 200);
    const listed = api.json() as { items: { id: number; alt: string; width: number; height: number; url: string; createdAt: string }[]; total: number };
    assert.equal(listed.total, 1);
    assert.deepEqual(
      { id: listed.items[0]!.id, alt: listed.items[0]!.alt, width: listed.items[0]!.width, height: listed.items[0]!.height },
      { id, alt: 'مئذنة الجامع الكبير عند الغروب', width: 24, height: 16 },
    );
    assert.equal(listed.items[0]!.createdAt, site().clock.now().toISOString());
  });

  test('a refused form upload shows the library again with the Arabic reason, the status, and what was typed', async () => {
    const session = users.editor.session;
    const before = await counts(site());
    const cases: [[string, string | FilePart][], ErrorCode][] = [
      [[['alt', 'صورة'], ['caption', 'تعليق يبقى'], ['file', jpegFile(SHELL_SCRIPT, 'photo.jpg')]], 'MEDIA_TYPE_UNSUPPORTED'],
      [[['alt', 'صورة'], ['caption', 'تعليق يبقى'], ['file', { bytes: declaredBombPng(), filename: 'bomb.png', type: 'image/png' }]], 'MEDIA_INVALID'],
      [[['alt', ''], ['caption', 'تعليق يبقى'], ['file', jpegFile(await freshJpeg())]], 'VALIDATION_FAILED'],
    ];
    for (const [parts, code] of cases) {
      const res = await formUpload(session, parts);
      assert.equal(res.statusCode, ERROR_CATALOG[code].status, code);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      assert.ok(res.body.includes(ERROR_CATALOG[code].message.ar), `${code}: the Arabic reason`);
      assert.match(res.body, /class="form-errors" role="alert"/);
      assert.ok(res.body.includes('value="تعليق يبقى"'), 'the caption typed is kept');
    }
    const altMissing = await formUpload(session, [['alt', ''], ['file', jpegFile(await freshJpeg())]]);
    await assertValidHtml(altMissing.body, 'the refused upload page');
    assert.match(altMissing.body, /<a href="#media-alt">النص البديل مطلوب/);
    assert.match(altMissing.body, /aria-invalid="true"/);
    assert.deepEqual(await counts(site()), before);
  });

  test(`hostile alt text, captions and credits (${HOSTILE_TEXTS.length} payloads, each in all three fields) are stored as text and shown escaped`, async () => {
    const session = users.writer.session;
    const ids: number[] = [];
    for (const text of HOSTILE_TEXTS) {
      const res = await apiUpload(session, [['alt', text], ['caption', text], ['credit', text.slice(0, 200)], ['file', jpegFile(await freshJpeg())]]);
      assert.equal(res.statusCode, 201, res.body);
      const { item } = res.json() as { item: { id: number; alt: string; caption: string } };
      ids.push(item.id);
      // Bidi overrides are dropped; everything else is kept exactly as typed.
      const expected = text.replace(/[\u202a-\u202e]/g, '').replace(/\s+/g, ' ').trim();
      assert.equal(item.alt, expected);
      assert.equal(item.caption, expected);
    }
    const page = await site().app.inject({ method: 'GET', url: '/newsroom/media?limit=100', headers: { cookie: session.cookie } });
    for (const id of ids) assertIncludes(page.body, `id="media-${id}"`);
    assert.deepEqual(activeMarkup(page.body), { scripts: 1, handlers: [], svg: 0, style: 0, javascriptUrls: 0, styleAttributes: 0 }, 'only the newsroom script runs');
    assert.doesNotMatch(page.body, /<b>|<i>|\u202e/);
    assertIncludes(page.body, '&lt;script>alert(1)&lt;/script>');
    assertIncludes(page.body, 'alt="&quot;>&lt;svg onload=alert(1)>"');
  });

  test('writers may not delete; editors delete an unused picture and its variants are gone', async () => {
    const upload = await apiUpload(users.writer.session, [['alt', 'صورة للحذف'], ['file', jpegFile(await freshJpeg())]]);
    const { item } = upload.json() as { item: { id: number } };
    const del = (session: TestSession, id: number | string) =>
      site().app.inject({ method: 'DELETE', url: `/newsroom/api/media/${id}`, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });

    assertRefused(await del(users.writer.session, item.id), 'FORBIDDEN');
    await assert.rejects(site().services.media.remove(users.writer.actor, item.id), { code: 'FORBIDDEN' });
    const noToken = await site().app.inject({ method: 'DELETE', url: `/newsroom/api/media/${item.id}`, headers: { cookie: users.editor.session.cookie } });
    assertRefused(noToken, 'CSRF_INVALID');
    assert.equal((await site().app.inject({ method: 'GET', url: `/media/${item.id}/320.webp` })).statusCode, 200);

    assert.equal((await del(users.editor.session, item.id)).statusCode, 204);
    assert.equal((await site().app.inject({ method: 'GET', url: `/media/${item.id}/320.webp` })).statusCode, 404);
    assertRefused(await del(users.editor.session, item.id), 'MEDIA_NOT_FOUND');
    assertRefused(await del(users.editor.session, 'abc'), 'MEDIA_NOT_FOUND');
    const variants = await site().db.kysely.selectFrom('media_variants').select('width').where('media_id', '=', item.id).execute();
    assert.equal(variants.length, 0);
    assert.equal((await site().services.audit.list({ actions: ['media.deleted'], subject: `media:${item.id}` })).length, 1);

    // The library page's delete button (no JavaScript) for an administrator.
    const other = (await apiUpload(users.writer.session, [['alt', 'صورة أخرى'], ['file', jpegFile(await freshJpeg())]])).json() as { item: { id: number } };
    const page = await site().app.inject({ method: 'GET', url: '/newsroom/media', headers: { cookie: users.admin.session.cookie } });
    assertIncludes(page.body, `action="/newsroom/media/${other.item.id}/delete"`);
    const form = await site().app.inject({
      method: 'POST',
      url: `/newsroom/media/${other.item.id}/delete`,
      headers: { cookie: users.admin.session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: users.admin.session.csrfToken }).toString(),
    });
    assert.equal(form.statusCode, 303);
    assert.equal(form.headers.location, '/newsroom/media?done=deleted');
  });

  test('a picture an article uses (featured or in the body) cannot be deleted; the article page draws both with <picture>, srcset, width and height', async () => {
    const desk = site().services.desk;
    const section = await site().services.sections.create(users.admin.actor, { name: 'صور' });
    const featuredRes = await apiUpload(users.editor.session, [['alt', 'البرلمان من الخارج'], ['credit', 'وكالة الأنباء'], ['file', jpegFile(await plainJpeg(1100, 60, 77))]]);
    const inBodyRes = await apiUpload(users.editor.session, [['alt', 'خريطة المنطقة'], ['caption', 'تعليق المكتبة'], ['file', jpegFile(await plainJpeg(700, 40, 78))]]);
    const featured = (featuredRes.json() as { item: { id: number } }).item.id;
    const inBody = (inBodyRes.json() as { item: { id: number } }).item.id;
    const hostileCaption = '<script>alert("caption")</script>';
    const body: ArticleDocument = {
      type: 'doc',
      content: [
        ...documentFromParagraphs(['الفقرة الأولى من الخبر.']).content,
        { type: 'image', attrs: { mediaId: inBody, alt: 'خريطة تبين مواقع الاشتباك', caption: hostileCaption, credit: 'Google Maps' } },
        ...documentFromParagraphs(['الفقرة الثانية من الخبر.']).content,
      ],
    };
    const draft = await desk.createDraft(users.editor.actor, {
      headline: 'خبر بصورتين',
      dek: null,
      byline: null,
      sourceKind: 'staff',
      sectionId: section.id,
      tags: [],
      slug: null,
      body,
      featuredMediaId: featured,
      featuredAlt: 'مبنى البرلمان صباح الجلسة',
    });
    const published = await desk.publish(users.editor.actor, draft.id, draft.version);

    for (const id of [featured, inBody]) {
      await assert.rejects(site().services.media.remove(users.editor.actor, id), { code: 'MEDIA_IN_USE' });
      const res = await site().app.inject({ method: 'DELETE', url: `/newsroom/api/media/${id}`, headers: { cookie: users.editor.session.cookie, 'x-csrf-token': users.editor.session.csrfToken } });
      assertRefused(res, 'MEDIA_IN_USE');
    }

    const page = await site().app.inject({ method: 'GET', url: `/article/${published.id}/${encodeURIComponent(published.slug)}` });
    assert.equal(page.statusCode, 200);
    const html = page.body;
    // The featured image: first, eager, high priority, with the article's own alt text.
    assert.ok(
      html.includes(
        `<figure class="image-figure featured-image"><picture><source type="image/avif" srcset="/media/${featured}/320.avif 320w, /media/${featured}/640.avif 640w, /media/${featured}/1024.avif 1024w, /media/${featured}/1100.avif 1100w" sizes="(min-width: 44rem) 42rem, 100vw"/>`,
      ),
      html.slice(html.indexOf('<figure'), html.indexOf('<figure') + 800),
    );
    assert.match(html, new RegExp(`<img src="/media/${featured}/1024.webp" srcset="/media/${featured}/320.webp 320w, [^"]+ 1100w" sizes="[^"]+" width="1100" height="60" alt="مبنى البرلمان صباح الجلسة" decoding="async" fetchpriority="high" loading="eager"/>`));
    assert.match(html, /<figcaption><span class="image-credit">الصورة: <bdi>وكالة الأنباء<\/bdi><\/span><\/figcaption>/);
    // The body image: lazy, its node's alt, caption and credit (escaped).
    assert.match(html, new RegExp(`<img src="/media/${inBody}/700.webp" srcset="/media/${inBody}/320.webp 320w, /media/${inBody}/640.webp 640w, /media/${inBody}/700.webp 700w" sizes="[^"]+" width="700" height="40" alt="خريطة تبين مواقع الاشتباك" decoding="async" loading="lazy"/>`));
    assertIncludes(html, '<span class="image-caption">&lt;script>alert(&quot;caption&quot;)&lt;/script></span>');
    assert.deepEqual(activeMarkup(html), { scripts: 1, handlers: [], svg: 2, style: 0, javascriptUrls: 0, styleAttributes: 0 }, 'the reader script and the header and back-to-top icons only');
    await assertValidHtml(html, 'the article page with pictures');
    // Share cards get the 1024 px WebP.
    assertIncludes(html, `<meta property="og:image" content="https://midad.test/media/${featured}/1024.webp"/>`);
    assertIncludes(html, '<meta property="og:image:width" content="1024"/>');
    assertIncludes(html, '<meta name="twitter:card" content="summary_large_image"/>');
  });
});

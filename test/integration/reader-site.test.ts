import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { forEachDialect } from '../helpers/test-site.ts';

const REFERENCE_HEADLINE = 'اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة';
const enc = (path: string) => encodeURI(path);

/** The inner HTML of the first element with this class (enough for our own, well-formed markup). */
function countMatches(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

function articleBody(html: string): string {
  const start = html.indexOf('<div class="article-body">');
  assert.ok(start >= 0, 'article body present');
  const end = html.indexOf('<footer class="article-footer"', start);
  return html.slice(start, end);
}

forEachDialect('the reader site with the demo content', { demo: true }, (site) => {
  test('the home page shows a lead story, the latest news and a block per section', async () => {
    const res = await site().app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
    const html = res.body;
    assert.match(html, /^<!doctype html><html lang="ar" dir="rtl">/);
    assert.match(html, /<section class="lead"/);
    assert.match(html, /<section class="latest"/);
    // The reference article is the newest story of the demo, so it leads.
    assert.ok(html.indexOf(REFERENCE_HEADLINE) < html.indexOf('<section class="latest"'));
    assert.equal(countMatches(html, /<section class="section-block"/g), 6);
    for (const name of ['دول العالم', 'الشرق الأوسط', 'رياضة', 'اقتصاد', 'تكنولوجيا', 'ثقافة']) assert.ok(html.includes(name), name);
    assert.match(html, /<link rel="canonical" href="https:\/\/midad\.test\/"/);
    assert.match(html, /<meta property="og:title"/);
  });

  test('a section page lists 12 cards newest first and links to the next page', async () => {
    const res = await site().app.inject(enc('/section/دول-العالم'));
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1[^>]*>دول العالم<\/h1>/);
    assert.equal(countMatches(res.body, /<article class="card/g), 12);
    const next = /<a class="load-more" href="([^"]+)" data-fragment="([^"]+)"/.exec(res.body);
    assert.ok(next, 'load-more link');
    assert.equal(decodeURI(next[1]!), '/section/دول-العالم?page=2');
    const fragment = await site().app.inject(next[2]!.replace(/&amp;/g, '&'));
    assert.equal(fragment.statusCode, 200);
    assert.equal(countMatches(fragment.body, /<li/g), 12);
    assert.doesNotMatch(fragment.body, /<html/);
    assert.equal(decodeURI(fragment.headers['x-next-page'] as string), '/section/دول-العالم?page=3');
  });

  test('the last page of a section has no load-more link, and a page past the end is a 404', async () => {
    const { services } = site();
    const section = await services.sections.getBySlug('ثقافة');
    const total = await services.articles.countPublished({ sectionId: section.id });
    const lastPage = Math.ceil(total / 12);
    const last = await site().app.inject(enc(`/section/ثقافة?page=${lastPage}`));
    assert.equal(last.statusCode, 200);
    assert.doesNotMatch(last.body, /class="load-more"/);
    assert.equal(countMatches(last.body, /<article class="card/g), total - (lastPage - 1) * 12);
    const fragment = await site().app.inject(enc(`/section/ثقافة?page=${lastPage}&fragment=1`));
    assert.equal(fragment.headers['x-next-fragment'], '');
    const beyond = await site().app.inject(enc(`/section/ثقافة?page=${lastPage + 1}`));
    assert.equal(beyond.statusCode, 404);
  });

  test('the reference article page shows section, headline, byline, both dates, 12 paragraphs and 4 related stories', async () => {
    const list = await site().app.inject('/api/v1/articles?limit=1');
    const [first] = list.json().items;
    assert.equal(first.headline, REFERENCE_HEADLINE);
    const path = new URL(first.url).pathname;
    const res = await site().app.inject(path);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, new RegExp(`<a class="section-label" href="${enc('/section/دول-العالم')}">دول العالم</a>`));
    assert.match(html, new RegExp(`<h1 class="headline">${REFERENCE_HEADLINE}</h1>`));
    assert.match(html, /وكالات – العربي/);
    assert.match(html, /<time[^>]*class="published"[^>]*datetime="2023-10-19T09:00:00.000Z"|<time[^>]*datetime="2023-10-19T09:00:00.000Z"[^>]*class="published"/);
    assert.ok(html.includes('19 أكتوبر 2023'), 'Gregorian date');
    assert.ok(html.includes('4 ربيع الآخر 1445'), 'Hijri date');
    const body = articleBody(html);
    assert.equal(countMatches(body, /<p[ >]/g), 12);
    assert.ok(body.includes('“الدعم الثابت والمبدئي”'), 'quotation marks kept as typed');
    for (const furniture of ['اظهر المزيد', 'مقالات ذات صلة', 'زر الذهاب إلى الأعلى']) assert.ok(!body.includes(furniture), furniture);
    const related = html.slice(html.indexOf('<section class="related"'));
    assert.match(related, /<h2[^>]*>مقالات ذات صلة<\/h2>/);
    assert.equal(countMatches(related, /<article class="card/g), 4);
    assert.ok(!related.includes(`>${REFERENCE_HEADLINE}<`), 'never the article itself');
    assert.match(html, /<button type="button" class="back-to-top" aria-label="الذهاب إلى الأعلى"/);
    assert.match(html, /<meta property="og:type" content="article"/);
    assert.match(html, /<meta property="article:published_time" content="2023-10-19T09:00:00.000Z"/);
    assert.match(html, new RegExp(`<link rel="canonical" href="https://midad.test${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });

  test('an old or missing slug answers 301 to the article\'s current address', async () => {
    const [first] = (await site().app.inject('/api/v1/articles?limit=1')).json().items;
    const canonical = new URL(first.url).pathname;
    for (const path of [`/article/${first.id}`, `/article/${first.id}/old-slug`, enc(`/article/${first.id}/عنوان-قديم`)]) {
      const res = await site().app.inject(path);
      assert.equal(res.statusCode, 301, path);
      assert.equal(res.headers.location, canonical);
    }
  });

  test('tag pages list the articles carrying the tag', async () => {
    const res = await site().app.inject(enc('/tag/سيرغي-لافروف'));
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1[^>]*>[^<]*سيرغي لافروف/);
    assert.ok(res.body.includes(REFERENCE_HEADLINE));
  });

  test('unknown pages, sections, tags and articles get the Arabic 404 page', async () => {
    for (const path of ['/nothing-here', enc('/section/لا-يوجد'), enc('/tag/لا-يوجد'), '/article/999999/x', '/article/abc/x']) {
      const res = await site().app.inject(path);
      assert.equal(res.statusCode, 404, path);
      assert.match(res.body, /<html lang="ar" dir="rtl">/);
      assert.match(res.body, /noindex/);
    }
  });

  test('malformed, overlong and odd URLs get an Arabic error page, never a 500', async () => {
    const urls = ['/section/%E0%A4%A', `/section/${'%D8%A7'.repeat(900)}`, '/tag/%F0%9F%98%80', '/section/../../etc/passwd', '/article/99999999999999999999/x'];
    for (const url of urls) {
      const res = await site().app.inject(url);
      assert.ok(res.statusCode === 400 || res.statusCode === 404, `${url.slice(0, 40)}: ${res.statusCode}`);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /<html lang="ar" dir="rtl">/);
    }
    const api = await site().app.inject('/api/v1/articles/%E0%A4%A');
    assert.equal(api.statusCode, 400);
    assert.equal(api.json().error.code, 'VALIDATION_FAILED');
  });

  test('hostile page numbers are refused with a clear error, never a 500', async () => {
    for (const page of ['0', '-1', 'abc', '1e9', '99999999999999999999', "1' OR 1=1"]) {
      const res = await site().app.inject(`${enc('/section/رياضة')}?page=${encodeURIComponent(page)}`);
      assert.ok(res.statusCode === 400 || res.statusCode === 404, `${page}: ${res.statusCode}`);
      assert.match(res.body, /dir="rtl"/);
    }
  });

  test('pages carry an ETag, and a matching If-None-Match gets 304 without a body', async () => {
    const first = await site().app.inject(enc('/section/رياضة'));
    const etag = first.headers.etag as string;
    assert.ok(etag);
    assert.match(first.headers['cache-control'] as string, /public/);
    const again = await site().app.inject({ url: enc('/section/رياضة'), headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  test('pages are compressed for browsers that accept it', async () => {
    const res = await site().app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(res.headers['content-encoding'], 'br');
    const gz = await site().app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
  });

  test('the stylesheet, script and fonts the pages name are served with long-lived caching', async () => {
    const html = (await site().app.inject('/')).body;
    const urls = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(urls.some((u) => u.endsWith('.css')) && urls.some((u) => u.endsWith('.js')) && urls.some((u) => u.endsWith('.woff2')));
    for (const url of urls) {
      const res = await site().app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['cache-control'] as string, /immutable/);
    }
  });

  test('a newly published article appears on the home page at once (the page cache is invalidated)', async () => {
    const before = await site().app.inject('/');
    assert.equal(before.statusCode, 200);
    const { services, clock } = site();
    const section = await services.sections.getBySlug('اقتصاد');
    const headline = 'خبر عاجل من اختبار ذاكرة الصفحات';
    await services.articles.create({
      headline,
      sourceKind: 'staff',
      sectionId: section.id,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'نص الخبر.' }] }] },
      status: 'published',
      publishedAt: clock.now(),
    });
    const after = await site().app.inject('/');
    assert.ok(after.body.includes(headline));
  });
});

test('the demo sample ships its citation and says the articles belong to their publishers', () => {
  const readme = readFileSync(new URL('../../demo/README.md', import.meta.url), 'utf8');
  assert.match(readme, /Chouigui/);
  assert.match(readme, /belong to their publishers/);
});

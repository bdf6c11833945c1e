import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArticlePage } from '../../../src/web/reader/views/article-page.tsx';
import { renderDocument } from '../../../src/web/reader/views/render-document.tsx';
import type { PageMeta } from '../../../src/web/view-models.ts';
import { count, html, inner } from './render-helpers.ts';
import { makeArticle, makeCards, makeSite, TWELVE_PARAGRAPHS } from './view-fixtures.ts';

const site = makeSite();

function articleMeta(view = makeArticle()): PageMeta {
  return {
    title: view.headline,
    description: view.dek ?? '',
    canonicalPath: view.path,
    ogType: 'article',
    article: { publishedTime: view.publishedAt.toISOString(), modifiedTime: null, section: view.section.name, tags: ['روسيا'] },
  };
}

test('the article page shows the headline as the one h1, with section label, dek and byline', () => {
  const page = html(<ArticlePage site={site} view={makeArticle()} />);
  assert.equal(count(page, '<h1'), 1);
  assert.match(page, /<h1 class="headline">اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة<\/h1>/);
  assert.match(page, /<a class="section-label" href="\/section\/%D8%AF%D9%88%D9%84-%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85">دول العالم<\/a>/);
  assert.match(page, /<p class="dek">لافروف في بيونغ يانغ/);
  // The byline already says وكالات, so no badge repeats it.
  assert.match(page, /<p class="byline"><bdi class="byline-text">وكالات – العربي<\/bdi><\/p>/);
  const moscow = html(<ArticlePage site={site} view={makeArticle({ byline: 'موسكو - د ب أ' })} />);
  assert.match(moscow, /<p class="byline"><span class="badge badge-wires">وكالات<\/span><bdi class="byline-text">موسكو - د ب أ<\/bdi><\/p>/);
});

test('a staff story has no agency badge, and a story without byline shows no byline block', () => {
  const staff = html(<ArticlePage site={site} view={makeArticle({ byline: 'سارة أحمد', sourceKind: 'staff', related: [] })} />);
  assert.match(staff, /<p class="byline"><bdi class="byline-text">سارة أحمد<\/bdi><\/p>/);
  assert.doesNotMatch(staff, /badge/);
  const none = html(<ArticlePage site={site} view={makeArticle({ byline: null, sourceKind: 'other', related: [] })} />);
  assert.doesNotMatch(none, /class="byline"/);
});

test('a twelve-paragraph body is rendered as twelve paragraphs, quotation marks as typed', () => {
  const body = inner(html(<ArticlePage site={site} view={makeArticle()} />), '<div class="article-body">', 'div');
  assert.equal(count(body, /<p[ >]/), 12);
  for (const paragraph of TWELVE_PARAGRAPHS) assert.ok(body.includes(`<p>${paragraph}</p>`), paragraph);
});

test('the publication date shows weekday, Gregorian and Hijri dates and the time in a <time datetime>', () => {
  const page = html(<ArticlePage site={site} view={makeArticle()} />);
  const published = /<time class="published" datetime="2023-10-19T09:30:00.000Z" title="([^"]+)">(.*?)<\/time>/.exec(page);
  assert.ok(published, 'time.published');
  const text = published[2]!.replace(/<[^>]+>/g, '');
  assert.match(text, /الخميس 19 أكتوبر 2023/);
  assert.match(text, /4 ربيع الآخر 1445/);
  assert.match(text, /12:30/);
  assert.match(published[1]!, /12:30/);
});

test('"آخر تحديث" appears only for an article changed after publication', () => {
  assert.doesNotMatch(html(<ArticlePage site={site} view={makeArticle()} />), /class="updated"/);
  const updated = html(<ArticlePage site={site} view={makeArticle({ updatedAt: new Date('2023-10-20T08:00:00Z') })} />);
  const line = /<p class="updated">آخر تحديث: <time datetime="2023-10-20T08:00:00.000Z"[^>]*>(.*?)<\/time><\/p>/.exec(updated);
  assert.ok(line, 'p.updated with a <time datetime>');
  assert.match(line[1]!.replace(/<[^>]+>/g, ''), /^الجمعة 20 أكتوبر 2023 — 5 ربيع الآخر 1445، الساعة 11:00 ص$/);
});

test('tags are links in ul.tags and share links carry the encoded absolute URL', () => {
  const page = html(<ArticlePage site={site} view={makeArticle()} />);
  assert.match(inner(page, '<ul class="tags"', 'ul'), /<a href="\/tag\/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7" rel="tag">روسيا<\/a>/);
  const share = inner(page, '<nav class="share" aria-label="مشاركة">', 'nav');
  const url = encodeURIComponent('https://news.example' + encodeURI(makeArticle().path));
  for (const host of ['https://x.com/intent/tweet?', 'https://www.facebook.com/sharer/sharer.php?u=', 'https://wa.me/?text=', 'https://t.me/share/url?url=']) {
    assert.ok(share.includes(host), host);
  }
  assert.ok(share.includes(`u=${url}`));
  assert.match(share, /<button type="button" class="share-link share-copy" data-url="https:\/\/news.example\/article\/42\/%D8[^"]*" hidden>نسخ الرابط<\/button>/);
});

test('the related block has the heading "مقالات ذات صلة" and four cards, and is left out when empty', () => {
  const page = html(<ArticlePage site={site} view={makeArticle({ related: makeCards(4, 100) })} />);
  const related = inner(page, '<section class="related" aria-labelledby="related-heading">', 'section');
  assert.match(related, /<h2 id="related-heading" class="block-title">مقالات ذات صلة<\/h2>/);
  assert.equal(count(related, '<article class="card">'), 4);
  assert.equal(count(related, '<h3 class="card-title">'), 4);
  assert.doesNotMatch(html(<ArticlePage site={site} view={makeArticle({ related: [] })} />), /class="related"|مقالات ذات صلة/);
});

test('a hostile headline is escaped everywhere it appears: h1, title, og and share links', () => {
  const headline = '<script>alert(1)</script>" onmouseover="alert(2)';
  const view = makeArticle({ headline, dek: '<img src=x onerror=alert(3)>', byline: '<b>x</b>' });
  const page = renderDocument(articleMeta(view), site, <ArticlePage site={site} view={view} />);
  assert.doesNotMatch(page, /<script>alert/);
  assert.doesNotMatch(page, /<img/);
  assert.doesNotMatch(page, /<b>x/);
  assert.doesNotMatch(page, /" onmouseover="/);
  const escaped = '&lt;script>alert(1)&lt;/script>&quot; onmouseover=&quot;alert(2)';
  assert.ok(page.includes(`<h1 class="headline">${escaped}</h1>`));
  assert.ok(page.includes(`<title>${escaped}</title>`));
  assert.ok(page.includes(`<meta property="og:title" content="${escaped}"/>`));
  assert.ok(page.includes(`<meta name="twitter:title" content="${escaped}"/>`));
});

test('the article page has lang="ar" dir="rtl", canonical, og and article:* tags and the back-to-top button', () => {
  const view = makeArticle();
  const page = renderDocument(articleMeta(view), site, <ArticlePage site={site} view={view} />);
  assert.ok(page.startsWith('<!doctype html><html lang="ar" dir="rtl">'));
  const canonical = 'https://news.example' + encodeURI(view.path);
  assert.ok(page.includes(`<link rel="canonical" href="${canonical}"/>`));
  assert.ok(page.includes(`<meta property="og:url" content="${canonical}"/>`));
  assert.ok(page.includes('<meta property="og:type" content="article"/>'));
  assert.ok(page.includes('<meta property="article:published_time" content="2023-10-19T09:30:00.000Z"/>'));
  assert.ok(page.includes('<meta property="article:section" content="دول العالم"/>'));
  assert.ok(page.includes('<meta property="article:tag" content="روسيا"/>'));
  assert.doesNotMatch(page, /article:modified_time/);
  assert.match(page, /<button type="button" class="back-to-top" aria-label="الذهاب إلى الأعلى" hidden><svg aria-hidden="true"/);
});

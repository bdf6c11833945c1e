import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorPage } from '../../../src/web/reader/views/error-page.tsx';
import { renderDocument } from '../../../src/web/reader/views/render-document.tsx';
import { SectionPage } from '../../../src/web/reader/views/section-page.tsx';
import { count } from './render-helpers.ts';
import { makeCardPage, makeSite, world } from './view-fixtures.ts';

const site = makeSite();

function sectionDocument(noindex = false): string {
  return renderDocument(
    { title: 'دول العالم', description: 'آخر أخبار دول العالم', canonicalPath: world.path, ogType: 'website', noindex },
    site,
    <SectionPage site={site} view={{ section: world, list: makeCardPage() }} />,
  );
}

test('every page is an Arabic right-to-left document with one doctype', () => {
  const page = sectionDocument();
  assert.ok(page.startsWith('<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"/>'));
  assert.equal(count(page, '<!doctype'), 1);
  assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1"\/>/);
});

test('the head has title, description, absolute canonical, Open Graph and Twitter tags', () => {
  const page = sectionDocument();
  const canonical = 'https://news.example/section/%D8%AF%D9%88%D9%84-%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85';
  for (const tag of [
    '<title>دول العالم</title>',
    '<meta name="description" content="آخر أخبار دول العالم"/>',
    `<link rel="canonical" href="${canonical}"/>`,
    `<meta property="og:url" content="${canonical}"/>`,
    '<meta property="og:type" content="website"/>',
    '<meta property="og:title" content="دول العالم"/>',
    '<meta property="og:site_name" content="مداد"/>',
    '<meta property="og:locale" content="ar_AR"/>',
    '<meta name="twitter:card" content="summary"/>',
    '<meta name="theme-color" media="(prefers-color-scheme: light)"',
    '<meta name="theme-color" media="(prefers-color-scheme: dark)"',
  ]) {
    assert.ok(page.includes(tag), tag);
  }
  assert.doesNotMatch(page, /article:published_time|name="robots"/);
});

test('robots noindex is set only when asked', () => {
  assert.match(sectionDocument(true), /<meta name="robots" content="noindex, follow"\/>/);
});

test('fonts are preloaded, and the hashed stylesheet and module script are linked', () => {
  const page = sectionDocument();
  assert.ok(page.includes('<link rel="preload" href="/assets/noto-naskh-arabic-arabic-400-normal-abc.woff2" as="font" type="font/woff2" crossorigin="anonymous"/>'));
  assert.ok(page.includes('<link rel="stylesheet" href="/assets/styles-abc.css"/>'));
  assert.ok(page.includes('<script type="module" src="/assets/main-abc.js" defer></script>'));
});

test('the body has the skip link, header with sections menu, focusable main, footer and back-to-top', () => {
  const page = sectionDocument();
  assert.match(page, /<body><a class="skip-link" href="#main">انتقل إلى المحتوى<\/a><header class="site-header">/);
  assert.match(page, /<a class="site-name" href="\/">مداد<\/a>/);
  assert.match(page, /<nav class="site-nav" aria-label="الأقسام">/);
  assert.match(page, /<a href="\/section\/%D8%AF[^"]*" aria-current="page">دول العالم<\/a>/);
  assert.match(page, /<main id="main" class="wrap site-main" tabindex="-1">/);
  assert.match(page, /<footer class="site-footer">/);
  assert.match(page, /<button type="button" class="back-to-top" aria-label="الذهاب إلى الأعلى" hidden>/);
});

test('an error page explains in Arabic and links back home', () => {
  const page = renderDocument(
    { title: 'الصفحة غير موجودة', description: '', canonicalPath: '/x', ogType: 'website', noindex: true },
    site,
    <ErrorPage site={site} view={{ status: 404, title: 'الصفحة غير موجودة', message: 'ربما نُقلت هذه الصفحة أو حُذفت.' }} />,
  );
  assert.match(page, /<h1 class="page-title">الصفحة غير موجودة<\/h1>/);
  assert.match(page, /<a class="button" href="\/">العودة إلى الصفحة الرئيسية<\/a>/);
  assert.doesNotMatch(page, /name="description"/);
});

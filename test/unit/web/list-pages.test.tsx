import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsFragmentHeaders, renderCardsFragment } from '../../../src/web/reader/views/cards-fragment.tsx';
import { HomePage } from '../../../src/web/reader/views/home-page.tsx';
import { SectionPage } from '../../../src/web/reader/views/section-page.tsx';
import { TagPage } from '../../../src/web/reader/views/tag-page.tsx';
import { count, html, inner } from './render-helpers.ts';
import { economy, makeCard, makeCardPage, makeCards, makeSite, world } from './view-fixtures.ts';

const site = makeSite();

test('a section page has the section name as its h1 and an ordered list of cards', () => {
  const page = html(<SectionPage site={site} view={{ section: world, list: makeCardPage() }} />);
  assert.equal(count(page, '<h1'), 1);
  assert.match(page, /<h1 class="page-title">دول العالم<\/h1>/);
  const list = inner(page, '<ol class="card-list">', 'ol');
  assert.equal(count(list, '<li>'), 12);
  assert.equal(count(list, '<article class="card">'), 12);
  assert.match(list, /<h2 class="card-title"><a href="\/article\/1\/%D8%AE%D8%A8%D8%B1-1">عنوان الخبر رقم 1<\/a><\/h2>/);
});

test('a card shows its section, byline (no second وكالات badge) and a relative <time datetime>', () => {
  const page = html(<SectionPage site={site} view={{ section: world, list: makeCardPage({ cards: [makeCard(2)] }) }} />);
  const card = inner(page, '<article class="card">', 'article');
  assert.match(card, /<span class="card-section">دول العالم<\/span>/);
  assert.match(card, /<span class="byline"><bdi class="byline-text">وكالات – العربي<\/bdi><\/span>/);
  assert.match(card, /<time datetime="2023-10-19T10:00:00.000Z" title="الخميس 19 أكتوبر 2023 — 4 ربيع الآخر 1445، 1:00 م">منذ ساعتين<\/time>/);
});

test('the load-more link is present only when there is a next page', () => {
  const more = html(
    <SectionPage
      site={site}
      view={{ section: world, list: makeCardPage({ nextPath: '/section/دول-العالم?page=2', nextFragmentPath: '/fragments/section/دول-العالم?page=2' }) }}
    />,
  );
  assert.ok(
    more.includes(
      '<a class="load-more" href="/section/%D8%AF%D9%88%D9%84-%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85?page=2" ' +
        'data-fragment="/fragments/section/%D8%AF%D9%88%D9%84-%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85?page=2">اظهر المزيد</a>',
    ),
  );
  assert.match(more, /<p class="sr-status" aria-live="polite"><\/p>/);
  // The link must come after the list inside the same .card-feed, which is what the script looks for.
  const feed = inner(more, '<div class="card-feed">', 'div');
  assert.ok(feed.indexOf('<ol class="card-list">') < feed.indexOf('class="load-more"'));

  const last = html(<SectionPage site={site} view={{ section: world, list: makeCardPage({ pageNumber: 3 }) }} />);
  assert.doesNotMatch(last, /load-more"|اظهر المزيد/);
  assert.match(last, /<p class="page-number">الصفحة 3<\/p>/);
});

test('an empty section says so instead of rendering an empty list', () => {
  const page = html(<SectionPage site={site} view={{ section: world, list: makeCardPage({ cards: [] }) }} />);
  assert.doesNotMatch(page, /card-list/);
  assert.match(page, /<p class="empty">/);
});

test('a tag page has the tag name as its h1', () => {
  const page = html(<TagPage site={site} view={{ tag: { slug: 'روسيا', name: 'روسيا', path: '/tag/روسيا' }, list: makeCardPage() }} />);
  assert.match(page, /<h1 class="page-title">روسيا<\/h1>/);
  assert.equal(count(page, '<article class="card">'), 12);
});

test('the cards fragment is only the <li> cards, and its headers carry the encoded next paths', () => {
  const list = makeCardPage({ cards: makeCards(12, 13), nextPath: '/section/دول-العالم?page=3', nextFragmentPath: '/fragments/section/دول-العالم?page=3', pageNumber: 2 });
  const fragment = renderCardsFragment(list, site);
  assert.ok(fragment.startsWith('<li><article class="card">'));
  assert.ok(fragment.endsWith('</article></li>'));
  assert.equal(count(fragment, '<li>'), 12);
  assert.doesNotMatch(fragment, /<ol|<html|load-more/);
  const headers = cardsFragmentHeaders(list);
  assert.equal(headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(headers['x-next-page'], '/section/%D8%AF%D9%88%D9%84-%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85?page=3');
  assert.equal(headers['x-next-fragment'], '/fragments/section/%D8%AF%D9%88%D9%84-%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85?page=3');
  for (const value of Object.values(headers)) assert.match(value, /^[\x20-\x7e]*$/, 'header values are ASCII');
  const end = cardsFragmentHeaders(makeCardPage());
  assert.equal(end['x-next-page'], '');
  assert.equal(end['x-next-fragment'], '');
});

test('the home page has the lead, "آخر الأخبار" and one block per section linking to the section page', () => {
  const page = html(
    <HomePage
      site={site}
      view={{
        lead: makeCard(1, { headline: 'الخبر الرئيسي اليوم' }),
        latest: makeCards(6, 2),
        sectionBlocks: [
          { section: world, cards: makeCards(3, 20) },
          { section: economy, cards: makeCards(3, 30).map((c) => ({ ...c, section: economy })) },
        ],
      }}
    />,
  );
  assert.equal(count(page, '<h1'), 1);
  const lead = inner(page, '<section class="lead"', 'section');
  assert.match(lead, /<h2 class="card-title"><a href="[^"]+">الخبر الرئيسي اليوم<\/a><\/h2>/);
  const latest = inner(page, '<section class="latest" aria-labelledby="latest-heading">', 'section');
  assert.match(latest, /<h2 id="latest-heading" class="block-title">آخر الأخبار<\/h2>/);
  assert.equal(count(latest, '<article class="card">'), 6);
  const block = inner(page, '<section class="section-block" data-section="اقتصاد"', 'section');
  assert.match(block, /<h2 id="block-1" class="block-title"><a href="\/section\/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF">اقتصاد<\/a><\/h2>/);
  assert.equal(count(block, '<h3 class="card-title">'), 3);
});

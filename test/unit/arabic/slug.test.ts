import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from '../../../src/arabic/slug.ts';

const HEADLINE = 'اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة';

test('the reference headline becomes a slug that reads as its Arabic words, cut between words at 80', () => {
  assert.equal(
    slugify(HEADLINE),
    'اجتماع-وزيري-خارجية-روسيا-وكوريا-الشمالية-يثير-شكوكا-غربية-بشأن-عمليات-نقل',
  );
});

test('hamza, ة and ى are kept as written; nothing is transliterated', () => {
  assert.equal(slugify('الأسلحة إلى المؤتمر'), 'الأسلحة-إلى-المؤتمر');
});

test('harakat and tatweel are removed: وَالْتَقَى الـعـربـي becomes والتقى-العربي', () => {
  assert.equal(slugify('وَالْتَقَى الـعـربـي'), 'والتقى-العربي');
});

test('Arabic-Indic digits become ASCII and Latin is lower-cased: "قال Lavrov إن ٢٠٢٣"', () => {
  assert.equal(slugify('قال Lavrov إن ٢٠٢٣'), 'قال-lavrov-إن-2023');
});

test('punctuation and quotes are dropped and dashes collapse: «نعم» — “لا”، ؟', () => {
  assert.equal(slugify('  «نعم» —  “لا”، ؟ -- '), 'نعم-لا');
  assert.equal(slugify('سوريا.. ترامب يترقب'), 'سوريا-ترامب-يترقب');
});

test('bidi controls and zero-width characters never reach the slug', () => {
  assert.equal(slugify('\u202eلافروف\u202c\u200f يصل\u200b'), 'لافروف-يصل');
});

test('a slug is never longer than maxLength and never ends with a dash', () => {
  for (const max of [5, 10, 20, 33, 80]) {
    const slug = slugify(HEADLINE, max);
    assert.ok([...slug].length <= max, `${max}: ${slug}`);
    assert.ok(!slug.endsWith('-') && !slug.startsWith('-'));
    assert.ok(slug.length > 0);
  }
  assert.equal(slugify(HEADLINE, 20), 'اجتماع-وزيري-خارجية');
});

test('a first word longer than maxLength is cut rather than dropped, so Arabic input never gives ""', () => {
  assert.equal(slugify('الاستراتيجيات', 5), 'الاست');
});

test('text without letters or digits gives "" so that the caller can fall back', () => {
  assert.equal(slugify(''), '');
  assert.equal(slugify(' ؟!، – “ ” ـــ '), '');
  assert.equal(slugify('\u064e\u0651'), '');
});

test('presentation forms become plain letters: ﻻ إله becomes لا-إله', () => {
  assert.equal(slugify('ﻻ إله'), 'لا-إله');
});

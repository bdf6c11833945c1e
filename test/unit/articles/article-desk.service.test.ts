import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentFromParagraphs } from '../../../src/content/articles/article-document.ts';
import { startOfLocalDay } from '../../../src/content/articles/article-desk.service.ts';
import { parseDraft } from '../../../src/content/articles/article-draft.ts';
import { diffParagraphs } from '../../../src/content/articles/revision-diff.ts';
import { AppError } from '../../../src/errors.ts';

test('paragraph diff lines up unchanged paragraphs around insertions, removals and edits', () => {
  assert.deepEqual(diffParagraphs(['أ', 'ب', 'ج', 'د'], ['أ', 'ج', 'هـ', 'د', 'و']), [
    { kind: 'same', text: 'أ' },
    { kind: 'removed', text: 'ب' },
    { kind: 'same', text: 'ج' },
    { kind: 'added', text: 'هـ' },
    { kind: 'same', text: 'د' },
    { kind: 'added', text: 'و' },
  ]);
  assert.deepEqual(diffParagraphs([], ['أ']), [{ kind: 'added', text: 'أ' }]);
  assert.deepEqual(diffParagraphs(['أ'], []), [{ kind: 'removed', text: 'أ' }]);
  assert.deepEqual(diffParagraphs(['أ', 'ب'], ['أ', 'ب']), [{ kind: 'same', text: 'أ' }, { kind: 'same', text: 'ب' }]);
  const long = Array.from({ length: 2000 }, (_, i) => `فقرة ${i}`);
  const edited = long.map((t, i) => (i % 2 ? `${t} معدلة` : t));
  const diff = diffParagraphs(long, edited);
  assert.equal(diff.filter((d) => d.kind === 'same').length, 1000);
  assert.equal(diff.filter((d) => d.kind === 'added').length, 1000);
  // Past what is lined up in memory the middle shows as replaced, still a true account of both sides.
  const huge = Array.from({ length: 3000 }, (_, i) => `فقرة ${i}`);
  const hugeEdited = ['جديدة', ...huge.slice(1, -1), 'أخيرة'];
  const coarse = diffParagraphs(huge, hugeEdited);
  assert.deepEqual(coarse.filter((d) => d.kind !== 'added').map((d) => d.text), huge);
  assert.deepEqual(coarse.filter((d) => d.kind !== 'removed').map((d) => d.text), hugeEdited);
});

test('today starts at the local midnight of the site time zone, daylight saving included', () => {
  // 02:30 in Riyadh (UTC+3) on 30 November is 23:30 UTC the day before.
  assert.equal(startOfLocalDay(new Date('2026-11-29T23:30:00Z'), 'Asia/Riyadh').toISOString(), '2026-11-29T21:00:00.000Z');
  assert.equal(startOfLocalDay(new Date('2026-11-29T20:59:59Z'), 'Asia/Riyadh').toISOString(), '2026-11-28T21:00:00.000Z');
  // Beirut moves from UTC+2 to UTC+3 at 00:00 on the last Sunday of March 2026 (29 March).
  assert.equal(startOfLocalDay(new Date('2026-03-29T12:00:00Z'), 'Asia/Beirut').toISOString(), '2026-03-28T22:00:00.000Z');
  assert.equal(startOfLocalDay(new Date('2026-07-01T12:00:00Z'), 'UTC').toISOString(), '2026-07-01T00:00:00.000Z');
});

test('a draft from the editor is cleaned: one-line fields, tags, body through the allowlist', () => {
  const draft = parseDraft({
    headline: '  عنوان\u202E   مع\u200F  مسافات ',
    dek: ' موجز\u2066 مع RLM\u200F ',
    byline: null,
    sectionId: 3,
    tags: [' روسيا ', 'روسيا', '', 'كوريا  الشمالية'],
    slug: '   ',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'نص', marks: [{ type: 'link', attrs: { href: 'javascript:x' } }] }] }] },
  });
  assert.deepEqual(draft, {
    headline: 'عنوان مع مسافات',
    dek: 'موجز مع RLM\u200F',
    byline: null,
    sourceKind: 'staff',
    sectionId: 3,
    tags: ['روسيا', 'كوريا الشمالية'],
    slug: null,
    body: documentFromParagraphs(['نص']),
    featuredMediaId: null,
    featuredAlt: null,
  });
  for (const [input, field] of [
    [{ sectionId: 1 }, 'headline'],
    [{ headline: 'x' }, 'sectionId'],
    [{ headline: 'x', sectionId: 1, sourceKind: 'robots' }, 'sourceKind'],
    [{ headline: 'x', sectionId: 1, featuredAlt: 'ب'.repeat(301) }, 'featuredAlt'],
    [{ headline: 'x', sectionId: 1, body: documentFromParagraphs(['ن'.repeat(200_001)]) }, 'body'],
    [null, 'body'],
  ] as const) {
    assert.throws(() => parseDraft(input), (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED' && typeof e.fields?.[field] === 'string', `${field}: ${JSON.stringify(input)?.slice(0, 80)}`);
  }
});

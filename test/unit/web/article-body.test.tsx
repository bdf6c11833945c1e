import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleDocument } from '../../../src/content/articles/article-document.ts';
import { ArticleBody } from '../../../src/web/components/article-body.tsx';
import { html } from './render-helpers.ts';

const body = (doc: unknown) => html(<ArticleBody doc={doc as ArticleDocument} />);
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });

test('javascript:, data: and relative links are dropped from a body, their text kept', () => {
  const out = body({
    type: 'doc',
    content: [
      para(
        text('أ', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
        text('ب', [{ type: 'link', attrs: { href: ' JavaScript:alert(1)' } }]),
        text('ج', [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }]),
        text('د', [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }]),
        text('هـ', [{ type: 'link', attrs: { href: '/relative' } }]),
        text('و', [{ type: 'link', attrs: { href: '//evil.example' } }]),
      ),
    ],
  });
  assert.equal(out, '<p>أبجدهـو</p>');
});

test('http(s) and mailto links render with rel="noopener nofollow ugc"; runs under one link become one <a>', () => {
  const href = 'https://example.com/a?b=1&c=2';
  const out = body({
    type: 'doc',
    content: [
      para(
        text('قال '),
        text('وكالة ', [{ type: 'link', attrs: { href } }]),
        text('إنترفاكس', [{ type: 'bold' }, { type: 'link', attrs: { href } }]),
        text(' و'),
        text('راسلنا', [{ type: 'link', attrs: { href: 'mailto:news@example.com' } }]),
      ),
    ],
  });
  assert.equal(
    out,
    '<p>قال <a href="https://example.com/a?b=1&amp;c=2" rel="noopener nofollow ugc">وكالة <strong>إنترفاكس</strong></a> و' +
      '<a href="mailto:news@example.com" rel="noopener nofollow ugc">راسلنا</a></p>',
  );
});

test('bold, italic, headings, quotes, lists and line breaks map to their elements', () => {
  const out = body({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('عنوان فرعي')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('عنوان أصغر')] },
      { type: 'heading', attrs: { level: 1 }, content: [text('مستوى غير مسموح')] },
      para(text('عريض', [{ type: 'bold' }]), text(' و'), text('مائل', [{ type: 'italic' }]), { type: 'hardBreak' }, text('سطر')),
      { type: 'blockquote', content: [para(text('“اقتباس”'))] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('أولاً'))] }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [para(text('ثانياً'))] }] },
    ],
  });
  assert.equal(
    out,
    '<h2>عنوان فرعي</h2><h3>عنوان أصغر</h3><h2>مستوى غير مسموح</h2>' +
      '<p><strong>عريض</strong> و<em>مائل</em><br/>سطر</p>' +
      '<blockquote><p>“اقتباس”</p></blockquote><ul><li><p>أولاً</p></li></ul><ol><li><p>ثانياً</p></li></ol>',
  );
});

test('unknown nodes and marks are skipped and raw HTML in text is escaped', () => {
  const out = body({
    type: 'doc',
    content: [
      { type: 'html', html: '<script>alert(1)</script>' },
      { type: 'image', attrs: { src: 'javascript:alert(1)' } },
      { type: 'text', text: 'نص في غير موضعه' },
      para(text('<img src=x onerror=alert(1)>', [{ type: 'underline' }]), { type: 'mention', text: 'x' }),
      { type: 'bulletList', content: [{ type: 'paragraph', content: [text('ليس عنصر قائمة')] }] },
      null,
      'string',
    ],
  });
  assert.equal(out, '<p dir="auto">&lt;img src=x onerror=alert(1)></p>');
});

test('a paragraph gets dir="auto" only when it starts with a left-to-right letter, and keeps an explicit dir', () => {
  const out = body({
    type: 'doc',
    content: [
      para(text('“قال” لافروف إن NATO …')),
      para(text('123 ')), // digits are not letters: the page direction is right
      para(text('“NATO is a threat,” he said.')),
      { type: 'paragraph', attrs: { dir: 'ltr' }, content: [text('عربي في فقرة يسارية')] },
      { type: 'paragraph', attrs: { dir: 'sideways' }, content: [text('قيمة غير صالحة')] },
    ],
  });
  assert.equal(
    out,
    '<p>“قال” لافروف إن NATO …</p><p>123 </p><p dir="auto">“NATO is a threat,” he said.</p>' +
      '<p dir="ltr">عربي في فقرة يسارية</p><p>قيمة غير صالحة</p>',
  );
});

test('a heading keeps its stored dir like a paragraph; without one it gets dir="auto" only when it starts with a left-to-right letter', () => {
  const heading = (level: number, attrs: Record<string, unknown>, words: string) => ({ type: 'heading', attrs: { level, ...attrs }, content: [text(words)] });
  const out = body({
    type: 'doc',
    content: [
      heading(2, { dir: 'ltr' }, 'NATO summit: الخلاصة'),
      heading(3, { dir: 'rtl' }, 'Sergei Lavrov في بيونغ يانغ'),
      heading(2, {}, 'Sergei Lavrov في بيونغ يانغ'),
      heading(3, {}, 'لافروف في بيونغ يانغ'),
      heading(2, { dir: '" onmouseover="alert(1)' }, 'اتجاه عدائي'),
      heading(3, { dir: 'sideways' }, 'قيمة غير صالحة'),
    ],
  });
  assert.equal(
    out,
    '<h2 dir="ltr">NATO summit: الخلاصة</h2><h3 dir="rtl">Sergei Lavrov في بيونغ يانغ</h3><h2 dir="auto">Sergei Lavrov في بيونغ يانغ</h2>' +
      '<h3>لافروف في بيونغ يانغ</h3><h2>اتجاه عدائي</h2><h3>قيمة غير صالحة</h3>',
  );
});

test('empty paragraphs and a malformed document render nothing', () => {
  assert.equal(body({ type: 'doc', content: [para(), para(text('   ')), para({ type: 'hardBreak' })] }), '');
  assert.equal(body({ type: 'doc' }), '');
  assert.equal(body(null), '');
});

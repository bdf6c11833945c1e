import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleDocument, BlockNode } from '../../../src/content/articles/article-document.ts';
import { EDITOR_DOCUMENT_LIMITS, parseEditorDocument, safeHref } from '../../../src/content/articles/editor-document.ts';
import { documentFromHtml } from '../../../src/content/articles/html-document.ts';
import { AppError } from '../../../src/errors.ts';

// Whatever a client sends as a body, JSON from the editor or HTML from a paste, the API or an
// import, what is stored is the allowlist's document: these payloads and their exact safe output.

const p = (text: string, marks?: unknown[]): BlockNode => ({ type: 'paragraph', content: [marks ? ({ type: 'text', text, marks } as never) : { type: 'text', text }] });
const doc = (...content: BlockNode[]): ArticleDocument => ({ type: 'doc', content });
const link = (href: string) => ({ type: 'link' as const, attrs: { href } });
const EMPTY = doc();

/** HTML payloads and the document each becomes. */
const HTML_CASES: [string, string, ArticleDocument][] = [
  ['script element', '<script>alert(1)</script><p>نص</p>', doc(p('نص'))],
  ['event handler attributes', '<p onclick="alert(1)" onmouseover="x()">نص</p>', doc(p('نص'))],
  ['javascript: link', '<a href="javascript:alert(1)">اضغط</a>', doc(p('اضغط'))],
  ['mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">x</a>', doc(p('x'))],
  ['entity-encoded javascript: link', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', doc(p('x'))],
  ['tab inside the scheme', '<a href="java&#x09;script:alert(1)">x</a>', doc(p('x'))],
  ['newline and spaces before the scheme', '<a href=" &#x0A; javascript:alert(1)">x</a>', doc(p('x'))],
  ['data: URL', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', doc(p('x'))],
  ['vbscript: URL', '<a href="vbscript:msgbox(1)">x</a>', doc(p('x'))],
  ['protocol-relative URL', '<a href="//evil.example/x">x</a>', doc(p('x'))],
  ['backslash host URL', '<a href="/\\evil.example">x</a>', doc(p('x'))],
  ['SVG with script and handler', '<svg onload="alert(1)"><script>alert(2)</script><text>نص</text></svg><p>بعد</p>', doc(p('بعد'))],
  ['image with onerror', '<img src="x" onerror="alert(1)">', EMPTY],
  ['CSS url(javascript:)', '<p style="background:url(javascript:alert(1))">نص</p>', doc(p('نص'))],
  ['CSS expression()', '<div style="width: expression(alert(1))">نص</div>', doc(p('نص'))],
  ['style element', '<style>body{background:url("javascript:alert(1)")}</style><p>نص</p>', doc(p('نص'))],
  ['iframe', '<iframe src="https://evil.example"></iframe><p>نص</p>', doc(p('نص'))],
  ['object and embed', '<object data="x.swf"><embed src="x.swf"></object><p>نص</p>', doc(p('نص'))],
  [
    'unclosed markup',
    '<p>غير مغلق <b>غامق <i>مائل',
    doc({ type: 'paragraph', content: [{ type: 'text', text: 'غير مغلق ' }, { type: 'text', text: 'غامق ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'مائل', marks: [{ type: 'bold' }, { type: 'italic' }] }] }),
  ],
  ['stray closing tags', '<p>a</b></i></p></div>نص', doc(p('a'), p('نص'))],
  ['split script tag', '<<script>script>alert(1)<</script>/script>', doc(p('</script>'))],
  ['script in a comment', '<!--<script>alert(1)</script>--><p>نص</p>', doc(p('نص'))],
  ['script in CDATA', '<![CDATA[<script>alert(1)</script>]]><p>نص</p>', doc(p('نص'))],
  ['MathML namespace confusion', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', EMPTY],
  ['form with javascript: action', '<form action="javascript:alert(1)"><input value="x"><button>زر</button></form>', EMPTY],
  ['noscript attribute breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', EMPTY],
  ['template content', '<template><script>alert(1)</script></template><p>نص</p>', doc(p('نص'))],
  ['tag name split around a script', '<scr<script>ipt>alert(1)</script>', doc(p('ipt>alert(1)'))],
  ['handler beside a good link', '<a href="https://example.com" onclick="alert(1)">x</a>', doc(p('x', [link('https://example.com/')]))],
  ['quote breakout in a link', '<a href="https://ex.com/&quot;onmouseover=&quot;alert(1)">x</a>', doc(p('x', [link('https://ex.com/%22onmouseover=%22alert(1)')]))],
  ['bidi overrides and isolates', '<p>\u202Eمعكوس\u202C و\u2066معزول\u2069 \u200Fعلامة</p>', doc(p('معكوس ومعزول \u200Fعلامة'))],
  [
    'paragraph direction: only rtl, ltr, auto',
    '<p dir="rtl">عربي</p><p dir="ltr">English</p><p dir="evil">x</p>',
    doc({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'عربي' }] }, { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'English' }] }, p('x')),
  ],
  [
    'headings h1 and h4 become h2 and h3',
    '<h1>رئيسي</h1><h4>فرعي</h4>',
    doc({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'رئيسي' }] }, { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'فرعي' }] }),
  ],
  [
    'heading direction: only rtl, ltr, auto, kept from h1 to h6',
    '<h1 dir="LTR">NATO</h1><h3 dir="rtl">لافروف</h3><h2 dir="evil" onclick="alert(1)">x</h2><h5 dir="auto">y</h5><h4 dir="rtl;color:red">z</h4>',
    doc(
      { type: 'heading', attrs: { level: 2, dir: 'ltr' }, content: [{ type: 'text', text: 'NATO' }] },
      { type: 'heading', attrs: { level: 3, dir: 'rtl' }, content: [{ type: 'text', text: 'لافروف' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'x' }] },
      { type: 'heading', attrs: { level: 3, dir: 'auto' }, content: [{ type: 'text', text: 'y' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'z' }] },
    ),
  ],
  [
    'library image with handler and script in the caption',
    '<figure><img data-media-id="12" alt="الوزيران" src="x" onerror="alert(1)"><figcaption>تعليق <script>alert(1)</script></figcaption></figure>',
    doc({ type: 'image', attrs: { mediaId: 12, alt: 'الوزيران', caption: 'تعليق', credit: null } }),
  ],
  ['image with a script media id', '<img data-media-id="javascript:1" alt="x">', EMPTY],
  [
    'unclosed list items and nested list',
    '<ul><li>أول<li>ثان<ol><li>متداخل</ol></ul>نص بعد القائمة',
    doc(
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p('أول')] },
          { type: 'listItem', content: [p('ثان'), { type: 'orderedList', content: [{ type: 'listItem', content: [p('متداخل')] }] }] },
        ],
      },
      p('نص بعد القائمة'),
    ),
  ],
  ['site-relative link', '<a href="/section/دول-العالم">قسم</a>', doc(p('قسم', [link('/section/%D8%AF%D9%88%D9%84-%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85')]))],
  ['mailto link', '<a href="mailto:desk@example.com">بريد</a>', doc(p('بريد', [link('mailto:desk@example.com')]))],
  ['a megabyte of attribute', `<p title="${'x'.repeat(1_000_000)}" onclick="alert(1)">نص</p>`, doc(p('نص'))],
  ['a megabyte of comment', `<!--${'<script>'.repeat(125_000)}--><p>نص</p>`, doc(p('نص'))],
];

/** Editor JSON payloads and the document each becomes. */
const JSON_CASES: [string, unknown, ArticleDocument][] = [
  [
    'javascript: link mark, unknown mark, duplicate mark, extra link attributes',
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'رابط', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)', target: '_blank' } }, { type: 'underline' }, { type: 'bold' }, { type: 'bold' }] }] }] },
    doc(p('رابط', [{ type: 'bold' }])),
  ],
  [
    'unknown nodes give up their text',
    { type: 'doc', content: [{ type: 'codeBlock', content: [{ type: 'text', text: '<script>alert(1)</script>' }] }, { type: 'iframe', attrs: { src: 'https://evil.example' } }, { type: 'paragraph', content: [{ type: 'mention', attrs: { id: 1 }, content: [{ type: 'text', text: '@محرر' }] }] }] },
    doc(p('<script>alert(1)</script>'), p('@محرر')),
  ],
  [
    'image attributes cleaned, bad media ids dropped',
    { type: 'doc', content: [{ type: 'image', attrs: { mediaId: '12', alt: '<img src=x onerror=alert(1)>', caption: ' تعليق\u202E ', credit: '', src: 'javascript:alert(1)', onerror: 'alert(1)' } }, { type: 'image', attrs: { mediaId: -3, alt: 'x' } }, { type: 'image', attrs: { mediaId: 1.5 } }] },
    doc({ type: 'image', attrs: { mediaId: 12, alt: '<img src=x onerror=alert(1)>', caption: 'تعليق', credit: null } }),
  ],
  [
    'heading levels and style attributes',
    { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'أ' }] }, { type: 'heading', attrs: { level: 6, style: 'x' }, content: [{ type: 'text', text: 'ب' }] }] },
    doc({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'أ' }] }, { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'ب' }] }),
  ],
  [
    'heading direction: rtl, ltr and auto kept, hostile and wrongly typed values dropped',
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, dir: 'ltr' }, content: [{ type: 'text', text: 'NATO summit' }] },
        { type: 'heading', attrs: { level: 3, dir: 'rtl', dirFixed: true }, content: [{ type: 'text', text: 'Lavrov في بيونغ يانغ' }] },
        { type: 'heading', attrs: { level: 2, dir: 'auto' }, content: [{ type: 'text', text: 'أ' }] },
        { type: 'heading', attrs: { level: 2, dir: '" onmouseover="alert(1)' }, content: [{ type: 'text', text: 'ب' }] },
        { type: 'heading', attrs: { level: 3, dir: 'RTL' }, content: [{ type: 'text', text: 'ج' }] },
        { type: 'heading', attrs: { level: 3, dir: ['ltr'] }, content: [{ type: 'text', text: 'د' }] },
        { type: 'heading', attrs: { level: 2, dir: { toString: 'ltr' } }, content: [{ type: 'text', text: 'هـ' }] },
      ],
    },
    doc(
      { type: 'heading', attrs: { level: 2, dir: 'ltr' }, content: [{ type: 'text', text: 'NATO summit' }] },
      { type: 'heading', attrs: { level: 3, dir: 'rtl' }, content: [{ type: 'text', text: 'Lavrov في بيونغ يانغ' }] },
      { type: 'heading', attrs: { level: 2, dir: 'auto' }, content: [{ type: 'text', text: 'أ' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'ب' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'ج' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'د' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'هـ' }] },
    ),
  ],
  [
    'control characters, line separators, lone surrogates, a bad dir',
    { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'rtl; color:red', class: 'x' }, content: [{ type: 'text', text: 'a\u0000b\u0007c\u2028d\r\ne\ud800f\ufeffg' }] }] },
    doc(p('abc d e\ufffdfg')),
  ],
  [
    'text outside paragraphs and list children out of place',
    { type: 'doc', content: [{ type: 'text', text: 'نص بلا فقرة' }, { type: 'hardBreak' }, { type: 'bulletList', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'عنصر بلا listItem' }] }, { type: 'listItem', content: [] }, { type: 'listItem', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [p('متداخل')] }] }] }] }] },
    doc(
      { type: 'paragraph', content: [{ type: 'text', text: 'نص بلا فقرة' }, { type: 'hardBreak' }] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p('عنصر بلا listItem')] },
          { type: 'listItem', content: [{ type: 'paragraph' }, { type: 'bulletList', content: [{ type: 'listItem', content: [p('متداخل')] }] }] },
        ],
      },
    ),
  ],
  [
    'link targets normalized, newline-split scheme and relative paths dropped',
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [link('  https://EXAMPLE.com/x y  ')] }, { type: 'text', text: 'b', marks: [link('HTTPS://example.com/x%20y')] }, { type: 'text', text: 'c', marks: [{ type: 'italic' }, link('/x/../y?q=<s>#h')] }, { type: 'text', text: 'd', marks: [link('java\nscript:alert(1)')] }, { type: 'text', text: 'e', marks: [link('relative/path')] }] }] },
    doc({ type: 'paragraph', content: [{ type: 'text', text: 'ab', marks: [link('https://example.com/x%20y')] }, { type: 'text', text: 'c', marks: [{ type: 'italic' }, link('/y?q=%3Cs%3E#h')] }, { type: 'text', text: 'de' }] }),
  ],
  ['not a document', 'not a doc', EMPTY],
  ['content that is not a list', { type: 'doc', content: 'nope' }, EMPTY],
  [
    'junk entries, empty text, text in a quotation',
    { type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'text', text: 'اقتباس مباشر' }] }, { type: 'blockquote', content: [] }, { type: 'paragraph', content: [{ type: 'text', text: '' }, { type: 'text', text: 5 }] }, null, 7, [{ type: 'paragraph' }]] },
    doc({ type: 'blockquote', content: [p('اقتباس مباشر')] }, { type: 'paragraph' }),
  ],
  [
    'data: and vbscript: link marks',
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [link('data:text/html,<script>alert(1)</script>')] }, { type: 'text', text: 'y', marks: [link('vbscript:msgbox(1)')] }, { type: 'text', text: 'z', marks: [link('mailto:desk@example.com?subject=<b>')] }] }] },
    doc({ type: 'paragraph', content: [{ type: 'text', text: 'xy' }, { type: 'text', text: 'z', marks: [link('mailto:desk@example.com?subject=%3Cb%3E')] }] }),
  ],
];

/** Nested `depth` quotations around the innermost blocks. */
function nested(depth: number, inner: BlockNode[], each: (level: number) => BlockNode[] = () => []): BlockNode[] {
  let content = inner;
  for (let level = depth - 1; level >= 0; level--) content = [{ type: 'blockquote', content: [...each(level), ...content] }];
  return content;
}

const DEEP = 10_000;
const deepJson = (() => {
  let node: unknown = { type: 'text', text: 'عميق' };
  for (let i = 0; i < DEEP; i++) node = { type: 'blockquote', content: [p(String(i % 10)), node] };
  return { type: 'doc', content: [node] };
})();
const KEPT = EDITOR_DOCUMENT_LIMITS.depth;
const flattenedDigits = Array.from({ length: DEEP - KEPT }, (_, k) => String((DEEP - KEPT - 1 - k) % 10)).join(' ');

const REFUSED: [string, () => unknown][] = [
  ['a megabyte of text', () => documentFromHtml(`<p>${'كلمة '.repeat(200_000)}</p>`)],
  ['a megabyte of nested bold tags', () => documentFromHtml('<b>'.repeat(350_000))],
  ['a megabyte of text in editor JSON', () => parseEditorDocument(doc(p('ن'.repeat(1_000_000))))],
  ['more blocks than allowed', () => parseEditorDocument({ type: 'doc', content: Array.from({ length: EDITOR_DOCUMENT_LIMITS.blocks + 1 }, () => ({ type: 'paragraph' })) })],
];

const DEEP_CASES = 2;
const TOTAL = HTML_CASES.length + JSON_CASES.length + DEEP_CASES + REFUSED.length;

test(`${TOTAL} hostile payloads become exactly the allowlist's safe document`, async (t) => {
  for (const [name, html, expected] of HTML_CASES) {
    await t.test(`HTML: ${name}`, () => assert.deepEqual(documentFromHtml(html), expected));
  }
  for (const [name, json, expected] of JSON_CASES) {
    await t.test(`JSON: ${name}`, () => assert.deepEqual(parseEditorDocument(json), expected));
  }
  await t.test(`HTML: quotations nested ${DEEP} deep keep ${KEPT} levels and their text`, () => {
    const html = `${'<blockquote>'.repeat(DEEP)}عميق${'</blockquote>'.repeat(DEEP)}`;
    assert.deepEqual(documentFromHtml(html), doc(...nested(KEPT, [p('عميق')])));
  });
  await t.test(`JSON: quotations nested ${DEEP} deep keep ${KEPT} levels, the rest as one paragraph`, () => {
    const expected = doc(...nested(KEPT, [p(`${flattenedDigits} عميق`)], (level) => [p(String((DEEP - 1 - level) % 10))]));
    assert.deepEqual(parseEditorDocument(deepJson), expected);
  });
  for (const [name, run] of REFUSED) {
    await t.test(`refused: ${name}`, () => {
      const started = performance.now();
      assert.throws(run, (error: unknown) => error instanceof AppError && error.code === 'VALIDATION_FAILED' && typeof error.fields?.body === 'string');
      assert.ok(performance.now() - started < 5_000, 'refused quickly');
    });
  }
});

test('what the editor sends in its normal course comes back unchanged', () => {
  const normal: ArticleDocument = doc(
    { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'Sergei Lavrov said: ' }, { type: 'text', text: 'yes', marks: [{ type: 'italic' }] }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'عنوان فرعي' }] },
    { type: 'blockquote', content: [p('«اقتباس»')] },
    { type: 'orderedList', content: [{ type: 'listItem', content: [p('أولاً')] }] },
    { type: 'image', attrs: { mediaId: 7, alt: 'صورة', caption: 'تعليق', credit: 'رويترز' } },
    { type: 'paragraph', content: [{ type: 'text', text: 'قال ' }, { type: 'text', text: 'لافروف', marks: [{ type: 'bold' }, link('https://example.com/a')] }, { type: 'hardBreak' }, { type: 'text', text: '\u200Fسطر' }] },
    { type: 'paragraph' },
  );
  assert.deepEqual(parseEditorDocument(structuredClone(normal)), normal);
});

test('link targets: only http(s), mailto and paths on this site', () => {
  assert.equal(safeHref('https://example.com'), 'https://example.com/');
  assert.equal(safeHref('/article/12/خبر'), '/article/12/%D8%AE%D8%A8%D8%B1');
  for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'JAVASCRIPT:x', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', '//evil.example', '/\\evil.example', 'file:///etc/passwd', 'ftp://example.com', 'x', '#top', '', 7, null, `https://example.com/${'a'.repeat(3000)}`]) {
    assert.equal(safeHref(bad), null, String(bad));
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withDirections } from '../../../../../src/web/client/newsroom/paragraph-direction.ts';
import { storedDocument } from '../../../../../src/web/client/newsroom/stored-document.ts';
import { splitTags } from '../../../../../src/web/client/newsroom/tag-input.ts';

test("the editor's JSON keeps only what the stored document holds", () => {
  const fromEditor = {
    type: 'doc',
    content: [
      { type: 'paragraph', attrs: { dir: 'ltr', dirFixed: true }, content: [{ type: 'text', text: 'Hi', marks: [{ type: 'link', attrs: { href: 'https://a.example/', target: '_blank', rel: 'noopener', class: null } }] }] },
      { type: 'heading', attrs: { level: 3, dir: 'ltr', dirFixed: false }, content: [{ type: 'text', text: 'Title' }] },
      { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'بند', marks: [{ type: 'bold' }, { type: 'underline' }] }] }] }] },
      { type: 'image', attrs: { mediaId: 7, alt: 'صورة', caption: '', credit: 'وكالات', dir: 'rtl' } },
    ],
  };
  assert.deepEqual(storedDocument(fromEditor), {
    type: 'doc',
    content: [
      { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'Hi', marks: [{ type: 'link', attrs: { href: 'https://a.example/' } }] }] },
      { type: 'heading', attrs: { level: 3, dir: 'ltr' }, content: [{ type: 'text', text: 'Title' }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'بند', marks: [{ type: 'bold' }] }] }] }] },
      { type: 'image', attrs: { mediaId: 7, alt: 'صورة', caption: null, credit: 'وكالات' } },
    ],
  });
});

test('a stored direction that disagrees with the text is read back as set by hand; one that agrees is not', () => {
  const doc = withDirections({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'قال Sergei Lavrov: «نعم».' }] },
      { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'نص عربي جعله المحرر من اليسار' }] },
      { type: 'paragraph', attrs: { dir: 'ltr' }, content: [{ type: 'text', text: 'English only' }] },
      { type: 'paragraph' },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted in English' }] }] },
    ],
  });
  const attrs = (doc.content ?? []).map((node) => (node.type === 'blockquote' ? node.content?.[0]?.attrs : node.attrs));
  assert.deepEqual(attrs, [
    { dir: 'rtl', dirFixed: false },
    { dir: 'ltr', dirFixed: true },
    { dir: 'ltr', dirFixed: false },
    { dir: 'rtl', dirFixed: false },
    { dir: 'ltr', dirFixed: false },
  ]);
});

test('headings take their direction like paragraphs: Arabic or empty right to left, all-Latin left to right, a disagreeing stored one kept as set by hand', () => {
  const heading = (text: string, attrs: Record<string, unknown> = {}) => ({ type: 'heading', attrs: { level: 2, ...attrs }, content: text ? [{ type: 'text', text }] : [] });
  const doc = withDirections({
    type: 'doc',
    content: [
      heading('Sergei Lavrov في بيونغ يانغ'),
      heading('NATO summit in Vilnius'),
      heading(''),
      heading('عنوان عربي جعله المحرر من اليسار', { dir: 'ltr' }),
      heading('English heading set right to left', { dir: 'rtl' }),
      heading('NATO', { dir: 'ltr' }),
      heading('لافروف', { dir: '" onmouseover="alert(1)' }),
    ],
  });
  assert.deepEqual(
    (doc.content ?? []).map((node) => node.attrs),
    [
      { level: 2, dir: 'rtl', dirFixed: false },
      { level: 2, dir: 'ltr', dirFixed: false },
      { level: 2, dir: 'rtl', dirFixed: false },
      { level: 2, dir: 'ltr', dirFixed: true },
      { level: 2, dir: 'rtl', dirFixed: true },
      { level: 2, dir: 'ltr', dirFixed: false },
      { level: 2, dir: 'rtl', dirFixed: false },
    ],
  );
  assert.deepEqual(storedDocument(doc).content?.map((node) => node.attrs), [
    { level: 2, dir: 'rtl' },
    { level: 2, dir: 'ltr' },
    { level: 2, dir: 'rtl' },
    { level: 2, dir: 'ltr' },
    { level: 2, dir: 'rtl' },
    { level: 2, dir: 'ltr' },
    { level: 2, dir: 'rtl' },
  ]);
});

test('tags typed in one field are split at Arabic and Latin commas and semicolons, trimmed and kept once', () => {
  assert.deepEqual(splitTags('روسيا، كوريا الشمالية,  روسيا ؛ الأمم   المتحدة;'), ['روسيا', 'كوريا الشمالية', 'الأمم المتحدة']);
  assert.deepEqual(splitTags(' ، , '), []);
  assert.equal(splitTags('و'.repeat(100))[0]?.length, 60, 'a tag name is at most 60 characters');
});

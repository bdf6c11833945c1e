import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paragraphDirection } from '../../../../../src/web/client/newsroom/text-direction.ts';

test('an empty paragraph, or one of digits and punctuation only, starts right to left', () => {
  assert.equal(paragraphDirection(''), 'rtl');
  assert.equal(paragraphDirection('   '), 'rtl');
  assert.equal(paragraphDirection('2023 — 15%'), 'rtl');
  assert.equal(paragraphDirection('«…».'), 'rtl');
});

test('an Arabic paragraph that starts with an English name stays right to left (dir="auto" would make it left to right)', () => {
  assert.equal(paragraphDirection('قال Sergei Lavrov: «نحن مستعدون».'), 'rtl');
  assert.equal(paragraphDirection('Sergei Lavrov قال إن العلاقات وصلت إلى مستوى جديد.'), 'rtl');
  assert.equal(paragraphDirection('راجع https://example.com/report للتفاصيل'), 'rtl');
  assert.equal(paragraphDirection('שלום'), 'rtl', 'Hebrew is right to left too');
});

test('a paragraph of English (or another left-to-right script) alone is left to right', () => {
  assert.equal(paragraphDirection('Reuters reported the meeting on Thursday.'), 'ltr');
  assert.equal(paragraphDirection('https://example.com/news'), 'ltr');
  assert.equal(paragraphDirection('“We are ready,” he said.'), 'ltr');
  assert.equal(paragraphDirection('Встреча в Пхеньяне'), 'ltr');
});

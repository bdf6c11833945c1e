import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDigits, toAsciiDigits } from '../../../src/arabic/digits.ts';

test('Arabic-Indic digits become ASCII: ٢٠١٨ is 2018 and ٠١٢٣٤٥٦٧٨٩ is 0123456789', () => {
  assert.equal(toAsciiDigits('٢٠١٨'), '2018');
  assert.equal(toAsciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
});

test('Persian digits become ASCII: ۱۴۴۵ is 1445 and ۰۱۲۳۴۵۶۷۸۹ is 0123456789', () => {
  assert.equal(toAsciiDigits('۱۴۴۵'), '1445');
  assert.equal(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
});

test('letters, punctuation and ASCII digits around Arabic-Indic digits are left as they are', () => {
  assert.equal(toAsciiDigits('سلمت أكثر من ١٠٠٠ حاوية (٢٦) في 2023'), 'سلمت أكثر من 1000 حاوية (26) في 2023');
  assert.equal(toAsciiDigits('النسبة ٣٫٥٪'), 'النسبة 3٫5٪');
});

test("formatDigits with 'arab' writes 19 أكتوبر 2023 as ١٩ أكتوبر ٢٠٢٣", () => {
  assert.equal(formatDigits('19 أكتوبر 2023', 'arab'), '١٩ أكتوبر ٢٠٢٣');
  assert.equal(formatDigits('0123456789', 'arab'), '٠١٢٣٤٥٦٧٨٩');
});

test("formatDigits with 'arab' also turns Persian digits into Arabic-Indic ones", () => {
  assert.equal(formatDigits('۱۴۴۵', 'arab'), '١٤٤٥');
});

test("formatDigits with 'latn' writes Arabic-Indic and Persian digits as ASCII", () => {
  assert.equal(formatDigits('١٩ أكتوبر ۲۰۲۳', 'latn'), '19 أكتوبر 2023');
  assert.equal(formatDigits('12:00 م', 'latn'), '12:00 م');
});

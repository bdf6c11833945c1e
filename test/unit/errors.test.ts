import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError, ERROR_CATALOG, isAppError } from '../../src/errors.ts';

const ARABIC_LETTER = /[\u0621-\u064A]/;

test('every error code has an HTTP status and an Arabic and an English message', () => {
  const codes = Object.keys(ERROR_CATALOG);
  assert.ok(codes.length >= 10);
  for (const [code, entry] of Object.entries(ERROR_CATALOG)) {
    assert.match(code, /^[A-Z][A-Z0-9_]+$/, code);
    assert.ok(entry.status >= 400 && entry.status < 600, code);
    assert.match(entry.message.ar, ARABIC_LETTER, `${code} has Arabic text`);
    assert.match(entry.message.en, /^[A-Z]/, `${code} has English text`);
  }
});

test('an AppError carries its code, status, Arabic message and field errors', () => {
  const error = new AppError('VALIDATION_FAILED', { fields: { headline: 'العنوان مطلوب.' } });
  assert.ok(isAppError(error));
  assert.equal(error.status, 400);
  assert.equal(error.arabicMessage, ERROR_CATALOG.VALIDATION_FAILED.message.ar);
  assert.deepEqual(error.fields, { headline: 'العنوان مطلوب.' });
  assert.equal(isAppError(new Error('x')), false);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanLabel, cleanName, normalizeEmail, parseNewUser, parseRole, passwordProblem } from '../../../src/content/users/user.ts';

const valid = { email: 'Sara@Midad.Test', name: 'سارة', role: 'editor', password: 'كلمة مرور طويلة' };

function fieldsOf(input: Record<string, unknown>): Record<string, string> {
  try {
    parseNewUser(input);
  } catch (error) {
    const appError = error as { code: string; fields?: Record<string, string> };
    assert.equal(appError.code, 'VALIDATION_FAILED');
    return appError.fields ?? {};
  }
  return {};
}

test('e-mail addresses are stored trimmed and lower-cased, so one address is one account', () => {
  assert.equal(normalizeEmail('  Sara@Midad.TEST \n'), 'sara@midad.test');
  assert.equal(parseNewUser(valid).email, 'sara@midad.test');
});

test('a new account\'s address with markup, spaces, control characters or 300 characters is refused', () => {
  for (const email of ['<script>@x.y', 'a b@midad.test', 'a\u0000b@midad.test', 'javascript:alert(1)', `${'a'.repeat(300)}@midad.test`, '', 42]) {
    assert.ok(fieldsOf({ ...valid, email }).email, String(email).slice(0, 30));
  }
});

test('names lose control characters and bidi overrides, keep their text, and are refused when nothing is left or too long', () => {
  assert.equal(cleanName('  سارة \u202Eالأحمد\u202C  '), 'سارة الأحمد');
  assert.equal(cleanName('a\u0000b\tc\u2066d\u2069'), 'a b c d');
  assert.equal(cleanName('<b>سارة</b>'), '<b>سارة</b>', 'markup is kept as text (escaped on output)');
  // Arabic letter mark and joiners are part of writing, not overrides.
  assert.equal(cleanName('زهرة\u200Cنور\u061C'), 'زهرة\u200Cنور\u061C');
  assert.ok(fieldsOf({ ...valid, name: '\u202E\u0000  ' }).name);
  assert.ok(fieldsOf({ ...valid, name: 'ا'.repeat(101) }).name);
  assert.ok(fieldsOf({ ...valid, name: 'ا'.repeat(100_000) }).name);
  assert.equal(parseNewUser({ ...valid, name: 'ا'.repeat(100) }).name.length, 100);
});

test('a name of marks alone (a right-to-left mark, harakat, tatweel, punctuation) is refused: it would show as nothing', () => {
  for (const invisible of ['\u200F', '\u200F\u200E\u061C', 'َُِّ', 'ـــ', '«»', ' \u202E\u200F ']) {
    assert.equal(cleanLabel(invisible, 100), null, JSON.stringify(invisible));
    assert.ok(fieldsOf({ ...valid, name: invisible }).name, `${JSON.stringify(invisible)} refused as a name`);
  }
  assert.equal(cleanLabel(' ب ', 100), 'ب');
  assert.equal(cleanLabel('2026', 100), '2026');
  assert.equal(cleanLabel('اسم', 2), null, 'longer than the limit');
  assert.equal(cleanLabel(42, 100), null, 'not a string');
  assert.equal(cleanLabel(['اسم'], 100), null, 'not a string');
});

test('passwords need 12 characters (Arabic letters count one each), at most 1,024, and are never trimmed', () => {
  assert.match(passwordProblem('a'.repeat(11)) ?? '', /12 حرفاً على الأقل/);
  assert.equal(passwordProblem('a'.repeat(12)), null);
  assert.equal(passwordProblem('كلمةمرورعربي'), null, '12 Arabic letters');
  assert.match(passwordProblem('😀'.repeat(11)) ?? '', /12/, 'emoji are one character each, not two');
  assert.match(passwordProblem('a'.repeat(1_025)) ?? '', /1024/);
  assert.match(passwordProblem('a'.repeat(100_000)) ?? '', /1024/);
  assert.ok(passwordProblem(''));
  assert.ok(passwordProblem(undefined));
  assert.equal(parseNewUser({ ...valid, password: '  spaces count  ' }).password, '  spaces count  ');
});

test('roles are admin, editor or writer; anything else is refused', () => {
  assert.equal(parseRole('admin'), 'admin');
  for (const role of ['Admin', 'root', '', '<script>', undefined, ['admin']]) assert.throws(() => parseRole(role), { code: 'VALIDATION_FAILED' });
});

test('every problem of a new account is reported at once', () => {
  assert.deepEqual(Object.keys(fieldsOf({ email: 'x', name: '', role: 'boss', password: 'short' })).sort(), ['email', 'name', 'password', 'role']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hash } from '@node-rs/argon2';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '../../../src/content/users/passwords.ts';

test('passwords are hashed with argon2id (19 MiB, 2 passes, 1 lane) and a random salt', async () => {
  const first = await hashPassword('correct horse battery');
  const second = await hashPassword('correct horse battery');
  assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  assert.notEqual(first, second, 'a new salt each time');
  assert.ok(!first.includes('correct horse'));
});

test('the right password verifies; a wrong one, an empty one, or a malformed stored hash does not', async () => {
  const stored = await hashPassword('كلمة مرور صحيحة');
  assert.equal(await verifyPassword(stored, 'كلمة مرور صحيحة'), true);
  assert.equal(await verifyPassword(stored, 'كلمة مرور خاطئة'), false);
  assert.equal(await verifyPassword(stored, ''), false);
  assert.equal(await verifyPassword('not a hash', 'anything'), false);
  assert.equal(await verifyPassword('', 'anything'), false);
});

test('the same password typed with Arabic presentation forms (pasted from a PDF) is the same password', async () => {
  // U+FEFB is the isolated lam-alef ligature; NFKC turns it into لا.
  const stored = await hashPassword('سلام عليكم 12345');
  assert.equal(await verifyPassword(stored, 'س\uFEFBم عليكم 12345'), true);
});

test('hashes made with older parameters are marked for rehashing at the next sign-in', async () => {
  assert.equal(needsRehash(await hashPassword('a long password')), false);
  assert.equal(needsRehash(await hash('a long password', { algorithm: 2 as never, memoryCost: 4096, timeCost: 3, parallelism: 1 })), true);
  assert.equal(needsRehash('garbage'), true);
});

test('the dummy check never accepts anything, not even an empty password', async () => {
  assert.equal(await verifyAgainstDummy(''), false);
  assert.equal(await verifyAgainstDummy('any password at all'), false);
});

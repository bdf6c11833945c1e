import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  MINHASH_SIZE,
  estimateContainment,
  estimateJaccard,
  fnv1a32,
  jaccard,
  lshBuckets,
  minhash,
  minhashOfShingles,
  shingleHashes,
} from '../../../src/arabic/minhash.ts';
import { decodeSignature, encodeSignature } from '../../../src/content/related/related.repository.ts';

// Real agency copy from the demo sample (ANT corpus), so that the estimates are checked on Arabic news text.
const demo = readFileSync(new URL('../../../demo/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { id: string; title: string; body: string });
const byId = (id: string) => {
  const found = demo.find((a) => a.id === id);
  assert.ok(found, id);
  return found;
};
const paragraphs = (id: string) => byId(id).body.split('\n');
/** North Korea "ready to give up its nuclear weapons" (BBC Arabic, 20 paragraphs). */
const STORY = 'BB-internationalNews-107-20180306';

test('FNV-1a starts from the standard offset basis and hashes both bytes of each UTF-16 unit', () => {
  assert.equal(fnv1a32(''), 0x811c9dc5);
  // Each UTF-16 unit is hashed as two bytes, so "a" is hashed as 0x61 0x00.
  assert.equal(fnv1a32('a'), Math.imul(Math.imul(0x811c9dc5 ^ 0x61, 0x01000193) ^ 0, 0x01000193) >>> 0);
});

test('an identical text, and the same text with other diacritics and punctuation, estimate 1.0', () => {
  const body = byId(STORY).body;
  assert.equal(estimateJaccard(minhash(body), minhash(body)), 1);
  const restyled = body.replace(/ا/g, 'أ').replace(/،/g, ',').replace(/\./g, ' . ');
  assert.equal(estimateJaccard(minhash(body), minhash(restyled)), 1);
  assert.equal(estimateJaccard(minhash('وَالْتَقَى الوزيرُ نظيرَه'), minhash('والتقى الوزير نظيره')), 1);
});

test('texts with no shingle in common estimate about 0', () => {
  const a = minhash(byId(STORY).body);
  const b = minhash(byId('SK-sport-186-20180301').body);
  assert.ok(estimateJaccard(a, b) <= 0.03, String(estimateJaccard(a, b)));
  assert.equal(estimateJaccard(minhash('برشلونة يفوز على روما بأربعة أهداف'), minhash('ارتفاع أسعار النفط في الأسواق الآسيوية اليوم')), 0);
});

test('a text without words has an empty signature that matches nothing, not even itself', () => {
  const empty = minhash(' ... ، ؛ ');
  assert.equal(empty.shingles, 0);
  assert.equal(estimateJaccard(empty, empty), 0);
  assert.deepEqual(lshBuckets(empty), []);
});

test('on real copy, estimates stay within 0.1 of the exact Jaccard similarity of the shingle sets', () => {
  const full = paragraphs(STORY);
  const other = paragraphs('FR-internationalNews-279-20180306');
  const variants: [string, string[]][] = [
    ['one paragraph dropped', full.filter((_, i) => i !== 3)],
    ['two paragraphs swapped', [full[1]!, full[0]!, ...full.slice(2)]],
    ['last third dropped', full.slice(0, Math.ceil((full.length * 2) / 3))],
    ['first half only', full.slice(0, full.length / 2)],
    ['every other paragraph', full.filter((_, i) => i % 2 === 0)],
    ['first quarter', full.slice(0, 5)],
    ['half of it followed by another story', [...full.slice(0, 10), ...other]],
    ['a paragraph of another story added', [...full, other[0]!]],
    ['another story about the same topic', other],
  ];
  for (const [name, text] of variants) {
    const exact = jaccard(shingleHashes(full.join('\n')), shingleHashes(text.join('\n')));
    const estimate = estimateJaccard(minhash(full.join('\n')), minhash(text.join('\n')));
    assert.ok(Math.abs(estimate - exact) <= 0.1, `${name}: exact ${exact.toFixed(3)}, estimated ${estimate.toFixed(3)}`);
  }
});

test('across real pairs of the demo, the mean error of the estimate is under 0.05', () => {
  const bodies = demo.slice(0, 60).map((a) => a.body);
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < bodies.length; i += 3) {
    for (let j = i + 1; j < bodies.length; j += 7) {
      total += Math.abs(jaccard(shingleHashes(bodies[i]!), shingleHashes(bodies[j]!)) - estimateJaccard(minhash(bodies[i]!), minhash(bodies[j]!)));
      pairs++;
    }
  }
  assert.ok(total / pairs < 0.05, String(total / pairs));
});

test('a copy cut down to its first paragraphs is almost wholly contained in the full story', () => {
  const full = paragraphs(STORY);
  const cut = minhash(full.slice(0, 6).join('\n'));
  const whole = minhash(full.join('\n'));
  assert.ok(estimateJaccard(whole, cut) < 0.5);
  assert.ok(estimateContainment(whole, cut) >= 0.9, String(estimateContainment(whole, cut)));
});

test('the signature is one value per hash function, and survives storage as text', () => {
  const signature = minhash(byId(STORY).body);
  assert.equal(signature.signature.length, MINHASH_SIZE);
  const stored = encodeSignature(signature.signature);
  assert.match(stored, /^[A-Za-z0-9+/]+=*$/);
  assert.deepEqual(decodeSignature(stored), signature.signature);
  assert.deepEqual(minhashOfShingles(shingleHashes(byId(STORY).body)), signature);
});

test('copies share LSH buckets with the original; unrelated stories share none', () => {
  const full = paragraphs(STORY);
  const original = new Set(lshBuckets(minhash(full.join('\n'))));
  const copy = lshBuckets(minhash(full.filter((_, i) => i !== 3).join('\n')));
  const unrelated = lshBuckets(minhash(byId('SK-sport-186-20180301').body));
  assert.ok(copy.filter((b) => original.has(b)).length >= 4);
  assert.equal(unrelated.filter((b) => original.has(b)).length, 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inverseDocumentFrequency, termCounts, termVector, TERM_VECTOR_SIZE } from '../../../src/content/related/term-vector.ts';

test('terms are analyzed: clitics, the article and diacritics do not split one word into several', () => {
  const counts = termCounts({ headline: 'لافروف في بيونغ يانغ', bodyText: 'وَصَلَ لافروف إلى بيونغ يانغ، والتقى ولافروف.' });
  assert.equal(counts.get('لافروف'), 3 + 2);
  assert.ok(!counts.has('في'), 'stop words are left out');
});

test('a headline word counts three times, a dek word twice, and bare numbers not at all', () => {
  const counts = termCounts({ headline: 'صواريخ', dek: 'صواريخ', bodyText: 'صواريخ 2018 و1,000 صاروخ' });
  assert.equal(counts.get('صواريخ'), 3 + 2 + 1);
  assert.ok(![...counts.keys()].some((t) => /^\d/.test(t)));
});

test('the vector keeps the top terms by tf-idf, heaviest first, with unit length', () => {
  const counts = new Map<string, number>(Array.from({ length: 50 }, (_, i) => [`كلمة${String.fromCharCode(0x0621 + i)}`, 1 + (i % 5)]));
  const documents = (term: string) => 1 + (term.charCodeAt(term.length - 1) % 7);
  const vector = termVector(counts, documents, 1000);
  assert.equal(vector.length, TERM_VECTOR_SIZE);
  const length = Math.sqrt(vector.reduce((s, t) => s + t.weight * t.weight, 0));
  assert.ok(Math.abs(length - 1) < 1e-6);
  for (let i = 1; i < vector.length; i++) assert.ok(vector[i - 1]!.weight >= vector[i]!.weight);
  for (const t of vector) assert.equal(Math.fround(t.weight), t.weight, 'weights are 32-bit floats, as PostgreSQL real keeps them');
});

test('a rare term outweighs a common one used as often', () => {
  const vector = termVector(new Map([['نادر', 2], ['شائع', 2]]), (t) => (t === 'نادر' ? 2 : 800), 1000);
  assert.equal(vector[0]!.term, 'نادر');
  assert.ok(inverseDocumentFrequency(1000, 2) > inverseDocumentFrequency(1000, 800));
});

test('equal weights are ordered by term, so every run and engine keeps the same terms', () => {
  const a = termVector(new Map([['ب', 1], ['ا', 1], ['ت', 1]]), () => 1, 10, 2);
  const b = termVector(new Map([['ت', 1], ['ب', 1], ['ا', 1]]), () => 1, 10, 2);
  assert.deepEqual(a, b);
  assert.deepEqual(a.map((t) => t.term), ['ا', 'ب']);
});

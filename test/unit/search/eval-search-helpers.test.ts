import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../../src/content/search/search-query.ts';
import { light10Analyzer, matchExpression, oursAnalyzer, parseClauses } from '../../../scripts/eval-search-analyzers.ts';
import { createLikeSearch } from '../../../scripts/eval-search-like.ts';
import { diagnoseMisses, knownItemScore, mean, recall, reciprocalRank, sameList, sameSet } from '../../../scripts/eval-search-metrics.ts';

test('the reciprocal rank of an article is 1/rank within the first 10 results, 0 beyond them', () => {
  assert.equal(reciprocalRank([7, 3, 9], 7), 1);
  assert.equal(reciprocalRank([7, 3, 9], 9), 1 / 3);
  assert.equal(reciprocalRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 11), 0);
  assert.equal(reciprocalRank([], 1), 0);
});

test('recall@10 counts the must-find articles in the first 10 results', () => {
  assert.equal(recall([1, 2, 3], [2, 4]), 0.5);
  assert.equal(recall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [11]), 0);
  assert.equal(recall([1], []), 1);
});

test('a known-item score gives MRR, the share found in the top 10 and the share ranked first', () => {
  assert.deepEqual(knownItemScore([1, 0.5, 0, 1]), { mrr: 0.625, recall: 0.75, successAt1: 0.5, queries: 4 });
  assert.equal(mean([]), 0);
});

test('same set ignores order, same list does not', () => {
  assert.ok(sameSet([1, 2, 3], [3, 1, 2]));
  assert.ok(!sameSet([1, 2], [1, 2, 2]));
  assert.ok(sameList([1, 2], [1, 2]));
  assert.ok(!sameList([1, 2], [2, 1]));
});

test("the evaluation reads queries exactly as parseQuery does with Midad's analyzer", () => {
  for (const q of ['ولافروف يلتقي "كيم جونغ أون"', '"بيونغ يانغ', 'قال في', '«كأس العالم» مونديال مونديال', '']) {
    assert.deepEqual(parseClauses(q, oursAnalyzer), parseQuery(q).clauses, q);
  }
});

test('light10 leaves بلافروف whole where Midad strips the ب', () => {
  assert.deepEqual(light10Analyzer('بلافروف'), ['بلافروف']);
  assert.deepEqual(oursAnalyzer('بلافروف'), ['لافروف']);
});

test('the MATCH expression quotes every term and phrase', () => {
  const clauses = parseClauses('لافروف "بيونغ يانغ" NEAR*', oursAnalyzer);
  assert.equal(matchExpression(clauses, 'all'), '"لافروف" AND "بيونغ يانغ" AND "near"');
  assert.equal(matchExpression(clauses, 'any'), '"لافروف" OR "بيونغ يانغ" OR "near"');
});

test('the in-memory LIKE finds headline or body substrings, newest first, ASCII case folded, one hit per article', () => {
  const like = createLikeSearch([
    { id: 1, publishedAt: 100, headline: 'لافروف في بيونغ يانغ', body: 'نص' },
    { id: 2, publishedAt: 300, headline: 'عنوان', body: 'قال لافروف لـCNN إن لافروف' },
    { id: 3, publishedAt: 300, headline: 'لافروف', body: '' },
    { id: 4, publishedAt: 200, headline: 'بيونغ', body: 'يانغ' },
  ]);
  assert.deepEqual(like('لافروف', 10), [3, 2, 1]);
  assert.deepEqual(like('لافروف', 2), [3, 2]);
  assert.deepEqual(like('cnn', 10), [2]);
  // A match never runs from the headline into the body.
  assert.deepEqual(like('بيونغيانغ', 10), []);
  assert.deepEqual(like('بيونغ يانغ', 10), [1]);
});

test('diagnoseMisses counts missing title words, a first-ranked body as good, and near-copies', () => {
  const bodies = new Map<number, ReadonlySet<string>>([
    [1, new Set(['لافروف', 'بيونغ', 'يانغ', 'زيار'])],
    [2, new Set(['لافروف', 'بيونغ', 'يانغ', 'زيار', 'كيم'])],
    [3, new Set(['ترامب', 'واشنطن'])],
    [4, new Set(['لافروف'])],
  ]);
  const terms = (id: number) => bodies.get(id) ?? new Set<string>();
  const diagnosis = diagnoseMisses(
    [
      // Every title word in its body; beaten by a near-copy that has them all too.
      { titleTerms: ['لافروف', 'بيونغ', 'لافروف'], articleId: 1, firstId: 2 },
      // A title word its body never uses; the first-ranked body has fewer of the words.
      { titleTerms: ['ترامب', 'يغرد'], articleId: 3, firstId: 4 },
      // Nothing was found at all.
      { titleTerms: ['كيم'], articleId: 4, firstId: undefined },
    ],
    terms,
  );
  assert.deepEqual(diagnosis, { misses: 3, titleWordsAbsentFromOwnBody: 2, firstHoldsAsManyTitleTerms: 1, firstIsNearCopy: 1 });
});

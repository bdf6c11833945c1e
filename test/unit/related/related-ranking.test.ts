import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { minhash } from '../../../src/arabic/minhash.ts';
import {
  isSameStory,
  lookupTerms,
  pickRelated,
  rankCandidates,
  recencyDecay,
  relatednessScore,
  type RelatedCandidate,
  type RelatedSubject,
} from '../../../src/content/related/related-ranking.ts';

const DAY = 86_400_000;
const demo = readFileSync(new URL('../../../demo/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { id: string; body: string });
const body = (id: string) => demo.find((a) => a.id === id)?.body ?? assert.fail(id);

const subject: RelatedSubject = {
  id: 1,
  sectionId: 10,
  publishedAt: 100 * DAY,
  tagIds: [7, 8],
  vector: [
    { term: 'لافروف', weight: 0.8 },
    { term: 'بيونغ', weight: 0.6 },
  ],
};
const candidate = (id: number, over: Partial<RelatedCandidate> = {}): RelatedCandidate => ({
  id,
  sectionId: 20,
  publishedAt: 100 * DAY,
  tagIds: [],
  weights: new Map([['لافروف', 0.5]]),
  ...over,
});

test('the score is the cosine of the two vectors when nothing else is shared', () => {
  assert.equal(relatednessScore(subject, candidate(2)), 0.8 * 0.5);
  const both = candidate(3, { weights: new Map([['لافروف', 0.5], ['بيونغ', 0.5], ['غير', 0.9]]) });
  assert.equal(relatednessScore(subject, both), 0.8 * 0.5 + 0.6 * 0.5);
});

test('a shared tag and the same section each raise an otherwise equal story', () => {
  const plain = relatednessScore(subject, candidate(2));
  const tagged = relatednessScore(subject, candidate(3, { tagIds: [8] }));
  const sameSection = relatednessScore(subject, candidate(4, { sectionId: 10 }));
  const both = relatednessScore(subject, candidate(5, { sectionId: 10, tagIds: [7, 8] }));
  assert.ok(tagged > plain && sameSection > plain && both > tagged && both > sameSection);
});

test('the recency decay halves a score over a month and orders otherwise equal stories by closeness in time', () => {
  assert.equal(recencyDecay(0), 1);
  assert.equal(recencyDecay(30), 0.5);
  assert.equal(recencyDecay(-30), 0.5);
  const ranked = rankCandidates(subject, [
    candidate(2, { publishedAt: 80 * DAY }),
    candidate(3, { publishedAt: 99 * DAY }),
    candidate(4, { publishedAt: 110 * DAY }),
  ]);
  assert.deepEqual(ranked.map((r) => r.id), [3, 4, 2]);
});

test('the subject is never ranked among its own candidates; equal scores go to the newer story, then the higher id', () => {
  assert.deepEqual(rankCandidates(subject, [candidate(1), candidate(2), candidate(3)]).map((r) => r.id), [3, 2]);
  const before = candidate(4, { publishedAt: 99 * DAY });
  const after = candidate(5, { publishedAt: 101 * DAY });
  assert.deepEqual(rankCandidates(subject, [after, before]).map((r) => r.id), [5, 4]);
  assert.deepEqual(rankCandidates(subject, [before, after]).map((r) => r.id), [5, 4]);
});

test('candidates are looked up by the heaviest terms that another article uses and that are not too common', () => {
  const vector = [
    { term: 'فريد', weight: 0.7 },
    { term: 'شائع', weight: 0.5 },
    { term: 'مفيد', weight: 0.4 },
  ];
  const documents = new Map([['فريد', 1], ['شائع', 900], ['مفيد', 12]]);
  assert.deepEqual(
    lookupTerms(vector, (t) => documents.get(t) ?? 1, 1000).map((t) => t.term),
    ['مفيد'],
  );
});

test('the same agency story under another title, cut or reordered, is the same story; a follow-up is not', () => {
  const story = body('BB-internationalNews-107-20180306').split('\n');
  const original = minhash(story.join('\n'));
  assert.ok(isSameStory(original, minhash(story.filter((_, i) => i !== 2).join('\n'))));
  assert.ok(isSameStory(original, minhash([story[1]!, story[0]!, ...story.slice(2)].join('\n'))));
  assert.ok(isSameStory(original, minhash(story.slice(0, 6).join('\n'))), 'a copy cut to its first paragraphs');
  // Al Arabiya and Sky News Arabia running one agency story under two headlines.
  assert.ok(isSameStory(minhash(body('AL-internationalNews-283-20180301')), minhash(body('SK-internationalNews-209-20180301'))));
  // Two CNN stories a day apart about the South Korean delegation to Pyongyang.
  assert.ok(!isSameStory(minhash(body('CN-internationalNews-62-20180304')), minhash(body('CN-internationalNews-66-20180305'))));
  assert.ok(!isSameStory(original, minhash(body('FR-internationalNews-279-20180306'))));
});

test('the related list skips the subject, copies of its story, and a second copy of a story already chosen', () => {
  const story = body('BB-internationalNews-107-20180306').split('\n');
  const fingerprints = new Map([
    [1, minhash(story.join('\n'))],
    [2, minhash(story.slice(1).join('\n'))],
    [3, minhash(body('FR-internationalNews-279-20180306'))],
    [4, minhash(body('AL-internationalNews-283-20180301'))],
    [5, minhash(body('SK-internationalNews-209-20180301'))],
    [6, minhash(body('CN-internationalNews-62-20180304'))],
    [7, minhash(body('CN-internationalNews-66-20180305'))],
  ]);
  const ranked = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, score: 10 - id }));
  assert.deepEqual(
    pickRelated(1, ranked, (id) => fingerprints.get(id)).map((r) => r.id),
    [3, 4, 6, 7],
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import type { ArticleService } from '../../../src/content/articles/articles.service.ts';
import { fixedClock } from '../../../src/content/clock.ts';
import type { SearchIndexer } from '../../../src/content/search/search-indexer.ts';
import { createSearchService } from '../../../src/content/search/search.service.ts';
import type { Database } from '../../../src/db/database.ts';
import { MATCH_CAP, type FullTextIndex, type FullTextQuery } from '../../../src/db/full-text.ts';

/**
 * A search service over an index that answers from two lists, best first: the ids with every word
 * and those with only some. Each list is counted up to MATCH_CAP + 1, as the engines count.
 */
function serviceOver(all: number[], some: number[]) {
  const asked: Pick<FullTextQuery, 'mode' | 'limit' | 'offset'>[] = [];
  const fullText = {
    async search(_db: unknown, query: FullTextQuery) {
      asked.push({ mode: query.mode, limit: query.limit, offset: query.offset });
      const list = query.mode === 'all' ? all : some;
      const ranked = list.slice(0, MATCH_CAP + 1);
      return { total: ranked.length, hits: ranked.slice(query.offset, query.offset + query.limit).map((id) => ({ id, score: 1 })) };
    },
  } as unknown as FullTextIndex;
  const articles = {
    async summaries(ids: readonly number[]) {
      return ids.map((id) => ({ id, slug: `a${id}`, sectionId: 1, headline: `خبر ${id}`, dek: null, byline: null, sourceKind: 'staff' as const, publishedAt: new Date(0) }));
    },
    async bodyTexts(ids: readonly number[]) {
      return new Map(ids.map((id) => [id, `نص الخبر ${id}`]));
    },
  } as unknown as ArticleService;
  const service = createSearchService({
    db: {} as Kysely<Database>,
    fullText,
    indexer: {} as SearchIndexer,
    articles,
    clock: fixedClock(new Date('2026-11-29T12:00:00Z')),
  });
  return { service, asked };
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

test('the second list starts where the first one ends, at the offset the cursor carries', async () => {
  const { service, asked } = serviceOver(range(1, 25), range(101, 40));
  const page = async (cursor: string | null) => service.search({ q: 'تمساحيل جرانيتو', limit: 10, cursor });
  const first = await page(null);
  assert.deepEqual(first.hits.map((h) => h.article.id), range(1, 10));
  assert.equal(first.total, 65);
  const second = await page(first.nextCursor);
  const third = await page(second.nextCursor);
  assert.deepEqual(third.hits.map((h) => h.article.id), [...range(21, 5), ...range(101, 5)]);
  assert.deepEqual(third.hits.map((h) => h.matchedAll), [true, true, true, true, true, false, false, false, false, false]);
  assert.equal(third.mode, 'any');
  assert.deepEqual(asked.slice(-2), [
    { mode: 'all', limit: 10, offset: 20 },
    { mode: 'partial', limit: 5, offset: 0 },
  ]);
  const fourth = await page(third.nextCursor);
  assert.deepEqual(fourth.hits.map((h) => h.article.id), range(106, 10));
  assert.deepEqual(asked.at(-1), { mode: 'partial', limit: 10, offset: 5 });
});

test('a page inside the first list still counts the second, without ranking it', async () => {
  const { service, asked } = serviceOver(range(1, 25), range(101, 40));
  const results = await service.search({ q: 'تمساحيل جرانيتو', limit: 10, cursor: null });
  assert.equal(results.mode, 'all');
  assert.equal(results.allTotal, 25);
  assert.deepEqual(asked.at(-1), { mode: 'partial', limit: 0, offset: 0 });
});

test('more than a thousand matches in all: the total stops at 1001 and says so', async () => {
  const both = serviceOver(range(1, 600), range(5001, 600));
  const mixed = await both.service.search({ q: 'تمساحيل جرانيتو', limit: 10, cursor: null });
  assert.equal(mixed.total, MATCH_CAP + 1);
  assert.equal(mixed.totalIsLowerBound, true);
  assert.equal(mixed.allTotal, 600);

  const many = serviceOver(range(1, 5000), range(9001, 50));
  const capped = await many.service.search({ q: 'تمساحيل جرانيتو', limit: 10, cursor: null });
  assert.equal(capped.total, MATCH_CAP + 1);
  assert.equal(capped.totalIsLowerBound, true);
  assert.ok(many.asked.every((q) => q.mode === 'all'), 'past MATCH_CAP the others are never reached, so never asked for');

  const exact = serviceOver(range(1, 400), range(5001, 600));
  const thousand = await exact.service.search({ q: 'تمساحيل جرانيتو', limit: 10, cursor: null });
  assert.equal(thousand.total, 1000);
  assert.equal(thousand.totalIsLowerBound, false);
});

test('one word has no second list', async () => {
  const { service, asked } = serviceOver(range(1, 3), range(101, 40));
  const results = await service.search({ q: 'جرانيتو', limit: 10, cursor: null });
  assert.equal(results.total, 3);
  assert.deepEqual(asked.map((q) => q.mode), ['all']);
});

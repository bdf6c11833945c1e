import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FullTextIndex } from '../../db/full-text.ts';
import { AppError } from '../../errors.ts';
import type { ArticleSummary } from '../articles/article.ts';
import type { ArticleService } from '../articles/articles.service.ts';
import type { Clock } from '../clock.ts';
import { buildSnippet, markMatches, parseQuery, type ParsedQuery, type SnippetPart } from './search-query.ts';
import type { SearchIndexer } from './search-indexer.ts';

/** One found article with the passage that shows why. */
export interface SearchHit {
  article: ArticleSummary;
  snippet: SnippetPart[];
  /** The headline split into marked and unmarked parts. */
  headline: SnippetPart[];
  score: number;
}

export interface SearchResults {
  query: ParsedQuery;
  total: number;
  hits: SearchHit[];
  nextCursor: string | null;
  /** 'all': every word matched; 'any': nothing had every word, so these have some of them. */
  mode: 'all' | 'any';
}

export interface SearchRequest {
  q: string;
  sectionId?: number;
  limit: number;
  cursor: string | null;
}

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResults>;
  /** Indexes every article the index does not hold yet; returns how many. */
  indexMissing(): Promise<number>;
}

const MAX_OFFSET = 1000;
const BACKFILL_BATCH = 500;

function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^o(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(offset) || offset > MAX_OFFSET) throw new AppError('INVALID_CURSOR');
  return offset;
}

/** Search for readers and programs: Arabic-aware matching, ranking, snippets. */
export function createSearchService(deps: {
  db: Kysely<Database>;
  fullText: FullTextIndex;
  indexer: SearchIndexer;
  articles: ArticleService;
  clock: Clock;
}): SearchService {
  const { db, fullText, indexer, articles, clock } = deps;
  return {
    async search(request) {
      const query = parseQuery(request.q);
      const offset = request.cursor ? decodeCursor(request.cursor) : 0;
      if (query.clauses.length === 0) return { query, total: 0, hits: [], nextCursor: null, mode: 'all' };
      const base = {
        clauses: query.clauses,
        now: clock.now().getTime(),
        limit: request.limit,
        offset,
        ...(request.sectionId !== undefined ? { sectionId: request.sectionId } : {}),
      };
      let mode: 'all' | 'any' = 'all';
      let found = await fullText.search(db, { ...base, mode });
      if (found.total === 0 && query.clauses.length > 1) {
        mode = 'any';
        found = await fullText.search(db, { ...base, mode });
      }
      const ids = found.hits.map((h) => h.id);
      const [summaries, bodies] = await Promise.all([articles.summaries(ids), articles.bodyTexts(ids)]);
      const scores = new Map(found.hits.map((h) => [h.id, h.score]));
      const hits = summaries.map((article) => ({
        article,
        snippet: buildSnippet(bodies.get(article.id) ?? '', query.terms),
        headline: markMatches(article.headline, query.terms),
        score: scores.get(article.id) ?? 0,
      }));
      const next = offset + request.limit;
      return { query, total: found.total, hits, nextCursor: next < Math.min(found.total, MAX_OFFSET) ? encodeCursor(next) : null, mode };
    },
    async indexMissing() {
      let done = 0;
      for (;;) {
        const ids = await fullText.missing(db, BACKFILL_BATCH);
        if (ids.length === 0) return done;
        const sources = await articles.searchSources(ids);
        await db.transaction().execute(async (trx) => {
          for (const source of sources) await indexer.index(source, trx);
        });
        done += sources.length;
      }
    },
  };
}

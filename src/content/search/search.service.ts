import type { Kysely } from 'kysely';
import { ANALYZER_VERSION } from '../../arabic/analyzer-version.ts';
import type { Database } from '../../db/database.ts';
import { FULL_TEXT_LAYOUT, MATCH_CAP, type FullTextIndex, type FullTextQuery } from '../../db/full-text.ts';
import { AppError } from '../../errors.ts';
import type { ArticleSummary } from '../articles/article.ts';
import type { ArticleService } from '../articles/articles.service.ts';
import type { Clock } from '../clock.ts';
import { buildSnippet, markMatches, parseQuery, type ParsedQuery, type SnippetPart } from './search-query.ts';
import type { SearchIndexer } from './search-indexer.ts';
import { readMeta, writeMeta } from './search-meta.repository.ts';

/** One found article with the passage that shows why. */
export interface SearchHit {
  article: ArticleSummary;
  snippet: SnippetPart[];
  /** The headline split into marked and unmarked parts. */
  headline: SnippetPart[];
  score: number;
  /** Whether the article has every word of the query; those come first. */
  matchedAll: boolean;
}

export interface SearchResults {
  query: ParsedQuery;
  /**
   * How many articles the results run to: those with every word, then those with some of them.
   * Counted up to MATCH_CAP + 1 (1001); see totalIsLowerBound.
   */
  total: number;
  /** There are more than MATCH_CAP matches and `total` stops there: say "more than 1000". */
  totalIsLowerBound: boolean;
  /** How many of the matches have every word (counted the same way); 0 when no article has them all. */
  allTotal: number;
  hits: SearchHit[];
  nextCursor: string | null;
  /** 'all': every hit on this page has every word; 'any': some (or all) of them have only some of the words. */
  mode: 'all' | 'any';
}

export interface SearchRequest {
  q: string;
  sectionId?: number;
  limit: number;
  cursor: string | null;
}

/** What start-up did to bring the derived text data in line with the analyzer. */
export interface IndexUpkeep {
  /** Articles re-indexed because the analyzer changed since the index was built. */
  rebuilt: number;
  /** Articles the index did not hold yet. */
  added: number;
  /** Published articles whose related-article terms were recomputed for the same reason. */
  relatedRefreshed: number;
}

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResults>;
  /** Indexes every article the index does not hold yet; returns how many. */
  indexMissing(): Promise<number>;
  /**
   * At start-up: rebuilds the search index, in batches, when it was built by another analyzer version
   * or index layout (SEARCH_INDEX_VERSION), recomputes related-article terms when they were built by
   * another analyzer version, then indexes articles the index misses. Each version is stored once its
   * rebuild is complete, so an interrupted rebuild starts again at the next start.
   */
  keepIndexCurrent(): Promise<IndexUpkeep>;
}

const MAX_OFFSET = 1000;
const BACKFILL_BATCH = 500;
/**
 * `meta` keys: what built the search index (SEARCH_INDEX_VERSION; the key keeps its first name, from when
 * that was the analyzer version alone), and the analyzer version of the related-article terms.
 */
export const SEARCH_ANALYZER_KEY = 'search_analyzer_version';
export const RELATED_ANALYZER_KEY = 'related_analyzer_version';
/** What built the search index: the analyzer's version and the index's own layout ("3.2"). */
export const SEARCH_INDEX_VERSION = `${ANALYZER_VERSION}.${FULL_TEXT_LAYOUT}`;

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

  async function indexBatch(ids: readonly number[]): Promise<number> {
    const sources = await articles.searchSources(ids);
    await db.transaction().execute((trx) => indexer.indexMany(sources, trx));
    return sources.length;
  }

  async function indexMissing(): Promise<number> {
    let done = 0;
    for (;;) {
      const ids = await fullText.missing(db, BACKFILL_BATCH);
      if (ids.length === 0) return done;
      done += await indexBatch(ids);
    }
  }

  return {
    async search(request) {
      const query = parseQuery(request.q);
      const offset = request.cursor ? decodeCursor(request.cursor) : 0;
      if (query.clauses.length === 0) return { query, total: 0, totalIsLowerBound: false, allTotal: 0, hits: [], nextCursor: null, mode: 'all' };
      const base: Omit<FullTextQuery, 'mode' | 'limit' | 'offset'> = {
        clauses: query.clauses,
        now: clock.now().getTime(),
        ...(request.sectionId !== undefined ? { sectionId: request.sectionId } : {}),
      };
      // One list: the articles with every word, ranked, then those with only some of them, ranked;
      // the cursor's offset runs through the first list and on into the second.
      const all = await fullText.search(db, { ...base, mode: 'all', limit: request.limit, offset });
      const found = all.hits.map((h) => ({ ...h, matchedAll: true }));
      const some =
        query.clauses.length > 1 && all.total <= MATCH_CAP
          ? fullText.search(db, { ...base, mode: 'partial', limit: request.limit - found.length, offset: Math.max(0, offset - all.total) })
          : undefined;
      // A page the first list fills needs the second only for its count, which then runs beside the
      // reading of the page (on PostgreSQL, on another connection); otherwise its hits come first.
      const pageFull = found.length >= request.limit;
      if (some && !pageFull) found.push(...(await some).hits.map((h) => ({ ...h, matchedAll: false })));
      // Summaries and bodies in one statement: one round trip on one connection.
      const [rows, partial] = await Promise.all([articles.summariesWithBodies(found.map((h) => h.id)), some]);
      const total = all.total + (partial?.total ?? 0);
      const byId = new Map(found.map((h) => [h.id, h]));
      const hits = rows.map(({ summary: article, bodyText }) => ({
        article,
        snippet: buildSnippet(bodyText, query.terms),
        headline: markMatches(article.headline, query.terms),
        score: byId.get(article.id)?.score ?? 0,
        matchedAll: byId.get(article.id)?.matchedAll ?? true,
      }));
      const totalIsLowerBound = total > MATCH_CAP;
      const shown = Math.min(total, MATCH_CAP + 1);
      const next = offset + request.limit;
      return {
        query,
        total: shown,
        totalIsLowerBound,
        allTotal: all.total,
        hits,
        nextCursor: next < Math.min(shown, MAX_OFFSET) ? encodeCursor(next) : null,
        mode: hits.every((h) => h.matchedAll) ? 'all' : 'any',
      };
    },

    indexMissing,

    async keepIndexCurrent() {
      let rebuilt = 0;
      if ((await readMeta(db, SEARCH_ANALYZER_KEY)) !== SEARCH_INDEX_VERSION) {
        // In place, batch by batch, so that search keeps answering (with the old terms) meanwhile.
        for (let after = 0; ; ) {
          const ids = await fullText.articlesAfter(db, after, BACKFILL_BATCH);
          if (ids.length === 0) break;
          rebuilt += await indexBatch(ids);
          after = ids.at(-1)!;
        }
        await writeMeta(db, SEARCH_ANALYZER_KEY, SEARCH_INDEX_VERSION);
      }
      let relatedRefreshed = 0;
      const relatedVersion = String(ANALYZER_VERSION);
      if ((await readMeta(db, RELATED_ANALYZER_KEY)) !== relatedVersion) {
        relatedRefreshed = await articles.refreshAllRelated();
        await writeMeta(db, RELATED_ANALYZER_KEY, relatedVersion);
      }
      return { rebuilt, added: await indexMissing(), relatedRefreshed };
    },
  };
}

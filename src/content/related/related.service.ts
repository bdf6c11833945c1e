import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { normalizeForMatch } from '../../arabic/normalize.ts';
import { significantTerms } from '../../arabic/terms.ts';
import {
  candidateTerms,
  countIndexedArticles,
  documentFrequencies,
  relatedIds,
  replaceArticleTerms,
  replaceAllDerived,
  replaceRelated,
  type WeightedTerm,
} from './related.repository.ts';

/** How many related articles every article shows. */
export const RELATED_COUNT = 4;

const HEADLINE_TERMS = 12;
const BODY_TERMS = 30;
/** Days after which a related story's recency weight halves. */
const RECENCY_HALF_LIFE_DAYS = 30;

/** What related-article scoring reads of an article. */
export interface RelatableArticle {
  id: number;
  sectionId: number;
  headline: string;
  bodyText: string;
  publishedAt: number;
}

/**
 * The significant words of an article, weighted: words of the headline count double, and body
 * words by how high they rank in the body. Stored so that related lookups are index reads.
 */
export function weightedTerms(headline: string, bodyText: string): WeightedTerm[] {
  const weights = new Map<string, number>();
  const body = significantTerms(bodyText, BODY_TERMS);
  body.forEach((term, rank) => weights.set(term, 1 + (BODY_TERMS - rank) / BODY_TERMS));
  for (const term of significantTerms(headline, HEADLINE_TERMS)) weights.set(term, (weights.get(term) ?? 0) + 2);
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

export interface RelatedService {
  /** Stores an article's terms (call in the transaction that saves the article). */
  indexTerms(article: RelatableArticle, trx?: Transaction<Database>): Promise<WeightedTerm[]>;
  /** Recomputes and stores the related list of one article; returns the ids chosen. */
  refresh(article: RelatableArticle, trx?: Transaction<Database>): Promise<number[]>;
  /** Recomputes terms and related lists of all these articles together, in memory, in one transaction. */
  refreshAll(articles: readonly RelatableArticle[]): Promise<void>;
  /** The stored related ids of an article, best first. */
  idsFor(articleId: number): Promise<number[]>;
}

/** Idf-weighted overlap with a recency decay; the one scoring rule for single and bulk refreshes. */
function rankCandidates(
  article: RelatableArticle,
  ownWeights: ReadonlyMap<string, number>,
  candidates: Iterable<{ articleId: number; term: string; weight: number; publishedAt: number; headline: string }>,
  df: (term: string) => number,
  total: number,
): { relatedId: number; score: number }[] {
  const ownHeadline = normalizeForMatch(article.headline).trim();
  const scores = new Map<number, { score: number; publishedAt: number }>();
  const sameHeadline = new Map<string, boolean>();
  for (const row of candidates) {
    let duplicate = sameHeadline.get(row.headline);
    if (duplicate === undefined) {
      duplicate = normalizeForMatch(row.headline).trim() === ownHeadline;
      sameHeadline.set(row.headline, duplicate);
    }
    if (duplicate) continue;
    const idf = Math.log(1 + total / Math.max(1, df(row.term)));
    const entry = scores.get(row.articleId) ?? { score: 0, publishedAt: row.publishedAt };
    entry.score += idf * (ownWeights.get(row.term) ?? 0) * row.weight;
    scores.set(row.articleId, entry);
  }
  return [...scores]
    .map(([relatedId, { score, publishedAt }]) => {
      const days = Math.abs(article.publishedAt - publishedAt) / 86_400_000;
      return { relatedId, score: score * Math.pow(0.5, days / RECENCY_HALF_LIFE_DAYS) };
    })
    .sort((a, b) => b.score - a.score || b.relatedId - a.relatedId)
    .slice(0, RELATED_COUNT);
}

/**
 * Related articles, for now: published stories of the same section sharing significant words,
 * scored by the idf-weighted overlap of their terms with a recency decay, never the article itself
 * nor another copy of the same headline.
 */
export function createRelatedService(deps: { db: Kysely<Database> }): RelatedService {
  const { db } = deps;
  async function indexTerms(article: RelatableArticle, trx?: Transaction<Database>) {
    const terms = weightedTerms(article.headline, article.bodyText);
    await replaceArticleTerms(trx ?? db, article.id, terms);
    return terms;
  }
  return {
    indexTerms,
    async refresh(article, trx) {
      const executor = trx ?? db;
      const own = await indexTerms(article, trx);
      const ownWeights = new Map(own.map((t) => [t.term, t.weight]));
      const terms = [...ownWeights.keys()];
      const [df, total, rows] = await Promise.all([
        documentFrequencies(executor, terms),
        countIndexedArticles(executor),
        candidateTerms(executor, { terms, sectionId: article.sectionId, excludeId: article.id, notAfter: Number.MAX_SAFE_INTEGER }),
      ]);
      const ranked = rankCandidates(article, ownWeights, rows, (term) => df.get(term) ?? 1, total);
      await replaceRelated(executor, article.id, ranked);
      return ranked.map((r) => r.relatedId);
    },
    async refreshAll(articles) {
      const termsById = new Map(articles.map((a) => [a.id, weightedTerms(a.headline, a.bodyText)]));
      const df = new Map<string, number>();
      // Postings per section and term, so candidates are found the way the single refresh's SQL does.
      const postings = new Map<string, { articleId: number; term: string; weight: number; publishedAt: number; headline: string }[]>();
      for (const article of articles) {
        for (const { term, weight } of termsById.get(article.id) ?? []) {
          df.set(term, (df.get(term) ?? 0) + 1);
          const key = `${article.sectionId}\u0000${term}`;
          const list = postings.get(key) ?? [];
          list.push({ articleId: article.id, term, weight, publishedAt: article.publishedAt, headline: article.headline });
          postings.set(key, list);
        }
      }
      const derived = articles.map((article) => {
        const terms = termsById.get(article.id) ?? [];
        const ownWeights = new Map(terms.map((t) => [t.term, t.weight]));
        const candidates = terms
          .flatMap((t) => postings.get(`${article.sectionId}\u0000${t.term}`) ?? [])
          .filter((c) => c.articleId !== article.id);
        return { articleId: article.id, terms, related: rankCandidates(article, ownWeights, candidates, (t) => df.get(t) ?? 1, articles.length) };
      });
      await db.transaction().execute((trx) => replaceAllDerived(trx, derived));
    },
    idsFor: (articleId) => relatedIds(db, articleId),
  };
}

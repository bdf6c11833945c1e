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
  /** The stored related ids of an article, best first. */
  idsFor(articleId: number): Promise<number[]>;
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
      const ownHeadline = normalizeForMatch(article.headline).trim();
      const scores = new Map<number, { score: number; publishedAt: number }>();
      for (const row of rows) {
        if (normalizeForMatch(row.headline).trim() === ownHeadline) continue;
        const idf = Math.log(1 + total / (df.get(row.term) ?? 1));
        const entry = scores.get(row.articleId) ?? { score: 0, publishedAt: row.publishedAt };
        entry.score += idf * (ownWeights.get(row.term) ?? 0) * row.weight;
        scores.set(row.articleId, entry);
      }
      const ranked = [...scores]
        .map(([relatedId, { score, publishedAt }]) => {
          const days = Math.abs(article.publishedAt - publishedAt) / 86_400_000;
          return { relatedId, score: score * Math.pow(0.5, days / RECENCY_HALF_LIFE_DAYS) };
        })
        .sort((a, b) => b.score - a.score || b.relatedId - a.relatedId)
        .slice(0, RELATED_COUNT);
      await replaceRelated(executor, article.id, ranked);
      return ranked.map((r) => r.relatedId);
    },
    idsFor: (articleId) => relatedIds(db, articleId),
  };
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FullTextIndex } from '../../db/full-text.ts';
import { analyze } from '../../arabic/stem.ts';

/** What the index reads of an article. */
export interface IndexableArticle {
  id: number;
  headline: string;
  dek: string | null;
  bodyText: string;
}

export interface SearchIndexer {
  /** Puts an article's current text in the index (call inside the transaction that saves it). */
  index(article: IndexableArticle, trx?: Transaction<Database>): Promise<void>;
  remove(articleId: number, trx?: Transaction<Database>): Promise<void>;
}

/** Keeps the full-text index in step with the articles, through the same analyzer as queries. */
export function createSearchIndexer(deps: { db: Kysely<Database>; fullText: FullTextIndex }): SearchIndexer {
  const { db, fullText } = deps;
  return {
    async index(article, trx) {
      await fullText.upsert(trx ?? db, article.id, {
        headline: analyze(article.headline),
        dek: analyze(article.dek ?? ''),
        body: analyze(article.bodyText),
      });
    },
    remove: (articleId, trx) => fullText.remove(trx ?? db, articleId),
  };
}

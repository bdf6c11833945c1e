import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FullTextIndex, IndexEntry } from '../../db/full-text.ts';
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
  /** The same for many articles, written in a few multi-row statements (bulk loads, rebuilds). */
  indexMany(articles: readonly IndexableArticle[], trx?: Transaction<Database>): Promise<void>;
  remove(articleId: number, trx?: Transaction<Database>): Promise<void>;
}

/** Articles analyzed and written together by indexMany. */
const INDEX_PART = 200;

function entryOf(article: IndexableArticle): IndexEntry {
  return {
    articleId: article.id,
    fields: { headline: analyze(article.headline), dek: analyze(article.dek ?? ''), body: analyze(article.bodyText) },
  };
}

/** Keeps the full-text index in step with the articles, through the same analyzer as queries. */
export function createSearchIndexer(deps: { db: Kysely<Database>; fullText: FullTextIndex }): SearchIndexer {
  const { db, fullText } = deps;
  return {
    async index(article, trx) {
      const { articleId, fields } = entryOf(article);
      await fullText.upsert(trx ?? db, articleId, fields);
    },
    async indexMany(articles, trx) {
      // The next part is analyzed while the database writes the previous one (PostgreSQL works in
      // a process of its own), instead of one waiting for the other.
      let writing: Promise<void> = Promise.resolve();
      for (let from = 0; from < articles.length; from += INDEX_PART) {
        const entries = articles.slice(from, from + INDEX_PART).map(entryOf);
        await writing;
        writing = fullText.upsertMany(trx ?? db, entries);
      }
      await writing;
    },
    remove: (articleId, trx) => fullText.remove(trx ?? db, articleId),
  };
}

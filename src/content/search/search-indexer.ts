import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FullTextIndex, IndexEntry } from '../../db/full-text.ts';
import { analyze, analyzeWithOffsets } from '../../arabic/stem.ts';

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

/** A lead is at least this many words (a dateline or a kicker alone is not one) and at most the other. */
const LEAD_MIN_WORDS = 8;
const LEAD_MAX_WORDS = 40;
// A word that ends a sentence: . ! ? ؟ … at its end, before any closing quote or bracket ("3.5" and
// "U.S" end none).
const ENDS_SENTENCE = /[.!?؟…][\]"'»”’)]*$/u;

/**
 * Where a story's lead ends in its body text (a character offset): its first sentence or paragraph,
 * LEAD_MIN_WORDS to LEAD_MAX_WORDS words. A news story says what happened in its first sentence, in
 * the words of its headline, so the index weights those words above the rest of the body: with
 * bodies alone, each title finds its own article at MRR@10 0.782 instead of 0.754 (`npm run
 * eval:search`; weights in src/db/full-text.ts).
 */
export function leadEnd(bodyText: string): number {
  const words = /\S+/gu;
  let end = 0;
  for (let n = 1, word = words.exec(bodyText); word !== null; n++, word = words.exec(bodyText)) {
    end = word.index + word[0].length;
    if (n >= LEAD_MAX_WORDS) break;
    if (n >= LEAD_MIN_WORDS && (ENDS_SENTENCE.test(word[0]) || bodyText[end] === '\n')) break;
  }
  return end;
}

/** An article as the index stores it: analyzed fields, and how many body terms make its lead. */
export function indexEntryOf(article: IndexableArticle): IndexEntry {
  const body = analyzeWithOffsets(article.bodyText);
  const end = leadEnd(article.bodyText);
  const lead = body.findIndex((t) => t.end > end);
  return {
    articleId: article.id,
    fields: {
      headline: analyze(article.headline),
      dek: analyze(article.dek ?? ''),
      body: body.map((t) => t.term),
      lead: lead < 0 ? body.length : lead,
    },
  };
}

/** Keeps the full-text index in step with the articles, through the same analyzer as queries. */
export function createSearchIndexer(deps: { db: Kysely<Database>; fullText: FullTextIndex }): SearchIndexer {
  const { db, fullText } = deps;
  return {
    async index(article, trx) {
      const { articleId, fields } = indexEntryOf(article);
      await fullText.upsert(trx ?? db, articleId, fields);
    },
    async indexMany(articles, trx) {
      // The next part is analyzed while the database writes the previous one (PostgreSQL works in
      // a process of its own), instead of one waiting for the other.
      let writing: Promise<void> = Promise.resolve();
      for (let from = 0; from < articles.length; from += INDEX_PART) {
        const entries = articles.slice(from, from + INDEX_PART).map(indexEntryOf);
        await writing;
        writing = fullText.upsertMany(trx ?? db, entries);
      }
      await writing;
    },
    remove: (articleId, trx) => fullText.remove(trx ?? db, articleId),
  };
}

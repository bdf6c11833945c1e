import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The lead of a story (its first sentence) weighs more in search than the rest of its body (see
 * src/db/full-text.ts). FTS5 weights by column and cannot add one, so SQLite's index is made again
 * with a `lead` column; start-up then rebuilds its content from the articles (FULL_TEXT_LAYOUT
 * changed), and until it has, SQLite's search finds nothing. PostgreSQL marks the lead's positions
 * with weight C in the same tsvector: no change of table, and the rebuild happens in place while
 * search answers with the previous vectors.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`DROP TABLE article_search`.execute(db);
  await sql`CREATE VIRTUAL TABLE article_search USING fts5(headline, dek, body, lead, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`DROP TABLE article_search`.execute(db);
  await sql`CREATE VIRTUAL TABLE article_search USING fts5(headline, dek, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
}

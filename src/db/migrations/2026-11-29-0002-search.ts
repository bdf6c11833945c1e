import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The full-text index. Both engines index the same analyzed terms, produced in TypeScript
 * (src/arabic/stem.ts), because neither engine's own tokenizers fold Arabic.
 * SQLite: a contentless FTS5 table (rowid = article id) with one column per field, so bm25 can
 * weight the headline above the body. PostgreSQL: a tsvector per article, fields as weights A/B/D,
 * under a GIN index.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE article_search USING fts5(headline, dek, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    return;
  }
  await db.schema
    .createTable('article_search')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX article_search_document ON article_search USING gin (document)`.execute(db);
}

/** Drops the index; it can be rebuilt from the articles at any time. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE article_search`.execute(db);
}

import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Search at 100,000 articles. What search needs of a match beside its terms (status, date, section)
 * is found by id in one index, without reading the article row: SQLite stores the body on overflow
 * pages ahead of the columns that follow it, so a row lookup per match reads the whole body.
 * PostgreSQL ranks with a second, small tsvector kept in the row (STORAGE MAIN: compressed if need
 * be, moved out of the row only as a last resort), so ranking reads no TOASTed document.
 * `meta` records facts about the stored data, such as the analyzer version the search index was
 * built with; start-up rebuilds the index when it differs, which also fills the new column and the
 * block lexemes of src/db/full-text.ts (until then PostgreSQL ranks with the whole document).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.createIndex('articles_search_filter').on('articles').columns(['id', 'status', 'published_at', 'section_id']).execute();
  if (dialect === 'postgres') {
    await sql`ALTER TABLE article_search ADD COLUMN rank_document tsvector`.execute(db);
    await sql`ALTER TABLE article_search ALTER COLUMN rank_document SET STORAGE MAIN`.execute(db);
  }
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.dropTable('meta').execute();
  if (dialect === 'postgres') await sql`ALTER TABLE article_search DROP COLUMN rank_document`.execute(db);
  await db.schema.dropIndex('articles_search_filter').execute();
}

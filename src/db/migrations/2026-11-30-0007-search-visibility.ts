import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * PostgreSQL keeps, beside each article's tsvectors, what search filters its matches by: the time
 * readers may see it from (`visible_at`: published_at while the article is published, else null)
 * and its section. The GIN scan already visits every match's row of article_search, so the filter
 * costs nothing there, where looking each match up in `articles` cost a thousand index probes per
 * search. The indexer writes both columns with the tsvectors (src/db/full-text.ts); a trigger keeps
 * them in step when an article's status, date or section changes without its text being indexed
 * again (desk transitions, scheduled publishing), in the same transaction as that change.
 * SQLite needs none of it: its covering index `articles_search_filter` answers the same question
 * without reading article rows.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`ALTER TABLE article_search ADD COLUMN visible_at bigint, ADD COLUMN section_id integer`.execute(db);
  await sql`
    UPDATE article_search SET visible_at = CASE WHEN articles.status = 'published' THEN articles.published_at END, section_id = articles.section_id
    FROM articles WHERE articles.id = article_search.article_id`.execute(db);
  await sql`
    CREATE FUNCTION article_search_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE article_search
      SET visible_at = CASE WHEN NEW.status = 'published' THEN NEW.published_at END, section_id = NEW.section_id
      WHERE article_id = NEW.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER article_search_follow_article AFTER UPDATE OF status, published_at, section_id ON articles
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.section_id IS DISTINCT FROM NEW.section_id)
    EXECUTE FUNCTION article_search_follow_article()`.execute(db);
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`DROP TRIGGER article_search_follow_article ON articles`.execute(db);
  await sql`DROP FUNCTION article_search_follow_article()`.execute(db);
  await sql`ALTER TABLE article_search DROP COLUMN visible_at, DROP COLUMN section_id`.execute(db);
}

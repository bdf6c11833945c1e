import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tag } from './tag.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** The tag with this slug, or undefined. */
export async function findTagBySlug(db: Executor, slug: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

/** The tag with this exact name, or undefined. */
export async function findTagByName(db: Executor, name: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('name', '=', name).executeTakeFirst();
}

/**
 * Tags whose name contains `text` (case-insensitive for Latin letters), names starting with it
 * first, then shorter names: the newsroom's tag autocomplete.
 */
export async function findTagsContaining(db: Executor, text: string, limit: number): Promise<Tag[]> {
  // LIKE's wildcards typed by an editor are literal characters here.
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where(sql<boolean>`lower(name) like ${`%${escaped}%`} escape '\\'`)
    .orderBy(sql`case when lower(name) like ${`${escaped}%`} escape '\\' then 0 else 1 end`)
    .orderBy(sql`length(name)`)
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** Inserts a tag and returns it. */
export async function insertTag(db: Executor, input: { slug: string; name: string; createdAt: number }): Promise<Tag> {
  return db
    .insertInto('tags')
    .values({ slug: input.slug, name: input.name, created_at: input.createdAt })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
}

/** Tags of several articles at once, in each article's tag order. */
export async function tagsOfArticles(db: Executor, articleIds: readonly number[]): Promise<Map<number, Tag[]>> {
  const out = new Map<number, Tag[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position')
    .execute();
  for (const row of rows) {
    const list = out.get(row.article_id) ?? [];
    list.push({ id: row.id, slug: row.slug, name: row.name });
    out.set(row.article_id, list);
  }
  return out;
}

/** Replaces an article's tags with these, in this order. */
export async function setArticleTags(db: Executor, articleId: number, tagIds: readonly number[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('article_tags')
    .values(tagIds.map((tagId, position) => ({ article_id: articleId, tag_id: tagId, position })))
    .execute();
}

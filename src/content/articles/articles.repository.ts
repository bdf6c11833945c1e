import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ArticlesTable, Database } from '../../db/database.ts';
import type { ArticleDocument } from './article-document.ts';
import type { Article, ArticleSummary } from './article.ts';

type Executor = Kysely<Database> | Transaction<Database>;

const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.section_id',
  'articles.headline',
  'articles.dek',
  'articles.byline',
  'articles.source_kind',
  'articles.published_at',
] as const;

type SummaryRow = Pick<
  Selectable<ArticlesTable>,
  'id' | 'slug' | 'section_id' | 'headline' | 'dek' | 'byline' | 'source_kind' | 'published_at'
>;

/** The domain object of an article row (also used by the newsroom desk's repository). */
export function toArticle(row: Selectable<ArticlesTable>): Article {
  return {
    id: row.id,
    slug: row.slug,
    sectionId: row.section_id,
    headline: row.headline,
    dek: row.dek,
    byline: row.byline,
    sourceKind: row.source_kind,
    body: JSON.parse(row.body_doc) as ArticleDocument,
    bodyText: row.body_text,
    status: row.status,
    contentHash: row.content_hash,
    origin: row.origin,
    createdAt: new Date(row.created_at),
    publishedAt: row.published_at === null ? null : new Date(row.published_at),
    updatedAt: row.updated_at === null ? null : new Date(row.updated_at),
    modifiedAt: new Date(row.modified_at),
    featuredMediaId: row.featured_media_id,
    featuredAlt: row.featured_alt,
  };
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    sectionId: row.section_id,
    headline: row.headline,
    dek: row.dek,
    byline: row.byline,
    sourceKind: row.source_kind,
    publishedAt: new Date(row.published_at ?? 0),
  };
}

/** The article with this id in any status, or undefined. */
export async function findArticleById(db: Executor, id: number): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toArticle(row);
}

/** The article whose text hashes to this, or undefined. */
export async function findArticleByContentHash(db: Executor, hash: string): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').selectAll().where('content_hash', '=', hash).executeTakeFirst();
  return row && toArticle(row);
}

/** Inserts an article row and returns it. */
export async function insertArticle(
  db: Executor,
  values: Omit<Insertable<ArticlesTable>, 'id'>,
): Promise<Article> {
  const row = await db.insertInto('articles').values(values).returningAll().executeTakeFirstOrThrow();
  return toArticle(row);
}

/** Filters for lists of published articles. */
export interface PublishedFilter {
  sectionId?: number;
  tagId?: number;
  /** Only articles published at or before this time (epoch ms). */
  notAfter: number;
  excludeIds?: readonly number[];
}

function publishedQuery(db: Executor, filter: PublishedFilter) {
  let query = db
    .selectFrom('articles')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', filter.notAfter);
  if (filter.sectionId !== undefined) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_tags')
          .select('article_tags.article_id')
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .where('article_tags.tag_id', '=', tagId),
      ),
    );
  }
  if (filter.excludeIds && filter.excludeIds.length > 0) query = query.where('articles.id', 'not in', filter.excludeIds);
  return query;
}

/** Published articles, newest first, by offset (reader pages). */
export async function listPublishedByOffset(
  db: Executor,
  filter: PublishedFilter,
  page: { limit: number; offset: number },
): Promise<ArticleSummary[]> {
  const rows = await publishedQuery(db, filter)
    .select(SUMMARY_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toSummary);
}

/** A position in the newest-first order: (published_at, id) of the last item seen. */
export interface ListPosition {
  publishedAt: number;
  id: number;
}

/** Published articles, newest first, after a keyset position (API cursors: stable under inserts). */
export async function listPublishedAfter(
  db: Executor,
  filter: PublishedFilter,
  page: { limit: number; after: ListPosition | null },
): Promise<ArticleSummary[]> {
  let query = publishedQuery(db, filter);
  if (page.after) {
    const { publishedAt, id } = page.after;
    query = query.where((eb) =>
      eb.or([
        eb('articles.published_at', '<', publishedAt),
        eb.and([eb('articles.published_at', '=', publishedAt), eb('articles.id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .select(SUMMARY_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.map(toSummary);
}

/**
 * The rows readers may see (published, not after `notAfter`), in the order of the ids given. The rule
 * is checked here on the few rows fetched by primary key: with status and date in the WHERE clause
 * SQLite (which keeps no statistics) walks the status index over every published article.
 */
function visibleInOrder<Row extends { id: number; status: string; published_at: number | null }>(rows: Row[], ids: readonly number[], notAfter: number): Row[] {
  const byId = new Map(rows.filter((r) => r.status === 'published' && r.published_at !== null && r.published_at <= notAfter).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Summaries of these published articles, in the order of the ids given. */
export async function summariesByIds(db: Executor, ids: readonly number[], notAfter: number): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select([...SUMMARY_COLUMNS, 'articles.status'])
    .where('articles.id', 'in', ids)
    .execute();
  return visibleInOrder(rows, ids, notAfter).map(toSummary);
}

/**
 * Summaries of these published articles with their body texts, in the order of the ids given: what a
 * page of search results reads, in one statement instead of two (the same visibility rule as summariesByIds).
 */
export async function summariesWithBodiesByIds(
  db: Executor,
  ids: readonly number[],
  notAfter: number,
): Promise<{ summary: ArticleSummary; bodyText: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select([...SUMMARY_COLUMNS, 'articles.status', 'articles.body_text'])
    .where('articles.id', 'in', ids)
    .execute();
  return visibleInOrder(rows, ids, notAfter).map((r) => ({ summary: toSummary(r), bodyText: r.body_text }));
}

/** Number of published articles matching the filter. */
export async function countPublished(db: Executor, filter: PublishedFilter): Promise<number> {
  const row = await publishedQuery(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Ids and texts of published articles, for recomputing derived data in bulk. */
export async function listPublishedTexts(
  db: Executor,
): Promise<{ id: number; sectionId: number; headline: string; bodyText: string; publishedAt: number }[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'section_id', 'headline', 'body_text', 'published_at'])
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    headline: r.headline,
    bodyText: r.body_text,
    publishedAt: r.published_at ?? 0,
  }));
}

/** Total articles in any status (an empty database gets the demo content). */
export async function countAllArticles(db: Executor): Promise<number> {
  const row = await db.selectFrom('articles').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** What the search index reads of these articles. */
export async function searchSourcesByIds(
  db: Executor,
  ids: readonly number[],
): Promise<{ id: number; headline: string; dek: string | null; bodyText: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('articles').select(['id', 'headline', 'dek', 'body_text']).where('id', 'in', ids).execute();
  return rows.map((r) => ({ id: r.id, headline: r.headline, dek: r.dek, bodyText: r.body_text }));
}
